import { notAvailable } from "../data/errors";
import { parsePackageTables, PackageTables } from "../data/package";
import { MonitorQueries } from "../data/queries";
import { loadShippedPackage } from "../data/shipped";
import { MonitorStore } from "../data/store";
import { Language, Problem } from "../data/types";

/**
 * What the functions read: the shipped edition, built on first use (so loading functions.js
 * costs nothing), or the workbook's own three tables once the task pane hands them over. When
 * the workbook's tables have problems, the functions answer #N/A pointing at the pane: they
 * never quietly fall back to another dataset than the one the pane and Regenerate use.
 */
type DataState = { kind: "shipped"; queries: MonitorQueries | null } | { kind: "workbook"; queries: MonitorQueries } | { kind: "invalid"; problems: Problem[] };

let state: DataState = { kind: "shipped", queries: null };
let messageLanguage: Language = "nl";

function invalidWorkbookError(problems: Problem[]) {
  const first = problems[0]?.message ?? "";
  const more = problems.length > 1 ? ` (+${problems.length - 1})` : "";
  return notAvailable(
    `De monitortabellen van deze werkmap hebben fouten; zie het taakvenster. ${first}${more}`,
    `The workbook's monitor tables have problems; see the task pane. ${first}${more}`,
  );
}

export function queries(): MonitorQueries {
  if (state.kind === "invalid") throw invalidWorkbookError(state.problems);
  if (state.queries === null) state = { kind: "shipped", queries: new MonitorQueries(new MonitorStore(loadShippedPackage())) };
  return state.queries as MonitorQueries;
}

/**
 * Replaces the data with the workbook's three tables (cells as read from Excel, header row
 * first). Invalid tables make every function answer #N/A naming the first problem, and the
 * problems are returned for the pane, each naming row and column.
 */
export function setData(tables: PackageTables): { ok: true; figures: number } | { ok: false; problems: Problem[] } {
  const result = parsePackageTables(tables);
  if (!result.ok) {
    state = { kind: "invalid", problems: result.problems };
    return result;
  }
  state = { kind: "workbook", queries: new MonitorQueries(new MonitorStore(result.value)) };
  return { ok: true, figures: result.value.observations.length };
}

/** The workbook's tables were found invalid by the pane: the functions say so instead of answering. */
export function setProblems(problems: Problem[]): void {
  state = { kind: "invalid", problems };
}

/** The workbook has no monitor tables (any more): the shipped edition is the dataset. */
export function resetData(): void {
  state = { kind: "shipped", queries: null };
}

export function setMessageLanguage(language: Language): void {
  messageLanguage = language;
}

export function getMessageLanguage(): Language {
  return messageLanguage;
}
