import { formatOf } from "./data-columns";
import { paletteColour } from "./palette";
import { ChartKind, ChartPlan, TablePlan, TextLine } from "./types";

/**
 * What the add-in sets on a sheet beside its values, as Office.js takes it: the host module
 * (excel/write.ts) writes these, and a sheet built new is sealed only where Excel reports
 * nothing beyond them (report/new-sheet-seal.ts).
 */

/** The number format that keeps a cell's text as typed ("12-17" no date, "=…" no formula). */
export const TEXT_FORMAT = "@";

/** Excel measures column widths in points; a character of the default font is about 6. */
export const POINTS_PER_CHARACTER = 6;

/** The style of every table the add-in makes. */
export const TABLE_STYLE = "TableStyleMedium2";

/** Excel's chart type (Excel.ChartType) for each kind of chart a plan draws. */
export const CHART_TYPES: Record<ChartKind, string> = {
  line: "Line",
  columnClustered: "ColumnClustered",
  barClustered: "BarClustered",
  pie: "Pie",
  doughnut: "Doughnut",
};

/** The colour (#RRGGBB) of a chart's series `i`, or of a pie's slice `i`, as the .xlsx draws it too. */
export const chartColour = (chart: ChartPlan, i: number) => `#${chart.colours[i] ?? paletteColour(i)}`;

/** The font of each kind of text line; what is not named is left as Excel has it. */
export const TEXT_FONTS: Record<TextLine["style"], { size: number; bold?: boolean; italic?: boolean; color: string }> = {
  title: { size: 16, bold: true, color: "#C8102E" },
  lead: { size: 11, italic: true, color: "#404040" },
  caption: { size: 12, bold: true, color: "#000000" },
  source: { size: 9, color: "#6E6E6E" },
};

/** The vertical alignment of a wrapped line's merged cells (report/text-wrap.ts): at the top, so a row estimated a line too high leaves its white space below the text. */
export const WRAPPED_ALIGNMENT = "Top";

const isTextColumn = (table: TablePlan, column: number) => table.rows.every((row) => row[column] === null || typeof row[column] === "string");

/** Each body cell's number format: text for a text column, else the plan's format (per row where it varies). */
export function bodyFormats(table: TablePlan): string[][] {
  const textColumns = table.header.map((_, c) => isTextColumn(table, c));
  return table.rows.map((_, r) => table.header.map((__, c) => (textColumns[c] ? TEXT_FORMAT : (formatOf(table, r, c) ?? "General"))));
}
