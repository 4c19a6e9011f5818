import { INDICATOR_COLUMNS, OBSERVATION_COLUMNS, SOURCE_COLUMNS, tableCells } from "../../data/columns";
import { normalise } from "../../data/normalise";
import { parsePackageTables } from "../../data/package";
import { Indicator, Observation, Source } from "../../data/types";
import { GROUPS, NameIndex } from "../../data/vocabulary";
import { PullResult, SourceError, sourceProblem } from "../types";
import { CbsOptions, getAll, literal, ODataRow } from "./client";

/**
 * Population by nationality for chosen municipalities and years from CBS StatLine table
 * 85644NED, as a monitor data package: the counts as CBS publishes them, and derived shares,
 * growth and each municipality's rank among all Dutch municipalities. Every key is looked up in
 * the table's dimension endpoints and used as they return it (padded to a fixed width); only the
 * totals for sex (T001038) and age (10000) are fixed, as CBS documents them.
 */
export const CBS_TABLE = "85644NED";
const TOTAL_SEX = "T001038";
const TOTAL_AGE = "10000";
const FOREIGN = "buitenlandse nationaliteit";
const TOTAL_TITLES = new Set(["totaal", "totaal nationaliteiten", "totaal alle nationaliteiten"]);
const DUTCH_TITLES = new Set(["nederlands", "nederlandse nationaliteit"]);
const FOREIGN_TITLES = new Set(["totaal buitenlandse nationaliteit", "buitenlandse nationaliteit", "niet nederlands", "totaal niet nederlands", "niet nederlandse nationaliteit", "totaal niet nederlandse nationaliteit"]);

export interface CbsQuery {
  /** Municipality names as people type them: "Leiden", "'s-Gravenhage", "s gravenhage". */
  areas: string[];
  from: number;
  to: number;
}

interface Dimension {
  key: string;
  title: string;
}

