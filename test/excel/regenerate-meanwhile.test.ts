import { MARK_KEY } from "../../src/excel/marks";
import { isCurrentExtrasPrint } from "../../src/report/fingerprint";
import { encodeMark } from "../../src/report/mark";
import { FakeContext, SheetModel, WorkbookModel } from "../support/fake-excel";
import { duitsMovesUp, generatedWorkbook, markOf, regenerated, runRegenerate, sheetNamed, sheetState, tableNamed } from "../support/workbooks";

/**
 * A sheet brought up to date in place gets new values only, so the mark it gets afterwards
 * seals what Excel reports of the rest only where it is as it was inspected (report/extras-seal.ts):
 * a format the user adds while Regenerate runs, or one made before on a sheet whose mark proved
 * only its content, is never taken for the add-in's. Workbook states before and after, on the fake.
 */

/** Sets the 2022 figure of a nationality in MonitorData, as an analyst's edit would. */
function setInwoners(model: WorkbookModel, groep: string, value: number): void {
  const data = tableNamed(model, "MonitorData")!;
  const r = data.sheet.values(data.box).findIndex((row) => row[1] === "inwoners" && row[2] === "Leiden" && row[3] === groep && row[5] === "2022" && row[4] === "");
  Object.assign(data.sheet.cell(data.box.row + r, data.box.column + 6), { value, formula: null });
}

/** Regenerate, with `meanwhile` done by the analyst once, while it builds the sheets (between two syncs). */
async function regenerateWhile(model: WorkbookModel, meanwhile: () => void) {
  let done = false;
  const { result } = await runRegenerate(model, undefined, undefined, {
    yieldToUi: async () => {
      if (!done) meanwhile();
      done = true;
    },
  });
  if (!result.ok) throw new Error("regenerate failed");
  return result;
}

/** The first chart's value axis bounds on a sheet, as Excel reports them (automatic ones too). */
async function valueAxisBounds(model: WorkbookModel, sheet: string): Promise<[number, number]> {
  const context = new FakeContext(model);
  const charts = context.workbook.worksheets.getItem(sheet).charts.load("items/name");
  await context.sync();
  const axis = charts.items[0].axes.valueAxis.load("minimum,maximum");
  await context.sync();
  return [axis.minimum, axis.maximum];
}

