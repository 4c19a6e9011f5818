import { parseCsv } from "./csv";
import { parsePackageTables, TABLE_NAMES } from "./package";
import { MonitorPackage } from "./types";
import { Result } from "./validate";

/**
 * A package from CSV texts. Kept apart from package.ts so that the custom functions bundle,
 * which validates tables read from Excel, does not carry the CSV parser.
 */
export interface PackageTexts {
  observations: string;
  indicators: string;
  sources: string;
}

/** A package from its three CSV texts (comma CSV, or Dutch Excel's semicolon CSV per table). */
export function parsePackageCsv(texts: PackageTexts): Result<MonitorPackage> {
  const csv = {
    observations: parseCsv(texts.observations, TABLE_NAMES.observations),
    indicators: parseCsv(texts.indicators, TABLE_NAMES.indicators),
    sources: parseCsv(texts.sources, TABLE_NAMES.sources),
  };
  if (!csv.observations.ok || !csv.indicators.ok || !csv.sources.ok) {
    return { ok: false, problems: [csv.indicators, csv.sources, csv.observations].flatMap((r) => (r.ok ? [] : r.problems)) };
  }
  return parsePackageTables(
    { observations: csv.observations.value.rows, indicators: csv.indicators.value.rows, sources: csv.sources.value.rows },
    { observations: csv.observations.value.dialect, indicators: csv.indicators.value.dialect, sources: csv.sources.value.dialect },
  );
}
