import { Observation } from "./types";

/**
 * What a pull asked for: its areas and years. A CBS pull brings the figures of the areas and
 * years requested, beside what earlier pulls brought (Delft first, then Utrecht): a row an
 * earlier pull delivered counts as "no longer delivered" only when it lies within this pull's
 * areas and years; any other row of an earlier pull is left as it is and stays the source's.
 * Read from the pulled package itself (every area requested brings rows, and its years are
 * those with figures), so that the preview and the write decide alike.
 */
export interface PullScope {
  /** The areas' CBS codes and names. */
  areas: ReadonlySet<string>;
  first: number;
  last: number;
}

/** The calendar years a period names: "2022", "2018-2024", "2021/2022". */
const yearsOf = (periode: string): number[] => (periode.match(/\d{4}/g) ?? []).map(Number);

export function scopeOf(observations: readonly Observation[]): PullScope {
  const areas = new Set<string>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const o of observations) {
    if (o.gebiedscode) areas.add(o.gebiedscode);
    areas.add(o.gebied);
    for (const year of yearsOf(o.periode)) {
      first = Math.min(first, year);
      last = Math.max(last, year);
    }
  }
  return { areas, first, last };
}

/** Whether a row lies within what the pull asked for: a period without a year is not (it is kept). */
export function inScope(scope: PullScope, o: Observation): boolean {
  const area = (o.gebiedscode !== "" && scope.areas.has(o.gebiedscode)) || scope.areas.has(o.gebied);
  const years = yearsOf(o.periode);
  return area && years.length > 0 && years.every((y) => y >= scope.first && y <= scope.last);
}
