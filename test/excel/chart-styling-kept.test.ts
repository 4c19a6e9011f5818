import { ChartModel, WorkbookModel } from "../support/fake-excel";
import { duitsMovesUp, generatedWorkbook, ownershipOf, regenerated, sheetNamed, sheetState } from "../support/workbooks";

/**
 * Chart styling a user sets on the Format pane, which the add-in never sets, is theirs (issue 14;
 * review 2, D6): gridlines, a series' name, the bars' gap, markers, fonts, the chart area's fill.
 * Before and after Regenerate on the Excel fake, with a new layout (Duits moves up), which
 * rebuilds a sheet exactly as written and keeps one that is not. Nationaliteiten has one chart,
 * a clustered bar chart of the ranking; the markers are those of another sheet's line chart.
 */
const styled: [string, (chart: ChartModel) => void][] = [
  ["gridlines removed", (c) => (c.styling = { gridlines: { value: false } })],
  ["a series renamed", (c) => (c.styling = { seriesNames: ["Inwoners 2022"] })],
  ["a narrower gap between bars", (c) => (c.styling = { gapWidths: [50] })],
  ["a larger title font", (c) => (c.styling = { titleFont: { size: 18 } })],
];

const moreStyled: [string, (chart: ChartModel) => void][] = [
  ["gridlines on the category axis", (c) => (c.styling = { gridlines: { category: true } })],
  ["a bold legend", (c) => (c.styling = { legendFont: { bold: true } })],
  ["the axis labels in another font", (c) => (c.styling = { axisFonts: { category: { name: "Arial" } } })],
  ["the value axis labels in another colour", (c) => (c.styling = { axisFonts: { value: { color: "#000000" } } })],
  ["the chart area filled", (c) => (c.styling = { chartAreaFill: "#F2F2F2" })],
  ["the chart area's text in italics", (c) => (c.styling = { chartAreaFont: { italic: true } })],
];

const chartOf = (model: WorkbookModel, type: string) => {
  const chart = sheetNamed(model, "Nationaliteiten").charts.find((c) => c.type === type);
  if (!chart) throw new Error(`no ${type} chart on Nationaliteiten`);
  return chart;
};

describe("chart styling on an indicator sheet is the user's", () => {
  it.each(styled)("%s: the sheet is kept unchanged when its layout changes, a fresh one is built, the pane is told", async (_what, change) => {
    const model = await generatedWorkbook();
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    change(chartOf(model, "BarClustered"));
    const theirs = JSON.stringify(sheetState(nationaliteiten));
    duitsMovesUp(model);
    const result = await regenerated(model);
    expect(result.kept).toEqual([{ key: "nationaliteiten", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", why: "edited" }]);
    expect(JSON.stringify(sheetState(nationaliteiten))).toBe(theirs);
    expect(sheetNamed(model, "Nationaliteiten").charts.every((c) => c.styling === undefined)).toBe(true);
  });

  describe("seen at the look Regenerate takes first", () => {
    let model: WorkbookModel;
    beforeAll(async () => {
      model = await generatedWorkbook();
    }, 120_000);
    const untouched = (name = "Nationaliteiten") => ownershipOf(model, name);

    it("as written: proven the add-in's", async () => {
      expect(await untouched()).toBe("proven");
    });

    it.each(moreStyled)("%s: the user's", async (_what, change) => {
      const chart = chartOf(model, "BarClustered");
      change(chart);
      try {
        expect(await untouched()).toBeNull();
      } finally {
        delete chart.styling;
      }
      expect(await untouched()).toBe("proven");
    });

    it("a line's markers changed: the user's", async () => {
      const sheet = model.sheets.find((s) => s.charts.some((c) => c.type === "Line"));
      const line = sheet?.charts.find((c) => c.type === "Line");
      if (!sheet || !line) throw new Error("no line chart");
      expect(await untouched(sheet.name)).toBe("proven");
      line.styling = { markerStyles: ["Diamond"] };
      try {
        expect(await untouched(sheet.name)).toBeNull();
      } finally {
        delete line.styling;
      }
    });
  });
});
