import { MonitorStore } from "../../src/data/store";
import { Observation } from "../../src/data/types";
import { shippedPackage } from "../support/fixtures";

/** The store's figures of an indicator, an area or both: what the sheets ask, without a scan of every figure. */
const pkg = shippedPackage();
const expected = (keep: (o: Observation) => boolean) => pkg.observations.filter(keep).map((o) => [o.indicator, o.gebied, o.groep, o.leeftijd, o.periode, o.eenheid, o.waarde]);
const seen = (figures: readonly Observation[]) => figures.map((o) => [o.indicator, o.gebied, o.groep, o.leeftijd, o.periode, o.eenheid, o.waarde]);

describe("the figures of an indicator or an area", () => {
  it("are those of the table, in its order, for an indicator, an area or both", () => {
    const store = new MonitorStore(pkg);
    expect(seen(store.figuresOf("inwoners"))).toEqual(expected((o) => o.indicator === "inwoners"));
    expect(seen(store.figuresOf(undefined, "Nederland"))).toEqual(expected((o) => o.gebied === "Nederland"));
    expect(seen(store.figuresOf("aandeel", "Leiden"))).toEqual(expected((o) => o.indicator === "aandeel" && o.gebied === "Leiden"));
    expect(store.figuresOf("aandeel", "Leiden").length).toBeGreaterThan(0);
    expect(store.figuresOf("inwoners", "Atlantis")).toEqual([]);
    expect(store.figuresOf()).toHaveLength(112);
  });

  it("follow an edit of the store", () => {
    const store = new MonitorStore(pkg);
    const before = store.figuresOf("inwoners", "Leiden");
    const italian = before.find((o) => o.groep === "Italiaans" && o.periode === "2022") as Observation;
    store.replace([italian], [{ ...italian, waarde: 1300 }]);
    const after = store.figuresOf("inwoners", "Leiden");
    expect(after).toHaveLength(before.length);
    expect(after.find((o) => o.groep === "Italiaans" && o.periode === "2022")?.waarde).toBe(1300);
    store.replace([], [{ ...italian, gebied: "Delft" }]);
    expect(seen(store.figuresOf(undefined, "Delft"))).toEqual([["inwoners", "Delft", "Italiaans", "", "2022", "aantal", 1253]]);
  });

  it("keep an indicator's and an area's names apart, whatever characters they hold", () => {
    // Names a bar joins alike ("a|b" and "c", "a" and "b|c"), or an empty name: each its own figures.
    const row = pkg.observations[0];
    const rows = [
      { ...row, indicator: "a|b", gebied: "c", waarde: 1 },
      { ...row, indicator: "a", gebied: "b|c", waarde: 2 },
      { ...row, indicator: "a", gebied: "", waarde: 3 },
      { ...row, indicator: "", gebied: "a", waarde: 4 },
    ];
    const store = new MonitorStore({ ...pkg, observations: rows });
    const values = (figures: readonly Observation[]) => figures.map((o) => o.waarde);
    expect([values(store.figuresOf("a|b", "c")), values(store.figuresOf("a", "b|c")), values(store.figuresOf("a", "")), values(store.figuresOf("", "a"))]).toEqual([[1], [2], [3], [4]]);
    expect([values(store.figuresOf("a")), values(store.figuresOf(undefined, "a")), values(store.figuresOf("")), values(store.figuresOf(undefined, ""))]).toEqual([[2, 3], [4], [4], [3]]);
    expect([values(store.figuresOf("a|b", "")), values(store.figuresOf("a", "c")), values(store.figuresOf("b", "c"))]).toEqual([[], [], []]);
  });

  it("keep a figure that one package holds twice as two figures, each with its own place", () => {
    const row = pkg.observations[0];
    const store = new MonitorStore({ ...pkg, observations: [row, row] });
    expect(store.size).toBe(2);
    expect(store.figuresOf(row.indicator, row.gebied)).toHaveLength(2);
    store.replace([store.observations[0]], []);
    expect(store.size).toBe(1);
  });
});
