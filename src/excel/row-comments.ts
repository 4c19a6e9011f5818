import { Box } from "../report/a1";
import { textBytes } from "./batch";
import { byBodyRow } from "./row-notes";

/**
 * A table's threaded comments by the key of the body row each is on, read before a pull deletes
 * rows, as notes are (row-notes.ts): Excel deletes a cell's comment, replies and all, with the
 * cell, and adding the row again brings none back, so a row the undo adds again gets its
 * comments from here (table-refresh.ts). By key, not by place: a sort between two syncs moves a
 * row, and its comments with it.
 *
 * Office.js has every member this needs in the sets the manifest requires (ExcelApi 1.13):
 * Worksheet.comments, CommentCollection.add, Comment.content, replies, getLocation and
 * CommentReplyCollection.add are ExcelApi 1.10, Comment.resolved 1.11. What it cannot do is set
 * who wrote a comment or when: Comment.authorName and creationDate (and a reply's) are read-only,
 * and add takes neither. A comment put back is a new one, which Excel gives the name of whoever
 * runs the add-in and the time it is added; the pane says so, cell by cell (load-data.ts).
 */
export type CommentsByRow = ReadonlyMap<string, readonly RowComment[]>;

/** A threaded comment on a body row: its column in the table, its text, its replies' texts, and whether its thread is resolved; its id as read (notes-look.ts). */
export interface RowComment {
  id?: string;
  column: number;
  content: string;
  replies: readonly string[];
  resolved: boolean;
}

/**
 * The cells of a table whose comments the undo made anew, as Excel names them ("G5"), top to
 * bottom; `unknown`, the cells whose notes or comments it put back as read before the pull, the
 * look just before their delete not come back (notes-look.ts).
 */
export interface CommentsRemade {
  table: string;
  sheet: string;
  cells: string[];
  unknown?: string[];
}

/** What each call that puts a comment back weighs in a request besides its texts, about (as a note's: the call and the cell's range). */
export const COMMENT_BYTES = 400;

/** What putting `comment` back weighs in a request: the add, each reply's add and the status, with their texts (textBytes: up to CHAR_BYTES a character). */
export function commentBytes(comment: RowComment): number {
  const texts = [comment.content, ...comment.replies].reduce((n, text) => n + textBytes(text), 0);
  return COMMENT_BYTES * (1 + comment.replies.length + (comment.resolved ? 1 : 0)) + texts;
}

/** The comments in a table's body, by row key, from a sheet's comments as read (see byBodyRow). */
export function commentsByRow(comments: readonly Omit<RowComment, "column">[], cells: readonly string[], body: Box, keyOfRow: (row: number) => string | null): CommentsByRow {
  return byBodyRow(comments, cells, body, keyOfRow);
}

/**
 * Queues putting a comment back on a cell: the comment (CommentCollection.add, "Creates a new
 * comment with the given content on the given cell"), each reply in order (replies.add, "Creates
 * a comment reply for a comment"), and then its status. Resolved last: Excel's interface takes no
 * reply on a resolved thread until it is reopened, and the reference does not say the API does.
 */
export function queueAddComment(sheet: Excel.Worksheet, cell: Excel.Range, comment: RowComment): void {
  const added = sheet.comments.add(cell, comment.content);
  for (const reply of comment.replies) added.replies.add(reply);
  if (comment.resolved) added.resolved = true;
}
