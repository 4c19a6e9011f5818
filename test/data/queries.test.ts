import { MonitorError } from "../../src/data/errors";
import { MonitorStore } from "../../src/data/store";
import { MonitorQueries } from "../../src/data/queries";
import { shippedPackage, shippedQueries } from "../support/fixtures";

const q = shippedQueries();

function failure(run: () => unknown): MonitorError {
  try {
    run();
  } catch (e) {
    if (e instanceof MonitorError) return e;
    throw e;
  }
  throw new Error("expected a MonitorError");
}

describe("figures (spot checks against the report text)", () => {
  it.each([
    [() => q.count("Italiaans", "2022"), 1253],
    [() => q.count("buitenlandse nationaliteit", "2022"), 14472],
    [() => q.count("buitenlandse nationaliteit", "2021"), 13993],
    [() => q.count("inwoners", "2022"), 125037],
    [() => q.count("migratieachtergrond", "2022"), 41109],
    [() => q.count("kenniswerkers", "2020"), 3765],
    [() => q.value("vestiging", "2021").waarde, 4049],
    [() => q.value("vertrek", "2020").waarde, 3774],
    [() => q.value("kinderen", "2022", undefined, "0-3").waarde, 446],
    [() => q.value("kinderen", "2022", undefined, "12-17", "Slaaghwijk").waarde, 60],
    [() => q.value("repats", "2021", undefined, "0-17").waarde, 82],
    [() => q.value("repats", "2021", undefined, "0-17", undefined, "aandeel").waarde, 0.17],
    [() => q.value("loongrens", "2020", undefined, "<30", "Nederland").waarde, 30672],
    [() => q.value("studenten", "2021/2022").waarde, 0.184],
    [() => q.value("statushouders", "2022").waarde, 769],
    [() => q.value("expat-inschrijvingen", "2021").waarde, 450],
    [() => q.value("rang", "2021").waarde, 17],
    [() => q.value("werknemers-wonend", "2011-2020", "arbeidsmigranten", undefined, "Regio071").waarde, 0.71],
  ] as [() => number, number][])("%#: %p", (run, expected) => {
    expect(run()).toBe(expected);
  });
});

describe("SHARE", () => {
  it("divides by the parent group's count by default", () => {
    expect(q.share("Italiaans", "2022")).toBe(1253 / 14472);
    expect(q.share("buitenlandse nationaliteit", "2022")).toBe(14472 / 125037);
  });

  it("divides by any ancestor given", () => {
    expect(q.share("Italiaans", "2022", "inwoners")).toBe(1253 / 125037);
    expect(q.share("arbeidsmigranten", "2020")).toBe(8610 / 12375);
  });

  it("falls back to the reported share where the text gives no counts", () => {
    expect(q.share("migratieachtergrond", "2012")).toBe(0.284);
    expect(q.share("buitenlandse nationaliteit", "2021", undefined, "Nederland")).toBe(0.07);
    expect(q.share("EU", "2021")).toBe(0.73);
    expect(q.share("korter dan 1 jaar", "2022")).toBe(0.34);
    expect(q.share("vrouw", "2022")).toBe(0.45);
  });

  it("rejects a denominator that is not an ancestor, listing the ancestors", () => {
    expect(failure(() => q.share("Italiaans", "2022", "migratieachtergrond")).messages.nl).toBe(
      "'migratieachtergrond' is geen bovenliggende groep van 'Italiaans'; kies uit: buitenlandse nationaliteit, inwoners.",
    );
  });

  it("is #N/A with the periods that exist for a year without data", () => {
    const e = failure(() => q.share("Italiaans", "1999"));
    expect(e.kind).toBe("na");
    expect(e.messages.nl).toBe("Geen cijfer voor het aandeel Italiaans van buitenlandse nationaliteit in 1999; beschikbaar: 2022.");
  });
});

describe("GROWTH", () => {
  it("computes from the two counts when both exist", () => {
    expect(q.growth("buitenlandse nationaliteit", "2012", "2022")).toBeCloseTo(14472 / 11315 - 1, 12);
    expect(q.growth("arbeidsmigranten", "2011", "2020")).toBeCloseTo(8610 / 4605 - 1, 12);
  });

  it("else returns the reported growth for exactly that span", () => {
    expect(q.growth("Italiaans", "2012", "2022")).toBe(0.88);
    expect(q.growth("Duits", "2012", "2022")).toBe(0.47);
  });

  it("is #N/A otherwise, saying what exists", () => {
    const e = failure(() => q.growth("Italiaans", "2015", "2022"));
    expect(e.kind).toBe("na");
    expect(e.messages.nl).toMatch(/Geen groei voor Italiaans van 2015 tot 2022.*wel: 2022.*wel: 2012-2022/);
  });
});

