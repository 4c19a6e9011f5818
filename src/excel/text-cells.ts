/**
 * Rows as written into cells whose number format the same request sets first: where that format
 * is Text ("@"), a literal's quote prefix is taken off again. Excel keeps what is written into a
 * Text cell as text ("Text format cells are treated as text even when a number is in the cell.
 * The cell is displayed exactly as entered", the description of Text in Excel's Format Cells
 * dialog), so "2022" or "=1+2" needs no prefix there; and whether Excel drops a quote prefix
 * written into a Text cell, or keeps it as a character ("'2022"), Microsoft does not say. Without
 * the prefix the cell holds the text in either case: the safe reading. A text that itself starts
 * with an apostrophe ("'s-Gravenhage", written "''s-Gravenhage") keeps its prefix, as before.
 */
export function forTextCells(rows: readonly (readonly (string | number | boolean)[])[], formats: readonly (readonly string[])[]): (string | number | boolean)[][] {
  return rows.map((row, r) =>
    row.map((value, c) => (formats[r]?.[c] === "@" && typeof value === "string" && value.startsWith("'") && !value.startsWith("''") ? value.slice(1) : value)),
  );
}
