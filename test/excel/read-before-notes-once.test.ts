import { MonitorPackage } from "../../src/data/types";
import { WriteBatch } from "../../src/excel/batch";
import { writeDataSheet } from "../../src/excel/data-sheet";
import { inspectWorkbook } from "../../src/excel/inspect";
import { Journal } from "../../src/excel/undo";
import { fakeRun, TableModel } from "../support/fake-excel";
import { editionChanged } from "../support/pull-stops";
import { asExcel, edition, loadedWorkbook, tableNamed } from "../support/workbooks";

/**
 * A refresh in place that deletes rows reads the notes and threaded comments of the sheet first,
 * to put them back should it stop (table-refresh.ts readBefore). With two tables deleting rows on
 * one sheet, it read that sheet's notes once per table: twice the items, twice the bytes (issue 14).
 * Now once a sheet; each table takes those on its own rows. A pull's comparison never drops an
 * indicator (compare.ts byId), so the refresh is called here as the pull calls it
 * (data-sheet.ts writeDataSheet) with a package that drops rows of MonitorData and of
 * MonitorIndicatoren, both on the Data sheet. Counted by the fake (syncs): at the most an item can
 * weigh (98,601 bytes), a first round of reads holds 42 items (notes-comments-read.ts), so 30
 * notes take one sync more than none, where 60 (read twice) took two.
 */

/** Drops three rows of MonitorData and the last indicator, with its figures. */
function dropsFromTwo(): MonitorPackage {
  const gone = edition.indicators[edition.indicators.length - 1].id;
  const next = editionChanged(edition, 0, [20, 50, 90], 0);
  return { ...next, indicators: edition.indicators.slice(0, -1), observations: next.observations.filter((o) => o.indicator !== gone) };
}

/** `count` notes in a column right of every table, below their rows: none on a row that goes. */
function notesBeside(data: TableModel, count: number): void {
  for (let i = 0; i < count; i++) data.sheet.notes.push({ row: 200 + i, column: 60, text: `Nagevraagd (${i}).` });
}

async function refreshWith(notes: number) {
  const { model, data } = await loadedWorkbook();
  const indicators = tableNamed(model, "MonitorIndicatoren") as TableModel;
  expect(indicators.sheet).toBe(data.sheet);
  const before = [data.box.rows, indicators.box.rows];
  notesBeside(data, notes);
  const { syncs } = await fakeRun(model, async (fake) => {
    const context = asExcel(fake);
    const state = await inspectWorkbook(context, { marks: true, content: "data" });
    const batch = new WriteBatch(context);
    await writeDataSheet(batch, context, state, dropsFromTwo(), new Journal(new Set(state.sheets.map((s) => s.id))));
    await batch.flush();
  });
  return { syncs, deleted: [before[0] - data.box.rows, before[1] - indicators.box.rows], notes: data.sheet.notes.length };
}

describe("a refresh deleting rows from two tables on one sheet reads the sheet's notes once", () => {
  it("30 notes: one sync more than without (read once per table, 60 items, they took two)", async () => {
    const gone = edition.observations.filter((o) => o.indicator === edition.indicators[edition.indicators.length - 1].id).length;
    const plain = await refreshWith(0);
    const noted = await refreshWith(30);
    // Both tables lose rows: MonitorData the three dropped figures and those of the indicator, MonitorIndicatoren its row.
    expect([plain.deleted, noted.deleted, noted.notes]).toEqual([[3 + gone, 1], [3 + gone, 1], 30]);
    expect(noted.syncs).toBe(plain.syncs + 1);
  });
});
