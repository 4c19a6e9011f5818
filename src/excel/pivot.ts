import { TABLE_NAMES } from "../data/package";
import { Language, MonitorPackage, Problem } from "../data/types";
import { PIVOT_NAME, PIVOT_SHEET_KEY, planPivot } from "../report/pivot-plan";
import { freeSheetName } from "../report/sheet-names";
import { queueReadMark, queueWriteMark } from "./marks";
import { literal } from "./write";
import { EXCEL } from "../text/excel";
import { AnyMessage, say } from "../text/message";

/**
 * The ready PivotTable on MonitorData (plan: report/pivot-plan.ts), on a sheet of its own that
 * carries the add-in's mark. Its source is the table itself, not a range, so that a refresh
 * takes in the rows a pull added or removed (office-js-snippets, pivottable-refresh.yaml);
 * PivotTables do not refresh by themselves, so a pull refreshes it (refreshMonitorPivot) and
 * `refreshOnOpen` (ExcelApi 1.13) has Excel refresh it whenever the workbook opens. A
 * PivotTable that exists already is refreshed and otherwise left as the user arranged it.
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

  const sheet = context.workbook.worksheets.add(name);
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
  pivot.refreshOnOpen = true;
  for (const filter of plan.filters) {
    if (filter.selected !== null) pivot.hierarchies.getItem(filter.field).fields.getItem(filter.field).applyFilter({ manualFilter: { selectedItems: [filter.selected] } });
  }
  sheet.activate();
  await context.sync();
  const notes = [clash ? say(EXCEL.pivotClash, { theirs: plan.sheetName, ours: name }) : null, earlier.length ? say(EXCEL.earlierPivotSheetKept, { sheets: earlier }) : null];
  return { ok: true, sheetName: name, status: "created", notes: notes.filter((n): n is AnyMessage => n !== null) };
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
