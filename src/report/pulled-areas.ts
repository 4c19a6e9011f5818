import { MonitorStore } from "../data/store";
import { AREAS } from "../data/vocabulary";

/**
 * Municipalities with counts by nationality pulled from CBS, besides Leiden (which has the
 * report's own sheets). Its own module: the pane shows them at start without loading the
 * sheets' plan (area-sheets.ts and its phrasebook), which only Regenerate and a download need.
 */
export function pulledAreas(store: MonitorStore): string[] {
  const fixed = new Set(AREAS.map((a) => a.nl));
  const areas = new Set<string>();
  for (const o of store.figuresOf("inwoners")) if (o.indicator === "inwoners" && o.eenheid === "aantal" && o.groep === "buitenlandse nationaliteit" && o.leeftijd === "" && o.bron === "CBS" && !fixed.has(o.gebied)) areas.add(o.gebied);
  return [...areas].sort((a, b) => a.localeCompare(b, "nl"));
}
