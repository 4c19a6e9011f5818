import { createServer, ServerResponse } from "http";
import { AddressInfo } from "net";

/**
 * A stand-in for CBS StatLine's OData v3 API (table 85644NED) on 127.0.0.1, for the tests and the
 * benchmark only. Its shape follows the real service (see ../shared/cbs/README.md): dimension
 * endpoints with keys padded to a fixed width, `TypedDataSet` with `$filter` (eq, and, or,
 * parentheses) on those exact padded keys, `$select`, `$top`, `$skip`, HTTP 500 for a request
 * over 10,000 cells, `null` for suppressed cells. ITS FIGURES ARE SYNTHETIC: made up by a formula,
 * they are not CBS figures and must never be presented as such.
 */
export const FIXTURE_TABLE = "85644NED";
export const FIXTURE_MODIFIED = "2025-06-30T02:00:00";

const pad = (key: string, width: number) => key.padEnd(width, " ");
type Row = { Key: string; Title: string; Description: string | null; CategoryGroupID: number | null };
const dim = (key: string, title: string, width: number, group: number | null = null): Row => ({ Key: pad(key, width), Title: title, Description: null, CategoryGroupID: group });

export const FIXTURE_MUNICIPALITIES: [string, string][] = [
  ["GM0546", "Leiden"], ["GM0503", "Delft"], ["GM0518", "'s-Gravenhage"], ["GM0363", "Amsterdam"], ["GM0599", "Rotterdam"], ["GM0344", "Utrecht"],
  ["GM0575", "Noordwijk"], ["GM0579", "Oegstgeest"], ["GM0626", "Voorschoten"], ["GM0547", "Leiderdorp"], ["GM0638", "Zoeterwoude"], ["GM0484", "Alphen aan den Rijn"],
];
const REGIONS: Row[] = [dim("NL01", "Nederland", 10), dim("PV28", "Zuid-Holland", 10), ...FIXTURE_MUNICIPALITIES.map(([key, title]) => dim(key, title, 10))];
const PERIODS: Row[] = Array.from({ length: 16 }, (_, i) => dim(`${2010 + i}JJ00`, String(2010 + i), 8));
const NATIONALITIES: Row[] = [
  dim("T001059", "Totaal", 7, 1), dim("NAT0001", "Nederlands", 7, 1), dim("NAT9999", "Totaal buitenlandse nationaliteit", 7, 1),
  ...["Italiaans", "Duits", "Pools", "Brits", "Syrisch", "Turks", "Marokkaans", "Hongaars"].map((title, i) => dim(`NAT${9100 + i}`, title, 7, 2)),
];
const SEXES: Row[] = [dim("T001038", "Totaal mannen en vrouwen", 7), dim("3000", "Mannen", 7), dim("4000", "Vrouwen", 7)];
const AGES: Row[] = [dim("10000", "Totaal", 5), dim("70100", "0 tot 5 jaar", 5), dim("70200", "5 tot 10 jaar", 5)];
const DIMENSIONS: Record<string, Row[]> = { RegioS: REGIONS, Perioden: PERIODS, Nationaliteit: NATIONALITIES, Geslacht: SEXES, Leeftijd: AGES };

/** A made-up count: stable, different per region, year and nationality. Not a CBS figure. */
function synthetic(region: number, year: number, nationality: number): number {
  return 40 + ((region * 7919 + nationality * 104729) % 900) + (year - 2010) * (3 + ((region + nationality) % 5));
}

type DataRow = Record<string, string | number | null>;
/** Suppressed cells, as CBS marks them: (region title, year, nationality title). */
export const FIXTURE_SUPPRESSED: [string, number, string][] = [["Delft", 2013, "Hongaars"], ["Leiden", 2020, "Hongaars"]];

function buildRows(): DataRow[] {
  const rows: DataRow[] = [];
  const newest = PERIODS[PERIODS.length - 1].Key; // exists, but its data is still empty
  REGIONS.forEach((region, r) => {
    PERIODS.forEach((period) => {
      const year = Number(period.Title);
      const counts = NATIONALITIES.slice(3).map((n, i) => (FIXTURE_SUPPRESSED.some(([a, y, t]) => a === region.Title && y === year && t === n.Title) ? null : synthetic(r + 1, year, i + 1) * (r < 2 ? 40 : 1)));
      const foreign = counts.reduce<number>((sum, c) => sum + (c ?? 0), 0);
      const dutch = 60_000 + r * 9_000 + (year - 2010) * 310;
      const values = [dutch + foreign, dutch, foreign, ...counts];
      for (const sex of SEXES) for (const age of AGES) {
        NATIONALITIES.forEach((n, i) => {
          const scale = sex.Key.trim() === "T001038" && age.Key.trim() === "10000" ? 1 : 0.3;
          const value = period.Key === newest ? null : values[i] === null ? null : Math.round((values[i] as number) * scale);
          rows.push({ Geslacht: sex.Key, Leeftijd: age.Key, Nationaliteit: n.Key, RegioS: region.Key, Perioden: period.Key, Bevolking_1: value });
        });
      }
    });
  });
  return rows.map((row, ID) => ({ ID, ...row }));
}
const ROWS = buildRows();

