import { parseAddress, toAddress } from "../support/fake-excel";
import { edition, generatedWorkbook, markOf, runLoadData, runRegenerate, sheetNamed } from "../support/workbooks";

/**
 * "A figure keeps its place, or its sheet is kept" where the year is only in a caption (review
 * R12): Werknemers' table of the knowledge workers' salary threshold (lm_werknemers_loongrens,
 * caption "Looneis voor kenniswerkers (70% van de IND-grens), 2020", header ["Leeftijd",
 * "Bruto jaarloon"], rows "onder de 30 jaar" and "vanaf 30 jaar") shows the latest year only,
 * and has no chart whose title names it. An edition that brings the next year's thresholds
 * (synthetic figures, for the test only: 2020's plus 1000 euro) puts another year's figures in
 * the same cells: a new layout, so the sheet is kept while the analyst's formula points into it,
 * and rebuilt when nothing does.
 */

const THRESHOLD_2020_UNDER_30 = 30672; // observations.csv: loongrens, <30, 2020
const next2021 = edition.observations
  .filter((o) => o.indicator === "loongrens")
  .map((o) => ({ ...o, periode: "2021", jaar: 2021, waarde: o.eenheid === "euro" ? o.waarde + 1000 : o.waarde, toelichting: "Synthetisch testcijfer" }));
const nextEdition = { ...edition, observations: [...edition.observations, ...next2021] };

/** The row of "onder de 30 jaar" on Werknemers (0-based), where its threshold is in column B. */
function under30Row(sheet: ReturnType<typeof sheetNamed>): number {
  const labels = sheet.values({ row: 0, column: 0, rows: 200, columns: 1 }).map((r) => r[0]);
  const row = labels.indexOf("onder de 30 jaar");
  expect(row).toBeGreaterThan(0);
  return row;
}

/** The caption of the threshold's table: the line above its header "Leeftijd". */
function captionAbove(sheet: ReturnType<typeof sheetNamed>, row: number): unknown {
  return sheet.cell(row - 2, 0).value;
}

describe("the next year's figures for a table whose year is only in its caption", () => {
  it("keep the sheet the analyst's formula points into, showing the year it showed", async () => {
    const model = await generatedWorkbook();
    const werknemers = sheetNamed(model, "Werknemers");
    const row = under30Row(werknemers);
    expect(werknemers.cell(row, 1).value).toBe(THRESHOLD_2020_UNDER_30);
    expect(captionAbove(werknemers, row)).toBe("Looneis voor kenniswerkers (70% van de IND-grens), 2020");
    const mine = sheetNamed(model, "Mijn analyse");
    Object.assign(mine.cell(7, 0), { formula: `=Werknemers!${toAddress({ row, column: 1, rows: 1, columns: 1 })}`, value: THRESHOLD_2020_UNDER_30 });

    expect((await runLoadData(model, nextEdition)).result.ok).toBe(true);
    const { result } = await runRegenerate(model, nextEdition);
    if (!result.ok) throw new Error("regenerate failed");

    expect(result.kept).toEqual([{ key: "werknemers", name: "Werknemers 2026-11-25", was: "Werknemers", why: "referenced", by: [{ kind: "formula", sheet: "Mijn analyse" }], moves: true }]);
    // The formula follows the kept sheet (Excel renames it along), which still shows 2020's threshold.
    expect(mine.cell(7, 0).formula).toBe(`='Werknemers 2026-11-25'!${toAddress({ row, column: 1, rows: 1, columns: 1 })}`);
    const match = /^='((?:[^']|'')+)'!(.+)$/.exec(String(mine.cell(7, 0).formula));
    const at = parseAddress(match?.[2] ?? "");
    expect(sheetNamed(model, "Werknemers 2026-11-25").cell(at.row, at.column).value).toBe(THRESHOLD_2020_UNDER_30);
    expect(markOf(sheetNamed(model, "Werknemers 2026-11-25"))).toBeNull();
    // The fresh Werknemers shows 2021's, and says so.
    const fresh = sheetNamed(model, "Werknemers");
    expect(result.sheets.find((s) => s.key === "werknemers")?.status).toBe("created");
    const freshRow = under30Row(fresh);
    expect(fresh.cell(freshRow, 1).value).toBe(THRESHOLD_2020_UNDER_30 + 1000);
    expect(captionAbove(fresh, freshRow)).toBe("Looneis voor kenniswerkers (70% van de IND-grens), 2021");
  });

  it("rebuild the sheet when nothing points into it", async () => {
    const model = await generatedWorkbook();
    expect((await runLoadData(model, nextEdition)).result.ok).toBe(true);
    const { result } = await runRegenerate(model, nextEdition);
    if (!result.ok) throw new Error("regenerate failed");
    expect(result.kept).toEqual([]);
    expect(result.sheets.find((s) => s.key === "werknemers")?.status).toBe("replaced");
    const werknemers = sheetNamed(model, "Werknemers");
    const row = under30Row(werknemers);
    expect(werknemers.cell(row, 1).value).toBe(THRESHOLD_2020_UNDER_30 + 1000);
    expect(captionAbove(werknemers, row)).toBe("Looneis voor kenniswerkers (70% van de IND-grens), 2021");
    expect(model.sheets.filter((s) => s.name.startsWith("Werknemers")).map((s) => s.name)).toEqual(["Werknemers"]);
  });

  it("while the same year's corrected figures are written in place", async () => {
    const model = await generatedWorkbook();
    const corrected = { ...edition, observations: edition.observations.map((o) => (o.indicator === "loongrens" && o.leeftijd === "<30" ? { ...o, waarde: o.waarde + 1 } : o)) };
    Object.assign(sheetNamed(model, "Mijn analyse").cell(7, 0), { formula: "=Werknemers!B1" });
    expect((await runLoadData(model, corrected)).result.ok).toBe(true);
    const { result } = await runRegenerate(model, corrected);
    if (!result.ok) throw new Error("regenerate failed");
    expect(result.kept).toEqual([]);
    expect(result.sheets.find((s) => s.key === "werknemers")?.status).toBe("updated");
    const werknemers = sheetNamed(model, "Werknemers");
    expect(werknemers.cell(under30Row(werknemers), 1).value).toBe(THRESHOLD_2020_UNDER_30 + 1);
  });
});
