import { createServer, ServerResponse } from "http";
import { AddressInfo } from "net";

/**
 * A stand-in for CBS StatLine's OData v3 API on 127.0.0.1, for the tests and the benchmark only:
 * table 85644NED (population by nationality) and 85458NED (population by herkomst, since 2022).
 * Its shape follows the real service (see ../shared/cbs/README.md): dimension endpoints with keys
 * padded to a fixed width and CBS's real titles (`'s-Gravenhage (gemeente)`, `Hengelo (O.)`,
 * `Bergen (L.)` / `Bergen (NH.)`, `Groningen (PV)`, the nationality aggregates of 84727NED),
 * `TypedDataSet` with `$filter` (eq, and, or, parentheses) on those exact padded keys, `$select`,
 * `$top`, `$skip`, `$inlinecount=allpages` (`odata.count`), HTTP 500 for a request over 10,000
 * cells, `null` for suppressed cells, a newest period whose data is still empty, and in 85458NED
 * the code of a municipality that no longer exists. ITS FIGURES ARE SYNTHETIC: made up by a
 * formula, they are not CBS figures and must never be presented as such. `behaviour` makes it
 * misbehave as a hostile or broken server would.
 */
export const FIXTURE_TABLE = "85644NED";
export const FIXTURE_HERKOMST_TABLE = "85458NED";
export const FIXTURE_MODIFIED = "2025-06-30T02:00:00";
export const FIXTURE_HERKOMST_MODIFIED = "2025-07-01T02:00:00";
export const FIXTURE_TITLE = "Bevolking; geslacht, leeftijd, nationaliteit en regio, 1 januari";
export const FIXTURE_HERKOMST_TITLE = "Bevolking; herkomstland, geboorteland, leeftijd, regio, 1 januari";

const pad = (key: string, width: number) => key.padEnd(width, " ");
type Row = { Key: string; Title: string; Description: string | null; CategoryGroupID: number | null };
const dim = (key: string, title: string, width: number, group: number | null = null): Row => ({ Key: pad(key, width), Title: title, Description: null, CategoryGroupID: group });

/** Municipalities as CBS titles them (codes and titles from ../shared/cbs/README.md where it gives them). */
export const FIXTURE_MUNICIPALITIES: [string, string][] = [
  ["GM0546", "Leiden"], ["GM0503", "Delft"], ["GM0518", "'s-Gravenhage (gemeente)"], ["GM0363", "Amsterdam"], ["GM0599", "Rotterdam"],
  ["GM0344", "Utrecht (gemeente)"], ["GM0014", "Groningen (gemeente)"], ["GM0796", "'s-Hertogenbosch"], ["GM0164", "Hengelo (O.)"],
  ["GM0893", "Bergen (L.)"], ["GM0373", "Bergen (NH.)"], ["GM0888", "Beek (L.)"], ["GM0603", "Rijswijk (ZH.)"], ["GM0687", "Middelburg (Z.)"],
  ["GM0400", "Den Helder"], ["GM0310", "De Bilt"], ["GM0575", "Noordwijk"], ["GM0579", "Oegstgeest"], ["GM0626", "Voorschoten"],
  ["GM0547", "Leiderdorp"], ["GM0638", "Zoeterwoude"], ["GM0484", "Alphen aan den Rijn"], ["GM0537", "Katwijk"],
];
const OTHER_REGIONS: Row[] = [dim("NL01", "Nederland", 10), dim("LD01", "Noord-Nederland (LD)", 10), dim("PV20", "Groningen (PV)", 10), dim("PV26", "Utrecht (PV)", 10), dim("PV28", "Zuid-Holland (PV)", 10)];
const MUNICIPALITY_ROWS = FIXTURE_MUNICIPALITIES.map(([key, title]) => dim(key, title, 10));
/** In 85458NED only: a code of a municipality that no longer exists (merged into Amsterdam), without figures. */
const FORMER_MUNICIPALITY = dim("GM0457", "Weesp", 10);

