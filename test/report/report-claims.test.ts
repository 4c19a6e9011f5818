import { MonitorPackage, Observation } from "../../src/data/types";
import { buildPlan } from "../../src/report/plan";
import { CLAIM_FIGURES, reportClaimHolds } from "../../src/report/report-claims";
import { SheetPlan, WorkbookPlan } from "../../src/report/types";
import { SHIPPED_EDITION } from "../../src/sources/shipped-source";
import { shippedPackage } from "../support/fixtures";

/**
 * The 2022 report's claims that its figures cannot show are repeated only over exactly its own
 * figures. An analyst who copies data/leiden-2022 to correct it (as the README says) keeps the
 * edition's name: the sheets must then say what the corrected figures show.
 */
const sheetOf = (plan: WorkbookPlan, key: string): SheetPlan => plan.sheets.find((s) => s.key === key) as SheetPlan;
const lead = (plan: WorkbookPlan, key: string) => sheetOf(plan, key).texts.filter((t) => t.style === "lead")[0].text;
const table = (plan: WorkbookPlan, key: string, suffix: string) => sheetOf(plan, key).tables.find((t) => t.name.endsWith(suffix))?.rows;

/** The shipped edition with one more row, copied from the row matching `like` and changed by `change`. */
function withRow(like: Partial<Observation>, change: Partial<Observation>, pkg: MonitorPackage = shippedPackage()): MonitorPackage {
  const model = pkg.observations.find((o) => Object.entries(like).every(([k, v]) => o[k as keyof Observation] === v));
  if (!model) throw new Error(`no row like ${JSON.stringify(like)}`);
  return { ...pkg, observations: [...pkg.observations, { ...model, toelichting: "Toegevoegd door een analist.", ...change }] };
}
const plans = (pkg: MonitorPackage) => (["nl", "en"] as const).map((language) => buildPlan(pkg, { language, edition: SHIPPED_EDITION }));
const REPATS = { indicator: "repats", groep: "Nederlands", leeftijd: "", eenheid: "aantal" as const };