describe("a fill the analyst gives a cell of an indicator sheet while Regenerate writes it in place", () => {
  it("is not sealed as the add-in's: the sheet is updated in place from then on, and kept unchanged when its layout changes", async () => {
    const model = await generatedWorkbook();
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    setInwoners(model, "Italiaans", 1254); // a new figure, the same layout
    const first = await regenerateWhile(model, () => (nationaliteiten.cell(0, 5).fill = "#FFFF00"));
    expect(first.sheets.find((s) => s.key === "nationaliteiten")?.status).toBe("updated");
    expect(first.kept).toEqual([]);
    expect(nationaliteiten.cell(5, 1).value).toBe(1254);
    expect(markOf(nationaliteiten)?.extras).toBeNull();

    // Same layout again: values only, the fill stays.
    setInwoners(model, "Italiaans", 1255);
    const second = await regenerated(model);
    expect(second.sheets.find((s) => s.key === "nationaliteiten")?.status).toBe("updated");
    expect(nationaliteiten.cell(0, 5).fill).toBe("#FFFF00");
    expect(nationaliteiten.cell(5, 1).value).toBe(1255);

    // A new layout: the sheet is kept as it is, fill and all.
    const theirs = JSON.stringify(sheetState(nationaliteiten));
    duitsMovesUp(model);
    const third = await regenerated(model);
    expect(third.kept).toEqual([{ key: "nationaliteiten", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", why: "unproven" }]);
    expect(nationaliteiten.name).toBe("Nationaliteiten 2026-11-25");
    expect(JSON.stringify(sheetState(nationaliteiten))).toBe(theirs);
    expect(sheetNamed(model, "Nationaliteiten").cell(5, 0).value).toBe("Duits");
  });

  it("a sheet nobody touched meanwhile is sealed again, even where the new figures moved a chart's automatic bounds, and is rebuilt with a new layout", async () => {
    const model = await generatedWorkbook();
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    const before = await valueAxisBounds(model, "Nationaliteiten");
    setInwoners(model, "Italiaans", 9000); // still first: the same layout, a higher automatic maximum
    const first = await regenerateWhile(model, () => {
      sheetNamed(model, "Mijn analyse").cell(20, 5).fill = "#FFFF00"; // on the user's own sheet
    });
    expect(first.sheets.find((s) => s.key === "nationaliteiten")?.status).toBe("updated");
    expect(await valueAxisBounds(model, "Nationaliteiten")).not.toEqual(before);
    expect(isCurrentExtrasPrint(markOf(nationaliteiten)?.extras)).toBe(true);

    duitsMovesUp(model);
    setInwoners(model, "Italiaans", 1253);
    const second = await regenerated(model);
    expect(second.kept).toEqual([]);
    expect(second.sheets.find((s) => s.key === "nationaliteiten")?.status).toBe("replaced");
    expect(model.sheets).not.toContain(nationaliteiten);
  });
});

describe("a figure the analyst types beside a table while Regenerate writes the sheet in place", () => {
  it("is not sealed as the add-in's: the next Regenerate keeps the sheet as theirs, with it", async () => {
    const model = await generatedWorkbook();
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    setInwoners(model, "Italiaans", 1254);
    const first = await regenerateWhile(model, () => Object.assign(nationaliteiten.cell(6, 4), { value: 1300 }));
    expect(first.sheets.find((s) => s.key === "nationaliteiten")?.status).toBe("updated");
    expect(markOf(nationaliteiten)?.print).toBeNull();

    const theirs = JSON.stringify(sheetState(nationaliteiten));
    const second = await regenerated(model);
    expect(second.kept).toEqual([{ key: "nationaliteiten", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", why: "edited" }]);
    expect(JSON.stringify(sheetState(nationaliteiten))).toBe(theirs);
    expect(nationaliteiten.cell(6, 4).value).toBe(1300);
  });

  it("nothing typed meanwhile: the sheet's content is sealed again, and the next Regenerate writes it in place once more", async () => {
    const model = await generatedWorkbook();
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    setInwoners(model, "Italiaans", 1254);
    await regenerateWhile(model, () => undefined);
    expect(markOf(nationaliteiten)?.print).not.toBeNull();
    setInwoners(model, "Italiaans", 1255);
    const second = await regenerated(model);
    expect(second.kept).toEqual([]);
    expect(second.sheets.find((s) => s.key === "nationaliteiten")?.status).toBe("updated");
    expect(nationaliteiten.cell(5, 1).value).toBe(1255);
  });
});

describe("a sheet whose mark proves only its content, brought up to date in place", () => {
  const withExtras = (sheet: SheetModel, extras: string | null) => sheet.customProperties.set(MARK_KEY, encodeMark({ ...markOf(sheet)!, extras }));

  it.each([
    ["written without Excel (no print of its formats)", null],
    ["marked by an older version (whose print covered less)", "2.1234567890"],
  ])("%s: a format made before stays unproven, and is kept when the layout changes", async (_what, extras) => {
    const model = await generatedWorkbook();
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    withExtras(nationaliteiten, extras);
    nationaliteiten.cell(5, 1).fill = "#FFFF00";
    setInwoners(model, "Italiaans", 1260);
    const first = await regenerated(model);
    expect(first.sheets.find((s) => s.key === "nationaliteiten")?.status).toBe("updated");
    expect(nationaliteiten.cell(5, 1)).toMatchObject({ value: 1260, fill: "#FFFF00" });
    expect(markOf(nationaliteiten)?.extras).toBeNull();

    const theirs = JSON.stringify(sheetState(nationaliteiten));
    duitsMovesUp(model);
    const second = await regenerated(model);
    expect(second.kept).toEqual([{ key: "nationaliteiten", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", why: "unproven" }]);
    expect(JSON.stringify(sheetState(nationaliteiten))).toBe(theirs);
    expect(nationaliteiten.cell(5, 1).fill).toBe("#FFFF00");
  });
});
