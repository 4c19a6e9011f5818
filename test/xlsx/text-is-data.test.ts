import * as ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { MonitorPackage } from "../../src/data/types";
import { buildPlan, MANAGED_SHEET_PROPERTY } from "../../src/report/plan";
import { SheetPlan, TablePlan, TextLine, WorkbookPlan } from "../../src/report/types";
import { renderXlsx } from "../../src/xlsx/workbook";
import { shippedPackage } from "../support/fixtures";
import { validateOoxml, withValidator } from "../support/ooxml-validator";
import { readWorkbook, SheetRead, WorkbookRead } from "../support/xlsx-read";

/**
 * Text is data, always: whatever a string holds, it comes back from the written file exactly as
 * it went in, in every place the writer puts text, and never changes the structure around it.
 * The pieces are String.replace's replacement patterns, XML's special characters and markup,
 * white space an XML reader would otherwise normalise, and closing tags the writer looks for.
 * Expected values come from the plan handed to the writer and an A1 helper written here.
 */
const PIECES = ["$&", "$`", "$'", "$$", "$1", "$<x>", "<", ">", "&", '"', "'", "&amp;", "&#x41;", "]]>", "<!--", "<![CDATA[", "<?xml", "\t", "\n", "\r\n", "\r", "\u00a0", "\u2028", "💥", "=SUM(1)", "</sheetData>", "</row>", "</c:ser>", "</Types>", "</Relationships>", "</worksheet>"];
const HOSTILE = `x${PIECES.join("")}y`;
/** Sheet names hold at most 31 characters and none of : \ / ? * [ ], nor a ' at either end. */
const hostileSheetName = (i: number) => `S${i} $&$\`$'$$$1<>&"' z`;

const letters = (column: number): string => (column < 26 ? "" : letters(Math.floor(column / 26) - 1)) + String.fromCharCode(65 + (column % 26));
const a1 = (row: number, column: number) => `${letters(column)}${row + 1}`;
const absolute = (row: number, column: number) => `$${letters(column)}$${row + 1}`;
const quoted = (sheet: string) => `'${sheet.split("'").join("''")}'`;

/** Every string a reader should find on a sheet, by cell. */
function expectedCells(texts: TextLine[], tables: TablePlan[]): Map<string, string | number> {
  const cells = new Map<string, string | number>();
  for (const line of texts) cells.set(a1(line.row, 0), line.text);
  for (const table of tables) {
    table.header.forEach((name, c) => cells.set(a1(table.row, table.column + c), name));
    table.rows.forEach((row, r) => row.forEach((value, c) => value !== null && value !== "" && cells.set(a1(table.row + 1 + r, table.column + c), value)));
  }
  return cells;
}

function expectSheet(read: SheetRead, name: string, texts: TextLine[], tables: TablePlan[], charts: SheetPlan["charts"]): void {
  expect(read.name).toBe(name);
  expect(Object.fromEntries(read.cells)).toEqual(Object.fromEntries(expectedCells(texts, tables)));
  expect(read.tables).toEqual(tables.map((t) => ({ name: t.name, ref: `${a1(t.row, t.column)}:${a1(t.row + t.rows.length, t.column + t.header.length - 1)}`, columns: t.header, autoFilter: expect.any(String) })));
  expect(read.charts).toEqual(
    charts.map((chart) => {
      const { table } = chart;
      const pie = chart.kind === "pie" || chart.kind === "doughnut";
      const columns = pie ? [1] : table.header.slice(1).map((_, i) => i + 1);
      const first = table.row + 1;
      const last = table.row + table.rows.length;
      return {
        frameName: chart.title,
        frameDescription: chart.altText,
        title: chart.title,
        axisTitles: pie ? [] : [chart.categoryAxisTitle, chart.valueAxisTitle].filter((t) => t !== null),
        series: columns.map((c) => ({
          name: table.header[c],
          nameRef: `${quoted(name)}!${absolute(table.row, table.column + c)}`,
          categories: table.rows.map((r) => String(r[0])),
          categoryRef: `${quoted(name)}!${absolute(first, table.column)}:${absolute(last, table.column)}`,
          values: table.rows.map((r) => (typeof r[c] === "number" ? r[c] : null)),
          valueRef: `${quoted(name)}!${absolute(first, table.column + c)}:${absolute(last, table.column + c)}`,
        })),
      };
    }),
  );
  expect(JSON.parse(read.properties.get(MANAGED_SHEET_PROPERTY) as string).n).toBe(name);
}

function expectWorkbook(read: WorkbookRead, plan: WorkbookPlan): void {
  expect(read.sheets.map((s) => s.name)).toEqual([plan.data.name, ...plan.sheets.map((s) => s.name)]);
  expectSheet(read.sheets[0], plan.data.name, [], plan.data.tables, []);
  plan.sheets.forEach((sheet, i) => expectSheet(read.sheets[i + 1], sheet.name, sheet.texts, sheet.tables, sheet.charts));
  expect(read.documentProperties.get("title")).toBe(plan.properties.title);
  expect(read.documentProperties.get("subject")).toBe(plan.properties.subject);
  expect(read.documentProperties.get("creator")).toBe(plan.properties.creator);
  expect(read.documentProperties.get("keywords")).toBe(plan.properties.keywords);
  expect(read.documentProperties.get("description")).toBe(plan.properties.description);
}

