/** Quoting for sheet names in formulas and for XML text. */
export function quoteSheet(name: string): string {
  return `'${name.split("'").join("''")}'`;
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };

/**
 * Text for XML content and attribute values alike. Tab, line feed and carriage return are
 * written as character references: an XML parser turns a literal carriage return into a line
 * feed, and in an attribute all three into spaces (XML 1.0 §2.11, §3.3.3), so only a reference
 * brings them back as they were.
 */
export function escapeXml(text: string): string {
  // Most texts need no reference: a test is cheaper than a replace that calls back for none.
  return NEEDS_ESCAPE.test(text) ? text.replace(/[&<>"'\t\n\r]/g, (c) => XML_ESCAPES[c]) : text;
}

const NEEDS_ESCAPE = /[&<>"'\t\n\r]/;

/**
 * A part written by exceljs with its tabs, line feeds and carriage returns as character
 * references from the root element on. exceljs writes them as they are, in attribute values (a
 * table column's name) as in text, and does not use them as layout after its XML declaration.
 */
export function referenceWhiteSpace(xml: string): string {
  const root = xml.indexOf("<", xml.startsWith("<?xml") ? xml.indexOf("?>") : 0);
  return xml.slice(0, root) + xml.slice(root).replace(/[\t\n\r]/g, (c) => XML_ESCAPES[c]);
}

/**
 * `fragment` inserted before the last `marker` (a closing tag) of `xml`. By position, not with
 * String.replace: a replacement string reads `$&`, `$'` and `$$` in the fragment as patterns.
 */
export function insertBefore(xml: string, marker: string, fragment: string): string {
  const at = xml.lastIndexOf(marker);
  if (at < 0) throw new Error(`The part has no ${marker}.`);
  return xml.slice(0, at) + fragment + xml.slice(at);
}
