import { MunicipalityNames, plainMunicipalityName } from "../../src/data/municipality-names";
import { fraction, ranksByShare, growthSpan } from "../../src/sources/cbs/derive";
import { textOf } from "../../src/text/message";

/** CBS's titles as ../shared/cbs/README.md gives them (a 2026 harvest of 85644NED's RegioS). */
const names = MunicipalityNames.fromRegions([
  { key: "NL01      ", title: "Nederland" },
  { key: "PV20      ", title: "Groningen (PV)" },
  { key: "PV26      ", title: "Utrecht (PV)" },
  { key: "GM0518    ", title: "'s-Gravenhage (gemeente)" },
  { key: "GM0014    ", title: "Groningen (gemeente)" },
  { key: "GM0344    ", title: "Utrecht (gemeente)" },
  { key: "GM0796    ", title: "'s-Hertogenbosch" },
  { key: "GM0164    ", title: "Hengelo (O.)" },
  { key: "GM0893    ", title: "Bergen (L.)" },
  { key: "GM0373    ", title: "Bergen (NH.)" },
  { key: "GM0546    ", title: "Leiden" },
  { key: "GM0547    ", title: "Leiderdorp" },
  { key: "GM0400    ", title: "Den Helder" },
]);
const found = (typed: string) => {
  const r = names.resolve(typed);
  return r.kind === "found" ? `${r.municipality.name} ${r.municipality.code}` : r.kind;
};

describe("municipality names as people type them", () => {
  it.each([
    ["Den Haag", "'s-Gravenhage GM0518"],
    ["den  haag", "'s-Gravenhage GM0518"],
    ["'s-Gravenhage", "'s-Gravenhage GM0518"],
    ["s-Gravenhage", "'s-Gravenhage GM0518"],
    ["’s Gravenhage", "'s-Gravenhage GM0518"],
    ["'s-Gravenhage (gemeente)", "'s-Gravenhage GM0518"],
    ["Utrecht", "Utrecht GM0344"],
    ["Groningen", "Groningen GM0014"],
    ["gemeente Groningen", "Groningen GM0014"],
    ["Den Bosch", "'s-Hertogenbosch GM0796"],
    ["'s-Hertogenbosch", "'s-Hertogenbosch GM0796"],
    ["Hengelo", "Hengelo (O.) GM0164"],
    ["hengelo (o)", "Hengelo (O.) GM0164"],
    ["Bergen (NH.)", "Bergen (NH.) GM0373"],
    ["bergen nh", "Bergen (NH.) GM0373"],
    ["LEIDEN", "Leiden GM0546"],
  ])("%s → %s", (typed, expected) => expect(found(typed)).toBe(expected));

  it("keeps a mark that tells two municipalities apart, and drops only CBS's (gemeente)", () => {
    expect(plainMunicipalityName("Utrecht (gemeente)")).toBe("Utrecht");
    expect(plainMunicipalityName("Bergen (L.)")).toBe("Bergen (L.)");
    expect(plainMunicipalityName("Hengelo (O.)")).toBe("Hengelo (O.)");
  });

  it("takes no province for a municipality", () => {
    expect(names.municipalities.map((m) => m.code)).not.toContain("PV26");
    expect(found("Utrecht (PV)")).toBe("unknown");
  });

  it("refuses a name that fits two municipalities, naming both", () => {
    expect(names.resolve("Bergen")).toEqual({ kind: "ambiguous", candidates: [expect.objectContaining({ name: "Bergen (L.)" }), expect.objectContaining({ name: "Bergen (NH.)" })] });
  });

  it("reports every unknown name at once, with a suggestion where one fits", () => {
    const resolved = names.resolveAll(["Leidn", "Bergen", "Leiden", "Haag", "Qwerty"], "85644NED");
    expect(!resolved.ok && resolved.messages.map((m) => textOf(m, "nl"))).toEqual([
        "Onbekende gemeente 'Leidn' in CBS-tabel 85644NED. Bedoelt u 'Leiden'?",
        "'Bergen' past bij 2 gemeenten: 'Bergen (L.)' en 'Bergen (NH.)'; kies er één.",
        "Onbekende gemeente 'Haag' in CBS-tabel 85644NED. Bedoelt u ''s-Gravenhage'?",
        "Onbekende gemeente 'Qwerty' in CBS-tabel 85644NED.",
    ]);
    expect(!resolved.ok && resolved.messages.map((m) => textOf(m, "en"))).toEqual([
      "Unknown municipality 'Leidn' in CBS table 85644NED. Did you mean 'Leiden'?",
      "'Bergen' fits 2 municipalities: 'Bergen (L.)' and 'Bergen (NH.)'; choose one.",
      "Unknown municipality 'Haag' in CBS table 85644NED. Did you mean ''s-Gravenhage'?",
      "Unknown municipality 'Qwerty' in CBS table 85644NED.",
    ]);
    expect(names.resolveAll(["Den Haag", "'s-Gravenhage", "Leiden"], "85644NED")).toEqual({ ok: true, municipalities: [expect.objectContaining({ code: "GM0518" }), expect.objectContaining({ code: "GM0546" })] });
  });

  it("searches by any part of a name, CBS's title or an everyday name, best match first", () => {
    expect(names.search("Haag").map((m) => m.name)).toEqual(["'s-Gravenhage"]);
    expect(names.search("lei").map((m) => m.name)).toEqual(["Leiden", "Leiderdorp"]);
    expect(names.search("bosch").map((m) => m.name)).toEqual(["'s-Hertogenbosch"]);
    expect(names.search("gemeente")).toHaveLength(3); // titles with (gemeente) are searched as well
    expect(names.search("")).toEqual([]);
  });
});

describe("derived figures", () => {
  it("stores a share as a fraction of the whole, to 12 significant digits", () => {
    expect(fraction(3, 12)).toBe(0.25);
    expect(fraction(1, 3)).toBe(0.333333333333);
    expect(fraction(2, 3)).toBe(0.666666666667);
    // 0.1 + 0.2 parts of 1: the floating-point noise (0.30000000000000004) does not show.
    expect(fraction(0.1 + 0.2, 1)).toBe(0.3);
  });

  it("ranks by share, highest first; equal shares share a rank", () => {
    expect(ranksByShare(new Map([["a", 0.1], ["b", 0.3], ["c", 0.1], ["d", 0.05]]))).toEqual(new Map([["a", 2], ["b", 1], ["c", 2], ["d", 4]]));
  });

  it("spans growth from the first to the last year with figures", () => {
    expect(growthSpan(["2020", "2021", "2022", "2023"], (y) => y !== "2023" && y !== "2020")).toEqual({ first: "2021", last: "2022", missingAtStart: ["2020"], missingAtEnd: ["2023"] });
    expect(growthSpan(["2020", "2021"], (y) => y === "2020")).toBeNull();
  });
});
