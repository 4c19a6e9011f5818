import { withoutSheet } from "../report/a1";
import { CHAR_BYTES, ItemList, MAX_SYNC_BYTES, ReadBatch, readItems, textBytes } from "./batch";
import { NotesRead, queueNotes } from "./optional-apis";

/**
 * Reads a sheet's notes and threaded comments (their texts, cells, status and replies) in syncs
 * whose responses each stay under the batch's limit: Excel on the web refuses a response over
 * 5 MB (../shared/excel/README.md, "Size limits"), and a collection loaded whole answers with
 * every text at once, however many and long they are. So the number of each is read first (a
 * few bytes), then each item by its position (getItemAt), in blocks sized the way readRows
 * (batch.ts) sizes blocks of cells (readItems, batch.ts, which the rules to put back use too): the first block of a collection at the most an item can
 * weigh (TEXT_BYTES, and one more for each reply the most replied comment of its sheet has,
 * counted in a sync of its own when replies are read), which a response cannot outgrow; later ones from the heaviest item read so
 * far. Thousands of short comments then take two syncs, not one per 42 of them: the syncs grow
 * with the texts' bytes, not with their number. An item further on may still be heavier than
 * any read (a long note among short ones): Excel refuses that response as too large, and its
 * blocks are halved and read again.
 *
 * Why not load each collection whole first, and fall back to this only when Excel refuses it?
 * Because a sheet with 12 MB of comments would then cost every pull a refused sync of 12 MB
 * (test/excel/pull-many-long-comments.test.ts holds every response under 5 MB), and a location
 * (getLocation) can only be asked of each item anyway.
 */

/**
 * The most one note's, comment's or reply's text can weigh in a response. A note's text is rich
 * text whose runs Excel "restricts to 32767 characters" (MS-OI29500 2.1.706, Part 4 Section
 * 3.4.12, t); a threaded comment's text (MS-XLSX 2.6.205, CT_ThreadedComment, an ST_Xstring) has
 * no documented maximum: the safe reading chosen is the same 32,767, a cell's limit too (Excel
 * specifications and limits). Three bytes a character: what UTF-8 takes for any character of
 * Office's UTF-16 text (a surrogate pair, two of them, takes four).
 */
export const TEXT_BYTES = 32_767 * CHAR_BYTES;

/** What an item weighs besides its text, about: its cell's address, its status, and the JSON around them. */
const ITEM_BYTES = 300;

/** What a reply weighs besides its text, about. */
const REPLY_BYTES = 100;

/**
 * What reading one item asks of Excel's request: a comment's getItemAt, its load, its
 * getLocation and load, and its replies' load, each a call with its object path (about 180
 * bytes each, test/support/fake-excel.ts CALL_BYTES), taken for a note too. An item is never
 * weighed at less, so a block of many short comments keeps the request under the limit as well.
 */
const ITEM_REQUEST_BYTES = 600;

/** A note as read: its text and its cell ("Data!G5"). */
export interface NoteRead {
  text: string;
  cell: string;
}

/** A threaded comment as read: its cell, text and status, and its replies' texts (empty when they were not asked for); its id with them (the pull looks at it again by id, notes-look.ts). */
export interface CommentRead {
  id?: string;
  cell: string;
  content: string;
  resolved: boolean;
  replies: string[];
}

/** A sheet whose notes (null where Excel has no notes API, or they are not to be read) and comments (null: not to be read) were counted, with their numbers known. */
export interface Counted {
  sheet: Excel.Worksheet;
  notes: NotesRead | null;
  comments: OfficeExtension.ClientResult<number> | null;
}

/** Queues counting a sheet's threaded comments (CommentCollection.getCount, ExcelApi 1.10): a number, whatever they hold. */
export const queueCommentCount = (sheet: Excel.Worksheet): OfficeExtension.ClientResult<number> => sheet.comments.getCount();

