import { ReadBatch } from "./batch";
import { NotesRead } from "./optional-apis";

/**
 * Reads a sheet's notes and threaded comments (their texts, cells, status and replies) in syncs
 * whose responses each stay under the batch's limit: Excel on the web refuses a response over
 * 5 MB (../shared/excel/README.md, "Size limits"), and a collection loaded whole answers with
 * every text at once, however many and long they are. So the number of each is read first (a
 * few bytes), then each item by its position (getItemAt), as many per sync as fit at the most an
 * item can weigh: a response can then never grow past the limit, whatever the texts hold. A
 * sheet with a few notes and comments still takes one sync for them (two with replies).
 */

/**
 * The most one note's, comment's or reply's text can weigh in a response. A note's text is rich
 * text whose runs Excel "restricts to 32767 characters" (MS-OI29500 2.1.706, Part 4 Section
 * 3.4.12, t); a threaded comment's text (MS-XLSX 2.6.205, CT_ThreadedComment, an ST_Xstring) has
 * no documented maximum: the safe reading chosen is the same 32,767, a cell's limit too (Excel
 * specifications and limits). Three bytes a character: what UTF-8 takes for any character of
 * Office's UTF-16 text (a surrogate pair, two of them, takes four).
 */
export const TEXT_BYTES = 32_767 * 3;

/** What an item weighs besides its text, about: its cell's address, its status, its replies' number, and the JSON around them. */
const ITEM_BYTES = 300;

/** A note as read: its text and its cell ("Data!G5"). */
export interface NoteRead {
  text: string;
  cell: string;
}

/** A threaded comment as read: its cell, text and status, and its replies' texts (empty when they were not asked for). */
export interface CommentRead {
  cell: string;
  content: string;
  resolved: boolean;
  replies: string[];
}

/** A sheet whose notes (null where Excel has no notes API) and comments were counted (queueNotes, queueCommentCount), with their numbers known. */
export interface Counted {
  sheet: Excel.Worksheet;
  notes: NotesRead | null;
  comments: OfficeExtension.ClientResult<number> | null;
}

/** Queues counting a sheet's threaded comments (CommentCollection.getCount, ExcelApi 1.10): a number, whatever they hold. */
export const queueCommentCount = (sheet: Excel.Worksheet): OfficeExtension.ClientResult<number> => sheet.comments.getCount();

/** What counting a sheet's notes and comments weighs in a response, about. */
export const COUNT_BYTES = 50;

/**
 * Queues reading each note and comment of each counted sheet (text, cell; a comment's status,
 * and, with `replies`, its replies' number) through `reads`, which syncs whenever the next item
 * could take the response past its limit; the reader works after the batch's next flush. Comments
 * are read in the order of the collection, notes too (a fingerprint compares them in order).
 */
export async function queueNotesAndComments(reads: ReadBatch, sheets: readonly Counted[], replies: boolean) {
  const queued: { notes: (() => NoteRead)[] | null; comments: { comment: Excel.Comment; cell: Excel.Range; replies: OfficeExtension.ClientResult<number> | null }[] }[] = [];
  for (const { sheet, notes, comments } of sheets) {
    const one: (typeof queued)[number] = { notes: notes ? [] : null, comments: [] };
    for (let i = 0; i < (notes ? notes.count() : 0); i++) one.notes?.push(await reads.queue(TEXT_BYTES + ITEM_BYTES, () => (notes as NotesRead).queueAt(i)));
    for (let i = 0; i < (comments ? comments.value : 0); i++) {
      one.comments.push(
        await reads.queue(TEXT_BYTES + ITEM_BYTES, () => {
          // Comment.content (1.10) and resolved (1.11), getLocation (1.10), replies.getCount (1.10).
          const comment = sheet.comments.getItemAt(i).load("content,resolved");
          return { comment, cell: comment.getLocation().load("address"), replies: replies ? comment.replies.getCount() : null };
        }),
      );
    }
    queued.push(one);
  }
  return queued.map((one) => ({
    notes: () => (one.notes ? one.notes.map((note) => note()) : null),
    comments: () => one.comments.map(({ comment, cell }): CommentRead => ({ cell: cell.address, content: comment.content, resolved: comment.resolved, replies: [] })),
    /** Queues each reply's text (after the flush that read the comments), as many per sync as fit; the reader works after the next flush. */
    queueReplies: async () => {
      const texts: (() => string)[][] = [];
      for (const { comment, replies: count } of one.comments) {
        const each: (() => string)[] = [];
        for (let j = 0; j < (count ? count.value : 0); j++) {
          each.push(
            await reads.queue(TEXT_BYTES + ITEM_BYTES, () => {
              const reply = comment.replies.getItemAt(j).load("content");
              return () => reply.content;
            }),
          );
        }
        texts.push(each);
      }
      return () => texts.map((each) => each.map((text) => text()));
    },
  }));
}

/**
 * Reads the notes and comments of the counted sheets, the comments with their replies' texts, in
 * as few syncs as their most can take (one, and one more for replies, when there are few), each
 * at most the batch's limit. For a pull that will delete rows: what Excel deletes with them.
 */
export async function readNotesAndComments(reads: ReadBatch, sheets: readonly Counted[]): Promise<{ notes: NoteRead[] | null; comments: CommentRead[] }[]> {
  const queued = await queueNotesAndComments(reads, sheets, true);
  await reads.flush();
  const replies: (() => string[][])[] = [];
  for (const sheet of queued) replies.push(await sheet.queueReplies());
  await reads.flush();
  return queued.map((sheet, s) => {
    const texts = replies[s]();
    return { notes: sheet.notes(), comments: sheet.comments().map((comment, c) => ({ ...comment, replies: texts[c] })) };
  });
}
