import { inspectWorkbook } from "../../src/excel/inspect";
import { sheetsReferenced } from "../../src/excel/references-scan";
import { FakeContext, fakeRun, WorkbookModel } from "../support/fake-excel";
import { asExcel, duitsMovesUp, generatedWorkbook, regenerated, sheetNamed, sheetState, tableNamed, tableValues } from "../support/workbooks";

/**
 * An analyst's PivotTable that takes its data from an indicator sheet's table (or a range on it)
 * refers to that sheet's figures as a formula does: rebuilt with a new layout, the sheet and its
 * table would be deleted and the PivotTable would lose its source. So the sheet is kept unchanged
 * and reported. Workbook states before and after, on the Excel fake (PivotTable.getDataSourceString,
 * ExcelApi 1.15).
 */

/** The analyst makes a PivotTable on their own sheet from `table`, as Excel's PivotTableCollection.add does. */
async function addPivot(model: WorkbookModel, table: string, dataSourceString?: string): Promise<void> {
  const context = new FakeContext(model);
  const sheet = context.workbook.worksheets.getItem("Mijn analyse");
  context.workbook.worksheets.getItem("Mijn analyse").pivotTables.add("MijnDraaitabel", context.workbook.tables.getItem(table), sheet.getRange("A10"));
  await context.sync();
  if (dataSourceString !== undefined) model.pivots.find((p) => p.name === "MijnDraaitabel")!.dataSourceString = dataSourceString;
}

describe("a PivotTable of the analyst's", () => {
  it.each([
    ["over an indicator sheet's table", undefined, [{ kind: "pivot", pivot: "MijnDraaitabel" }]],
    ["over a range of an indicator sheet", "=Nationaliteiten!$A$5:$B$15", [{ kind: "pivot", pivot: "MijnDraaitabel" }]],
    ["over a source Excel does not describe (the safe side)", "", [{ kind: "unchecked", what: "pivots" }]],
  ])("%s keeps that sheet and its table unchanged when its layout changes", async (_what, dataSourceString, by) => {
    const model = await generatedWorkbook();
    await addPivot(model, "lm_nationaliteiten_aantal", dataSourceString);
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    const source = tableNamed(model, "lm_nationaliteiten_aantal")!;
    const [ours, figures] = [JSON.stringify(sheetState(nationaliteiten)), JSON.stringify(tableValues(model, "lm_nationaliteiten_aantal"))];
    duitsMovesUp(model);
    const result = await regenerated(model);
    expect(result.kept).toEqual([{ key: "nationaliteiten", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", why: "referenced", by: by, moves: true }]);
    // The PivotTable's source is still there, with its name, on the kept sheet, holding what it held.
    const pivot = model.pivots.find((p) => p.name === "MijnDraaitabel")!;
    expect(pivot.source).toBe(source);
    expect(model.tables).toContain(source);
    expect(source.name).toBe("lm_nationaliteiten_aantal");
    expect(source.sheet).toBe(nationaliteiten);
    expect(JSON.stringify(tableValues(model, "lm_nationaliteiten_aantal"))).toBe(figures);
    expect(JSON.stringify(sheetState(nationaliteiten))).toBe(ours);
    // The new sheet has the new figures.
    expect(sheetNamed(model, "Nationaliteiten").cell(5, 0).value).toBe("Duits");
  });

  it("over MonitorData leaves the indicator sheets to be rebuilt where they were", async () => {
    const model = await generatedWorkbook();
    await addPivot(model, "MonitorData");
    const position = model.sheets.indexOf(sheetNamed(model, "Nationaliteiten"));
    duitsMovesUp(model);
    const result = await regenerated(model);
    expect(result.kept).toEqual([]);
    expect(result.sheets.find((s) => s.key === "nationaliteiten")?.status).toBe("replaced");
    const fresh = sheetNamed(model, "Nationaliteiten");
    expect(model.sheets.indexOf(fresh)).toBe(position);
    expect(fresh.cell(5, 0).value).toBe("Duits");
    expect(model.pivots.find((p) => p.name === "MijnDraaitabel")!.source).toBe(tableNamed(model, "MonitorData"));
  });
});

describe("without PivotTable.getDataSourceString (before ExcelApi 1.15)", () => {
  /**
   * Which sheets sheetsReferenced finds referenced when Nationaliteiten is to be rebuilt. The other
   * sheets' charts are taken away first: without 1.15 their sources cannot be read either, which
   * would count every sheet as referenced whatever the PivotTables.
   */
  async function referencedWith(model: WorkbookModel): Promise<[string, unknown][]> {
    model.excelApi = "1.14";
    for (const sheet of model.sheets) if (sheet.name !== "Nationaliteiten") sheet.charts.splice(0);
    const { result } = await fakeRun(model, async (context) => {
      const state = await inspectWorkbook(asExcel(context), { marks: true, content: true });
      const targets = state.sheets.filter((s) => s.name === "Nationaliteiten");
      return [...(await sheetsReferenced(asExcel(context), state, targets))].map(([s, by]): [string, unknown] => [s.name, by]);
    });
    return result;
  }

  it("any PivotTable makes every sheet to be rebuilt count as referenced (the safe side)", async () => {
    const model = await generatedWorkbook();
    await addPivot(model, "MonitorData");
    expect(await referencedWith(model)).toEqual([["Nationaliteiten", [{ kind: "unchecked", what: "pivots" }]]]);
  });

  it("a workbook without PivotTables leaves them to be rebuilt", async () => {
    expect(await referencedWith(await generatedWorkbook())).toEqual([]);
  });
});
