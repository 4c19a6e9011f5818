import { compareWithWorkbook, nothingChanges, pulledParts, snapshotOf } from "../../src/data/compare";
import { hash53 } from "../../src/data/hash";
import { lookupKey } from "../../src/data/package";
import { MonitorPackage, Observation } from "../../src/data/types";
import { shippedPackage } from "../support/fixtures";
import { nextEdition } from "../support/package-server";

const edition = shippedPackage();
const next = nextEdition();
const italian = (o: Observation) => o.indicator === "inwoners" && o.groep === "Italiaans" && o.periode === "2022";
const withRows = (pkg: MonitorPackage, change: (rows: Observation[]) => Observation[]): MonitorPackage => ({ ...pkg, observations: change(pkg.observations.map((o) => ({ ...o }))) });

describe("comparing a pulled package with the workbook", () => {
  const previous = new Set(snapshotOf(edition));

  it("into an empty workbook: everything is added", () => {
    const c = compareWithWorkbook(next, null, previous);
    expect([c.added.length, c.changed.length, c.removed.length, c.kept.length]).toEqual([next.observations.length, 0, 0, 0]);
    expect(c.result).toBe(next);
  });

  it("a new edition over the untouched last one: added, changed (old → new), removed", () => {
    const c = compareWithWorkbook(next, edition, previous);
    expect(c.added.map((o) => [o.groep, o.periode, o.waarde])).toEqual([["Italiaans", "2023", 1350]]);
    expect(c.changed.map((d) => [d.before.waarde, d.after.waarde])).toEqual([[1253, 1301]]);
    expect(c.removed.map((o) => [o.groep, o.eenheid])).toEqual([["niet-EU", "aandeel"]]);
    expect(c.kept).toEqual([]);
    expect(c.unchanged).toBe(edition.observations.length - 2);
    expect(c.result.observations.find(italian)?.waarde).toBe(1301);
    expect(c.result.observations).toHaveLength(next.observations.length);
  });

  it("keeps the analyst's own rows and edits, and shows the source's figure beside an edit", () => {
    const workbook = withRows(edition, (rows) => {
      (rows.find(italian) as Observation).waarde = 1260;
      return [...rows, { ...rows[3], groep: "Turks", waarde: 391, toelichting: "Eigen rij" }];
    });
    const c = compareWithWorkbook(next, workbook, previous);
    expect(c.kept.map((k) => [k.row.groep, k.row.waarde, k.source?.waarde ?? null])).toEqual([["Italiaans", 1260, 1301], ["Turks", 391, null]]);
    expect(c.changed).toEqual([]);
    expect(c.result.observations.find(italian)?.waarde).toBe(1260);
    expect(c.result.observations.some((o) => o.groep === "Turks")).toBe(true);
  });

  it("keeps an analyst's own Bovengroep or Gebiedscode: an edit of the new columns is an edit too", () => {
    const workbook = withRows(edition, (rows) => {
      const slaagh = rows.find((o) => o.gebied === "Slaaghwijk") as Observation;
      slaagh.gebiedscode = "WK054612";
      return rows;
    });
    const c = compareWithWorkbook(next, workbook, previous);
    expect(c.kept.map((k) => [k.row.gebied, k.row.gebiedscode, k.source?.gebiedscode])).toEqual([["Slaaghwijk", "WK054612", ""]]);
    expect(c.result.observations.find((o) => o.gebied === "Slaaghwijk")?.gebiedscode).toBe("WK054612");
  });

  it("recognises the rows of a snapshot taken before Jaar, Bovengroep and Gebiedscode existed", () => {
    // The row hash as the add-in computed it with thirteen columns, kept in workbooks since.
    const before = (o: Observation) => hash53(JSON.stringify([lookupKey(o), o.onderwerp, o.waarde, o.bron, o.peildatum, o.status, o.pagina, o.toelichting]));
    expect(snapshotOf(edition).slice(0, edition.observations.length)).toEqual(edition.observations.map(before));
  });

  it("an analyst's correction the source now makes too is no longer theirs: it follows the source", () => {
    const workbook = withRows(edition, (rows) => ((rows.find(italian) as Observation).waarde = 1301, rows));
    const c = compareWithWorkbook(next, workbook, previous);
    expect(c.kept).toEqual([]);
    expect(c.changed).toEqual([]);
  });

  it("pulled again: nothing changes, the snapshot says what came from the source", () => {
    const first = compareWithWorkbook(next, edition, previous);
    const again = compareWithWorkbook(next, first.result, new Set(first.snapshot));
    expect(nothingChanges(again)).toBe(true);
    expect(again.kept).toEqual([]);
  });

  it("counts a pull's figures as new, there already (changed among them) and deleted by the analyst, adding up to the figures pulled", () => {
    // The analyst edited Italiaans 2022 (kept as theirs), added a row of their own (not the source's, not counted) and deleted the first row.
    const workbook = withRows(edition, (rows) => {
      (rows.find(italian) as Observation).waarde = 1260;
      return [...rows.slice(1), { ...rows[3], groep: "Turks", waarde: 391, toelichting: "Eigen rij" }];
    });
    const parts = pulledParts(compareWithWorkbook(next, workbook, previous));
    // next: the edition's rows less niet-EU's share, with Italiaans 2023 added; the first row deleted stays deleted;
    // Italiaans 2022 is there already (the analyst's 1260 kept), nothing else changed.
    expect(parts).toEqual({ added: 1, already: next.observations.length - 2, changed: 0, stayDeleted: 1 });
    expect(pulledParts(compareWithWorkbook(next, edition, previous))).toEqual({ added: 1, already: next.observations.length - 1, changed: 1, stayDeleted: 0 });
  });
});
