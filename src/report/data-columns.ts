import { OBSERVATION_COLUMNS } from "../data/columns";
import { serialFromIso } from "../data/dates";
import { Observation, Unit } from "../data/types";
import { TablePlan } from "./types";

/**
 * How MonitorData's cells reach a sheet, in Excel and in the .xlsx alike: empty is a blank cell
 * (never an empty string, so Power Query sees null everywhere), Peildatum a date, Jaar a whole
 * number, and Waarde keeps its value with a number format for its unit, so that a share shows as
 * 11,6% while the cell still holds 0.116.
 */

export const DATE_FORMAT = "yyyy-mm-dd";
export const WHOLE_NUMBER_FORMAT = "0";

/** Waarde's format for a unit: percentages (a decimal only where the figure has one), thousands separators, euros, whole ranks. */
export function valueFormat(unit: Unit, value: number): string {
  switch (unit) {
    case "aandeel":
    case "groei":
      return Number.isInteger(Math.round(value * 1e6) / 1e4) ? "0%" : "0.0%";
    case "euro":
      return "[$€-413] #,##0";
    case "rang":
      return WHOLE_NUMBER_FORMAT;
    default:
      return "#,##0";
  }
}

const COLUMN_FORMATS: Partial<Record<keyof Observation, string>> = { peildatum: DATE_FORMAT, jaar: WHOLE_NUMBER_FORMAT, pagina: WHOLE_NUMBER_FORMAT };

/** MonitorData's rows as cells: null where a cell is empty, Peildatum as Excel's date serial. */
export function observationCells(observations: readonly Observation[]): { header: string[]; rows: (string | number | null)[][]; numberFormats: (string | null)[]; rowFormats: NonNullable<TablePlan["rowFormats"]> } {
  const header = OBSERVATION_COLUMNS.map((c) => c.name);
  // Plain loops into arrays of their final length: 1.6 million cells at 100,000 rows.
  const keys = OBSERVATION_COLUMNS.map((column) => column.key);
  const dates = OBSERVATION_COLUMNS.map((column) => column.kind === "date");
  const rows = new Array<(string | number | null)[]>(observations.length);
  for (let r = 0; r < observations.length; r++) {
    const o = observations[r];
    const row = new Array<string | number | null>(keys.length);
    for (let c = 0; c < keys.length; c++) {
      const value = o[keys[c]];
      row[c] = value === null || value === "" ? null : dates[c] ? serialFromIso(String(value)) : (value as string | number);
    }
    rows[r] = row;
  }
  const waarde = OBSERVATION_COLUMNS.findIndex((c) => c.key === "waarde");
  return {
    header,
    rows,
    numberFormats: OBSERVATION_COLUMNS.map((c) => COLUMN_FORMATS[c.key] ?? null),
    rowFormats: [{ column: waarde, formats: observations.map((o) => valueFormat(o.eenheid, o.waarde)) }],
  };
}

/** The number format of a table's cell (0-based data row), null for General. */
export function formatOf(table: TablePlan, row: number, column: number): string | null {
  const varying = table.rowFormats?.find((f) => f.column === column);
  return varying?.formats[row] ?? table.numberFormats[column] ?? null;
}
