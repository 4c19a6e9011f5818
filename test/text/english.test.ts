import { EXCEL } from "../../src/text/excel";
import { FUNCTIONS } from "../../src/text/functions";
import { PANE } from "../../src/text/pane";
import { PANE_OUTCOMES } from "../../src/text/outcomes";
import { AnyMessage, Phrase, say, textOf } from "../../src/text/message";
import type { Reference } from "../../src/text/references";

/**
 * Every English text is English: each phrase of the phrasebooks of the functions, the Excel
 * actions and the pane, rendered in English with sample parameters, holds no tell-tale Dutch
 * word. Data names (a sheet, a group, a contract column such as MonitorData) may appear, quoted
 * or as the contract's names; the samples below use neutral names so that any Dutch is the
 * phrase's own. Every phrase needs a sample, so a new phrase is checked too.
 */
const DUTCH = [
  "aantal", "aangeraakt", "annuleren", "bedoelt", "beschikbaar", "bewaard", "bezig", "bijgewerkt", "blad", "bladen", "bron", "bronnen", "cijfer", "cijfers",
  "de", "draaitabel", "een", "eigen", "en", "geen", "gebruik", "gegevens", "gemeente", "gemeenten", "groep", "groepen", "heeft", "het", "jaar", "jaren", "kies",
  "klaar", "kolom", "met", "moet", "naar", "niet", "nieuw", "nog", "ontbreekt", "onbekend", "onbekende", "ongeldig", "ongeldige", "op", "ophalen", "opnieuw",
  "overgeslagen", "peildatum", "periode", "rij", "rijen", "staat", "studiejaar", "tabel", "tabellen", "tot", "u", "uit", "uw", "van", "vervangen", "voor", "wel",
  "werkmap", "wordt", "zijn", "zonder",
];
/** The contract's table and column names (DESIGN.md), as written with their capital: data names, Dutch in every language. */
const CONTRACT_NAMES =
  /\b(MonitorData|MonitorIndicatoren|MonitorBronnen|Onderwerp|Indicator|Gebied|Groep|Leeftijd|Periode|Waarde|Eenheid|Bron|Peildatum|Status|Pagina|Toelichting|Jaar|Bovengroep|Gebiedscode)\b/g;

/** The Dutch words of an English text, outside quoted names and the contract's names. */
function dutchWords(text: string): string[] {
  const bare = text.replace(/'[^']*'/g, " ").replace(/"[^"]*"/g, " ").replace(CONTRACT_NAMES, " ");
  return (bare.toLowerCase().match(/[a-zà-ÿ]+/g) ?? []).filter((word) => DUTCH.includes(word));
}

