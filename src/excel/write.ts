import { cellRef, parseA1Range } from "../report/a1";
import { queueCellWrite } from "./text-cells";
import { textBytes, WriteBatch } from "./batch";
import { alignmentLookBytes, BLANK, cellLookBytes, rowsLook, Watch } from "./write-looks";
import { ChartPlan, numericColumns, SheetPlan, TablePlan, TextLine } from "../report/types";
import { bodyFormats, chartColour, CHART_TYPES, POINTS_PER_CHARACTER, TABLE_STYLE, TEXT_FONTS, TEXT_FORMAT as TEXT, WRAPPED_ALIGNMENT } from "../report/written-styles";

export { bodyFormats };

/**
 * Writes the parts of a plan on a sheet through a WriteBatch: every table as 2-D arrays of values
 * and number formats, then `tables.add` over the written range. The batch decides when to sync.
 */

/**
 * A string as the text it is, whatever Excel would make of it. Excel reads a string written
 * through Range.values as typing reads it: "=…", "+…", "-…" as a formula (Excel.Range.values
 * reference), "12", "1.253", "12%" as a number, "2022-01-01" or "12-17" as a date (office-js
 * #229), TRUE as a Boolean, "#N/A" as an error, in a locale the add-in cannot know; a leading
 * apostrophe is Excel's quote prefix, which keeps the rest as text and is itself dropped. So a
 * string that could be read as anything but text is written quote-prefixed: one that starts with
 * anything but a letter ("=", "+", "-", "@", "'", "#", a digit, a space, a currency sign), holds a
 * digit anywhere ("jan 2022", "GM0546") or is a Boolean's name in English or Dutch Excel. A text
 * of letters only ("Italiaans", "Leiden") cannot be read as anything else and is written as it is.
 */
export function literal(value: string): string {
  return MAY_BE_PARSED.test(value) ? `'${value}` : value;
}

const MAY_BE_PARSED = /^[^\p{L}]|\p{Nd}|^(?:true|false|waar|onwaar)\s*$/iu;

/** A plan value as Excel takes it: blank for a missing figure, strings as literal text. */
export function writable(value: string | number | null): string | number {
  if (value === null) return "";
  return typeof value === "string" ? literal(value) : value;
}

/** The number formats writeTable sets on a table's cells, by row (the header's first): what an undo compares with (see Journal.fillingBlank). */
export const tableFormats = (table: TablePlan): string[][] => [table.header.map(() => TEXT), ...bodyFormats(table)];

/**
 * Writes a table: its cells as 2-D arrays of number formats and values (in chunks when large),
 * then `tables.add` over the written range. Formats go first: a text column keeps "12-17" from
 * becoming a date and "=…" from becoming a formula. `formats`: tableFormats, where the caller
 * made them already (a first load keeps them for its undo).
 */
export async function writeTable(batch: WriteBatch, sheet: Excel.Worksheet, table: TablePlan, name: string, watch?: Watch, formats: string[][] = tableFormats(table)): Promise<void> {
  const values = [table.header.map(literal), ...table.rows.map((row) => row.map(writable))];
  const look = watch && rowsLook(sheet, watch, table.row, table.column, table.header.length);
  await batch.writeRows(values, { set: formats }, (from, count) => sheet.getRangeByIndexes(table.row + from, table.column, count, table.header.length), 0, look);
  const aligned = numericColumns(table);
  // On a sheet expected empty, a look at the header cells it aligns first (in the same sync): an alignment the analyst gave one meanwhile stops the write, and is put back (issue 14).
  const alignmentLook = watch?.expected === BLANK && aligned.some(Boolean) ? watch : undefined;
  await batch.queue(100 + (alignmentLook ? alignmentLookBytes(aligned.length) : 0), () => {
    alignmentLook?.looks.queueAlignment(sheet, alignmentLook, table.row, table.column, aligned);
    // A header over figures stands where they do, on the right.
    aligned.forEach((numeric, c) => {
      if (numeric) sheet.getRangeByIndexes(table.row, table.column + c, 1, 1).format.horizontalAlignment = "Right";
    });
    const created = sheet.tables.add(sheet.getRangeByIndexes(table.row, table.column, table.rows.length + 1, table.header.length), true);
    created.name = name;
    created.style = TABLE_STYLE;
  });
}

export function queueColumnWidths(sheet: Excel.Worksheet, firstColumn: number, widths: number[]): void {
  widths.forEach((width, c) => (sheet.getRangeByIndexes(0, firstColumn + c, 1, 1).format.columnWidth = width * POINTS_PER_CHARACTER));
}

