import { MonitorStore } from "../../src/data/store";
import { Indicator, MonitorPackage, Observation, Unit } from "../../src/data/types";

/**
 * The store on its own: what a look-up finds, in which order series and rankings come, and how
 * an edit in place (`replace`) changes what it holds. The figures are made up here, small enough
 * to know every expected answer by hand.
 */
const indicator = (id: string, eenheid: Unit, labelNl = id, labelEn = id): Indicator => ({ id, labelNl, labelEn, eenheid, standaardgroep: "", definitie: "", bron: "brp" });
const INDICATORS = [indicator("inwoners", "aantal", "Inwoners", "Inhabitants"), indicator("groei", "groei"), indicator("aandeel", "aandeel")];
const SOURCES = [{ id: "brp", naam: "BRP", citeernaam: "BRP, gemeente Leiden", omschrijving: "", peildatum: "2022-01-01", url: "" }];

function figure(o: Partial<Observation> & Pick<Observation, "groep" | "periode" | "waarde">): Observation {
  return { onderwerp: "Bevolking", indicator: "inwoners", gebied: "Leiden", leeftijd: "", eenheid: "aantal", bron: "brp", peildatum: "2022-01-01", status: "gerapporteerd", pagina: null, toelichting: "", jaar: null, bovengroep: "", gebiedscode: "", ...o };
}
const pkg = (observations: Observation[]): MonitorPackage => ({ observations, indicators: INDICATORS, sources: SOURCES });
const cell = (group: string, period: string, extra: { indicator?: string; area?: string; age?: string } = {}) => ({ indicator: "inwoners", area: "Leiden", group, age: "", period, ...extra });

describe("looking a figure up", () => {
  it("finds it by indicator, area, group, age and period, with names as the vocabulary writes them", () => {
    const store = new MonitorStore(pkg([figure({ groep: "italiaans ", periode: "2022", waarde: 1253 }), figure({ groep: "Duits", periode: "2022", waarde: 1162, leeftijd: "0-17" })]));
    expect(store.get(cell("Italiaans", "2022"))?.waarde).toBe(1253);
    expect(store.get(cell("Duits", "2022"))).toBeUndefined(); // only an age band has a figure
    expect(store.get(cell("Duits", "2022", { age: "0-17" }))?.waarde).toBe(1162);
    expect(store.get(cell("Italiaans", "2021"))).toBeUndefined();
    expect(store.get(cell("Italiaans", "2022", { area: "Delft" }))).toBeUndefined();
  });

  it("without a unit, takes the indicator's own unit first, then counts before ratios", () => {
    const store = new MonitorStore(
      pkg([
        figure({ indicator: "groei", groep: "Pools", periode: "2022", waarde: 0.5, eenheid: "aandeel" }),
        figure({ indicator: "groei", groep: "Pools", periode: "2022", waarde: 0.25, eenheid: "groei" }),
        figure({ indicator: "onbekend", groep: "Pools", periode: "2022", waarde: 0.1, eenheid: "groei" }),
        figure({ indicator: "onbekend", groep: "Pools", periode: "2022", waarde: 7, eenheid: "rang" }),
        figure({ indicator: "onbekend", groep: "Pools", periode: "2022", waarde: 40, eenheid: "aantal" }),
      ]),
    );
    expect(store.get(cell("Pools", "2022", { indicator: "groei" }))?.waarde).toBe(0.25);
    expect(store.get(cell("Pools", "2022", { indicator: "groei" }), "aandeel")?.waarde).toBe(0.5);
    expect(store.get(cell("Pools", "2022", { indicator: "groei" }), "euro")).toBeUndefined();
    // An indicator the package does not define: aantal, then euro, rang, aandeel, groei.
    expect(store.get(cell("Pools", "2022", { indicator: "onbekend" }))?.waarde).toBe(40);
    const noCount = new MonitorStore(pkg([figure({ indicator: "onbekend", groep: "Pools", periode: "2022", waarde: 0.1, eenheid: "groei" }), figure({ indicator: "onbekend", groep: "Pools", periode: "2022", waarde: 7, eenheid: "rang" })]));
    expect(noCount.get(cell("Pools", "2022", { indicator: "onbekend" }))?.waarde).toBe(7);
  });

  it("keeps cells apart whose parts, written one after the other, read the same", () => {
    // Joined with "|" into one key, these two cells were one: area "Oud|Leiden", group "Pools"
    // and area "Oud", group "Leiden|Pools".
    const store = new MonitorStore(pkg([figure({ gebied: "Oud|Leiden", groep: "Pools", periode: "2022", waarde: 11 }), figure({ gebied: "Oud", groep: "Leiden|Pools", periode: "2022", waarde: 22 })]));
    expect(store.get(cell("Pools", "2022", { area: "Oud|Leiden" }))?.waarde).toBe(11);
    expect(store.get(cell("Leiden|Pools", "2022", { area: "Oud" }))?.waarde).toBe(22);
    store.replace([store.observations[0]], []);
    expect(store.get(cell("Pools", "2022", { area: "Oud|Leiden" }))).toBeUndefined();
    expect(store.get(cell("Leiden|Pools", "2022", { area: "Oud" }))?.waarde).toBe(22);
  });

  it("knows the indicators and sources it was given, and nothing else", () => {
    const store = new MonitorStore(pkg([]));
    expect(store.indicator("inwoners")?.labelEn).toBe("Inhabitants");
    expect(store.indicator("vertrek")).toBeUndefined();
    expect(store.source("brp")?.citeernaam).toBe("BRP, gemeente Leiden");
    expect(store.source("cbs")).toBeUndefined();
    expect(store.indicatorNames.resolve("Inhabitants").found).toBe("inwoners");
    expect(store.indicatorNames.resolve("population").found).toBe("inwoners");
    store.define([indicator("vertrek", "aantal", "Vertrek", "Departure")], []);
    expect(store.indicator("inwoners")).toBeUndefined();
    expect(store.source("brp")).toBeUndefined();
    expect(store.indicatorNames.resolve("departures").found).toBe("vertrek");
  });
});

