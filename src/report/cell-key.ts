import { Observation } from "../data/types";
import { CellKey } from "./spec-types";

/** Whether figure `o` matches `where`: every part it gives must be the figure's; a part left out matches any. */
export function matchesKey(o: Observation, where: CellKey): boolean {
  return (
    (where.indicator === undefined || o.indicator === where.indicator) &&
    (where.area === undefined || o.gebied === where.area) &&
    (where.group === undefined || o.groep === where.group) &&
    (where.age === undefined || o.leeftijd === where.age) &&
    (where.period === undefined || o.periode === where.period) &&
    (where.unit === undefined || o.eenheid === where.unit)
  );
}
