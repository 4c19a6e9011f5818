import { MonitorError } from "../../src/data/errors";
import { MonitorQueries } from "../../src/data/queries";
import { MonitorStore } from "../../src/data/store";
import { Indicator, MonitorPackage, Observation, Source, Unit } from "../../src/data/types";

/**
 * Every answer and every refusal of the MONITOR.* questions, in Dutch and in English, over a
 * small synthetic package whose figures are written out here: each expected value and message
 * follows from these rows by hand (sums, quotients, the periods that exist).
 */
const obs = (indicator: string, groep: string, periode: string, waarde: number, extra: Partial<Observation> = {}): Observation => ({
  onderwerp: "Test",
  indicator,
  gebied: "Leiden",
  groep,
  leeftijd: "",
  periode,
  waarde,
  eenheid: "aantal",
  bron: "BRP",
  peildatum: `${periode.slice(0, 4)}-01-01`,
  status: "gerapporteerd",
  pagina: null,
  toelichting: "",
  jaar: null,
  bovengroep: "",
  gebiedscode: "",
  ...extra,
});
const indicator = (id: string, eenheid: Unit, standaardgroep: string, bron = "BRP"): Indicator => ({ id, labelNl: `Label ${id}`, labelEn: `Label ${id} (en)`, eenheid, standaardgroep, definitie: "", bron });
const source = (id: string, citeernaam: string, peildatum: string, citeernaamEn = ""): Source => ({ id, naam: id, citeernaam, omschrijving: "", peildatum, url: "", citeernaamEn });

const data: MonitorPackage = {
  indicators: [indicator("inwoners", "aantal", "inwoners"), indicator("aandeel", "aandeel", "buitenlandse nationaliteit"), indicator("groei", "groei", ""), indicator("kinderen", "aantal", "buitenlandse nationaliteit"), indicator("woonduur", "aandeel", ""), indicator("studenten", "aandeel", "universiteit", "Nuffic"), indicator("los", "aantal", "", "Onbekend")],
  sources: [source("BRP", "BRP, gemeente Leiden", "2022-01-01", "BRP, municipality of Leiden"), source("Nuffic", "Nuffic", "")],
  observations: [
    obs("inwoners", "Nederlands", "2020", 95000),
    obs("inwoners", "Nederlands", "2021", 100000),
    obs("inwoners", "Nederlands", "2022", 110000),
    obs("inwoners", "buitenlandse nationaliteit", "2021", 10000),
    obs("inwoners", "buitenlandse nationaliteit", "2022", 12000),
    obs("inwoners", "Italiaans", "2022", 1200),
    obs("inwoners", "Duits", "2021", 0),
    obs("inwoners", "Duits", "2022", 50),
    obs("groei", "Italiaans", "2012-2022", 0.88, { eenheid: "groei", peildatum: "" }),
    obs("aandeel", "migratieachtergrond", "2012", 0.284, { eenheid: "aandeel" }),
    obs("kinderen", "buitenlandse nationaliteit", "2022", 446, { leeftijd: "0-3" }),
    obs("kinderen", "buitenlandse nationaliteit", "2022", 60, { leeftijd: "0-3", gebied: "Slaaghwijk" }),
    obs("woonduur", "korter dan 1 jaar", "2022", 0.34, { eenheid: "aandeel" }),
    obs("studenten", "universiteit", "2021/2022", 0.184, { eenheid: "aandeel", bron: "Nuffic", peildatum: "" }),
  ],
};
const q = new MonitorQueries(new MonitorStore(data));

function failure(run: () => unknown): { kind: string; nl: string; en: string } {
  try {
    run();
  } catch (e) {
    if (e instanceof MonitorError) return { kind: e.kind, nl: e.text("nl"), en: e.text("en") };
    throw e;
  }
  throw new Error("expected a MonitorError");
}

