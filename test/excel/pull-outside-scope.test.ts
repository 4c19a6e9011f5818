import { TABLE_NAMES } from "../../src/data/package";
import { runPreview } from "../../src/taskpane/excel-actions";
import { cbsPulls, usePaneOnFake } from "../support/pane-on-fake";
import { comparisonLines } from "../../src/taskpane/comparison-lines";
import { paneTexts } from "../../src/taskpane/i18n";
import { useCbsServer } from "../support/use-cbs-server";
import { edition, runLoadData as loadEdition, tableNamed, tableValues, userWorkbook } from "../support/workbooks";

/**
 * A CBS pull of Utrecht after one of Delft, with an analyst's edit of a Delft row in between,
 * along the pane's own path (excel-actions: the snapshots the workbook keeps, the pull's scope).
 * A pull of Utrecht says nothing about Delft: the edited row is outside its areas.
 */
const cbs = useCbsServer();
const WAARDE = 6;

describe("a CBS pull beside an earlier pull the analyst edited", () => {
  const pane = usePaneOnFake(async () => {
    const model = userWorkbook();
    await loadEdition(model);
    return model;
  });
  const { pulled, write } = cbsPulls(cbs);
  /** Types `value` over the Waarde of Delft's first 2023 row in MonitorData; returns that row as it was. */
  const editDelft = (value: number) => {
    const table = tableNamed(pane.model, TABLE_NAMES.observations)!;
    const rows = tableValues(pane.model, TABLE_NAMES.observations);
    const r = rows.findIndex((row) => row[2] === "Delft" && row[5] === "2023" && typeof row[WAARDE] === "number");
    Object.assign(table.sheet.cell(table.box.row + r, table.box.column + WAARDE), { value, formula: null });
    return rows[r];
  };

  it("says nothing of the edited Delft row when Utrecht is pulled, and keeps it", async () => {
    await write(await pulled(["Delft"]));
    const before = editDelft(4321);
    const preview = await runPreview(await pulled(["Utrecht"]), "cbs", edition);
    if (!preview.ok) throw new Error("the preview failed");
    const c = preview.comparison;
    expect(c.kept).toEqual([]);
    expect(c.removed).toEqual([]);
    expect(c.outside.map((o) => [o.gebied, o.periode, o.groep, o.waarde])).toEqual([["Delft", "2023", before[3], 4321]]);
    expect(new Set(c.added.map((o) => o.gebied))).toEqual(new Set(["Utrecht"]));

    for (const lang of ["en", "nl"] as const) {
      const { summary, items } = comparisonLines(c, paneTexts(lang), lang);
      expect(items.filter((line) => line.includes("Delft"))).toEqual([]);
      expect(summary).toMatch(
        lang === "en"
          ? /^What changes in MonitorData: [\d,]+ added, 0 changed, 0 removed; 0 of your own rows stay, [\d,]+ unchanged\. Nothing has been written yet\. [\d,]+ rows from other sources stay as they are\. 1 row you edited or added, outside the areas and years pulled now, stays as it is\.$/
          : /^Wat er verandert in MonitorData: [\d.]+ toegevoegd, 0 gewijzigd, 0 verwijderd; 0 eigen rijen blijven staan, [\d.]+ ongewijzigd\. Er is nog niets geschreven\. [\d.]+ rijen uit andere bronnen blijven zoals ze zijn\. 1 rij die u zelf wijzigde of toevoegde, buiten de gebieden en jaren die nu zijn opgehaald, blijft zoals hij is\.$/,
      );
    }

    await write(await pulled(["Utrecht"]));
    const delft2023 = tableValues(pane.model, TABLE_NAMES.observations).find((row) => row[2] === "Delft" && row[5] === "2023" && row[3] === before[3] && row[1] === before[1]);
    expect(delft2023?.[WAARDE]).toBe(4321);
  });

  it("names the edit when Delft itself is pulled again: then the pull has a figure for it", async () => {
    await write(await pulled(["Delft"]));
    const before = editDelft(4321);
    await write(await pulled(["Utrecht"]));
    const preview = await runPreview(await pulled(["Delft"]), "cbs", edition);
    if (!preview.ok) throw new Error("the preview failed");
    expect(preview.comparison.outside).toEqual([]);
    const { items } = comparisonLines(preview.comparison, paneTexts("en"), "en");
    const published = new Intl.NumberFormat("en-GB").format(before[WAARDE] as number);
    expect(items).toEqual([`= ${before[3]} · Delft · 2023 (inwoners): your 4,321 stays (the source says ${published})`]);
  });
});
