import { Language } from "../data/types";
import { language, optionalPeriod, optionalText, period, positiveWholeNumber, text } from "./args";
import { FunctionId } from "./ids";
import { queries } from "./state";

/**
 * The MONITOR.* functions as thin wrappers: check the arguments, ask the queries. Keyed by
 * the English id; the Dutch ids of catalog.json share these implementations. `lang` is the
 * language of the id the user typed (it picks labels for INDICATORS/INDICATOREN). Arguments are
 * named by their English names of catalog.json; a message names them in its own language.
 */
type Implementation = (lang: Language, ...args: unknown[]) => unknown;

export const IMPLEMENTATIONS: Record<FunctionId, Implementation> = {
  VALUE: (_lang, indicator, when, group, age, area, unit) =>
    queries().value(text(indicator, "indicator"), period(when, "period"), optionalText(group, "group"), optionalText(age, "age"), optionalText(area, "area"), optionalText(unit, "unit")).waarde,
  COUNT: (_lang, group, year, area) => queries().count(text(group, "group"), period(year, "year"), optionalText(area, "area")),
  SHARE: (_lang, group, year, of, area) => queries().share(text(group, "group"), period(year, "year"), optionalText(of, "of"), optionalText(area, "area")),
  GROWTH: (_lang, group, from, to, area) => queries().growth(text(group, "group"), period(from, "from"), period(to, "to"), optionalText(area, "area")),
  SERIES: (_lang, indicator, group, area) => queries().series(text(indicator, "indicator"), optionalText(group, "group"), optionalText(area, "area")),
  TOP: (_lang, n, year, area) => queries().top(positiveWholeNumber(n, "n"), period(year, "year"), optionalText(area, "area")),
  SOURCE: (_lang, indicator, when, group) => queries().citation(text(indicator, "indicator"), optionalPeriod(when, "period"), optionalText(group, "group")),
  TEXT: (_lang, indicator, when, group, lang, area) => queries().sentence(text(indicator, "indicator"), period(when, "period"), optionalText(group, "group"), language(lang), optionalText(area, "area")),
  INDICATORS: (lang) => queries().catalogue(lang),
};
