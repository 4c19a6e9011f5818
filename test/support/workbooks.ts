import { snapshotOf } from "../../src/data/compare";
import { loadData, LoadOptions } from "../../src/excel/load-data";
import { MARK_KEY } from "../../src/excel/marks";
import { regenerate, RegenerateOptions } from "../../src/excel/regenerate";
import { inspectWorkbook } from "../../src/excel/inspect";
import { untouched } from "../../src/excel/ownership";
import { MonitorPackage } from "../../src/data/types";
import { decodeMark, SheetMark } from "../../src/report/mark";
import { EXCEL } from "../../src/text/excel";
import { AnyMessage, isMessageOf } from "../../src/text/message";
import { FakeContext, fakeRun, SheetModel, TableModel, WorkbookModel } from "./fake-excel";
import { shippedPackage } from "./fixtures";

/** Workbooks and actions on the Excel fake, shared by the Office.js tests. */
export const edition = shippedPackage();
export const asExcel = (context: FakeContext) => context as unknown as Excel.RequestContext;

/** A workbook as a user has it: one sheet of their own with a figure and a formula. */
export function userWorkbook(): WorkbookModel {
  const model = new WorkbookModel();
  const sheet = model.addSheet("Mijn analyse");
  Object.assign(sheet.cell(0, 0), { value: "Eigen notitie" });
  Object.assign(sheet.cell(1, 1), { value: 42 });
  Object.assign(sheet.cell(2, 1), { formula: "=B2*2" });
  return model;
}

/** Regenerate on the fake; `options` adds to the usual ones (an onProgress or yieldToUi through which a test acts between syncs). */
export async function runRegenerate(model: WorkbookModel, pkg: MonitorPackage = edition, today = "2026-11-25", options: Partial<RegenerateOptions> = {}) {
  return fakeRun(model, (context) => regenerate(asExcel(context), { edition: pkg, language: "nl", today: () => today, ...options }));
}

/** Load data with `pkg`; by default the workbook was last loaded from the shipped edition. */
export async function runLoadData(model: WorkbookModel, pkg: MonitorPackage = edition, options: Partial<LoadOptions> = {}) {
  return fakeRun(model, (context) => loadData(asExcel(context), pkg, { previous: new Set(snapshotOf(edition)), ...options }));
}

/** An onProgress that calls `action` once, at the n-th sync of a load's write (the progress step "writing to Excel"): the analyst acting between two syncs. */
export function atWritingSync(n: number, action: () => void) {
  let syncs = 0;
  return (_fraction: number, message: AnyMessage) => {
    if (isMessageOf(message, EXCEL.writingToExcel) && ++syncs === n) action();
  };
}

export const markOf = (sheet: SheetModel): SheetMark | null => decodeMark(sheet.customProperties.get(MARK_KEY));
/** The key of a sheet's mark, or null. */
export const markKey = (sheet: SheetModel) => markOf(sheet)?.key ?? null;

