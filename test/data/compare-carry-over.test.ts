import { compareWithWorkbook, keyHash, rowHash, snapshotOf } from "../../src/data/compare";
import { lookupKey } from "../../src/data/package";
import { MonitorPackage, Observation } from "../../src/data/types";
import { shippedPackage } from "../support/fixtures";

/**
 * A row the analyst deleted from one municipality's CBS pull, across a pull of another
 * municipality (review R13): the snapshot of the pull of Utrecht must still say that the source
 * delivered Delft's row, or pulling Delft again would add it back. The comparison is the pure
 * decision, tried here without Excel; the rows are the seed's Leiden inhabitants made Delft's
 * and Utrecht's by hand, so the expected outcomes are by hand too.
 */
const edition = shippedPackage();
const leiden = (groep: string) => edition.observations.find((o) => o.indicator === "inwoners" && o.groep === groep && o.periode === "2022" && o.gebied === "Leiden") as Observation;
const of = (gebied: string, gebiedscode: string) => (o: Observation): Observation => ({ ...o, gebied, gebiedscode, bron: "CBS", pagina: null, toelichting: "" });
const delft = ["Italiaans", "Duits", "Pools"].map((g) => of("Delft", "GM0503")(leiden(g)));
const utrecht = ["Italiaans", "Duits"].map((g) => of("Utrecht", "GM0344")(leiden(g)));
const [delftItaliaans, delftDuits, delftPools] = delft;
const pkg = (observations: Observation[]): MonitorPackage => ({ ...edition, observations });
/** A CBS pull (scope "pulled"), as the pane compares it. */
const pull = (source: Observation[], workbook: Observation[], previous: Iterable<string>) => compareWithWorkbook(pkg(source), pkg(workbook), new Set(previous), new Set(), "workbook", "pulled");
const places = (rows: readonly Observation[]) => rows.map((o) => `${o.gebied} ${o.groep}`);

describe("a row the analyst deleted from a CBS pull, across a pull of another municipality", () => {
  it("the pull of Utrecht keeps in its snapshot that the source delivered Delft's deleted row, its figure and its key", () => {
    // Delft was pulled; the analyst deleted Delft's Duits; now Utrecht is pulled.
    const b = pull(utrecht, [delftItaliaans, delftPools], snapshotOf(pkg(delft)));
    expect(places(b.result.observations)).toEqual(["Utrecht Italiaans", "Utrecht Duits", "Delft Italiaans", "Delft Pools"]);
    expect([b.added.length, b.removed.length, b.removedByYou.length, b.others]).toEqual([2, 0, 0, 2]);
    expect(b.snapshot).toContain(rowHash(delftDuits));
    expect(b.snapshot).toContain(keyHash(lookupKey(delftDuits)));
  });

  it("pulling Delft again after Utrecht: the deleted row stays deleted, listed as the analyst's removal", () => {
    const b = pull(utrecht, [delftItaliaans, delftPools], snapshotOf(pkg(delft)));
    const again = pull(delft, b.result.observations, b.snapshot);
    expect(again.added).toEqual([]);
    expect(again.removedByYou).toEqual([{ row: delftDuits, newFigure: false }]);
    expect(places(again.result.observations)).toEqual(["Delft Italiaans", "Delft Pools", "Utrecht Italiaans", "Utrecht Duits"]);
  });

  it("pulling Delft again when CBS has a new figure for the deleted row: still deleted, and the comparison says the figure is new", () => {
    const b = pull(utrecht, [delftItaliaans, delftPools], snapshotOf(pkg(delft)));
    const corrected = { ...delftDuits, waarde: 1170 };
    const again = pull([delftItaliaans, corrected, delftPools], b.result.observations, b.snapshot);
    expect(again.added).toEqual([]);
    expect(again.removedByYou).toEqual([{ row: corrected, newFigure: true }]);
    expect(places(again.result.observations)).not.toContain("Delft Duits");
  });

  it("remembers the deletion through several pulls of other municipalities, without a hash twice", () => {
    const b = pull(utrecht, [delftItaliaans, delftPools], snapshotOf(pkg(delft)));
    const c = pull(utrecht, b.result.observations, b.snapshot); // Utrecht again, unchanged
    expect(new Set(c.snapshot).size).toBe(c.snapshot.length);
    expect(new Set(c.snapshot)).toEqual(new Set(b.snapshot));
    expect(pull(delft, c.result.observations, c.snapshot).removedByYou).toEqual([{ row: delftDuits, newFigure: false }]);
  });

  it("a row the source no longer delivers and that is deleted now is forgotten: delivered again later, it is added", () => {
    // Delft pulled with Duits; the next pull of Delft has no Duits: it is removed, and its hashes leave the snapshot.
    const dropped = pull([delftItaliaans, delftPools], delft, snapshotOf(pkg(delft)));
    expect(places(dropped.removed)).toEqual(["Delft Duits"]);
    expect(dropped.snapshot).not.toContain(rowHash(delftDuits));
    expect(dropped.snapshot).not.toContain(keyHash(lookupKey(delftDuits)));
    const back = pull(delft, dropped.result.observations, dropped.snapshot);
    expect(places(back.added)).toEqual(["Delft Duits"]);
    expect(back.removedByYou).toEqual([]);
  });

  it("a figure the source corrected replaces the old one in the snapshot: the old figure, typed again by the analyst, is theirs", () => {
    const corrected = { ...delftDuits, waarde: 1170 };
    const c = pull([delftItaliaans, corrected, delftPools], delft, snapshotOf(pkg(delft)));
    expect(c.changed.map((x) => [x.before.waarde, x.after.waarde])).toEqual([[delftDuits.waarde, 1170]]);
    expect(c.snapshot).not.toContain(rowHash(delftDuits));
    expect(c.snapshot).toContain(rowHash(corrected));
    const typedBack = c.result.observations.map((o) => (o === corrected ? delftDuits : o));
    const next = pull([delftItaliaans, corrected, delftPools], typedBack, c.snapshot);
    expect(next.changed).toEqual([]);
    expect(next.kept).toEqual([{ row: delftDuits, source: corrected, other: false }]);
  });

  it("an edition (scope everything) keeps only what it delivers: a deleted row it no longer has is forgotten", () => {
    const c = compareWithWorkbook(pkg(utrecht), pkg([delftItaliaans, delftPools]), new Set(snapshotOf(pkg(delft))));
    expect(new Set(c.snapshot)).toEqual(new Set(snapshotOf(pkg(utrecht))));
  });
});