/** The monitor's colours and value labels, as the .xlsx renderer draws them. */
function queueChartStyle(created: Excel.Chart, chart: ChartPlan): void {
  const pie = chart.kind === "pie" || chart.kind === "doughnut";
  const colour = (i: number) => chartColour(chart, i);
  if (pie) {
    const points = created.series.getItemAt(0).points;
    chart.table.rows.forEach((_, i) => points.getItemAt(i).format.fill.setSolidColor(colour(i)));
  } else {
    chart.table.header.slice(1).forEach((_, i) => {
      const format = created.series.getItemAt(i).format;
      if (chart.kind === "line") format.line.color = colour(i);
      else format.fill.setSolidColor(colour(i));
    });
  }
  if (chart.showValues) {
    created.dataLabels.showValue = true;
    created.dataLabels.numberFormat = chart.numberFormat;
  }
}

/**
 * As the .xlsx draws them (see chart-xml.ts): every category labelled; bars top-down in table
 * order with the value axis at the bottom; ranks from 1 at the top with the categories' labels
 * at the bottom; bars and columns of figures none below 0 from 0. `position` is where the other
 * axis crosses this one (ExcelApi 1.8;
 * reversePlotOrder and tickLabelSpacing 1.7; the manifest asks 1.13).
 */
function queueAxes(created: Excel.Chart, chart: ChartPlan): void {
  const { categoryAxis, valueAxis } = created.axes;
  categoryAxis.tickLabelSpacing = 1;
  if (chart.kind === "barClustered") {
    categoryAxis.reversePlotOrder = true;
    categoryAxis.position = "Maximum";
  }
  if (chart.ranks) {
    valueAxis.reversePlotOrder = true;
    valueAxis.minimum = 1;
    valueAxis.position = "Maximum";
  }
  if (chart.fromZero) valueAxis.minimum = 0;
}

/** The cells of a text line a write covers: its own, or (`merged`, as a new sheet gets it) every cell it is merged across. */
const lineColumns = (line: TextLine, merged: boolean) => (merged ? (line.columns ?? 1) : 1);

/** What a sheet's text lines weigh in a request, with the looks at their cells when watched. */
const textsBytes = (plan: SheetPlan, watch: Watch | undefined, merged: boolean) =>
  plan.texts.reduce((n, line) => {
    let bytes = n + textBytes(line.text) + 100 + (merged && line.columns ? 300 : 0);
    for (let c = 0; c < lineColumns(line, merged); c++) bytes += cellLookBytes(watch, line.row, c);
    return bytes;
  }, 200);

/**
 * Queues a look at each text line's cells (see write-looks.ts), before its write in the same sync:
 * where the line is merged (`merged`), at every cell of the merge, as merging keeps only the
 * top-left cell's value (Range.merge: "The value of a merged range is specified in the cell of the
 * range's upper-left corner", VBA's Range.Merge; the safe reading, that the others are lost).
 */
function queueTextLooks(sheet: Excel.Worksheet, plan: SheetPlan, watch: Watch | undefined, merged: boolean): void {
  if (watch) for (const line of plan.texts) watch.looks.queue(sheet, watch, line.row, 0, 1, lineColumns(line, merged));
}

/**
 * Writes an indicator sheet: texts, tables, charts (small: it all fits one sync with the rest).
 * `watch`: each write first looks at the cells it covers (see write-looks.ts).
 */
export async function writeIndicatorSheet(batch: WriteBatch, sheet: Excel.Worksheet, plan: SheetPlan, tableName: (planned: string) => string, watch?: Watch): Promise<void> {
  await batch.queue(textsBytes(plan, watch, true), () => {
    queueTextLooks(sheet, plan, watch, true);
    queueTexts(sheet, plan);
  });
  for (const table of plan.tables) await writeTable(batch, sheet, table, tableName(table.name), watch);
  await batch.queue(plan.charts.length * 1000, () => queueCharts(sheet, plan));
}

/**
 * Brings a sheet with the plan's layout up to date in place: the texts' and tables' values are
 * written where they are, nothing else (no formats, no tables or charts made or removed), so
 * every figure stays in its cell and whatever refers to the sheet keeps its meaning. `held`: each
 * cell's number format as Regenerate read it (the sheet proven as the add-in wrote it), which the
 * values' form follows (text-cells.ts). `watch`: each write first looks at the cells it
 * overwrites (see write-looks.ts).
 */
