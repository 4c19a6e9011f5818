import { detectHost } from "../../src/taskpane/host";

/**
 * Which pane to show: office.js's Office.onReady says whether the pane runs in Excel. It may
 * answer late (a slow start, Excel on the web): the pane shows its preview after the wait, and
 * becomes the Excel pane when Excel answers after all (review of issue 14: before, a slow Excel
 * left a pane that never read the workbook, and every MONITOR formula waited for ever).
 */
describe("detectHost", () => {
  const global = globalThis as { Office?: unknown };
  afterEach(() => delete global.Office);

  /** An office.js whose onReady answers `host` after `delayMs`. */
  const officeAnswering = (host: string | null, delayMs: number) => {
    global.Office = { onReady: () => new Promise((resolve) => setTimeout(() => resolve({ host, platform: null }), delayMs)) };
  };
  const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it("a plain browser without office.js: the preview, at once", async () => {
    const late = jest.fn();
    await expect(detectHost(50, late)).resolves.toBe("browser");
    expect(late).not.toHaveBeenCalled();
  });

  it("Excel answering in time: the Excel pane, and no second call", async () => {
    officeAnswering("Excel", 5);
    const late = jest.fn();
    await expect(detectHost(200, late)).resolves.toBe("excel");
    await later(250);
    expect(late).not.toHaveBeenCalled();
  });

  it("Excel answering after the wait: the preview first, then the Excel pane once", async () => {
    officeAnswering("Excel", 120);
    const late = jest.fn();
    await expect(detectHost(20, late)).resolves.toBe("browser");
    expect(late).not.toHaveBeenCalled();
    await later(200);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it("office.js in a plain browser (no host), in time or late: the preview, and nothing later", async () => {
    officeAnswering(null, 5);
    const late = jest.fn();
    await expect(detectHost(200, late)).resolves.toBe("browser");
    officeAnswering(null, 120);
    await expect(detectHost(20, late)).resolves.toBe("browser");
    await later(200);
    expect(late).not.toHaveBeenCalled();
  });

  it("another Office application answering late (Word): not the Excel pane", async () => {
    officeAnswering("Word", 120);
    const late = jest.fn();
    await expect(detectHost(20, late)).resolves.toBe("browser");
    await later(200);
    expect(late).not.toHaveBeenCalled();
  });
});
