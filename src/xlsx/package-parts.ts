import JSZip from "jszip";
import { Language } from "../data/types";
import { ChartPlan } from "../report/types";
import { chartXml } from "./chart-xml";
import { escapeXml, insertBefore } from "./cells";

/**
 * Adds what exceljs cannot write to an .xlsx package: per sheet a drawing with one anchored
 * frame per chart, the charts, and the worksheet custom property that marks the sheet as the
 * add-in's own; with their relationships and content types.
 */
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CUSTOM_PROPERTY_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.customProperty";

export interface SheetParts {
  sheetName: string;
  charts: ChartPlan[];
  /** A worksheet custom property to set (as Excel's Worksheet.customProperties does), if any. */
  property?: { name: string; value: string };
}

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`The workbook package has no ${path}.`);
  return file.async("string");
}

/** Sheet name → path of its part, read from workbook.xml and its relationships. */
export async function sheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await text(zip, "xl/workbook.xml");
  const rels = await text(zip, "xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1];
    const target = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, "xl/"));
  }
  const paths = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])?.[1];
    const id = /r:id="([^"]+)"/.exec(m[0])?.[1];
    if (name && id && targets.has(id)) paths.set(unescapeXml(name), targets.get(id) as string);
  }
  return paths;
}

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };

function unescapeXml(text: string): string {
  return text.replace(/&(?:(lt|gt|quot|apos|amp)|#x([0-9a-fA-F]+)|#([0-9]+));/g, (_, name: string, hex: string, decimal: string) =>
    name ? NAMED_ENTITIES[name] : String.fromCodePoint(hex ? parseInt(hex, 16) : Number(decimal)),
  );
}

function anchorXml(chart: ChartPlan, index: number): string {
  const { fromRow, fromColumn, toRow, toColumn } = chart.anchor;
  const point = (tag: string, row: number, column: number) => `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${point("from", fromRow, fromColumn)}${point("to", toRow, toColumn)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${escapeXml(chart.title)}" descr="${escapeXml(chart.altText)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId${index + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function relationships(items: { id: string; type: string; target: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${items.map((r) => `<Relationship Id="${r.id}" Type="${REL}/${r.type}" Target="${escapeXml(r.target)}"/>`).join("")}</Relationships>`;
}

/** The worksheet's child elements in schema order (CT_Worksheet), from customProperties on. */
const LATE_ELEMENTS = ["customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** Puts an element where the schema wants it: before the first present element that must follow it. */
function insertElement(sheetXml: string, name: string, element: string): string {
  const followers = LATE_ELEMENTS.slice(LATE_ELEMENTS.indexOf(name) + 1);
  const before = new RegExp(`<(${followers.join("|")})\\b`).exec(sheetXml);
  const withNamespace = /xmlns:r=/.test(sheetXml) ? sheetXml : sheetXml.replace("<worksheet ", () => `<worksheet xmlns:r="${REL}" `);
  const at = before ? before.index + (withNamespace.length - sheetXml.length) : withNamespace.lastIndexOf("</worksheet>");
  return withNamespace.slice(0, at) + element + withNamespace.slice(at);
}

/** A worksheet custom property's value part: the text as UTF-16LE, as Excel stores it. */
function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    bytes[2 * i] = text.charCodeAt(i) & 0xff;
    bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

/** `language`: the workbook's, which its charts' texts are tagged with. */
export async function addSheetParts(zip: JSZip, sheets: SheetParts[], language: Language): Promise<void> {
  const paths = await sheetPaths(zip);
  let contentTypes = await text(zip, "[Content_Types].xml");
  const declare = (part: string, type: string) => (contentTypes = insertBefore(contentTypes, "</Types>", `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/>`));
  let chartNumber = 0;
  let drawingNumber = 0;
  let propertyNumber = 0;
  for (const { sheetName, charts, property } of sheets) {
    if (charts.length === 0 && !property) continue;
    const sheetPath = paths.get(sheetName);
    if (!sheetPath) throw new Error(`The workbook package has no sheet named ${sheetName}.`);
    const sheetFile = sheetPath.split("/").pop() as string;
    const relsPath = `${sheetPath.slice(0, sheetPath.length - sheetFile.length)}_rels/${sheetFile}.rels`;
    let sheetRels = zip.file(relsPath) ? await text(zip, relsPath) : relationships([]);
    let sheetXml = await text(zip, sheetPath);
    const relate = (id: string, type: string, target: string) => (sheetRels = insertBefore(sheetRels, "</Relationships>", `<Relationship Id="${id}" Type="${REL}/${type}" Target="${escapeXml(target)}"/>`));

    if (property) {
      propertyNumber++;
      const part = `xl/customProperty${propertyNumber}.bin`;
      zip.file(part, utf16le(property.value));
      declare(part, CUSTOM_PROPERTY_TYPE);
      relate("rIdLeidenMonitorProperty", "customProperty", `../customProperty${propertyNumber}.bin`);
      sheetXml = insertElement(sheetXml, "customProperties", `<customProperties><customPr name="${escapeXml(property.name)}" r:id="rIdLeidenMonitorProperty"/></customProperties>`);
    }

    if (charts.length > 0) {
      drawingNumber++;
      const drawingPath = `xl/drawings/drawing${drawingNumber}.xml`;
      const chartTargets: { id: string; type: string; target: string }[] = [];
      charts.forEach((chart, i) => {
        chartNumber++;
        zip.file(`xl/charts/chart${chartNumber}.xml`, chartXml(chart, sheetName, language));
        declare(`xl/charts/chart${chartNumber}.xml`, CHART_TYPE);
        chartTargets.push({ id: `rId${i + 1}`, type: "chart", target: `../charts/chart${chartNumber}.xml` });
      });
      zip.file(
        drawingPath,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">${charts.map(anchorXml).join("")}</xdr:wsDr>`,
      );
      zip.file(`xl/drawings/_rels/drawing${drawingNumber}.xml.rels`, relationships(chartTargets));
      declare(drawingPath, DRAWING_TYPE);
      relate("rIdLeidenMonitorDrawing", "drawing", `../drawings/drawing${drawingNumber}.xml`);
      sheetXml = insertElement(sheetXml, "drawing", `<drawing r:id="rIdLeidenMonitorDrawing"/>`);
    }
    zip.file(relsPath, sheetRels);
    zip.file(sheetPath, sheetXml);
  }
  zip.file("[Content_Types].xml", contentTypes);
}