const fail = (message: string): never => {
  throw new SourceError([sourceProblem(`CBS ${CBS_TABLE}`, message)]);
};
/** Titles compared the way people type them: case, accents, spacing, dashes and apostrophes folded. */
const fold = (text: string) => normalise(text.replace(/['’]/g, ""));

async function dimension(name: string, options: CbsOptions): Promise<Dimension[]> {
  options.onProgress?.(`CBS: ${name} ophalen…`);
  const rows = await getAll(CBS_TABLE, name, { select: ["Key", "Title"] }, options);
  return rows.map((r) => ({ key: String(r.Key ?? ""), title: String(r.Title ?? "").trim() })).filter((d) => d.key !== "");
}

/** Municipalities by title; an unknown name gets a suggestion, as the functions give one. */
function resolveAreas(wanted: string[], regions: Dimension[]): Dimension[] {
  const municipalities = regions.filter((r) => r.key.trim().startsWith("GM"));
  const index = new NameIndex(municipalities.map((m) => ({ nl: m.title, en: m.title, aliases: [m.title.replace(/['’]/g, "")] })));
  const byTitle = new Map(municipalities.map((m) => [m.title, m]));
  return wanted.map((name) => {
    const resolved = index.resolve(name.replace(/['’]/g, "")).found ?? index.resolve(name).found;
    if (resolved) return byTitle.get(resolved) as Dimension;
    const suggestion = index.suggest(name.replace(/['’]/g, ""));
    return fail(`Onbekende gemeente '${name}' in CBS-tabel ${CBS_TABLE}.${suggestion ? ` Bedoelt u '${suggestion}'?` : ""}`);
  });
}

function resolveYears(from: number, to: number, periods: Dimension[]): Dimension[] {
  const years = periods.filter((p) => /^\d{4}JJ00$/.test(p.key.trim()));
  const first = years[0]?.key.trim().slice(0, 4);
  const last = years[years.length - 1]?.key.trim().slice(0, 4);
  if (from > to) fail(`Het beginjaar ${from} ligt na het eindjaar ${to}.`);
  return Array.from({ length: to - from + 1 }, (_, i) => {
    const year = from + i;
    return years.find((p) => p.key.trim() === `${year}JJ00`) ?? fail(`CBS-tabel ${CBS_TABLE} heeft geen jaar ${year}; beschikbaar: ${first}–${last}.`);
  });
}

const byKey = (rows: Dimension[], key: string, what: string) => rows.find((r) => r.key.trim() === key) ?? fail(`CBS-tabel ${CBS_TABLE} heeft geen ${what} (${key}).`);
const or = (field: string, keys: string[]) => `(${keys.map((k) => `${field} eq ${literal(k)}`).join(" or ")})`;

/** The municipalities' titles, for a search list. */
export async function fetchMunicipalities(options: CbsOptions): Promise<string[]> {
  try {
    const regions = await dimension("RegioS", options);
    return regions.filter((r) => r.key.trim().startsWith("GM")).map((r) => r.title).sort((a, b) => a.localeCompare(b, "nl"));
  } catch (error) {
    if (error instanceof SourceError) throw new Error(error.problems.map((p) => p.message).join(" "));
    throw error;
  }
}

export interface CbsPull {
  observations: Observation[];
  notes: string[];
  modified: string;
  title: string;
}

/** Asks CBS for the figures, in as few requests as the 10,000-cell limit allows. */
export async function fetchCbsFigures(query: CbsQuery, options: CbsOptions): Promise<CbsPull> {
  options.onProgress?.(`CBS: tabel ${CBS_TABLE} ophalen…`);
  const info = (await getAll(CBS_TABLE, "TableInfos", {}, options))[0] ?? {};
  const modified = String(info.Modified ?? "").slice(0, 10);
  const title = String(info.Title ?? "").trim();
  const [regions, periods, nationalities, sexes, ages] = [
    await dimension("RegioS", options),
    await dimension("Perioden", options),
    await dimension("Nationaliteit", options),
    await dimension("Geslacht", options),
    await dimension("Leeftijd", options),
  ];
  const areas = resolveAreas(query.areas, regions);
  const years = resolveYears(query.from, query.to, periods);
  const sex = byKey(sexes, TOTAL_SEX, "totaal van mannen en vrouwen");
  const age = byKey(ages, TOTAL_AGE, "totaal van alle leeftijden");
  const total = nationalities.find((n) => TOTAL_TITLES.has(fold(n.title))) ?? fail(`CBS-tabel ${CBS_TABLE} heeft geen nationaliteit 'Totaal'.`);
  const dutch = nationalities.find((n) => DUTCH_TITLES.has(fold(n.title))) ?? fail(`CBS-tabel ${CBS_TABLE} heeft geen nationaliteit 'Nederlands'.`);
  const foreign = nationalities.find((n) => FOREIGN_TITLES.has(fold(n.title))) ?? null;
  const fixed = `Geslacht eq ${literal(sex.key)} and Leeftijd eq ${literal(age.key)}`;
  const select = ["RegioS", "Perioden", "Nationaliteit", "Bevolking_1"];

  options.onProgress?.(`CBS: inwoners naar nationaliteit voor ${areas.map((a) => a.title).join(", ")}, ${query.from}–${query.to}…`);
  const figures = await getAll(CBS_TABLE, "TypedDataSet", { filter: `${or("RegioS", areas.map((a) => a.key))} and ${or("Perioden", years.map((y) => y.key))} and ${fixed}`, select }, options);
  // For the rank: the two totals (all inhabitants, foreign or Dutch) of every municipality.
  options.onProgress?.("CBS: totalen van alle gemeenten, voor de rangorde…");
  const second = foreign ?? dutch;
  const totals = await getAll(CBS_TABLE, "TypedDataSet", { filter: `${or("Nationaliteit", [total.key, second.key])} and ${or("Perioden", years.map((y) => y.key))} and ${fixed}`, select }, options);
  return { ...buildObservations({ areas, years, nationalities, total, dutch, foreign, figures, totals, modified, title }), modified, title };
}

interface BuildInput {
  areas: Dimension[];
  years: Dimension[];
  nationalities: Dimension[];
  total: Dimension;
  dutch: Dimension;
  foreign: Dimension | null;
  figures: ODataRow[];
  totals: ODataRow[];
  modified: string;
  title: string;
}

const groups = new NameIndex(GROUPS);

/** The rows of the package: counts as CBS gives them, then shares, growth and ranks derived from them. */
function buildObservations(input: BuildInput): { observations: Observation[]; notes: string[] } {
  const { areas, years, nationalities, total, dutch, foreign } = input;
  const note = `CBS StatLine ${CBS_TABLE}${input.title ? ` (${input.title})` : ""}, gewijzigd ${input.modified || "onbekend"}.`;
  const value = (row: ODataRow) => (typeof row.Bevolking_1 === "number" && Number.isFinite(row.Bevolking_1) ? row.Bevolking_1 : null);
  const cell = new Map<string, number | null>();
  for (const row of input.figures) cell.set(`${String(row.RegioS).trim()}|${String(row.Perioden).trim()}|${String(row.Nationaliteit).trim()}`, value(row));
  const observations: Observation[] = [];
  const notes: string[] = [];
  const year = (y: Dimension) => y.key.trim().slice(0, 4);
  const row = (o: Partial<Observation> & Pick<Observation, "indicator" | "gebied" | "groep" | "periode" | "waarde" | "eenheid" | "status" | "toelichting">): Observation => ({
    onderwerp: "Bevolking",
    leeftijd: "",
    bron: "CBS",
    peildatum: /^\d{4}$/.test(o.periode) ? `${o.periode}-01-01` : "",
    pagina: null,
    ...o,
  });
  const counts = new Map<string, number>(); // area|year|group → count, for the derived rows
  const groupOf = (n: Dimension) => (n === total ? "inwoners" : n === dutch ? "Nederlands" : n === foreign ? FOREIGN : (groups.resolve(n.title).found ?? n.title));

  for (const area of areas) {
    for (const y of years) {
      const get = (n: Dimension) => cell.get(`${area.key.trim()}|${y.key.trim()}|${n.key.trim()}`);
      const suppressed: string[] = [];
      for (const n of nationalities) {
        const v = get(n);
        if (v === undefined) continue;
        if (v === null) {
          // CBS's own suppression of small numbers: not 0, so not a row.
          if (n !== total && n !== dutch && n !== foreign) suppressed.push(n.title);
          continue;
        }
        counts.set(`${area.title}|${year(y)}|${groupOf(n)}`, v);
      }
      const key = (group: string) => `${area.title}|${year(y)}|${group}`;
      const t = counts.get(key("inwoners"));
      const d = counts.get(key("Nederlands"));
      if (t === undefined) notes.push(`${area.title} ${year(y)}: CBS heeft (nog) geen cijfers; dit jaar ontbreekt.`);
      for (const n of nationalities) {
        const v = counts.get(key(groupOf(n)));
        if (v === undefined || typeof get(n) !== "number") continue;
        const extra = n === (foreign ?? total) && suppressed.length ? ` Niet als rij opgenomen: CBS onderdrukt kleine aantallen voor ${suppressed.join(", ")}.` : "";
        observations.push(row({ indicator: "inwoners", gebied: area.title, groep: groupOf(n), periode: year(y), waarde: v, eenheid: "aantal", status: "gerapporteerd", toelichting: note + extra }));
      }
      let f = counts.get(key(FOREIGN));
      if (f === undefined && t !== undefined && d !== undefined) {
        // The table names no foreign total: derived from the two totals it does give.
        f = t - d;
        counts.set(key(FOREIGN), f);
        observations.push(row({ indicator: "inwoners", gebied: area.title, groep: FOREIGN, periode: year(y), waarde: f, eenheid: "aantal", status: "afgeleid", toelichting: `Afgeleid: totaal (${t}) min Nederlands (${d}). ${note}` }));
      }
      if (t !== undefined && t > 0) {
        for (const [group, v] of [[FOREIGN, f], ["Nederlands", d]] as const) {
          if (v === undefined) continue;
          observations.push(row({ indicator: "aandeel", gebied: area.title, groep: group, periode: year(y), waarde: Number((v / t).toPrecision(12)), eenheid: "aandeel", status: "afgeleid", toelichting: `Afgeleid: ${v} / ${t} inwoners. ${note}` }));
        }
      }
    }
    // Growth from the first to the last chosen year, for every group with both counts.
    const [first, last] = [year(years[0]), year(years[years.length - 1])];
    if (first !== last) {
      const seen = new Set<string>();
      for (const n of nationalities) {
        const group = groupOf(n);
        if (seen.has(group)) continue;
        seen.add(group);
        const [a, b] = [counts.get(`${area.title}|${first}|${group}`), counts.get(`${area.title}|${last}|${group}`)];
        if (a === undefined || b === undefined || a === 0) continue;
        observations.push(row({ indicator: "groei", gebied: area.title, groep: group, periode: `${first}-${last}`, peildatum: "", waarde: Number(((b - a) / a).toPrecision(12)), eenheid: "groei", status: "afgeleid", toelichting: `Afgeleid: (${b} − ${a}) / ${a}, inwoners op 1 januari ${first} en ${last}. ${note}` }));
      }
    }
  }
  observations.push(...ranks(input, note));
  return { observations, notes };
}

/** Each chosen municipality's rank among all municipalities by share of foreign nationality. */
function ranks(input: BuildInput, note: string): Observation[] {
  const { areas, years, total, foreign } = input;
  const out: Observation[] = [];
  for (const y of years) {
    const shares = new Map<string, number>();
    const byRegion = new Map<string, { t?: number; other?: number }>();
    for (const row of input.totals) {
      const region = String(row.RegioS).trim();
      if (!region.startsWith("GM") || String(row.Perioden).trim() !== y.key.trim() || typeof row.Bevolking_1 !== "number") continue;
      const entry = byRegion.get(region) ?? {};
      if (String(row.Nationaliteit).trim() === total.key.trim()) entry.t = row.Bevolking_1;
      else entry.other = row.Bevolking_1;
      byRegion.set(region, entry);
    }
    for (const [region, { t, other }] of byRegion) {
      if (t === undefined || other === undefined || t <= 0) continue;
      shares.set(region, foreign ? other / t : (t - other) / t);
    }
    const year = y.key.trim().slice(0, 4);
    if (shares.size === 0) continue;
    const ordered = [...shares.values()].sort((a, b) => b - a);
    for (const area of areas) {
      const share = shares.get(area.key.trim());
      if (share === undefined) continue;
      const rank = ordered.indexOf(share) + 1;
      out.push({
        onderwerp: "Bevolking",
        indicator: "rang",
        gebied: area.title,
        groep: FOREIGN,
        leeftijd: "",
        periode: year,
        waarde: rank,
        eenheid: "rang",
        bron: "CBS",
        peildatum: `${year}-01-01`,
        status: "afgeleid",
        pagina: null,
        toelichting: `Afgeleid: plek ${rank} van ${shares.size} gemeenten naar aandeel inwoners met een buitenlandse nationaliteit (${foreign ? "buitenlands" : "totaal min Nederlands"} / totaal). ${note}`,
      });
    }
    out.push({ onderwerp: "Bevolking", indicator: "gemeenten", gebied: "Nederland", groep: "gemeenten", leeftijd: "", periode: year, waarde: shares.size, eenheid: "aantal", bron: "CBS", peildatum: `${year}-01-01`, status: "afgeleid", pagina: null, toelichting: `Afgeleid: gemeenten met cijfers in ${CBS_TABLE} op 1 januari ${year}. ${note}` });
  }
  return out;
}

const CBS_URL = `https://opendata.cbs.nl/statline/#/CBS/nl/dataset/${CBS_TABLE}/table`;

/** The indicators of a CBS package: the edition's ids and units, defined for CBS's figures. */
const CBS_INDICATORS: Indicator[] = [
  { id: "inwoners", labelNl: "Inwoners naar nationaliteit", labelEn: "Inhabitants by nationality", eenheid: "aantal", standaardgroep: "inwoners", definitie: `Inwoners op 1 januari naar nationaliteit (CBS StatLine, tabel ${CBS_TABLE}; beide geslachten, alle leeftijden). Wie twee paspoorten heeft waarvan één Nederlands, telt bij de Nederlanders.`, bron: "CBS" },
  { id: "aandeel", labelNl: "Aandeel van de inwoners", labelEn: "Share of inhabitants", eenheid: "aandeel", standaardgroep: "buitenlandse nationaliteit", definitie: "Aandeel van alle inwoners van de gemeente met deze nationaliteit, als fractie (11,6% = 0,116), berekend uit de aantallen van CBS.", bron: "CBS" },
  { id: "groei", labelNl: "Groei van het aantal inwoners", labelEn: "Growth in inhabitants", eenheid: "groei", standaardgroep: "buitenlandse nationaliteit", definitie: "Relatieve groei van het aantal inwoners in een groep tussen het eerste en het laatste gekozen jaar, als fractie, berekend uit de aantallen van CBS.", bron: "CBS" },
  { id: "rang", labelNl: "Plek onder de Nederlandse gemeenten", labelEn: "Rank among Dutch municipalities", eenheid: "rang", standaardgroep: "buitenlandse nationaliteit", definitie: "Plek van de gemeente onder alle Nederlandse gemeenten naar aandeel inwoners met een buitenlandse nationaliteit (1 = hoogste aandeel), berekend uit de totalen van CBS.", bron: "CBS" },
  { id: "gemeenten", labelNl: "Aantal Nederlandse gemeenten", labelEn: "Number of Dutch municipalities", eenheid: "aantal", standaardgroep: "gemeenten", definitie: "Aantal gemeenten waartussen de plek is bepaald (gemeenten met cijfers in de CBS-tabel).", bron: "CBS" },
];

/** The indicators and the source of a CBS package. */
function packageTables(observations: Observation[], modified: string, to: number) {
  const wanted = new Set(observations.map((o) => o.indicator));
  const indicators = CBS_INDICATORS.filter((i) => wanted.has(i.id));
  const source: Source = {
    id: "CBS",
    naam: "Centraal Bureau voor de Statistiek",
    citeernaam: `CBS StatLine, tabel ${CBS_TABLE}`,
    omschrijving: `Bevolking; geslacht, leeftijd, nationaliteit en regio, 1 januari. Open data onder de licentie CC BY 4.0 (bron: CBS). Tabel gewijzigd op ${modified || "onbekend"}.`,
    peildatum: `${to}-01-01`,
    url: CBS_URL,
  };
  return { observations: tableCells(OBSERVATION_COLUMNS, observations), indicators: tableCells(INDICATOR_COLUMNS, indicators), sources: tableCells(SOURCE_COLUMNS, [source]) };
}

/** A validated monitor package of CBS figures, or problems; nothing partial. */
export async function pullFromCbs(query: CbsQuery, options: CbsOptions): Promise<PullResult & { notes?: string[] }> {
  try {
    const pulled = await fetchCbsFigures(query, options);
    const validated = parsePackageTables(packageTables(pulled.observations, pulled.modified, query.to));
    if (!validated.ok) return validated;
    const places = query.areas.join(", ");
    return {
      ok: true,
      value: {
        package: validated.value,
        edition: {
          name: `cbs-${CBS_TABLE.toLowerCase()}-${query.from}-${query.to}`,
          title: `CBS StatLine ${CBS_TABLE}: ${places}, ${query.from}–${query.to}`,
          version: pulled.modified,
          referenceDate: `${query.to}-01-01`,
        },
        origin: `${options.baseUrl} (${CBS_TABLE})`,
      },
      notes: pulled.notes,
    };
  } catch (error) {
    if (error instanceof SourceError) return { ok: false, problems: error.problems };
    throw error;
  }
}
