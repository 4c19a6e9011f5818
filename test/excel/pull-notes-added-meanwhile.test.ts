import { cellRef } from "../../src/report/a1";
import { TableModel, WorkbookModel } from "../support/fake-excel";
import { edition, loadedWorkbook, runLoadData, snapshot } from "../support/workbooks";
import { editionChanged, onceDeleting, pullTexts as texts, sheetRowOf } from "../support/pull-stops";

/**
 * Issue 14: a note or threaded comment the analyst adds while a pull deletes rows. The pull reads
 * the notes and comments of the rows it deletes before it writes; one added after that read to a
 * row it then deletes went with the row, and the pane said nothing. Now each deleting sync counts
 * the sheet's notes and comments just before its delete (src/excel/notes-watch.ts): the pull
 * stops, puts back what it wrote, and says that one added to a row it deleted in that step is
 * gone; one added to a row it keeps just stays. Each case states the workbook before and after.
 */
// Ten figures changed, three rows dropped far apart, five added; at 150 bytes a sync each delete
// is a sync of its own, bottom first: observation 90's row, then 50's, then 20's.
const next = editionChanged(edition, 10, [20, 50, 90], 5);
const NOTE = "Bron nagevraagd bij de gemeente";

type Added = { kind: "note" | "comment"; row: number; column: number };

/** The analyst adds a note or a comment on `observation`'s row, in the table's column 2, after the pull's first deleting sync (observation 90's row gone). */
async function pullAddingAt(kind: Added["kind"], observation: number) {
  const { model, data } = await loadedWorkbook();
  const before = snapshot(model);
  const added: Added[] = [];
  const onProgress = onceDeleting(data, data.box.rows + 5, () => {
    const [row, column] = [sheetRowOf(data, edition.observations[observation]), data.box.column + 2];
    if (kind === "note") data.sheet.notes.push({ row, column, text: NOTE });
    else data.sheet.comments.push({ row, column, text: NOTE, author: "Anna de Vries", date: "2026-12-03T10:00:00.000Z", resolved: false, replies: [] });
    added.push({ kind, row, column });
  });
  const { result } = await runLoadData(model, next, { syncLimit: 150, onProgress });
  return { model, data, before, result, added: added[0] };
}

const en = (what: string) =>
  `${what} was added on the sheet 'Data' while the add-in was deleting rows of MonitorData; writing stopped and the rest of the workbook was put back as it was. ` +
  `If it was on a row the add-in deleted in its last step, it went with that row (Excel deletes it with its cell) before the add-in could read it, and does not come back: see whether it is there, and add it again if not. Compare again.`;
const nl = (what: string) =>
  `Er is ${what} toegevoegd op het blad 'Data' terwijl de invoegtoepassing rijen van MonitorData verwijderde; het schrijven is gestopt en de rest van de werkmap is teruggezet zoals hij was. ` +
  `Stond die op een rij die de invoegtoepassing in haar laatste stap verwijderde, dan is die met de rij verdwenen (Excel verwijdert die met de cel) voordat de invoegtoepassing die kon lezen, en komt die niet terug: kijk of die er staat, en voeg die zo nodig opnieuw toe. Vergelijk opnieuw.`;

const SAID = {
  note: { en: en("A note"), nl: nl("een notitie") },
  comment: { en: en("A threaded comment"), nl: nl("een opmerking") },
};

/** What is on the added note's or comment's cell now: its text, or null. */
const onCell = (data: TableModel, { kind, row, column }: Added) => (kind === "note" ? data.sheet.notes : data.sheet.comments).find((n) => n.row === row && n.column === column)?.text ?? null;

/** The workbook without what the analyst added. */
function without(model: WorkbookModel, data: TableModel, { kind, row, column }: Added): string {
  const keep = (n: { row: number; column: number }) => !(n.row === row && n.column === column);
  if (kind === "note") data.sheet.notes = data.sheet.notes.filter(keep);
  else data.sheet.comments = data.sheet.comments.filter(keep);
  return snapshot(model);
}

describe.each(["note", "comment"] as const)("a %s the analyst adds while the pull deletes rows", (kind) => {
  it("on the row the next delete takes: the pull stops after that delete, puts every row back, and says the one added there is gone (nl and en)", async () => {
    const { model, data, before, result, added } = await pullAddingAt(kind, 50);
    expect(added).toBeDefined();
    expect(result.ok).toBe(false);
    expect(texts(result)).toEqual([SAID[kind].en]);
    expect(texts(result, "nl")).toEqual([SAID[kind].nl]);
    // Excel deleted it with its row before the pull could read it; the rows are back, the rest as before.
    expect(onCell(data, added)).toBeNull();
    expect(snapshot(model)).toEqual(before);
  });

  it(`on a row the pull keeps: the pull stops all the same (it cannot tell where), the ${kind} stays on its cell, and the rest is as before`, async () => {
    const { model, data, before, result, added } = await pullAddingAt(kind, 30);
    expect(result.ok).toBe(false);
    expect(texts(result)).toEqual([SAID[kind].en]);
    expect(texts(result, "nl")).toEqual([SAID[kind].nl]);
    expect(onCell(data, added)).toBe(NOTE);
    expect(cellRef(added.row, added.column)).toBe(cellRef(sheetRowOf(data, edition.observations[30]), data.box.column + 2));
    expect(without(model, data, added)).toEqual(before);
  });
});

