import { normalise } from "./normalise";
import { AREAS, groupEntry, GROUPS, NameIndex } from "./vocabulary";
import { Observation } from "./types";

/**
 * The three columns after the contract's thirteen (DESIGN.md): Jaar, Bovengroep, Gebiedscode.
 * They are functions of a row's other columns by the rules below, so a package without them
 * (an older edition) gets them here, and an empty cell is filled the same way. Pure: no Office.
 */

/**
 * The calendar year a figure refers to:
 * - a year (`2022`) is that year (a stock at 1 January of it, or a flow during it);
 * - a study year (`2021/2022`) is the year it begins in: the academic year starts in September,
 *   and the report's own text names the students of 2021/2022 "in 2021" (page 35);
 * - a span (`2011-2020`, `2021-2022`) is a change between two moments and refers to its end
 *   year, the moment the change is measured up to.
 * Null for a period that is none of these (the validator refuses those before this is asked).
 */
export function yearOfPeriod(periode: string): number | null {
  const match = /^(\d{4})(?:([/-])(\d{4}))?$/.exec(periode);
  if (!match) return null;
  if (match[2] === "-") return Number(match[3]);
  return Number(match[1]);
}

/** How a reader should take a period, for labels and messages. */
export type PeriodKind = "year" | "studyYear" | "span";

export function periodKind(periode: string): PeriodKind {
  return periode.includes("/") ? "studyYear" : periode.includes("-") ? "span" : "year";
}

let groups: NameIndex | null = null;
let areas: NameIndex | null = null;

/**
 * The group's parent in the hierarchy (the vocabulary's), empty for a top group and for a group
 * the vocabulary does not know. A classification that overlaps another says so in its own
 * Bovengroep (see GroupEntry.bovengroep): migration background counts the same inhabitants as
 * nationality, so it is not one more part of `inwoners`, and the parts under `inwoners` (Nederlands
 * + buitenlandse nationaliteit) still add up to it.
 */
export function parentOfGroup(groep: string): string {
  groups ??= new NameIndex(GROUPS);
  const canonical = groups.resolve(groep).found;
  if (canonical === null) return "";
  const entry = groupEntry(canonical);
  return entry?.bovengroep ?? entry?.parent ?? "";
}

/**
 * CBS area codes this project has from a named source: ../shared/cbs/README.md, which gives
 * `NL01` for the country and the `GM` codes below from CBS StatLine (85644NED and a public
 * harvest of it). Neighbourhood codes (`WK…`) are not in any source the project holds, so a
 * neighbourhood gets none rather than a guessed one; Regio071 is not a CBS area.
 */
const AREA_CODES = new Map<string, string>(
  Object.entries({
    Nederland: "NL01",
    Leiden: "GM0546",
    "'s-Gravenhage": "GM0518",
    Groningen: "GM0014",
    Utrecht: "GM0344",
    "Bergen (L.)": "GM0893",
    "Bergen (NH.)": "GM0373",
    "Beek (L.)": "GM0888",
    "Hengelo (O.)": "GM0164",
  }).map(([name, code]) => [normalise(name), code]),
);

/** The CBS code of an area where a named source gives one, else "". */
export function codeOfArea(gebied: string): string {
  areas ??= new NameIndex(AREAS);
  const canonical = areas.resolve(gebied).found ?? gebied;
  return AREA_CODES.get(normalise(canonical)) ?? "";
}

/** CBS region codes: country, landsdeel, province, COROP, municipality, wijk, buurt. */
export const AREA_CODE_PATTERN = /^(NL\d{2}|LD\d{2}|PV\d{2}|CR\d{2}|GM\d{4}|WK\d{6}|BU\d{8})?$/;

/**
 * The same, in place: for a record of its own that nothing else holds yet (a row just read), so
 * that 100,000 rows are not copied once more.
 */
export function fillDerivedColumns<T extends Omit<Observation, "jaar" | "bovengroep" | "gebiedscode"> & Partial<Pick<Observation, "jaar" | "bovengroep" | "gebiedscode">>>(o: T): T & Observation {
  const filled = o as T & Observation;
  filled.jaar = o.jaar ?? yearOfPeriod(o.periode);
  filled.bovengroep = o.bovengroep || parentOfGroup(o.groep);
  filled.gebiedscode = o.gebiedscode || codeOfArea(o.gebied);
  return filled;
}

/** A row with the three columns filled where they are empty (a given value is kept). */
export function withDerivedColumns<T extends Omit<Observation, "jaar" | "bovengroep" | "gebiedscode"> & Partial<Pick<Observation, "jaar" | "bovengroep" | "gebiedscode">>>(o: T): T & Observation {
  return {
    ...o,
    jaar: o.jaar ?? yearOfPeriod(o.periode),
    bovengroep: o.bovengroep || parentOfGroup(o.groep),
    gebiedscode: o.gebiedscode || codeOfArea(o.gebied),
  };
}
