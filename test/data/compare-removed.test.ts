import { compareWithWorkbook, nothingChanges, rowHash, snapshotOf } from "../../src/data/compare";
import { MonitorPackage, Observation } from "../../src/data/types";
import { shippedPackage } from "../support/fixtures";

/**
 * A row the analyst deleted from MonitorData (review D10): the snapshot says the source
 * delivered a row under that key, the workbook lacks it, so the deletion is the analyst's edit
 * and stays. Small packages written out here; the expected values by hand (the seed's 2022
 * figures: Italiaans 1253, Duits 1162, Pools 1002 inhabitants of Leiden).
 */
const edition = shippedPackage();
const row = (groep: string) => edition.observations.find((o) => o.indicator === "inwoners" && o.groep === groep && o.periode === "2022" && o.gebied === "Leiden") as Observation;
const [italiaans, duits, pools] = [row("Italiaans"), row("Duits"), row("Pools")];
const pkg = (observations: Observation[]): MonitorPackage => ({ ...edition, observations });
const compare = (source: Observation[], workbook: Observation[], previous: Iterable<string>) => compareWithWorkbook(pkg(source), pkg(workbook), new Set(previous));
const groups = (rows: readonly Observation[]) => rows.map((o) => o.groep);

describe("a row the analyst deleted from MonitorData", () => {
  it("the source delivers it again as before: it stays deleted, listed as the analyst's removal, not as added", () => {
    const c = compare([italiaans, duits, pools], [italiaans, pools], snapshotOf(pkg([italiaans, duits, pools])));
    expect(c.added).toEqual([]);
    expect(c.removedByYou).toEqual([{ row: duits, newFigure: false }]);
    expect(groups(c.result.observations)).toEqual(["Italiaans", "Pools"]);
    expect([c.changed.length, c.removed.length, c.kept.length, c.unchanged]).toEqual([0, 0, 0, 2]);
    expect(nothingChanges(c)).toBe(true); // nothing to write
  });

  it("the source now has another figure for it: it stays deleted, and the comparison says the figure is new", () => {
    const corrected = { ...duits, waarde: 1170 };
    const c = compare([italiaans, corrected, pools], [italiaans, pools], snapshotOf(pkg([italiaans, duits, pools])));
    expect(c.added).toEqual([]);
    expect(c.removedByYou).toEqual([{ row: corrected, newFigure: true }]);
    expect(groups(c.result.observations)).toEqual(["Italiaans", "Pools"]);
  });

  it("stays deleted pull after pull: the new snapshot still holds it", () => {
    const first = compare([italiaans, duits, pools], [italiaans, pools], snapshotOf(pkg([italiaans, duits, pools])));
    expect(first.snapshot).toContain(rowHash(duits));
    const again = compare([italiaans, { ...duits, waarde: 1170 }, pools], first.result.observations, first.snapshot);
    expect(again.removedByYou).toEqual([{ row: { ...duits, waarde: 1170 }, newFigure: true }]);
    expect(again.added).toEqual([]);
  });

  it("a row the source never delivered before is added, beside a deleted one", () => {
    const c = compare([italiaans, duits, pools], [italiaans], snapshotOf(pkg([italiaans, duits])));
    expect(groups(c.added)).toEqual(["Pools"]);
    expect(c.removedByYou).toEqual([{ row: duits, newFigure: false }]);
    expect(groups(c.result.observations)).toEqual(["Italiaans", "Pools"]);
  });

  it("a snapshot from before key hashes (row hashes only): the same row is still known as deleted; a changed one cannot be told from a new one and is added", () => {
    const rowsOnly = [italiaans, duits, pools].map((o) => rowHash(o));
    expect(compare([italiaans, duits, pools], [italiaans, pools], rowsOnly).removedByYou).toEqual([{ row: duits, newFigure: false }]);
    const changed = compare([italiaans, { ...duits, waarde: 1170 }, pools], [italiaans, pools], rowsOnly);
    expect(changed.removedByYou).toEqual([]);
    expect(changed.added).toEqual([{ ...duits, waarde: 1170 }]);
  });

  it("the source dropped it meanwhile: nothing to say (neither in the source nor in the workbook)", () => {
    const c = compare([italiaans, pools], [italiaans, pools], snapshotOf(pkg([italiaans, duits, pools])));
    expect([c.added.length, c.removedByYou.length, c.removed.length, c.unchanged]).toEqual([0, 0, 0, 2]);
  });
});
