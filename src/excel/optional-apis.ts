import { FORMULA_BYTES } from "./batch";

/**
 * Office.js members newer than the ExcelApi 1.13 the manifest requires, each used only where
 * Excel says it has them (`isSetSupported`), so the add-in still loads everywhere the manifest
 * allows. test/addin/api-sets.test.ts allows newer members in this file only, and only with
 * the check for their set beside them. Each gives null where Excel lacks its set: then what it
 * reads cannot be seen, and the caller takes the safe reading (see SheetExtras.unseen).
 */
const supports = (version: string): boolean => typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported?.("ExcelApi", version) === true;

/**
 * Whether Excel can refresh a PivotTable when the workbook opens (`PivotTable.refreshOnOpen`,
 * ExcelApi 1.13). The manifest requires 1.13, so this is normally true; it is asked anyway because
 * setting it where Excel lacks it is refused (ApiNotFound) in the middle of the PivotTable's
 * batch, and the add-in can do without it (the pane then says to refresh by hand).
 */
export const canRefreshOnOpen = (): boolean => supports("1.13");

/** A sheet's notes as counted: their number after the sync, and each one by its position after that. */
export interface NotesRead {
  count: () => number;
  /** Queues reading the text and cell of the note at `index` (after the count's sync); the reader works after the next. */
  queueAt: (index: number) => () => { text: string; cell: string };
}

/**
 * Queues counting a sheet's notes (ExcelApi 1.18, `NoteCollection.getCount`; "Work with notes
 * using the Excel JavaScript API"), each then read by its position with its text and cell
 * (`getItemAt`, `Note.content`, `Note.getLocation`), so that no response holds them all at once
 * (notes-comments-read.ts); null where Excel has no notes API.
 */
export function queueNotes(sheet: Excel.Worksheet): NotesRead | null {
  if (!supports("1.18")) return null;
  const count = sheet.notes.getCount();
  return {
    // Read after the sync that answers the count (the caller's ReadBatch): the rule cannot see it.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    count: () => count.value,
    queueAt: (index) => {
      const note = sheet.notes.getItemAt(index).load("content");
      const cell = note.getLocation().load("address");
      return () => ({ text: note.content, cell: cell.address });
    },
  };
}

/**
 * Queues a look at the note on a cell of a sheet (ExcelApi 1.18, `NoteCollection.getItemOrNullObject`:
 * "Gets a note by its cell address. If the note object does not exist, then this method returns
 * an object with its isNullObject property set to true"); after the sync, its text, or null when
 * the cell has none. Null, queuing nothing, where Excel has no notes API (queueNotes read none).
 */
export function queueNoteLook(sheet: Excel.Worksheet, address: string): (() => string | null) | null {
  if (!supports("1.18")) return null;
  const note = sheet.notes.getItemOrNullObject(address).load("content");
  return () => (note.isNullObject ? null : note.content);
}

/**
 * Queues a look at a threaded comment by its id (ExcelApi 1.14, `CommentCollection.getItemOrNullObject`:
 * "If the comment object does not exist, then this method returns an object with its isNullObject
 * property set to true"), with its replies' texts; after the sync, its text, status and replies,
 * or null when it is gone. Null, queuing nothing, where Excel has no such call.
 */
export function queueCommentLook(sheet: Excel.Worksheet, id: string): (() => { content: string; resolved: boolean; replies: string[] } | null) | null {
  if (!supports("1.14")) return null;
  const comment = sheet.comments.getItemOrNullObject(id).load("content,resolved");
  const replies = comment.replies.load("items/content");
  return () => (comment.isNullObject ? null : { content: comment.content, resolved: comment.resolved, replies: replies.items.map((reply) => reply.content) });
}

/**
 * Queues putting a note on a cell (ExcelApi 1.18, `NoteCollection.add(cellAddress, content)`:
 * "Adds a new note with the given content on the given cell"); false, queuing nothing, where
 * Excel has no notes API (queueNotes read none there either).
 */
export function queueAddNote(sheet: Excel.Worksheet, cell: Excel.Range, text: string): boolean {
  if (!supports("1.18")) return false;
  sheet.notes.add(cell, text);
  return true;
}

/** The colour of a chart element's fill (ExcelApi 1.16, `ChartFill.getSolidColor`), or null where Excel cannot tell it. */
export function queueSolidColour(fill: Excel.ChartFill): OfficeExtension.ClientResult<string> | null {
  if (!supports("1.16")) return null;
  return fill.getSolidColor();
}

/**
 * A conditional format by its id, as a null object once Excel deleted it (ExcelApi 1.14,
 * `ConditionalFormatCollection.getItemOrNullObject`: "If the conditional format object does not
 * exist, then this method returns an object with its isNullObject property set to true"), or null,
 * queuing nothing, where Excel has no such call.
 */
export function formatOrNullObject(formats: Excel.ConditionalFormatCollection, id: string): Excel.ConditionalFormat | null {
  if (!supports("1.14")) return null;
  return formats.getItemOrNullObject(id);
}

