import { snapshotOf } from "../../src/data/compare";
import { previewLoad } from "../../src/excel/load-data";
import { MonitorPackage } from "../../src/data/types";
import { problemText } from "../../src/text/problems";
import { fakeRun, TableModel, WorkbookModel } from "../support/fake-excel";
import { asExcel, edition, largePackage, loadedWorkbook, runLoadData, snapshot, tableValues } from "../support/workbooks";

/**
 * An analyst's calculated column in MonitorData (`Dubbel`, `=[@Waarde]*2` in every row), and a
 * pull that adds rows. Excel fills a calculated column's formula into the rows a table gains (Table.resize,
 * TableRowCollection.add; test/support/fake-calculated-columns.ts); the pull writes only its own
 * columns. So the column stays filled, new rows included, is never written by the pull, and is
 * not taken for an edit of the analyst's by the next comparison. Workbook states on the fake.
 */

const DUBBEL = "=[@Waarde]*2";
const MORE = 6;

/** The analyst's column after MonitorData's last, a calculated column. */
function addDubbel(data: TableModel): number {
  const column = data.box.column + data.box.columns;
  data.sheet.cell(data.box.row, column).value = "Dubbel";
  const body = data.box.rows - 1 - (data.showTotals ? 1 : 0);
  for (let r = 1; r <= body; r++) Object.assign(data.sheet.cell(data.box.row + r, column), { formula: DUBBEL, value: null });
  data.box = { ...data.box, columns: data.box.columns + 1 };
  return column - data.box.column;
}

/** A total row switched on, as Table.showTotals adds it (the row under the body joins the table). */
function withTotalRow(data: TableModel): void {
  data.showTotals = true;
  data.box = { ...data.box, rows: data.box.rows + 1 };
}

async function comparedAgain(model: WorkbookModel, pulled: MonitorPackage) {
  const { result } = await fakeRun(model, (context) => previewLoad(asExcel(context), pulled, { previous: new Set(snapshotOf(pulled)) }));
  if (!result.ok) throw new Error(result.problems.map((p) => problemText(p, "en")).join());
  const c = result.comparison;
  return { added: c.added.length, changed: c.changed.length, removed: c.removed.length, removedByYou: c.removedByYou.length, kept: c.kept.length };
}

describe("a pull that adds rows to MonitorData with an analyst's calculated column", () => {
  it.each([
    ["without a total row (the table is resized over cells inserted below it)", false],
    ["with a total row (the rows are added above it)", true],
  ])("%s: the column stays filled, new rows too, the pull writes none of it, and the next comparison finds no edit", async (_what, totals) => {
    const { model, data } = await loadedWorkbook();
    if (totals) withTotalRow(data);
    const dubbel = addDubbel(data);
    const body = data.box.rows - 1 - (totals ? 1 : 0);
    const pulled = largePackage(edition.observations.length + MORE);
    const written = model.cellsWritten;

    const { result } = await runLoadData(model, pulled);
    if (!result.ok) throw new Error(result.problems.map((p) => problemText(p, "en")).join());

    const values = tableValues(model, "MonitorData");
    const rows = values.slice(1, totals ? -1 : undefined);
    expect(rows).toHaveLength(body + MORE);
    expect(rows.map((r) => r[dubbel])).toEqual(Array.from({ length: body + MORE }, () => DUBBEL));
    expect(rows.slice(-MORE).every((r) => String(r[2]).startsWith("Testwijk 1 "))).toBe(true); // the new rows, at the end
    // Written: the new rows' 16 cells of the add-in's columns, and nothing of the analyst's.
    expect(model.cellsWritten - written).toBe(MORE * 16);
    expect(await comparedAgain(model, pulled)).toEqual({ added: 0, changed: 0, removed: 0, removedByYou: 0, kept: 0 });
  });

  it("with AutoCorrect's fill option off, Excel leaves the new rows' cells of the column blank, and the pull does not fill them either", async () => {
    const { model, data } = await loadedWorkbook();
    model.fillCalculatedColumns = false;
    const dubbel = addDubbel(data);
    const pulled = largePackage(edition.observations.length + MORE);
    const { result } = await runLoadData(model, pulled);
    expect(result.ok).toBe(true);
    const rows = tableValues(model, "MonitorData").slice(1);
    expect(rows.slice(-MORE).map((r) => r[dubbel])).toEqual(Array.from({ length: MORE }, () => ""));
    expect(rows.slice(0, -MORE).every((r) => r[dubbel] === DUBBEL)).toBe(true);
    expect(await comparedAgain(model, pulled)).toEqual({ added: 0, changed: 0, removed: 0, removedByYou: 0, kept: 0 });
  });

  it.each([false, true])("a cancel after the table grew (total row: %s) puts it back as it was, the filled formulas gone with the new rows", async (totals) => {
    const { model, data } = await loadedWorkbook();
    if (totals) withTotalRow(data);
    addDubbel(data);
    const before = snapshot(model);
    const cancel = new AbortController();
    let syncs = 0;
    const { result } = await runLoadData(model, largePackage(edition.observations.length + 60), { syncLimit: 2 * 1024, signal: cancel.signal, onProgress: () => void (++syncs === 4 && cancel.abort()) });
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
    expect(snapshot(model)).toBe(before);
  });
});
