import Papa from "papaparse";
import { guardCell, unguardCell } from "./csv-guard";
import { CellPool } from "./shared-cells";
import { AnyMessage, say } from "../text/message";
import { INPUT } from "../text/input";
import { Problem } from "./types";
import { Result } from "./validate";

/**
 * CSV reading for data packages and for files analysts hand in. Quoting, line ends and BOMs are
 * papaparse's job; this module adds what a monitor table needs on top: strict UTF-8, the dialect
 * detected from the header (the package's comma CSV, or what Dutch Excel saves: semicolons with
 * a decimal comma), and every problem named by table, row and column.
 */

/** How numbers and cells are written: the package's own CSV, or Dutch Excel's "CSV (puntkomma)". */
export interface CsvDialect {
  delimiter: "," | ";";
  decimal: "." | ",";
}

export const PACKAGE_DIALECT: CsvDialect = { delimiter: ",", decimal: "." };

export interface CsvTable {
  rows: string[][];
  dialect: CsvDialect;
}

const problem = (table: string, row: number | null, column: string | null, message: AnyMessage): Problem => ({ table, row, column, message });

/**
 * Bytes of a file as UTF-8 text, strictly: a file saved as Windows-1252 ("ANSI") would otherwise
 * turn every é into U+FFFD without a word. Names the first byte that is not UTF-8.
 */
export function decodeUtf8(bytes: Uint8Array, table: string): Result<string> {
  try {
    return { ok: true, value: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    // Where it goes wrong: the text up to the first replacement character, measured in bytes.
    const lenient = new TextDecoder("utf-8").decode(bytes);
    const bad = lenient.indexOf("\ufffd");
    const offset = new TextEncoder().encode(lenient.slice(0, Math.max(0, bad))).length;
    const line = bytes.subarray(0, offset).reduce((n, b) => (b === 0x0a ? n + 1 : n), 0);
    const byte = bytes[offset]?.toString(16).toUpperCase().padStart(2, "0") ?? "?";
    return {
      ok: false,
      problems: [problem(table, line, null, say(INPUT.notUtf8, { table, byte, line: line + 1 }))],
    };
  }
}

/** The dialect, from the header line: it must name its columns with one kind of separator. */
function detectDialect(headerLine: string, table: string): Result<CsvDialect> {
  const commas = (headerLine.match(/,/g) ?? []).length;
  const semicolons = (headerLine.match(/;/g) ?? []).length;
  if (semicolons > 0 && commas === 0) return { ok: true, value: { delimiter: ";", decimal: "," } };
  if (commas > 0 && semicolons === 0) return { ok: true, value: PACKAGE_DIALECT };
  const message = say(commas > 0 ? INPUT.mixedSeparators : INPUT.noSeparators, { table });
  return { ok: false, problems: [problem(table, null, null, message)] };
}

/** Parses CSV text into rows of cells (header first); readTable passes over blank lines. */
export function parseCsv(text: string, table: string): Result<CsvTable> {
  const rows: string[][] = [];
  const read = readCsv(text, table, () => (row) => void rows.push(row));
  if (!read.ok) return read;
  rows.length = read.value.rows; // without the blank lines at the end
  return { ok: true, value: { rows, dialect: read.value.dialect } };
}

/** What a reader does with each row of cells as it is parsed (index 0: the header). */
export type RowSink = (row: string[], index: number) => void;

/** A CSV text read: its dialect, and its rows (the header's included, the blank lines at its end not). */
export interface CsvRead {
  dialect: CsvDialect;
  rows: number;
}

/**
 * Parses CSV text a row at a time, handing each row to the sink made for the text's dialect,
 * rows that end it blank included (they are not counted). The problems of the text as CSV
 * (an unclosed quote, rows of another width) are the result; what a sink found is its own.
 */
export function readCsv(text: string, table: string, sinkFor: (dialect: CsvDialect) => RowSink): Result<CsvRead> {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const dialect = detectDialect(input.split(/\r\n|\n|\r/, 1)[0] ?? "", table);
  if (!dialect.ok) return dialect;
  const sink = sinkFor(dialect.value);
  const problems: Problem[] = [];
  const pool = new CellPool();
  let index = 0;
  let filled = 0; // the rows up to the last one with a cell that is not blank
  let width = 0;
  let quoteErrorRow: number | null = null;
  // Row by row (papaparse's step), each row's cells shared as it comes: parsed whole, every cell
  // of the file (1.6 million at 100,000 rows) would live until the last row was read, and the
  // garbage collector would copy each of them (README, Benchmarks).
  Papa.parse<string[]>(input, {
    delimiter: dialect.value.delimiter,
    quoteChar: '"',
    skipEmptyLines: false,
    step: (results) => {
      const row = results.data;
      // A step's errors are its row's (papaparse numbers them within the step; the row is this one).
      if (quoteErrorRow === null && results.errors.some((e) => e.type === "Quotes")) quoteErrorRow = index;
      if (index === 0) width = row.length;
      // Blank lines stay (as one empty cell) so that row numbers in messages are the file's lines.
      const blank = row.length === 1 && row[0].trim() === "";
      if (index > 0 && !blank && row.length !== width) {
        problems.push(problem(table, index, null, say(INPUT.cellCount, { table, row: index, cells: row.length, columns: width })));
      }
      // A cell written quote-prefixed against formula injection reads as it was (csv-guard.ts).
      for (let c = 0; c < row.length; c++) if (row[c].charCodeAt(0) === 39) row[c] = unguardCell(row[c]);
      if (!row.every((cell) => cell.trim() === "")) filled = index + 1;
      sink(pool.share(row), index++);
    },
  });
  if (quoteErrorRow !== null) {
    const row = quoteErrorRow;
    return { ok: false, problems: [problem(table, row, null, say(INPUT.unclosedQuote, { table, row }))] };
  }
  // The last line's end (a blank line after it) is no row; a text of blank lines keeps its first.
  const rows = Math.max(filled, Math.min(index, 1));
  return problems.length ? { ok: false, problems: problems.slice(0, 50) } : { ok: true, value: { rows, dialect: dialect.value } };
}

/**
 * CSV in the package's dialect: comma-separated, quoted where needed, "\n" line ends; a text a
 * spreadsheet would take as a formula quote-prefixed (csv-guard.ts), numbers as they are.
 */
export function writeCsv(rows: (string | number)[][]): string {
  return Papa.unparse(rows.map((row) => row.map((cell) => (typeof cell === "string" ? guardCell(cell) : String(cell)))), { newline: "\n", quotes: false }) + "\n";
}
