import { INDICATOR_COLUMNS, OBSERVATION_COLUMNS, SOURCE_COLUMNS, tableCells } from "../../data/columns";
import { Municipality, MunicipalityNames } from "../../data/municipality-names";
import { withDerivedColumns } from "../../data/derived";
import { normalise } from "../../data/normalise";
import { parsePackageTables } from "../../data/package";
import { Indicator, Observation, Source } from "../../data/types";
import { GROUPS, NameIndex } from "../../data/vocabulary";
import { PullResult, SourceError, sourceProblem } from "../types";
import { countOf, metadataText } from "./cells";
import { CbsOptions, getAll, literal, ODataRow } from "./client";
import { fraction, growthSpan, ranksByShare } from "./derive";
import { AnyMessage, say, textOf } from "../../text/message";
import { CBS } from "../../text/cbs";

/**
 * Population for chosen municipalities and years from CBS StatLine, as a monitor data package:
 * by nationality from table 85644NED, by herkomst from 85458NED (since 2022), the counts as CBS
 * publishes them, and derived shares, growth and each municipality's rank among all Dutch
 * municipalities by both shares; Nederland beside them for comparison. Every key is looked up in
 * the tables' dimension endpoints and used as they return it (padded to a fixed width); only the
 * totals for sex (T001038) and age (10000) are fixed, as CBS documents them.
 */
export const CBS_TABLE = "85644NED";
export const HERKOMST_TABLE = "85458NED";
/** The first year of 85458NED: CBS publishes herkomst instead of migration background since 2022. */
export const HERKOMST_FROM = 2022;
const TOTAL_SEX = "T001038";
const TOTAL_AGE = "10000";
const COUNTRY = "NL01";
const FOREIGN = "buitenlandse nationaliteit";
export const ORIGIN_DUTCH = "herkomst Nederland";
export const ORIGIN_OTHER = "herkomst buiten Nederland";
const TOTAL_TITLES = new Set(["totaal", "totaal nationaliteiten", "totaal alle nationaliteiten"]);
const DUTCH_TITLES = new Set(["nederlands", "nederlandse nationaliteit"]);
const FOREIGN_TITLES = new Set(["totaal buitenlandse nationaliteit", "buitenlandse nationaliteit", "niet nederlands", "totaal niet nederlands", "niet nederlandse nationaliteit", "totaal niet nederlandse nationaliteit"]);
/**
 * Nationality titles that are aggregates, not nationalities (84727NED: `Europa (exclusief
 * Nederlands)`, `Europese Unie (exclusief Nederlands)`, `Afrika`, `Amerika`, `Azië`, `Oceanië`):
 * counted as a group they would top every list of nationalities and count people twice.
 */
const AGGREGATE = /^(europa|europese unie|afrika|amerika|azie|oceanie|noord amerika|zuid amerika|midden amerika)\b|exclusief|^totaal\b/;
/** Herkomst: the total and Nederland, as titled in 85458NED's `Herkomstland`; the born-anywhere total of `Geboorteland`. */
const HERKOMST_TOTAL_TITLES = new Set(["totaal", "totaal herkomstland"]);
const HERKOMST_DUTCH_TITLES = new Set(["nederland"]);

export interface CbsQuery {
  /** Municipality names as people type them: "Leiden", "Den Haag", "s-Gravenhage", "Hengelo". */
  areas: string[];
  from: number;
  to: number;
}

interface Dimension {
  key: string;
  title: string;
}

