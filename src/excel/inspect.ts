import { TABLE_NAMES } from "../data/package";
import { Cell } from "../data/validate";
import { SheetContent } from "../report/fingerprint";
import { SheetMark } from "../report/mark";
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

/**
 * Reads what the add-in needs to know about the workbook in at most three syncs, whatever its
 * size: the sheets and tables; then the marks, the tables' places and the data tables' cells;
 * then (with `content`) what is on each marked sheet, to tell the add-in's work from the user's.
 */
export async function inspectWorkbook(context: Excel.RequestContext, options: { marks: boolean; content: boolean }): Promise<WorkbookState> {
  const worksheets = context.workbook.worksheets.load("items/name,items/id");
  const tables = context.workbook.tables.load("items/name");
  await context.sync();

  const markReaders = worksheets.items.map((sheet) => (options.marks ? queueReadMark(sheet) : () => null));
  const tableSheets = tables.items.map((table) => table.worksheet.load("name"));
  const tableRanges = tables.items.map((table) => table.getRange().load(DATA_TABLES.includes(table.name) ? "address,values,rowIndex,columnIndex" : "address"));
  await context.sync();
  const marks = markReaders.map((read) => read());

  const contentReaders = worksheets.items.map((sheet, i) => {
    if (!options.content || marks[i] === null) return () => ({ content: null, charts: [] });
    const used = sheet.getUsedRangeOrNullObject(true).load("address,formulas");
    const charts = sheet.charts.load("items/name");
    return (): { content: SheetContent; charts: Excel.Chart[] } => ({
      content: {
        usedAddress: used.isNullObject ? null : used.address,
        formulas: used.isNullObject ? [] : used.formulas,
        tables: tables.items.flatMap((table, t) => (tableSheets[t].name === sheet.name ? [{ name: table.name, address: tableRanges[t].address }] : [])),
        charts: charts.items.map((c) => c.name),
      },
      charts: charts.items,
    });
  });
  if (options.content && marks.some((m) => m !== null)) await context.sync();

  return {
    sheets: worksheets.items.map((sheet, i) => ({ sheet, name: sheet.name, id: sheet.id, mark: marks[i], ...contentReaders[i]() })),
    tables: new Map(
      tables.items.map((table, i) => {
        const range = tableRanges[i];
        const state: TableState = { table, name: table.name, sheetName: tableSheets[i].name, address: range.address };
        if (DATA_TABLES.includes(table.name)) Object.assign(state, { cells: range.values, row: range.rowIndex, column: range.columnIndex });
        return [table.name.toLowerCase(), state];
      }),
    ),
  };
}
