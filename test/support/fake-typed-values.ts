/**
 * What Excel makes of a value written through Range.values (and Range.formulas,
 * TableRowCollection.add's "unformatted values"): a string is read the way typing reads it.
 *
 * Sources:
 * - Excel.Range.values (ExcelApi 1.1, in @types/office-js and learn.microsoft.com/javascript/api/excel/excel.range):
 *   "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel
 *   interprets this value as a formula", and "Locale-shaped strings (such as the date "19-8-2025"
 *   in nl-NL …) are stored as text instead of as dates. To ensure dates are stored as dates, use …
 *   a locale-neutral format like ISO (YYYY-MM-DD)": an ISO date string becomes a date.
 * - office-js #229: `a1.values = '2018-12-31'` leaves the General cell a date with the number
 *   format "m/d/yyyy".
 * - office-js #6687 (and the fake's reads): a leading apostrophe is Excel's quote prefix: the
 *   cell holds the text after it, whatever it looks like (in a cell not formatted as text: below).
 * - Excel's number format "@" (Text): what is entered into such a cell stays text.
 *
 * Where the documentation is silent the fake takes the safe reading for the add-in, the one that
 * turns more strings into something else, so a test sees every string that could stop being text:
 * - Locale: which locale Range.values parses in is not fully documented (the reference names
 *   en-US-shaped dates, yet the user's Excel decides). A number in en-US form ("1.253" is 1.253,
 *   "1,253" is 1253) or in nl-NL form ("1,5" is 1.5, "1.253,5" is 1253.5) becomes a number; a
 *   d-m-y or m-d-y date ("19-8-2025", "8/19/2025"), a day and month ("12-17", "1/2") and a
 *   date with an English or Dutch month name ("1 jan 2022", "mei 2022") become dates.
 * - "+" or "-" followed by anything that is not a number, and "-" or "+" alone, become a formula
 *   ("=" before them, as Excel shows "+A1" typed: "=+A1"); "@" at the start too (Excel's
 *   implicit intersection operator; typed "@x" is taken as a formula, not verified).
 * - TRUE and FALSE (any case) become Booleans; a time ("12:30", "1:30 PM") a fraction of a day.
 * - Error literals ("#N/A") become Excel's error values in Excel; the fake keeps the string (a
 *   read of values gives the same string either way), so it cannot tell them apart.
 * - A leading apostrophe written into a cell formatted as text ("@") is KEPT as a character: the
 *   cell holds "'2022", shows it, and reads back so. Whether Excel drops the prefix there or keeps
 *   it, Microsoft does not document: the Range.values reference names only "+", "-" and "=", the
 *   prefix itself is documented only as something Range.formulas reads back without (office-js
 *   #6687), and the writers of files model it as a cell style of its own (the quotePrefix
 *   attribute of a cell format, CT_Xf in ECMA-376's sml.xsd;
 *   PhpSpreadsheet #1061, ClosedXML #147), not as part of a Text cell. This is the chosen safe
 *   reading: a write into a Text cell must not rely on the prefix being taken off, so the
 *   add-in writes a Text cell its text unprefixed (src/excel/text-cells.ts).
 * - Range.valuesAsJson (ExcelApi 1.16) is settable, yet its reference says only that it is "a JSON
 *   representation of the values in the cells", and a StringCellValue's basicValue only "the
 *   value that would be returned by Range.values"; nowhere that a string written so is stored
 *   without being read as typing reads it. The fake does not model it and the add-in does not use it.
 * - Which number is stored, and the format a date, time or percentage gives a General cell, matter
 *   only in that the text is gone; the fake stores the en-US reading and Excel's usual formats.
 */

export interface Entered {
  value: string | number | boolean | null;
  formula: string | null;
  /** The number format Excel gives a General cell for what was entered (a date, a percentage), if any. */
  numberFormat?: string;
}

const TEXT_FORMAT = "@";

/**
 * What a Text cell does with a quote prefix written into it: "kept" (the chosen safe reading,
 * above) or "dropped" (the other one), for tests that show a write right under both.
 */
let textCellPrefix: "kept" | "dropped" = "kept";
export function useTextCellReading(reading: "kept" | "dropped"): void {
  textCellPrefix = reading;
}

/**
 * The number format of the cells of a row TableRowCollection.add adds, before its values are
 * entered: General (the fake's reading) or the column's (the row beside it), which Excel's own
 * tables do for typed rows; the reference does not say, so a test can take either.
 */
let newRowFormat: "General" | "column's" = "General";
export function useNewRowFormat(reading: "General" | "column's"): void {
  newRowFormat = reading;
}
export const newRowFormatReading = () => newRowFormat;

/** The cell's content after `value` is entered into a cell formatted `numberFormat`. */
export function entered(value: string | number | boolean | null, numberFormat: string): Entered {
  if (typeof value !== "string") return { value, formula: null };
  if (value === "") return { value: null, formula: null };
  // A Text cell keeps what is written as it is, a leading apostrophe too (the safe reading above), unless a test asks for the other.
  if (numberFormat === TEXT_FORMAT) return { value: textCellPrefix === "dropped" && value.startsWith("'") ? value.slice(1) : value, formula: null };
  if (value.startsWith("'")) return { value: value.slice(1), formula: null };
  if (value.startsWith("=")) return { value: null, formula: value };
  const general = numberFormat === "General";
  const trimmed = value.trim();
  const number = numberOf(trimmed);
  if (number !== null) return { value: number.value, formula: null, ...(general && number.percent ? { numberFormat: number.decimals ? "0.00%" : "0%" } : {}) };
  if (/^[+\-@]/.test(value)) return { value: null, formula: `=${value}` };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === "true", formula: null };
  const time = timeOf(trimmed);
  if (time !== null) return { value: time, formula: null, ...(general ? { numberFormat: "h:mm" } : {}) };
  const date = dateOf(trimmed);
  if (date !== null) return { value: date, formula: null, ...(general ? { numberFormat: "m/d/yyyy" } : {}) };
  return { value, formula: null };
}

