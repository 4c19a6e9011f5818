import { TABLE_NAMES } from "../data/package";
import { Language, MonitorPackage, Unit } from "../data/types";
import { AREAS } from "../data/vocabulary";
import { say, textOf } from "../text/message";
import { PIVOT } from "../text/sheets";
import { valueFormat } from "./data-columns";

/**
 * The ready PivotTable on MonitorData, decided without Office: which columns go where and what
 * it shows first. Indicator, unit, area and age are filters, so the pivot shows one indicator in
 * one unit at a time (a sum never adds ranks to counts); the groups are rows under their
 * Bovengroep (each parent's parts get a subtotal that is the parent's figure); the years are
 * columns. Grand totals are off: a total over groups or over years adds what must not be added.
 */
export const PIVOT_SHEET_KEY = "draaitabel";
/** The PivotTable's name, with the prefix of everything the add-in makes. */
export const PIVOT_NAME = "lm_draaitabel";

export interface PivotPlan {
  sheetName: string;
  name: string;
  source: string;
  /** Filter fields, in order, each with the one item it shows first (null: all items). */
  filters: { field: string; selected: string | null }[];
  rows: string[];
  columns: string[];
  value: { field: string; numberFormat: string };
  /** Two lines above the PivotTable: what it shows, and how to show another indicator or unit. */
  texts: [string, string];
}


/** The most frequent value, ties to the first seen: what the pivot shows when the preferred one is absent. */
function mostFrequent(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = v;
  return best;
}

/**
 * The plan for a package: it first shows Leiden's inhabitants as counts when the data has them,
 * else the most frequent indicator and unit, in the workbook's own municipality: Leiden, else the
 * municipality (a CBS code GM…) with the most of those figures, never Nederland or a region while
 * a municipality has them (a Delft workbook opens on Delft).
 */
export function planPivot(pkg: MonitorPackage, language: Language): PivotPlan {
  const rows = pkg.observations;
  const has = (indicator: string, unit: string, area: string) => rows.some((o) => o.indicator === indicator && o.eenheid === unit && o.gebied === area);
  const indicator = rows.some((o) => o.indicator === "inwoners") ? "inwoners" : mostFrequent(rows.map((o) => o.indicator));
  const ofIndicator = rows.filter((o) => o.indicator === indicator);
  const indicatorUnit = pkg.indicators.find((i) => i.id === indicator)?.eenheid;
  const unit = (indicatorUnit && ofIndicator.some((o) => o.eenheid === indicatorUnit) ? indicatorUnit : mostFrequent(ofIndicator.map((o) => o.eenheid))) as Unit | null;
  const inUnit = ofIndicator.filter((o) => o.eenheid === unit);
  const municipalities = inUnit.filter((o) => /^GM\d{4}$/.test(o.gebiedscode.trim()));
  const area = indicator && unit && has(indicator, unit, "Leiden") ? "Leiden" : mostFrequent((municipalities.length ? municipalities : inUnit).map((o) => o.gebied));
  const label = pkg.indicators.find((i) => i.id === indicator);
  const what = label ? { nl: label.labelNl, en: label.labelEn } : { nl: indicator ?? "", en: indicator ?? "" };
  const texts: [string, string] = [textOf(say(PIVOT.shows, { table: TABLE_NAMES.observations, what, area: area ? { nl: area, en: AREAS.find((a) => a.nl === area)?.en ?? area } : null, unit }), language), textOf(PIVOT.howTo, language)];
  return {
    sheetName: textOf(PIVOT.sheetName, language),
    name: PIVOT_NAME,
    source: TABLE_NAMES.observations,
    filters: [
      { field: "Indicator", selected: indicator },
      { field: "Eenheid", selected: unit },
      { field: "Gebied", selected: area },
      { field: "Leeftijd", selected: null },
    ],
    rows: ["Bovengroep", "Groep"],
    columns: ["Jaar"],
    value: { field: "Waarde", numberFormat: unit ? valueFormat(unit, unit === "aandeel" || unit === "groei" ? 0.001 : 1) : "General" },
    texts,
  };
}
