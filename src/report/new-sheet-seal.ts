import { cellRef, localAreas, parseA1Range, rangeRef } from "./a1";
import { runSteps, Steps } from "../data/slices";
import { extrasPrintInSteps, fingerprintInSteps, planContent, SheetContent, SheetExtras } from "./fingerprint";
import { ChartPlan, numericColumns, SheetPlan, TablePlan, TextLine } from "./types";
import { bodyFormats, chartColour, CHART_TYPES, POINTS_PER_CHARACTER, TABLE_STYLE, TEXT_FONTS, TEXT_FORMAT, WRAPPED_ALIGNMENT } from "./written-styles";

/**
 * The prints for the mark of a sheet Regenerate built new, from what Excel reported when it read
 * the sheet back (`content`, `extras`). Pure. Regenerate writes a new sheet in several syncs and
 * reads it back in further ones, and the analyst may work on it in between; what Excel then
 * reports is sealed as the add-in's only where it is what the plan wrote. Where anything is not
 * (see unplannedOnNewSheet), the mark carries neither print, so the next Regenerate keeps the
 * sheet as the user's ("edited") and says so: the rule below finds only what a user adds, not
 * what Excel chooses, so on a sheet built new what it finds is the user's.
 */
export function sealBuiltNew(content: SheetContent, extras: SheetExtras, plan: SheetPlan): { print: string | null; extras: string | null } {
  return runSteps(sealBuiltNewInSteps(content, extras, plan));
}

/** sealBuiltNew in steps (a yield every few hundred cells), for a sheet of thousands of rows in the pane. */
export function* sealBuiltNewInSteps(content: SheetContent, extras: SheetExtras, plan: SheetPlan): Steps<{ print: string | null; extras: string | null }> {
  if ((yield* unplannedInSteps(content, extras, plan)).length) return { print: null, extras: null };
  return { print: yield* fingerprintInSteps(content), extras: yield* extrasPrintInSteps(extras) };
}

/**
 * What Excel reports of a sheet built new that the plan did not write, each as a short phrase
 * (for tests; none is shown to the user). Pure.
 *
 * The content must be exactly the plan's (planContent: every value and formula, the used range,
 * the charts; the tables are the ones the add-in made). Of the rest, what the plan sets is known
 * but not always how Excel reports it (a font's name, a width in points, what a table style does
 * to a cell), so the rule compares with the plan only where Excel reports what was set (sizes,
 * bold, colours, "Right", a table's style, a chart's type, title, labels, colours and axes: see
 * chartAsPlanned), and elsewhere asks that cells the plan treats alike are reported alike: every
 * cell outside the tables, each table's header, each table's odd and even body rows, the cells of
 * a table given one number format; rows of one kind of text line; columns whose width the plan
 * does not set. The merges are exactly the plan's (its wrapped text lines, report/text-wrap.ts),
 * each of their cells wrapped and top-aligned, the other cells of the merges alike, and a wrapped
 * line's row as high as the plan makes it (to a pixel and a half). What the plan never makes must
 * be absent: hyperlinks, any other merged cells, conditional
 * formats, data validation, comments, notes, shapes (other than the charts), the sheet's own
 * names, PivotTables, hidden columns or rows in the used range, frozen panes other than the
 * plan's rows. So a normal Regenerate seals, whatever Excel's own defaults are, and a change an
 * analyst makes to one cell, row, note or link is told apart. Not told apart: a change to every
 * cell of a class alike (a fill over the whole table body), a column widened by less than 3
 * points or 5%, a chart moved or resized, a table's banding or filter buttons switched on a
 * sheet with one table, and what else the extras print reads that the plan does not decide (the
 * sheet's settings and page setup, sizes outside the used range, chart fonts).
 */
export function unplannedOnNewSheet(content: SheetContent, extras: SheetExtras, plan: SheetPlan): string[] {
  return runSteps(unplannedInSteps(content, extras, plan));
}

function* unplannedInSteps(content: SheetContent, extras: SheetExtras, plan: SheetPlan): Steps<string[]> {
  const found: string[] = [];
  if ((yield* fingerprintInSteps({ ...planContent(plan), tables: content.tables })) !== (yield* fingerprintInSteps(content))) found.push("content");
  found.push(...sheetWide(extras.details as Details, plan));
  found.push(...(yield* cells(extras, plan)));
  return found;
}

/** How far Excel may report a row's height from the plan's (in points): a pixel and a half, either way. */
const ROW_HEIGHT_LEEWAY = 1.5;

