import { INDICATOR_COLUMNS, OBSERVATION_COLUMNS, OBSERVATION_KEY, SOURCE_COLUMNS } from "./columns";
import type { CsvDialect } from "./csv";
import { periodKind, fillDerivedColumns, yearOfPeriod } from "./derived";
import { normalise } from "./normalise";
import { AREAS, GROUPS, NameIndex } from "./vocabulary";
import { Indicator, MonitorPackage, Observation, Problem, Source } from "./types";
import { ROWS_PER_STEP, runSteps, runStepsInSlices, Steps } from "./slices";
import { Cell, cellProblem, readingTable, Result } from "./validate";
import { AnyMessage, say } from "../text/message";
import { INPUT } from "../text/input";

export const TABLE_NAMES = { observations: "MonitorData", indicators: "MonitorIndicatoren", sources: "MonitorBronnen" } as const;

export interface PackageTables {
  observations: Cell[][];
  indicators: Cell[][];
  sources: Cell[][];
}

export function observationKey(o: Pick<Observation, "indicator" | "gebied" | "groep" | "leeftijd" | "periode" | "eenheid">): string {
  return OBSERVATION_KEY.map((k) => o[k]).join("|");
}

let vocabularies: { groups: NameIndex; areas: NameIndex } | null = null;

/**
 * A figure's key the way look-ups compare it: names folded (case, accents, spacing) and mapped
 * onto the vocabulary ("italiaans " and "Italian" are "Italiaans"), so two rows that a formula
 * cannot tell apart are reported as duplicates instead of one silently hiding the other.
 */
export function lookupKey(o: Pick<Observation, "indicator" | "gebied" | "groep" | "leeftijd" | "periode" | "eenheid">): string {
  return `${foldedNames(o)}|${o.periode}|${o.eenheid}`;
}

/** lookupKey's part before the period and the unit: the four names folded, joined by `|`. */
function foldedNames(o: Pick<Observation, "indicator" | "gebied" | "groep" | "leeftijd">): string {
  let last = lastNames;
  // Rows come in runs of the same names: the folded names of the row before are its again.
  if (last === null || o.indicator !== last.indicator || o.gebied !== last.gebied || o.groep !== last.groep || o.leeftijd !== last.leeftijd) {
    vocabularies ??= { groups: new NameIndex(GROUPS), areas: new NameIndex(AREAS) };
    const canonical = (index: NameIndex, name: string) => normalise(index.resolve(name).found ?? name);
    const folded = `${normalise(o.indicator)}|${canonical(vocabularies.areas, o.gebied)}|${canonical(vocabularies.groups, o.groep)}|${normalise(o.leeftijd)}`;
    last = lastNames = { indicator: o.indicator, gebied: o.gebied, groep: o.groep, leeftijd: o.leeftijd, folded };
  }
  return last.folded;
}

/** The names of the last key made, and their folded part of it. */
let lastNames: { indicator: string; gebied: string; groep: string; leeftijd: string; folded: string } | null = null;

/** A part of a key that holds a `|`: its key is then the joined text of lookupKey (see FirstRows). */
const JOINED = -1;

/**
 * The first row of each lookupKey, under a key of six numbers: one for each folded name
 * (indicator, area, group, age), for the period and for the unit, each given when its text is
 * first met and found again by the cell as written (a cell shared by every row that has it,
 * CellPool, so hashed once). The key is those numbers as a text of twelve UTF-16 code units,
 * two a number: no text of some 60 characters made, flattened and hashed for every row, and no
 * two maps for every run of names (68,000 runs in the bench's package of 100,000 rows, every
 * map living until the check ends): reading and checking that package took a tenth to a
 * seventh less CPU time with the numbers (README, Benchmarks).
 * The same keys as lookupKey: a period (a valid one, PERIOD_PATTERN) and a unit (UNITS) hold no
 * `|`, so where no folded name does either, two keys' texts are the same exactly when their
 * parts are; a row with a `|` in a folded name is kept under its lookupKey's text, in a map of
 * its own, since only another such row can have the same text split otherwise.
 */
export class FirstRows {
  private readonly byKey = new Map<string, number>();
  private readonly byJoinedKey = new Map<string, number>();
  /** Per part (indicator, area, group, age, period, unit): the number of each text as written. */
  private readonly written = Array.from({ length: 6 }, () => new Map<string, number>());
  /** Per part: the number of each folded text, which the texts written that fold to it share. */
  private readonly folded = Array.from({ length: 6 }, () => new Map<string, number>());

