import { DEFAULT_LIMITS, tooLargeProblem } from "./limits";
import { FetchOptions, SourceError, sourceProblem } from "./types";
import { AnyMessage, say } from "../text/message";
import { SOURCES } from "../text/sources";

export const DEFAULT_TIMEOUT_MS = 30_000;

const host = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** The origin of a URL with a slash: the narrowest `within` that still allows every path there. */
const originOf = (url: string) => {
  try {
    return `${new URL(url).origin}/`;
  } catch {
    return url;
  }
};

/**
 * What a failed request means for the user. In a browser, a server that does not allow the
 * add-in's origin (no CORS header) fails exactly like an unreachable one; a second request
 * without CORS (whose answer cannot be read, only whether it came) tells the two apart.
 */
async function networkMessage(url: string, options: FetchOptions): Promise<AnyMessage> {
  if (options.inBrowser && typeof navigator !== "undefined" && navigator.onLine === false) return say(SOURCES.offline, { host: host(url) });
  if (options.inBrowser) {
    try {
      await options.fetch(url, { mode: "no-cors", signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS) });
      return say(SOURCES.corsRefused, { host: host(url) });
    } catch {
      // unreachable too without CORS: fall through
    }
  }
  return say(SOURCES.unreachable, { host: host(url) });
}

/** Lets go of a body we will not read (a refused redirect, an error page, too large), ignoring how that goes. */
const discard = (response: Response) => response.body?.cancel().catch(() => undefined);

/**
 * The body, counted while it streams: refused at once when Content-Length says it is larger than
 * `maxBytes`, cut off when it turns out larger (a server may send no length, or a wrong one), so
 * that at most `maxBytes` are ever held. Only the bytes received are trusted.
 */
async function readBounded(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = (sizeBytes?: number) => new SourceError([tooLargeProblem(url, { limit: "responseBytes", what: url, limitBytes: maxBytes, sizeBytes })]);
  const declared = Number(response.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) {
    void discard(response);
    throw tooLarge(declared);
  }
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > maxBytes) throw tooLarge();
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Fetches a URL's bytes with a time-out and a size limit, from where it may come from only.
 * Every failure is a SourceError with one sentence for the user: time-out, too large, a redirect
 * out of `within`, HTTP status, network or CORS, cancelled. Nothing else escapes. Only a time-out,
 * a network error or a 5xx is `retryable`; a 4xx or a refusal is not.
 *
 * A redirect is followed by the fetch itself (a browser gives no choice), and the final URL is
 * checked before anything of the answer is used: a response from outside `within` is dropped
 * unread, so no message ever quotes another server's status or content.
 */
export async function fetchBytes(url: string, options: FetchOptions): Promise<{ bytes: Uint8Array; contentType: string }> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_LIMITS.responseBytes;
  const within = options.within ?? originOf(url);
  const fail = (message: AnyMessage, retryable = false) => new SourceError([sourceProblem(url, message)], retryable);
  // Cancelled before it starts (e.g. during a retry's wait): a signal that is already aborted fires no event.
  if (options.signal?.aborted) throw fail(say(SOURCES.cancelled));
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const onCancel = () => timeout.abort();
  options.signal?.addEventListener("abort", onCancel);
  try {
    let response: Response;
    try {
      response = await options.fetch(url, { signal: timeout.signal, redirect: "follow", headers: { Accept: "application/json, text/csv, */*" } });
    } catch {
      if (options.signal?.aborted) throw fail(say(SOURCES.cancelled));
      if (timeout.signal.aborted) throw fail(say(SOURCES.timedOut, { host: host(url), ms: timeoutMs }), true);
      throw fail(await networkMessage(url, options), true);
    }
    // A Response made in a test (or by a service worker) has no URL: then it is the one asked for.
    const final = response.url || url;
    if (!final.startsWith(within)) {
      void discard(response);
      throw fail(say(SOURCES.redirectOutside, { url, final, within }));
    }
    if (!response.ok) {
      void discard(response);
      throw fail(say(SOURCES.httpStatus, { url, status: response.status, statusText: response.statusText }), response.status >= 500);
    }
    try {
      const bytes = await readBounded(response, url, maxBytes);
      return { bytes, contentType: response.headers.get("content-type") ?? "" };
    } catch (error) {
      if (error instanceof SourceError) throw error;
      if (options.signal?.aborted) throw fail(say(SOURCES.cancelled));
      if (timeout.signal.aborted) throw fail(say(SOURCES.stoppedAnswering, { host: host(url), ms: timeoutMs }), true);
      throw fail(say(SOURCES.connectionLost, { host: host(url) }), true);
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onCancel);
  }
}