/** What counting a sheet's notes and comments weighs in a response, about. */
export const COUNT_BYTES = 50;

/** One collection to read by position (readItems, batch.ts): a sheet's notes or its comments; `most`, TEXT_BYTES and more for a comment with replies (see mostReplies). */
interface Collection<T> extends ItemList<T> {
  sheet: number;
}

/**
 * A threaded comment that with its replies is more than Excel answers in one response (over 5 MB
 * on the web; a reply's text can be 32,767 characters, up to three bytes each in UTF-8, and a
 * thread has as many replies as people gave it): it cannot be read, so it cannot be put back
 * either. Where it is: the sheet's name, and its cell as Excel names it ("G5").
 */
export class CommentTooLarge extends Error {
  constructor(
    readonly sheet: string,
    readonly cell: string,
  ) {
    // Not shown as it is: the pull that catches it tells the user, in their language (load-data.ts).
    super(`The comment in ${sheet}!${cell} is too large to read.`);
    this.name = "CommentTooLarge";
  }
}

/** Queues asking where the comment at `index` of `sheet` is, and the sheet's name (one cell's address, a name): the CommentTooLarge to throw after the sync. */
function queueCommentTooLarge(sheet: Excel.Worksheet, index: number): () => Error {
  const cell = sheet.comments.getItemAt(index).getLocation().load("address");
  sheet.load("name");
  return () => new CommentTooLarge(sheet.name, withoutSheet(cell.address));
}

const code = (error: unknown) => (error as { code?: unknown } | null)?.code;

/**
 * Reads the notes and comments of the counted sheets (the comments with their replies' texts
 * when `replies`), in as few syncs as their bytes need (one when they are few), each response at
 * most about the batch's limit. Comments are read in the order of the collection, notes too (a
 * fingerprint compares them in order).
 *
 * Its syncs are its own: what the caller queued on `reads` is flushed first, and each sync after
 * holds only these loads. That is what makes reading a sync again safe: a load changes nothing in
 * the workbook, so whether Excel ran any of a refused batch or none (the docs do not say) does not
 * matter. Both callers (table-refresh.ts readBefore, for a pull that will delete rows, before it
 * writes anything; sheet-extras.ts readExtras, for Regenerate's and the inspection's fingerprints)
 * queue nothing on the context but loads before it, and nothing while it runs.
 *
 * Read again, too, when an item counted is gone by the time it is read (the analyst deleted a
 * comment between the count and the read: Excel answers ItemNotFound): counted again, once, and
 * read from the start. A second time, Excel's refusal is thrown as it came.
 */
export async function readNotesAndComments(reads: ReadBatch, sheets: readonly Counted[], options: { replies: boolean }): Promise<{ notes: NoteRead[] | null; comments: CommentRead[] }[]> {
  await reads.flush();
  let counted = sheets;
  for (let attempt = 0; ; attempt++) {
    try {
      return await readCounted(reads.limit, counted, options.replies);
    } catch (error) {
      if (code(error) !== "ItemNotFound" || attempt > 0) throw error;
      counted = await countAgain(counted);
    }
  }
}

/** Counts again the notes and comments of the sheets counted before (what was not to be read stays so), in one sync. */
async function countAgain(sheets: readonly Counted[]): Promise<Counted[]> {
  const again = sheets.map(({ sheet, notes, comments }) => ({ sheet, notes: notes ? queueNotes(sheet) : null, comments: comments ? queueCommentCount(sheet) : null }));
  const first = sheets.find((s) => s.notes || s.comments);
  if (first) await first.sheet.context.sync();
  return again;
}

