import { compareWithWorkbook, snapshotOf } from "../../src/data/compare";
import { MonitorPackage, Observation } from "../../src/data/types";
import { comparisonLines } from "../../src/taskpane/comparison-lines";
import { paneTexts } from "../../src/taskpane/i18n";
import { shippedPackage } from "../support/fixtures";

/** What the pane says of each row a pull changes or keeps, from comparisons of small packages written out here. */
const edition = shippedPackage();
const italian = edition.observations.find((o) => o.indicator === "inwoners" && o.groep === "Italiaans" && o.periode === "2022" && o.gebied === "Leiden") as Observation;
const pkg = (observations: Observation[]): MonitorPackage => ({ ...edition, observations });
const WHAT = "Italiaans · Leiden · 2022 (inwoners)";
const linesOf = (source: Observation[], workbook: Observation[], previous: Observation[]) =>
  comparisonLines(compareWithWorkbook(pkg(source), pkg(workbook), new Set(snapshotOf(pkg(previous)))), paneTexts("en"), "en").items;

describe("the pane's line for a row", () => {
  it("the source changed the figure: old → new", () => {
    expect(linesOf([{ ...italian, waarde: 1301 }], [italian], [italian])).toEqual([`~ ${WHAT}: 1,253 → 1,301`]);
  });

  it("the source changed the note and the page, not the figure: names them", () => {
    expect(linesOf([{ ...italian, toelichting: "Herzien.", pagina: 18 }], [italian], [italian])).toEqual([`~ ${WHAT}: 1,253, the source changed Pagina and Toelichting`]);
  });

  it("the analyst changed the figure: theirs beside the source's", () => {
    expect(linesOf([italian], [{ ...italian, waarde: 1260 }], [italian])).toEqual([`= ${WHAT}: your 1,260 stays (the source says 1,253)`]);
  });

  it("the analyst changed the status and the note, not the figure: names them", () => {
    expect(linesOf([italian], [{ ...italian, status: "afgeleid", toelichting: "Eigen telling." }], [italian])).toEqual([`= ${WHAT}: 1,253, your Status and Toelichting stay (the source has the same figure)`]);
  });

  it("the analyst's own row, which the source does not have", () => {
    const own = { ...italian, groep: "Turks", waarde: 391 };
    expect(linesOf([italian], [italian, own], [italian])).toEqual(["= Turks · Leiden · 2022 (inwoners): 391 (your own row, stays)"]);
  });
});
