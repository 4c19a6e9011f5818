import { snapshotOf } from "../../src/data/compare";
import { MonitorPackage } from "../../src/data/types";
import { TableModel, WorkbookModel } from "../support/fake-excel";
import { edition, loadedWorkbook, runLoadData, snapshot, sortDescending, tableNamed, tableValues, atWritingSync } from "../support/workbooks";
import { problemText } from "../../src/text/problems";
import { EXCEL } from "../../src/text/excel";
import { AnyMessage, isMessageOf } from "../../src/text/message";

/**
 * A pull while the analyst sorts, edits, moves or deletes rows of MonitorData between two of its
 * syncs, or during the comparison: each case is the workbook before and after on the Excel fake,
 * and what the pane says. The expected workbook is built by doing the analyst's action on a twin
 * of the workbook that no pull touched.
 */
const WAARDE = 6;


/** The workbook a pull that stopped must leave: as loaded, with only the analyst's action done. */
async function expected(action: (data: TableModel) => void): Promise<string> {
  const twin = await loadedWorkbook();
  action(twin.data);
  return snapshot(twin.model);
}

const keyOf = (r: (string | number | boolean)[]) => [r[1], r[2], r[3], r[4], r[5], r[7]].join("|");
const bodyKeys = (model: WorkbookModel) => tableValues(model, "MonitorData").slice(1).map(keyOf);

/** The source without the edition's figures at `dropped` (body rows), plus one new figure. */
function sourceDropping(dropped: number[], addOne = true): MonitorPackage {
  const source = structuredClone(edition);
  source.observations = source.observations.filter((_, i) => !dropped.includes(i));
  if (addOne) source.observations.push({ ...structuredClone(edition.observations[0]), periode: "2099", jaar: 2099 });
  return source;
}


/** The analyst deletes body row `r` of the table (Delete Table Rows): the rows below move up. */
function deleteRow(data: TableModel, r: number): void {
  const { sheet, box } = data;
  for (let row = box.row + 1 + r; row < box.row + box.rows; row++) {
    for (let c = box.column; c < box.column + box.columns; c++) {
      const below = sheet.cells.get(`${row + 1},${c}`);
      if (below && row + 1 < box.row + box.rows) sheet.cells.set(`${row},${c}`, below);
      else sheet.cells.delete(`${row},${c}`);
    }
  }
  data.box = { ...box, rows: box.rows - 1 };
}

/** The analyst swaps two body rows (cut and paste): each row's cells, formats included, move. */
function swapRows(data: TableModel, a: number, b: number): void {
  for (let c = data.box.column; c < data.box.column + data.box.columns; c++) {
    const [ka, kb] = [`${data.box.row + 1 + a},${c}`, `${data.box.row + 1 + b},${c}`];
    const [ca, cb] = [data.sheet.cells.get(ka), data.sheet.cells.get(kb)];
    if (cb) data.sheet.cells.set(ka, cb);
    else data.sheet.cells.delete(ka);
    if (ca) data.sheet.cells.set(kb, ca);
    else data.sheet.cells.delete(kb);
  }
}

const editedMeanwhile = (row: number) => [
  `MonitorData rij ${row} is veranderd terwijl de invoegtoepassing schreef; het schrijven is gestopt en de werkmap is teruggezet zoals hij was, met uw wijziging. Vergelijk opnieuw.`,
  `MonitorData row ${row} changed while the add-in was writing; writing stopped and the workbook was put back as it was, with your change. Compare again.`,
];
const texts = (result: { ok: boolean; problems?: { message: AnyMessage }[] }) => (result.ok ? ["ok"] : (result.problems ?? []).flatMap((p) => [problemText(p as never, "nl"), problemText(p as never, "en")]));

