import { snapshotOf } from "../../src/data/compare";
import { MonitorPackage } from "../../src/data/types";
import { largePackage, runLoadData, tableNamed, userWorkbook } from "../support/workbooks";

/**
 * Issue 14, review of a4a61c5 (finding 4): a pull that deletes rows reads the sheet's notes and
 * comments by position. Each budgeted at the most a text can weigh (98 KB), that was ~42 per sync
 * whatever they held: 3,000 short comments and 2,000 short notes cost 120 more syncs. Now the
 * blocks after the first are sized from the heaviest item read so far
 * (src/excel/notes-comments-read.ts): their ~60 KB of text takes a sync or two more, not one per 42.
 */
const ROWS = 400;
const base = largePackage(ROWS);
const next: MonitorPackage = { ...base, observations: base.observations.filter((_, i) => ![50, 150, 350].includes(i)) };

async function syncsWith(comments: number, notes: number) {
  const model = userWorkbook();
  await runLoadData(model, base, { previous: new Set(snapshotOf(base)) });
  const data = tableNamed(model, "MonitorData");
  if (!data) throw new Error("no MonitorData");
  const { row, column, columns } = data.box;
  const cells = Array.from({ length: comments + notes }, (_, i) => ({ row: row + 1 + Math.floor(i / columns), column: column + (i % columns) }));
  cells.slice(0, comments).forEach((cell, n) => data.sheet.comments.push({ ...cell, text: `Zie bron ${n}`, author: "Anna", date: "2026-11-03T09:15:00.000Z", resolved: false, replies: [] }));
  cells.slice(comments).forEach((cell, n) => data.sheet.notes.push({ ...cell, text: `Notitie ${n}` }));
  const start = model.batches.length;
  const { result } = await runLoadData(model, next, { previous: new Set(snapshotOf(base)) });
  expect(result.ok).toBe(true);
  const syncs = model.batches.slice(start);
  return { syncs: syncs.length, biggestResponse: Math.max(...syncs.map((b) => b.responseBytes)) };
}

describe("the syncs of a pull that deletes 3 rows", () => {
  it("grow by a few, not one per 42 items, with 3,000 short comments and 2,000 short notes", async () => {
    const none = await syncsWith(0, 0);
    const many = await syncsWith(3000, 2000);
    // The comments' and notes' texts are ~60 KB here, a seventieth of one response's limit.
    expect(many.syncs - none.syncs).toBeLessThanOrEqual(3);
  });
});
