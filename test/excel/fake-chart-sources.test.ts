import { ChartModel, FakeContext, fakeRun, WorkbookModel } from "../support/fake-excel";
import { asExcel } from "../support/workbooks";

/**
 * The fake, as Excel: a chart's series are formulas with their sheet. Deleting the sheet they plot
 * breaks them (#REF!) while the chart stays where it is; renaming it takes them along, as it does
 * the formulas of conditional formats and validation rules.
 */

function workbook() {
  const model = new WorkbookModel();
  const figures = model.addSheet("Nationaliteiten");
  figures.cell(5, 1).value = 1253;
  const mine = model.addSheet("Mijn analyse");
  mine.charts.push({
    name: "Mijn grafiek",
    type: "ColumnClustered",
    source: { row: 0, column: 0, rows: 3, columns: 3 }, // two series
    dataSources: [
      { values: "=Nationaliteiten!$B$6:$B$10", categories: "=Nationaliteiten!$A$6:$A$10" },
      { values: "='Mijn analyse'!$B$2:$B$3", categories: "='Mijn analyse'!$A$2:$A$3" },
    ],
  } as ChartModel);
  mine.dataValidations.push({ row: 0, column: 3, rows: 1, columns: 1, type: "List", formula: "=Nationaliteiten!$A$6:$A$10" });
  return { model, figures, mine };
}

/** Each series' sources as the add-in reads them (ChartSeries.getDimensionDataSourceString). */
async function seriesSources(model: WorkbookModel): Promise<string[][]> {
  const context = new FakeContext(model);
  const charts = context.workbook.worksheets.getItem("Mijn analyse").charts.load("items/name");
  await context.sync();
  const reads = [0, 1].map((i) => {
    const series = charts.items[0].series.getItemAt(i);
    return [series.getDimensionDataSourceString("Values"), series.getDimensionDataSourceString("Categories")];
  });
  await context.sync();
  return reads.map((pair) => pair.map((r) => r.value));
}

describe("a chart whose series plot another sheet", () => {
  it("keeps its place when that sheet is deleted, its series from it broken (#REF!) and the others as they were", async () => {
    const { model, mine } = workbook();
    await fakeRun(model, async (context) => {
      asExcel(context).workbook.worksheets.getItem("Nationaliteiten").delete();
      await context.sync();
    });
    expect(mine.charts.map((c) => c.name)).toEqual(["Mijn grafiek"]);
    expect(await seriesSources(model)).toEqual([
      ["=#REF!$B$6:$B$10", "=#REF!$A$6:$A$10"],
      ["='Mijn analyse'!$B$2:$B$3", "='Mijn analyse'!$A$2:$A$3"],
    ]);
    expect(mine.dataValidations[0].formula).toBe("=#REF!$A$6:$A$10");
  });

  it("follows that sheet when it is renamed, as the rules that point into it do", async () => {
    const { model, mine } = workbook();
    await fakeRun(model, async (context) => {
      asExcel(context).workbook.worksheets.getItem("Nationaliteiten").name = "Nationaliteiten 2026-11-25";
      await context.sync();
    });
    expect((await seriesSources(model))[0]).toEqual(["='Nationaliteiten 2026-11-25'!$B$6:$B$10", "='Nationaliteiten 2026-11-25'!$A$6:$A$10"]);
    expect(mine.dataValidations[0].formula).toBe("='Nationaliteiten 2026-11-25'!$A$6:$A$10");
  });

  it("goes with its own sheet when that is deleted", async () => {
    const { model } = workbook();
    model.addSheet("Nog een blad");
    await fakeRun(model, async (context) => {
      asExcel(context).workbook.worksheets.getItem("Mijn analyse").delete();
      await context.sync();
    });
    expect(model.sheets.flatMap((s) => s.charts)).toEqual([]);
  });
});
