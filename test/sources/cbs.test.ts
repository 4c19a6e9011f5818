import { fetchCbsFigures, pullFromCbs } from "../../src/sources/cbs/pull";
import { CbsOptions } from "../../src/sources/cbs/client";
import { MonitorQueries } from "../../src/data/queries";
import { MonitorStore } from "../../src/data/store";
import { Observation } from "../../src/data/types";
import { problemText } from "../../src/text/problems";
import { textOf } from "../../src/text/message";
import { FIXTURE_HERKOMST_TABLE, FIXTURE_MUNICIPALITIES, FIXTURE_TABLE, FIXTURE_TITLE, parseFilter, publishedCell, publishedDimension } from "../support/cbs-server";
import { useCbsServer } from "../support/use-cbs-server";

/**
 * Against the CBS stand-in: its figures are synthetic, made up by a formula (see cbs-server.ts).
 * Expected values are computed here from the stand-in's own published cells, the way an analyst
 * would from StatLine, never taken from the pull's output.
 */
const cbs = useCbsServer({ timeoutMs: 2000, retryDelayMs: 5 });
const options = cbs.options;
const pulled = async (areas: string[], from = 2012, to = 2024, extra: Partial<CbsOptions> = {}) => {
  const result = await pullFromCbs({ areas, from, to }, options(extra));
  if (!result.ok) throw new Error(result.problems.map((p) => problemText(p, "nl")).join("\n"));
  return result;
};
const refused = async (areas: string[], from = 2022, to = 2022, extra: Partial<CbsOptions> = {}) => {
  const result = await pullFromCbs({ areas, from, to }, options(extra));
  if (result.ok) throw new Error("the pull was expected to fail");
  return result.problems.map((p) => problemText(p, "nl"));
};

// The stand-in's published cells, both sexes and all ages.
const nationalityCell = (code: string, year: number, nationality: string) => publishedCell(FIXTURE_TABLE, { RegioS: code, Perioden: `${year}JJ00`, Nationaliteit: nationality });
const nationalityTitle = (key: string) => publishedDimension(FIXTURE_TABLE, "Nationaliteit").find((d) => d.key === key)?.title;
const herkomstCell = (code: string, year: number, origin: string) => publishedCell(FIXTURE_HERKOMST_TABLE, { RegioS: code, Perioden: `${year}JJ00`, Herkomstland: origin, Geboorteland: "T001638" });
const municipalityCodes = publishedDimension(FIXTURE_TABLE, "RegioS").filter((r) => r.key.startsWith("GM")).map((r) => r.key);
const foreignShare = (code: string, year: number) => (nationalityCell(code, year, "NAT9489") as number) / (nationalityCell(code, year, "T001059") as number);
const herkomstShare = (code: string, year: number) => 1 - (herkomstCell(code, year, "1012600") as number) / (herkomstCell(code, year, "T001040") as number);
/** 1 + the number of municipalities with a higher share. */
const rankBy = (share: (code: string, year: number) => number, code: string, year: number) => 1 + municipalityCodes.filter((other) => share(other, year) > share(code, year)).length;

const find = (rows: readonly Observation[], o: Partial<Observation>) => rows.filter((r) => Object.entries(o).every(([k, v]) => r[k as keyof Observation] === v));
const one = (rows: readonly Observation[], o: Partial<Observation>) => {
  const found = find(rows, o);
  if (found.length !== 1) throw new Error(`expected one row for ${JSON.stringify(o)}, found ${found.length}`);
  return found[0];
};

