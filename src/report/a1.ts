/** A1 references from the plan's 0-based positions, for both renderers. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export const cellRef = (row: number, column: number) => `${columnLetters(column)}${row + 1}`;
export const absoluteRef = (row: number, column: number) => `$${columnLetters(column)}$${row + 1}`;

/** "A5:C15" for `rows` × `columns` cells from (row, column). */
export const rangeRef = (row: number, column: number, rows: number, columns: number) => `${cellRef(row, column)}:${cellRef(row + rows - 1, column + columns - 1)}`;

/** The range a table of a plan covers: its header row and its rows. */
export const tableRef = (table: { row: number; column: number; rows: readonly unknown[]; header: readonly string[] }) => rangeRef(table.row, table.column, table.rows.length + 1, table.header.length);

export interface Box {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

const columnIndex = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/**
 * The parts of an address of several areas as Excel writes one ("Blad!A2:L2,Blad!$A$40:$L$40", or
 * with the sheet's name quoted: "'Bev. Nuenen, Gerwen en'!A2:L2,…"), each as written, its sheet
 * included. A sheet's name can hold a comma, and then Excel writes it between quotes, a quote
 * inside doubled (office-js #512; the form a formula takes): so only a comma outside quotes parts
 * two areas. Splitting at every comma took a piece of such a sheet's name for an area.
 */
export function addressParts(address: string): string[] {
  const parts: string[] = [];
  let from = 0;
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    // A doubled quote inside a quoted name closes and opens again: the same as reading on.
    if (address[i] === "'") quoted = !quoted;
    else if (address[i] === "," && !quoted) {
      parts.push(address.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(address.slice(from));
  return parts;
}

/** "Sheet!$A$1:C3" or "'Blad, 2'!A1" → "A1:C3", "A1": the part after the sheet's name, without "$". */
export const withoutSheet = (address: string): string => address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");

/** The areas of an address as Excel writes one (addressParts), each without its sheet and "$" ("A2:L2"). */
export const localAreas = (address: string): string[] =>
  addressParts(address)
    .map((part) => withoutSheet(part.trim()))
    .filter(Boolean);

/** "Sheet!$A$1:C3" or "B2" → a 0-based box (the sheet name is ignored). */
export function parseA1Range(address: string): Box {
  const local = withoutSheet(address);
  const match = /^([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?$/.exec(local);
  if (!match) throw new Error(`'${address}' is not an A1 range.`);
  const [row, column] = [Number(match[2]) - 1, columnIndex(match[1])];
  const [lastRow, lastColumn] = match[3] ? [Number(match[4]) - 1, columnIndex(match[3])] : [row, column];
  return { row, column, rows: lastRow - row + 1, columns: lastColumn - column + 1 };
}

/**
 * Cells (0-based, any order) as the fewest A1 references of one simple kind: each row's runs of
 * adjacent cells, and a run joined with the same run in the rows right below ("G6", "B10:D10",
 * "G6:G9"), in order of their first row, then column.
 */
export function cellAreas(cells: readonly { row: number; column: number }[]): string[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
  const runs: Box[] = [];
  for (const { row, column } of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === row && last.column + last.columns === column) last.columns++;
    else if (!last || last.row !== row || last.column + last.columns - 1 < column) runs.push({ row, column, rows: 1, columns: 1 });
  }
  // A run under one of the same columns that ends in the row above lengthens it.
  const areas: Box[] = [];
  const open = new Map<string, Box>();
  for (const run of runs) {
    const key = `${run.column},${run.columns}`;
    const above = open.get(key);
    if (above && above.row + above.rows === run.row) above.rows++;
    else {
      const area = { ...run };
      areas.push(area);
      open.set(key, area);
    }
  }
  return areas.map((a) => (a.rows === 1 && a.columns === 1 ? cellRef(a.row, a.column) : rangeRef(a.row, a.column, a.rows, a.columns)));
}
