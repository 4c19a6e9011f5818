import { SheetModel, WorkbookModel } from "./fake-excel";
import { sheetNamed } from "./workbooks";

/**
 * States of the add-in's Data sheet a user can leave after a load, for the tests of a first
 * load (a pull, or Regenerate without MonitorData) and of putting one back.
 */

/** Table › Convert to Range on the three monitor tables: the cells and their formats stay, the tables go. */
export function convertedToRanges(model: WorkbookModel): SheetModel {
  const data = sheetNamed(model, "Data");
  model.tables = model.tables.filter((t) => t.sheet !== data);
  return data;
}

/**
 * The three tables deleted with their rows (nothing left on the sheet, not even a format); the
 * user unfroze the header row and widened column A: the sheet is blank, its widths and panes the user's.
 */
export function emptiedDataSheet(model: WorkbookModel): SheetModel {
  const data = convertedToRanges(model);
  data.cells.clear();
  data.frozenRows = 0;
  data.columnWidths.set(0, 200);
  return data;
}

/** The tables converted to ranges and their contents cleared (Delete): the cells' formats stay, so the sheet is not blank. */
export function clearedContents(model: WorkbookModel): SheetModel {
  const data = convertedToRanges(model);
  for (const cell of data.cells.values()) Object.assign(cell, { value: null, formula: null });
  return data;
}
