import { runRegenerate } from "../../src/taskpane/excel-actions";
import { fakeRun, WorkbookModel } from "../support/fake-excel";
import { edition, sheetNamed, userWorkbook } from "../support/workbooks";

/**
 * The ribbon's Regenerate runs while the task pane may be hidden, where browsers pause
 * requestAnimationFrame: it must finish without it.
 */
describe("Regenerate from the ribbon with the pane hidden", () => {
  const saved = { raf: (globalThis as { requestAnimationFrame?: unknown }).requestAnimationFrame, excel: (globalThis as { Excel?: unknown }).Excel };
  let model: WorkbookModel;
  beforeEach(() => {
    model = userWorkbook();
    Object.assign(globalThis, {
      requestAnimationFrame: () => 0, // a hidden page: never fires
      Excel: { run: async <T>(body: (context: unknown) => Promise<T>) => (await fakeRun(model, body as never)).result },
    });
  });
  afterEach(() => Object.assign(globalThis, { requestAnimationFrame: saved.raf, Excel: saved.excel }));

  it("completes and builds the sheets", async () => {
    const before = model.sheets.length;
    const result = await runRegenerate(edition, "nl", () => undefined);
    expect(result.ok).toBe(true);
    expect(model.sheets.length).toBeGreaterThan(before);
    expect(sheetNamed(model, "Woonduur").charts).toHaveLength(1);
  });
});
