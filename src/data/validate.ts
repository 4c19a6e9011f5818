import { ColumnSpec } from "./columns";
import { Problem } from "./types";

/** A cell as it arrives from CSV (string) or from an Excel range (string, number, boolean, empty). */
export type Cell = string | number | boolean | null | undefined;

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Stop listing after this many problems: a wholly wrong file should not produce 10,000 lines. */
const MAX_PROBLEMS = 50;

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  return typeof cell === "string" ? cell.trim() : String(cell);
}

/** Numbers: plain JavaScript numbers, or text with "." as decimal point (the package's format). */
function parseNumber(cell: Cell): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  const text = cellText(cell);
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return null;
  return Number(text);
}

function describe(cell: Cell): string {
  const text = cellText(cell);
  return text.length > 40 ? `'${text.slice(0, 40)}…'` : `'${text}'`;
}

/**
 * Reads a table (header row + data rows) into records by its column contract. Every problem
 * names the table, the row (1 = first data row) and the column; nothing is returned partially.
 */
export function readTable<T>(table: string, columns: ColumnSpec<T>[], cells: Cell[][]): Result<T[]> {
  const problems: Problem[] = [];
  const header = (cells[0] ?? []).map(cellText);
  const expected = columns.map((c) => c.name);
  const missing = expected.filter((name) => !header.includes(name));
  const extra = header.filter((name) => name !== "" && !expected.includes(name));
  if (missing.length > 0 || extra.length > 0) {
    const parts = [];
    if (missing.length) parts.push(`ontbrekende kolom(men): ${missing.join(", ")}`);
    if (extra.length) parts.push(`onbekende kolom(men): ${extra.join(", ")}`);
    problems.push({ table, row: null, column: missing[0] ?? extra[0], message: `${table}: ${parts.join("; ")}. Verwacht: ${expected.join(", ")}.` });
    return { ok: false, problems };
  }
  // Columns are found by name, so an analyst who reorders the table's columns breaks nothing.
  const position = new Map(header.map((name, index) => [name, index]));
  const records: T[] = [];
  for (let r = 1; r < cells.length && problems.length < MAX_PROBLEMS; r++) {
    const row = cells[r];
    if (row.every((cell) => cellText(cell) === "")) continue; // blank lines are not figures
    const record: Record<string, unknown> = {};
    for (const column of columns) {
      const cell = row[position.get(column.name) as number];
      const text = cellText(cell);
      const at = { table, row: r, column: column.name };
      if (text === "") {
        if (column.required) problems.push({ ...at, message: `${table} rij ${r}, kolom ${column.name}: mag niet leeg zijn.` });
        record[column.key as string] = column.kind === "text" ? "" : null;
        continue;
      }
      if (column.kind === "number" || column.kind === "integer") {
        const value = parseNumber(cell);
        if (value === null || (column.kind === "integer" && !Number.isInteger(value))) {
          const what = column.kind === "integer" ? "geen geheel getal" : "geen getal";
          problems.push({ ...at, message: `${table} rij ${r}, kolom ${column.name}: ${describe(cell)} is ${what} (gebruik een punt als decimaalteken).` });
        }
        record[column.key as string] = value;
        continue;
      }
      if (column.allowed && !column.allowed.includes(text)) {
        problems.push({ ...at, message: `${table} rij ${r}, kolom ${column.name}: ${describe(cell)} is niet toegestaan; kies uit ${column.allowed.join(", ")}.` });
      } else if (column.pattern && !column.pattern.test(text)) {
        problems.push({ ...at, message: `${table} rij ${r}, kolom ${column.name}: ${describe(cell)} heeft niet de juiste vorm.` });
      }
      record[column.key as string] = text;
    }
    records.push(record as T);
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: records };
}

export function formatProblems(problems: Problem[]): string {
  return problems.map((p) => `- ${p.message}`).join("\n");
}
