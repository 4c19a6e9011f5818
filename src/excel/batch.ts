/**
 * Excel on the web refuses a request (and a response) over 5 MB, so large reads and writes go
 * in chunks of about 4 MB, one sync each: the number of syncs grows with the payload, never
 * with the number of rows, sheets or tables. Small work still shares one sync.
 */
export const MAX_SYNC_BYTES = 4 * 1024 * 1024;

/**
 * What one character of Excel's text weighs at the most in a request or a response: three bytes,
 * what UTF-8 takes for any UTF-16 unit of Office's strings (a surrogate pair, two units, takes
 * four). The one figure every estimate of a text against the 5 MB limit uses, so that a long rule,
 * note or source in a non-Latin script stays under it as a Latin one does.
 */
export const CHAR_BYTES = 3;

/**
 * The most a formula weighs in a response, with the JSON around it: "Excel restricts [ST_Formula]
 * to be at most 8192 characters" (MS-OI29500 2.1.1085; "Excel specifications and limits", length
 * of formula contents: 8,192 characters), CHAR_BYTES each. Conditional formats' and validation
 * rules' formulas are of that type; a chart series' source is held to it too (optional-apis.ts,
 * SERIES_SOURCES_BYTES).
 */
export const FORMULA_BYTES = 8_192 * CHAR_BYTES + 100;

import { valueError } from "../data/errors";
import { EXCEL_READS as EXCEL } from "../text/excel-reads";
import { say } from "../text/message";
import { queueCellWrite } from "./text-cells";

type Cell = string | number | boolean | null;

/** The number formats of the cells a write goes into, by row: set by the write itself (null: that cell's left as it is, text-cells.ts's Kept), or held by them already. */
export type CellFormats = { set: (string | null)[][] } | { held: readonly (readonly string[])[] };

/** Characters that are one byte in a JSON string: printable ASCII but the quote and the backslash, which JSON escapes. */
const ONE_BYTE = /[^\x20\x21\x23-\x5b\x5d-\x7e]/;
/**
 * Characters JSON spells as six (\u0001): the control characters without a short escape (\t,
 * \n, \r, \b, \f are two), and a surrogate without its pair (JSON.stringify, ES2019).
 */
