import { CBS } from "../../src/text/cbs";
import { CLI } from "../../src/text/cli";
import { INPUT } from "../../src/text/input";
import { LOAD } from "../../src/text/load";
import { AnyMessage, Phrase, say, textOf } from "../../src/text/message";
import { MUNICIPALITIES } from "../../src/text/municipalities";
import { SOURCES } from "../../src/text/sources";

/**
 * Every phrase of the input's, the sources' and the commands' phrasebooks, said in English with sample
 * parameters, holds no Dutch word. The samples are data as it comes: the contract's table and
 * column names (MonitorData, Waarde, Toelichting) and CBS's names (RegioS, Nationaliteit 'Totaal')
 * stay Dutch and are not on the list below; a phrase that quotes a Dutch term on purpose gives it
 * in parentheses after the English ("a count (aantal)"), also not on the list.
 */
const BOOKS = { INPUT, SOURCES, CBS, LOAD, MUNICIPALITIES, CLI };

/** Words that give Dutch away, as whole words (a space or punctuation around them). */
const DUTCH = ["de", "het", "een", "niet", "geen", "rij", "rijen", "kolom", "jaar", "van", "voor", "met", "naar", "bij", "is geen", "bestand", "gemeente", "gemeenten", "ophalen", "cijfers", "pagina", "werkmap", "opnieuw", "veranderd", "geschreven", "teken", "regel", "kopregel", "tabel", "ontbreekt", "Bedoelt", "waarschijnlijk"];
const dutchIn = (text: string) => DUTCH.filter((word) => new RegExp(`(^|[\\s(,;:'"])${word}($|[\\s).,;:'"?!…])`, "i").test(text));

const nested = say(INPUT.empty);
const what = say(CBS.entitySet, { entity: "TypedDataSet", table: "85644NED" });

