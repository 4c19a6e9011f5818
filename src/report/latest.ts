import { comparePeriods } from "../data/periods";
import { MonitorStore } from "../data/store";
import { Observation } from "../data/types";
import { matchesKey } from "./cell-key";
import { CellKey } from "./spec-types";

/**
 * The latest period among the figures matching `where` (every given part must match) and `keep`:
 * what a sheet shows and says when an edition moves on a year.
 */
export function latestPeriod(store: MonitorStore, where: CellKey, keep: (o: Observation) => boolean = () => true): string | null {
  let latest: string | null = null;
  for (const o of store.figuresOf(where.indicator, where.area)) {
    if (!matchesKey(o, where) || !keep(o)) continue;
    if (latest === null || comparePeriods(o.periode, latest) > 0) latest = o.periode;
  }
  return latest;
}
