import { formatNumber } from "../data/format";
import { Language } from "../data/types";
import { Phrase, phrase } from "./message";
import { listed } from "./words";

/**
 * Every text of the task pane, Dutch and English: labels, help, and what the pane says while it
 * works; what it says once a pull or Regenerate has written is in src/text/outcomes.ts, loaded
 * with those actions. The pane renders them in its language (src/taskpane/i18n.ts); labels without
 * parameters are also looked up by name from the page's `data-text` attributes. The contract's
 * names (MonitorData, its Dutch column names, the Status values) stay Dutch where the data holds
 * them; the English texts say so.
 */

/** A count as the pane shows it: 1.253 in Dutch, 1,253 in English. */
const count = (n: number, language: Language) => formatNumber(n, 0, language);

/** The contract's Status values (DESIGN.md) as a reader of each language says them. */
const STATUS_WORDS: Record<string, Record<Language, string>> = {
  gerapporteerd: { nl: "gerapporteerd", en: "reported" },
  afgeleid: { nl: "afgeleid", en: "derived" },
};

/** What the English pane says of the contract's names, which no language changes. */
const DUTCH_NAMES_EN =
  "The tables and their columns (Indicator, Groep, Waarde, Status…) keep the data contract's Dutch names in English too, so that formulas and other tools find them in any language.";

/** Labels without parameters by name, [Dutch, English]: each becomes the phrase "pane.<name>". */
function labels<K extends string>(texts: Record<K, readonly [string, string]>): Record<K, Phrase<void>> {
  const entries = Object.entries<readonly [string, string]>(texts).map(([key, [nl, en]]) => [key, phrase(`pane.${key}`, () => nl, () => en)]);
  return Object.fromEntries(entries) as Record<K, Phrase<void>>;
}

const municipalityCount = (n: number, language: Language) => `${count(n, language)} ${language === "nl" ? (n === 1 ? "gemeente" : "gemeenten") : n === 1 ? "municipality" : "municipalities"}`;

/** Years as spans of consecutive years: 2012–2014 and 2020. */
function yearSpans(years: readonly string[], language: Language): string {
  const spans: string[] = [];
  let first = 0;
  for (let i = 1; i <= years.length; i++) {
    if (i < years.length && Number(years[i]) === Number(years[i - 1]) + 1) continue;
    spans.push(i - 1 === first ? years[first] : `${years[first]}–${years[i - 1]}`);
    first = i;
  }
  return listed(spans, language);
}

/** The names and years of municipalities: "(Delft, Utrecht), 2020–2022" when their years are the same, else each with its own. */
function municipalityYears(municipalities: readonly { name: string; years: readonly string[] }[], language: Language): string {
  const spans = municipalities.map((m) => yearSpans(m.years, language));
  if (spans.every((span) => span === spans[0])) return ` (${municipalities.map((m) => m.name).join(", ")}), ${spans[0]}`;
  return `: ${municipalities.map((m, i) => `${m.name} ${spans[i]}`).join(", ")}`;
}

