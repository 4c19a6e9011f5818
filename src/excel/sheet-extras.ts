import { SheetExtras } from "../report/fingerprint";
import { ReadBatch } from "./batch";
import { queueNotes, queueSolidColour } from "./optional-apis";

/**
 * Reads what is on a sheet beyond its values (see SheetExtras), to tell whether a user changed
 * anything of it since the add-in wrote it. The reads go into the caller's ReadBatch, which syncs
 * when a response would grow past its limit; the returned reader works after its last flush.
 */

/** What one cell's properties weigh in a response (format, borders, hyperlink, style): for chunking. */
export const CELL_PROPERTY_BYTES = 700;

export const CELL_PROPERTIES: Excel.CellPropertiesLoadOptions = {
  format: {
    fill: { color: true, pattern: true },
    font: { bold: true, italic: true, color: true, size: true, name: true, underline: true, strikethrough: true },
    borders: { style: true, color: true },
    horizontalAlignment: true,
    verticalAlignment: true,
    wrapText: true,
    indentLevel: true,
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

/** What the whole-sheet look-ups, a chart, a series, a point, a note weigh in a response, about. */
const SHEET_BYTES = 4000;
const CHART_BYTES = 800;
const SERIES_BYTES = 200;
const POINT_BYTES = 100;
const NOTE_BYTES = 300;
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
 * Reads the extras of `sources` through `reads`, in up to three rounds, each in syncs of at most
 * the batch's limit (Excel on the web refuses a response over 5 MB), never one per row, chart or
 * note: first each cell's properties, number format and row height in blocks of rows (joined
 * again, so the extras are the same however they were read) and what is read of a sheet as a
 * whole (Excel answers conditional formats, data validation and merged cells as addresses), the
 * charts' data labels and number of series, the notes' and comments' texts; then, as Excel only
 * reaches them by index, each series' colours, data labels and number of points, and each note's
 * and comment's cell; then each point's colour and label. Reads the caller queued on `reads`
 * before are answered by the first round. Where Excel lacks an API (notes before ExcelApi 1.18,
 * chart colours before 1.16) the extras say what could not be seen.
 */
export async function readExtras(reads: ReadBatch, sources: ExtrasSource[]): Promise<SheetExtras[]> {
  const first = await inTurn(sources, (source) => queueFirstRound(reads, source));
  await reads.flush();
  const second = await inTurn(first, (read) => queueSecondRound(reads, read.wide));
  await reads.flush();
  const third = await inTurn(second, (read) => queueThirdRound(reads, read));
  await reads.flush();
  return first.map((read, i) => {
    const { columns, notes, comments, charts, ...rest } = read.wide.read();
    const unseen = [...(notes === null ? ["notes"] : []), ...second[i].unseen, ...third[i].unseen];
    return {
      usedWithFormats: read.formatted ? read.formatted.address : null,
      details: {
        cells: read.blocks ? read.blocks.flatMap((b) => b.cells.value) : null,
        numberFormats: read.blocks ? read.blocks.flatMap((b) => b.range.numberFormat) : null,
        columns,
        rows: read.blocks ? read.blocks.flatMap((b) => b.rows.value.map((r) => r.format?.rowHeight)) : null,
        ...rest,
        notes: notes === null ? null : notes.map((text, n) => [second[i].noteCells?.()[n] ?? null, text]),
        comments: comments.map((text, n) => [second[i].commentCells[n].address, text]),
        charts: charts.map((chart, c) => [...chart, second[i].series[c].map((series, s) => [...series.read(), third[i].points[c][s].map((point) => point())])]),
      },
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
  const wide = await reads.queue(SHEET_BYTES + charts.length * CHART_BYTES, () => queueReadSheetWide(sheet, formatted, charts));
  const blocks = formatted
    ? await reads.queueRows(formatted.rowCount, formatted.columnCount * CELL_PROPERTY_BYTES + 40, (from, count) => {
        const range = sheet.getRangeByIndexes(formatted.rowIndex + from, formatted.columnIndex, count, formatted.columnCount).load("numberFormat");
        return { range, cells: range.getCellProperties(CELL_PROPERTIES), rows: range.getRowProperties({ format: { rowHeight: true } }) };
      })
    : null;
  return { formatted, wide, blocks };
}

// Each reader below runs only after the flush of its round.

/** Queues what needs the first round's answers: each series by index, each note's and comment's cell. */
async function queueSecondRound(reads: ReadBatch, wide: ReturnType<typeof queueReadSheetWide>) {
  const seriesCounts = wide.charts.map((c) => c.series.value);
  const noteCount = wide.notes ? wide.notes.count() : 0;
  const commentCount = wide.comments.items.length;
  const bytes = seriesCounts.reduce((n, count) => n + count * SERIES_BYTES, 0) + (noteCount + commentCount) * NOTE_BYTES;
  return reads.queue(bytes, () => {
    const series = wide.charts.map(({ chart }, c) =>
      Array.from({ length: seriesCounts[c] }, (_, i) => {
        const item = chart.series.getItemAt(i).load("hasDataLabels");
        const line = item.format.line.load("color");
        const fill = queueSolidColour(item.format.fill);
        const points = item.points.getCount();
        return { item, points, fill, read: () => [item.hasDataLabels, line.color, fill ? fill.value : null] };
      }),
    );
    const noteCells = wide.notes ? wide.notes.queueCells() : null;
    const commentCells = wide.comments.items.map((comment) => comment.getLocation().load("address"));
    const unseen = seriesCounts.some((n) => n > 0) && series.some((list) => list.some((s) => s.fill === null)) ? ["chart colours"] : [];
    return { series, noteCells, commentCells, unseen };
  });
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
  const columns = formatted ? sheet.getRangeByIndexes(formatted.rowIndex, formatted.columnIndex, 1, formatted.columnCount).getColumnProperties({ format: { columnWidth: true } }) : null;
  const frozen = sheet.freezePanes.getLocationOrNullObject().load("address");
  const merged = whole.getMergedAreasOrNullObject().load("address");
  const conditional = whole.getSpecialCellsOrNullObject("ConditionalFormats").load("address");
  const validated = whole.getSpecialCellsOrNullObject("DataValidations").load("address");
  const comments = sheet.comments.load("items/content");
  const notes = queueNotes(sheet);
  const shapes = sheet.shapes.load("items/name");
  const names = sheet.names.load("items/name,items/formula");
  const chartDetails = charts.map((chart) => ({
    chart: chart.load("name,chartType,top,left,height,width"),
    title: chart.title.load("text"),
    legend: chart.legend.load("position,visible"),
    labels: chart.dataLabels.load("showValue,showCategoryName,showSeriesName,showPercentage,showLegendKey,position,numberFormat"),
    series: chart.series.getCount(),
  }));
  return {
    charts: chartDetails,
    notes,
    comments,
    read: () => {
      const address = (range: { isNullObject: boolean; address: string }) => (range.isNullObject ? null : range.address);
      return {
        columns: columns?.value.map((c) => c.format?.columnWidth) ?? null,
        frozen: address(frozen),
        merged: address(merged),
        conditional: address(conditional),
        validated: address(validated),
        comments: comments.items.map((c) => c.content),
        notes: notes ? notes.texts() : null,
        shapes: shapes.items.map((s) => s.name),
        names: names.items.map((n) => [n.name, n.formula]),
        charts: chartDetails.map(({ chart, title, legend, labels, series }): unknown[] => [
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
        ]),
      };
    },
  };
}
 
