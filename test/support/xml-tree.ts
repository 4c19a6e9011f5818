import { SaxesParser } from "saxes";

/**
 * An XML part as a tree, read by saxes, a conforming XML 1.0 parser: it refuses a part that is
 * not well-formed, and it gives text and attribute values as any XML reader (Excel's among them)
 * sees them, with line ends and attribute white space normalised and references resolved.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's). */
  text: string;
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser();
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const open: XmlElement[] = [root];
  let failure: Error | null = null;
  parser.on("error", (e) => (failure ??= e));
  parser.on("opentag", (tag) => {
    const element: XmlElement = { name: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, children: [], text: "" };
    open[open.length - 1].children.push(element);
    open.push(element);
  });
  parser.on("closetag", () => void open.pop());
  parser.on("text", (text) => (open[open.length - 1].text += text));
  parser.on("cdata", (text) => (open[open.length - 1].text += text));
  parser.write(xml).close();
  if (failure) throw failure;
  if (root.children.length !== 1) throw new Error("An XML part has one root element.");
  return root.children[0];
}

export const childrenNamed = (element: XmlElement, name: string) => element.children.filter((c) => c.name === name);

export function childNamed(element: XmlElement, name: string): XmlElement {
  const found = element.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${element.name}> has no <${name}>.`);
  return found;
}

/** Every element named `name` below `element`, in document order. */
export function descendantsNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((c) => [...(c.name === name ? [c] : []), ...descendantsNamed(c, name)]);
}

/** The text of an element and all its descendants, in order. */
export const deepText = (element: XmlElement): string => element.text + element.children.map(deepText).join("");
