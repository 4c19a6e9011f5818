import { Observation } from "../../src/data/types";
import { buildPlan } from "../../src/report/plan";
import { freeSheetName, safeSheetName, safeTableName } from "../../src/report/sheet-names";
import { SHIPPED_EDITION } from "../../src/sources/shipped-source";
import { shippedPackage } from "../support/fixtures";

const pkg = shippedPackage();
const plan = buildPlan(pkg, { language: "nl", edition: SHIPPED_EDITION });
const sheet = (key: string) => plan.sheets.find((s) => s.key === key) ?? (() => { throw new Error(key); })();
const table = (name: string) => plan.sheets.flatMap((s) => s.tables).find((t) => t.name === name) ?? (() => { throw new Error(name); })();

describe("the workbook plan", () => {
  it("has the Data sheet with the three tables, side by side", () => {
    expect(plan.data.name).toBe("Data");
    expect(plan.data.tables.map((t) => [t.name, t.column, t.rows.length])).toEqual([
      ["MonitorData", 0, pkg.observations.length],
      ["MonitorIndicatoren", 17, pkg.indicators.length],
      ["MonitorBronnen", 25, pkg.sources.length],
    ]);
  });

  it("has one indicator sheet per page group of the report, with valid unique names", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual(["Bevolking", "Regio en Nederland", "Vestiging en vertrek", "Woonduur", "Repats", "Kinderen", "Nationaliteiten", "Expat Centre", "Werknemers", "Statushouders", "Studenten"]);
    for (const s of plan.sheets) expect(s.name).toMatch(/^[^:\\/?*[\]]{1,31}$/);
  });

  it("names every table uniquely, with Excel's rules and the lm_ prefix", () => {
    const names = plan.sheets.flatMap((s) => s.tables.map((t) => t.name));
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^lm_[A-Za-z0-9_.]+$/);
  });

  it("puts the figures of the text in the tables, blanks where the text has none", () => {
    expect(table("lm_vestiging_per_jaar").rows[9]).toEqual(["2021", 4049, 2989]);
    expect(table("lm_bevolking_nationaliteit").rows).toEqual([
      ["Nederlands", 108913, null, 110565],
      ["buitenlandse nationaliteit", 11315, 13993, 14472],
    ]);
    expect(table("lm_nationaliteiten_aantal").rows.map((r) => r[0])).toEqual(["Italiaans", "Duits", "Pools", "Brits", "Chinees", "Frans", "Spaans", "Amerikaans", "Syrisch", "Overig"]);
  });

  it("draws a chart where the data supports one, of the right kind", () => {
    const kinds = Object.fromEntries(plan.sheets.map((s) => [s.key, s.charts.map((c) => c.kind)]));
    expect(kinds.vestiging).toEqual(["line"]);
    expect(kinds.woonduur).toEqual(["pie"]);
    // Ten nationalities and the rest: bars in table order, each with its value.
    expect(kinds.nationaliteiten).toEqual(["barClustered", "barClustered"]);
    // One repats figure per year is no line; the comparison by age is a chart.
    expect(kinds.repats).toEqual(["columnClustered"]);
    expect(kinds["expat-centre"]).toEqual([]);
    for (const s of plan.sheets.filter((s) => s.key !== "expat-centre")) expect(s.charts.length).toBeGreaterThan(0);
  });

  it("writes values on charts only where they do not crowd them", () => {
    const labelled = Object.fromEntries(plan.sheets.flatMap((s) => s.charts.map((c) => [c.table.name, c.showValues])));
    expect(labelled.lm_woonduur_woonduur).toBe(true); // a pie of three
    expect(labelled.lm_kinderen_leeftijd).toBe(true); // a doughnut of three
    expect(labelled.lm_nationaliteiten_aantal).toBe(true); // ten bars of one series
    expect(labelled.lm_vestiging_per_jaar).toBe(false); // two series
    expect(labelled.lm_nationaliteiten_groei).toBe(true); // one series
  });

  it("writes lead sentences from the data, in Dutch number format", () => {
    expect(sheet("bevolking").texts[1].text).toBe("In Leiden heeft 11,6% van de inwoners een buitenlandse nationaliteit en 32,9% een migratieachtergrond. Op 1 januari 2022 zijn dat 14.472 inwoners met een buitenlandse nationaliteit.");
    expect(sheet("repats").texts[1].text).toMatch(/In 2021 waren het er 478, van wie 17% kinderen\.$/);
  });

  it("cites sources, pages and reference dates of the figures it shows", () => {
    const source = sheet("kinderen").texts.find((t) => t.style === "source")?.text;
    expect(source).toBe("Bron: BRP, gemeente Leiden (peildatum 1 januari 2022). Internationals in cijfers, Leiden 2022, pagina 14, 16.");
  });

  it("keeps blocks and charts apart", () => {
    for (const s of plan.sheets) {
      const rows = s.tables.map((t) => [t.row - 1, t.row + t.rows.length]);
      for (let i = 1; i < rows.length; i++) expect(rows[i][0]).toBeGreaterThan(rows[i - 1][1]);
      for (const c of s.charts) expect(c.anchor.fromColumn).toBeGreaterThan(Math.max(...s.tables.map((t) => t.header.length - 1)));
    }
  });

  it("speaks English when asked", () => {
    const en = buildPlan(pkg, { language: "en" });
    expect(en.sheets[0].name).toBe("Population");
    expect(en.sheets[0].texts[1].text).toMatch(/^In Leiden, 11.6% of inhabitants have a foreign nationality/);
    expect(en.sheets.map((s) => s.key)).toEqual(plan.sheets.map((s) => s.key));
  });

  it("shows what an analyst adds: a neighbourhood, a year, a corrected figure", () => {
    const template = pkg.observations.find((o) => o.gebied === "Slaaghwijk") as Observation;
    const expat = pkg.observations.find((o) => o.indicator === "expat-inschrijvingen") as Observation;
    const changed = buildPlan(
      {
        ...pkg,
        observations: [
          ...pkg.observations.map((o) => (o === template ? { ...o, waarde: 61 } : o)),
          { ...template, gebied: "De Kooi", waarde: 25 },
          { ...expat, periode: "2020", waarde: 300 },
        ],
      },
      { language: "nl" },
    );
    const buurt = changed.sheets.flatMap((s) => s.tables).find((t) => t.name === "lm_kinderen_buurt");
    expect(buurt?.rows).toEqual([["Slaaghwijk", 61], ["Noorderkwartier", 30], ["De Kooi", 25]]);
    expect(changed.sheets.find((s) => s.key === "expat-centre")?.charts).toHaveLength(1);
  });

  it("leaves out a block whose figures are all missing, and a sheet without any", () => {
    const without = buildPlan({ ...pkg, observations: pkg.observations.filter((o) => o.indicator !== "woonduur" && !(o.indicator === "vestiging" && o.eenheid === "aandeel")) }, { language: "nl" });
    expect(without.sheets.map((s) => s.key)).not.toContain("woonduur");
    expect(without.sheets.find((s) => s.key === "vestiging")?.tables.map((t) => t.name)).toEqual(["lm_vestiging_per_jaar"]);
  });
});

