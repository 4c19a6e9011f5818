import { TABLE_NAMES } from "../data/package";
import { Cell } from "../data/validate";
import { SheetContent, SheetExtras } from "../report/fingerprint";
import { SheetMark } from "../report/mark";
import { DATA_SHEET_KEY } from "../report/plan";
import type { Reading } from "../text/excel";
import { MAX_SYNC_BYTES, ReadBatch, readRows } from "./batch";
import { queueReadMark } from "./marks";
import { countedPages, queueFirstPages, readPages, takeAll } from "./names-read";
import { readingFirst } from "./read-refused";
import { Area, readExtras } from "./sheet-extras";
import { totalRows } from "./total-row";

export interface SheetState {
  sheet: Excel.Worksheet;
  name: string;
  /** Excel's id for the sheet: stable within a session only. */
  id: string;
  /** The add-in's mark, for a sheet it made (or a copy of one); null for the user's sheets. */
  mark: SheetMark | null;
  /** What is on a marked sheet now (null for unmarked sheets or when not asked for). */
  content: SheetContent | null;
  /** Everything else on a marked indicator sheet (formats, panes, notes…; null when not read or too large). */
  extras: SheetExtras | null;
  /** The charts on a marked sheet (empty otherwise), so that a rebuild can remove them. */
  charts: Excel.Chart[];
  /** For a marked sheet whose content was read: whether it holds no value and no formatted cell (tables aside). */
  blank?: boolean;
}

export interface TableState {
  table: Excel.Table;
  name: string;
  sheetName: string;
  /** The table's range, e.g. "Data!A1:M113" (Table.getRange: "the entire table", a total row included). */
  address: string;
  /**
   * Whether the table shows a total row (Table Design › Total Row; Table.showTotals, ExcelApi
   * 1.1): then the last row of `address` is the total row, no figure, and not among `cells`.
   */
  totalRow: boolean;
  /** Only for the three data tables: their cells, header and body (the total row left out), and where they start. */
  cells?: Cell[][];
  row?: number;
  column?: number;
}

export interface WorkbookState {
  sheets: SheetState[];
  /** Every table by lower-case name. */
  tables: Map<string, TableState>;
  /**
   * The defined names, the workbook's and every sheet's own (a table may not take one; one
   * pointing into a sheet makes it the user's): a name scoped to the user's sheet that points
   * into an indicator sheet keeps that sheet as surely as a workbook's name does.
   */
  names: { name: string; formula: string }[];
}

const DATA_TABLES: string[] = Object.values(TABLE_NAMES);
/** The formulas of a sheet that were not read (too large to be the add-in's, or its Data sheet). */
export const NOT_READ: (string | number | boolean)[][] = [["(niet gelezen)"]];
/**
 * A used range larger than this is not one the add-in wrote: its formulas and cell properties
 * are not read (the sheet counts as the user's). The add-in's largest sheet grows with the
 * areas of a package: 5,662 cells at 100,000 figures (Kinderen, measured on the fake), about
 * ten times that at a million; reading 100,000 cells' properties takes about 17 syncs of 4 MB.
 */
const MAX_FINGERPRINT_CELLS = 100_000;
/** What a formula or value of an indicator sheet weighs in a response, for chunking (texts are long). */
const FORMULA_BYTES = 80;
/** What the defined names' first pages may take of the second sync's response: half, the rest for the marks and tables' places. */
const NAMES_BUDGET = MAX_SYNC_BYTES / 2;
/** What to load of a range to read it in blocks (see Area). */
export const AREA = "address,rowIndex,columnIndex,rowCount,columnCount";

type Formulas = (string | number | boolean)[][];

/**
 * Queues reading the formulas (a value where a cell has none) of `used` into `reads`, in blocks
 * of rows each under the batch's limit; the returned reader works after the batch's last flush.
 */
export async function queueReadFormulas(reads: ReadBatch, sheet: Excel.Worksheet, used: Area | null): Promise<() => Formulas> {
  if (!used) return () => [];
  const blocks = await reads.queueRows(used.rowCount, used.columnCount * FORMULA_BYTES + 10, (from, count) => sheet.getRangeByIndexes(used.rowIndex + from, used.columnIndex, count, used.columnCount).load("formulas"));
  return () => blocks.flatMap((b) => b.formulas as Formulas);
}

/**
 * Reads what the add-in needs to know about the workbook in a few syncs, whatever its size: the
 * sheets, tables and defined names; the marks, the tables' places and the size of what is on
 * the add-in's sheets; (with `content`) what is on them, to tell its own work from the user's
 * ("data": on its Data sheet only): formulas, cell properties and everything else a user may
 * add, in syncs of at most about 4 MB of response each; then the data tables' cells in chunks
 * of about 4 MB (one sync each, so the count grows with the data only).
 */
export function inspectWorkbook(context: Excel.RequestContext, options: { marks: boolean; content: boolean | "data" }): Promise<WorkbookState> {
  // It comes before anything is written, so a sync Excel refuses here has changed nothing (see read-refused.ts).
  return readingFirst({ what: "workbook" }, (at) => inspect(context, options, at));
}

