import { comparePeriods } from "./periods";
import { Indicator, MonitorPackage, Observation, Source, Unit } from "./types";
import { areaAliases } from "./municipality-names";
import { AREAS, groupEntry, GROUPS, GroupEntry, NameIndex, NATIONALITIES } from "./vocabulary";

/** English aliases users may type for indicator ids, besides the ids and both labels. */
const INDICATOR_ALIASES = new Map<string, string[]>(Object.entries({
  inwoners: ["inhabitants", "population", "count"],
  aandeel: ["share"],
  groei: ["growth"],
  toename: ["increase"],
  rang: ["rank", "ranking"],
  gemeenten: ["municipalities"],
  vestiging: ["settlement", "settled", "arrivals"],
  vertrek: ["departure", "departed", "departures"],
  woonduur: ["length of residence", "residence"],
  repats: ["remigratie", "returnees"],
  kinderen: ["children"],
  "expat-inschrijvingen": ["expat registrations", "expat centre", "ecl"],
  "werknemers-werkend": ["workers working", "working"],
  "werknemers-wonend": ["workers living", "living"],
  loongrens: ["salary threshold", "wage threshold", "looneis"],
  "kinderen-werknemers": ["children of workers", "workers children"],
  statushouders: ["status holders"],
  studenten: ["students", "international students"],
}));

/** When a formula names no unit: the indicator's own unit first, then counts before ratios. */
const UNIT_PREFERENCE: Unit[] = ["aantal", "euro", "rang", "aandeel", "groei"];

const cellKey = (indicator: string, area: string, group: string, age: string, period: string) => `${indicator}|${area}|${group}|${age}|${period}`;
const seriesKey = (indicator: string, area: string, group: string, age: string, unit: Unit) => `${indicator}|${area}|${group}|${age}|${unit}`;

export interface Cell {
  indicator: string;
  area: string;
  group: string;
  age: string;
  period: string;
}

/**
 * The figures, indexed once so that every look-up a formula makes is a hash look-up:
 * by cell (indicator, area, group, age, period), by series (the same without period) and the
 * nationality ranking per period. Names in the data are mapped to the vocabulary's canonical
 * names on the way in, so "italiaans " in an analyst's row is the same group as "Italiaans".
 */
export class MonitorStore {
  readonly observations: readonly Observation[];
  readonly indicators: readonly Indicator[];
  readonly sources: readonly Source[];
  readonly groupNames: NameIndex;
  readonly areaNames: NameIndex;
  readonly indicatorNames: NameIndex;
  readonly ageNames: NameIndex;
  private readonly byCell = new Map<string, Observation[]>();
  private readonly bySeries = new Map<string, Observation[]>();
  private readonly indicatorById = new Map<string, Indicator>();
  private readonly sourceById = new Map<string, Source>();
  private readonly nationalityRanking = new Map<string, { group: string; value: number }[]>();
  private readonly periodsByIndicator = new Map<string, string[]>();

