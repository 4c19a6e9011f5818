import { fetchBytes } from "./fetch-bytes";
import { readPackage } from "./package-reader";
import { FetchOptions, PullResult, SourceError, sourceProblem } from "./types";
import { AnyMessage, say } from "../text/message";
import { SOURCES } from "../text/sources";

/** Only web addresses: a `file:` or `javascript:` URL is not a source. */
export function checkPackageUrl(text: string): { ok: true; url: URL } | { ok: false; message: AnyMessage } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, message: say(SOURCES.invalidUrl, { text }) };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, message: say(SOURCES.onlyHttp, { protocol: url.protocol }) };
  return { ok: true, url };
}

/**
 * A data package published on a web server: the URL of its datapackage.json, whose resources
 * are fetched relative to it and must stay in its folder. A redirect, of the descriptor or of a
 * resource, must end in that folder on the same server too (fetchBytes checks the final URL).
 */
export async function pullFromUrl(address: string, options: FetchOptions): Promise<PullResult> {
  const checked = checkPackageUrl(address);
  if (!checked.ok) return { ok: false, problems: [sourceProblem(address, checked.message)] };
  const base = checked.url;
  const folder = new URL(".", base).href;
  try {
    options.onProgress?.(say(SOURCES.fetchingDescriptor, { host: base.host }));
    const inFolder = { ...options, within: folder };
    const descriptor = await fetchBytes(base.href, inFolder);
    return await readPackage(
      descriptor,
      async (path) => {
        const resource = new URL(path, folder).href;
        if (!resource.startsWith(folder)) throw new SourceError([sourceProblem(path, say(SOURCES.pathOutsidePackage, { path }))]);
        return (await fetchBytes(resource, inFolder)).bytes;
      },
      base.href,
      options.onProgress,
    );
  } catch (error) {
    if (error instanceof SourceError) return { ok: false, problems: error.problems };
    throw error;
  }
}
