import { cellRef } from "../../src/report/a1";
import { ChartModel, CommentModel, TableModel, WorkbookModel } from "../support/fake-excel";
import { edition, loadedWorkbook, runLoadData, sheetNamed, snapshot } from "../support/workbooks";
import { editionChanged, onceDeleting, pullTexts as texts, refusedAtFirstDelete, sheetRowOf, sortedWhileDeleting } from "../support/pull-stops";

/**
 * A pull that stops after it began deleting rows puts their threaded comments back (issue 14):
 * Excel deletes a comment, replies and all, with its row, and Office.js cannot set a comment's
 * author or date, so the comment comes back made anew, by whoever runs the add-in, dated now, with
 * its text, its replies' texts and its status; the pane says in which cells, and that author and
 * date are not the original. Each case states the workbook before and after on the Excel fake.
 */
const WAARDE = 6;
// Ten figures changed, three dropped far apart, five added; at 150 bytes a sync each delete is a
// sync of its own, bottom first: the row of observation 90 goes first, then 50 and 20. A cancel
// seen after the first sync stops the pull before the third (the second, already queued, is sent
// with the undo's first sync), so the row of observation 20 is never deleted.
const next = editionChanged(edition, 10, [20, 50, 90], 5);

/** The workbook as the snapshot has it, but for its threaded comments (compared apart). */
const withoutComments = (model: WorkbookModel | string) => (JSON.parse(typeof model === "string" ? model : snapshot(model)) as { comments?: unknown }[]).map(({ comments: _, ...rest }) => rest);

/** A colleague's thread on the row the pull deletes first: resolved, with a reply by someone else. */
const thread = (row: number, column: number): CommentModel => ({
  row,
  column,
  text: "Klopt dit cijfer? Het lijkt hoog.",
  author: "Anna de Vries",
  date: "2026-11-03T09:15:00.000Z",
  resolved: true,
  replies: [{ text: "Ja, nagevraagd bij CBS.", author: "Bram Jansen", date: "2026-11-04T10:00:00.000Z" }],
});

/** Another on a row the pull never reaches before it stops (observation 20's): it must stay exactly as it is. */
const untouched = (row: number, column: number): CommentModel => ({ row, column, text: "Wijkgrens van 2021?", author: "Anna de Vries", date: "2026-10-01T08:00:00.000Z", resolved: false, replies: [] });

async function workbookWithComments() {
  const { model, data } = await loadedWorkbook();
  const [deleted, kept] = [sheetRowOf(data, edition.observations[90]), sheetRowOf(data, edition.observations[20])];
  const column = data.box.column + WAARDE;
  data.sheet.comments.push(thread(deleted, column), untouched(kept, data.box.column + 2));
  return { model, data, cell: cellRef(deleted, column), before: snapshot(model), rowsWithNew: data.box.rows + 5 };
}

/** The comment that came back: the thread as it was, but made anew by the current user, and now. */
function expectRemade(model: WorkbookModel, data: TableModel, before: string, since: string): void {
  const [was, other] = (JSON.parse(before) as { name: string; comments: CommentModel[] }[]).find((part) => part.name === data.sheet.name)?.comments ?? [];
  const [remade, kept] = [data.sheet.comments.find((c) => c.text === was.text), data.sheet.comments.find((c) => c.text === other.text)];
  const user = model.currentUser;
  expect(remade).toEqual({ ...was, author: user, date: expect.any(String), replies: [{ text: "Ja, nagevraagd bij CBS.", author: user, date: expect.any(String) }] });
  expect([remade?.date, remade?.replies?.[0].date].every((date) => (date ?? "") >= since)).toBe(true);
  expect(kept).toEqual(other);
  expect(data.sheet.comments).toHaveLength(2);
  expect(withoutComments(model)).toEqual(withoutComments(before));
}

/** Every body row's comments by the row's key: column in the table, text, status and replies' texts (what can come back; author and date cannot). */
function commentsByKey(data: TableModel): Record<string, unknown> {
  const { sheet, box } = data;
  const rows: Record<string, unknown> = {};
  for (let r = box.row + 1; r < box.row + box.rows; r++) {
    const values = Array.from({ length: box.columns }, (_, c) => sheet.cells.get(`${r},${box.column + c}`)?.value ?? null);
    const comments = sheet.comments.filter((c) => c.row === r).map((c) => [c.column - box.column, c.text, c.resolved, (c.replies ?? []).map((reply) => reply.text)]);
    rows[[1, 2, 3, 4, 5, 7].map((c) => values[c]).join("|")] = comments;
  }
  return rows;
}

const SAID_EN = (cell: string) =>
  `The threaded comments in ${cell} of MonitorData on the sheet 'Data' were made anew: Excel deleted them with their rows, and once the rows were back the add-in added them again with their text, their replies and their status (resolved or not). ` +
  `Office does not let an add-in set who wrote a comment or when: those comments and all their replies now carry your name and today's date, no longer the name and date of whoever wrote them. Everything else was put back as it was.`;