/** Sample parameters per phrase id; a phrase without parameters needs none. */
const SAMPLES: Record<string, unknown> = {
  "input.inCell": { table: "MonitorData", row: 5, column: "Waarde", problem: nested },
  "input.notUtf8": { table: "MonitorData", byte: "E9", line: 2 },
  "input.mixedSeparators": { table: "MonitorData" },
  "input.noSeparators": { table: "MonitorData" },
  "input.unclosedQuote": { table: "MonitorData", row: 4 },
  "input.cellCount": { table: "MonitorData", row: 2, cells: 2, columns: 3 },
  "input.columnTwice": { table: "MonitorData", column: "Bron" },
  "input.headerColumns": { table: "MonitorData", missing: ["Bron"], unknown: ["Opmerking"], expected: ["Onderwerp", "Indicator", "Bron"] },
  "input.notADate": { shown: "'morgen'" },
  "input.notANumber": { shown: "'veel'", hint: say(INPUT.decimalPoint) },
  "input.notAWholeNumber": { shown: "'1.5'" },
  "input.notAllowed": { shown: "'procent'", allowed: ["aantal", "aandeel", "groei", "rang", "euro"] },
  "input.wrongForm": { shown: "'2022-23'" },
  "input.noThousandsSeparator": { meant: "1253" },
  "input.decimalPointFor": { meant: "0.116" },
  "input.textTooLong": { length: 32768, max: 32767 },
  "input.forbiddenCharacter": { code: 0x0b, position: 10 },
  "input.countNotWhole": { value: 110.565, meant: 110565 },
  "input.countNegative": { value: -5 },
  "input.shareOutOfRange": { value: 11.6, meant: 0.116 },
  "input.rankInvalid": { value: 0 },
  "input.euroNegative": { value: -30 },
  "input.idTaken": { id: "inwoners", earlier: 2 },
  "input.unknownIndicator": { indicator: "inwonertjes", table: "MonitorIndicatoren" },
  "input.unknownSource": { source: "BRP2", table: "MonitorBronnen" },
  "input.yearMismatch": { given: 2022, period: "2021/2022", kind: "studyYear", year: 2021 },
  "input.duplicateFigure": { first: 3, row: 9, spelled: { first: "Italiaans", later: "italiaans " } },
  "input.tooManyRows": { table: "MonitorData", rows: 1_048_576, sheetRows: 1_048_576 },
  "input.resourceTwice": { count: 2, name: "observations", table: "MonitorData" },
  "input.resourceMissing": { name: "sources", table: "MonitorBronnen" },
  "input.resourcePathNotText": { name: "sources" },
  "input.resourcePath": { name: "sources", wrong: say(INPUT.pathOutside) },
  "sources.tooLarge": { limit: "archiveEntryBytes", what: "editie.zip: observations.csv", limitBytes: 1024 * 1024, sizeBytes: 5 * 1024 * 1024 },
  "sources.timedOut": { host: "data.example.org", ms: 30_000 },
  "sources.stoppedAnswering": { host: "data.example.org", ms: 1000 },
  "sources.connectionLost": { host: "data.example.org" },
  "sources.redirectOutside": { url: "https://a.example/x.csv", final: "https://b.example/x.csv", within: "https://a.example/" },
  "sources.httpStatus": { url: "https://a.example/x.csv", status: 403, statusText: "Forbidden" },
  "sources.offline": { host: "a.example" },
  "sources.corsRefused": { host: "a.example" },
  "sources.unreachable": { host: "a.example" },
  "sources.invalidUrl": { text: "not an address" },
  "sources.onlyHttp": { protocol: "file:" },
  "sources.pathOutsidePackage": { path: "../x.csv" },
  "sources.fetchingDescriptor": { host: "a.example" },
  "sources.webPageNotDescriptor": { origin: "https://a.example/" },
  "sources.fetchingTable": { table: "MonitorData", path: "observations.csv" },
  "sources.notZip": { name: "figures.zip" },
  "sources.damagedZip": { name: "figures.zip" },
  "sources.severalDescriptors": { name: "figures.zip" },
  "sources.noDescriptor": { name: "figures.zip" },
  "sources.missingFromZip": { name: "figures.zip", path: "sources.csv" },
  "sources.fileUnreadable": { name: "figures.csv" },
  "municipalities.ambiguous": { typed: "Bergen", candidates: ["Bergen (L.)", "Bergen (NH.)"] },
  "municipalities.unknown": { typed: "Leidn", table: "85644NED", suggestion: "Leiden" },
  "cbs.notJson": { url: "https://cbs.example/odata" },
  "cbs.notUtf8": { url: "https://cbs.example/odata" },
  "cbs.unexpectedAnswer": { url: "https://cbs.example/odata", wrong: "value" },
  "cbs.afterAttempts": { cause: say(SOURCES.unreachable, { host: "cbs.example" }), attempts: 4 },
  "cbs.retrying": { attempt: 1, of: 3 },
  "cbs.entitySet": { entity: "TypedDataSet", table: "85644NED" },
  "cbs.nextLinkInvalid": { what, link: "::" },
  "cbs.nextLinkElsewhere": { what, next: "https://elsewhere.example/odata", here: "https://cbs.example/odata" },
  "cbs.tooManyPages": { what, max: 500 },
  "cbs.pageTooLarge": { what, rows: 300_000, asked: 5000 },
  "cbs.samePage": { what },
  "cbs.countChanged": { what, before: 10, after: 12 },
  "cbs.tooManyRows": { what, max: 500_000 },
  "cbs.incomplete": { what, reported: 60, given: 50 },
  "cbs.notACount": { table: "85644NED", cell: "Delft (GM0503), 2022, Nationaliteit 'Totaal' (T001059)", measure: "Bevolking_1", given: { text: "1234" } },
  "cbs.startAfterEnd": { from: 2024, to: 2012 },
  "cbs.noYear": { table: "85644NED", year: 2030, first: "2012", last: "2024" },
  "cbs.noKey": { table: "85644NED", what: "totalSexes", key: "T001038" },
  "cbs.noCategory": { table: "85458NED", dimension: "Herkomstland", title: "Totaal" },
  "cbs.noArea": { table: "85458NED", name: "Leiden", code: "GM0546" },
  "cbs.fetchingDimension": { name: "RegioS", table: "85644NED" },
  "cbs.fetchingTableInfo": { table: "85644NED" },
  "cbs.fetchingNationality": { areas: ["Leiden", "Delft"], from: 2012, to: 2024 },
  "cbs.fetchingHerkomst": { from: "2022", to: "2024" },
  "cbs.noFigures": { area: "Leiden", year: "2025" },
  "cbs.noHerkomstFigures": { area: "Leiden", year: "2025" },
  "cbs.herkomstYearsMissing": { table: "85458NED", years: ["2025"] },
  "cbs.herkomstBefore": { table: "85458NED", since: 2022, from: 2020, to: 2021 },
  "cbs.herkomstNotPulled": { table: "85458NED", since: 2022, from: 2012, to: 2021 },
  "cbs.growthShortened": { missingAtStart: ["2012"], first: "2013", missingAtEnd: ["2025"], last: "2024" },
  "cbs.areaNote": { area: "Leiden", note: say(CBS.noFigures, { area: "Leiden", year: "2025" }) },
  "cli.pullHelp": { table: "85644NED", herkomstTable: "85458NED", herkomstFrom: 2022, defaultUrl: "https://opendata.cbs.nl/ODataApi/odata" },
  "cli.unknownOption": { flag: "--colour", usage: say(CLI.workbookUsage) },
  "cli.needsValue": { flag: "--out", usage: say(CLI.workbookUsage) },
  "cli.languageValue": { value: "fr" },
  "cli.yearValue": { flag: "--van", value: "twaalf" },
  "cli.unknownSource": { source: "statline", usage: say(CLI.pullUsage) },
  "cli.missingOptions": { flags: ["--van", "--tot"], usage: say(CLI.pullUsage) },
  "cli.noMunicipality": { usage: say(CLI.pullUsage) },
  "cli.folderMissing": { path: "/tmp/x/monitor.xlsx", folder: "/tmp/x" },
  "cli.notAFolder": { path: "/tmp/x/monitor.xlsx", folder: "/tmp/x" },
  "cli.isAFolder": { path: "/tmp/x" },
  "cli.outNotEmpty": { out: "/tmp/x" },
  "cli.cannotWrite": { path: "/tmp/x/monitor.xlsx", reason: "permission" },
  "cli.cannotRead": { path: "/tmp/x.zip", reason: "missing" },
  "cli.cannotReadPackage": { reason: say(CLI.noDescriptorIn, { folder: "/tmp/x" }) },
  "cli.noDescriptorIn": { folder: "/tmp/x" },
  "cli.resourceFile": { name: "sources", path: "sources.csv" },
  "cli.linkOutside": { what: say(CLI.resourceFile, { name: "sources", path: "sources.csv" }), folder: "/tmp/x" },
  "cli.resourceOutside": { name: "sources" },
  "cli.resourceAbsent": { name: "sources", path: "sources.csv", folder: "/tmp/x" },
  "cli.fileProblems": { path: "/tmp/x/datapackage.json", problems: [say(INPUT.descriptorNotJson)] },
  "cli.packageUnusable": { location: "https://a.example/datapackage.json", problems: [say(SOURCES.unreachable, { host: "a.example" })] },
  "cli.packageInvalid": { folder: "/tmp/x", problems: [say(INPUT.inCell, { table: "MonitorData", row: 3, column: "Waarde", problem: say(INPUT.notANumber, { shown: "'veel'", hint: say(INPUT.decimalPoint) }) })] },
  "cli.nothingWritten": { problems: [say(CBS.noYear, { table: "85644NED", year: 2001, first: "2010", last: "2025" })] },
  "cli.edition": { title: "Testeditie 2023 (synthetisch)", version: "2023.0.1" },
  "cli.cbsRequest": { count: 1, request: "/85644NED/TableInfos?$top=1250" },
  "cli.wroteWorkbook": { out: "/tmp/monitor.xlsx", kb: 812, sheets: 12, charts: 21, figures: 112, ms: 900 },
  "cli.wrotePull": { out: "/tmp/cbs", figures: 1200, places: "Leiden, Delft", from: 2012, to: 2024, tables: "85644NED, 85458NED", requests: 16, folder: "cbs" },
  "cli.catalogueSummary": { figures: 112, reported: 80, indicators: 20, sources: 7 },
  "cli.failed": { system: "ENOSPC: no space left on device" },
  "load.editedMeanwhile": { table: "MonitorData", row: 12, commentsRemade: true, short: true },
  "load.putBackShort": {
    tables: ["MonitorData", "MonitorBronnen"],
    sheet: "Data",
    unchecked: { cells: 2_000_000, areas: 20_000 },
    left: [{ kind: "conditionalFormat", sheet: "Analysis" }, { kind: "chart", sheet: "Analysis", chart: "Chart 1" }],
    edited: [{ kind: "validation", sheet: "Analysis" }],
    deleted: [{ kind: "chart", sheet: "Analysis", chart: "Chart 2" }],
  },
  "load.notesAddedMeanwhile": { table: "MonitorData", sheet: "Data", notes: 1, comments: 2, commentsRemade: true, short: true },
  "load.commentTooLarge": { sheet: "Data", cell: "G5" },
  "load.tableFiltered": { table: "MonitorData" },
  "load.deleteRefused": { tables: ["MonitorData", "MonitorBronnen"], sheet: "Data", rows: 1200, refusal: "Excel: InsertDeleteConflict", commentsRemade: true, short: true },
  "load.growthRefused": { table: "MonitorData", sheet: "Data", rows: 1200, refusal: "Excel: InsertDeleteConflict" },
  "load.cellsBesideDeletedRows": { table: "MonitorData", sheet: "Data", rows: 3, cells: ["Q5", "Q7:Q9", "Q12", "Q14", "BC20"], more: 4 },
  "load.commentsRemade": { table: "MonitorData", sheet: "Data", cells: ["G5", "C52", "G92", "G130", "M2001"], more: 2 },
  "load.notesNotKnown": { table: "MonitorData", sheet: "Data", cells: ["G5", "H5"], more: 3 },
  "load.excelRefused": { refusal: "InsertDeleteConflict: The operation could not be completed.", commentsRemade: true, short: true },
  "load.undoRefused": { refusal: "GeneralException: refused", sheet: "Data", first: false },
};

const phrases = Object.values(BOOKS).flatMap((book) => Object.values(book) as Phrase<unknown>[]);
const message = (p: Phrase<unknown>): AnyMessage => ({ phrase: p, params: SAMPLES[p.id] });

describe("the input's and the sources' phrases in English", () => {
  it("have ids of their own", () => {
    const ids = phrases.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(phrases.map((p) => [p.id, p] as const))("%s holds no Dutch word in English", (_id, p) => {
    const english = textOf(message(p), "en");
    expect(english.trim()).not.toBe("");
    expect(dutchIn(english)).toEqual([]);
    // And the Dutch is another text: a phrase that forgot its English would read the same.
    expect(english).not.toBe(textOf(message(p), "nl"));
  });

  it("the list of tell-tale words catches the Dutch texts themselves", () => {
    const caught = phrases.filter((p) => dutchIn(textOf(message(p), "nl")).length > 0);
    // Nearly every Dutch text has one of the words; a few are too short to tell ("Klaar").
    expect(caught.length).toBeGreaterThan(phrases.length * 0.8);
  });
});
