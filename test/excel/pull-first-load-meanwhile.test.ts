import { problemText } from "../../src/text/problems";
import { SheetModel, WorkbookModel } from "../support/fake-excel";
import { emptiedDataSheet } from "../support/data-sheet-states";
import { markKey, markOf, runLoadData, sheetNamed, snapshot, userWorkbook } from "../support/workbooks";

/**
 * A pull's first load (no monitor tables yet) writes its tables in several syncs, yielding in
 * between: the analyst can type into a cell of the area it is about to fill. Each chunk looks
 * first at the cells it covers, in the same sync, which must be empty (as Regenerate's do,
 * src/excel/write-looks.ts): a figure typed there stops the load, which puts the workbook back
 * with that figure and says which cell. Workbook states before and after on the fake, the figure
 * typed between two syncs (WorkbookModel.meanwhile).
 */
const SYNC_LIMIT = 2 * 1024;
const TODAY = "2026-11-25";

/** The analyst types `value` into a cell, as Excel keeps it. */
const type = (sheet: SheetModel, row: number, column: number, value: number) => Object.assign(sheet.cell(row, column), { value, formula: null });

/**
 * A first load on `model` during which the analyst types 1300 into column G (Waarde) of the
 * Data sheet, row 61 (0-based 60), once MonitorData's first rows are written and before that
 * row is: where it was typed, and the load's result.
 */
async function typedDuringFirstLoad(model: WorkbookModel) {
  let typed = false;
  model.meanwhile = () => {
    const data = model.sheetNamed("Data");
    if (typed || !data || data.cell(1, 6).value === null || data.cell(60, 6).value !== null) return;
    typed = true;
    type(data, 60, 6, 1300);
  };
  try {
    const { result } = await runLoadData(model, undefined, { syncLimit: SYNC_LIMIT, previous: new Set(), today: () => TODAY });
    return { typed, result };
  } finally {
    model.meanwhile = null;
  }
}

const texts = (result: { ok: boolean; problems?: never[] }) => (result.ok ? ["ok"] : (result.problems ?? []).map((p) => [problemText(p, "nl"), problemText(p, "en")]));

describe("a figure the analyst types where a pull's first load is about to write", () => {
  it("on the Data sheet the load is making: the load stops, and the sheet is kept as the analyst's with the figure, under a dated name", async () => {
    const model = userWorkbook();
    const mine = JSON.stringify(sheetNamed(model, "Mijn analyse"));
    const { typed, result } = await typedDuringFirstLoad(model);
    expect(typed).toBe(true);
    expect(texts(result as never)).toEqual([
      [
        "Cel G61 op het blad 'Data' is veranderd terwijl de invoegtoepassing de monitortabellen schreef. Het schrijven is gestopt en de werkmap is teruggezet zoals hij was, met uw wijziging. " +
          "Het half geschreven blad met uw wijziging is bewaard als het uwe: 'Data 2026-11-25' (was 'Data'). Haal opnieuw op als u klaar bent.",
        "Cell G61 on the sheet 'Data' changed while the add-in was writing the monitor tables. Writing stopped and the workbook was put back as it was, with your change. " +
          "The partly written sheet with your change is kept as yours: 'Data 2026-11-25' (was 'Data'). Pull again when you are done.",
      ],
    ]);
    expect(model.sheets.map((s) => s.name)).toEqual(["Mijn analyse", "Data 2026-11-25"]);
    expect(JSON.stringify(sheetNamed(model, "Mijn analyse"))).toBe(mine);
    const kept = sheetNamed(model, "Data 2026-11-25");
    expect(kept.cell(60, 6)).toMatchObject({ value: 1300, formula: null, numberFormat: "General" });
    expect(markOf(kept)).toBeNull();
  });

  it("on the add-in's blank Data sheet: the load stops, the sheet is blank again but for the figure, and keeps its name and mark", async () => {
    const model = userWorkbook();
    await runLoadData(model);
    const data = emptiedDataSheet(model);
    const twin = userWorkbook();
    await runLoadData(twin);
    type(emptiedDataSheet(twin), 60, 6, 1300);
    const { typed, result } = await typedDuringFirstLoad(model);
    expect(typed).toBe(true);
    expect(texts(result as never)).toEqual([
      [
        "Cel G61 op het blad 'Data' is veranderd terwijl de invoegtoepassing de monitortabellen schreef. Het schrijven is gestopt en de werkmap is teruggezet zoals hij was, met uw wijziging. Haal opnieuw op als u klaar bent.",
        "Cell G61 on the sheet 'Data' changed while the add-in was writing the monitor tables. Writing stopped and the workbook was put back as it was, with your change. Pull again when you are done.",
      ],
    ]);
    expect(JSON.parse(snapshot(model))).toEqual(JSON.parse(snapshot(twin)));
    expect([...data.cells]).toEqual([["60,6", { value: 1300, formula: null, numberFormat: "General" }]]);
    expect(markKey(data)).toBe("data");
  });

  it("nothing typed: the same small syncs write the tables whole", async () => {
    const model = userWorkbook();
    model.meanwhile = () => undefined;
    const { result } = await runLoadData(model, undefined, { syncLimit: SYNC_LIMIT, previous: new Set() });
    expect(result.ok && result.outcome).toMatchObject({ sheetName: "Data", created: true, figures: 112 });
    expect(sheetNamed(model, "Data").cell(60, 6).value).not.toBeNull();
  });
});