describe("Excel names", () => {
  it("makes sheet names Excel accepts", () => {
    expect(safeSheetName("Vestiging: vertrek / [2021]?")).toBe("Vestiging vertrek 2021");
    expect(safeSheetName("x".repeat(40))).toHaveLength(31);
    expect(safeSheetName("***")).toBe("Blad");
  });

  it("finds a free name beside the user's sheets, ignoring case, or none", () => {
    expect(freeSheetName("Data", new Set(["blad1"]))).toBe("Data");
    expect(freeSheetName("Data", new Set(["data"]))).toBe("Data (monitor)");
    expect(freeSheetName("Data", new Set(["data", "data (monitor)"]))).toBe("Data (monitor 2)");
    expect(freeSheetName("Data", new Set(["data", "data (monitor)", "data (monitor 2)"]))).toBeNull();
    // Long names keep their suffix whole, so the alternatives stay distinct.
    const english = new Set(["settlement and departure"]);
    // …and the name is shortened at a word boundary, never mid-word.
    expect(freeSheetName("Settlement and departure", english)).toBe("Settlement and (monitor)");
    english.add("settlement and (monitor)");
    expect(freeSheetName("Settlement and departure", english)).toBe("Settlement and (monitor 2)");
    // Every alternative within Excel's 31 characters, for any name: test/report/sheet-names.test.ts.
  });

  it("makes table names Excel accepts", () => {
    expect(safeTableName("lm_expat-centre_per jaar")).toBe("lm_expat_centre_per_jaar");
    expect(safeTableName("2021")).toBe("_2021");
  });
});