describe("population by nationality and herkomst from CBS StatLine", () => {
  it("stores the counts CBS publishes, and shares, growth and ranks computed from them", async () => {
    const result = await pulled(["Leiden", "Delft"]);
    const rows = result.value.package.observations;
    expect(result.value.edition).toMatchObject({ title: "CBS StatLine 85644NED, 85458NED: Leiden, Delft, 2012–2024", version: "2025-06-30", referenceDate: "2024-01-01" });
    for (const [code, area] of [["GM0546", "Leiden"], ["GM0503", "Delft"], ["NL01", "Nederland"]]) {
      for (const year of [2012, 2018, 2024]) {
        const period = String(year);
        expect(one(rows, { indicator: "inwoners", gebied: area, groep: "inwoners", periode: period }).waarde).toBe(nationalityCell(code, year, "T001059"));
        expect(one(rows, { indicator: "inwoners", gebied: area, groep: "Nederlands", periode: period }).waarde).toBe(nationalityCell(code, year, "NAT9267"));
        expect(one(rows, { indicator: "inwoners", gebied: area, groep: "buitenlandse nationaliteit", periode: period }).waarde).toBe(nationalityCell(code, year, "NAT9489"));
        expect(one(rows, { indicator: "inwoners", gebied: area, groep: "Italiaans", periode: period }).waarde).toBe(nationalityCell(code, year, "NAT9318"));
        expect(one(rows, { indicator: "aandeel", gebied: area, groep: "buitenlandse nationaliteit", periode: period }).waarde).toBeCloseTo(foreignShare(code, year), 12);
        expect(one(rows, { indicator: "aandeel", gebied: area, groep: "Nederlands", periode: period }).waarde).toBeCloseTo(1 - foreignShare(code, year), 12);
      }
      const [first, last] = [nationalityCell(code, 2012, "NAT9489") as number, nationalityCell(code, 2024, "NAT9489") as number];
      expect(one(rows, { indicator: "groei", gebied: area, groep: "buitenlandse nationaliteit", periode: "2012-2024" }).waarde).toBeCloseTo((last - first) / first, 12);
      const turks = [nationalityCell(code, 2012, "NAT9437") as number, nationalityCell(code, 2024, "NAT9437") as number];
      expect(one(rows, { indicator: "groei", gebied: area, groep: "Turks", periode: "2012-2024" }).waarde).toBeCloseTo((turks[1] - turks[0]) / turks[0], 12);
    }
    const row = one(rows, { gebied: "Delft", groep: "Italiaans", periode: "2024", indicator: "inwoners" });
    expect(row).toMatchObject({ bron: "CBS", peildatum: "2024-01-01", status: "gerapporteerd", pagina: null, toelichting: "CBS StatLine 85644NED (Bevolking; geslacht, leeftijd, nationaliteit en regio, 1 januari), gewijzigd 2025-06-30." });
    expect(result.value.package.sources).toEqual([expect.objectContaining({ id: "CBS", citeernaam: "CBS StatLine 85644NED, 85458NED", url: expect.stringContaining("85644NED") })]);
    // The functions answer from the same figures.
    const q = new MonitorQueries(new MonitorStore(result.value.package));
    expect(q.share("buitenlandse nationaliteit", "2024", undefined, "Delft")).toBeCloseTo(foreignShare("GM0503", 2024), 12);
    expect(q.count("Turks", "2024", "Delft")).toBe(nationalityCell("GM0503", 2024, "NAT9437"));
  });

  it("ranks each municipality among all municipalities by both shares, as computed from every municipality's published cells", async () => {
    const chosen: [string, string][] = [["GM0546", "Leiden"], ["GM0503", "Delft"], ["GM0518", "'s-Gravenhage"], ["GM0344", "Utrecht"]];
    const result = await pulled(chosen.map(([, name]) => name), 2020, 2024);
    const rows = result.value.package.observations;
    for (const [code, area] of chosen) {
      for (const year of [2020, 2024]) {
        const rank = one(rows, { indicator: "rang", gebied: area, groep: "buitenlandse nationaliteit", periode: String(year) });
        expect(rank.waarde).toBe(rankBy(foreignShare, code, year));
        expect(rank.toelichting).toContain(`plek ${rankBy(foreignShare, code, year)} van ${FIXTURE_MUNICIPALITIES.length} gemeenten`);
      }
      for (const year of [2022, 2024]) expect(one(rows, { indicator: "rang", gebied: area, groep: "herkomst buiten Nederland", periode: String(year) }).waarde).toBe(rankBy(herkomstShare, code, year));
    }
    // The two measures rank differently, so a swapped measure cannot pass.
    expect(chosen.some(([code]) => rankBy(foreignShare, code, 2024) !== rankBy(herkomstShare, code, 2024))).toBe(true);
    expect(one(rows, { indicator: "gemeenten", periode: "2021" }).waarde).toBe(FIXTURE_MUNICIPALITIES.length);
    expect(find(rows, { indicator: "rang", gebied: "Nederland" })).toEqual([]);
  });

  it("gives inhabitants by herkomst from 2022, with the share with a herkomst outside the Netherlands and the definition change in every note", async () => {
    const result = await pulled(["Leiden"], 2020, 2024);
    const rows = result.value.package.observations;
    for (const year of [2022, 2023, 2024]) {
      const [t, nl] = [herkomstCell("GM0546", year, "T001040") as number, herkomstCell("GM0546", year, "1012600") as number];
      expect(one(rows, { indicator: "inwoners", gebied: "Leiden", groep: "herkomst Nederland", periode: String(year) })).toMatchObject({ waarde: nl, status: "gerapporteerd" });
      expect(one(rows, { indicator: "inwoners", gebied: "Leiden", groep: "herkomst buiten Nederland", periode: String(year) })).toMatchObject({ waarde: t - nl, status: "afgeleid" });
      const share = one(rows, { indicator: "aandeel", gebied: "Leiden", groep: "herkomst buiten Nederland", periode: String(year) });
      expect(share.waarde).toBeCloseTo(herkomstShare("GM0546", year), 12);
      expect(share.toelichting).toMatch(/migratieachtergrond noemt; CBS verving dat begrip in 2022/);
      expect(one(rows, { indicator: "aandeel", gebied: "Nederland", groep: "herkomst buiten Nederland", periode: String(year) }).waarde).toBeCloseTo(herkomstShare("NL01", year), 12);
    }
    expect(find(rows, { groep: "herkomst buiten Nederland", periode: "2021" })).toEqual([]);
    expect(result.notes?.map((n) => textOf(n, "nl"))).toContain("Herkomst (CBS-tabel 85458NED) bestaat pas vanaf 2022; voor 2020–2021 geeft de tabel geen cijfers.");
  });

  it("leaves suppressed cells out (never 0) and says so in the note", async () => {
    const result = await pulled(["Delft"], 2013, 2013);
    const rows = find(result.value.package.observations, { gebied: "Delft", periode: "2013" });
    expect(nationalityCell("GM0503", 2013, "NAT9345")).toBeNull();
    expect(rows.some((o) => o.groep === "Hongaars")).toBe(false);
    expect(one(rows, { groep: "buitenlandse nationaliteit", eenheid: "aantal" }).toelichting).toMatch(/CBS onderdrukt kleine aantallen voor Hongaars/);
  });

  it("keeps CBS's aggregates of nationalities (continents, the EU) out of the nationalities", async () => {
    const result = await pulled(["Leiden"], 2022, 2022);
    const groups = new Set(result.value.package.observations.map((o) => o.groep));
    for (const aggregate of ["Europa (exclusief Nederlands)", "Europese Unie (exclusief Nederlands)", "Afrika", "Azië"]) expect(groups.has(aggregate)).toBe(false);
    expect(groups.has("Marokkaans")).toBe(true);
  });

  it("filters on keys exactly as the dimension endpoints return them (padded), and always sends $top, $format and $inlinecount", async () => {
    await pulled(["Leiden"], 2022, 2022);
    const data = cbs.requests.filter((r) => r.includes("85644NED/TypedDataSet"));
    expect(data[0]).toContain("RegioS eq 'GM0546    '");
    expect(data[0]).toContain("Geslacht eq 'T001038'");
    for (const request of cbs.requests) {
      expect(request).toContain("$format=json");
      expect(request).toMatch(/\$top=\d+/);
      expect(request).toContain("$inlinecount=allpages");
    }
  });

  it("pages with $skip when a query has more cells than one request may carry, and gets the same figures", async () => {
    const whole = await pulled(["Leiden", "Delft", "Amsterdam"], 2010, 2024);
    cbs.requests.length = 0;
    const paged = await pulled(["Leiden", "Delft", "Amsterdam"], 2010, 2024, { maxCells: 1000 });
    const pages = cbs.requests.filter((r) => r.includes("85644NED/TypedDataSet"));
    expect(pages.filter((r) => /\$skip=250(&|$)/.test(r))).toHaveLength(2);
    expect(pages.every((r) => /\$top=250/.test(r))).toBe(true);
    expect(paged.value.package.observations).toEqual(whole.value.package.observations);
  });

  it("says when the newest year has no figures yet, and computes growth up to the last year that has them", async () => {
    const result = await pulled(["Leiden"], 2020, 2025);
    const rows = result.value.package.observations;
    expect(rows.some((o) => o.periode === "2025")).toBe(false);
    expect(result.notes?.map((n) => textOf(n, "nl"))).toContain("Leiden 2025: CBS heeft (nog) geen cijfers; dit jaar ontbreekt.");
    const growth = one(rows, { indicator: "groei", gebied: "Leiden", groep: "buitenlandse nationaliteit" });
    const [a, b] = [nationalityCell("GM0546", 2020, "NAT9489") as number, nationalityCell("GM0546", 2024, "NAT9489") as number];
    expect(growth).toMatchObject({ periode: "2020-2024", waarde: expect.closeTo((b - a) / a, 12) });
    expect(growth.toelichting).toContain("CBS heeft voor 2025 (nog) geen cijfers; groei tot en met 2024, het laatste jaar met cijfers.");
    expect(result.notes?.map((n) => textOf(n, "nl"))).toContain("Leiden: CBS heeft voor 2025 (nog) geen cijfers; groei tot en met 2024, het laatste jaar met cijfers.");
    expect(one(rows, { indicator: "groei", gebied: "Leiden", groep: "herkomst buiten Nederland" }).periode).toBe("2022-2024");
    // The edition is dated by its newest figures: a workbook of it is "… 2024", not of a year it has no figure for.
    expect(result.value.edition.referenceDate).toBe("2024-01-01");
    expect(result.value.package.sources.map((s) => s.peildatum)).toEqual(["2024-01-01"]);
  });

  it("names the years the table has when a year is missing", async () => {
    expect(await refused(["Leiden"], 2005, 2012)).toEqual(["CBS-tabel 85644NED heeft geen jaar 2005; beschikbaar: 2010–2025."]);
  });
});

