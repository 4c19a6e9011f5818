import { duitsMovesUp, generatedWorkbook, regenerated, sheetNamed, sheetState } from "../support/workbooks";

/**
 * A 3-D reference (`=SUM(Nationaliteiten:Werknemers!B6)`) points into its first and last sheet
 * and every sheet between them in the workbook's order ("Create a 3-D reference to the same
 * cell range on multiple worksheets", Microsoft Support): a sheet it spans is kept unchanged
 * when its layout changes, as for any formula pointing into it, in a cell or a defined name.
 * Workbook states before and after, on the fake (sheets in order: … Kinderen, Nationaliteiten,
 * Expat Centre, Werknemers …).
 */
describe("Regenerate and a 3-D reference of the user's", () => {
  it.each([
    ["the first sheet of an unquoted one", "=SUM(Nationaliteiten:Werknemers!B6)"],
    ["a sheet between the ends of a quoted one", "=SUM('Kinderen:Expat Centre'!B6)"],
  ])("keeps %s unchanged when its layout changes", async (_what, formula) => {
    const model = await generatedWorkbook();
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    const before = JSON.stringify(sheetState(nationaliteiten));
    Object.assign(sheetNamed(model, "Mijn analyse").cell(5, 0), { value: null, formula });
    duitsMovesUp(model);
    const result = await regenerated(model);
    expect(result.kept.map((k) => [k.name, k.why])).toEqual([["Nationaliteiten 2026-11-25", "referenced"]]);
    expect(JSON.stringify(sheetState(nationaliteiten))).toBe(before);
    expect(sheetNamed(model, "Nationaliteiten").cell(5, 0).value).toBe("Duits");
  });

  it("a defined name with a 3-D reference makes every sheet it spans the user's, as any name pointing into a sheet does", async () => {
    const model = await generatedWorkbook();
    model.names.push({ name: "Zes", formula: "='Kinderen:Expat Centre'!$B$6", sheet: null });
    const result = await regenerated(model);
    expect(result.kept.map((k) => [k.was, k.why])).toEqual([
      ["Kinderen", "referenced"],
      ["Nationaliteiten", "referenced"],
      ["Expat Centre", "referenced"],
    ]);
  });

  it("a 3-D reference over other sheets leaves a sheet outside it to be rebuilt", async () => {
    const model = await generatedWorkbook();
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    Object.assign(sheetNamed(model, "Mijn analyse").cell(5, 0), { value: null, formula: "=SUM('Expat Centre:Werknemers'!B6)" });
    duitsMovesUp(model);
    const result = await regenerated(model);
    expect(result.kept).toEqual([]);
    expect(model.sheets).not.toContain(nationaliteiten);
  });
});
