import { Language } from "../data/types";
import { language, optionalPeriod, optionalText, period, positiveWholeNumber, text } from "./args";
import { FunctionId } from "./ids";
import { queries } from "./state";

/**
 * The MONITOR.* functions as thin wrappers: check the arguments, ask the queries. Keyed by
 * the English id; the Dutch ids of catalog.json share these implementations. `lang` is the
 * language of the id the user typed (it picks labels for INDICATORS/INDICATOREN).
 */
type Implementation = (lang: Language, ...args: unknown[]) => unknown;

export const IMPLEMENTATIONS: Record<FunctionId, Implementation> = {
  VALUE: (_lang, indicator, when, group, age, area, unit) =>
    queries().value(text(indicator, "indicator"), period(when, "periode"), optionalText(group, "groep"), optionalText(age, "leeftijd"), optionalText(area, "gebied"), optionalText(unit, "eenheid")).waarde,
  COUNT: (_lang, group, year, area) => queries().count(text(group, "groep"), period(year, "jaar"), optionalText(area, "gebied")),
  SHARE: (_lang, group, year, of, area) => queries().share(text(group, "groep"), period(year, "jaar"), optionalText(of, "van"), optionalText(area, "gebied")),
  GROWTH: (_lang, group, from, to, area) => queries().growth(text(group, "groep"), period(from, "van"), period(to, "tot"), optionalText(area, "gebied")),
  SERIES: (_lang, indicator, group, area) => queries().series(text(indicator, "indicator"), optionalText(group, "groep"), optionalText(area, "gebied")),
  TOP: (_lang, n, year, area) => queries().top(positiveWholeNumber(n, "n"), period(year, "jaar"), optionalText(area, "gebied")),
  SOURCE: (_lang, indicator, when, group) => queries().citation(text(indicator, "indicator"), optionalPeriod(when, "periode"), optionalText(group, "groep")),
  TEXT: (_lang, indicator, when, group, lang, area) => queries().sentence(text(indicator, "indicator"), period(when, "periode"), optionalText(group, "groep"), language(lang), optionalText(area, "gebied")),
  INDICATORS: (lang) => queries().catalogue(lang),
};
