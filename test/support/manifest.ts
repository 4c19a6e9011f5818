import { readFileSync } from "fs";
import { join } from "path";
import { XMLParser } from "fast-xml-parser";

export const MANIFEST_PATH = join(__dirname, "..", "..", "manifest.xml");

type Node = Record<string, unknown>;

/** Every element in document order as [name, attributes, node], for checks that span the manifest. */
export function elements(xml: string): { name: string; attributes: Record<string, string>; node: Node }[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", preserveOrder: true });
  const out: { name: string; attributes: Record<string, string>; node: Node }[] = [];
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      const name = Object.keys(node).find((k) => k !== ":@");
      if (!name || name === "#text" || name === "?xml" || name === "#comment") continue;
      const attributes = Object.fromEntries(Object.entries((node[":@"] as Record<string, string>) ?? {}).map(([k, v]) => [k.slice(1), v]));
      out.push({ name, attributes, node });
      walk(node[name] as Node[]);
    }
  };
  walk(parser.parse(xml));
  return out;
}

export const readManifest = (path = MANIFEST_PATH) => readFileSync(path, "utf8");