const failIn = (table: string, message: AnyMessage): never => {
  throw new SourceError([sourceProblem(`CBS ${table}`, message)]);
};
/** Titles compared the way people type them: case, accents, spacing, dashes and apostrophes folded. */
const fold = (text: string) => normalise(text.replace(/['’]/g, "").replace(/[()]/g, " "));
const trimmed = (value: unknown) => String(value ?? "").trim();

async function dimension(table: string, name: string, options: CbsOptions): Promise<Dimension[]> {
  options.onProgress?.(say(CBS.fetchingDimension, { name, table }));
  const rows = await getAll(table, name, { select: ["Key", "Title"] }, options);
  return rows.map((r) => ({ key: typeof r.Key === "string" ? r.Key : "", title: metadataText(r.Title) })).filter((d) => d.key.trim() !== "");
}

async function tableInfo(table: string, options: CbsOptions): Promise<{ title: string; modified: string }> {
  options.onProgress?.(say(CBS.fetchingTableInfo, { table }));
  const info = (await getAll(table, "TableInfos", {}, options))[0] ?? {};
  const modified = trimmed(info.Modified).slice(0, 10);
  return { title: metadataText(info.Title), modified: /^\d{4}-\d{2}-\d{2}$/.test(modified) ? modified : "" };
}

function resolveYears(table: string, from: number, to: number, periods: Dimension[]): Dimension[] {
  const years = periods.filter((p) => /^\d{4}JJ00$/.test(p.key.trim()));
  const first = years[0]?.key.trim().slice(0, 4);
  const last = years[years.length - 1]?.key.trim().slice(0, 4);
  if (from > to) failIn(table, say(CBS.startAfterEnd, { from, to }));
  return Array.from({ length: to - from + 1 }, (_, i) => {
    const year = from + i;
    return years.find((p) => p.key.trim() === `${year}JJ00`) ?? failIn(table, say(CBS.noYear, { table, year, first, last }));
  });
}

const byKey = (table: string, rows: Dimension[], key: string, what: "totalSexes" | "totalAges" | "country") => rows.find((r) => r.key.trim() === key) ?? failIn(table, say(CBS.noKey, { table, what, key }));
const or = (field: string, keys: string[]) => `(${keys.map((k) => `${field} eq ${literal(k)}`).join(" or ")})`;

/** The municipalities of 85644NED by name, for the pane's search and the CLI. */
export async function fetchMunicipalityNames(options: CbsOptions): Promise<MunicipalityNames> {
  return MunicipalityNames.fromRegions(await dimension(CBS_TABLE, "RegioS", options));
}

/** The chosen municipalities, every name that does not resolve reported at once. */
function resolveAreas(wanted: string[], regions: Dimension[]): Municipality[] {
  const resolved = MunicipalityNames.fromRegions(regions).resolveAll(wanted, CBS_TABLE);
  if (!resolved.ok) throw new SourceError(resolved.messages.map((message) => sourceProblem(`CBS ${CBS_TABLE}`, message)));
  return resolved.municipalities;
}

/** An area the package holds figures for: a chosen municipality or Nederland, with its CBS code. */
export interface PulledArea {
  code: string;
  name: string;
  /** The key as CBS's dimension endpoint gives it (padded). */
  key: string;
}

export interface CbsPull {
  observations: Observation[];
  notes: AnyMessage[];
  /** The areas by name, with their CBS codes (Gebiedscode). */
  areas: PulledArea[];
  tables: { id: string; title: string; modified: string }[];
}

const describer = (dimensions: Record<string, Dimension[]>) => (row: ODataRow) =>
  Object.entries(dimensions)
    .map(([name, list]) => {
      const key = trimmed(row[name]);
      const title = list.find((d) => d.key.trim() === key)?.title;
      if (name === "Perioden") return key.slice(0, 4);
      if (name === "RegioS") return title ? `${title} (${key})` : key;
      return title ? `${name} '${title}' (${key})` : `${name} ${key}`;
    })
    .join(", ");

/** A count per area code, year and category key, checked cell by cell. */
function countsOf(rows: ODataRow[], table: string, category: string, describe: (row: ODataRow) => string): Map<string, number | null> {
  const cells = new Map<string, number | null>();
  for (const row of rows) cells.set(`${trimmed(row.RegioS)}|${trimmed(row.Perioden).slice(0, 4)}|${trimmed(row[category])}`, countOf(row, "Bevolking_1", table, describe));
  return cells;
}

const groups = new NameIndex(GROUPS);

/** Asks CBS for the figures, in as few requests as the 10,000-cell limit allows. */
export async function fetchCbsFigures(query: CbsQuery, options: CbsOptions): Promise<CbsPull> {
  const info = await tableInfo(CBS_TABLE, options);
  const regions = await dimension(CBS_TABLE, "RegioS", options);
  const municipalities = resolveAreas(query.areas, regions);
  const periods = await dimension(CBS_TABLE, "Perioden", options);
  const years = resolveYears(CBS_TABLE, query.from, query.to, periods);
  const [nationalities, sexes, ages] = [await dimension(CBS_TABLE, "Nationaliteit", options), await dimension(CBS_TABLE, "Geslacht", options), await dimension(CBS_TABLE, "Leeftijd", options)];
  const sex = byKey(CBS_TABLE, sexes, TOTAL_SEX, "totalSexes");
  const age = byKey(CBS_TABLE, ages, TOTAL_AGE, "totalAges");
  const total = nationalities.find((n) => TOTAL_TITLES.has(fold(n.title))) ?? failIn(CBS_TABLE, say(CBS.noCategory, { table: CBS_TABLE, dimension: "Nationaliteit", title: "Totaal" }));
  const dutch = nationalities.find((n) => DUTCH_TITLES.has(fold(n.title))) ?? failIn(CBS_TABLE, say(CBS.noCategory, { table: CBS_TABLE, dimension: "Nationaliteit", title: "Nederlands" }));
  const foreign = nationalities.find((n) => FOREIGN_TITLES.has(fold(n.title))) ?? null;
  const country = byKey(CBS_TABLE, regions, COUNTRY, "country");
  const areas: PulledArea[] = [...municipalities.map((m) => ({ code: m.code, name: m.name, key: regions.find((r) => r.key.trim() === m.code)?.key as string })), { code: COUNTRY, name: "Nederland", key: country.key }];
  const fixed = `Geslacht eq ${literal(sex.key)} and Leeftijd eq ${literal(age.key)}`;
  const select = ["RegioS", "Perioden", "Nationaliteit", "Bevolking_1"];
  const describe = describer({ RegioS: regions, Perioden: periods, Nationaliteit: nationalities });

  options.onProgress?.(say(CBS.fetchingNationality, { areas: municipalities.map((a) => a.name), from: query.from, to: query.to }));
  const figures = await getAll(CBS_TABLE, "TypedDataSet", { filter: `${or("RegioS", areas.map((a) => a.key))} and ${or("Perioden", years.map((y) => y.key))} and ${fixed}`, select }, options);
  // For the rank: the two totals (all inhabitants, foreign or Dutch) of every municipality.
  options.onProgress?.(say(CBS.fetchingTotals));
  const second = foreign ?? dutch;
  const totals = await getAll(CBS_TABLE, "TypedDataSet", { filter: `${or("Nationaliteit", [total.key, second.key])} and ${or("Perioden", years.map((y) => y.key))} and ${fixed}`, select }, options);
  const nationality = buildNationality({
    areas,
    years: years.map((y) => y.key.trim().slice(0, 4)),
    nationalities,
    total,
    dutch,
    foreign,
    cells: countsOf(figures, CBS_TABLE, "Nationaliteit", describe),
    totals: countsOf(totals, CBS_TABLE, "Nationaliteit", describe),
    note: `CBS StatLine ${CBS_TABLE}${info.title ? ` (${info.title})` : ""}, gewijzigd ${info.modified || "onbekend"}.`,
  });
  const tables = [{ id: CBS_TABLE, ...info }];
  const notes = [...nationality.notes];
  const observations = nationality.observations;
  if (query.to >= HERKOMST_FROM) {
    const herkomst = await fetchHerkomst(query, areas, options);
    tables.push({ id: HERKOMST_TABLE, title: herkomst.title, modified: herkomst.modified });
    for (const o of herkomst.observations) observations.push(o);
    notes.push(...herkomst.notes);
  } else notes.push(say(CBS.herkomstNotPulled, { table: HERKOMST_TABLE, since: HERKOMST_FROM, from: query.from, to: query.to }));
  return { observations, notes, areas, tables };
}

interface NationalityInput {
  areas: PulledArea[];
  years: string[];
  nationalities: Dimension[];
  total: Dimension;
  dutch: Dimension;
  foreign: Dimension | null;
  cells: Map<string, number | null>;
  totals: Map<string, number | null>;
  note: string;
}

const row = (o: Partial<Observation> & Pick<Observation, "indicator" | "gebied" | "groep" | "periode" | "waarde" | "eenheid" | "status" | "toelichting">): Observation =>
  withDerivedColumns({
    onderwerp: "Bevolking",
    leeftijd: "",
    bron: "CBS",
    peildatum: /^\d{4}$/.test(o.periode) ? `${o.periode}-01-01` : "",
    pagina: null,
    ...o,
  });

/** Growth from the first to the last year with figures, per group; the note says where the span stops short. */
function growthRows(area: PulledArea, years: string[], groupsInOrder: string[], count: (year: string, group: string) => number | undefined, note: string, notes: AnyMessage[]): Observation[] {
  const span = growthSpan(years, (y) => count(y, groupsInOrder[0]) !== undefined);
  if (!span) return [];
  const stopsShort = say(CBS.growthShortened, span);
  // The Toelichting is data of the contract, in Dutch whatever the reader's language.
  const shortened = textOf(stopsShort, "nl");
  if (shortened) notes.push(say(CBS.areaNote, { area: area.name, note: stopsShort }));
  const out: Observation[] = [];
  for (const group of groupsInOrder) {
    const [a, b] = [count(span.first, group), count(span.last, group)];
    if (a === undefined || b === undefined || a === 0) continue;
    out.push(row({ indicator: "groei", gebied: area.name, gebiedscode: area.code, groep: group, periode: `${span.first}-${span.last}`, waarde: fraction(b - a, a), eenheid: "groei", status: "afgeleid", toelichting: `Afgeleid: (${b} − ${a}) / ${a}, inwoners op 1 januari ${span.first} en ${span.last}.${shortened ? ` ${shortened}` : ""} ${note}` }));
  }
  return out;
}

/** Each municipality's rank by a share, per year, with the number of municipalities ranked. */
function rankRows(input: { areas: PulledArea[]; years: string[]; share: (code: string, year: string) => number | null; codes: string[]; group: string; what: string; table: string; note: string; countRow: boolean }): Observation[] {
  const out: Observation[] = [];
  for (const year of input.years) {
    const shares = new Map<string, number>();
    for (const code of input.codes) {
      const share = input.share(code, year);
      if (share !== null) shares.set(code, share);
    }
    if (shares.size === 0) continue;
    const ranks = ranksByShare(shares);
    for (const area of input.areas) {
      const rank = ranks.get(area.code);
      if (rank === undefined) continue;
      out.push(row({ indicator: "rang", gebied: area.name, gebiedscode: area.code, groep: input.group, periode: year, waarde: rank, eenheid: "rang", status: "afgeleid", toelichting: `Afgeleid: plek ${rank} van ${shares.size} gemeenten naar aandeel inwoners ${input.what}. ${input.note}` }));
    }
    if (input.countRow) out.push(row({ indicator: "gemeenten", gebied: "Nederland", gebiedscode: COUNTRY, groep: "gemeenten", periode: year, waarde: shares.size, eenheid: "aantal", status: "afgeleid", toelichting: `Afgeleid: gemeenten met cijfers in ${input.table} op 1 januari ${year}. ${input.note}` }));
  }
  return out;
}

const municipalityCodes = (cells: Map<string, number | null>) => [...new Set([...cells.keys()].map((k) => k.split("|")[0]).filter((code) => code.startsWith("GM")))];

/** The rows by nationality: counts as CBS gives them, then shares, growth and ranks derived from them. */
function buildNationality(input: NationalityInput): { observations: Observation[]; notes: AnyMessage[] } {
  const { areas, years, nationalities, total, dutch, foreign, note } = input;
  const observations: Observation[] = [];
  const notes: AnyMessage[] = [];
  const singles = nationalities.filter((n) => n !== total && n !== dutch && n !== foreign && !AGGREGATE.test(fold(n.title)));
  const groupOf = (n: Dimension) => (n === total ? "inwoners" : n === dutch ? "Nederlands" : n === foreign ? FOREIGN : (groups.resolve(n.title).found ?? n.title));
  const counts = new Map<string, number>(); // area|year|group → count, for the derived rows
  const countKey = (area: PulledArea, year: string, group: string) => `${area.code}|${year}|${group}`;
  const groupOrder = ["inwoners", "Nederlands", FOREIGN, ...singles.map(groupOf)];

  for (const area of areas) {
    for (const year of years) {
      const get = (n: Dimension) => input.cells.get(`${area.code}|${year}|${n.key.trim()}`);
      const suppressed: string[] = [];
      const absent: string[] = []; // asked for, but not in CBS's answer: no row, and said so
      const rowOf = new Map<string, number>(); // group → its count's row, this area and year
      for (const n of [total, dutch, ...(foreign ? [foreign] : []), ...singles]) {
        const v = get(n);
        if (v === undefined) {
          absent.push(n.title);
          continue;
        }
        // CBS's own suppression of small numbers: not 0, so not a row, and named in the note.
        if (v === null) {
          suppressed.push(n.title);
          continue;
        }
        counts.set(countKey(area, year, groupOf(n)), v);
        rowOf.set(groupOf(n), observations.length);
        observations.push(row({ indicator: "inwoners", gebied: area.name, gebiedscode: area.code, groep: groupOf(n), periode: year, waarde: v, eenheid: "aantal", status: "gerapporteerd", toelichting: note }));
      }
      const t = counts.get(countKey(area, year, "inwoners"));
      const d = counts.get(countKey(area, year, "Nederlands"));
      if (t === undefined) {
        notes.push(say(CBS.noFigures, { area: area.name, year }));
        continue;
      }
      let f = counts.get(countKey(area, year, FOREIGN));
      if (f === undefined && !foreign && d !== undefined) {
        // The table names no foreign total: derived from the two totals it does give. A foreign
        // total the table has but CBS suppressed or left out stays out: deriving it would publish
        // the number CBS chose not to.
        f = t - d;
        counts.set(countKey(area, year, FOREIGN), f);
        rowOf.set(FOREIGN, observations.length);
        observations.push(row({ indicator: "inwoners", gebied: area.name, gebiedscode: area.code, groep: FOREIGN, periode: year, waarde: f, eenheid: "aantal", status: "afgeleid", toelichting: `Afgeleid: totaal (${t}) min Nederlands (${d}). ${note}` }));
      }
      if (suppressed.length || absent.length) {
        // On the foreign count (the total's when there is none): the row a reader of the nationalities looks at.
        const at = rowOf.get(f !== undefined ? FOREIGN : "inwoners") as number;
        const why = [
          ...(suppressed.length ? [`CBS onderdrukt kleine aantallen voor ${suppressed.join(", ")}`] : []),
          ...(absent.length ? [`CBS gaf geen cijfer voor ${absent.join(", ")}`] : []),
        ];
        observations[at] = { ...observations[at], toelichting: `${observations[at].toelichting} Niet als rij opgenomen: ${why.join("; ")}.` };
      }
      if (t > 0) {
        for (const [group, v] of [[FOREIGN, f], ["Nederlands", d]] as const) {
          if (v === undefined) continue;
          observations.push(row({ indicator: "aandeel", gebied: area.name, gebiedscode: area.code, groep: group, periode: year, waarde: fraction(v, t), eenheid: "aandeel", status: "afgeleid", toelichting: `Afgeleid: ${v} / ${t} inwoners. ${note}` }));
        }
      }
    }
    for (const o of growthRows(area, years, [...new Set(groupOrder)], (year, group) => counts.get(countKey(area, year, group)), note, notes)) observations.push(o);
  }
  const share = (code: string, year: string) => {
    const t = input.totals.get(`${code}|${year}|${total.key.trim()}`);
    const other = input.totals.get(`${code}|${year}|${(foreign ?? dutch).key.trim()}`);
    if (t === undefined || t === null || other === undefined || other === null || t <= 0) return null;
    return foreign ? other / t : (t - other) / t;
  };
  const municipalities = areas.filter((a) => a.code.startsWith("GM"));
  const what = `met een buitenlandse nationaliteit (${foreign ? "buitenlands" : "totaal min Nederlands"} / totaal)`;
  for (const o of rankRows({ areas: municipalities, years, share, codes: municipalityCodes(input.totals), group: FOREIGN, what, table: CBS_TABLE, note, countRow: true })) observations.push(o);
  return { observations, notes };
}

/** The herkomst definition and its change in 2022, said wherever herkomst is shown. */
export const HERKOMST_DEFINITION =
  "Herkomst (CBS, sinds 2022): het geboorteland van de ouders, of het eigen geboorteland wie in het buitenland is geboren. Een herkomst buiten Nederland is wat het rapport van 2022 een migratieachtergrond noemt; CBS verving dat begrip in 2022, dus cijfers vanaf 2022 zijn niet zonder meer vergelijkbaar met eerdere cijfers naar migratieachtergrond.";

/** Inhabitants by herkomst (Nederland / other) from 85458NED, their share and rank, for the years since 2022. */
async function fetchHerkomst(query: CbsQuery, areas: PulledArea[], options: CbsOptions): Promise<{ observations: Observation[]; notes: AnyMessage[]; title: string; modified: string }> {
  const T = HERKOMST_TABLE;
  const info = await tableInfo(T, options);
  const regions = await dimension(T, "RegioS", options);
  const periods = await dimension(T, "Perioden", options);
  const notes: AnyMessage[] = [];
  const wanted = Array.from({ length: query.to - Math.max(query.from, HERKOMST_FROM) + 1 }, (_, i) => String(Math.max(query.from, HERKOMST_FROM) + i));
  const years = periods.filter((p) => wanted.includes(p.key.trim().slice(0, 4)) && /^\d{4}JJ00$/.test(p.key.trim()));
  const missing = wanted.filter((y) => !years.some((p) => p.key.trim().startsWith(y)));
  if (missing.length) notes.push(say(CBS.herkomstYearsMissing, { table: T, years: missing }));
  if (query.from < HERKOMST_FROM) notes.push(say(CBS.herkomstBefore, { table: T, since: HERKOMST_FROM, from: query.from, to: HERKOMST_FROM - 1 }));
  if (years.length === 0) return { observations: [], notes, ...info };
  const [origins, births, sexes, ages] = [await dimension(T, "Herkomstland", options), await dimension(T, "Geboorteland", options), await dimension(T, "Geslacht", options), await dimension(T, "Leeftijd", options)];
  const sex = byKey(T, sexes, TOTAL_SEX, "totalSexes");
  const age = byKey(T, ages, TOTAL_AGE, "totalAges");
  const total = origins.find((o) => HERKOMST_TOTAL_TITLES.has(fold(o.title))) ?? failIn(T, say(CBS.noCategory, { table: T, dimension: "Herkomstland", title: "Totaal" }));
  const dutch = origins.find((o) => HERKOMST_DUTCH_TITLES.has(fold(o.title))) ?? failIn(T, say(CBS.noCategory, { table: T, dimension: "Herkomstland", title: "Nederland" }));
  const born = births.find((b) => fold(b.title) === "totaal") ?? failIn(T, say(CBS.noCategory, { table: T, dimension: "Geboorteland", title: "Totaal" }));
  // The same municipalities by code: 85458NED also holds codes of former municipalities.
  const here = areas.map((a) => ({ ...a, key: regions.find((r) => r.key.trim() === a.code)?.key ?? failIn(T, say(CBS.noArea, { table: T, name: a.name, code: a.code })) }));
  const fixed = `Geslacht eq ${literal(sex.key)} and Leeftijd eq ${literal(age.key)} and Geboorteland eq ${literal(born.key)}`;
  const select = ["RegioS", "Perioden", "Herkomstland", "Bevolking_1"];
  const describe = describer({ RegioS: regions, Perioden: periods, Herkomstland: origins });
  const yearFilter = or("Perioden", years.map((y) => y.key));
  const originFilter = or("Herkomstland", [total.key, dutch.key]);
  options.onProgress?.(say(CBS.fetchingHerkomst, { from: years[0].title, to: years[years.length - 1].title }));
  // One query serves both the chosen areas and the ranks: two cells per region and year.
  const cells = countsOf(await getAll(T, "TypedDataSet", { filter: `${originFilter} and ${yearFilter} and ${fixed}`, select }, options), T, "Herkomstland", describe);
  const note = `CBS StatLine ${T}${info.title ? ` (${info.title})` : ""}, gewijzigd ${info.modified || "onbekend"}. ${HERKOMST_DEFINITION}`;
  const observations: Observation[] = [];
  const count = (code: string, year: string, origin: Dimension) => cells.get(`${code}|${year}|${origin.key.trim()}`) ?? null;
  const yearsWithData = years.map((y) => y.key.trim().slice(0, 4));
  for (const area of here) {
    const counts = new Map<string, number>();
    for (const year of yearsWithData) {
      const [t, d] = [count(area.code, year, total), count(area.code, year, dutch)];
      if (t === null || d === null) {
        notes.push(say(CBS.noHerkomstFigures, { area: area.name, year }));
        continue;
      }
      counts.set(`${year}|${ORIGIN_DUTCH}`, d);
      counts.set(`${year}|${ORIGIN_OTHER}`, t - d);
      observations.push(row({ indicator: "inwoners", gebied: area.name, gebiedscode: area.code, groep: ORIGIN_DUTCH, periode: year, waarde: d, eenheid: "aantal", status: "gerapporteerd", toelichting: note }));
      observations.push(row({ indicator: "inwoners", gebied: area.name, gebiedscode: area.code, groep: ORIGIN_OTHER, periode: year, waarde: t - d, eenheid: "aantal", status: "afgeleid", toelichting: `Afgeleid: totaal (${t}) min herkomst Nederland (${d}). ${note}` }));
      if (t > 0) observations.push(row({ indicator: "aandeel", gebied: area.name, gebiedscode: area.code, groep: ORIGIN_OTHER, periode: year, waarde: fraction(t - d, t), eenheid: "aandeel", status: "afgeleid", toelichting: `Afgeleid: ${t - d} / ${t} inwoners. ${note}` }));
    }
    for (const o of growthRows(area, yearsWithData, [ORIGIN_OTHER, ORIGIN_DUTCH], (year, group) => counts.get(`${year}|${group}`), note, notes)) observations.push(o);
  }
  const share = (code: string, year: string) => {
    const [t, d] = [count(code, year, total), count(code, year, dutch)];
    return t === null || d === null || t <= 0 ? null : (t - d) / t;
  };
  const what = "met een herkomst buiten Nederland ((totaal min herkomst Nederland) / totaal)";
  for (const o of rankRows({ areas: here.filter((a) => a.code.startsWith("GM")), years: yearsWithData, share, codes: municipalityCodes(cells), group: ORIGIN_OTHER, what, table: T, note, countRow: false })) observations.push(o);
  return { observations, notes, ...info };
}

const CBS_URL = `https://opendata.cbs.nl/statline/#/CBS/nl/dataset/${CBS_TABLE}/table`;

/** The indicators of a CBS package: the edition's ids and units, defined for CBS's figures. */
const CBS_INDICATORS: Indicator[] = [
  { id: "inwoners", labelNl: "Inwoners naar nationaliteit", labelEn: "Inhabitants by nationality", eenheid: "aantal", standaardgroep: "inwoners", definitie: `Inwoners op 1 januari naar nationaliteit (CBS StatLine, tabel ${CBS_TABLE}) en, sinds ${HERKOMST_FROM}, naar herkomst (tabel ${HERKOMST_TABLE}); beide geslachten, alle leeftijden. Wie twee paspoorten heeft waarvan één Nederlands, telt bij de Nederlanders.`, bron: "CBS" },
  { id: "aandeel", labelNl: "Aandeel van de inwoners", labelEn: "Share of inhabitants", eenheid: "aandeel", standaardgroep: "buitenlandse nationaliteit", definitie: "Aandeel van alle inwoners van de gemeente in deze groep (een nationaliteit of een herkomst), als fractie (11,6% = 0,116), berekend uit de aantallen van CBS.", bron: "CBS" },
  { id: "groei", labelNl: "Groei van het aantal inwoners", labelEn: "Growth in inhabitants", eenheid: "groei", standaardgroep: "buitenlandse nationaliteit", definitie: "Relatieve groei van het aantal inwoners in een groep tussen het eerste en het laatste gekozen jaar met cijfers, als fractie, berekend uit de aantallen van CBS.", bron: "CBS" },
  { id: "rang", labelNl: "Plek onder de Nederlandse gemeenten", labelEn: "Rank among Dutch municipalities", eenheid: "rang", standaardgroep: "buitenlandse nationaliteit", definitie: "Plek van de gemeente onder alle Nederlandse gemeenten naar aandeel inwoners met een buitenlandse nationaliteit, of met een herkomst buiten Nederland (1 = hoogste aandeel), berekend uit de totalen van CBS.", bron: "CBS" },
  { id: "gemeenten", labelNl: "Aantal Nederlandse gemeenten", labelEn: "Number of Dutch municipalities", eenheid: "aantal", standaardgroep: "gemeenten", definitie: "Aantal gemeenten waartussen de plek is bepaald (gemeenten met cijfers in de CBS-tabel).", bron: "CBS" },
];

/**
 * "CBS StatLine 85644NED, 85458NED": how a CBS package cites its tables, in its source and its
 * title. The add-in writes it into the package itself, so it has no word of either language and
 * reads the same on a Dutch and an English sheet.
 */
export const statLineTables = (ids: readonly string[]) => `CBS StatLine ${ids.join(", ")}`;

/** The indicators and the source of a CBS package. */
/**
 * The newest year the pull has a figure for: CBS may not have filled the last year asked for yet
 * (the notes say so), and the edition is dated by the figures it holds, not by the year asked for.
 */
function newestYear(observations: readonly Observation[], to: number): number {
  const years = observations.map((o) => Number((o.periode.match(/\d{4}/g) ?? []).pop())).filter((y) => Number.isFinite(y) && y <= to);
  return years.length > 0 ? Math.max(...years) : to;
}

function packageTables(observations: Observation[], pulled: CbsPull, to: number) {
  const wanted = new Set(observations.map((o) => o.indicator));
  const indicators = CBS_INDICATORS.filter((i) => wanted.has(i.id));
  const ids = pulled.tables.map((t) => t.id);
  const source: Source = {
    id: "CBS",
    naam: "Centraal Bureau voor de Statistiek",
    citeernaam: statLineTables(ids),
    omschrijving: `${pulled.tables.map((t) => `${t.title || `Tabel ${t.id}`} (tabel ${t.id}, gewijzigd op ${t.modified || "onbekend"})`).join("; ")}. Open data onder de licentie CC BY 4.0 (bron: CBS).`,
    peildatum: `${to}-01-01`,
    url: CBS_URL,
  };
  return { observations: tableCells(OBSERVATION_COLUMNS, observations), indicators: tableCells(INDICATOR_COLUMNS, indicators), sources: tableCells(SOURCE_COLUMNS, [source]) };
}

/** A validated monitor package of CBS figures, or problems; nothing partial. */
export async function pullFromCbs(query: CbsQuery, options: CbsOptions): Promise<PullResult & { notes?: AnyMessage[]; areas?: PulledArea[]; tables?: CbsPull["tables"] }> {
  try {
    const pulled = await fetchCbsFigures(query, options);
    const newest = newestYear(pulled.observations, query.to);
    const validated = parsePackageTables(packageTables(pulled.observations, pulled, newest));
    if (!validated.ok) return validated;
    const places = pulled.areas.filter((a) => a.code !== COUNTRY).map((a) => a.name).join(", ");
    const ids = pulled.tables.map((t) => t.id);
    return {
      ok: true,
      value: {
        package: validated.value,
        edition: {
          name: `cbs-${CBS_TABLE.toLowerCase()}-${query.from}-${query.to}`,
          title: `${statLineTables(ids)}: ${places}, ${query.from}–${query.to}`,
          version: pulled.tables[0].modified,
          referenceDate: `${newest}-01-01`,
        },
        origin: `${options.baseUrl} (${ids.join(", ")})`,
      },
      notes: pulled.notes,
      areas: pulled.areas,
      tables: pulled.tables,
    };
  } catch (error) {
    if (error instanceof SourceError) return { ok: false, problems: error.problems };
    throw error;
  }
}
