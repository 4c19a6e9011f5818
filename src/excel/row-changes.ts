/**
 * What a pull changes in a table, cell by cell, decided before anything is written: only the
 * cells whose value changes are written (in their row, wherever the user sorted it), new rows
 * go at the end, rows the source no longer has are deleted. Cells of unchanged rows, columns
 * the add-in does not know (an analyst's calculated column) and blank rows are never touched.
 * Pure: from the table's cells and the rows it should hold.
 */
export type Cell = string | number | boolean | null;

export interface CellRun {
  /** Body row (0 = the first row under the header) and first column of the run, in the table's own order. */
  row: number;
  column: number;
  values: Cell[];
}

export interface RowChanges {
  /** Changed cells in existing rows, as runs of adjacent columns. */
  writes: CellRun[];
  /** Body rows to delete, as runs, bottom first (so each run's index still holds when it is deleted). */
  deletes: { row: number; count: number }[];
  /** New rows, in the table's column order (null: a column the add-in does not fill). */
  appends: Cell[][];
}

/** Two cells as Excel shows them: numbers by value, everything else by its text; empty is empty. */
export function sameCell(current: Cell | undefined, wanted: Cell): boolean {
  const empty = (c: Cell | undefined) => c === null || c === undefined || c === "";
  if (empty(current) || empty(wanted)) return empty(current) && empty(wanted);
  if (typeof wanted === "number" || typeof current === "number") return Number(current) === Number(wanted) && String(current).trim() !== "";
  return String(current) === String(wanted);
}

/**
 * `current`: the table's body rows as Excel holds them; `wanted`: the rows it should hold, each
 * as a map from column name to value (columns it lacks stay as they are); `keyOf` gives a row's
 * key from its cells by column name (null for a blank row, which is left alone).
 */
export function planRowChanges(header: readonly string[], current: readonly (readonly Cell[])[], wanted: readonly ReadonlyMap<string, Cell>[], keyOf: (cell: (column: string) => Cell | undefined) => string | null): RowChanges {
  const position = new Map(header.map((name, i) => [name, i]));
  const currentKeys = current.map((row) => keyOf((column) => row[position.get(column) ?? -1]));
  const rowOfKey = new Map<string, number>();
  currentKeys.forEach((key, i) => key !== null && rowOfKey.set(key, i));
  const writes: CellRun[] = [];
  const appends: Cell[][] = [];
  const wantedKeys = new Set<string>();
  for (const row of wanted) {
    const key = keyOf((column) => row.get(column));
    if (key === null) continue;
    wantedKeys.add(key);
    const at = rowOfKey.get(key);
    if (at === undefined) {
      appends.push(header.map((name) => (row.has(name) ? (row.get(name) as Cell) : null)));
      continue;
    }
    let run: CellRun | null = null;
    header.forEach((name, c) => {
      const differs = row.has(name) && !sameCell(current[at][c], row.get(name) as Cell);
      if (!differs) return void (run = null);
      if (run && run.column + run.values.length === c) run.values.push(row.get(name) as Cell);
      else writes.push((run = { row: at, column: c, values: [row.get(name) as Cell] }));
    });
  }
  const deletes: { row: number; count: number }[] = [];
  for (let i = current.length - 1; i >= 0; i--) {
    const key = currentKeys[i];
    if (key === null || wantedKeys.has(key)) continue;
    const last = deletes[deletes.length - 1];
    if (last && last.row === i + 1) Object.assign(last, { row: i, count: last.count + 1 });
    else deletes.push({ row: i, count: 1 });
  }
  return { writes, deletes, appends };
}
