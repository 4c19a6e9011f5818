import { excelNumberFormat } from "../../src/data/format";
import { Language, MonitorPackage } from "../../src/data/types";
import { buildPlan } from "../../src/report/plan";
import { SheetPlan, TablePlan, WorkbookPlan } from "../../src/report/types";
import { pullFromCbs } from "../../src/sources/cbs/pull";
import { SHIPPED_EDITION } from "../../src/sources/shipped-source";
import { problemText } from "../../src/text/problems";
import { shippedPackage } from "../support/fixtures";
import { useCbsServer } from "../support/use-cbs-server";
import { FIXTURE_TABLE, publishedCell } from "../support/cbs-server";

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

describe("Statushouders", () => {
  it.each<[Language, string, string]>([
    ["nl", "Statushouders in Leiden, 1 januari 2022", "Op 1 januari 2022 wonen er 769 statushouders in Leiden; de grootste groep komt volgens het rapport uit Syrië."],
    ["en", "Status holders in Leiden, 1 January 2022", "On 1 January 2022, 769 status holders lived in Leiden; according to the report, the largest group comes from Syria."],
  ])("shows the count of status holders its lead quotes, in a table (%s)", (language, caption, lead) => {
    const sheet = sheetOf(shipped(language), "statushouders");
    const table = tableOf(sheet, "_aantal");
    expect(table.rows).toEqual([["2022", 769]]);
    expect(sheet.texts.find((t) => t.row === table.row - 1)?.text).toBe(caption);
    expect(sheet.texts[1].text).toBe(lead);
  });
});

describe("Nationaliteiten", () => {
  it.each<[Language, string, string]>([
    ["nl", "alle buitenlandse nationaliteiten", "Het aantal inwoners met een buitenlandse nationaliteit steeg tussen 2012 en 2022 met 28%."],
    ["en", "all foreign nationalities", "Inhabitants with a foreign nationality grew by 28% between 2012 and 2022."],
  ])("shows the growth of all foreign nationalities its lead quotes (%s)", (language, label, sentence) => {
    const sheet = sheetOf(shipped(language), "nationaliteiten");
    expect(tableOf(sheet, "_groei").rows).toEqual([[label, 0.28], [language === "nl" ? "Italiaans" : "Italian", 0.88], [language === "nl" ? "Duits" : "German", 0.47]]);
    expect(sheet.texts[1].text).toContain(sentence);
  });

  it("says nothing of a growth of all foreign nationalities its growth table does not show", () => {
    const pkg = shippedPackage();
    const observations = pkg.observations.filter((o) => !(o.indicator === "groei" && o.groep === "buitenlandse nationaliteit"));
    const sheet = sheetOf(buildPlan({ ...pkg, observations }, { language: "nl", edition: SHIPPED_EDITION }), "nationaliteiten");
    expect(tableOf(sheet, "_groei").rows.map((r) => r[0])).toEqual(["Italiaans", "Duits"]);
    expect(sheet.texts[1].text).toBe("De Italiaanse nationaliteit komt in Leiden het meest voor van alle buitenlandse nationaliteiten (1.253 inwoners op 1 januari 2022).");
  });
});

describe("a claim of the report its figures do not show", () => {
  it.each<[Language, string, string]>([
    ["nl", "Het aantal Nederlanders dat zich in Leiden vestigt na een verblijf in het buitenland daalt volgens het rapport al een aantal jaar. In 2021 waren het er 478, van wie 17% kinderen.", "In 2021 schreven 450 internationals zich via het Expat Centre Leiden in, volgens het rapport meer dan in coronajaar 2020."],
    ["en", "The number of Dutch nationals settling in Leiden after living abroad has been falling for some years, according to the report. In 2021 there were 478, 17% of them children.", "In 2021, 450 internationals registered through Expat Centre Leiden, according to the report more than in the pandemic year 2020."],
  ])("is said as the report's (%s)", (language, repats, expat) => {
    const plan = shipped(language);
    expect(sheetOf(plan, "repats").texts[1].text).toBe(repats);
    expect(sheetOf(plan, "expat-centre").texts[1].text).toBe(expat);
  });
});