  /** The row given first for `o`'s key; undefined when this is the first, and `row` is kept as its. */
  firstOf(o: Pick<Observation, "indicator" | "gebied" | "groep" | "leeftijd" | "periode" | "eenheid">, row: number): number | undefined {
    const indicator = this.number(0, o.indicator);
    const area = this.number(1, o.gebied);
    const group = this.number(2, o.groep);
    const age = this.number(3, o.leeftijd);
    if (indicator === JOINED || area === JOINED || group === JOINED || age === JOINED) return keepFirst(this.byJoinedKey, lookupKey(o), row);
    const period = this.number(4, o.periode);
    const unit = this.number(5, o.eenheid);
    const key = String.fromCharCode(indicator & 0xffff, indicator >>> 16, area & 0xffff, area >>> 16, group & 0xffff, group >>> 16, age & 0xffff, age >>> 16, period & 0xffff, period >>> 16, unit & 0xffff, unit >>> 16);
    return keepFirst(this.byKey, key, row);
  }

  /** The number of part `part`'s text as written: that of its folded text (JOINED where that holds a `|`). */
  private number(part: number, text: string): number {
    const known = this.written[part].get(text);
    if (known !== undefined) return known;
    const folded = foldedPart(part, text);
    let number = part < 4 && folded.includes("|") ? JOINED : this.folded[part].get(folded);
    if (number === undefined) this.folded[part].set(folded, (number = this.folded[part].size));
    this.written[part].set(text, number);
    return number;
  }
}

function keepFirst(firsts: Map<string, number>, key: string, row: number): number | undefined {
  const first = firsts.get(key);
  if (first === undefined) firsts.set(key, row);
  return first;
}

/** A key part as lookupKey has it: the four names folded (the area and group onto the vocabulary), the period and unit as they are. */
function foldedPart(part: number, text: string): string {
  vocabularies ??= { groups: new NameIndex(GROUPS), areas: new NameIndex(AREAS) };
  if (part === 1) return normalise(vocabularies.areas.resolve(text).found ?? text);
  if (part === 2) return normalise(vocabularies.groups.resolve(text).found ?? text);
  return part < 4 ? normalise(text) : text;
}

/** The count a person meant, when a value looks like a count with a thousands dot (1.253), or null. */
function thousandsMeant(value: number): number | null {
  return /^\d{1,3}\.\d{3}$/.test(String(value)) ? Math.round(value * 1000) : null;
}

/** Rules for a value given its unit. */
function unitProblem(o: Observation): AnyMessage | null {
  const v = o.waarde;
  switch (o.eenheid) {
    case "aantal":
      if (!Number.isInteger(v)) return say(INPUT.countNotWhole, { value: v, meant: thousandsMeant(v) });
      return v < 0 ? say(INPUT.countNegative, { value: v }) : null;
    case "aandeel":
      if (v >= 0 && v <= 1) return null;
      return say(INPUT.shareOutOfRange, { value: v, meant: v > 1 && v <= 100 ? Number((v / 100).toPrecision(12)) : null });
    case "rang":
      return Number.isInteger(v) && v >= 1 ? null : say(INPUT.rankInvalid, { value: v });
    case "euro":
      return v >= 0 ? null : say(INPUT.euroNegative, { value: v });
    default:
      return null;
  }
}

/** Ids must be unique as users type them (case and spacing folded). */
export function checkIds(table: string, ids: string[]): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, number>();
  ids.forEach((id, index) => {
    const key = normalise(id);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index + 1);
    else problems.push(cellProblem(table, index + 1, "id", say(INPUT.idTaken, { id, earlier })));
  });
  return problems;
}

/** The rules of one figure beyond its cells: its unit's, and the indicator and source it names. */
export function observationProblems(o: Observation, row: number, indicatorIds: ReadonlySet<string>, sourceIds: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const table = TABLE_NAMES.observations;
  const at = (column: string, problem: AnyMessage) => problems.push(cellProblem(table, row, column, problem));
  if (!indicatorIds.has(o.indicator)) at("Indicator", say(INPUT.unknownIndicator, { indicator: o.indicator, table: TABLE_NAMES.indicators }));
  if (!sourceIds.has(o.bron)) at("Bron", say(INPUT.unknownSource, { source: o.bron, table: TABLE_NAMES.sources }));
  const unit = unitProblem(o);
  if (unit) at("Waarde", unit);
  if (o.status === "afgeleid" && o.toelichting === "") at("Toelichting", say(INPUT.derivedNeedsNote));
  const year = yearOfPeriod(o.periode);
  if (o.jaar !== null && year !== null && o.jaar !== year) at("Jaar", say(INPUT.yearMismatch, { given: o.jaar, period: o.periode, kind: periodKind(o.periode), year }));
  return problems;
}