describe("a pull while the analyst sorts, edits, moves or deletes rows between its syncs", () => {
  it("a sort after the new rows were written: the pull deletes no other row, stops, and leaves the table as the analyst sorted it", async () => {
    const { model, data } = await loadedWorkbook();
    const last = data.box.rows - 2; // the edition's last figure: the source no longer has it
    const source = sourceDropping([last]);
    const want = await expected(sortDescending);
    const { result } = await runLoadData(model, source, { previous: new Set(snapshotOf(edition)), onProgress: atWritingSync(1, () => sortDescending(data)) });
    expect(texts(result)).toEqual(editedMeanwhile(last + 1));
    expect(snapshot(model)).toBe(want);
    // Said in figures: Leiden's total population is still there, and so is the figure the source dropped.
    expect(bodyKeys(model)).toContain("inwoners|Leiden|inwoners||2022|aantal");
    expect(bodyKeys(model)).toHaveLength(edition.observations.length);
  });

  it("an edit in a row the source dropped, during the write: the row is kept with the analyst's figure", async () => {
    const { model, data } = await loadedWorkbook();
    const source = sourceDropping([20]);
    const edit = (t: TableModel) => Object.assign(t.sheet.cell(t.box.row + 1 + 20, t.box.column + WAARDE), { value: 4242 });
    const want = await expected(edit);
    const { result } = await runLoadData(model, source, { previous: new Set(snapshotOf(edition)), onProgress: atWritingSync(1, () => edit(data)) });
    expect(texts(result)).toEqual(editedMeanwhile(21));
    expect(snapshot(model)).toBe(want);
    expect(tableValues(model, "MonitorData")[21][WAARDE]).toBe(4242);
  });

  it("a sort during the comparison: nothing is written, and the pane says the workbook changed since the comparison", async () => {
    const { model, data } = await loadedWorkbook();
    const source = structuredClone(edition);
    const italiaans = source.observations.findIndex((o) => o.indicator === "inwoners" && o.groep === "Italiaans" && o.periode === "2022");
    source.observations[italiaans].waarde = 1301;
    let sorted: string | null = null;
    const { result } = await runLoadData(model, source, {
      previous: new Set(snapshotOf(edition)),
      // During the comparison: after the workbook was read (the first step), before anything is written.
      onProgress: (fraction, message) => {
        if (!isMessageOf(message, EXCEL.readingWorkbook) || fraction <= 0.05) return;
        if (sorted !== null) return;
        sortDescending(data);
        sorted = snapshot(model);
      },
    });
    expect(sorted).not.toBeNull();
    expect(texts(result)).toEqual(["De werkmap is veranderd sinds de vergelijking; er is niets geschreven. Vergelijk opnieuw.", "The workbook has changed since the comparison; nothing was written. Compare again."]);
    expect(!result.ok && result.problems.map((p) => [p.table, p.row])).toEqual([["MonitorData", italiaans + 1]]);
    expect(snapshot(model)).toBe(sorted);
    // Italiaans 2022 still holds the edition's figure, and no other row got the new one.
    const rows = tableValues(model, "MonitorData");
    expect(rows.find((r) => r[1] === "inwoners" && r[3] === "Italiaans" && r[5] === "2022")?.[WAARDE]).toBe(1253);
    expect(rows.filter((r) => r[WAARDE] === 1301)).toEqual([]);
  });

  it("a row added at the end of the table during the comparison: nothing is written", async () => {
    const { model, data } = await loadedWorkbook();
    const source = sourceDropping([30]);
    let grown: string | null = null;
    const { result } = await runLoadData(model, source, {
      previous: new Set(snapshotOf(edition)),
      // During the comparison: after the workbook was read (the first step), before anything is written.
      onProgress: (fraction, message) => {
        if (!isMessageOf(message, EXCEL.readingWorkbook) || fraction <= 0.05) return;
        if (grown !== null) return;
        Object.assign(data.sheet.cell(data.box.row + data.box.rows, data.box.column + 1), { value: "eigen" }); // the analyst types under the table: it grows
        data.box = { ...data.box, rows: data.box.rows + 1 };
        grown = snapshot(model);
      },
    });
    expect(texts(result)).toEqual(["De werkmap is veranderd sinds de vergelijking; er is niets geschreven. Vergelijk opnieuw.", "The workbook has changed since the comparison; nothing was written. Compare again."]);
    expect(!result.ok && result.problems.map((p) => [p.table, p.row])).toEqual([["MonitorData", null]]);
    expect(snapshot(model)).toBe(grown);
  });

  it("a sort between two syncs of changed figures: the figures written before it go back into their own rows, wherever the sort put them", async () => {
    const { model, data } = await loadedWorkbook();
    const changed = structuredClone(edition);
    for (const o of changed.observations) if (o.eenheid === "aantal") o.waarde += 1; // many changed rows, written in chunks
    const want = await expected(sortDescending);
    const { result } = await runLoadData(model, changed, { syncLimit: 2 * 1024, onProgress: atWritingSync(2, () => sortDescending(data)) });
    expect(result.ok).toBe(false);
    expect(texts(result)[0]).toMatch(/^MonitorData rij \d+ is veranderd terwijl de invoegtoepassing schreef; het schrijven is gestopt en de werkmap is teruggezet zoals hij was, met uw wijziging\. Vergelijk opnieuw\.$/);
    expect(snapshot(model)).toBe(want);
  });

  it("two rows moved between syncs while rows are deleted: the pull stops and the rows it deleted come back, formats and all", async () => {
    const { model, data } = await loadedWorkbook();
    const dropped = [10, 40, 80];
    for (const r of dropped) Object.assign(data.sheet.cell(data.box.row + 1 + r, data.box.column + WAARDE), { fill: "#FFFF00", bold: true });
    const source = sourceDropping(dropped, false);
    const move = (t: TableModel) => swapRows(t, 39, 40); // the analyst moves row 40 up one, above a row the source dropped
    const want = await expected((t) => {
      for (const r of dropped) Object.assign(t.sheet.cell(t.box.row + 1 + r, t.box.column + WAARDE), { fill: "#FFFF00", bold: true });
      move(t);
    });
    const { result } = await runLoadData(model, source, { previous: new Set(snapshotOf(edition)), syncLimit: 150, onProgress: atWritingSync(1, () => move(data)) });
    expect(texts(result)).toEqual(editedMeanwhile(41));
    expect(snapshot(model)).toBe(want);
  });

  it("a row the analyst deletes during the write stops the pull; their deletion stays and everything else is put back", async () => {
    const { model, data } = await loadedWorkbook();
    const changed = structuredClone(edition);
    for (const o of changed.observations) if (o.eenheid === "aantal") o.waarde += 1;
    changed.observations.push({ ...structuredClone(edition.observations[0]), periode: "2099", jaar: 2099 });
    const want = await expected((t) => deleteRow(t, 5));
    const { result } = await runLoadData(model, changed, { syncLimit: 2 * 1024, onProgress: atWritingSync(2, () => deleteRow(data, 5)) });
    expect(result.ok).toBe(false);
    expect(texts(result)[0]).toMatch(/^MonitorData rij \d+ is veranderd terwijl de invoegtoepassing schreef/);
    expect(snapshot(model)).toBe(want);
    expect(bodyKeys(model)).toHaveLength(edition.observations.length - 1);
  });
});

