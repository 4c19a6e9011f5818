import { TEXT_FORMAT } from "../report/written-styles";

export type Input = string | number | boolean;

/**
 * What a write puts in a cell, or null for a cell it leaves as it is, value and number format
 * alike: "Use null in 2-D arrays to leave specific cells unchanged while updating others"
 * (Microsoft Learn, "Blank and null values in Excel add-ins"). An undo passes it for a cell of the
 * analyst's among those it empties (undo.ts).
 */
export type Kept = null;

/**
 * What to write into a cell so that it holds exactly what the add-in means, given the number
 * format the cell has when the value is written: every writer knows that format, because it sets
 * it in the same request or has read it.
 *
 * Values come as for a General cell: texts as `literal` gives them (quote-prefixed where Excel
 * could read them as anything else, write.ts), a formula as "=…". In a General (or number, or
 * date) cell a quote prefix is Excel's: the cell holds the text after it (office-js #6687). In a
 * cell formatted as Text ("@") Excel keeps what is written as text ("Text format cells are
 * treated as text even when a number is in the cell", Excel's Format Cells dialog), so "2022" or
 * "=1+2" needs no prefix there; whether Excel drops a prefix written into a Text cell or keeps it
 * as a character ("'2022"), Microsoft does not say, and the safe reading is that it keeps it.
 * So a Text cell is written the text itself, without the prefix: the same text either way.
 *
 * The one text no single form holds under both readings is a text that itself starts with an
 * apostrophe ("'s-Gravenhage", CBS's name for The Hague, or a note opening with a quotation):
 * unprefixed, a Text cell that drops a prefix holds "s-Gravenhage"; prefixed ("''s-Gravenhage"),
 * one that keeps it holds "''s-Gravenhage". Such a cell is written through General: its number
 * format is set to General, the prefixed text written (the documented quote prefix: it holds
 * "'s-Gravenhage"), and its format set back to Text, all in the same request: the cell ends as
 * planned, Text, holding the text. That setting a number format enters nothing again (a text
 * stays that text) is taken, not documented: the Range.numberFormat reference says only that it
 * is the cells' "number format code"; a number format is how a value shows. Not chosen: Range.valuesAsJson
 * (ExcelApi 1.16, above the 1.13 the manifest asks), whose reference does not say that a string
 * written through it escapes being read as typed; leaving such a cell General (the cell's format
 * would differ from the one the add-in plans, proves and puts back); and refusing (CBS names a
 * municipality so, and the shipped data has a note that opens with a quotation).
 */
export function inputFor(value: Input | Kept, format: string | Kept | undefined): { value: Input | Kept; throughGeneral: boolean } {
  if (format !== TEXT_FORMAT || typeof value !== "string" || !value.startsWith("'")) return { value, throughGeneral: false };
  const text = value.slice(1);
  return text.startsWith("'") ? { value, throughGeneral: true } : { value: text, throughGeneral: false };
}

/**
 * Queues writing `values` (as for a General cell, see inputFor) into `range`, whose cells have,
 * or get (`set`), the number formats `formats`: each holds exactly its text whatever Excel does
 * with a quote prefix in a Text cell.
 */
export function queueCellWrite(range: Excel.Range, values: readonly (readonly (Input | Kept)[])[], formats: readonly (readonly (string | Kept)[])[], set: boolean): void {
  const throughGeneral: [number, number][] = [];
  const inputs = values.map((row, r) =>
    row.map((value, c) => {
      const input = inputFor(value, formats[r]?.[c]);
      if (input.throughGeneral) throughGeneral.push([r, c]);
      return input.value;
    }),
  );
  if (set) range.numberFormat = formats as string[][];
  for (const [r, c] of throughGeneral) range.getCell(r, c).numberFormat = [["General"]];
  range.values = inputs;
  for (const [r, c] of throughGeneral) range.getCell(r, c).numberFormat = [[TEXT_FORMAT]];
}