/** Cells looked at (each against its place in the plan, a few JSON texts each) between two yields. */
const CELLS_PER_STEP = 250;

/** What sheet-extras.ts reads, as far as this rule looks at it (plain data as Excel returned it). */
interface Details {
  cells: CellReport[][] | null;
  numberFormats: unknown[][] | null;
  columns: unknown[] | null;
  rows: unknown[] | null;
  frozen: string | null;
  merged: string | null;
  conditional: string | null;
  validated: string | null;
  comments: unknown[];
  notes: unknown[] | null;
  shapes: string[];
  names: unknown[];
  tables: unknown[][];
  pivots: unknown[];
  charts: unknown[][];
  axes?: (unknown[][] | null)[];
  hiddenColumns?: unknown[] | null;
  hiddenRows?: unknown[] | null;
}

interface CellReport {
  format?: { font?: Record<string, unknown>; horizontalAlignment?: unknown } & Record<string, unknown>;
  hyperlink?: unknown;
}

function sheetWide(details: Details, plan: SheetPlan): string[] {
  const found: string[] = [];
  const absent = { "conditional formats": details.conditional, "data validation": details.validated };
  for (const [what, address] of Object.entries(absent)) if (address) found.push(`${what} at ${address}`);
  if (!sameAreas(details.merged, plannedMerges(plan))) found.push(`merged at ${details.merged}`);
  if (details.comments.length) found.push("comments");
  if (details.notes?.length) found.push("notes");
  if (details.names.length) found.push("the sheet's names");
  if (details.pivots.length) found.push("PivotTables");
  if ([...(details.hiddenColumns ?? []), ...(details.hiddenRows ?? [])].some((hidden) => hidden === true)) found.push("hidden columns or rows");
  const charts = new Set(plan.charts.map((c) => c.title));
  // Whether Excel lists charts among the shapes the reference does not say: a shape named as one of the charts is taken for it.
  if (details.shapes.some((name) => !charts.has(name))) found.push("shapes");
  if (frozenRows(details.frozen) !== plan.frozenRows) found.push(`frozen panes at ${details.frozen}`);
  if (details.tables.length !== plan.tables.length || details.tables.some((t) => t[1] !== TABLE_STYLE || t[2] !== false)) found.push("a table's style or total row");
  // Banded rows and columns, filter buttons: set by Excel for a new table, alike on every table of the sheet.
  if (new Set(details.tables.map((t) => JSON.stringify(t.slice(3)))).size > 1) found.push("a table's options");
  details.charts.forEach((chart, c) => {
    const planned = plan.charts.find((p) => p.title === chart[0]);
    if (!planned || !chartAsPlanned(chart, details.axes?.[c] ?? null, planned)) found.push(`chart ${String(chart[0])}`);
  });
  return found;
}

/**
 * Whether what Excel reports of a chart is what write.ts set: its type, title, legend, value
 * labels and their format where it shows values, the colour of each series (a line's line, a
 * bar's fill) or of each slice of a pie, the axes' titles, number format and directions where it
 * set them. Where Excel could not report a colour (before ExcelApi 1.16: null) it is not asked.
 * Not asked: its place and size (in points, from the cells it was put on) and what it left to
 * Excel.
 */
function chartAsPlanned(chart: unknown[], axes: unknown[][] | null, planned: ChartPlan): boolean {
  const [, type, , , , , title, legendPosition, legendVisible, labels] = chart as [unknown, unknown, unknown, unknown, unknown, unknown, unknown, unknown, unknown, unknown[]];
  // Each chart's series come last in what is read of it, and each series' points last in what is read of that (see excel/sheet-extras.ts).
  const series = chart[chart.length - 1] as unknown[][] | undefined;
  const last = (list: unknown[] | undefined) => (list ? list[list.length - 1] : undefined);
  if (type !== CHART_TYPES[planned.kind] || title !== planned.title || legendPosition !== "Bottom" || legendVisible !== true) return false;
  if (planned.showValues && (labels?.[0] !== true || labels?.[6] !== planned.numberFormat)) return false;
  const colourAs = (reported: unknown, i: number) => reported === null || reported === undefined || sameColour(reported, chartColour(planned, i));
  if (planned.kind === "pie" || planned.kind === "doughnut") {
    const points = (last(series?.[0]) ?? []) as unknown[][];
    if (!points.every((point, i) => colourAs(point[1], i))) return false;
  } else if (!(series ?? []).every((s, i) => colourAs(planned.kind === "line" ? s[1] : s[2], i))) return false;
  if (!axes) return true;
  const [[categoryTitle, , categoryReversed], [valueTitle, valueFormat, valueReversed]] = axes;
  if (planned.categoryAxisTitle && categoryTitle !== planned.categoryAxisTitle) return false;
  if (planned.valueAxisTitle && valueTitle !== planned.valueAxisTitle) return false;
  if (planned.kind === "barClustered" && categoryReversed !== true) return false;
  if (planned.ranks && valueReversed !== true) return false;
  return valueFormat === planned.numberFormat;
}

