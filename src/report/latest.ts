import { comparePeriods } from "../data/periods";
import { MonitorStore } from "../data/store";
import { Observation } from "../data/types";
import { CellKey } from "./spec-types";

/**
 * The latest period among the figures matching `where` (every given part must match) and `keep`:
 * what a sheet shows and says when an edition moves on a year.
 */
export function latestPeriod(store: MonitorStore, where: CellKey, keep: (o: Observation) => boolean = () => true): string | null {
  let latest: string | null = null;
  for (const o of store.figuresOf(where.indicator, where.area)) {
    if (where.indicator !== undefined && o.indicator !== where.indicator) continue;
    if (where.area !== undefined && o.gebied !== where.area) continue;
    if (where.group !== undefined && o.groep !== where.group) continue;
    if (where.age !== undefined && o.leeftijd !== where.age) continue;
    if (where.unit !== undefined && o.eenheid !== where.unit) continue;
    if (where.period !== undefined && o.periode !== where.period) continue;
    if (!keep(o)) continue;
    if (latest === null || comparePeriods(o.periode, latest) > 0) latest = o.periode;
  }
  return latest;
}