describe("municipalities by the names people use", () => {
  it("pulls by every everyday name and stores CBS's plain name with its code", async () => {
    const typed = ["Den Haag", "'s-Gravenhage", "s-Gravenhage", "Utrecht", "Groningen", "Den Bosch", "'s-Hertogenbosch", "Hengelo", "bergen (l)"];
    const result = await pulled(typed, 2022, 2022);
    expect(result.value.edition.title).toBe("CBS StatLine 85644NED, 85458NED: 's-Gravenhage, Utrecht, Groningen, 's-Hertogenbosch, Hengelo (O.), Bergen (L.), 2022–2022");
    expect(result.areas).toEqual([
      { code: "GM0518", name: "'s-Gravenhage", key: "GM0518    " },
      { code: "GM0344", name: "Utrecht", key: "GM0344    " },
      { code: "GM0014", name: "Groningen", key: "GM0014    " },
      { code: "GM0796", name: "'s-Hertogenbosch", key: "GM0796    " },
      { code: "GM0164", name: "Hengelo (O.)", key: "GM0164    " },
      { code: "GM0893", name: "Bergen (L.)", key: "GM0893    " },
      { code: "NL01", name: "Nederland", key: "NL01      " },
    ]);
    const rows = result.value.package.observations;
    expect(new Set(rows.map((o) => o.gebied))).toEqual(new Set(["'s-Gravenhage", "Utrecht", "Groningen", "'s-Hertogenbosch", "Hengelo (O.)", "Bergen (L.)", "Nederland"]));
    expect(rows.some((o) => /\(gemeente\)/.test(o.gebied + o.toelichting))).toBe(false);
    expect(one(rows, { indicator: "inwoners", gebied: "'s-Gravenhage", groep: "inwoners", periode: "2022" }).waarde).toBe(nationalityCell("GM0518", 2022, "T001059"));
    expect(one(rows, { indicator: "inwoners", gebied: "Hengelo (O.)", groep: "inwoners", periode: "2022" }).waarde).toBe(nationalityCell("GM0164", 2022, "T001059"));
    // The functions take the everyday name too.
    const q = new MonitorQueries(new MonitorStore(result.value.package));
    expect(q.count("inwoners", "2022", "Groningen")).toBe(nationalityCell("GM0014", 2022, "T001059"));
    for (const typed of ["Den Haag", "s-Gravenhage", "'s-Gravenhage (gemeente)"]) expect(q.count("inwoners", "2022", typed)).toBe(nationalityCell("GM0518", 2022, "T001059"));
    expect(q.count("inwoners", "2022", "Hengelo")).toBe(nationalityCell("GM0164", 2022, "T001059"));
    expect(q.count("inwoners", "2022", "Den Bosch")).toBe(nationalityCell("GM0796", 2022, "T001059"));
  });

  it("keeps each area's CBS code with every one of its figures (Gebiedscode), also for a municipality no built-in list knows", async () => {
    const result = await pulled(["Delft", "Den Bosch", "Leiden"], 2020, 2024);
    const rows = result.value.package.observations;
    // The codes as the stand-in's RegioS dimension publishes them, written out by hand.
    const expected = new Map([["Delft", "GM0503"], ["'s-Hertogenbosch", "GM0796"], ["Leiden", "GM0546"], ["Nederland", "NL01"]]);
    expect(new Set(rows.map((o) => o.gebied))).toEqual(new Set(expected.keys()));
    for (const o of rows) expect(`${o.gebied} ${o.indicator} ${o.groep} ${o.periode}: ${o.gebiedscode}`).toBe(`${o.gebied} ${o.indicator} ${o.groep} ${o.periode}: ${expected.get(o.gebied)}`);
    for (const indicator of ["inwoners", "aandeel", "groei", "rang"]) expect(find(rows, { indicator, gebied: "Delft", gebiedscode: "GM0503" }).length).toBeGreaterThan(0);
  });

  it("refuses a name that fits two municipalities, naming both", async () => {
    expect(await refused(["Bergen"])).toEqual(["'Bergen' past bij 2 gemeenten: 'Bergen (L.)' en 'Bergen (NH.)'; kies er één."]);
  });

  it("reports every unknown name at once, each with a suggestion where one fits", async () => {
    expect(await refused(["Leidn", "Amsterdm", "Haag", "Xyzzy"])).toEqual([
      "Onbekende gemeente 'Leidn' in CBS-tabel 85644NED. Bedoelt u 'Leiden'?",
      "Onbekende gemeente 'Amsterdm' in CBS-tabel 85644NED. Bedoelt u 'Amsterdam'?",
      "Onbekende gemeente 'Haag' in CBS-tabel 85644NED. Bedoelt u ''s-Gravenhage'?",
      "Onbekende gemeente 'Xyzzy' in CBS-tabel 85644NED.",
    ]);
    expect(cbs.requests.some((r) => r.includes("TypedDataSet"))).toBe(false);
  });

  it("never takes a province or a landsdeel for a municipality", async () => {
    expect(await refused(["Zuid-Holland"])).toEqual([expect.stringMatching(/^Onbekende gemeente 'Zuid-Holland'/)]);
  });
});

