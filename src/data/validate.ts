import type { ColumnSpec } from "./columns";
import type { CsvDialect } from "./csv";
import { isoFromSerial, serialFromIso } from "./dates";
import { cellTextProblem } from "./text-rules";
import { AnyMessage, say } from "../text/message";
import { INPUT, Shown } from "../text/input";
import { Problem } from "./types";
import { ROWS_PER_STEP, runSteps, Steps } from "./slices";

/** A cell as it arrives from CSV (string) or from an Excel range (string, number, boolean, empty). */
export type Cell = string | number | boolean | null | undefined;

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Stop listing after this many problems: a wholly wrong file should not produce 10,000 lines. */
export const MAX_PROBLEMS = 50;

export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  return typeof cell === "string" ? cell.trim() : String(cell);
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
const DUTCH_NUMBER = /^-?\d+(,\d+)?$/;
const DUTCH_GROUPED = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/;
const GROUPED_WITH_DOTS = /^-?\d{1,3}(\.\d{3}){2,}$/;
const GROUPED_WITH_COMMAS = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

type NumberReading = { value: number } | { value: null; hint: AnyMessage };

/**
 * Numbers, strictly: JavaScript numbers from Excel, text with "." as decimal point (the
 * package's CSV) or, in a Dutch Excel CSV, with a decimal comma and optional thousands dots.
 * Never Infinity, never a guess: what is not clearly one number is refused with a hint.
 */
function parseNumber(cell: Cell, decimal: "." | ","): NumberReading {
  if (typeof cell === "number") return Number.isFinite(cell) ? { value: cell } : { value: null, hint: say(INPUT.notFinite) };
  const text = cellText(cell);
  let value: number | null = null;
  if (decimal === ",") {
    if (DUTCH_NUMBER.test(text)) value = Number(text.replace(",", "."));
    else if (DUTCH_GROUPED.test(text)) value = Number(text.replace(/\./g, "").replace(",", "."));
    else if (PLAIN_NUMBER.test(text)) return { value: null, hint: say(INPUT.semicolonsTakeDecimalComma) };
  } else if (PLAIN_NUMBER.test(text)) {
    value = Number(text);
  } else if (GROUPED_WITH_DOTS.test(text) || GROUPED_WITH_COMMAS.test(text)) {
    return { value: null, hint: say(INPUT.noThousandsSeparator, { meant: text.replace(GROUPED_WITH_DOTS.test(text) ? /\./g : /,/g, "") }) };
  } else if (DUTCH_NUMBER.test(text)) {
    return { value: null, hint: say(INPUT.decimalPointFor, { meant: text.replace(",", ".") }) };
  }
  if (value === null) return { value: null, hint: say(decimal === "," ? INPUT.decimalComma : INPUT.decimalPoint) };
  return Number.isFinite(value) ? { value } : { value: null, hint: say(INPUT.numberTooLarge) };
}

/** A cell for a message: a number as it is (the message writes it in the reader's notation), a text quoted and shortened. */
function describe(cell: Cell): Shown {
  if (typeof cell === "number") return cell;
  const text = cellText(cell);
  return text.length > 40 ? `'${text.slice(0, 40)}…'` : `'${text}'`;
}

/** Where each contract column sits in a table's header, or the problem with the header. */
export type HeaderReading = { ok: true; position: Map<string, number> } | { ok: false; problems: Problem[] };

/** How a header may differ from the contract: in a workbook's table, the analyst's own columns are theirs. */
export interface HeaderOptions {
  extraColumns?: "refuse" | "ignore";
}

/** Checks a table's header row against its column contract: every column once, no unknown ones (unless ignored). */
export function readHeader<T>(table: string, columns: ColumnSpec<T>[], headerRow: readonly Cell[] | undefined, options: HeaderOptions = {}): HeaderReading {
  const header = (headerRow ?? []).map(cellText);
  const doubled = header.filter((name, i) => name !== "" && header.indexOf(name) !== i);
  if (doubled.length > 0) {
    return { ok: false, problems: [{ table, row: null, column: doubled[0], message: say(INPUT.columnTwice, { table, column: doubled[0] }) }] };
  }
  const expected = columns.map((c) => c.name);
  // A derived column may be absent (an older edition): its cells read as empty and are derived.
  const missing = columns.filter((c) => !c.derived && !header.includes(c.name)).map((c) => c.name);
  const extra = header.filter((name) => name !== "" && !expected.includes(name));
  // In a workbook's table, a column of the analyst's (a calculated column for a pivot) is theirs,
  // not a problem; it is named only beside a missing column (it may be that one, renamed).
  if (missing.length > 0 || (extra.length > 0 && options.extraColumns !== "ignore")) {
    const message = say(INPUT.headerColumns, { table, missing, unknown: extra, expected });
    return { ok: false, problems: [{ table, row: null, column: missing[0] ?? extra[0], message }] };
  }
  // Columns are found by name, so an analyst who reorders the table's columns breaks nothing.
  return { ok: true, position: new Map(header.map((name, index) => [name, index])) };
}

