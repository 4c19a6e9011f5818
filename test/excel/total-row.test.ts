import { snapshotOf } from "../../src/data/compare";
import { TABLE_NAMES } from "../../src/data/package";
import { MonitorPackage } from "../../src/data/types";
import { AnyMessage } from "../../src/text/message";
import { problemText } from "../../src/text/problems";
import { loadedFunctions } from "../support/custom-functions-fake";
import { fakeRun, TableModel, WorkbookModel } from "../support/fake-excel";
import { shippedPackage } from "../support/fixtures";
import { paneFollowing } from "../support/following";
import { nextEdition } from "../support/package-server";
import { edition, largePackage, loadedWorkbook, runLoadData, runRegenerate, snapshot, tableValues, atWritingSync } from "../support/workbooks";

/**
 * MonitorData with Table Design › Total Row switched on (Table.showTotals, ExcelApi 1.1): the
 * total row is part of the table's range (Table.getRange, "the entire table") but no figure.
 * Before and after, on the fake: the functions read the body only, a pull writes only the
 * figures that change and puts new rows above the total row (as TableRowCollection.add does),
 * the total row keeps its formula, a cancel leaves the workbook as it was, Regenerate works.
 */
const { api, formula } = loadedFunctions();

const next = nextEdition();

const WAARDE = 6;
const TOTAL_FORMULA = "=SUBTOTAL(109,[Waarde])";
const REMARK = "Nagevraagd bij de BRP";

/** The analyst switches the total row on through Excel (the fake's Table.showTotals) and fills it as Excel's Total Row does: a label and a SUBTOTAL. */
async function withTotalRow(model: WorkbookModel, data: TableModel): Promise<{ totalRow: number; remarkRow: number }> {
  const remarkRow = data.box.row + data.box.rows + 1; // one empty row under the table, then the analyst's remark
  Object.assign(data.sheet.cell(remarkRow, data.box.column), { value: REMARK });
  await fakeRun(model, async (context) => {
    context.workbook.tables.getItem(TABLE_NAMES.observations).showTotals = true;
    await context.sync();
  });
  const totalRow = data.box.row + data.box.rows - 1;
  Object.assign(data.sheet.cell(totalRow, data.box.column), { value: "Totaal" });
  Object.assign(data.sheet.cell(totalRow, data.box.column + WAARDE), { formula: TOTAL_FORMULA, value: 123456 });
  return { totalRow, remarkRow: remarkRow + 1 };
}

const bodyKey = (r: (string | number | boolean)[]) => [r[1], r[2], r[3], r[4], r[5], r[7]].join("|");

