import { WorkbookModel } from "../support/fake-excel";
import { runRegenerate, sheetNamed, tableNamed, userWorkbook } from "../support/workbooks";

/**
 * Regenerate in Excel draws the charts as the .xlsx does (see chart-reading.test.ts): ranks from
 * 1 at the top, bars top-down with every label, the colours the plan chose, and a header over
 * figures aligned right as its figures are. Checked on the fake's final workbook state.
 */
describe("charts and tables in Excel", () => {
  let model: WorkbookModel;
  beforeAll(async () => {
    model = userWorkbook();
    const { result } = await runRegenerate(model);
    expect(result.ok).toBe(true);
  });

  it("draws ranks with the value axis reversed from 1, the years at the bottom", () => {
    const [rank] = sheetNamed(model, "Regio en Nederland").charts;
    expect(rank.type).toBe("Line");
    expect(rank.axisSettings.value).toEqual({ reversePlotOrder: true, minimum: 1, position: "Maximum" });
  });

  it("starts bars and columns at 0, as the .xlsx does", () => {
    const [counts, growth] = sheetNamed(model, "Nationaliteiten").charts;
    expect([counts.axisSettings.value.minimum, growth.axisSettings.value.minimum]).toEqual([0, 0]);
    const [rank] = sheetNamed(model, "Regio en Nederland").charts;
    expect(rank.axisSettings.value.minimum).toBe(1);
  });

  it("lists bars top-down in table order, every category labelled", () => {
    const [counts] = sheetNamed(model, "Nationaliteiten").charts;
    expect(counts.type).toBe("BarClustered");
    expect(counts.axisSettings.category).toEqual({ reversePlotOrder: true, position: "Maximum", tickLabelSpacing: 1 });
    for (const sheet of model.sheets) for (const chart of sheet.charts) if (!["Pie", "Doughnut"].includes(chart.type)) expect(chart.axisSettings.category.tickLabelSpacing).toBe(1);
  });

  it("gives the same year the same colour in both charts of Bevolking", () => {
    const [byNationality, shares] = sheetNamed(model, "Bevolking").charts;
    // 2012, 2021, 2022 in the first; 2012, 2022 in the second.
    expect(shares.seriesColours).toEqual([byNationality.seriesColours[0], byNationality.seriesColours[2]]);
  });

  it("aligns the headers of figure columns right, of name columns as Excel does", () => {
    const table = tableNamed(model, "lm_bevolking_nationaliteit");
    const sheet = sheetNamed(model, "Bevolking");
    if (!table) throw new Error("no table");
    const header = Array.from({ length: table.box.columns }, (_, c) => sheet.cells.get(`${table.box.row},${table.box.column + c}`)?.horizontalAlignment ?? "General");
    expect(header).toEqual(["General", "Right", "Right", "Right"]);
  });
});
