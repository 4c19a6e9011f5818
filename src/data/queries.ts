import { AnyMessage, say, textOf } from "../text/message";
import { FUNCTIONS, NameKind } from "../text/functions";
import { notAvailable, valueError } from "./errors";
import { citationOf } from "./citation";
import { comparePeriods } from "./periods";
import { clerkSentence } from "./sentences";
import { MonitorStore } from "./store";
import { Indicator, Language, Observation, Unit, UNITS } from "./types";
import { ancestors, groupEntry, NameIndex } from "./vocabulary";

/**
 * The questions the MONITOR.* functions ask, over a MonitorStore. Names are resolved here
 * (with suggestions), and every failure is a MonitorError: #VALUE! for a wrong input, #N/A
 * for a figure the data does not have. Pure: no Office, no exceljs.
 */
export class MonitorQueries {
  constructor(readonly store: MonitorStore) {}

  private resolve(index: NameIndex, kind: NameKind, name: string): string {
    const r = index.resolve(name);
    if (r.found !== null) return r.found;
    const suggestion = index.suggest(name); // only now that a message is shown
    throw valueError(say(FUNCTIONS.unknownName, { kind, name, suggestion, choices: suggestion ? [] : index.names().slice(0, 12) }));
  }

  indicator(name: string): Indicator {
    const id = this.resolve(this.store.indicatorNames, "indicator", name);
    return this.store.indicator(id) as Indicator;
  }

  group(name: string): string {
    return this.resolve(this.store.groupNames, "group", name);
  }

  area(name: string | undefined): string {
    return name === undefined || name === "" ? "Leiden" : this.resolve(this.store.areaNames, "area", name);
  }

  age(name: string | undefined): string {
    return name === undefined || name === "" ? "" : this.resolve(this.store.ageNames, "age", name);
  }

  unit(name: string | undefined): Unit | undefined {
    if (name === undefined || name === "") return undefined;
    const unit = UNITS.find((u) => u === name.trim().toLowerCase());
    if (!unit) throw valueError(say(FUNCTIONS.unknownName, { kind: "unit", name, suggestion: null, choices: [...UNITS] }));
    return unit;
  }

  /** The group a formula means when it names none: the indicator's total group. */
  private defaultGroup(indicator: Indicator): string {
    if (indicator.standaardgroep !== "") return this.group(indicator.standaardgroep);
    const groups = this.store.groupsOf(indicator.id);
    throw valueError(say(FUNCTIONS.giveGroup, { indicator: indicator.id, groups }));
  }

  private missing(what: AnyMessage, period: string, periods: string[]): never {
    throw notAvailable(say(FUNCTIONS.noFigure, { what, period, periods }));
  }

  /** VALUE: any one figure of the package. */
  value(indicatorName: string, period: string, groupName?: string, ageName?: string, areaName?: string, unitName?: string): Observation {
    const indicator = this.indicator(indicatorName);
    const group = groupName ? this.group(groupName) : this.defaultGroup(indicator);
    const age = this.age(ageName);
    const area = this.area(areaName);
    const unit = this.unit(unitName);
    const found = this.store.figure(indicator.id, area, group, age, period, unit);
    if (found) return found;
    const what = say(FUNCTIONS.theCell, { indicator: indicator.id, group, age, area: area !== "Leiden" ? area : "", unit: unit ?? "" });
    return this.missing(what, period, this.store.periodsFor(indicator.id, area, group, age));
  }

  private countOf(group: string, period: string, area: string): number | undefined {
    const entry = groupEntry(group);
    const indicator = entry?.countIndicator ?? "inwoners";
    const found = this.store.figure(indicator, area, group, "", period, "aantal");
    if (found) return found.waarde;
    // A total the data does not give is the sum of its parts where all parts are there.
    if (entry?.sumOf) {
      const parts = entry.sumOf.map((part) => this.countOf(part, period, area));
      if (parts.every((p): p is number => p !== undefined)) return parts.reduce((a, b) => a + b, 0);
    }
    return undefined;
  }

  private countPeriods(group: string, area: string): string[] {
    const indicator = groupEntry(group)?.countIndicator ?? "inwoners";
    return this.store.series(indicator, area, group, "", "aantal").map((o) => o.periode);
  }

  /** COUNT: inhabitants (or workers, status holders, students) in a group. */
  count(groupName: string, period: string, areaName?: string): number {
    const group = this.group(groupName);
    const area = this.area(areaName);
    const value = this.countOf(group, period, area);
    if (value === undefined) this.missing(say(FUNCTIONS.theCount, { group }), period, this.countPeriods(group, area));
    return value as number;
  }