async function inspect(context: Excel.RequestContext, options: { marks: boolean; content: boolean | "data" }, at: { reading: Reading }): Promise<WorkbookState> {
  const worksheets = context.workbook.worksheets.load("items/name,items/id");
  const tables = context.workbook.tables.load("items/name,items/showTotals");
  await context.sync();

  const markReaders = worksheets.items.map((sheet) => (options.marks ? queueReadMark(sheet) : () => null));
  const tableSheets = tables.items.map((table) => table.worksheet.load("name"));
  const tableRanges = tables.items.map((table) => table.getRange().load("address,rowIndex,columnIndex,rowCount,columnCount"));
  // Worksheet.names holds the names scoped to that sheet, which Workbook.names leaves out
  // (ExcelApi 1.4, Excel.NamedItemScope): the workbook's and every sheet's, counted and read in
  // this same sync when they are few, in pages under the response limit when not (names-read.ts).
  const names = countedPages([context.workbook.names, ...worksheets.items.map((sheet) => sheet.names)]);
  queueFirstPages(names, NAMES_BUDGET);
  await context.sync();
  takeAll(names);
  await readPages(new ReadBatch(context), names);
  const marks = markReaders.map((read) => read());

  // What is on each of the add-in's sheets: the used ranges' sizes first (with values only, and
  // with formats); their formulas and everything else only where they are small enough to be the
  // add-in's own (a sheet the user filled is theirs anyway).
  const inspected = worksheets.items.map((sheet, i) => {
    const mark = marks[i];
    if (!options.content || mark === null || (options.content === "data" && mark.key !== DATA_SHEET_KEY)) return null;
    const used = sheet.getUsedRangeOrNullObject(true).load(AREA);
    const indicator = mark.key !== DATA_SHEET_KEY;
    const formatted = sheet.getUsedRangeOrNullObject(false).load(AREA);
    return { sheet, used, formatted, charts: indicator ? sheet.charts.load("items/name") : null, formulas: null as (() => Formulas) | null, extras: null as SheetExtras | null };
  });
  if (inspected.some((x) => x !== null)) {
    at.reading = { what: "sheets", sheets: worksheets.items.filter((_, i) => inspected[i] !== null).map((sheet) => sheet.name) };
    await context.sync();
    const reads = new ReadBatch(context);
    const cells = (range: Excel.Range) => (range.isNullObject ? 0 : range.rowCount * range.columnCount);
    const fingerprinted = inspected.flatMap((x) => (x && x.charts && cells(x.used) <= MAX_FINGERPRINT_CELLS && cells(x.formatted) <= MAX_FINGERPRINT_CELLS ? [{ x, formatted: x.formatted, charts: x.charts }] : []));
    for (const { x } of fingerprinted) x.formulas = await queueReadFormulas(reads, x.sheet, x.used.isNullObject ? null : x.used);
    const extras = await readExtras(
      reads,
      fingerprinted.map(({ x, formatted, charts }) => ({ sheet: x.sheet, formatted: formatted.isNullObject ? null : formatted, charts: charts.items })),
    );
    fingerprinted.forEach(({ x }, i) => (x.extras = extras[i]));
  }

  const dataIndexes = tables.items.flatMap((table, i) => (DATA_TABLES.includes(table.name) ? [i] : []));
  const dataSheets = new Set(dataIndexes.map((i) => tableSheets[i].name));
  at.reading = { what: "tables", sheet: dataSheets.size === 1 ? [...dataSheets][0] : null };
  const dataCells = await readRows(
    context,
    dataIndexes.map((i) => {
      const range = tableRanges[i];
      const sheet = tables.items[i].worksheet;
      return {
        total: range.rowCount - totalRows(tables.items[i]),
        columns: range.columnCount,
        sheet: tableSheets[i].name,
        firstRow: range.rowIndex,
        range: (from: number, count: number) => sheet.getRangeByIndexes(range.rowIndex + from, range.columnIndex, count, range.columnCount),
      };
    }),
  );
  const cellsOf = new Map(dataIndexes.map((table, n) => [table, dataCells[n]]));

  return {
    sheets: worksheets.items.map((sheet, i) => {
      const x = inspected[i];
      const content: SheetContent | null = x
        ? {
            usedAddress: x.used.isNullObject ? null : x.used.address,
            // A sheet too large to be the add-in's (or the Data sheet) gets a content no fingerprint matches.
            formulas: x.formulas ? x.formulas() : x.used.isNullObject ? [] : NOT_READ,
            tables: tables.items.flatMap((table, t) => (tableSheets[t].name === sheet.name ? [{ name: table.name, address: tableRanges[t].address }] : [])),
            charts: x.charts ? x.charts.items.map((c) => c.name) : [],
          }
        : null;
      const blank = x ? { blank: x.used.isNullObject && x.formatted.isNullObject } : {};
      return { sheet, name: sheet.name, id: sheet.id, mark: marks[i], content, extras: x?.extras ?? null, charts: x?.charts ? x.charts.items : [], ...blank };
    }),
    tables: new Map(
      tables.items.map((table, i) => {
        const range = tableRanges[i];
        const state: TableState = { table, name: table.name, sheetName: tableSheets[i].name, address: range.address, totalRow: table.showTotals };
        const cells = cellsOf.get(i);
        if (cells) Object.assign(state, { cells, row: range.rowIndex, column: range.columnIndex });
        return [table.name.toLowerCase(), state];
      }),
    ),
    names: names.flatMap((pages) => pages.names.map((n) => ({ name: n.name, formula: n.formula }))),
  };
}