const NATIONALITY_TITLES = ["Italiaans", "Duits", "Pools", "Brits", "Syrisch", "Turks", "Marokkaans", "Hongaars"];
/** Keys as the real tables use them where known (T001059, NAT9345 Hongaars); the rest made up in the same form. */
const NATIONALITY_KEYS = ["NAT9318", "NAT9291", "NAT9380", "NAT9298", "NAT9416", "NAT9437", "NAT9358", "NAT9345"];
/** The aggregates of the real table (84727NED's titles): not nationalities, and not to be added to them. */
const AGGREGATES: [string, string, number[]][] = [
  ["NAT9490", "Europa (exclusief Nederlands)", [0, 1, 2, 3, 7]],
  ["NAT9491", "Europese Unie (exclusief Nederlands)", [0, 1, 2, 7]],
  ["NAT9492", "Afrika", [6]],
  ["NAT9493", "Azië", [4, 5]],
];
const NATIONALITIES: Row[] = [
  dim("T001059", "Totaal", 7, 1), dim("NAT9267", "Nederlands", 7, 1), dim("NAT9489", "Totaal niet-Nederlandse nationaliteit", 7, 1),
  ...AGGREGATES.map(([key, title]) => dim(key, title, 7, 2)),
  ...NATIONALITY_TITLES.map((title, i) => dim(NATIONALITY_KEYS[i], title, 7, 3)),
];
const SEXES: Row[] = [dim("T001038", "Totaal mannen en vrouwen", 7), dim("3000", "Mannen", 7), dim("4000", "Vrouwen", 7)];
const AGES: Row[] = [dim("10000", "Totaal", 5), dim("70100", "0 tot 5 jaar", 5), dim("70200", "5 tot 10 jaar", 5)];
const periods = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => dim(`${from + i}JJ00`, String(from + i), 8));

const HERKOMST: Row[] = [dim("T001040", "Totaal", 7), dim("1012600", "Nederland", 7), dim("H007933", "Europa (exclusief Nederland)", 7), dim("H008859", "Buiten Europa", 7)];
const GEBOORTELAND: Row[] = [dim("T001638", "Totaal", 7), dim("A051735", "Nederland", 7), dim("A051736", "Buitenland", 7)];

/** The newest period exists, but its data is still empty (as CBS publishes a year ahead of its figures). */
export const FIXTURE_YEARS = { from: 2010, to: 2025, newestEmpty: 2025 };
export const FIXTURE_HERKOMST_YEARS = { from: 2022, to: 2025, newestEmpty: 2025 };

/** Suppressed cells, as CBS marks them: (region title, year, nationality title). */
export const FIXTURE_SUPPRESSED: [string, number, string][] = [["Delft", 2013, "Hongaars"], ["Leiden", 2020, "Hongaars"]];

/**
 * Made-up figures per municipality m and year. The foreign share steps by 1.1 percentage points
 * from one municipality to the next in an order unlike the list's (m × 7 mod 23), the share with
 * a herkomst other than Nederland in another order (m × 5 + 3 mod 23), so every rank is decided
 * by a wide margin and the two ranks differ. Not CBS figures.
 */
function municipalityFigures(m: number, year: number) {
  const dutch = 20_000 + ((m * 3) % 23) * 6_000 + (year - 2010) * (100 + m * 10);
  const share = 0.03 + 0.011 * ((m * 7) % 23) + 0.0004 * (year - 2010);
  const foreignTotal = Math.round((dutch * share) / (1 - share));
  // Eight nationalities by weights that differ per municipality; the last takes the rest.
  const weights = NATIONALITY_TITLES.map((_, n) => 1 + ((m + n * 3) % 8));
  const sum = weights.reduce((a, b) => a + b, 0);
  const nationalities = weights.map((w) => Math.floor((foreignTotal * w) / sum));
  nationalities[nationalities.length - 1] += foreignTotal - nationalities.reduce((a, b) => a + b, 0);
  const total = dutch + foreignTotal;
  const herkomstShare = 0.12 + 0.013 * ((m * 5 + 3) % 23) + 0.0006 * (year - 2022);
  const herkomstNederland = Math.round(total * (1 - herkomstShare));
  const europe = Math.round((total - herkomstNederland) * 0.42);
  return { total, dutch, foreignTotal, nationalities, herkomst: [total, herkomstNederland, europe, total - herkomstNederland - europe] };
}

type DataRow = Record<string, string | number | null>;
type Figures = ReturnType<typeof municipalityFigures>;
const sumFigures = (list: Figures[]): Figures => ({
  total: list.reduce((a, f) => a + f.total, 0),
  dutch: list.reduce((a, f) => a + f.dutch, 0),
  foreignTotal: list.reduce((a, f) => a + f.foreignTotal, 0),
  nationalities: NATIONALITY_TITLES.map((_, n) => list.reduce((a, f) => a + f.nationalities[n], 0)),
  herkomst: [0, 1, 2, 3].map((h) => list.reduce((a, f) => a + f.herkomst[h], 0)),
});

