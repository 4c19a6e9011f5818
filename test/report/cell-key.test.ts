import { Observation } from "../../src/data/types";
import { matchesKey } from "../../src/report/cell-key";

/** Italiaans inhabitants of Leiden on 1 January 2022, as the shipped edition has them (data/leiden-2022/observations.csv). */
const italians: Observation = {
  onderwerp: "Bevolking",
  indicator: "inwoners",
  gebied: "Leiden",
  groep: "Italiaans",
  leeftijd: "",
  periode: "2022",
  waarde: 1253,
  eenheid: "aantal",
  bron: "BRP",
  peildatum: "2022-01-01",
  status: "gerapporteerd",
  pagina: 17,
  toelichting: "",
  jaar: 2022,
  bovengroep: "buitenlandse nationaliteit",
  gebiedscode: "GM0546",
};

describe("a figure matching part of a cell's key", () => {
  it("matches when every part given is the figure's, and an empty key matches any figure", () => {
    expect(matchesKey(italians, {})).toBe(true);
    expect(matchesKey(italians, { indicator: "inwoners", area: "Leiden", group: "Italiaans", age: "", period: "2022", unit: "aantal" })).toBe(true);
    expect(matchesKey(italians, { group: "Italiaans", period: "2022" })).toBe(true);
  });

  it("does not match when any one part differs", () => {
    expect(matchesKey(italians, { indicator: "vestiging" })).toBe(false);
    expect(matchesKey(italians, { area: "Delft" })).toBe(false);
    expect(matchesKey(italians, { group: "Duits" })).toBe(false);
    expect(matchesKey(italians, { age: "0-17" })).toBe(false);
    expect(matchesKey(italians, { period: "2023" })).toBe(false);
    expect(matchesKey(italians, { unit: "aandeel" })).toBe(false);
    expect(matchesKey(italians, { indicator: "inwoners", area: "Leiden", group: "Italiaans", age: "", period: "2022", unit: "aandeel" })).toBe(false);
  });
});
