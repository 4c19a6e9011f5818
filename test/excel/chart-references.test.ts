import { userChart } from "../support/charts";
import { duitsMovesUp, generatedWorkbook, regenerated, sheetNamed, sheetState } from "../support/workbooks";
import { expectRebuiltWhereItWas } from "../support/rebuilt-where-it-was";

/**
 * A chart on the user's own sheet that plots an indicator sheet's cells refers to its figures as
 * a formula does: rebuilt with a new layout, that sheet would be deleted and the chart would lose
 * its data. So the sheet is kept unchanged and reported. Workbook states before and after, on the
 * Excel fake (its series give their sources as ChartSeries.getDimensionDataSourceString does).
 */

/** What Excel makes of a reference to Nationaliteiten once the kept sheet is renamed with the date. */
const renamedAlong = (text: string) => text.replace(/'?Nationaliteiten'?!/g, "'Nationaliteiten 2026-11-25'!");

describe("a chart on the user's sheet", () => {
  it.each([
    ["plotting the sheet's figures", { values: "=Nationaliteiten!$B$6:$B$10", categories: "=Nationaliteiten!$A$6:$A$10" }],
    ["taking only its categories from the sheet", { values: "='Mijn analyse'!$B$2:$B$3", categories: "='Nationaliteiten'!$A$6:$A$7" }],
  ])("%s keeps that sheet unchanged when its layout changes", async (_what, source) => {
    const model = await generatedWorkbook();
    const mine = sheetNamed(model, "Mijn analyse");
    mine.charts.push(userChart([source]));
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    const [theirs, ours] = [JSON.stringify(sheetState(mine)), JSON.stringify(sheetState(nationaliteiten))];
    duitsMovesUp(model);
    const result = await regenerated(model);
    expect(result.kept).toEqual([{ key: "nationaliteiten", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", why: "referenced", by: [{ kind: "chart", sheet: "Mijn analyse", chart: "Mijn grafiek" }], moves: true }]);
    expect(JSON.stringify(sheetState(nationaliteiten))).toBe(ours);
    // The user's sheet as it was, its series following the kept sheet's new name as Excel renames references along.
    expect(JSON.stringify(sheetState(mine))).toBe(renamedAlong(theirs));
    expect(mine.charts[0].dataSources).toEqual([JSON.parse(renamedAlong(JSON.stringify(source)))]);
    expect(sheetNamed(model, "Nationaliteiten").cell(5, 0).value).toBe("Duits");
  });

  it("plotting only the user's own cells leaves the sheet to be rebuilt where it was", async () => {
    const model = await generatedWorkbook();
    sheetNamed(model, "Mijn analyse").charts.push(userChart());
    await expectRebuiltWhereItWas(model);
  });

  it("the fake gives a series' own source as Excel writes it, with a quoted sheet name", async () => {
    const model = await generatedWorkbook();
    sheetNamed(model, "Mijn analyse").charts.push(userChart());
    const { FakeContext } = await import("../support/fake-excel");
    const context = new FakeContext(model);
    const charts = context.workbook.worksheets.getItem("Mijn analyse").charts.load("items/name");
    await context.sync();
    const series = charts.items[0].series.getItemAt(0);
    const [values, categories] = [series.getDimensionDataSourceString("Values"), series.getDimensionDataSourceString("Categories")];
    await context.sync();
    expect([values.value, categories.value]).toEqual(["='Mijn analyse'!$B$2:$B$3", "='Mijn analyse'!$A$2:$A$3"]);
  });
});