export const PANE = {
  ...labels({
    appTitle: ["Leiden Monitor", "Leiden Monitor"],
    edition: ["Monitor Internationalisering", "Internationalisation Monitor"],
    inExcel: ["Verbonden met Excel", "Connected to Excel"],
    preview: ["Voorbeeld: Excel is niet gevonden. U ziet de cijfers van de editie en kunt de werkmap downloaden.", "Preview: Excel was not found. You see the edition's figures and can download the workbook."],
    tabData: ["Gegevens", "Data"],
    tabSheets: ["Bladen & grafieken", "Sheets & charts"],
    tabFigures: ["Cijfers", "Figures"],
    referenceDate: ["Peildatum", "Reference date"],
    figures: ["Cijfers", "Figures"],
    indicators: ["Indicatoren", "Indicators"],
    sources: ["Bronnen", "Sources"],
    loadData: ["Ophalen en vergelijken", "Get and compare"],
    loadDataHelp: [
      "Haalt de gekozen bron op en laat zien wat er in MonitorData verandert; pas na uw bevestiging worden de tabellen MonitorData, MonitorIndicatoren en MonitorBronnen op het blad Data geschreven. Uw eigen rijen en aanpassingen blijven staan.",
      `Gets the chosen source and shows what changes in MonitorData; only after you confirm are the MonitorData, MonitorIndicatoren and MonitorBronnen tables written on the Data sheet. Your own rows and edits stay. ${DUTCH_NAMES_EN}`,
    ],
    loadDataPreviewHelp: ["Haalt de gekozen bron op en laat zien wat er verandert; daarna gebruiken de cijfers en de download deze gegevens.", `Gets the chosen source and shows what changes; the figures and the download then use this data. ${DUTCH_NAMES_EN}`],
    sourceLegend: ["Gegevens ophalen uit", "Get data from"],
    sourceShipped: ["de meegeleverde editie", "the edition that comes with the add-in"],
    sourceUrl: ["een adres (URL) van een datapackage.json", "an address (URL) of a datapackage.json"],
    sourceFile: ["een bestand: een CSV met cijfers of een .zip met een datapakket", "a file: a CSV of figures or a .zip of a data package"],
    sourceUrlLabel: ["Adres van datapackage.json", "Address of datapackage.json"],
    sourceFileLabel: ["Bestand", "File"],
    sourceCbs: ["CBS StatLine: bevolking naar nationaliteit en herkomst voor elke gemeente", "CBS StatLine: population by nationality and origin for any municipality"],
    cbsArea: ["Gemeente", "Municipality"],
    // "Den Haag" in English too: the municipalities are found by their Dutch names (CBS's list).
    cbsAreaPlaceholder: ["bijv. Delft, Den Haag", "e.g. Delft, Den Haag"],
    cbsAdd: ["Toevoegen", "Add"],
    cbsFrom: ["Van", "From"],
    cbsTo: ["tot en met", "to"],
    cbsSettings: ["Instellingen", "Settings"],
    cbsUrl: ["Adres van de CBS-API (OData v3)", "Address of the CBS API (OData v3)"],
    cbsChooseArea: ["Kies eerst een of meer gemeenten.", "Choose one or more municipalities first."],
    cbsAreasLoading: ["Gemeenten ophalen bij CBS…", "Getting municipalities from CBS…"],
    cbsAttribution: ["Bron: CBS StatLine (open data, CC BY 4.0).", "Source: CBS StatLine (open data, CC BY 4.0)."],
    areaSheets: ["Ook bevolkingsbladen voor gemeente", "Also population sheets for municipality"],
    areaNone: ["geen (alleen de bladen van het rapport)", "none (only the report's sheets)"],
    refresh: ["Opnieuw ophalen", "Get again"],
    confirmWrite: ["Schrijven naar de werkmap", "Write to the workbook"],
    confirmUse: ["Deze gegevens gebruiken", "Use this data"],
    cancel: ["Annuleren", "Cancel"],
    fetching: ["Ophalen…", "Getting…"],
    comparing: ["Vergelijken met de werkmap…", "Comparing with the workbook…"],
    nothingToDo: ["De werkmap heeft deze gegevens al; er is niets te schrijven.", "The workbook already has this data; there is nothing to write."],
    cancelled: ["Geannuleerd; de werkmap is zoals hij was.", "Cancelled; the workbook is as it was."],
    cancelledLeft: ["Geannuleerd.", "Cancelled."],
    cancelledNothing: ["Geannuleerd; er is niets veranderd.", "Cancelled; nothing was changed."],
    noSource: ["Voor deze werkmap is nog geen bron onthouden; kies er een en haal op.", "No source is remembered for this workbook yet; choose one and get it."],
    chooseUrl: ["Vul het adres van een datapackage.json in.", "Fill in the address of a datapackage.json."],
    chooseFile: ["Kies eerst een bestand.", "Choose a file first."],
    editionFact: ["Editie", "Edition"],
    versionFact: ["Versie", "Version"],
    originFact: ["Opgehaald uit", "Fetched from"],
    addedFact: ["Toegevoegd", "Added"],
    dataFact: ["Gegevens", "Data"],
    shippedOrigin: ["de meegeleverde editie", "the edition that comes with the add-in"],
    download: ["Werkmap downloaden", "Download workbook"],
    downloadHelp: ["Dezelfde werkmap als de invoegtoepassing maakt: tabellen, indicatorbladen en grafieken, zonder formules van de invoegtoepassing.", "The same workbook the add-in builds: tables, indicator sheets and charts, with no add-in formulas."],
    regenerate: ["Bladen en grafieken opnieuw opbouwen", "Regenerate sheets & charts"],
    pivot: ["Draaitabel maken", "Make a PivotTable"],
    pivotHelp: ["Zet een draaitabel op MonitorData op een eigen blad: indicator, eenheid, gebied en leeftijd als filters, groepen als rijen (onder hun Bovengroep), jaren als kolommen, één eenheid tegelijk. Na elke keer ophalen volgt hij de tabel.", "Puts a PivotTable on MonitorData on a sheet of its own: indicator, unit, area and age as filters, groups as rows (under their Bovengroep, MonitorData's column of parent groups), years as columns, one unit at a time. It follows the table after every pull."],
    regenerateHelp: ["Bouwt elk indicatorblad opnieuw op uit MonitorData. Alleen bladen die de invoegtoepassing zelf maakte en die niemand aanvulde worden herschreven; een blad waarop u iets toevoegde blijft bewaard onder een naam met de datum.", "Rebuilds every indicator sheet from MonitorData. Only sheets the add-in made and nobody added to are rewritten; a sheet you added something to is kept under a name with the date."],
    search: ["Zoek een cijfer", "Find a figure"],
    searchPlaceholder: ["bijv. Italiaans 2022", "e.g. Italian 2022"],
    insertFormula: ["Formule invoegen", "Insert formula"],
    copySentence: ["Zin kopiëren", "Copy sentence"],
    copied: ["Gekopieerd", "Copied"],
    noResults: ["Geen cijfers gevonden.", "No figures found."],
    note: ["Toelichting", "Note"],
    source: ["Bron", "Source"],
    formula: ["Formule", "Formula"],
    sentence: ["Zin om over te nemen", "Sentence to paste"],
    status: ["Status", "Status"],
    page: ["pagina", "page"],
    working: ["Bezig…", "Working…"],
    done: ["Klaar", "Done"],
    problems: ["De monitortabellen van deze werkmap kloppen niet; er is niets veranderd en de formules MONITOR.* geven #N/B tot dit is opgelost:", "The workbook's monitor tables are not valid; nothing was changed, and MONITOR.* formulas return #N/A until this is fixed:"],
    sheetCreated: ["nieuw", "new"],
    sheetReplaced: ["vervangen", "replaced"],
    sheetSkipped: ["overgeslagen", "skipped"],
    sheetKept: ["bewaard", "kept"],
    sheetRemoved: ["verwijderd", "removed"],
    sheetUpdated: ["bijgewerkt", "updated"],
    downloadReady: ["De werkmap is gedownload.", "The workbook was downloaded."],
    failed: ["Dat lukte niet:", "That did not work:"],
    language: ["Taal", "Language"],
    progress: ["Voortgang", "Progress"],
    results: ["Resultaten", "Results"],
  }),
  /** Progress of a CBS pull in the pane: one line per request to CBS, counted. */
  /**
   * The municipalities the data holds CBS figures for (see dataMakeup), with their years, and where
   * they were fetched from when the pane knows: "CBS-cijfers voor 2 gemeenten (Delft, Utrecht), 2020–2022".
   */
  cbsFigures: phrase<{ municipalities: readonly { name: string; years: readonly string[] }[]; origin?: string | null }>(
    "pane.cbsFigures",
    ({ municipalities, origin }) => `CBS-cijfers voor ${municipalityCount(municipalities.length, "nl")}${municipalityYears(municipalities, "nl")}${origin ? `; opgehaald uit ${origin}` : ""}`,
    ({ municipalities, origin }) => `CBS figures for ${municipalityCount(municipalities.length, "en")}${municipalityYears(municipalities, "en")}${origin ? `; fetched from ${origin}` : ""}`,
  ),
  /** The Edition box's heading when the data holds CBS figures only. */
  cbsTitle: phrase<{ n: number }>("pane.cbsTitle", ({ n }) => `CBS-cijfers voor ${municipalityCount(n, "nl")}`, ({ n }) => `CBS figures for ${municipalityCount(n, "en")}`),
  cbsRequest: phrase<{ count: number }>("pane.cbsRequest", ({ count: n }) => `Ophalen bij CBS: verzoek ${count(n, "nl")}…`, ({ count: n }) => `Getting data from CBS: request ${count(n, "en")}…`),
  cbsRemove: phrase<{ area: string }>("pane.cbsRemove", ({ area }) => `${area} verwijderen`, ({ area }) => `Remove ${area}`),
  cbsUnknown: phrase<{ name: string; suggestion: string | null }>(
    "pane.cbsUnknown",
    ({ name, suggestion }) => `Onbekende gemeente '${name}'.${suggestion ? ` Bedoelt u '${suggestion}'?` : ""}`,
    ({ name, suggestion }) => `Unknown municipality '${name}'.${suggestion ? ` Did you mean '${suggestion}'?` : ""}`,
  ),
  cbsAmbiguous: phrase<{ name: string; candidates: string[] }>(
    "pane.cbsAmbiguous",
    ({ name, candidates }) => `'${name}' past bij ${candidates.length} gemeenten: ${candidates.map((c) => `'${c}'`).join(" en ")}; kies er één.`,
    ({ name, candidates }) => `'${name}' fits ${candidates.length} municipalities: ${candidates.map((c) => `'${c}'`).join(" and ")}; choose one.`,
  ),
  refreshHelp: phrase<{ where: string }>("pane.refreshHelp", ({ where }) => `Haalt ${where} opnieuw op en vergelijkt.`, ({ where }) => `Gets ${where} again and compares.`),
  comparisonSummary: phrase<{ added: number; changed: number; removed: number; kept: number; unchanged: number }>(
    "pane.comparisonSummary",
    ({ added, changed, removed, kept, unchanged }) =>
      `Wat er verandert in MonitorData: ${count(added, "nl")} toegevoegd, ${count(changed, "nl")} gewijzigd, ${count(removed, "nl")} verwijderd; ${count(kept, "nl")} eigen ${kept === 1 ? "rij blijft" : "rijen blijven"} staan, ${count(unchanged, "nl")} ongewijzigd. Er is nog niets geschreven.`,
    ({ added, changed, removed, kept, unchanged }) =>
      `What changes in MonitorData: ${count(added, "en")} added, ${count(changed, "en")} changed, ${count(removed, "en")} removed; ${count(kept, "en")} of your own ${kept === 1 ? "row stays" : "rows stay"}, ${count(unchanged, "en")} unchanged. Nothing has been written yet.`,
  ),
  addedItem: phrase<{ what: string; value: string }>("pane.addedItem", ({ what, value }) => `+ ${what}: ${value}`, ({ what, value }) => `+ ${what}: ${value}`),
  changedFigure: phrase<{ what: string; from: string; to: string }>("pane.changedFigure", ({ what, from, to }) => `~ ${what}: ${from} → ${to}`, ({ what, from, to }) => `~ ${what}: ${from} → ${to}`),
  removedItem: phrase<{ what: string; value: string }>(
    "pane.removedItem",
    ({ what, value }) => `− ${what}: ${value} (niet meer in de bron)`,
    ({ what, value }) => `− ${what}: ${value} (no longer in the source)`,
  ),
  /** A row of the source the analyst deleted from MonitorData: it stays deleted (review D10). */
  removedByYouItem: phrase<{ what: string; value: string }>(
    "pane.removedByYouItem",
    ({ what, value }) => `− ${what}: ${value} (door u verwijderd; blijft weg)`,
    ({ what, value }) => `− ${what}: ${value} (you removed it; stays removed)`,
  ),
  /**
   * The same, and the source changed the row since it last delivered it: its figure, or its note,
   * date or page (the snapshot holds hashes, not the old figure): said with the figure it has now.
   */
  removedByYouNew: phrase<{ what: string; value: string }>(
    "pane.removedByYouNew",
    ({ what, value }) => `− ${what}: door u verwijderd; blijft weg, maar de bron heeft hem sindsdien gewijzigd, nu ${value}`,
    ({ what, value }) => `− ${what}: you removed it; stays removed, but the source has changed it since, now ${value}`,
  ),
  removedByYouKept: phrase<{ n: number }>(
    "pane.removedByYouKept",
    ({ n }) => ` ${count(n, "nl")} ${n === 1 ? "rij die u verwijderde, blijft" : "rijen die u verwijderde, blijven"} weg.`,
    ({ n }) => ` ${count(n, "en")} ${n === 1 ? "row you removed stays" : "rows you removed stay"} removed.`,
  ),
  /** The source changed other columns of a row than its figure (a note only): `columns` are the contract's column names. */
  changedColumns: phrase<{ what: string; value: string; columns: string[] }>(
    "pane.changedColumns",
    ({ what, value, columns }) => `~ ${what}: ${value}, de bron wijzigde ${listed(columns, "nl")}`,
    ({ what, value, columns }) => `~ ${what}: ${value}, the source changed ${listed(columns, "en")}`,
  ),
  /** The analyst edited other columns of a row than its figure, which the source has the same: their edit stays. */
  keptColumns: phrase<{ what: string; value: string; columns: string[] }>(
    "pane.keptColumns",
    ({ what, value, columns }) => `= ${what}: ${value}, uw ${listed(columns, "nl")} ${columns.length === 1 ? "blijft" : "blijven"} staan (de bron heeft hetzelfde cijfer)`,
    ({ what, value, columns }) => `= ${what}: ${value}, your ${listed(columns, "en")} ${columns.length === 1 ? "stays" : "stay"} (the source has the same figure)`,
  ),
  keptOwn: phrase<{ what: string; value: string }>(
    "pane.keptOwn",
    ({ what, value }) => `= ${what}: ${value} (uw eigen rij, blijft staan)`,
    ({ what, value }) => `= ${what}: ${value} (your own row, stays)`,
  ),
  keptEdit: phrase<{ what: string; value: string; source: string }>(
    "pane.keptEdit",
    ({ what, value, source }) => `= ${what}: uw ${value} blijft staan (de bron zegt ${source})`,
    ({ what, value, source }) => `= ${what}: your ${value} stays (the source says ${source})`,
  ),
  keptOther: phrase<{ what: string; value: string; from: string; source: string }>(
    "pane.keptOther",
    ({ what, value, from, source }) => `= ${what}: ${value} uit ${from} blijft staan (deze bron zegt ${source})`,
    ({ what, value, from, source }) => `= ${what}: ${value} from ${from} stays (this source says ${source})`,
  ),
  othersKept: phrase<{ n: number }>(
    "pane.othersKept",
    ({ n }) => ` ${count(n, "nl")} ${n === 1 ? "rij" : "rijen"} uit andere bronnen ${n === 1 ? "blijft" : "blijven"} zoals ${n === 1 ? "hij is" : "ze zijn"}.`,
    ({ n }) => ` ${count(n, "en")} ${n === 1 ? "row from another source stays as it is" : "rows from other sources stay as they are"}.`,
  ),
  outsideKept: phrase<{ n: number }>(
    "pane.outsideKept",
    ({ n }) =>
      ` ${count(n, "nl")} ${n === 1 ? "rij die u zelf wijzigde of toevoegde, buiten de gebieden en jaren die nu zijn opgehaald, blijft zoals hij is" : "rijen die u zelf wijzigde of toevoegde, buiten de gebieden en jaren die nu zijn opgehaald, blijven zoals ze zijn"}.`,
    ({ n }) => ` ${count(n, "en")} ${n === 1 ? "row you edited or added, outside the areas and years pulled now, stays as it is" : "rows you edited or added, outside the areas and years pulled now, stay as they are"}.`,
  ),
  more: phrase<{ n: number }>("pane.more", ({ n }) => `… en nog ${count(n, "nl")}`, ({ n }) => `… and ${count(n, "en")} more`),
  fileAgain: phrase<{ name: string }>(
    "pane.fileAgain",
    ({ name }) => `Een bestand (${name}) kan niet opnieuw worden opgehaald; kies het opnieuw.`,
    ({ name }) => `A file (${name}) cannot be fetched again; choose it again.`,
  ),
  pulledPreview: phrase<{ n: number; title: string }>(
    "pane.pulledPreview",
    ({ n, title }) => `De pagina gebruikt nu ${count(n, "nl")} cijfers van '${title}'.`,
    ({ n, title }) => `The page now uses ${count(n, "en")} figures of '${title}'.`,
  ),
  /**
   * Excel refused what the pane asked where the add-in cannot say more (an action outside the
   * reads and writes that describe their own refusals, such as inserting a formula): Excel's code
   * only, not its free text, which is in Office's language rather than the pane's.
   */
  excelRefused: phrase<{ code: string }>(
    "pane.excelRefused",
    ({ code }) => `Excel weigerde dit (Excel: ${code}). Probeer het opnieuw; blijft dit gebeuren, sla de werkmap dan op, sluit hem en open hem opnieuw.`,
    ({ code }) => `Excel refused this (Excel: ${code}). Try again; if it keeps happening, save the workbook, close it and open it again.`,
  ),
  /** What nobody foresaw (a defect of the add-in): its own words in `detail`, for whoever looks into it. */
  unexpected: phrase<{ detail: string }>(
    "pane.unexpected",
    ({ detail }) => `Er ging onverwacht iets mis in de invoegtoepassing (${detail}). Probeer het opnieuw; blijft dit gebeuren, meld het dan met deze tekst.`,
    ({ detail }) => `Something unexpected went wrong in the add-in (${detail}). Try again; if it keeps happening, report it with this text.`,
  ),
  /** `why` is the reason as the browser or Excel gave it. */
  pivotDone: phrase<{ sheet: string; refreshed: boolean }>(
    "pane.pivotDone",
    ({ sheet, refreshed }) => (refreshed ? `De draaitabel op blad '${sheet}' is bijgewerkt.` : `De draaitabel staat op blad '${sheet}'.`),
    ({ sheet, refreshed }) => (refreshed ? `The PivotTable on sheet '${sheet}' was refreshed.` : `The PivotTable is on sheet '${sheet}'.`),
  ),
  loaded: phrase<{ n: number }>("pane.loaded", ({ n }) => `${count(n, "nl")} cijfers staan in MonitorData.`, ({ n }) => `${count(n, "en")} figures are in MonitorData.`),
  readingWorkbook: phrase<{ percent: number }>(
    "pane.readingWorkbook",
    ({ percent }) => `De monitortabellen van de werkmap lezen… ${percent}%`,
    ({ percent }) => `Reading the workbook's monitor tables… ${percent}%`,
  ),
  formulaInserted: phrase<{ address: string }>("pane.formulaInserted", ({ address }) => `Formule ingevoegd in ${address}.`, ({ address }) => `Formula inserted in ${address}.`),
  sheetCounts: phrase<{ tables: number; charts: number }>(
    "pane.sheetCounts",
    ({ tables, charts }) => ` · ${tables} ${tables === 1 ? "tabel" : "tabellen"}, ${charts} ${charts === 1 ? "grafiek" : "grafieken"}`,
    ({ tables, charts }) => ` · ${tables} ${tables === 1 ? "table" : "tables"}, ${charts} ${charts === 1 ? "chart" : "charts"}`,
  ),
  /** An age band in a figure's label. */
  ageBand: phrase<{ age: string }>("pane.ageBand", ({ age }) => `${age} jaar`, ({ age }) => `${age} years`),
  /** A figure's Status: the contract's value in Dutch, its meaning in English. */
  statusValue: phrase<{ status: string }>(
    "pane.statusValue",
    ({ status }) => STATUS_WORDS[status]?.nl ?? status,
    ({ status }) => STATUS_WORDS[status]?.en ?? status,
  ),
} as const;
