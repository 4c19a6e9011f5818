import type { FollowedData } from "../excel/follow";
import type { LiveData } from "../data/live-data";
import type { MonitorQueries } from "../data/queries";
import type { Language, MonitorPackage, Problem } from "../data/types";
import type { AnyMessage } from "../text/message";

/** What the pane uses of the functions' API (src/functions/functions.ts), without loading that bundle's modules. */
export interface FunctionsApi {
  useQueries(queries: MonitorQueries): void;
  storeUpdated(): void;
  setProblems(problems: readonly Problem[]): void;
  tablesUnread(why: AnyMessage): void;
  tableMissing(why: AnyMessage): void;
  resetData(edition: MonitorPackage): void;
  setMessageLanguage(language: Language): void;
}

/** The custom functions of the shared runtime (same page), when they are loaded. */
export function functionsApi(): FunctionsApi | undefined {
  return (globalThis as unknown as { LeidenMonitorFunctions?: FunctionsApi }).LeidenMonitorFunctions;
}

/**
 * Points the MONITOR functions at what was read: the workbook's live data (the same store the
 * pane shows), its problems (so they answer #N/A instead of another dataset's figures), or the
 * shipped edition (from `shippedEdition`, once) when the workbook has no monitor tables, or the
 * refusal of a read (so that no formula waits for good, or answers from before it). The functions push every changed
 * answer to its cell themselves (streaming, see src/functions/live.ts): no recalculation.
 */
export function functionsLink(shippedEdition: () => MonitorPackage): (data: FollowedData) => void {
  // The edition the functions answer from in a workbook without monitor tables, validated once.
  let shipped: MonitorPackage | null = null;
  let told: { kind: FollowedData["kind"]; live: LiveData | null } = { kind: "none", live: null };
  return (data) => {
    const api = functionsApi();
    if (!api) return;
    const live = "live" in data ? data.live : null;
    if (data.kind === "found" && told.kind === "found" && told.live === live) api.storeUpdated();
    else if (data.kind === "found") api.useQueries(data.live.queries);
    else if (data.kind === "invalid") api.setProblems(data.problems);
    else if (data.kind === "unread") api.tablesUnread(data.why);
    else if (data.kind === "missing") api.tableMissing(data.why);
    else api.resetData((shipped ??= shippedEdition()));
    told = { kind: data.kind, live };
  };
}