describe("a threaded comment added at any sync of a pull, on the row its first delete takes", () => {
  it("before the pull counts the comments, it is read and goes with its row as planned; from then on (between the count and the read, and after the read) the pull stops and says so", async () => {
    const outcomes: string[] = [];
    for (let k = 1; k <= 30; k++) {
      const { model, data } = await loadedWorkbook();
      // One comment already there (on a row the pull keeps), so the pull counts them in one sync and reads them by position in the next.
      data.sheet.comments.push({ row: sheetRowOf(data, edition.observations[30]), column: data.box.column + 2, text: "Wijkgrens van 2021?", author: "Anna de Vries", date: "2026-10-01T08:00:00.000Z", resolved: false, replies: [] });
      let [syncs, deleted] = [0, false];
      // The row is gone once the pull's first delete ran: from that sync on there is nothing to add to.
      const rowOf = () => data.sheet.values(data.box).findIndex((r) => r[2] === edition.observations[90].gebied && r[3] === edition.observations[90].groep && r[5] === edition.observations[90].periode && r[1] === edition.observations[90].indicator && r[4] === (edition.observations[90].leeftijd ?? ""));
      model.meanwhile = () => {
        if (++syncs !== k) return;
        deleted = rowOf() < 1;
        if (!deleted) data.sheet.comments.push({ row: data.box.row + rowOf(), column: data.box.column + 2, text: NOTE, resolved: false, replies: [] });
      };
      const { result } = await runLoadData(model, next).finally(() => (model.meanwhile = null));
      if (syncs < k || deleted) break;
      outcomes.push(result.ok ? "ok" : texts(result)[0] === en("A threaded comment") ? "said" : texts(result).join(" | "));
    }
    const firstSaid = outcomes.indexOf("said");
    expect(firstSaid).toBeGreaterThan(0);
    expect(outcomes.slice(0, firstSaid).every((o) => o === "ok")).toBe(true);
    expect(outcomes.slice(firstSaid)).toEqual(outcomes.slice(firstSaid).map(() => "said"));
  });
});

describe.each(["note", "comment"] as const)("a %s the analyst adds on the row of the pull's last deleting step, and a cancel at the same moment", (kind) => {
  it("the cancel's put-back sends that step and checks its counts: the rows are back, and the pane says the one added there is gone (nl and en), not just 'cancelled'", async () => {
    const { model, data } = await loadedWorkbook();
    const before = snapshot(model);
    const cancel = new AbortController();
    const added: Added[] = [];
    // At the first deleting sync (observation 90's row gone): a note on observation 50's row, which the next step deletes, and a cancel. That step is
    // still queued when the cancel stops the pull; the put-back's first sync sends it, and Excel deletes the note with its row.
    const onProgress = onceDeleting(data, data.box.rows + 5, () => {
      const [row, column] = [sheetRowOf(data, edition.observations[50]), data.box.column + 2];
      if (kind === "note") data.sheet.notes.push({ row, column, text: NOTE });
      else data.sheet.comments.push({ row, column, text: NOTE, author: "Anna de Vries", date: "2026-12-03T10:00:00.000Z", resolved: false, replies: [] });
      added.push({ kind, row, column });
      cancel.abort();
    });
    const { result } = await runLoadData(model, next, { syncLimit: 150, signal: cancel.signal, onProgress });
    expect(added).toHaveLength(1);
    expect(result).toMatchObject({ ok: false, cancelled: true });
    expect(texts({ ok: false, problems: (result as { problems: { message: unknown }[] }).problems })).toEqual([SAID[kind].en]);
    expect(texts({ ok: false, problems: (result as { problems: { message: unknown }[] }).problems }, "nl")).toEqual([SAID[kind].nl]);
    expect(onCell(data, added[0])).toBeNull();
    expect(snapshot(model)).toEqual(before);
  });

  it("on a row the pull keeps, cancelled at the same moment: the same words (the count cannot tell where), the one added stays, the rest as before", async () => {
    const { model, data } = await loadedWorkbook();
    const before = snapshot(model);
    const cancel = new AbortController();
    const added: Added[] = [];
    const onProgress = onceDeleting(data, data.box.rows + 5, () => {
      const [row, column] = [sheetRowOf(data, edition.observations[30]), data.box.column + 2];
      if (kind === "note") data.sheet.notes.push({ row, column, text: NOTE });
      else data.sheet.comments.push({ row, column, text: NOTE, author: "Anna de Vries", date: "2026-12-03T10:00:00.000Z", resolved: false, replies: [] });
      added.push({ kind, row, column });
      cancel.abort();
    });
    const { result } = await runLoadData(model, next, { syncLimit: 150, signal: cancel.signal, onProgress });
    expect(result).toMatchObject({ ok: false, cancelled: true });
    expect(texts({ ok: false, problems: (result as { problems: { message: unknown }[] }).problems })).toEqual([SAID[kind].en]);
    expect(onCell(data, added[0])).toBe(NOTE);
    expect(without(model, data, added[0])).toEqual(before);
  });

  it("cancelled with nothing added: only 'cancelled', the workbook as before", async () => {
    const { model, data } = await loadedWorkbook();
    const before = snapshot(model);
    const cancel = new AbortController();
    const { result } = await runLoadData(model, next, { syncLimit: 150, signal: cancel.signal, onProgress: onceDeleting(data, data.box.rows + 5, () => cancel.abort()) });
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
    expect(snapshot(model)).toEqual(before);
  });
});
