import { userChart } from "../support/charts";
import { parseAddress, WorkbookModel } from "../support/fake-excel";
import { duitsMovesUp, generatedWorkbook, regenerated, sheetNamed } from "../support/workbooks";

/**
 * A user's chart on another sheet that plots an indicator sheet: in Excel, deleting the plotted
 * sheet breaks the chart's series (#REF!; the fake models it, test/excel/fake-chart-sources.test.ts).
 * Regenerate with a new layout replaces indicator sheets (the old one is deleted), so it must
 * keep a plotted sheet (src/excel/references-scan.ts, chartSources; README, "What the add-in will
 * and will not touch"). Workbook states before and after: every series still plots the cells,
 * and the figures, it plotted before.
 */

/** What each series of every chart in the workbook plots: its sources and the figures at them (null where the reference is broken or its sheet gone). */
function plotted(model: WorkbookModel) {
  const at = (source: string) => {
    if (source.includes("#REF!")) return null;
    const { sheet: name, ...box } = parseAddress(source.replace(/^=/, "").replace(/\$/g, ""));
    const sheet = name === undefined ? undefined : model.sheetNamed(name);
    return sheet ? sheet.values(box) : null;
  };
  return model.sheets.flatMap((sheet) => sheet.charts.flatMap((chart) => (chart.dataSources ?? []).map((s) => ({ chart: `${sheet.name}/${chart.name}`, values: at(s.values), categories: at(s.categories) }))));
}

const onNationaliteiten = { values: "=Nationaliteiten!$B$6:$B$10", categories: "=Nationaliteiten!$A$6:$A$10" };

describe("Regenerate with a new layout, while a user's chart on another sheet plots an indicator sheet", () => {
  it.each([
    ["on the user's own sheet", "Mijn analyse", {}, "referenced"],
    ["on the add-in's Data sheet", "Data", {}, "referenced"],
    // There the sheet's own formats cannot all be read either (chart colours need 1.16), which keeps it first.
    ["in an Excel without ChartSeries.getDimensionDataSourceString (ExcelApi 1.14)", "Mijn analyse", { excelApi: "1.14" }, "unseen"],
  ])("%s: the plotted sheet is kept and the chart still plots the same figures", async (_what, home, options, why) => {
    const model = await generatedWorkbook(options);
    sheetNamed(model, home).charts.push(userChart([onNationaliteiten]));
    const before = plotted(model).filter((p) => p.chart.endsWith("Mijn grafiek"));
    expect(before[0].values?.flat()).toHaveLength(5);
    duitsMovesUp(model);

    const result = await regenerated(model);

    expect(result.kept.map((k) => [k.name, k.why])).toEqual([["Nationaliteiten 2026-11-25", why]]);
    const after = plotted(model).filter((p) => p.chart.endsWith("Mijn grafiek"));
    expect(after).toEqual(before);
    expect(sheetNamed(model, home).charts.find((c) => c.name === "Mijn grafiek")?.dataSources?.[0].values).toBe("='Nationaliteiten 2026-11-25'!$B$6:$B$10");
    // The new sheet has the new layout: Duits first.
    expect(sheetNamed(model, "Nationaliteiten").cell(5, 0).value).toBe("Duits");
  });

  it("no chart in the workbook plots a broken reference afterwards, the add-in's own included", async () => {
    const model = await generatedWorkbook();
    sheetNamed(model, "Mijn analyse").charts.push(userChart([onNationaliteiten, { values: "='Mijn analyse'!$B$2:$B$3", categories: "='Mijn analyse'!$A$2:$A$3" }]));
    duitsMovesUp(model);
    await regenerated(model);
    const broken = plotted(model).filter((p) => p.values === null || p.categories === null);
    expect(broken).toEqual([]);
  });

  it("a chart that plots only the user's own cells does not keep the sheet, and still plots them", async () => {
    const model = await generatedWorkbook();
    const own = { values: "='Mijn analyse'!$B$2:$B$3", categories: "='Mijn analyse'!$A$2:$A$3" };
    sheetNamed(model, "Mijn analyse").charts.push(userChart([own]));
    const before = plotted(model).filter((p) => p.chart.endsWith("Mijn grafiek"));
    duitsMovesUp(model);
    const result = await regenerated(model);
    expect(result.kept).toEqual([]);
    expect(plotted(model).filter((p) => p.chart.endsWith("Mijn grafiek"))).toEqual(before);
    expect(model.sheets.map((s) => s.name)).not.toContain("Nationaliteiten 2026-11-25");
  });
});
