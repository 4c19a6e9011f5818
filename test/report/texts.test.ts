import { citationOf } from "../../src/data/citation";
import { INDICATOR_COLUMNS, OBSERVATION_COLUMNS, SOURCE_COLUMNS } from "../../src/data/columns";
import { Edition } from "../../src/data/descriptor";
import { TABLE_NAMES } from "../../src/data/package";
import { MonitorStore } from "../../src/data/store";
import { Language, MonitorPackage, Observation, Source } from "../../src/data/types";
import { AREAS, groupEntry } from "../../src/data/vocabulary";
import { planPivot } from "../../src/report/pivot-plan";
import { buildPlan } from "../../src/report/plan";
import { SheetPlan, WorkbookPlan } from "../../src/report/types";
import { pullFromCbs } from "../../src/sources/cbs/pull";
import { SHIPPED_EDITION } from "../../src/sources/shipped-source";
import { EDITION_2023, edition2023 } from "../support/edition-2023";
import { shippedPackage } from "../support/fixtures";
import { problemText } from "../../src/text/problems";
import { useCbsServer } from "../support/use-cbs-server";

/**
 * Every word of a sheet comes from the figures: these tests change a figure, an edition or a
 * municipality and watch the words follow. CBS figures come from the local stand-in, whose
 * figures are synthetic (see cbs-server.ts); the 2023 edition is synthetic too.
 */
const cbs = useCbsServer();