/** What may point into a kept sheet, each kind, several, and what could not be checked (src/text/references.ts). */
const REFERENCED: Reference[][] = [
  [{ kind: "formula", sheet: "Analysis" }],
  [{ kind: "conditionalFormat", sheet: "Analysis" }],
  [{ kind: "validation", sheet: "Analysis" }],
  [{ kind: "chart", sheet: "Analysis", chart: "Chart 1" }],
  [{ kind: "pivot", pivot: "PivotTable1" }],
  [{ kind: "name", name: "Short_stay" }],
  [{ kind: "formula", sheet: "Analysis" }, { kind: "pivot", pivot: "PivotTable1" }, { kind: "name", name: "A" }, { kind: "name", name: "B" }],
  [{ kind: "unchecked", what: "formulas" }],
  [{ kind: "unchecked", what: "rules" }],
  [{ kind: "unchecked", what: "charts" }],
  [{ kind: "unchecked", what: "pivots" }],
];
const cell = say(FUNCTIONS.theCell, { indicator: "kinderen", group: "Italiaans", age: "0-3", area: "Nederland", unit: "aantal" });
const SAMPLES: Record<string, unknown> = {
  "functions.argumentMissing": { argument: { nl: "groep", en: "group" } },
  "functions.argumentNotText": { argument: { nl: "groep", en: "group" }, given: { kind: "range" } },
  "functions.argumentNotWholeNumber": { argument: { nl: "n", en: "n" }, given: { kind: "boolean", value: false } },
  "functions.invalidPeriod": [
    { argument: { nl: "jaar", en: "year" }, given: { kind: "value", text: "last year" } },
    { argument: { nl: "jaar", en: "year" }, given: { kind: "number", value: 2022.5 } },
  ],
  "functions.unknownLanguage": { typed: "fr" },
  "functions.unknownName": [
    { kind: "area", name: "Amsterdm", suggestion: "Nederland", choices: [] },
    { kind: "age", name: "0-4", suggestion: null, choices: ["0-3", "4-11"] },
  ],
  "functions.giveGroup": [{ indicator: "settlement", groups: ["Italiaans", "Duits"] }, { indicator: "settlement", groups: [] }],
  "functions.noParent": { group: "inwoners" },
  "functions.notParent": { of: "Duits", group: "Italiaans", parents: ["buitenlandse nationaliteit", "inwoners"] },
  "functions.noFigure": [{ what: cell, period: "2021", periods: ["2022"] }, { what: say(FUNCTIONS.theCount, { group: "Duits" }), period: "2020", periods: [] }],
  "functions.theCell": [{ indicator: "kinderen", group: "Italiaans", age: "0-3", area: "Nederland", unit: "aantal" }, { indicator: "inwoners", group: "Turks", age: "", area: "", unit: "" }],
  "functions.theCount": { group: "inwoners" },
  "functions.theShare": { group: "Italiaans", of: "buitenlandse nationaliteit" },
  "functions.theNationalities": undefined,
  "functions.noGrowth": [{ group: "Duits", from: "2021", to: "2022", counts: ["2021"], spans: [] }],
  "functions.noSeries": { indicator: "inwoners", group: "Pools", area: "Nederland", unit: "aantal", groups: ["Italiaans"] },
  "functions.topTooMany": [{ n: 10, known: 9, period: "2022", area: "Leiden" }, { n: 2, known: 1, period: "2024", area: "Nederland" }],
  "functions.invalidCount": { n: 0 },
  "functions.invalidWorkbook": [{ first: "Row 3, column Waarde: not a number.", more: 2 }, { first: say(FUNCTIONS.unexpected), more: 0 }],
  "functions.tablesUnread": { why: say(EXCEL.readRefused, { code: "GeneralException", reading: { what: "tables", sheet: "Data" } }) },
  "functions.citeReferenceDate": { source: "BRP, Leiden", date: "2022-01-01" },
  "functions.citePeriod": [{ source: "Nuffic", period: "2021/2022" }, { source: "ABF", period: "2011-2020" }],
  "functions.unexpected": undefined,

  "excel.readingWorkbook": undefined,
  "excel.readRefused": [
    { code: "GeneralException", reading: { what: "workbook" } },
    { code: "ItemNotFound", reading: { what: "sheets", sheets: ["Population"] } },
    { code: "ResponsePayloadSizeLimitExceeded", reading: { what: "sheets", sheets: ["Population", "Residence"] } },
    { code: "GeneralException", reading: { what: "tables", sheet: "Data" } },
    { code: "GeneralException", reading: { what: "tables", sheet: null } },
    { code: "GeneralException", reading: { what: "memory" } },
  ],
  "excel.buildingSheet": { sheet: "Population" },
  "excel.writingToExcel": undefined,
  "excel.markingSheets": undefined,
  "excel.done": undefined,
  "excel.sheetClashSkipped": { theirs: "Population" },
  "excel.sheetClashRenamed": { theirs: "Population", ours: "Population (monitor)" },
  "excel.renamedSheetRebuilt": { was: "Old", now: "Repats" },
  "excel.tableNamesTaken": [{ tables: ["lm_a"] }, { tables: ["lm_a", "lm_b"] }],
  "excel.keptSheet": [
    ...REFERENCED.map((by) => ({ why: "referenced", name: "Residence 2026-11-25", was: "Residence", by, moves: true })),
    ...(["copy", "edited", "referenced", "unproven"] as const).flatMap((why) => [
      { why, name: "Residence 2026-11-25", was: "Residence" },
      { why, name: "Residence", was: "Residence" },
    ]),
    { why: "unseen", name: "Residence 2026-11-25", was: "Residence", unseen: ["notes", "chart colours"] },
  ],
  "excel.regenerateUndone": [{ refusal: "InsertDeleteConflict: refused" }, { refusal: "InsertDeleteConflict: refused", left: [{ sheet: "Data", ranges: ["A1:P21"] }] }],
  "excel.regenerateUndoRefused": [
    { refusal: "GeneralException: refused", certain: true, partly: ["Population"], renamed: [{ name: "Residence 2026-11-25", was: "Residence" }], tables: [{ name: "lm_x_oud", was: "lm_x" }] },
    { refusal: "GeneralException: refused", certain: false, partly: ["Population", "Residence"], renamed: [{ name: "~Population", was: "Population" }, { name: "~Residence", was: "Residence" }], tables: [] },
    { refusal: "GeneralException: refused", certain: true, partly: [], renamed: [], tables: [] },
    { refusal: "GeneralException: refused", certain: false, partly: ["Population"], renamed: [], tables: [], edited: { sheet: "Population", cell: "B6" } },
  ],
  "excel.firstLoadEditedMeanwhile": [
    { sheet: "Data", cell: "G61", kept: [] },
    { sheet: "Data", cell: "G61", kept: [{ name: "Data 2026-11-25", was: "Data" }] },
  ],
  "excel.regenerateEditedMeanwhile": [
    { sheet: "Population", cell: "B6", kept: [] },
    { sheet: "Population", cell: "B6", kept: [{ name: "Population 2026-11-25", was: "Population" }] },
    { sheet: "Population", cell: "B6", kept: [{ name: "Population 2026-11-25", was: "Population" }, { name: "Residence 2026-11-25", was: "Residence" }] },
    { sheet: "Data", cell: "B6", kept: [], left: [{ sheet: "Data", ranges: ["A1:P21", "R1:U4"] }] },
  ],
  "excel.regenerateSwapRefused": [
    { refusal: "GeneralException: refused", certain: true, leftovers: [{ name: "~Population", was: "Population" }] },
    { refusal: "GeneralException: refused", certain: false, leftovers: [{ name: "~Population", was: "Population" }, { name: "~Residence", was: "Residence" }] },
    { refusal: "GeneralException: refused", certain: true, leftovers: [] },
  ],
  "excel.noTableForPivot": { table: "MonitorData" },
  "excel.noFreeSheetName": { theirs: "Pivot" },
  "excel.pivotClash": { theirs: "Pivot", ours: "Pivot (monitor)" },
  "excel.earlierPivotSheetKept": [{ sheets: ["Pivot (2)"] }, { sheets: ["Pivot (2)", "Pivot (3)"] }],
  "excel.pivotRefused": [{ refusal: "Excel: InvalidArgument", begun: true }, { refusal: "Excel: ItemAlreadyExists", begun: false }],
  "excel.pivotRefreshByHand": undefined,
  "excel.pivotRefusedSheetLeft": [
    { refusal: "Excel: InvalidArgument", sheet: "Pivot", certain: true, pivot: true },
    { refusal: "Excel: InvalidArgument", sheet: "Pivot", certain: true, pivot: false },
    { refusal: "Excel: GeneralException", sheet: "Pivot", certain: false, pivot: false },
  ],
  "excel.noFreeDataSheetName": { theirs: "Data" },
  "excel.definedNameTaken": { name: "MonitorData" },
  "excel.tableMissing": { table: "MonitorBronnen" },
  "excel.tableCannotGrow": { table: "MonitorData", blocking: "Table1" },
  "excel.rowLimit": { table: "MonitorData", sheet: "Data", rows: 1048577, limit: 1048576 },
  "excel.lookLeft": { sheet: "Data", ranges: ["A1:P21", "R1:U4"] },
  "excel.theirsKept": [
    { sheet: "Data", cells: ["G6"], more: 0 },
    { sheet: "Data", cells: ["G6", "B10:D10"], more: 3 },
    { sheet: "Data 2026-11-25", cells: ["G6"], more: 0, was: "Data" },
  ],
  "excel.rowTooLarge": { sheet: "Mijn analyse", row: 2005 },
  "excel.tableGone": [{ table: "MonitorData", renamedTo: "MyData" }, { table: "MonitorBronnen", renamedTo: null }],
  "excel.writeRunning": [{ asked: "regenerate", running: "pull" }, { asked: "pull", running: "regenerate" }, { asked: "pivot", running: "pull" }],

  "pane.cbsFigures": [
    { municipalities: [{ name: "Delft", years: ["2020", "2021"] }, { name: "Utrecht", years: ["2020", "2021"] }], origin: "https://example.org/odata" },
    { municipalities: [{ name: "Delft", years: ["2012", "2013", "2020"] }], origin: null },
    { municipalities: [{ name: "Delft", years: ["2020"] }, { name: "Utrecht", years: ["2012", "2013"] }] },
  ],
  "pane.cbsTitle": [{ n: 1 }, { n: 2 }],
  "pane.cbsRequest": { count: 1253 },
  "pane.cbsRemove": { area: "Delft" },
  "pane.cbsUnknown": [{ name: "Delf", suggestion: "Delft" }, { name: "Xyz", suggestion: null }],
  "pane.cbsAmbiguous": { name: "Bergen", candidates: ["Bergen (L.)", "Bergen (NH.)"] },
  "pane.refreshHelp": { where: "https://example.org/datapackage.json" },
  "pane.comparisonSummary": [{ added: 1253, changed: 1, removed: 0, kept: 1, unchanged: 4 }, { added: 0, changed: 0, removed: 2, kept: 3, unchanged: 0 }],
  "pane.addedItem": { what: "settlement · Italian · 2022", value: "1,253" },
  "pane.changedFigure": { what: "settlement · Italian · 2022", from: "1,253", to: "1,254" },
  "pane.removedItem": { what: "settlement · Italian · 2022", value: "1,253" },
  "pane.removedByYouItem": { what: "settlement · Italian · 2022", value: "1,253" },
  "pane.removedByYouNew": { what: "settlement · Italian · 2022", value: "1,301" },
  "pane.removedByYouKept": [{ n: 1 }, { n: 112 }],
  "pane.keptOwn": { what: "settlement · Italian · 2022", value: "1,253" },
  "pane.keptEdit": { what: "settlement · Italian · 2022", value: "1,253", source: "1,254" },
  "pane.keptOther": { what: "settlement · Italian · 2022", value: "1,253", from: "CBS", source: "–" },
  "pane.othersKept": [{ n: 1 }, { n: 112 }],
  "pane.changedColumns": [{ what: "Italiaans · Leiden · 2022 (inwoners)", value: "1,253", columns: ["Toelichting"] }, { what: "Italiaans · Leiden · 2022 (inwoners)", value: "1,253", columns: ["Toelichting", "Pagina"] }],
  "pane.keptColumns": [{ what: "Italiaans · Leiden · 2022 (inwoners)", value: "1,253", columns: ["Toelichting"] }, { what: "Italiaans · Leiden · 2022 (inwoners)", value: "1,253", columns: ["Toelichting", "Status"] }],
  "pane.outsideKept": [{ n: 1 }, { n: 2 }],
  "pane.more": { n: 40 },
  "pane.fileAgain": { name: "figures.csv" },
  "pane.pulled": [
    { n: 154, title: "Monitor 2023", total: 1266 },
    { n: 168, title: "CBS StatLine", total: 266, parts: { added: 154, already: 14, changed: 2, stayDeleted: 0 } },
    { n: 3, title: "Monitor 2023", total: 270, parts: { added: 1, already: 1, changed: 0, stayDeleted: 1 } },
  ],
  "pane.pulledPreview": { n: 112, title: "Monitor 2023" },
  "pane.insertedRows": { n: 12 },
  "excel.memoryNotSaved": [{ code: "GeneralException" }, { code: null }],
  "excel.memoryOldPartsLeft": { code: "GeneralException" },
  "excel.sourceNotSaved": [{ code: 5001 }, { code: null }],
  "pane.excelRefused": { code: "GeneralException" },
  "pane.notRecalculated": { code: "GeneralException" },
  "pane.notFollowed": { why: "Excel refused reading the data tables (MonitorData, MonitorIndicatoren, MonitorBronnen) on the sheet 'Data' (Excel: GeneralException). Nothing was changed. Try again." },
  "pane.unexpected": { detail: "Cannot read properties of undefined (reading 'items')" },
  "pane.pivotNotRefreshed": { why: "GeneralException: refused" },
  "pane.pivotDone": [{ sheet: "Pivot", refreshed: true }, { sheet: "Pivot", refreshed: false }],
  "pane.loaded": { n: 112 },
  "pane.readingWorkbook": { percent: 40 },
  "pane.keptItem": [
    ...(["copy", "edited", "referenced", "unproven", "unseen"] as const).flatMap((why) => [
      { why, name: "Residence 2026-11-25", was: "Residence" },
      { why, name: "Residence", was: "Residence" },
    ]),
    ...REFERENCED.map((by) => ({ why: "referenced", name: "Residence 2026-11-25", was: "Residence", by, moves: false })),
  ],
  "pane.withdrawnRemoved": { name: "Residence" },
  "pane.withdrawnKept": [
    ...(["copy", "edited", "referenced", "unproven", "unseen"] as const).map((why) => ({ why, name: "Residence 2026-11-25", was: "Residence" })),
    ...REFERENCED.map((by) => ({ why: "referenced", name: "Residence 2026-11-25", was: "Residence", by })),
  ],
  "pane.summary": [{ built: 11, updated: 0, charts: 21 }, { built: 1, updated: 0, charts: 1 }, { built: 0, updated: 11, charts: 21 }, { built: 2, updated: 1, charts: 1 }],
  "pane.formulaInserted": { address: "Sheet1!A1" },
  "pane.sheetCounts": [{ tables: 1, charts: 1 }, { tables: 3, charts: 0 }],
  "pane.dataClash": { theirs: "Data", ours: "Data (monitor)" },
  "pane.ageBand": { age: "0-17" },
  "pane.statusValue": [{ status: "gerapporteerd" }, { status: "afgeleid" }],
};

