import { MonitorPackage } from "../../src/data/types";
import { shippedPackage } from "./fixtures";

/**
 * Texts from data that Excel would take for something else if typed (issue 14, D8): a formula
 * ("=1+2", "+31 71 516 5000", "-", "@x"), a quote prefix ("'quoted"), a number ("1.253", "12%",
 * "+31"), a date ("2022-01-01", "12-17", "jan 2022") or a Boolean ("TRUE").
 */
export const HOSTILE_TEXTS = ["=1+2", "+31", "-", "@x", "'quoted", "1.253", "12%", "2022-01-01", "=HYPERLINK(\"https://example.org\")", "+31 71 516 5000", "TRUE", "12-17", "jan 2022", "="];

/** The shipped edition with those texts as notes, an area, the citation, name and description of a source, and an indicator's label. */
export function hostilePackage(): MonitorPackage {
  const pkg = structuredClone(shippedPackage());
  pkg.observations.forEach((o, i) => (o.toelichting = HOSTILE_TEXTS[i % HOSTILE_TEXTS.length]));
  const area = pkg.observations.find((o) => o.gebied !== "Leiden")!.gebied;
  for (const o of pkg.observations) if (o.gebied === area) o.gebied = "-";
  Object.assign(pkg.sources[0], { citeernaam: "+31 71 516 5000", naam: "=1+2", omschrijving: "1.253" });
  pkg.indicators[0].labelNl = "@x";
  return pkg;
}
