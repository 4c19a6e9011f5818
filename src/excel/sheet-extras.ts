import { SheetExtras } from "../report/fingerprint";
import { addressParts } from "../report/a1";
import { ReadBatch } from "./batch";
import { NamePages, queuePages, readPages, takeAll } from "./names-read";
import { queueCommentCount, readNotesAndComments } from "./notes-comments-read";
import { queueDataTable, queueNotes, queueSeriesSources, queueSolidColour, SERIES_SOURCES_BYTES } from "./optional-apis";

/**
 * Reads what is on a sheet beyond its values (see SheetExtras), to tell whether a user changed
 * anything of it since the add-in wrote it. The reads go into the caller's ReadBatch, which syncs
 * when a response would grow past its limit; the returned reader works after its last flush.
 */

/**
 * What one cell weighs in a response to CELL_PROPERTIES (every member Excel reports, the eight
 * borders with four each), about 1,300 bytes for a formatted cell with a link (measured on the
 * fake, test/excel/cell-properties-shape.test.ts; the rest a margin for Excel's own): for chunking
 * (the extras print, and a pull's look at the rows it deletes, table-refresh.ts).
 */
export const EXTRAS_CELL_BYTES = 1800;

/**
 * Everything a cell's format holds that a user sets on Format Cells (ExcelApi 1.9, within the
 * 1.13 the manifest requires: CellPropertiesFormat, CellPropertiesFill, CellPropertiesFont,
 * CellBorder, CellPropertiesProtection), its link and its style. Alignment: horizontal and
 * vertical, wrap, indent and automatic indent, shrink to fit, orientation, reading order;
 * protection: locked, formula hidden; font: bold, italic, colour, size, name, underline,
 * strikethrough, sub- and superscript, tint; fill: colour, pattern, pattern colour, both tints;
 * each of the eight borders: style, colour, weight, tint. Not read: useStandardHeight and
 * useStandardWidth (the row's height and the column's width, read as sizes), and the cell's
 * text runs (CellProperties.textRuns, ExcelApi 1.18: one word of a cell in bold, say), which
 * carry the cell's text again and are not seen (README, "What the add-in will and will not touch").
 */
export const CELL_PROPERTIES: Excel.CellPropertiesLoadOptions = {
  format: {
    fill: { color: true, pattern: true, patternColor: true, patternTintAndShade: true, tintAndShade: true },
    font: { bold: true, italic: true, color: true, size: true, name: true, underline: true, strikethrough: true, subscript: true, superscript: true, tintAndShade: true },
    borders: { style: true, color: true, weight: true, tintAndShade: true },
    horizontalAlignment: true,
    verticalAlignment: true,
    wrapText: true,
    indentLevel: true,
    autoIndent: true,
    shrinkToFit: true,
    textOrientation: true,
    readingOrder: true,
    protection: true,
  },
  hyperlink: true,
  style: true,
};