describe("series, periods and rankings", () => {
  const rows = [
    figure({ groep: "Italiaans", periode: "2022", waarde: 30 }),
    figure({ groep: "Italiaans", periode: "2012", waarde: 10 }),
    figure({ groep: "Italiaans", periode: "2018", waarde: 20 }),
    figure({ groep: "Italiaans", periode: "2018", waarde: 0.2, eenheid: "aandeel" }),
    figure({ groep: "Duits", periode: "2022", waarde: 30 }),
    figure({ groep: "Pools", periode: "2022", waarde: 50 }),
    figure({ groep: "Overig", periode: "2022", waarde: 900 }),
    figure({ groep: "Turks", periode: "2022", waarde: 40 }), // a CBS title the vocabulary does not know
    figure({ groep: "Italiaans", periode: "2022", waarde: 99, leeftijd: "0-17" }),
    figure({ groep: "Italiaans", periode: "2021", waarde: 25, gebied: "Delft" }),
    figure({ indicator: "aandeel", groep: "Italiaans", periode: "2020", waarde: 0.1, eenheid: "aandeel" }),
  ];

  it("gives a series in period order, per unit", () => {
    const store = new MonitorStore(pkg(rows));
    expect(store.series("inwoners", "Leiden", "Italiaans", "", "aantal").map((o) => [o.periode, o.waarde])).toEqual([["2012", 10], ["2018", 20], ["2022", 30]]);
    expect(store.series("inwoners", "Leiden", "Italiaans", "", "aandeel").map((o) => o.waarde)).toEqual([0.2]);
    expect(store.series("inwoners", "Leiden", "Italiaans", "", "euro")).toEqual([]);
  });

  it("names the periods a cell has in any unit, and those an indicator has, in order", () => {
    const store = new MonitorStore(pkg(rows));
    expect(store.periodsFor("inwoners", "Leiden", "Italiaans", "")).toEqual(["2012", "2018", "2022"]);
    expect(store.periodsOfIndicator("inwoners")).toEqual(["2012", "2018", "2021", "2022"]);
    expect(store.periodsOfIndicator("aandeel")).toEqual(["2020"]);
    expect(store.periodsOfIndicator("vertrek")).toEqual([]);
  });

  it("ranks the nationalities of an area and period by count, largest first, equal counts by name, Overig and age bands left out", () => {
    const store = new MonitorStore(pkg(rows));
    expect(store.ranking("2022", "Leiden")).toEqual([
      { group: "Pools", value: 50, o: expect.anything() },
      { group: "Turks", value: 40, o: expect.anything() },
      { group: "Duits", value: 30, o: expect.anything() },
      { group: "Italiaans", value: 30, o: expect.anything() },
    ]);
    expect(store.ranking("2021", "Delft").map((r) => r.group)).toEqual(["Italiaans"]);
    expect(store.ranking("2020", "Leiden")).toEqual([]);
    expect(store.rankingPeriods("Leiden")).toEqual(["2012", "2018", "2022"]);
    expect(store.rankingPeriods("Delft")).toEqual(["2021"]);
  });

  it("ranks only counts of inhabitants: not shares, not other indicators, not groups the vocabulary says are no nationality", () => {
    const store = new MonitorStore(
      pkg([
        figure({ groep: "Pools", periode: "2022", waarde: 50 }),
        figure({ groep: "Pools", periode: "2022", waarde: 0.5, eenheid: "aandeel" }),
        figure({ indicator: "vestiging", groep: "Italiaans", periode: "2022", waarde: 70 }),
        figure({ groep: "buitenlandse nationaliteit", periode: "2022", waarde: 5000 }),
        figure({ groep: "Nederlands", periode: "2022", waarde: 90000 }),
      ]),
    );
    expect(store.ranking("2022", "Leiden").map((r) => [r.group, r.value])).toEqual([["Pools", 50]]);
  });

  it("lists the groups an indicator has figures for", () => {
    const store = new MonitorStore(pkg(rows));
    expect(store.groupsOf("inwoners").sort()).toEqual(["Duits", "Italiaans", "Overig", "Pools", "Turks"]);
    expect(store.groupsOf("aandeel")).toEqual(["Italiaans"]);
  });
});

