import { duitsMovesUp, generatedWorkbook, regenerated, runRegenerate, sheetNamed, snapshot } from "./workbooks";

// Apart from workbooks.ts because it asserts with jest's expect: workbooks.ts is compiled with
// the commands too (scripts/bench.ts imports it, tsconfig.scripts.json has no jest types).

/**
 * Nationaliteiten exactly as written, given a new layout (Duits moves up): Regenerate must take it
 * for the add-in's (nothing kept, the sheet replaced), and regenerated again on a later day must
 * change nothing. The case every check of what is the analyst's must leave alone; asserted here.
 */
export async function expectUntouchedRebuiltOnNewLayout(): Promise<void> {
  const model = await generatedWorkbook();
  const nationaliteiten = sheetNamed(model, "Nationaliteiten");
  duitsMovesUp(model);
  const result = await regenerated(model);
  expect(result.kept).toEqual([]);
  expect(model.sheets).not.toContain(nationaliteiten);
  expect(result.sheets.find((s) => s.key === "nationaliteiten")?.status).toBe("replaced");
  const before = snapshot(model);
  await runRegenerate(model, undefined, "2026-12-01");
  expect(snapshot(model)).toBe(before);
}