/** The figures of every region in a year: municipalities by formula, Nederland their sum, the others a part of it. */
function regionFigures(year: number): Map<string, Figures> {
  const byRegion = new Map<string, Figures>();
  FIXTURE_MUNICIPALITIES.forEach(([key], m) => byRegion.set(key, municipalityFigures(m, year)));
  const country = sumFigures([...byRegion.values()]);
  byRegion.set("NL01", country);
  OTHER_REGIONS.slice(1).forEach((r, i) => byRegion.set(r.Key.trim(), sumFigures(FIXTURE_MUNICIPALITIES.filter((_, m) => m % 4 === i).map(([key]) => byRegion.get(key) as Figures))));
  return byRegion;
}

const scaled = (value: number | null, sex: Row, age: Row) => (value === null ? null : sex.Key.trim() === "T001038" && age.Key.trim() === "10000" ? value : Math.round(value * 0.3));

function nationalityRows(): DataRow[] {
  const rows: DataRow[] = [];
  const regions = [...OTHER_REGIONS, ...MUNICIPALITY_ROWS];
  for (const period of periods(FIXTURE_YEARS.from, FIXTURE_YEARS.to)) {
    const year = Number(period.Title);
    const figures = regionFigures(year);
    for (const region of regions) {
      const f = figures.get(region.Key.trim()) as Figures;
      const single = f.nationalities.map((v, n) => (FIXTURE_SUPPRESSED.some(([a, y, t]) => a === region.Title && y === year && t === NATIONALITY_TITLES[n]) ? null : v));
      const values = [f.total, f.dutch, f.foreignTotal, ...AGGREGATES.map(([, , parts]) => parts.reduce((a, n) => a + f.nationalities[n], 0)), ...single];
      for (const sex of SEXES) for (const age of AGES) {
        NATIONALITIES.forEach((n, i) => {
          rows.push({ Geslacht: sex.Key, Leeftijd: age.Key, Nationaliteit: n.Key, RegioS: region.Key, Perioden: period.Key, Bevolking_1: year === FIXTURE_YEARS.newestEmpty ? null : scaled(values[i], sex, age) });
        });
      }
    }
  }
  return rows.map((row, ID) => ({ ID, ...row }));
}

function herkomstRows(): DataRow[] {
  const rows: DataRow[] = [];
  const regions = [...OTHER_REGIONS, ...MUNICIPALITY_ROWS, FORMER_MUNICIPALITY];
  for (const period of periods(FIXTURE_HERKOMST_YEARS.from, FIXTURE_HERKOMST_YEARS.to)) {
    const year = Number(period.Title);
    const figures = regionFigures(year);
    for (const region of regions) {
      const f = figures.get(region.Key.trim());
      for (const sex of SEXES) for (const age of AGES) {
        HERKOMST.forEach((h, i) => {
          GEBOORTELAND.forEach((g, j) => {
            // Born abroad: a fifth of each herkomst group other than Nederland, made up.
            const all = f ? f.herkomst[i] : null;
            const abroad = all === null ? null : i === 1 ? 0 : Math.round((i === 0 ? f!.total - f!.herkomst[1] : all) * 0.2);
            const value = all === null || year === FIXTURE_HERKOMST_YEARS.newestEmpty ? null : j === 0 ? all : j === 2 ? abroad : all - (abroad as number);
            rows.push({ Geslacht: sex.Key, Leeftijd: age.Key, Herkomstland: h.Key, Geboorteland: g.Key, RegioS: region.Key, Perioden: period.Key, Bevolking_1: scaled(value, sex, age) });
          });
        });
      }
    }
  }
  return rows.map((row, ID) => ({ ID, ...row }));
}

interface FixtureTable {
  title: string;
  modified: string;
  dimensions: Record<string, Row[]>;
  rows: DataRow[];
}

const TABLES: Record<string, FixtureTable> = {
  [FIXTURE_TABLE]: {
    title: FIXTURE_TITLE,
    modified: FIXTURE_MODIFIED,
    dimensions: { RegioS: [...OTHER_REGIONS, ...MUNICIPALITY_ROWS], Perioden: periods(FIXTURE_YEARS.from, FIXTURE_YEARS.to), Nationaliteit: NATIONALITIES, Geslacht: SEXES, Leeftijd: AGES },
    rows: nationalityRows(),
  },
  [FIXTURE_HERKOMST_TABLE]: {
    title: FIXTURE_HERKOMST_TITLE,
    modified: FIXTURE_HERKOMST_MODIFIED,
    dimensions: { RegioS: [...OTHER_REGIONS, ...MUNICIPALITY_ROWS, FORMER_MUNICIPALITY], Perioden: periods(FIXTURE_HERKOMST_YEARS.from, FIXTURE_HERKOMST_YEARS.to), Herkomstland: HERKOMST, Geboorteland: GEBOORTELAND, Geslacht: SEXES, Leeftijd: AGES },
    rows: herkomstRows(),
  },
};

