import { normalise } from "../../src/data/normalise";
import { ancestors, GROUPS, NameIndex, NATIONALITIES } from "../../src/data/vocabulary";

const groups = new NameIndex(GROUPS);

describe("the group vocabulary", () => {
  it.each([
    ["Italiaans", "Italiaans"],
    ["italiaans ", "Italiaans"],
    ["ITALIAANS", "Italiaans"],
    ["Italian", "Italiaans"],
    ["Italië", "Italiaans"],
    ["italie", "Italiaans"],
    ["IT", "Italiaans"],
    ["German", "Duits"],
    ["foreign nationality", "buitenlandse nationaliteit"],
    ["Buitenlandse  nationaliteit", "buitenlandse nationaliteit"],
    ["knowledge workers", "kenniswerkers"],
    ["non-EU", "niet-EU"],
    ["niet EU", "niet-EU"],
  ])("reads %j as %s", (typed, canonical) => {
    expect(groups.resolve(typed)).toEqual({ found: canonical });
  });

  it.each([
    ["Italiaanss", "Italiaans"],
    ["Itialiaans", "Italiaans"],
    ["Duitss", "Duits"],
    ["kenniswerker s", "kenniswerkers"],
    ["buitenlandse nat", "buitenlandse nationaliteit"],
    ["Poolse", "Pools"],
  ])("suggests for %j: %s", (typed, suggestion) => {
    expect(groups.resolve(typed)).toEqual({ found: null });
    expect(groups.suggest(typed)).toBe(suggestion);
  });

  it("does not suggest something far away", () => {
    expect(groups.suggest("xyzzy")).toBeNull();
  });

  it("computes a suggestion only when asked, never while resolving (a table of unknown names costs no suggestions)", () => {
    const index = new NameIndex(GROUPS);
    const suggest = jest.spyOn(index, "suggest");
    for (let i = 0; i < 1000; i++) index.resolve(`Onbekende groep ${i}`);
    expect(suggest).not.toHaveBeenCalled();
  });

  it("knows a name the data brings while a row uses it, and forgets it after the last", () => {
    const index = new NameIndex(GROUPS, ["Turks", "turks "]);
    expect(index.resolve("TURKS")).toEqual({ found: "Turks" });
    index.removeName("Turks");
    expect(index.resolve("TURKS")).toEqual({ found: "Turks" }); // "turks " still uses it
    index.removeName("turks ");
    expect(index.resolve("TURKS")).toEqual({ found: null });
    index.addName("Italiaans"); // the vocabulary's own names stay the vocabulary's
    index.removeName("Italiaans");
    expect(index.resolve("Italiaans")).toEqual({ found: "Italiaans" });
  });

  it("knows the hierarchy of DESIGN.md", () => {
    expect(ancestors("Italiaans")).toEqual(["buitenlandse nationaliteit", "inwoners"]);
    expect(ancestors("migratieachtergrond")).toEqual(["inwoners"]);
    expect(ancestors("kenniswerkers")).toEqual(["internationale werknemers"]);
    expect(ancestors("inwoners")).toEqual([]);
    expect(NATIONALITIES).toEqual(["Italiaans", "Duits", "Pools", "Brits", "Chinees", "Frans", "Spaans", "Amerikaans", "Syrisch", "Overig"]);
  });

  it("gives English labels", () => {
    expect(groups.label("Italiaans", "en")).toBe("Italian");
    expect(groups.label("Italiaans", "nl")).toBe("Italiaans");
  });

  it("normalises case, accents, spacing, dashes and underscores", () => {
    expect(normalise("  Expat_Inschrijvingen ")).toBe("expat inschrijvingen");
    expect(normalise("Syrië")).toBe("syrie");
    expect(normalise("0 – 3")).toBe("0 3");
  });

  it("has no alias that points at two groups", () => {
    const seen = new Map<string, string>();
    for (const g of GROUPS) {
      for (const name of [g.nl, g.en, ...g.aliases]) {
        const key = normalise(name);
        if (seen.has(key) && seen.get(key) !== g.nl) throw new Error(`'${name}' names both ${seen.get(key)} and ${g.nl}`);
        seen.set(key, g.nl);
      }
    }
    expect(seen.size).toBeGreaterThan(GROUPS.length * 2);
  });
});
