import { comparePeriods } from "./periods";
import { Indicator, MonitorPackage, Observation, Source, Unit } from "./types";
import { AreaAliases, areaAliases } from "./municipality-names";
import { ROWS_PER_STEP, runSteps, runStepsInSlices, Steps } from "./slices";
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

function inUnit(candidates: readonly Observation[], unit: Unit): Observation | undefined {
  for (const o of candidates) if (o.eenheid === unit) return o;
  return undefined;
}

export interface Cell {
  indicator: string;
  area: string;
  group: string;
  age: string;
  period: string;
}

/**
 * What the index holds for an indicator, area, group and age: its figures by period, and its
 * series (the same figures in period order), one for each unit it has (at most five).
 */
interface AgeEntry {
  periods: Map<string, Observation[]>;
  series: { unit: Unit; figures: LazySorted<Observation> }[];
}
type ByAge = Map<string, AgeEntry>;
type ByGroup = Map<string, ByAge>;
type ByArea = Map<string, ByGroup>;

/**
 * The figures of each cell (indicator, area, group, age, period) as maps within maps, not under
 * one key joined of the five parts: every MONITOR formula looks a cell up, and a joined key is a
 * new string to build and hash on each call (half of a COUNT in the bench), where each part is a string
 * V8 has hashed already (the canonical names, the period). The series (the same without period,
 * by unit) hang in the same maps, for the same reason: a joined key for each figure stored was
 * the store's costliest line at 100,000 rows (README, Benchmarks). A map left empty is taken out.
 */
class CellIndex {
  private readonly byIndicator = new Map<string, ByArea>();

  get(indicator: string, area: string, group: string, age: string, period: string): Observation[] | undefined {
    return this.byIndicator.get(indicator)?.get(area)?.get(group)?.get(age)?.periods.get(period);
  }

  /** The series of a cell without its period, in a unit (shared, do not modify). */
  series(indicator: string, area: string, group: string, age: string, unit: Unit): readonly Observation[] {
    const entry = this.byIndicator.get(indicator)?.get(area)?.get(group)?.get(age);
    return (entry && seriesIn(entry, unit)?.figures.sorted()) ?? [];
  }

  add(o: Observation): void {
    const areas = within(this.byIndicator, o.indicator);
    const groups = within(areas, o.gebied);
    const ages = within(groups, o.groep);
    let entry = ages.get(o.leeftijd);
    if (!entry) ages.set(o.leeftijd, (entry = { periods: new Map(), series: [] }));
    push(entry.periods, o.periode, o);
    let series = seriesIn(entry, o.eenheid);
    if (!series) entry.series.push((series = { unit: o.eenheid, figures: new LazySorted(byPeriod) }));
    series.figures.add(o);
  }

  remove(o: Observation): void {
    const areas = this.byIndicator.get(o.indicator);
    const groups = areas?.get(o.gebied);
    const ages = groups?.get(o.groep);
    const entry = ages?.get(o.leeftijd);
    if (!areas || !groups || !ages || !entry) return;
    pull(entry.periods, o.periode, o);
    const series = seriesIn(entry, o.eenheid);
    series?.figures.remove(o);
    if (series?.figures.items.length === 0) entry.series.splice(entry.series.indexOf(series), 1);
    if (entry.periods.size === 0) ages.delete(o.leeftijd);
    if (ages.size === 0) groups.delete(o.groep);
    if (groups.size === 0) areas.delete(o.gebied);
    if (areas.size === 0) this.byIndicator.delete(o.indicator);
  }
}

function seriesIn(entry: AgeEntry, unit: Unit): AgeEntry["series"][number] | undefined {
  for (const series of entry.series) if (series.unit === unit) return series;
  return undefined;
}

/** The map under `key`, made when there is none yet. */
function within<V extends Map<unknown, unknown>>(map: Map<string, V>, key: string): V {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map() as V));
  return inner;
}

/** A list kept in some order, sorted again only when read after a change. */
class LazySorted<T> {
  private dirty = false;
  constructor(
    private readonly compare: (a: T, b: T) => number,
    readonly items: T[] = [],
  ) {}
  add(item: T): void {
    this.items.push(item);
    this.dirty = true;
  }
  remove(item: T): void {
    const at = this.items.indexOf(item);
    if (at >= 0) this.items.splice(at, 1);
  }
  sorted(): readonly T[] {
    if (this.dirty) this.items.sort(this.compare);
    this.dirty = false;
    return this.items;
  }
}