/** The areas the plan merges (its wrapped text lines: report/text-wrap.ts), as addresses without the sheet ("A2:L2"). */
function plannedMerges(plan: SheetPlan): string[] {
  return plan.texts.filter((t) => (t.columns ?? 1) > 1).map((t) => rangeRef(t.row, 0, 1, t.columns as number));
}

/**
 * Whether Excel's address of merged areas (RangeAreas.address: "Blad!A2:L2,Blad!A40:L40", null for
 * none) names exactly `planned`, in any order and with or without "$" and the sheet's name (which
 * way Excel writes them the reference does not show; a name with a comma Excel quotes: localAreas).
 */
function sameAreas(address: string | null, planned: readonly string[]): boolean {
  const reported = localAreas(address ?? "").map((area) => area.toUpperCase());
  return reported.length === planned.length && [...reported].sort().join(",") === [...planned].sort().join(",");
}

/**
 * How many whole rows from the top an address of frozen cells covers: "Blad!1:2", "$1:$2" or
 * "A1:XFD2" (which one Excel answers the reference does not show); 0 for none, NaN for anything else.
 */
function frozenRows(address: string | null): number {
  if (address === null) return 0;
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const rows = /^1:(\d+)$/.exec(local) ?? /^1$/.exec(local);
  if (rows) return Number(rows[1] ?? 1);
  const whole = /^A1:XFD(\d+)$/i.exec(local);
  return whole ? Number(whole[1]) : NaN;
}

/** How cells the plan treats alike must be reported alike: the first report of each kind, and what differs from it. */
class Alike {
  private readonly first = new Map<string, string>();
  readonly found: string[] = [];
  check(kind: string, value: unknown, where: string): void {
    const text = JSON.stringify(value ?? null);
    const seen = this.first.get(kind);
    if (seen === undefined) this.first.set(kind, text);
    else if (seen !== text) this.found.push(`${kind.split(":")[0]} at ${where}`);
  }
}

/**
 * What the plan does to a cell: its class (outside the tables, a table's header, a table's odd or
 * even body rows), number format, text line, and whether a wrapped line's merge covers it (`wrapped`:
 * "first", its text's own cell, or "rest").
 */
function placeOf(plan: SheetPlan, row: number, column: number): { group: string; format: string; text: TextLine | null; rightAligned: boolean; wrapped: "first" | "rest" | null } {
  for (const [i, table] of plan.tables.entries()) {
    const c = column - table.column;
    if (row < table.row || row > table.row + table.rows.length || c < 0 || c >= table.header.length) continue;
    if (row === table.row) return { group: `table ${i} header`, format: TEXT_FORMAT, text: null, rightAligned: numericColumns(table)[c], wrapped: null };
    const r = row - table.row - 1;
    return { group: `table ${i} body ${r % 2}`, format: bodyFormatsOf(table)[r][c], text: null, rightAligned: false, wrapped: null };
  }
  const line = textLinesOf(plan).get(row) ?? null;
  const wrapped = line && column < (line.columns ?? 0) ? (column === 0 ? "first" : "rest") : null;
  return { group: "outside", format: "General", text: column === 0 ? line : null, rightAligned: false, wrapped };
}

const linesCache = new WeakMap<SheetPlan, Map<number, TextLine>>();
/** A plan's text lines by row (a sheet has a hundred or so, looked up for every cell). */
function textLinesOf(plan: SheetPlan): Map<number, TextLine> {
  let lines = linesCache.get(plan);
  if (!lines) linesCache.set(plan, (lines = new Map(plan.texts.map((t) => [t.row, t]))));
  return lines;
}

const formatsCache = new WeakMap<TablePlan, string[][]>();
function bodyFormatsOf(table: TablePlan): string[][] {
  let formats = formatsCache.get(table);
  if (!formats) formatsCache.set(table, (formats = bodyFormats(table)));
  return formats;
}

