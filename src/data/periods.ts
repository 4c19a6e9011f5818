import { PERIOD_PATTERN } from "./columns";
import { ArgumentName, FUNCTIONS, givenOf } from "../text/functions";
import { say } from "../text/message";
import { valueError } from "./errors";

/**
 * Turns what a user typed as a period into the package's form: 2021 (number), "2021",
 * " 2021/2022 ", "2011 - 2020" and "2011–2020" are all accepted.
 */
export function toPeriod(input: unknown, argument: ArgumentName = { nl: "periode", en: "period" }): string {
  // Every period argument of every formula comes here, so the number case names no global
  // (`Number.isInteger`, `String`): where functions.js runs in a context of its own (the bench
  // loads it as Excel's runtime would, in a node:vm context) each global read is a call out of
  // the script, a third of a COUNT. `% 1 === 0` and the template are the same for these numbers.
  if (typeof input === "number" && input % 1 === 0 && input >= 1000 && input <= 9999) return `${input}`;
  if (typeof input === "string") {
    const text = input.replace(/\s+/g, "").replace(/[\u2010-\u2015]/g, "-");
    if (PERIOD_PATTERN.test(text)) return text;
  }
  throw valueError(say(FUNCTIONS.invalidPeriod, { argument, given: givenOf(input) }));
}

/** Chronological order: by first year, then single years before study years before spans. */
export function comparePeriods(a: string, b: string): number {
  return a.slice(0, 4).localeCompare(b.slice(0, 4)) || a.length - b.length || a.localeCompare(b);
}
