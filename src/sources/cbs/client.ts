import { decodeUtf8 } from "../../data/csv";
import { fetchBytes } from "../fetch-bytes";
import { FetchOptions, SourceError, sourceProblem } from "../types";
import { AnyMessage, say } from "../../text/message";
import { CBS } from "../../text/cbs";

export { CBS_DEFAULT_URL } from "./address";
/** The standard API answers at most 10,000 cells per request, and refuses a broader one. */
export const CBS_MAX_CELLS = 10_000;
const RETRIES = 3;
/** Bounds on one entity set, far above what a pull needs (a few thousand rows), far below what breaks a pane. */
export const CBS_MAX_PAGES = 500;
export const CBS_MAX_ROWS = 500_000;
/**
 * Bytes of one CBS answer at most: a page of 10,000 cells is about 250 KB of JSON, a page of
 * dimension titles under 1 MB, so 8 MB is generous, and far below the general limit for a
 * response (a whole CSV of a package), which a broken CBS would otherwise fill page after page.
 */
export const CBS_MAX_PAGE_BYTES = 8 * 1024 * 1024;

export interface CbsOptions extends FetchOptions {
  baseUrl: string;
  /** Waits between retries: 1×, 2×, 4× this (tests make it short). */
  retryDelayMs?: number;
  /** How a wait between retries is waited (a test's fake clock records it instead). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Counts the requests made, for the benchmark and the progress line. */
  onRequest?: (url: string) => void;
  /** Cells per request; CBS's limit unless a test wants smaller pages. */
  maxCells?: number;
  /** Pages and rows per entity set at most (tests make them small). */
  maxPages?: number;
  maxRows?: number;
}

export type ODataRow = Record<string, unknown>;

interface ODataPage {
  rows: ODataRow[];
  nextLink: string | null;
  /** `odata.count`, when the server reports it ($inlinecount=allpages). */
  count: number | null;
}

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

const problem = (url: string, message: AnyMessage) => new SourceError([sourceProblem(url, message)]);

function parsePage(text: string, url: string): ODataPage {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw problem(url, say(CBS.notJson, { url }));
  }
  const envelope = (body ?? {}) as { value?: unknown; "odata.nextLink"?: unknown; "odata.count"?: unknown };
  if (!Array.isArray(envelope.value) || envelope.value.some((row) => row === null || typeof row !== "object" || Array.isArray(row))) {
    throw problem(url, say(CBS.unexpectedAnswer, { url, wrong: "value" }));
  }
  const nextLink = envelope["odata.nextLink"];
  if (nextLink !== undefined && typeof nextLink !== "string") throw problem(url, say(CBS.unexpectedAnswer, { url, wrong: "nextLink" }));
  // OData v3 sends the count as a string ("1234").
  const rawCount = envelope["odata.count"];
  const count = rawCount === undefined ? null : Number(rawCount);
  if (count !== null && !(Number.isInteger(count) && count >= 0)) throw problem(url, say(CBS.unexpectedAnswer, { url, wrong: "count" }));
  return { rows: envelope.value as ODataRow[], nextLink: nextLink ?? null, count };
}

/** One OData request, retried with back-off (at most three times) on time-outs, network and server errors. */
async function getPage(url: string, options: CbsOptions): Promise<ODataPage> {
  for (let attempt = 0; ; attempt++) {
    try {
      options.onRequest?.(url);
      const { bytes } = await fetchBytes(url, { ...options, maxBytes: options.maxBytes ?? CBS_MAX_PAGE_BYTES });
      const text = decodeUtf8(bytes, url);
      if (!text.ok) throw problem(url, say(CBS.notUtf8, { url }));
      return parsePage(text.value, url);
    } catch (error) {
      const retry = error instanceof SourceError && error.retryable && attempt < RETRIES && !options.signal?.aborted;
      if (!retry) {
        if (error instanceof SourceError && error.retryable) {
          throw new SourceError(error.problems.map((p) => ({ ...p, message: say(CBS.afterAttempts, { cause: p.message, attempts: attempt + 1 }) })));
        }
        throw error;
      }
      options.onProgress?.(say(CBS.retrying, { attempt: attempt + 1, of: RETRIES }));
      await (options.sleep ?? wait)((options.retryDelayMs ?? 1000) * 2 ** attempt, options.signal);
    }
  }
}

