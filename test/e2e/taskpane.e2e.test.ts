import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, unlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { buildBundles } from "../support/build";
import { elements } from "../support/manifest";
import { PackageServer, packageFiles, startPackageServer } from "../support/package-server";
import { declaring, zipOf } from "../support/zips";
import { CbsServer, FIXTURE_MUNICIPALITIES, FIXTURE_TABLE, publishedCell, publishedDimension, startCbsServer } from "../support/cbs-server";
import { serveFolder } from "../support/static-server";
import { openXlsx } from "../support/xlsx";
import { requirement } from "../support/requirement";
import { formatNumber } from "../../src/data/format";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findChromium, browserArgs } = require("../../scripts/lib/chromium");

const chromiumPath: string | null = findChromium();
const RESULTS = join(__dirname, "..", "..", "test-results");
const withBrowser = requirement("Chromium", chromiumPath ? null : "none found (apt-get install -y chromium, or set CHROMIUM_PATH; .ci/run installs it)");

let outDir: string;
let server: { url: string; close: () => Promise<void> };
let packages: PackageServer;
let cbs: CbsServer;
let browser: Browser;

if (chromiumPath) {
  beforeAll(async () => {
    // One production build for both modes, with the test's stand-in for office.js beside it.
    // The pane may reach the test's package server over http on 127.0.0.1 (production allows https only).
    outDir = buildBundles(["functions", "taskpane", "fake-office"], { CSP_CONNECT_EXTRA: "http://127.0.0.1:*" });
    server = await serveFolder(outDir);
    packages = await startPackageServer(); // another origin: the pane's requests to it are cross-origin, as in Excel
    cbs = await startCbsServer(); // synthetic figures in the shape of CBS's API
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: chromiumPath as string, args: browserArgs });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await packages?.close();
    await cbs?.close();
  });
}

