import { cellRef } from "../report/a1";
import { paletteColour } from "../report/palette";
import { ChartKind, ChartPlan, SheetPlan, TablePlan, TextLine } from "../report/types";

/**
 * Queues writing the parts of a plan on a sheet: every table as one 2-D array of values and
 * one of number formats, then `tables.add` over the written range. Nothing here syncs.
 */

const TEXT = "@";
/** Excel measures column widths in points; a character of the default font is about 6. */
const POINTS_PER_CHARACTER = 6;

const CHART_TYPES: Record<ChartKind, string> = {
  line: "Line",
  columnClustered: "ColumnClustered",
  barClustered: "BarClustered",
  pie: "Pie",
  doughnut: "Doughnut",
};

const FONT: Record<TextLine["style"], { size: number; bold?: boolean; italic?: boolean; color: string }> = {
  title: { size: 16, bold: true, color: "#C8102E" },
  lead: { size: 11, italic: true, color: "#404040" },
  caption: { size: 12, bold: true, color: "#000000" },
  source: { size: 9, color: "#6E6E6E" },
};

/**
 * A string Excel would read as a formula, or whose leading apostrophe Excel would take as its
 * quote prefix (and drop), is written quote-prefixed, so the cell holds exactly the text.
 */
export function literal(value: string): string {
  return /^[=+\-@']/.test(value) ? `'${value}` : value;
}

const isTextColumn = (table: TablePlan, column: number) => table.rows.every((row) => row[column] === null || typeof row[column] === "string");

/** A plan value as Excel takes it: blank for a missing figure, strings as literal text. */
export function writable(value: string | number | null): string | number {
  if (value === null) return "";
  return typeof value === "string" ? literal(value) : value;
}

export function queueTable(sheet: Excel.Worksheet, table: TablePlan, name: string, headerOrder?: string[]): Excel.Table {
  const header = headerOrder ?? table.header;
  const order = header.map((h) => table.header.indexOf(h));
  const textColumns = order.map((c) => isTextColumn(table, c));
  const range = sheet.getRangeByIndexes(table.row, table.column, table.rows.length + 1, header.length);
  // Formats first: a text column keeps "12-17" from becoming a date and "=…" from becoming a formula.
  range.numberFormat = [header.map(() => TEXT), ...table.rows.map(() => order.map((c, i) => (textColumns[i] ? TEXT : (table.numberFormats[c] ?? "General"))))];
  range.values = [header.map(literal), ...table.rows.map((row) => order.map((c) => writable(row[c])))];
  const created = sheet.tables.add(range, true);
  created.name = name;
  created.style = "TableStyleMedium2";
  return created;
}

export function queueColumnWidths(sheet: Excel.Worksheet, firstColumn: number, widths: number[]): void {
  widths.forEach((width, c) => (sheet.getRangeByIndexes(0, firstColumn + c, 1, 1).format.columnWidth = width * POINTS_PER_CHARACTER));
}

/** The monitor's colours and value labels, as the .xlsx renderer draws them. */
function queueChartStyle(created: Excel.Chart, chart: ChartPlan): void {
  const pie = chart.kind === "pie" || chart.kind === "doughnut";
  if (pie) {
    const points = created.series.getItemAt(0).points;
    chart.table.rows.forEach((_, i) => points.getItemAt(i).format.fill.setSolidColor(`#${paletteColour(i)}`));
  } else {
    chart.table.header.slice(1).forEach((_, i) => {
      const format = created.series.getItemAt(i).format;
      if (chart.kind === "line") format.line.color = `#${paletteColour(i)}`;
      else format.fill.setSolidColor(`#${paletteColour(i)}`);
    });
  }
  if (chart.showValues) {
    created.dataLabels.showValue = true;
    created.dataLabels.numberFormat = chart.numberFormat;
  }
}

export function queueIndicatorSheet(sheet: Excel.Worksheet, plan: SheetPlan, tableName: (planned: string) => string): void {
  queueColumnWidths(sheet, 0, plan.columnWidths);
  for (const line of plan.texts) {
    const cell = sheet.getRangeByIndexes(line.row, 0, 1, 1);
    cell.values = [[literal(line.text)]];
    const font = FONT[line.style];
    cell.format.font.size = font.size;
    cell.format.font.color = font.color;
    if (font.bold) cell.format.font.bold = true;
    if (font.italic) cell.format.font.italic = true;
  }
  for (const table of plan.tables) queueTable(sheet, table, tableName(table.name));
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
    }
    queueChartStyle(created, chart);
    created.setPosition(cellRef(chart.anchor.fromRow, chart.anchor.fromColumn), cellRef(chart.anchor.toRow, chart.anchor.toColumn));
  }
  sheet.freezePanes.freezeRows(plan.frozenRows);
}