  /** SHARE: count ÷ the count of an ancestor (the parent by default), else the reported share. */
  share(groupName: string, period: string, ofName?: string, areaName?: string): number {
    const group = this.group(groupName);
    const area = this.area(areaName);
    const chain = ancestors(group);
    const of = ofName ? this.group(ofName) : chain[0];
    if (!of) {
      throw valueError(say(FUNCTIONS.noParent, { group }));
    }
    if (!chain.includes(of)) {
      throw valueError(say(FUNCTIONS.notParent, { of, group, parents: chain }));
    }
    const part = this.countOf(group, period, area);
    const whole = this.countOf(of, period, area);
    if (part !== undefined && whole !== undefined && whole !== 0) return part / whole;
    // Reported shares: of all inhabitants under `aandeel`; of the parent group where the
    // vocabulary says (woonduur) or with the group's counts (students, status holders).
    const entry = groupEntry(group);
    const indicator = of === "inwoners" ? "aandeel" : (entry?.shareIndicator ?? entry?.countIndicator ?? "aandeel");
    if (of === "inwoners" || of === chain[0]) {
      const reported = this.store.figure(indicator, area, group, "", period, "aandeel");
      if (reported) return reported.waarde;
    }
    const periods = [...new Set([...this.countPeriods(group, area).filter((p) => this.countOf(of, p, area) !== undefined), ...this.store.series(indicator, area, group, "", "aandeel").map((o) => o.periode)])];
    return this.missing(say(FUNCTIONS.theShare, { group, of }), period, periods.sort(comparePeriods));
  }

  /** GROWTH: from the two counts when both exist, else the growth the report gives for that span. */
  growth(groupName: string, from: string, to: string, areaName?: string): number {
    const group = this.group(groupName);
    const area = this.area(areaName);
    const start = this.countOf(group, from, area);
    const end = this.countOf(group, to, area);
    if (start !== undefined && end !== undefined && start !== 0) return end / start - 1;
    const indicator = groupEntry(group)?.growthIndicator ?? "groei";
    const span = `${from}-${to}`;
    const reported = this.store.figure(indicator, area, group, "", span, "groei");
    if (reported) return reported.waarde;
    const spans = this.store.series(indicator, area, group, "", "groei").map((o) => o.periode);
    throw notAvailable(say(FUNCTIONS.noGrowth, { group, from, to, counts: this.countPeriods(group, area), spans }));
  }

  /** SERIES: [period, value] rows in period order for the indicator's own unit. */
  series(indicatorName: string, groupName?: string, areaName?: string): [string, number][] {
    const indicator = this.indicator(indicatorName);
    const group = groupName ? this.group(groupName) : this.defaultGroup(indicator);
    const area = this.area(areaName);
    const rows = this.store.series(indicator.id, area, group, "", indicator.eenheid);
    if (rows.length === 0) {
      throw notAvailable(say(FUNCTIONS.noSeries, { indicator: indicator.id, group, area, unit: indicator.eenheid, groups: this.store.groupsOf(indicator.id) }));
    }
    return rows.map((o) => [o.periode, o.waarde]);
  }

  /**
   * TOP: the n largest nationalities with their counts, largest first, `Overig` excluded. Asked
   * for more than the year ranks, it answers #N/A naming how many there are: a spill of fewer
   * rows than asked would pass for the whole top n (a clerk pastes "the top 10").
   */
  top(n: number, period: string, areaName?: string): [string, number][] {
    const area = this.area(areaName);
    if (!Number.isInteger(n) || n < 1) {
      throw valueError(say(FUNCTIONS.invalidCount, { n }));
    }
    const ranking = this.store.ranking(period, area);
    if (ranking.length === 0) this.missing(say(FUNCTIONS.theNationalities), period, this.store.rankingPeriods(area));
    if (n > ranking.length) throw notAvailable(say(FUNCTIONS.topTooMany, { n, known: ranking.length, period, area }));
    return ranking.slice(0, n).map((r) => [r.group, r.value]);
  }

  /** SOURCE: "BRP, gemeente Leiden, peildatum 1 januari 2022". */
  citation(indicatorName: string, period?: string, groupName?: string, language: Language = "nl"): string {
    const indicator = this.indicator(indicatorName);
    if (period === undefined) {
      const source = this.store.source(indicator.bron);
      return this.cite(indicator.bron, source?.peildatum ?? "", undefined, language);
    }
    return this.citeObservation(this.value(indicatorName, period, groupName), language);
  }

  /** The citation of one figure: its source with its reference date (or period). */
  citeObservation(o: Observation, language: Language = "nl"): string {
    return this.cite(o.bron, o.peildatum, o.periode, language);
  }

  private cite(sourceId: string, peildatum: string, period: string | undefined, language: Language): string {
    const name = citationOf(this.store.source(sourceId), sourceId, language);
    if (peildatum) return textOf(say(FUNCTIONS.citeReferenceDate, { source: name, date: peildatum }), language);
    if (period) return textOf(say(FUNCTIONS.citePeriod, { source: name, period }), language);
    return name;
  }

  /** TEXT: a sentence with the figure in Dutch (or English) number format and its source. */
  sentence(indicatorName: string, period: string, groupName?: string, language: Language = "nl", areaName?: string): string {
    return this.sentenceFor(this.value(indicatorName, period, groupName, undefined, areaName), language);
  }

  /** The clerk's sentence for one figure, whatever its area, age or unit (patterns: sentences.ts). */
  sentenceFor(o: Observation, language: Language = "nl"): string {
    return clerkSentence(this.store, o, language);
  }

  /** INDICATORS: id, label, unit, periods, source, one row per indicator. */
  catalogue(language: Language = "nl"): string[][] {
    return this.store.indicators.map((i) => [i.id, language === "nl" ? i.labelNl : i.labelEn, i.eenheid, this.store.periodsOfIndicator(i.id).join(", "), citationOf(this.store.source(i.bron), i.bron, language)]);
  }
}
