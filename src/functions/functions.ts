/**
 * Entry of dist/functions.js. It runs in Excel's custom functions runtime (or the shared
 * runtime of the task pane) and must also load where only `CustomFunctions.associate` and
 * `Office.onReady` exist: no DOM, no network, no work at load beyond registering.
 */
import { guard } from "./excel-errors";
import { FUNCTION_IDS, FunctionId } from "./ids";
import { IMPLEMENTATIONS } from "./monitor";
import { getMessageLanguage, resetData, setData, setMessageLanguage, setProblems } from "./state";

// Outside a custom functions runtime (the pane's preview in a plain browser) there is nothing to register with.
if (typeof CustomFunctions !== "undefined") {
  for (const [englishId, dutchId] of Object.entries(FUNCTION_IDS)) {
    const implementation = IMPLEMENTATIONS[englishId as FunctionId];
    CustomFunctions.associate(englishId, guard((...args: unknown[]) => implementation("en", ...args), getMessageLanguage));
    if (dutchId !== englishId) CustomFunctions.associate(dutchId, guard((...args: unknown[]) => implementation("nl", ...args), getMessageLanguage));
  }
}

/** The task pane (same page in the shared runtime) points the functions at the workbook's data. */
const api = { setData, setProblems, resetData, setMessageLanguage };
(globalThis as unknown as { LeidenMonitorFunctions: typeof api }).LeidenMonitorFunctions = api;
export type LeidenMonitorFunctionsApi = typeof api;

// Messages follow Excel's display language: Dutch unless Excel runs in English.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady(() => {
    const display = typeof Office.context !== "undefined" ? Office.context.displayLanguage : undefined;
    if (typeof display === "string" && display.toLowerCase().startsWith("en")) setMessageLanguage("en");
  });
}