/**
 * The stand-in's own published cells, read as a test reads a table on StatLine: the count in
 * `Bevolking_1` for a region (trimmed code), a year and the other dimensions' keys (trimmed), with
 * both sexes and all ages. For expected values computed independently of the pull.
 */
export function publishedCell(table: string, cell: Record<string, string>): number | null | undefined {
  const wanted: Record<string, string> = { Geslacht: "T001038", Leeftijd: "10000", ...cell };
  const index = (cellIndex[table] ??= new Map(TABLES[table].rows.map((r) => [cellKey(r), r.Bevolking_1 as number | null])));
  return index.get(cellKey(wanted));
}
const cellIndex: Record<string, Map<string, number | null>> = {};
const cellKey = (row: Record<string, unknown>) =>
  Object.keys(row)
    .filter((k) => k !== "ID" && k !== "Bevolking_1")
    .sort()
    .map((k) => `${k}=${String(row[k]).trim()}`)
    .join("|");

/** A dimension of a table as the stand-in publishes it (keys trimmed; `group` its CategoryGroupID). */
export const publishedDimension = (table: string, name: string) => TABLES[table].dimensions[name].map((r) => ({ key: r.Key.trim(), title: r.Title, group: r.CategoryGroupID }));

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

/** How the stand-in misbehaves; every field off by default (see `resetBehaviour`). */
export interface CbsBehaviour {
  /** Fail this many next requests with 503. */
  fail503: number;
  /** Never answer a request whose path and query match. */
  hang: RegExp | null;
  /** Ignore $top and $skip: every request gets every matching row (no 10,000-cell refusal either). */
  ignorePaging: boolean;
  /** Ignore $skip only: every request gets the first page. */
  ignoreSkip: boolean;
  /** Serve at most this many rows per page, with an `odata.nextLink` to the rest (server-driven paging). */
  cutPages: number | null;
  /** With cutPages: send no nextLink, as if each short page were the last. */
  cutWithoutLink: boolean;
  /** With cutPages: a nextLink to this origin instead of the stand-in's own. */
  nextLinkOrigin: string | null;
  /** Leave `odata.count` out. */
  omitCount: boolean;
  /** Send Bevolking_1 as a string for rows of this region key (trimmed), e.g. "GM0503". */
  stringValuesFor: string | null;
  /** TableInfos' title and the title of nationality NAT9318 (Italiaans), when set. */
  tableTitle: string | null;
  nationalityTitle: string | null;
  /** Leave this key (trimmed, e.g. "NAT9489") out of the Nationaliteit dimension, as a table without that category. */
  omitNationality: string | null;
  /** Serve these values instead of the formula's, by "RegioS|Perioden|category key" (trimmed), e.g. "GM0503|2020JJ00|NAT9380". */
  cells: Record<string, number | null>;
  /** Leave these cells out of TypedDataSet (the same keys as `cells`): rows the table does not have. */
  omitCells: string[];
  /** Retitle Nationaliteit categories, by key (trimmed): a table whose totals CBS titles otherwise. */
  nationalityTitles: Record<string, string>;
  /** Publish the Nationaliteit keys padded to this width, in the dimension and the data alike (as RegioS keys are padded to 10). */
  nationalityKeyWidth: number | null;
}

export interface CbsServer {
  url: string;
  origin: string;
  requests: string[];
  behaviour: CbsBehaviour;
  resetBehaviour: () => void;
  close: () => Promise<void>;
}

const calm = (): CbsBehaviour => ({ fail503: 0, hang: null, ignorePaging: false, ignoreSkip: false, cutPages: null, cutWithoutLink: false, nextLinkOrigin: null, omitCount: false, stringValuesFor: null, tableTitle: null, nationalityTitle: null, omitNationality: null, cells: {}, omitCells: [], nationalityTitles: {}, nationalityKeyWidth: null });

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*" }).end(JSON.stringify(body));
}

