import { Box, parseA1Range } from "../report/a1";

/**
 * A table's notes (ExcelApi 1.18) by the key of the body row each is on: its column in the
 * table and its text. A pull that deletes rows reads them before it writes, as Excel deletes a
 * cell's note with the cell and puts none back when a row is added again: a row the undo adds
 * again gets its notes back from here (table-refresh.ts). By key, not by place: a sort between
 * two syncs moves a row, and the note with it (the safe reading of a sort: the sort reference,
 * Range.sort, says nothing of notes; Excel's Sort moves the cells whole, as cut and paste does).
 */
export type NotesByRow = ReadonlyMap<string, readonly RowNote[]>;

/** A note on a body row: its column in the table and its text. */
export interface RowNote {
  column: number;
  text: string;
}

/** What putting a note back weighs in a request besides its text, about: the call and the cell's range. */
export const NOTE_BYTES = 400;

/**
 * The notes in a table's body, by row key, from a sheet's notes as read (each one's text and
 * cell address, "Data!G5"); `body` is the body's place on the sheet, `keyOfRow` a body row's key
 * (null for a blank row, whose notes cannot be told apart and are not kept here).
 */
export function notesByRow(texts: readonly string[], cells: readonly string[], body: Box, keyOfRow: (row: number) => string | null): NotesByRow {
  return byBodyRow(texts.map((text) => ({ text })), cells, body, keyOfRow);
}

/**
 * What is on cells of a table's body, by the key of the row each is on, with its column in the
 * table (notes here, threaded comments in row-comments.ts): `items` and their cells' addresses in
 * the same order; what lies outside the body, or on a blank row, is left out.
 */
export function byBodyRow<T extends object>(items: readonly T[], cells: readonly string[], body: Box, keyOfRow: (row: number) => string | null): Map<string, (T & { column: number })[]> {
  const byRow = new Map<string, (T & { column: number })[]>();
  cells.forEach((address, n) => {
    const { row, column } = parseA1Range(address);
    const [r, c] = [row - body.row, column - body.column];
    if (r < 0 || r >= body.rows || c < 0 || c >= body.columns) return;
    const key = keyOfRow(r);
    if (key === null) return;
    byRow.set(key, [...(byRow.get(key) ?? []), { ...items[n], column: c }]);
  });
  return byRow;
}