// The pane's outcome texts are apart only to load later: their ids are the pane's.
const BOOKS: Record<string, Record<string, Phrase<never>>> = { FUNCTIONS, EXCEL, PANE: { ...PANE, ...PANE_OUTCOMES } } as never;
/** A phrase declared without parameters needs no sample. */
const takesNone = (p: Phrase<never>) => p.nl.length === 0;
const phrases = Object.entries(BOOKS).flatMap(([book, phrasebook]) => Object.values(phrasebook).map((p) => [book, p] as const));

test("every phrase has a sample, and its id names its book", () => {
  for (const [book, p] of phrases) {
    expect(p.id.startsWith(`${book.toLowerCase()}.`)).toBe(true);
    if (!takesNone(p)) expect(Object.keys(SAMPLES)).toContain(p.id);
  }
  expect(new Set(phrases.map(([, p]) => p.id)).size).toBe(phrases.length);
});

test.each(phrases.map(([, p]) => [p.id, p]))("%s reads as English in English", (_id, p) => {
  const sample = SAMPLES[p.id];
  const all = Array.isArray(sample) ? sample : [sample];
  for (const params of all) {
    const message = { phrase: p, params } as AnyMessage;
    const english = textOf(message, "en");
    expect(english.length).toBeGreaterThan(0);
    expect({ english, dutch: dutchWords(english) }).toEqual({ english, dutch: [] });
    // The Dutch text differs, unless it is a name that reads the same in both.
    expect(typeof textOf(message, "nl")).toBe("string");
  }
});

test("the check itself finds Dutch outside quotes, and not in quoted names", () => {
  expect(dutchWords("No figure for the count of inwoners in 2020; beschikbaar: geen.")).toEqual(["beschikbaar", "geen"]);
  expect(dutchWords("Your sheet 'Bladen van de monitor' was left alone; MonitorData is there.")).toEqual([]);
});
