import { TABLE_NAMES } from "../../src/data/package";
import { Runner, WorkbookFollower, FollowedData } from "../../src/excel/follow";
import { fakeRun, TableModel, WorkbookModel } from "../support/fake-excel";
import { asExcel, edition, loadedWorkbook, runLoadData } from "../support/workbooks";

/**
 * Review repro: an analyst switches on MonitorData's Total Row (Table Design › Total Row, an
 * everyday habit; Table.showTotals, ExcelApi 1.1). Excel then puts the total row inside the
 * table's range: Table.getRange() is "the entire table", header and total row included
 * (Excel.Table.getRange; getDataBodyRange is the body only, getTotalRowRange the total row).
 * The add-in reads MonitorData through getRange() and takes every row after the header as a data
 * row (inspect.ts, follow.ts), so the total row ("Totaal" in the first column, a SUBTOTAL under
 * Waarde) is read as a figure: the workbook is declared invalid (the functions answer #N/A, a
 * pull and Regenerate refuse), or, where it passes, a pull appends below the total row.
 */
function withTotalRow(model: WorkbookModel, data: TableModel): void {
  const row = data.box.row + data.box.rows;
  Object.assign(data.sheet.cell(row, data.box.column), { value: "Totaal" });
  Object.assign(data.sheet.cell(row, data.box.column + 6), { formula: "=SUBTOTAL(109,[Waarde])", value: 123456 });
  data.box = { ...data.box, rows: data.box.rows + 1 };
  data.showTotals = true;
  void model;
}

describe("review: MonitorData with its Total Row switched on", () => {
  it("is still a valid MonitorData for the functions", async () => {
    const { model, data } = await loadedWorkbook();
    withTotalRow(model, data);
    const run: Runner = async (body) => (await fakeRun(model, (context) => body(asExcel(context)))).result;
    const follower = new WorkbookFollower(run, edition, () => undefined);
    const followed: FollowedData = await follower.readAll();
    expect(followed.kind).toBe("found");
  });

  it("a pull of the same edition changes nothing and is not refused", async () => {
    const { model, data } = await loadedWorkbook();
    withTotalRow(model, data);
    const { result } = await runLoadData(model, edition);
    expect(result.ok).toBe(true);
    expect(model.tables.find((t) => t.name === TABLE_NAMES.observations)?.showTotals).toBe(true);
  });
});
