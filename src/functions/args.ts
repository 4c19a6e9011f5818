import { valueError } from "../data/errors";
import { toPeriod } from "../data/periods";

/**
 * Excel hands custom functions whatever is in the cell or formula: text, numbers, booleans,
 * null for an omitted optional argument, and sometimes a range. These turn that into what the
 * queries take, or a #VALUE! that says which argument is wrong.
 */

function isOmitted(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "een bereik";
  if (typeof value === "boolean") return value ? "WAAR" : "ONWAAR";
  return typeof value === "object" ? "een object" : `'${String(value)}'`;
}

function describeEn(value: unknown): string {
  if (Array.isArray(value)) return "a range";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return typeof value === "object" ? "an object" : `'${String(value)}'`;
}

/** A single text or number cell as text: a name, an id. */
export function text(value: unknown, argument: string): string {
  if (isOmitted(value)) throw valueError(`Argument '${argument}' ontbreekt.`, `Argument '${argument}' is missing.`);
  return optionalText(value, argument) as string;
}

export function optionalText(value: unknown, argument: string): string | undefined {
  if (isOmitted(value)) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw valueError(`Argument '${argument}' moet tekst zijn, niet ${describe(value)}.`, `Argument '${argument}' must be text, not ${describeEn(value)}.`);
}

export function period(value: unknown, argument: string): string {
  if (isOmitted(value)) throw valueError(`Argument '${argument}' ontbreekt.`, `Argument '${argument}' is missing.`);
  return toPeriod(value, argument);
}

export function optionalPeriod(value: unknown, argument: string): string | undefined {
  return isOmitted(value) ? undefined : toPeriod(value, argument);
}

/** A whole number of at least 1 (TOP's n); text such as "3" is accepted as Excel users type it. */
export function positiveWholeNumber(value: unknown, argument: string): number {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof number !== "number" || !Number.isInteger(number) || number < 1) {
    throw valueError(
      `Argument '${argument}' moet een geheel getal vanaf 1 zijn, niet ${describe(value)}.`,
      `Argument '${argument}' must be a whole number of at least 1, not ${describeEn(value)}.`,
    );
  }
  return number;
}

export function language(value: unknown): "nl" | "en" {
  const chosen = optionalText(value, "taal")?.trim().toLowerCase();
  if (chosen === undefined || chosen === "nl" || chosen === "nederlands" || chosen === "dutch") return "nl";
  if (chosen === "en" || chosen === "engels" || chosen === "english") return "en";
  throw valueError(`Onbekende taal '${chosen}': gebruik "nl" of "en".`, `Unknown language '${chosen}': use "nl" or "en".`);
}
