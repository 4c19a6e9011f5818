import { Box } from "../report/a1";
import { withoutBox } from "./cells-beside";

/*
 * Which cells of an area a first load wrote on a blank sheet keep formats when the load is put
 * back: the table style's look goes with the table (see Journal.undo), except on cells that
 * hold something of the analyst's that clearing formats would take too. Pure.
 */

/**
 * The cells of `area` (sheet indexes) whose formats, as Excel reports them (`formats`: one text
 * per cell, row by row, the header first), differ from the rest of their kind: the header row,
 * the odd body rows, the even body rows. The writer gives every cell of a kind the same formats
 * (the table style's, by row: header, banded rows), whatever Excel reports for them, so a cell
 * unlike the others of its kind was formatted by the analyst while the load ran. The most
 * common formats of a kind are the writer's; a change the analyst made to every cell of a kind
 * alike is not told apart (it goes with the look).
 */
export function cellsFormattedApart(area: Box, formats: readonly (readonly string[])[]): Box[] {
  const kindOf = (r: number) => (r === 0 ? 0 : 1 + ((r - 1) % 2));
  const counts = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  formats.forEach((row, r) => row.forEach((cell) => counts[kindOf(r)].set(cell, (counts[kindOf(r)].get(cell) ?? 0) + 1)));
  const common = counts.map((kind) => [...kind].reduce<[string | null, number]>((best, [cell, n]) => (n > best[1] ? [cell, n] : best), [null, 0])[0]);
  return formats.flatMap((row, r) => row.flatMap((cell, c) => (cell === common[kindOf(r)] ? [] : [{ row: area.row + r, column: area.column + c, rows: 1, columns: 1 }])));
}

/** `area` without the cells of `holes`: as few boxes as the cut needs, together covering every other cell once. */
export function boxesOutside(area: Box, holes: readonly Box[]): Box[] {
  let boxes: Box[] = [area];
  for (const hole of holes) boxes = boxes.flatMap((box) => withoutBox(box, hole));
  return boxes;
}

/** The part of `boxes` that `within` covers (each box cut to it), leaving out those outside it. */
export function boxesWithin(boxes: readonly Box[], within: Box): Box[] {
  return boxes.flatMap((box) => {
    const [top, left] = [Math.max(box.row, within.row), Math.max(box.column, within.column)];
    const [bottom, right] = [Math.min(box.row + box.rows, within.row + within.rows), Math.min(box.column + box.columns, within.column + within.columns)];
    return bottom > top && right > left ? [{ row: top, column: left, rows: bottom - top, columns: right - left }] : [];
  });
}

/** `boxes` without those inside another (or the same as one before them): what to name. */
export function outermost(boxes: readonly Box[]): Box[] {
  const inside = (a: Box, b: Box) => a.row >= b.row && a.column >= b.column && a.row + a.rows <= b.row + b.rows && a.column + a.columns <= b.column + b.columns;
  return boxes.filter((box, i) => !boxes.some((other, j) => j !== i && inside(box, other) && (!inside(other, box) || j < i)));
}
