import JSZip from "jszip";
import { escapeXml } from "./cells";

/**
 * Cell styles for number formats, added to the package's styles part: the rows written straight
 * into the sheet (bulk-rows.ts) need a style index for each format exceljs did not already make
 * one for. A format is a `<numFmt>` (ECMA-376 Part 1, 18.8.30; ids from 164 are custom, lower
 * ids are built in, 18.8.30's table) and a `<cellXfs>` entry that applies it (18.8.10).
 */
const BUILT_IN: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10 };
const FIRST_CUSTOM_ID = 164;
const PATH = "xl/styles.xml";

const unescapeXml = (text: string) => text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The style index of each format, adding numFmts and cell formats where the part has none yet. */
export async function addNumberStyles(zip: JSZip, formats: Iterable<string>): Promise<Map<string, number>> {
  let xml = (await zip.file(PATH)?.async("string")) ?? "";
  if (!xml) throw new Error("The workbook package has no styles part.");
  const customIds = new Map<string, number>();
  for (const m of xml.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)) customIds.set(unescapeXml(m[2]), Number(m[1]));
  let nextId = Math.max(FIRST_CUSTOM_ID - 1, ...customIds.values()) + 1;
  const newFormats: string[] = [];
  const xfs = [...(/<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "").matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
  const newXfs: string[] = [];
  const styles = new Map<string, number>();
  for (const format of new Set(formats)) {
    let id = BUILT_IN[format] ?? customIds.get(format);
    if (id === undefined) {
      id = nextId++;
      customIds.set(format, id);
      newFormats.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(format)}"/>`);
    }
    const xf = `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`;
    let index = xfs.indexOf(xf);
    if (index < 0) {
      index = xfs.length;
      xfs.push(xf);
      newXfs.push(xf);
    }
    styles.set(format, index);
  }
  if (newFormats.length) {
    xml = /<numFmts count="\d+">/.test(xml)
      ? xml.replace(/<numFmts count="(\d+)">([\s\S]*?)<\/numFmts>/, (_, count: string, body: string) => `<numFmts count="${Number(count) + newFormats.length}">${body}${newFormats.join("")}</numFmts>`)
      : xml.replace(/(<styleSheet\b[^>]*>)/, (start: string) => `${start}<numFmts count="${newFormats.length}">${newFormats.join("")}</numFmts>`);
  }
  if (newXfs.length) xml = xml.replace(/<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/, (_, body: string) => `<cellXfs count="${xfs.length}">${body}${newXfs.join("")}</cellXfs>`);
  zip.file(PATH, xml);
  return styles;
}