/** OData `$filter` with eq, and, or and parentheses, as CBS's v3 API takes it. */
export function parseFilter(text: string): (row: DataRow) => boolean {
  const tokens = text.match(/'(?:[^']|'')*'|\(|\)|[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
  let i = 0;
  const next = () => tokens[i++];
  const expression = (): ((row: DataRow) => boolean) => {
    let left = term();
    while (tokens[i]?.toLowerCase() === "or") {
      next();
      const [a, b] = [left, term()];
      left = (row) => a(row) || b(row);
    }
    return left;
  };
  const term = (): ((row: DataRow) => boolean) => {
    let left = factor();
    while (tokens[i]?.toLowerCase() === "and") {
      next();
      const [a, b] = [left, factor()];
      left = (row) => a(row) && b(row);
    }
    return left;
  };
  const factor = (): ((row: DataRow) => boolean) => {
    if (tokens[i] === "(") {
      next();
      const inner = expression();
      if (next() !== ")") throw new Error("unbalanced parentheses");
      return inner;
    }
    const field = next();
    if (next()?.toLowerCase() !== "eq") throw new Error(`only 'eq' is supported (at ${field})`);
    const literal = next();
    if (!literal?.startsWith("'")) throw new Error("a string literal is expected");
    const value = literal.slice(1, -1).replace(/''/g, "'");
    return (row) => row[field] === value;
  };
  const result = expression();
  if (i !== tokens.length) throw new Error("unexpected text in $filter");
  return result;
}

export interface CbsServer {
  url: string;
  requests: string[];
  /** What the next requests do: fail with 503 a number of times, or hang when the path matches. */
  behaviour: { fail503: number; hang: RegExp | null };
  close: () => Promise<void>;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*" }).end(JSON.stringify(body));
}

export async function startCbsServer(): Promise<CbsServer> {
  const requests: string[] = [];
  const behaviour: CbsServer["behaviour"] = { fail503: 0, hang: null };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    requests.push(`${decodeURIComponent(url.pathname)}${url.search ? decodeURIComponent(url.search) : ""}`);
    if (behaviour.hang?.test(url.pathname + url.search)) return; // never answers; closed with the server
    if (behaviour.fail503 > 0) {
      behaviour.fail503--;
      return void send(response, 503, { "odata.error": { message: { value: "Service Unavailable" } } });
    }
    const [, table, entity] = url.pathname.replace(/^\/ODataApi\/odata/i, "").split("/");
    if (table !== FIXTURE_TABLE) return void send(response, 404, { "odata.error": { message: { value: `Table ${table} not found` } } });
    const metadata = `${url.origin}/ODataApi/OData/${table}/$metadata#Cbs.OData.WebAPI.${entity}`;
    if (entity === "TableInfos") {
      return void send(response, 200, { "odata.metadata": metadata, value: [{ ID: 0, Identifier: FIXTURE_TABLE, Title: "Bevolking; geslacht, leeftijd, nationaliteit en regio, 1 januari", Modified: FIXTURE_MODIFIED }] });
    }
    let rows: DataRow[];
    if (entity === "TypedDataSet") rows = ROWS;
    else if (DIMENSIONS[entity]) rows = DIMENSIONS[entity] as unknown as DataRow[];
    else return void send(response, 404, { "odata.error": { message: { value: `No entity ${entity}` } } });
    const query = url.searchParams;
    let matched = rows;
    try {
      const filter = query.get("$filter");
      if (filter) matched = rows.filter(parseFilter(filter));
    } catch (error) {
      return void send(response, 400, { "odata.error": { message: { value: (error as Error).message } } });
    }
    const select = query.get("$select")?.split(",").map((s) => s.trim());
    const columns = select?.length ?? Object.keys(rows[0] ?? {}).length;
    const top = query.has("$top") ? Number(query.get("$top")) : null;
    const skip = Number(query.get("$skip") ?? 0);
    const cells = (top === null ? matched.length : Math.min(top, Math.max(0, matched.length - skip))) * columns;
    if (entity === "TypedDataSet" && (top === null ? matched.length * columns > 10_000 : top * columns > 10_000)) {
      return void send(response, 500, { "odata.error": { message: { value: `De opgevraagde data bevat meer dan 10000 records (${cells} cellen).` } } });
    }
    const page = matched.slice(skip, top === null ? undefined : skip + top).map((row) => (select ? Object.fromEntries(select.map((c) => [c, row[c]])) : row));
    send(response, 200, { "odata.metadata": metadata, value: page });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/ODataApi/odata`,
    requests,
    behaviour,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
