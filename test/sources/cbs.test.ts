import { pullFromCbs } from "../../src/sources/cbs/pull";
import { CbsOptions } from "../../src/sources/cbs/client";
import { MonitorQueries } from "../../src/data/queries";
import { MonitorStore } from "../../src/data/store";
import { CbsServer, FIXTURE_MUNICIPALITIES, parseFilter, startCbsServer } from "../support/cbs-server";

/** Against the CBS stand-in: its figures are synthetic, made up by a formula (see cbs-server.ts). */
let cbs: CbsServer;
beforeAll(async () => {
  cbs = await startCbsServer();
});
afterAll(() => cbs.close());
beforeEach(() => {
  cbs.requests.length = 0;
  cbs.behaviour.fail503 = 0;
  cbs.behaviour.hang = null;
});

const options = (extra: Partial<CbsOptions> = {}): CbsOptions => ({ baseUrl: cbs.url, fetch: (input, init) => fetch(input, init), timeoutMs: 2000, retryDelayMs: 5, ...extra });
const pulled = async (areas: string[], from = 2012, to = 2024, extra: Partial<CbsOptions> = {}) => {
  const result = await pullFromCbs({ areas, from, to }, options(extra));
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("\n"));
  return result;
};

describe("population by nationality from CBS StatLine 85644NED", () => {
  it("pulls counts, shares, growth and ranks for the chosen municipalities and years, as a valid package", async () => {
    const result = await pulled(["Leiden", "Delft"]);
    const q = new MonitorQueries(new MonitorStore(result.value.package));
    expect(result.value.edition).toMatchObject({ title: "CBS StatLine 85644NED: Leiden, Delft, 2012–2024", version: "2025-06-30", referenceDate: "2024-01-01" });
    const delft = result.value.package.observations.filter((o) => o.gebied === "Delft" && o.periode === "2024" && o.indicator === "inwoners");
    const total = delft.find((o) => o.groep === "inwoners")?.waarde as number;
    const foreign = delft.find((o) => o.groep === "buitenlandse nationaliteit")?.waarde as number;
    expect(total).toBe((delft.find((o) => o.groep === "Nederlands")?.waarde as number) + foreign);
    expect(q.count("Italiaans", "2024", "Delft")).toBe(delft.find((o) => o.groep === "Italiaans")?.waarde);
    expect(q.share("buitenlandse nationaliteit", "2024", undefined, "Delft")).toBeCloseTo(foreign / total, 10);
    expect(q.top(3, "2024", "Delft").map(([group]) => group)).toHaveLength(3);
    expect(delft.some((o) => o.groep === "Turks")).toBe(true); // a CBS title the vocabulary does not know is its own group
    const row = delft.find((o) => o.groep === "Italiaans");
    expect(row).toMatchObject({ bron: "CBS", peildatum: "2024-01-01", status: "gerapporteerd", pagina: null, toelichting: expect.stringContaining("CBS StatLine 85644NED (Bevolking; geslacht, leeftijd, nationaliteit en regio, 1 januari), gewijzigd 2025-06-30.") });
    expect(result.value.package.sources).toEqual([expect.objectContaining({ id: "CBS", citeernaam: "CBS StatLine, tabel 85644NED", url: expect.stringContaining("85644NED") })]);
  });

  it("ranks each municipality among all municipalities by share of foreign nationality", async () => {
    const result = await pulled(["Leiden", "Delft"], 2020, 2021);
    const rank = (area: string) => result.value.package.observations.find((o) => o.indicator === "rang" && o.gebied === area && o.periode === "2021")?.waarde;
    // Leiden and Delft have forty times the foreign counts of the other fixture municipalities.
    expect([rank("Leiden"), rank("Delft")].sort()).toEqual([1, 2]);
    expect(result.value.package.observations.find((o) => o.indicator === "gemeenten" && o.periode === "2021")?.waarde).toBe(FIXTURE_MUNICIPALITIES.length);
  });

  it("leaves suppressed cells out (never 0) and says so in the note", async () => {
    const result = await pulled(["Delft"], 2013, 2013);
    const rows = result.value.package.observations.filter((o) => o.gebied === "Delft" && o.periode === "2013");
    expect(rows.some((o) => o.groep === "Hongaars")).toBe(false);
    expect(rows.find((o) => o.groep === "buitenlandse nationaliteit" && o.eenheid === "aantal")?.toelichting).toMatch(/CBS onderdrukt kleine aantallen voor Hongaars/);
  });

  it("filters on keys exactly as the dimension endpoints return them (padded), and always sends $top and $format", async () => {
    await pulled(["Leiden"], 2022, 2022);
    const data = cbs.requests.filter((r) => r.includes("/TypedDataSet"));
    expect(data.length).toBeGreaterThan(0);
    expect(data[0]).toContain("RegioS eq 'GM0546    '");
    expect(data[0]).toContain("Geslacht eq 'T001038'");
    for (const request of cbs.requests) expect(request).toMatch(/\$format=json.*\$top=\d+|\$top=\d+.*\$format=json/);
  });

  it("pages with $skip when a query has more cells than one request may carry", async () => {
    const whole = await pulled(["Leiden", "Delft", "Amsterdam"], 2010, 2024);
    cbs.requests.length = 0;
    const paged = await pulled(["Leiden", "Delft", "Amsterdam"], 2010, 2024, { maxCells: 1000 });
    const pages = cbs.requests.filter((r) => r.includes("/TypedDataSet"));
    expect(pages.filter((r) => r.includes("$skip=250&") || r.includes("$skip=250"))).toHaveLength(2);
    expect(pages.every((r) => /\$top=250/.test(r))).toBe(true);
    expect(paged.value.package.observations).toEqual(whole.value.package.observations);
  });

  it("finds municipalities however they are typed, and suggests a name for a typo", async () => {
    const result = await pulled(["s gravenhage", "LEIDEN"], 2022, 2022);
    expect(new Set(result.value.package.observations.map((o) => o.gebied))).toEqual(new Set(["'s-Gravenhage", "Leiden", "Nederland"]));
    const typo = await pullFromCbs({ areas: ["Leidn"], from: 2022, to: 2022 }, options());
    expect(!typo.ok && typo.problems[0].message).toBe("Onbekende gemeente 'Leidn' in CBS-tabel 85644NED. Bedoelt u 'Leiden'?");
  });

  it("names the years the table has when a year is missing", async () => {
    const result = await pullFromCbs({ areas: ["Leiden"], from: 2005, to: 2012 }, options());
    expect(!result.ok && result.problems[0].message).toBe("CBS-tabel 85644NED heeft geen jaar 2005; beschikbaar: 2010–2025.");
  });

  it("says when the newest year has no figures yet, instead of writing zeros", async () => {
    const result = await pulled(["Leiden"], 2024, 2025);
    expect(result.value.package.observations.some((o) => o.periode === "2025")).toBe(false);
    expect(result.notes).toContain("Leiden 2025: CBS heeft (nog) geen cijfers; dit jaar ontbreekt.");
  });

  it("retries a transient 503 with back-off, then succeeds", async () => {
    cbs.behaviour.fail503 = 2;
    const messages: string[] = [];
    await pulled(["Leiden"], 2022, 2022, { onProgress: (m) => messages.push(m) });
    expect(messages.filter((m) => m.startsWith("CBS antwoordt niet goed"))).toEqual(["CBS antwoordt niet goed; opnieuw proberen (1 van 3)…", "CBS antwoordt niet goed; opnieuw proberen (2 van 3)…"]);
  });

  it("gives up after three retries with one clear message", async () => {
    cbs.behaviour.fail503 = 100;
    const result = await pullFromCbs({ areas: ["Leiden"], from: 2022, to: 2022 }, options());
    expect(!result.ok && result.problems[0].message).toMatch(/gaf HTTP 503 Service Unavailable: een fout bij de server; probeer het later opnieuw\. \(na 4 pogingen\) Er is niets geschreven\./);
    expect(cbs.requests).toHaveLength(4);
  });

  it("times out a request that hangs, retries, and then fails clearly", async () => {
    cbs.behaviour.hang = /TypedDataSet/;
    const result = await pullFromCbs({ areas: ["Leiden"], from: 2022, to: 2022 }, options({ timeoutMs: 200 }));
    expect(!result.ok && result.problems[0].message).toMatch(/antwoordde niet binnen 0,2 seconden.*\(na 4 pogingen\)/);
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
});
