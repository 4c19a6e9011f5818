import { DATA_KEY } from "../../src/excel/data-sheet";
import { isCurrentExtrasPrint } from "../../src/report/fingerprint";
import { EXCEL } from "../../src/text/excel";
import { AnyMessage, isMessageOf } from "../../src/text/message";
import { SheetModel, WorkbookModel } from "../support/fake-excel";
import { duitsMovesUp, generatedWorkbook, markOf, regenerated, runRegenerate, sheetNamed, sheetState, snapshot, userWorkbook } from "../support/workbooks";

/**
 * A sheet Regenerate builds new is written in several syncs and read back in later ones, and the
 * analyst may work on it in between; its mark seals only what the plan wrote
 * (report/new-sheet-seal.ts). Workbook states before and after, on the fake: whatever the analyst
 * added meanwhile makes the next Regenerate keep the sheet as theirs, and say so; a sheet nobody
 * touched is sealed and written again or rebuilt as before.
 */

/** The first Regenerate of the user's workbook, with `meanwhile` done by the analyst once every sheet is written and before any is read back. */
async function firstRegenerateWhile(meanwhile: (model: WorkbookModel) => void): Promise<WorkbookModel> {
  const model = userWorkbook();
  let done = false;
  const { result } = await runRegenerate(model, undefined, undefined, {
    onProgress: (_fraction: number, message: AnyMessage) => {
      if (done || !isMessageOf(message, EXCEL.markingSheets)) return;
      done = true;
      meanwhile(model);
    },
  });
  if (!result.ok || !done) throw new Error("regenerate failed");
  expect(result.sheets.find((s) => s.key === "nationaliteiten")?.status).toBe("created");
  return model;
}

describe("what the analyst adds to a sheet Regenerate built new, between its writes and its reading back", () => {
  it.each<[string, (sheet: SheetModel) => void]>([
    ["a figure typed below the table", (sheet) => Object.assign(sheet.cell(30, 1), { value: 1300 })],
    ["a fill beside the title", (sheet) => (sheet.cell(0, 5).fill = "#FFFF00")],
    ["a note on a figure", (sheet) => sheet.notes.push({ row: 5, column: 1, text: "Navragen bij CBS" })],
    ["a hyperlink on the title", (sheet) => (sheet.cell(0, 0).hyperlink = { address: "https://www.cbs.nl/" })],
    ["a merged area", (sheet) => sheet.merges.push({ row: 2, column: 0, rows: 1, columns: 3 })], // below the lead, which the plan merges itself
    ["the chart's bars recoloured", (sheet) => (sheet.charts[0].seriesColours = sheet.charts[0].seriesColours.map(() => "#00FF00"))],
    ["the chart's value axis given another number format", (sheet) => (sheet.charts[0].valueAxisNumberFormat = "0.0")],
  ])("%s is not sealed as the add-in's: the next Regenerate keeps the sheet, unchanged, and reports it", async (_what, add) => {
    const model = await firstRegenerateWhile((m) => add(sheetNamed(m, "Nationaliteiten")));
    const theirs = sheetNamed(model, "Nationaliteiten");
    expect(markOf(theirs)).toMatchObject({ key: "nationaliteiten", print: null, extras: null });
    const before = JSON.stringify(sheetState(theirs));

    const next = await regenerated(model);
    expect(next.kept).toEqual([{ key: "nationaliteiten", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", why: "edited" }]);
    expect(theirs.name).toBe("Nationaliteiten 2026-11-25");
    expect(JSON.stringify(sheetState(theirs))).toBe(before);
    expect(markOf(theirs)).toBeNull();
    const rebuilt = sheetNamed(model, "Nationaliteiten");
    expect(rebuilt).not.toBe(theirs);
    expect(markOf(rebuilt)?.print).not.toBeNull();
  });

  it("nothing added: every sheet is sealed, Regenerate again yields the same workbook, and a new layout rebuilds the sheet", async () => {
    const model = await generatedWorkbook();
    const indicators = model.sheets.filter((s) => markOf(s) !== null && markOf(s)?.key !== DATA_KEY);
    expect(indicators.length).toBeGreaterThan(5);
    for (const sheet of indicators) {
      expect(markOf(sheet)?.print).not.toBeNull();
      expect(isCurrentExtrasPrint(markOf(sheet)?.extras)).toBe(true);
    }
    const once = snapshot(model);
    const again = await regenerated(model);
    expect(again.kept).toEqual([]);
    expect(new Set(again.sheets.map((s) => s.status))).toEqual(new Set(["updated"]));
    expect(snapshot(model)).toBe(once);

    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    duitsMovesUp(model);
    const moved = await regenerated(model);
    expect(moved.kept).toEqual([]);
    expect(moved.sheets.find((s) => s.key === "nationaliteiten")?.status).toBe("replaced");
    expect(model.sheets).not.toContain(nationaliteiten);
    expect(sheetNamed(model, "Nationaliteiten").cell(5, 0).value).toBe("Duits");
  });
});
