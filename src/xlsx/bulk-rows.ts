import JSZip from "jszip";
import { columnLetters, tableRef } from "../report/a1";
import { TablePlan } from "../report/types";
import { escapeXml } from "./cells";
import { addNumberStyles } from "./number-styles";
import { sheetPaths } from "./package-parts";
import { PartWriter } from "./zip-writer";

/**
 * The data tables' rows past the first, streamed straight into the sheet part: exceljs would
 * take about seven seconds and a gigabyte to serialise 100,000 rows of MonitorData, and cannot
 * hold a million. exceljs still writes each table with its header and first row (its
 * structure, styles and shared strings); these rows follow them, as inline strings and numbers
 * without a style, and the tables' ranges and the sheet's dimension are widened to hold them.
 */
export const ROWS_BY_EXCELJS = 1;

/**
 * Rows handed to the compressor at a time: about 70 KB of MonitorData's XML, a string small
 * enough for V8's young generation, which it collects cheaply (a megabyte a chunk went to the
 * large-object space and raised the peak memory by a fifth at 100,000 rows).
 */
const ROWS_PER_CHUNK = 100;

export const hasBulkRows = (tables: TablePlan[]) => tables.some((t) => t.rows.length > ROWS_BY_EXCELJS);

/**
 * Distinct texts a column keeps the XML of: a table repeats a few hundred names, units and notes
 * on every row (100,000 rows, 1.6 million cells), so each is escaped once; past this many a
 * column's new texts are written without being kept, and memory stays bounded.
 */
const MAX_KEPT_TEXTS = 10_000;

/** The XML of a text cell after its reference: `" t="inlineStr"><is><t>…</t></is></c>`, kept per distinct text. */
class InlineTexts {
  private readonly kept = new Map<string, string>();

  xmlAfterRef(text: string): string {
    let xml = this.kept.get(text);
    if (xml === undefined) {
      xml = `" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`;
      if (this.kept.size < MAX_KEPT_TEXTS) this.kept.set(text, xml);
    }
    return xml;
  }
}

/** The cell style of each number format the tables use, added to the styles part where missing. */
export async function bulkRowStyles(zip: JSZip, tables: TablePlan[]): Promise<Map<string, number>> {
  const formats = new Set<string>();
  for (const table of tables) {
    for (const format of table.numberFormats) if (format) formats.add(format);
    for (const varying of table.rowFormats ?? []) for (const format of varying.formats) if (format) formats.add(format);
  }
  return addNumberStyles(zip, formats);
}

/** `<row>` elements for the rows exceljs did not write, in sheet order, a chunk of rows at a time. */
export function* bulkRowChunks(tables: TablePlan[], rowsPerChunk = ROWS_PER_CHUNK, styles: ReadonlyMap<string, number> = new Map()): Generator<string> {
  const letters = tables.map((t) => t.header.map((_, c) => columnLetters(t.column + c)));
  // Per column: the style of its one format, or the formats of its rows (formatOf, made cheap).
  const fixed = tables.map((t) => t.header.map((_, c) => styleOf(styles, t.numberFormats[c])));
  const varying = tables.map((t) => t.header.map((_, c) => t.rowFormats?.find((f) => f.column === c)?.formats));
  const texts = tables.map((t) => t.header.map(() => new InlineTexts()));
  const last = Math.max(0, ...tables.map((t) => t.row + t.rows.length));
  let chunk = "";
  let rows = 0;
  for (let sheetRow = 0; sheetRow <= last; sheetRow++) {
    const number = String(sheetRow + 1);
    let cells = "";
    for (let t = 0; t < tables.length; t++) {
      const table = tables[t];
      const index = sheetRow - table.row - 1;
      if (index < ROWS_BY_EXCELJS || index >= table.rows.length) continue;
      const row = table.rows[index];
      for (let c = 0; c < row.length; c++) {
        const value = row[c];
        if (value === null || value === "") continue; // an empty cell, as Excel keeps it: not written
        if (typeof value === "string") {
          cells += `<c r="${letters[t][c]}${number}${texts[t][c].xmlAfterRef(value)}`;
          continue;
        }
        const formats = varying[t][c];
        const style = formats ? styleOf(styles, formats[index]) : fixed[t][c];
        cells += `<c r="${letters[t][c]}${number}"${style ? ` s="${style}"` : ""}><v>${value}</v></c>`;
      }
    }
    if (!cells) continue;
    chunk += `<row r="${number}">${cells}</row>`;
    if (++rows === rowsPerChunk) {
      yield chunk;
      [chunk, rows] = ["", 0];
    }
  }
  if (chunk) yield chunk;
}

/**
 * Widens the sheet's dimension and the tables' ranges, in the small parts exceljs wrote, to
 * hold the bulk rows; returns the path of the sheet's part. Replacements are functions: a
 * replacement string would read `$` patterns.
 */
export async function widenForBulkRows(zip: JSZip, sheetName: string, tables: TablePlan[]): Promise<string> {
  const path = (await sheetPaths(zip)).get(sheetName);
  if (!path) throw new Error(`The workbook package has no sheet named ${sheetName}.`);
  const right = Math.max(...tables.map((t) => t.column + t.header.length - 1));
  const bottom = Math.max(...tables.map((t) => t.row + t.rows.length + 1));
  const sheet = (await zip.file(path)?.async("string")) ?? "";
  zip.file(path, sheet.replace(/<dimension ref="[^"]*"\/>/, () => `<dimension ref="A1:${columnLetters(right)}${bottom}"/>`));
  for (const file of Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f))) {
    const xml = (await zip.file(file)?.async("string")) ?? "";
    const name = /<table\b[^>]*\bname="([^"]*)"/.exec(xml)?.[1];
    const table = tables.find((t) => escapeXml(t.name) === name);
    if (!table) continue;
    const widen = (_: string, start: string) => `${start}${tableRef(table)}"`;
    zip.file(file, xml.replace(/(<table\b[^>]*\bref=")[^"]*"/, widen).replace(/(<autoFilter\b[^>]*\bref=")[^"]*"/, widen));
  }
  return path;
}

const styleOf = (styles: ReadonlyMap<string, number>, format: string | null | undefined) => (format ? styles.get(format) : undefined);

/** The sheet part as exceljs wrote it, with the bulk rows streamed in before its `</sheetData>`. */
export async function writeSheetWithBulkRows(part: PartWriter, sheetXml: string, tables: TablePlan[], styles: ReadonlyMap<string, number> = new Map()): Promise<void> {
  const at = sheetXml.lastIndexOf("</sheetData>");
  if (at < 0) throw new Error("The Data sheet part has no </sheetData>.");
  await part.write(sheetXml.slice(0, at));
  for (const chunk of bulkRowChunks(tables, ROWS_PER_CHUNK, styles)) await part.write(chunk);
  await part.write(sheetXml.slice(at));
  await part.end();
}
