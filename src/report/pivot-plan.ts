import { TABLE_NAMES } from "../data/package";
import { Language, MonitorPackage, Unit } from "../data/types";
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

const SHEET_NAMES: Record<Language, string> = { nl: "Draaitabel", en: "Pivot" };
const UNIT_NAMES: Record<Language, Record<Unit, string>> = {
  nl: { aantal: "aantallen", aandeel: "aandelen", groei: "groei", rang: "rangen", euro: "bedragen in euro" },
  en: { aantal: "counts", aandeel: "shares", groei: "growth", rang: "ranks", euro: "amounts in euros" },
};

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
 * else the most frequent indicator, unit and area among the figures there are.
 */
export function planPivot(pkg: MonitorPackage, language: Language): PivotPlan {
  const rows = pkg.observations;
  const has = (indicator: string, unit: string, area: string) => rows.some((o) => o.indicator === indicator && o.eenheid === unit && o.gebied === area);
  const indicator = rows.some((o) => o.indicator === "inwoners") ? "inwoners" : mostFrequent(rows.map((o) => o.indicator));
  const ofIndicator = rows.filter((o) => o.indicator === indicator);
  const indicatorUnit = pkg.indicators.find((i) => i.id === indicator)?.eenheid;
  const unit = (indicatorUnit && ofIndicator.some((o) => o.eenheid === indicatorUnit) ? indicatorUnit : mostFrequent(ofIndicator.map((o) => o.eenheid))) as Unit | null;
  const area = indicator && unit && has(indicator, unit, "Leiden") ? "Leiden" : mostFrequent(ofIndicator.filter((o) => o.eenheid === unit).map((o) => o.gebied));
  const label = pkg.indicators.find((i) => i.id === indicator);
  const what = label ? (language === "nl" ? label.labelNl : label.labelEn) : (indicator ?? "");
  const unitName = unit ? UNIT_NAMES[language][unit] : "";
  const texts: [string, string] =
    language === "nl"
      ? [
          `Draaitabel op ${TABLE_NAMES.observations}: ${what}${area ? `, ${area}` : ""}, ${unitName}, per groep en jaar.`,
          "Kies boven de tabel een andere Indicator, Eenheid, Gebied of Leeftijd; kies één eenheid tegelijk. Subtotalen per Bovengroep tellen de delen op tot hun geheel.",
        ]
      : [
          `PivotTable on ${TABLE_NAMES.observations}: ${what}${area ? `, ${area}` : ""}, ${unitName}, by group and year.`,
          "Choose another Indicator, Eenheid (unit), Gebied (area) or Leeftijd (age) above the table; choose one unit at a time. Subtotals per Bovengroep add the parts up to their whole.",
        ];
  return {
    sheetName: SHEET_NAMES[language],
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
