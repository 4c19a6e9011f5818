import { CsvTable, parseCsv } from "./csv";
import { parsePackageTables, TABLE_NAMES } from "./package";
import { EXCEL_ROWS } from "./text-rules";
import { MonitorPackage, Problem } from "./types";
import { Result } from "./validate";
import { say } from "../text/message";
import { INPUT } from "../text/input";

/**
 * A package from CSV texts. Kept apart from package.ts so that the custom functions bundle,
 * which validates tables read from Excel, does not carry the CSV parser.
 */
export interface PackageTexts {
  observations: string;
  indicators: string;
  sources: string;
}

export type PackageCsv = Record<keyof PackageTexts, CsvTable>;

/** A package from its three CSV texts (comma CSV, or Dutch Excel's semicolon CSV per table). */
export function parsePackageCsv(texts: PackageTexts): Result<MonitorPackage> {
  const tables = readPackageCsv(texts);
  return tables.ok ? packageFromCsv(tables.value) : tables;
}

/** The three tables as parsed CSV, each no longer than an Excel sheet, before validation. */
export function readPackageCsv(texts: PackageTexts): Result<PackageCsv> {
  const csv = {
    observations: parseCsv(texts.observations, TABLE_NAMES.observations),
    indicators: parseCsv(texts.indicators, TABLE_NAMES.indicators),
    sources: parseCsv(texts.sources, TABLE_NAMES.sources),
  };
  if (!csv.observations.ok || !csv.indicators.ok || !csv.sources.ok) {
    return { ok: false, problems: [csv.indicators, csv.sources, csv.observations].flatMap((r) => (r.ok ? [] : r.problems)) };
  }
  const tooLong = [
    ...tooManyRows(csv.observations.value, TABLE_NAMES.observations),
    ...tooManyRows(csv.indicators.value, TABLE_NAMES.indicators),
    ...tooManyRows(csv.sources.value, TABLE_NAMES.sources),
  ];
  if (tooLong.length > 0) return { ok: false, problems: tooLong };
  return { ok: true, value: { observations: csv.observations.value, indicators: csv.indicators.value, sources: csv.sources.value } };
}

/** The parsed tables validated as a package. */
export function packageFromCsv(csv: PackageCsv): Result<MonitorPackage> {
  return parsePackageTables(
    { observations: csv.observations.rows, indicators: csv.indicators.rows, sources: csv.sources.rows },
    { observations: csv.observations.dialect, indicators: csv.indicators.dialect, sources: csv.sources.dialect },
  );
}

/**
 * A table longer than an Excel sheet, refused before it is validated: neither Load data nor a
 * workbook can hold it, and validating a million rows first would only cost time and memory.
 */
function tooManyRows(csv: CsvTable, table: string): Problem[] {
  const rows = csv.rows.length - 1;
  if (rows + 1 <= EXCEL_ROWS) return [];
  return [{ table, row: null, column: null, message: say(INPUT.tooManyRows, { table, rows, sheetRows: EXCEL_ROWS }) }];
}
