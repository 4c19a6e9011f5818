import { INPUT } from "../text/input";
import { AnyMessage, say } from "../text/message";

/**
 * What text a cell of an .xlsx file can hold. XML 1.0 forbids most control characters (the
 * vertical tab Word pastes for a soft line break among them), U+FFFE/U+FFFF and unpaired
 * surrogates: one of them in sharedStrings.xml makes Excel "repair" the file and LibreOffice
 * blank every later string. Excel holds at most 32,767 characters in a cell.
 */
export const MAX_CELL_TEXT = 32_767;

/** Rows of an Excel sheet, the header row included ("Excel specifications and limits", Microsoft Support). */
export const EXCEL_ROWS = 1_048_576;

// Finding control characters is the point of this pattern.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, "g");

/** The first character a file cannot hold, with its 1-based position; null when the text is fine. */
export function forbiddenCharacter(text: string): { code: number; position: number } | null {
  const match = FORBIDDEN.exec(text);
  return match ? { code: match[0].charCodeAt(0), position: match.index + 1 } : null;
}

/** Texts found fine before: a table repeats the same few texts in most columns. Bounded in count and length. */
const fine = new Set<string>();
const MAX_FINE = 20_000;
/** Longer texts (a note) are checked each time: 20,000 of Excel's longest would be a gigabyte. */
const MAX_REMEMBERED_LENGTH = 256;

/** The problem with a text as cell content, or null. */
export function cellTextProblem(text: string): AnyMessage | null {
  if (fine.has(text)) return null;
  const problem = textProblem(text);
  if (problem === null && text.length <= MAX_REMEMBERED_LENGTH) {
    if (fine.size >= MAX_FINE) fine.clear();
    fine.add(text);
  }
  return problem;
}

function textProblem(text: string): AnyMessage | null {
  if (text.length > MAX_CELL_TEXT) return say(INPUT.textTooLong, { length: text.length, max: MAX_CELL_TEXT });
  const forbidden = forbiddenCharacter(text);
  return forbidden ? say(INPUT.forbiddenCharacter, forbidden) : null;
}

/**
 * Last line of defence for text the add-in writes itself (labels, sentences, names built from
 * data): drops what XML forbids, trims the ends (as the validator does with data, so no cell
 * needs xml:space, which the schema does not allow on a string) and cuts at Excel's limit. Data
 * is rejected earlier, with its row and column; this only makes sure no file is ever broken.
 */
export function safeCellText(text: string): string {
  const known = safe.get(text);
  if (known !== undefined) return known;
  const result = madeSafe(text);
  if (text.length > MAX_REMEMBERED_LENGTH) return result;
  if (safe.size >= MAX_FINE) safe.clear();
  safe.set(text, result);
  return result;
}

/** Texts made safe before, by text: a plan repeats the data's few texts in every row. Bounded. */
const safe = new Map<string, string>();

function madeSafe(text: string): string {
  const clean = (FORBIDDEN.test(text) ? text.replace(FORBIDDEN_ALL, "") : text).trim();
  if (clean.length <= MAX_CELL_TEXT) return clean;
  // Never cut a surrogate pair in two.
  const end = /[\uD800-\uDBFF]/.test(clean[MAX_CELL_TEXT - 1]) ? MAX_CELL_TEXT - 1 : MAX_CELL_TEXT;
  return clean.slice(0, end);
}
