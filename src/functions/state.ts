import { INDICATOR_COLUMNS, SOURCE_COLUMNS, tableCells } from "../data/columns";
import { parsePackageTables, PackageTables } from "../data/package";
import { MonitorQueries } from "../data/queries";
import { loadShippedPackage } from "../data/shipped";
import { MonitorStore } from "../data/store";
import { Language, Problem } from "../data/types";

/**
 * What the functions read: the shipped edition, built on first use (so loading functions.js
 * costs nothing), or the workbook's own tables once the task pane hands them over.
 */
let current: MonitorQueries | null = null;
let messageLanguage: Language = "nl";

export function queries(): MonitorQueries {
  if (current === null) current = new MonitorQueries(new MonitorStore(loadShippedPackage()));
  return current;
}

/**
 * Replaces the data with the workbook's tables (cells as read from Excel, header row first).
 * Tables not given are taken from the shipped edition. Invalid tables change nothing and
 * the problems are returned, each naming row and column.
 */
export function setData(tables: Partial<PackageTables> & Pick<PackageTables, "observations">): { ok: true; figures: number } | { ok: false; problems: Problem[] } {
  const shipped = queries().store;
  const result = parsePackageTables({
    observations: tables.observations,
    indicators: tables.indicators ?? tableCells(INDICATOR_COLUMNS, shipped.indicators),
    sources: tables.sources ?? tableCells(SOURCE_COLUMNS, shipped.sources),
  });
  if (!result.ok) return result;
  current = new MonitorQueries(new MonitorStore(result.value));
  return { ok: true, figures: result.value.observations.length };
}

export function resetData(): void {
  current = null;
}

export function setMessageLanguage(language: Language): void {
  messageLanguage = language;
}

export function getMessageLanguage(): Language {
  return messageLanguage;
}
