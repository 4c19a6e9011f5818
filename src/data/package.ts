import { INDICATOR_COLUMNS, OBSERVATION_COLUMNS, OBSERVATION_KEY, SOURCE_COLUMNS } from "./columns";
import { parseCsv } from "./csv";
import { Indicator, MonitorPackage, Observation, Problem, Source } from "./types";
import { Cell, readTable, Result } from "./validate";

export const TABLE_NAMES = { observations: "MonitorData", indicators: "MonitorIndicatoren", sources: "MonitorBronnen" } as const;

export interface PackageTables {
  observations: Cell[][];
  indicators: Cell[][];
  sources: Cell[][];
}

export function observationKey(o: Pick<Observation, "indicator" | "gebied" | "groep" | "leeftijd" | "periode" | "eenheid">): string {
  return OBSERVATION_KEY.map((k) => o[k]).join("|");
}

/** Rules that span a row (units) or the table (keys) or tables (references). */
function checkObservations(observations: Observation[], indicators: Indicator[], sources: Source[]): Problem[] {
  const problems: Problem[] = [];
  const table = TABLE_NAMES.observations;
  const indicatorIds = new Set(indicators.map((i) => i.id));
  const sourceIds = new Set(sources.map((s) => s.id));
  const firstRowOfKey = new Map<string, number>();
  observations.forEach((o, index) => {
    const row = index + 1;
    const at = (column: string, message: string) => problems.push({ table, row, column, message: `${table} rij ${row}, kolom ${column}: ${message}` });
    if (!indicatorIds.has(o.indicator)) at("Indicator", `onbekende indicator '${o.indicator}'; voeg hem eerst toe aan ${TABLE_NAMES.indicators}.`);
    if (!sourceIds.has(o.bron)) at("Bron", `onbekende bron '${o.bron}'; voeg hem eerst toe aan ${TABLE_NAMES.sources}.`);
    if (o.eenheid === "aandeel" && (o.waarde < 0 || o.waarde > 1)) at("Waarde", `een aandeel is een fractie tussen 0 en 1 (11,6% = 0.116), niet ${o.waarde}.`);
    if (o.eenheid === "rang" && !(Number.isInteger(o.waarde) && o.waarde >= 1)) at("Waarde", `een rang is een geheel getal vanaf 1, niet ${o.waarde}.`);
    if (o.status === "afgeleid" && o.toelichting === "") at("Toelichting", "een afgeleid cijfer heeft de berekening in de toelichting nodig.");
    const key = observationKey(o);
    const first = firstRowOfKey.get(key);
    if (first !== undefined) at("Indicator", `dubbel cijfer: dezelfde Indicator, Gebied, Groep, Leeftijd, Periode en Eenheid als rij ${first}.`);
    else firstRowOfKey.set(key, row);
  });
  return problems;
}

/** Validates the three tables of a monitor data package; returns all of it or nothing. */
export function parsePackageTables(tables: PackageTables): Result<MonitorPackage> {
  const indicators = readTable(TABLE_NAMES.indicators, INDICATOR_COLUMNS, tables.indicators);
  const sources = readTable(TABLE_NAMES.sources, SOURCE_COLUMNS, tables.sources);
  const observations = readTable(TABLE_NAMES.observations, OBSERVATION_COLUMNS, tables.observations);
  const problems = [indicators, sources, observations].flatMap((r) => (r.ok ? [] : r.problems));
  if (!indicators.ok || !sources.ok || !observations.ok) return { ok: false, problems };
  const crossProblems = checkObservations(observations.value, indicators.value, sources.value);
  if (crossProblems.length) return { ok: false, problems: crossProblems };
  return { ok: true, value: { observations: observations.value, indicators: indicators.value, sources: sources.value } };
}

export interface PackageTexts {
  observations: string;
  indicators: string;
  sources: string;
}

export function parsePackageCsv(texts: PackageTexts): Result<MonitorPackage> {
  return parsePackageTables({
    observations: parseCsv(texts.observations),
    indicators: parseCsv(texts.indicators),
    sources: parseCsv(texts.sources),
  });
}