describe("MonitorData with its total row switched on", () => {
  afterEach(() => api.resetData(shippedPackage()));

  it("the fake: switching the total row on adds a row to the table's range, below the body, and moves the user's cells under it down", async () => {
    const { model, data } = await loadedWorkbook();
    const rows = data.box.rows;
    const { totalRow, remarkRow } = await withTotalRow(model, data);
    expect(data.box.rows).toBe(rows + 1);
    expect(totalRow).toBe(data.box.row + rows);
    expect(data.sheet.cell(remarkRow, data.box.column).value).toBe(REMARK);
    const { result } = await fakeRun(model, async (context) => {
      const table = context.workbook.tables.getItem(TABLE_NAMES.observations);
      const [all, body, total] = [table.getRange().load("rowCount"), table.getDataBodyRange().load("rowCount"), table.getTotalRowRange().load("rowIndex")];
      await context.sync();
      return [all.rowCount, body.rowCount, total.rowIndex];
    });
    expect(result).toEqual([rows + 1, rows - 1, totalRow]);
  });

  it("a pull writes only the figures that change, adds the new row above the total row, and keeps the total row with its formula", async () => {
    const { model, data } = await loadedWorkbook();
    const { totalRow, remarkRow } = await withTotalRow(model, data);
    const italiaans = data.sheet.values(data.box).findIndex((r) => r[1] === "inwoners" && r[3] === "Italiaans" && r[5] === "2022");
    const written = model.cellsWritten;

    const { result } = await runLoadData(model, next);
    if (!result.ok) throw new Error(result.problems.map((p) => problemText(p, "nl")).join());
    // The fixtures' next edition: one figure changed (Italiaans 2022: 1253 → 1301), one added, one dropped.
    expect([result.comparison.changed.length, result.comparison.added.length, result.comparison.removed.length]).toEqual([1, 1, 1]);
    expect(model.cellsWritten - written).toBe(1 + 16); // the changed figure and the new row's 16 cells
    const values = tableValues(model, TABLE_NAMES.observations);
    const last = values.length - 1;
    // One row added, one deleted: the table is as long as before, the total row where it was, last.
    expect(data.box.row + last).toBe(totalRow);
    expect(values[last][0]).toBe("Totaal");
    expect(data.sheet.cell(totalRow, data.box.column + WAARDE).formula).toBe(TOTAL_FORMULA);
    expect(bodyKey(values[last - 1])).toBe("inwoners|Leiden|Italiaans||2023|aantal");
    expect(values.slice(1, last).some((r) => r[0] === "Totaal")).toBe(false);
    expect(data.sheet.cell(remarkRow, data.box.column).value).toBe(REMARK);
    const italiaansNow = values.findIndex((r) => r[1] === "inwoners" && r[3] === "Italiaans" && r[5] === "2022");
    expect(italiaansNow).toBeLessThanOrEqual(italiaans);
    expect(values[italiaansNow][WAARDE]).toBe(1301);
    expect(model.tables.find((t) => t.name === TABLE_NAMES.observations)?.showTotals).toBe(true);
  });

  it("a pull that only adds rows puts them above the total row, which moves down with the analyst's remark under it", async () => {
    const { model, data } = await loadedWorkbook();
    const { totalRow, remarkRow } = await withTotalRow(model, data);
    const grown: MonitorPackage = { ...edition, observations: [...edition.observations, ...next.observations.filter((o) => o.periode === "2023")] };
    expect(grown.observations.length).toBe(edition.observations.length + 1);
    const { result } = await runLoadData(model, grown);
    if (!result.ok) throw new Error(result.problems.map((p) => problemText(p, "nl")).join());
    expect([result.comparison.changed.length, result.comparison.added.length, result.comparison.removed.length]).toEqual([0, 1, 0]);
    expect(data.sheet.cell(totalRow, data.box.column + 5).value).toBe("2023"); // the new row, where the total row was
    expect(data.sheet.cell(totalRow + 1, data.box.column).value).toBe("Totaal");
    expect(data.sheet.cell(totalRow + 1, data.box.column + WAARDE).formula).toBe(TOTAL_FORMULA);
    expect(data.box.row + data.box.rows - 1).toBe(totalRow + 1);
    expect(data.sheet.cell(remarkRow + 1, data.box.column).value).toBe(REMARK);
    expect(data.sheet.cell(remarkRow, data.box.column).value ?? null).toBeNull();
  });

  it("a pull cancelled after the new rows went in above the total row leaves the workbook as it was", async () => {
    const { model, data } = await loadedWorkbook();
    await withTotalRow(model, data);
    const changed = structuredClone(next);
    for (const o of changed.observations) if (o.eenheid === "aantal") o.waarde += 1; // many changed rows, written in chunks
    const before = snapshot(model);
    const rows = data.box.rows;
    const cancel = new AbortController();
    let [syncs, rowsAtCancel] = [0, 0];
    const stop = () => ((rowsAtCancel = data.box.rows), cancel.abort());
    const { result } = await runLoadData(model, changed, { syncLimit: 2 * 1024, signal: cancel.signal, onProgress: () => void (++syncs === 3 && stop()) });
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
    expect(rowsAtCancel).toBe(rows + 1); // the new row was in, above the total row
    expect(snapshot(model)).toBe(before);
  });

  it("a pull cancelled between two blocks of new rows above the total row (the second still queued) leaves the workbook as it was", async () => {
    const { model, data } = await loadedWorkbook();
    await withTotalRow(model, data);
    const before = snapshot(model);
    const rows = data.box.rows;
    const cancel = new AbortController();
    let [syncs, rowsAtCancel] = [0, 0];
    // The fourth sync is the first block of blank rows (2 KB holds about 30); the cancel comes before the second's sync, which the put-back's first sync sends.
    const stop = () => ((rowsAtCancel = data.box.rows), cancel.abort());
    const { result } = await runLoadData(model, largePackage(edition.observations.length + 60), { syncLimit: 2 * 1024, signal: cancel.signal, onProgress: () => void (++syncs === 4 && stop()) });
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
    expect(rowsAtCancel).toBeGreaterThan(rows);
    expect(rowsAtCancel).toBeLessThan(rows + 60);
    expect(snapshot(model)).toBe(before);
  });

  it("the functions read the body only: the workbook's figures, and an edit of the total row changes no answer", async () => {
    const { model, data } = await loadedWorkbook();
    const { totalRow } = await withTotalRow(model, data);
    const { follower, states } = paneFollowing(model, api);
    const italians = formula("AANTAL", "Italiaans", 2022, null);
    await follower.readAll();
    await follower.watch();
    expect(states.map((s) => s.kind)).toEqual(["found"]);
    expect(italians.results).toEqual([1253]); // the edition's figure (seed 2022)
    await model.editTable(TABLE_NAMES.observations, totalRow, data.box.column, [["Totaal inwoners"]]);
    expect(states.map((s) => s.kind)).toEqual(["found", "found"]);
    expect(italians.results).toEqual([1253]);
  });

  it("Regenerate works on it and leaves the total row as it is", async () => {
    const { model, data } = await loadedWorkbook();
    const { totalRow } = await withTotalRow(model, data);
    const { result } = await runRegenerate(model);
    expect(result.ok).toBe(true);
    expect(data.sheet.cell(totalRow, data.box.column).value).toBe("Totaal");
    expect(data.sheet.cell(totalRow, data.box.column + WAARDE).formula).toBe(TOTAL_FORMULA);
    expect(data.box.row + data.box.rows - 1).toBe(totalRow);
  });
});