describe("the 2022 report's claims over corrected copies of its data", () => {
  it("repeats them over the edition's own figures", () => {
    const [nl, en] = plans(shippedPackage());
    expect(lead(nl, "repats")).toBe("Het aantal Nederlanders dat zich in Leiden vestigt na een verblijf in het buitenland daalt volgens het rapport al een aantal jaar. In 2021 waren het er 478, van wie 17% kinderen.");
    expect(lead(en, "kinderen")).toBe("In total 1,641 children aged 0-17 in Leiden have a foreign nationality (1 January 2022). Among those aged 12-17 the report names Syrian as the most common nationality, without a count.");
    // The report names a nationality without a count: the lead says so in words that cannot be read as "some do not name it".
    expect(lead(nl, "kinderen")).toBe("In totaal hebben in Leiden 1.641 kinderen van 0-17 jaar een buitenlandse nationaliteit (1 januari 2022). Onder 12-17 jaar noemt het rapport de Syrische nationaliteit als de meest voorkomende, zonder een aantal te geven.");
    expect(lead(nl, "statushouders")).toBe("Op 1 januari 2022 wonen er 769 statushouders in Leiden; de grootste groep komt volgens het rapport uit Syrië.");
    expect(lead(en, "expat-centre")).toBe("In 2021, 450 internationals registered through Expat Centre Leiden, according to the report more than in the pandemic year 2020.");
  });

  it("does not say the repats are falling above a table that rises from 300 to 478", () => {
    const [nl, en] = plans(withRow(REPATS, { periode: "2020", jaar: 2020, waarde: 300 }));
    expect(table(nl, "repats", "_per_jaar")).toEqual([["2020", 300], ["2021", 478]]);
    expect(lead(nl, "repats")).toBe("In 2021 kwamen 478 Nederlanders na een verblijf in het buitenland in Leiden wonen, van wie 17% kinderen.");
    expect(lead(en, "repats")).toBe("In 2021, 478 Dutch nationals settled in Leiden after living abroad, 17% of them children.");
  });

  it("says they are rising when three years rise", () => {
    const pkg = withRow(REPATS, { periode: "2019", jaar: 2019, waarde: 250 }, withRow(REPATS, { periode: "2020", jaar: 2020, waarde: 300 }));
    expect(lead(plans(pkg)[0], "repats")).toBe("Het aantal Nederlanders dat zich in Leiden vestigt na een verblijf in het buitenland stijgt al een aantal jaar. In 2021 waren het er 478, van wie 17% kinderen.");
  });

  it("does not name Syrian for 12-17 above a table that shows Polish with a count", () => {
    const [nl, en] = plans(withRow({ indicator: "kinderen", groep: "Italiaans", leeftijd: "4-11" }, { groep: "Pools", leeftijd: "12-17", waarde: 41 }));
    expect(table(nl, "kinderen", "_nationaliteit")).toEqual([["0-3 jaar: Italiaans", 43], ["4-11 jaar: Italiaans", 98], ["12-17 jaar: Pools", 41]]);
    expect(lead(nl, "kinderen")).toBe("In totaal hebben in Leiden 1.641 kinderen van 0-17 jaar een buitenlandse nationaliteit (1 januari 2022).");
    expect(lead(en, "kinderen")).toBe("In total 1,641 children aged 0-17 in Leiden have a foreign nationality (1 January 2022).");
  });

  it("does not name Syria as the largest group of status holders whose figures changed", () => {
    const pkg = shippedPackage();
    const changed = { ...pkg, observations: pkg.observations.map((o) => (o.indicator === "statushouders" && o.groep === "statushouders" ? { ...o, waarde: 800 } : o)) };
    const [nl, en] = plans(changed);
    expect(lead(nl, "statushouders")).toBe("Op 1 januari 2022 wonen er 800 statushouders in Leiden.");
    expect(lead(en, "statushouders")).toBe("On 1 January 2022, 800 status holders lived in Leiden.");
  });

  it("compares the Expat Centre's year with the year before once the data has it, not with the report's pandemic year", () => {
    const [, en] = plans(withRow({ indicator: "expat-inschrijvingen" }, { periode: "2020", jaar: 2020, waarde: 500 }));
    expect(lead(en, "expat-centre")).toBe("In 2021, 450 internationals registered through Expat Centre Leiden, fewer than in 2020 (500).");
  });

  it("decides by the figures the claim is about, row for row, and for the report's municipality only", () => {
    const rows = shippedPackage().observations;
    expect(reportClaimHolds("repatsFalling", rows, "Leiden")).toBe(true);
    expect(reportClaimHolds("repatsFalling", rows, "Delft")).toBe(false);
    expect(reportClaimHolds("repatsFalling", rows.filter((o) => o.indicator !== "repats"), "Leiden")).toBe(false);
    expect(reportClaimHolds("repatsFalling", rows.map((o) => (o.indicator === "repats" && o.eenheid === "aantal" && o.leeftijd === "" ? { ...o, waarde: 479 } : o)), "Leiden")).toBe(false);
    // A figure the claim is not about leaves it standing.
    expect(reportClaimHolds("repatsFalling", rows.map((o) => (o.indicator === "statushouders" ? { ...o, waarde: 1 } : o)), "Leiden")).toBe(true);
  });

  it("rests on the figures data/leiden-2022 holds, as the seed text gives them", () => {
    const rows = shippedPackage().observations.filter((o) => o.gebied === "Leiden");
    for (const [claim, sets] of Object.entries(CLAIM_FIGURES)) {
      for (const { about, report } of sets) expect({ claim, figures: rows.filter(about).map((o) => [o.periode, o.waarde]) }).toEqual({ claim, figures: report });
    }
    // Literal, from the seed (pages 13, 16, 32, 27): not read from the code under test.
    expect(Object.values(CLAIM_FIGURES).flatMap((sets) => sets.flatMap((s) => s.report))).toEqual([["2021", 478], ["2022", 1641], ["2022", 769], ["2021", 450]]);
  });
});