describe("an edit in place (replace)", () => {
  const start = () => [figure({ groep: "Italiaans", periode: "2022", waarde: 30 }), figure({ groep: "Duits", periode: "2022", waarde: 20 }), figure({ groep: "Pools", periode: "2022", waarde: 10 })];

  it("puts an edited figure in the place of the one it replaces, and returns it with the vocabulary's names", () => {
    const store = new MonitorStore(pkg(start()));
    const [, duits] = store.observations;
    const [stored] = store.replace([duits], [figure({ groep: "duits", periode: "2022", waarde: 21 })]);
    expect(stored.groep).toBe("Duits");
    expect(store.observations.map((o) => [o.groep, o.waarde])).toEqual([["Italiaans", 30], ["Duits", 21], ["Pools", 10]]);
    expect(store.get(cell("Duits", "2022"))?.waarde).toBe(21);
    expect(store.size).toBe(3);
  });

  it("takes removed figures out of every look-up, keeps the others in order, and adds new ones at the end", () => {
    const store = new MonitorStore(pkg(start()));
    const [italiaans, duits] = store.observations;
    store.replace([italiaans, duits], [figure({ groep: "Turks", periode: "2021", waarde: 5 })]);
    expect(store.observations.map((o) => o.groep)).toEqual(["Turks", "Pools"]);
    expect(store.size).toBe(2);
    expect(store.get(cell("Italiaans", "2022"))).toBeUndefined();
    expect(store.series("inwoners", "Leiden", "Duits", "", "aantal")).toEqual([]);
    expect(store.ranking("2022", "Leiden").map((r) => r.group)).toEqual(["Pools"]);
    expect(store.periodsOfIndicator("inwoners")).toEqual(["2021", "2022"]);
    store.replace([], [figure({ groep: "Brits", periode: "2023", waarde: 8 }), figure({ groep: "Grieks", periode: "2023", waarde: 9 })]);
    expect(store.observations.map((o) => o.groep)).toEqual(["Turks", "Pools", "Brits", "Grieks"]);
    expect(store.ranking("2023", "Leiden").map((r) => r.group)).toEqual(["Grieks", "Brits"]);
  });

  it("forgets a period, a group's name and an area once their last figure is gone", () => {
    const store = new MonitorStore(pkg([...start(), figure({ groep: "Turks", periode: "2021", waarde: 5, gebied: "Katwijk" })]));
    expect(store.areaNames.resolve("Katwijk").found).toBe("Katwijk");
    expect(store.groupNames.resolve("Turks").found).toBe("Turks");
    const turks = store.observations[3];
    store.replace([turks], []);
    expect(store.periodsOfIndicator("inwoners")).toEqual(["2022"]);
    expect(store.rankingPeriods("Katwijk")).toEqual([]);
    expect(store.areaNames.resolve("Katwijk").found).toBeNull();
    expect(store.groupNames.resolve("Turks").found).toBeNull();
    // …and knows them again when a figure brings them back.
    store.replace([], [figure({ groep: "Turks", periode: "2021", waarde: 6, gebied: "Katwijk" })]);
    expect(store.areaNames.resolve("Katwijk").found).toBe("Katwijk");
    expect(store.periodsOfIndicator("inwoners")).toEqual(["2021", "2022"]);
  });

  it("finds a cell again once a figure comes back to it, and its neighbours meanwhile", () => {
    // The only figure of its area, indicator and age band: the look-up forgets the whole path.
    const katwijk = figure({ groep: "Pools", periode: "2022", waarde: 1, gebied: "Katwijk", leeftijd: "0-17" });
    const store = new MonitorStore(pkg([...start(), katwijk, figure({ groep: "Pools", periode: "2021", waarde: 2, gebied: "Katwijk", leeftijd: "0-17" })]));
    store.replace([store.observations[3]], []);
    expect(store.get(cell("Pools", "2022", { area: "Katwijk", age: "0-17" }))).toBeUndefined();
    expect(store.get(cell("Pools", "2021", { area: "Katwijk", age: "0-17" }))?.waarde).toBe(2);
    store.replace([store.observations[3]], []);
    expect(store.get(cell("Pools", "2021", { area: "Katwijk", age: "0-17" }))).toBeUndefined();
    expect(store.get(cell("Pools", "2022"))?.waarde).toBe(10);
    store.replace([], [{ ...katwijk, waarde: 3 }]);
    expect(store.get(cell("Pools", "2022", { area: "Katwijk", age: "0-17" }))?.waarde).toBe(3);
    expect(store.get(cell("Pools", "2021", { area: "Katwijk", age: "0-17" }))).toBeUndefined();
  });

  it("ignores a figure to remove that it does not hold", () => {
    const store = new MonitorStore(pkg(start()));
    store.replace([figure({ groep: "Italiaans", periode: "2022", waarde: 30 })], [figure({ groep: "Brits", periode: "2022", waarde: 4 })]);
    expect(store.size).toBe(4);
    expect(store.get(cell("Italiaans", "2022"))?.waarde).toBe(30);
    expect(store.observations.map((o) => o.groep)).toEqual(["Italiaans", "Duits", "Pools", "Brits"]);
  });

  it("a series sorted again after an edit brings an earlier year", () => {
    const store = new MonitorStore(pkg([figure({ groep: "Pools", periode: "2020", waarde: 1 }), figure({ groep: "Pools", periode: "2022", waarde: 3 })]));
    expect(store.series("inwoners", "Leiden", "Pools", "", "aantal").map((o) => o.periode)).toEqual(["2020", "2022"]);
    store.replace([], [figure({ groep: "Pools", periode: "2018", waarde: 0 })]);
    expect(store.series("inwoners", "Leiden", "Pools", "", "aantal").map((o) => o.periode)).toEqual(["2018", "2020", "2022"]);
    expect(store.ranking("2018", "Leiden").map((r) => r.value)).toEqual([0]);
  });
});

