import { compareWithWorkbook, rowHash, snapshotOf } from "../../src/data/compare";
import { MonitorPackage, Observation } from "../../src/data/types";
import { shippedPackage } from "../support/fixtures";

/**
 * Every column of a figure counts, not only Waarde: an analyst who edits only a note (or the
 * page, source, reference date or status) keeps that edit on the next pull, and a source that
 * changes only a note is a change, shown old → new. Rows are the shipped edition's; each edit
 * is written out here, not taken from the code under test.
 */
const edition = shippedPackage();
const previous = new Set(snapshotOf(edition));
const isItalian = (o: Observation) => o.indicator === "inwoners" && o.groep === "Italiaans" && o.periode === "2022" && o.gebied === "Leiden";
const italian = edition.observations.find(isItalian) as Observation;

/** The one column an edit touches, and the value it is given (each differs from the edition's row). */
const EDITS: [string, Partial<Observation>][] = [
  ["Toelichting", { toelichting: "Eigen toelichting: nagevraagd bij Burgerzaken" }],
  ["Pagina", { pagina: 99 }],
  ["Pagina, emptied", { pagina: null }],
  ["Bron", { bron: "CBS" }],
  ["Peildatum", { peildatum: "2022-06-30" }],
  ["Status", { status: "afgeleid" }],
  ["Onderwerp", { onderwerp: "Bevolking (eigen indeling)" }],
  ["Waarde", { waarde: 1260 }],
];

const withItalian = (pkg: MonitorPackage, edit: Partial<Observation>): MonitorPackage => ({ ...pkg, observations: pkg.observations.map((o) => (isItalian(o) ? { ...o, ...edit } : o)) });

describe("the shipped row the edits start from", () => {
  it("is the Italian count of 2022, page 17, without a note", () => {
    expect([italian.waarde, italian.bron, italian.peildatum, italian.status, italian.pagina, italian.toelichting, italian.onderwerp]).toEqual([1253, "BRP", "2022-01-01", "gerapporteerd", 17, "", "Bevolking"]);
  });
});

describe.each(EDITS)("only %s differs", (_column, edit) => {
  it("edited by the analyst: their row is kept as they wrote it, beside the source's, and nothing else moves", () => {
    const workbook = withItalian(edition, edit);
    const c = compareWithWorkbook(edition, workbook, previous);
    expect(c.kept).toEqual([{ row: { ...italian, ...edit }, source: italian, other: false }]);
    expect([c.added, c.changed, c.removed]).toEqual([[], [], []]);
    expect(c.unchanged).toBe(edition.observations.length - 1);
    expect(c.result.observations.find(isItalian)).toEqual({ ...italian, ...edit });
    expect(c.result.observations).toHaveLength(edition.observations.length);
  });

  it("changed by the source on an untouched workbook: a change, old → new, and the new row is written", () => {
    const source = withItalian(edition, edit);
    const c = compareWithWorkbook(source, edition, previous);
    expect(c.changed).toEqual([{ key: expect.any(String), before: italian, after: { ...italian, ...edit } }]);
    expect([c.added, c.removed, c.kept]).toEqual([[], [], []]);
    expect(c.unchanged).toBe(edition.observations.length - 1);
    expect(c.result.observations.find(isItalian)).toEqual({ ...italian, ...edit });
  });

  it("changed by the source where the analyst made the same edit: no longer theirs, it follows the source", () => {
    const both = withItalian(edition, edit);
    const c = compareWithWorkbook(both, both, previous);
    expect([c.added, c.changed, c.removed, c.kept]).toEqual([[], [], [], []]);
    expect(c.unchanged).toBe(edition.observations.length);
  });
});

describe("a row's hash", () => {
  it.each(EDITS)("changes when only %s changes", (_column, edit) => {
    expect(rowHash({ ...italian, ...edit })).not.toBe(rowHash(italian));
  });

  it("is the same for the same content, whatever the order of the object's properties", () => {
    const reordered = Object.fromEntries(Object.entries(italian).reverse()) as unknown as Observation;
    expect(rowHash(reordered)).toBe(rowHash(italian));
  });

  it("keeps two columns apart: a text moved from one column into the next is another row", () => {
    expect(rowHash({ ...italian, bron: "BRP", toelichting: "" })).not.toBe(rowHash({ ...italian, bron: "", toelichting: "BRP" }));
  });
});
