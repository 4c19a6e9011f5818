import { problemText } from "../../src/text/problems";
import { AnyMessage } from "../../src/text/message";
import { TableModel, WorkbookModel } from "../support/fake-excel";
import { edition, loadedWorkbook, runLoadData, snapshot } from "../support/workbooks";
import { editionChanged, onceDeleting, refusedAtFirstDelete, sortBodyReversed, sortedWhileDeleting } from "../support/pull-stops";

/**
 * A cancelled or refused pull puts back everything the analyst gave the rows it changed,
 * deleted or added: number formats, fill and font, borders, hyperlinks, notes and cell styles,
 * also after they sorted MonitorData, and with more rows than one write's chunk. Each case states
 * the workbook before and after on the Excel fake: the whole workbook where nothing moved, and
 * every row by its key (its cells with their formats, and its notes) where the analyst sorted.
 */
const WAARDE = 6;
const keyOf = (r: readonly unknown[]) => [r[1], r[2], r[3], r[4], r[5], r[7]].join("|");
const texts = (result: { ok: boolean; problems?: { message: AnyMessage }[] }) => (result.ok ? ["ok"] : (result.problems ?? []).map((p) => problemText(p as never, "en")));

/** The analyst's own number formats, fills, fonts, borders, links, styles and notes on every `every`-th body row from `from`, different row to row. */
function decorate(data: TableModel, every = 1, from = 0): void {
  const fills = ["#FFFF00", "#C6EFCE", "#FFC7CE", "#DDEBF7", "#FCE4D6"];
  for (let r = from; r < data.box.rows - 1; r += every) {
    const [row, k] = [data.box.row + 1 + r, (r - from) / every];
    const cell = (c: number) => data.sheet.cell(row, data.box.column + c);
    Object.assign(cell(WAARDE), { fill: fills[k % fills.length], numberFormat: k % 2 ? "#,##0" : "0.0", ...(k % 3 === 0 ? { bold: true } : { italic: true }) });
    Object.assign(cell(3), { borders: { bottom: "Continuous" }, horizontalAlignment: "Center", fontName: "Arial" });
    if (k % 3 === 0) Object.assign(cell(2), { hyperlink: { address: `https://example.org/wijk/${r}`, textToDisplay: String(cell(2).value) } });
    if (k % 4 === 0) cell(1).style = "Good";
    if (k % 2 === 0) data.sheet.notes.push({ row, column: data.box.column + (k % 4 === 0 ? WAARDE : 0), text: `Nagevraagd, rij ${r}` });
  }
}

/** Every body row by its key: its cells with their formats, and its notes (column in the table, text). Order-free: a sort changes none of it. */
function rowsByKey(data: TableModel): Record<string, unknown> {
  const { sheet, box } = data;
  const rows: Record<string, unknown> = {};
  for (let r = box.row + 1; r < box.row + box.rows; r++) {
    const cells = Array.from({ length: box.columns }, (_, c) => sheet.cells.get(`${r},${box.column + c}`) ?? null);
    const notes = sheet.notes.filter((n) => n.row === r && n.column >= box.column && n.column < box.column + box.columns).map((n) => [n.column - box.column, n.text]);
    rows[keyOf(cells.map((cell) => cell?.value ?? null))] = structuredClone({ cells, notes });
  }
  return rows;
}

/**
 * The workbook's state, to compare whole: cells with their formats (a format's place among a
 * cell's own does not matter), and each sheet's notes in the order of their cells (the order of
 * a NoteCollection is not documented; a note put back is the last one added).
 */
function state(model: WorkbookModel | string): unknown {
  const parts = JSON.parse(typeof model === "string" ? model : snapshot(model)) as { notes?: { row: number; column: number }[] }[];
  for (const part of parts) part.notes?.sort((a, b) => a.row - b.row || a.column - b.column);
  return parts;
}

