import { problemText } from "../../src/text/problems";
import { ChartModel, SheetModel, TableModel, WorkbookModel } from "../support/fake-excel";
import { editionChanged, onceDeleting, refusedAtFirstDelete } from "../support/pull-stops";
import { edition, loadedWorkbook, runLoadData, sheetNamed, snapshot } from "../support/workbooks";

/**
 * A pull that stops after it began deleting rows (a later delete refused, a cancel) adds the rows
 * back, and the analyst's formulas and defined names that pointed into them point into them again: Excel had
 * rewritten `=Data!G22` into `=Data!#REF!` when the row went (the fake models it, see
 * shiftReferences), and adding the row back does not undo that. Workbook states before and after.
 */
const dropped = [20, 50, 90];
// Ten figures changed, three dropped far apart, five added; at 150 bytes a sync each delete is a sync of its own.
const next = editionChanged(edition, 10, dropped, 5);

/**
 * The analyst's formulas on their own sheet: into the Waarde of the last dropped row (Data!G92,
 * deleted first: the deletes go bottom first) and of the first (Data!G22, not deleted when the
 * pull stops), into a row below them, over a range that holds a dropped row, and one that
 * showed #REF! already; and one beside the table on the Data sheet.
 */
function analystFormulas(mine: SheetModel, data: TableModel): void {
  // The table's body row 90 is the edition's observation 90 (the last dropped).
  expect([data.sheet.values(data.box)[91][3], data.sheet.values(data.box)[91][5]]).toEqual([edition.observations[90].groep, edition.observations[90].periode]);
  Object.assign(mine.cell(5, 1), { formula: "=Data!G92" });
  Object.assign(mine.cell(6, 1), { formula: "=Data!G22" });
  Object.assign(mine.cell(7, 1), { formula: "=Data!G100*2" });
  Object.assign(mine.cell(8, 1), { formula: "=SUM(Data!G80:G95)" });
  Object.assign(mine.cell(9, 1), { formula: "=#REF!+1" });
  Object.assign(data.sheet.cell(2, 40), { formula: "=G92-G2" });
}

/**
 * The analyst's defined names: the workbook's, into the last dropped row's Waarde and over a
 * range that holds it; one of their sheet's own into the first dropped row (not deleted when the
 * pull stops); one that names no cell of the Data sheet.
 */
function analystNames(model: WorkbookModel, mine: SheetModel): void {
  model.names.push({ name: "Laatste", formula: "=Data!$G$92", sheet: null });
  model.names.push({ name: "Reeks", formula: "=Data!$G$80:$G$95", sheet: null });
  model.names.push({ name: "Eerste", formula: "=Data!$G$22", sheet: mine });
  model.names.push({ name: "Eigen", formula: "='Mijn analyse'!$B$2", sheet: null });
}

const NAMES = [
  ["Laatste", "=Data!$G$92"],
  ["Reeks", "=Data!$G$80:$G$95"],
  ["Eerste", "=Data!$G$22"],
  ["Eigen", "='Mijn analyse'!$B$2"],
];

const FORMULAS = [
  ["5,1", "=Data!G92"],
  ["6,1", "=Data!G22"],
  ["7,1", "=Data!G100*2"],
  ["8,1", "=SUM(Data!G80:G95)"],
  ["9,1", "=#REF!+1"],
];

/** Pulls `next`, Excel refusing the sync after the first deleting one (`then` runs at that one); the refusal ends with the pull. */
async function pulledRefusedAtFirstDelete(model: WorkbookModel, data: TableModel, then?: () => void) {
  const onProgress = refusedAtFirstDelete(model, data, data.box.rows + 5, then);
  const { result } = await runLoadData(model, next, { syncLimit: 150, onProgress });
  model.refuse = null;
  return { result, rowsAtStop: onProgress.at.rows };
}