export async function updateIndicatorSheet(batch: WriteBatch, sheet: Excel.Worksheet, plan: SheetPlan, held: HeldFormat, watch?: Watch): Promise<void> {
  await batch.queue(textsBytes(plan, watch, false), () => {
    queueTextLooks(sheet, plan, watch, false);
    for (const line of plan.texts) queueCellWrite(sheet.getRangeByIndexes(line.row, 0, 1, 1), [[literal(line.text)]], [[held(line.row, 0)]], false);
  });
  for (const table of plan.tables) {
    const values = [table.header.map(literal), ...table.rows.map((row) => row.map(writable))];
    const formats = values.map((row, r) => row.map((_, c) => held(table.row + r, table.column + c)));
    const look = watch && rowsLook(sheet, watch, table.row, table.column, table.header.length);
    await batch.writeRows(values, { held: formats }, (from, count) => sheet.getRangeByIndexes(table.row + from, table.column, count, table.header.length), 0, look);
  }
}

/** A cell's number format, by sheet row and column. */
export type HeldFormat = (row: number, column: number) => string;

/** The number formats writeIndicatorSheet gives a plan's cells: a table's header as text, its body as bodyFormats, General elsewhere. */
export function writtenFormats(plan: SheetPlan): HeldFormat {
  const formats = new Map<string, string>();
  for (const table of plan.tables) {
    table.header.forEach((_, c) => formats.set(`${table.row},${table.column + c}`, TEXT));
    bodyFormats(table).forEach((row, r) => row.forEach((format, c) => formats.set(`${table.row + 1 + r},${table.column + c}`, format)));
  }
  return (row, column) => formats.get(`${row},${column}`) ?? "General";
}

/**
 * The number formats a sheet's cells hold, as its extras read them (sheet-extras.ts: those of
 * the used range with formats; General outside it); null when they were not read.
 */
export function heldFormats(extras: { usedWithFormats: string | null; details: unknown } | null): HeldFormat | null {
  if (!extras) return null;
  const read = (extras.details as { numberFormats?: unknown[][] | null } | null)?.numberFormats;
  if (extras.usedWithFormats === null) return () => "General";
  if (!read) return null;
  const at = parseA1Range(extras.usedWithFormats);
  return (row, column) => {
    const format = read[row - at.row]?.[column - at.column];
    return typeof format === "string" ? format : "General";
  };
}

function queueTexts(sheet: Excel.Worksheet, plan: SheetPlan): void {
  queueColumnWidths(sheet, 0, plan.columnWidths);
  for (const line of plan.texts) {
    const cell = sheet.getRangeByIndexes(line.row, 0, 1, 1);
    cell.values = [[literal(line.text)]];
    const font = TEXT_FONTS[line.style];
    cell.format.font.size = font.size;
    cell.format.font.color = font.color;
    if (font.bold) cell.format.font.bold = true;
    if (font.italic) cell.format.font.italic = true;
    queueWrap(sheet, line);
  }
}

/**
 * A long line merged across the sheet's width, wrapped and top-aligned, in a row as high as its
 * lines (report/text-wrap.ts; the .xlsx writes the same, xlsx/workbook.ts): Range.merge (ExcelApi
 * 1.2, after the value, which stays in the top-left cell), RangeFormat.wrapText and
 * verticalAlignment (1.1) over every cell of the merge; RangeFormat.rowHeight (1.2) in points where the
 * plan gives a height (the title's too).
 */
function queueWrap(sheet: Excel.Worksheet, line: TextLine): void {
  if (line.columns) {
    const merge = sheet.getRangeByIndexes(line.row, 0, 1, line.columns);
    merge.merge(false);
    merge.format.wrapText = true;
    merge.format.verticalAlignment = WRAPPED_ALIGNMENT;
  }
  if (line.height) sheet.getRangeByIndexes(line.row, 0, 1, 1).format.rowHeight = line.height;
}

function queueCharts(sheet: Excel.Worksheet, plan: SheetPlan): void {
  for (const chart of plan.charts) {
    const { table } = chart;
    const pie = chart.kind === "pie" || chart.kind === "doughnut";
    // Categories in the first column, one series per further column (a pie draws the first).
    const source = sheet.getRangeByIndexes(table.row, table.column, table.rows.length + 1, pie ? 2 : table.header.length);
    const created = sheet.charts.add(CHART_TYPES[chart.kind] as Excel.ChartType, source, "Columns");
    created.title.text = chart.title;
    created.name = chart.title; // what Excel's selection pane (and a screen reader there) names it
    created.legend.position = "Bottom";
    if (!pie) {
      if (chart.categoryAxisTitle) created.axes.categoryAxis.title.text = chart.categoryAxisTitle;
      if (chart.valueAxisTitle) created.axes.valueAxis.title.text = chart.valueAxisTitle;
      created.axes.valueAxis.numberFormat = chart.numberFormat;
      queueAxes(created, chart);
    }
    queueChartStyle(created, chart);
    created.setPosition(cellRef(chart.anchor.fromRow, chart.anchor.fromColumn), cellRef(chart.anchor.toRow, chart.anchor.toColumn));
  }
  sheet.freezePanes.freezeRows(plan.frozenRows);
}
