import { snapshotOf } from "../../src/data/compare";
import { previewLoad } from "../../src/excel/load-data";
import { fakeRun, TableModel } from "../support/fake-excel";
import { pullRefusedWhileWriting } from "../support/refuse-write";
import { nextEdition } from "../support/package-server";
import { asExcel, edition, loadedWorkbook, runLoadData, snapshot, sortDescending, tableValues } from "../support/workbooks";
import { problemText } from "../../src/text/problems";
import { EXCEL } from "../../src/text/excel";
import { isMessageOf } from "../../src/text/message";

/**
 * A pull writes only the figures that change: each case is MonitorData before and after, on
 * the Excel fake, with what an analyst does to it (formats, formulas, sorting, own columns).
 */
const next = nextEdition();


const WAARDE = 6;
const rowOf = (data: TableModel, match: (row: (string | number | boolean)[]) => boolean) => {
  const r = data.sheet.values(data.box).findIndex(match);
  if (r < 1) throw new Error("no such row");
  return data.box.row + r;
};
const italiaans2022 = (row: (string | number | boolean)[]) => row[1] === "inwoners" && row[3] === "Italiaans" && row[5] === "2022";
const cellAt = (data: TableModel, row: number, column: number) => data.sheet.cell(row, data.box.column + column);

describe("a pull writes only what changes", () => {
  it("keeps unchanged rows, the user's formats, formulas, sort order; changes a figure in its row; adds at the end; deletes what the source dropped", async () => {
    const { model, data } = await loadedWorkbook();
    sortDescending(data);
    const share = rowOf(data, (r) => r[1] === "woonduur" && r[7] === "aandeel");
    cellAt(data, share, WAARDE).numberFormat = "0.0%"; // the analyst's format on a share
    const pools = rowOf(data, (r) => r[1] === "inwoners" && r[3] === "Pools" && r[5] === "2022");
    Object.assign(cellAt(data, pools, WAARDE), { formula: "=1000+2", value: 1002 }); // a figure typed as a formula (its result as Excel calculated it)
    const italiaans = rowOf(data, italiaans2022);
    const keyOf = (r: (string | number | boolean)[]) => [r[1], r[2], r[3], r[4], r[5], r[7]].join("|");
    const order = data.sheet.values(data.box).map(keyOf);
    const written = model.cellsWritten;

    const { result } = await runLoadData(model, next);
    if (!result.ok) throw new Error(result.problems.map((p) => problemText(p, "nl")).join());
    expect([result.comparison.changed.length, result.comparison.added.length, result.comparison.removed.length]).toEqual([1, 1, 1]);
    // The changed figure in its own (sorted) row (rows below a deleted one moved up by one).
    // The removed row, from the fixtures: the one figure of the edition the next one lacks.
    const keyOfFigure = (o: { indicator: string; gebied: string; groep: string; leeftijd: string; periode: string; eenheid: string }) => [o.indicator, o.gebied, o.groep, o.leeftijd, o.periode, o.eenheid].join("|");
    const published = new Set(next.observations.map(keyOfFigure));
    const dropped = edition.observations.map(keyOfFigure).filter((k) => !published.has(k));
    expect(dropped).toHaveLength(1);
    const removedKey = dropped[0];
    expect(order).toContain(removedKey);
    const removedRow = order.indexOf(removedKey) + data.box.row;
    const moved = (row: number) => (row > removedRow ? row - 1 : row);
    expect(cellAt(data, moved(italiaans), WAARDE).value).toBe(1301);
    expect(cellAt(data, moved(share), WAARDE).numberFormat).toBe("0.0%");
    expect(cellAt(data, moved(pools), WAARDE).formula).toBe("=1000+2");
    // Sort order kept; the removed row gone from its place; the added row at the end.
    const after = data.sheet.values(data.box).map(keyOf);
    expect(after.slice(0, -1)).toEqual(order.filter((k) => k !== removedKey));
    expect(after[after.length - 1]).toBe("inwoners|Leiden|Italiaans||2023|aantal");
    // Cells written: the one changed figure and the added row (16 cells), nothing more.
    expect(model.cellsWritten - written).toBe(1 + 16);
  });

  it("an analyst's calculated column is no validation problem and stays as it is", async () => {
    const { model, data } = await loadedWorkbook();
    const extra = data.box.column + data.box.columns;
    Object.assign(data.sheet.cell(data.box.row, extra), { value: "Dubbel" });
    for (let r = 1; r < data.box.rows; r++) Object.assign(data.sheet.cell(data.box.row + r, extra), { formula: "=[@Waarde]*2", value: null });
    data.box = { ...data.box, columns: data.box.columns + 1 };
    const { result } = await runLoadData(model, next);
    expect(result.ok).toBe(true);
    const values = tableValues(model, "MonitorData");
    expect(values[0][16]).toBe("Dubbel");
    expect(values.slice(1, -1).every((r) => r[16] === "=[@Waarde]*2")).toBe(true);
    // A new row: the add-in writes nothing there, and Excel fills the calculated column's formula (fake-calculated-columns.ts).
    expect(values[values.length - 1][16]).toBe("=[@Waarde]*2");
  });

  it("a cancel puts back formats and formulas as well as values", async () => {
    const { model, data } = await loadedWorkbook();
    Object.assign(data.sheet.cell(data.box.row + data.box.rows + 1, 0), { value: "Mijn opmerking onder de tabel", bold: true });
    const italiaans = rowOf(data, italiaans2022);
    cellAt(data, italiaans, WAARDE).numberFormat = "#,##0";
    cellAt(data, italiaans, WAARDE).fill = "#FFFF00";
    const changed = structuredClone(next);
    for (const o of changed.observations) if (o.eenheid === "aantal") o.waarde += 1; // many changed rows, written in chunks
    const before = snapshot(model);
    const cancel = new AbortController();
    let syncs = 0;
    const { result } = await runLoadData(model, changed, { syncLimit: 2 * 1024, signal: cancel.signal, onProgress: () => void (++syncs === 4 && cancel.abort()) });
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
    expect(snapshot(model)).toBe(before);
  });

  it("reads a figure typed as a formula by its result, and a cancel puts the formula back", async () => {
    const { model, data } = await loadedWorkbook();
    const italiaans = rowOf(data, italiaans2022);
    // Typed by the analyst; Range.values gives Excel's result, 1253: the edition's own figure.
    Object.assign(cellAt(data, italiaans, WAARDE), { value: null, formula: "=1200+53" });
    const preview = await fakeRun(model, (context) => previewLoad(asExcel(context), next, { previous: new Set(snapshotOf(edition)) }));
    if (!preview.result.ok) throw new Error("the preview failed");
    expect(preview.result.comparison.changed.map((c) => [c.before.groep, c.before.waarde, c.after.waarde])).toContainEqual(["Italiaans", 1253, 1301]);
    const changed = structuredClone(next);
    for (const o of changed.observations) if (o.eenheid === "aantal") o.waarde += 1;
    const before = snapshot(model);
    const cancel = new AbortController();
    let syncs = 0;
    const { result } = await runLoadData(model, changed, { syncLimit: 2 * 1024, signal: cancel.signal, onProgress: () => void (++syncs === 4 && cancel.abort()) });
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
    expect(cellAt(data, italiaans, WAARDE)).toMatchObject({ formula: "=1200+53", value: null });
    expect(snapshot(model)).toBe(before);
  });

  it("an edit the user makes while it writes stops it, and the workbook is put back with that edit", async () => {
    const { model, data } = await loadedWorkbook();
    const changed = structuredClone(next);
    for (const o of changed.observations) if (o.eenheid === "aantal") o.waarde += 1;
    const last = rowOf(data, (r) => r[7] === "aantal" && r[2] === "Leiden" && r[3] === "Overig" && r[5] === "2022");
    let edited = false;
    const { result } = await runLoadData(model, changed, {
      syncLimit: 2 * 1024,
      onProgress: (_f, message) => {
        if (!edited && isMessageOf(message, EXCEL.writingToExcel)) {
          edited = true;
          Object.assign(cellAt(data, last, WAARDE), { value: 7777 }); // typed by the user meanwhile
        }
      },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && problemText(result.problems[0], "nl")).toMatch(/^MonitorData rij \d+ is veranderd terwijl de invoegtoepassing schreef; het schrijven is gestopt en de werkmap is teruggezet zoals hij was, met uw wijziging\. Vergelijk opnieuw\.$/);
    const values = tableValues(model, "MonitorData");
    expect(values.filter((r) => r[7] === "aantal" && r[2] === "Leiden").map((r) => r[WAARDE])).toEqual(
      edition.observations.filter((o) => o.eenheid === "aantal" && o.gebied === "Leiden").map((o) => (o.groep === "Overig" && o.periode === "2022" && o.indicator === "inwoners" ? 7777 : o.waarde)),
    );
    expect(values).toHaveLength(edition.observations.length + 1);
  });

  it("a sync Excel refuses after earlier syncs wrote leaves the workbook as it was, and says so", async () => {
    const { model } = await loadedWorkbook();
    const changed = structuredClone(next);
    for (const o of changed.observations) if (o.eenheid === "aantal") o.waarde += 1;
    const before = snapshot(model);
    const { result, syncs } = await pullRefusedWhileWriting(model, changed, edition, 4);
    expect(syncs).toBeGreaterThan(3);
    expect(!result.ok && problemText(result.problems[0], "nl")).toBe("Excel weigerde een wijziging (Excel: InsertDeleteConflict); de werkmap is teruggezet zoals hij was.");
    expect(snapshot(model)).toBe(before);
  });

  it("an insert refused next to merged cells (InsertDeleteConflict) changes nothing", async () => {
    const { model, data } = await loadedWorkbook();
    data.sheet.merges.push({ row: data.box.row + data.box.rows + 2, column: 13, rows: 1, columns: 6 }); // across the table's right edge
    const before = snapshot(model);
    const { result } = await runLoadData(model, next);
    // The insert for the new row, refused before anything was written: the pane names what under the table stops it.
    expect(!result.ok && problemText(result.problems[0], "nl")).toMatch(/^MonitorData krijgt 1 nieuwe rij, en Excel weigerde er onder de tabel ruimte voor te maken \(Excel: InsertDeleteConflict\)\. .*samengevoegde cellen.*Er is niets veranderd\./);
    expect(snapshot(model)).toBe(before);
  });
});