describe("SERIES and TOP", () => {
  it("SERIES gives [period, value] rows in order", () => {
    const rows = q.series("vertrek");
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual(["2012", 2282]);
    expect(rows[9]).toEqual(["2021", 2989]);
  });

  it("TOP gives the largest nationalities, Overig excluded", () => {
    expect(q.top(3, "2022")).toEqual([["Italiaans", 1253], ["Duits", 1162], ["Pools", 1002]]);
    expect(q.top(9, "2022").map(([g]) => g)).not.toContain("Overig");
    expect(q.top(9, "2022")).toHaveLength(9); // the nine the report names; a tenth is refused (test/functions/top-count.test.ts)
  });

  it("TOP rejects a count below 1", () => {
    expect(failure(() => q.top(-1, "2022")).kind).toBe("value");
  });
});

describe("texts", () => {
  it("SOURCE cites the source and reference date", () => {
    expect(q.citation("inwoners", "2022", "Italiaans")).toBe("BRP, gemeente Leiden, peildatum 1 januari 2022");
    expect(q.citation("studenten", "2021/2022")).toBe("Nuffic, studiejaar 2021/2022");
    expect(q.citation("inwoners", "2022", "Italiaans", "en")).toBe("BRP, municipality of Leiden, reference date 1 January 2022");
  });

  it("TEXT writes a sentence with the figure in Dutch number format", () => {
    expect(q.sentence("inwoners", "2022", "Italiaans")).toBe("Op 1 januari 2022 telde Leiden 1.253 inwoners met de Italiaanse nationaliteit (bron: BRP, gemeente Leiden).");
    expect(q.sentence("aandeel", "2022")).toBe("Op 1 januari 2022 had 11,6% van de inwoners van Leiden een buitenlandse nationaliteit (bron: BRP, gemeente Leiden).");
    expect(q.sentence("inwoners", "2022", "Italian", "en")).toBe("On 1 January 2022, Leiden had 1,253 inhabitants with Italian nationality (source: BRP, municipality of Leiden).");
  });

  it("INDICATORS lists every indicator with periods and source", () => {
    const rows = q.catalogue();
    expect(rows.find((r) => r[0] === "vertrek")).toEqual(["vertrek", "Vertrek uit Leiden", "aantal", "2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021", "BRP, gemeente Leiden"]);
  });
});

describe("errors", () => {
  it("an unknown group is #VALUE! with a suggestion", () => {
    const e = failure(() => q.count("Italiaanss", "2022"));
    expect(e.kind).toBe("value");
    expect(e.messages.nl).toBe("Onbekende groep 'Italiaanss'. Bedoelt u 'Italiaans'?");
    expect(e.messages.en).toBe("Unknown group 'Italiaanss'. Did you mean 'Italian'?");
  });

  it("an unknown indicator is #VALUE! with a suggestion", () => {
    expect(failure(() => q.value("vestigingen", "2021")).messages.nl).toBe("Onbekende indicator 'vestigingen'. Bedoelt u 'vestiging'?");
  });

  it("a missing period is #N/A naming the periods that exist", () => {
    const e = failure(() => q.count("Italiaans", "1999"));
    expect(e.kind).toBe("na");
    expect(e.messages.nl).toBe("Geen cijfer voor het aantal Italiaans in 1999; beschikbaar: 2022.");
  });

  it("an indicator without a total asks for a group, listing them", () => {
    expect(failure(() => q.value("woonduur", "2022")).messages.nl).toBe("Geef een groep voor 'woonduur'; kies uit: korter dan 1 jaar, 1 tot 3 jaar, langer dan 3 jaar.");
  });
});

describe("data an analyst adds", () => {
  it("is used like the shipped figures, with new group names taken as written", () => {
    const pkg = shippedPackage();
    const template = pkg.observations.find((o) => o.groep === "Italiaans" && o.indicator === "inwoners") as (typeof pkg.observations)[number];
    const added = [
      { ...template, periode: "2021", waarde: 1200, peildatum: "2021-01-01" },
      { ...template, groep: "Turks", waarde: 390 },
      { ...template, groep: "italiaans ", waarde: 1250 },
    ];
    const store = new MonitorStore({ ...pkg, observations: [...pkg.observations.filter((o) => o !== template), ...added] });
    const analyst = new MonitorQueries(store);
    expect(analyst.count("Italiaans", "2022")).toBe(1250);
    expect(analyst.growth("Italiaans", "2021", "2022")).toBeCloseTo(1250 / 1200 - 1, 12);
    expect(analyst.count("turks", "2022")).toBe(390);
  });
});