// The control characters are what is looked for here.
// eslint-disable-next-line no-control-regex
const SIX_BYTES = /[\x00-\x07\x0b\x0e-\x1f]|[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;

/**
 * What a text weighs as a JSON string in a request or a response, its quotes included, at the
 * most: a byte a character where each is printable ASCII, else CHAR_BYTES each (é is two bytes
 * in UTF-8, 中 three, an emoji's two UTF-16 units four; a quote, a backslash, a tab or a line
 * break two, escaped), or six where one is a control character JSON spells out (\u0001).
 */
export function textBytes(text: string): number {
  if (!ONE_BYTE.test(text)) return text.length + 2;
  return text.length * (SIX_BYTES.test(text) ? 6 : CHAR_BYTES) + 2;
}

/** What `data` weighs as JSON in a request or a response, at the most: its JSON text, CHAR_BYTES a character unless all are ASCII. */
export function jsonBytes(data: unknown): number {
  const json = JSON.stringify(data) ?? "null";
  return json.length * (/[\u0080-\uffff]/.test(json) ? CHAR_BYTES : 1);
}

/** What a cell costs in a request or a response: its JSON text (textBytes for a text) and a separator. */
export function cellBytes(value: unknown): number {
  if (value === null || value === undefined || value === "") return 3;
  return typeof value === "string" ? textBytes(value) + 1 : String(value).length + 1;
}

export const rowBytes = (row: readonly unknown[]) => row.reduce<number>((n, cell) => n + cellBytes(cell), 2);

/** A sync Excel refused: an error with Excel's own code, as against the add-in's own (which carry none). */
export const isRefusal = (error: unknown): error is Error & { code: string } => typeof (error as { code?: unknown } | null)?.code === "string";

/**
 * An error Excel answered with, as the pane names it: by its code ("Excel: InsertDeleteConflict"),
 * which support can look up. Not by Excel's own text, which is in Office's language rather than
 * the pane's and says no more than the pane's sentence around it.
 */
export const refusal = (error: { code: string }) => `Excel: ${error.code}`;

/** The user's cancel between two syncs: caught by the action that batches, never shown as it is. */
export class Cancelled extends Error {
  constructor() {
    super("Cancelled.");
    this.name = "Cancelled";
  }
}

/**
 * A look that rides each chunk of a write (see write-looks.ts): what it weighs (its call, and a
 * row's cells in the response, counted with the chunk's bytes so that request and response both
 * stay under the limit) and how to queue it for the rows from `from`.
 */
export interface RowsLook {
  callBytes: number;
  bytes: (row: number) => number;
  queue: (from: number, count: number) => void;
}

/**
 * Queues writes and syncs whenever the next one would take the batch past the limit; reports
 * the bytes written so far after each sync, for a progress bar.
 */
export class WriteBatch {
  private pending = 0;
  private writtenBytes = 0;
  private sent = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly options: { limit?: number; signal?: AbortSignal; onSync?: (writtenBytes: number) => void | Promise<void> } = {},
  ) {}

  /** Bytes per sync: a caller that sizes blocks of its own (a look and a delete together) sizes them to it. */
  get limit(): number {
    return this.options.limit ?? MAX_SYNC_BYTES;
  }

  /** Syncs sent so far: what is queued now goes with the next, so a caller can tell which of its writes a refused sync held. */
  get syncs(): number {
    return this.sent;
  }

  /** Queues one write of about `bytes`; syncs what is queued first when both would not fit. */
  async queue(bytes: number, write: () => void): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.limit) await this.flush();
    write();
    this.pending += bytes;
  }

  /**
   * Writes rows (values as for a General cell, see text-cells.ts), as many per sync as fit, into
   * cells whose number formats are known: `set`, written first in the same request, or `held`,
   * what the cells have (read, or proven), which the values' form follows (text-cells.ts).
   * `range(from, count)` gives the range of `count` rows starting at row `from` of `rows`;
   * `alsoPerRow` is what else each row weighs in the sync (a look at it in the same batch);
   * `look`, a look that rides each chunk, queued just before its write (see RowsLook).
   */
  async writeRows(rows: Cell[][], formats: CellFormats, range: (from: number, count: number) => Excel.Range, alsoPerRow = 0, look?: RowsLook): Promise<void> {
    const set = "set" in formats;
    const known = "set" in formats ? formats.set : formats.held;
    let from = 0;
    while (from < rows.length) {
      let bytes = look ? look.callBytes : 0;
      let count = 0;
      const room = Math.max(this.limit - this.pending, this.limit / 4);
      while (from + count < rows.length) {
        const next = rowBytes(rows[from + count]) + (set ? rowBytes(known[from + count]) : 0) + alsoPerRow + (look ? look.bytes(from + count) : 0);
        if (count > 0 && bytes + next > room) break;
        bytes += next;
        count++;
      }
      const [start, size] = [from, count];
      await this.queue(bytes, () => {
        look?.queue(start, size); // before the write, in the same sync: it sees the cells just before they are overwritten
        const target = range(start, size);
        queueCellWrite(target, rows.slice(start, start + size), known.slice(start, start + size), set);
      });
      from += count;
    }
  }

  /** Sends what is queued (even when it is only small work). */
  async flush(): Promise<void> {
    if (this.options.signal?.aborted) throw new Cancelled();
    await this.context.sync();
    this.sent++;
    this.writtenBytes += this.pending;
    this.pending = 0;
    await this.options.onSync?.(this.writtenBytes);
  }
}

/**
 * Splits the `count` rows from row `from` into blocks of adjacent rows, each weighing at most
 * `limit` by `weight(row)` (a row alone heavier is a block of its own): a run of 50,000 rows is
 * not read in one response.
 */
export function rowBlocks(from: number, count: number, weight: (row: number) => number, limit: number): { from: number; count: number; bytes: number }[] {
  const blocks: { from: number; count: number; bytes: number }[] = [];
  for (let row = from; row < from + count; row++) {
    const bytes = weight(row);
    const last = blocks[blocks.length - 1];
    if (last && last.bytes + bytes <= limit) Object.assign(last, { count: last.count + 1, bytes: last.bytes + bytes });
    else blocks.push({ from: row, count: 1, bytes });
  }
  return blocks;
}

/**
 * What one run of deleted rows weighs in a request: its range (an object path) and the delete (a
 * call). The request counts calls and objects as well as values (docs/excel/performance.md,
 * "Payload size limit best practices"); about 200 bytes, taken twice for the safe side.
 */
