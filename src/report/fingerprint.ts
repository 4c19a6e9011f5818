import { Hash53, hash53 } from "../data/hash";
import { jsonInSteps } from "../data/json-steps";
import { runSteps, Steps } from "../data/slices";
import { addressParts, cellRef, rangeRef, tableRef, withoutSheet } from "./a1";
import { SheetPlan, TextLine } from "./types";

/**
 * What the add-in wrote on a sheet, in the form Excel reports it back: the used range (cells
 * with a value or formula) with each cell's formula or value, the tables with their ranges, and
 * the charts by name. Its fingerprint is kept in the sheet's mark; a sheet whose content no
 * longer has that fingerprint holds something the user made, and is theirs.
 */
export interface SheetContent {
  /** Used range without the sheet name ("A1:F40"), or null for a sheet without values. */
  usedAddress: string | null;
  /** The used range's formulas (a value where a cell has no formula), "" for an empty cell. */
  formulas: (string | number | boolean)[][];
  tables: { name: string; address: string }[];
  charts: string[];
}


export function fingerprint(content: SheetContent): string {
  return runSteps(fingerprintInSteps(content));
}

/** The fingerprint made in steps (a yield every few hundred cells), for a sheet of thousands of rows in the pane. */
export function* fingerprintInSteps(content: SheetContent): Steps<string> {
  const tables = [...content.tables].map((t) => [t.name.toLowerCase(), withoutSheet(t.address)]).sort((a, b) => a[0].localeCompare(b[0]));
  const charts = [...content.charts].sort();
  const hash = new Hash53();
  yield* jsonInSteps([content.usedAddress === null ? null : withoutSheet(content.usedAddress), content.formulas, tables, charts], (text) => hash.add(text));
  return hash.digest();
}

/**
 * What Excel reports about a sheet beyond its cells' values, tables and chart names: everything
 * a user may add or change that the content does not show (formats of every cell in the used
 * range with formats, every member Excel reports of them, number formats, column widths and row heights and hidden columns and rows
 * there and, one read per side, beside it to the sheet's edge, the tab colour, gridlines,
 * headings, protection and page setup, frozen panes, merged cells, conditional formats, data
 * validation, threaded comments and notes, shapes and pictures, the sheet's own defined names,
 * its tables' styles and options, its PivotTables, the charts' kind, style, place, size, title
 * and whether it shows, legend, data table, fonts, chart area, axes (shown or not) with their
 * titles and gridlines, and series with their names, gap widths, markers and sources). Plain data as read (see
 * excel/sheet-extras.ts); its print is kept in the mark beside the content's.
 */
export interface SheetExtras {
  /** The used range with formats, without the sheet name; null for an empty sheet. */
  usedWithFormats: string | null;
  /** Anything else read, as Excel returned it (addresses without sheet names). */
  details: unknown;
  /**
   * What Excel reports that follows the figures: a value axis's bounds, which read as numbers
   * even where automatic (ChartAxis.minimum: "The returned value is always a number"). Part of
   * the print; not compared when the add-in wrote new values in place (see report/extras-seal.ts).
   */
  followsFigures?: unknown;
  /**
   * What this Excel could not report ("notes" before ExcelApi 1.18, "chart colours" before 1.16,
   * "chart data tables" before 1.14,
   * "chart points" of a series too long to read, "sizes outside the used range" where a side of
   * it already differs within itself, so one more change there would not show): a user's change there cannot be seen, so such
   * a sheet proves its content only (see excel/ownership.ts). Not part of the print.
   */
  unseen?: string[];
}

/**
 * The version of what the extras print covers, at its head: a mark with a print from an older
 * version (which read less) proves the content only, as one without a print does. 5: every
 * member of a cell's format (alignment, protection, sub- and superscript, tints, fill patterns,
 * border weights), a chart's style, title and axis visibility and data table.
 */
export const EXTRAS_PRINT_VERSION = "5";

/** Whether an extras print in a mark is of what this version reads. */
export const isCurrentExtrasPrint = (print: string | null | undefined): print is string => typeof print === "string" && print.startsWith(`${EXTRAS_PRINT_VERSION}.`);

/** A JSON.stringify replacer: addresses (every string with a "!") lose their sheet names. */
const withoutSheets = (_key: string, value: unknown): unknown => (typeof value === "string" && value.includes("!") ? addressParts(value).map(withoutSheet).join(",") : value);

/**
 * The print of a sheet's extras (its version, a dot, a hash); addresses lose their sheet name, so
 * a rename is no change. The JSON of `[used range, details, followsFigures]`, as JSON.stringify
 * makes it with a replacer: the same text as of a stripped copy (what Excel reports is plain
 * data), without a copy of every cell's properties (at a sheet of thousands of rows that copy
 * took 100-200 ms).
 */
export function extrasPrint(extras: SheetExtras): string {
  return runSteps(extrasPrintInSteps(extras));
}

/**
 * The extras print made in steps: the same JSON, hashed as it is written (see jsonInSteps), with a
 * yield every few hundred cells, so that the print of a sheet of thousands of rows (what Excel
 * reports of every cell) does not hold the pane's thread in one piece (a sheet of 2,831 rows
 * took 25-55 ms a print, and Regenerate makes up to four of one sheet).
 */