type Ranked = { group: string; value: number; o: Observation };
/** The figures by indicator, by area and by both, each list in table order (see figuresOf). */
type FiguresByPart = { byIndicator: Map<string, Observation[]>; byArea: Map<string, Observation[]>; byBoth: Map<string, Map<string, Observation[]>> };
const byPeriod = (a: Observation, b: Observation) => comparePeriods(a.periode, b.periode);
const byCount = (a: Ranked, b: Ranked) => b.value - a.value || a.group.localeCompare(b.group);

/**
 * The figures, indexed so that every look-up a formula makes is a hash look-up: by cell
 * (indicator, area, group, age, period), by series (the same without period) and the
 * nationality ranking per period. Names in the data are mapped to the vocabulary's canonical
 * names on the way in, so "italiaans " in an analyst's row is the same group as "Italiaans".
 *
 * The store is updated in place (`replace`): an edit of a few rows costs those rows, not the
 * table. Each update is synchronous, so a formula never sees half of one.
 */
export class MonitorStore {
  indicators: readonly Indicator[] = [];
  sources: readonly Source[] = [];
  readonly groupNames = new NameIndex(GROUPS);
  indicatorNames = new NameIndex([]);
  readonly ageNames = new NameIndex([]);
  private readonly byCell = new CellIndex();
  private readonly indicatorById = new Map<string, Indicator>();
  private readonly sourceById = new Map<string, Source>();
  private readonly nationalityRanking = new Map<string, LazySorted<Ranked>>();
  /** Per indicator: how many figures each period has, and the periods sorted (null: to sort again). */
  private readonly periodsByIndicator = new Map<string, { uses: Map<string, number>; sorted: string[] | null }>();
  /** The figures in table order; an edited row keeps its place, a removed one leaves a hole until read. */
  private list: (Observation | undefined)[] = [];
  private readonly slot = new Map<Observation, number>();
  /** Each stored figure's row as read, whose names the name indexes count. */
  private readonly rawOf = new Map<Observation, Observation>();
  private holes = 0;
  /** The figures by indicator, by area and by both, in table order: built when first asked, dropped by any change. */
  private byPart: FiguresByPart | null = null;
  /** How many figures each area (as written) has; the area names are indexed again when that set changes. */
  private readonly areaUses = new Map<string, number>();
  private areaIndex: NameIndex | null = null;
  private static readonly vocabulary = new NameIndex(GROUPS);
  private static readonly areaVocabulary = new NameIndex(AREAS);

  constructor(data: MonitorPackage) {
    this.define(data.indicators, data.sources);
    this.replace([], data.observations);
  }

  /** The indicators and sources (MonitorIndicatoren, MonitorBronnen): small, replaced whole. */
  define(indicators: readonly Indicator[], sources: readonly Source[]): void {
    this.indicators = indicators;
    this.sources = sources;
    this.indicatorById.clear();
    this.sourceById.clear();
    for (const indicator of indicators) this.indicatorById.set(indicator.id, indicator);
    for (const source of sources) this.sourceById.set(source.id, source);
    this.indicatorNames = new NameIndex(indicators.map((i): GroupEntry => ({ nl: i.id, en: i.id, aliases: [i.labelNl, i.labelEn, ...(INDICATOR_ALIASES.get(i.id) ?? [])] })));
  }

  /** Areas by their names, and municipalities also by the names people use (Den Haag, s-Gravenhage, Hengelo for Hengelo (O.)). */
  get areaNames(): NameIndex {
    this.areaIndex ??= new NameIndex([...AREAS, ...areaAliases(this.areaUses.keys())]);
    return this.areaIndex;
  }

  /** Indexes the area names now, a part at a time with `between` after each (the first read of a large table). */
  async indexAreaNames(between: () => Promise<void>): Promise<void> {
    await runStepsInSlices(this.areaNameSteps(), between);
  }

  /** `areaNames` built as steps of 250 names (see indexAreaNames); the same index as the getter builds in one piece. */
  *areaNameSteps(): Steps<void> {
    const aliases = new AreaAliases(this.areaUses.keys());
    const index = new NameIndex(AREAS);
    const part = 250;
    for (let from = 0; from < aliases.size; from += part) {
      aliases.count(from, from + part);
      yield;
    }
    for (let from = 0; from < aliases.size; from += part) {
      index.addEntries(aliases.entries(from, from + part));
      yield;
    }
    this.areaIndex = index;
  }

  /**
   * The store of `data` built as steps (see runStepsInSlices): its figures taken in a part of
   * rows at a time, as an edit's `replace` takes them, then the indexes that `figuresOf` and
   * `areaNames` would otherwise build in one piece when first asked. The same store as
   * `new MonitorStore(data)` once asked those.
   */
  static *inSteps(data: MonitorPackage): Steps<MonitorStore> {
    const store = new MonitorStore({ ...data, observations: [] });
    for (let from = 0; from < data.observations.length; from += ROWS_PER_STEP) {
      store.replace([], data.observations.slice(from, from + ROWS_PER_STEP));
      yield;
    }
    yield* store.partSteps();
    yield* store.areaNameSteps();
    return store;
  }

