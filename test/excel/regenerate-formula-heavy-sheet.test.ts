import { duitsMovesUp, generatedWorkbook, runRegenerate, sheetNamed, sheetState } from "../support/workbooks";

/** Excel on the web refuses a response over 5 MB (docs/excel/performance.md). */
const EXCEL_LIMIT = 5 * 1024 * 1024;

describe("Regenerate with a new layout beside an analyst's sheet full of formulas", () => {
  it("reads the analyst's 2,000 × 40 look-ups (about 6 MB of formulas) in answers under 5 MB, rebuilds, and leaves their sheet as it was", async () => {
    const model = await generatedWorkbook();
    const mine = sheetNamed(model, "Mijn analyse");
    // 2,000 rows × 40 columns of ordinary look-ups into MonitorData (about 75 characters each).
    for (let r = 0; r < 2000; r++) for (let c = 0; c < 40; c++) Object.assign(mine.cell(r + 5, c), { formula: `=SUMIFS(MonitorData[Waarde],MonitorData[Groep],$A${r + 6},MonitorData[Jaar],B$5)`, value: 0 });
    duitsMovesUp(model);
    const before = JSON.stringify(sheetState(mine));
    model.batches.length = 0;

    const { result } = await runRegenerate(model);

    expect(result.ok).toBe(true);
    expect(model.batches.every((b) => b.responseBytes <= EXCEL_LIMIT)).toBe(true);
    expect(JSON.stringify(sheetState(sheetNamed(model, "Mijn analyse")))).toBe(before);
    // The new layout was built: Duits (1300) is now the first nationality after the header rows.
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    const rows = [...Array(12).keys()].map((r) => nationaliteiten.cell(r, 0).value);
    expect(rows).toContain("Duits");
  }, 60_000);
});
