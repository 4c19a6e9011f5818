import { Language } from "../data/types";
import { listed } from "./words";

/**
 * What points into a monitor sheet that Regenerate keeps instead of rebuilding ("referenced"):
 * formulas on a sheet, a conditional format or data validation rule on a sheet, a chart's series,
 * a PivotTable's source or a defined name; or, where the add-in could not look (too many to read,
 * or an Excel that cannot say), which kind it could not check. Names are parameters as Excel
 * holds them; shared by the note on the sheet (src/text/excel.ts) and the pane's list (pane.ts).
 */
export type Reference =
  | { kind: "formula"; sheet: string }
  | { kind: "conditionalFormat"; sheet: string }
  | { kind: "validation"; sheet: string }
  | { kind: "chart"; sheet: string; chart: string }
  | { kind: "pivot"; pivot: string }
  | { kind: "name"; name: string }
  | { kind: "unchecked"; what: "formulas" | "rules" | "charts" | "pivots" };

/** At most this many references are named; the rest are counted. */
const NAMED = 3;

const one = (ref: Exclude<Reference, { kind: "unchecked" }>, nl: boolean): string => {
  switch (ref.kind) {
    case "formula":
      return nl ? `formules op het blad '${ref.sheet}'` : `formulas on the sheet '${ref.sheet}'`;
    case "conditionalFormat":
      return nl ? `voorwaardelijke opmaak op het blad '${ref.sheet}'` : `conditional formatting on the sheet '${ref.sheet}'`;
    case "validation":
      return nl ? `gegevensvalidatie op het blad '${ref.sheet}'` : `data validation on the sheet '${ref.sheet}'`;
    case "chart":
      return nl ? `de grafiek '${ref.chart}' op het blad '${ref.sheet}'` : `the chart '${ref.chart}' on the sheet '${ref.sheet}'`;
    case "pivot":
      return nl ? `de draaitabel '${ref.pivot}'` : `the PivotTable '${ref.pivot}'`;
    case "name":
      return nl ? `de gedefinieerde naam '${ref.name}'` : `the defined name '${ref.name}'`;
  }
};

const UNCHECKED: Record<Extract<Reference, { kind: "unchecked" }>["what"], [string, string]> = {
  formulas: ["formules op andere bladen", "formulas on other sheets"],
  rules: ["voorwaardelijke opmaak of gegevensvalidatie op andere bladen", "conditional formatting or data validation on other sheets"],
  charts: ["grafieken op andere bladen", "charts on other sheets"],
  pivots: ["draaitabellen", "PivotTables"],
};

/**
 * The subject of "… points into this sheet" in `language`: "formulas on the sheet 'Mijn
 * analyse' and the PivotTable 'Draaitabel1'", and whether its verb is plural; or, where some
 * could not be checked, which kinds. Empty `by`: "something in the workbook".
 */
export function pointingInto(by: readonly Reference[], language: Language): { subject: string; plural: boolean } | { unchecked: string } {
  const nl = language === "nl";
  const unchecked = [...new Set(by.flatMap((r) => (r.kind === "unchecked" ? [UNCHECKED[r.what][nl ? 0 : 1]] : [])))];
  if (unchecked.length) return { unchecked: listed(unchecked, language) };
  const known = by.filter((r): r is Exclude<Reference, { kind: "unchecked" }> => r.kind !== "unchecked");
  const texts = [...new Set(known.map((r) => one(r, nl)))];
  if (texts.length === 0) return { subject: nl ? "iets in de werkmap" : "something in the workbook", plural: false };
  const named = texts.length > NAMED ? [...texts.slice(0, NAMED - 1), nl ? `nog ${texts.length - NAMED + 1} andere` : `${texts.length - NAMED + 1} more`] : texts;
  return { subject: listed(named, language), plural: texts.length > 1 || known[0].kind === "formula" };
}
