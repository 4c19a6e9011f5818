import { layoutPrint } from "../../src/report/fingerprint";
import { buildIndicatorSheets } from "../../src/report/plan";
import { SheetPlan } from "../../src/report/types";
import { shippedPackage } from "../support/fixtures";

/**
 * "The same layout" (layoutPrint): what identifies each figure and where it stands, not the
 * figures. A sheet whose print is unchanged is written in place, values only (README, "A figure
 * keeps its place, or its sheet is kept").
 */

const werknemers = (): SheetPlan => {
  const plan = buildIndicatorSheets(shippedPackage(), "nl").find((p) => p.key === "werknemers");
  if (!plan) throw new Error("no Werknemers");
  return plan;
};
const withText = (plan: SheetPlan, style: string, change: (text: string) => string): SheetPlan => {
  let done = false;
  const texts = plan.texts.map((t) => {
    if (done || t.style !== style) return t;
    done = true;
    return { ...t, text: change(t.text) };
  });
  expect(done).toBe(true);
  return { ...plan, texts };
};

describe("the layout print", () => {
  const plan = werknemers();
  const print = layoutPrint(plan);

  // Sheets marked before the title's row had a planned height (its row at Excel's standard
  // height) are the same layout: updated in place, so an analyst's formula into one is not the
  // reason to keep it. A wrapped line's height is still the layout's.
  it("leaves the title's row height out, and not a wrapped line's", () => {
    const title = plan.texts.find((t) => t.style === "title");
    expect(title?.height).toBeGreaterThan(15);
    const before = { ...plan, texts: plan.texts.map((t) => (t.style === "title" ? { ...t, height: undefined } : t)) };
    expect(layoutPrint(before)).toBe(print);
    const lead = plan.texts.find((t) => t.style === "lead");
    expect(lead).toBeDefined();
    // The lead after a correction that makes it a line longer: another layout.
    const higher = { ...plan, texts: plan.texts.map((t) => (t === lead ? { ...t, height: (t.height ?? 15) + 19.5 } : t)) };
    expect(layoutPrint(higher)).not.toBe(print);
  });

  it("holds the tables' periods: the next year in the same cells is a new layout", () => {
    const threshold = plan.tables.find((t) => t.name === "lm_werknemers_loongrens");
    expect(threshold?.periods).toEqual(["2020"]);
    const next = { ...plan, tables: plan.tables.map((t) => (t === threshold ? { ...t, periods: ["2021"] } : t)) };
    expect(layoutPrint(next)).not.toBe(print);
  });

  it("holds the captions' and the title's text", () => {
    expect(plan.texts.find((t) => t.style === "caption" && t.text.startsWith("Looneis voor kenniswerkers"))?.text).toBe("Looneis voor kenniswerkers (70% van de IND-grens), 2020");
    expect(layoutPrint(withText(plan, "caption", (t) => `${t}.`))).not.toBe(print);
    expect(layoutPrint(withText(plan, "title", (t) => `${t}.`))).not.toBe(print);
  });

  it("does not hold the text of the lines that carry the figures, or of the source lines", () => {
    // The lead (row 1) and the sentences are "lead" lines; the source, reference date and notes are "source" lines.
    expect(plan.texts.filter((t) => t.style === "lead").length).toBeGreaterThan(1);
    const everyLead = { ...plan, texts: plan.texts.map((t) => (t.style === "lead" || t.style === "source" ? { ...t, text: `${t.text} (gewijzigd)` } : t)) };
    expect(layoutPrint(everyLead)).toBe(print);
  });

  it("does not hold the figures", () => {
    const figures = { ...plan, tables: plan.tables.map((t) => ({ ...t, rows: t.rows.map((r) => [r[0], ...r.slice(1).map((v) => (typeof v === "number" ? v + 1 : v))]) })) };
    expect(layoutPrint(figures)).toBe(print);
  });
});
