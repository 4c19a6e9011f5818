import { compareWithWorkbook, snapshotOf } from "../../src/data/compare";
import { Language, MonitorPackage, Observation } from "../../src/data/types";
import { comparisonLines } from "../../src/taskpane/comparison-lines";
import { paneTexts } from "../../src/taskpane/i18n";
import { shippedPackage } from "../support/fixtures";

/** What the pane says of a row the analyst deleted (review D10), written out by hand in both languages. */
const edition = shippedPackage();
const row = (groep: string) => edition.observations.find((o) => o.indicator === "inwoners" && o.groep === groep && o.periode === "2022" && o.gebied === "Leiden") as Observation;
const [italiaans, duits] = [row("Italiaans"), row("Duits")];
const pkg = (observations: Observation[]): MonitorPackage => ({ ...edition, observations });
const linesOf = (source: Observation[], language: Language) =>
  comparisonLines(compareWithWorkbook(pkg(source), pkg([italiaans]), new Set(snapshotOf(pkg([italiaans, duits])))), paneTexts(language), language);

describe("the pane on a row the analyst deleted", () => {
  it("delivered again as before: stays removed, said as such, and nothing is written", () => {
    expect(linesOf([italiaans, duits], "en")).toEqual({
      summary: "The workbook already has this data; there is nothing to write. 1 row you removed stays removed.",
      items: ["− Duits · Leiden · 2022 (inwoners): 1,162 (you removed it; stays removed)"],
    });
    expect(linesOf([italiaans, duits], "nl")).toEqual({
      summary: "De werkmap heeft deze gegevens al; er is niets te schrijven. 1 rij die u verwijderde, blijft weg.",
      items: ["− Duits · Leiden · 2022 (inwoners): 1.162 (door u verwijderd; blijft weg)"],
    });
  });

  it("changed by the source since: stays removed, with the figure it has now in the reader's notation", () => {
    const corrected = { ...duits, waarde: 1170 };
    expect(linesOf([italiaans, corrected], "en").items).toEqual(["− Duits · Leiden · 2022 (inwoners): you removed it; stays removed, but the source has changed it since, now 1,170"]);
    expect(linesOf([italiaans, corrected], "nl").items).toEqual(["− Duits · Leiden · 2022 (inwoners): door u verwijderd; blijft weg, maar de bron heeft hem sindsdien gewijzigd, nu 1.170"]);
  });

  it("beside other changes: counted in the summary apart from added and removed", () => {
    const pools = row("Pools");
    const { summary } = linesOf([italiaans, duits, pools], "en");
    expect(summary).toBe("What changes in MonitorData: 1 added, 0 changed, 0 removed; 0 of your own rows stay, 1 unchanged. Nothing has been written yet. 1 row you removed stays removed.");
  });
});