  constructor(data: MonitorPackage) {
    this.indicators = data.indicators;
    this.sources = data.sources;
    for (const indicator of data.indicators) this.indicatorById.set(indicator.id, indicator);
    for (const source of data.sources) this.sourceById.set(source.id, source);
    const vocabulary = new NameIndex(GROUPS);
    const areaVocabulary = new NameIndex(AREAS);
    // Names the vocabulary does not know are taken as they are written in the data.
    this.groupNames = new NameIndex(GROUPS, data.observations.map((o) => o.groep));
    // Municipalities also by the names people use (Den Haag, s-Gravenhage, Hengelo for Hengelo (O.)).
    this.areaNames = new NameIndex([...AREAS, ...areaAliases(data.observations.map((o) => o.gebied))]);
    this.ageNames = new NameIndex([], data.observations.map((o) => o.leeftijd).filter((a) => a !== ""));
    this.indicatorNames = new NameIndex(
      data.indicators.map((i): GroupEntry => ({ nl: i.id, en: i.id, aliases: [i.labelNl, i.labelEn, ...(INDICATOR_ALIASES.get(i.id) ?? [])] })),
    );
    const canonical = (index: NameIndex, name: string) => {
      const r = index.resolve(name);
      return r.found ?? name;
    };
    this.observations = data.observations.map((o) => ({
      ...o,
      groep: canonical(vocabulary, o.groep),
      gebied: canonical(areaVocabulary, o.gebied),
      leeftijd: o.leeftijd === "" ? "" : canonical(this.ageNames, o.leeftijd),
    }));
    for (const o of this.observations) {
      push(this.byCell, cellKey(o.indicator, o.gebied, o.groep, o.leeftijd, o.periode), o);
      push(this.bySeries, seriesKey(o.indicator, o.gebied, o.groep, o.leeftijd, o.eenheid), o);
    }
    for (const list of this.bySeries.values()) list.sort((a, b) => comparePeriods(a.periode, b.periode));
    for (const o of this.observations) {
      const periods = this.periodsByIndicator.get(o.indicator) ?? [];
      if (!periods.includes(o.periode)) periods.push(o.periode);
      this.periodsByIndicator.set(o.indicator, periods);
      // Nationalities: the vocabulary's (Overig excluded) and groups only the data knows (a CBS title such as "Turks").
      const nationality = NATIONALITIES.includes(o.groep) ? o.groep !== "Overig" : groupEntry(o.groep) === undefined;
      if (o.indicator === "inwoners" && o.eenheid === "aantal" && o.leeftijd === "" && nationality) {
        push(this.nationalityRanking, `${o.periode}|${o.gebied}`, { group: o.groep, value: o.waarde });
      }
    }
    for (const periods of this.periodsByIndicator.values()) periods.sort(comparePeriods);
    for (const list of this.nationalityRanking.values()) list.sort((a, b) => b.value - a.value || a.group.localeCompare(b.group));
  }

  indicator(id: string): Indicator | undefined {
    return this.indicatorById.get(id);
  }

  source(id: string): Source | undefined {
    return this.sourceById.get(id);
  }

  /** The figure for a cell in a unit; without a unit, the indicator's own unit, else counts first. */
  get(cell: Cell, unit?: Unit): Observation | undefined {
    const candidates = this.byCell.get(cellKey(cell.indicator, cell.area, cell.group, cell.age, cell.period));
    if (!candidates) return undefined;
    if (unit) return candidates.find((o) => o.eenheid === unit);
    const own = this.indicatorById.get(cell.indicator)?.eenheid;
    return candidates.find((o) => o.eenheid === own) ?? UNIT_PREFERENCE.map((u) => candidates.find((o) => o.eenheid === u)).find(Boolean);
  }

  /** The figures of a series in period order (shared, do not modify). */
  series(indicator: string, area: string, group: string, age: string, unit: Unit): readonly Observation[] {
    return this.bySeries.get(seriesKey(indicator, area, group, age, unit)) ?? [];
  }

  /** The periods for which a cell has a figure in any unit, for #N/A messages. */
  periodsFor(indicator: string, area: string, group: string, age: string): string[] {
    const periods = new Set<string>();
    for (const unit of UNIT_PREFERENCE) for (const o of this.series(indicator, area, group, age, unit)) periods.add(o.periode);
    return [...periods].sort(comparePeriods);
  }

  periodsOfIndicator(indicator: string): readonly string[] {
    return this.periodsByIndicator.get(indicator) ?? [];
  }

  /** Nationalities by count for a period, largest first, `Overig` excluded. */
  ranking(period: string, area: string): readonly { group: string; value: number }[] {
    return this.nationalityRanking.get(`${period}|${area}`) ?? [];
  }

  /** Periods with a nationality ranking, for #N/A messages. */
  rankingPeriods(area: string): string[] {
    return [...this.nationalityRanking.keys()].filter((k) => k.endsWith(`|${area}`)).map((k) => k.split("|")[0]).sort(comparePeriods);
  }

  /** Distinct values of a column among an indicator's figures, for messages that list options. */
  groupsOf(indicator: string): string[] {
    return [...new Set(this.observations.filter((o) => o.indicator === indicator).map((o) => o.groep))];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