const hasLink = (link: unknown): boolean => typeof link === "object" && link !== null && Object.values(link).some((v) => v !== null && v !== undefined && v !== "");
const sameColour = (a: unknown, b: string) => typeof a === "string" && a.toUpperCase() === b.toUpperCase();

function* cells(extras: SheetExtras, plan: SheetPlan): Steps<string[]> {
  const details = extras.details as Details;
  if (extras.usedWithFormats === null || details.cells === null) return [];
  const at = parseA1Range(extras.usedWithFormats);
  const alike = new Alike();
  const found: string[] = [];
  const textCells: { font: Record<string, unknown>; line: TextLine; where: string }[] = [];
  let plainFont: Record<string, unknown> | null = null;
  let looked = 0;
  // As forEach went (a hole in what was read is passed over), with a yield every few hundred cells.
  for (let r = 0; r < details.cells.length; r++) {
    if (!(r in details.cells)) continue;
    const row = details.cells[r];
    for (let c = 0; c < row.length; c++) {
      if (!(c in row)) continue;
      const cell = row[c];
      if (++looked % CELLS_PER_STEP === 0) yield;
      const [sheetRow, sheetColumn] = [at.row + r, at.column + c];
      const where = cellRef(sheetRow, sheetColumn);
      const place = placeOf(plan, sheetRow, sheetColumn);
      if (hasLink(cell.hyperlink)) found.push(`a hyperlink at ${where}`);
      const { font = {}, horizontalAlignment, ...rest } = cell.format ?? {};
      // A wrapped line's cells are wrapped and top-aligned, as write.ts set them, and otherwise as
      // a plain cell; its first cell as the plain cells, the rest of its merge as one another (what
      // Excel reports of a merge's other cells the reference does not say).
      const { wrapText, verticalAlignment, ...others } = rest;
      if (!place.wrapped) alike.check(`wrapping:${place.group}`, { wrapText, verticalAlignment }, where);
      else if (wrapText !== true || verticalAlignment !== WRAPPED_ALIGNMENT) found.push(`wrapping at ${where}`);
      alike.check(`formats:${place.wrapped === "rest" ? "merged" : place.group}`, others, where);
      // A number format does not follow a table's banding: one kind for its odd and even rows.
      alike.check(`number format:${place.group.replace(/ body \d$/, " body")}:${place.format}`, details.numberFormats?.[r]?.[c], where);
      if (place.rightAligned) {
        if (horizontalAlignment !== "Right") found.push(`alignment at ${where}`);
      } else alike.check(`alignment:${place.group}`, horizontalAlignment, where);
      const { size, color, bold, italic, ...face } = font;
      alike.check(`font:${place.group}`, face, where);
      if (place.text) textCells.push({ font, line: place.text, where });
      else if (place.wrapped) alike.check("font size and colour:merged", { size, color, bold, italic }, where);
      else {
        alike.check(`font size and colour:${place.group}`, { size, color, bold, italic }, where);
        if (place.group === "outside") plainFont ??= font;
      }
    }
  }
  // A text line's cell has the font the plan gives its kind of line; what that does not name, as a plain cell has it.
  for (const { font, line, where } of textCells) {
    const want = TEXT_FONTS[line.style];
    const plain = plainFont as Record<string, unknown> | null;
    const [bold, italic] = [want.bold ?? plain?.bold ?? false, want.italic ?? plain?.italic ?? false];
    if (font.size !== want.size || !sameColour(font.color, want.color) || font.bold !== bold || font.italic !== italic) found.push(`font at ${where}`);
  }
  details.rows?.forEach((height, r) => {
    const line = textLinesOf(plan).get(at.row + r);
    // A wrapped line's row is as high as the plan makes it; Excel keeps a height in whole pixels, so near it, not equal to it.
    if (line?.height !== undefined) {
      if (typeof height !== "number" || Math.abs(height - line.height) > ROW_HEIGHT_LEEWAY) found.push(`row height at ${at.row + r + 1}`);
    } else alike.check(`row height:${line?.style ?? "none"}`, height, String(at.row + r + 1));
  });
  details.columns?.forEach((width, c) => {
    const column = at.column + c;
    const planned = column < plan.columnWidths.length ? plan.columnWidths[column] * POINTS_PER_CHARACTER : null;
    // Excel keeps a width in its own units and answers it in points: near the plan's, not equal to it.
    if (planned === null) alike.check("column width:unset", width, cellRef(0, column));
    else if (typeof width !== "number" || Math.abs(width - planned) > Math.max(3, planned * 0.05)) found.push(`column width at ${cellRef(0, column)}`);
  });
  return [...found, ...alike.found];
}
