import { textOf } from "../../src/text/message";
import { WorkbookModel } from "../support/fake-excel";
import { markOf, runRegenerate, sheetNamed, snapshot, userWorkbook } from "../support/workbooks";

/**
 * Review of 7da5547 (issue 14): a refused first load that was making its own Data sheet keeps it
 * when the analyst typed over figures it had written there. Regenerate on a workbook without a
 * Data sheet makes one the same way (writeDataSheet, Journal.addSheet with its areas), but its
 * refusal path called journal.undo without the keep step: the sheet went with their figure, and
 * the pane said "The workbook was put back as it was: nothing changed." It now puts the workbook
 * back as a pull's first load does (Journal.undoKeepingTheirs) and names the kept sheet.
 */
const TODAY = "2026-11-25";

/** Regenerate in 2 KB syncs, refused by Excel (GeneralException) at the third write after `act` ran on its Data sheet once G5 held its figure. */
async function refusedAfter(model: WorkbookModel, act: (data: NonNullable<ReturnType<WorkbookModel["sheetNamed"]>>) => void) {
  let acted = false;
  let after = 0;
  model.meanwhile = () => {
    const data = model.sheetNamed("Data");
    if (acted || !data || data.cells.get("29,0") === undefined || typeof data.cell(4, 6).value !== "number") return;
    acted = true;
    act(data);
  };
  model.refuse = (bytes) => (acted && bytes > 0 && ++after === 3 ? "GeneralException" : null);
  try {
    await runRegenerate(model, undefined, TODAY, { syncLimit: 2 * 1024 });
    throw new Error("not refused");
  } catch (error) {
    const reason = (error as { reason?: never }).reason;
    if (reason === undefined) throw error;
    return { acted, after, texts: [textOf(reason, "nl"), textOf(reason, "en")] };
  } finally {
    model.meanwhile = null;
    model.refuse = null;
  }
}

describe("Regenerate making its own Data sheet, refused by Excel after the analyst worked on it", () => {
  it("a figure typed over a written one: the sheet is kept as theirs with it, under a dated name, and the pane names it", async () => {
    const model = userWorkbook();
    const mine = JSON.stringify(sheetNamed(model, "Mijn analyse"));
    const { acted, after, texts } = await refusedAfter(model, (data) => Object.assign(data.cell(4, 6), { value: 1300, formula: null }));
    expect([acted, after]).toEqual([true, 3]);
    expect(texts).toEqual([
      "Excel weigerde een wijziging (Excel: GeneralException). De werkmap is teruggezet, op één ding na. " +
        "Op het blad 'Data' dat de invoegtoepassing aan het maken was, stond in G5 iets anders dan wat ze er schreef: wat u typte of plakte terwijl ze schreef. " +
        "Het half geschreven blad is daarom bewaard als het uwe, zonder het merkteken van de invoegtoepassing: 'Data 2026-11-25' (was 'Data'). Verwijder het als u het niet meer nodig hebt. Probeer het opnieuw.",
      "Excel refused a change (Excel: GeneralException). The workbook was put back, but for one thing. " +
        "On the sheet 'Data' that the add-in was making, G5 held something other than what it wrote there: what you typed or pasted while it was writing. " +
        "So the partly written sheet is kept as yours, without the add-in's mark: 'Data 2026-11-25' (was 'Data'). Delete it when you no longer need it. Try again.",
    ]);
    // Regenerate had built no indicator sheet yet: only the analyst's two sheets are left.
    expect(model.sheets.map((s) => s.name)).toEqual(["Mijn analyse", "Data 2026-11-25"]);
    expect(JSON.stringify(sheetNamed(model, "Mijn analyse"))).toBe(mine);
    const kept = sheetNamed(model, "Data 2026-11-25");
    expect([kept.cell(4, 6).value, markOf(kept)]).toEqual([1300, null]);
    expect(model.tables.filter((t) => t.sheet === kept)).toEqual([]);
  });

  it("a note on a written cell: kept and named the same way", async () => {
    const model = userWorkbook();
    const { acted, texts } = await refusedAfter(model, (data) => data.notes.push({ row: 4, column: 6, text: "Nagevraagd bij CBS" }));
    expect(acted).toBe(true);
    expect(texts[1]).toBe(
      "Excel refused a change (Excel: GeneralException). The workbook was put back, but for one thing. " +
        "On the sheet 'Data' that the add-in was making, you added notes while it was writing. " +
        "So the partly written sheet is kept as yours, without the add-in's mark: 'Data 2026-11-25' (was 'Data'). Delete it when you no longer need it. Try again.",
    );
    expect(texts[0]).toContain("Aan het blad 'Data' dat de invoegtoepassing aan het maken was, voegde u notities toe terwijl ze schreef.");
    expect(sheetNamed(model, "Data 2026-11-25").notes).toEqual([{ row: 4, column: 6, text: "Nagevraagd bij CBS" }]);
  });

  it("nothing of theirs on it: the sheet is removed, and the pane says nothing changed", async () => {
    const model = userWorkbook();
    const before = snapshot(model);
    const { acted, texts } = await refusedAfter(model, () => undefined);
    expect(acted).toBe(true);
    expect(texts[1]).toBe("Excel refused a change (Excel: GeneralException). The workbook was put back as it was: nothing changed. Try again.");
    expect(snapshot(model)).toBe(before);
  });
});