describe("a cancel or a refusal while rows are deleted", () => {
  /** Three figures the source drops, far apart (three runs of deletes), with the analyst's formats: fill, bold, italic, a border, alignment. */
  async function formattedDrops(): Promise<{ model: WorkbookModel; source: MonitorPackage; before: string }> {
    const { model, data } = await loadedWorkbook();
    const dropped = [10, 40, 41, 42, 43, 80];
    for (const r of dropped) {
      Object.assign(data.sheet.cell(data.box.row + 1 + r, data.box.column + WAARDE), { fill: "#FFFF00", bold: true });
      Object.assign(data.sheet.cell(data.box.row + 1 + r, data.box.column + 3), { italic: true, borders: { bottom: "Continuous" }, horizontalAlignment: "Center" });
    }
    return { model, source: sourceDropping(dropped, false), before: snapshot(model) };
  }

  it("a cancel after the first deleting sync puts the deleted rows back with their formats", async () => {
    const { model, source, before } = await formattedDrops();
    const cancel = new AbortController();
    const { result } = await runLoadData(model, source, { previous: new Set(snapshotOf(edition)), syncLimit: 150, signal: cancel.signal, onProgress: atWritingSync(1, () => cancel.abort()) });
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
    expect(snapshot(model)).toBe(before);
    expect([...tableNamed(model, "MonitorData")!.sheet.cells.values()].filter((c) => c.fill === "#FFFF00")).toHaveLength(6);
  });

  it("a deleting sync Excel refuses after part of it ran puts the rows back with their formats, and says so", async () => {
    const { model, source, before } = await formattedDrops();
    let writing = 0;
    model.refuse = () => (writing > 0 && ++writing === 2 ? "InsertDeleteConflict" : null); // the second deleting sync: rows 40-43, of which the fake runs half
    const { result } = await runLoadData(model, source, { previous: new Set(snapshotOf(edition)), syncLimit: 150, onProgress: atWritingSync(1, () => (writing = 1)) });
    model.refuse = null;
    expect(writing).toBeGreaterThan(1);
    // A delete refused with InsertDeleteConflict: the pane names what under the table can cause it (load.deleteRefused), for the 6 rows the pull deletes.
    expect(texts(result)).toEqual([
      expect.stringMatching(/^Uit MonitorData moesten 6 rijen weg, en Excel weigerde die te verwijderen \(Excel: InsertDeleteConflict\)\. .* De werkmap is teruggezet zoals hij was\. /),
      expect.stringMatching(/^6 rows had to go from MonitorData, and Excel refused to delete them \(Excel: InsertDeleteConflict\)\. .* The workbook was put back as it was\. /),
    ]);
    expect(snapshot(model)).toBe(before);
  });
});
