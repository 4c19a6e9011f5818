/**
 * Cells of a parsed table as strings of their own, a repeated value shared. A CSV parser's
 * cells are slices of the file's text, and V8 keeps a sliced string's whole parent alive: one
 * note kept from a 180 MB file keeps the 360 MB string of the file (UTF-16) for as long as the
 * figures live. And a million rows repeat a few hundred names in most columns. So each distinct
 * value of a column is copied once and shared, up to `MAX_SHARED` values a column; past that,
 * a column's new values are copied without being kept.
 */
const MAX_SHARED = 10_000;

/** A copy that is no slice of its source: a concatenation, flattened into a string of its own. */
const ownCopy = (text: string) => (" " + text).slice(1);

export class CellPool {
  private readonly columns: Map<string, string>[] = [];
  /** Each column's cell of the row before: rows repeat most columns' values in runs, found without hashing. */
  private readonly previous: string[] = [];

  /** The row with its cells replaced by shared copies, in place. */
  share(row: string[]): string[] {
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      const before = this.previous[c];
      if (cell === before) {
        row[c] = before;
        continue;
      }
      const pool = (this.columns[c] ??= new Map());
      let shared = pool.get(cell);
      if (shared === undefined) {
        shared = ownCopy(cell);
        if (pool.size < MAX_SHARED) pool.set(shared, shared);
      }
      row[c] = this.previous[c] = shared;
    }
    return row;
  }
}
