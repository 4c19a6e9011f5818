import JSZip from "jszip";
import { childNamed, childrenNamed, deepText, descendantsNamed, parseXml, XmlElement } from "./xml-tree";

/**
 * An .xlsx read back as a reader sees it: every XML part parsed by a conforming parser (a part
 * that is not well-formed fails the read), each sheet's cells with their values resolved (shared
 * and inline strings, numbers), its tables, its charts with their titles, series and caches, and
 * the workbook's document properties. Written for the tests, independently of src/xlsx.
 */
export interface ChartRead {
  frameName: string;
  frameDescription: string;
  title: string;
  axisTitles: string[];
  series: { name: string; nameRef: string; categories: string[]; categoryRef: string; values: (number | null)[]; valueRef: string }[];
}

export interface SheetRead {
  name: string;
  path: string;
  /** "A1" → the cell's value; cells without a value are absent. */
  cells: Map<string, string | number>;
  tables: { name: string; ref: string; columns: string[]; autoFilter: string | null }[];
  charts: ChartRead[];
  /** The worksheet custom properties: name → value (UTF-16LE in its part). */
  properties: Map<string, string>;
}

export interface WorkbookRead {
  sheets: SheetRead[];
  /** docProps/core.xml and app.xml: element name (without prefix) → text. */
  documentProperties: Map<string, string>;
  /** Every XML part, parsed. */
  parts: Map<string, XmlElement>;
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** A relationship target resolved against the folder of the part that points at it. */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const step of target.split("/")) {
    if (step === "..") parts.pop();
    else if (step !== ".") parts.push(step);
  }
  return parts.join("/");
}

export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookRead> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, XmlElement>();
  for (const path of Object.keys(zip.files).filter((f) => /\.(xml|rels)$/.test(f))) {
    try {
      parts.set(path, parseXml(await (zip.file(path) as JSZip.JSZipObject).async("string")));
    } catch (e) {
      throw new Error(`${path} is not well-formed XML: ${(e as Error).message}`);
    }
  }
  const part = (path: string) => {
    const found = parts.get(path);
    if (!found) throw new Error(`The package has no ${path}.`);
    return found;
  };
  const relationships = (path: string) => {
    const slash = path.lastIndexOf("/");
    const rels = parts.get(`${path.slice(0, slash + 1)}_rels/${path.slice(slash + 1)}.rels`);
    return new Map((rels ? childrenNamed(rels, "Relationship") : []).map((r) => [r.attributes.Id, resolveTarget(path, r.attributes.Target)]));
  };
  const shared = parts.has("xl/sharedStrings.xml") ? childrenNamed(part("xl/sharedStrings.xml"), "si").map(deepText) : [];
  const workbookRels = relationships("xl/workbook.xml");

  const sheets: SheetRead[] = [];
  for (const sheet of childrenNamed(childNamed(part("xl/workbook.xml"), "sheets"), "sheet")) {
    const path = workbookRels.get(sheet.attributes["r:id"]) as string;
    const xml = part(path);
    const rels = relationships(path);
    const cells = new Map<string, string | number>();
    for (const row of childrenNamed(childNamed(xml, "sheetData"), "row")) {
      for (const c of childrenNamed(row, "c")) {
        const v = c.children.find((e) => e.name === "v");
        const type = c.attributes.t ?? "n";
        if (type === "inlineStr") cells.set(c.attributes.r, deepText(childNamed(c, "is")));
        else if (type === "s" && v) cells.set(c.attributes.r, shared[Number(v.text)]);
        else if (type === "str" && v) cells.set(c.attributes.r, v.text);
        else if (type === "n" && v) cells.set(c.attributes.r, Number(v.text));
        else if (v) throw new Error(`${path} ${c.attributes.r}: a cell of type ${type}.`);
      }
    }
    const tables = childrenNamed(xml, "tableParts").flatMap((tp) => childrenNamed(tp, "tablePart")).map((tp) => {
      const table = part(rels.get(tp.attributes["r:id"]) as string);
      const filter = table.children.find((e) => e.name === "autoFilter");
      return { name: table.attributes.name, ref: table.attributes.ref, columns: childrenNamed(childNamed(table, "tableColumns"), "tableColumn").map((c) => c.attributes.name), autoFilter: filter?.attributes.ref ?? null };
    });
    const properties = new Map<string, string>();
    for (const property of childrenNamed(xml, "customProperties").flatMap((p) => childrenNamed(p, "customPr"))) {
      const data = await (zip.file(rels.get(property.attributes["r:id"]) as string) as JSZip.JSZipObject).async("uint8array");
      properties.set(property.attributes.name, new TextDecoder("utf-16le").decode(data));
    }
    const charts: ChartRead[] = [];
    for (const drawing of childrenNamed(xml, "drawing")) {
      const drawingPath = rels.get(drawing.attributes["r:id"]) as string;
      const drawingRels = relationships(drawingPath);
      for (const frame of descendantsNamed(part(drawingPath), "xdr:graphicFrame")) {
        const names = descendantsNamed(frame, "xdr:cNvPr")[0].attributes;
        const chart = part(drawingRels.get(descendantsNamed(frame, "c:chart")[0].attributes["r:id"]) as string);
        const titleOf = (owner: XmlElement) => descendantsNamed(childNamed(owner, "c:title"), "a:t").map((t) => t.text).join("");
        const chartElement = childNamed(chart, "c:chart");
        const plotArea = childNamed(chartElement, "c:plotArea");
        const axisTitles = plotArea.children.filter((e) => /^c:(cat|val)Ax$/.test(e.name) && e.children.some((c) => c.name === "c:title")).map(titleOf);
        const strings = (ref: XmlElement) => descendantsNamed(ref, "c:pt").map((pt) => childNamed(pt, "c:v").text);
        const series = descendantsNamed(plotArea, "c:ser").map((ser) => {
          const name = childNamed(childNamed(ser, "c:tx"), "c:strRef");
          const categories = childNamed(childNamed(ser, "c:cat"), "c:strRef");
          const values = childNamed(childNamed(ser, "c:val"), "c:numRef");
          const cache = childNamed(values, "c:numCache");
          const count = Number(childNamed(cache, "c:ptCount").attributes.val);
          const points: (number | null)[] = Array.from({ length: count }, () => null);
          for (const pt of childrenNamed(cache, "c:pt")) points[Number(pt.attributes.idx)] = Number(childNamed(pt, "c:v").text);
          return { name: strings(name).join(""), nameRef: childNamed(name, "c:f").text, categories: strings(categories), categoryRef: childNamed(categories, "c:f").text, values: points, valueRef: childNamed(values, "c:f").text };
        });
        charts.push({ frameName: names.name, frameDescription: names.descr, title: titleOf(chartElement), axisTitles, series });
      }
    }
    sheets.push({ name: sheet.attributes.name, path, cells, tables, charts, properties });
  }
  const documentProperties = new Map<string, string>();
  for (const path of ["docProps/core.xml", "docProps/app.xml"]) for (const e of parts.get(path)?.children ?? []) if (e.children.length === 0) documentProperties.set(localName(e.name), e.text);
  return { sheets, documentProperties, parts };
}
