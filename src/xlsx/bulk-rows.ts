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
 * Rows handed to the compressor at a time: about 80 KB of MonitorData's XML (the CLI gives more,
 * xlsx-file.ts), so that the compressor takes one chunk while the next is written. When the rows were
 * strings, a megabyte a chunk went to V8's large-object space and raised the peak memory by a
 * fifth at 100,000 rows; they are now bytes in one buffer used again (ByteChunk).
 */
const ROWS_PER_CHUNK = 100;

export const hasBulkRows = (tables: TablePlan[]) => tables.some((t) => t.rows.length > ROWS_BY_EXCELJS);

/**
 * Distinct texts a column keeps the XML of: a table repeats a few hundred names, units and notes
 * on every row (100,000 rows, 1.6 million cells), so each is escaped once; past this many a
 * column's new texts are written without being kept, and memory stays bounded.
 */
const MAX_KEPT_TEXTS = 10_000;

/**
 * The rows are written as UTF-8 straight into one buffer, used again for every chunk: built as
 * strings, the 82 MB of XML at 100,000 rows took a rope of millions of small pieces that V8 then
 * flattened and encoded, which cost more than making it (0.37 s of the command's 4.2 s of CPU
 * in its profile). Each piece that repeats is encoded once: a column's `<c r="B`, a style's
 * `" s="4"><v>`, a text cell's XML after its reference.
 */
class ByteChunk {
  bytes = new Uint8Array(256 * 1024);
  length = 0;
  private readonly encoder = new TextEncoder();

  private room(needed: number): void {
    if (this.length + needed <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(2 * this.bytes.length, this.length + needed));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** Bytes encoded once; short ones copied a byte at a time, cheaper than a call to set. */
  put(part: Uint8Array): void {
    this.room(part.length);
    const bytes = this.bytes;
    let at = this.length;
    if (part.length < 16) for (let i = 0; i < part.length; i++) bytes[at++] = part[i];
    else {
      bytes.set(part, at);
      at += part.length;
    }
    this.length = at;
  }

  /** A text of ASCII characters only: a row number, a number as `String` writes it. */
  ascii(text: string): void {
    this.room(text.length);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < text.length; i++) bytes[at++] = text.charCodeAt(i);
    this.length = at;
  }

  /** Any text, as UTF-8 (at most three bytes for one UTF-16 code unit). */
  text(text: string): void {
    this.room(3 * text.length);
    this.length += this.encoder.encodeInto(text, this.bytes.subarray(this.length)).written;
  }

  /** The chunk's bytes, valid until the next write: the buffer is written over from its start. */
  take(): Uint8Array {
    const chunk = this.bytes.subarray(0, this.length);
    this.length = 0;
    return chunk;
  }
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The XML of a text cell after its reference, `" t="inlineStr"><is><t>…</t></is></c>`, as UTF-8 kept per distinct text. */
class InlineTexts {
  private readonly kept = new Map<string, Uint8Array>();

  write(chunk: ByteChunk, text: string): void {
    const xml = this.kept.get(text);
    if (xml !== undefined) return chunk.put(xml);
    const cell = `" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`;
    if (this.kept.size < MAX_KEPT_TEXTS) {
      const bytes = utf8(cell);
      this.kept.set(text, bytes);
      chunk.put(bytes);
    } else chunk.text(cell);
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

/**
 * `<row>` elements for the rows exceljs did not write, in sheet order, a chunk of rows at a time,
 * as UTF-8. Each chunk is a view of one buffer that the next chunk is written over: it must be
 * used (copied, compressed) before the generator is resumed.
 */
export function* bulkRowBytes(tables: TablePlan[], rowsPerChunk = ROWS_PER_CHUNK, styles: ReadonlyMap<string, number> = new Map()): Generator<Uint8Array> {
  const cellStarts = tables.map((t) => t.header.map((_, c) => utf8(`<c r="${columnLetters(t.column + c)}`)));
  // After a number's reference: its style, if any, and the start of its value; encoded once per style.
  const valueStarts = new Map<number | undefined, Uint8Array>();
  const valueStartOf = (style: number | undefined) => {
    let bytes = valueStarts.get(style);
    if (!bytes) valueStarts.set(style, (bytes = utf8(`"${style ? ` s="${style}"` : ""}><v>`)));
    return bytes;
  };
  // Per column: the style of its one format, or the formats of its rows (formatOf, made cheap).
  const fixed = tables.map((t) => t.header.map((_, c) => valueStartOf(styleOf(styles, t.numberFormats[c]))));
  const varying = tables.map((t) => t.header.map((_, c) => t.rowFormats?.find((f) => f.column === c)?.formats));
  const texts = tables.map((t) => t.header.map(() => new InlineTexts()));
  const [rowStart, rowOpened, valueEnd, rowEnd] = [utf8('<row r="'), utf8('">'), utf8("</v></c>"), utf8("</row>")];
  const last = Math.max(0, ...tables.map((t) => t.row + t.rows.length));
  const chunk = new ByteChunk();
  let rows = 0;
  for (let sheetRow = 0; sheetRow <= last; sheetRow++) {
    const number = String(sheetRow + 1);
    const before = chunk.length;
    chunk.put(rowStart);
    chunk.ascii(number);
    chunk.put(rowOpened);
    const opened = chunk.length;
    for (let t = 0; t < tables.length; t++) {
      const table = tables[t];
      const index = sheetRow - table.row - 1;
      if (index < ROWS_BY_EXCELJS || index >= table.rows.length) continue;
      const row = table.rows[index];
      for (let c = 0; c < row.length; c++) {
        const value = row[c];
        if (value === null || value === "") continue; // an empty cell, as Excel keeps it: not written
        chunk.put(cellStarts[t][c]);
        chunk.ascii(number);
        if (typeof value === "string") {
          texts[t][c].write(chunk, value);
          continue;
        }
        const formats = varying[t][c];
        chunk.put(formats ? valueStartOf(styleOf(styles, formats[index])) : fixed[t][c]);
        chunk.ascii(String(value));
        chunk.put(valueEnd);
      }
    }
    if (chunk.length === opened) {
      chunk.length = before; // a row without cells is not written
      continue;
    }
    chunk.put(rowEnd);
    if (++rows === rowsPerChunk) {
      yield chunk.take();
      rows = 0;
    }
  }
  if (chunk.length > 0) yield chunk.take();
}

/** bulkRowBytes as text, a chunk at a time. */
export function* bulkRowChunks(tables: TablePlan[], rowsPerChunk = ROWS_PER_CHUNK, styles: ReadonlyMap<string, number> = new Map()): Generator<string> {
  const decoder = new TextDecoder();
  for (const bytes of bulkRowBytes(tables, rowsPerChunk, styles)) yield decoder.decode(bytes);
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
export async function writeSheetWithBulkRows(part: PartWriter, sheetXml: string, tables: TablePlan[], styles: ReadonlyMap<string, number> = new Map(), rowsPerChunk = ROWS_PER_CHUNK): Promise<void> {
  const at = sheetXml.lastIndexOf("</sheetData>");
  if (at < 0) throw new Error("The Data sheet part has no </sheetData>.");
  await part.write(sheetXml.slice(0, at));
  for (const chunk of bulkRowBytes(tables, rowsPerChunk, styles)) await part.writeBytes(chunk);
  await part.write(sheetXml.slice(at));
  await part.end();
}