describe("area names", () => {
  it("knows a municipality by the names people use, also when indexed in parts", async () => {
    const store = new MonitorStore(pkg([figure({ groep: "Pools", periode: "2022", waarde: 1, gebied: "'s-Gravenhage" })]));
    expect(store.areaNames.resolve("Den Haag").found).toBe("'s-Gravenhage");
    let parts = 0;
    await store.indexAreaNames(async () => void parts++);
    expect(parts).toBeGreaterThanOrEqual(2); // once before indexing, once after each part
    expect(store.areaNames.resolve("Den Haag").found).toBe("'s-Gravenhage");
  });
});

describe("what an edit leaves behind (each a case Stryker found untested)", () => {
  it("a figure removed from a series of two leaves the other, and a cell keeps its figure in another unit", () => {
    const store = new MonitorStore(pkg([figure({ groep: "Pools", periode: "2020", waarde: 1 }), figure({ groep: "Pools", periode: "2022", waarde: 3 }), figure({ groep: "Pools", periode: "2022", waarde: 0.5, eenheid: "aandeel" })]));
    const [first, , share] = store.observations;
    store.replace([first], []);
    expect(store.series("inwoners", "Leiden", "Pools", "", "aantal").map((o) => o.waarde)).toEqual([3]);
    store.replace([share], []);
    expect(store.get(cell("Pools", "2022"))?.waarde).toBe(3);
    expect(store.get(cell("Pools", "2022"), "aandeel")).toBeUndefined();
  });

  it("takes out of the ranking the figure removed, not the first one", () => {
    const store = new MonitorStore(pkg([figure({ groep: "Pools", periode: "2022", waarde: 50 }), figure({ groep: "Duits", periode: "2022", waarde: 30 }), figure({ groep: "Italiaans", periode: "2022", waarde: 10 })]));
    expect(store.ranking("2022", "Leiden").map((r) => r.group)).toEqual(["Pools", "Duits", "Italiaans"]);
    store.replace([store.observations[2]], []);
    expect(store.ranking("2022", "Leiden").map((r) => r.group)).toEqual(["Pools", "Duits"]);
    store.replace([store.observations[0]], []);
    expect(store.ranking("2022", "Leiden").map((r) => [r.group, r.value])).toEqual([["Duits", 30]]);
  });

  it("removes a share (no nationality ranking) without trouble", () => {
    const store = new MonitorStore(pkg([figure({ indicator: "aandeel", groep: "Pools", periode: "2022", waarde: 0.5, eenheid: "aandeel" })]));
    store.replace([store.observations[0]], []);
    expect(store.size).toBe(0);
    expect(store.get(cell("Pools", "2022", { indicator: "aandeel" }))).toBeUndefined();
  });

  it("edits the right figure after removed rows were closed up", () => {
    const store = new MonitorStore(pkg([figure({ groep: "Pools", periode: "2022", waarde: 1 }), figure({ groep: "Duits", periode: "2022", waarde: 2 }), figure({ groep: "Brits", periode: "2022", waarde: 3 }), figure({ groep: "Turks", periode: "2022", waarde: 4 })]));
    store.replace([store.observations[0]], []);
    expect(store.observations.map((o) => o.groep)).toEqual(["Duits", "Brits", "Turks"]);
    const turks = store.observations[2];
    store.replace([turks], [figure({ groep: "Turks", periode: "2022", waarde: 5 })]);
    expect(store.observations.map((o) => [o.groep, o.waarde])).toEqual([["Duits", 2], ["Brits", 3], ["Turks", 5]]);
    store.replace([store.observations[0]], []);
    expect(store.observations.map((o) => [o.groep, o.waarde])).toEqual([["Brits", 3], ["Turks", 5]]);
  });

  it("a figure to remove that it does not hold takes no area away", () => {
    const katwijk = figure({ groep: "Pools", periode: "2022", waarde: 1, gebied: "Katwijk" });
    const store = new MonitorStore(pkg([katwijk]));
    store.replace([{ ...katwijk }], []);
    expect(store.areaNames.resolve("Katwijk").found).toBe("Katwijk");
    expect(store.size).toBe(1);
  });

  it("an area and an age band as the data writes them are found by their canonical names, and an age band is forgotten with its last figure", () => {
    const store = new MonitorStore(pkg([figure({ groep: "Pools", periode: "2022", waarde: 7, gebied: " leiden", leeftijd: "0-17" }), figure({ groep: "Duits", periode: "2022", waarde: 8, leeftijd: "0 - 17" })]));
    expect(store.get(cell("Pools", "2022", { age: "0-17" }))?.waarde).toBe(7);
    expect(store.get(cell("Duits", "2022", { age: "0-17" }))?.waarde).toBe(8);
    expect(store.ageNames.resolve("0 - 17").found).toBe("0-17");
    store.replace([...store.observations], []);
    expect(store.ageNames.resolve("0-17").found).toBeNull();
  });

  it("names a cell's periods in order across its units", () => {
    const store = new MonitorStore(pkg([figure({ groep: "Pools", periode: "2020", waarde: 1 }), figure({ groep: "Pools", periode: "2022", waarde: 3 }), figure({ groep: "Pools", periode: "2018", waarde: 0.5, eenheid: "aandeel" })]));
    expect(store.periodsFor("inwoners", "Leiden", "Pools", "")).toEqual(["2018", "2020", "2022"]);
  });

  it("an empty table is indexed with no pause, and still knows the built-in areas", async () => {
    const store = new MonitorStore(pkg([]));
    let parts = 0;
    await store.indexAreaNames(async () => void parts++);
    expect(parts).toBe(0);
    expect(store.areaNames.resolve("Nederland").found).toBe("Nederland");
  });
});

