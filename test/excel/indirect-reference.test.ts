import { duitsMovesUp, generatedWorkbook, runRegenerate, sheetNamed } from "../support/workbooks";

/**
 * A formula on the analyst's own sheet that reaches an indicator sheet through INDIRECT (A6 holds
 * the sheet's name, B6 `=INDIRECT("'"&A6&"'!B6")` shows Italiaans 1253). The sheet's name is
 * not in the formula's text, and INDIRECT resolves it when Excel calculates: if Regenerate
 * rebuilt the sheet under its own name for a new layout, the same formula would show Duits
 * without a word. So the sheet is kept (review R6).
 */
describe("a formula that reaches an indicator sheet through INDIRECT", () => {
  it("keeps the sheet it reads when the layout changes", async () => {
    const model = await generatedWorkbook();
    const mine = sheetNamed(model, "Mijn analyse");
    Object.assign(mine.cell(5, 0), { value: "Nationaliteiten", formula: null });
    Object.assign(mine.cell(5, 1), { formula: `=INDIRECT("'"&A6&"'!B6")`, value: 1253 });
    const before = sheetNamed(model, "Nationaliteiten");
    duitsMovesUp(model);
    const { result } = await runRegenerate(model);
    if (!result.ok) throw new Error("regenerate failed");
    expect(model.sheets.includes(before)).toBe(true); // kept, not deleted and rebuilt under the name INDIRECT resolves
    expect(before.cell(5, 1).value).toBe(1253); // still Italiaans' figure where the formula reads it
    expect(result.kept.map((k) => k.key)).toContain("nationaliteiten");
  });
});