/** The shipped package with the hostile text in every free text column of its three tables. */
function hostilePackage(): MonitorPackage {
  const pkg = structuredClone(shippedPackage());
  pkg.observations.forEach((o, i) => {
    o.toelichting = `Kosten in US$& ${i} ${HOSTILE}`;
    if (o.gebied !== "Leiden") o.gebied = `${o.gebied} ${HOSTILE}`;
  });
  pkg.indicators.forEach((indicator) => Object.assign(indicator, { labelNl: `${indicator.labelNl} ${HOSTILE}`, labelEn: `${indicator.labelEn} ${HOSTILE}`, definitie: HOSTILE }));
  pkg.sources.forEach((source) => Object.assign(source, { naam: `${source.naam} ${HOSTILE}`, citeernaam: `${source.citeernaam} ${HOSTILE}`, omschrijving: HOSTILE }));
  return pkg;
}

/** Every text of a plan made hostile: sheet names, titles and leads, headers (series names), cells, charts, properties. */
function hostilePlan(plan: WorkbookPlan): WorkbookPlan {
  const seen = new WeakSet<TablePlan>();
  const table = (t: TablePlan) => {
    if (seen.has(t)) return;
    seen.add(t);
    t.header = t.header.map((h, c) => `${h} ${HOSTILE} ${c}`);
    t.rows = t.rows.map((row) => row.map((v) => (typeof v === "string" && v !== "" ? `${v} ${HOSTILE}` : v)));
  };
  plan.data.name = hostileSheetName(0);
  plan.data.tables.forEach(table);
  plan.sheets.forEach((sheet, i) => {
    sheet.name = hostileSheetName(i + 1);
    sheet.texts.forEach((line) => (line.text = `${line.text} ${HOSTILE}`));
    sheet.tables.forEach(table);
    for (const chart of sheet.charts) {
      table(chart.table);
      chart.title = `${chart.title} ${HOSTILE}`;
      chart.altText = `${chart.altText} ${HOSTILE}`;
      if (chart.categoryAxisTitle !== null) chart.categoryAxisTitle = `${chart.categoryAxisTitle} ${HOSTILE}`;
      if (chart.valueAxisTitle !== null) chart.valueAxisTitle = `${chart.valueAxisTitle} ${HOSTILE}`;
    }
  });
  Object.assign(plan.properties, { title: HOSTILE, subject: `${plan.properties.subject} ${HOSTILE}`, edition: HOSTILE });
  return plan;
}

describe("text from data in the written .xlsx", () => {
  const fromPackage = buildPlan(hostilePackage(), { language: "nl" });
  const hostile = hostilePlan(buildPlan(shippedPackage(), { language: "en" }));
  const files: [string, Uint8Array][] = [];

  it("comes back exactly from every cell of every table, every note and every chart of a package with replacement patterns and markup in its texts", async () => {
    const bytes = await renderXlsx(fromPackage, ExcelJS);
    files.push(["from-package", bytes]);
    const read = await readWorkbook(bytes);
    expectWorkbook(read, fromPackage);
    // The hostile text did reach the data tables past their first row (the bulk rows), the notes and the sheets.
    const data = read.sheets[0];
    expect(data.cells.get("M2")).toBe(`Kosten in US$& 0 ${HOSTILE}`);
    expect(data.cells.get(`M${fromPackage.data.tables[0].rows.length + 1}`)).toBe(`Kosten in US$& ${fromPackage.data.tables[0].rows.length - 1} ${HOSTILE}`);
    expect(read.sheets.slice(1).some((s) => [...s.cells.values()].some((v) => typeof v === "string" && v.includes(HOSTILE)))).toBe(true);
  });

  it("comes back exactly from sheet names, titles, leads, headers, series names, axis titles, alt texts, marks and document properties", async () => {
    const bytes = await renderXlsx(hostile, ExcelJS);
    files.push(["hostile-plan", bytes]);
    expectWorkbook(await readWorkbook(bytes), hostile);
    expect(hostile.sheets.flatMap((s) => s.charts)).not.toHaveLength(0);
  });

  withValidator().it("leaves every such workbook valid against the ECMA-376 schemas and Excel's cross-part rules", () => {
    expect(files.map(([name]) => name)).toEqual(["from-package", "hostile-plan"]);
    const dir = mkdtempSync(join(tmpdir(), "leiden-monitor-text-"));
    const paths = files.map(([name, bytes]) => {
      const path = join(dir, `${name}.xlsx`);
      writeFileSync(path, bytes);
      return path;
    });
    const result = validateOoxml(paths);
    expect(result.output).toMatch(/validate-ooxml: OK, 2 file\(s\), 0 violations/);
    expect(result.ok).toBe(true);
  }, 120_000);
});
