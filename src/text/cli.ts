import { formatNumber } from "../data/format";
import type { Language } from "../data/types";
import { AnyMessage, phrase, textOf } from "./message";

/**
 * The words of the commands (`npm run workbook`, `npm run pull`, scripts/): usage, help, what
 * was written and why nothing was. A command speaks its `--lang` (Dutch unless told). Options
 * (--gebied, --van, --tot) and settings keep their names; a system's own reason (a file
 * system's message) is quoted as it is.
 */

/** A count as the command prints it: 1.000.000 in Dutch, 1,000,000 in English. */
const nl = (n: number) => formatNumber(n, 0, "nl");
const en = (n: number) => formatNumber(n, 0, "en");

/** Problems as lines under a sentence: "- …" each, in the command's language. */
const lines = (problems: readonly AnyMessage[], language: Language) => problems.map((p) => `- ${textOf(p, language)}`).join("\n");

const WORKBOOK_USAGE = {
  nl: "Gebruik: npm run workbook -- [--out BESTAND.xlsx] [--lang nl|en] [--data PAKKETMAP | --data PAKKET.zip | --data https://…/datapackage.json]",
  en: "Usage: npm run workbook -- [--out FILE.xlsx] [--lang nl|en] [--data PACKAGE_DIR | --data PACKAGE.zip | --data https://…/datapackage.json]",
};

const PULL_USAGE = {
  nl: 'Gebruik: npm run pull -- cbs --gebied "Leiden,Delft" --van 2012 --tot 2024 --out MAP [--lang nl|en]',
  en: 'Usage: npm run pull -- cbs --gebied "Leiden,Delft" --van 2012 --tot 2024 --out FOLDER [--lang nl|en]',
};