/**
 * What the two sources queueSeriesSources reads of one series weigh in a response at the most. A
 * source can be long: many areas ("=('Mijn analyse'!$B$2:$B$3,'Mijn analyse'!$D$2:$D$3,…)"), a
 * sheet's name of 31 characters in each. The reference does not say how long the string can be;
 * the safe reading chosen: at most a formula's 8,192 characters, as each source is a part of the
 * series' =SERIES(…) formula, which Excel holds to a formula's length (FORMULA_BYTES). Callers
 * read as many series a sync as fit at this weight (84 in 4 MB), never all at once: 2,000 series
 * of such sources would answer 99 MB.
 */
export const SERIES_SOURCES_BYTES = 2 * FORMULA_BYTES;

/** Whether Excel can say where a chart series takes its values and categories from (ExcelApi 1.15, queueSeriesSources), asked before reading them one by one. */
export const canReadSeriesSources = (): boolean => supports("1.15");

/**
 * Where a chart series takes its values and categories from, as Excel writes it in Select Data
 * ("=Nationaliteiten!$B$6:$B$15"; ExcelApi 1.15, `ChartSeries.getDimensionDataSourceString`:
 * "the string representation could be information such as a cell address"), or null where Excel
 * has no such call. What the two weigh in a response: SERIES_SOURCES_BYTES.
 */
export function queueSeriesSources(series: Excel.ChartSeries): OfficeExtension.ClientResult<string>[] | null {
  if (!supports("1.15")) return null;
  return [series.getDimensionDataSourceString("Values"), series.getDimensionDataSourceString("Categories")];
}

/**
 * What the source queuePivotSource reads of one PivotTable weighs in a response at the most: a
 * table's name or a range's address. The reference does not say how long the string can be; the
 * safe reading chosen, as for a chart series' source (SERIES_SOURCES_BYTES): at most a formula's
 * 8,192 characters (FORMULA_BYTES), a range's address being a reference as a formula writes it.
 * Callers read as many a sync as fit at this weight (169 in 4 MB), never all at once: 2,000 such
 * sources would answer 49 MB.
 */
export const PIVOT_SOURCE_BYTES = FORMULA_BYTES;

/**
 * Where a PivotTable takes its data from (ExcelApi 1.15, `PivotTable.getDataSourceString`: "string
 * representations for table and range objects. Otherwise, it returns an empty string"), or null
 * where Excel has no such call. What it weighs in a response: PIVOT_SOURCE_BYTES.
 */
export function queuePivotSource(pivot: Excel.PivotTable): OfficeExtension.ClientResult<string> | null {
  if (!supports("1.15")) return null;
  return pivot.getDataSourceString();
}

/**
 * Whether a chart shows a data table and how (ExcelApi 1.14, `Chart.getDataTableOrNullObject`:
 * "If the chart doesn't allow a data table, then this method returns an object with its
 * isNullObject property set to true"; ChartDataTable.visible, showHorizontalBorder,
 * showVerticalBorder, showOutlineBorder, showLegendKey), read as [visible, the three borders,
 * the legend key], or [] for a chart that allows none; null, queuing nothing, where Excel has no
 * 1.14. Not read: the data table's format (ChartDataTableFormat: font, fill, border), as the
 * reference does not say what Excel answers for a chart that shows none, which is every chart
 * the add-in draws.
 */
export function queueDataTable(chart: Excel.Chart): (() => unknown[]) | null {
  if (!supports("1.14")) return null;
  const table = chart.getDataTableOrNullObject().load("visible,showHorizontalBorder,showVerticalBorder,showOutlineBorder,showLegendKey");
  return () => (table.isNullObject ? [] : [table.visible, table.showHorizontalBorder, table.showVerticalBorder, table.showOutlineBorder, table.showLegendKey]);
}

/**
 * What a worksheet's change event says of who made it (`WorksheetChangedEventArgs.triggerSource`,
 * ExcelApi 1.14: "identifies whether this local add-in triggers the event"; Excel.EventTriggerSource
 * "ThisLocalAddin": "The event is triggered by the Office JS API of the current add-in"), or
 * null where Excel has no such property: then the add-in's own writes and the user's edits come
 * as the same events. Asked once, when the handler is registered (inside Excel.run).
 */
export function ownWritesTold(): ((event: { triggerSource?: string }) => boolean) | null {
  if (!supports("1.14")) return null;
  return (event) => event.triggerSource === "ThisLocalAddin";
}

/**
 * Whether Excel can set where a conditional format applies (ExcelApi 1.17,
 * `ConditionalFormat.setRanges`: "Set the ranges that the conditional format rule is applied
 * to"; the 1.17 requirement set: "Change conditional formatting rules"). Without it a format a
 * pull's delete shrank cannot be made as it was (formats-put-back.ts names it as not put back).
 */
export const canSetFormatRanges = (): boolean => supports("1.17");

/** Queues setting where `format` applies (ExcelApi 1.17, setRanges); false, queuing nothing, where Excel has no 1.17. */
export function queueFormatRanges(format: Excel.ConditionalFormat, ranges: Excel.RangeAreas): boolean {
  if (!supports("1.17")) return false;
  format.setRanges(ranges);
  return true;
}
