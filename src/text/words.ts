import { Language } from "../data/types";

/**
 * Words the add-in's texts are made of, in Dutch and English: the one place for small phrases
 * that many texts share (lists, counts in words, ages, nationalities used as adjectives). Pure:
 * no Office, no DOM.
 */

export type Bilingual = Record<Language, string>;
export const t = (nl: string, en: string): Bilingual => ({ nl, en });

const NUMBER_WORDS: Record<Language, string[]> = {
  nl: ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"],
  en: ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"],
};

/** A small whole number in words ("tien", "ten"), larger ones in digits, as a report writes them. */
export function numberWord(n: number, language: Language): string {
  return Number.isInteger(n) && n >= 0 && n < NUMBER_WORDS[language].length ? NUMBER_WORDS[language][n] : String(n);
}

/** "a, b en c" / "a, b and c"; `none` when the list is empty. */
export function listed(items: readonly string[], language: Language, none: Bilingual = t("geen", "none")): string {
  if (items.length === 0) return none[language];
  if (items.length === 1) return items[0];
  return `${items.slice(0, -1).join(", ")} ${language === "nl" ? "en" : "and"} ${items[items.length - 1]}`;
}

/** An age band as a label: "0-17 jaar" / "0-17 years". */
export const ageLabel = (age: string): Bilingual => t(`${age} jaar`, `${age} years`);

/**
 * A Dutch nationality name as the adjective before "nationaliteit": Italiaans → Italiaanse,
 * Chinees → Chinese, Syrisch → Syrische. Null for a name that is not such an adjective (CBS also
 * titles nationalities as "Staatloos" or with two words): the caller then writes it as a name.
 */
export function nationalityAdjective(name: string): string | null {
  if (!/^[A-Z][a-zë]+$/.test(name)) return null;
  if (/ees$/.test(name)) return name.replace(/ees$/, "ese");
  if (/(s|sch)$/.test(name) && !/loos$/.test(name)) return `${name}e`;
  return null;
}

/** A span of years as a reader says it: "2012-2022" → "tussen 2012 en 2022" / "between 2012 and 2022". */
export function spanWords(span: string): { from: string; to: string } | null {
  const match = /^(\d{4})-(\d{4})$/.exec(span);
  return match ? { from: match[1], to: match[2] } : null;
}
