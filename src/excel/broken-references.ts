import { pointsInto } from "../report/references";
import { ReadBatch, readRows, WriteBatch } from "./batch";
import { WorkbookState } from "./inspect";

/**
 * A pull that deletes rows and then stops (a later delete refused, a cancel, an edit meanwhile)
 * adds the rows back, but "When you delete … a cell that a formula refers to, the formula shows
 * #REF!" and adding the cells back does not make the reference again: Excel rewrote
 * `=Data!G12` into `=Data!#REF!` when the row went (the fake models it, see shiftReferences).
 * So before it deletes anything the pull notes every formula that may point into the tables'
 * sheet (on that sheet, or naming it: pointsInto), and once the rows are back it writes back
 * each one that now holds more #REF! than it did: a #REF! the analyst did not type, but Excel
 * made of the pull's delete. Every other formula is left as it is.
 */
export interface FormulaCell {
  sheet: Excel.Worksheet;
  row: number;
  column: number;
  formula: string;
}

/** More formula cells than this are not read (Excel caps a read at 5,000,000 cells): then none can be put back. */
const MAX_SCANNED_CELLS = 2_000_000;

const refCount = (formula: string) => formula.split("#REF!").length - 1;

/**
 * The formulas of the workbook that may point into `sheetName`, read in one probe sync (which
 * sheets hold formulas, and where) and the formulas of those sheets' used ranges in chunks.
 * Null when there are more cells than MAX_SCANNED_CELLS.
 */
export async function formulasInto(context: Excel.RequestContext, state: WorkbookState, sheetNames: ReadonlySet<string>, limit?: number): Promise<FormulaCell[] | null> {
  const probes = state.sheets.map((s) => ({
    state: s,
    cells: s.sheet.getRange().getSpecialCellsOrNullObject("Formulas").load("cellCount"),
    used: s.sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"),
  }));
  await context.sync();
  const withFormulas = probes.filter((p) => !p.cells.isNullObject && p.cells.cellCount > 0 && !p.used.isNullObject);
  if (withFormulas.reduce((n, p) => n + p.used.rowCount * p.used.columnCount, 0) > MAX_SCANNED_CELLS) return null;
  const read = await readRows(
    context,
    withFormulas.map(({ state: s, used }) => ({
      total: used.rowCount,
      columns: used.columnCount,
      sheet: s.name,
      firstRow: used.rowIndex,
      range: (from: number, count: number) => s.sheet.getRangeByIndexes(used.rowIndex + from, used.columnIndex, count, used.columnCount),
    })),
    { property: "formulas", limit },
  );
  const names = new Set([...sheetNames].map((n) => n.toLowerCase()));
  return read.flatMap((rows, i) => {
    const { state: s, used } = withFormulas[i];
    const home = names.has(s.name.toLowerCase());
    return rows.flatMap((row, r) =>
      row.flatMap((cell, c) => {
        if (typeof cell !== "string" || !cell.startsWith("=")) return [];
        if (!home && ![...sheetNames].some((name) => pointsInto(cell, name))) return [];
        return [{ sheet: s.sheet, row: used.rowIndex + r, column: used.columnIndex + c, formula: cell }];
      }),
    );
  });
}

/** After the rows are back: each of `cells` that holds more #REF! than it did gets its formula back. Two syncs (a read, a write), or their chunks. */
export async function restoreBroken(context: Excel.RequestContext, cells: readonly FormulaCell[], limits: { read?: number; write: number }): Promise<void> {
  if (cells.length === 0) return;
  const reads = new ReadBatch(context, limits.read);
  const now = [];
  for (const cell of cells) now.push(await reads.queue(200 + cell.formula.length * 4, () => cell.sheet.getRangeByIndexes(cell.row, cell.column, 1, 1).load("formulas")));
  await reads.flush();
  const batch = new WriteBatch(context, { limit: limits.write });
  for (const [i, cell] of cells.entries()) {
    const formula = now[i].formulas[0]?.[0];
    if (typeof formula !== "string" || refCount(formula) <= refCount(cell.formula)) continue;
    await batch.queue(200 + cell.formula.length * 2, () => (cell.sheet.getRangeByIndexes(cell.row, cell.column, 1, 1).formulas = [[cell.formula]]));
  }
  await batch.flush();
}
