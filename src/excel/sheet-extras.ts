import { SheetExtras } from "../report/fingerprint";
import { queueNoteCount } from "./optional-apis";

/**
 * Reads what is on a sheet beyond its values (see SheetExtras), to tell whether a user changed
 * anything of it since the add-in wrote it. Nothing here syncs: `queueReadExtras` queues the
 * loads on the range and sheet, and the returned reader works after the caller's sync.
 */

/** What one cell's properties weigh in a response (format, borders, hyperlink, style): for chunking. */
export const CELL_PROPERTY_BYTES = 700;

const CELL_PROPERTIES: Excel.CellPropertiesLoadOptions = {
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

/**
 * Queues reading a sheet's extras. `used` is its used range with formats (loaded, not null),
 * `charts` its charts (loaded by name). Whole-sheet look-ups (conditional formats, data
 * validation, merged cells) ask Excel for the cells of that kind, whose answer is an address.
 */
export function queueReadExtras(sheet: Excel.Worksheet, used: Excel.Range | null, charts: Excel.Chart[]): () => SheetExtras {
  const whole = sheet.getRange();
  const cells = used ? used.getCellProperties(CELL_PROPERTIES) : null;
  const columns = used ? used.getColumnProperties({ format: { columnWidth: true } }) : null;
  const rows = used ? used.getRowProperties({ format: { rowHeight: true } }) : null;
  if (used) used.load("numberFormat");
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
  // The reader runs only after the caller's sync (inspectWorkbook), which the lint rule cannot see.
  /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- ClientResults and loads of the caller's sync */
  return () => {
    const address = (range: { isNullObject: boolean; address: string }) => (range.isNullObject ? null : range.address);
    return {
      usedWithFormats: used ? used.address : null,
      details: {
        cells: cells?.value ?? null,
        numberFormats: used ? used.numberFormat : null,
        columns: columns?.value.map((c) => c.format?.columnWidth) ?? null,
        rows: rows?.value.map((r) => r.format?.rowHeight) ?? null,
        frozen: address(frozen),
        merged: address(merged),
        conditional: address(conditional),
        validated: address(validated),
        comments: comments.value,
        notes: notes ? notes.value : null,
        shapes: shapes.items.map((s) => s.name),
        names: names.items.map((n) => [n.name, n.formula]),
        charts: chartDetails.map(({ chart, title, legend, series }) => [chart.name, chart.chartType, chart.top, chart.left, chart.height, chart.width, title.text, legend.position, legend.visible, series.value]),
      },
    };
  };
  /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read */
}