describe("CBS's data taken as data", () => {
  it("refuses a count sent as text, naming the cell, instead of taking it for a suppression", async () => {
    cbs.behaviour.stringValuesFor = "GM0503";
    const messages = await refused(["Leiden"]);
    // The first of Delft's cells the pull reads: its total in the ranking's query.
    expect(messages).toEqual([`CBS-tabel 85644NED gaf voor Delft (GM0503), 2022, Nationaliteit 'Totaal' (T001059) in Bevolking_1 de tekst "${nationalityCell("GM0503", 2022, "T001059")}" in plaats van een aantal; de cijfers zijn niet te vertrouwen, dus er is niets geschreven.`]);
  });

  it("keeps a pull going when CBS's metadata is odd: a 40,000-character title, control characters", async () => {
    cbs.behaviour.tableTitle = `Bevolking\u0000\u000b; ${"heel lang ".repeat(4000)}`;
    cbs.behaviour.nationalityTitle = "Italiaans\u0007";
    const result = await pulled(["Leiden"], 2022, 2022);
    const rows = result.value.package.observations;
    const note = one(rows, { indicator: "inwoners", groep: "Italiaans", gebied: "Leiden", periode: "2022" }).toelichting;
    expect(note.length).toBeLessThan(400);
    expect(note).toMatch(/^CBS StatLine 85644NED \(Bevolking; heel lang heel lang .*…\), gewijzigd 2025-06-30\.$/);
    // eslint-disable-next-line no-control-regex
    expect(rows.some((o) => /[\u0000-\u001f]/.test(o.toelichting + o.groep))).toBe(false);
  });
});

