import { comparePeriods } from "../data/periods";
import { MonitorStore } from "../data/store";
import { Observation } from "../data/types";
import { AREAS } from "../data/vocabulary";
import { CAPTION } from "../text/sheets";
import { say } from "../text/message";
import { ageLabel, named } from "../text/words";
import { matchesKey } from "./cell-key";
import { Axis, CellKey } from "./spec-types";

/** Axes found in the data: each distinct value of a column among the figures matching `where`. */
function distinct(store: MonitorStore, where: CellKey, pick: (o: Observation) => string, sort?: (a: string, b: string) => number): string[] {
  const values = new Set<string>();
  for (const o of store.figuresOf(where.indicator, where.area)) {
    if (matchesKey(o, where)) values.add(pick(o));
  }
  const list = [...values];
  return sort ? list.sort(sort) : list;
}

export const periodsIn = (where: CellKey) => (store: MonitorStore): Axis[] =>
  distinct(store, where, (o) => o.periode, comparePeriods).map((period) => ({ label: named(period), key: { period } }));

export const groupsIn = (where: CellKey, keep: (group: string) => boolean = () => true) => (store: MonitorStore): Axis[] =>
  distinct(store, where, (o) => o.groep)
    .filter(keep)
    .map((group) => ({ label: named(group, store.groupNames.label(group, "en")), key: { group } }));

export const areasIn = (where: CellKey, keep: (area: string) => boolean = () => true) => (store: MonitorStore): Axis[] =>
  distinct(store, where, (o) => o.gebied)
    .filter(keep)
    .map((area) => ({ label: named(area, englishArea(store, area)), key: { area } }));

/** An area's English name: the vocabulary's for Nederland and Regio071 (a municipality keeps its name). */
const englishArea = (store: MonitorStore, area: string) => AREAS.find((a) => a.nl === area)?.en ?? store.areaNames.label(area, "en");

/** Fixed groups, labelled in both languages from the vocabulary. */
export const groups = (...names: string[]) => (store: MonitorStore): Axis[] =>
  names.map((group) => ({ label: named(group, store.groupNames.label(group, "en")), key: { group } }));

export const ages = (...names: string[]): Axis[] => names.map((age) => ({ label: ageLabel(age), key: { age } }));

/**
 * Per age band, the group with the largest count among those `keep` allows: the report names
 * "the most common nationality" per age, and only where it gives that count is there a row.
 */
export const largestGroupPerAge = (where: CellKey, ageNames: string[], keep: (group: string) => boolean) => (store: MonitorStore): Axis[] =>
  ageNames.flatMap((age) => {
    const candidates = store.figuresOf(where.indicator, where.area).filter(
      (o) => o.indicator === where.indicator && o.gebied === where.area && o.periode === where.period && o.eenheid === where.unit && o.leeftijd === age && keep(o.groep),
    );
    const top = candidates.sort((a, b) => b.waarde - a.waarde || a.groep.localeCompare(b.groep))[0];
    if (!top) return [];
    return [{ label: say(CAPTION.ageAndGroup, { age, nl: top.groep, en: store.groupNames.label(top.groep, "en") }), key: { age, group: top.groep } }];
  });
