import { TABLE_NAMES } from "../data/package";
import { Cell } from "../data/validate";
import { MarkStore } from "./marks";

export interface SheetState {
  sheet: Excel.Worksheet;
  name: string;
  /** The add-in's key for a sheet it made ("data", "bevolking", …); null for the user's sheets. */
  key: string | null;
}

export interface TableState {
  table: Excel.Table;
  sheetName: string;
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
 * Reads what the add-in needs to know about the workbook in two syncs, whatever its size:
 * the sheets and tables, then the marks, the tables' sheets and the data tables' cells.
 */
export async function inspectWorkbook(context: Excel.RequestContext, marks: MarkStore): Promise<WorkbookState> {
  const worksheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  await context.sync();

  const markReaders = worksheets.items.map((sheet) => marks.queueRead(sheet));
  const tableSheets = tables.items.map((table) => table.worksheet.load("name"));
  const dataRanges = new Map(
    tables.items.filter((t) => DATA_TABLES.includes(t.name)).map((t) => [t.name, t.getRange().load("values,rowIndex,columnIndex")]),
  );
  await context.sync();

  return {
    sheets: worksheets.items.map((sheet, i) => ({ sheet, name: sheet.name, key: markReaders[i]() })),
    tables: new Map(
      tables.items.map((table, i) => {
        const range = dataRanges.get(table.name);
        const state: TableState = { table, sheetName: tableSheets[i].name };
        if (range) Object.assign(state, { cells: range.values, row: range.rowIndex, column: range.columnIndex });
        return [table.name.toLowerCase(), state];
      }),
    ),
  };
}
