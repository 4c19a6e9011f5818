import { FetchOptions, SourceError, sourceProblem } from "./types";

export const DEFAULT_TIMEOUT_MS = 30_000;

/** "30 seconden", "0,3 seconden". */
const seconds = (ms: number) => `${ms >= 1000 ? Math.round(ms / 1000) : String(ms / 1000).replace(".", ",")} seconden`;

const host = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

function httpMessage(status: number, statusText: string, url: string): string {
  const what = `${url} gaf HTTP ${status}${statusText ? ` ${statusText}` : ""}`;
  if (status === 404 || status === 410) return `${what}: dat bestand bestaat (niet meer) op de server; klopt het adres?`;
  if (status === 401 || status === 403) return `${what}: de server geeft geen toegang tot dit bestand.`;
  if (status >= 500) return `${what}: een fout bij de server; probeer het later opnieuw.`;
  return `${what}.`;
}

/**
 * What a failed request means for the user. In a browser, a server that does not allow the
 * add-in's origin (no CORS header) fails exactly like an unreachable one; a second request
 * without CORS (whose answer cannot be read, only whether it came) tells the two apart.
 */
async function networkMessage(url: string, options: FetchOptions): Promise<string> {
  if (options.inBrowser && typeof navigator !== "undefined" && navigator.onLine === false) return `U bent offline; ${host(url)} is niet te bereiken. Er is niets veranderd.`;
  if (options.inBrowser) {
    try {
      await options.fetch(url, { mode: "no-cors", signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS) });
      return `De server ${host(url)} staat niet toe dat de invoegtoepassing dit bestand ophaalt (CORS: de header Access-Control-Allow-Origin ontbreekt). Vraag de beheerder die header te zetten, of download het bestand en kies "Uit een bestand".`;
    } catch {
      // unreachable too without CORS: fall through
    }
  }
  return `De server ${host(url)} is niet bereikbaar (geen verbinding, of het adres bestaat niet).`;
}

/**
 * Fetches a URL's bytes with a time-out. Every failure is a SourceError with one sentence for the
 * user: time-out, HTTP status, network or CORS, cancelled. Nothing else escapes.
 */
export async function fetchBytes(url: string, options: FetchOptions): Promise<{ bytes: Uint8Array; contentType: string }> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const onCancel = () => timeout.abort();
  options.signal?.addEventListener("abort", onCancel);
  const fail = (message: string, retryable = false) => new SourceError([sourceProblem(url, message)], retryable);
  try {
    let response: Response;
    try {
      response = await options.fetch(url, { signal: timeout.signal, headers: { Accept: "application/json, text/csv, */*" } });
    } catch {
      if (options.signal?.aborted) throw fail("Geannuleerd; er is niets veranderd.");
      if (timeout.signal.aborted) throw fail(`${host(url)} antwoordde niet binnen ${seconds(timeoutMs)}; probeer het later opnieuw.`, true);
      throw fail(await networkMessage(url, options), true);
    }
    if (!response.ok) throw fail(httpMessage(response.status, response.statusText, url), response.status >= 500);
    try {
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { bytes, contentType: response.headers.get("content-type") ?? "" };
    } catch {
      if (options.signal?.aborted) throw fail("Geannuleerd; er is niets veranderd.");
      if (timeout.signal.aborted) throw fail(`${host(url)} stopte met antwoorden (na ${seconds(timeoutMs)}); probeer het later opnieuw.`, true);
      throw fail(`De verbinding met ${host(url)} werd verbroken tijdens het ophalen.`, true);
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onCancel);
  }
}
