import { decodeUtf8 } from "../data/csv";
import { parseDescriptor, RESOURCE_NAMES } from "../data/descriptor";
import { TABLE_NAMES } from "../data/package";
import { parsePackageCsv, PackageTexts } from "../data/package-csv";
import { PullResult, SourceError, sourceProblem } from "./types";
import { AnyMessage, say } from "../text/message";
import { SOURCES } from "../text/sources";

/** Text that is a web page rather than JSON: what a wrong URL or a login page returns. */
const looksLikeHtml = (text: string, contentType = "") => /text\/html/i.test(contentType) || /^\s*<(!doctype|html|head|body)/i.test(text);

/**
 * Reads a data package wherever its files are (a web server, a zip): its descriptor, then each
 * resource through `read`, every CSV checked for UTF-8 and validated as a whole. Any failure is
 * returned as problems; nothing is returned partially.
 */
export async function readPackage(
  descriptor: { bytes: Uint8Array; contentType?: string },
  read: (path: string) => Promise<Uint8Array>,
  origin: string,
  onProgress?: (message: AnyMessage) => void,
): Promise<PullResult> {
  const decoded = decodeUtf8(descriptor.bytes, "datapackage.json");
  if (!decoded.ok) return decoded;
  if (looksLikeHtml(decoded.value, descriptor.contentType)) {
    return { ok: false, problems: [sourceProblem("datapackage.json", say(SOURCES.webPageNotDescriptor, { origin }))] };
  }
  const parsed = parseDescriptor(decoded.value);
  if (!parsed.ok) return parsed;
  const texts = {} as PackageTexts;
  try {
    for (const name of RESOURCE_NAMES) {
      const path = parsed.value.paths.get(name) as string;
      onProgress?.(say(SOURCES.fetchingTable, { table: TABLE_NAMES[name], path }));
      const text = decodeUtf8(await read(path), TABLE_NAMES[name]);
      if (!text.ok) return text;
      texts[name] = text.value;
    }
  } catch (error) {
    if (error instanceof SourceError) return { ok: false, problems: error.problems };
    throw error;
  }
  onProgress?.(say(SOURCES.checking));
  const pkg = parsePackageCsv(texts);
  if (!pkg.ok) return pkg;
  const edition = { ...parsed.value.edition, title: parsed.value.edition.title || parsed.value.edition.name || origin };
  return { ok: true, value: { package: pkg.value, edition, origin } };
}
