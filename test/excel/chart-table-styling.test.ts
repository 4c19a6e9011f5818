import { MARK_KEY } from "../../src/excel/marks";
import { ChartModel, SheetModel, TableModel, WorkbookModel } from "../support/fake-excel";
import { duitsMovesUp, generatedWorkbook, markKey, regenerated, runRegenerate, sheetNamed, sheetState, userWorkbook } from "../support/workbooks";

/**
 * What a user sets on an indicator sheet's charts and tables that neither cells nor chart titles
 * show: an axis's title, bounds, number format or direction (ChartAxis), where a series takes its
 * data from (Select Data; ChartSeries.getDimensionDataSourceString, ExcelApi 1.15), a table's
 * style and Table Design options (Table.style, showTotals 1.1; showBandedRows, showBandedColumns,
 * showFilterButton 1.3), a PivotTable placed on the sheet. Each is the user's: the sheet is kept
 * unchanged under a dated name and a fresh one built. Workbook states before and after, on the fake.
 */

// Nationaliteiten: two bar charts (top ten, growth) over lm_nationaliteiten_aantal and lm_nationaliteiten_groei.
const chartOf = (sheet: SheetModel): ChartModel => sheet.charts[0];
const tableOf = (model: WorkbookModel, sheet: SheetModel): TableModel => model.tables.find((t) => t.sheet === sheet && t.name === "lm_nationaliteiten_aantal")!;

const changes: [string, (sheet: SheetModel, model: WorkbookModel) => void][] = [
  ["a title on the value axis", (s) => (chartOf(s).valueAxisTitle = "Aantal inwoners (mijn titel)")],
  ["a title on the category axis", (s) => (chartOf(s).categoryAxisTitle = "Land")],
  ["a minimum on the value axis", (s) => (chartOf(s).axisSettings.value.minimum = 500)],
  ["a maximum on the value axis", (s) => (chartOf(s).axisSettings.value.maximum = 10000)],
  ["a number format on the value axis", (s) => (chartOf(s).valueAxisNumberFormat = "0")],
  ["a number format on the category axis", (s) => (chartOf(s).axisSettings.category.numberFormat = "@")],
  ["the categories in the other direction", (s) => (chartOf(s).axisSettings.category.reversePlotOrder = false)],
  ["the values in the other direction", (s) => (chartOf(s).axisSettings.value.reversePlotOrder = true)],
  ["a series pointed at fewer rows (Select Data)", (s) => (chartOf(s).dataSources = [{ values: "=Nationaliteiten!$B$6:$B$8", categories: "=Nationaliteiten!$A$6:$A$8" }])],
  ["another table style", (s, m) => (tableOf(m, s).style = "TableStyleLight9")],
  ["a total row", (s, m) => (tableOf(m, s).showTotals = true)],
  ["no banded rows", (s, m) => (tableOf(m, s).showBandedRows = false)],
  ["banded columns", (s, m) => (tableOf(m, s).showBandedColumns = true)],
  ["no filter buttons", (s, m) => (tableOf(m, s).showFilterButton = false)],
];

describe("Regenerate keeps an indicator sheet whose charts or tables the user restyled", () => {
  it.each(changes)("%s: the sheet is kept unchanged under a dated name, a fresh one is built", async (_what, change) => {
    const model = await generatedWorkbook();
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    change(nationaliteiten, model);
    const [theirs, table] = [JSON.stringify(sheetState(nationaliteiten)), JSON.stringify({ ...tableOf(model, nationaliteiten), sheet: null })];
    const result = await regenerated(model);
    expect(result.kept).toEqual([{ key: "nationaliteiten", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", why: "edited" }]);
    expect(nationaliteiten.name).toBe("Nationaliteiten 2026-11-25");
    // As it was; a series the user pointed at its own cells names its sheet, and Excel renames that along.
    expect(JSON.stringify(sheetState(nationaliteiten))).toBe(theirs.replace(/Nationaliteiten!/g, "'Nationaliteiten 2026-11-25'!"));
    expect(JSON.stringify({ ...tableOf(model, nationaliteiten), sheet: null })).toBe(table);
    expect(nationaliteiten.customProperties.has(MARK_KEY)).toBe(false);
    expect(markKey(sheetNamed(model, "Nationaliteiten"))).toBe("nationaliteiten");
  });

  it("an axis title and minimum survive a new layout, on the kept sheet, while the fresh sheet has the monitor's", async () => {
    const model = await generatedWorkbook();
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    const monitors = { ...chartOf(nationaliteiten), axisSettings: structuredClone(chartOf(nationaliteiten).axisSettings) };
    chartOf(nationaliteiten).valueAxisTitle = "Aantal inwoners (mijn titel)";
    chartOf(nationaliteiten).axisSettings.value.minimum = 500;
    duitsMovesUp(model);
    const result = await regenerated(model);
    expect(result.kept).toEqual([{ key: "nationaliteiten", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", why: "edited" }]);
    expect(chartOf(nationaliteiten)).toMatchObject({ valueAxisTitle: "Aantal inwoners (mijn titel)", axisSettings: { value: { minimum: 500 } } });
    const fresh = sheetNamed(model, "Nationaliteiten");
    expect(fresh.cell(5, 0).value).toBe("Duits");
    expect(chartOf(fresh)).toMatchObject({ valueAxisTitle: monitors.valueAxisTitle, axisSettings: monitors.axisSettings });
  });

  it("a PivotTable the user put on the sheet: the sheet is kept", async () => {
    const model = await generatedWorkbook();
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    const { FakeContext } = await import("../support/fake-excel");
    const context = new FakeContext(model);
    const sheet = context.workbook.worksheets.getItem("Nationaliteiten");
    sheet.pivotTables.add("OpHetBlad", context.workbook.tables.getItem("MonitorData"), sheet.getRange("H40"));
    await context.sync();
    const result = await regenerated(model);
    expect(result.kept).toEqual([{ key: "nationaliteiten", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", why: "edited" }]);
    expect(model.pivots.find((p) => p.name === "OpHetBlad")!.sheet).toBe(nationaliteiten);
  });

  it("nothing changed: the sheet is rebuilt where it was with a new layout, so the new reads see the add-in's own work as its own", async () => {
    const model = await generatedWorkbook();
    const position = model.sheets.indexOf(sheetNamed(model, "Nationaliteiten"));
    duitsMovesUp(model);
    const result = await regenerated(model);
    expect(result.kept).toEqual([]);
    expect(result.sheets.find((s) => s.key === "nationaliteiten")?.status).toBe("replaced");
    expect(model.sheets.indexOf(sheetNamed(model, "Nationaliteiten"))).toBe(position);
  });
});

describe("without ChartSeries.getDimensionDataSourceString (before ExcelApi 1.15)", () => {
  it("a sheet with charts is kept when its layout changes, since where its series take their data from cannot be read", async () => {
    const model = userWorkbook();
    model.excelApi = "1.14";
    await runRegenerate(model);
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    const theirs = JSON.stringify(sheetState(nationaliteiten));
    duitsMovesUp(model);
    const result = await regenerated(model);
    expect(result.kept).toEqual([{ key: "nationaliteiten", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", why: "unseen", unseen: ["notes", "chart colours", "chart sources"] }]);
    expect(JSON.stringify(sheetState(nationaliteiten))).toBe(theirs);
  });
});
