import { existsSync, mkdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { buildBundles } from "../support/build";
import { elements } from "../support/manifest";
import { serveFolder } from "../support/static-server";
import { openXlsx } from "../support/xlsx";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findChromium, browserArgs } = require("../../scripts/lib/chromium");

const chromiumPath: string | null = findChromium();
const RESULTS = join(__dirname, "..", "..", "test-results");
if (!chromiumPath) console.warn("End-to-end test skipped: no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH). .ci/run installs it.");
const describeWithBrowser = chromiumPath ? describe : describe.skip;

describeWithBrowser("the task pane in a plain browser (preview mode)", () => {
  jest.setTimeout(120_000);
  let outDir: string;
  let server: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    outDir = buildBundles(["functions", "taskpane"]);
    server = await serveFolder(outDir);
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: chromiumPath as string, args: browserArgs });
    page = await browser.newPage({ acceptDownloads: true, viewport: { width: 380, height: 820 } });
    // No Office here: office.js cannot be fetched, as on an offline machine.
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
    await page.goto(`${server.url}/taskpane.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows the preview with the edition's facts", async () => {
    await page.waitForFunction(() => document.body.dataset.host === "browser");
    await expect(page.locator("#host").textContent()).resolves.toMatch(/^Voorbeeld: Excel is niet gevonden/);
    await expect(page.locator("#facts").textContent()).resolves.toMatch(/Peildatum1 januari 2022Cijfers112Indicatoren22BronnenBRP, CBS, ECL, Decisio, Nuffic/);
    expect(await page.locator("#load").isVisible()).toBe(false);
    expect(await page.locator("#download").isVisible()).toBe(true);
  });

  it("finds a figure with its source, note and formula", async () => {
    await page.getByRole("tab", { name: "Cijfers" }).click();
    await page.locator("#search").fill("Italiaans 2022");
    const first = page.locator("#results li button").first();
    await expect(first.textContent()).resolves.toBe("Inwoners naar nationaliteit en migratieachtergrond · Italiaans · 20221.253");
    await first.click();
    const detail = await page.locator("#detail").textContent();
    expect(detail).toContain("BRP, gemeente Leiden, peildatum 1 januari 2022 (pagina 17)");
    expect(detail).toContain('=MONITOR.WAARDE("inwoners";2022;"Italiaans")');
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, "taskpane-figures.png") });
  });

  it("is usable with the keyboard: arrow keys move between tabs", async () => {
    await page.getByRole("tab", { name: "Cijfers" }).focus();
    await page.keyboard.press("ArrowLeft");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("tab-sheets");
    expect(await page.locator("#panel-sheets").isVisible()).toBe(true);
  });

  it("switches to English", async () => {
    await page.getByRole("button", { name: "EN", exact: true }).click();
    await expect(page.locator("#host").textContent()).resolves.toMatch(/^Preview: Excel was not found/);
    await expect(page.getByRole("tab", { name: "Sheets & charts" }).count()).resolves.toBe(1);
    await page.getByRole("button", { name: "NL", exact: true }).click();
  });

  it("downloads the same workbook, with its tables and native charts", async () => {
    await page.getByRole("tab", { name: "Gegevens" }).click();
    await page.screenshot({ path: join(RESULTS, "taskpane-preview.png") });
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download").click()]);
    expect(download.suggestedFilename()).toBe("leiden-monitor-2022.xlsx");
    const file = join(RESULTS, "downloaded.xlsx");
    await download.saveAs(file);
    const x = await openXlsx(readFileSync(file));
    const tables = await x.tables();
    expect(tables.get("MonitorData")?.sheet).toBe("Data");
    expect(tables.get("lm_vestiging_per_jaar")?.sheet).toBe("Vestiging en vertrek");
    const charts = await x.charts();
    expect(charts).toHaveLength(21);
    expect(charts.every((c) => c.cachedValues >= 2)).toBe(true);
    await expect(page.locator("#data-message").textContent()).resolves.toBe("De werkmap is gedownload.");
  });

  it("loads exceljs only when the download is asked for", () => {
    const initial = statSync(join(outDir, "taskpane.js")).size + statSync(join(outDir, "functions.js")).size;
    expect(initial).toBeLessThan(250 * 1000);
    expect(readFileSync(join(outDir, "taskpane.js"), "utf8")).not.toContain("exceljs.bare");
  });

  it("builds every file the manifest points at, with production URLs", () => {
    const manifest = readFileSync(join(outDir, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    const urls = elements(manifest).flatMap((e) => [e.attributes.DefaultValue, e.attributes.Value]).filter((v): v is string => !!v && v.startsWith("https://"));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      const path = new URL(url).pathname.replace(/^\//, "");
      if (path) expect([path, existsSync(join(outDir, path))]).toEqual([path, true]);
    }
  });
});
