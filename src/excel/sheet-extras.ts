import { SheetExtras } from "../report/fingerprint";
import { ReadBatch } from "./batch";
import { queueNoteCount } from "./optional-apis";

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

/** What the whole-sheet look-ups and the charts weigh in a response, about. */
const SHEET_BYTES = 4000;
const CHART_BYTES = 500;

/**
 * Queues reading a sheet's extras into `reads`. `formatted` is its used range with formats
 * (null for an empty sheet), `charts` its charts (loaded by name). Each cell's properties, number
 * format and row height are read in blocks of rows, each block's answer at most the batch's
 * limit (Excel on the web refuses a response over 5 MB), so a sheet of any size takes as many
 * syncs as its bytes need, never one per row; the blocks are joined again, so the extras are the
 * same however they were read. Whole-sheet look-ups (conditional formats, data validation,
 * merged cells) ask Excel for the cells of that kind, whose answer is an address. The returned
 * reader works after the batch's last flush.
 */
export async function queueReadExtras(reads: ReadBatch, sheet: Excel.Worksheet, formatted: Area | null, charts: Excel.Chart[]): Promise<() => SheetExtras> {
  const wide = await reads.queue(SHEET_BYTES + charts.length * CHART_BYTES, () => queueReadSheetWide(sheet, formatted, charts));
  // The readers run only after the caller's flush, which the lint rule cannot see.
  /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- ClientResults and loads of the caller's flush */
  const blocks = formatted
    ? await reads.queueRows(formatted.rowCount, formatted.columnCount * CELL_PROPERTY_BYTES + 40, (from, count) => {
        const range = sheet.getRangeByIndexes(formatted.rowIndex + from, formatted.columnIndex, count, formatted.columnCount).load("numberFormat");
        return { range, cells: range.getCellProperties(CELL_PROPERTIES), rows: range.getRowProperties({ format: { rowHeight: true } }) };
      })
    : null;
  return () => {
    const { columns, ...rest } = wide();
    return {
      usedWithFormats: formatted ? formatted.address : null,
      details: {
        cells: blocks ? blocks.flatMap((b) => b.cells.value) : null,
        numberFormats: blocks ? blocks.flatMap((b) => b.range.numberFormat) : null,
        columns,
        rows: blocks ? blocks.flatMap((b) => b.rows.value.map((r) => r.format?.rowHeight)) : null,
        ...rest,
      },
    };
  };
}

/** Queues what is read of a sheet as a whole (small whatever the sheet's size); the reader works after the sync. */
function queueReadSheetWide(sheet: Excel.Worksheet, formatted: Area | null, charts: Excel.Chart[]) {
  const whole = sheet.getRange();
  const columns = formatted ? sheet.getRangeByIndexes(formatted.rowIndex, formatted.columnIndex, 1, formatted.columnCount).getColumnProperties({ format: { columnWidth: true } }) : null;
  const frozen = sheet.freezePanes.getLocationOrNullObject().load("address");
  const merged = whole.getMergedAreasOrNullObject().load("address");
  const conditional = whole.getSpecialCellsOrNullObject("ConditionalFormats").load("address");
  const validated = whole.getSpecialCellsOrNullObject("DataValidations").load("address");
  const comments = sheet.comments.getCount();
  const notes = queueNoteCount(sheet);
  const shapes = sheet.shapes.load("items/name");
  const names = sheet.names.load("items/name,items/formula");
  const chartDetails = charts.map((chart) => ({
    chart: chart.load("name,chartType,top,left,height,width"),
    title: chart.title.load("text"),
    legend: chart.legend.load("position,visible"),
    series: chart.series.getCount(),
  }));
  return () => {
    const address = (range: { isNullObject: boolean; address: string }) => (range.isNullObject ? null : range.address);
    return {
      columns: columns?.value.map((c) => c.format?.columnWidth) ?? null,
      frozen: address(frozen),
      merged: address(merged),
      conditional: address(conditional),
      validated: address(validated),
      comments: comments.value,
      notes: notes ? notes.value : null,
      shapes: shapes.items.map((s) => s.name),
      names: names.items.map((n) => [n.name, n.formula]),
      charts: chartDetails.map(({ chart, title, legend, series }) => [chart.name, chart.chartType, chart.top, chart.left, chart.height, chart.width, title.text, legend.position, legend.visible, series.value]),
    };
  };
  /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read */
}
