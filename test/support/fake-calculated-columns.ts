import type { Box, SheetModel } from "./fake-excel";

/**
 * Calculated columns of a table, for the Excel fake: "When you enter a formula into an empty
 * table column, the column automatically fills the rest of the rows in the column. Excel calls
 * this a calculated column … calculated columns continue to adjust as you add or delete rows in
 * the table" (Microsoft's Excel help on calculated columns, Excel 2011 for Mac,
 * mac2.microsoft.com); "Resizing the table or inserting a row automatically replicates the
 * calculated column formulas to these new rows" (abap2xlsx #723, summing up Microsoft Support's
 * "Use calculated columns in an Excel table"). Through the API too: rows added with
 * TableRowCollection.add get the column's formula "even when the formula has been set to empty
 * string, null or undefined for that row" (office-js #1916), and Excel's AutoCorrect option "Fill
 * formulas in tables to create calculated columns" (on by default) decides it for API writes as
 * for typing (office-js #2093, #6745: with the option off, nothing is filled).
 *
 * Excel keeps the column's formula with the table (calculatedColumnFormula in the file); the fake
 * keeps none, and takes a column of the body whose every cell holds the same formula text (what a
 * structured reference such as `=[@Waarde]*2` gives in every row) as a calculated column. Its
 * reading where that leaves it open: a body of one row is no calculated column (one formula typed
 * there cannot be told from an exception), a column with one cell different (an exception)
 * neither, and an A1 formula that differs per row (`=G2*2`, `=G3*2`) is not recognised.
 */
export interface CalculatedColumn {
  /** The sheet column. */
  column: number;
  formula: string;
}

/** The calculated columns of a table's body (`body`: its rows below the header, a total row left out). */
export function calculatedColumns(sheet: SheetModel, body: Box): CalculatedColumn[] {
  if (body.rows < 2) return [];
  const found: CalculatedColumn[] = [];
  for (let c = 0; c < body.columns; c++) {
    const column = body.column + c;
    const formula = sheet.cells.get(`${body.row},${column}`)?.formula ?? null;
    if (formula === null) continue;
    let same = true;
    for (let r = 1; r < body.rows && same; r++) same = sheet.cells.get(`${body.row + r},${column}`)?.formula === formula;
    if (same) found.push({ column, formula });
  }
  return found;
}

const blank = (value: unknown) => value === null || value === undefined || value === "";

/**
 * Excel filling new rows `from`…`from + count - 1` of the sheet with each calculated column's
 * formula, where the row's cell is blank (the values TableRowCollection.add was given there, or
 * the cell itself after a resize): a value given is kept, as an exception. The formula's result is
 * left to calculation (the fake has none: Range.values reads what formulaResult gives).
 */
export function fillCalculated(sheet: SheetModel, columns: readonly CalculatedColumn[], from: number, count: number): void {
  for (const { column, formula } of columns) {
    for (let row = from; row < from + count; row++) {
      const cell = sheet.cell(row, column);
      if (cell.formula === null && blank(cell.value)) Object.assign(cell, { formula, value: null });
    }
  }
}
