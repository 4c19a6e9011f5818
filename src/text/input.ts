import { formatNumber, formatTyped } from "../data/format";
import type { Language } from "../data/types";
import { AnyMessage, phrase, textOf } from "./message";

/**
 * The words of the input checks (src/data: csv.ts, validate.ts, package.ts, descriptor.ts,
 * package-csv.ts, text-rules.ts): what is wrong with a file, a table, a row or a cell. Table and
 * column names (MonitorData, Waarde, Periode…) are the contract's and stay Dutch in English too;
 * a cell's text is quoted as it is, a number in the reader's notation. Row numbers and the counts a user typed are written as
 * they were read; counts the add-in states are formatted for the language.
 */
/** A cell as a message quotes it: its text (quoted and shortened by validate.ts), or a number the cell holds. */
export type Shown = string | number;

/** A number is quoted as Excel shows it in that language ('2,5' in Dutch, '2.5' in English); a text as it is. */
const shownIn = (shown: Shown, language: Language) => (typeof shown === "number" ? `'${formatTyped(shown, language)}'` : shown);

export const INPUT = {
  // A cell's problem, prefixed with where it is: the form of nearly every validation message.
  inCell: phrase<{ table: string; row: number; column: string; problem: AnyMessage }>(
    "input.inCell",
    ({ table, row, column, problem }) => `${table} rij ${row}, kolom ${column}: ${textOf(problem, "nl")}`,
    ({ table, row, column, problem }) => `${table} row ${row}, column ${column}: ${textOf(problem, "en")}`,
  ),

  // csv.ts
  notUtf8: phrase<{ table: string; byte: string; line: number }>(
    "input.notUtf8",
    ({ table, byte, line }) => `${table}: het bestand is geen UTF-8 (byte 0x${byte} op regel ${line}); sla het in Excel op als "CSV UTF-8 (door komma's gescheiden)".`,
    ({ table, byte, line }) => `${table}: the file is not UTF-8 (byte 0x${byte} on line ${line}); in Excel, save it as "CSV UTF-8 (Comma delimited)".`,
  ),
  mixedSeparators: phrase<{ table: string }>(
    "input.mixedSeparators",
    ({ table }) => `${table}: de kopregel bevat zowel komma's als puntkomma's; onduidelijk welk scheidingsteken bedoeld is.`,
    ({ table }) => `${table}: the header line has both commas and semicolons; it is unclear which separator is meant.`,
  ),
  noSeparators: phrase<{ table: string }>(
    "input.noSeparators",
    ({ table }) => `${table}: de kopregel bevat geen komma's of puntkomma's; is dit een CSV-bestand van een monitortabel?`,
    ({ table }) => `${table}: the header line has no commas or semicolons; is this a CSV file of a monitor table?`,
  ),
  unclosedQuote: phrase<{ table: string; row: number }>(
    "input.unclosedQuote",
    ({ table, row }) => `${table} rij ${row}: een aanhalingsteken (") wordt geopend maar niet goed gesloten; de rest van het bestand zou in één cel belanden.`,
    ({ table, row }) => `${table} row ${row}: a quotation mark (") is opened but not closed properly; the rest of the file would end up in one cell.`,
  ),
  cellCount: phrase<{ table: string; row: number; cells: number; columns: number }>(
    "input.cellCount",
    ({ table, row, cells, columns }) => `${table} rij ${row}: ${cells} cellen, terwijl de kopregel ${columns} kolommen heeft.`,
    ({ table, row, cells, columns }) => `${table} row ${row}: ${cells} cells, while the header line has ${columns} columns.`,
  ),

  // validate.ts: the header
  columnTwice: phrase<{ table: string; column: string }>(
    "input.columnTwice",
    ({ table, column }) => `${table}: kolom ${column} staat twee keer in de kopregel.`,
    ({ table, column }) => `${table}: column ${column} appears twice in the header line.`,
  ),
  headerColumns: phrase<{ table: string; missing: string[]; unknown: string[]; expected: string[] }>(
    "input.headerColumns",
    ({ table, missing, unknown, expected }) =>
      `${table}: ${[missing.length ? `ontbrekende kolom(men): ${missing.join(", ")}` : "", unknown.length ? `onbekende kolom(men): ${unknown.join(", ")}` : ""].filter(Boolean).join("; ")}. Verwacht: ${expected.join(", ")}.`,
    ({ table, missing, unknown, expected }) =>
      `${table}: ${[missing.length ? `missing column(s): ${missing.join(", ")}` : "", unknown.length ? `unknown column(s): ${unknown.join(", ")}` : ""].filter(Boolean).join("; ")}. Expected: ${expected.join(", ")}.`,
  ),

  // validate.ts: a cell (said after INPUT.inCell's "where"); `shown` is the cell as typed, quoted
  empty: phrase("input.empty", () => "mag niet leeg zijn.", () => "must not be empty."),
  notADate: phrase<{ shown: Shown }>(
    "input.notADate",
    ({ shown }) => `${shownIn(shown, "nl")} is geen datum (schrijf bijvoorbeeld 2022-01-01).`,
    ({ shown }) => `${shownIn(shown, "en")} is not a date (write, for example, 2022-01-01).`,
  ),
  notANumber: phrase<{ shown: Shown; hint: AnyMessage }>(
    "input.notANumber",
    ({ shown, hint }) => `${shownIn(shown, "nl")} is geen getal (${textOf(hint, "nl")}).`,
    ({ shown, hint }) => `${shownIn(shown, "en")} is not a number (${textOf(hint, "en")}).`,
  ),
  notAWholeNumber: phrase<{ shown: Shown }>(
    "input.notAWholeNumber",
    ({ shown }) => `${shownIn(shown, "nl")} is geen geheel getal.`,
    ({ shown }) => `${shownIn(shown, "en")} is not a whole number.`,
  ),
  notAllowed: phrase<{ shown: Shown; allowed: string[] }>(
    "input.notAllowed",
    ({ shown, allowed }) => `${shownIn(shown, "nl")} is niet toegestaan; kies uit ${allowed.join(", ")}.`,
    ({ shown, allowed }) => `${shownIn(shown, "en")} is not allowed; choose from ${allowed.join(", ")}.`,
  ),
  wrongForm: phrase<{ shown: Shown }>(
    "input.wrongForm",
    ({ shown }) => `${shownIn(shown, "nl")} heeft niet de juiste vorm.`,
    ({ shown }) => `${shownIn(shown, "en")} does not have the right form.`,
  ),

  // validate.ts: why a text is not a number (inside INPUT.notANumber's parentheses)
  notFinite: phrase("input.notFinite", () => "geen eindig getal", () => "not a finite number"),
  semicolonsTakeDecimalComma: phrase(
    "input.semicolonsTakeDecimalComma",
    () => "gebruik in dit bestand (puntkomma's) een komma als decimaalteken",
    () => "in this file (semicolons), use a comma as the decimal separator",
  ),
  noThousandsSeparator: phrase<{ meant: string }>(
    "input.noThousandsSeparator",
    ({ meant }) => `schrijf getallen zonder scheidingsteken voor duizendtallen (bedoeld is waarschijnlijk ${meant})`,
    ({ meant }) => `write numbers without a thousands separator (probably meant: ${meant})`,
  ),
  decimalPointFor: phrase<{ meant: string }>(
    "input.decimalPointFor",
    ({ meant }) => `gebruik een punt als decimaalteken (${meant})`,
    ({ meant }) => `use a point as the decimal separator (${meant})`,
  ),
  decimalPoint: phrase("input.decimalPoint", () => "gebruik een punt als decimaalteken", () => "use a point as the decimal separator"),
  decimalComma: phrase("input.decimalComma", () => "gebruik een komma als decimaalteken", () => "use a comma as the decimal separator"),
  numberTooLarge: phrase("input.numberTooLarge", () => "dat getal is te groot", () => "that number is too large"),

  // text-rules.ts
  textTooLong: phrase<{ length: number; max: number }>(
    "input.textTooLong",
    ({ length, max }) => `de tekst is ${formatNumber(length, 0, "nl")} tekens lang; een Excel-cel houdt er ten hoogste ${formatNumber(max, 0, "nl")}.`,
    ({ length, max }) => `the text is ${formatNumber(length, 0, "en")} characters long; an Excel cell holds at most ${formatNumber(max, 0, "en")}.`,
  ),
  forbiddenCharacter: phrase<{ code: number; position: number }>(
    "input.forbiddenCharacter",
    ({ code, position }) => `bevat een teken dat een Excel-bestand niet kan bewaren (${characterName(code, "nl")} op positie ${position}); verwijder het.`,
    ({ code, position }) => `contains a character an Excel file cannot hold (${characterName(code, "en")} at position ${position}); remove it.`,
  ),

  // package.ts: a figure's value for its unit (Eenheid)
  countNotWhole: phrase<{ value: number; meant: number | null }>(
    "input.countNotWhole",
    ({ value, meant }) => `een aantal is een geheel getal, niet ${value}.${meant === null ? "" : ` Bedoeld is waarschijnlijk ${meant} (een punt als scheiding van duizendtallen).`}`,
    ({ value, meant }) => `a count (aantal) is a whole number, not ${value}.${meant === null ? "" : ` Probably meant: ${meant} (a point as the thousands separator).`}`,
  ),
  countNegative: phrase<{ value: number }>(
    "input.countNegative",
    ({ value }) => `een aantal kan niet negatief zijn (${value}).`,
    ({ value }) => `a count (aantal) cannot be negative (${value}).`,
  ),
  shareOutOfRange: phrase<{ value: number; meant: number | null }>(
    "input.shareOutOfRange",
    ({ value, meant }) => `een aandeel is een fractie tussen 0 en 1 (11,6% = 0.116), niet ${value}.${meant === null ? "" : ` Bedoeld is waarschijnlijk ${meant}.`}`,
    ({ value, meant }) => `a share (aandeel) is a fraction between 0 and 1 (11.6% = 0.116), not ${value}.${meant === null ? "" : ` Probably meant: ${meant}.`}`,
  ),
  rankInvalid: phrase<{ value: number }>(
    "input.rankInvalid",
    ({ value }) => `een rang is een geheel getal vanaf 1, niet ${value}.`,
    ({ value }) => `a rank (rang) is a whole number from 1, not ${value}.`,
  ),
  euroNegative: phrase<{ value: number }>(
    "input.euroNegative",
    ({ value }) => `een bedrag in euro's kan hier niet negatief zijn (${value}).`,
    ({ value }) => `an amount in euros cannot be negative here (${value}).`,
  ),

  // package.ts: a figure's references and keys
  idTaken: phrase<{ id: string; earlier: number }>(
    "input.idTaken",
    ({ id, earlier }) => `'${id}' staat al in rij ${earlier}; een id komt één keer voor.`,
    ({ id, earlier }) => `'${id}' is already in row ${earlier}; an id occurs only once.`,
  ),
  unknownIndicator: phrase<{ indicator: string; table: string }>(
    "input.unknownIndicator",
    ({ indicator, table }) => `onbekende indicator '${indicator}'; voeg hem eerst toe aan ${table}.`,
    ({ indicator, table }) => `unknown indicator '${indicator}'; add it to ${table} first.`,
  ),
  unknownSource: phrase<{ source: string; table: string }>(
    "input.unknownSource",
    ({ source, table }) => `onbekende bron '${source}'; voeg hem eerst toe aan ${table}.`,
    ({ source, table }) => `unknown source '${source}'; add it to ${table} first.`,
  ),
  derivedNeedsNote: phrase(
    "input.derivedNeedsNote",
    () => "een afgeleid cijfer heeft de berekening in de toelichting nodig.",
    () => "a derived figure (afgeleid) needs its calculation in Toelichting.",
  ),
  yearMismatch: phrase<{ given: number; period: string; kind: "year" | "studyYear" | "span"; year: number }>(
    "input.yearMismatch",
    ({ given, period, kind, year }) => `${given} past niet bij Periode ${period}; ${YEAR_RULE.nl[kind]} (${year}). Laat de cel leeg, dan wordt het jaar afgeleid.`,
    ({ given, period, kind, year }) => `${given} does not fit Periode ${period}; ${YEAR_RULE.en[kind]} (${year}). Leave the cell empty and the year is derived.`,
  ),
  duplicateFigure: phrase<{ first: number; row: number; spelled: { first: string; later: string } | null }>(
    "input.duplicateFigure",
    ({ first, row, spelled }) =>
      `dubbel cijfer: rij ${first} en rij ${row} hebben dezelfde Indicator, Gebied, Groep, Leeftijd, Periode en Eenheid${spelled ? ` (anders geschreven, maar een formule kan ze niet uit elkaar houden: '${spelled.first}' / '${spelled.later}')` : ""}.`,
    ({ first, row, spelled }) =>
      `duplicate figure: rows ${first} and ${row} have the same Indicator, Gebied, Groep, Leeftijd, Periode and Eenheid${spelled ? ` (spelled differently, but a formula cannot tell them apart: '${spelled.first}' / '${spelled.later}')` : ""}.`,
  ),

  // package-csv.ts
  tooManyRows: phrase<{ table: string; rows: number; sheetRows: number }>(
    "input.tooManyRows",
    ({ table, rows, sheetRows }) =>
      `${table} heeft ${formatNumber(rows, 0, "nl")} rijen; met de kopregel zijn dat er meer dan de ${formatNumber(sheetRows, 0, "nl")} van een Excel-blad (ten hoogste ${formatNumber(sheetRows - 1, 0, "nl")} rijen gegevens). Splits de gegevens, bijvoorbeeld per gebied of periode.`,
    ({ table, rows, sheetRows }) =>
      `${table} has ${formatNumber(rows, 0, "en")} rows; with the header line that is more than the ${formatNumber(sheetRows, 0, "en")} of an Excel sheet (at most ${formatNumber(sheetRows - 1, 0, "en")} rows of data). Split the data, for example by area or period.`,
  ),

  // descriptor.ts
  descriptorNotJson: phrase(
    "input.descriptorNotJson",
    () => "datapackage.json is geen geldige JSON; is dit wel een databestand van de monitor?",
    () => "datapackage.json is not valid JSON; is this really a data file of the monitor?",
  ),
  descriptorNotPackage: phrase(
    "input.descriptorNotPackage",
    () => "datapackage.json beschrijft geen datapakket (verwacht een object met 'resources').",
    () => "datapackage.json does not describe a data package (expected an object with 'resources').",
  ),
  descriptorNoResources: phrase("input.descriptorNoResources", () => "datapackage.json heeft geen lijst 'resources'.", () => "datapackage.json has no list 'resources'."),
  resourceTwice: phrase<{ count: number; name: string; table: string }>(
    "input.resourceTwice",
    ({ count, name, table }) => `datapackage.json heeft ${count} resources met de naam '${name}' (de tabel ${table}); elke naam mag maar één keer voorkomen.`,
    ({ count, name, table }) => `datapackage.json has ${count} resources named '${name}' (the table ${table}); each name may occur only once.`,
  ),
  resourceMissing: phrase<{ name: string; table: string }>(
    "input.resourceMissing",
    ({ name, table }) => `datapackage.json heeft geen resource '${name}' (de tabel ${table}).`,
    ({ name, table }) => `datapackage.json has no resource '${name}' (the table ${table}).`,
  ),
  resourcePathNotText: phrase<{ name: string }>(
    "input.resourcePathNotText",
    ({ name }) => `resource '${name}': 'path' moet één bestandsnaam zijn.`,
    ({ name }) => `resource '${name}': 'path' must be one file name.`,
  ),
  resourcePath: phrase<{ name: string; wrong: AnyMessage }>(
    "input.resourcePath",
    ({ name, wrong }) => `resource '${name}': het pad ${textOf(wrong, "nl")}.`,
    ({ name, wrong }) => `resource '${name}': the path ${textOf(wrong, "en")}.`,
  ),
  // What is wrong with a resource path (after "the path")
  pathEmpty: phrase("input.pathEmpty", () => "is leeg", () => "is empty"),
  pathNotRelative: phrase("input.pathNotRelative", () => "moet een relatief pad binnen de pakketmap zijn", () => "must be a relative path inside the package folder"),
  pathBackslash: phrase("input.pathBackslash", () => "gebruik '/' tussen mappen", () => "must use '/' between folders"),
  pathOutside: phrase("input.pathOutside", () => "mag niet buiten de pakketmap wijzen", () => "must not point outside the package folder"),
  pathControl: phrase("input.pathControl", () => "bevat een stuurteken", () => "contains a control character"),
} as const;

/** The rule of derived.ts for each kind of period, as a message states it. */
const YEAR_RULE = {
  nl: { year: "het jaar is de periode zelf", studyYear: "een studiejaar telt als het jaar waarin het begint", span: "een tijdvak telt als zijn laatste jaar" },
  en: { year: "the year is the period itself", studyYear: "a study year counts as the year it begins in", span: "a span counts as its last year" },
} as const;

/** Characters people meet without seeing them, by name; any other by its code point alone. */
const CHARACTER_NAMES: Record<number, { nl: string; en: string }> = {
  0x0b: { nl: "een verticale tab (zoals Word die plakt voor een zachte regelovergang)", en: "a vertical tab (as Word pastes for a soft line break)" },
  0x0c: { nl: "een pagina-einde", en: "a page break" },
};

function characterName(code: number, language: "nl" | "en"): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = CHARACTER_NAMES[code]?.[language];
  return name ? `${name}, ${hex}` : hex;
}
