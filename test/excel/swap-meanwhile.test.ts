import { MARK_KEY } from "../../src/excel/marks";
import { WorkbookModel } from "../support/fake-excel";
import { notesText } from "../support/notes";
import { duitsMovesUp, generatedWorkbook, runRegenerate, sheetNamed, sheetState } from "../support/workbooks";

/**
 * A sheet with a new layout is built beside the old one, which is deleted in Regenerate's last
 * step because it was exactly as written when Regenerate inspected it. It is read again just
 * before: what the analyst put on it meanwhile (Regenerate reads in slices and yields to the
 * pane between them) makes it theirs, kept under a dated name and reported, never deleted.
 * Workbook states before and after, on the fake.
 */
async function regenerateWhile(model: WorkbookModel, meanwhile: () => void) {
  let done = false;
  const { result } = await runRegenerate(model, undefined, "2026-11-25", {
    yieldToUi: async () => {
      if (!done) meanwhile();
      done = true;
    },
  });
  if (!result.ok) throw new Error("regenerate failed");
  return result;
}

describe("an indicator sheet the analyst changes while Regenerate rebuilds it beside", () => {
  it.each([
    ["a note typed beside its tables", (s: ReturnType<typeof sheetNamed>) => Object.assign(s.cell(2, 5), { value: "Duits klopt niet?" })],
    ["a fill on a figure", (s: ReturnType<typeof sheetNamed>) => (s.cell(5, 1).fill = "#FFFF00")],
  ])("%s: the old sheet is kept with it under a dated name, unmarked, and reported; the fresh one takes its place", async (_what, change) => {
    const model = await generatedWorkbook();
    const old = sheetNamed(model, "Nationaliteiten");
    const position = model.sheets.indexOf(old);
    duitsMovesUp(model);
    let theirs = "";
    const result = await regenerateWhile(model, () => {
      change(old);
      theirs = JSON.stringify(sheetState(old));
    });
    expect(model.sheets).toContain(old);
    expect(old.name).toBe("Nationaliteiten 2026-11-25");
    expect(JSON.stringify(sheetState(old))).toBe(theirs);
    expect(old.customProperties.has(MARK_KEY)).toBe(false);
    expect(result.kept).toEqual([{ key: "nationaliteiten", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", why: "edited" }]);
    const outcome = result.sheets.find((s) => s.key === "nationaliteiten");
    expect(outcome?.status).toBe("replaced");
    expect(notesText(outcome)).toContain("Nationaliteiten 2026-11-25");
    const fresh = sheetNamed(model, "Nationaliteiten");
    expect(model.sheets.indexOf(fresh)).toBe(position);
    expect(fresh.cell(5, 0).value).toBe("Duits");
  });

  it("an old sheet nobody touched meanwhile is deleted as before (its tables' names set aside do not count as a change)", async () => {
    const model = await generatedWorkbook();
    const old = sheetNamed(model, "Nationaliteiten");
    duitsMovesUp(model);
    const result = await regenerateWhile(model, () => undefined);
    expect(model.sheets).not.toContain(old);
    expect(result.kept).toEqual([]);
  });
});
