import * as ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, cpSync, chmodSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { CommandError, parseArguments, writeWorkbook } from "../../scripts/lib/workbook-command";
import { DEFAULT_PACKAGE } from "../../scripts/lib/read-package";
import { shippedPackage } from "../support/fixtures";
import { openXlsx, renderPackage } from "../support/xlsx";
import { decodeMark } from "../../src/report/mark";
import { OBSERVATION_COLUMNS, toCells } from "../../src/data/columns";
import { largePackage } from "../support/workbooks";
import { fingerprint, layoutPrint, planContent } from "../../src/report/fingerprint";
import { requirement } from "../support/requirement";
import { buildIndicatorSheets } from "../../src/report/plan";
import { SHIPPED_EDITION } from "../../src/sources/shipped-source";
import { textOf } from "../../src/text/message";

const pkg = shippedPackage();

describe("the .xlsx workbook", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await renderPackage(pkg);
  });

  it("has the Data tables and every indicator table as real Excel tables on their sheets", async () => {
    const tables = await (await openXlsx(bytes)).tables();
    expect(tables.get("MonitorData")).toEqual({ ref: `A1:P${pkg.observations.length + 1}`, sheet: "Data" });
    expect(tables.get("MonitorIndicatoren")?.sheet).toBe("Data");
    expect(tables.get("MonitorBronnen")?.sheet).toBe("Data");
    expect(tables.get("lm_vestiging_per_jaar")).toEqual({ ref: "A5:C15", sheet: "Vestiging en vertrek" });
    expect([...tables.keys()].filter((n) => n.startsWith("lm_"))).toHaveLength(27);
  });

  it("has native charts whose series point at their table and carry cached values", async () => {
    const charts = await (await openXlsx(bytes)).charts();
    expect(charts).toHaveLength(21);
    const line = charts.find((c) => c.kind === "lineChart" && c.title.startsWith("Internationals die zich"));
    expect(line?.refs).toEqual([
      "'Vestiging en vertrek'!$B$5",
      "'Vestiging en vertrek'!$A$6:$A$15",
      "'Vestiging en vertrek'!$B$6:$B$15",
      "'Vestiging en vertrek'!$C$5",
      "'Vestiging en vertrek'!$A$6:$A$15",
      "'Vestiging en vertrek'!$C$6:$C$15",
    ]);
    expect(line?.cachedValues).toBe(20);
    expect(new Set(charts.map((c) => `${c.kind}${c.barDir ? `:${c.barDir}` : ""}`))).toEqual(new Set(["lineChart", "barChart:col", "barChart:bar", "pieChart", "doughnutChart"]));
    for (const c of charts) expect(c.cachedValues).toBeGreaterThanOrEqual(2);
  });

  it("gives every chart alternative text for screen readers", async () => {
    const x = await openXlsx(bytes);
    const drawings = await Promise.all(x.files.filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f)).map((f) => x.read(f)));
    const descriptions = drawings.flatMap((d) => [...d.matchAll(/descr="([^"]*)"/g)].map((m) => m[1]));
    expect(descriptions).toHaveLength(21);
    expect(descriptions).toContain(
      "Lijngrafiek: Internationals die zich vestigen in en vertrekken uit Leiden, per jaar. Vestiging, Vertrek per jaar (2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021). Gegevens in tabel lm_vestiging_per_jaar.",
    );
  });

  it("wires each drawing to its sheet and declares every part", async () => {
    const x = await openXlsx(bytes);
    const types = await x.read("[Content_Types].xml");
    for (const part of x.files.filter((f) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(f))) expect(types).toContain(`PartName="/${part}"`);
    const sheet = await x.read("xl/worksheets/sheet4.xml");
    expect(sheet).toMatch(/<\/customProperties><drawing r:id="rIdLeidenMonitorDrawing"\/><tableParts/);
  });

  it("marks every sheet as the add-in's own, as Excel stores a worksheet custom property", async () => {
    const x = await openXlsx(bytes);
    const types = await x.read("[Content_Types].xml");
    const workbook = await x.read("xl/workbook.xml");
    const names = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const marks: Record<string, string> = {};
    for (let i = 1; i <= names.length; i++) {
      const sheet = await x.read(`xl/worksheets/sheet${i}.xml`);
      const rels = await x.read(`xl/worksheets/_rels/sheet${i}.xml.rels`);
      expect(sheet).toMatch(/<pageSetup [^>]*\/><customProperties><customPr name="LeidenMonitor" r:id="rIdLeidenMonitorProperty"\/><\/customProperties>(<drawing [^>]*\/>)?<tableParts/);
      const target = /Id="rIdLeidenMonitorProperty" Type="[^"]+\/customProperty" Target="\.\.\/(customProperty\d+\.bin)"/.exec(rels)?.[1] as string;
      expect(types).toContain(`PartName="/xl/${target}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.customProperty"`);
      const value = Buffer.from((await x.zip.file(`xl/${target}`)?.async("uint8array")) as Uint8Array).toString("utf16le");
      marks[names[i - 1]] = value;
    }
    const decoded = Object.fromEntries(Object.entries(marks).map(([name, value]) => [name, decodeMark(value)]));
    expect(Object.fromEntries(Object.entries(decoded).map(([name, m]) => [name, m?.key]))).toEqual({ Data: "data", Bevolking: "bevolking", "Regio en Nederland": "regio", "Vestiging en vertrek": "vestiging", Woonduur: "woonduur", Repats: "repats", Kinderen: "kinderen", Nationaliteiten: "nationaliteiten", "Expat Centre": "expat-centre", Werknemers: "werknemers", Statushouders: "statushouders", Studenten: "studenten" });
    // Each indicator sheet's mark names the sheet and carries the fingerprint Excel will find on it.
    for (const plan of buildIndicatorSheets(pkg, "nl", undefined, SHIPPED_EDITION)) expect(decoded[plan.name]).toEqual({ key: plan.key, id: null, name: plan.name, print: fingerprint(planContent(plan)), extras: null, layout: layoutPrint(plan) });
  });

  it("holds every row of a large MonitorData, as Excel reads it back", async () => {
    const big = largePackage(3000);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await renderPackage(big)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Data");
    const read = (row: number) => {
      const values = sheet?.getRow(row).values as unknown[];
      return Array.from({ length: 16 }, (_, c) => values[c + 1] ?? "");
    };
    // As Excel reads it: Peildatum a date (exceljs gives a Date for a date-formatted cell), empty cells blank.
    const peildatum = OBSERVATION_COLUMNS.findIndex((c) => c.name === "Peildatum");
    const expected = (i: number) => toCells(OBSERVATION_COLUMNS, big.observations[i]).map((cell, c) => (c === peildatum && cell !== "" ? new Date(`${cell}T00:00:00Z`) : cell));
    for (const i of [0, 1, 2, 1500, 2999]) expect(read(i + 2)).toEqual(expected(i));
    const tables = await (await openXlsx(await renderPackage(big))).tables();
    expect(tables.get("MonitorData")).toEqual({ ref: "A1:P3001", sheet: "Data" });
    expect(tables.get("MonitorIndicatoren")?.ref).toBe(`R1:X${big.indicators.length + 1}`);
  });

  it("holds no MONITOR formulas, nor any formula: it opens anywhere", async () => {
    const x = await openXlsx(bytes);
    for (const path of x.files.filter((f) => f.endsWith(".xml"))) {
      const xml = await x.read(path);
      expect(xml).not.toMatch(/MONITOR\./);
      if (path.startsWith("xl/worksheets/")) expect(xml).not.toMatch(/<f>/);
    }
  });

  it("keeps data text that looks like a formula as text", async () => {
    const tricky = { ...pkg, observations: pkg.observations.map((o, i) => (i === 0 ? { ...o, toelichting: "=HYPERLINK(\"http://x\")" } : o)) };
    const x = await openXlsx(await renderPackage(tricky));
    expect(await x.read("xl/sharedStrings.xml")).toContain("=HYPERLINK(&quot;http://x&quot;)");
    expect(await x.read("xl/worksheets/sheet1.xml")).not.toMatch(/<f>/);
  });

  /** The sheet the file opens on (bookViews' activeTab) and the sheets whose tab is selected, by name. */
  async function opensOn(file: Uint8Array): Promise<{ active: string | undefined; selected: string[] }> {
    const x = await openXlsx(file);
    const workbook = await x.read("xl/workbook.xml");
    const names = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const activeTab = /<workbookView\b[^>]*\bactiveTab="(\d+)"/.exec(workbook)?.[1];
    const selected: string[] = [];
    for (let i = 1; i <= names.length; i++) if (/<sheetView\b[^>]*\btabSelected="1"/.test(await x.read(`xl/worksheets/sheet${i}.xml`))) selected.push(names[i - 1]);
    return { active: activeTab === undefined ? undefined : names[Number(activeTab)], selected };
  }

  it("opens on the first indicator sheet, not on the Data sheet's rows", async () => {
    expect(await opensOn(bytes)).toEqual({ active: "Bevolking", selected: ["Bevolking"] });
    expect(await opensOn(await renderPackage(pkg, "en"))).toEqual({ active: "Population", selected: ["Population"] });
    // Figures no indicator sheet shows: the Data sheet is all there is, and what it opens on.
    const unshown = { ...pkg, observations: pkg.observations.filter((o) => o.indicator === "loongrens").map((o) => ({ ...o, indicator: "eigen-indicator" })) };
    expect(await opensOn(await renderPackage(unshown))).toEqual({ active: "Data", selected: ["Data"] });
  });

  it("is the same, byte for byte, for the same input", async () => {
    expect(Buffer.from(await renderPackage(pkg)).equals(Buffer.from(bytes))).toBe(true);
  });

  it("carries the document properties and the edition", async () => {
    const core = await (await openXlsx(bytes)).read("docProps/core.xml");
    expect(core).toContain("<dc:title>Monitor Internationalisering Leiden 2022</dc:title>");
    expect(core).toContain("<dc:creator>Leiden Monitor add-in</dc:creator>");
    // Fixed at the edition's reference date, so the same edition gives the same file.
    expect(core).toContain("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2022-01-01T00:00:00Z</dcterms:created>");
    expect(core).toMatch(/<dc:description>Monitor Internationalisering: Internationals in cijfers, Leiden 2022, versie 2022\.1\.0\./);
    expect(core).toContain("<cp:keywords>Leiden; internationals; monitor; 2022</cp:keywords>");
  });

  const xmllint = requirement("xmllint", (() => {
    try {
      execFileSync("xmllint", ["--version"], { stdio: "pipe" });
      return null;
    } catch {
      return "not installed (apt-get install libxml2-utils)";
    }
  })());
  xmllint.it("has well-formed XML in every part (xmllint)", async () => {
    const x = await openXlsx(bytes);
    const dir = mkdtempSync(join(tmpdir(), "xlsx-parts-"));
    for (const path of x.files.filter((f) => /\.(xml|rels)$/.test(f))) {
      const file = join(dir, path.replace(/[/[\]]/g, "_"));
      writeFileSync(file, await x.read(path));
      execFileSync("xmllint", ["--noout", file], { stdio: "pipe" });
    }
  });
});