async function readCounted(limit: number, sheets: readonly Counted[], replies: boolean) {
  const notes: Collection<NoteRead>[] = [];
  const comments: Collection<CommentRead>[] = [];
  for (const [s, { sheet, notes: counted, comments: count }] of sheets.entries()) {
    if (counted) notes.push({ sheet: s, total: counted.count(), queueAt: counted.queueAt, weigh: (note) => textBytes(note.text) + note.cell.length + ITEM_BYTES, most: TEXT_BYTES + ITEM_BYTES, least: ITEM_REQUEST_BYTES });
    if (count) comments.push({ sheet: s, total: count.value, queueAt: (i) => queueComment(sheet, i, replies), weigh: (c) => textBytes(c.content) + c.cell.length + ITEM_BYTES + c.replies.reduce((n, r) => n + textBytes(r) + REPLY_BYTES, 0), most: TEXT_BYTES + ITEM_BYTES, least: ITEM_REQUEST_BYTES, tooLarge: (i) => queueCommentTooLarge(sheet, i) });
  }
  const context = sheets[0]?.sheet.context;
  // Review 3: with their replies, a comment weighs a text more for each reply (42 comments with
  // two long replies each: about 12 MB, not 4). So before the first round, the most replies a
  // comment of each sheet has (one sync of counts, a few bytes each), and the first round takes
  // each comment at one maximum text more for each of those.
  if (context && replies && comments.some((c) => c.total > 0)) {
    const most = await mostReplies(context, comments.map((c) => ({ sheet: sheets[c.sheet].sheet, total: c.total })));
    comments.forEach((c, i) => (c.most = (TEXT_BYTES + REPLY_BYTES) * most[i] + TEXT_BYTES + ITEM_BYTES));
  }
  const results = context ? await readItems(context, [...notes, ...comments] as Collection<NoteRead | CommentRead>[], limit) : [];
  const ofSheet = <T>(list: Collection<T>[], offset: number, s: number): T[] | null => {
    const i = list.findIndex((c) => c.sheet === s);
    return i < 0 ? null : (results[offset + i] as T[]);
  };
  return sheets.map((_, s) => ({ notes: ofSheet(notes, 0, s), comments: ofSheet(comments, notes.length, s) ?? [] }));
}

/** What asking one comment's number of replies costs in the request (getItemAt, replies, getCount, each a call with its object path), about. */
const REPLY_COUNT_BYTES = 600;

/**
 * The most replies any comment of each sheet has (CommentReplyCollection.getCount, ExcelApi 1.10:
 * "Gets the number of comment replies in the collection"), asked of each comment by position, in
 * syncs whose requests stay under the limit (each answer is a number; one sync for thousands).
 */
async function mostReplies(context: Excel.RequestContext, sheets: readonly { sheet: Excel.Worksheet; total: number }[]): Promise<number[]> {
  const most = sheets.map(() => 0);
  const perSync = Math.max(1, Math.floor((MAX_SYNC_BYTES * 0.8) / REPLY_COUNT_BYTES));
  const all = sheets.flatMap(({ total }, s) => Array.from({ length: total }, (_, i) => ({ s, i })));
  for (let from = 0; from < all.length; from += perSync) {
    const counts = all.slice(from, from + perSync).map(({ s, i }) => ({ s, count: sheets[s].sheet.comments.getItemAt(i).replies.getCount() }));
    // One sync per some 5,000 comments, by design: the counts are reached only by position.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const { s, count } of counts) most[s] = Math.max(most[s], count.value);
  }
  return most;
}

/** Queues reading the comment at `index`: Comment.content (1.10) and resolved (1.11), getLocation (1.10), and its replies' texts (CommentReplyCollection, 1.10) with its id (Comment.id, 1.10) when asked. */
function queueComment(sheet: Excel.Worksheet, index: number, replies: boolean): () => CommentRead {
  const comment = sheet.comments.getItemAt(index).load(replies ? "content,resolved,id" : "content,resolved");
  const cell = comment.getLocation().load("address");
  const thread = replies ? comment.replies.load("items/content") : null;
  return () => ({ ...(thread ? { id: comment.id } : {}), cell: cell.address, content: comment.content, resolved: comment.resolved, replies: thread ? thread.items.map((reply) => reply.content) : [] });
}
