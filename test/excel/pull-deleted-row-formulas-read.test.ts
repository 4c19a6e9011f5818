import { problemText } from "../../src/text/problems";
import { cancelledText } from "../../src/taskpane/cancelled-text";
import { paneTexts } from "../../src/taskpane/i18n";
import { SheetModel, TableModel, WorkbookModel } from "../support/fake-excel";
import { editionChanged, onceDeleting } from "../support/pull-stops";
import { edition, loadedWorkbook, runLoadData, sheetNamed, snapshot } from "../support/workbooks";

/**
 * Before a pull deletes rows of MonitorData it reads the formulas that may point into them, to put
 * back what Excel makes #REF! of them should it stop after deleting (broken-references.ts). It
 * asks Excel which cells hold formulas and reads only those: a sheet with a large used range and
 * a few formulas is read whole. Where there are more formulas than it reads, nothing is put back
 * and the pane says exactly that, never that the workbook is as it was. Workbook states before
 * and after, and the pane's words.
 */
const dropped = [20, 50, 90];
const next = editionChanged(edition, 10, dropped, 5);

/** The analyst's formulas into the last dropped row (deleted first) and the first (not deleted when the pull stops). */
function analystFormulas(mine: SheetModel, data: TableModel): void {
  expect(data.sheet.values(data.box)[91][3]).toBe(edition.observations[90].groep);
  Object.assign(mine.cell(5, 1), { formula: "=Data!G92" });
  Object.assign(mine.cell(6, 1), { formula: "=Data!G22" });
}

/** Stops the pull at its first deleting sync with a refusal of the sync after it; gives the result and what the formula into the deleted row was then. */
async function refusedWhileDeleting(model: WorkbookModel, data: TableModel, mine: SheetModel) {
  let [refusing, refused] = [false, 0];
  let seen: string | null = null;
  model.refuse = () => (refusing && ++refused === 1 ? "GeneralException" : null);
  const onProgress = onceDeleting(data, data.box.rows + 5, () => {
    refusing = true;
    seen = mine.cell(5, 1).formula;
  });
  const { result } = await runLoadData(model, next, { syncLimit: 150, onProgress });
  model.refuse = null;
  return { result, seen };
}

/** Formulas in every other row of column A of a sheet of their own: none beside another, so each is an area of its own (as Excel answers them). */
function scatteredFormulas(model: WorkbookModel, count: number): void {
  const sheet = model.addSheet("Veel formules");
  for (let i = 0; i < count; i++) Object.assign(sheet.cell(i * 2, 0), { formula: "=1+1", value: 2 });
}

const EN_SHORT =
  "The pull had deleted rows of MonitorData on the sheet 'Data' when it stopped; they are back. " +
  "But the formulas that referred to those rows were not checked: the workbook holds too many to read (more than 2,000,000 cells with a formula, or more than 20,000 areas of them). " +
  "A formula that referred to one of those rows now shows #REF! there: Excel made that of the reference when the row went. Type those references again.";
const NL_SHORT =
  "Het ophalen had al rijen van MonitorData op het blad 'Data' verwijderd toen het stopte; die staan er weer. " +
  "Maar de formules die naar die rijen verwezen, zijn niet nagekeken: de werkmap heeft er te veel om te lezen (meer dan 2.000.000 cellen met een formule, of meer dan 20.000 gebieden ervan). " +
  "Een formule die naar een van die rijen verwees, toont daar nu #VERW! (#REF!): Excel maakte dat van de verwijzing toen de rij verdween. Typ die verwijzingen opnieuw.";

describe("a pull that stops after deleting rows reads only the cells with formulas", () => {
  it("a sheet of 2,600,000 cells in its used range and two formulas: both put back, and the workbook as it was", async () => {
    const { model, data } = await loadedWorkbook();
    const mine = sheetNamed(model, "Mijn analyse");
    analystFormulas(mine, data);
    // A value far down and right: the sheet's used range is 100,000 rows × 26 columns, more cells than the pull would read.
    Object.assign(mine.cell(99_999, 25), { value: "einde" });
    const before = snapshot(model);

    const { result, seen } = await refusedWhileDeleting(model, data, mine);

    expect(seen).toBe("=Data!#REF!");
    expect(result.ok || result.problems.map((p) => problemText(p, "en"))).toEqual(["Excel refused a change (Excel: GeneralException); the workbook was put back as it was."]);
    expect([mine.cell(5, 1).formula, mine.cell(6, 1).formula]).toEqual(["=Data!G92", "=Data!G22"]);
    expect(snapshot(model)).toBe(before);
  });

  it("more than 20,000 areas of formulas: none read, the formula into the deleted row left #REF!, and the pane says they were not checked", async () => {
    const { model, data } = await loadedWorkbook();
    const mine = sheetNamed(model, "Mijn analyse");
    analystFormulas(mine, data);
    scatteredFormulas(model, 20_001);
    const before = snapshot(model);
    const was = { ...mine.cell(5, 1) };

    const { result, seen } = await refusedWhileDeleting(model, data, mine);

    expect(seen).toBe("=Data!#REF!");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => problemText(p, "en"))).toEqual(["Excel refused a change (Excel: GeneralException); the workbook was put back as it was, except for the references below.", EN_SHORT]);
    expect(result.problems.map((p) => problemText(p, "nl"))).toEqual(["Excel weigerde een wijziging (Excel: GeneralException); de werkmap is teruggezet zoals hij was, op de verwijzingen hieronder na.", NL_SHORT]);
    // Exactly as the pane says: the rows back, the formula into the deleted one #REF!, and nothing else changed.
    expect([mine.cell(5, 1).formula, mine.cell(5, 1).value, mine.cell(6, 1).formula]).toEqual(["=Data!#REF!", "#REF!", "=Data!G22"]);
    Object.assign(mine.cell(5, 1), was);
    expect(snapshot(model)).toBe(before);
  });

  it("20,000 areas are still read: the formula put back", async () => {
    const { model, data } = await loadedWorkbook();
    const mine = sheetNamed(model, "Mijn analyse");
    analystFormulas(mine, data);
    // With the two areas on Mijn analyse (B3, and the analyst's B6:B7 joined down the column), 20,000 areas in all.
    scatteredFormulas(model, 19_998);
    const before = snapshot(model);

    const { result } = await refusedWhileDeleting(model, data, mine);

    expect(result.ok || result.problems.map((p) => problemText(p, "en"))).toEqual(["Excel refused a change (Excel: GeneralException); the workbook was put back as it was."]);
    expect(snapshot(model)).toBe(before);
  });

  it("cancelled after deleting, with too many formulas to read: the pane says 'Cancelled.' and what was not checked, not 'as it was'", async () => {
    const { model, data } = await loadedWorkbook();
    const mine = sheetNamed(model, "Mijn analyse");
    analystFormulas(mine, data);
    scatteredFormulas(model, 20_001);
    const cancel = new AbortController();
    const onProgress = onceDeleting(data, data.box.rows + 5, () => cancel.abort());

    const { result } = await runLoadData(model, next, { syncLimit: 150, signal: cancel.signal, onProgress });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.cancelled).toBe(true);
    expect(cancelledText(result.problems, paneTexts("en"), "en")).toBe(`Cancelled. ${EN_SHORT}`);
    expect(mine.cell(5, 1).formula).toBe("=Data!#REF!");
  });
});
