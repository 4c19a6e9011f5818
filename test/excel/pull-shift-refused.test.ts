import { MonitorPackage } from "../../src/data/types";
import { problemText } from "../../src/text/problems";
import { WorkbookModel } from "../support/fake-excel";
import { edition, largePackage, loadedWorkbook, runLoadData, snapshot } from "../support/workbooks";

/**
 * A pull inserts cells below MonitorData for new rows and deletes the rows the source dropped.
 * Excel refuses either with InsertDeleteConflict when it would cut something the user has under
 * the table (a merged area, or a table of theirs, reaching past MonitorData's columns: the fake
 * models it, test/excel/fake-shift-conflicts.test.ts). Then the workbook is as it was, and the
 * pane says Excel refused and that it was put back; for the insert that makes room for new rows
 * it says what under the table stops it (spilled ranges: pull-spill.test.ts). Workbook states
 * before and after, on the fake.
 */

/** The edition with every count one higher (rows written) and its last three figures dropped (rows deleted, after the writes). */
function changedAndShorter(): MonitorPackage {
  const pkg = structuredClone(edition);
  for (const o of pkg.observations) if (o.eenheid === "aantal") o.waarde += 1;
  pkg.observations.splice(pkg.observations.length - 3, 3);
  return pkg;
}

/** Something of the user's under MonitorData, from its last column to two columns past it. */
function underTheTable(model: WorkbookModel, what: "merge" | "table", box: { row: number; column: number; rows: number; columns: number }) {
  const sheet = model.tables.find((t) => t.name === "MonitorData")?.sheet;
  if (!sheet) throw new Error("no MonitorData");
  const area = { row: box.row + box.rows + 3, column: box.column + box.columns - 1, rows: 2, columns: 3 };
  if (what === "merge") {
    sheet.cell(area.row, area.column).value = "Mijn kop over drie kolommen";
    sheet.merges.push(area);
  } else {
    ["Wijk", "Eigen telling", "Opmerking"].forEach((h, c) => (sheet.cell(area.row, area.column + c).value = h));
    ["Centrum", 12, "geteld in mei"].forEach((v, c) => (sheet.cell(area.row + 1, area.column + c).value = v));
    model.tables.push({ name: "MijnTelling", sheet, box: area, style: "TableStyleLight9" });
  }
}

describe("a pull whose insert or delete Excel refuses for what the user has under MonitorData", () => {
  // The insert for new rows is refused before anything else is written, and the pane says what under the table stops it (load.growthRefused).
  const growthRefused = /^MonitorData gets 4 new rows, and Excel refused to make room for them below the table \(Excel: InsertDeleteConflict\)\. Something under the table on the sheet 'Data' cannot move down with MonitorData's columns alone: merged cells .*Nothing was changed\./;
  // A refused delete (after the figures were written) is put back, and the pane says what under the table stops it (load.deleteRefused).
  const deleteRefused = /^3 rows had to go from MonitorData, and Excel refused to delete them \(Excel: InsertDeleteConflict\)\. Something under the table on the sheet 'Data' cannot move up with the columns of MonitorData alone: merged cells, .* or a table of your own reaching past those columns\. The workbook was put back as it was\./;
  it.each([
    ["new rows, a merged area under the table", "merge", () => largePackage(edition.observations.length + 4), growthRefused],
    ["changed figures and dropped rows, a merged area under the table", "merge", changedAndShorter, deleteRefused],
    ["changed figures and dropped rows, a table of the user's under it", "table", changedAndShorter, deleteRefused],
  ] as const)("%s: nothing changed, and the pane says why", async (_what, what, next, says) => {
    const { model, data } = await loadedWorkbook();
    underTheTable(model, what, data.box);
    const before = snapshot(model);

    const { result } = await runLoadData(model, next());

    expect(result.ok).toBe(false);
    const text = !result.ok ? problemText(result.problems[0], "en") : "";
    expect(text).toMatch(says);
    expect(snapshot(model)).toBe(before);
  });

  it("the same pull goes through once the merged area no longer reaches past the table's columns", async () => {
    const { model, data } = await loadedWorkbook();
    underTheTable(model, "merge", data.box);
    const sheet = data.sheet;
    sheet.merges[0] = { ...sheet.merges[0], column: data.box.column, columns: data.box.columns }; // now wholly under the table
    const mergeRow = sheet.merges[0].row;
    const { result } = await runLoadData(model, largePackage(edition.observations.length + 4));
    expect(result.ok).toBe(true);
    expect(sheet.merges[0].row).toBe(mergeRow + 4); // moved down with the cells under the table
  });
});
