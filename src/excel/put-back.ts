import { Cell, sameCell } from "./row-changes";

/**
 * How to put a table back after a pull stopped (a cancel, a refusal by Excel, an edit meanwhile),
 * decided from what the table holds now, by each row's key rather than by where it was: the
 * user may have sorted the table, or moved a row, between two of the pull's syncs, so a row the
 * pull wrote, added or deleted need not be where the plan put it. Pure: the caller reads the
 * table and queues what this decides (table-refresh.ts).
 */
export interface PutBackInput<R> {
  /** The table's body rows as Excel holds them now (values), and each one's key (null: a blank row). */
  rows: readonly (readonly Cell[])[];
  keys: readonly (string | null)[];
  /**
   * Cells the pull may have written, in the order it wrote them: the key of the row it wrote
   * into, the first column, what it wrote, and the row just before (`was`: its values; `back`:
   * what puts it back through `values`; `formats`: its number formats, where the pull wrote
   * those too, as it does for a new row; `held`: the number formats the cells keep, where it did
   * not, which the form of `back` follows). All by the table's columns.
   */
  writes: readonly { key: string | null; column: number; wrote: readonly Cell[]; was: readonly Cell[]; back: readonly (string | number | boolean)[]; formats?: readonly string[]; held?: readonly string[] }[];
  /** Rows the pull may have deleted, in the order it deleted them: where each one was then, its key, its values, and what it held. */
  deletes: readonly { index: number; key: string | null; values: readonly Cell[]; row: R }[];
  /** The keys of the rows the pull added at the end, how many there were, and how many body rows the table had before. */
  appended: ReadonlySet<string>;
  appendCount: number;
  originalRows: number;
  /** How many blank rows the table had before the pull (the user's: they stay). */
  blankRowsBefore: number;
  /** A row's key from its values, for a row whose cells go back (what it holds then is another row's); absent: keys stay as given. */
  keyOf?: (row: readonly Cell[]) => string | null;
  /** Whether a row without a key is blank, as a row the table grew by and the pull had not filled yet (default: every row without a key). */
  isBlank?: (row: readonly Cell[]) => boolean;
}

export interface PutBack<R> {
  /** Rows to add again, in this order, each at its index at the moment it is added. */
  readd: { index: number; row: R }[];
  /** Then cells to write back, in this order, by the row's index once the rows are back. */
  overwrite: { row: number; column: number; values: (string | number | boolean)[]; formats?: string[]; held?: string[] }[];
  /** Then body rows to delete, bottom first: the added rows, wherever a sort put them. */
  remove: number[];
  /** Whether the table had grown over the added rows; if not, cells inserted below it are still there. */
  grown: boolean;
}

/**
 * Undoes the pull's steps last first (deletes, then written cells, then added rows), each on
 * the table as the later steps' undoing left it: after a sort, a row's cells may have been
 * written twice (once in its own place, once in the place the sort gave another row), and only
 * undoing the later write first gives each its own figure back.
 */
export function planPutBack<R>(input: PutBackInput<R>): PutBack<R> {
  const keys = [...input.keys];
  const cells = input.rows.map((row) => [...row]);
  const present = new Set(keys.filter((key): key is string => key !== null));

  // A deleted row is one whose key is gone. Undone last deletion first, each goes back where it
  // was just before it was deleted, so rows deleted in one sync return exactly. (A blank row has
  // no key to tell: the pull never plans to delete one.)
  const readd: PutBack<R>["readd"] = [];
  for (const { index, key, values, row } of [...input.deletes].reverse()) {
    if (key === null || present.has(key)) continue;
    const at = Math.min(index, keys.length);
    keys.splice(at, 0, key);
    cells.splice(at, 0, [...values]);
    present.add(key);
    readd.push({ index: at, row });
  }

  // A written cell is put back only while it holds what the pull wrote: otherwise the pull never
  // reached it, or the user changed it afterwards (their change stays).
  const indexOf = new Map<string, number>();
  keys.forEach((key, i) => key !== null && indexOf.set(key, i));
  const overwrite: PutBack<R>["overwrite"] = [];
  // A row without a key (a blank row a sort put where a changed figure went) is found by what it holds: what it held, with what the pull wrote.
  const holds = (i: number, column: number, wrote: readonly Cell[], was: readonly Cell[]) =>
    keys[i] === null && cells[i].every((cell, c) => sameCell(cell, c >= column && c < column + wrote.length ? wrote[c - column] : (was[c] ?? null)));
  for (const { key, column, wrote, was, back, formats, held } of [...input.writes].reverse()) {
    const row = key === null ? lastIndex(cells.length, (i) => holds(i, column, wrote, was)) : indexOf.get(key);
    if (row === undefined || !wrote.every((value, c) => sameCell(cells[row][column + c], value))) continue;
    wrote.forEach((_, c) => (cells[row][column + c] = was[column + c] ?? null));
    overwrite.push({ row, column, values: back.slice(column, column + wrote.length), ...(formats ? { formats: formats.slice(column, column + wrote.length) } : {}), ...(held ? { held: held.slice(column, column + wrote.length) } : {}) });
    // The row holds another row's cells again (a new row written over a row a sort had put there): it is that row.
    if (input.keyOf) {
      indexOf.delete(key as string);
      keys[row] = input.keyOf(cells[row]);
      if (keys[row] !== null) indexOf.set(keys[row] as string, row);
    }
  }

  // Added rows are found by key; rows the table grew by but the pull had not filled yet are
  // blank, wherever a sort put them: as many as it grew by and did not fill, and no more than
  // the table has blank rows beyond those it had before, the bottom ones first.
  const added = keys.flatMap((key, i) => (key !== null && input.appended.has(key) ? [i] : []));
  const grown = input.appendCount > 0 && (added.length > 0 || keys.length >= input.originalRows + input.appendCount);
  const isBlank = input.isBlank ?? (() => true);
  const blankRows = keys.flatMap((key, i) => (key === null && isBlank(cells[i]) ? [i] : []));
  const unfilled = grown ? Math.max(0, Math.min(input.appendCount - added.length, blankRows.length - input.blankRowsBefore)) : 0;
  const blanks = blankRows.slice(blankRows.length - unfilled);
  const remove = grown ? [...added, ...blanks].sort((a, b) => b - a) : [];
  return { readd, overwrite, remove, grown };
}

/** The last index below `length` that `test` holds for, or undefined. */
function lastIndex(length: number, test: (i: number) => boolean): number | undefined {
  for (let i = length - 1; i >= 0; i--) if (test(i)) return i;
  return undefined;
}