  private countArea(area: string, change: 1 | -1): void {
    const uses = (this.areaUses.get(area) ?? 0) + change;
    if (uses > 0) this.areaUses.set(area, uses);
    else this.areaUses.delete(area);
    if (uses === 0 || (uses === 1 && change === 1)) this.areaIndex = null; // an area came or went
  }

  /** Every figure, in table order (shared, do not modify). */
  get observations(): readonly Observation[] {
    if (this.holes > 0) {
      this.list = this.list.filter((o) => o !== undefined);
      this.list.forEach((o, i) => this.slot.set(o as Observation, i));
      this.holes = 0;
    }
    return this.list as Observation[];
  }

  get size(): number {
    return this.slot.size;
  }

  /**
   * The figures of an indicator, of an area, or of both (every figure when neither is given), in
   * table order (shared, do not modify): a sheet's questions without a scan of every figure.
   */
  figuresOf(indicator?: string, area?: string): readonly Observation[] {
    if (indicator === undefined && area === undefined) return this.observations;
    if (!this.byPart) runSteps(this.partSteps());
    const parts = this.byPart as FiguresByPart;
    const found = indicator === undefined ? parts.byArea.get(area as string) : area === undefined ? parts.byIndicator.get(indicator) : parts.byBoth.get(indicator)?.get(area);
    return found ?? [];
  }

  /** The index of `figuresOf`, built as steps of rows. */
  private *partSteps(): Steps<void> {
    // Maps within maps, not keys joined: no string made per figure (300,000 at 100,000 rows).
    const parts: FiguresByPart = { byIndicator: new Map(), byArea: new Map(), byBoth: new Map() };
    const figures = this.observations;
    for (let from = 0; from < figures.length; from += ROWS_PER_STEP) {
      for (let i = from; i < Math.min(figures.length, from + ROWS_PER_STEP); i++) {
        const o = figures[i];
        push(parts.byIndicator, o.indicator, o);
        push(parts.byArea, o.gebied, o);
        let areas = parts.byBoth.get(o.indicator);
        if (!areas) parts.byBoth.set(o.indicator, (areas = new Map()));
        push(areas, o.gebied, o);
      }
      yield;
    }
    this.byPart = parts;
  }

  /**
   * Takes `removed` (figures this store returned before) out and puts `added` (as read from the
   * table) in; an added figure takes the place of the removed one at the same position. Returns
   * the added figures as the store holds them (names made canonical).
   */
  replace(removed: readonly Observation[], added: readonly Observation[]): Observation[] {
    if (removed.length + added.length > 0) this.byPart = null;
    // Areas counted in first, out after: an edited row that keeps its area does not re-index the area names.
    for (const o of added) this.countArea(o.gebied, 1);
    for (const o of removed) if (this.slot.has(o)) this.countArea((this.rawOf.get(o) ?? o).gebied, -1);
    const freed: number[] = [];
    for (const o of removed) {
      const at = this.slot.get(o);
      if (at === undefined) continue;
      this.unindex(o);
      this.slot.delete(o);
      this.list[at] = undefined;
      freed.push(at);
    }
    const stored = added.map((raw, i) => {
      const o = this.canonical(raw);
      const at = i < freed.length ? freed[i] : this.list.push(undefined) - 1;
      this.list[at] = o;
      this.slot.set(o, at);
      this.index(o);
      return o;
    });
    this.holes += Math.max(0, freed.length - added.length);
    return stored;
  }

  /**
   * The figure as the store holds it: the row itself where its names are canonical already (most
   * rows: no copy, nothing to remember), else a copy with canonical names, which remembers the row.
   */
  private canonical(o: Observation): Observation {
    // Names the vocabulary does not know are taken as they are written in the data.
    const name = (index: NameIndex, text: string) => index.resolve(text).found ?? text;
    this.groupNames.addName(o.groep);
    if (o.leeftijd !== "") this.ageNames.addName(o.leeftijd);
    const [groep, gebied, leeftijd] = [name(MonitorStore.vocabulary, o.groep), name(MonitorStore.areaVocabulary, o.gebied), o.leeftijd === "" ? "" : name(this.ageNames, o.leeftijd)];
    // The same row twice (one object in two places of a package) gets a copy: each figure has its own slot.
    if (groep === o.groep && gebied === o.gebied && leeftijd === o.leeftijd && !this.slot.has(o)) return o;
    const stored = { ...o, groep, gebied, leeftijd };
    this.rawOf.set(stored, o);
    return stored;
  }

