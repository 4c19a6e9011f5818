/**
 * CSV formula injection (OWASP, "CSV Injection"): a cell that starts with = + - @, a tab or a
 * carriage return is taken as a formula when the file is opened in a spreadsheet, so a text from
 * a source (a CBS title "=HYPERLINK(…)") would run in the analyst's Excel. OWASP's remedy: put
 * a single quote before such a cell. Only text cells get it; numbers are written as numbers
 * (-0.05 stays a number).
 *
 * The quote is read off again, so a package written and read back holds the original text. To
 * keep that exact for every text, a text that itself starts with a quote before one of those
 * characters or before another quote ("'=x", "''") gets one too; every other text, such as
 * "'s-Gravenhage", is written and read as it is.
 */
const RISKY = new Set(["=", "+", "-", "@", "\t", "\r"]);
const QUOTE = "'";

/** Whether `text` starts as the reader would strip: a quote, then a risky character or a quote. */
const looksGuarded = (text: string) => text[0] === QUOTE && (RISKY.has(text[1]) || text[1] === QUOTE);

/** A text cell as it is written to CSV: quote-prefixed where a spreadsheet would take it as a formula. */
export function guardCell(text: string): string {
  return RISKY.has(text[0]) || looksGuarded(text) ? QUOTE + text : text;
}

/** A cell as it was before guardCell. */
export function unguardCell(text: string): string {
  return looksGuarded(text) ? text.slice(1) : text;
}
