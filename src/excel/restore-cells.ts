import { Cell } from "./row-changes";
import { literal } from "./write";

/** Excel's number format for text: what is typed or written into such a cell stays text, "=…" too. */
const TEXT_FORMAT = "@";

/**
 * What to write back through `Range.values` to put cells back as they were read.
 *
 * `Range.formulas` gives a constant cell's value, and a text cell the add-in wrote as a literal
 * ("=1200+53 (som van twee wijken)", quote-prefixed or formatted as text) reads back without its
 * apostrophe (office-js #6687): written back as it was read it would become a formula. So a cell
 * is a formula only where its `values` (the result Excel calculated) differ from its `formulas`
 * and it is not formatted as text; every other string goes back as a literal, the way the
 * add-in writes text (quote-prefixed where Excel could read it as anything but text, write.ts's
 * `literal`: "1.253" stays text, not the number; its writer gives it the form the cell's number
 * format needs, text-cells.ts). A formula whose result equals its
 * own text is the one case this reads as text: the safe side (text never becomes a formula).
 */
export function restorable(formulas: readonly Cell[], values: readonly Cell[], formats: readonly string[] | undefined): (string | number | boolean)[] {
  return formulas.map((formula, c) => {
    const value = values[c] ?? null;
    const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value && formats?.[c] !== TEXT_FORMAT;
    if (isFormula) return formula;
    if (formula === null) return "";
    return typeof formula === "string" ? literal(formula) : formula;
  });
}
