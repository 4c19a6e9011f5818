import { MonitorPackage } from "../../src/data/types";
import { CommentModel, TableModel } from "../support/fake-excel";
import { editionChanged } from "../support/pull-stops";
import { edition, loadedWorkbook, runLoadData } from "../support/workbooks";

/**
 * How many syncs the notes and threaded comments on the Data sheet add to a pull (issue 14).
 * Excel deletes a row's notes and comments with it, so a pull that deletes rows reads them
 * first, to put them back should it stop (table-refresh.ts readBefore, notes-comments-read.ts):
 * their numbers ride the sync that reads the rows before writing (no sync of their own), then
 * each item is read by its position, as many per sync as fit at the most an item can weigh
 * (32,767 characters at 3 bytes, plus 300: 98,601 bytes) in the first sync, the replies' texts
 * with their comment; later syncs are sized from the heaviest item read so far. Since review 3 a
 * comment weighs one such text more for each reply the most replied comment has, so the numbers
 * of replies are read first: one sync of counts when there are comments. A few notes and
 * comments are therefore two syncs more (one with notes only), replies or not, whatever their
 * number up to what fits in one sync at the most (4 MB / 98,601 bytes: 42 items without
 * replies); a pull that deletes nothing reads none of them.
 * Counted by the fake (FakeContext.syncs), each pull against the same pull on the same sheet
 * without notes or comments.
 */

const dropsThree = () => editionChanged(edition, 0, [20, 50, 90], 0);
const changesOnly = () => editionChanged(edition, 10, [], 0);

/** `comments` threaded comments (each with `replies` replies) and `notes` notes on MonitorData's first body rows, which no pull here deletes. */
function annotate(data: TableModel, { comments, notes, replies }: { comments: number; notes: number; replies: number }) {
  const [row, column] = [data.box.row + 1, data.box.column + 6]; // the first body row's Waarde
  for (let i = 0; i < comments; i++) {
    const thread: CommentModel = { row: row + i, column, text: `Klopt dit cijfer? (${i})`, resolved: false, replies: Array.from({ length: replies }, (_, j) => ({ text: `Ja (${j}).` })) };
    data.sheet.comments.push(thread);
  }
  for (let i = 0; i < notes; i++) data.sheet.notes.push({ row: row + i, column: column + 1, text: `Nagevraagd (${i}).` });
}

async function syncsOf(next: MonitorPackage, on: { comments: number; notes: number; replies: number }): Promise<number> {
  const { model, data } = await loadedWorkbook();
  annotate(data, on);
  const { result, syncs } = await runLoadData(model, next);
  expect(result.ok).toBe(true);
  return syncs;
}

const NONE = { comments: 0, notes: 0, replies: 0 };

describe("the syncs a pull takes for the notes and threaded comments on the Data sheet", () => {
  it("3 comments and 2 notes, no replies, on a pull that deletes rows: two syncs more (the replies' numbers, then the items)", async () => {
    const plain = await syncsOf(dropsThree(), NONE);
    expect(await syncsOf(dropsThree(), { comments: 3, notes: 2, replies: 0 })).toBe(plain + 2);
  });

  it("3 comments with a reply each and 2 notes: still two syncs more (the replies' texts are loaded with their comment)", async () => {
    const plain = await syncsOf(dropsThree(), NONE);
    // Each comment's replies are loaded with it (CommentReplyCollection, items/content) in the same
    // sync, not one more; before, their numbers (review 3: a comment weighs a text per reply).
    expect(await syncsOf(dropsThree(), { comments: 3, notes: 2, replies: 1 })).toBe(plain + 2);
  });

  it("21 comments and 21 notes (42 items, as many as one sync takes): still two syncs more (replies' numbers, items), not one per item; a 43rd item takes a third", async () => {
    const plain = await syncsOf(dropsThree(), NONE);
    expect(await syncsOf(dropsThree(), { comments: 21, notes: 21, replies: 0 })).toBe(plain + 2);
    expect(await syncsOf(dropsThree(), { comments: 22, notes: 21, replies: 0 })).toBe(plain + 3);
  });

  it("a pull that deletes no rows reads none of them: the same syncs as without", async () => {
    const plain = await syncsOf(changesOnly(), NONE);
    expect(await syncsOf(changesOnly(), { comments: 3, notes: 2, replies: 1 })).toBe(plain);
  });
});