/** A number in en-US or nl-NL form, with a sign, a currency sign, an exponent or a percent sign; null for anything else. */
function numberOf(text: string): { value: number; percent: boolean; decimals: boolean } | null {
  const match = /^([+-]?)\s*[$€£]?\s*([+-]?)(\(?)([\d.,]+)(e[+-]?\d+)?(\)?)\s*(%?)$/i.exec(text);
  if (!match) return null;
  const [, sign1, sign2, open, digits, exponent = "", close, percent] = match;
  if (Boolean(open) !== Boolean(close) || (sign1 && sign2)) return null;
  const plain = asPlain(digits, ",", ".") ?? asPlain(digits, ".", ",");
  if (plain === null) return null;
  const negative = sign1 === "-" || sign2 === "-" || open === "(";
  const value = Number(plain + exponent) * (negative ? -1 : 1) / (percent ? 100 : 1);
  return Number.isFinite(value) ? { value, percent: percent === "%", decimals: plain.includes(".") } : null;
}

/** `digits` with `group` as the thousands separator and `decimal` as the decimal one, as JavaScript reads a number; null when it is not such a number. */
function asPlain(digits: string, group: string, decimal: string): string | null {
  const [g, d] = [escape(group), escape(decimal)];
  const shape = new RegExp(`^(?:\\d{1,3}(?:${g}\\d{3})+|\\d+)?(?:${d}\\d+)?$`);
  if (!shape.test(digits) || !/\d/.test(digits)) return null;
  return digits.split(group).join("").replace(decimal, ".");
}

const escape = (s: string) => s.replace(/[.]/g, "\\.");

/** A time of day as a fraction of a day ("12:30", "12:30:15", "1:30 PM"); null for anything else. */
function timeOf(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i.exec(text);
  if (!match) return null;
  let hours = Number(match[1]);
  const [minutes, seconds] = [Number(match[2]), Number(match[3] ?? 0)];
  if (match[4]) hours = (hours % 12) + (/^p/i.test(match[4]) ? 12 : 0);
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return (hours * 3600 + minutes * 60 + seconds) / 86400;
}

const MONTHS: [RegExp, number][] = [
  [/^jan(uary|uari)?$/, 1], [/^feb(ruary|ruari)?$/, 2], [/^(mar(ch)?|maart|mrt)$/, 3], [/^apr(il)?$/, 4], [/^(may|mei)$/, 5], [/^jun[ei]?$/, 6],
  [/^jul[yi]?$/, 7], [/^aug(ust|ustus)?$/, 8], [/^sep(t|tember)?$/, 9], [/^(oct(ober)?|okt(ober)?)$/, 10], [/^nov(ember)?$/, 11], [/^dec(ember)?$/, 12],
];

/** A date in any of the forms above (with a time after it or not) as Excel's serial number; null for anything else. */
function dateOf(text: string): number | null {
  const [day, time] = splitTime(text);
  const dayNumber = numericDate(day) ?? namedDate(day);
  return dayNumber === null ? null : dayNumber + time;
}

function splitTime(text: string): [string, number] {
  const match = /^(.*\S)\s+(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)$/i.exec(text);
  const time = match ? timeOf(match[2]) : null;
  return match && time !== null ? [match[1], time] : [text, 0];
}

function numericDate(text: string): number | null {
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (iso) return serial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const full = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$/.exec(text);
  if (full) {
    const year = fullYear(full[4]);
    return serial(year, Number(full[3]), Number(full[1])) ?? serial(year, Number(full[1]), Number(full[3]));
  }
  const short = /^(\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (short) return serial(THIS_YEAR, Number(short[1]), Number(short[2])) ?? serial(THIS_YEAR, Number(short[2]), Number(short[1]));
  return null;
}

/** "1 jan 2022", "1-jan-22", "jan 2022", "January 1, 2022", "mei 2022", "17 december": a day or a year beside a month's name. */
function namedDate(text: string): number | null {
  const parts = text.toLowerCase().split(/[\s,.\-/]+/).filter((p) => p !== "");
  const month = parts.map((p) => MONTHS.find(([name]) => name.test(p))?.[1]).find((m) => m !== undefined);
  const others = parts.filter((p) => !MONTHS.some(([name]) => name.test(p)));
  if (month === undefined || parts.length - others.length !== 1 || others.length < 1 || others.length > 2 || !others.every((p) => /^\d{1,4}$/.test(p))) return null;
  const isYear = (p: string) => p.length === 4 || Number(p) > 31;
  if (others.length === 1) return isYear(others[0]) ? serial(fullYear(others[0]), month, 1) : serial(THIS_YEAR, month, Number(others[0]));
  const [a, b] = others;
  return isYear(a) ? serial(fullYear(a), month, Number(b)) : serial(fullYear(b), month, Number(a));
}

/** Excel reads a two-digit year 00–29 as 20xx and 30–99 as 19xx. */
function fullYear(text: string): number {
  const year = Number(text);
  return text.length > 2 ? year : year < 30 ? 2000 + year : 1900 + year;
}

const THIS_YEAR = new Date().getUTCFullYear();

/** Excel's serial number of a date (days since 30 December 1899, the 1900 system), or null when it is no date. */
function serial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 9999) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return Math.round((date.getTime() - Date.UTC(1899, 11, 30)) / 86400000);
}
