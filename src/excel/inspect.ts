import { TABLE_NAMES } from "../data/package";
import { Cell } from "../data/validate";
import { SheetContent } from "../report/fingerprint";
import { SheetMark } from "../report/mark";
import { DATA_SHEET_KEY } from "../report/plan";
import { readRows } from "./batch";
import { queueReadMark } from "./marks";

export interface SheetState {
  sheet: Excel.Worksheet;
  name: string;
  /** Excel's id for the sheet: stable within a session only. */
  id: string;
  /** The add-in's mark, for a sheet it made (or a copy of one); null for the user's sheets. */
  mark: SheetMark | null;
  /** What is on a marked sheet now (null for unmarked sheets or when not asked for). */
  content: SheetContent | null;
  /** The charts on a marked sheet (empty otherwise), so that a rebuild can remove them. */
  charts: Excel.Chart[];
}

export interface TableState {
  table: Excel.Table;
  name: string;
  sheetName: string;
  /** The table's range, e.g. "Data!A1:M113". */
  address: string;
  /** Only for the three data tables: their cells, header first, and where they start. */
  cells?: Cell[][];
  row?: number;
  column?: number;
}

export interface WorkbookState {
  sheets: SheetState[];
  /** Every table by lower-case name. */
  tables: Map<string, TableState>;
}

const DATA_TABLES: string[] = Object.values(TABLE_NAMES);
/** A used range larger than this is not one the add-in wrote: its formulas are not read. */
const MAX_FINGERPRINT_CELLS = 50_000; // the add-in writes a few hundred cells a sheet; this many formulas stay well under 4 MB

/**
 * Reads what the add-in needs to know about the workbook in a few syncs, whatever its size: the
 * sheets and tables; the marks and the tables' places; (with `content`) what is on the add-in's
 * sheets, to tell its own work from the user's ("data": on its Data sheet only); then the data
 * tables' cells in chunks of about 4 MB (one sync each, so the count grows with the data only).
 */
export async function inspectWorkbook(context: Excel.RequestContext, options: { marks: boolean; content: boolean | "data" }): Promise<WorkbookState> {
  const worksheets = context.workbook.worksheets.load("items/name,items/id");
  const tables = context.workbook.tables.load("items/name");
  await context.sync();

  const markReaders = worksheets.items.map((sheet) => (options.marks ? queueReadMark(sheet) : () => null));
  const tableSheets = tables.items.map((table) => table.worksheet.load("name"));
  const tableRanges = tables.items.map((table) => table.getRange().load("address,rowIndex,columnIndex,rowCount,columnCount"));
  await context.sync();
  const marks = markReaders.map((read) => read());

  // What is on each of the add-in's sheets: the used range's size first, its formulas only where
  // it is small enough to be the add-in's own (a sheet the user filled is theirs anyway).
  const inspected = worksheets.items.map((sheet, i) => {
    const mark = marks[i];
    if (!options.content || mark === null || (options.content === "data" && mark.key !== DATA_SHEET_KEY)) return null;
    const used = sheet.getUsedRangeOrNullObject(true).load("address,rowCount,columnCount");
    return { sheet, used, charts: mark.key === DATA_SHEET_KEY ? null : sheet.charts.load("items/name"), formulas: null as Excel.Range | null };
  });
  if (inspected.some((x) => x !== null)) {
    await context.sync();
    for (const x of inspected) {
      if (x && x.charts && !x.used.isNullObject && x.used.rowCount * x.used.columnCount <= MAX_FINGERPRINT_CELLS) x.formulas = x.sheet.getUsedRangeOrNullObject(true).load("formulas");
    }
    if (inspected.some((x) => x?.formulas)) await context.sync();
  }

  const dataIndexes = tables.items.flatMap((table, i) => (DATA_TABLES.includes(table.name) ? [i] : []));
  const dataCells = await readRows(
    context,
    dataIndexes.map((i) => {
      const range = tableRanges[i];
      const sheet = tables.items[i].worksheet;
      return { total: range.rowCount, range: (from: number, count: number) => sheet.getRangeByIndexes(range.rowIndex + from, range.columnIndex, count, range.columnCount) };
    }),
  );
  const cellsOf = new Map(dataIndexes.map((table, n) => [table, dataCells[n]]));

  return {
    sheets: worksheets.items.map((sheet, i) => {
      const x = inspected[i];
      const content: SheetContent | null = x
        ? {
            usedAddress: x.used.isNullObject ? null : x.used.address,
            // A sheet too large to be the add-in's gets a content no fingerprint matches.
            formulas: x.formulas ? x.formulas.formulas : x.used.isNullObject ? [] : [["(groter dan wat de invoegtoepassing schrijft)"]],
            tables: tables.items.flatMap((table, t) => (tableSheets[t].name === sheet.name ? [{ name: table.name, address: tableRanges[t].address }] : [])),
            charts: x.charts ? x.charts.items.map((c) => c.name) : [],
          }
        : null;
      return { sheet, name: sheet.name, id: sheet.id, mark: marks[i], content, charts: x?.charts ? x.charts.items : [] };
    }),
    tables: new Map(
      tables.items.map((table, i) => {
        const range = tableRanges[i];
        const state: TableState = { table, name: table.name, sheetName: tableSheets[i].name, address: range.address };
        const cells = cellsOf.get(i);
        if (cells) Object.assign(state, { cells, row: range.rowIndex, column: range.columnIndex });
        return [table.name.toLowerCase(), state];
      }),
    ),
  };
}