describe("a pull that stops after deleting rows: the analyst's references into them come back", () => {
  it("refused by Excel while deleting (part of the batch ran): every formula as it was, and the whole workbook", async () => {
    const { model, data } = await loadedWorkbook();
    const mine = sheetNamed(model, "Mijn analyse");
    analystFormulas(mine, data);
    analystNames(model, mine);
    const before = snapshot(model);
    const rowsWithNew = data.box.rows + 5;
    let seen: (string | null)[] = [];
    const { result, rowsAtStop } = await pulledRefusedAtFirstDelete(model, data, () => {
      seen = [mine.cell(5, 1).formula, mine.cell(8, 1).formula, data.sheet.cell(2, 40).formula, ...model.names.map((n) => n.formula)];
    });
    // One row was deleted, the last dropped one: Excel made #REF! of the references to it, and the range shrank.
    expect(rowsAtStop).toBe(rowsWithNew - 1);
    expect(seen).toEqual(["=Data!#REF!", "=SUM(Data!G80:G94)", "=#REF!-G2", "=Data!#REF!", "=Data!$G$80:$G$94", "=Data!$G$22", "='Mijn analyse'!$B$2"]);
    expect(result.ok || result.problems.map((p) => problemText(p, "en"))).toEqual(["Excel refused a change (Excel: GeneralException); the workbook was put back as it was."]);
    expect(FORMULAS.map(([key]) => [key, mine.cells.get(key)?.formula])).toEqual(FORMULAS);
    expect(data.sheet.cell(2, 40).formula).toBe("=G92-G2");
    expect(model.names.map((n) => [n.name, n.formula])).toEqual(NAMES);
    expect(snapshot(model)).toBe(before);
  });

  it("in an Excel without ExcelApi 1.15 or 1.17, with a conditional format and a chart (put back where Excel has them: pull-put-back-rules.test.ts): the pane names them as not checked, and says not 'as it was'", async () => {
    const { model, data } = await loadedWorkbook();
    model.excelApi = "1.14";
    const mine = sheetNamed(model, "Mijn analyse");
    analystFormulas(mine, data);
    mine.conditionalFormats.push({ row: 0, column: 2, rows: 3, columns: 1, type: "Custom", formula: "=C1>Data!$G$92" });
    mine.charts.push({ name: "Mijn grafiek", type: "ColumnClustered", source: { row: 0, column: 0, rows: 3, columns: 2 }, dataSources: [{ values: "=Data!$G$80:$G$95", categories: "=Data!$D$80:$D$95" }] } as ChartModel);
    const before = snapshot(model);
    const { result } = await pulledRefusedAtFirstDelete(model, data);
    expect(result.ok || result.problems.map((p) => problemText(p, "en"))).toEqual([
      "Excel refused a change (Excel: GeneralException); the workbook was put back as it was, except for the references below.",
      "The pull had deleted rows of MonitorData on the sheet 'Data' when it stopped; they are back. " +
        "Not checked and not put back: conditional formatting on the sheet 'Mijn analyse' and the chart 'Mijn grafiek' on the sheet 'Mijn analyse'. " +
        "A reference there to one of those rows is now #REF!: Excel made that of it when the row went. Type those references again.",
    ]);
    // As the pane says: the formulas back, the rule's reference to the deleted row #REF!, the chart's area shrunk by the row and grown again.
    expect(FORMULAS.map(([key]) => [key, mine.cells.get(key)?.formula])).toEqual(FORMULAS);
    expect(mine.conditionalFormats[0].formula).toBe("=C1>Data!#REF!");
    mine.conditionalFormats[0].formula = "=C1>Data!$G$92";
    expect(snapshot(model)).toBe(before);
  });

  it("with a conditional format, a validation list and a chart on another sheet that name no cell of Data: none is named, and the workbook is as it was", async () => {
    const { model, data } = await loadedWorkbook();
    const mine = sheetNamed(model, "Mijn analyse");
    analystFormulas(mine, data);
    mine.conditionalFormats.push({ row: 0, column: 2, rows: 3, columns: 1, type: "Custom", formula: "=C1>10" });
    mine.dataValidations.push({ row: 0, column: 3, rows: 1, columns: 1, type: "List", formula: "='Mijn analyse'!$A$2:$A$3" });
    mine.charts.push({ name: "Eigen grafiek", type: "ColumnClustered", source: { row: 0, column: 0, rows: 3, columns: 2 }, dataSources: [{ values: "='Mijn analyse'!$B$2:$B$3", categories: "='Mijn analyse'!$A$2:$A$3" }] } as ChartModel);
    const before = snapshot(model);
    const { result } = await pulledRefusedAtFirstDelete(model, data);
    expect(result.ok || result.problems.map((p) => problemText(p, "en"))).toEqual(["Excel refused a change (Excel: GeneralException); the workbook was put back as it was."]);
    expect(snapshot(model)).toBe(before);
  });

  it("cancelled after its first deleting sync: the same", async () => {
    const { model, data } = await loadedWorkbook();
    const mine = sheetNamed(model, "Mijn analyse");
    analystFormulas(mine, data);
    analystNames(model, mine);
    const before = snapshot(model);
    const cancel = new AbortController();
    const onProgress = onceDeleting(data, data.box.rows + 5, () => cancel.abort());
    const { result } = await runLoadData(model, next, { syncLimit: 150, signal: cancel.signal, onProgress });
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
    expect(FORMULAS.map(([key]) => [key, mine.cells.get(key)?.formula])).toEqual(FORMULAS);
    expect(model.names.map((n) => [n.name, n.formula])).toEqual(NAMES);
    expect(snapshot(model)).toBe(before);
  });
});