describe("CBS that is slow, down or wrong", () => {
  it("waits 1, 2 and 4 times the delay between retries (a fake clock), then succeeds", async () => {
    cbs.behaviour.fail503 = 3;
    const waits: number[] = [];
    const messages: string[] = [];
    await pulled(["Leiden"], 2022, 2022, { retryDelayMs: 1000, sleep: async (ms) => void waits.push(ms), onProgress: (m) => messages.push(textOf(m, "nl")) });
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(messages.filter((m) => m.startsWith("CBS antwoordt niet goed"))).toEqual([1, 2, 3].map((n) => `CBS antwoordt niet goed; opnieuw proberen (${n} van 3)…`));
  });

  it("gives up after three retries with one clear message", async () => {
    cbs.behaviour.fail503 = 100;
    const waits: number[] = [];
    expect(await refused(["Leiden"], 2022, 2022, { sleep: async (ms) => void waits.push(ms) })).toEqual([expect.stringMatching(/gaf HTTP 503 Service Unavailable: een fout bij de server; probeer het later opnieuw\. \(na 4 pogingen\) Er is niets geschreven\.$/)]);
    expect(cbs.requests).toHaveLength(4);
    expect(waits).toEqual([5, 10, 20]);
  });

  it("does not retry a table that does not exist (404)", async () => {
    const waits: number[] = [];
    const result = await pullFromCbs({ areas: ["Leiden"], from: 2022, to: 2022 }, options({ baseUrl: `${cbs.origin}/ODataApi/odata/nope`, sleep: async (ms) => void waits.push(ms) }));
    expect(!result.ok && problemText(result.problems[0], "nl")).toMatch(/gaf HTTP 404/);
    expect(cbs.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("times out a request that hangs, retries, and then fails clearly", async () => {
    cbs.behaviour.hang = /TypedDataSet/;
    expect(await refused(["Leiden"], 2022, 2022, { timeoutMs: 200 })).toEqual([expect.stringMatching(/antwoordde niet binnen 0,2 seconden.*\(na 4 pogingen\)/)]);
  });
});

describe("the CBS stand-in itself", () => {
  it("refuses a query over 10,000 cells, as CBS does", async () => {
    const response = await fetch(`${cbs.url}/85644NED/TypedDataSet?$format=json`);
    expect(response.status).toBe(500);
    const narrow = await fetch(`${cbs.url}/85644NED/TypedDataSet?$format=json&$top=20000&$select=RegioS`);
    expect(narrow.status).toBe(500);
  });

  it("parses $filter with eq, and, or and parentheses", () => {
    const match = parseFilter("(RegioS eq 'GM0546    ' or RegioS eq 'GM0503    ') and Perioden eq '2022JJ00'");
    expect(match({ RegioS: "GM0546    ", Perioden: "2022JJ00" })).toBe(true);
    expect(match({ RegioS: "GM0546", Perioden: "2022JJ00" })).toBe(false); // unpadded keys do not match
    expect(() => parseFilter("RegioS gt 'x'")).toThrow(/only 'eq'/);
  });

  it("publishes CBS's titles with their disambiguators and marks, and a foreign share that sets municipalities well apart", () => {
    const titles = publishedDimension(FIXTURE_TABLE, "RegioS").map((r) => r.title);
    for (const title of ["'s-Gravenhage (gemeente)", "Utrecht (gemeente)", "Groningen (gemeente)", "Hengelo (O.)", "Bergen (L.)", "Bergen (NH.)", "Groningen (PV)"]) expect(titles).toContain(title);
    const shares = municipalityCodes.map((code) => foreignShare(code, 2021)).sort((a, b) => a - b);
    for (let i = 1; i < shares.length; i++) expect(shares[i] - shares[i - 1]).toBeGreaterThan(0.005);
  });
});

describe("figures CBS derives nothing for: the pull derives them, from the published cells", () => {
  const dutchShare = (code: string, year: number) => 1 - (nationalityCell(code, year, "NAT9267") as number) / (nationalityCell(code, year, "T001059") as number);

  it("a table without a foreign total: foreign = total − Dutch, with the share and rank that follow, said to be derived", async () => {
    cbs.behaviour.omitNationality = "NAT9489";
    const rows = (await pulled(["Leiden", "Delft"], 2021, 2022)).value.package.observations;
    for (const [code, area] of [["GM0546", "Leiden"], ["GM0503", "Delft"]]) {
      const [total, dutch] = [nationalityCell(code, 2022, "T001059") as number, nationalityCell(code, 2022, "NAT9267") as number];
      const foreign = one(rows, { indicator: "inwoners", gebied: area, groep: "buitenlandse nationaliteit", periode: "2022" });
      expect(foreign).toMatchObject({ waarde: total - dutch, status: "afgeleid" });
      expect(foreign.toelichting).toMatch(new RegExp(`^Afgeleid: totaal \\(${total}\\) min Nederlands \\(${dutch}\\)\\. `));
      expect(one(rows, { indicator: "aandeel", gebied: area, groep: "buitenlandse nationaliteit", periode: "2022" }).waarde).toBeCloseTo((total - dutch) / total, 12);
      expect(one(rows, { indicator: "rang", gebied: area, groep: "buitenlandse nationaliteit", periode: "2022" }).waarde).toBe(rankBy(dutchShare, code, 2022));
    }
  });

  it("a foreign count of 0 in the first year: no growth for it (never a division by 0), the other groups' growth stays", async () => {
    cbs.behaviour.cells = { "GM0503|2021JJ00|NAT9380": 0 };
    const rows = (await pulled(["Delft"], 2021, 2022)).value.package.observations;
    expect(one(rows, { indicator: "inwoners", gebied: "Delft", groep: "Pools", periode: "2021" }).waarde).toBe(0);
    expect(find(rows, { indicator: "groei", gebied: "Delft", groep: "Pools" })).toEqual([]);
    const turks = [nationalityCell("GM0503", 2021, "NAT9437") as number, nationalityCell("GM0503", 2022, "NAT9437") as number];
    expect(one(rows, { indicator: "groei", gebied: "Delft", groep: "Turks", periode: "2021-2022" }).waarde).toBeCloseTo((turks[1] - turks[0]) / turks[0], 12);
  });

  it("a municipality-year with 0 inhabitants: its counts stay, but no share and no rank (never a division by 0), and it is not counted among those ranked", async () => {
    cbs.behaviour.cells = { "GM0503|2022JJ00|T001059": 0 };
    const rows = (await pulled(["Delft"], 2022, 2022)).value.package.observations;
    expect(one(rows, { indicator: "inwoners", gebied: "Delft", groep: "inwoners", periode: "2022" }).waarde).toBe(0);
    // By nationality (85644NED); Delft's herkomst figures come from 85458NED and stay.
    for (const groep of ["buitenlandse nationaliteit", "Nederlands"]) expect(find(rows, { indicator: "aandeel", gebied: "Delft", groep, periode: "2022" })).toEqual([]);
    expect(find(rows, { indicator: "rang", gebied: "Delft", groep: "buitenlandse nationaliteit", periode: "2022" })).toEqual([]);
    expect(find(rows, { indicator: "rang", gebied: "Delft", groep: "herkomst buiten Nederland", periode: "2022" })).toHaveLength(1);
    expect(one(rows, { indicator: "gemeenten", gebied: "Nederland", periode: "2022" }).waarde).toBe(FIXTURE_MUNICIPALITIES.length - 1);
  });

  it("a municipality with no foreign inhabitants is ranked too: last, and counted among the municipalities", async () => {
    cbs.behaviour.cells = { "GM0503|2022JJ00|NAT9489": 0 };
    const rows = (await pulled(["Delft"], 2022, 2022)).value.package.observations;
    const rank = one(rows, { indicator: "rang", gebied: "Delft", groep: "buitenlandse nationaliteit", periode: "2022" });
    expect(rank.waarde).toBe(FIXTURE_MUNICIPALITIES.length);
    expect(rank.toelichting).toContain(`plek ${FIXTURE_MUNICIPALITIES.length} van ${FIXTURE_MUNICIPALITIES.length} gemeenten`);
    expect(one(rows, { indicator: "gemeenten", gebied: "Nederland", periode: "2022" }).waarde).toBe(FIXTURE_MUNICIPALITIES.length);
  });
});

describe("the derivations case by case: what CBS leaves out, how it titles and pads", () => {
  // The Toelichting of a count as CBS publishes it: the table, its title and its date (written out from the stand-in's TableInfos).
  const note = `CBS StatLine 85644NED (${FIXTURE_TITLE}), gewijzigd 2025-06-30.`;
  const noteTexts = (notes: readonly Parameters<typeof textOf>[0][] | undefined) => (notes ?? []).map((n) => textOf(n, "nl"));

  it("a suppressed count is named on that area-year's foreign count only; the group gets no growth ending in that year; growth has no reference date", async () => {
    // The stand-in suppresses Hongaars in Leiden in 2020 (FIXTURE_SUPPRESSED), nothing in 2019 or in Delft.
    expect(nationalityCell("GM0546", 2020, "NAT9345")).toBeNull();
    const result = await pulled(["Delft", "Leiden"], 2019, 2020);
    const rows = result.value.package.observations;
    const foreign = (gebied: string, periode: string) => one(rows, { indicator: "inwoners", gebied, groep: "buitenlandse nationaliteit", periode }).toelichting;
    expect(foreign("Leiden", "2020")).toBe(`${note} Niet als rij opgenomen: CBS onderdrukt kleine aantallen voor Hongaars.`);
    for (const [gebied, periode] of [["Leiden", "2019"], ["Delft", "2020"], ["Delft", "2019"], ["Nederland", "2020"]]) expect(foreign(gebied, periode)).toBe(note);
    expect(find(rows, { indicator: "groei", gebied: "Leiden", groep: "Hongaars" })).toEqual([]);
    const [a, b] = [nationalityCell("GM0503", 2019, "NAT9345") as number, nationalityCell("GM0503", 2020, "NAT9345") as number];
    expect(one(rows, { indicator: "groei", gebied: "Delft", groep: "Hongaars", periode: "2019-2020" })).toMatchObject({ waarde: expect.closeTo((b - a) / a, 12), peildatum: "" });
    expect(one(rows, { indicator: "inwoners", gebied: "Delft", groep: "Hongaars", periode: "2020" }).peildatum).toBe("2020-01-01");
    // Growth over the whole span: no note that it stops short.
    expect(noteTexts(result.notes)).toEqual(["Herkomst (CBS-tabel 85458NED) bestaat pas vanaf 2022; voor 2019–2020 is die niet opgehaald."]);
  });

  it("a suppressed Dutch count: no Dutch row or share, the foreign figures stay, and the note says what CBS suppressed", async () => {
    cbs.behaviour.cells = { "GM0503|2022JJ00|NAT9267": null };
    const rows = (await pulled(["Delft"], 2022, 2022)).value.package.observations;
    expect(find(rows, { gebied: "Delft", groep: "Nederlands", periode: "2022" })).toEqual([]);
    const [total, foreignCount] = [nationalityCell("GM0503", 2022, "T001059") as number, nationalityCell("GM0503", 2022, "NAT9489") as number];
    expect(one(rows, { indicator: "inwoners", gebied: "Delft", groep: "buitenlandse nationaliteit", periode: "2022" })).toMatchObject({ waarde: foreignCount, toelichting: `${note} Niet als rij opgenomen: CBS onderdrukt kleine aantallen voor Nederlands.` });
    expect(one(rows, { indicator: "aandeel", gebied: "Delft", groep: "buitenlandse nationaliteit", periode: "2022" }).waarde).toBeCloseTo(foreignCount / total, 12);
  });

  it("no foreign total and the Dutch count suppressed: no foreign count is derived, the note is on the total, and the municipality is not ranked", async () => {
    cbs.behaviour.omitNationality = "NAT9489";
    cbs.behaviour.cells = { "GM0503|2022JJ00|NAT9267": null };
    const rows = (await pulled(["Delft"], 2022, 2022)).value.package.observations;
    expect(one(rows, { indicator: "inwoners", gebied: "Delft", groep: "inwoners", periode: "2022" })).toMatchObject({ waarde: nationalityCell("GM0503", 2022, "T001059"), toelichting: `${note} Niet als rij opgenomen: CBS onderdrukt kleine aantallen voor Nederlands.` });
    for (const groep of ["buitenlandse nationaliteit", "Nederlands"]) expect(find(rows, { gebied: "Delft", groep, periode: "2022" })).toEqual([]);
    expect(find(rows, { indicator: "rang", gebied: "Delft", groep: "buitenlandse nationaliteit" })).toEqual([]);
    expect(one(rows, { indicator: "gemeenten", periode: "2022" }).waarde).toBe(FIXTURE_MUNICIPALITIES.length - 1);
  });

  it("a suppressed foreign total is not worked out from the other two: no foreign count or share, and the note on the total says what CBS suppressed", async () => {
    cbs.behaviour.cells = { "GM0503|2022JJ00|NAT9489": null };
    const rows = (await pulled(["Delft"], 2022, 2022)).value.package.observations;
    expect(find(rows, { gebied: "Delft", groep: "buitenlandse nationaliteit", periode: "2022" })).toEqual([]);
    expect(one(rows, { indicator: "inwoners", gebied: "Delft", groep: "inwoners", periode: "2022" })).toMatchObject({ waarde: nationalityCell("GM0503", 2022, "T001059"), toelichting: `${note} Niet als rij opgenomen: CBS onderdrukt kleine aantallen voor ${nationalityTitle("NAT9489")}.` });
    expect(one(rows, { indicator: "inwoners", gebied: "Delft", groep: "Nederlands", periode: "2022" }).waarde).toBe(nationalityCell("GM0503", 2022, "NAT9267"));
  });

  it("a cell the table does not have is no row (never 0), and a municipality without either total is not ranked", async () => {
    // Amsterdam without its total, Rotterdam without its foreign total, Delft without Italiaans.
    cbs.behaviour.omitCells = ["GM0363|2022JJ00|T001059", "GM0599|2022JJ00|NAT9489", "GM0503|2022JJ00|NAT9318"];
    const rows = (await pulled(["Delft"], 2022, 2022)).value.package.observations;
    expect(find(rows, { gebied: "Delft", groep: "Italiaans" })).toEqual([]);
    // Never a silent part: the foreign count says which asked-for figure CBS did not send.
    expect(one(rows, { indicator: "inwoners", gebied: "Delft", groep: "buitenlandse nationaliteit", periode: "2022" }).toelichting).toBe(`${note} Niet als rij opgenomen: CBS gaf geen cijfer voor ${nationalityTitle("NAT9318")}.`);
    expect(one(rows, { indicator: "inwoners", gebied: "Delft", groep: "Duits", periode: "2022" }).waarde).toBe(nationalityCell("GM0503", 2022, "NAT9291"));
    const ranked = municipalityCodes.filter((code) => code !== "GM0363" && code !== "GM0599");
    expect(one(rows, { indicator: "gemeenten", periode: "2022" }).waarde).toBe(ranked.length);
    const rank = 1 + ranked.filter((code) => foreignShare(code, 2022) > foreignShare("GM0503", 2022)).length;
    expect(one(rows, { indicator: "rang", gebied: "Delft", groep: "buitenlandse nationaliteit", periode: "2022" }).toelichting).toContain(`plek ${rank} van ${ranked.length} gemeenten`);
  });

  it("a table whose category keys come padded, as RegioS keys do: the same figures", async () => {
    const plain = (await pulled(["Leiden"], 2021, 2022)).value.package.observations;
    cbs.behaviour.nationalityKeyWidth = 10;
    const padded = await pulled(["Leiden"], 2021, 2022);
    expect(cbs.requests.some((r) => r.includes("Nationaliteit eq 'T001059   '"))).toBe(true);
    expect(padded.value.package.observations).toEqual(plain);
  });

  it("totals titled otherwise ('Totaal nationaliteiten', 'Niet-Nederlands'): the same groups, each once", async () => {
    cbs.behaviour.nationalityTitles = { T001059: "Totaal nationaliteiten", NAT9489: "Niet-Nederlands" };
    const rows = (await pulled(["Leiden"], 2022, 2022)).value.package.observations;
    expect(one(rows, { indicator: "inwoners", gebied: "Leiden", groep: "inwoners", periode: "2022" }).waarde).toBe(nationalityCell("GM0546", 2022, "T001059"));
    expect(one(rows, { indicator: "inwoners", gebied: "Leiden", groep: "buitenlandse nationaliteit", periode: "2022" })).toMatchObject({ waarde: nationalityCell("GM0546", 2022, "NAT9489"), status: "gerapporteerd" });
    const groups = find(rows, { indicator: "inwoners", gebied: "Leiden", periode: "2022" }).map((o) => o.groep);
    expect(groups.sort()).toEqual(["inwoners", "Nederlands", "buitenlandse nationaliteit", "Italiaans", "Duits", "Pools", "Brits", "Syrisch", "Turks", "Marokkaans", "Hongaars", "herkomst Nederland", "herkomst buiten Nederland"].sort());
  });

  it("the figures as fetched are whole rows, the same the package holds, for one year (no growth) and for two", async () => {
    for (const [from, to] of [[2022, 2022], [2021, 2022]]) {
      const fetched = await fetchCbsFigures({ areas: ["Leiden"], from, to }, options());
      for (const o of fetched.observations) expect(typeof o === "object" && typeof o.waarde === "number" && o.indicator !== "").toBe(true);
      const pkg = (await pulled(["Leiden"], from, to)).value.package.observations;
      expect(fetched.observations).toHaveLength(pkg.length);
    }
  });
});
