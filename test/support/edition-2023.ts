import { Edition } from "../../src/data/descriptor";
import { MonitorPackage, Observation } from "../../src/data/types";
import { shippedPackage } from "./fixtures";

/**
 * A 2023 edition of the Leiden monitor, for tests only. IT IS SYNTHETIC: the 2022 edition's
 * figures moved on one year (2022 → 2023, 2012-2022 → 2013-2023, 2021/2022 → 2022/2023, Jaar with them) and a few
 * changed by hand, so that the sheets must say something else. None of it is a published figure.
 */
export const EDITION_2023: Edition = {
  name: "leiden-monitor-internationalisering-2023-synthetisch",
  title: "Monitor Internationalisering: Internationals in cijfers, Leiden 2023 (synthetische testeditie)",
  version: "2023.0.0-test",
  referenceDate: "2023-01-01",
};

const nextYear = (text: string) => text.replace(/\d{4}/g, (year) => String(Number(year) + 1));

/** Figures changed by hand: Pools becomes the largest nationality, fewer settle than leave in the last year. */
const CHANGES: { where: Partial<Observation>; waarde: number }[] = [
  { where: { indicator: "inwoners", groep: "Pools", periode: "2023" }, waarde: 1400 },
  { where: { indicator: "inwoners", groep: "Overig", periode: "2023" }, waarde: 6652 },
  { where: { indicator: "vestiging", groep: "buitenlandse nationaliteit", leeftijd: "", periode: "2022", eenheid: "aantal" }, waarde: 2900 },
  { where: { indicator: "repats", groep: "Nederlands", leeftijd: "", periode: "2022", eenheid: "aantal" }, waarde: 512 },
];

export function edition2023(): MonitorPackage {
  const pkg = shippedPackage();
  const observations = pkg.observations.map((o): Observation => {
    // Jaar moves with Periode (a study year's first, a span's last year: each one on), else the package's own check refuses the row.
    const moved = { ...o, periode: nextYear(o.periode), jaar: o.jaar === null ? null : o.jaar + 1, peildatum: o.peildatum && nextYear(o.peildatum), toelichting: `Synthetisch testcijfer (2022-editie een jaar verschoven). ${o.toelichting}`.trim() };
    const change = CHANGES.find((c) => Object.entries(c.where).every(([k, v]) => moved[k as keyof Observation] === v));
    return change ? { ...moved, waarde: change.waarde, status: "afgeleid" } : moved;
  });
  return { ...pkg, observations, sources: pkg.sources.map((s) => ({ ...s, peildatum: s.peildatum && nextYear(s.peildatum) })) };
}
