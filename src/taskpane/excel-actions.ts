import { MonitorPackage, Language } from "../data/types";
import { TABLE_NAMES } from "../data/package";
import { WorkbookData } from "../excel/data-sheet";
import { loadData, LoadDataResult, packageTables, readWorkbookFigures, recalculate } from "../excel/load-data";
import { regenerate, RegenerateResult } from "../excel/regenerate";
import type { LeidenMonitorFunctionsApi } from "../functions/functions";

/** The custom functions of the shared runtime (same page), when they are loaded. */
function functionsApi(): LeidenMonitorFunctionsApi | undefined {
  return (globalThis as unknown as { LeidenMonitorFunctions?: LeidenMonitorFunctionsApi }).LeidenMonitorFunctions;
}

/**
 * Points the MONITOR functions at the workbook's three tables (or at its problems, so they
 * answer #N/A instead of another dataset's figures), then recalculates them.
 */
export async function useWorkbookFigures(found: WorkbookData): Promise<void> {
  const api = functionsApi();
  if (!api) return;
  if (found.kind === "found") api.setData(packageTables(found.package));
  else if (found.kind === "invalid") api.setProblems(found.problems);
  else api.resetData();
  await Excel.run((context) => recalculate(context));
}

export function setFunctionsLanguage(language: Language): void {
  functionsApi()?.setMessageLanguage(language);
}

/**
 * Makes the functions use the workbook's MonitorData as it is now (on opening the workbook and
 * after an edit of the table). Returns what was found, for the pane to show.
 */
export async function useWorkbookData(edition: MonitorPackage): Promise<WorkbookData> {
  const found = await Excel.run((context) => readWorkbookFigures(context, edition));
  await useWorkbookFigures(found);
  return found;
}

let watching = false;

/**
 * Re-reads the workbook's monitor tables shortly after the user edits any of the three, so that
 * formulas return the corrected figures, labels and citations.
 */
export async function watchMonitorData(onChanged: () => void): Promise<void> {
  if (watching) return;
  await Excel.run(async (context) => {
    const tables = Object.values(TABLE_NAMES).map((name) => context.workbook.tables.getItemOrNullObject(name).load("name"));
    await context.sync();
    const present = tables.filter((table) => !table.isNullObject);
    if (present.length === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changed = async () => {
      clearTimeout(timer);
      timer = setTimeout(onChanged, 800); // one refresh after a burst of edits
    };
    for (const table of present) table.onChanged.add(changed);
    await context.sync();
    watching = true;
  });
}

export async function runLoadData(edition: MonitorPackage): Promise<LoadDataResult> {
  const result = await Excel.run((context) => loadData(context, edition));
  if (result.ok) await useWorkbookFigures({ kind: "found", package: result.outcome.merge ? result.outcome.merge.merged : edition });
  return result;
}

export async function runRegenerate(edition: MonitorPackage, language: Language, onProgress: (fraction: number, message: string) => void): Promise<RegenerateResult> {
  const repaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  return Excel.run((context) => regenerate(context, { edition, language, onProgress, yieldToUi: repaint }));
}

/** Puts a formula in the top-left cell of the selection; returns that cell's address. */
export async function insertFormula(formula: string): Promise<string> {
  return Excel.run(async (context) => {
    const cell = context.workbook.getSelectedRange().getCell(0, 0);
    cell.formulas = [[formula]];
    cell.load("address");
    await context.sync();
    return cell.address;
  });
}
