import { formatFigure } from "../../src/data/format";
import { Observation } from "../../src/data/types";
import { NATIONALITIES } from "../../src/data/vocabulary";
import { seedText, shippedPackage, SEED_TEXT_PATH } from "../support/fixtures";
import { requirement } from "../support/requirement";

const observations = shippedPackage().observations;
const text = seedText();
const reported = observations.filter((o) => o.status === "gerapporteerd");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\€]/g, "\\$&");

/** The figure as the report writes it must stand in the text as a whole number, not inside another. */
function occursInReport(o: Observation, report: string): boolean {
  const written = formatFigure(o.waarde, o.eenheid, "nl");
  return new RegExp(`(?<![\\d.,])${escape(written)}(?![\\d]|[.,]\\d)`).test(report.replace(/\s+/g, " "));
}

const withText = requirement("the seed text (../shared)", text ? null : `${SEED_TEXT_PATH} is absent (check out ../shared beside the project)`);

withText.describe("every reported figure is in the report text", () => {
  it.each(reported.map((o) => [`${o.indicator} ${o.gebied} ${o.groep} ${o.leeftijd} ${o.periode} ${o.eenheid} → ${formatFigure(o.waarde, o.eenheid)}`, o] as const))("%s", (_name, o) => {
    expect(occursInReport(o, text as string)).toBe(true);
  });

  it("would notice a figure that is not in the text", () => {
    const invented = { ...reported[0], waarde: 123457, eenheid: "aantal" } as Observation;
    expect(occursInReport(invented, text as string)).toBe(false);
    expect(occursInReport({ ...invented, waarde: 0.117, eenheid: "aandeel" }, text as string)).toBe(false);
  });
});

const find = (indicator: string, groep: string, periode: string, extra: Partial<Observation> = {}) => {
  const match = observations.filter(
    (o) => o.indicator === indicator && o.groep === groep && o.periode === periode && o.gebied === (extra.gebied ?? "Leiden") && o.leeftijd === (extra.leeftijd ?? "") && o.eenheid === (extra.eenheid ?? "aantal"),
  );
  if (match.length !== 1) throw new Error(`expected one figure for ${indicator}/${groep}/${periode}, found ${match.length}`);
  return match[0].waarde;
};

/** Each derived figure and how it is computed from other rows (the computation its note states). */
const DERIVATIONS: { key: [string, string, string]; compute: () => number; note: RegExp }[] = [
  { key: ["inwoners", "inwoners", "2022"], compute: () => find("inwoners", "Nederlands", "2022") + find("inwoners", "buitenlandse nationaliteit", "2022"), note: /110\.565.*14\.472/ },
  { key: ["inwoners", "inwoners", "2012"], compute: () => find("inwoners", "Nederlands", "2012") + find("inwoners", "buitenlandse nationaliteit", "2012"), note: /108\.913.*11\.315/ },
  { key: ["inwoners", "buitenlandse nationaliteit", "2021"], compute: () => find("inwoners", "buitenlandse nationaliteit", "2022") - find("toename", "buitenlandse nationaliteit", "2021-2022"), note: /14\.472.*479/ },
  { key: ["werknemers-werkend", "kenniswerkers", "2011"], compute: () => find("werknemers-werkend", "internationale werknemers", "2011") - find("werknemers-werkend", "arbeidsmigranten", "2011"), note: /7\.790.*4\.605/ },
  { key: ["werknemers-werkend", "kenniswerkers", "2020"], compute: () => find("werknemers-werkend", "internationale werknemers", "2020") - find("werknemers-werkend", "arbeidsmigranten", "2020"), note: /12\.375.*8\.610/ },
];

describe("derived figures", () => {
  it("are exactly the ones with a known computation", () => {
    const derived = observations.filter((o) => o.status === "afgeleid").map((o) => `${o.indicator}|${o.groep}|${o.periode}`);
    expect(derived.sort()).toEqual(DERIVATIONS.map((d) => d.key.join("|")).sort());
  });

  it.each(DERIVATIONS.map((d) => [d.key.join(" / "), d] as const))("%s equals its computation, which its note states", (_name, d) => {
    const row = observations.find((o) => o.status === "afgeleid" && o.indicator === d.key[0] && o.groep === d.key[1] && o.periode === d.key[2]) as Observation;
    expect(row.waarde).toBe(d.compute());
    expect(row.toelichting).toMatch(d.note);
  });
});

describe("the figures agree with each other as the report says", () => {
  it("the ten nationalities add up to 14.472", () => {
    expect(NATIONALITIES.reduce((sum, g) => sum + find("inwoners", g, "2022"), 0)).toBe(14472);
  });

  it("the children's age bands add up to 1.641", () => {
    const band = (leeftijd: string) => find("kinderen", "buitenlandse nationaliteit", "2022", { leeftijd });
    expect(band("0-3") + band("4-11") + band("12-17")).toBe(band("0-17"));
  });

  it("the workers' children add up to 2.070", () => {
    expect(find("kinderen-werknemers", "arbeidsmigranten", "2020") + find("kinderen-werknemers", "kenniswerkers", "2020")).toBe(find("kinderen-werknemers", "internationale werknemers", "2020"));
  });

  it("reported growth matches the counts, within the report's rounding", () => {
    const pairs: [string, string, string, string][] = [
      ["inwoners", "buitenlandse nationaliteit", "2012", "2022"],
      ["inwoners", "Nederlands", "2012", "2022"],
      ["werknemers-werkend", "internationale werknemers", "2011", "2020"],
      ["werknemers-werkend", "arbeidsmigranten", "2011", "2020"],
      ["werknemers-werkend", "kenniswerkers", "2011", "2020"],
    ];
    for (const [indicator, groep, from, to] of pairs) {
      const growthIndicator = indicator === "inwoners" ? "groei" : indicator;
      const reportedGrowth = find(growthIndicator, groep, `${from}-${to}`, { eenheid: "groei" });
      expect(Math.abs(find(indicator, groep, to) / find(indicator, groep, from) - 1 - reportedGrowth)).toBeLessThan(0.005);
    }
  });

  it("settlement exceeds departure in every year but 2020 (reading note 1)", () => {
    for (let year = 2012; year <= 2021; year++) {
      const gap = find("vestiging", "buitenlandse nationaliteit", String(year)) - find("vertrek", "buitenlandse nationaliteit", String(year));
      expect([year, gap > 0]).toEqual([year, year !== 2020]);
    }
  });

  it("41.109 of all inhabitants is the 32,9% of reading note 3", () => {
    expect(find("inwoners", "migratieachtergrond", "2022") / find("inwoners", "inwoners", "2022")).toBeCloseTo(0.329, 3);
  });
});
