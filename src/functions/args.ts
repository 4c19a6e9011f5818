import { valueError } from "../data/errors";
import { toPeriod } from "../data/periods";
import { ArgumentName, FUNCTIONS, givenOf } from "../text/functions";
import { say } from "../text/message";

/**
 * Excel hands custom functions whatever is in the cell or formula: text, numbers, booleans,
 * null for an omitted optional argument, and sometimes a range. These turn that into what the
 * queries take, or a #VALUE! that says which argument is wrong, by its name in the language of
 * the message (catalog.json's names; a test checks that the two agree).
 */

/** Every argument of the MONITOR functions: its English name → its Dutch name. */
const DUTCH_NAMES = {
  indicator: "indicator",
  period: "periode",
  group: "groep",
  age: "leeftijd",
  area: "gebied",
  unit: "eenheid",
  year: "jaar",
  of: "van",
  from: "van",
  to: "tot",
  n: "n",
  language: "taal",
} as const;

export type Argument = keyof typeof DUTCH_NAMES;

/** Each argument's names, made once: every call of a function names its arguments (for a message it may need). */
const NAMES = Object.fromEntries((Object.keys(DUTCH_NAMES) as Argument[]).map((argument) => [argument, { nl: DUTCH_NAMES[argument], en: argument }])) as Record<Argument, ArgumentName>;

/** The argument's names in both languages. */
export function argumentName(argument: Argument): ArgumentName {
  return NAMES[argument];
}

/** Every argument name pair, for the test against catalog.json. */
export const ARGUMENT_NAMES: readonly ArgumentName[] = (Object.keys(DUTCH_NAMES) as Argument[]).map(argumentName);

function isOmitted(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

const missing = (argument: Argument) => valueError(say(FUNCTIONS.argumentMissing, { argument: argumentName(argument) }));

/** A single text or number cell as text: a name, an id. */
export function text(value: unknown, argument: Argument): string {
  if (isOmitted(value)) throw missing(argument);
  return optionalText(value, argument) as string;
}

export function optionalText(value: unknown, argument: Argument): string | undefined {
  if (isOmitted(value)) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw valueError(say(FUNCTIONS.argumentNotText, { argument: argumentName(argument), given: givenOf(value) }));
}

export function period(value: unknown, argument: Argument): string {
  if (isOmitted(value)) throw missing(argument);
  return toPeriod(value, argumentName(argument));
}

export function optionalPeriod(value: unknown, argument: Argument): string | undefined {
  return isOmitted(value) ? undefined : toPeriod(value, argumentName(argument));
}

/** A whole number of at least 1 (TOP's n); text such as "3" is accepted as Excel users type it. */
export function positiveWholeNumber(value: unknown, argument: Argument): number {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof number !== "number" || !Number.isInteger(number) || number < 1) {
    throw valueError(say(FUNCTIONS.argumentNotWholeNumber, { argument: argumentName(argument), given: givenOf(value) }));
  }
  return number;
}

export function language(value: unknown): "nl" | "en" {
  const chosen = optionalText(value, "language")?.trim().toLowerCase();
  if (chosen === undefined || chosen === "nl" || chosen === "nederlands" || chosen === "dutch") return "nl";
  if (chosen === "en" || chosen === "engels" || chosen === "english") return "en";
  throw valueError(say(FUNCTIONS.unknownLanguage, { typed: chosen }));
}
