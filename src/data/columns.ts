import { AREA_CODE_PATTERN } from "./derived";
import { Indicator, Observation, Source, STATUSES, UNITS } from "./types";

/**
 * The column contract of the three tables, in order. datapackage.json describes the same
 * columns for other tools; a test keeps the two in step.
 */
export interface ColumnSpec<T> {
  name: string;
  key: keyof T;
  /** "date": an ISO date in CSV, a date (a serial number) in Excel. */
  kind: "text" | "number" | "integer" | "date";
  required: boolean;
  /** A column a package may lack (an older edition): its values are derived (derived.ts), or for a source's English citation, its Dutch one (citation.ts). */
  derived?: boolean;
  allowed?: readonly string[];
  pattern?: RegExp;
}

const ISO_DATE_OR_EMPTY = /^(\d{4}-\d{2}-\d{2})?$/;
export const PERIOD_PATTERN = /^\d{4}([/-]\d{4})?$/;
export const SOURCE_IDS = ["BRP", "CBS", "ECL", "Decisio", "Nuffic"] as const;

export const OBSERVATION_COLUMNS: ColumnSpec<Observation>[] = [
  { name: "Onderwerp", key: "onderwerp", kind: "text", required: true },
  { name: "Indicator", key: "indicator", kind: "text", required: true },
  { name: "Gebied", key: "gebied", kind: "text", required: true },
  { name: "Groep", key: "groep", kind: "text", required: true },
  { name: "Leeftijd", key: "leeftijd", kind: "text", required: false },
  { name: "Periode", key: "periode", kind: "text", required: true, pattern: PERIOD_PATTERN },
  { name: "Waarde", key: "waarde", kind: "number", required: true },
  { name: "Eenheid", key: "eenheid", kind: "text", required: true, allowed: UNITS },
  { name: "Bron", key: "bron", kind: "text", required: true, allowed: SOURCE_IDS },
  { name: "Peildatum", key: "peildatum", kind: "date", required: false, pattern: ISO_DATE_OR_EMPTY },
  { name: "Status", key: "status", kind: "text", required: true, allowed: STATUSES },
  { name: "Pagina", key: "pagina", kind: "integer", required: false },
  { name: "Toelichting", key: "toelichting", kind: "text", required: false },
  // For pivots and joins, after the thirteen; derived where a package lacks them or a cell is empty.
  { name: "Jaar", key: "jaar", kind: "integer", required: false, derived: true },
  { name: "Bovengroep", key: "bovengroep", kind: "text", required: false, derived: true },
  { name: "Gebiedscode", key: "gebiedscode", kind: "text", required: false, derived: true, pattern: AREA_CODE_PATTERN },
];

export const INDICATOR_COLUMNS: ColumnSpec<Indicator>[] = [
  { name: "id", key: "id", kind: "text", required: true, pattern: /^[a-z0-9-]+$/ },
  { name: "label_nl", key: "labelNl", kind: "text", required: true },
  { name: "label_en", key: "labelEn", kind: "text", required: true },
  { name: "eenheid", key: "eenheid", kind: "text", required: true, allowed: UNITS },
  { name: "standaardgroep", key: "standaardgroep", kind: "text", required: false },
  { name: "definitie", key: "definitie", kind: "text", required: true },
  { name: "bron", key: "bron", kind: "text", required: true, allowed: SOURCE_IDS },
];

export const SOURCE_COLUMNS: ColumnSpec<Source>[] = [
  { name: "id", key: "id", kind: "text", required: true },
  { name: "naam", key: "naam", kind: "text", required: true },
  { name: "citeernaam", key: "citeernaam", kind: "text", required: true },
  { name: "omschrijving", key: "omschrijving", kind: "text", required: true },
  { name: "peildatum", key: "peildatum", kind: "text", required: false, pattern: ISO_DATE_OR_EMPTY },
  { name: "url", key: "url", kind: "text", required: true },
  // After the six: a package or workbook from before it lacks it, and its citations are then the Dutch ones.
  { name: "citeernaam_en", key: "citeernaamEn", kind: "text", required: false, derived: true },
];

/** The columns that identify a figure (a primary key): one row per combination. */
export const OBSERVATION_KEY = ["indicator", "gebied", "groep", "leeftijd", "periode", "eenheid"] as const satisfies readonly (keyof Observation)[];

/** A row of cells in contract order, for writing a table (Excel, CSV, xlsx). */
export function toCells<T>(columns: ColumnSpec<T>[], record: T): (string | number)[] {
  return columns.map((column) => {
    const value = record[column.key];
    return value === null || value === undefined ? "" : (value as unknown as string | number);
  });
}

/** A whole table as cells: the header row, then one row per record. */
export function tableCells<T>(columns: ColumnSpec<T>[], records: readonly T[]): (string | number)[][] {
  return [columns.map((c) => c.name), ...records.map((r) => toCells(columns, r))];
}
