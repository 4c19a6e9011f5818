import { decodeUtf8 } from "../../data/csv";
import { fetchBytes } from "../fetch-bytes";
import { FetchOptions, SourceError, sourceProblem } from "../types";

/** The CBS OData v3 API's base URL; CBS_ODATA_URL (CLI) or the pane's setting overrides it. */
export const CBS_DEFAULT_URL = "https://opendata.cbs.nl/ODataApi/odata";
/** The standard API answers at most 10,000 cells per request, and refuses a broader one. */
export const CBS_MAX_CELLS = 10_000;
const RETRIES = 3;

export interface CbsOptions extends FetchOptions {
  baseUrl: string;
  /** Waits between retries: 1×, 2×, 4× this (tests make it short). */
  retryDelayMs?: number;
  /** Counts the requests made, for the benchmark and the progress line. */
  onRequest?: (url: string) => void;
  /** Cells per request; CBS's limit unless a test wants smaller pages. */
  maxCells?: number;
}

export type ODataRow = Record<string, unknown>;

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

/** One OData request, retried with back-off (at most three times) on time-outs, network and server errors. */
async function getJson(url: string, options: CbsOptions): Promise<ODataRow[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      options.onRequest?.(url);
      const { bytes } = await fetchBytes(url, options);
      const text = decodeUtf8(bytes, url);
      if (!text.ok) throw new SourceError(text.problems);
      let body: unknown;
      try {
        body = JSON.parse(text.value);
      } catch {
        throw new SourceError([sourceProblem(url, `CBS gaf geen JSON terug voor ${url}; is het adres van de CBS-API goed?`)]);
      }
      const value = (body as { value?: unknown })?.value;
      if (!Array.isArray(value)) throw new SourceError([sourceProblem(url, `CBS gaf een onverwacht antwoord voor ${url} (geen lijst 'value').`)]);
      return value as ODataRow[];
    } catch (error) {
      const retry = error instanceof SourceError && error.retryable && attempt < RETRIES && !options.signal?.aborted;
      if (!retry) {
        if (error instanceof SourceError && error.retryable) {
          throw new SourceError(error.problems.map((p) => ({ ...p, message: `${p.message} (na ${attempt + 1} pogingen) Er is niets geschreven.` })));
        }
        throw error;
      }
      options.onProgress?.(`CBS antwoordt niet goed; opnieuw proberen (${attempt + 1} van ${RETRIES})…`);
      await wait((options.retryDelayMs ?? 1000) * 2 ** attempt, options.signal);
    }
  }
}

/** An OData string literal: quotes doubled. Keys are used exactly as CBS returns them, padding included. */
export const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * All rows of an entity set matching `filter`, in pages small enough for the 10,000-cell limit
 * (`$top` always sent, `$skip` to page on), with `$select` so that only the columns needed count.
 */
export async function getAll(table: string, entity: string, query: { filter?: string; select?: string[] }, options: CbsOptions): Promise<ODataRow[]> {
  const columns = Math.max(1, query.select?.length ?? 8);
  const pageSize = Math.floor(Math.min(options.maxCells ?? CBS_MAX_CELLS, CBS_MAX_CELLS) / columns);
  const rows: ODataRow[] = [];
  for (let skip = 0; ; skip += pageSize) {
    const params = new URLSearchParams({ $format: "json", $top: String(pageSize) });
    if (skip > 0) params.set("$skip", String(skip));
    if (query.filter) params.set("$filter", query.filter);
    if (query.select) params.set("$select", query.select.join(","));
    const page = await getJson(`${options.baseUrl.replace(/\/$/, "")}/${table}/${entity}?${params.toString().replace(/\+/g, "%20")}`, options);
    rows.push(...page);
    if (page.length < pageSize) return rows;
  }
}
