import type { AnyMessage } from "../text/message";

/** The data contract of DESIGN.md as types. Nothing here knows about Office or exceljs. */

export const UNITS = ["aantal", "aandeel", "groei", "rang", "euro"] as const;
export type Unit = (typeof UNITS)[number];

export const STATUSES = ["gerapporteerd", "afgeleid"] as const;
export type Status = (typeof STATUSES)[number];

/** One figure: a row of the `observations` resource / the `MonitorData` table. */
export interface Observation {
  onderwerp: string;
  indicator: string;
  gebied: string;
  groep: string;
  leeftijd: string;
  periode: string;
  waarde: number;
  eenheid: Unit;
  bron: string;
  peildatum: string;
  status: Status;
  pagina: number | null;
  toelichting: string;
  /** The calendar year the figure refers to (derived.ts: a study year its first, a span its last). */
  jaar: number | null;
  /** The group's parent in the hierarchy; "" for a top group. */
  bovengroep: string;
  /** The CBS code of the area (`GM0546`, `NL01`); "" where no named source gives one. */
  gebiedscode: string;
}

export interface Indicator {
  id: string;
  labelNl: string;
  labelEn: string;
  eenheid: Unit;
  /** The group a formula means when it omits the group; "" when the indicator has no total. */
  standaardgroep: string;
  definitie: string;
  bron: string;
}

export interface Source {
  id: string;
  naam: string;
  /** How a citation names the source: "BRP, gemeente Leiden". */
  citeernaam: string;
  /**
   * How an English citation names it ("BRP, municipality of Leiden"); empty (or absent: a package
   * or workbook from before the column) where the name is the same in English ("Nuffic").
   */
  citeernaamEn?: string;
  omschrijving: string;
  peildatum: string;
  url: string;
}

export interface MonitorPackage {
  observations: Observation[];
  indicators: Indicator[];
  sources: Source[];
}

/** A problem with input, always pointing at the row and column it is about. */
export interface Problem {
  table: string;
  /** 1-based data row (the header is row 0); null for a problem with the header itself. */
  row: number | null;
  column: string | null;
  /** What is wrong, as a message (a phrase of src/text/input.ts or sources.ts and its parameters), said at the edge by problemText. */
  message: AnyMessage;
}

export type Language = "nl" | "en";