export const RUN_DELETE_BYTES = 400;


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
  /** How many columns each row has: a first read is sized from it. */
  columns: number;
  /** Where the rows are, for the message when a single row is too large to read: the sheet, and its row (0-based) of the first. */
  sheet: string;
  firstRow: number;
  /** The range of `count` rows starting at row `from`. */
  range: (from: number, count: number) => Excel.Range;
}

/**
 * What a cell is assumed to weigh in a response before any of its source was read: enough for an
 * ordinary look-up formula (`=SUMIFS(MonitorData[Waarde],…)`, about 75 characters) or a line of
 * text. A cell may hold 32,767 characters, so no guess is safe: a response Excel refuses as too
 * large is read again in smaller blocks (see readRows).
 */
export const FIRST_CELL_BYTES = 100;

/** Excel on the web's refusal of a response over 5 MB (docs/testing/application-specific-api-error-handling.md). */
const tooLarge = (error: unknown) => (error as { code?: unknown }).code === "ResponsePayloadSizeLimitExceeded";

export interface Block {
  source: number;
  from: number;
  count: number;
}

/**
 * Reads the rows of several ranges together, each sync's response at most about the limit: the
 * first block of a source is sized from its column count (FIRST_CELL_BYTES a cell), later ones
 * from the heaviest block of it read so far. Small tables take one sync between them; the number
 * of syncs grows with the bytes, never with the rows.
 *
 * Rows further down may still be heavier than any seen (a long note, a long formula). When Excel
 * refuses a response as too large, the blocks of that sync are halved and read again: the sync
 * held only these loads (call readRows with nothing else queued), and a load changes nothing in
 * the workbook, so whether Excel ran any of it or none (the docs do not say) the retry is safe.
 * A single row that is alone over the limit (Excel on the web: 5 MB; a cell can hold 32,767
 * characters) cannot be read at all: then the message names its sheet and row.
 */
export async function readRows(
  context: Excel.RequestContext,
  sources: RowSource[],
  options: { limit?: number; property?: "values" | "formulas" | "numberFormat"; blockBytes?: number } = {},
): Promise<Cell[][][]> {
  const limit = options.limit ?? MAX_SYNC_BYTES;
  const property = options.property ?? "values";
  const blockBytes = options.blockBytes ?? 0;
  const results: Cell[][][] = sources.map(() => []);
  // The heaviest block of each source read so far, in bytes a cell; null before its first.
  const heaviest: (number | null)[] = sources.map(() => null);
  while (sources.some((source, i) => results[i].length < source.total)) {
    let blocks = planRound(sources, results, heaviest, limit * 0.8, blockBytes);
    for (;;) {
      const pending = blocks.map((block) => ({ block, range: sources[block.source].range(block.from, block.count).load(property) }));
      try {
        // One sync per ~4 MB round, by design: a single read of 100,000 rows would exceed Excel's limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (error) {
        if (!tooLarge(error)) throw error;
        if (blocks.length === 1 && blocks[0].count === 1) {
          const source = sources[blocks[0].source];
          throw valueError(say(EXCEL.rowTooLarge, { sheet: source.sheet, row: source.firstRow + blocks[0].from + 1 }));
        }
        blocks = halved(blocks);
        continue;
      }
      for (const { block, range } of pending) {
        const rows = range[property] as Cell[][];
        const bytes = rows.reduce((n, r) => n + rowBytes(r), 0);
        heaviest[block.source] = Math.max(heaviest[block.source] ?? 0, bytes / Math.max(1, block.count * sources[block.source].columns));
        for (const row of rows) results[block.source].push(row);
      }
      break;
    }
  }
  return results;
}

/**
 * The blocks of the next sync: each source with rows left, in turn, as many rows as `budget`
 * still holds at its heaviest weight so far (FIRST_CELL_BYTES a cell before its first read), at
 * least one row each. `blockBytes`: what each block weighs in the request besides (its range and
 * its load, for many small sources such as a sheet's areas of formulas): thousands of one-cell
 * blocks answer little but ask much.
 */
export function planRound(sources: readonly Pick<RowSource, "total" | "columns">[], results: readonly unknown[][], heaviest: readonly (number | null)[], budget: number, blockBytes = 0): Block[] {
  const blocks: Block[] = [];
  for (const [i, source] of sources.entries()) {
    const left = source.total - results[i].length;
    if (left === 0 || budget <= 0) continue;
    const perRow = Math.max(1, source.columns) * (heaviest[i] ?? FIRST_CELL_BYTES);
    const count = Math.min(left, Math.max(1, Math.floor(budget / perRow)));
    budget -= count * perRow + blockBytes;
    blocks.push({ source: i, from: results[i].length, count });
  }
  return blocks;
}

