import { TABLE_NAMES } from "../data/package";
import { Language, MonitorPackage, Problem } from "../data/types";
import { PIVOT_NAME, PIVOT_SHEET_KEY, planPivot } from "../report/pivot-plan";
import { freeSheetName } from "../report/sheet-names";
import { queueReadMark, queueWriteMark } from "./marks";
import { literal } from "./write";
import { isRefusal, refusal } from "./batch";
import { canRefreshOnOpen } from "./optional-apis";
import { EXCEL } from "../text/excel";
import { AnyMessage, say } from "../text/message";

/**
 * The ready PivotTable on MonitorData (plan: report/pivot-plan.ts), on a sheet of its own that
 * carries the add-in's mark. Its source is the table itself, not a range, so that a refresh
 * takes in the rows a pull added or removed (office-js-snippets, pivottable-refresh.yaml);
 * PivotTables do not refresh by themselves, so a pull refreshes it (refreshMonitorPivot) and
 * `refreshOnOpen` (ExcelApi 1.13) has Excel refresh it whenever the workbook opens. A
 * PivotTable that exists already is refreshed and otherwise left as the user arranged it.
 * A step Excel refuses while making it leaves the workbook as it was (removeBegun), or the pane
 * says exactly which sheet is left.
 */

/** `notes`: what the user should know (a clash with their sheet, an earlier sheet kept), as messages. */
export type PivotResult = { ok: true; sheetName: string; status: "created" | "refreshed"; notes: AnyMessage[] } | { ok: false; problems: Problem[] };

/** Where the PivotTable starts: below the two lines of text, with a blank row between. */
const FIRST_ROW = 3;

export async function buildPivot(context: Excel.RequestContext, pkg: MonitorPackage, language: Language): Promise<PivotResult> {
  const plan = planPivot(pkg, language);
  const sheets = context.workbook.worksheets.load("items/name");
  const table = context.workbook.tables.getItemOrNullObject(TABLE_NAMES.observations).load("name");
  const existing = context.workbook.pivotTables.getItemOrNullObject(PIVOT_NAME).load("name");
  await context.sync();
  if (table.isNullObject) {
    const message = say(EXCEL.noTableForPivot, { table: TABLE_NAMES.observations });
    return { ok: false, problems: [{ table: TABLE_NAMES.observations, row: null, column: null, message }] };
  }
  if (!existing.isNullObject) {
    const sheetOfExisting = existing.worksheet.load("name");
    existing.refresh();
    await context.sync();
    return { ok: true, sheetName: sheetOfExisting.name, status: "refreshed", notes: [] };
  }

  const marks = sheets.items.map((sheet) => queueReadMark(sheet));
  await context.sync();
  const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
  // A sheet of ours whose PivotTable is gone holds whatever the user kept there: it stays, and the new one gets a free name.
  const name = freeSheetName(plan.sheetName, taken);
  if (name === null) {
    const message = say(EXCEL.noFreeSheetName, { theirs: plan.sheetName });
    return { ok: false, problems: [{ table: TABLE_NAMES.observations, row: null, column: null, message }] };
  }
  const clash = name !== plan.sheetName;
  const earlier = sheets.items.filter((_, i) => marks[i]()?.key === PIVOT_SHEET_KEY).map((s) => s.name);

  // The sheet alone first, in a sync of its own, so that its id is known before anything goes on
  // it: a step refused later can then delete exactly this sheet.
  const sheet = context.workbook.worksheets.add(name);
  sheet.load("id");
  try {
    await context.sync();
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return removeBegun(context, { name }, error);
  }
  const sheetId = sheet.id;

  // Everything else in one batch. Excel runs it in order and stops at the first step it refuses,
  // leaving the steps before it done (OfficeExtension.Error reference: "All other commands after
  // the failed command in the batch are not executed"): a filter item MonitorData lacks would
  // leave a marked sheet with texts and a bare PivotTable, so a refusal deletes the sheet again.
  queueWriteMark(sheet, { key: PIVOT_SHEET_KEY, id: null, name, print: null });
  plan.texts.forEach((text, row) => {
    const cell = sheet.getRangeByIndexes(row, 0, 1, 1);
    cell.values = [[literal(text)]];
    if (row === 0) cell.format.font.bold = true;
  });
  const pivot = sheet.pivotTables.add(plan.name, context.workbook.tables.getItem(plan.source), sheet.getRangeByIndexes(FIRST_ROW, 0, 1, 1));
  for (const filter of plan.filters) pivot.filterHierarchies.add(pivot.hierarchies.getItem(filter.field));
  for (const field of plan.rows) pivot.rowHierarchies.add(pivot.hierarchies.getItem(field));
  for (const field of plan.columns) pivot.columnHierarchies.add(pivot.hierarchies.getItem(field));
  const value = pivot.dataHierarchies.add(pivot.hierarchies.getItem(plan.value.field));
  value.summarizeBy = "Sum";
  value.numberFormat = plan.value.numberFormat;
  // A grand total over groups or years adds parts to their wholes, or one year to the next.
  pivot.layout.showRowGrandTotals = false;
  pivot.layout.showColumnGrandTotals = false;
  const refreshedOnOpen = canRefreshOnOpen();
  if (refreshedOnOpen) pivot.refreshOnOpen = true;
  for (const filter of plan.filters) {
    if (filter.selected !== null) pivot.hierarchies.getItem(filter.field).fields.getItem(filter.field).applyFilter({ manualFilter: { selectedItems: [filter.selected] } });
  }
  sheet.activate();
  try {
    await context.sync();
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return removeBegun(context, { id: sheetId, name }, error);
  }
  const notes = [
    clash ? say(EXCEL.pivotClash, { theirs: plan.sheetName, ours: name }) : null,
    earlier.length ? say(EXCEL.earlierPivotSheetKept, { sheets: earlier }) : null,
    refreshedOnOpen ? null : say(EXCEL.pivotRefreshByHand),
  ];
  return { ok: true, sheetName: name, status: "created", notes: notes.filter((n): n is AnyMessage => n !== null) };
}

