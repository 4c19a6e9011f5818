import { queueCommentCount } from "./notes-comments-read";
import { NotesRead, queueNotes } from "./optional-apis";

/**
 * Notes and threaded comments the analyst adds (or deletes) while a pull deletes rows. The pull
 * reads the notes and comments of the rows it will delete before it writes anything (table-
 * refresh.ts readBefore), to put them back should it stop; Excel deletes a cell's note and
 * comment with the cell. One added after that read, to a row the pull then deletes, would be
 * gone with the row without a word, and one added on any row would make the read stale.
 *
 * So every sync that deletes rows counts the sheet's notes and comments just before its delete
 * and just after it, in the same batch: Excel runs the commands of a batch in the order they
 * were queued, with nothing of the user's in between ("you can queue up multiple actions … and
 * run them as a batch of commands with a single call to sync()", learn.microsoft.com, Office
 * Add-ins, "Application-specific API model"), so the count before the delete is the sheet at the
 * moment of deletion. It must be no more than what the read before found (for the first deleting
 * sync) or what the last deleting sync left (after it): more, and notes or comments were added in
 * between, maybe on the rows this sync deletes; the pull stops and puts back what it wrote, as for
 * an edit of a row meanwhile. Fewer (the analyst deleted one) goes on: the pull's delete cannot
 * lose what is already gone, and stopping would only cost a comparison again.
 *
 * Chosen: stop and say so, not put the new ones back. Putting them back needs their text and cell
 * from before the delete, in the same sync, and Office.js reaches an item only by its position
 * (getItemAt, refused past the end, which would refuse the delete with it) or by loading each
 * one's location: every deleting sync would read every note and comment again, up to 12 MB of
 * them (pull-many-long-comments.test.ts), for an edit that is rare. The count costs two numbers a
 * sync. What the stop cannot save, a note or comment added to a row in the very sync that deleted
 * it, the pane names (load.notesAddedMeanwhile), never "as it was". A count alone does not see
 * one added and another deleted between the same two syncs; seeing that would need the items
 * themselves, see above.
 */

/** A sheet's notes (null: Excel has no notes API, or they are not watched) and threaded comments, as counted. */
export interface NoteCounts {
  notes: number | null;
  comments: number;
}

/** Notes or comments were added on `sheet` while the pull deleted rows of `table`: the counts expected and found just before a delete. */
export class NotesAddedMeanwhile extends Error {
  constructor(
    readonly table: string,
    readonly sheet: string,
    readonly expected: NoteCounts,
    readonly found: NoteCounts,
    /** What stopped the pull when that was something else, a cancel (table-refresh.ts): the counts of its last step came back with the put-back's first sync. */
    readonly stopped: unknown = null,
  ) {
    // Not shown as it is: the load that catches it tells the user, in their language (load-data.ts).
    super(`The notes or comments on ${sheet} were added while rows of ${table} were deleted.`);
    this.name = "NotesAddedMeanwhile";
  }
}

interface Queued {
  notes: NotesRead | null;
  comments: OfficeExtension.ClientResult<number>;
}

/** What the counts queued came to, or null before their sync is back. */
function counted({ notes, comments }: Queued): NoteCounts | null {
  try {
    return { notes: notes ? notes.count() : null, comments: comments.value };
  } catch {
    return null;
  }
}

/** More notes or comments found than expected: some were added (fewer: the analyst deleted some, which the pull's delete cannot lose). */
const added = (expected: NoteCounts, found: NoteCounts) => found.comments > expected.comments || (found.notes ?? 0) > (expected.notes ?? 0);

/** Watches the notes and comments of the sheets a pull deletes rows on, from the counts its read before found. */
export class NotesWatch {
  private readonly expected = new Map<string, NoteCounts>();
  private readonly queued: { table: string; sheet: string; before: Queued; after: Queued }[] = [];
  private checked = 0;

  /** `sheet`'s notes and comments as the read before found them (the number read: counted again when one went, notes-comments-read.ts). */
  expect(sheet: string, counts: NoteCounts): void {
    this.expected.set(sheet, counts);
  }

  /** Queues `remove` (a delete of rows of `table`) between a count of `sheet`'s notes and comments just before and one just after, in the same batch. */
  around(sheet: Excel.Worksheet, sheetName: string, table: string, remove: () => void): void {
    const watched = this.expected.get(sheetName);
    if (!watched) return remove();
    const queue = (): Queued => ({ notes: watched.notes === null ? null : queueNotes(sheet), comments: queueCommentCount(sheet) });
    const before = queue();
    remove();
    this.queued.push({ table, sheet: sheetName, before, after: queue() });
  }

  /** Checks the counts whose syncs are back, in the order queued; throws NotesAddedMeanwhile at the first that found more than expected. */
  check(): void {
    const found = this.added();
    if (found) throw found;
  }

  /**
   * As check, but gives what it found (null: nothing added in the syncs back so far). For the
   * stop after a cancel: the last deleting step was still queued when the cancel came, and the
   * put-back's first sync sent it, delete and counts together (table-refresh.ts undo), so its
   * counts are back once the put-back is done, and a note added on its rows went with them.
   */
  added(stopped: unknown = null): NotesAddedMeanwhile | null {
    for (; this.checked < this.queued.length; this.checked++) {
      const { table, sheet, before, after } = this.queued[this.checked];
      const [found, left] = [counted(before), counted(after)];
      if (!found || !left) return null;
      const expected = this.expected.get(sheet) as NoteCounts;
      if (added(expected, found)) return new NotesAddedMeanwhile(table, sheet, expected, found, stopped);
      this.expected.set(sheet, left);
    }
    return null;
  }
}