/** Two rows a formula cannot tell apart: the later one is reported, naming the first. */
export function duplicateProblem(first: { row: number; o: Observation }, row: number, o: Observation): Problem {
  const table = TABLE_NAMES.observations;
  const spelled = first.o.groep !== o.groep || first.o.gebied !== o.gebied || first.o.leeftijd !== o.leeftijd || first.o.indicator !== o.indicator;
  return cellProblem(table, row, "Indicator", say(INPUT.duplicateFigure, { first: first.row, row, spelled: spelled ? { first: first.o.groep, later: o.groep } : null }));
}

/** Rules that span a row (units) or the table (keys) or tables (references). */
function* checkingObservations(observations: Observation[], indicators: Indicator[], sources: Source[]): Steps<Problem[]> {
  const problems: Problem[] = [];
  const indicatorIds = new Set(indicators.map((i) => i.id));
  const sourceIds = new Set(sources.map((s) => s.id));
  // The first row of each key by its index only: no object a row that lives until the check ends.
  const firstRows = new FirstRows();
  for (let index = 0; index < observations.length; index++) {
    const o = observations[index];
    const row = index + 1;
    const found = observationProblems(o, row, indicatorIds, sourceIds);
    if (found.length > 0) problems.push(...found);
    const first = firstRows.firstOf(o, index);
    if (first !== undefined) problems.push(duplicateProblem({ row: first + 1, o: observations[first] }, row, o));
    if (row % ROWS_PER_STEP === 0) yield;
  }
  return problems;
}

/** Validates the three tables of a monitor data package; returns all of it or nothing. */
export function parsePackageTables(tables: PackageTables, dialects: Partial<Record<keyof PackageTables, CsvDialect>> = {}, options: { extraColumns?: "refuse" | "ignore" } = {}): Result<MonitorPackage> {
  return runSteps(parsingPackageTables(tables, dialects, options));
}

/**
 * The same validation in slices: `between` runs after every few hundred rows (a pause that
 * yields to Excel and the pane once a slice has used its time), so that validating a whole
 * MonitorData of 100,000 rows (Regenerate or a pull without the pane's live data) never holds
 * the thread in one piece. The same result as parsePackageTables.
 */
export function parsePackageTablesInSlices(tables: PackageTables, between: () => Promise<void>, options: { extraColumns?: "refuse" | "ignore" } = {}): Promise<Result<MonitorPackage>> {
  return runStepsInSlices(parsingPackageTables(tables, {}, options), between);
}

function* parsingPackageTables(tables: PackageTables, dialects: Partial<Record<keyof PackageTables, CsvDialect>>, options: { extraColumns?: "refuse" | "ignore" }): Steps<Result<MonitorPackage>> {
  const indicators = yield* readingTable(TABLE_NAMES.indicators, INDICATOR_COLUMNS, tables.indicators, dialects.indicators, options);
  const sources = yield* readingTable(TABLE_NAMES.sources, SOURCE_COLUMNS, tables.sources, dialects.sources, options);
  const observations = yield* readingTable(TABLE_NAMES.observations, OBSERVATION_COLUMNS, tables.observations, dialects.observations, options);
  return yield* checkingPackage(indicators, sources, observations);
}

/** The tables read (each its records or its problems) checked as a package: readingTable's problems first, then the rules across rows and tables. */
export function checkPackage(indicators: Result<Indicator[]>, sources: Result<Source[]>, observations: Result<Observation[]>): Result<MonitorPackage> {
  return runSteps(checkingPackage(indicators, sources, observations));
}

function* checkingPackage(indicators: Result<Indicator[]>, sources: Result<Source[]>, observations: Result<Observation[]>): Steps<Result<MonitorPackage>> {
  const problems = [indicators, sources, observations].flatMap((r) => (r.ok ? [] : r.problems));
  if (!indicators.ok || !sources.ok || !observations.ok) return { ok: false, problems };
  const crossProblems = [
    ...checkIds(TABLE_NAMES.indicators, indicators.value.map((i) => i.id)),
    ...checkIds(TABLE_NAMES.sources, sources.value.map((s) => s.id)),
    ...(yield* checkingObservations(observations.value, indicators.value, sources.value)),
  ];
  if (crossProblems.length) return { ok: false, problems: crossProblems };
  const filled: Observation[] = new Array<Observation>(observations.value.length);
  for (let i = 0; i < filled.length; i++) {
    filled[i] = fillDerivedColumns(observations.value[i]);
    if ((i + 1) % ROWS_PER_STEP === 0) yield;
  }
  return { ok: true, value: { observations: filled, indicators: indicators.value, sources: sources.value } };
}
