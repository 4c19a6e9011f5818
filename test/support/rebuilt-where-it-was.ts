import { SheetModel, WorkbookModel } from "./fake-excel";
import { duitsMovesUp, regenerated, sheetNamed } from "./workbooks";

/**
 * Regenerates `model` after Duits moved up: Nationaliteiten, as the add-in wrote it, must be
 * replaced where it stood (nothing kept; the fresh sheet at the old one's place, Duits first).
 * Asserted here, with jest's expect (so not in workbooks.ts, which the commands compile with);
 * returns the old sheet and the fresh one for what a test checks beside.
 */
export async function expectRebuiltWhereItWas(model: WorkbookModel): Promise<{ old: SheetModel; fresh: SheetModel }> {
  const old = sheetNamed(model, "Nationaliteiten");
  const position = model.sheets.indexOf(old);
  duitsMovesUp(model);
  const result = await regenerated(model);
  expect(result.kept).toEqual([]);
  const fresh = sheetNamed(model, "Nationaliteiten");
  expect(model.sheets.indexOf(fresh)).toBe(position);
  expect(fresh.cell(5, 0).value).toBe("Duits");
  expect(result.sheets.find((s) => s.key === "nationaliteiten")?.status).toBe("replaced");
  return { old, fresh };
}