describe("a percentage the sheet's words quote", () => {
  /** The shipped edition with Leiden's foreign share on 1 January 2022 a whole 19%, beside shares of one decimal in its table. */
  const wholeShare = () => {
    const pkg = shippedPackage();
    const observations = pkg.observations.map((o) => (o.indicator === "aandeel" && o.gebied === "Leiden" && o.groep === "buitenlandse nationaliteit" && o.periode === "2022" ? { ...o, waarde: 0.19 } : o));
    return { ...pkg, observations };
  };

  it.each<[Language, string, string, string]>([
    ["nl", "19,0%", "In Leiden heeft 19,0% van de inwoners een buitenlandse nationaliteit en 32,9% een migratieachtergrond.", "Op 1 januari 2022 had 19,0% van de inwoners van Leiden een buitenlandse nationaliteit (bron: BRP, gemeente Leiden)."],
    ["en", "19.0%", "In Leiden, 19.0% of inhabitants have a foreign nationality and 32.9% a migration background.", "On 1 January 2022, 19.0% of the inhabitants of Leiden had a foreign nationality (source: BRP, municipality of Leiden)."],
  ])("has the decimals its table shows it with (%s: %s)", (language, _shown, lead, sentence) => {
    const sheet = sheetOf(buildPlan(wholeShare(), { language, edition: SHIPPED_EDITION }), "bevolking");
    const table = tableOf(sheet, "_aandeel");
    // The table shows the figure as 19,0%: a share with one decimal, as its other shares need.
    expect(table.numberFormats.slice(1)).toEqual(["0.0%", "0.0%"]);
    expect(table.rows[0]).toEqual([language === "nl" ? "buitenlandse nationaliteit" : "foreign nationality", null, 0.19]);
    expect(sheet.texts[1].text.startsWith(lead)).toBe(true);
    expect(sheet.texts.map((t) => t.text)).toContain(sentence);
  });

  it("is whole where its table shows whole percentages", () => {
    const sheet = sheetOf(shipped("nl"), "nationaliteiten");
    expect(tableOf(sheet, "_groei").numberFormats.slice(1)).toEqual(["0%"]);
    expect(sheet.texts[1].text).toContain("steeg tussen 2012 en 2022 met 28%.");
    expect(sheet.texts.map((t) => t.text)).toContain("Het aantal inwoners van Leiden met een buitenlandse nationaliteit groeide tussen 2012 en 2022 met 28% (bron: BRP, gemeente Leiden).");
  });

  it("in a CBS municipality's growth table of one decimal, keeps a trailing zero (4,0%) as the table does", async () => {
    const sheet = sheetOf(buildPlan(await delft(), { language: "nl" }), "gebied-delft-bevolking");
    const growth = tableOf(sheet, "_groei");
    const row = growth.rows.find((r) => r[0] === "Inwoners") as (string | number | null)[];
    // The stand-in's published totals: the growth of all inhabitants from 2012 to 2024, as a table of one decimal shows it.
    const total = (year: number) => publishedCell(FIXTURE_TABLE, { RegioS: "GM0503", Perioden: `${year}JJ00`, Nationaliteit: "T001059" }) as number;
    const shown = `${((total(2024) / total(2012) - 1) * 100).toFixed(1).replace(".", ",")}%`;
    expect(shown).toMatch(/,0%$/); // the case of a trailing zero, which the report's style would drop
    expect(growth.numberFormats[1]).toBe("0.0%");
    expect(row[1]).toBeCloseTo(total(2024) / total(2012) - 1, 3);
    expect(sheet.texts.map((t) => t.text)).toContain(`Het aantal inwoners van Delft groeide tussen 2012 en 2024 met ${shown} (bron: CBS StatLine 85644NED, 85458NED).`);
  });
});