describe("counts", () => {
  it("a count in the data", () => {
    expect(q.count("Italiaans", "2022")).toBe(1200);
  });

  it("a total the data lacks is the sum of its parts, when every part is there", () => {
    expect(q.count("inwoners", "2022")).toBe(122000);
    expect(q.count("inwoners", "2021")).toBe(110000);
  });

  it("a total with a part missing is not there: never a partial sum", () => {
    expect(failure(() => q.count("inwoners", "2020"))).toEqual({ kind: "na", nl: "Geen cijfer voor het aantal inwoners in 2020; beschikbaar: geen.", en: "No figure for the count of inhabitants in 2020; available: none." });
  });

  it("a count for a year without one names the years there are", () => {
    expect(failure(() => q.count("Duits", "2020"))).toEqual({ kind: "na", nl: "Geen cijfer voor het aantal Duits in 2020; beschikbaar: 2021, 2022.", en: "No figure for the count of German in 2020; available: 2021, 2022." });
  });
});

describe("shares", () => {
  it("of the parent group by default, of any ancestor given", () => {
    expect(q.share("Italiaans", "2022")).toBe(1200 / 12000);
    expect(q.share("Italiaans", "2022", "inwoners")).toBe(1200 / 122000);
    expect(q.share("buitenlandse nationaliteit", "2022")).toBe(12000 / 122000);
  });

  it("the reported share where there are no counts: of all inhabitants, or where the vocabulary says (woonduur)", () => {
    expect(q.share("migratieachtergrond", "2012")).toBe(0.284);
    expect(q.share("korter dan 1 jaar", "2022")).toBe(0.34);
  });

  it("a reported share of the parent is not one of another ancestor", () => {
    expect(failure(() => q.share("korter dan 1 jaar", "2022", "inwoners"))).toEqual({
      kind: "na",
      nl: "Geen cijfer voor het aandeel korter dan 1 jaar van inwoners in 2022; beschikbaar: geen.",
      en: "No figure for the share of less than 1 year in inhabitants in 2022; available: none.",
    });
  });

  it("missing: names the years with both counts", () => {
    expect(failure(() => q.share("Italiaans", "2021"))).toEqual({
      kind: "na",
      nl: "Geen cijfer voor het aandeel Italiaans van buitenlandse nationaliteit in 2021; beschikbaar: 2022.",
      en: "No figure for the share of Italian in foreign nationality in 2021; available: 2022.",
    });
  });

  it("of a group without a parent, when no denominator is given: refused", () => {
    expect(failure(() => q.share("inwoners", "2022"))).toEqual({ kind: "value", nl: "'inwoners' heeft geen bovenliggende groep; geef de noemer als derde argument.", en: "'inhabitants' has no parent group; give the denominator as the third argument." });
  });

  it("of a group that is not an ancestor: refused, listing the ancestors", () => {
    expect(failure(() => q.share("Italiaans", "2022", "Duits"))).toEqual({
      kind: "value",
      nl: "'Duits' is geen bovenliggende groep van 'Italiaans'; kies uit: buitenlandse nationaliteit, inwoners.",
      en: "'German' is not a parent group of 'Italian'; choose from: foreign nationality, inhabitants.",
    });
  });
});

describe("growth", () => {
  it("from the two counts", () => {
    expect(q.growth("buitenlandse nationaliteit", "2021", "2022")).toBeCloseTo(0.2, 12);
    expect(q.growth("inwoners", "2021", "2022")).toBeCloseTo(122000 / 110000 - 1, 12);
  });

  it("the reported growth for exactly that span", () => {
    expect(q.growth("Italiaans", "2012", "2022")).toBe(0.88);
  });

  it("from a count of 0 there is no growth to compute: refused, naming what exists, in English words in English", () => {
    expect(failure(() => q.growth("Duits", "2021", "2022"))).toEqual({
      kind: "na",
      nl: "Geen groei voor Duits van 2021 tot 2022: geen aantallen voor beide jaren (wel: 2021, 2022) en geen gerapporteerde groei (wel: geen).",
      en: "No growth for German from 2021 to 2022: no counts for both years (available: 2021, 2022) and no reported growth (available: none).",
    });
  });

  it("neither counts nor a reported span: refused", () => {
    expect(failure(() => q.growth("Italiaans", "2015", "2022")).en).toBe("No growth for Italian from 2015 to 2022: no counts for both years (available: 2022) and no reported growth (available: 2012-2022).");
  });
});

