import { MARK_KEY } from "../../src/excel/marks";
import { markKey, runRegenerate, sheetNamed, tableNamed, userWorkbook } from "../support/workbooks";

/**
 * A user who renames a table on an indicator sheet (to use it in their own formulas) has changed
 * that sheet: Regenerate keeps it, table and all, and builds a fresh one. Workbook states before
 * and after, on the Excel fake.
 */
describe("a table the user renamed on an indicator sheet", () => {
  it("is kept with its sheet under a dated name, and a fresh sheet is built beside it", async () => {
    const model = userWorkbook();
    await runRegenerate(model);
    const woonduur = sheetNamed(model, "Woonduur");
    const table = tableNamed(model, "lm_woonduur_woonduur");
    if (!table) throw new Error("no lm_woonduur_woonduur");
    table.name = "MijnWoonduur";
    const cells = table.sheet.values(table.box);

    const { result } = await runRegenerate(model);
    if (!result.ok) throw new Error("regenerate failed");
    expect(result.kept).toEqual([{ key: "woonduur", name: "Woonduur 2026-11-25", was: "Woonduur", why: "edited" }]);
    expect(woonduur.name).toBe("Woonduur 2026-11-25");
    expect(woonduur.customProperties.has(MARK_KEY)).toBe(false);
    const mine = tableNamed(model, "MijnWoonduur");
    expect(mine?.sheet).toBe(woonduur);
    expect(mine && mine.sheet.values(mine.box)).toEqual(cells);
    expect(tableNamed(model, "lm_woonduur_woonduur")?.sheet.name).toBe("Woonduur");
    expect(markKey(sheetNamed(model, "Woonduur"))).toBe("woonduur");
  });
});
