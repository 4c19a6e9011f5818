import { INDICATOR_COLUMNS, OBSERVATION_COLUMNS, SOURCE_COLUMNS } from "./columns";
import { parseCsv, readCsv } from "./csv";
import { checkPackage, TABLE_NAMES } from "./package";
import { EXCEL_ROWS } from "./text-rules";
import { MonitorPackage, Observation, Problem } from "./types";
import { readTable, Result, TableReading } from "./validate";
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

/**
 * A package from its three CSV texts (comma CSV, or Dutch Excel's semicolon CSV per table).
 * MonitorData is read as it is parsed, a row at a time (TableReading), so that no table of its
 * rows lives beside its records: at 100,000 rows that table was 100,000 arrays the garbage
 * collector copied while the rest was read (README, Benchmarks). The same result, problem for
 * problem, as parsing the three tables whole and validating them (parsePackageTables): the CSV's
 * problems first, then a table longer than a sheet, then the cells', then the rules across rows.
 */
export function parsePackageCsv(texts: PackageTexts): Result<MonitorPackage> {
  const indicators = parseCsv(texts.indicators, TABLE_NAMES.indicators);
  const sources = parseCsv(texts.sources, TABLE_NAMES.sources);
  let reading: TableReading<Observation> | null = null;
  const observations = readCsv(texts.observations, TABLE_NAMES.observations, (dialect) => {
    const table = (reading = new TableReading(TABLE_NAMES.observations, OBSERVATION_COLUMNS, dialect.decimal));
    // Rows past a sheet's are not read: the table is refused for its length (tooManyRows).
    return (row, index) => {
      if (index < EXCEL_ROWS) table.add(row, index);
    };
  });
  if (!observations.ok || !indicators.ok || !sources.ok) {
    return { ok: false, problems: [indicators, sources, observations].flatMap((r) => (r.ok ? [] : r.problems)) };
  }
  const tooLong = [
    ...tooManyRows(observations.value.rows, TABLE_NAMES.observations),
    ...tooManyRows(indicators.value.rows.length, TABLE_NAMES.indicators),
    ...tooManyRows(sources.value.rows.length, TABLE_NAMES.sources),
  ];
  if (tooLong.length > 0) return { ok: false, problems: tooLong };
  return checkPackage(
    readTable(TABLE_NAMES.indicators, INDICATOR_COLUMNS, indicators.value.rows, indicators.value.dialect),
    readTable(TABLE_NAMES.sources, SOURCE_COLUMNS, sources.value.rows, sources.value.dialect),
    (reading as unknown as TableReading<Observation>).result(),
  );
}

/**
 * A table longer than an Excel sheet, refused before it is validated: neither Load data nor a
 * workbook can hold it, and validating a million rows first would only cost time and memory.
 */
function tooManyRows(rowsWithHeader: number, table: string): Problem[] {
  const rows = rowsWithHeader - 1;
  if (rowsWithHeader <= EXCEL_ROWS) return [];
  return [{ table, row: null, column: null, message: say(INPUT.tooManyRows, { table, rows, sheetRows: EXCEL_ROWS }) }];
}