/** Reverses the body rows, the total row left where it is, as an analyst's sort (Z→A) of a table with a total row does. */
function sortBody(data: TableModel): void {
  const at = (r: number, c: number) => `${data.box.row + 1 + r},${data.box.column + c}`;
  const rows = Array.from({ length: data.box.rows - 2 }, (_, r) => Array.from({ length: data.box.columns }, (_, c) => data.sheet.cells.get(at(r, c))));
  rows.reverse().forEach((row, r) => row.forEach((cell, c) => (cell ? data.sheet.cells.set(at(r, c), cell) : data.sheet.cells.delete(at(r, c)))));
}


const texts = (result: { ok: boolean; problems?: { message: AnyMessage }[] }) => (result.ok ? ["ok"] : (result.problems ?? []).map((p) => problemText(p as never, "en")));
const editedMeanwhile = /^MonitorData row \d+ changed while the add-in was writing; writing stopped and the workbook was put back as it was, with your change\. Compare again\.$/;

describe("MonitorData with its total row, while the analyst works between a pull's syncs", () => {
  afterEach(() => api.resetData(shippedPackage()));

  it("new rows go above the total row in chunks; a sort of the body between two chunks stops the pull, and the table is as the analyst sorted it, its total row and the remark under it where they were", async () => {
    const { model, data } = await loadedWorkbook();
    await withTotalRow(model, data);
    const { model: twin, data: twinData } = await loadedWorkbook();
    await withTotalRow(twin, twinData);
    sortBody(twinData);
    // The edition and 60 new figures (made-up areas, for size only): blank rows added above the total row in two syncs, then written in chunks at 2 KB.
    const grown = largePackage(edition.observations.length + 60);
    let rowsAtSort = 0;
    const sort = () => ((rowsAtSort = data.box.rows), sortBody(data));
    const { result } = await runLoadData(model, grown, { previous: new Set(snapshotOf(edition)), syncLimit: 2 * 1024, onProgress: atWritingSync(5, sort) });
    expect(rowsAtSort).toBe(twinData.box.rows + 60); // the sort came once the table held the blank new rows
    expect(texts(result)).toEqual([expect.stringMatching(editedMeanwhile)]);
    expect(snapshot(model)).toBe(snapshot(twin));
  });

  it("a pull cancelled after its first deleting sync puts the deleted row back above the total row, with its fill, font and link", async () => {
    const { model, data } = await loadedWorkbook();
    await withTotalRow(model, data);
    const dropped = [10, 40, 80];
    for (const r of dropped) {
      Object.assign(data.sheet.cell(data.box.row + 1 + r, data.box.column + WAARDE), { fill: "#FFC7CE", bold: true, numberFormat: "#,##0" });
      Object.assign(data.sheet.cell(data.box.row + 1 + r, data.box.column + 2), { hyperlink: { address: `https://example.org/wijk/${r}` } });
    }
    const before = snapshot(model);
    const cancel = new AbortController();
    const source: MonitorPackage = { ...edition, observations: edition.observations.filter((_, i) => !dropped.includes(i)) };
    let rowsAtCancel = 0;
    const stop = () => ((rowsAtCancel = data.box.rows), cancel.abort());
    const { result } = await runLoadData(model, source, { previous: new Set(snapshotOf(edition)), syncLimit: 150, signal: cancel.signal, onProgress: atWritingSync(1, stop) });
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
    expect(rowsAtCancel).toBe(edition.observations.length + 2 - 1); // header, body and total row, one row deleted
    expect(snapshot(model)).toBe(before);
  });
});
