import { CHAR_BYTES } from "./batch";
import { TEXT_BYTES } from "./notes-comments-read";
import { queueCommentLook, queueNoteLook } from "./optional-apis";
import { RowComment } from "./row-comments";
import { RowNote } from "./row-notes";

/**
 * The notes and threaded comments of the rows a sync deletes, looked at in that sync, just before
 * the delete (issue 14: the analyst's latest version wins). The pull reads them before it writes
 * (table-refresh.ts readBefore) to put them back with their rows should it stop; the analyst may
 * retype a note, add a reply or delete a comment after that read, and the counts of notes-watch.ts
 * do not change for it. Excel deletes a cell's note and comment with the cell, so what the undo
 * puts back must be what the delete took: Excel runs a batch's commands in the order queued, and
 * the analyst's edits come between syncs, never inside one (learn.microsoft.com, Office Add-ins,
 * "Application-specific API model", sync(); rules-watch.ts relies on the same order), so a look
 * just before the delete, in its batch, sees exactly that.
 *
 * Only what was read on those rows is looked at, each by where it is: a note by its cell
 * (NoteCollection.getItemOrNullObject, ExcelApi 1.18: "Gets a note by its cell address. If the
 * note object does not exist, then this method returns an object with its isNullObject property
 * set to true"), a comment by its id (CommentCollection.getItemOrNullObject, ExcelApi 1.14; getItemByCell
 * "throws an error" when the cell has none, which would refuse the delete with it). So the weight
 * stays that of the texts read, and a note or comment gone in the look (the analyst deleted it)
 * is not made again. One added meanwhile is the counts' (notes-watch.ts).
 *
 * A look whose sync never came back (Excel refused it, and returns nothing of it) leaves the
 * rows' notes and comments as read before the pull: what the analyst changed in them then is not
 * known, and the pane says which (load.notesNotKnown), never "as it was".
 */

/** What the notes and comments of one row were when looked at: none gone, texts as the analyst left them. */
interface Seen {
  notes: RowNote[];
  comments: RowComment[];
}

/** What the undo puts back on a row with its notes and comments; `known` false where the look did not come back (they are as read before). */
export interface NotesToPutBack extends Seen {
  known: boolean;
}

/** What looking at one note or comment weighs, besides its texts: the call, its object path, the answer's JSON. */
const ITEM_LOOK_BYTES = 400;

/**
 * Room in each look for one text the analyst made as long as a note or reply can be (TEXT_BYTES)
 * since the read, as rules-watch.ts keeps room for one edit. Several that long between two syncs:
 * Excel refuses the response, the pull stops there, and the pane names what is not known.
 */
export const NOTES_EDIT_ROOM = TEXT_BYTES;

const chars = (texts: readonly string[]) => texts.reduce((n, text) => n + text.length, 0) * CHAR_BYTES;

/** What looking at a row's notes and comments weighs in a response, about (0 when it has none). */
export const notesLookBytes = ({ notes, comments }: { notes: readonly RowNote[]; comments: readonly RowComment[] }): number =>
  notes.reduce((n, note) => n + ITEM_LOOK_BYTES + chars([note.text]), 0) + comments.reduce((n, c) => n + ITEM_LOOK_BYTES * (1 + c.replies.length) + chars([c.content, ...c.replies]), 0);

export class NotesLook {
  /** By row key: the body row it was deleted from, and what its look saw (null: not back). */
  private readonly looks = new Map<string, { index: number; seen: () => Seen | null }>();

  /**
   * Queues, in the batch that deletes it, a look at what was read on the row of `key` at body row
   * `index`; `cell(column)` is the address of its cell in a column of the table, on the sheet as
   * the delete finds it. Nothing when it had none.
   */
  queue(sheet: Excel.Worksheet, key: string, index: number, read: { notes: readonly RowNote[]; comments: readonly RowComment[] }, cell: (column: number) => string): void {
    if (!read.notes.length && !read.comments.length) return;
    const notes = read.notes.map((note) => ({ column: note.column, text: queueNoteLook(sheet, cell(note.column)) }));
    // Without its id, or where Excel has no getItemOrNullObject for comments (before ExcelApi 1.14), a comment cannot be looked at: it is put back as read.
    const comments = read.comments.map((comment) => ({ comment, now: comment.id ? queueCommentLook(sheet, comment.id) : null }));
    this.looks.set(key, {
      index,
      seen: () => {
        try {
          return {
            notes: notes.flatMap(({ column, text }, n) => {
              const now = text ? text() : read.notes[n].text;
              return now === null ? [] : [{ column, text: now }];
            }),
            comments: comments.flatMap(({ comment, now }) => {
              const seen = now ? now() : comment;
              return seen === null ? [] : [{ ...comment, ...seen }];
            }),
          };
        } catch {
          return null;
        }
      },
    });
  }

  /**
   * What the undo puts back with the row of `key`: what its look saw, when it came back and the
   * row the delete took there was this one (`deletedAt(index)`: the key of the row the delete's
   * look saw at that body row; after a sort another row went, and the pull stops for it); else as
   * read before (`read`), known unless its look did not come back.
   */
  toPutBack(key: string, read: Seen, deletedAt: (index: number) => string | null): NotesToPutBack {
    const look = this.looks.get(key);
    if (!look) return { ...read, known: true };
    const seen = look.seen();
    if (!seen) return { ...read, known: false };
    return deletedAt(look.index) === key ? { ...seen, known: true } : { ...read, known: true };
  }
}
