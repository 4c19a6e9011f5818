import { formatDate, formatTyped } from "../data/format";
import { englishName } from "../data/vocabulary";
import { AnyMessage, phrase, textOf } from "./message";

/**
 * The words of the MONITOR.* functions: what #VALUE! and #N/A say. Names in the parameters are
 * the package's (Dutch) canonical names; the English text shows a group's or area's English name
 * where the vocabulary has one (a formula takes either), indicator ids and units as they are typed.
 */

/** A function argument by its name in each language, as catalog.json declares it. */
export interface ArgumentName {
  nl: string;
  en: string;
}

/** The kinds of names a formula gives, each with how an unknown one is called. */
export type NameKind = "indicator" | "group" | "area" | "age" | "unit";

/** `nl` agrees with the noun: a neuter (het-)word takes "onbekend", the others "onbekende". */
const UNKNOWN: Record<NameKind, { nl: string; en: string }> = {
  indicator: { nl: "Onbekende indicator", en: "Unknown indicator" },
  group: { nl: "Onbekende groep", en: "Unknown group" },
  area: { nl: "Onbekend gebied", en: "Unknown area" },
  age: { nl: "Onbekende leeftijdsgroep", en: "Unknown age band" },
  unit: { nl: "Onbekende eenheid", en: "Unknown unit" },
};

/** Names joined by commas; "geen" / "none" when there are none. */
const list = (items: readonly string[], none: string) => (items.length ? items.join(", ") : none);
const listNl = (items: readonly string[]) => list(items, "geen");
/** Group and area names in English where the vocabulary knows them (a name only the data knows stays as it is). */
const listEn = (items: readonly string[]) => list(items.map(englishName), "none");

/** What a user typed that is not what the argument takes, described for the message. */
export type Given = { kind: "range" } | { kind: "object" } | { kind: "boolean"; value: boolean } | { kind: "number"; value: number } | { kind: "value"; text: string };

/** A value as Excel hands it to a function, for a message: a number stays a number, shown in the reader's notation. */
export function givenOf(value: unknown): Given {
  if (Array.isArray(value)) return { kind: "range" };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (typeof value === "number") return { kind: "number", value };
  return typeof value === "object" ? { kind: "object" } : { kind: "value", text: String(value) };
}

const givenNl = (given: Given) =>
  given.kind === "range" ? "een bereik" : given.kind === "object" ? "een object" : given.kind === "boolean" ? (given.value ? "WAAR" : "ONWAAR") : `'${given.kind === "number" ? formatTyped(given.value, "nl") : given.text}'`;
const givenEn = (given: Given) =>
  given.kind === "range" ? "a range" : given.kind === "object" ? "an object" : given.kind === "boolean" ? (given.value ? "TRUE" : "FALSE") : `'${given.kind === "number" ? formatTyped(given.value, "en") : given.text}'`;

/** One figure as a formula asks for it: the parts given, in order (age band and area only when given). */
export interface CellAsked {
  indicator: string;
  group: string;
  age: string;
  area: string;
  unit: string;
}