export const sheetNamed = (model: WorkbookModel, name: string) => {
  const sheet = model.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}; there are ${model.sheets.map((s) => s.name).join(", ")}`);
  return sheet;
};
export const tableNamed = (model: WorkbookModel, name: string) => model.tables.find((t) => t.name === name);
export const tableValues = (model: WorkbookModel, name: string) => {
  const table = tableNamed(model, name);
  if (!table) throw new Error(`no table ${name}`);
  return table.sheet.values(table.box);
};

/** The user's workbook after a first load of the edition, with its MonitorData table. */
export async function loadedWorkbook(): Promise<{ model: WorkbookModel; data: TableModel }> {
  const model = userWorkbook();
  await runLoadData(model);
  const data = tableNamed(model, "MonitorData");
  if (!data) throw new Error("no MonitorData");
  return { model, data };
}

/** Reverses the table's body rows, as an analyst's sort (Z→A) leaves them: each row's cells, formats included, move with it. */
export function sortDescending(data: TableModel): void {
  const at = (r: number, c: number) => `${data.box.row + 1 + r},${data.box.column + c}`;
  const rows = Array.from({ length: data.box.rows - 1 }, (_, r) => Array.from({ length: data.box.columns }, (_, c) => data.sheet.cells.get(at(r, c))));
  rows.reverse().forEach((row, r) => row.forEach((cell, c) => (cell ? data.sheet.cells.set(at(r, c), cell) : data.sheet.cells.delete(at(r, c)))));
}

/** Everything in a workbook, for comparing it before and after. */
export const snapshot = (model: WorkbookModel) =>
  JSON.stringify(
    model.sheets
      .map((s) => ({ name: s.name, props: [...s.customProperties], ...sheetState(s) }))
      .concat(model.tables.map((t) => ({ ...t, sheet: t.sheet.name })) as never[])
      .concat([{ names: model.names.map((n) => ({ ...n, sheet: n.sheet?.name ?? null })) }] as never[]),
  );

/** Everything on a sheet but its name and custom properties: cells with their formats, charts, sizes, panes, notes… */
export const sheetState = (s: SheetModel) => ({
  cells: [...s.cells].sort(),
  charts: s.charts,
  frozen: [s.frozenRows, s.frozenColumns],
  widths: [...s.columnWidths].sort(),
  heights: [...s.rowHeights].sort(),
  merges: s.merges,
  notes: s.notes,
  comments: s.comments,
  conditionalFormats: s.conditionalFormats,
  dataValidations: s.dataValidations,
  shapes: s.shapes,
  hidden: [[...s.hiddenColumns].sort(), [...s.hiddenRows].sort()],
  settings: s.settings,
});

/** What Excel does on closing and reopening a workbook: every sheet gets a new id. */
export function reopen(model: WorkbookModel): void {
  model.sheets.forEach((sheet, i) => Object.assign(sheet, { id: `{reopened-${i}-${Math.random().toString(16).slice(2)}}` }));
}

/** The edition grown to about `rows` figures: its observations repeated for made-up areas (synthetic, for size only). */
export function largePackage(rows: number): MonitorPackage {
  const observations = [...edition.observations];
  for (let i = 1; observations.length < rows; i++) for (const o of edition.observations) if (observations.length < rows) observations.push({ ...o, gebied: `Testwijk ${i} ${o.gebied}` });
  return { ...edition, observations };
}

/**
 * The user's workbook after a first Regenerate: the add-in's sheets beside "Mijn analyse".
 * `excelApi`: the ExcelApi version of the Excel it was made in (see WorkbookModel.excelApi).
 */
export async function generatedWorkbook(options: { excelApi?: string } = {}): Promise<WorkbookModel> {
  const model = userWorkbook();
  if (options.excelApi) model.excelApi = options.excelApi;
  await runRegenerate(model);
  return model;
}

/** Duits moves up the ranking in MonitorData: Nationaliteiten gets a new layout (Italiaans leaves row 6). */
export function duitsMovesUp(model: WorkbookModel): void {
  const table = tableNamed(model, "MonitorData");
  if (!table) throw new Error("no MonitorData");
  const r = table.sheet.values(table.box).findIndex((row) => row[1] === "inwoners" && row[2] === "Leiden" && row[3] === "Duits" && row[5] === "2022" && row[4] === "");
  Object.assign(table.sheet.cell(table.box.row + r, table.box.column + 6), { value: 1300, formula: null });
}

/** Regenerate's result (on `today`), which must be a success. */
export async function regenerated(model: WorkbookModel, today?: string) {
  const { result } = await runRegenerate(model, undefined, today);
  if (!result.ok) throw new Error("regenerate failed");
  return result;
}

/**
 * What Regenerate's first look at the workbook decides of the marked sheet `name` (ownership's
 * untouched): "proven" exactly as the add-in wrote it, "content" only, or null: the user's.
 */
export async function ownershipOf(model: WorkbookModel, name: string): Promise<"proven" | "content" | null> {
  const { result } = await fakeRun(model, (context) => inspectWorkbook(asExcel(context), { marks: true, content: true }));
  const state = result.sheets.find((s) => s.name === name);
  if (!state) throw new Error(`no sheet ${name}`);
  return untouched(state, result.names);
}