describe("a pull that stops after deleting a row with a threaded comment puts the comment back, made anew, and says so", () => {
  it("cancelled after its first deleting sync: the comment is on its cell again with its reply and resolved, by the current user and dated now; the rest is as before, and the pane names the cell", async () => {
    const { model, data, cell, before, rowsWithNew } = await workbookWithComments();
    const since = new Date().toISOString();
    const cancel = new AbortController();
    const onProgress = onceDeleting(data, rowsWithNew, () => cancel.abort());
    const { result } = await runLoadData(model, next, { syncLimit: 150, signal: cancel.signal, onProgress });
    expect(onProgress.at.rows).toBe(rowsWithNew - 1); // one row deleted, two to go
    expect(result).toMatchObject({ ok: false, cancelled: true });
    expect(texts(result)).toEqual([SAID_EN(cell)]);
    expect(texts(result, "nl")).toEqual([
      `De opmerkingen in ${cell} van MonitorData op het blad 'Data' zijn nieuw gemaakt: Excel verwijderde ze met hun rijen, en toen de rijen terug waren zette de invoegtoepassing ze terug met hun tekst, hun antwoorden en hun status (opgelost of niet). ` +
        `Office laat een invoegtoepassing de schrijver en de datum van een opmerking niet instellen: die opmerkingen en al hun antwoorden staan nu op uw naam, met de datum van vandaag, niet meer op naam en datum van wie ze schreef. De rest is teruggezet zoals hij was.`,
    ]);
    expectRemade(model, data, before, since);
  });

  it("cancelled with a chart of the analyst's over Data as well, in an Excel without ExcelApi 1.15 (its series not put back): the comments' message does not call the rest 'as it was', as the references' message follows", async () => {
    const { model, data, cell, rowsWithNew } = await workbookWithComments();
    model.excelApi = "1.14";
    sheetNamed(model, "Mijn analyse").charts.push({ name: "Mijn grafiek", type: "ColumnClustered", source: { row: 0, column: 0, rows: 3, columns: 2 }, dataSources: [{ values: "=Data!$G$80:$G$95", categories: "=Data!$D$80:$D$95" }] } as ChartModel);
    const cancel = new AbortController();
    const onProgress = onceDeleting(data, rowsWithNew, () => cancel.abort());
    const { result } = await runLoadData(model, next, { syncLimit: 150, signal: cancel.signal, onProgress });
    expect(result).toMatchObject({ ok: false, cancelled: true });
    expect(texts(result)).toEqual([
      SAID_EN(cell).replace("Everything else was put back as it was.", "Everything else was put back as it was, except for the references below."),
      expect.stringMatching(/^The pull had deleted rows of MonitorData on the sheet 'Data' when it stopped; they are back\. Not checked and not put back: the chart 'Mijn grafiek' on the sheet 'Mijn analyse'\./),
    ]);
    expect(texts(result, "nl")[0]).toMatch(/De rest is teruggezet zoals hij was, op de verwijzingen hieronder na\.$/);
  });

  it("refused by Excel while deleting (part of the batch ran): the same, and the refusal says the workbook is as it was but for the comments", async () => {
    const { model, data, cell, before, rowsWithNew } = await workbookWithComments();
    const since = new Date().toISOString();
    const onProgress = refusedAtFirstDelete(model, data, rowsWithNew);
    const { result } = await runLoadData(model, next, { syncLimit: 150, onProgress });
    model.refuse = null;
    expect(onProgress.at.rows).toBe(rowsWithNew - 1);
    expect(texts(result)).toEqual(["Excel refused a change (Excel: GeneralException); the workbook was put back as it was, except for the threaded comments below.", SAID_EN(cell)]);
    expectRemade(model, data, before, since);
  });

  it("the analyst sorts after the first deleting sync, so the next deletes another row: every row is back by its key with its comments, the two deleted rows' made anew, and the pane names their cells", async () => {
    const { model, data } = await loadedWorkbook();
    for (let r = data.box.row + 1; r < data.box.row + data.box.rows; r++) {
      const replies = [{ text: `Antwoord ${r}`, author: "Bram Jansen", date: "2026-11-04T10:00:00.000Z" }];
      data.sheet.comments.push({ row: r, column: data.box.column + WAARDE, text: `Nagevraagd, rij ${r}`, author: "Anna de Vries", date: "2026-11-03T09:15:00.000Z", resolved: r % 2 === 0, replies });
    }
    const [before, rowsBefore] = [commentsByKey(data), data.box.rows];
    const { result } = await sortedWhileDeleting(model, data, next, rowsBefore + 5);
    expect(data.box.rows).toBe(rowsBefore);
    expect(commentsByKey(data)).toEqual(before);
    // The row of observation 90, deleted before the sort, and the one the sort put where the next delete went.
    const remade = data.sheet.comments.filter((c) => c.author === model.currentUser).sort((a, b) => a.row - b.row);
    expect(remade).toHaveLength(2);
    expect(remade.every((c) => c.replies?.every((reply) => reply.author === model.currentUser))).toBe(true);
    expect(data.sheet.comments.filter((c) => c.author === "Anna de Vries")).toHaveLength(rowsBefore - 1 - 2);
    expect(texts(result)).toEqual([
      expect.stringMatching(/^MonitorData row \d+ changed while the add-in was writing; writing stopped and the workbook was put back as it was, with your change, except for the threaded comments below\. Compare again\.$/),
      SAID_EN(remade.map((c) => cellRef(c.row, c.column)).join(", ")),
    ]);
  });

  it("a comment on a row the pull never deleted is not made anew, and the pane says nothing of comments", async () => {
    const { model, data } = await loadedWorkbook();
    data.sheet.comments.push(untouched(sheetRowOf(data, edition.observations[20]), data.box.column + 2));
    const before = snapshot(model);
    const cancel = new AbortController();
    const rowsWithNew = data.box.rows + 5;
    const { result } = await runLoadData(model, next, { syncLimit: 150, signal: cancel.signal, onProgress: onceDeleting(data, rowsWithNew, () => cancel.abort()) });
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
    expect(snapshot(model)).toEqual(before);
  });
});
