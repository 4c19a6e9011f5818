import { formatDate, formatFigure } from "../data/format";
import { Language, Unit } from "../data/types";
import { AnyMessage, phrase, say, textOf } from "./message";

/**
 * Words the add-in's texts are made of, in Dutch and English: the one place for small phrases
 * that many texts share (lists, counts in words, ages, nationalities used as adjectives, figures
 * and dates in a language's format). Pure: no Office, no DOM.
 */

/** A figure as a phrase's parameter: its value and unit, written in the phrase's own language. */
export interface Figure {
  value: number;
  unit: Unit;
  /**
   * A percentage shown in a sheet's table: the decimals the table shows it with (19,0% in a
   * table of 18,6% and 19,0%), so that the sheet's words say what its table does. Without it, as
   * the report prints it (19%, 11,6%).
   */
  decimals?: number;
}

/** 1.253 / 1,253, 11,6% / 11.6%, € 30.672: a figure as the report prints it in `language`. */
export const figureText = (figure: Figure, language: Language): string => formatFigure(figure.value, figure.unit, language, figure.decimals);

/** The figure of an observation, as a phrase's parameter. */
export const figureOf = (o: { waarde: number; eenheid: Unit }): Figure => ({ value: o.waarde, unit: o.eenheid });

/** "1st", "2nd", "23rd", "11th": an English rank. */
export const ordinal = (n: number): string => `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th"}`;

export const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const NUMBER_WORDS: Record<Language, string[]> = {
  nl: ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"],
  en: ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"],
};

/** A small whole number in words ("tien", "ten"), larger ones in digits, as a report writes them. */
export function numberWord(n: number, language: Language): string {
  return Number.isInteger(n) && n >= 0 && n < NUMBER_WORDS[language].length ? NUMBER_WORDS[language][n] : String(n);
}

const WORDS = {
  none: phrase("words.none", () => "geen", () => "none"),
  nothing: phrase("words.nothing", () => "", () => ""),
  and: phrase("words.and", () => "en", () => "and"),
  age: phrase<{ age: string }>("words.age", ({ age }) => `${age} jaar`, ({ age }) => `${age} years`),
  /** A name from the data (a period, a group or area with its English label): not translated here. */
  name: phrase<{ nl: string; en: string }>("words.name", ({ nl }) => nl, ({ en }) => en),
};

/** Nothing at all when a list is empty (a title without places), instead of "geen" / "none". */
export const NOTHING: AnyMessage = say(WORDS.nothing);

/** "a, b en c" / "a, b and c"; `none` ("geen" / "none", in the list's language) when the list is empty. */
export function listed(items: readonly string[], language: Language, none: AnyMessage = say(WORDS.none)): string {
  if (items.length === 0) return textOf(none, language);
  if (items.length === 1) return items[0];
  return `${items.slice(0, -1).join(", ")} ${textOf(say(WORDS.and), language)} ${items[items.length - 1]}`;
}

/** The texts of messages in one language, as a list: "Delft en Nederland" / "Delft and the Netherlands". */
export const listedMessages = (items: readonly AnyMessage[], language: Language, none?: AnyMessage): string =>
  listed(items.map((m) => textOf(m, language)), language, none);

/** An age band as a label: "0-17 jaar" / "0-17 years". */
export const ageLabel = (age: string): AnyMessage => say(WORDS.age, { age });

/** A name as the data writes it, with its English label where the vocabulary has one: a period, group or area. */
export const named = (nl: string, en: string = nl): AnyMessage => say(WORDS.name, { nl, en });

/** "1 januari 2022" / "1 January 2022". */
export const dateText = (iso: string, language: Language): string => formatDate(iso, language);

/**
 * A Dutch nationality name as the adjective before "nationaliteit", the one rule for every Dutch
 * text: Italiaans → Italiaanse, Chinees → Chinese, Indiaas → Indiase, Syrisch → Syrische,
 * Zuid-Koreaans → Zuid-Koreaanse. Null for a name that is not such an adjective ("Staatloos": no
 * nationality is called that; a name of two words or with other letters): the caller then writes
 * it as a name, "de nationaliteit Staatloos".
 */
export function nationalityAdjective(name: string): string | null {
  if (!/^[A-Z][a-zëï]+(-[A-Z][a-zëï]+)*$/.test(name) || /loos$/.test(name)) return null;
  // A long vowel written double before the s is written single before the added e.
  if (/(aa|ee|oo|uu)s$/.test(name)) return `${name.slice(0, -2)}se`;
  if (/(s|sch)$/.test(name)) return `${name}e`;
  return null;
}

/** Lower case at the start of a label used inside a sentence ("Huurwoningen" → "huurwoningen"), but not an abbreviation ("IND-grens"). */
export const lowerFirst = (label: string): string => (/^[A-Z][A-Z]/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1));

/** A span of years as a reader says it: "2012-2022" → "tussen 2012 en 2022" / "between 2012 and 2022". */
export function spanWords(span: string): { from: string; to: string } | null {
  const match = /^(\d{4})-(\d{4})$/.exec(span);
  return match ? { from: match[1], to: match[2] } : null;
}
