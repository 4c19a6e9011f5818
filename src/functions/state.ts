import { notAvailable } from "../data/errors";
import { MonitorQueries } from "../data/queries";
import { MonitorStore } from "../data/store";
import { Language, MonitorPackage, Problem } from "../data/types";
import { FUNCTIONS } from "../text/functions";
import { AnyMessage, say } from "../text/message";
import { dataChanged, dataUnknown } from "./live";

/**
 * What the functions read. Nothing until the task pane (same page in the shared runtime) has
 * read the workbook: the functions wait instead of answering from another dataset. Then the
 * workbook's own tables, handed over as the store the pane built and validated (one store for
 * pane and functions; the validation of tables stays out of this bundle), or their problems
 * (the functions answer #N/A pointing at the pane), or, for a workbook without monitor tables,
 * the shipped edition, which the pane hands over (its bundle carries the edition anyway; this
 * one stays small), indexed on first use.
 */
type DataState =
  | { kind: "waiting" }
  | { kind: "shipped"; edition: MonitorPackage; queries: MonitorQueries | null }
  | { kind: "workbook"; queries: MonitorQueries }
  | { kind: "invalid"; problems: readonly Problem[] }
  | { kind: "unread"; why: AnyMessage }
  | { kind: "missing"; why: AnyMessage };

let state: DataState = { kind: "waiting" };
let messageLanguage: Language = "nl";

function invalidWorkbookError(problems: readonly Problem[]) {
  return notAvailable(say(FUNCTIONS.invalidWorkbook, { first: problems[0]?.message ?? "", more: Math.max(0, problems.length - 1) }));
}

/** True until the workbook's tables have been read: formulas then get no answer yet. */
export function waiting(): boolean {
  return state.kind === "waiting";
}

export function queries(): MonitorQueries {
  if (state.kind === "waiting") throw new Error("The functions have no data yet.");
  if (state.kind === "invalid") throw invalidWorkbookError(state.problems);
  if (state.kind === "unread") throw notAvailable(say(FUNCTIONS.tablesUnread, { why: state.why }));
  if (state.kind === "missing") throw notAvailable(state.why);
  if (state.kind === "shipped" && state.queries === null) state = { ...state, queries: new MonitorQueries(new MonitorStore(state.edition)) };
  return state.queries as MonitorQueries;
}

function changeTo(next: DataState): void {
  state = next;
  dataChanged();
}

/** The workbook's tables, as the store the pane built and keeps up to date. */
export function useQueries(workbook: MonitorQueries): void {
  changeTo({ kind: "workbook", queries: workbook });
}

/** The workbook's tables were found invalid by the pane: the functions say so instead of answering. */
export function setProblems(problems: readonly Problem[]): void {
  changeTo({ kind: "invalid", problems });
}

/** Excel refused reading the workbook's tables: the functions say so (and point at the pane) until a read succeeds. */
export function tablesUnread(why: AnyMessage): void {
  changeTo({ kind: "unread", why });
}

/** A monitor table the workbook had is gone (`why`, from the pane, names it and says what to do): #N/A with that until it is back. */
export function tableMissing(why: AnyMessage): void {
  changeTo({ kind: "missing", why });
}

/** The workbook has no monitor tables (any more): the shipped edition (validated, from the pane) is the dataset. */
export function resetData(edition: MonitorPackage): void {
  changeTo({ kind: "shipped", edition, queries: null });
}

/** The store the functions read was updated in place (an edit): formulas whose answer changed get it. */
export function storeUpdated(): void {
  if (state.kind === "workbook") dataChanged();
}

/** Back to the state of a freshly opened workbook (for tests). */
export function forgetData(): void {
  state = { kind: "waiting" };
  dataUnknown();
}

export function setMessageLanguage(language: Language): void {
  messageLanguage = language;
  if (state.kind !== "waiting") dataChanged(); // messages are answers too
}

export function getMessageLanguage(): Language {
  return messageLanguage;
}
