import { compareWithWorkbook, nothingChanges, snapshotOf } from "../../src/data/compare";
import { Indicator, MonitorPackage, Observation, Source } from "../../src/data/types";
import { shippedPackage } from "../support/fixtures";

/**
 * A pull beside other sources in one workbook (CBS beside the edition): rows another source
 * delivered are neither the analyst's nor this source's; whose indicator definitions win; and
 * when a comparison has nothing to write. Small packages written out here.
 */
const edition = shippedPackage();
const base = edition.observations.find((o) => o.indicator === "inwoners" && o.groep === "Italiaans" && o.periode === "2022") as Observation;
const row = (groep: string, waarde: number, extra: Partial<Observation> = {}): Observation => ({ ...base, groep, waarde, ...extra });
const indicator = (id: string, labelNl: string): Indicator => ({ id, labelNl, labelEn: `${labelNl} (en)`, eenheid: "aantal", standaardgroep: "", definitie: `Definitie van ${labelNl}`, bron: "BRP" });
const source = (id: string, naam: string): Source => ({ id, naam, citeernaam: naam, omschrijving: "", peildatum: "2022-01-01", url: "" });
const pkg = (observations: Observation[], indicators: Indicator[] = [], sources: Source[] = []): MonitorPackage => ({ observations, indicators, sources });
const hashes = (...rows: Observation[]) => new Set(snapshotOf(pkg(rows)));

describe("rows another source delivered (their hashes in `others`)", () => {
  const italian = row("Italiaans", 1253);
  const cbsDelft = row("Italiaans", 40, { gebied: "Delft", bron: "CBS" });

  it("that this source does not have: counted as others' and kept in place, not removed, not the analyst's", () => {
    const c = compareWithWorkbook(pkg([italian]), pkg([italian, cbsDelft]), hashes(italian), hashes(cbsDelft));
    expect(c.others).toBe(1);
    expect([c.added, c.changed, c.removed, c.kept]).toEqual([[], [], [], []]);
    expect(c.result.observations).toEqual([italian, cbsDelft]);
  });

  it("that this source has another figure for: kept, marked as another source's, beside this source's figure", () => {
    const mine = row("Italiaans", 41, { gebied: "Delft", bron: "CBS" });
    const c = compareWithWorkbook(pkg([italian, mine]), pkg([italian, cbsDelft]), hashes(italian), hashes(cbsDelft));
    expect(c.kept).toEqual([{ row: cbsDelft, source: mine, other: true }]);
    expect(c.result.observations).toEqual([italian, cbsDelft]);
  });

  it("that this source delivered too last time: this source's, removed when it no longer has it", () => {
    const c = compareWithWorkbook(pkg([italian]), pkg([italian, cbsDelft]), hashes(italian, cbsDelft), hashes(cbsDelft));
    expect([c.removed, c.others]).toEqual([[cbsDelft], 0]);
  });

  it("the analyst's own row beside them is theirs: kept, without a source figure, not another source's", () => {
    const own = row("Turks", 391, { toelichting: "Eigen rij" });
    const c = compareWithWorkbook(pkg([italian]), pkg([italian, own, cbsDelft]), hashes(italian), hashes(cbsDelft));
    expect(c.kept).toEqual([{ row: own, source: null, other: false }]);
    expect(c.others).toBe(1);
  });
});

describe("a pull that drops rows only within its areas and years (scope \"pulled\")", () => {
  const delft = row("Italiaans", 40, { gebied: "Delft", gebiedscode: "GM0503", bron: "CBS", periode: "2023" });
  const delftEdited = { ...delft, waarde: 44 };
  const utrecht = row("Italiaans", 70, { gebied: "Utrecht", gebiedscode: "GM0344", bron: "CBS", periode: "2023" });
  const compare = (source: Observation[], workbook: Observation[], previous: Set<string>, scope: "pulled" | "everything" = "pulled") =>
    compareWithWorkbook(pkg(source), pkg(workbook), previous, new Set(), "workbook", scope);

  it("leaves the analyst's edit of a row outside those areas out of what it keeps: outside, in place", () => {
    const c = compare([utrecht], [delftEdited], hashes(delft));
    expect([c.kept, c.outside, c.removed, c.others]).toEqual([[], [delftEdited], [], 0]);
    expect(c.result.observations).toEqual([utrecht, delftEdited]);
  });

  it("leaves the analyst's edit of a row outside those years out too", () => {
    const earlier = { ...delftEdited, periode: "2019" };
    const c = compare([delft], [delft, earlier], hashes(delft, { ...delft, periode: "2019" }));
    expect([c.kept, c.outside]).toEqual([[], [earlier]]);
  });

  it("keeps, as the analyst's, an own row within its areas and years", () => {
    const own = row("Turks", 12, { gebied: "Utrecht", gebiedscode: "GM0344", bron: "CBS", periode: "2023" });
    const c = compare([utrecht], [own], new Set());
    expect([c.kept, c.outside]).toEqual([[{ row: own, source: null, other: false }], []]);
  });

  it("an edition (scope \"everything\") keeps every own row as the analyst's: nothing is outside it", () => {
    const c = compare([utrecht], [delftEdited], hashes(delft), "everything");
    expect([c.kept, c.outside]).toEqual([[{ row: delftEdited, source: null, other: false }], []]);
  });
});

describe("indicator and source definitions after the pull", () => {
  const observations = [row("Italiaans", 1253)];
  const theirs = pkg(observations, [indicator("inwoners", "Inwoners (bron)"), indicator("nieuw", "Nieuw")], [source("BRP", "BRP (bron)"), source("CBS", "CBS")]);
  const workbook = pkg(observations, [indicator("inwoners", "Inwoners (werkmap)"), indicator("eigen", "Eigen")], [source("BRP", "BRP (werkmap)"), source("Eigen", "Eigen bron")]);

  it("an edition's own (the default): the source's definitions, then the workbook's others", () => {
    const c = compareWithWorkbook(theirs, workbook, hashes(...observations));
    expect(c.result.indicators.map((i) => [i.id, i.labelNl])).toEqual([["inwoners", "Inwoners (bron)"], ["nieuw", "Nieuw"], ["eigen", "Eigen"]]);
    expect(c.result.sources.map((s) => [s.id, s.naam])).toEqual([["BRP", "BRP (bron)"], ["CBS", "CBS"], ["Eigen", "Eigen bron"]]);
  });

  it("a source beside the edition: the workbook's definitions stay, the source only adds the indicators it is new for", () => {
    const c = compareWithWorkbook(theirs, workbook, hashes(...observations), new Set(), "workbook");
    expect(c.result.indicators.map((i) => [i.id, i.labelNl])).toEqual([["inwoners", "Inwoners (werkmap)"], ["eigen", "Eigen"], ["nieuw", "Nieuw"]]);
  });
});

describe("whether anything changes", () => {
  const italian = row("Italiaans", 1253);
  const previous = hashes(italian);
  it.each<[string, MonitorPackage, MonitorPackage, boolean]>([
    ["the same rows", pkg([italian]), pkg([italian]), false],
    ["only the analyst's own rows and edits", pkg([italian]), pkg([row("Italiaans", 1260), row("Turks", 391)]), false],
    ["a row added", pkg([italian, row("Turks", 391)]), pkg([italian]), true],
    ["a row changed", pkg([row("Italiaans", 1301)]), pkg([italian]), true],
    ["a row removed", pkg([]), pkg([italian]), true],
  ])("%s", (_what, from, workbook, changes) => {
    expect(nothingChanges(compareWithWorkbook(from, workbook, previous))).toBe(!changes);
  });
});