/** One data row read: its record, nothing for a blank row, or the problems that name its cells. */
export type RowReading<T> = { record: T; problems: [] } | { record: null; problems: Problem[] };

const BLANK: RowReading<never> = { record: null, problems: [] };

/** A problem of one cell, its message saying where it is: "MonitorData rij 5, kolom Waarde: …". */
export const cellProblem = (table: string, row: number, column: string, problem: AnyMessage): Problem => ({ table, row, column, message: say(INPUT.inCell, { table, row, column, problem }) });

/** Reads data row `r` (1 = the first data row) by the column contract, every problem naming its cell. */
export function readRow<T>(table: string, columns: ColumnSpec<T>[], position: ReadonlyMap<string, number>, row: readonly Cell[], r: number, decimal: "." | "," = "."): RowReading<T> {
  if (row.every((cell) => cellText(cell) === "")) return BLANK; // blank lines are not figures
  const problems: Problem[] = [];
  const record: Record<string, unknown> = {};
  for (const column of columns) {
    const index = position.get(column.name);
    const cell = index === undefined ? undefined : row[index];
    const text = cellText(cell);
    const at = (problem: AnyMessage) => cellProblem(table, r, column.name, problem);
    if (text === "") {
      if (column.required) problems.push(at(say(INPUT.empty)));
      record[column.key as string] = column.kind === "text" || column.kind === "date" ? "" : null;
      continue;
    }
    if (column.kind === "date") {
      // Excel hands a date over as its serial number; CSV and text cells hold the ISO form.
      // A serial that reached a cell formatted as text (an older workbook's Peildatum column) reads as a date too.
      const iso = typeof cell === "number" || /^\d{5}$/.test(text) ? isoFromSerial(Number(text)) : serialFromIso(text) === null ? null : text;
      if (iso === null) problems.push(at(say(INPUT.notADate, { shown: describe(cell) })));
      record[column.key as string] = iso ?? "";
      continue;
    }
    if (column.kind === "number" || column.kind === "integer") {
      const reading = parseNumber(cell, decimal);
      if (reading.value === null) {
        problems.push(at(say(INPUT.notANumber, { shown: describe(cell), hint: reading.hint })));
      } else if (column.kind === "integer" && !Number.isInteger(reading.value)) {
        problems.push(at(say(INPUT.notAWholeNumber, { shown: describe(cell) })));
      }
      record[column.key as string] = reading.value;
      continue;
    }
    const textProblem = cellTextProblem(text);
    if (textProblem) {
      problems.push(at(textProblem));
      continue;
    }
    if (column.allowed && !column.allowed.includes(text)) {
      problems.push(at(say(INPUT.notAllowed, { shown: describe(cell), allowed: [...column.allowed] })));
    } else if (column.pattern && !column.pattern.test(text)) {
      problems.push(at(say(INPUT.wrongForm, { shown: describe(cell) })));
    }
    record[column.key as string] = text;
  }
  return problems.length ? { record: null, problems } : { record: record as T, problems: [] };
}

/**
 * Reads a table (header row + data rows) into records by its column contract. Every problem
 * names the table, the row (1 = first data row) and the column; nothing is returned partially.
 */
export function readTable<T>(table: string, columns: ColumnSpec<T>[], cells: Cell[][], dialect?: CsvDialect, options: HeaderOptions = {}): Result<T[]> {
  return runSteps(readingTable(table, columns, cells, dialect, options));
}

/** readTable as steps (see slices.ts): it yields every ROWS_PER_STEP rows. */
export function* readingTable<T>(table: string, columns: ColumnSpec<T>[], cells: Cell[][], dialect?: CsvDialect, options: HeaderOptions = {}): Steps<Result<T[]>> {
  const header = readHeader(table, columns, cells[0], options);
  if (!header.ok) return header;
  const decimal = dialect?.decimal ?? ".";
  const problems: Problem[] = [];
  const records: T[] = [];
  for (let r = 1; r < cells.length && problems.length < MAX_PROBLEMS; r++) {
    const reading = readRow(table, columns, header.position, cells[r], r, decimal);
    if (reading.record !== null) records.push(reading.record);
    else problems.push(...reading.problems);
    if (r % ROWS_PER_STEP === 0) yield;
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: records };
}
