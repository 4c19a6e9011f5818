import type { LiveData } from "../data/live-data";
import { readRows } from "./batch";

/** Where MonitorData is, as the follower last read it (follow.ts's Place). */
export interface DataPlace {
  name: string;
  sheetName: string;
  address: string;
  row: number;
  column: number;
  /** Its header and body rows (a total row left out). */
  rows: number;
}

/** What a recalculation changed: "moved" when the table is not where it was (then everything is read again). */
export type Recalculated = "moved" | { formulas: boolean; changed: boolean };

/**
 * After Excel calculated (WorksheetCollection.onCalculated, ExcelApi 1.8): a Waarde cell that
 * holds a formula (`=1200+53` typed by the analyst and kept by pulls, or `=Blad1!B2`) may show a
 * new result without any edit of MonitorData, and a calculation raises no change event for the
 * table (TableChangedEventArgs come from edits). So the Waarde column's results are read again
 * and only the rows whose figure differs are edited in the live data.
 *
 * Bounded: nothing is read unless the column holds a formula (`formulas`: known from before, or
 * found now with Range.getSpecialCellsOrNullObject("Formulas"), ExcelApi 1.9, whose answer is a
 * count); then one column of the table, in blocks under the response limit (readRows), never the
 * whole table. The follower merges calculations that come while it works into one such read.
 * Loaded on demand (webpack chunk "excel-calculated"): most workbooks hold no formulas there.
 */
export async function rereadWaarde(context: Excel.RequestContext, place: DataPlace, column: number, live: LiveData, formulas: boolean | null): Promise<Recalculated> {
  const sheet = context.workbook.worksheets.getItem(place.sheetName);
  const body = (from: number, count: number) => sheet.getRangeByIndexes(place.row + 1 + from, place.column + column, count, 1);
  const bodyRows = place.rows - 1;
  const table = context.workbook.tables.getItem(place.name).getRange().load("address");
  const found = formulas === null && bodyRows > 0 ? body(0, bodyRows).getSpecialCellsOrNullObject("Formulas").load("cellCount") : null;
  try {
    await context.sync();
  } catch {
    return "moved"; // renamed or deleted meanwhile: read everything again
  }
  if (table.address !== place.address) return "moved";
  const holds = found ? !found.isNullObject && found.cellCount > 0 : formulas === true;
  if (!holds || bodyRows === 0) return { formulas: false, changed: false };
  const [cells] = await readRows(context, [{ total: bodyRows, columns: 1, sheet: place.sheetName, firstRow: place.row + 1, range: body }]);
  return { formulas: true, changed: live.editColumn(column, cells.map((row) => row[0])) };
}
