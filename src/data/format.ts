import { Language, Unit } from "./types";

const MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function groupThousands(integer: string, separator: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** A number the way the report writes it: 1.253, 0,4 (Dutch) or 1,253, 0.4 (English). */
export function formatNumber(value: number, decimals: number, language: Language): string {
  return separated(value, decimals, language, false);
}

/** A number with exactly `decimals` decimals, a trailing zero kept (19,0 beside 18,6), as a cell's number format shows it. */
export function formatFixed(value: number, decimals: number, language: Language): string {
  return separated(value, decimals, language, true);
}

function separated(value: number, decimals: number, language: Language, keepZeros: boolean): string {
  const [integer, fraction] = Math.abs(value).toFixed(decimals).split(".");
  const thousands = language === "nl" ? "." : ",";
  const decimal = language === "nl" ? "," : ".";
  const sign = value < 0 ? "-" : "";
  const shown = keepZeros ? fraction : fraction && /[1-9]/.test(fraction) ? fraction.replace(/0+$/, "") : "";
  return sign + groupThousands(integer, thousands) + (shown ? decimal + shown : "");
}

/**
 * A number a user typed or a cell holds, quoted back in a message as Excel shows it in a cell of
 * General format in the reader's language: 2,5 and 1234,5 in Dutch, 2.5 and 1234.5 in English
 * (JavaScript writes 2.5 whatever the language). No thousands separators: a year stays 2022.
 */
export function formatTyped(value: number, language: Language): string {
  return language === "nl" ? String(value).replace(".", ",") : String(value);
}

/**
 * A figure with its unit the way the report prints it: `1.253`, `11,6%`, `88%`, `€ 30.672`.
 * Percentages keep at most one decimal, as the report does; given `percentDecimals` (the
 * decimals of the table a sheet shows the figure in, see percentDecimals), exactly that many, so
 * that a sentence says `19,0%` where the table beside it does.
 */
export function formatFigure(value: number, unit: Unit, language: Language = "nl", percentDecimals?: number): string {
  switch (unit) {
    case "aandeel":
    case "groei":
      return percentDecimals === undefined ? formatNumber(Math.round(value * 1000) / 10, 1, language) + "%" : formatFixed(value * 100, percentDecimals, language) + "%";
    case "euro":
      return "€ " + formatNumber(value, 0, language);
    default:
      return formatNumber(value, Number.isInteger(value) ? 0 : 2, language);
  }
}

/** "2022-01-01" → "1 januari 2022" / "1 January 2022". */
export function formatDate(iso: string, language: Language = "nl"): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const months = language === "nl" ? MONTHS_NL : MONTHS_EN;
  return `${Number(match[3])} ${months[Number(match[2]) - 1]} ${match[1]}`;
}

/**
 * The Excel number format of a unit's figures, as a format code in Excel's own notation (a `.`
 * for the decimal point, a `,` for thousands: what Range.numberFormat and the file's numFmt take,
 * whatever the language). It does not fix the separators: Excel shows them as the reader's
 * locale has them, 11,6% and 1.253 in Dutch, 11.6% and 1,253 in English. What it fixes is the
 * rest: shares and growth as a percentage with one decimal (the plan drops it where no figure of
 * a column needs one, plan.ts numberFormat), euros with the sign before them, counts as
 * whole numbers with a thousands separator (`#,##0`), without decimals.
 */
export function excelNumberFormat(unit: Unit): string {
  switch (unit) {
    case "aandeel":
    case "groei":
      return "0.0%";
    case "euro":
      return '"€" #,##0';
    default:
      return "#,##0";
  }
}

/** The decimals a percentage number format shows (`0.0%` → 1, `0%` → 0); undefined for any other format. */
export function percentDecimals(format: string | null): number | undefined {
  const match = /^0(?:\.(0+))?%$/.exec(format ?? "");
  return match ? (match[1]?.length ?? 0) : undefined;
}