export function* extrasPrintInSteps(extras: SheetExtras): Steps<string> {
  const hash = new Hash53();
  const write = (text: string) => hash.add(text);
  hash.add(`[${JSON.stringify(extras.usedWithFormats === null ? null : withoutSheet(extras.usedWithFormats))},`);
  // As an element of an array: what JSON cannot hold (undefined) is written null.
  if (!(yield* jsonInSteps(extras.details, write, withoutSheets))) write("null");
  write(",");
  if (!(yield* jsonInSteps(extras.followsFigures ?? null, write, withoutSheets))) write("null");
  write("]");
  return `${EXTRAS_PRINT_VERSION}.${hash.digest()}`;
}

/**
 * What identifies each figure a plan puts on a sheet, and where it puts it: "the same layout".
 * Texts' rows and styles, and the text of the lines that say what the figures are (the title
 * and the tables' captions: "Looneis voor kenniswerkers (70% van de IND-grens), 2020"), not of
 * the lines that carry the figures themselves (the lead, the sentences) or their sources;
 * tables' names, places, headers, row labels (first column), the periods their figures are
 * of, number formats and sizes; the text lines' merges and row heights; charts' kinds, titles, tables, places and the axis settings the
 * plan derives from the figures (ranks, an axis from 0); widths and frozen rows. Not the figures
 * themselves. Two plans with one layout put each figure (the same indicator, group, area and
 * period) in the same cell and draw it the same way, so a sheet can be brought up to date in
 * place (values only) and a user's formula pointing at a cell still points at the same figure.
 * A new year is a new layout even where only a caption, or nothing on the sheet, names it.
 */
export function layoutPrint(plan: SheetPlan): string {
  // A line's merge and row height are its place's: a lead that wraps to another number of lines
  // is another layout (see the README). Not the title's height: one line of its font on every
  // sheet, it tells no layout from another, and a sheet marked before it was planned (its title
  // row at Excel's standard height, which Excel fits to the font) is still the same layout, so
  // it is updated in place and a formula into it keeps its figure.
  const texts = plan.texts.map((t) => [t.row, t.style, NAMING_STYLES.has(t.style) ? t.text : null, t.columns ?? 1, t.style === "title" ? null : (t.height ?? null)]);
  const tables = plan.tables.map((t) => [t.name, t.row, t.column, t.header, t.rows.map((r) => r[0]), t.periods ?? null, t.numberFormats, t.widths]);
  const charts = plan.charts.map((c) => [c.kind, c.title, c.categoryAxisTitle, c.valueAxisTitle, c.numberFormat, c.showValues, c.ranks, c.fromZero === true, c.table.name, c.anchor]);
  return hash53(JSON.stringify([LAYOUT_PRINT_VERSION, texts, tables, charts, plan.frozenRows, plan.columnWidths]));
}

/**
 * The lines whose text names what the figures are (see layoutPrint); the others carry the
 * figures themselves (the lead, the sentences) or say where they come from (the source lines).
 */
const NAMING_STYLES: ReadonlySet<TextLine["style"]> = new Set(["title", "caption"]);

/**
 * What the layout print covers, inside it. Version 2 added the title's and captions' text, the
 * tables' periods and the charts' axis settings: a mark's layout from before (version 1) is
 * never "the same layout", so each such sheet is rebuilt once when exactly as written and
 * unreferenced, else kept (see the README, "What the add-in will and will not touch"). Version 3
 * added each text line's merge and row height (report/text-wrap.ts): a sheet written before
 * has its long lines in one cell each, and an update in place (values only) would leave them so.
 * The title's row height, planned since, is not in it (see layoutPrint).
 */
const LAYOUT_PRINT_VERSION = 3;

/**
 * The content a plan puts on a sheet, as Excel will report it: for a workbook written without
 * Excel (the .xlsx), whose marks must carry the fingerprint Excel will find when it opens it.
 */
export function planContent(plan: SheetPlan): SheetContent {
  const cells = new Map<string, string | number>();
  let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
  const put = (row: number, column: number, value: string | number | null) => {
    if (value === null || value === "") return;
    cells.set(`${row},${column}`, value);
    [top, left, bottom, right] = [Math.min(top, row), Math.min(left, column), Math.max(bottom, row), Math.max(right, column)];
  };
  for (const line of plan.texts) put(line.row, 0, line.text);
  for (const table of plan.tables) {
    table.header.forEach((h, c) => put(table.row, table.column + c, h));
    table.rows.forEach((row, r) => row.forEach((value, c) => put(table.row + 1 + r, table.column + c, value)));
  }
  if (bottom < 0) return { usedAddress: null, formulas: [], tables: [], charts: [] };
  const formulas = Array.from({ length: bottom - top + 1 }, (_, r) => Array.from({ length: right - left + 1 }, (_, c) => cells.get(`${top + r},${left + c}`) ?? ""));
  return {
    usedAddress: top === bottom && left === right ? cellRef(top, left) : rangeRef(top, left, bottom - top + 1, right - left + 1),
    formulas,
    tables: plan.tables.map((t) => ({ name: t.name, address: tableRef(t) })),
    charts: plan.charts.map((c) => c.title),
  };
}