/** A range as loaded (address, rowIndex, columnIndex, rowCount, columnCount): where to read. */
export interface Area {
  address: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** What the whole-sheet look-ups, a chart, a series, a point weigh in a response, about. */
const SHEET_BYTES = 5000;
const CHART_BYTES = 1400;
const SERIES_BYTES = 600;
const POINT_BYTES = 100;
/** What a chart's two axes weigh in a response, about. */
const AXES_BYTES = 1000;
/**
 * The chart types the add-in draws with axes (see write.ts): only their axes are read. A pie has
 * none (what Excel answers when asked is not documented), and a chart whose type the user changed
 * differs from the mark by its type already.
 */
const TYPES_WITH_AXES = ["Line", "ColumnClustered", "BarClustered"];
/**
 * The chart types whose series have a gap width the add-in reads (ChartSeries.gapWidth, ExcelApi
 * 1.7: "Only valid on bar and column charts, as well as specific classes of line and pie charts.
 * Throws an invalid argument exception on invalid charts"), and those whose series have markers
 * (ChartSeries.markerStyle, 1.7).
 */
const TYPES_WITH_GAPS = ["ColumnClustered", "BarClustered"];
const TYPES_WITH_MARKERS = ["Line"];
/** What is read of each font of a chart (ChartFont, ExcelApi 1.1). */
const CHART_FONT = "bold,color,italic,name,size,underline";
const fontOf = (font: Excel.ChartFont) => [font.name, font.size, font.bold, font.italic, font.underline, font.color];
/**
 * The points of a series with more than this are not read one by one (a colour or label a user
 * gave one of them is then not seen: the safe reading, see SheetExtras.unseen). The add-in's
 * charts have at most a few dozen categories.
 */
const MAX_POINTS = 500;

/** A sheet whose extras to read: its used range with formats (null for an empty sheet), its charts (loaded by name). */
export interface ExtrasSource {
  sheet: Excel.Worksheet;
  formatted: Area | null;
  charts: Excel.Chart[];
}

/**
 * Reads the extras of `sources` through `reads`, in up to five rounds, each in syncs of at most
 * the batch's limit (Excel on the web refuses a response over 5 MB), never one per row, chart or
 * note: first each cell's properties, number format and row height in blocks of rows (joined
 * again, so the extras are the same however they were read) and what is read of a sheet as a
 * whole (Excel answers conditional formats, data validation and merged cells as addresses), the
 * charts' data labels and number of series, the number of notes and comments and of the sheet's
 * own defined names (read in pages with the second round, see names-read.ts); then each note's
 * and comment's text and cell, in syncs of their own sized from what they weigh (none when there
 * are none, see notes-comments-read.ts); then, as Excel only reaches them by index, each series'
 * colours, data labels and number of points, and the axes of each chart that has them; then each point's colour and
 * label; last, in syncs of their own, where each series takes its data from (see
 * readSeriesSources). Reads the caller queued on `reads` before are answered by the first round.
 * Where Excel lacks an API (notes before ExcelApi 1.18, chart colours before 1.16, series sources
 * before 1.15, charts' data tables before 1.14) the extras say what could not be seen.
 */
export async function readExtras(reads: ReadBatch, sources: ExtrasSource[]): Promise<SheetExtras[]> {
  const first = await inTurn(sources, (source) => queueFirstRound(reads, source));
  await reads.flush();
  // Each note and comment by its position, its text and cell, in syncs of their own (none when
  // there are none; notes-comments-read.ts), which may be read again: this function queues only
  // loads, and its callers (inspect.ts, regenerate.ts's read-back) queue nothing else before it.
  const notesAndComments = await readNotesAndComments(reads, first.map((read) => ({ sheet: read.wide.sheet, notes: read.wide.notes, comments: read.wide.comments })), { replies: false });
  const names = first.map((read) => read.wide.names);
  takeAll(names);
  const second = await inTurn(first, (read) => queueSecondRound(reads, read.wide));
  await queuePages(reads, names);
  await reads.flush();
  takeAll(names);
  const third = await inTurn(second, (read) => queueThirdRound(reads, read));
  await reads.flush();
  // A sheet with more names than one sync holds: the rest, a sync's worth at a time.
  await readPages(reads, names);
  const seriesSources = await readSeriesSources(reads.limit, sources, second);
  return first.map((read, i) => {
    const { columns, charts, chartsUnseen, dataTablesUnseen, ...rest } = read.wide.read();
    const { notes, comments } = notesAndComments[i];
    const chartSources = seriesSources ? seriesSources[i] : null;
    const unseen = [...(notes === null ? ["notes"] : []), ...(rest.outside.some((part) => part.includes(null)) ? ["sizes outside the used range"] : []), ...(chartsUnseen ? ["chart colours"] : []), ...(dataTablesUnseen ? ["chart data tables"] : []), ...second[i].unseen, ...third[i].unseen, ...(chartSources === null && second[i].series.some((s) => s.length > 0) ? ["chart sources"] : [])];
    return {
      usedWithFormats: read.formatted ? read.formatted.address : null,
      details: {
        cells: read.blocks ? read.blocks.flatMap((b) => b.cells.value) : null,
        numberFormats: read.blocks ? read.blocks.flatMap((b) => b.range.numberFormat) : null,
        columns,
        rows: read.blocks ? read.blocks.flatMap((b) => b.rows.value.map((r) => r.format?.rowHeight)) : null,
        // Apart from the widths and heights, which report/new-sheet-seal.ts reads as numbers.
        hiddenRows: read.blocks ? read.blocks.flatMap((b) => b.rows.value.map((r) => r.rowHidden)) : null,
        ...rest,
        notes: notes === null ? null : notes.map((note) => [note.cell, note.text]),
        comments: comments.map((comment) => [comment.cell, comment.content]),
        charts: charts.map((chart, c) => [...chart, second[i].series[c].map((series, s) => [...series.read(), third[i].points[c][s].map((point) => point())])]),
        axes: second[i].axes.map((axes) => (axes ? axes.read() : null)),
        sources: chartSources,
      },
      followsFigures: { bounds: second[i].axes.map((axes) => (axes ? axes.bounds() : null)) },
      unseen: [...new Set(unseen)],
    };
  });
}

/** Queues the reads of each item in turn (a ReadBatch syncs between them when the next would not fit). */
async function inTurn<T, U>(items: T[], queue: (item: T) => Promise<U>): Promise<U[]> {
  const queued: U[] = [];
  for (const item of items) queued.push(await queue(item));
  return queued;
}

async function queueFirstRound(reads: ReadBatch, { sheet, formatted, charts }: ExtrasSource) {
  const wide = await reads.queue(SHEET_BYTES + charts.length * CHART_BYTES + mergedBytes(formatted), () => queueReadSheetWide(sheet, formatted, charts));
  const blocks = formatted
    ? await reads.queueRows(formatted.rowCount, formatted.columnCount * EXTRAS_CELL_BYTES + 40, (from, count) => {
        const range = sheet.getRangeByIndexes(formatted.rowIndex + from, formatted.columnIndex, count, formatted.columnCount).load("numberFormat");
        return { range, cells: range.getCellProperties(CELL_PROPERTIES), rows: range.getRowProperties({ rowHidden: true, format: { rowHeight: true } }) };
      })
    : null;
  return { formatted, wide, blocks };
}

// Each reader below runs only after the flush of its round.

/**
 * Queues what needs the first round's answers: each series by index, and the axes of a chart of a type that has them (its title, number format and direction;
 * the value axis's bounds apart, as they follow the figures where automatic: see SheetExtras).
 */
async function queueSecondRound(reads: ReadBatch, wide: ReturnType<typeof queueReadSheetWide>) {
  const seriesCounts = wide.charts.map((c) => c.series.value);
  const bytes = seriesCounts.reduce((n, count) => n + count * SERIES_BYTES, 0) + wide.charts.length * AXES_BYTES;
  const queued = await reads.queue(bytes, () => {
    const axes = wide.charts.map(({ chart }) => (TYPES_WITH_AXES.includes(chart.chartType) ? queueAxes(chart) : null));
    const series = wide.charts.map(({ chart }, c) => {
      const [gaps, markers] = [TYPES_WITH_GAPS.includes(chart.chartType), TYPES_WITH_MARKERS.includes(chart.chartType)];
      return Array.from({ length: seriesCounts[c] }, (_, i) => {
        // Its name (ChartSeries.name, 1.1: what Select Data › Edit names it), labels, colours, and the bars' gap or the line's markers.
        const item = chart.series.getItemAt(i).load(["hasDataLabels", "name", ...(gaps ? ["gapWidth"] : []), ...(markers ? ["markerStyle"] : [])]);
        const line = item.format.line.load("color");
        const fill = queueSolidColour(item.format.fill);
        const points = item.points.getCount();
        return { item, points, fill, read: () => [item.hasDataLabels, line.color, fill ? fill.value : null, item.name, gaps ? item.gapWidth : null, markers ? item.markerStyle : null] };
      });
    });
    const unseen = seriesCounts.some((n) => n > 0) && series.some((list) => list.some((s) => s.fill === null)) ? ["chart colours"] : [];
    return { series, axes, unseen };
  });
  return queued;
}

/**
 * Queues a chart's axes: each one's title (ChartAxisTitle.text, ExcelApi 1.1), number format
 * (1.8) and direction (reversePlotOrder, 1.7), whether its major gridlines show
 * (ChartGridlines.visible, 1.1), its labels' font (ChartAxisFormat.font, 1.1), whether it shows
 * (ChartAxis.visible, 1.7: "Specifies if the axis is visible") and its title does
 * (ChartAxisTitle.visible, 1.1: "Specifies if the axis title is visible"), and the value
 * axis's bounds (minimum and maximum, 1.1: "The returned value is always a number", an automatic
 * one too). Not read: an axis title's font (ChartAxisTitleFormat.font, 1.8), as the reference
 * does not say what Excel answers for an axis without a title, which most of the add-in's have.
 */
function queueAxes(chart: Excel.Chart) {
  const { categoryAxis, valueAxis } = chart.axes;
  const [category, value] = [categoryAxis.load("numberFormat,reversePlotOrder,visible"), valueAxis.load("numberFormat,reversePlotOrder,visible,minimum,maximum")];
  const [categoryTitle, valueTitle] = [categoryAxis.title.load("text,visible"), valueAxis.title.load("text,visible")];
  const [categoryGrid, valueGrid] = [categoryAxis.majorGridlines.load("visible"), valueAxis.majorGridlines.load("visible")];
  const [categoryFont, valueFont] = [categoryAxis.format.font.load(CHART_FONT), valueAxis.format.font.load(CHART_FONT)];
  return {
    read: () => [
      // New members last: new-sheet-seal.ts reads the first three by place.
      [categoryTitle.text, category.numberFormat, category.reversePlotOrder, categoryGrid.visible, fontOf(categoryFont), category.visible, categoryTitle.visible],
      [valueTitle.text, value.numberFormat, value.reversePlotOrder, valueGrid.visible, fontOf(valueFont), value.visible, valueTitle.visible],
    ],
    bounds: () => [value.minimum as unknown, value.maximum as unknown],
  };
}

/**
 * Where each series of each sheet's charts takes its values and categories from (ExcelApi 1.15,
 * see queueSeriesSources): a user may point a series elsewhere (Select Data) and change nothing
 * else. In syncs of their own, after the other reads: the reference does not say which series
 * have no source Excel will give, so a refused read here refuses none of the others. Each series
 * is queued on its own at the most its sources can weigh (SERIES_SOURCES_BYTES), so the batch
 * syncs between the series of one sheet too: a sheet with hundreds of series of long sources is
 * read in as many syncs of at most `limit` as it needs, never in one response over it. Per sheet,
 * per chart, per series [values, categories]; null where Excel cannot say (no 1.15, or a refused
 * read): the safe reading, see SheetExtras.unseen.
 */
async function readSeriesSources(limit: number, sources: ExtrasSource[], second: Awaited<ReturnType<typeof queueSecondRound>>[]): Promise<(string[][][] | null)[] | null> {
  const withSeries = sources.findIndex((_, i) => second[i].series.some((s) => s.length > 0));
  if (withSeries < 0) return sources.map(() => []);
  const reads = new ReadBatch(sources[withSeries].sheet.context, limit);
  try {
    // Without 1.15 no series can be read: once one says so, the others are not queued (each would weigh in the batch, asking nothing).
    let missing = false;
    const queueOne = async (series: { item: Excel.ChartSeries }) => {
      if (missing) return null;
      const results = await reads.queue(SERIES_SOURCES_BYTES, () => queueSeriesSources(series.item));
      missing = results === null;
      return results;
    };
    const queued = await inTurn(second, (read) => inTurn(read.series, (chart) => inTurn(chart, queueOne)));
    await reads.flush();
    return queued.map((charts) => (charts.some((chart) => chart.some((series) => series === null)) ? null : charts.map((chart) => chart.map((series) => (series ?? []).map((r) => r.value)))));
  } catch {
    return null;
  }
}

/** Queues each point of each series (a colour or label a user gave one bar or slice). */
async function queueThirdRound(reads: ReadBatch, second: Awaited<ReturnType<typeof queueSecondRound>>) {
  const unseen: string[] = [];
  const points: (() => unknown[])[][][] = [];
  for (const chart of second.series) {
    const perSeries: (() => unknown[])[][] = [];
    for (const series of chart) {
      const count = series.points.value;
      if (count > MAX_POINTS) {
        unseen.push("chart points");
        perSeries.push([]);
        continue;
      }
      perSeries.push(
        await reads.queue(count * POINT_BYTES, () =>
          Array.from({ length: count }, (_, j) => {
            const point = series.item.points.getItemAt(j).load("hasDataLabel");
            const colour = queueSolidColour(point.format.fill);
            return () => [point.hasDataLabel, colour ? colour.value : null];
          }),
        ),
      );
    }
    points.push(perSeries);
  }
  return { points, unseen };
}

/** Queues what is read of a sheet as a whole (small whatever the sheet's size). */
function queueReadSheetWide(sheet: Excel.Worksheet, formatted: Area | null, charts: Excel.Chart[]) {
  const whole = sheet.getRange();
  const columns = formatted ? sheet.getRangeByIndexes(formatted.rowIndex, formatted.columnIndex, 1, formatted.columnCount).getColumnProperties({ columnHidden: true, format: { columnWidth: true } }) : null;
  const outside = queueOutside(sheet, formatted);
  const settings = queueSheetSettings(sheet);
  const frozen = sheet.freezePanes.getLocationOrNullObject().load("address");
  const merged = queueMerged(sheet, formatted);
  const conditional = whole.getSpecialCellsOrNullObject("ConditionalFormats").load("address");
  const validated = whole.getSpecialCellsOrNullObject("DataValidations").load("address");
  // The notes and comments counted only: each is read in the second round, as many per sync as fit.
  const comments = queueCommentCount(sheet);
  const notes = queueNotes(sheet);
  const shapes = sheet.shapes.load("items/name");
  // The sheet's own defined names counted only: read in the second round, in pages under the limit (names-read.ts).
  const names = new NamePages(sheet.names, sheet.names.getCount());
  // Each table's style and Table Design options (ExcelApi 1.1 and 1.3), the PivotTables on the sheet (1.8).
  const tables = sheet.tables.load("items/name,items/style,items/showTotals,items/showBandedRows,items/showBandedColumns,items/showFilterButton");
  const pivots = sheet.pivotTables.load("items/name");
  const chartDetails = charts.map((chart) => ({
    // Its style (Chart.style, ExcelApi 1.8: "the chart style for the chart") and whether its title shows (ChartTitle.visible, 1.1).
    chart: chart.load("name,chartType,top,left,height,width,style"),
    title: chart.title.load("text,visible"),
    // The title's, legend's and chart area's fonts (ChartTitleFormat, ChartLegendFormat, ChartAreaFormat .font, ExcelApi 1.1) and the chart area's fill (1.16, see queueSolidColour).
    fonts: [chart.title.format.font.load(CHART_FONT), chart.legend.format.font.load(CHART_FONT), chart.format.font.load(CHART_FONT)],
    area: queueSolidColour(chart.format.fill),
    legend: chart.legend.load("position,visible"),
    labels: chart.dataLabels.load("showValue,showCategoryName,showSeriesName,showPercentage,showLegendKey,position,numberFormat"),
    series: chart.series.getCount(),
    dataTable: queueDataTable(chart),
  }));
  return {
    sheet,
    charts: chartDetails,
    notes,
    comments,
    names,
    read: () => {
      const address = (range: { isNullObject: boolean; address: string }) => (range.isNullObject ? null : range.address);
      return {
        columns: columns?.value.map((c) => c.format?.columnWidth) ?? null,
        hiddenColumns: columns?.value.map((c) => c.columnHidden) ?? null,
        outside: outside.map((part) => part()),
        settings: settings(),
        frozen: address(frozen),
        merged: merged(),
        conditional: address(conditional),
        validated: address(validated),
        shapes: shapes.items.map((s) => s.name),
        names: names.names.map((n) => [n.name, n.formula]),
        tables: tables.items
          .map((t) => [t.name.toLowerCase(), t.style, t.showTotals, t.showBandedRows, t.showBandedColumns, t.showFilterButton])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
        pivots: pivots.items.map((p) => p.name),
        chartsUnseen: chartDetails.some((detail) => detail.area === null),
        dataTablesUnseen: chartDetails.some((detail) => detail.dataTable === null),
        // New members go after the ones before them: new-sheet-seal.ts reads the first ones by place, and the series last.
        charts: chartDetails.map(({ chart, title, legend, labels, series, fonts, area, dataTable }): unknown[] => [
          chart.name,
          chart.chartType,
          chart.top,
          chart.left,
          chart.height,
          chart.width,
          title.text,
          legend.position,
          legend.visible,
          [labels.showValue, labels.showCategoryName, labels.showSeriesName, labels.showPercentage, labels.showLegendKey, labels.position, labels.numberFormat],
          series.value,
          fonts.map(fontOf),
          area ? area.value : null,
          title.visible,
          chart.style,
          dataTable ? dataTable() : null,
        ]),
      };
    },
  };
}
 

/**
 * The most merged areas Range.getMergedAreasOrNullObject answers for: "if the merged areas count
 * in this range is more than 512, then this method will fail to return the result" (ExcelApi 1.13
 * reference; @types/office-js says the same). An indicator sheet has the add-in's own merges (one
 * per long text line, report/text-wrap.ts: at most 26 on the shipped sheets) and whatever an
 * analyst merged, which can be more than 512 (a row merged across two cells in each of 600
 * rows), and a refused read refuses its whole sync.
 */
export const MERGED_AREAS_LIMIT = 512;

/**
 * The most blocks the merged areas of a used range are read in (queueMerged): 256 blocks of 512
 * cells hold a used range of 131,072 cells, more than the largest sheet whose extras the first
 * look reads (inspect.ts, MAX_FINGERPRINT_CELLS, 100,000), so each of those is read whole in
 * blocks. A larger one (Regenerate reads back a sheet it wrote, of any size, whose merges are the
 * plan's few) has the rest of its rows read in one range, which Excel fails for more than 512
 * areas there; a format over whole columns (a used range of a million rows) is not 2,000 reads.
 */
const MAX_MERGED_BLOCKS = 256;

/** What one merged area's address weighs in a response, about ("Blad met een lange naam!AB120:AC121,"). */
const MERGED_AREA_BYTES = 50;

/**
 * What the merged areas of a sheet weigh in a response, about: each block's answer (a null object,
 * or an address) and 512 areas' addresses. Not the most they can weigh (one area per two cells of
 * the used range), which would give a sheet of thousands of rows syncs of its own for merges it
 * does not have: the responses stay under 5 MB (MAX_SYNC_BYTES keeps 1 MB of room) up to some
 * 20,000 merged areas more.
 */
const mergedBytes = (formatted: Area | null) => (formatted ? Math.min(MAX_MERGED_BLOCKS + 5, Math.ceil((formatted.rowCount * formatted.columnCount) / MERGED_AREAS_LIMIT) + 5) * 60 + MERGED_AREAS_LIMIT * MERGED_AREA_BYTES : 0);

/**
 * Queues reading a sheet's merged areas, so that no read can be over MERGED_AREAS_LIMIT: the used
 * range with formats in blocks of at most that many cells (whole rows of it, or, in a used range
 * wider than that, parts of one row), each block holding at most as many areas as cells (areas do
 * not overlap), and the parts of the sheet around the used range, each whole. A merge is a format
 * of its cells (Format Cells › Alignment › Merge cells), so the used range with formats holds
 * every merged area and the parts around it none; they are read anyway (a few bytes), so that a
 * merge there, should Excel count it otherwise, is still seen. Whether an area is answered by
 * every range it overlaps (the reference: "the merged areas in this range"; the fake) or only by
 * the range holding its top-left cell (office-js #3611), an area over two blocks is named once:
 * the addresses are joined, each area once, in the order read (top to bottom). The add-in's own
 * merges, each within one row, read the same as from the whole sheet. Gives the address (null for
 * none), as RangeAreas.address gives it, after the sync.
 */
function queueMerged(sheet: Excel.Worksheet, formatted: Area | null): () => string | null {
  const part = (row: number, column: number, rows: number, columns: number) => sheet.getRangeByIndexes(row, column, rows, columns).getMergedAreasOrNullObject().load("address");
  const parts: Excel.RangeAreas[] = [];
  if (!formatted) parts.push(sheet.getRange().getMergedAreasOrNullObject().load("address"));
  else {
    const { rowIndex: top, columnIndex: left, rowCount: rows, columnCount: columns } = formatted;
    const [right, below] = [left + columns, top + rows];
    if (top > 0) parts.push(part(0, 0, top, SHEET_COLUMNS));
    const [rowsPer, columnsPer] = [Math.max(1, Math.floor(MERGED_AREAS_LIMIT / columns)), Math.min(columns, MERGED_AREAS_LIMIT)];
    let row = top;
    for (; row < below && parts.length < MAX_MERGED_BLOCKS; row += rowsPer) {
      for (let column = left; column < right; column += columnsPer) parts.push(part(row, column, Math.min(rowsPer, below - row), Math.min(columnsPer, right - column)));
    }
    // Past the blocks (a used range of more cells than they cover), the rest of its rows in one read, as before.
    if (row < below) parts.push(part(row, left, below - row, columns));
    if (left > 0) parts.push(part(top, 0, rows, left));
    if (right < SHEET_COLUMNS) parts.push(part(top, right, rows, SHEET_COLUMNS - right));
    if (below < SHEET_ROWS) parts.push(part(below, 0, SHEET_ROWS - below, SHEET_COLUMNS));
  }
  return () => {
    const areas = [...new Set(parts.flatMap((areas) => (areas.isNullObject ? [] : addressParts(areas.address))))];
    return areas.length ? areas.join(",") : null;
  };
}

/** Excel's grid: 1,048,576 rows by 16,384 columns (Excel specifications and limits). */
const SHEET_ROWS = 1_048_576;
const SHEET_COLUMNS = 16_384;

/**
 * Queues, in one read each, the width and hidden state of every column left and right of the used
 * range with formats, and the height and hidden state of every row above and below it (the whole
 * sheet for an empty one): a user may size or hide a column beside the charts or a row below
 * everything, which the used range, counting cells, does not reach. Each part of the sheet is one
 * range whose RangeFormat.columnWidth (rowHeight) is "the width of all columns within the range.
 * If the column widths are not uniform, null will be returned" (ExcelApi 1.2; VBA's
 * Range.ColumnWidth says the same: "If columns in the range have different widths, this property
 * returns null"), and whose Range.columnHidden (rowHidden) is true when all are hidden, false when
 * none is, null when some are (ExcelApi 1.2). So any one column sized or hidden there changes what
 * is read, at a few bytes whatever the sheet's size. A part that reads null when read for the
 * mark (the add-in never sizes a column outside its tables, so never in practice) would hide a
 * further change: the sheet then says it cannot see them (SheetExtras.unseen), the safe reading.
 */
function queueOutside(sheet: Excel.Worksheet, formatted: Area | null): (() => unknown[])[] {
  const columnsPart = (from: number, count: number) => {
    const range = sheet.getRangeByIndexes(0, from, 1, count).load("columnHidden");
    const format = range.format.load("columnWidth");
    return () => [format.columnWidth, range.columnHidden];
  };
  const rowsPart = (from: number, count: number) => {
    const range = sheet.getRangeByIndexes(from, 0, count, 1).load("rowHidden");
    const format = range.format.load("rowHeight");
    return () => [format.rowHeight, range.rowHidden];
  };
  if (!formatted) return [columnsPart(0, SHEET_COLUMNS), rowsPart(0, SHEET_ROWS)];
  const right = formatted.columnIndex + formatted.columnCount;
  const below = formatted.rowIndex + formatted.rowCount;
  return [
    ...(formatted.columnIndex > 0 ? [columnsPart(0, formatted.columnIndex)] : []),
    ...(right < SHEET_COLUMNS ? [columnsPart(right, SHEET_COLUMNS - right)] : []),
    ...(formatted.rowIndex > 0 ? [rowsPart(0, formatted.rowIndex)] : []),
    ...(below < SHEET_ROWS ? [rowsPart(below, SHEET_ROWS - below)] : []),
  ];
}

/**
 * Queues what a user sets on the sheet as a whole (all within the ExcelApi 1.13 the manifest
 * requires): its tab colour (Worksheet.tabColor, 1.7), whether gridlines and headings show
 * (showGridlines, showHeadings, 1.8), its protection (WorksheetProtection.protected, 1.2), and its
 * page setup for printing (Worksheet.pageLayout, 1.9): orientation, margins, centring, printed
 * gridlines and headings, scale or fit to pages (zoom), the headers and footers (their state,
 * which says whether the first or even pages have their own, and the texts every page has by
 * default), the print area and the rows and columns repeated on each page.
 * Not read: what depends on the printer where a user never set it (paper size, print quality,
 * draft mode; the reference calls PageLayout the settings "not dependent on any printer-specific
 * implementation" and does not say what these read on a sheet never printed), so a sheet does not
 * turn into the user's when opened on another computer; a user who changes only the paper size
 * of an indicator sheet loses it on a rebuild (README, "What the add-in will and will not touch").
 */
function queueSheetSettings(sheet: Excel.Worksheet): () => unknown[] {
  const shown = sheet.load("tabColor,showGridlines,showHeadings");
  const protection = sheet.protection.load("protected");
  const layout = sheet.pageLayout.load("orientation,topMargin,bottomMargin,leftMargin,rightMargin,headerMargin,footerMargin,centerHorizontally,centerVertically,printGridlines,printHeadings,zoom");
  const headersFooters = layout.headersFooters.load("state");
  const texts = layout.headersFooters.defaultForAllPages.load("leftHeader,centerHeader,rightHeader,leftFooter,centerFooter,rightFooter");
  const areas = [layout.getPrintAreaOrNullObject().load("address"), layout.getPrintTitleRowsOrNullObject().load("address"), layout.getPrintTitleColumnsOrNullObject().load("address")];
  return () => [
    shown.tabColor,
    shown.showGridlines,
    shown.showHeadings,
    protection.protected,
    [layout.orientation, layout.topMargin, layout.bottomMargin, layout.leftMargin, layout.rightMargin, layout.headerMargin, layout.footerMargin, layout.centerHorizontally, layout.centerVertically, layout.printGridlines, layout.printHeadings],
    [layout.zoom?.scale ?? null, layout.zoom?.horizontalFitToPages ?? null, layout.zoom?.verticalFitToPages ?? null],
    [headersFooters.state, texts.leftHeader, texts.centerHeader, texts.rightHeader, texts.leftFooter, texts.centerFooter, texts.rightFooter],
    areas.map((area) => (area.isNullObject ? null : area.address)),
  ];
}
