/**
 * Entry of dist/functions.js. It runs in Excel's custom functions runtime (or the shared
 * runtime of the task pane) and must also load where only `CustomFunctions.associate` and
 * `Office.onReady` exist: no DOM, no network, no work at load beyond registering.
 */
import { toExcelError } from "./excel-errors";
import { FUNCTION_IDS, FunctionId } from "./ids";
import { Formula, Invocation, liveCount, subscribe } from "./live";
import { IMPLEMENTATIONS } from "./monitor";
import { forgetData, getMessageLanguage, resetData, setMessageLanguage, setProblems, storeUpdated, tableMissing, tablesUnread, useQueries } from "./state";
import { Language } from "../data/types";

/**
 * A streaming function as Excel calls it: the declared arguments, then the invocation. Its
 * answers are pushed with `setResult` (see live.ts); a failure is an Excel error with a message.
 */
function streaming(implementation: (lang: Language, ...args: unknown[]) => unknown, lang: Language) {
  const formula: Formula = {
    answer: (args) => implementation(lang, ...args),
    error: (thrown) => toExcelError(thrown, getMessageLanguage()),
  };
  return (...args: unknown[]) => {
    const invocation = args.pop() as Invocation;
    subscribe(formula, args, invocation);
  };
}

// Outside a custom functions runtime (the pane's preview in a plain browser) there is nothing to register with.
if (typeof CustomFunctions !== "undefined") {
  for (const [englishId, dutchId] of Object.entries(FUNCTION_IDS)) {
    const implementation = IMPLEMENTATIONS[englishId as FunctionId];
    CustomFunctions.associate(englishId, streaming(implementation, "en"));
    if (dutchId !== englishId) CustomFunctions.associate(dutchId, streaming(implementation, "nl"));
  }
}

/** The task pane (same page in the shared runtime) points the functions at the workbook's data. */
const api = { useQueries, storeUpdated, setProblems, tablesUnread, tableMissing, resetData, forgetData, setMessageLanguage, liveCount };
(globalThis as unknown as { LeidenMonitorFunctions: typeof api }).LeidenMonitorFunctions = api;
export type LeidenMonitorFunctionsApi = typeof api;

// Messages follow Excel's display language: Dutch unless Excel runs in English.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady(() => {
    const display = typeof Office.context !== "undefined" ? Office.context.displayLanguage : undefined;
    if (typeof display === "string" && display.toLowerCase().startsWith("en")) setMessageLanguage("en");
  });
}