/**
 * The blocks to try after Excel refused them as too large together: each of more than one row
 * halved; when all are single rows, only the first (the others follow in the next rounds).
 */
export function halved(blocks: readonly Block[]): Block[] {
  if (blocks.every((b) => b.count === 1)) return blocks.slice(0, 1);
  return blocks.map((b) => ({ ...b, count: Math.ceil(b.count / 2) }));
}

/**
 * A list of items read one by one, each by its own loads (a sheet's notes by position, its
 * validated areas, its conditional formats, a chart's series): how many, queuing the read of
 * one (its reader works after the sync), what one as read weighed in the response, about, the
 * most one can weigh before any is read, and the least one is ever weighed at: what its read asks
 * of the request (its calls and object paths), so that a block of many small items keeps the
 * request under the limit as well.
 */
export interface ItemList<T> {
  total: number;
  queueAt: (index: number) => () => T;
  weigh: (item: T) => number;
  most: number;
  least: number;
  /** Queues asking where the item at `index` is, for one Excel cannot answer alone; what to throw works after the sync. None: the refusal is thrown as it came. */
  tooLarge?: (index: number) => () => Error;
}

/**
 * Reads every item of the lists, in rounds of one sync: each list in turn, as many items as the
 * round's budget holds at the heaviest item of that list read so far (never less than its
 * `least`). Before any item of a list is read, each is taken at the most it can weigh (`most`):
 * that first round cannot outgrow the limit, and has all of it; sized from what was read, a fifth
 * is kept spare, as readRows does. So thousands of small items take a sync or two, not one per
 * the few that fit at their most: the syncs grow with the items' bytes, not their number.
 *
 * An item further on may still be heavier than any read (a long rule among short ones): Excel
 * refuses that response as too large (ResponsePayloadSizeLimitExceeded,
 * docs/testing/application-specific-api-error-handling.md), and the round's blocks are halved
 * and read again (planRound and halved, as readRows does for rows of cells). Its syncs are its
 * own: the caller has nothing else queued, and the rounds hold only loads, which change nothing
 * in the workbook, so whether Excel ran any of a refused round or none (the docs do not say) the
 * retry is safe. One item alone that is more than Excel answers cannot be read: that refusal is
 * thrown as it came.
 */
export async function readItems<T>(context: Excel.RequestContext, lists: readonly ItemList<T>[], limit = MAX_SYNC_BYTES): Promise<T[][]> {
  const results: T[][] = lists.map(() => []);
  // The heaviest item of each list read so far; null before its first.
  const heaviest: (number | null)[] = lists.map(() => null);
  const sources = lists.map((list) => ({ total: list.total, columns: 1 }));
  while (lists.some((list, i) => results[i].length < list.total)) {
    const budget = heaviest.every((bytes) => bytes === null) ? limit : limit * 0.8;
    let blocks = planRound(sources, results, heaviest.map((bytes, i) => bytes ?? lists[i].most), budget);
    for (;;) {
      const pending = blocks.map((block) => ({ block, readers: Array.from({ length: block.count }, (_, j) => lists[block.source].queueAt(block.from + j)) }));
      try {
        // One sync a round, by design: each item is reached by its own loads, as many a sync as fit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (error) {
        if (!tooLarge(error)) throw error;
        if (blocks.length === 1 && blocks[0].count === 1) throw await tooLargeAlone(context, lists[blocks[0].source], blocks[0].from, error);
        blocks = halved(blocks);
        continue;
      }
      for (const { block, readers } of pending) {
        const items = readers.map((read) => read());
        const list = lists[block.source];
        heaviest[block.source] = items.reduce((most, item) => Math.max(most, list.weigh(item)), heaviest[block.source] ?? list.least);
        results[block.source].push(...items);
      }
      break;
    }
  }
  return results;
}

/** What to throw for the item at `index` that Excel refused as too large alone (`refused`): where it is, when the list can ask (a comment: CommentTooLarge), else the refusal. */
async function tooLargeAlone<T>(context: Excel.RequestContext, list: ItemList<T>, index: number, refused: unknown): Promise<unknown> {
  if (!list.tooLarge) return refused;
  const located = list.tooLarge(index);
  try {
    await context.sync();
  } catch {
    return refused;
  }
  return located();
}