describe("npm run workbook", () => {
  const dir = mkdtempSync(join(tmpdir(), "workbook-cli-"));

  it("writes the workbook, with a one-line summary", async () => {
    const out = join(dir, "monitor.xlsx");
    const summary = await writeWorkbook({ out, language: "en", data: DEFAULT_PACKAGE });
    expect(textOf(summary, "en")).toMatch(/^Wrote .*monitor\.xlsx \(\d{1,3}(,\d{3})* KB\): 12 sheets, 21 charts, 112 figures, in \d{1,3}(,\d{3})* ms\.$/);
    expect(textOf(summary, "nl")).toMatch(/^.*monitor\.xlsx geschreven \(\d{1,3}(\.\d{3})* KB\): 12 bladen, 21 grafieken, 112 cijfers, in \d{1,3}(\.\d{3})* ms\.$/);
    expect((await (await openXlsx(readFileSync(out))).tables()).get("lm_bevolking_nationaliteit")?.sheet).toBe("Population");
  });

  it("reads the options, with the default file name", () => {
    // No --out: the file is named after the edition once it is read (see the CLI test).
    expect(parseArguments([])).toEqual({ out: null, language: "nl", data: DEFAULT_PACKAGE });
    expect(parseArguments(["--lang", "en"])).toEqual({ out: null, language: "en", data: DEFAULT_PACKAGE });
    // Said in the command's language: Dutch unless --lang says en.
    expect(() => parseArguments(["--lang", "fr"])).toThrow("--lang is nl of en, niet 'fr'.");
    expect(() => parseArguments(["--out"])).toThrow(/^Optie --out heeft een waarde nodig\.\nGebruik: npm run workbook -- /);
    expect(() => parseArguments(["--lang", "en", "--out"])).toThrow(/^Option --out needs a value\.\nUsage: npm run workbook -- /);
    expect(() => parseArguments(["--colour", "red", "--lang", "en"])).toThrow(/Unknown option '--colour'/);
    expect(() => parseArguments(["--colour", "red"])).toThrow(/Onbekende optie '--colour'/);
  });

  it("stops with the validator's row and column messages on a bad package, and writes nothing", async () => {
    const copy = join(dir, "broken");
    mkdirSync(copy);
    cpSync(DEFAULT_PACKAGE, copy, { recursive: true });
    const csv = readFileSync(join(copy, "observations.csv"), "utf8").split("\n");
    csv[3] = csv[3].replace(",110565,", ",veel,");
    writeFileSync(join(copy, "observations.csv"), csv.join("\n"));
    const out = join(dir, "never.xlsx");
    await expect(writeWorkbook({ out, language: "nl", data: copy })).rejects.toThrow("MonitorData rij 3, kolom Waarde: 'veel' is geen getal");
    expect(existsSync(out)).toBe(false);
  });

  it("says clearly when the output folder is missing or not writable", async () => {
    await expect(writeWorkbook({ out: join(dir, "no-such-folder", "x.xlsx"), language: "nl", data: DEFAULT_PACKAGE })).rejects.toThrow(/de map .*no-such-folder bestaat niet/);
    await expect(writeWorkbook({ out: join(dir, "no-such-folder", "x.xlsx"), language: "en", data: DEFAULT_PACKAGE })).rejects.toThrow(/the folder .*no-such-folder does not exist/);
    await expect(writeWorkbook({ out: dir, language: "en", data: DEFAULT_PACKAGE })).rejects.toThrow(/it is a folder/);
    await expect(writeWorkbook({ out: join(dir, "x.xlsx"), language: "nl", data: join(dir, "nowhere") })).rejects.toThrow(CommandError);
    if (process.getuid?.() !== 0) {
      const locked = join(dir, "locked");
      mkdirSync(locked);
      chmodSync(locked, 0o500);
      await expect(writeWorkbook({ out: join(locked, "x.xlsx"), language: "en", data: DEFAULT_PACKAGE })).rejects.toThrow(/no permission/);
    }
  });
});