describe("the English names of the indicators", () => {
  // The English names an English-speaking user may type for each indicator, written out by hand: a name
  // dropped or mistyped in the store's table of aliases fails here.
  const english: [string, string[]][] = [
    ["inwoners", ["inhabitants", "population", "count"]],
    ["aandeel", ["share"]],
    ["groei", ["growth"]],
    ["toename", ["increase"]],
    ["rang", ["rank", "ranking"]],
    ["gemeenten", ["municipalities"]],
    ["vestiging", ["settlement", "settled", "arrivals"]],
    ["vertrek", ["departure", "departed", "departures"]],
    ["woonduur", ["length of residence", "residence"]],
    ["repats", ["remigratie", "returnees"]],
    ["kinderen", ["children"]],
    ["expat-inschrijvingen", ["expat registrations", "expat centre", "ecl"]],
    ["werknemers-werkend", ["workers working", "working"]],
    ["werknemers-wonend", ["workers living", "living"]],
    ["loongrens", ["salary threshold", "wage threshold", "looneis"]],
    ["kinderen-werknemers", ["children of workers", "workers children"]],
    ["statushouders", ["status holders"]],
    ["studenten", ["students", "international students"]],
  ];

  it.each(english)("%s is known by %j", (id, names) => {
    // Labels that are the id itself: only the aliases can find the indicator by these names.
    const store = new MonitorStore({ observations: [], indicators: english.map(([other]) => indicator(other, "aantal")), sources: SOURCES });
    for (const name of names) expect(`${name} → ${store.indicatorNames.resolve(name).found}`).toBe(`${name} → ${id}`);
  });
});