/** An OData string literal: quotes doubled. Keys are used exactly as CBS returns them, padding included. */
export const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * The next page's address from an `odata.nextLink`: followed only on the same origin and path as
 * the request (CBS's server-driven paging); anything else is refused, never fetched.
 */
function nextPageUrl(nextLink: string, current: string, what: AnyMessage): string {
  const here = new URL(current);
  let next: URL;
  try {
    next = new URL(nextLink, here);
  } catch {
    throw problem(current, say(CBS.nextLinkInvalid, { what, link: nextLink.slice(0, 200) }));
  }
  if (next.origin !== here.origin || next.pathname !== here.pathname) {
    throw problem(current, say(CBS.nextLinkElsewhere, { what, next: `${next.origin}${next.pathname}`, here: `${here.origin}${here.pathname}` }));
  }
  // Only JSON is read: a link that asks for another format (Atom is OData v3's default) gets JSON too.
  next.searchParams.set("$format", "json");
  return next.toString();
}

/** A page's identity, to see a server hand out the same page again (it ignores `$skip`). */
const pageSignature = (rows: ODataRow[]) => (rows.length ? `${rows.length}|${JSON.stringify(rows[0])}|${JSON.stringify(rows[rows.length - 1])}` : "");

/**
 * All rows of an entity set matching `filter`, in pages small enough for the 10,000-cell limit
 * (`$top` always sent, `$skip` to page on, an `odata.nextLink` on the same address followed),
 * with `$select` so that only the columns needed count. Bounded: a page larger than asked for, the
 * same page twice, more than `maxPages` pages or `maxRows` rows, or fewer rows than the count CBS
 * reports is an error, never a partial result.
 */
export async function getAll(table: string, entity: string, query: { filter?: string; select?: string[] }, options: CbsOptions): Promise<ODataRow[]> {
  const columns = Math.max(1, query.select?.length ?? 8);
  const pageSize = Math.max(1, Math.floor(Math.min(options.maxCells ?? CBS_MAX_CELLS, CBS_MAX_CELLS) / columns));
  const [maxPages, maxRows] = [options.maxPages ?? CBS_MAX_PAGES, options.maxRows ?? CBS_MAX_ROWS];
  const base = `${options.baseUrl.replace(/\/$/, "")}/${table}/${entity}`;
  const urlFor = (skip: number) => {
    const params = new URLSearchParams({ $format: "json", $top: String(pageSize) });
    if (skip > 0) params.set("$skip", String(skip));
    if (query.filter) params.set("$filter", query.filter);
    if (query.select) params.set("$select", query.select.join(","));
    // Whether CBS's v3 API honours $inlinecount is not verified (../shared/cbs/README.md is
    // silent; no public CBS client sends it). It is OData v3's way to ask for the count
    // (MS-ODATA 2.2.3.6.1.10), and CBS's service is ASP.NET Web API OData ("Cbs.OData.WebAPI" in
    // its metadata), which allows it by default. Read safely: the count is a check when CBS
    // reports it and nothing depends on it when CBS does not (paging then ends at a page shorter
    // than asked for without a nextLink, or an empty one). Should CBS refuse the option, every
    // request fails with CBS's HTTP status and nothing is written; drop this line then.
    params.set("$inlinecount", "allpages");
    return `${base}?${params.toString().replace(/\+/g, "%20")}`;
  };
  const rows: ODataRow[] = [];
  const what = say(CBS.entitySet, { entity, table });
  let count: number | null = null;
  let previous = "";
  let url = urlFor(0);
  for (let pages = 1; ; pages++) {
    if (pages > maxPages) throw problem(base, say(CBS.tooManyPages, { what, max: maxPages }));
    const page = await getPage(url, options);
    if (page.rows.length > pageSize) throw problem(url, say(CBS.pageTooLarge, { what, rows: page.rows.length, asked: pageSize }));
    const signature = pageSignature(page.rows);
    if (signature !== "" && signature === previous) throw problem(url, say(CBS.samePage, { what }));
    previous = signature;
    if (page.count !== null) {
      if (count !== null && page.count !== count) throw problem(url, say(CBS.countChanged, { what, before: count, after: page.count }));
      count = page.count;
    }
    if (rows.length + page.rows.length > maxRows || (count ?? 0) > maxRows) throw problem(base, say(CBS.tooManyRows, { what, max: maxRows }));
    // One row at a time: spreading a page of 300,000 rows into push() overflows the call stack.
    for (const row of page.rows) rows.push(row);
    if (page.rows.length === 0 || (count !== null && rows.length >= count)) break;
    if (page.nextLink !== null) url = nextPageUrl(page.nextLink, url, what);
    else if (page.rows.length < pageSize) break;
    else url = urlFor(rows.length);
  }
  if (count !== null && rows.length !== count) {
    throw problem(base, say(CBS.incomplete, { what, reported: count, given: rows.length }));
  }
  return rows;
}