export const CLI = {
  workbookUsage: phrase("cli.workbookUsage", () => WORKBOOK_USAGE.nl, () => WORKBOOK_USAGE.en),
  pullUsage: phrase("cli.pullUsage", () => PULL_USAGE.nl, () => PULL_USAGE.en),
  pullHelp: phrase<{ table: string; herkomstTable: string; herkomstFrom: number; defaultUrl: string }>(
    "cli.pullHelp",
    ({ table, herkomstTable, herkomstFrom, defaultUrl }) => `${PULL_USAGE.nl}

Haalt bevolkingscijfers van Nederlandse gemeenten op bij CBS StatLine en schrijft ze als een
datapakket van de monitor (datapackage.json + CSV) waar \`npm run workbook -- --data MAP\` een
werkmap van maakt: inwoners naar nationaliteit (tabel ${table}) en, vanaf ${herkomstFrom}, naar herkomst
(tabel ${herkomstTable}, de opvolger van migratieachtergrond), hun aandelen, groei, en de plek van elke
gemeente onder alle Nederlandse gemeenten naar beide aandelen, met Nederland ernaast ter vergelijking.

Opties (alle verplicht, behalve --lang):
  --gebied NAMEN  gemeenten, gescheiden door komma's, met de namen die mensen gebruiken: "Den Haag",
                  "'s-Gravenhage", "Utrecht", "Groningen", "Den Bosch", "Hengelo". Een naam die bij
                  twee gemeenten past ("Bergen") wordt geweigerd met beide genoemd; elke onbekende
                  naam wordt in één keer gemeld, met een suggestie waar die er is.
  --van JAAR      eerste jaar (1 januari), bijvoorbeeld 2012
  --tot JAAR      laatste jaar, bijvoorbeeld 2024; een jaar dat CBS nog niet heeft gevuld, blijft weg en wordt gemeld
  --out MAP       een nieuwe of lege map; helemaal geschreven of helemaal niet
  --lang nl|en    de taal van wat de opdracht meldt (standaard nl)
  --help, -h      deze tekst

Instellingen (omgeving):
  CBS_ODATA_URL              de CBS OData v3 API (standaard ${defaultUrl})
  MONITOR_FETCH_TIMEOUT_MS   wachttijd per verzoek in ms (standaard 60000)
  MONITOR_RETRY_DELAY_MS     eerste wachttijd voor een nieuwe poging in ms, elke keer verdubbeld (standaard 1000)

Een voortgangsregel per verzoek gaat naar stderr; de laatste regel zegt wat er is geschreven.
Bron: CBS StatLine, open data onder CC BY 4.0.`,
    ({ table, herkomstTable, herkomstFrom, defaultUrl }) => `${PULL_USAGE.en}

Pulls population figures for Dutch municipalities from CBS StatLine and writes them as a monitor
data package (datapackage.json + CSV) that \`npm run workbook -- --data FOLDER\` renders:
inhabitants by nationality (table ${table}) and, from ${herkomstFrom}, by origin (herkomst, table ${herkomstTable}, the
successor of migration background), their shares, growth, and each municipality's rank among all
Dutch municipalities by both shares, with the Netherlands beside them for comparison.

Options (all required but --lang):
  --gebied NAMES  municipalities, separated by commas, by the names people use: "Den Haag",
                  "'s-Gravenhage", "Utrecht", "Groningen", "Den Bosch", "Hengelo". A name that
                  fits two municipalities ("Bergen") is refused with both named; every unknown
                  name is reported at once, with a suggestion where one fits.
  --van YEAR      first year (1 January), e.g. 2012
  --tot YEAR      last year, e.g. 2024; a year CBS has not filled yet is left out and said so
  --out FOLDER    a new or empty folder; written whole or not at all
  --lang nl|en    the language the command reports in (default nl)
  --help, -h      this text

Settings (environment):
  CBS_ODATA_URL              the CBS OData v3 API (default ${defaultUrl})
  MONITOR_FETCH_TIMEOUT_MS   time-out per request in ms (default 60000)
  MONITOR_RETRY_DELAY_MS     first wait before a retry in ms, doubled each time (default 1000)

A progress line per request goes to stderr; the last line says what was written.
Source: CBS StatLine, open data under CC BY 4.0.`,
  ),

  // Arguments
  unknownOption: phrase<{ flag: string; usage: AnyMessage }>(
    "cli.unknownOption",
    ({ flag, usage }) => `Onbekende optie '${flag}'.\n${textOf(usage, "nl")}`,
    ({ flag, usage }) => `Unknown option '${flag}'.\n${textOf(usage, "en")}`,
  ),
  needsValue: phrase<{ flag: string; usage: AnyMessage }>(
    "cli.needsValue",
    ({ flag, usage }) => `Optie ${flag} heeft een waarde nodig.\n${textOf(usage, "nl")}`,
    ({ flag, usage }) => `Option ${flag} needs a value.\n${textOf(usage, "en")}`,
  ),
  languageValue: phrase<{ value: string }>("cli.languageValue", ({ value }) => `--lang is nl of en, niet '${value}'.`, ({ value }) => `--lang takes nl or en, not '${value}'.`),
  yearValue: phrase<{ flag: string; value: string }>(
    "cli.yearValue",
    ({ flag, value }) => `${flag} is een jaar zoals 2012, niet '${value}'.`,
    ({ flag, value }) => `${flag} takes a year such as 2012, not '${value}'.`,
  ),
  unknownSource: phrase<{ source: string; usage: AnyMessage }>(
    "cli.unknownSource",
    ({ source, usage }) => `Onbekende bron '${source}'; de bron om uit op te halen is 'cbs'.\n${textOf(usage, "nl")}`,
    ({ source, usage }) => `Unknown source '${source}'; the source to pull from is 'cbs'.\n${textOf(usage, "en")}`,
  ),
  missingOptions: phrase<{ flags: string[]; usage: AnyMessage }>(
    "cli.missingOptions",
    ({ flags, usage }) => `Ontbrekende optie(s): ${flags.join(", ")}.\n${textOf(usage, "nl")}`,
    ({ flags, usage }) => `Missing ${flags.join(", ")}.\n${textOf(usage, "en")}`,
  ),
  noMunicipality: phrase<{ usage: AnyMessage }>(
    "cli.noMunicipality",
    ({ usage }) => `--gebied noemt ten minste één gemeente.\n${textOf(usage, "nl")}`,
    ({ usage }) => `--gebied names at least one municipality.\n${textOf(usage, "en")}`,
  ),

  // Where to write, and what to read
  folderMissing: phrase<{ path: string; folder: string }>(
    "cli.folderMissing",
    ({ path, folder }) => `Kan ${path} niet schrijven: de map ${folder} bestaat niet.`,
    ({ path, folder }) => `Cannot write ${path}: the folder ${folder} does not exist.`,
  ),
  notAFolder: phrase<{ path: string; folder: string }>(
    "cli.notAFolder",
    ({ path, folder }) => `Kan ${path} niet schrijven: ${folder} is geen map.`,
    ({ path, folder }) => `Cannot write ${path}: ${folder} is not a folder.`,
  ),
  isAFolder: phrase<{ path: string }>("cli.isAFolder", ({ path }) => `Kan ${path} niet schrijven: het is een map.`, ({ path }) => `Cannot write ${path}: it is a folder.`),
  outNotEmpty: phrase<{ out: string }>(
    "cli.outNotEmpty",
    ({ out }) => `${out} bestaat en is geen lege map; kies een nieuwe map.`,
    ({ out }) => `${out} exists and is not an empty folder; choose a new folder.`,
  ),
  cannotWrite: phrase<{ path: string; reason: "permission" | { system: string } }>(
    "cli.cannotWrite",
    ({ path, reason }) => `Kan ${path} niet schrijven: ${reason === "permission" ? "geen toestemming om daar te schrijven" : reason.system}.`,
    ({ path, reason }) => `Cannot write ${path}: ${reason === "permission" ? "no permission to write there" : reason.system}.`,
  ),
  cannotRead: phrase<{ path: string; reason: "missing" | "permission" | { system: string } | { message: AnyMessage } }>(
    "cli.cannotRead",
    ({ path, reason }) =>
      `Kan ${path} niet lezen: ${reason === "missing" ? "dat bestand bestaat niet" : reason === "permission" ? "geen toestemming om het te lezen" : "system" in reason ? reason.system : textOf(reason.message, "nl")}`,
    ({ path, reason }) =>
      `Cannot read ${path}: ${reason === "missing" ? "there is no such file" : reason === "permission" ? "no permission to read it" : "system" in reason ? reason.system : textOf(reason.message, "en")}`,
  ),
  cannotReadPackage: phrase<{ reason: AnyMessage }>(
    "cli.cannotReadPackage",
    ({ reason }) => `Kan het datapakket niet lezen: ${textOf(reason, "nl")}`,
    ({ reason }) => `Cannot read the data package: ${textOf(reason, "en")}`,
  ),

  // scripts/lib/read-package.ts: a package folder on disk
  noDescriptorIn: phrase<{ folder: string }>("cli.noDescriptorIn", ({ folder }) => `Geen datapackage.json in '${folder}'.`, ({ folder }) => `No datapackage.json in '${folder}'.`),
  resourceFile: phrase<{ name: string; path: string }>(
    "cli.resourceFile",
    ({ name, path }) => `Het bestand van resource '${name}' ('${path}')`,
    ({ name, path }) => `Resource '${name}' ('${path}')`,
  ),
  linkOutside: phrase<{ what: AnyMessage | string; folder: string }>(
    "cli.linkOutside",
    ({ what, folder }) => `${typeof what === "string" ? what : textOf(what, "nl")} is een koppeling naar een bestand buiten de pakketmap '${folder}'; het is niet gelezen.`,
    ({ what, folder }) => `${typeof what === "string" ? what : textOf(what, "en")} is a link to a file outside the package folder '${folder}'; it was not read.`,
  ),
  resourceOutside: phrase<{ name: string }>(
    "cli.resourceOutside",
    ({ name }) => `Resource '${name}' wijst buiten de pakketmap.`,
    ({ name }) => `Resource '${name}' points outside the package folder.`,
  ),
  resourceAbsent: phrase<{ name: string; path: string; folder: string }>(
    "cli.resourceAbsent",
    ({ name, path, folder }) => `Resource '${name}' wijst naar '${path}', dat niet bestaat in '${folder}'.`,
    ({ name, path, folder }) => `Resource '${name}' points at '${path}', which does not exist in '${folder}'.`,
  ),
  /** A file's problems after its name: "…/datapackage.json: datapackage.json is not valid JSON…". */
  fileProblems: phrase<{ path: string; problems: AnyMessage[] }>(
    "cli.fileProblems",
    ({ path, problems }) => `${path}: ${problems.map((p) => textOf(p, "nl")).join(" ")}`,
    ({ path, problems }) => `${path}: ${problems.map((p) => textOf(p, "en")).join(" ")}`,
  ),

  // Outcomes
  packageUnusable: phrase<{ location: string; problems: AnyMessage[] }>(
    "cli.packageUnusable",
    ({ location, problems }) => `Het datapakket op ${location} is niet te gebruiken; er is niets geschreven:\n${lines(problems, "nl")}`,
    ({ location, problems }) => `The data package at ${location} could not be used; nothing was written:\n${lines(problems, "en")}`,
  ),
  packageInvalid: phrase<{ folder: string; problems: AnyMessage[] }>(
    "cli.packageInvalid",
    ({ folder, problems }) => `Het datapakket in '${folder}' is niet geldig; er is niets geschreven:\n${lines(problems, "nl")}`,
    ({ folder, problems }) => `The data package in '${folder}' is not valid; nothing was written:\n${lines(problems, "en")}`,
  ),
  nothingWritten: phrase<{ problems: AnyMessage[] }>(
    "cli.nothingWritten",
    ({ problems }) => `Er is niets geschreven:\n${lines(problems, "nl")}`,
    ({ problems }) => `Nothing was written:\n${lines(problems, "en")}`,
  ),
  edition: phrase<{ title: string; version: string }>(
    "cli.edition",
    ({ title, version }) => `Editie: ${title}${version ? ` (versie ${version})` : ""}`,
    ({ title, version }) => `Edition: ${title}${version ? ` (version ${version})` : ""}`,
  ),
  cbsRequest: phrase<{ count: number; request: string }>("cli.cbsRequest", ({ count, request }) => `CBS-verzoek ${nl(count)}: ${request}`, ({ count, request }) => `CBS request ${en(count)}: ${request}`),
  wroteWorkbook: phrase<{ out: string; kb: number; sheets: number; charts: number; figures: number; ms: number }>(
    "cli.wroteWorkbook",
    ({ out, kb, sheets, charts, figures, ms }) => `${out} geschreven (${nl(kb)} KB): ${nl(sheets)} bladen, ${nl(charts)} grafieken, ${nl(figures)} cijfers, in ${nl(ms)} ms.`,
    ({ out, kb, sheets, charts, figures, ms }) => `Wrote ${out} (${en(kb)} KB): ${en(sheets)} sheets, ${en(charts)} charts, ${en(figures)} figures, in ${en(ms)} ms.`,
  ),
  wrotePull: phrase<{ out: string; figures: number; places: string; from: number; to: number; tables: string; requests: number; folder: string }>(
    "cli.wrotePull",
    ({ out, figures, places, from, to, tables, requests, folder }) =>
      `${out} geschreven: ${nl(figures)} cijfers voor ${places}, ${from}–${to}, uit CBS StatLine ${tables} (${nl(requests)} verzoeken). Maak er een werkmap van met: npm run workbook -- --data ${folder}`,
    ({ out, figures, places, from, to, tables, requests, folder }) =>
      `Wrote ${out}: ${en(figures)} figures for ${places}, ${from}–${to}, from CBS StatLine ${tables} (${en(requests)} requests). Render it with: npm run workbook -- --data ${folder}`,
  ),
  catalogueHeader: phrase("cli.catalogueHeader", () => "indicator\tlabel\teenheid\tperioden\tbron", () => "indicator\tlabel\tunit\tperiods\tsource"),
  catalogueSummary: phrase<{ figures: number; reported: number; indicators: number; sources: number }>(
    "cli.catalogueSummary",
    ({ figures, reported, indicators, sources }) => `${nl(figures)} cijfers (${nl(reported)} gerapporteerd, ${nl(figures - reported)} afgeleid) in ${nl(indicators)} indicatoren uit ${nl(sources)} bronnen.`,
    ({ figures, reported, indicators, sources }) => `${en(figures)} figures (${en(reported)} reported, ${en(figures - reported)} derived) in ${en(indicators)} indicators from ${en(sources)} sources.`,
  ),
  failed: phrase<{ system: string }>("cli.failed", ({ system }) => `Mislukt: ${system}`, ({ system }) => `Failed: ${system}`),
} as const;