withBrowser.describe("the task pane in a plain browser (preview mode)", () => {
  jest.setTimeout(120_000);
  let page: Page;
  const policyViolations: string[] = [];

  beforeAll(async () => {
    page = await browser.newPage({ acceptDownloads: true, viewport: { width: 380, height: 820 } });
    page.on("console", (message) => void (/Content Security Policy/.test(message.text()) && policyViolations.push(message.text())));
    // No Office here: office.js cannot be fetched, as on an offline machine.
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
    await page.goto(`${server.url}/taskpane.html`);
  });

  afterAll(async () => {
    await page?.close();
  });

  it("shows the preview with the edition's facts", async () => {
    await page.waitForFunction(() => document.body.dataset.host === "browser");
    await expect(page.locator("#host").textContent()).resolves.toMatch(/^Voorbeeld: Excel is niet gevonden/);
    await expect(page.locator("#facts").textContent()).resolves.toBe(
      "EditieMonitor Internationalisering: Internationals in cijfers, Leiden 2022Versie2022.1.0Opgehaald uitde meegeleverde editiePeildatum1 januari 2022Cijfers112Indicatoren22BronnenBRP, CBS, ECL, Decisio, Nuffic",
    );
    await expect(page.locator("#load").textContent()).resolves.toBe("Ophalen en vergelijken");
    expect(await page.locator("#refresh").isVisible()).toBe(false); // nothing is remembered outside a workbook
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
    // The sentence a clerk copies is on show before the copy button.
    expect(detail).toContain("Zin om over te nemenOp 1 januari 2022 telde Leiden 1.253 inwoners met de Italiaanse nationaliteit (bron: BRP, gemeente Leiden).");
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
    await expect(page.locator("#cbs-area").getAttribute("placeholder")).resolves.toBe("e.g. Delft, Den Haag");
    await page.getByRole("button", { name: "NL", exact: true }).click();
    await expect(page.locator("#cbs-area").getAttribute("placeholder")).resolves.toBe("bijv. Delft, Den Haag");
  });

  it("shows a figure's Status in English words in English, and says the contract's names stay Dutch", async () => {
    await page.getByRole("button", { name: "EN", exact: true }).click();
    await page.getByRole("tab", { name: "Figures" }).click();
    await page.locator("#search").fill("Italian 2022");
    await page.locator("#results li button").first().click();
    const detail = await page.locator("#detail").textContent();
    expect(detail).toContain("Statusreported");
    expect(detail).not.toContain("gerapporteerd");
    await page.getByRole("tab", { name: "Data" }).click();
    await expect(page.locator("#load").textContent()).resolves.toBe("Get and compare");
    await expect(page.locator("[data-text=loadDataPreviewHelp]").textContent()).resolves.toMatch(/keep the data contract's Dutch names/);
    await page.getByRole("button", { name: "NL", exact: true }).click();
    await page.getByRole("tab", { name: "Cijfers" }).click();
    await expect(page.locator("#detail").textContent()).resolves.toContain("Statusgerapporteerd");
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

  it("has a Content-Security-Policy that blocks inline scripts and other origins' scripts", async () => {
    expect(policyViolations).toEqual([]); // nothing the pane did so far (search, language, download) was blocked
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    const blocked = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
      const inline = document.createElement("script");
      inline.textContent = "window.__injected = true;";
      document.body.append(inline);
      const foreign = document.createElement("script");
      foreign.src = "http://127.0.0.1:9/evil.js";
      document.body.append(foreign);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { injected: (window as unknown as { __injected?: boolean }).__injected ?? false, violations };
    });
    expect(blocked.injected).toBe(false);
    expect(blocked.violations.filter((v) => v.startsWith("script-src"))).toHaveLength(2);
  });

  it("loads exceljs only when the download is asked for, and starts under the README's 250 KB", () => {
    // What the pane loads before it is usable in Excel (taskpane.js, functions.js and the chunk
    // that reads the workbook; the test in Excel below checks that these are the files asked for):
    // the edition's rows, the pane's and the functions' phrasebooks in Dutch and English, the
    // store and the queries once. The sheets' plan and phrasebook, a pull's readers, Regenerate,
    // the PivotTable and what the pane says once a pull or Regenerate has written (the outcomes
    // chunk) load on demand; 242.2 KB measured. exceljs alone would add 860 KB.
    const groups = chunkGroups();
    const initial = [...groups.functions, ...groups.taskpane, ...groups.excel].reduce((sum, file) => sum + statSync(join(outDir, file)).size, 0);
    expect(initial).toBeLessThan(250 * 1000);
    expect(readFileSync(join(outDir, "taskpane.js"), "utf8")).not.toContain("exceljs.bare");
    // The outcome texts are in their own chunk, not in the first load (nor, through it, in the excel chunk).
    expect(groups.outcomes).toHaveLength(1);
    for (const file of [...groups.functions, ...groups.taskpane, ...groups.excel]) expect([file, readFileSync(join(outDir, file), "utf8").includes("of them changed")]).toEqual([file, false]);
    expect(readFileSync(join(outDir, groups.outcomes[0]), "utf8")).toContain("of them changed");
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

/** Waits until an element's text is (or matches) the expected text; fails with the text it had. */
async function waitForText(locator: import("playwright-core").Locator, expected: string | RegExp, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let text: string | null = null;
  while (Date.now() < deadline) {
    text = await locator.textContent();
    if (text !== null && (typeof expected === "string" ? text === expected : expected.test(text))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Expected text ${String(expected)}, found ${JSON.stringify(text)}`);
}

/** The script files of each entry and named chunk group of the build (webpack.config.js's ChunkGroupsPlugin). */
function chunkGroups(): Record<string, string[]> {
  return JSON.parse(readFileSync(join(outDir, "chunk-groups.json"), "utf8"));
}

/** The pane as Excel opens it, with office.js replaced by the fake Excel object model (a new workbook per page). */
async function openInExcel(height = 900, displayLanguage = "nl-NL", beforeOpening?: (page: Page) => void): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 380, height } });
  beforeOpening?.(page);
  await page.addInitScript((language) => Object.assign(window, { __fakeOfficeDisplayLanguage: language }), displayLanguage);
  const fakeOffice = readFileSync(join(outDir, "fake-office.js"), "utf8");
  await page.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: fakeOffice }));
  await page.goto(`${server.url}/taskpane.html`);
  await page.waitForFunction(() => document.body.dataset.host === "excel");
  return page;
}

/** A page in Excel whose workbook already holds the shipped edition (loaded and written through the pane). */
/** A text as a regular expression that matches it literally. */
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function openInExcelWithEdition(height?: number): Promise<Page> {
  const page = await openInExcel(height);
  await page.locator("#load").click();
  await page.locator("#confirm").click();
  await waitForText(page.locator("#data-message"), /^112 cijfers van /);
  return page;
}

/** Reads the fake workbook and calls the registered functions inside the page. */
interface FakeOfficeHandle {
  model: import("../support/fake-excel").WorkbookModel;
  call: (id: string, ...args: unknown[]) => unknown;
  runAction: (id: string) => Promise<void>;
  paneShown: () => number;
}
declare const __fakeOffice: FakeOfficeHandle;

withBrowser.describe("the task pane in Excel (office.js replaced by the fake Excel object model)", () => {
  jest.setTimeout(120_000);
  let page: Page;
  const call = (id: string, ...args: unknown[]) => page.evaluate(([i, a]) => __fakeOffice.call(i as string, ...(a as unknown[])), [id, args] as const);

  beforeAll(async () => {
    page = await openInExcel();
  });

  afterAll(async () => {
    await page?.close();
  });

  it("loads the scripts npm run bench counts before it is usable, and nothing else", async () => {
    const scripts: string[] = [];
    const fresh = await openInExcel(900, "nl-NL", (opening) =>
      opening.on("request", (request) => void (request.resourceType() === "script" && request.url().startsWith(server.url) && scripts.push(new URL(request.url()).pathname.slice(1)))),
    );
    try {
      // Usable: the workbook was read and the functions answer (a workbook without monitor tables).
      await fresh.waitForFunction(() => __fakeOffice.call("AANTAL", "Italiaans", 2022) === 1253, undefined, { timeout: 5000 });
      const groups = chunkGroups();
      expect(scripts.sort()).toEqual([...groups.functions, ...groups.taskpane, ...groups.excel].sort());
    } finally {
      await fresh.close();
    }
  });

  it("connects to Excel and registers every function in the shared runtime", async () => {
    await expect(page.locator("#host").textContent()).resolves.toBe("Verbonden met Excel");
    expect(await page.locator("#load").isVisible()).toBe(true);
    // A workbook without monitor tables: once the pane has looked, the functions answer from the shipped edition.
    await page.waitForFunction(() => __fakeOffice.call("AANTAL", "Italiaans", 2022) === 1253, undefined, { timeout: 5000 });
  });

  it("loads the data into the workbook after showing what changes, and the functions follow the analyst's edits", async () => {
    await page.locator("#load").click();
    await waitForText(page.locator("#comparison-summary"), /^Wat er verandert in MonitorData: 112 toegevoegd, 0 gewijzigd, 0 verwijderd; 0 eigen rijen blijven staan, 0 ongewijzigd\. Er is nog niets geschreven\.$/);
    await expect(page.evaluate(() => __fakeOffice.model.tables.length)).resolves.toBe(0); // nothing written before the confirmation
    await page.locator("#confirm").click();
    await waitForText(page.locator("#data-message"), "112 cijfers van 'Monitor Internationalisering: Internationals in cijfers, Leiden 2022' staan in MonitorData.");
    const tables = await page.evaluate(() => __fakeOffice.model.tables.map((t) => `${t.sheet.name}!${t.name}`));
    expect(tables).toEqual(["Data!MonitorData", "Data!MonitorIndicatoren", "Data!MonitorBronnen"]);
    // The analyst corrects a figure in MonitorData; Excel reports the edit to the add-in.
    await page.evaluate(async () => {
      const table = __fakeOffice.model.tables.find((t) => t.name === "MonitorData");
      if (!table) throw new Error("no MonitorData");
      const rows = table.sheet.values(table.box);
      const row = rows.findIndex((r) => r[1] === "inwoners" && r[3] === "Italiaans");
      await __fakeOffice.model.editTable("MonitorData", table.box.row + row, table.box.column + 6, [[1260]]);
    });
    await page.waitForFunction(() => __fakeOffice.call("AANTAL", "Italiaans", 2022) === 1260, undefined, { timeout: 5000 });
    await page.locator("#load").click();
    await waitForText(page.locator("#comparison-summary"), /0 toegevoegd, 0 gewijzigd, 0 verwijderd; 1 eigen rij blijft staan, 111 ongewijzigd/);
    await expect(page.locator("#comparison-list").textContent()).resolves.toContain("= Italiaans · Leiden · 2022 (inwoners): uw 1.260 blijft staan (de bron zegt 1.253)");
    await page.locator("#cancel-pull").click();
    await waitForText(page.locator("#data-message"), "Geannuleerd; er is niets veranderd.");
  });

  it("regenerates every sheet with a status per sheet, and again brings them up to date in place", async () => {
    await page.getByRole("tab", { name: "Bladen & grafieken" }).click();
    await page.locator("#regenerate").click();
    await waitForText(page.locator("#sheets-message"), "11 bladen opgebouwd met 21 grafieken.", 20_000);
    await expect(page.locator("#sheets-status li .badge").allTextContents()).resolves.toEqual(Array(11).fill("nieuw"));
    await expect(page.locator("#sheets-status li").first().textContent()).resolves.toBe("nieuwBevolking · 3 tabellen, 3 grafieken");
    const sheets = await page.evaluate(() => __fakeOffice.model.sheets.map((s) => s.name));
    expect(sheets.slice(0, 3)).toEqual(["Blad1", "Data", "Bevolking"]);
    expect(sheets).toHaveLength(13);
    const nationalities = await page.evaluate(() => {
      const t = __fakeOffice.model.tables.find((x) => x.name === "lm_nationaliteiten_aantal");
      return t ? t.sheet.values(t.box)[1] : null;
    });
    expect(nationalities).toEqual(["Italiaans", 1260]);
    await page.locator("#regenerate").click();
    await waitForText(page.locator("#sheets-status li .badge").first(), "bijgewerkt", 20_000);
    // Every sheet brought up to date in place, and the summary says so (it said "opgebouwd" before).
    await expect(page.locator("#sheets-status li .badge").allTextContents()).resolves.toEqual(Array(11).fill("bijgewerkt"));
    await waitForText(page.locator("#sheets-message"), "11 bladen bijgewerkt, met 21 grafieken.", 20_000);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, "taskpane-excel.png") });
  });

  it("inserts the formula of a figure at the selected cell", async () => {
    await page.getByRole("tab", { name: "Cijfers" }).click();
    await page.locator("#search").fill("vestiging 2021");
    await page.locator("#results li button").first().click();
    await page.getByRole("button", { name: "Formule invoegen" }).click();
    await waitForText(page.locator("#figures-message"), "Formule ingevoegd in Blad1!B3.");
    const cell = await page.evaluate(() => __fakeOffice.model.sheets[0].cell(2, 1));
    expect(cell.formula).toBe('=MONITOR.VALUE("vestiging",2021)');
    await expect(page.evaluate(() => __fakeOffice.model.sheets[0].cell(0, 0).value)).resolves.toBe("Mijn blad");
  });

  it("runs Regenerate from the ribbon without needing the pane", async () => {
    await page.evaluate(() => __fakeOffice.runAction("regenerateSheets"));
    await expect(page.evaluate(() => __fakeOffice.paneShown())).resolves.toBe(0);
    await expect(page.evaluate(() => __fakeOffice.model.sheets.length)).resolves.toBe(13);
  });

  it("follows a corrected citation in MonitorBronnen, not only MonitorData", async () => {
    await page.evaluate(async () => {
      const table = __fakeOffice.model.tables.find((t) => t.name === "MonitorBronnen");
      if (!table) throw new Error("no MonitorBronnen");
      const rows = table.sheet.values(table.box);
      const brp = rows.findIndex((r) => r[0] === "BRP");
      await __fakeOffice.model.editTable("MonitorBronnen", table.box.row + brp, table.box.column + 2, [["BRP, gemeente Leiden (gecorrigeerd)"]]);
    });
    await page.waitForFunction(() => String(__fakeOffice.call("BRON", "inwoners", 2022)).includes("gecorrigeerd"), undefined, { timeout: 5000 });
  });

  it("keeps a sheet the analyst annotated, says where it is now, and opens the pane from the ribbon", async () => {
    await page.evaluate(() => {
      const sheet = __fakeOffice.model.sheets.find((s) => s.name === "Woonduur");
      if (!sheet) throw new Error("no Woonduur");
      sheet.cell(12, 4).value = "Nagevraagd bij team Onderzoek";
    });
    await page.evaluate(() => __fakeOffice.runAction("regenerateSheets"));
    await expect(page.evaluate(() => __fakeOffice.paneShown())).resolves.toBe(1);
    const kept = await page.evaluate(() => __fakeOffice.model.sheets.filter((s) => s.name.startsWith("Woonduur")).map((s) => [s.name, s.cells.get("12,4")?.value ?? null]));
    expect(kept).toEqual([
      [expect.stringMatching(/^Woonduur \d{4}-\d{2}-\d{2}$/), "Nagevraagd bij team Onderzoek"],
      ["Woonduur", null],
    ]);
    await waitForText(page.locator("#sheets-status"), /bewaard'Woonduur \d{4}-\d{2}-\d{2}': uw versie van 'Woonduur' met uw eigen aanvullingen, bewaard onder deze naam\./);
  });

  it("lists a problem in the workbook's tables and makes the functions say so instead of answering", async () => {
    await page.evaluate(async () => {
      const table = __fakeOffice.model.tables.find((t) => t.name === "MonitorData");
      if (!table) throw new Error("no MonitorData");
      await __fakeOffice.model.editTable("MonitorData", table.box.row + 4, table.box.column + 6, [["veel"]]);
    });
    await page.getByRole("tab", { name: "Gegevens" }).click();
    await waitForText(page.locator("#data-details"), /MonitorData rij 4, kolom Waarde: 'veel' is geen getal/);
    await expect(call("AANTAL", "Italiaans", 2022)).resolves.toMatchObject({ error: "#N/A", message: expect.stringMatching(/taakvenster.*rij 4, kolom Waarde/) });
  });
});

withBrowser.describe("the task pane in Excel running in English (office.js reports en-US)", () => {
  jest.setTimeout(120_000);
  let page: Page;
  const call = (id: string, ...args: unknown[]) => page.evaluate(([i, a]) => __fakeOffice.call(i as string, ...(a as unknown[])), [id, args] as const);

  beforeAll(async () => {
    page = await openInExcel(900, "en-US");
  });

  afterAll(async () => {
    await page?.close();
  });

  it("speaks English: the pane, the comparison, what was written, and the functions' messages", async () => {
    await waitForText(page.locator("#host"), "Connected to Excel");
    await expect(page.locator("#load").textContent()).resolves.toBe("Get and compare");
    await page.locator("#load").click();
    await waitForText(page.locator("#comparison-summary"), /^What changes in MonitorData: 112 added, 0 changed, 0 removed; 0 of your own rows stay, 0 unchanged\. Nothing has been written yet\.$/);
    await page.locator("#confirm").click();
    await waitForText(page.locator("#data-message"), /^112 figures of '.+' are in MonitorData\.$/);
    await expect(call("COUNT", "Italiaans", 2022)).resolves.toBe(1253);
    await expect(call("COUNT", "Italiaans", 1990)).resolves.toMatchObject({ error: "#N/A", message: expect.stringMatching(/^No figure for the count of Italian in 1990; available: /) });
  });

  it("builds the sheets with English names and says so in English", async () => {
    await page.getByRole("tab", { name: "Sheets & charts" }).click();
    await page.locator("#regenerate").click();
    await waitForText(page.locator("#sheets-message"), "11 sheets built with 21 charts.", 20_000);
    await expect(page.locator("#sheets-status li .badge").allTextContents()).resolves.toEqual(Array(11).fill("new"));
    const sheets = await page.evaluate(() => __fakeOffice.model.sheets.map((s) => s.name));
    expect(sheets.slice(0, 3)).toEqual(["Blad1", "Data", "Population"]);
  });

  it("lists a problem in the workbook's tables in English, and the functions say it in English", async () => {
    await page.evaluate(async () => {
      const table = __fakeOffice.model.tables.find((t) => t.name === "MonitorData");
      if (!table) throw new Error("no MonitorData");
      await __fakeOffice.model.editTable("MonitorData", table.box.row + 4, table.box.column + 6, [["veel"]]);
    });
    await page.getByRole("tab", { name: "Data", exact: true }).click();
    await waitForText(page.locator("#data-details"), /MonitorData row 4, column Waarde: 'veel' is not a number \(use a point as the decimal separator\)\./);
    await expect(call("COUNT", "Italiaans", 2022)).resolves.toMatchObject({ error: "#N/A", message: expect.stringMatching(/task pane.*MonitorData row 4, column Waarde: 'veel' is not a number/) });
  });
});

withBrowser.describe("pulling editions in Excel: from a URL, from a file, refreshed", () => {
  jest.setTimeout(120_000);
  let page: Page;
  const call = (id: string, ...args: unknown[]) => page.evaluate(([i, a]) => __fakeOffice.call(i as string, ...(a as unknown[])), [id, args] as const);
  const pullUrl = async (path: string) => {
    await page.locator("#source-url").fill(`${packages.url}${path}`);
    await page.locator("#load").click();
  };

  beforeAll(async () => {
    page = await openInExcelWithEdition();
  });

  afterAll(async () => {
    await page?.close();
  });

  it("pulls a new edition from a URL, shows what changes, writes it on confirmation and remembers it", async () => {
    await pullUrl("/next/datapackage.json");
    await waitForText(page.locator("#comparison-summary"), /^Wat er verandert in MonitorData: 1 toegevoegd, 1 gewijzigd, 1 verwijderd; 0 eigen rijen blijven staan, 110 ongewijzigd\./);
    const list = await page.locator("#comparison-list li").allTextContents();
    expect(list).toEqual(["+ Italiaans · Leiden · 2023 (inwoners): 1.350", "~ Italiaans · Leiden · 2022 (inwoners): 1.253 → 1.301", "− niet-EU · Leiden · 2021 (studenten): 27% (niet meer in de bron)"]);
    await expect(call("AANTAL", "Italiaans", 2022)).resolves.toBe(1253); // nothing written yet
    await page.locator("#confirm").click();
    await waitForText(page.locator("#data-message"), "112 cijfers van 'Testeditie 2023 (synthetisch)' staan in MonitorData.");
    await expect(call("AANTAL", "Italiaans", 2022)).resolves.toBe(1301);
    await expect(call("AANTAL", "Italiaans", 2023)).resolves.toBe(1350);
    await expect(page.locator("#facts").textContent()).resolves.toContain(`EditieTesteditie 2023 (synthetisch)Versie2023.0.1Opgehaald uit${packages.url}/next/datapackage.jsonPeildatum1 januari 2023`);
  });

  it("refreshes the remembered source: nothing to do when it did not change", async () => {
    await page.locator("#refresh").click();
    await waitForText(page.locator("#comparison-summary"), "De werkmap heeft deze gegevens al; er is niets te schrijven.");
    await page.locator("#cancel-pull").click();
  });

  it("offline, refresh says so, changes nothing, and the functions keep answering from the workbook", async () => {
    await page.context().setOffline(true);
    try {
      await page.locator("#refresh").click();
      await waitForText(page.locator("#data-message"), /U bent offline; 127\.0\.0\.1:\d+ is niet te bereiken\. Er is niets veranderd\./);
      await expect(call("AANTAL", "Italiaans", 2022)).resolves.toBe(1301);
    } finally {
      await page.context().setOffline(false);
    }
  });

  it("says a server does not allow the add-in (no CORS header), not 'failed to fetch', and changes nothing", async () => {
    const before = await page.evaluate(() => JSON.stringify(__fakeOffice.model.tables.map((t) => t.sheet.values(t.box))));
    await pullUrl("/nocors/datapackage.json");
    await waitForText(page.locator("#data-message"), /staat niet toe dat de invoegtoepassing dit bestand ophaalt \(CORS: de header Access-Control-Allow-Origin ontbreekt\)/);
    await expect(page.locator("#data-message").textContent()).resolves.not.toMatch(/failed to fetch/i);
    expect(await page.evaluate(() => JSON.stringify(__fakeOffice.model.tables.map((t) => t.sheet.values(t.box))))).toBe(before);
  });

  it.each([
    ["/missing/datapackage.json", /gaf HTTP 404 Not Found/],
    ["/html/datapackage.json", /geeft een webpagina \(HTML\), geen datapackage\.json/],
    ["/broken/datapackage.json", /MonitorData rij 3, kolom Waarde: 'veel' is geen getal/],
  ])("reports %s clearly", async (path, message) => {
    await pullUrl(path);
    await waitForText(page.locator("#data-message"), message);
    expect(await page.locator("#comparison").isVisible()).toBe(false);
  });

  it("can be cancelled while downloading", async () => {
    await pullUrl("/slow/datapackage.json");
    await page.locator("#cancel-running").click();
    await waitForText(page.locator("#data-message"), "Geannuleerd; er is niets veranderd.");
  });

  it("takes a CSV the analyst picks, saved by Dutch Excel with semicolons", async () => {
    const rows = readFileSync(join(__dirname, "..", "..", "data", "leiden-2022", "observations.csv"), "utf8").trim().split("\n");
    const header = rows[0].split(",").slice(0, 13).join(";"); // the thirteen columns: Jaar, Bovengroep, Gebiedscode are derived
    const turks = "Bevolking;inwoners;Leiden;Turks;;2022;391;aantal;BRP;2022-01-01;gerapporteerd;;Synthetisch testcijfer";
    await page.locator("#source-file").setInputFiles({ name: "cijfers.csv", mimeType: "text/csv", buffer: Buffer.from(`\ufeff${header}\r\n${turks}\r\n`) });
    await page.locator("#load").click();
    await waitForText(page.locator("#comparison-summary"), /^Wat er verandert in MonitorData: 1 toegevoegd, 0 gewijzigd, 112 verwijderd;/);
    await page.locator("#cancel-pull").click();
  });
});

withBrowser.describe("pulling an edition in a plain browser", () => {
  it("uses it for the figures and the download after the comparison", async () => {
    const page = await browser.newPage({ viewport: { width: 380, height: 900 } });
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForFunction(() => document.body.dataset.host === "browser");
    await page.locator("#source-url").fill(`${packages.url}/next/datapackage.json`);
    await page.locator("#load").click();
    await waitForText(page.locator("#comparison-summary"), /1 toegevoegd, 1 gewijzigd, 1 verwijderd/);
    await expect(page.locator("#confirm").textContent()).resolves.toBe("Deze gegevens gebruiken");
    await page.locator("#confirm").click();
    await waitForText(page.locator("#data-message"), "De pagina gebruikt nu 112 cijfers van 'Testeditie 2023 (synthetisch)'.");
    await expect(page.locator("#edition-title").textContent()).resolves.toBe("Testeditie 2023 (synthetisch)");
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, "taskpane-pulled.png"), fullPage: true });
    await page.close();
  });
});

withBrowser.describe("CBS StatLine in the pane (against a stand-in with synthetic figures)", () => {
  jest.setTimeout(120_000);
  it("finds municipalities as you type, pulls them, writes them after the comparison, and the functions and Regenerate use them", async () => {
    // Expected figures from the stand-in's own published cells, not from the pull.
    const cell = (code: string, nationality: string) => publishedCell(FIXTURE_TABLE, { RegioS: code, Perioden: "2022JJ00", Nationaliteit: nationality }) as number;
    const delftItalian = cell("GM0503", "NAT9318");
    const leidenItalian = cell("GM0546", "NAT9318");
    // The single nationalities are the dimension's third category group (the first holds the
    // totals and Dutch, the second the continents and the EU); Delft's three largest in 2022.
    const delftTop3 = publishedDimension(FIXTURE_TABLE, "Nationaliteit")
      .filter((n) => n.group === 3)
      .map((n): [string, number] => [n.title, cell("GM0503", n.key)])
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3);
    const delftForeignShare = cell("GM0503", "NAT9489") / cell("GM0503", "T001059");

    const page = await openInExcelWithEdition(1000); // the report's edition first
    const call = (id: string, ...args: unknown[]) => page.evaluate(([i, a]) => __fakeOffice.call(i as string, ...(a as unknown[])), [id, args] as const);

    await page.locator('input[name="source"][value="cbs"]').check();
    await page.locator("#cbs-options details summary").click();
    await page.locator("#cbs-url").fill(cbs.url);
    await page.locator("#cbs-url").dispatchEvent("change");
    await page.locator("#cbs-area").focus();
    await page.waitForFunction((n) => document.querySelectorAll("#cbs-areas option").length === n, FIXTURE_MUNICIPALITIES.length);
    // The search list finds a municipality by the name people use.
    await page.locator("#cbs-area").fill("Haag");
    const options = () => page.evaluate(() => Array.from(document.querySelectorAll<HTMLOptionElement>("#cbs-areas option")).map((o) => `${o.value} | ${o.label}`));
    await expect(options()).resolves.toEqual(["'s-Gravenhage | 's-Gravenhage (Den Haag, The Hague, 's-Gravenhage (gemeente))"]);
    // Names that fit no municipality, or two, are said at once when added, and stay in the field.
    await page.locator("#cbs-area").fill("Leidn, Bergen");
    await page.locator("#cbs-area").press("Enter");
    await waitForText(page.locator("#data-message"), /^Onbekende gemeente 'Leidn'\. Bedoelt u 'Leiden'\? 'Bergen' past bij 2 gemeenten: 'Bergen \(L\.\)' en 'Bergen \(NH\.\)'; kies er één\.$/);
    await expect(page.locator("#cbs-area").inputValue()).resolves.toBe("Leidn, Bergen");
    await expect(page.locator("#cbs-chosen li").count()).resolves.toBe(0);
    // Everyday names become chips under CBS's plain names.
    await page.locator("#cbs-area").fill("Leiden, Den Haag");
    await page.locator("#cbs-area").press("Enter");
    await page.waitForFunction(() => document.querySelectorAll("#cbs-chosen li").length === 2);
    await expect(page.locator("#cbs-chosen li").allTextContents()).resolves.toEqual(["Leiden×", "'s-Gravenhage×"]);
    await page.locator("#cbs-chosen li", { hasText: "'s-Gravenhage" }).locator("button").click();
    await page.locator("#cbs-area").fill("Delft");
    await page.locator("#cbs-area").press("Enter");
    await page.waitForFunction(() => document.querySelectorAll("#cbs-chosen li").length === 2);
    await expect(page.locator("#cbs-chosen li").allTextContents()).resolves.toEqual(["Leiden×", "Delft×"]);
    await page.locator("#cbs-from").fill("2020");
    await page.locator("#cbs-to").fill("2022");
    await page.locator("#load").click();
    // CBS's figures sit beside the report's: nothing of the edition is removed; where both have a
    // figure for the same key (Leiden's counts of 2022), the report's stays and CBS's is shown beside it.
    await waitForText(page.locator("#comparison-summary"), /^Wat er verandert in MonitorData: [\d.]+ toegevoegd, 0 gewijzigd, 0 verwijderd; 0 eigen rijen blijven staan, 0 ongewijzigd\. Er is nog niets geschreven\. [\d.]+ rijen uit andere bronnen blijven zoals ze zijn\.$/, 20_000);
    await expect(page.locator("#comparison-list").textContent()).resolves.toContain(`= Italiaans · Leiden · 2022 (inwoners): 1.253 uit BRP blijft staan (deze bron zegt ${new Intl.NumberFormat("nl-NL").format(leidenItalian)})`);
    const added = Number(/: ([\d.]+) toegevoegd/.exec((await page.locator("#comparison-summary").textContent()) ?? "")?.[1].replace(/\./g, ""));
    await page.locator("#confirm").click();
    // The pull is credited with what CBS delivered, MonitorData with the edition's 112 figures besides.
    const total = new Intl.NumberFormat("nl-NL").format(112 + added);
    // And it says why MonitorData grew by fewer rows than CBS delivered: those already there (the report's figures for Leiden's counts of 2022) stay.
    const pulledText = new RegExp(`^([\\d.]+) cijfers van 'CBS StatLine 85644NED, 85458NED: Leiden, Delft, 2020–2022' opgehaald: ${new Intl.NumberFormat("nl-NL").format(added).replace(".", "\\.")} nieuw, ([\\d.]+) stonden er al; MonitorData heeft er nu ${total.replace(".", "\\.")}\\.$`);
    await waitForText(page.locator("#data-message"), pulledText, 20_000);
    const [, delivered, already] = (pulledText.exec((await page.locator("#data-message").textContent()) ?? "") ?? []).map((n) => Number(n?.replace(/\./g, "")));
    expect(delivered).toBe(added + already);
    expect(already).toBeGreaterThan(0);
    // The Edition box names what the data is: the report's edition, with CBS's figures beside it (not the pull as the edition).
    const REPORT = "Monitor Internationalisering: Internationals in cijfers, Leiden 2022";
    await expect(page.locator("#edition-title").textContent()).resolves.toBe(REPORT);
    await expect(page.locator("#facts").textContent()).resolves.toMatch(
      new RegExp(`^${escaped(`Editie${REPORT}Versie2022.1.0Opgehaald uitde meegeleverde editiePeildatum1 januari 2022ToegevoegdCBS-cijfers voor 2 gemeenten (Delft, Leiden), 2020–2022; opgehaald uit ${cbs.url}Cijfers${112 + added}Indicatoren`)}\\d+Bronnen`),
    );
    await page.locator('[data-lang="en"]').click();
    await expect(page.locator("#facts").textContent()).resolves.toContain(`Reference date1 January 2022AddedCBS figures for 2 municipalities (Delft, Leiden), 2020–2022; fetched from ${cbs.url}Figures`);
    await page.locator('[data-lang="nl"]').click();
    await expect(call("AANTAL", "Italiaans", 2022, "Delft")).resolves.toBe(delftItalian);
    await expect(call("AANTAL", "Italiaans", 2022)).resolves.toBe(1253); // Leiden's figure from the report stays the report's
    await expect(call("TOP", 3, 2022, "Delft")).resolves.toEqual(delftTop3);
    expect(await call("AANDEEL", "buitenlandse nationaliteit", 2022, null, "Delft")).toBeCloseTo(delftForeignShare, 12);

    await page.getByRole("tab", { name: "Bladen & grafieken" }).click();
    await page.locator("#area").selectOption("Delft");
    await page.locator("#regenerate").click();
    await waitForText(page.locator("#sheets-message"), /^14 bladen opgebouwd met \d+ grafieken\.$/, 30_000);
    const sheets = await page.evaluate(() => __fakeOffice.model.sheets.map((s) => s.name));
    expect(sheets).toEqual(expect.arrayContaining(["Bevolking Delft", "Nationaliteiten Delft", "Vergelijking gemeenten"]));
    mkdirSync(RESULTS, { recursive: true });
    await page.getByRole("tab", { name: "Gegevens" }).click();
    await page.screenshot({ path: join(RESULTS, "taskpane-cbs.png"), fullPage: true });
    await page.close();
  });

  it("in the preview, keeps the edition's figures beside CBS's (as in Excel), and says each failure once", async () => {
    const page = await browser.newPage({ viewport: { width: 380, height: 900 } });
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForFunction(() => document.body.dataset.host === "browser");
    await page.locator('input[name="source"][value="cbs"]').check();
    await page.locator("#cbs-options details summary").click();
    await page.locator("#cbs-url").fill(cbs.url);
    await page.locator("#cbs-url").dispatchEvent("change");
    await page.locator("#cbs-area").fill("Delft");
    await page.locator("#cbs-area").press("Enter");
    await page.waitForFunction(() => document.querySelectorAll("#cbs-chosen li").length === 1);
    // A failure: one message, not the same sentence again in the list below it.
    await page.locator("#cbs-from").fill("2005");
    await page.locator("#cbs-to").fill("2022");
    await page.locator("#load").click();
    await waitForText(page.locator("#data-message"), "Dat lukte niet: CBS-tabel 85644NED heeft geen jaar 2005; beschikbaar: 2010–2025.", 20_000);
    await expect(page.locator("#data-details li").count()).resolves.toBe(0);

    await page.locator("#cbs-from").fill("2021");
    await page.locator("#load").click();
    await waitForText(page.locator("#comparison-summary"), /^.*[\d.]+ toegevoegd, 0 gewijzigd, 0 verwijderd; .*\b112 rijen uit andere bronnen blijven zoals ze zijn\.$/, 20_000);
    const added = Number(/([\d.]+) toegevoegd/.exec((await page.locator("#comparison-summary").textContent()) ?? "")?.[1].replace(/\./g, ""));
    await page.locator("#confirm").click();
    // The edition's 112 figures are all still there, beside CBS's.
    await waitForText(page.locator("#data-message"), `De pagina gebruikt nu ${formatNumber(112 + added, 0, "nl")} cijfers van 'CBS StatLine 85644NED, 85458NED: Delft, 2021–2022'.`, 20_000);
    await expect(page.locator("#edition-title").textContent()).resolves.toBe("Monitor Internationalisering: Internationals in cijfers, Leiden 2022");
    await expect(page.locator("#facts").textContent()).resolves.toContain(
      `Opgehaald uitde meegeleverde editiePeildatum1 januari 2022ToegevoegdCBS-cijfers voor 1 gemeente (Delft), 2021–2022; opgehaald uit ${cbs.url} (85644NED, 85458NED)Cijfers${112 + added}`,
    );
    await page.close();
  });
});

withBrowser.describe("the pane never hangs on a failure: it says what went wrong, changes nothing, and its buttons work again", () => {
  jest.setTimeout(120_000);
  let page: Page;
  let other: PackageServer;
  let redirecting: PackageServer;
  const SECRET = "GEHEIM-VAN-EEN-ANDERE-SERVER";
  const tables = () => page.evaluate(() => JSON.stringify(__fakeOffice.model.tables.map((t) => t.sheet.values(t.box))));
  /** After a failure: the message, the buttons enabled, no progress bar, no comparison, the tables as they were. */
  const failedCleanly = async (message: string | RegExp, before: string) => {
    await waitForText(page.locator("#data-message"), message);
    for (const id of ["#load", "#refresh", "#download"]) expect(await page.locator(id).isEnabled()).toBe(true);
    expect(await page.locator("#data-progress").isVisible()).toBe(false);
    expect(await page.locator("#comparison").isVisible()).toBe(false);
    expect(await tables()).toBe(before);
  };

  beforeAll(async () => {
    other = await startPackageServer({ secret: packageFiles({ "sources.csv": `id,naam\n${SECRET},x\n` }) });
    redirecting = await startPackageServer({ away: packageFiles() }, { redirects: { "/away/sources.csv": `${other.url}/secret/sources.csv` } });
    page = await openInExcelWithEdition();
  });

  afterAll(async () => {
    await page?.close();
    await other?.close();
    await redirecting?.close();
  });

  it("a zip bomb: refused by the sizes its directory declares, naming the limit", async () => {
    const before = await tables();
    const bomb = declaring(await zipOf(packageFiles()), 300 * 1024 * 1024, ["observations.csv"]);
    await page.locator("#source-file").setInputFiles({ name: "editie.zip", mimeType: "application/zip", buffer: Buffer.from(bomb) });
    await page.locator("#load").click();
    await failedCleanly("Dat lukte niet: editie.zip: observations.csv is groter dan 256 MB (300 MB), de grens voor één uitgepakt bestand in een zip; er is niets gelezen of veranderd.", before);
  });

  it("a resource the browser is redirected to on another server: refused, and nothing of that server is shown", async () => {
    const before = await tables();
    await page.locator("#source-url").fill(`${redirecting.url}/away/datapackage.json`);
    await page.locator("#load").click();
    await failedCleanly(
      `Dat lukte niet: ${redirecting.url}/away/sources.csv verwijst door naar ${other.url}/secret/sources.csv, buiten ${redirecting.url}/away/. Alleen een doorverwijzing binnen de map van het pakket op dezelfde server wordt gevolgd; er is niets gelezen.`,
      before,
    );
    await expect(page.locator("#data-details").textContent()).resolves.not.toContain(SECRET);
  });

  it("a picked file deleted before it is read", async () => {
    const before = await tables();
    const file = join(mkdtempSync(join(tmpdir(), "leiden-monitor-pick-")), "cijfers.csv");
    writeFileSync(file, readFileSync(join(__dirname, "..", "..", "data", "leiden-2022", "observations.csv")));
    await page.locator("#source-file").setInputFiles(file);
    unlinkSync(file);
    await page.locator("#load").click();
    await failedCleanly("Dat lukte niet: cijfers.csv kon niet worden gelezen; is het na het kiezen verplaatst, gewijzigd of verwijderd? Kies het opnieuw.", before);
  });

  it("Excel refusing the comparison's first read (as while a cell is being edited): what it was reading, that nothing changed, Excel's code and not its text", async () => {
    const before = await tables();
    await page.evaluate(() => {
      const excel = (globalThis as unknown as { Excel: { run: (...args: unknown[]) => Promise<unknown> } }).Excel;
      const run = excel.run;
      excel.run = async () => {
        excel.run = run;
        // As Excel.run rejects: an OfficeExtension.Error with Excel's code, and a text in Office's language.
        throw Object.assign(new Error("Excel is bezig met iets anders."), { code: "InvalidOperation" });
      };
    });
    await page.locator('input[name="source"][value="shipped"]').check();
    await page.locator("#load").click();
    await failedCleanly(
      "Dat lukte niet: Excel weigerde het lezen van wat de werkmap onthoudt van eerder ophalen (Excel: InvalidOperation). Er is niets veranderd. Probeer het opnieuw; blijft dit gebeuren, sluit dan openstaande dialoogvensters van andere invoegtoepassingen, of sla de werkmap op, sluit hem en open hem opnieuw.",
      before,
    );
    // …and the next try works.
    await page.locator("#load").click();
    await waitForText(page.locator("#comparison-summary"), "De werkmap heeft deze gegevens al; er is niets te schrijven.");
    await page.locator("#cancel-pull").click();
  });
});
