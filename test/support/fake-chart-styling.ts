import { FakePart } from "./fake-sheet-settings";
import type { ChartModel, FakeContext, WorkbookModel } from "./fake-excel";
import { OfficeError } from "./fake-excel";

/**
 * Chart styling a user changes on the Format pane that the add-in never sets (issue 14; review 2,
 * D6), read as the ExcelApi reference (@types/office-js) describes it:
 * - ChartAxis.majorGridlines (ChartGridlines.visible, ExcelApi 1.1): "Specifies if the axis
 *   gridlines are visible";
 * - ChartFont (bold, color, italic, name, size, underline; ExcelApi 1.1) of the title
 *   (ChartTitleFormat.font), the legend (ChartLegendFormat.font), each axis's labels
 *   (ChartAxisFormat.font) and the chart area (ChartAreaFormat.font);
 * - the chart area's fill (ChartAreaFormat.fill, 1.1; its colour by ChartFill.getSolidColor, 1.16);
 * - ChartSeries.name (1.1, "the name of a series in a chart", what Select Data › Edit sets);
 * - ChartSeries.gapWidth (1.7): "Only valid on bar and column charts, as well as specific classes
 *   of line and pie charts. Throws an invalid argument exception on invalid charts": the fake
 *   answers for the clustered column and bar charts and refuses the others;
 * - ChartSeries.markerStyle (1.7): the marker of a line chart's series.
 * Unset, each reads as a new chart in Excel for Windows shows it (gridlines on the value axis only,
 * Calibri in grey #595959, 14 pt for the title and 9 pt elsewhere, a white chart area, gap width
 * 219 %, automatic markers, each series named after its column's header): the reference gives no
 * defaults, and what matters for the add-in is only that they stay put until a user changes them.
 */
export interface ChartFontModel {
  bold?: boolean;
  color?: string;
  italic?: boolean;
  name?: string;
  size?: number;
  underline?: string;
}

export interface ChartStylingModel {
  gridlines?: { category?: boolean; value?: boolean };
  titleFont?: ChartFontModel;
  legendFont?: ChartFontModel;
  chartAreaFont?: ChartFontModel;
  chartAreaFill?: string;
  axisFonts?: { category?: ChartFontModel; value?: ChartFontModel };
  /** Per series, by index: a name a user typed, a gap width, a marker style. */
  seriesNames?: string[];
  gapWidths?: number[];
  markerStyles?: string[];
}

const FONT_DEFAULT = { bold: false, color: "#595959", italic: false, name: "Calibri", underline: "None" };
const GAP_TYPES = ["ColumnClustered", "BarClustered"];

const styling = (chart: ChartModel): ChartStylingModel => chart.styling ?? {};

/** A ChartFont, loaded from what `font` gives of a chart (14 pt for a title, else 9). */
export function fakeChartFont(context: FakeContext, chart: () => ChartModel | null, font: (s: ChartStylingModel) => ChartFontModel | undefined, size = 9) {
  const readers = Object.fromEntries((["bold", "color", "italic", "name", "underline", "size"] as const).map((k) => [k, (c: ChartModel) => font(styling(c))?.[k] ?? (k === "size" ? size : FONT_DEFAULT[k])]));
  return new FakePart(context, chart, readers);
}

/** An axis's major gridlines (ChartAxis.majorGridlines). */
export const fakeGridlines = (context: FakeContext, chart: () => ChartModel | null, which: "category" | "value") =>
  new FakePart(context, chart, { visible: (c: ChartModel) => styling(c).gridlines?.[which] ?? which === "value" });

/** The chart area's colour where a user filled it (ChartFill.getSolidColor), white where not. */
export const chartAreaFill = (chart: ChartModel): string => styling(chart).chartAreaFill ?? "#FFFFFF";

/** What ChartSeries loads of the styling, or undefined where it is no styling property. */
export function seriesStyling(model: WorkbookModel, chart: ChartModel, index: number, name: string): { value: unknown } | undefined {
  const s = styling(chart);
  if (name === "name") return { value: s.seriesNames?.[index] ?? headerOf(model, chart, index) };
  if (name === "gapWidth") {
    if (!GAP_TYPES.includes(chart.type)) throw new OfficeError("InvalidArgument", `A ${chart.type} chart's series has no gap width.`);
    return { value: s.gapWidths?.[index] ?? 219 };
  }
  if (name === "markerStyle") return { value: s.markerStyles?.[index] ?? "Automatic" };
  return undefined;
}

/** Excel names a series after its column's header when the chart's source has one. */
function headerOf(model: WorkbookModel, chart: ChartModel, index: number): string {
  const home = model.sheets.find((sheet) => sheet.charts.includes(chart));
  const cell = home?.cells.get(`${chart.source.row},${chart.source.column + 1 + index}`);
  return String(cell?.formula ?? cell?.value ?? `Series${index + 1}`);
}
