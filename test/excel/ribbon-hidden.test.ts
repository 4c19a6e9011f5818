import { runRegenerate } from "../../src/taskpane/excel-actions";
import { fakeRun, WorkbookModel } from "../support/fake-excel";
import { withinRealTime } from "../support/real-clock";
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

  it("completes when the hidden page's timers wait too (Chrome: once a second, once a minute after five minutes)", async () => {
    const realSetTimeout = globalThis.setTimeout;
    globalThis.setTimeout = ((() => 0) as unknown) as typeof setTimeout; // no timer fires
    try {
      const before = model.sheets.length;
      const outcome = await withinRealTime(
        runRegenerate(edition, "nl", () => undefined).then((result) => (result.ok ? "built" : "failed")),
        20_000,
        "still waiting for a timer",
      );
      expect(outcome).toBe("built");
      expect(model.sheets.length).toBeGreaterThan(before);
    } finally {
      globalThis.setTimeout = realSetTimeout;
    }
  }, 30_000);

  it("completes and builds the sheets", async () => {
    const before = model.sheets.length;
    const result = await runRegenerate(edition, "nl", () => undefined);
    expect(result.ok).toBe(true);
    expect(model.sheets.length).toBeGreaterThan(before);
    expect(sheetNamed(model, "Woonduur").charts).toHaveLength(1);
  });
});
