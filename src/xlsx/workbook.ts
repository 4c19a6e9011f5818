import type * as ExcelJSModule from "exceljs";
import JSZip from "jszip";
import { numericColumns, SheetPlan, TablePlan, TextLine, WorkbookPlan } from "../report/types";
import { formatOf } from "../report/data-columns";
import { DATA_SHEET_KEY, MANAGED_SHEET_PROPERTY } from "../report/plan";
import { fingerprint, layoutPrint, planContent } from "../report/fingerprint";
import { encodeMark, SheetMark } from "../report/mark";
import { bulkRowStyles, hasBulkRows, ROWS_BY_EXCELJS, widenForBulkRows, writeSheetWithBulkRows } from "./bulk-rows";
import { rowLimitProblem, RowLimitError } from "./limits";
import { EntryFactory, zipWriter, ZipSink } from "./zip-writer";
import { addSheetParts } from "./package-parts";
import { referenceWhiteSpace } from "./cells";

type ExcelJS = typeof ExcelJSModule;
type Worksheet = ExcelJSModule.Worksheet;

const TEXT_STYLES: Record<TextLine["style"], Partial<ExcelJSModule.Font>> = {
  title: { size: 16, bold: true, color: { argb: "FFC8102E" } },
  lead: { size: 11, italic: true, color: { argb: "FF404040" } },
  caption: { size: 12, bold: true },
  source: { size: 9, color: { argb: "FF6E6E6E" } },
};

function writeTable(sheet: Worksheet, table: TablePlan): void {
  sheet.addTable({
    name: table.name,
    ref: sheet.getCell(table.row + 1, table.column + 1).address,
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: table.header.map((name) => ({ name, filterButton: true })),
    // An empty text is an empty cell, as in the bulk rows and as Excel itself keeps it.
    rows: table.rows.map((row) => row.map((value) => (value === null || value === "" ? undefined : value))) as ExcelJSModule.CellValue[][],
  });
  table.header.forEach((_, c) => {
    for (let r = 0; r < table.rows.length; r++) {
      const format = formatOf(table, r, c);
      if (format) sheet.getCell(table.row + 2 + r, table.column + 1 + c).numFmt = format;
    }
  });
  // A header over figures stands where they do, on the right (Excel aligns numbers right, text left).
  numericColumns(table).forEach((numeric, c) => {
    if (numeric) sheet.getCell(table.row + 1, table.column + 1 + c).alignment = { horizontal: "right" };
  });
}

