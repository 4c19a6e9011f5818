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
  const label = language === "nl" ? indicator?.labelNl : indicator?.labelEn; // the data's own label in each language
  const parts = [label, group, o.leeftijd && textOf(say(PANE.ageBand, { age: o.leeftijd }), language), o.gebied !== "Leiden" && o.gebied, o.periode];
  return {
    observation: o,
    label: parts.filter(Boolean).join(" · "),
    value: formatFigure(o.waarde, o.eenheid, language),
    citation: queries.citeObservation(o, language),
    apiFormula: `=MONITOR.VALUE(${args.join(",")})`,
    // A formula, not words: the Dutch Excel's function name and separator, or the English one.
    displayFormula: language === "nl" ? `=MONITOR.WAARDE(${args.join(";")})` : `=MONITOR.VALUE(${args.join(",")})`,
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