  private index(o: Observation): void {
    this.byCell.add(o);
    let periods = this.periodsByIndicator.get(o.indicator);
    if (!periods) this.periodsByIndicator.set(o.indicator, (periods = { uses: new Map(), sorted: null }));
    const uses = periods.uses.get(o.periode) ?? 0;
    periods.uses.set(o.periode, uses + 1);
    if (uses === 0) periods.sorted = null;
    const ranking = rankingKey(o);
    if (ranking) {
      let list = this.nationalityRanking.get(ranking);
      if (!list) this.nationalityRanking.set(ranking, (list = new LazySorted(byCount)));
      list.add({ group: o.groep, value: o.waarde, o });
    }
  }

  private unindex(o: Observation): void {
    const raw = this.rawOf.get(o) ?? o;
    this.rawOf.delete(o);
    this.groupNames.removeName(raw.groep);
    if (raw.leeftijd !== "") this.ageNames.removeName(raw.leeftijd);
    this.byCell.remove(o);
    const periods = this.periodsByIndicator.get(o.indicator);
    if (periods) {
      const uses = (periods.uses.get(o.periode) ?? 1) - 1;
      if (uses > 0) periods.uses.set(o.periode, uses);
      else {
        periods.uses.delete(o.periode);
        periods.sorted = null;
        if (periods.uses.size === 0) this.periodsByIndicator.delete(o.indicator);
      }
    }
    const ranking = rankingKey(o);
    const ranked = ranking ? this.nationalityRanking.get(ranking) : undefined;
    if (ranking && ranked) {
      const entry = ranked.items.find((r) => r.o === o);
      if (entry) ranked.remove(entry);
      if (ranked.items.length === 0) this.nationalityRanking.delete(ranking);
    }
  }

  indicator(id: string): Indicator | undefined {
    return this.indicatorById.get(id);
  }

  source(id: string): Source | undefined {
    return this.sourceById.get(id);
  }

  /** The figure for a cell in a unit; without a unit, the indicator's own unit, else counts first. */
  get(cell: Cell, unit?: Unit): Observation | undefined {
    return this.figure(cell.indicator, cell.area, cell.group, cell.age, cell.period, unit);
  }

  /**
   * `get` with the cell's parts as arguments: every MONITOR formula asks this, so it makes no
   * cell object and no closures (loops over the one to five units a cell has).
   */
  figure(indicator: string, area: string, group: string, age: string, period: string, unit?: Unit): Observation | undefined {
    const candidates = this.byCell.get(indicator, area, group, age, period);
    if (!candidates) return undefined;
    if (unit) return inUnit(candidates, unit);
    const own = this.indicatorById.get(indicator)?.eenheid;
    const mine = own === undefined ? undefined : inUnit(candidates, own);
    if (mine) return mine;
    for (const preferred of UNIT_PREFERENCE) {
      const found = inUnit(candidates, preferred);
      if (found) return found;
    }
    return undefined;
  }

  /** The figures of a series in period order (shared, do not modify). */
  series(indicator: string, area: string, group: string, age: string, unit: Unit): readonly Observation[] {
    return this.byCell.series(indicator, area, group, age, unit);
  }

  /** The periods for which a cell has a figure in any unit, for #N/A messages. */
  periodsFor(indicator: string, area: string, group: string, age: string): string[] {
    const periods = new Set<string>();
    for (const unit of UNIT_PREFERENCE) for (const o of this.series(indicator, area, group, age, unit)) periods.add(o.periode);
    return [...periods].sort(comparePeriods);
  }

  periodsOfIndicator(indicator: string): readonly string[] {
    const periods = this.periodsByIndicator.get(indicator);
    if (!periods) return [];
    periods.sorted ??= [...periods.uses.keys()].sort(comparePeriods);
    return periods.sorted;
  }

  /** Nationalities by count for a period, largest first, `Overig` excluded. */
  ranking(period: string, area: string): readonly { group: string; value: number }[] {
    return this.nationalityRanking.get(`${period}|${area}`)?.sorted() ?? [];
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

/** Nationalities: the vocabulary's (Overig excluded) and groups only the data knows (a CBS title such as "Turks"). */
function rankingKey(o: Observation): string | null {
  const nationality = NATIONALITIES.includes(o.groep) ? o.groep !== "Overig" : groupEntry(o.groep) === undefined;
  return o.indicator === "inwoners" && o.eenheid === "aantal" && o.leeftijd === "" && nationality ? `${o.periode}|${o.gebied}` : null;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pull<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  const at = list ? list.indexOf(value) : -1;
  if (!list || at < 0) return;
  list.splice(at, 1);
  if (list.length === 0) map.delete(key);
}

