import { snapshotOf } from "../../src/data/compare";
import { MonitorPackage } from "../../src/data/types";
import { problemText } from "../../src/text/problems";
import { TableModel, WorkbookModel } from "../support/fake-excel";
import { largePackage, runLoadData, tableNamed, userWorkbook } from "../support/workbooks";

/**
 * A pull that deletes rows first reads every note and threaded comment of the table's sheet, to
 * put back those Excel deletes with the rows should the pull stop (issue 14). Excel on the web
 * refuses a response over 5 MB (docs/excel/performance.md), and the fake does too
 * (FakeContext.sync counts what each sync's loads answer): here 3,000 comments and 3,000 notes of
 * 2,000 characters and more, about 12 MB of text, must be read in syncs under the limit, and all
 * be back where they were once the pull stopped after deleting.
 */
const ROWS = 400;
const base = largePackage(ROWS);
// Three rows dropped far apart, ten figures changed, five rows added.
const next: MonitorPackage = {
  ...base,
  observations: [...base.observations.flatMap((o, i) => ([50, 150, 350].includes(i) ? [] : [i < 10 ? { ...o, waarde: o.waarde + 7 } : o])), ...largePackage(ROWS + 5).observations.slice(ROWS)],
};
const COMMENTS = 3000;
const NOTES = 3000;
/** A text of `length` characters and more, its own by `n` (Excel would put back a copy of another's). */
const long = (what: string, n: number, length = 2000) => `${what} ${n}: ${"Nagevraagd bij de bron, zie toelichting. ".repeat(Math.ceil(length / 41))}`;

async function workbookWithLongComments(): Promise<{ model: WorkbookModel; data: TableModel }> {
  const model = userWorkbook();
  await runLoadData(model, base, { previous: new Set(snapshotOf(base)) });
  const data = tableNamed(model, "MonitorData");
  if (!data) throw new Error("no MonitorData");
  const { row, column, rows, columns } = data.box;
  // Cell by cell through the body, a comment on each of the first 3,000, a note on each of the next 3,000.
  const cells = Array.from({ length: (rows - 1) * columns }, (_, i) => ({ row: row + 1 + Math.floor(i / columns), column: column + (i % columns) }));
  expect(cells.length).toBeGreaterThanOrEqual(COMMENTS + NOTES);
  cells.slice(0, COMMENTS).forEach((cell, n) =>
    data.sheet.comments.push({ ...cell, text: long("Opmerking", n), author: "Anna de Vries", date: "2026-11-03T09:15:00.000Z", resolved: n % 2 === 0, replies: n % 3 === 0 ? [{ text: long("Antwoord", n, 500), author: "Bram Jansen", date: "2026-11-04T10:00:00.000Z" }] : [] }),
  );
  cells.slice(COMMENTS, COMMENTS + NOTES).forEach((cell, n) => data.sheet.notes.push({ ...cell, text: long("Notitie", n) }));
  return { model, data };
}

/** Every body row's notes and comments by the row's key: column, text, and a comment's status and replies' texts (what can come back; author and date cannot). */
function byKey(data: TableModel): Record<string, unknown> {
  const { sheet, box } = data;
  const rows: Record<string, unknown> = {};
  for (let r = box.row + 1; r < box.row + box.rows; r++) {
    const values = Array.from({ length: box.columns }, (_, c) => sheet.cells.get(`${r},${box.column + c}`)?.value ?? null);
    const comments = sheet.comments.filter((c) => c.row === r).map((c) => [c.column - box.column, c.text, c.resolved, (c.replies ?? []).map((reply) => reply.text)]);
    const notes = sheet.notes.filter((n) => n.row === r).map((n) => [n.column - box.column, n.text]);
    rows[[1, 2, 3, 4, 5, 7].map((c) => values[c]).join("|")] = { comments: comments.sort(), notes: notes.sort() };
  }
  return rows;
}

const texts = (result: { ok: boolean; problems?: { message: unknown }[] }) => (result.ok ? ["ok"] : (result.problems ?? []).map((p) => problemText(p as never, "en")));

describe("a pull that deletes rows of a sheet with thousands of long notes and threaded comments", () => {
  it("reads them in syncs under 5 MB each, and once the pull stops after deleting, every note and comment is back on its row", async () => {
    const { model, data } = await workbookWithLongComments();
    const textBytes = [...data.sheet.comments.flatMap((c) => [c.text, ...(c.replies ?? []).map((r) => r.text)]), ...data.sheet.notes.map((n) => n.text)].reduce((n, t) => n + t.length, 0);
    expect(textBytes).toBeGreaterThan(10 * 1024 * 1024); // twice what one response may hold
    const [before, rowsBefore] = [byKey(data), data.box.rows];
    // At the sync that deletes (the first after the new rows went in), the analyst types a
    // Toelichting on a row that goes: the look before its delete sees it, the pull stops and puts
    // the rows back, the analyst's text with them (the undo keeps an edit made meanwhile).
    const dropped = base.observations[150];
    const edited = data.box.row + data.sheet.values(data.box).findIndex((r) => r[1] === dropped.indicator && r[2] === dropped.gebied && r[3] === dropped.groep && r[4] === (dropped.leeftijd ?? "") && r[5] === dropped.periode);
    let typed = false;
    model.meanwhile = () => {
      if (typed || data.box.rows !== rowsBefore + 5) return;
      typed = true;
      Object.assign(data.sheet.cell(edited, data.box.column + 12), { value: "Nagevraagd", formula: null });
    };
    const start = model.batches.length;
    const { result } = await runLoadData(model, next, { previous: new Set(snapshotOf(base)) });
    model.meanwhile = null;
    const syncs = model.batches.slice(start);
    expect(typed).toBe(true);
    expect(syncs.every((b) => b.responseBytes <= 5 * 1024 * 1024)).toBe(true);
    expect(texts(result)[0]).toMatch(/^MonitorData row \d+ changed while the add-in was writing; writing stopped and the workbook was put back as it was, with your change, except for the threaded comments below\./);
    expect(data.box.rows).toBe(rowsBefore);
    expect(byKey(data)).toEqual(before);
    expect([data.sheet.comments.length, data.sheet.notes.length]).toEqual([COMMENTS, NOTES]);
  });
});
