import { MonitorPackage } from "../../src/data/types";
import { problemText } from "../../src/text/problems";
import { edition, largePackage, loadedWorkbook, runLoadData, snapshot, tableNamed } from "../support/workbooks";

/**
 * A pull while the analyst has a filter on MonitorData. Excel refuses inserting or deleting rows
 * of a filtered table (InsertDeleteConflict; office-js #994 saw a delete do nothing at all), and
 * the fake refuses as the safe reading (test/excel/fake-shift-conflicts.test.ts). The add-in
 * looks first (Table.autoFilter.isDataFiltered) and changes nothing while a table it must change
 * is filtered: the workbook stays exactly as it was and the pane says to clear the filter.
 */

/** The edition with every count one higher (rows written) and its last three figures dropped (rows deleted). */
function changedAndShorter(): MonitorPackage {
  const pkg = structuredClone(edition);
  for (const o of pkg.observations) if (o.eenheid === "aantal") o.waarde += 1;
  pkg.observations.splice(pkg.observations.length - 3, 3);
  return pkg;
}

function changedOnly(): MonitorPackage {
  const pkg = structuredClone(edition);
  pkg.observations[0].waarde += 1;
  return pkg;
}

describe("a pull while MonitorData has an active filter", () => {
  it.each([
    ["that must delete rows (and write figures)", changedAndShorter],
    ["that must add rows", () => largePackage(edition.observations.length + 3)],
    ["that must only write a changed figure", changedOnly],
  ])("%s changes nothing and says to clear the filter", async (_what, next) => {
    const { model, data } = await loadedWorkbook();
    data.filtered = true;
    const before = snapshot(model);
    const written = model.cellsWritten;

    const { result } = await runLoadData(model, next());

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ table: "MonitorData", row: null, column: null });
    expect(problemText(result.problems[0], "nl")).toBe(
      "Op MonitorData staat een filter. Excel kan in een gefilterde tabel geen rijen invoegen of verwijderen, en de invoegtoepassing schrijft niet in een tabel met verborgen rijen. Er is niets veranderd: wis het filter op MonitorData en haal opnieuw op.",
    );
    expect(problemText(result.problems[0], "en")).toBe(
      "MonitorData has an active filter. Excel cannot insert or delete rows in a filtered table, and the add-in does not write into a table with hidden rows. Nothing was changed: clear the filter on MonitorData and pull again.",
    );
    expect(snapshot(model)).toBe(before);
    expect(model.cellsWritten).toBe(written);
    expect(data.filtered).toBe(true); // the add-in does not take the user's filter off
  });

  it("goes through once the filter is cleared: rows deleted and figures written", async () => {
    const { model, data } = await loadedWorkbook();
    data.filtered = true;
    await runLoadData(model, changedAndShorter());
    data.filtered = false;
    const rows = data.box.rows;
    const { result } = await runLoadData(model, changedAndShorter());
    expect(result.ok).toBe(true);
    expect(data.box.rows).toBe(rows - 3);
  });

  it("a pull that changes nothing in a filtered table is no problem", async () => {
    const { model, data } = await loadedWorkbook();
    data.filtered = true;
    const before = snapshot(model);
    const { result } = await runLoadData(model, edition);
    expect(result.ok).toBe(true);
    expect(snapshot(model)).toBe(before);
  });

  it("a filter on another monitor table the pull does not change does not stop it", async () => {
    const { model, data } = await loadedWorkbook();
    const indicators = tableNamed(model, "MonitorIndicatoren");
    if (!indicators) throw new Error("no MonitorIndicatoren");
    indicators.filtered = true;
    const { result } = await runLoadData(model, changedOnly());
    expect(result.ok).toBe(true);
    const cell = data.sheet.values(data.box).find((row) => row[6] === edition.observations[0].waarde + 1);
    expect(cell).toBeDefined();
  });
});