async function fromCbs(areas: string[], from = 2012, to = 2024): Promise<{ pkg: MonitorPackage; edition: Edition }> {
  const result = await pullFromCbs({ areas, from, to }, cbs.options());
  if (!result.ok) throw new Error(result.problems.map((p) => problemText(p, "nl")).join("\n"));
  return { pkg: result.value.package, edition: result.value.edition };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const sheetOf = (plan: WorkbookPlan, key: string): SheetPlan => plan.sheets.find((s) => s.key === key) ?? (() => { throw new Error(`no sheet ${key}: ${plan.sheets.map((s) => s.key)}`); })();
const text = (sheet: SheetPlan, style: "title" | "lead" | "caption" | "source") => sheet.texts.filter((t) => t.style === style).map((t) => t.text);
const lead = (plan: WorkbookPlan, key: string) => text(sheetOf(plan, key), "lead")[0];
const tableOf = (sheet: SheetPlan, suffix: string) => sheet.tables.find((t) => t.name.endsWith(suffix)) ?? (() => { throw new Error(suffix); })();
const withFigure = (pkg: MonitorPackage, match: Partial<Observation>, waarde: number): MonitorPackage => {
  let hits = 0;
  const observations = pkg.observations.map((o) => {
    if (!Object.entries(match).every(([k, v]) => o[k as keyof Observation] === v)) return o;
    hits++;
    return { ...o, waarde };
  });
  if (hits !== 1) throw new Error(`${hits} figures match ${JSON.stringify(match)}`);
  return { ...pkg, observations };
};

/**
 * Rules that hold for every sheet of every workbook: no dangling line, no empty source, and no
 * year in a text that neither the figures nor the edition's title hold (a year kept from the 2022
 * report over other data).
 */
function expectWellFormed(plan: WorkbookPlan, pkg: MonitorPackage, edition: Edition): void {
  const years = new Set([...pkg.observations.flatMap((o) => `${o.periode} ${o.peildatum}`.match(/\d{4}/g) ?? []), ...(edition.title.match(/\d{4}/g) ?? [])]);
  for (const sheet of plan.sheets) {
    for (const line of sheet.texts) for (const year of line.text.match(/\b(19|20)\d{2}\b/g) ?? []) expect({ line: line.text, year, known: years.has(year) }).toMatchObject({ known: true });
    expect(sheet.tables.length).toBeGreaterThan(0);
    for (const line of sheet.texts) {
      expect(line.text).not.toMatch(/:\s*\.?$/);
      // A line is one cell whose text runs on to the right: a much longer one stretches the printed page and shrinks it all.
      expect({ line: line.text, length: line.text.length <= 300 }).toEqual({ line: line.text, length: true });
      expect(line.text.trim()).not.toBe("");
    }
    const [source] = text(sheet, "source");
    expect(source).toMatch(plan.language === "nl" ? /^Bron: [^.;]/ : /^Source: [^.;]/);
  }
}

const all2022 = (["nl", "en"] as const).map((language) => buildPlan(shippedPackage(), { language, edition: SHIPPED_EDITION }));

describe("the 2022 edition", () => {
  const [nl, en] = all2022;

  it("reads as the report: its leads are unchanged", () => {
    expect(lead(nl, "bevolking")).toBe("In Leiden heeft 11,6% van de inwoners een buitenlandse nationaliteit en 32,9% een migratieachtergrond. Op 1 januari 2022 zijn dat 14.472 inwoners met een buitenlandse nationaliteit.");
    expect(lead(nl, "vestiging")).toBe("Het aantal internationals dat zich in Leiden vestigt is al jaren groter dan het aantal dat vertrekt, behalve in coronajaar 2020. In 2021 vestigden zich 4.049 internationals en vertrokken er 2.989.");
    expect(lead(nl, "repats")).toBe("Het aantal Nederlanders dat zich in Leiden vestigt na een verblijf in het buitenland daalt volgens het rapport al een aantal jaar. In 2021 waren het er 478, van wie 17% kinderen.");
    expect(lead(nl, "nationaliteiten")).toBe("De Italiaanse nationaliteit komt in Leiden het meest voor van alle buitenlandse nationaliteiten (1.253 inwoners op 1 januari 2022). Het aantal inwoners met een buitenlandse nationaliteit steeg tussen 2012 en 2022 met 28%.");
    expect(lead(nl, "statushouders")).toBe("Op 1 januari 2022 wonen er 769 statushouders in Leiden; de grootste groep komt volgens het rapport uit Syrië.");
    expect(lead(en, "studenten")).toBe("In the 2021/2022 academic year, 18.4% of the students at Leiden University have a foreign nationality (Dutch average: 23.5%).");
    expect(lead(en, "nationaliteiten")).toBe("Italian is the most common foreign nationality in Leiden (1,253 inhabitants on 1 January 2022). Inhabitants with a foreign nationality grew by 28% between 2012 and 2022.");
    // English sentences whole: a comma after the opening date, no fragment, the past for a past date.
    expect(lead(en, "bevolking")).toBe("In Leiden, 11.6% of inhabitants have a foreign nationality and 32.9% a migration background. On 1 January 2022, that was 14,472 inhabitants with a foreign nationality.");
    expect(lead(en, "woonduur")).toBe("More than half (63%) of Leiden's inhabitants with a foreign nationality have lived here for less than 3 years. 34% have lived here for less than a year (1 January 2022).");
    expect(lead(en, "statushouders")).toBe("On 1 January 2022, 769 status holders lived in Leiden; according to the report, the largest group comes from Syria.");
  });

  it("says what the table shows: the count of nationalities, the span of the growth, the share under 3 years", () => {
    const sheet = sheetOf(nl, "nationaliteiten");
    const rows = tableOf(sheet, "_aantal").rows.map((r) => r[0]);
    expect(rows).toEqual(["Italiaans", "Duits", "Pools", "Brits", "Chinees", "Frans", "Spaans", "Amerikaans", "Syrisch", "Overig"]);
    // Nine nationalities and the report's own Overig: the title counts the nationalities the
    // table shows. The report's "tien meest voorkomende nationaliteiten" (page 17) count
    // Nederlands as well, which this table does not show: nine foreign ones.
    expect(text(sheet, "title")).toEqual(["De negen meest voorkomende buitenlandse nationaliteiten"]);
    expect(text(sheetOf(en, "nationaliteiten"), "title")).toEqual(["The nine most common foreign nationalities"]);
    expect(text(sheetOf(nl, "bevolking"), "caption")).toContain("Groei sinds 2012");
    expect(lead(nl, "woonduur")).toBe("Meer dan de helft (63%) van de Leidenaren met een buitenlandse nationaliteit woont hier korter dan 3 jaar. 34% woont er korter dan een jaar (1 januari 2022).");
    // The report compares Leiden with the region (page 7), but those bars lost their figures:
    // the workbook holds Nederland's share of 2021 only, and says so. Without Leiden's own row
    // beside it the table compares nothing: the title names the rank the sheet shows.
    expect(text(sheetOf(nl, "regio"), "title")).toEqual(["Leiden onder de Nederlandse gemeenten"]);
    expect(text(sheetOf(en, "regio"), "title")).toEqual(["Leiden among Dutch municipalities"]);
    expect(sheetOf(en, "regio").name).toBe("Region and the Netherlands");
    expect(tableOf(sheetOf(nl, "regio"), "_gemeenten").rows).toEqual([["Nederland", 0.07, 0.25]]);
    expect(text(sheetOf(nl, "regio"), "caption")).toContain("Aandeel van de inwoners van Nederland, 2021");
    expect(text(sheetOf(en, "regio"), "caption")).toContain("Share of inhabitants of the Netherlands, 2021");
  });

  it("takes its title, year and file name from datapackage.json", () => {
    expect(nl.properties).toMatchObject({ title: "Monitor Internationalisering Leiden 2022", subject: "Internationals in cijfers, Leiden 2022", edition: "2022.1.0", fileName: "leiden-monitor-2022.xlsx" });
    expect(en.properties.title).toBe("Leiden Internationalisation Monitor 2022");
    expect(text(sheetOf(nl, "kinderen"), "source")[0]).toBe("Bron: BRP, gemeente Leiden (peildatum 1 januari 2022). Internationals in cijfers, Leiden 2022, pagina 14, 16.");
    expect(text(sheetOf(en, "kinderen"), "source")[0]).toBe("Source: BRP, municipality of Leiden (reference date 1 January 2022). Internationals in cijfers, Leiden 2022, pages 14, 16.");
    expect(text(sheetOf(en, "woonduur"), "source")[0]).toBe("Source: BRP, municipality of Leiden (reference date 1 January 2022). Internationals in cijfers, Leiden 2022, page 12.");
  });

  it("follows a changed figure into the sentence", () => {
    const changed = buildPlan(withFigure(shippedPackage(), { indicator: "inwoners", groep: "Duits", periode: "2022" }, 1300), { language: "nl", edition: SHIPPED_EDITION });
    expect(lead(changed, "nationaliteiten")).toMatch(/^De Duitse nationaliteit komt in Leiden het meest voor van alle buitenlandse nationaliteiten \(1\.300 inwoners op 1 januari 2022\)\./);
    expect(tableOf(sheetOf(changed, "nationaliteiten"), "_aantal").rows[0]).toEqual(["Duits", 1300]);
    const fewer = buildPlan(withFigure(shippedPackage(), { indicator: "vestiging", periode: "2021", eenheid: "aantal", leeftijd: "" }, 2000), { language: "en", edition: SHIPPED_EDITION });
    expect(lead(fewer, "vestiging")).toBe("In 8 of the 10 years from 2012 to 2021 more internationals settled in Leiden than left. In 2021, 2,000 settled and 2,989 left.");
  });

  it("is well formed in both languages", () => all2022.forEach((plan) => expectWellFormed(plan, shippedPackage(), SHIPPED_EDITION)));
});

describe("a 2023 edition (synthetic)", () => {
  const plans = (["nl", "en"] as const).map((language) => buildPlan(edition2023(), { language, edition: EDITION_2023 }));
  const [nl, en] = plans;

  it("is the 2023 edition everywhere: title, file name, years, the report its pages cite", () => {
    expect(nl.properties).toMatchObject({ title: "Monitor Internationalisering Leiden 2023", fileName: "leiden-monitor-2023.xlsx", edition: "2023.0.0-test" });
    expect(en.properties.title).toBe("Leiden Internationalisation Monitor 2023");
    expect(lead(nl, "bevolking")).toBe("In Leiden heeft 11,6% van de inwoners een buitenlandse nationaliteit en 32,9% een migratieachtergrond. Op 1 januari 2023 zijn dat 14.472 inwoners met een buitenlandse nationaliteit.");
    expect(text(sheetOf(nl, "nationaliteiten"), "caption")).toEqual(["Inwoners met een buitenlandse nationaliteit, 2023", "Groei per nationaliteit sinds 2013"]);
    expect(text(sheetOf(nl, "kinderen"), "source")[0]).toBe("Bron: BRP, gemeente Leiden (peildatum 1 januari 2023). Internationals in cijfers, Leiden 2023 (synthetische testeditie), pagina 14, 16.");
  });

  it("says what its own figures say, and none of the 2022 report's claims", () => {
    expect(lead(nl, "nationaliteiten")).toMatch(/^De Poolse nationaliteit komt in Leiden het meest voor van alle buitenlandse nationaliteiten \(1\.400 inwoners op 1 januari 2023\)\./);
    expect(lead(en, "nationaliteiten")).toMatch(/^Polish is the most common foreign nationality in Leiden \(1,400 inhabitants on 1 January 2023\)\./);
    expect(lead(nl, "vestiging")).toBe("In 8 van de 10 jaren van 2013 tot en met 2022 vestigden zich meer internationals in Leiden dan er vertrokken. In 2022 vestigden zich 2.900 internationals en vertrokken er 2.989.");
    expect(lead(nl, "repats")).toBe("In 2022 kwamen 512 Nederlanders na een verblijf in het buitenland in Leiden wonen, van wie 17% kinderen.");
    expect(lead(nl, "statushouders")).toBe("Op 1 januari 2023 wonen er 769 statushouders in Leiden.");
    expect(lead(nl, "kinderen")).not.toMatch(/Syrische/);
    expect(lead(nl, "expat-centre")).toBe("In 2022 schreven 450 internationals zich via het Expat Centre Leiden in.");
  });

  it("is well formed in both languages", () => plans.forEach((plan) => expectWellFormed(plan, edition2023(), EDITION_2023)));
});

describe("CBS figures", () => {
  it("for another municipality only: that municipality's monitor, without a Leiden sheet or word", async () => {
    const { pkg, edition } = await fromCbs(["Delft"]);
    for (const language of ["nl", "en"] as const) {
      const plan = buildPlan(pkg, { language, edition });
      // Delft's sheets and its comparison with Nederland; none of the report's Leiden sheets.
      expect(plan.sheets.map((s) => s.key)).toEqual(["gebied-delft-bevolking", "gebied-delft-nationaliteiten", "gebied-vergelijking"]);
      expect(plan.sheets.map((s) => s.name)).toEqual(language === "nl" ? ["Bevolking Delft", "Nationaliteiten Delft", "Vergelijking gemeenten"] : ["Population Delft", "Nationalities Delft", "Comparison of municipalities"]);
      expect(plan.properties.title).toBe(language === "nl" ? "Monitor Internationalisering Delft 2024" : "Delft Internationalisation Monitor 2024");
      expect(plan.properties.fileName).toBe("delft-monitor-2024.xlsx");
      const words = [plan.properties.title, plan.properties.subject, plan.properties.keywords, plan.properties.description, ...plan.sheets.flatMap((s) => [s.name, ...s.texts.map((t) => t.text), ...s.tables.flatMap((t) => [...t.header, ...t.rows.map((r) => String(r[0]))])])];
      expect(words.filter((w) => /Leiden/.test(w))).toEqual([]);
      expectWellFormed(plan, pkg, edition);
    }
  });

  it("for Leiden: the report's sheets that the figures support, their words from CBS's figures", async () => {
    const { pkg, edition } = await fromCbs(["Leiden"]);
    const plan = buildPlan(pkg, { language: "nl", edition });
    // The report's sheets the figures support, and CBS's comparison with Nederland.
    expect(plan.sheets.map((s) => s.key)).toEqual(["bevolking", "regio", "nationaliteiten", "gebied-vergelijking"]);
    const nationalities = sheetOf(plan, "nationaliteiten");
    const [first] = tableOf(nationalities, "_aantal").rows;
    // A nationality: a group the vocabulary places under foreign nationality, or one it does not know (Turks).
    const nationality = (group: string) => {
      const entry = groupEntry(group);
      return entry ? entry.parent === "buitenlandse nationaliteit" && group !== "Overig" : true;
    };
    const top = pkg.observations.filter((o) => o.indicator === "inwoners" && o.gebied === "Leiden" && o.periode === "2024" && nationality(o.groep)).sort((a, b) => b.waarde - a.waarde)[0];
    expect(first).toEqual([top.groep, top.waarde]);
    expect(text(nationalities, "lead")[0]).toContain(`het meest voor van alle buitenlandse nationaliteiten (${top.waarde.toLocaleString("nl-NL")} inwoners op 1 januari 2024)`);
    expect(text(nationalities, "title")[0]).toBe(`De ${["", "", "", "", "", "", "", "", "acht"][tableOf(nationalities, "_aantal").rows.length]} meest voorkomende buitenlandse nationaliteiten`);
    // Without a migration background the title and lead say nothing of it, and "dat" refers to a share.
    expect(text(sheetOf(plan, "bevolking"), "title")).toEqual(["Nationaliteit in Leiden"]);
    expect(lead(plan, "bevolking")).toMatch(/^In Leiden heeft \d+,\d% van de inwoners een buitenlandse nationaliteit\. Op 1 januari 2024 zijn dat [\d.]+ inwoners met een buitenlandse nationaliteit\.$/);
    expect(text(sheetOf(plan, "bevolking"), "caption")).toContain("Groei sinds 2012");
    const recent = await fromCbs(["Leiden"], 2019, 2022);
    expect(text(sheetOf(buildPlan(recent.pkg, { language: "nl", edition: recent.edition }), "bevolking"), "caption")).toContain("Groei sinds 2019");
    expectWellFormed(plan, pkg, edition);
  });

  it("follows a changed CBS figure into the sentence", async () => {
    const { pkg, edition } = await fromCbs(["Leiden"]);
    const changed = withFigure(pkg, { indicator: "inwoners", gebied: "Leiden", groep: "Duits", periode: "2024" }, 5000);
    const plan = buildPlan(changed, { language: "en", edition });
    expect(lead(plan, "nationaliteiten")).toMatch(/^German is the most common foreign nationality in Leiden \(5,000 inhabitants on 1 January 2024\)\./);
  });

  it("shows the ten largest nationalities and sums the rest as Overig, saying so", async () => {
    const { pkg, edition } = await fromCbs(["Leiden"]);
    const extra = ["Belgisch", "Indiaas", "Spaans", "Frans"].map((groep, i): Observation => ({ ...(pkg.observations.find((o) => o.gebied === "Leiden" && o.groep === "Duits" && o.periode === "2024") as Observation), groep, waarde: 150 - i * 10 }));
    const total = pkg.observations.find((o) => o.gebied === "Leiden" && o.groep === "buitenlandse nationaliteit" && o.periode === "2024" && o.indicator === "inwoners") as Observation;
    const more = { ...pkg, observations: [...pkg.observations, ...extra].map((o) => (o === total ? { ...o, waarde: o.waarde + 580 } : o)) };
    const plan = buildPlan(more, { language: "nl", edition });
    const sheet = sheetOf(plan, "nationaliteiten");
    const rows = tableOf(sheet, "_aantal").rows;
    expect(rows).toHaveLength(11);
    expect(rows[10][0]).toBe("Overig");
    const shown = rows.slice(0, 10).reduce((sum, r) => sum + (r[1] as number), 0);
    expect(rows[10][1]).toBe(total.waarde + 580 - shown);
    expect(text(sheet, "title")).toEqual(["De tien meest voorkomende buitenlandse nationaliteiten"]);
    // Under the source lines, where no chart stands beside it.
    expect(text(sheet, "source")).toContain("Overig in de tabel Nationaliteiten: alle inwoners met een buitenlandse nationaliteit min de tien getoonde (berekend).");
    // All foreign nationalities first (the lead quotes their growth), then the table's nationalities in its order.
    expect(tableOf(sheet, "_groei").rows.map((r) => r[0])).toEqual(["alle buitenlandse nationaliteiten", ...rows.slice(0, 10).map((r) => r[0]).filter((g) => pkg.observations.some((o) => o.indicator === "groei" && o.groep === g))]);
  });

  it("for several municipalities: Leiden's sheets compare it with the others, each municipality has its own", async () => {
    const { pkg, edition } = await fromCbs(["Leiden", "Delft"]);
    for (const language of ["nl", "en"] as const) {
      const plan = buildPlan(pkg, { language, edition });
      expect(plan.sheets.map((s) => s.key)).toEqual(["bevolking", "regio", "nationaliteiten", "gebied-delft-bevolking", "gebied-delft-nationaliteiten", "gebied-vergelijking"]);
      // The title names what the comparison table holds.
      const areas = tableOf(sheetOf(plan, "regio"), "_gemeenten").rows.map((r) => r[0]);
      expect(areas).toEqual(language === "nl" ? ["Leiden", "Delft", "Nederland"] : ["Leiden", "Delft", "the Netherlands"]);
      expect(text(sheetOf(plan, "regio"), "title")).toEqual([language === "nl" ? "Leiden vergeleken met Delft en Nederland" : "Leiden compared with Delft and the Netherlands"]);
      expect(plan.properties.title).toBe(language === "nl" ? "Monitor Internationalisering Leiden en Delft 2024" : "Leiden and Delft Internationalisation Monitor 2024");
      expectWellFormed(plan, pkg, edition);
    }
  });
});

/**
 * Each sheet's texts against its own tables and against the figures of the package, in both
 * languages. The expected words are made here from the package's figures, with the platform's
 * own number and date formats (Intl), never from the plan or the phrasebook.
 */
const LOCALES = { nl: "nl-NL", en: "en-GB" } as const;
const count = (n: number, language: Language) => new Intl.NumberFormat(LOCALES[language]).format(n);
const percent = (share: number, language: Language) => `${new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 }).format(Math.round(share * 1000) / 10)}%`;
const day = (iso: string, language: Language) => new Intl.DateTimeFormat(LOCALES[language], { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
const SUFFIX: Record<string, string> = { one: "st", two: "nd", few: "rd", other: "th" };
const ordinalEn = (n: number) => `${n}${SUFFIX[new Intl.PluralRules("en-GB", { type: "ordinal" }).select(n)]}`;
const NUMBER_WORDS = { nl: { 8: "acht", 9: "negen", 10: "tien" }, en: { 8: "eight", 9: "nine", 10: "ten" } } as Record<Language, Record<number, string>>;
const FOREIGN = "buitenlandse nationaliteit";
const figureIn = (pkg: MonitorPackage, match: Partial<Observation>): Observation => {
  const found = pkg.observations.filter((o) => Object.entries({ leeftijd: "", ...match }).every(([k, v]) => o[k as keyof Observation] === v));
  if (found.length !== 1) throw new Error(`${found.length} figures match ${JSON.stringify(match)}`);
  return found[0];
};
const latestOf = (pkg: MonitorPackage, match: Partial<Observation>): Observation =>
  pkg.observations.filter((o) => Object.entries({ leeftijd: "", ...match }).every(([k, v]) => o[k as keyof Observation] === v)).sort((a, b) => a.periode.localeCompare(b.periode)).pop() as Observation;
/** The nationalities among a package's counts: groups the vocabulary places under foreign nationality, or ones it does not know. */
const nationalitiesOf = (pkg: MonitorPackage, area: string, period: string) =>
  pkg.observations
    .filter((o) => o.indicator === "inwoners" && o.gebied === area && o.periode === period && o.leeftijd === "" && o.eenheid === "aantal" && o.groep !== "Overig")
    .filter((o) => (groupEntry(o.groep) ? groupEntry(o.groep)?.parent === FOREIGN : true))
    .sort((a, b) => b.waarde - a.waarde);
const lastRow = (sheet: SheetPlan, suffix: string) => tableOf(sheet, suffix).rows[tableOf(sheet, suffix).rows.length - 1];

describe("texts agree with their tables, in both languages", () => {
  it("a CBS-only workbook (Delft): its leads, captions and titles say what its tables hold", async () => {
    const { pkg, edition } = await fromCbs(["Delft"]);
    const foreign = latestOf(pkg, { indicator: "inwoners", gebied: "Delft", groep: FOREIGN, eenheid: "aantal" });
    const year = foreign.periode;
    const dutch = figureIn(pkg, { indicator: "inwoners", gebied: "Delft", groep: "Nederlands", periode: year, eenheid: "aantal" });
    const share = figureIn(pkg, { indicator: "aandeel", gebied: "Delft", groep: FOREIGN, periode: year });
    const rank = figureIn(pkg, { indicator: "rang", gebied: "Delft", groep: FOREIGN, periode: year });
    const nederland = figureIn(pkg, { indicator: "aandeel", gebied: "Nederland", groep: FOREIGN, periode: year });
    const largest = nationalitiesOf(pkg, "Delft", year);
    for (const language of ["nl", "en"] as const) {
      const plan = buildPlan(pkg, { language, edition });
      const population = sheetOf(plan, "gebied-delft-bevolking");
      expect(lastRow(population, "_aantal")).toEqual([year, dutch.waarde, foreign.waarde]);
      expect(lastRow(population, "_rang")[1]).toBe(rank.waarde);
      expect(text(population, "lead")[0]).toMatch(
        new RegExp(
          `^${escape(
            language === "nl"
              ? `Op ${day(`${year}-01-01`, "nl")} hebben ${count(foreign.waarde, "nl")} inwoners van Delft een buitenlandse nationaliteit (${percent(share.waarde, "nl")}). Delft staat daarmee op plek ${rank.waarde} van de Nederlandse gemeenten.`
              : `On ${day(`${year}-01-01`, "en")}, ${count(foreign.waarde, "en")} inhabitants of Delft had a foreign nationality (${percent(share.waarde, "en")}). That puts Delft ${ordinalEn(rank.waarde)} among Dutch municipalities.`,
          )}`,
        ),
      );
      // The lead is about one past day, 1 January of the year: its English is in the past tense throughout.
      const origin = pkg.observations.find((o) => o.indicator === "aandeel" && o.gebied === "Delft" && o.groep === "herkomst buiten Nederland" && o.periode === year);
      expect(origin).toBeDefined();
      if (language === "en") expect(text(population, "lead")[0]).toContain(` ${percent((origin as Observation).waarde, "en")} had an origin outside the Netherlands (`);
      const nationalities = sheetOf(plan, "gebied-delft-nationaliteiten");
      expect(tableOf(nationalities, "_grootste").rows.map((r) => r[1])).toEqual(largest.slice(0, 10).map((o) => o.waarde));
      if (language === "nl") expect(tableOf(nationalities, "_grootste").rows[0][0]).toBe(largest[0].groep);
      expect(text(nationalities, "caption")[0]).toBe(language === "nl" ? `Grootste nationaliteiten, Delft, ${year}` : `Largest nationalities, Delft, ${year}`);
      expect(text(nationalities, "lead")[0]).toContain(day(`${year}-01-01`, language));
      // The growth chart lists the nationalities of the table above, in its order.
      const grown = new Set(pkg.observations.filter((o) => o.indicator === "groei" && o.gebied === "Delft").map((o) => o.groep));
      const shown = tableOf(nationalities, "_grootste").rows.map((r) => r[0]);
      expect(tableOf(nationalities, "_groei").rows.map((r) => r[0])).toEqual(shown.filter((_, i) => grown.has(largest[i].groep)));
      const comparison = sheetOf(plan, "gebied-vergelijking");
      expect(text(comparison, "title")).toEqual([language === "nl" ? "Delft vergeleken met Nederland" : "Delft compared with the Netherlands"]);
      expect(tableOf(comparison, "_aandeel").rows.map((r) => r.slice(0, 2))).toEqual([
        ["Delft", share.waarde],
        [language === "nl" ? "Nederland" : "the Netherlands", nederland.waarde],
      ]);
      expect(text(comparison, "caption")[0]).toBe(language === "nl" ? `Aandeel van de inwoners, ${year}` : `Share of inhabitants, ${year}`);
    }
  });

  it("the 2023 edition: the most common nationality, the count in the title, the share under 3 years, settling and leaving", () => {
    const pkg = edition2023();
    const largest = nationalitiesOf(pkg, "Leiden", "2023");
    const growth = figureIn(pkg, { indicator: "groei", gebied: "Leiden", groep: FOREIGN, eenheid: "groei" });
    const [short, middle] = ["korter dan 1 jaar", "1 tot 3 jaar"].map((groep) => figureIn(pkg, { indicator: "woonduur", groep, periode: "2023" }));
    const settled = pkg.observations.filter((o) => o.indicator === "vestiging" && o.eenheid === "aantal" && o.leeftijd === "").sort((a, b) => a.periode.localeCompare(b.periode));
    const left = (period: string) => figureIn(pkg, { indicator: "vertrek", eenheid: "aantal", periode: period, groep: FOREIGN });
    const more = settled.filter((o) => o.waarde > left(o.periode).waarde).length;
    const final = settled[settled.length - 1];
    for (const language of ["nl", "en"] as const) {
      const plan = buildPlan(pkg, { language, edition: EDITION_2023 });
      const nationalities = sheetOf(plan, "nationaliteiten");
      expect(tableOf(nationalities, "_aantal").rows.slice(0, largest.length).map((r) => r[1])).toEqual(largest.map((o) => o.waarde));
      expect(text(nationalities, "title")).toEqual([language === "nl" ? `De ${NUMBER_WORDS.nl[largest.length]} meest voorkomende buitenlandse nationaliteiten` : `The ${NUMBER_WORDS.en[largest.length]} most common foreign nationalities`]);
      const [from, to] = growth.periode.split("-");
      expect(text(nationalities, "lead")[0]).toBe(
        language === "nl"
          ? `De Poolse nationaliteit komt in Leiden het meest voor van alle buitenlandse nationaliteiten (${count(largest[0].waarde, "nl")} inwoners op ${day(largest[0].peildatum, "nl")}). Het aantal inwoners met een buitenlandse nationaliteit steeg tussen ${from} en ${to} met ${percent(growth.waarde, "nl")}.`
          : `Polish is the most common foreign nationality in Leiden (${count(largest[0].waarde, "en")} inhabitants on ${day(largest[0].peildatum, "en")}). Inhabitants with a foreign nationality grew by ${percent(growth.waarde, "en")} between ${from} and ${to}.`,
      );
      expect(largest[0].groep).toBe("Pools");
      const residence = sheetOf(plan, "woonduur");
      expect(tableOf(residence, "_woonduur").rows.slice(0, 2).map((r) => r[1])).toEqual([short.waarde, middle.waarde]);
      expect(text(residence, "lead")[0]).toMatch(new RegExp(`^${escape(language === "nl" ? `Meer dan de helft (${percent(short.waarde + middle.waarde, "nl")}) van de Leidenaren` : `More than half (${percent(short.waarde + middle.waarde, "en")}) of Leiden's inhabitants`)}`));
      const settlement = sheetOf(plan, "vestiging");
      expect(lastRow(settlement, "_per_jaar")).toEqual([final.periode, final.waarde, left(final.periode).waarde]);
      expect(text(settlement, "lead")[0]).toBe(
        language === "nl"
          ? `In ${more} van de ${settled.length} jaren van ${settled[0].periode} tot en met ${final.periode} vestigden zich meer internationals in Leiden dan er vertrokken. In ${final.periode} vestigden zich ${count(final.waarde, "nl")} internationals en vertrokken er ${count(left(final.periode).waarde, "nl")}.`
          : `In ${more} of the ${settled.length} years from ${settled[0].periode} to ${final.periode} more internationals settled in Leiden than left. In ${final.periode}, ${count(final.waarde, "en")} settled and ${count(left(final.periode).waarde, "en")} left.`,
      );
      const holders = figureIn(pkg, { indicator: "statushouders", groep: "statushouders", eenheid: "aantal" });
      expect(text(sheetOf(plan, "statushouders"), "lead")[0]).toBe(language === "nl" ? `Op ${day(holders.peildatum, "nl")} wonen er ${count(holders.waarde, "nl")} statushouders in Leiden.` : `On ${day(holders.peildatum, "en")}, ${count(holders.waarde, "en")} status holders lived in Leiden.`);
    }
  });

  it("a pull of several municipalities: the comparisons name what their tables hold, each lead its own municipality's figures", async () => {
    const { pkg, edition } = await fromCbs(["Leiden", "Delft"]);
    const year = latestOf(pkg, { indicator: "inwoners", gebied: "Delft", groep: FOREIGN, eenheid: "aantal" }).periode;
    const share = (gebied: string) => figureIn(pkg, { indicator: "aandeel", gebied, groep: FOREIGN, periode: year }).waarde;
    const rank = (gebied: string) => figureIn(pkg, { indicator: "rang", gebied, groep: FOREIGN, periode: year }).waarde;
    const foreign = (gebied: string) => figureIn(pkg, { indicator: "inwoners", gebied, groep: FOREIGN, periode: year, eenheid: "aantal" }).waarde;
    for (const language of ["nl", "en"] as const) {
      const plan = buildPlan(pkg, { language, edition });
      const netherlands = language === "nl" ? "Nederland" : "the Netherlands";
      expect(tableOf(sheetOf(plan, "regio"), "_gemeenten").rows).toEqual([
        ["Leiden", share("Leiden")],
        ["Delft", share("Delft")],
        [netherlands, share("Nederland")],
      ]);
      const comparison = sheetOf(plan, "gebied-vergelijking");
      expect(text(comparison, "title")).toEqual([language === "nl" ? "Leiden en Delft vergeleken met Nederland" : "Leiden and Delft compared with the Netherlands"]);
      expect(tableOf(comparison, "_rang").rows.map((r) => r.slice(0, 2))).toEqual([
        ["Leiden", rank("Leiden")],
        ["Delft", rank("Delft")],
      ]);
      expect(text(sheetOf(plan, "bevolking"), "lead")[0]).toBe(
        language === "nl"
          ? `In Leiden heeft ${percent(share("Leiden"), "nl")} van de inwoners een buitenlandse nationaliteit. Op ${day(`${year}-01-01`, "nl")} zijn dat ${count(foreign("Leiden"), "nl")} inwoners met een buitenlandse nationaliteit.`
          : `In Leiden, ${percent(share("Leiden"), "en")} of inhabitants have a foreign nationality. On ${day(`${year}-01-01`, "en")}, that was ${count(foreign("Leiden"), "en")} inhabitants with a foreign nationality.`,
      );
      expect(text(sheetOf(plan, "regio"), "lead")[0]).toMatch(new RegExp(`^${escape(language === "nl" ? `Leiden staat op plek ${rank("Leiden")} van de gemeenten` : `Leiden ranks ${ordinalEn(rank("Leiden"))} among Dutch municipalities`)}`));
      expect(text(sheetOf(plan, "gebied-delft-bevolking"), "lead")[0]).toContain(language === "nl" ? `${count(foreign("Delft"), "nl")} inwoners van Delft` : `${count(foreign("Delft"), "en")} inhabitants of Delft`);
    }
  });
});

/** Words that give a Dutch text away, as whole words. */
const DUTCH_WORDS = /\b(de|het|een|van|en|met|naar|voor|jaar|jaren|geen|inwoners|nationaliteit(en)?|peildatum|bron|pagina|blad|tabel(len)?|gemeenten?|leeftijd|groep|gebied|aandeel|groei|plek|vergeleken|studiejaar|coronajaar|zinnen|cijfers|werknemers|kinderen|studenten|herkomst|Nederlandse|buitenlandse|totaal|overig|Nederland)\b/i;

/** Every text of an English workbook, without the names the data gives (sources as English citations name them, the edition's title, groups and areas without an English name, the contract's column names). */
function englishTexts(plan: WorkbookPlan, pkg: MonitorPackage, edition: Edition): string[] {
  const store = new MonitorStore(pkg);
  const names = [
    edition.title,
    edition.title.replace(/^Monitor Internationalisering:\s*/, ""), // the report, as the source lines cite it
    ...pkg.sources.map((s) => citationOf(s, s.id, "en")), // names, but an English one where the data gives it: "BRP, gemeente Leiden" is Dutch
    ...[...new Set(pkg.observations.flatMap((o) => [o.groep, o.gebied]))].filter((name) => store.groupNames.label(name, "en") === name && !AREAS.some((a) => a.nl === name && a.en !== name)),
    ...[...OBSERVATION_COLUMNS, ...INDICATOR_COLUMNS, ...SOURCE_COLUMNS].map((c) => c.name),
    ...Object.values(TABLE_NAMES),
    "(herkomst)", // the Dutch term, named once where the English lead explains it
  ].filter(Boolean).sort((a, b) => b.length - a.length);
  const pivot = planPivot(pkg, "en");
  const texts = [
    ...[plan.properties.title, plan.properties.subject, plan.properties.keywords, plan.properties.description],
    pivot.sheetName,
    ...pivot.texts,
    ...plan.sheets.flatMap((s) => [s.name, ...s.texts.map((t) => t.text), ...s.tables.flatMap((t) => [...t.header, ...t.rows.map((r) => String(r[0]))]), ...s.charts.flatMap((c) => [c.title, c.categoryAxisTitle ?? "", c.valueAxisTitle ?? "", c.altText])]),
  ];
  const asWords = names.map((name) => new RegExp(`(?<![\\p{L}\\d])${escape(name)}(?![\\p{L}\\d])`, "gu"));
  return texts.map((t) => asWords.reduce((rest, name) => rest.replace(name, () => " "), t));
}

describe("every English text is English", () => {
  it("finds a Dutch word where there is one", () => {
    expect(["Bron: BRP.", "Groei sinds 2012", "18 jaar", "geen"].filter((t) => DUTCH_WORDS.test(t))).toHaveLength(4);
    expect(DUTCH_WORDS.test("Growth since 2012 among the inhabitants of Leiden")).toBe(false);
  });

  it("has no Dutch word on any sheet, chart or property of an English workbook (the 2022 and 2023 editions, CBS figures for one and for several municipalities)", async () => {
    const workbooks: [MonitorPackage, Edition][] = [[shippedPackage(), SHIPPED_EDITION], [edition2023(), EDITION_2023]];
    for (const areas of [["Delft"], ["Leiden", "Delft"]]) {
      const { pkg, edition } = await fromCbs(areas);
      workbooks.push([pkg, edition]);
    }
    for (const [pkg, edition] of workbooks) {
      const plan = buildPlan(pkg, { language: "en", edition });
      const dutch = englishTexts(plan, pkg, edition).filter((t) => DUTCH_WORDS.test(t));
      expect({ edition: edition.name, dutch }).toEqual({ edition: edition.name, dutch: [] });
    }
  });

  it("cites every source of the 2022 and 2023 editions by an English name in English ('BRP, municipality of Leiden'), its Dutch citation in Dutch", () => {
    for (const pkg of [shippedPackage(), edition2023()]) {
      expect(pkg.sources.map((s) => citationOf(s, s.id, "en")).filter((name) => DUTCH_WORDS.test(name))).toEqual([]);
      expect(pkg.sources.map((s) => citationOf(s, s.id, "nl"))).toEqual(pkg.sources.map((s) => s.citeernaam));
    }
    const source = shippedPackage().sources.find((s) => s.id === "Decisio");
    expect([citationOf(source, "Decisio", "nl"), citationOf(source, "Decisio", "en")]).toEqual(["Decisio, in opdracht van Expat Centre Leiden", "Decisio, commissioned by Expat Centre Leiden"]);
    // A source without an English citation (a package from before the column, a CBS pull) is cited as the data writes it.
    expect(citationOf({ ...(source as Source), citeernaamEn: "" }, "Decisio", "en")).toBe("Decisio, in opdracht van Expat Centre Leiden");
    expect(citationOf(undefined, "Onbekend", "en")).toBe("Onbekend");
  });
});
