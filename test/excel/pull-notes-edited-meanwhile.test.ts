import { edition, loadedWorkbook, runLoadData } from "../support/workbooks";
import { editionChanged, onceDeleting, pullTexts as texts, refusedAtFirstDelete, sheetRowOf } from "../support/pull-stops";

/**
 * A note the analyst retypes, a reply they add to a threaded comment, or a note they delete, on a
 * row the pull deletes next (issue 14: the analyst's latest version wins). The counts of
 * notes-watch.ts do not change for them, and Excel deletes a cell's note and comment with the
 * row; the sync that deletes the row looks at what was read on it just before its delete
 * (src/excel/notes-look.ts), and the undo puts back what that look saw. Where the look never came
 * back (Excel refused its sync), the pane names the cells whose notes and comments are as read
 * before the pull, never "as it was".
 */
// Ten figures changed, three dropped, five added; at 150 bytes a sync each delete is a sync of its
// own, bottom first: observation 90's row, then 50's, then 20's. The analyst edits after the first.
const next = editionChanged(edition, 10, [20, 50, 90], 5);

type Edit = "note" | "reply" | "delete" | "none";
/** cancel: after the first deleting sync; refused: Excel refuses the next (the fake runs half of it); refusedWhole: it ran whole, and nothing of it came back; none: the pull runs through, at the default limit. */
type Stop = "cancel" | "refused" | "refusedWhole" | "none";

/** On observation 50's row (sheet row 52): a note "Oud" in C52 and a colleague's thread in D52; the analyst's edit of them after the first deleting sync. */
async function pullEditingAt(edit: Edit, stop: Stop) {
  const { model, data } = await loadedWorkbook();
  const row = sheetRowOf(data, edition.observations[50]);
  const column = data.box.column + 2;
  data.sheet.notes.push({ row, column, text: "Oud" });
  data.sheet.comments.push({ row, column: column + 1, text: "Klopt dit?", author: "Anna de Vries", date: "2026-12-01T10:00:00.000Z", resolved: false, replies: [] });
  const onRow = <T extends { row: number; column: number }>(list: T[], c: number) => list.find((n) => n.row === row && n.column === c);
  const analyst = () => {
    if (edit === "note") (onRow(data.sheet.notes, column) as { text: string }).text = "Nagevraagd: klopt";
    else if (edit === "delete") data.sheet.notes = data.sheet.notes.filter((n) => !(n.row === row && n.column === column));
    else if (edit === "reply") onRow(data.sheet.comments, column + 1)?.replies?.push({ text: "Ja, nagevraagd bij de gemeente", author: "Piet", date: "2026-12-03T10:00:00.000Z" });
  };
  const cancel = new AbortController();
  const rowsWithNew = data.box.rows + 5;
  const onProgress =
    stop === "cancel"
      ? onceDeleting(data, rowsWithNew, () => {
          analyst();
          cancel.abort();
        })
      : stop === "none"
        ? onceDeleting(data, rowsWithNew, analyst)
        : refusedAtFirstDelete(model, data, rowsWithNew, analyst);
  if (stop === "refusedWhole") model.refusedRuns = "all";
  const { result } = await runLoadData(model, next, { ...(stop === "none" ? {} : { syncLimit: 150 }), signal: cancel.signal, onProgress });
  model.refuse = null;
  const comment = onRow(data.sheet.comments, column + 1);
  return { result, syncs: model.batches.length, note: onRow(data.sheet.notes, column)?.text ?? null, comment: comment ? { text: comment.text, replies: (comment.replies ?? []).map((r) => r.text) } : null };
}

const REMADE_EN = (rest: string) =>
  "The threaded comments in D52 of MonitorData on the sheet 'Data' were made anew: Excel deleted them with their rows, and once the rows were back the add-in added them again with their text, their replies and their status (resolved or not). " +
  `Office does not let an add-in set who wrote a comment or when: those comments and all their replies now carry your name and today's date, no longer the name and date of whoever wrote them. Everything else was put back as it was${rest}.`;
const REMADE_NL = (rest: string) =>
  "De opmerkingen in D52 van MonitorData op het blad 'Data' zijn nieuw gemaakt: Excel verwijderde ze met hun rijen, en toen de rijen terug waren zette de invoegtoepassing ze terug met hun tekst, hun antwoorden en hun status (opgelost of niet). " +
  `Office laat een invoegtoepassing de schrijver en de datum van een opmerking niet instellen: die opmerkingen en al hun antwoorden staan nu op uw naam, met de datum van vandaag, niet meer op naam en datum van wie ze schreef. De rest is teruggezet zoals hij was${rest}.`;
