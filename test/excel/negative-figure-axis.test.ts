import { layoutPrint } from "../../src/report/fingerprint";
import { buildIndicatorSheets } from "../../src/report/plan";
import { edition, generatedWorkbook, runLoadData, runRegenerate, sheetNamed } from "../support/workbooks";

/**
 * A bar chart whose figures are all 0 or more has its value axis fixed at 0 (a bar's length is
 * its figure); one whose figures include one below 0 leaves the axis to Excel. Bevolking's
 * growth chart (lm_bevolking_groei) with the Dutch population's growth corrected from 2% to −1%
 * (synthetic, for the test only) has the same rows and columns, but is drawn another way: a new
 * layout (review R3). Updated in place, values only, the chart would keep its minimum 0 and not
 * draw the −1% bar at all.
 */

const corrected = {
  ...edition,
  observations: edition.observations.map((o) => (o.indicator === "groei" && o.gebied === "Leiden" && o.groep === "Nederlands" ? { ...o, waarde: -0.01 } : o)),
};

/** The chart of `sheet` that draws the table holding `figure`. */
function chartDrawing(sheet: ReturnType<typeof sheetNamed>, figure: number) {
  const chart = sheet.charts.find((c) => sheet.values({ row: c.source.row + 1, column: c.source.column + 1, rows: c.source.rows - 1, columns: c.source.columns - 1 }).flat().includes(figure));
  if (!chart) throw new Error(`no chart draws ${figure}`);
  return chart;
}

describe("a bar chart fixed at 0, when a corrected edition brings a figure below 0", () => {
  it("is drawn anew with an axis that reaches the figure", async () => {
    expect(corrected.observations.filter((o) => o.waarde === -0.01)).toHaveLength(1);
    const model = await generatedWorkbook();
    const growth = edition.observations.find((o) => o.indicator === "groei" && o.gebied === "Leiden" && o.groep === "Nederlands");
    expect(chartDrawing(sheetNamed(model, "Bevolking"), growth?.waarde as number).axisSettings.value.minimum).toBe(0);
    expect((await runLoadData(model, corrected)).result.ok).toBe(true);
    const { result } = await runRegenerate(model, corrected);
    if (!result.ok) throw new Error("regenerate failed");
    expect(result.kept).toEqual([]);
    expect(result.sheets.find((s) => s.key === "bevolking")?.status).toBe("replaced");
    expect(chartDrawing(sheetNamed(model, "Bevolking"), -0.01).axisSettings.value.minimum).toBeUndefined();
  });

  it("is kept, as it was drawn, while the analyst's formula points into its sheet", async () => {
    const model = await generatedWorkbook();
    Object.assign(sheetNamed(model, "Mijn analyse").cell(7, 0), { formula: "=Bevolking!B6" });
    expect((await runLoadData(model, corrected)).result.ok).toBe(true);
    const { result } = await runRegenerate(model, corrected);
    if (!result.ok) throw new Error("regenerate failed");
    expect(result.kept.map((k) => [k.key, k.name, k.why])).toEqual([["bevolking", "Bevolking 2026-11-25", "referenced"]]);
    expect(chartDrawing(sheetNamed(model, "Bevolking"), -0.01).axisSettings.value.minimum).toBeUndefined();
  });
});

describe("the layout print of a chart", () => {
  const plan = (pkg: typeof edition) => {
    const found = buildIndicatorSheets(pkg, "nl").find((p) => p.key === "bevolking");
    if (!found) throw new Error("no Bevolking");
    return found;
  };

  it("holds whether its value axis starts at 0", () => {
    const [before, after] = [plan(edition), plan(corrected)];
    const growth = (p: typeof before) => p.charts.find((c) => c.table.name === "lm_bevolking_groei");
    expect([growth(before)?.fromZero, growth(after)?.fromZero]).toEqual([true, false]);
    // Nothing else of the layout differs: the same rows, columns, captions and periods.
    expect(growth(after)?.table.rows.map((r) => r[0])).toEqual(growth(before)?.table.rows.map((r) => r[0]));
    expect(layoutPrint(after)).not.toBe(layoutPrint(before));
    expect(layoutPrint({ ...after, charts: after.charts.map((c) => ({ ...c, fromZero: c.table.name === "lm_bevolking_groei" ? true : c.fromZero })) })).toBe(layoutPrint(before));
  });

  it("holds whether its value axis runs as ranks", () => {
    // The ranks are on another sheet than Bevolking's: the first sheet with a chart of ranks.
    const before = buildIndicatorSheets(edition, "nl").find((p) => p.charts.some((c) => c.ranks));
    if (!before) throw new Error("no sheet charts ranks");
    const ranked = before.charts.find((c) => c.ranks);
    expect(layoutPrint({ ...before, charts: before.charts.map((c) => (c === ranked ? { ...c, ranks: false } : c)) })).not.toBe(layoutPrint(before));
  });
});
