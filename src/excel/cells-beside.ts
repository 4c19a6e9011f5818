import { Box } from "../report/a1";

/**
 * Where a table's deletes would part cells beside it from their rows. A pull deletes the rows
 * the source no longer has as table rows (`Range.delete("Up")` on the table's own columns, see
 * table-refresh.ts): Excel then shifts up only the cells in those columns ("Use Range.delete to
 * remove cells and shift surrounding cells to fill the gap", "Clear or delete ranges using the
 * Excel JavaScript API"), so whatever stands beside the table in the rows from the first deleted
 * one down to the table's last stays where it is, now beside another record: an analyst's remark
 * in the column next to MonitorData would describe the wrong figure. Pure: boxes only.
 */

/** Excel's last column, 0-based: XFD is the 16,384th. */
export const SHEET_COLUMNS = 16_384;

/**
 * The areas beside `table` (header included) in the rows that move when its body rows from
 * `firstDeleted` (0 = the first under the header) are deleted, left and right of its columns
 * to the sheet's edges, without `others` (the add-in's other tables on the sheet, whose cells
 * are no remark on a row of this one). Empty when nothing is deleted.
 */
export function besideShiftedRows(table: Box, firstDeleted: number | null, others: readonly Box[]): Box[] {
  if (firstDeleted === null) return [];
  const top = table.row + 1 + firstDeleted;
  const rows = table.row + table.rows - top;
  if (rows <= 0) return [];
  const right = table.column + table.columns;
  const sides: Box[] = [
    { row: top, column: 0, rows, columns: table.column },
    { row: top, column: right, rows, columns: SHEET_COLUMNS - right },
  ].filter((side) => side.columns > 0);
  return others.reduce<Box[]>((pieces, hole) => pieces.flatMap((piece) => withoutBox(piece, hole)), sides);
}

/** `area` without the cells of `hole`: up to four boxes (above, below, left and right of it). */
export function withoutBox(area: Box, hole: Box): Box[] {
  const [top, bottom] = [Math.max(area.row, hole.row), Math.min(area.row + area.rows, hole.row + hole.rows)];
  const [left, right] = [Math.max(area.column, hole.column), Math.min(area.column + area.columns, hole.column + hole.columns)];
  if (top >= bottom || left >= right) return [area];
  const pieces: Box[] = [
    { row: area.row, column: area.column, rows: top - area.row, columns: area.columns },
    { row: bottom, column: area.column, rows: area.row + area.rows - bottom, columns: area.columns },
    { row: top, column: area.column, rows: bottom - top, columns: left - area.column },
    { row: top, column: right, rows: bottom - top, columns: area.column + area.columns - right },
  ];
  return pieces.filter((piece) => piece.rows > 0 && piece.columns > 0);
}

/**
 * The cells of a RangeAreas address as Excel writes it ("Data!Q5:Q7,Data!Q9", a sheet name with
 * a comma or a space quoted: "'Mijn, data'!Q5"), without the sheet: ["Q5:Q7", "Q9"].
 */
export function cellsOfAddress(address: string): string[] {
  const cells = [...address.matchAll(/(?:'(?:[^']|'')*'|[^,'!]+)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)/g)].map((match) => match[1]);
  return (cells.length ? cells : address.split(/,\s*/)).map((cell) => cell.replace(/\$/g, "")).filter((cell) => cell !== "");
}
