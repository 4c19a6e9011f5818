import { CHAR_BYTES, ReadBatch } from "./batch";

/**
 * Reads defined names (the workbook's, Workbook.names, or a sheet's own, Worksheet.names) with
 * their formulas in syncs whose responses each stay under the limit: Excel on the web refuses a
 * response over 5 MB (../shared/excel/README.md, "Size limits"), and a collection loaded whole
 * answers with every name and formula at once, however many and long they are. A
 * NamedItemCollection has no getItemAt (ExcelApi reference: add, addFormulaLocal, getCount,
 * getItem, getItemOrNullObject), so its names are read a page at a time, by position, with the
 * load options every Excel collection takes (Excel.Interfaces.CollectionLoadOptions, "Provides
 * ways to load properties of only a subset of members of a collection": `$top`, "the number of
 * items in the queried collection to be included in the result", and `$skip`), as many a page as
 * fit at the most a name can weigh. A page shorter than asked is the last. One collection's pages
 * go in syncs of their own (a second load of the same collection in one sync would answer in the
 * same proxy's `items`); different collections share a sync. A workbook with a few names still
 * reads them in the sync that read them before.
 */

/**
 * The most one defined name weighs in a response. Its name: "at least 1 and at most 255
 * characters" (MS-OI29500 2.1.568, Part 1 Section 18.2.5, definedName, k). Its formula: the
 * element's contents are "an extension on the ST_Formula simple type" (the same, a), which
 * "Excel restricts … to be at most 8192 characters" (2.1.1085, Part 1 Section 18.18.35); the
 * docs do not say whether a name's formula as Office.js answers it (A1, with its sheet's name
 * quoted) may be longer than as stored: the safe reading chosen is that it is not, at three bytes
 * a character (UTF-8 of any UTF-16 unit; a quote or backslash escaped in JSON takes two), as for
 * notes (notes-comments-read.ts). And the JSON around both, about.
 */
export const NAME_BYTES = (255 + 8_192) * CHAR_BYTES + 100;

/** A defined name as read: its item (to write its formula back), name and formula. */
export interface NameRead {
  item: Excel.NamedItem;
  name: string;
  formula: string;
}

/** The names of one collection, read page by page: queue a page, sync, take it; until done. */
export class NamePages {
  private readonly read: NameRead[] = [];
  private asked: number | null = null;
  private finished = false;
  /** The collection's count once a sync answered it (see take). */
  private known: number | null = null;

  /**
   * `count`: the collection's NamedItemCollection.getCount (ExcelApi 1.4), queued in the sync of
   * the first page or before it; once answered it sizes the pages to what is left, and a
   * collection without names asks for none.
   */
  constructor(
    private readonly collection: Excel.NamedItemCollection,
    private readonly count: OfficeExtension.ClientResult<number> | null = null,
  ) {}

  /** Whether every name was read. */
  get done(): boolean {
    return this.finished || (this.known !== null && this.read.length >= this.known);
  }

  /** How many are left to read; null while the count is not known. */
  get left(): number | null {
    return this.known === null ? null : Math.max(0, this.known - this.read.length);
  }

  /** Queues loading the next `top` names (name and formula, ExcelApi 1.4 and 1.7) from where the last page ended. */
  queue(top: number): void {
    this.collection.load({ $skip: this.read.length, $top: top, name: true, formula: true });
    this.asked = top;
  }

  /** After a sync: keeps the count it answered and the names of the page it read; a page shorter than asked was the last. */
  take(): void {
    if (this.count !== null && this.known === null) this.known = this.count.value;
    if (this.asked === null) return;
    const page = this.collection.items;
    for (const item of page) this.read.push({ item, name: item.name, formula: item.formula });
    if (page.length < this.asked) this.finished = true;
    this.asked = null;
  }

  get names(): NameRead[] {
    return this.read;
  }
}

/** How many names one sync of `limit` holds at the most they can weigh (at least one). */
export const namesPerSync = (limit: number) => Math.max(1, Math.floor(limit / NAME_BYTES));

/**
 * Queues a first page of each collection into a sync of the caller's, together at most `budget`
 * of its response: the budget shared between them (what is left of a collection's known count,
 * if less). With more collections than the budget holds one name each, none is queued (readPages
 * reads them all). Take the pages (takeAll) after the caller's sync.
 */
export function queueFirstPages(pages: readonly NamePages[], budget: number): void {
  const open = pages.filter((p) => !p.done);
  const each = Math.floor(Math.floor(budget / NAME_BYTES) / Math.max(1, open.length));
  if (each < 1) return;
  for (const page of open) page.queue(Math.min(each, page.left ?? each));
}

export const takeAll = (pages: readonly NamePages[]) => pages.forEach((page) => page.take());

/**
 * Queues one page of every collection not done through `reads` (which syncs between pages
 * whenever the next could take the response past its limit): what is left of it when counted, at
 * most what one sync holds. Take the pages (takeAll) after the batch's next flush.
 */
export async function queuePages(reads: ReadBatch, pages: readonly NamePages[]): Promise<void> {
  const most = namesPerSync(reads.limit);
  for (const page of pages.filter((p) => !p.done)) {
    const top = Math.min(most, page.left ?? most);
    await reads.queue(top * NAME_BYTES, () => page.queue(top));
  }
}

/** Reads what is left of each collection's names in rounds of queuePages and a flush; no sync when every collection is done. */
export async function readPages(reads: ReadBatch, pages: readonly NamePages[]): Promise<void> {
  for (let open = pages.filter((p) => !p.done); open.length; open = open.filter((p) => !p.done)) {
    await queuePages(reads, open);
    await reads.flush();
    takeAll(open);
  }
}

/**
 * Queues counting each of `collections` (a number each, whatever they hold) and gives its pages
 * to read: queue first pages in the same sync (queueFirstPages), take them after it, then read
 * what is left (readPages): a few names take the one sync, many as many as their most can weigh.
 */
export function countedPages(collections: readonly Excel.NamedItemCollection[]): NamePages[] {
  return collections.map((collection) => new NamePages(collection, collection.getCount()));
}
