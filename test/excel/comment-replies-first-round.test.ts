import { ReadBatch } from "../../src/excel/batch";
import { queueCommentCount, readNotesAndComments } from "../../src/excel/notes-comments-read";
import { fakeRun } from "../support/fake-excel";
import { sheetNamed, userWorkbook } from "../support/workbooks";

/**
 * Review 3 (issue 14): the first round of a read of threaded comments took each at one longest
 * text, so 42 comments with two replies of 32,767 characters each (what a pull reads before it
 * deletes rows) came to about 12 MB in one response: Excel refuses that (over 5 MB), the fake
 * too (FakeContext.sync counts what each sync's loads answer). Now a comment is taken at one
 * longest text more for each reply the most replied comment has. Here four replies of 32,767
 * characters each, about 6.9 MB in 42 comments (the fake weighs a response in UTF-8 bytes,
 * payloadBytes; these texts are ASCII, a byte a character).
 */
const FIVE_MB = 5 * 1024 * 1024;

it("42 comments with four longest replies each: read whole, and no response Excel would refuse as over 5 MB", async () => {
  const model = userWorkbook();
  const sheet = sheetNamed(model, "Mijn analyse");
  const text = (what: string, n: number) => `${what} ${n} ${"x".repeat(32_767 - `${what} ${n} `.length)}`;
  for (let n = 0; n < 42; n++) sheet.comments.push({ row: n, column: 10, text: text("Opmerking", n), author: "Anna", date: "2026-11-03T09:15:00.000Z", resolved: false, replies: ["a", "b", "c", "d"].map((r) => ({ text: text(`Antwoord ${r}`, n) })) });
  const before = model.batches.length;
  const { result } = await fakeRun(model, async (context) => {
    const ws = context.workbook.worksheets.getItem("Mijn analyse") as unknown as Excel.Worksheet;
    const comments = queueCommentCount(ws);
    await context.sync();
    return readNotesAndComments(new ReadBatch(context as unknown as Excel.RequestContext), [{ sheet: ws, notes: null, comments }], { replies: true });
  });
  expect(result[0].comments.map((c) => [c.content.slice(0, 14), c.replies.map((r) => r.slice(0, 14))])).toEqual(
    Array.from({ length: 42 }, (_, n) => [text("Opmerking", n).slice(0, 14), ["a", "b", "c", "d"].map((r) => text(`Antwoord ${r}`, n).slice(0, 14))]),
  );
  expect(model.batches.slice(before).filter((b) => b.responseBytes > FIVE_MB).map((b) => b.responseBytes)).toEqual([]);
});