describe("any figure (VALUE)", () => {
  it("with age, area and unit", () => {
    expect(q.value("kinderen", "2022", undefined, "0-3", "Slaaghwijk", "aantal").waarde).toBe(60);
    expect(q.value("kinderen", "2022", "", "0-3", "", "").waarde).toBe(446);
    expect(q.value("aandeel", "2012", "migratieachtergrond", undefined, undefined, " Aandeel ").waarde).toBe(0.284);
  });

  it("missing: names what was asked, as far as it is not the default, and the periods there are", () => {
    expect(failure(() => q.value("kinderen", "2021", undefined, "0-3", "Slaaghwijk", "aantal"))).toEqual({
      kind: "na",
      nl: "Geen cijfer voor kinderen, buitenlandse nationaliteit, 0-3 jaar, Slaaghwijk, aantal in 2021; beschikbaar: 2022.",
      en: "No figure for 'kinderen', foreign nationality, 0-3 years, Slaaghwijk, unit 'aantal' in 2021; available: 2022.",
    });
    expect(failure(() => q.value("inwoners", "2020", "Italiaans"))).toEqual({ kind: "na", nl: "Geen cijfer voor inwoners, Italiaans in 2020; beschikbaar: 2022.", en: "No figure for 'inwoners', Italian in 2020; available: 2022." });
  });

  it("of an indicator without a total, without a group: asks for one", () => {
    expect(failure(() => q.value("groei", "2012-2022"))).toEqual({ kind: "value", nl: "Geef een groep voor 'groei'; kies uit: Italiaans.", en: "Give a group for 'groei'; choose from: Italian." });
  });
});

describe("names that are not known", () => {
  it.each([
    ["an area", () => q.value("inwoners", "2022", "Italiaans", undefined, "Atlantis"), "Onbekend gebied 'Atlantis'", "Unknown area 'Atlantis'."],
    ["an age band", () => q.value("kinderen", "2022", undefined, "99-120"), "Onbekende leeftijdsgroep '99-120'", "Unknown age band '99-120'."],
    ["an indicator", () => q.value("qqqqqqqq", "2022"), "Onbekende indicator 'qqqqqqqq'", "Unknown indicator 'qqqqqqqq'."],
  ])("%s: #VALUE!, saying which kind of name", (_what, run, nl, en) => {
    const e = failure(run);
    expect(e.kind).toBe("value");
    expect(e.nl).toMatch(new RegExp(`^${nl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\. (Bedoelt u '.+'\\?|Kies uit: .+\\.)$`));
    expect(e.en.startsWith(en)).toBe(true);
  });

  it("without a near name: the names to choose from, at most 12", () => {
    const e = failure(() => q.value("qqqqqqqq", "2022"));
    expect(e.nl).toBe("Onbekende indicator 'qqqqqqqq'. Kies uit: inwoners, aandeel, groei, kinderen, woonduur, studenten, los.");
    expect(e.en).toBe("Unknown indicator 'qqqqqqqq'. Choose from: inwoners, aandeel, groei, kinderen, woonduur, studenten, los.");
  });

  it("with a near name: suggested, in English by its English name", () => {
    expect(failure(() => q.count("Italiaan", "2022"))).toEqual({ kind: "value", nl: "Onbekende groep 'Italiaan'. Bedoelt u 'Italiaans'?", en: "Unknown group 'Italiaan'. Did you mean 'Italian'?" });
  });

  it("a unit: refused, listing the units", () => {
    expect(failure(() => q.value("inwoners", "2022", "Italiaans", undefined, undefined, "procent"))).toEqual({
      kind: "value",
      nl: "Onbekende eenheid 'procent'. Kies uit: aantal, aandeel, groei, rang, euro.",
      en: "Unknown unit 'procent'. Choose from: aantal, aandeel, groei, rang, euro.",
    });
  });
});

