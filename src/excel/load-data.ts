import { INDICATOR_COLUMNS, OBSERVATION_COLUMNS, SOURCE_COLUMNS, tableCells } from "../data/columns";
import { PackageTables } from "../data/package";
import { MonitorPackage, Problem } from "../data/types";
import { DataSheetOutcome, queueDataSheet, readWorkbookData, WorkbookData } from "./data-sheet";
import { inspectWorkbook } from "./inspect";

export type LoadDataResult = { ok: true; outcome: DataSheetOutcome; tables: PackageTables } | { ok: false; problems: Problem[] };

/** A package as the three tables' cells, the form the functions take it in. */
export function packageTables(pkg: MonitorPackage): PackageTables {
  return {
    observations: tableCells(OBSERVATION_COLUMNS, pkg.observations),
    indicators: tableCells(INDICATOR_COLUMNS, pkg.indicators),
    sources: tableCells(SOURCE_COLUMNS, pkg.sources),
  };
}

/**
 * "Load data": writes the monitor tables into the Data sheet, or refreshes them in place,
 * keeping what the analyst added or changed. A malformed MonitorData changes nothing and is
 * reported with row and column. Four syncs at most: three to read, one to write.
 */
export async function loadData(context: Excel.RequestContext, edition: MonitorPackage): Promise<LoadDataResult> {
  const state = await inspectWorkbook(context, { marks: true, content: true });
  const found = readWorkbookData(state, edition);
  if (found.kind === "invalid") return { ok: false, problems: found.problems };
  context.application.suspendApiCalculationUntilNextSync();
  const outcome = queueDataSheet(context, state, edition, found.kind === "found" ? found.package : null);
  await context.sync();
  const merged = outcome.merge ? outcome.merge.merged : edition;
  return { ok: true, outcome, tables: packageTables(merged) };
}

/**
 * The workbook's own figures, read without writing anything (two syncs): what the functions
 * should use when a workbook with MonitorData is opened or its table is edited.
 */
export async function readWorkbookFigures(context: Excel.RequestContext, edition: MonitorPackage): Promise<WorkbookData> {
  const state = await inspectWorkbook(context, { marks: false, content: false });
  return readWorkbookData(state, edition);
}

/** After the functions have the workbook's data: recalculate every MONITOR formula. */
export async function recalculate(context: Excel.RequestContext): Promise<void> {
  context.workbook.application.calculate("Full");
  await context.sync();
}
