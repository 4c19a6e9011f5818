import JSZip from "jszip";
import { cellRef, columnLetters, tableRef } from "../report/a1";
import { TablePlan } from "../report/types";
import { escapeXml, insertBefore } from "./cells";
import { sheetPaths } from "./package-parts";

/**
 * The data tables' rows past the first, written straight into the sheet part: exceljs takes
 * about seven seconds to serialise 100,000 rows of MonitorData, this about half a second. exceljs
 * still writes each table with its header and first row (its structure, styles and shared
 * strings); these rows follow them, as inline strings and numbers without a style, and the
 * tables' ranges and the sheet's dimension are widened to hold them.
 */
export const ROWS_BY_EXCELJS = 1;

function cellXml(row: number, column: number, value: string | number | null): string {
  if (value === null || value === "") return "";
  const ref = cellRef(row, column);
  if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
}

/** `<row>` elements for the rows exceljs did not write, in sheet order. */
export function bulkRowsXml(tables: TablePlan[]): string {
  const last = Math.max(0, ...tables.map((t) => t.row + t.rows.length));
  const parts: string[] = [];
  for (let sheetRow = 0; sheetRow <= last; sheetRow++) {
    let cells = "";
    for (const table of tables) {
      const index = sheetRow - table.row - 1;
      if (index < ROWS_BY_EXCELJS || index >= table.rows.length) continue;
      table.rows[index].forEach((value, c) => (cells += cellXml(sheetRow, table.column + c, value)));
    }
    if (cells) parts.push(`<row r="${sheetRow + 1}">${cells}</row>`);
  }
  return parts.join("");
}

/** Adds the rest of the rows to the sheet and widens the tables' ranges. */
export async function addBulkRows(zip: JSZip, sheetName: string, tables: TablePlan[]): Promise<void> {
  if (!tables.some((t) => t.rows.length > ROWS_BY_EXCELJS)) return;
  const path = (await sheetPaths(zip)).get(sheetName);
  if (!path) throw new Error(`The workbook package has no sheet named ${sheetName}.`);
  let sheet = (await zip.file(path)?.async("string")) ?? "";
  sheet = insertBefore(sheet, "</sheetData>", bulkRowsXml(tables));
  const right = Math.max(...tables.map((t) => t.column + t.header.length - 1));
  const bottom = Math.max(...tables.map((t) => t.row + t.rows.length + 1));
  // Replacements are functions throughout: a replacement string would read `$` patterns.
  sheet = sheet.replace(/<dimension ref="[^"]*"\/>/, () => `<dimension ref="A1:${columnLetters(right)}${bottom}"/>`);
  zip.file(path, sheet);
  for (const file of Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f))) {
    const xml = (await zip.file(file)?.async("string")) ?? "";
    const name = /<table\b[^>]*\bname="([^"]*)"/.exec(xml)?.[1];
    const table = tables.find((t) => escapeXml(t.name) === name);
    if (!table) continue;
    const ref = tableRef(table);
    const widen = (_: string, start: string) => `${start}${ref}"`;
    zip.file(file, xml.replace(/(<table\b[^>]*\bref=")[^"]*"/, widen).replace(/(<autoFilter\b[^>]*\bref=")[^"]*"/, widen));
  }
}
