import { PERIOD_PATTERN } from "./columns";
import { valueError } from "./errors";

/**
 * Turns what a user typed as a period into the package's form: 2021 (number), "2021",
 * " 2021/2022 ", "2011 - 2020" and "2011–2020" are all accepted.
 */
export function toPeriod(input: unknown, what = "periode"): string {
  if (typeof input === "number" && Number.isInteger(input) && input >= 1000 && input <= 9999) return String(input);
  if (typeof input === "string") {
    const text = input.replace(/\s+/g, "").replace(/[\u2010-\u2015]/g, "-");
    if (PERIOD_PATTERN.test(text)) return text;
  }
  const shown = typeof input === "string" ? `'${input}'` : String(input);
  throw valueError(
    `Ongeldige ${what} ${shown}: gebruik een jaar (2022), een studiejaar ("2021/2022") of een tijdvak ("2011-2020").`,
    `Invalid period ${shown}: use a year (2022), a study year ("2021/2022") or a span ("2011-2020").`,
  );
}

/** Chronological order: by first year, then single years before study years before spans. */
export function comparePeriods(a: string, b: string): number {
  return a.slice(0, 4).localeCompare(b.slice(0, 4)) || a.length - b.length || a.localeCompare(b);
}
