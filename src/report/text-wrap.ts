import { TextLine } from "./types";
import { TEXT_FONTS } from "./written-styles";

/**
 * How a sheet's long lines stand: the lead, the source and reference-date lines, the notes and
 * the sentences (every line but the title and the captions) are each one cell merged across the
 * sheet's width (its tables, and its charts beside them), wrapped, top-aligned, in a row as high
 * as the lines the text wraps to. Before, each ran far out to the right in one cell. Both
 * renderers (excel/write.ts, xlsx/workbook.ts) write exactly what this puts in the plan, so a
 * downloaded workbook and one Regenerate built show the same sheet, and the ownership rules
 * (report/new-sheet-seal.ts, fingerprint.ts' layoutPrint) know these merges, wraps and heights as
 * the add-in's own.
 *
 * The title (short, large) and the captions (a chart stands below them, never beside) stay one
 * cell each, as they were. The title's row is as high as one line of its 16-point text: left at
 * Excel's standard 15 points, LibreOffice shows that row as it is in the file and cuts off the
 * top of the title (Excel fits a row of no height of its own to its font when it opens the
 * file, and when Office.js sets the font, so there it was always whole).
 */
export const WRAPPED_STYLES: ReadonlySet<TextLine["style"]> = new Set(["lead", "source"]);

/** Excel's width of a column no one sized, in characters (a new workbook's Normal style: 8.43). */
export const DEFAULT_COLUMN_CHARACTERS = 8.43;

/**
 * Characters of text that fit in one character of column width at a font size of 11 points.
 * A column's width counts the default font's widest digit (Calibri 11: 7 pixels), and an average
 * letter of the sheet's fonts is narrower (Segoe UI 11, the .xlsx's, about 6.3 pixels; Calibri,
 * where Office.js writes, about 5.6, in columns it makes 8 pixels a character wide): about 1.1
 * to 1.4 letters a character. Taken as 1 on purpose: a line estimated too short gives a row a
 * line too many (white space below the text), one estimated too long would cut the text off.
 * (Rendered by LibreOffice, the sentences of the shipped sheets fill about three quarters of
 * their merged width at this estimate.)
 */
const CHARACTERS_PER_WIDTH = 1;

/** A row's height per line of text, in points, by font size: Excel gives 11-point text 15 points (1.36 times), Segoe UI a little more. */
const LINE_HEIGHT_PER_POINT = 1.4;

/** Excel's tallest row (Excel specifications and limits: 409 points). */
const MAX_ROW_HEIGHT = 409;

/** Excel stores row heights in whole pixels at 96 dpi: 0.75 points each. */
const PIXEL_POINTS = 0.75;

/**
 * The lines `text` wraps to in a cell `widthCharacters` wide at `fontSize`: words placed greedily
 * as Excel wraps them, a word longer than a line broken over as many as it needs.
 */
export function wrappedLineCount(text: string, widthCharacters: number, fontSize: number): number {
  const perLine = Math.max(1, Math.floor((widthCharacters * CHARACTERS_PER_WIDTH * 11) / fontSize));
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = -1; // no line begun
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (used >= 0 && used + 1 + word.length <= perLine) {
        used += 1 + word.length;
        continue;
      }
      lines += Math.ceil(word.length / perLine);
      used = word.length % perLine || perLine;
    }
    if (used < 0) lines += 1; // an empty paragraph is a line too
  }
  return Math.max(1, lines);
}

/** The height in points of a row of `lines` lines at `fontSize`, in whole pixels, at most Excel's tallest row. */
export function rowHeightFor(lines: number, fontSize: number): number {
  const points = lines * fontSize * LINE_HEIGHT_PER_POINT + 3;
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(points / PIXEL_POINTS) * PIXEL_POINTS);
}

/**
 * The texts of a sheet with their merges and heights: the title gets the `height` of its one
 * line; each line of a wrapped style gets `columns` (the sheet's width in columns, when more
 * than one) and, where its text needs more than one line in that width, `height`. `columnWidths`: the widths (in characters) the plan
 * gives the first columns; the rest are Excel's default.
 */
export function wrapTexts(texts: readonly TextLine[], columns: number, columnWidths: readonly number[]): TextLine[] {
  const titled = texts.map((line) => (line.style === "title" ? { ...line, height: rowHeightFor(1, TEXT_FONTS.title.size) } : line));
  if (columns < 2) return titled;
  const width = Array.from({ length: columns }, (_, c) => columnWidths[c] ?? DEFAULT_COLUMN_CHARACTERS).reduce((a, b) => a + b, 0);
  return titled.map((line) => {
    if (!WRAPPED_STYLES.has(line.style)) return line;
    const size = TEXT_FONTS[line.style].size;
    const lines = wrappedLineCount(line.text, width, size);
    return { ...line, columns, ...(lines > 1 ? { height: rowHeightFor(lines, size) } : {}) };
  });
}
