import * as ExcelJS from "exceljs";
import { existsSync, readdirSync } from "fs";
import { join } from "path";
import { loadPackage } from "../../scripts/lib/load";
import { parsePullArguments, pullCommand, pullHelp } from "../../scripts/lib/pull-command";
import { textOf } from "../../src/text/message";
import { areaSheetName } from "../../src/report/area-sheets";
import { buildPlan } from "../../src/report/plan";
import { renderXlsx } from "../../src/xlsx/workbook";
import { FIXTURE_HERKOMST_TABLE, FIXTURE_TABLE, publishedCell, publishedDimension } from "../support/cbs-server";
import { useCbsServer, usePullCommand } from "../support/use-cbs-server";

/**
 * `npm run pull -- cbs` by the names analysts from Den Haag, Utrecht, Groningen, Den Bosch and
 * Hengelo type, then the workbook rendered from the package, read back cell by cell. Expected
 * figures are computed from the stand-in's published cells (synthetic figures, see cbs-server.ts).
 */
const cbs = useCbsServer();
const pulls = usePullCommand(cbs, "cbs");

const nationalityCell = (code: string, year: number, nationality: string) => publishedCell(FIXTURE_TABLE, { RegioS: code, Perioden: `${year}JJ00`, Nationaliteit: nationality }) as number;
const herkomstCell = (code: string, year: number, origin: string) => publishedCell(FIXTURE_HERKOMST_TABLE, { RegioS: code, Perioden: `${year}JJ00`, Herkomstland: origin, Geboorteland: "T001638" }) as number;
const foreignShare = (code: string, year: number) => nationalityCell(code, year, "NAT9489") / nationalityCell(code, year, "T001059");
const herkomstShare = (code: string, year: number) => 1 - herkomstCell(code, year, "1012600") / herkomstCell(code, year, "T001040");
const municipalityCodes = publishedDimension(FIXTURE_TABLE, "RegioS").filter((r) => r.key.startsWith("GM")).map((r) => r.key);
const rankBy = (share: (code: string, year: number) => number, code: string, year: number) => 1 + municipalityCodes.filter((other) => share(other, year) > share(code, year)).length;

async function pullAndRender(typed: string, from: number, to: number) {
  const out = join(pulls.dir, `pull-${Math.random().toString(16).slice(2)}`);
  const lines: string[] = [];
  const options = parsePullArguments(["cbs", "--gebied", typed, "--van", String(from), "--tot", String(to), "--out", out, "--lang", "en"]);
  if (options === "help") throw new Error("unexpected help");
  const summary = textOf(await pullCommand(options, (line) => lines.push(textOf(line, "en"))), "en");
  const pkg = loadPackage(out);
  const plan = buildPlan(pkg, { language: "nl" });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await renderXlsx(plan, ExcelJS)) as unknown as ExcelJS.Buffer);
  /** A table of a sheet as the file holds it: header row, then the rows, read at the plan's position. */
  const table = (sheetName: string, tableName: string) => {
    const sheet = plan.sheets.find((s) => s.name === sheetName);
    const spec = sheet?.tables.find((t) => t.name === tableName);
    if (!sheet || !spec) throw new Error(`no table ${tableName} on ${sheetName}; tables: ${sheet?.tables.map((t) => t.name).join(", ")}; sheets: ${plan.sheets.map((s) => s.name).join(", ")}`);
    const ws = workbook.getWorksheet(sheetName) as ExcelJS.Worksheet;
    return Array.from({ length: spec.rows.length + 1 }, (_, r) => Array.from({ length: spec.header.length }, (_, c) => ws.getCell(spec.row + r + 1, spec.column + c + 1).value));
  };
  return { summary, lines, pkg, plan, workbook, table };
}

