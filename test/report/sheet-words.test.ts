import { excelNumberFormat } from "../../src/data/format";
import { Language, MonitorPackage } from "../../src/data/types";
import { buildPlan } from "../../src/report/plan";
import { SheetPlan, TablePlan, WorkbookPlan } from "../../src/report/types";
import { pullFromCbs } from "../../src/sources/cbs/pull";
import { SHIPPED_EDITION } from "../../src/sources/shipped-source";
import { problemText } from "../../src/text/problems";
import { shippedPackage } from "../support/fixtures";
import { useCbsServer } from "../support/use-cbs-server";

/**
 * The words a sheet shows agree with one another: a chart's axis names what its table's header
 * names, a table names a group as the sheet's other tables do. CBS figures come from the local
 * stand-in (synthetic figures, see cbs-server.ts).
 */
const cbs = useCbsServer();

async function delft(): Promise<MonitorPackage> {
  const result = await pullFromCbs({ areas: ["Delft"], from: 2012, to: 2024 }, cbs.options());
  if (!result.ok) throw new Error(result.problems.map((p) => problemText(p, "nl")).join("\n"));
  return result.value.package;
}

const sheetOf = (plan: WorkbookPlan, key: string): SheetPlan => plan.sheets.find((s) => s.key === key) ?? (() => { throw new Error(`no sheet ${key}`); })();
const tableOf = (sheet: SheetPlan, suffix: string): TablePlan => sheet.tables.find((t) => t.name.endsWith(suffix)) ?? (() => { throw new Error(suffix); })();
const shipped = (language: Language) => buildPlan(shippedPackage(), { language, edition: SHIPPED_EDITION });

describe("Studenten: the chart of the university's share over the years", () => {
  it.each<[Language, string]>([
    ["nl", "Studiejaar"],
    ["en", "Study year"],
  ])("names its axis as the table's header does (%s: %s)", (language, word) => {
    const sheet = sheetOf(shipped(language), "studenten");
    const table = tableOf(sheet, "_universiteit");
    expect(table.header[0]).toBe(word);
    expect(sheet.charts.find((c) => c.table === table)?.categoryAxisTitle).toBe(word);
  });
});

describe("a CBS municipality's growth table", () => {
  it.each<[Language, string[], string[]]>([
    ["nl", ["Inwoners", "Nederlands", "Buitenlandse nationaliteit", "Herkomst buiten Nederland", "Herkomst Nederland"], ["Nederlands", "Buitenlandse nationaliteit"]],
    ["en", ["Inhabitants", "Dutch", "Foreign nationality", "Origin outside the Netherlands", "Dutch origin"], ["Dutch", "Foreign nationality"]],
  ])("names the groups as the sheet's other tables do (%s)", async (language, growthRows, countHeader) => {
    const sheet = sheetOf(buildPlan(await delft(), { language }), "gebied-delft-bevolking");
    expect(tableOf(sheet, "_aantal").header.slice(1)).toEqual(countHeader);
    expect(tableOf(sheet, "_groei").rows.map((r) => r[0])).toEqual(growthRows);
  });
});

describe("excelNumberFormat", () => {
  it("gives format codes in Excel's own notation, which Excel shows in the reader's separators", () => {
    expect(["aandeel", "groei", "euro", "aantal", "rang"].map((unit) => excelNumberFormat(unit as never))).toEqual(["0.0%", "0.0%", '"€" #,##0', "#,##0", "#,##0"]);
  });
});
