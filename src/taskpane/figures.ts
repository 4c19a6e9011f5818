import { formatFigure } from "../data/format";
import { normalise } from "../data/normalise";
import { MonitorQueries } from "../data/queries";
import { Language, Observation } from "../data/types";
import { say, textOf } from "../text/message";
import { PANE } from "../text/pane";

/** One figure as the pane lists it, with what a clerk or analyst needs from it. */
export interface FigureView {
  observation: Observation;
  label: string;
  value: string;
  citation: string;
  /** For Excel's API (English names, commas) and for people (the chosen language's names and separators). */
  apiFormula: string;
  displayFormula: string;
  sentence: string;
}

/** A formula as a person types it in Excel in each language: the function's name and the argument separator. */
const FORMULA: Record<Language, { name: string; separator: string }> = { nl: { name: "WAARDE", separator: ";" }, en: { name: "VALUE", separator: "," } };
/** Where the indicators table keeps each language's label. */
const LABEL = { nl: "labelNl", en: "labelEn" } as const;

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * The shortest MONITOR.VALUE formula that returns this figure: optional arguments only where
 * they differ from the defaults (the indicator's total group, all ages, Leiden, the usual unit).
 */
export function formulaArguments(queries: MonitorQueries, o: Observation): string[] {
  const indicator = queries.store.indicator(o.indicator);
  const args = [quote(o.indicator), /^\d{4}$/.test(o.periode) ? o.periode : quote(o.periode)];
  const defaultUnit = queries.store.get({ indicator: o.indicator, area: o.gebied, group: o.groep, age: o.leeftijd, period: o.periode });
  const optional = [
    o.groep === indicator?.standaardgroep ? "" : quote(o.groep),
    o.leeftijd === "" ? "" : quote(o.leeftijd),
    o.gebied === "Leiden" ? "" : quote(o.gebied),
    defaultUnit === o ? "" : quote(o.eenheid),
  ];
  while (optional.length && optional[optional.length - 1] === "") optional.pop();
  return [...args, ...optional];
}

export function describeFigure(queries: MonitorQueries, o: Observation, language: Language): FigureView {
  const indicator = queries.store.indicator(o.indicator);
  const args = formulaArguments(queries, o);
  const group = queries.store.groupNames.label(o.groep, language);
  const label = indicator?.[LABEL[language]]; // the data's own label in each language
  const parts = [label, group, o.leeftijd && textOf(say(PANE.ageBand, { age: o.leeftijd }), language), o.gebied !== "Leiden" && o.gebied, o.periode];
  return {
    observation: o,
    label: parts.filter(Boolean).join(" · "),
    value: formatFigure(o.waarde, o.eenheid, language),
    citation: queries.citeObservation(o, language),
    apiFormula: `=MONITOR.VALUE(${args.join(",")})`,
    displayFormula: `=MONITOR.${FORMULA[language].name}(${args.join(FORMULA[language].separator)})`,
    sentence: queries.sentenceFor(o, language),
  };
}

/** Figures whose indicator, group, area, age or period match every word of the query. */
export function searchFigures(queries: MonitorQueries, query: string, language: Language, limit = 40): FigureView[] {
  const words = normalise(query).split(" ").filter(Boolean);
  const results: FigureView[] = [];
  for (const o of queries.store.observations) {
    const indicator = queries.store.indicator(o.indicator);
    const haystack = normalise(
      [o.indicator, indicator?.labelNl, indicator?.labelEn, o.groep, queries.store.groupNames.label(o.groep, "en"), o.gebied, o.leeftijd, o.periode, o.onderwerp].join(" "),
    );
    if (words.every((w) => haystack.includes(w))) results.push(describeFigure(queries, o, language));
    if (results.length >= limit) break;
  }
  return results;
}