describe("a CBS pull by the names people use, rendered as a workbook", () => {
  it("stores and shows the plain names, and each sheet's figures are the published ones", async () => {
    const { summary, pkg, workbook, table } = await pullAndRender("Den Haag, Utrecht, Groningen, Den Bosch, Hengelo", 2021, 2024);
    expect(summary).toMatch(/figures for 's-Gravenhage, Utrecht, Groningen, 's-Hertogenbosch, Hengelo \(O\.\), 2021–2024/);
    expect(new Set(pkg.observations.map((o) => o.gebied))).toEqual(new Set(["'s-Gravenhage", "Utrecht", "Groningen", "'s-Hertogenbosch", "Hengelo (O.)", "Nederland"]));
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["Bevolking 's-Gravenhage", "Nationaliteiten 's-Gravenhage", "Bevolking Utrecht", "Nationaliteiten Groningen", "Bevolking 's-Hertogenbosch", "Nat. 's-Hertogenbosch", "Bevolking Hengelo (O.)", "Vergelijking gemeenten"]));
    expect(names.some((n) => /gemeen/.test(n) && n !== "Vergelijking gemeenten")).toBe(false);

    // A municipality's sheet: shares and ranks by year, from every municipality's published cells.
    const shares = table("Bevolking 's-Gravenhage", "lm_gebied_s_gravenhage_bevolking_aandeel");
    expect(shares[0]).toEqual(["Jaar", "Buitenlandse nationaliteit", "Herkomst buiten Nederland"]);
    expect(shares.slice(1).map((r) => r[0])).toEqual(["2021", "2022", "2023", "2024"]);
    for (const [year, foreign, origin] of shares.slice(1) as [string, number, number | null][]) {
      expect(foreign).toBeCloseTo(foreignShare("GM0518", Number(year)), 10);
      if (Number(year) < 2022) expect(origin).toBeNull();
      else expect(origin).toBeCloseTo(herkomstShare("GM0518", Number(year)), 10);
    }
    const ranks = table("Bevolking 's-Gravenhage", "lm_gebied_s_gravenhage_bevolking_rang");
    expect(ranks.slice(1)).toEqual([2021, 2022, 2023, 2024].map((y) => [String(y), rankBy(foreignShare, "GM0518", y), y < 2022 ? null : rankBy(herkomstShare, "GM0518", y)]));
    const counts = table("Bevolking Hengelo (O.)", "lm_gebied_hengelo_o_bevolking_aantal");
    expect(counts.slice(1)).toEqual([2021, 2022, 2023, 2024].map((y) => [String(y), nationalityCell("GM0164", y, "NAT9267"), nationalityCell("GM0164", y, "NAT9489")]));
    const lead = (workbook.getWorksheet("Bevolking 's-Gravenhage") as ExcelJS.Worksheet).getCell("A2").value;
    expect(lead).toMatch(/^Op 1 januari 2024 hebben [\d.]+ inwoners van 's-Gravenhage een buitenlandse nationaliteit \([\d,]+%\)\. 's-Gravenhage staat daarmee op plek \d+ van de Nederlandse gemeenten\. [\d,]+% heeft een herkomst buiten Nederland \(wat het rapport van 2022 een migratieachtergrond noemt; de definitie veranderde in 2022\): plek \d+\.$/);

    // The comparison: the chosen municipalities (in alphabetical order) with each other and Nederland.
    const compared = table("Vergelijking gemeenten", "lm_gebied_vergelijking_aandeel");
    expect(compared).toEqual([
      ["Gebied", "Buitenlandse nationaliteit", "Herkomst buiten Nederland"],
      ...[["GM0518", "'s-Gravenhage"], ["GM0796", "'s-Hertogenbosch"], ["GM0014", "Groningen"], ["GM0164", "Hengelo (O.)"], ["GM0344", "Utrecht"], ["NL01", "Nederland"]].map(([code, name]) => [name, expect.closeTo(foreignShare(code, 2024), 10), expect.closeTo(herkomstShare(code, 2024), 10)]),
    ]);
    const comparedRanks = table("Vergelijking gemeenten", "lm_gebied_vergelijking_rang");
    expect(comparedRanks.slice(1)).toEqual([["GM0518", "'s-Gravenhage"], ["GM0796", "'s-Hertogenbosch"], ["GM0014", "Groningen"], ["GM0164", "Hengelo (O.)"], ["GM0344", "Utrecht"]].map(([code, name]) => [name, rankBy(foreignShare, code, 2024), rankBy(herkomstShare, code, 2024)]));
    // The change of definition is said under the source lines (a lead that long shrank the printed page).
    const columnA = ((workbook.getWorksheet("Vergelijking gemeenten") as ExcelJS.Worksheet).getColumn(1).values as unknown[]).map(String);
    expect(columnA).toContain("Herkomst: sinds 2022 publiceert CBS herkomst in plaats van migratieachtergrond.");
  });

  it("compares Leiden too when its figures were pulled from CBS (the report's own sheets stay Leiden's)", async () => {
    const { table, workbook } = await pullAndRender("Leiden, Oegstgeest", 2023, 2024);
    expect(workbook.worksheets.map((w) => w.name)).not.toContain("Bevolking Leiden");
    expect(table("Vergelijking gemeenten", "lm_gebied_vergelijking_aandeel").slice(1)).toEqual(
      [["GM0546", "Leiden"], ["GM0579", "Oegstgeest"], ["NL01", "Nederland"]].map(([code, name]) => [name, expect.closeTo(foreignShare(code, 2024), 10), expect.closeTo(herkomstShare(code, 2024), 10)]),
    );
  });

  it("cuts a long sheet name at a word, never inside one", async () => {
    const { workbook } = await pullAndRender("Alphen aan den Rijn", 2023, 2024);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Bevolking Alphen aan den Rijn", "Nat. Alphen aan den Rijn"]));
    expect(areaSheetName("Nationaliteiten", "Capelle aan den IJssel en Omstreken")).toBe("Nat. Capelle aan den IJssel en");
    expect(areaSheetName("Bevolking", "Hardinxveld-Giessendamsewaardland")).toBe("Bev. Hardinxveld-Giessendamsewa"); // one word: cut at 31
  });

  it("documents every option in --help", () => {
    expect(parsePullArguments(["cbs", "--help"])).toBe("help");
    for (const language of ["nl", "en"] as const) {
      const help = textOf(pullHelp(), language);
      for (const option of ["--gebied", "--van", "--tot", "--out", "--lang", "--help", "CBS_ODATA_URL", "MONITOR_FETCH_TIMEOUT_MS", "MONITOR_RETRY_DELAY_MS", "85644NED", "85458NED"]) expect(help).toContain(option);
    }
    expect(textOf(pullHelp(), "nl")).toMatch(/^Gebruik: npm run pull -- cbs .*\n\nHaalt bevolkingscijfers van Nederlandse gemeenten op bij CBS StatLine/);
    expect(textOf(pullHelp(), "en")).toMatch(/^Usage: npm run pull -- cbs .*\n\nPulls population figures for Dutch municipalities from CBS StatLine/);
  });

  it("writes nothing when CBS's pages come back short without saying where the rest is", async () => {
    cbs.behaviour.cutPages = 50;
    cbs.behaviour.cutWithoutLink = true;
    try {
      const out = join(pulls.dir, "cut");
      const options = parsePullArguments(["cbs", "--gebied", "Leiden", "--van", "2022", "--tot", "2022", "--out", out]);
      if (options === "help") throw new Error("unexpected help");
      await expect(pullCommand(options, () => undefined)).rejects.toThrow(/^Er is niets geschreven:\n- CBS meldde voor .* rijen maar gaf er 50; de gegevens zijn niet compleet opgehaald\. Er is niets geschreven\.$/);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(pulls.dir).some((f) => f.startsWith(".cut"))).toBe(false);
    } finally {
      cbs.resetBehaviour();
    }
  });

  it("refuses every unknown name at once and writes nothing", async () => {
    const out = join(pulls.dir, "never");
    const options = parsePullArguments(["cbs", "--gebied", "Leidn,Amsterdm,Bergen", "--van", "2022", "--tot", "2022", "--out", out]);
    if (options === "help") throw new Error("unexpected help");
    await expect(pullCommand(options, () => undefined)).rejects.toThrow(
      "Er is niets geschreven:\n- Onbekende gemeente 'Leidn' in CBS-tabel 85644NED. Bedoelt u 'Leiden'?\n- Onbekende gemeente 'Amsterdm' in CBS-tabel 85644NED. Bedoelt u 'Amsterdam'?\n- 'Bergen' past bij 2 gemeenten: 'Bergen (L.)' en 'Bergen (NH.)'; kies er één.",
    );
    const english = parsePullArguments(["cbs", "--gebied", "Leidn,Amsterdm,Bergen", "--van", "2022", "--tot", "2022", "--out", out, "--lang", "en"]);
    if (english === "help") throw new Error("unexpected help");
    await expect(pullCommand(english, () => undefined)).rejects.toThrow(
      "Nothing was written:\n- Unknown municipality 'Leidn' in CBS table 85644NED. Did you mean 'Leiden'?\n- Unknown municipality 'Amsterdm' in CBS table 85644NED. Did you mean 'Amsterdam'?\n- 'Bergen' fits 2 municipalities: 'Bergen (L.)' and 'Bergen (NH.)'; choose one.",
    );
  });
});
