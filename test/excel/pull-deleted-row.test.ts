import { TABLE_NAMES } from "../../src/data/package";
import { problemText } from "../../src/text/problems";
import { fakeRun, TableModel, WorkbookModel } from "../support/fake-excel";
import { nextEdition } from "../support/package-server";
import { loadedWorkbook, runLoadData, tableValues } from "../support/workbooks";

/**
 * A pull after the analyst deleted a row of MonitorData (review D10), before and after on the
 * fake: the row stays deleted, nothing is written for it, and the comparison lists it apart.
 */
const next = nextEdition();

const italiaans2022 = (r: (string | number | boolean)[]) => r[1] === "inwoners" && r[2] === "Leiden" && r[3] === "Italiaans" && r[4] === "" && r[5] === "2022";

/** The analyst deletes the table row (Excel's Delete › Table Rows: the rows below move up). */
async function analystDeletes(model: WorkbookModel, data: TableModel, match: (r: (string | number | boolean)[]) => boolean): Promise<void> {
  const index = data.sheet.values(data.box).findIndex(match);
  if (index < 1) throw new Error("no such row");
  await fakeRun(model, async (context) => {
    context.workbook.worksheets.getItem(data.sheet.name).getRangeByIndexes(data.box.row + index, data.box.column, 1, data.box.columns).delete("Up");
    await context.sync();
  });
}

describe("a pull after the analyst deleted a row of MonitorData", () => {
  it("of the same edition: writes nothing, the row stays deleted and is listed as the analyst's removal", async () => {
    const { model, data } = await loadedWorkbook();
    await analystDeletes(model, data, italiaans2022);
    const before = tableValues(model, TABLE_NAMES.observations);
    const written = model.cellsWritten;
    const { result } = await runLoadData(model);
    if (!result.ok) throw new Error(result.problems.map((p) => problemText(p, "nl")).join());
    expect(result.comparison.added).toEqual([]);
    expect(result.comparison.removedByYou.map((r) => [r.row.groep, r.row.periode, r.row.waarde, r.newFigure])).toEqual([["Italiaans", "2022", 1253, false]]);
    expect(model.cellsWritten - written).toBe(0);
    expect(tableValues(model, TABLE_NAMES.observations)).toEqual(before);
  });

  it("of an edition that corrects the deleted row's figure: still deleted, the comparison names the new figure, the other changes are written", async () => {
    const { model, data } = await loadedWorkbook();
    await analystDeletes(model, data, italiaans2022);
    const { result } = await runLoadData(model, next);
    if (!result.ok) throw new Error(result.problems.map((p) => problemText(p, "nl")).join());
    // The fixtures' next edition: Italiaans 2022 1253 → 1301 (the deleted row), one row added (2023), one dropped.
    expect(result.comparison.removedByYou.map((r) => [r.row.groep, r.row.periode, r.row.waarde, r.newFigure])).toEqual([["Italiaans", "2022", 1301, true]]);
    expect([result.comparison.added.length, result.comparison.changed.length, result.comparison.removed.length]).toEqual([1, 0, 1]);
    const values = tableValues(model, TABLE_NAMES.observations);
    expect(values.some(italiaans2022)).toBe(false);
    expect(values[values.length - 1].slice(3, 6)).toEqual(["Italiaans", "", "2023"]);
  });
});