export async function startCbsServer(): Promise<CbsServer> {
  const requests: string[] = [];
  const behaviour = calm();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    requests.push(`${decodeURIComponent(url.pathname)}${url.search ? decodeURIComponent(url.search) : ""}`);
    if (behaviour.hang?.test(url.pathname + url.search)) return; // never answers; closed with the server
    if (behaviour.fail503 > 0) {
      behaviour.fail503--;
      return void send(response, 503, { "odata.error": { message: { value: "Service Unavailable" } } });
    }
    const [, tableId, entity] = url.pathname.replace(/^\/ODataApi\/odata/i, "").split("/");
    const table = TABLES[tableId];
    if (!table) return void send(response, 404, { "odata.error": { message: { value: `Table ${tableId} not found` } } });
    const metadata = `${origin}/ODataApi/OData/${tableId}/$metadata#Cbs.OData.WebAPI.${entity}`;
    if (entity === "TableInfos") {
      return void send(response, 200, { "odata.metadata": metadata, value: [{ ID: 0, Identifier: tableId, Title: behaviour.tableTitle ?? table.title, Modified: table.modified }] });
    }
    const width = behaviour.nationalityKeyWidth;
    let rows: DataRow[];
    if (entity === "TypedDataSet") {
      rows = table.rows;
      if (width !== null && tableId === FIXTURE_TABLE) rows = rows.map((r) => ({ ...r, Nationaliteit: pad(String(r.Nationaliteit).trim(), width) }));
      if (behaviour.omitCells.length) rows = rows.filter((r) => !behaviour.omitCells.includes([r.RegioS, r.Perioden, r.Nationaliteit ?? r.Herkomstland].map((v) => String(v).trim()).join("|")));
    } else if (table.dimensions[entity]) {
      rows = table.dimensions[entity] as unknown as DataRow[];
      if (entity === "Nationaliteit" && behaviour.nationalityTitle !== null) rows = rows.map((r) => (String(r.Key).trim() === "NAT9318" ? { ...r, Title: behaviour.nationalityTitle } : r));
      if (entity === "Nationaliteit") rows = rows.map((r) => ({ ...r, Title: behaviour.nationalityTitles[String(r.Key).trim()] ?? r.Title, Key: width === null ? r.Key : pad(String(r.Key).trim(), width) }));
      if (entity === "Nationaliteit" && behaviour.omitNationality !== null) rows = rows.filter((r) => String(r.Key).trim() !== behaviour.omitNationality);
    } else return void send(response, 404, { "odata.error": { message: { value: `No entity ${entity}` } } });
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
    const top = query.has("$top") && !behaviour.ignorePaging ? Number(query.get("$top")) : null;
    const skip = behaviour.ignorePaging || behaviour.ignoreSkip ? 0 : Number(query.get("$skip") ?? 0);
    const cells = (top === null ? matched.length : Math.min(top, Math.max(0, matched.length - skip))) * columns;
    if (entity === "TypedDataSet" && !behaviour.ignorePaging && (top === null ? matched.length * columns > 10_000 : top * columns > 10_000)) {
      return void send(response, 500, { "odata.error": { message: { value: `De opgevraagde data bevat meer dan 10000 records (${cells} cellen).` } } });
    }
    let end = top === null ? matched.length : skip + top;
    let nextLink: string | undefined;
    if (behaviour.cutPages !== null && end - skip > behaviour.cutPages) {
      end = skip + behaviour.cutPages;
      if (!behaviour.cutWithoutLink) {
        const next = new URL(`${behaviour.nextLinkOrigin ?? origin}${url.pathname}${url.search}`);
        next.searchParams.set("$skip", String(end));
        next.searchParams.set("$top", String(skip + (top ?? matched.length) - end));
        nextLink = next.toString();
      }
    }
    const page = matched.slice(skip, end).map((row) => (select ? Object.fromEntries(select.map((c) => [c, row[c]])) : row));
    page.forEach((row, i) => {
      const key = [row.RegioS, row.Perioden, row.Nationaliteit ?? row.Herkomstland].map((v) => String(v).trim()).join("|");
      if (key in behaviour.cells && "Bevolking_1" in row) page[i] = { ...row, Bevolking_1: behaviour.cells[key] }; // a copy: the table itself stays as published
    });
    if (behaviour.stringValuesFor !== null) for (const row of page) if (String(row.RegioS).trim() === behaviour.stringValuesFor && typeof row.Bevolking_1 === "number") row.Bevolking_1 = String(row.Bevolking_1);
    const count = query.get("$inlinecount") === "allpages" && !behaviour.omitCount ? { "odata.count": String(matched.length) } : {};
    send(response, 200, { "odata.metadata": metadata, ...count, value: page, ...(nextLink ? { "odata.nextLink": nextLink } : {}) });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/ODataApi/odata`,
    origin,
    requests,
    behaviour,
    resetBehaviour: () => Object.assign(behaviour, calm()),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
