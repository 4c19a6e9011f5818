import { FirstRows } from "../../src/data/package";
import type { Unit } from "../../src/data/types";

/** A figure's key parts; the rest of a row does not matter to FirstRows. */
const key = (parts: Partial<{ indicator: string; gebied: string; groep: string; leeftijd: string; periode: string; eenheid: Unit }> = {}) => ({
  indicator: "inwoners",
  gebied: "Leiden",
  groep: "Italiaans",
  leeftijd: "",
  periode: "2022",
  eenheid: "aantal" as Unit,
  ...parts,
});

describe("the duplicate check's first row of each key", () => {
  it("names the first row of a key given again, also spelled otherwise (case, spacing, the vocabulary's names), and after other keys", () => {
    const rows = new FirstRows();
    expect(rows.firstOf(key(), 1)).toBeUndefined();
    expect(rows.firstOf(key({ periode: "2021" }), 2)).toBeUndefined();
    expect(rows.firstOf(key({ groep: "Duits" }), 3)).toBeUndefined();
    expect(rows.firstOf(key(), 4)).toBe(1);
    expect(rows.firstOf(key({ groep: " italiaans " }), 5)).toBe(1);
    expect(rows.firstOf(key({ groep: "Italian" }), 6)).toBe(1);
    expect(rows.firstOf(key({ periode: "2021", indicator: "Inwoners" }), 7)).toBe(2);
    expect(rows.firstOf(key({ groep: "Duits" }), 8)).toBe(3);
  });

  it("tells apart keys that differ in one part only, in any order", () => {
    const rows = new FirstRows();
    const variants = [key(), key({ indicator: "vestiging" }), key({ gebied: "Delft" }), key({ groep: "Duits" }), key({ leeftijd: "0-17" }), key({ periode: "2022-2023" }), key({ eenheid: "aandeel" })];
    variants.forEach((o, i) => expect(rows.firstOf(o, i + 1)).toBeUndefined());
    [...variants].reverse().forEach((o, i) => expect(rows.firstOf(o, 100 + i)).toBe(variants.length - i));
  });

  it("keeps a unit's periods apart from another unit's of the same names", () => {
    const rows = new FirstRows();
    expect(rows.firstOf(key({ eenheid: "aandeel", periode: "2012" }), 1)).toBeUndefined();
    expect(rows.firstOf(key({ eenheid: "aantal", periode: "2013" }), 2)).toBeUndefined();
    expect(rows.firstOf(key({ eenheid: "aantal", periode: "2012" }), 3)).toBeUndefined();
    expect(rows.firstOf(key({ eenheid: "aandeel", periode: "2013" }), 4)).toBeUndefined();
    expect(rows.firstOf(key({ eenheid: "aandeel", periode: "2012" }), 5)).toBe(1);
  });

  it("takes names with a | as lookupKey does: the same joined text is the same key, however the names split it", () => {
    const rows = new FirstRows();
    expect(rows.firstOf(key({ groep: "a|b", leeftijd: "c" }), 1)).toBeUndefined();
    expect(rows.firstOf(key({ groep: "a", leeftijd: "b|c" }), 2)).toBe(1);
    expect(rows.firstOf(key({ groep: "A|B", leeftijd: "C" }), 3)).toBe(1);
    expect(rows.firstOf(key({ groep: "a", leeftijd: "c" }), 4)).toBeUndefined();
    expect(rows.firstOf(key({ groep: "a|b", leeftijd: "c", periode: "2021" }), 5)).toBeUndefined();
  });

  it("keeps apart parts that have the same number in different places (an area's and a group's first name)", () => {
    const rows = new FirstRows();
    expect(rows.firstOf(key({ gebied: "Leiden", groep: "Italiaans" }), 1)).toBeUndefined();
    expect(rows.firstOf(key({ gebied: "Delft", groep: "Duits" }), 2)).toBeUndefined();
    expect(rows.firstOf(key({ gebied: "Leiden", groep: "Duits" }), 3)).toBeUndefined();
    expect(rows.firstOf(key({ gebied: "Delft", groep: "Italiaans" }), 4)).toBeUndefined();
    expect(rows.firstOf(key({ gebied: "delft", groep: "duits" }), 5)).toBe(2);
  });
});
