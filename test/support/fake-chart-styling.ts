import { FakePart } from "./fake-sheet-settings";
import type { ChartModel, FakeContext, WorkbookModel } from "./fake-excel";
import { newerVersion, OfficeError } from "./fake-excel";

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
 * And what a user switches off or on with Chart Elements (review finding R5):
 * - ChartTitle.visible (1.1): "Specifies if the chart title is visible": where the chart has a
 *   title (the add-in gives each one) until a user hides it;
 * - ChartAxis.visible (1.7): "Specifies if the axis is visible": each axis until a user hides it;
 * - ChartAxisTitle.visible (1.1): "Specifies if the axis title is visible": where the axis has a
 *   title text (ChartAxisTitle.text) until a user hides it;
 * - Chart.style (1.8): "Specifies the chart style for the chart", a number (VBA's Chart.ChartStyle:
 *   "Use a number from 1 to 48"); the reference names no default, the fake answers 2;
 * - the data table (Chart.getDataTableOrNullObject, ChartDataTable, ExcelApi 1.14: "If the chart
 *   doesn't allow a data table, then this method returns an object with its isNullObject property
 *   set to true"): visible ("Specifies whether to show the data table of the chart"),
 *   showHorizontalBorder, showVerticalBorder, showOutlineBorder, showLegendKey. The reference
 *   does not say which charts allow one; the fake takes Excel's Chart Elements menu, which offers a
 *   data table on column, bar and line charts and not on a pie or doughnut. Unset: not shown, its
 *   borders and legend key on (the reference gives no defaults).
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
  /** Review finding R5: hidden by a user (Chart Elements). */
  titleHidden?: boolean;
  axesHidden?: { category?: boolean; value?: boolean };
  axisTitlesHidden?: { category?: boolean; value?: boolean };
  chartStyle?: number;
  dataTable?: Partial<DataTableModel>;
}

export interface DataTableModel {
  visible: boolean;
  showHorizontalBorder: boolean;
  showVerticalBorder: boolean;
  showOutlineBorder: boolean;
  showLegendKey: boolean;
}

const DATA_TABLE_DEFAULT: DataTableModel = { visible: false, showHorizontalBorder: true, showVerticalBorder: true, showOutlineBorder: true, showLegendKey: true };
/** The chart types that allow a data table (see above): not a pie or doughnut. */
const NO_DATA_TABLE = ["Pie", "Doughnut"];

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

/** Chart.style: a number, 2 until a user picks another style. */
export const chartStyle = (chart: ChartModel): number => styling(chart).chartStyle ?? 2;

/** Whether the chart's title shows (ChartTitle.visible). */
export const titleVisible = (chart: ChartModel): boolean => chart.title !== null && styling(chart).titleHidden !== true;

/** Whether an axis shows (ChartAxis.visible), and its title (ChartAxisTitle.visible, given the title's text). */
export const axisVisible = (chart: ChartModel, which: "category" | "value"): boolean => styling(chart).axesHidden?.[which] !== true;
export const axisTitleVisible = (chart: ChartModel, which: "category" | "value", text: string): boolean => text !== "" && styling(chart).axisTitlesHidden?.[which] !== true;

/**
 * The chart's data table (Chart.getDataTableOrNullObject, ExcelApi 1.14): a null object for a
 * chart that allows none, refused where Excel lacks 1.14 (ApiNotFound, as the fake's other newer members).
 */
export function fakeDataTable(context: FakeContext, chart: () => ChartModel | null) {
  // Refused at the sync, as Excel refuses a call its version lacks.
  context.enqueue(() => {
    if (newerVersion("1.14", context.model.excelApi)) throw new OfficeError("ApiNotFound", "getDataTableOrNullObject needs ExcelApi 1.14.");
  });
  const allowing = () => {
    const c = chart();
    return c && !NO_DATA_TABLE.includes(c.type) ? c : null;
  };
  const readers = Object.fromEntries((Object.keys(DATA_TABLE_DEFAULT) as (keyof DataTableModel)[]).map((k) => [k, (c: ChartModel) => styling(c).dataTable?.[k] ?? DATA_TABLE_DEFAULT[k]]));
  return new FakePart(context, allowing, readers);
}

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