export const FUNCTIONS = {
  argumentMissing: phrase<{ argument: ArgumentName }>(
    "functions.argumentMissing",
    ({ argument }) => `Argument '${argument.nl}' ontbreekt.`,
    ({ argument }) => `Argument '${argument.en}' is missing.`,
  ),
  argumentNotText: phrase<{ argument: ArgumentName; given: Given }>(
    "functions.argumentNotText",
    ({ argument, given }) => `Argument '${argument.nl}' moet tekst zijn, niet ${givenNl(given)}.`,
    ({ argument, given }) => `Argument '${argument.en}' must be text, not ${givenEn(given)}.`,
  ),
  argumentNotWholeNumber: phrase<{ argument: ArgumentName; given: Given }>(
    "functions.argumentNotWholeNumber",
    ({ argument, given }) => `Argument '${argument.nl}' moet een geheel getal vanaf 1 zijn, niet ${givenNl(given)}.`,
    ({ argument, given }) => `Argument '${argument.en}' must be a whole number of at least 1, not ${givenEn(given)}.`,
  ),
  invalidPeriod: phrase<{ argument: ArgumentName; given: Given }>(
    "functions.invalidPeriod",
    // Before: "Ongeldige jaar …", wrong for a het-word; the argument is now named as an argument.
    ({ argument, given }) => `Ongeldige periode ${givenNl(given)} in argument '${argument.nl}': gebruik een jaar (2022), een studiejaar ("2021/2022") of een tijdvak ("2011-2020").`,
    ({ argument, given }) => `Invalid period ${givenEn(given)} in argument '${argument.en}': use a year (2022), a study year ("2021/2022") or a span ("2011-2020").`,
  ),
  unknownLanguage: phrase<{ typed: string }>(
    "functions.unknownLanguage",
    ({ typed }) => `Onbekende taal '${typed}': gebruik "nl" of "en".`,
    ({ typed }) => `Unknown language '${typed}': use "nl" or "en".`,
  ),
  unknownName: phrase<{ kind: NameKind; name: string; suggestion: string | null; choices: string[] }>(
    "functions.unknownName",
    ({ kind, name, suggestion, choices }) => `${UNKNOWN[kind].nl} '${name}'. ${suggestion ? `Bedoelt u '${suggestion}'?` : `Kies uit: ${choices.join(", ")}.`}`,
    ({ kind, name, suggestion, choices }) => {
      const english = (n: string) => (kind === "group" || kind === "area" ? englishName(n) : n);
      return `${UNKNOWN[kind].en} '${name}'. ${suggestion ? `Did you mean '${english(suggestion)}'?` : `Choose from: ${choices.map(english).join(", ")}.`}`;
    },
  ),
  giveGroup: phrase<{ indicator: string; groups: string[] }>(
    "functions.giveGroup",
    ({ indicator, groups }) => `Geef een groep voor '${indicator}'; kies uit: ${listNl(groups)}.`,
    ({ indicator, groups }) => `Give a group for '${indicator}'; choose from: ${listEn(groups)}.`,
  ),
  noParent: phrase<{ group: string }>(
    "functions.noParent",
    ({ group }) => `'${group}' heeft geen bovenliggende groep; geef de noemer als derde argument.`,
    ({ group }) => `'${englishName(group)}' has no parent group; give the denominator as the third argument.`,
  ),
  notParent: phrase<{ of: string; group: string; parents: string[] }>(
    "functions.notParent",
    ({ of, group, parents }) => `'${of}' is geen bovenliggende groep van '${group}'; kies uit: ${listNl(parents)}.`,
    ({ of, group, parents }) => `'${englishName(of)}' is not a parent group of '${englishName(group)}'; choose from: ${listEn(parents)}.`,
  ),
  /** `what` is one of the phrases below: the figure asked for. */
  noFigure: phrase<{ what: AnyMessage; period: string; periods: string[] }>(
    "functions.noFigure",
    ({ what, period, periods }) => `Geen cijfer voor ${textOf(what, "nl")} in ${period}; beschikbaar: ${listNl(periods)}.`,
    ({ what, period, periods }) => `No figure for ${textOf(what, "en")} in ${period}; available: ${list(periods, "none")}.`,
  ),
  theCell: phrase<CellAsked>(
    "functions.theCell",
    ({ indicator, group, age, area, unit }) => [indicator, group, age && `${age} jaar`, area, unit].filter(Boolean).join(", "),
    // The indicator id and the unit are the contract's names a formula types: quoted, as they are.
    ({ indicator, group, age, area, unit }) => [`'${indicator}'`, englishName(group), age && `${age} years`, area && englishName(area), unit && `unit '${unit}'`].filter(Boolean).join(", "),
  ),
  theCount: phrase<{ group: string }>(
    "functions.theCount",
    ({ group }) => `het aantal ${group}`,
    ({ group }) => `the count of ${englishName(group)}`,
  ),
  theShare: phrase<{ group: string; of: string }>(
    "functions.theShare",
    ({ group, of }) => `het aandeel ${group} van ${of}`,
    ({ group, of }) => `the share of ${englishName(group)} in ${englishName(of)}`,
  ),
  theNationalities: phrase(
    "functions.theNationalities",
    () => "de nationaliteiten",
    () => "the nationalities",
  ),
  noGrowth: phrase<{ group: string; from: string; to: string; counts: string[]; spans: string[] }>(
    "functions.noGrowth",
    ({ group, from, to, counts, spans }) => `Geen groei voor ${group} van ${from} tot ${to}: geen aantallen voor beide jaren (wel: ${listNl(counts)}) en geen gerapporteerde groei (wel: ${listNl(spans)}).`,
    ({ group, from, to, counts, spans }) => `No growth for ${englishName(group)} from ${from} to ${to}: no counts for both years (available: ${list(counts, "none")}) and no reported growth (available: ${list(spans, "none")}).`,
  ),
  noSeries: phrase<{ indicator: string; group: string; area: string; unit: string; groups: string[] }>(
    "functions.noSeries",
    ({ indicator, group, area, unit, groups }) => `Geen reeks voor ${indicator}, ${group}, ${area} (eenheid ${unit}); groepen met cijfers: ${listNl(groups)}.`,
    ({ indicator, group, area, unit, groups }) => `No series for '${indicator}', ${englishName(group)}, ${englishName(area)} (unit '${unit}'); groups with figures: ${listEn(groups)}.`,
  ),
  /** TOP asked for more nationalities than the edition ranks for that year and area: never fewer rows without a word. */
  topTooMany: phrase<{ n: number; known: number; period: string; area: string }>(
    "functions.topTooMany",
    ({ n, known, period, area }) =>
      `${period} rangschikt ${known} ${known === 1 ? "nationaliteit" : "nationaliteiten"} in ${area} (Overig niet meegeteld); vraag er ${known} of minder, niet ${formatTyped(n, "nl")}.`,
    ({ n, known, period, area }) =>
      `${period} ranks ${known} ${known === 1 ? "nationality" : "nationalities"} in ${englishName(area)} (${englishName("Overig")} not counted); ask for ${known} or fewer, not ${formatTyped(n, "en")}.`,
  ),
  invalidCount: phrase<{ n: number }>(
    "functions.invalidCount",
    ({ n }) => `Ongeldig aantal '${n}': geef een geheel getal vanaf 1.`,
    ({ n }) => `Invalid number '${n}': give a whole number of at least 1.`,
  ),
  /** The workbook's tables have problems: every function says so, with the first problem. */
  invalidWorkbook: phrase<{ first: AnyMessage | string; more: number }>(
    "functions.invalidWorkbook",
    ({ first, more }) => `De monitortabellen van deze werkmap hebben fouten; zie het taakvenster. ${typeof first === "string" ? first : textOf(first, "nl")}${more > 0 ? ` (+${more})` : ""}`,
    ({ first, more }) => `The workbook's monitor tables have problems; see the task pane. ${typeof first === "string" ? first : textOf(first, "en")}${more > 0 ? ` (+${more})` : ""}`,
  ),
  /** Excel refused the pane's reading of the tables (`why`: that refusal, said by the add-in): no figure until a read succeeds. */
  tablesUnread: phrase<{ why: AnyMessage }>(
    "functions.tablesUnread",
    ({ why }) => `De monitortabellen van deze werkmap konden niet worden gelezen; zie het taakvenster. ${textOf(why, "nl")}`,
    ({ why }) => `The workbook's monitor tables could not be read; see the task pane. ${textOf(why, "en")}`,
  ),
  /** MONITOR.SOURCE's answer: a source with its reference date (ISO), or with the period of its figure. */
  citeReferenceDate: phrase<{ source: string; date: string }>(
    "functions.citeReferenceDate",
    ({ source, date }) => `${source}, peildatum ${formatDate(date, "nl")}`,
    ({ source, date }) => `${source}, reference date ${formatDate(date, "en")}`,
  ),
  citePeriod: phrase<{ source: string; period: string }>(
    "functions.citePeriod",
    ({ source, period }) => `${source}, ${period.includes("/") ? "studiejaar" : "periode"} ${period}`,
    ({ source, period }) => `${source}, ${period.includes("/") ? "study year" : "period"} ${period}`,
  ),
  unexpected: phrase(
    "functions.unexpected",
    () => "Onverwachte fout in de Leiden Monitor-functie; controleer de argumenten.",
    () => "Unexpected error in the Leiden Monitor function; check the arguments.",
  ),
} as const;
