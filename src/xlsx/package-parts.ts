import JSZip from "jszip";
import { ChartPlan } from "../report/types";
import { chartXml } from "./chart-xml";
import { escapeXml } from "./cells";

/**
 * Adds the chart parts that exceljs cannot write to an .xlsx package: per sheet a drawing
 * with one anchored frame per chart, the charts, their relationships and content types.
 */
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";

export interface SheetCharts {
  sheetName: string;
  charts: ChartPlan[];
}

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`The workbook package has no ${path}.`);
  return file.async("string");
}

/** Sheet name → path of its part, read from workbook.xml and its relationships. */
async function sheetPaths(zip: JSZip): Promise<Map<string, string>> {
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

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e] as string);
}

function anchorXml(chart: ChartPlan, index: number): string {
  const { fromRow, fromColumn, toRow, toColumn } = chart.anchor;
  const point = (tag: string, row: number, column: number) => `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${point("from", fromRow, fromColumn)}${point("to", toRow, toColumn)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId${index + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function relationships(items: { id: string; type: string; target: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${items.map((r) => `<Relationship Id="${r.id}" Type="${REL}/${r.type}" Target="${r.target}"/>`).join("")}</Relationships>`;
}

/** Puts <drawing r:id/> where the schema wants it: before legacyDrawing, tableParts or extLst. */
function insertDrawingElement(sheetXml: string, relationshipId: string): string {
  const element = `<drawing r:id="${relationshipId}"/>`;
  const before = /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(sheetXml);
  const at = before ? before.index : sheetXml.lastIndexOf("</worksheet>");
  const withNamespace = /xmlns:r=/.test(sheetXml) ? sheetXml : sheetXml.replace("<worksheet ", `<worksheet xmlns:r="${REL}" `);
  const shift = withNamespace.length - sheetXml.length;
  return withNamespace.slice(0, at + shift) + element + withNamespace.slice(at + shift);
}

export async function addCharts(zip: JSZip, sheets: SheetCharts[]): Promise<void> {
  const paths = await sheetPaths(zip);
  let contentTypes = await text(zip, "[Content_Types].xml");
  let chartNumber = 0;
  let drawingNumber = 0;
  for (const { sheetName, charts } of sheets) {
    if (charts.length === 0) continue;
    const sheetPath = paths.get(sheetName);
    if (!sheetPath) throw new Error(`The workbook package has no sheet named ${sheetName}.`);
    drawingNumber++;
    const drawingPath = `xl/drawings/drawing${drawingNumber}.xml`;
    const chartTargets: { id: string; type: string; target: string }[] = [];
    charts.forEach((chart, i) => {
      chartNumber++;
      zip.file(`xl/charts/chart${chartNumber}.xml`, chartXml(chart, sheetName));
      contentTypes = contentTypes.replace("</Types>", `<Override PartName="/xl/charts/chart${chartNumber}.xml" ContentType="${CHART_TYPE}"/></Types>`);
      chartTargets.push({ id: `rId${i + 1}`, type: "chart", target: `../charts/chart${chartNumber}.xml` });
    });
    zip.file(
      drawingPath,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">${charts.map(anchorXml).join("")}</xdr:wsDr>`,
    );
    zip.file(`xl/drawings/_rels/drawing${drawingNumber}.xml.rels`, relationships(chartTargets));
    contentTypes = contentTypes.replace("</Types>", `<Override PartName="/${drawingPath}" ContentType="${DRAWING_TYPE}"/></Types>`);

    const sheetFile = sheetPath.split("/").pop() as string;
    const relsPath = sheetPath.replace(sheetFile, `_rels/${sheetFile}.rels`);
    const existing = zip.file(relsPath) ? await text(zip, relsPath) : relationships([]);
    const relationshipId = "rIdLeidenMonitorDrawing";
    zip.file(relsPath, existing.replace("</Relationships>", `<Relationship Id="${relationshipId}" Type="${REL}/drawing" Target="../drawings/drawing${drawingNumber}.xml"/></Relationships>`));
    zip.file(sheetPath, insertDrawingElement(await text(zip, sheetPath), relationshipId));
  }
  zip.file("[Content_Types].xml", contentTypes);
}