const THREAD = { text: "Klopt dit?", replies: [] as string[] };
const REPLIED = { text: "Klopt dit?", replies: ["Ja, nagevraagd bij de gemeente"] };

describe("an analyst's edit of a note or comment on a row the pull deletes next", () => {
  describe("the pull cancelled: the row comes back with the analyst's latest version", () => {
    it.each([
      ["a note retyped: the retyped text", "note", "Nagevraagd: klopt", THREAD],
      ["a reply added: the thread with the reply", "reply", "Oud", REPLIED],
      ["a note deleted: no note", "delete", null, THREAD],
    ] as const)("%s", async (_, edit, note, comment) => {
      const { result, note: after, comment: thread } = await pullEditingAt(edit, "cancel");
      expect({ note: after, comment: thread }).toEqual({ note, comment });
      expect(result).toMatchObject({ ok: false, cancelled: true });
      // The comment is made anew (Office cannot set its author), and the rest is as it was: true now.
      expect(texts(result)).toEqual([REMADE_EN("")]);
      expect(texts(result, "nl")).toEqual([REMADE_NL("")]);
    });
  });

  describe("Excel refuses the sync that deletes the row (its first half runs, the delete not): the row stays, with the analyst's edit", () => {
    it.each([
      ["a note retyped", "note", "Nagevraagd: klopt", THREAD],
      ["a reply added", "reply", "Oud", REPLIED],
      ["a note deleted", "delete", null, THREAD],
    ] as const)("%s", async (_, edit, note, comment) => {
      const { result, note: after, comment: thread } = await pullEditingAt(edit, "refused");
      expect({ note: after, comment: thread }).toEqual({ note, comment });
      expect(texts(result)).toEqual(["Excel refused a change (Excel: GeneralException); the workbook was put back as it was."]);
      expect(texts(result, "nl")).toEqual(["Excel weigerde een wijziging (Excel: GeneralException); de werkmap is teruggezet zoals hij was."]);
    });
  });

  describe("Excel refuses the sync that deletes the row after running all of it: the look never came back, so the note and comment come back as read before the pull, and the pane names them as not known", () => {
    const NOT_KNOWN_EN =
      "The notes and threaded comments in C52, D52 of MonitorData on the sheet 'Data' were put back as the add-in read them before the pull: Excel refused the step that deleted their rows and did not give back how they were then. " +
      "What you changed in them during the pull is therefore not known and may be missing: check them.";
    const NOT_KNOWN_NL =
      "De notities en opmerkingen in C52, D52 van MonitorData op het blad 'Data' zijn teruggezet zoals de invoegtoepassing ze vóór het ophalen las: Excel weigerde de stap die hun rijen verwijderde en gaf niet terug hoe ze er toen uitzagen. " +
      "Wat u er tijdens het ophalen in veranderde, is dus niet bekend en kan ontbreken: kijk ze na.";
    it.each([["note"], ["reply"], ["delete"]] as const)("%s", async (edit) => {
      const { result, note, comment } = await pullEditingAt(edit, "refusedWhole");
      expect({ note, comment }).toEqual({ note: "Oud", comment: THREAD });
      expect(texts(result)).toEqual([
        "Excel refused a change (Excel: GeneralException); the workbook was put back as it was, except for the notes and threaded comments below.",
        REMADE_EN(", except for the notes and threaded comments below"),
        NOT_KNOWN_EN,
      ]);
      expect(texts(result, "nl")).toEqual([
        "Excel weigerde een wijziging (Excel: GeneralException); de werkmap is teruggezet zoals hij was, op de notities en opmerkingen hieronder na.",
        REMADE_NL(", op de notities en opmerkingen hieronder na"),
        NOT_KNOWN_NL,
      ]);
    });
  });

  it("without edits the looks take no sync of their own: as many syncs as before them (measured on the code without the look: 50 for the cancelled pull at 150 bytes a sync, 20 for the whole pull)", async () => {
    const cancelled = await pullEditingAt("none", "cancel");
    expect(cancelled).toMatchObject({ syncs: 50, note: "Oud", comment: THREAD });
    const whole = await pullEditingAt("none", "none");
    expect(whole).toMatchObject({ syncs: 20, note: null, comment: null, result: { ok: true } });
  });
});