function writeIndicatorSheet(workbook: ExcelJSModule.Workbook, plan: SheetPlan, opensOn: boolean): void {
  const sheet = workbook.addWorksheet(plan.name, {
    // The sheet the workbook opens on is its selected tab too (a sheet view's tabSelected): Excel
    // selects the tab of bookViews' activeTab, and both say the same.
    views: [{ state: "frozen", ySplit: plan.frozenRows, xSplit: 0, showGridLines: false, ...(opensOn ? { tabSelected: true } : {}) }],
    // Printed, a sheet is one page wide in landscape, with its charts beside the tables.
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  plan.columnWidths.forEach((width, c) => (sheet.getColumn(c + 1).width = width));
  for (const line of plan.texts) {
    const cell = sheet.getCell(line.row + 1, 1);
    cell.value = line.text; // always a string value: text from data never becomes a formula
    cell.font = { name: "Segoe UI", ...TEXT_STYLES[line.style] };
    writeWrap(sheet, line);
  }
  for (const table of plan.tables) writeTable(sheet, table);
}

/**
 * A long line merged across the sheet's width, wrapped and top-aligned, in a row as high as its
 * lines (report/text-wrap.ts), as Office.js writes it (excel/write.ts): the alignment on every
 * cell of the merge, the font on its first only, a row height of its own (customHeight) only
 * where the plan gives one (the title's, a text of more than one line).
 */
function writeWrap(sheet: Worksheet, line: TextLine): void {
  if (line.height) sheet.getRow(line.row + 1).height = line.height;
  if (!line.columns) return;
  const alignment: Partial<ExcelJSModule.Alignment> = { wrapText: true, vertical: "top" };
  sheet.getCell(line.row + 1, 1).alignment = alignment;
  sheet.mergeCells(line.row + 1, 1, line.row + 1, line.columns);
  // exceljs gives the merge's other cells the first one's whole style: the font stays the first cell's only.
  for (let c = 2; c <= line.columns; c++) sheet.getCell(line.row + 1, c).style = { alignment };
}

/**
 * Two things exceljs gets wrong. It marks every shared string with a line break
 * `xml:space="preserve"`, an attribute the ECMA-376 schema does not allow on a cell string; the
 * plan's strings have no leading or trailing white space (safeCellText), so the mark carries
 * nothing and line breaks inside the text stay as they are. And it writes tabs, line feeds and
 * carriage returns as they are, which an XML reader turns into a line feed (a carriage return,
 * in text) or a space (in an attribute: a table column's name), so that the text read back is
 * not the text written: as character references they come back exactly. The same goes for the
 * document properties (a title, a subject).
 */
async function mendExceljsParts(zip: JSZip): Promise<void> {
  for (const path of Object.keys(zip.files).filter((f) => /^(xl\/sharedStrings|xl\/tables\/table\d+|docProps\/(core|app))\.xml$/.test(f))) {
    const xml = await (zip.file(path) as JSZip.JSZipObject).async("string");
    zip.file(path, referenceWhiteSpace(xml.split('<t xml:space="preserve">').join("<t>")));
  }
}

/** Where a rendered package goes, and how its large part (the Data sheet) is compressed. */
export interface XlsxOutput {
  sink: ZipSink;
  /** The compressor for the parts: fflate's deflate unless the host has a faster one (the CLI: Node's zlib). */
  streamedEntry?: EntryFactory;
  /** The Data sheet's rows handed to the compressor at a time: bulk-rows.ts's ROWS_PER_CHUNK unless given (the CLI gives more). */
  rowsPerChunk?: number;
}

/**
 * Renders a workbook plan as an .xlsx with exceljs (passed in: the Node build for the CLI, the
 * browser build for the task pane), adds the native charts exceljs cannot write, and streams the
 * package to `output` with the Data sheet's rows written a chunk at a time. A plan that does not
 * fit in Excel is a RowLimitError before anything is written.
 */
export async function writeXlsx(plan: WorkbookPlan, excel: ExcelJS, output: XlsxOutput): Promise<void> {
  const tooLarge = rowLimitProblem(plan);
  if (tooLarge) throw new RowLimitError(tooLarge);
  const workbook = new excel.Workbook();
  Object.assign(workbook, {
    creator: plan.properties.creator,
    lastModifiedBy: plan.properties.creator,
    created: plan.properties.created,
    modified: plan.properties.created,
    title: plan.properties.title,
    subject: plan.properties.subject,
    keywords: plan.properties.keywords,
    category: plan.properties.category,
    description: plan.properties.description,
  });
  // The workbook opens on its first indicator sheet, the monitor itself, not on the Data sheet of
  // thousands of rows before it (bookViews' activeTab, 0-based in sheet order); with no
  // indicator sheet, on the Data sheet.
  const opensOnData = plan.sheets.length === 0;
  workbook.views = [{ x: 0, y: 0, width: 28800, height: 15600, firstSheet: 0, activeTab: opensOnData ? 0 : 1, visibility: "visible" }];
  const data = workbook.addWorksheet(plan.data.name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0, ...(opensOnData ? { tabSelected: true } : {}) }] });
  for (const table of plan.data.tables) {
    table.widths.forEach((width, c) => (data.getColumn(table.column + c + 1).width = width));
    // exceljs writes each data table's header and first row; the rest follows as bulk rows.
    writeTable(data, { ...table, rows: table.rows.slice(0, ROWS_BY_EXCELJS) });
  }
  plan.sheets.forEach((sheet, i) => writeIndicatorSheet(workbook, sheet, i === 0));

  // exceljs stores its parts uncompressed: each is compressed once, as the package is written.
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } } as ExcelJSModule.XlsxWriteOptions));
  await mendExceljsParts(zip);
  const bulk = hasBulkRows(plan.data.tables) ? await widenForBulkRows(zip, plan.data.name, plan.data.tables) : null;
  const styles = bulk ? await bulkRowStyles(zip, plan.data.tables) : new Map<string, number>();
  // Every sheet carries the add-in's mark, so Excel with the add-in recognises them as its own.
  // The indicator sheets' marks carry the fingerprint of what Excel will find on them, so that
  // Regenerate in Excel rewrites them in place and recognises anything a user adds.
  const mark = (mark: SheetMark) => ({ name: MANAGED_SHEET_PROPERTY, value: encodeMark(mark) });
  await addSheetParts(zip, [
    { sheetName: plan.data.name, charts: [], property: mark({ key: DATA_SHEET_KEY, id: null, name: plan.data.name, print: null }) },
    ...plan.sheets.map((s) => ({ sheetName: s.name, charts: s.charts, property: mark({ key: s.key, id: null, name: s.name, print: fingerprint(planContent(s)), extras: null, layout: layoutPrint(s) }) })),
  ], plan.language);
  // Same input, same bytes: every part gets the edition's timestamp instead of "now".
  const writer = zipWriter(output.sink, { mtime: plan.properties.created, streamedEntry: output.streamedEntry });
  for (const [path, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    if (path === bulk) await writeSheetWithBulkRows(writer.stream(path), await file.async("string"), plan.data.tables, styles, output.rowsPerChunk);
    else await writer.add(path, await file.async("uint8array"));
  }
  await writer.finish();
}

/** The .xlsx as bytes in memory (the pane's download, the tests); the CLI streams to a file instead (xlsx-file.ts). */
export async function renderXlsx(plan: WorkbookPlan, excel: ExcelJS): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await writeXlsx(plan, excel, { sink: (chunk) => chunks.push(chunk) });
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
