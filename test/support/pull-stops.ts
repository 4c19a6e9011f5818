import { MonitorPackage, Observation } from "../../src/data/types";
import { problemText } from "../../src/text/problems";
import { TableModel, WorkbookModel } from "./fake-excel";
import { edition, largePackage, runLoadData } from "./workbooks";

/** For the tests of a pull that stops while it writes: the edition it pulls, and when to stop it. */

/** What the pane says of a pull: "ok", or its problems' texts in `language`. */
export const pullTexts = (result: { ok: boolean; problems?: { message: unknown }[] }, language: "en" | "nl" = "en") => (result.ok ? ["ok"] : (result.problems ?? []).map((p) => problemText(p as never, language)));

/** The sheet row (0-based) of an observation in MonitorData. */
export function sheetRowOf(data: TableModel, o: Observation): number {
  const index = data.sheet.values(data.box).findIndex((r) => r[1] === o.indicator && r[2] === o.gebied && r[3] === o.groep && r[4] === (o.leeftijd ?? "") && r[5] === o.periode);
  if (index < 1) throw new Error(`no row for ${o.gebied} ${o.groep} ${o.periode}`);
  return data.box.row + index;
}

/**
 * The edition as the source next has it: figures changed (the first `changed` rows, +7),
 * dropped (the rows at `dropped`) and added (new rows for made-up areas, after the edition's).
 */
export function editionChanged(base: MonitorPackage, changed: number, dropped: readonly number[], added: number): MonitorPackage {
  const observations = base.observations.flatMap((o, i) => (dropped.includes(i) ? [] : [i < changed ? { ...o, waarde: o.waarde + 7 } : o]));
  return { ...base, observations: [...observations, ...largePackage(edition.observations.length + added).observations.slice(edition.observations.length)] };
}

/** Runs `action` once, at the first sync that has deleted rows (the table has fewer rows than after the new ones went in); `at.rows` says how many the table had then. */
export function onceDeleting(data: TableModel, rowsWithNew: number, action: () => void) {
  const at = { rows: 0 };
  let grown = false;
  const onProgress = () => {
    grown ||= data.box.rows === rowsWithNew;
    if (at.rows || !grown || data.box.rows >= rowsWithNew) return;
    at.rows = data.box.rows;
    action();
  };
  return Object.assign(onProgress, { at });
}

/**
 * Makes Excel refuse, with GeneralException, the first sync after the pull's first deleting one
 * (the fake runs half of a refused batch, see WorkbookModel.refuse); the undo's syncs after it are
 * not refused. `then` runs at that first deleting sync too, to read the workbook as it was then.
 * Give the returned onProgress to the pull; `refused` counts the syncs Excel was asked for from
 * the refused one on (the refused sync and the undo's).
 */
export function refusedAtFirstDelete(model: WorkbookModel, data: TableModel, rowsWithNew: number, then: () => void = () => undefined) {
  const count = { refusing: false, refused: 0 };
  model.refuse = () => (count.refusing && ++count.refused === 1 ? "GeneralException" : null);
  const onProgress = onceDeleting(data, rowsWithNew, () => {
    count.refusing = true;
    then();
  });
  // A getter, not a copy: the count grows while the pull runs.
  return Object.defineProperty(onProgress, "refused", { get: () => count.refused }) as typeof onProgress & { readonly refused: number };
}

/**
 * Reverses the table's body rows as an analyst's sort (Z→A) does between two syncs: each row's
 * cells move with it, formats included, and so do the notes and threaded comments on its cells
 * (the safe reading of a sort, see src/excel/row-notes.ts); the rest of the sheet stays put.
 */
export function sortBodyReversed(data: TableModel): void {
  const { sheet, box } = data;
  const at = (r: number, c: number) => `${box.row + 1 + r},${box.column + c}`;
  const body = box.rows - 1;
  const rows = Array.from({ length: body }, (_, r) => Array.from({ length: box.columns }, (_, c) => sheet.cells.get(at(r, c))));
  rows.reverse().forEach((row, r) => row.forEach((cell, c) => (cell ? sheet.cells.set(at(r, c), cell) : sheet.cells.delete(at(r, c)))));
  for (const onCell of [...sheet.notes, ...sheet.comments]) {
    const r = onCell.row - box.row - 1;
    if (r >= 0 && r < body && onCell.column >= box.column && onCell.column < box.column + box.columns) onCell.row = box.row + 1 + (body - 1 - r);
  }
}

/**
 * Pulls `next` at 150 bytes a sync (each delete a sync of its own), the analyst sorting MonitorData
 * Z→A (sortBodyReversed) at the first deleting sync, so that the next delete finds another row
 * where it deletes. `rowsWithNew`: the table's rows once the new ones are in. Returns the pull's
 * result and the table's rows when the analyst sorted.
 */
export async function sortedWhileDeleting(model: WorkbookModel, data: TableModel, next: MonitorPackage, rowsWithNew: number) {
  const onProgress = onceDeleting(data, rowsWithNew, () => sortBodyReversed(data));
  const { result } = await runLoadData(model, next, { syncLimit: 150, onProgress });
  return { result, rowsAtSort: onProgress.at.rows };
}