describe("a pull that stops puts back the formats, links, notes and styles of every row it changed, deleted or added", () => {
  // Ten figures changed, three dropped far apart, five added; at 150 bytes a sync each delete is a sync of its own.
  const dropped = [20, 50, 90];
  const next = editionChanged(edition, 10, dropped, 5);

  it("cancelled after its first deleting sync, in a MonitorData the analyst sorted: the workbook is exactly as before", async () => {
    const { model, data } = await loadedWorkbook();
    decorate(data);
    sortBodyReversed(data);
    const before = snapshot(model);
    const rowsWithNew = data.box.rows + 5;
    const cancel = new AbortController();
    const onProgress = onceDeleting(data, rowsWithNew, () => cancel.abort());
    const { result } = await runLoadData(model, next, { syncLimit: 150, signal: cancel.signal, onProgress });
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
    expect(onProgress.at.rows).toBe(rowsWithNew - 1); // one row deleted, two to go
    expect(data.sheet.notes.length).toBeGreaterThan(0);
    expect(state(model)).toEqual(state(before));
  });

  it("refused by Excel while deleting (part of the batch ran): the workbook is exactly as before", async () => {
    const { model, data } = await loadedWorkbook();
    decorate(data);
    const before = snapshot(model);
    const rowsWithNew = data.box.rows + 5;
    // The sync after the first deleting one is refused (after half its batch ran); the undo's are not.
    const onProgress = refusedAtFirstDelete(model, data, rowsWithNew);
    const { result } = await runLoadData(model, next, { syncLimit: 150, onProgress });
    model.refuse = null;
    expect(onProgress.at.rows).toBe(rowsWithNew - 1);
    expect(onProgress.refused).toBeGreaterThan(1); // the refused sync came, and the undo's after it
    expect(texts(result)).toEqual(["Excel refused a change (Excel: GeneralException); the workbook was put back as it was."]);
    expect(state(model)).toEqual(state(before));
  });

  it("the analyst sorts after the first deleting sync, so the next deletes another row: the pull stops, and every row is back by its key, with its formats, link, style and notes", async () => {
    const { model, data } = await loadedWorkbook();
    decorate(data);
    const before = rowsByKey(data);
    const [rowsBefore, notesBefore] = [data.box.rows, data.sheet.notes.length];
    const { result, rowsAtSort } = await sortedWhileDeleting(model, data, next, rowsBefore + 5);
    expect(rowsAtSort).toBe(rowsBefore + 5 - 1);
    expect(texts(result)).toEqual([expect.stringMatching(/^MonitorData row \d+ changed while the add-in was writing; writing stopped and the workbook was put back as it was, with your change\. Compare again\.$/)]);
    expect(data.box.rows).toBe(rowsBefore);
    expect(Object.keys(before)).toHaveLength(rowsBefore - 1); // every key once
    expect(rowsByKey(data)).toEqual(before);
    expect(data.sheet.notes.length).toBe(notesBefore);
  });
});

describe("a pull of more rows than one write's chunk (some 8,000 rows at Excel's 4 MB), stopped between two chunks", () => {
  // 8,500 new rows, ten changed and three dropped: the new rows go in two chunks or more at the add-in's own limit.
  const next = editionChanged(edition, 10, [20, 50, 90], 8_500);

  /** Runs `action` once, at the first sync after new rows were written (a new area's name is in the table). */
  function onceWritten(data: TableModel, action: () => void) {
    let done = false;
    return () => {
      if (done || !data.sheet.values(data.box).some((row) => String(row[2]).startsWith("Testwijk"))) return;
      done = true;
      action();
    };
  }

  it("cancelled after the first chunk of new rows: the workbook is exactly as before, formats, links, notes and styles", async () => {
    const { model, data } = await loadedWorkbook();
    decorate(data);
    const before = snapshot(model);
    const cancel = new AbortController();
    let writtenAtCancel = 0;
    const onProgress = onceWritten(data, () => ((writtenAtCancel = data.sheet.values(data.box).filter((row) => String(row[2]).startsWith("Testwijk")).length), cancel.abort()));
    const { result } = await runLoadData(model, next, { signal: cancel.signal, onProgress });
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
    expect(writtenAtCancel).toBeGreaterThan(1_000); // a chunk went in, and another was to come
    expect(writtenAtCancel).toBeLessThan(8_500);
    expect(state(model)).toEqual(state(before));
  }, 600_000);

  it("the analyst sorts after the first chunk of new rows: the next chunk sees their rows where it writes, the pull stops, and every row is back by its key, with its formats, link, style and notes", async () => {
    const { model, data } = await loadedWorkbook();
    decorate(data);
    const before = rowsByKey(data);
    const [rowsBefore, notesBefore] = [data.box.rows, data.sheet.notes.length];
    const { result } = await runLoadData(model, next, { onProgress: onceWritten(data, () => sortBodyReversed(data)) });
    expect(texts(result)).toEqual([expect.stringMatching(/^MonitorData row \d+ changed while the add-in was writing; writing stopped and the workbook was put back as it was, with your change\. Compare again\.$/)]);
    expect(data.box.rows).toBe(rowsBefore);
    expect(rowsByKey(data)).toEqual(before);
    expect(data.sheet.notes.length).toBe(notesBefore);
  }, 600_000);
});
