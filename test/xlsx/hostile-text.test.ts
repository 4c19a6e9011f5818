import fc from "fast-check";
import * as ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { forbiddenCharacter, MAX_CELL_TEXT } from "../../src/data/text-rules";
import { MonitorPackage } from "../../src/data/types";
import { buildPlan } from "../../src/report/plan";
import { WorkbookPlan } from "../../src/report/types";
import { renderXlsx } from "../../src/xlsx/workbook";
import { shippedPackage } from "../support/fixtures";
import { validateOoxml, withValidator } from "../support/ooxml-validator";
import { largePackage } from "../support/workbooks";

/**
 * Text from a package reaches sheets, tables, chart caches, drawing names and alt texts. The
 * validator refuses text a file cannot hold (strict-input.test.ts); these tests make sure that
 * even text that got past it (a package built in code, a future path) never breaks a file.
 */
const NASTY = ["\u0001", "\u000b", "\u000c", "\u001f", "\ufffe", "\uffff", "\ud800", "\udfff", "💥", "&amp;", "<x/>", '"', "'", "]]>", "=cmd|'/C calc'!A0", "@SUM(1)", "constructor", "__proto__", "toString", " "];
const hostileText = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: "binary", maxLength: 6 })), { minLength: 1, maxLength: 8 }).map((parts) => parts.join("")) },
  { weight: 1, arbitrary: fc.constantFrom("x".repeat(MAX_CELL_TEXT + 10), "\u000b".repeat(40)) },
);

/** The shipped package with hostile text in the places that end up in files. */
function hostilePackage(texts: string[]): MonitorPackage {
  const pkg = structuredClone(shippedPackage());
  const at = (i: number) => texts[i % texts.length] || "x";
  pkg.observations.forEach((o, i) => {
    if (o.gebied === "Slaaghwijk") o.gebied = `${at(0)}wijk`;
    if (o.gebied === "Noorderkwartier") o.gebied = `${at(1)}kwartier`;
    if (i % 7 === 0) o.toelichting = at(i);
  });
  pkg.indicators.forEach((indicator, i) => (indicator.labelNl = at(i + 2)));
  pkg.sources.forEach((source, i) => (source.citeernaam = at(i + 3)));
  return pkg;
}

function planStrings(plan: WorkbookPlan): string[] {
  const strings: string[] = [];
  const visit = (node: unknown): void => {
    if (typeof node === "string") strings.push(node);
    else if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object" && !(node instanceof Date)) Object.values(node).forEach(visit);
  };
  visit(plan);
  return strings;
}

describe("text from data in a workbook plan", () => {
  it("never holds a character a file cannot, nor more than a cell holds", () => {
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 2, maxLength: 6 }), fc.constantFrom<"nl" | "en">("nl", "en"), (texts, language) => {
        const strings = planStrings(buildPlan(hostilePackage(texts), { language }));
        expect(strings.filter((s) => forbiddenCharacter(s) !== null || s.length > MAX_CELL_TEXT)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("never has a chart with an empty series, for the edition or hostile data", () => {
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 2, maxLength: 4 }), (texts) => {
        for (const pkg of [shippedPackage(), hostilePackage(texts)]) {
          for (const sheet of buildPlan(pkg, { language: "nl" }).sheets) {
            for (const chart of sheet.charts) {
              const pie = chart.kind === "pie" || chart.kind === "doughnut";
              const columns = pie ? [1] : chart.table.header.slice(1).map((_, i) => i + 1);
              for (const column of columns) expect([sheet.key, chart.title, column, chart.table.rows.some((r) => typeof r[column] === "number")]).toEqual([sheet.key, chart.title, column, true]);
            }
          }
        }
      }),
      { numRuns: 10 },
    );
  });
});

describe("every kind of workbook the project writes", () => {
  withValidator().it("passes the ECMA-376 schemas and Excel's cross-part rules: the edition in both languages, an analyst's additions, a large package, hostile text", async () => {
    const dir = mkdtempSync(join(tmpdir(), "leiden-monitor-ooxml-"));
    const edition = shippedPackage();
    const withAdditions = structuredClone(edition);
    withAdditions.observations.push({ ...withAdditions.observations[3], groep: "Turks", waarde: 391, toelichting: "Toegevoegd door analist; bron: BRP." });
    const hostile = fc.sample(fc.array(hostileText, { minLength: 3, maxLength: 6 }), { numRuns: 4, seed: 20261125 }).map(hostilePackage);
    const workbooks: [string, MonitorPackage, "nl" | "en"][] = [
      ["edition-nl", edition, "nl"],
      ["edition-en", edition, "en"],
      ["additions", withAdditions, "nl"],
      ["large", largePackage(3000), "nl"],
      ...hostile.map((pkg, i): [string, MonitorPackage, "nl" | "en"] => [`hostile-${i}`, pkg, i % 2 ? "en" : "nl"]),
    ];
    const files: string[] = [];
    for (const [name, pkg, language] of workbooks) {
      const file = join(dir, `${name}.xlsx`);
      writeFileSync(file, await renderXlsx(buildPlan(pkg, { language }), ExcelJS));
      files.push(file);
    }
    const result = validateOoxml(files);
    expect(result.output).toMatch(new RegExp(`validate-ooxml: OK, ${files.length} file\\(s\\), 0 violations`));
    expect(result.ok).toBe(true);
  }, 180_000);
});
