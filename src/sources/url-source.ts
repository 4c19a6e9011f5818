import { fetchBytes } from "./fetch-bytes";
import { readPackage } from "./package-reader";
import { FetchOptions, PullResult, SourceError, sourceProblem } from "./types";

/** Only web addresses: a `file:` or `javascript:` URL is not a source. */
export function checkPackageUrl(text: string): { ok: true; url: URL } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, message: `'${text}' is geen geldig adres; geef het volledige adres van een datapackage.json (https://…).` };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, message: `Alleen http(s)-adressen kunnen worden opgehaald, niet ${url.protocol}.` };
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
    options.onProgress?.(`datapackage.json ophalen bij ${base.host}…`);
    const inFolder = { ...options, within: folder };
    const descriptor = await fetchBytes(base.href, inFolder);
    return await readPackage(
      descriptor,
      async (path) => {
        const resource = new URL(path, folder).href;
        if (!resource.startsWith(folder)) throw new SourceError([sourceProblem(path, `Het pad '${path}' wijst buiten de map van het pakket.`)]);
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