const pivotProblem = (message: AnyMessage): PivotResult => ({ ok: false, problems: [{ table: TABLE_NAMES.observations, row: null, column: null, message }] });

/**
 * After Excel refused a step of making the PivotTable: the sheet begun for it is deleted, in a
 * sync of its own, and only that sheet; when the delete is refused too, what is left is read and
 * said. By its id once known. When the sheet's own sync was refused, Excel may not have added it:
 * not on ItemAlreadyExists (a sheet of that name made meanwhile, the user's); otherwise a refused
 * request's first steps may have run, so a sheet of that name (free when the add-in looked) is
 * taken for the one it added only while it holds nothing at all, since anything on it would be
 * the user's.
 */
async function removeBegun(context: Excel.RequestContext, begun: { id?: string; name: string }, error: Error & { code: string }): Promise<PivotResult> {
  const sheets = context.workbook.worksheets;
  const refused = refusal(error);
  try {
    if (begun.id === undefined) {
      if (error.code === "ItemAlreadyExists") return pivotProblem(say(EXCEL.pivotRefused, { refusal: refused, begun: false }));
      const added = sheets.getItemOrNullObject(begun.name).load("name");
      const used = added.getUsedRangeOrNullObject(false).load("address");
      await context.sync();
      if (added.isNullObject || !used.isNullObject) return pivotProblem(say(EXCEL.pivotRefused, { refusal: refused, begun: false }));
      added.delete();
    } else {
      sheets.getItem(begun.id).delete();
    }
    await context.sync();
    return pivotProblem(say(EXCEL.pivotRefused, { refusal: refused, begun: true }));
  } catch (deleteError) {
    if (!isRefusal(deleteError)) throw deleteError;
  }
  // The delete was refused: what is there now (the PivotTable's name was free before).
  try {
    const left = (begun.id === undefined ? sheets.getItemOrNullObject(begun.name) : sheets.getItemOrNullObject(begun.id)).load("name");
    const pivot = context.workbook.pivotTables.getItemOrNullObject(PIVOT_NAME).load("name");
    await context.sync();
    if (left.isNullObject) return pivotProblem(say(EXCEL.pivotRefused, { refusal: refused, begun: true }));
    return pivotProblem(say(EXCEL.pivotRefusedSheetLeft, { refusal: refused, sheet: left.name, certain: true, pivot: !pivot.isNullObject }));
  } catch (readError) {
    if (!isRefusal(readError)) throw readError;
    return pivotProblem(say(EXCEL.pivotRefusedSheetLeft, { refusal: refused, sheet: begun.name, certain: false, pivot: false }));
  }
}

/**
 * After a pull, the add-in's PivotTable (if there is one) reads MonitorData again. The look-up
 * is queued to ride the caller's next sync; the refresh costs one sync, only when it exists.
 */
export function queueFindMonitorPivot(context: Excel.RequestContext): { refresh: () => Promise<boolean> } {
  const pivot = context.workbook.pivotTables.getItemOrNullObject(PIVOT_NAME).load("name");
  return {
    refresh: async () => {
      // Read after the caller's sync.
      if (pivot.isNullObject) return false;
      pivot.refresh();
      await context.sync();
      return true;
    },
  };
}