describe("series and the top nationalities", () => {
  it("a series in period order", () => {
    expect(q.series("inwoners", "Nederlands")).toEqual([["2020", 95000], ["2021", 100000], ["2022", 110000]]);
  });

  it("no series: says which groups have figures", () => {
    expect(failure(() => q.series("inwoners", "Pools"))).toEqual({
      kind: "na",
      nl: "Geen reeks voor inwoners, Pools, Leiden (eenheid aantal); groepen met cijfers: Nederlands, buitenlandse nationaliteit, Italiaans, Duits.",
      en: "No series for 'inwoners', Polish, Leiden (unit 'aantal'); groups with figures: Dutch, foreign nationality, Italian, German.",
    });
  });

  it("TOP: the largest first, as many as asked", () => {
    expect(q.top(1, "2022")).toEqual([["Italiaans", 1200]]);
    expect(q.top(2, "2022")).toEqual([["Italiaans", 1200], ["Duits", 50]]);
  });

  it("TOP of more than the year ranks: names how many there are, never fewer rows without a word", () => {
    expect(failure(() => q.top(5, "2022"))).toEqual({
      kind: "na",
      nl: "2022 rangschikt 2 nationaliteiten in Leiden (Overig niet meegeteld); vraag er 2 of minder, niet 5.",
      en: "2022 ranks 2 nationalities in Leiden (Other not counted); ask for 2 or fewer, not 5.",
    });
  });

  it.each([0, 1.5, -2])("TOP of %p: refused", (n) => {
    expect(failure(() => q.top(n, "2022"))).toEqual({ kind: "value", nl: `Ongeldig aantal '${n}': geef een geheel getal vanaf 1.`, en: `Invalid number '${n}': give a whole number of at least 1.` });
  });

  it("TOP for a year without nationalities: names the years there are", () => {
    expect(failure(() => q.top(3, "1999"))).toEqual({ kind: "na", nl: "Geen cijfer voor de nationaliteiten in 1999; beschikbaar: 2021, 2022.", en: "No figure for the nationalities in 1999; available: 2021, 2022." });
  });
});

describe("citations and sentences", () => {
  it("of an indicator: its source with the source's reference date", () => {
    expect(q.citation("inwoners")).toBe("BRP, gemeente Leiden, peildatum 1 januari 2022");
    expect(q.citation("inwoners", undefined, undefined, "en")).toBe("BRP, municipality of Leiden, reference date 1 January 2022");
  });

  it("of a source without a reference date, or one not in the sources: its name, or its id", () => {
    expect(q.citation("studenten")).toBe("Nuffic");
    expect(q.citation("los")).toBe("Onbekend");
  });

  it("of a figure without a reference date: its period, a study year by its name", () => {
    expect(q.citation("studenten", "2021/2022")).toBe("Nuffic, studiejaar 2021/2022");
    expect(q.citation("studenten", "2021/2022", undefined, "en")).toBe("Nuffic, study year 2021/2022");
    expect(q.citation("groei", "2012-2022", "Italiaans")).toBe("BRP, gemeente Leiden, periode 2012-2022");
    expect(q.citation("groei", "2012-2022", "Italiaans", "en")).toBe("BRP, municipality of Leiden, period 2012-2022");
  });

  it("a sentence with the age band, in both languages", () => {
    expect(q.sentenceFor(q.value("kinderen", "2022", undefined, "0-3", "Slaaghwijk"), "nl")).toBe("Op 1 januari 2022 woonden in Slaaghwijk 60 kinderen van 0 tot en met 3 jaar met een buitenlandse nationaliteit (bron: BRP, gemeente Leiden).");
    expect(q.sentenceFor(q.value("kinderen", "2022", undefined, "0-3"), "en")).toBe("On 1 January 2022, 446 children aged 0 to 3 with a foreign nationality lived in Leiden (source: BRP, municipality of Leiden).");
  });

  it("the catalogue in English: English labels, the periods, the source's citation name", () => {
    expect(q.catalogue("en")[0]).toEqual(["inwoners", "Label inwoners (en)", "aantal", "2020, 2021, 2022", "BRP, municipality of Leiden"]);
    expect(q.catalogue("nl").at(-1)).toEqual(["los", "Label los", "aantal", "", "Onbekend"]);
  });
});
