/**
 * Excel on the web refuses a request (and a response) over 5 MB, so large reads and writes go
 * in chunks of about 4 MB, one sync each: the number of syncs grows with the payload, never
 * with the number of rows, sheets or tables. Small work still shares one sync.
 */
export const MAX_SYNC_BYTES = 4 * 1024 * 1024;

type Cell = string | number | boolean | null;

/** What a cell costs in a request: its JSON text and a separator. */
export function cellBytes(value: unknown): number {
  if (value === null || value === undefined || value === "") return 3;
  return typeof value === "string" ? value.length * (/[^\x20-\x7e]/.test(value) ? 2 : 1) + 3 : String(value).length + 1;
}

export const rowBytes = (row: readonly unknown[]) => row.reduce<number>((n, cell) => n + cellBytes(cell), 2);

/** An error Excel answered with, as the pane names it: its code and message ("InsertDeleteConflict: …"). */
export const refusal = (code: string, error: Error) => (error.message.startsWith(code) ? error.message : `${code}: ${error.message}`);

/** The user's cancel between two syncs: caught by the action that batches, never shown as it is. */
export class Cancelled extends Error {
  constructor() {
    super("Cancelled.");
    this.name = "Cancelled";
  }
}

/**
 * Queues writes and syncs whenever the next one would take the batch past the limit; reports
 * the bytes written so far after each sync, for a progress bar.
 */
export class WriteBatch {
  private pending = 0;
  private writtenBytes = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly options: { limit?: number; signal?: AbortSignal; onSync?: (writtenBytes: number) => void | Promise<void> } = {},
  ) {}

  private get limit(): number {
    return this.options.limit ?? MAX_SYNC_BYTES;
  }

  /** Queues one write of about `bytes`; syncs what is queued first when both would not fit. */
  async queue(bytes: number, write: () => void): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.limit) await this.flush();
    write();
    this.pending += bytes;
  }

  /**
   * Writes rows (values and, per row, number formats), as many per sync as fit.
   * `range(from, count)` gives the range of `count` rows starting at row `from` of `rows`.
   */
  async writeRows(rows: Cell[][], formats: string[][] | null, range: (from: number, count: number) => Excel.Range): Promise<void> {
    let from = 0;
    while (from < rows.length) {
      let bytes = 0;
      let count = 0;
      const room = Math.max(this.limit - this.pending, this.limit / 4);
      while (from + count < rows.length) {
        const next = rowBytes(rows[from + count]) + (formats ? rowBytes(formats[from + count]) : 0);
        if (count > 0 && bytes + next > room) break;
        bytes += next;
        count++;
      }
      const [start, size] = [from, count];
      await this.queue(bytes, () => {
        const target = range(start, size);
        if (formats) target.numberFormat = formats.slice(start, start + size);
        target.values = rows.slice(start, start + size) as (string | number | boolean)[][];
      });
      from += count;
    }
  }

  /** Sends what is queued (even when it is only small work). */
  async flush(): Promise<void> {
    if (this.options.signal?.aborted) throw new Cancelled();
    await this.context.sync();
    this.writtenBytes += this.pending;
    this.pending = 0;
    await this.options.onSync?.(this.writtenBytes);
  }
}

/**
 * Queues reads and syncs whenever the next one would take the response past the limit (Excel on
 * the web refuses a response over 5 MB as well as a request): small reads share one sync, large
 * ones get as many as they need, never one per sheet or row.
 */
export class ReadBatch {
  private pending = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    readonly limit = MAX_SYNC_BYTES,
  ) {}

  /** Queues one read answering about `bytes` (syncs what is queued first when both would not fit), and gives what `read` gave. */
  async queue<T>(bytes: number, read: () => T): Promise<T> {
    if (this.pending > 0 && this.pending + bytes > this.limit) await this.flush();
    const queued = read();
    this.pending += bytes;
    return queued;
  }

  /**
   * Queues reading `rows` rows of about `bytesPerRow` each in blocks of rows, each block at most
   * the limit (a large sheet takes as many syncs as its bytes need, never one per row): `read`
   * queues the block of `count` rows from row `from` and gives what to read after the last flush.
   */
  async queueRows<T>(rows: number, bytesPerRow: number, read: (from: number, count: number) => T): Promise<T[]> {
    const perBlock = Math.max(1, Math.floor(this.limit / Math.max(1, bytesPerRow)));
    const blocks: T[] = [];
    for (let from = 0; from < rows; from += perBlock) {
      const [start, count] = [from, Math.min(perBlock, rows - from)];
      blocks.push(await this.queue(count * bytesPerRow, () => read(start, count)));
    }
    return blocks;
  }

  /** Sends what is queued, if anything. */
  async flush(): Promise<void> {
    if (this.pending === 0) return;
    await this.context.sync();
    this.pending = 0;
  }
}

export interface RowSource {
  total: number;
  /** The range of `count` rows starting at row `from`. */
  range: (from: number, count: number) => Excel.Range;
}

/**
 * Reads the rows of several tables together, each sync carrying at most about the limit: the
 * first round asks a few thousand rows of each, later rounds are sized from what the rows turned
 * out to weigh. Small tables take one sync between them.
 */
export async function readRows(context: Excel.RequestContext, sources: RowSource[], limit = MAX_SYNC_BYTES, property: "values" | "formulas" = "values"): Promise<Cell[][][]> {
  const results: Cell[][][] = sources.map(() => []);
  let perRow = 0;
  while (sources.some((source, i) => results[i].length < source.total)) {
    let budget = limit * 0.8;
    const pending: { i: number; range: Excel.Range }[] = [];
    for (const [i, source] of sources.entries()) {
      const left = source.total - results[i].length;
      if (left === 0 || budget <= 0) continue;
      const count = Math.min(left, perRow === 0 ? 2000 : Math.max(1, Math.floor(budget / perRow)));
      budget -= perRow === 0 ? budget / sources.length : count * perRow;
      pending.push({ i, range: source.range(results[i].length, count).load(property) });
    }
    // One sync per ~4 MB round, by design: a single read of 100,000 rows would exceed Excel's limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const { i, range } of pending) {
      const values = (property === "values" ? range.values : range.formulas) as Cell[][];
      perRow = Math.max(perRow, values.reduce((n, r) => n + rowBytes(r), 0) / Math.max(1, values.length));
      for (const row of values) results[i].push(row);
    }
  }
  return results;
}
