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
  if (typeof cell !== "string") return String(cell);
  // Nearly every cell starts and ends with a printable ASCII character, which trim() keeps: no call.
  return cell.length > 0 && isPrintableAscii(cell.charCodeAt(0)) && isPrintableAscii(cell.charCodeAt(cell.length - 1)) ? cell : cell.trim();
}

/** "!" to "~": no white space that trim() takes off (its white space is spaces, controls and non-ASCII ones). */
const isPrintableAscii = (code: number) => code > 0x20 && code < 0x7f;

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
  return new RowReader(table, columns, position, decimal).read(row, r);
}

const isBlankRow = (row: readonly Cell[]) => {
  for (let c = 0; c < row.length; c++) if (cellText(row[c]) !== "") return false;
  return true;
};

/** Never a cell: what a column's memory holds before its first cell. */
const NO_CELL: unknown = Symbol("no cell");

/**
 * Reads the rows of one table. The columns' places are found once, not once a cell; a row
 * without problems (nearly every row) makes no problem list and no message; and each column
 * remembers its last cell that read without a problem, with its value, because a table repeats
 * a column's value over many rows (a cell's reading depends on the cell and its column only).
 */
class RowReader<T> {
  private readonly indexes: (number | undefined)[];
  private readonly lastCell: unknown[];
  private readonly lastValue: unknown[];

  constructor(
    private readonly table: string,
    private readonly columns: ColumnSpec<T>[],
    position: ReadonlyMap<string, number>,
    private readonly decimal: "." | ",",
  ) {
    this.indexes = columns.map((column) => position.get(column.name));
    this.lastCell = columns.map(() => NO_CELL);
    this.lastValue = columns.map(() => undefined);
  }

  read(row: readonly Cell[], r: number): RowReading<T> {
    if (isBlankRow(row)) return BLANK; // blank lines are not figures
    let problems: Problem[] | null = null;
    const record: Record<string, unknown> = {};
    const { columns, indexes, lastCell, lastValue } = this;
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i];
      const index = indexes[i];
      const cell = index === undefined ? undefined : row[index];
      if (Object.is(cell, lastCell[i])) {
        record[column.key as string] = lastValue[i];
        continue;
      }
      const reading = cellValue(column, cell, this.decimal);
      if (reading.problem !== null) (problems ??= []).push(cellProblem(this.table, r, column.name, reading.problem));
      else {
        lastCell[i] = cell;
        lastValue[i] = reading.value;
      }
      if (reading.value !== undefined) record[column.key as string] = reading.value;
    }
    return problems ? { record: null, problems } : { record: record as T, problems: [] };
  }
}

/** One cell's reading: its value for the record (undefined: none, the row has a problem) and what is wrong with it. */
interface CellReading {
  value: unknown;
  problem: AnyMessage | null;
}

const readingOf = (value: unknown, problem: AnyMessage | null = null): CellReading => ({ value, problem });

function cellValue<T>(column: ColumnSpec<T>, cell: Cell, decimal: "." | ","): CellReading {
  const text = cellText(cell);
  if (text === "") return readingOf(column.kind === "text" || column.kind === "date" ? "" : null, column.required ? say(INPUT.empty) : null);
  if (column.kind === "date") {
    // Excel hands a date over as its serial number; CSV and text cells hold the ISO form.
    // A serial that reached a cell formatted as text (an older workbook's Peildatum column) reads as a date too.
    const iso = typeof cell === "number" || /^\d{5}$/.test(text) ? isoFromSerial(Number(text)) : serialFromIso(text) === null ? null : text;
    return readingOf(iso ?? "", iso === null ? say(INPUT.notADate, { shown: describe(cell) }) : null);
  }
  if (column.kind === "number" || column.kind === "integer") {
    // The package's own notation first: a plain number needs no reading with hints.
    const plain = decimal === "." && typeof cell === "string" && PLAIN_NUMBER.test(text) ? Number(text) : null;
    const reading: NumberReading = plain !== null && Number.isFinite(plain) ? { value: plain } : parseNumber(cell, decimal);
    if (reading.value === null) return readingOf(null, say(INPUT.notANumber, { shown: describe(cell), hint: reading.hint }));
    const whole = column.kind !== "integer" || Number.isInteger(reading.value);
    return readingOf(reading.value, whole ? null : say(INPUT.notAWholeNumber, { shown: describe(cell) }));
  }
  const textProblem = cellTextProblem(text);
  if (textProblem) return readingOf(undefined, textProblem);
  if (column.allowed && !column.allowed.includes(text)) return readingOf(text, say(INPUT.notAllowed, { shown: describe(cell), allowed: [...column.allowed] }));
  if (column.pattern && !column.pattern.test(text)) return readingOf(text, say(INPUT.wrongForm, { shown: describe(cell) }));
  return readingOf(text);
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
  const reading = new TableReading(table, columns, dialect?.decimal ?? ".", options);
  reading.add(cells[0] ?? [], 0);
  for (let r = 1; r < cells.length && reading.wantsRows; r++) {
    reading.add(cells[r], r);
    if (r % ROWS_PER_STEP === 0) yield;
  }
  return reading.result();
}

/**
 * A table read a row at a time, as the rows come (header first): readTable's result without a
 * table of rows. Reading a CSV file this way (package-csv.ts), each row's cells die as soon as
 * its record is made, instead of living, all of them, until the last row is read (README,
 * Benchmarks). Past the header's problems or MAX_PROBLEMS, rows are let be, as readTable does.
 */
export class TableReading<T> {
  private header: HeaderReading | null = null;
  private reader: RowReader<T> | null = null;
  private readonly problems: Problem[] = [];
  private readonly records: T[] = [];

  constructor(
    private readonly table: string,
    private readonly columns: ColumnSpec<T>[],
    private readonly decimal: "." | ",",
    private readonly options: HeaderOptions = {},
  ) {}

  /** Whether a row given now would be read: the header read well and problems below MAX_PROBLEMS. */
  get wantsRows(): boolean {
    return this.reader !== null && this.problems.length < MAX_PROBLEMS;
  }

  /** Row `r` of the table: 0 the header, 1 the first data row. */
  add(row: readonly Cell[], r: number): void {
    if (r === 0) {
      this.header = readHeader(this.table, this.columns, row, this.options);
      if (this.header.ok) this.reader = new RowReader(this.table, this.columns, this.header.position, this.decimal);
      return;
    }
    if (!this.wantsRows) return;
    const reading = (this.reader as RowReader<T>).read(row, r);
    if (reading.record !== null) this.records.push(reading.record);
    else this.problems.push(...reading.problems);
  }

  /** The records, or every problem found; a table without even a header is its header's problem. */
  result(): Result<T[]> {
    const header = this.header ?? readHeader(this.table, this.columns, undefined, this.options);
    if (!header.ok) return header;
    return this.problems.length ? { ok: false, problems: this.problems } : { ok: true, value: this.records };
  }
}
