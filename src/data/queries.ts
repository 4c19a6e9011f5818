import { notAvailable, valueError } from "./errors";
import { formatDate } from "./format";
import { comparePeriods } from "./periods";
import { clerkSentence } from "./sentences";
import { MonitorStore } from "./store";
import { Indicator, Language, Observation, Unit, UNITS } from "./types";
import { ancestors, groupEntry, NameIndex } from "./vocabulary";

/** `unknownNl` agrees with the noun: a neuter (het-)word takes "onbekend", the others "onbekende". */
type Kind = { en: string; unknownNl: string };
const KINDS: Record<string, Kind> = {
  indicator: { en: "indicator", unknownNl: "Onbekende indicator" },
  group: { en: "group", unknownNl: "Onbekende groep" },
  area: { en: "area", unknownNl: "Onbekend gebied" },
  age: { en: "age band", unknownNl: "Onbekende leeftijdsgroep" },
  unit: { en: "unit", unknownNl: "Onbekende eenheid" },
};

function listed(items: readonly string[], language: Language = "nl"): string {
  return items.length ? items.join(", ") : language === "nl" ? "geen" : "none";
}

/**
 * The questions the MONITOR.* functions ask, over a MonitorStore. Names are resolved here
 * (with suggestions), and every failure is a MonitorError: #VALUE! for a wrong input, #N/A
 * for a figure the data does not have. Pure: no Office, no exceljs.
 */
export class MonitorQueries {
  constructor(readonly store: MonitorStore) {}

  private resolve(index: NameIndex, kind: keyof typeof KINDS, name: string): string {
    const r = index.resolve(name);
    if (r.found !== null) return r.found;
    const k = KINDS[kind];
    const suggestion = index.suggest(name); // only now that a message is shown
    const nl = suggestion ? ` Bedoelt u '${suggestion}'?` : ` Kies uit: ${index.names().slice(0, 12).join(", ")}.`;
    const en = suggestion ? ` Did you mean '${index.label(suggestion, "en")}'?` : ` Choose from: ${index.names().slice(0, 12).join(", ")}.`;
    throw valueError(`${k.unknownNl} '${name}'.${nl}`, `Unknown ${k.en} '${name}'.${en}`);
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
    if (!unit) throw valueError(`Onbekende eenheid '${name}'. Kies uit: ${UNITS.join(", ")}.`, `Unknown unit '${name}'. Choose from: ${UNITS.join(", ")}.`);
    return unit;
  }

  /** The group a formula means when it names none: the indicator's total group. */
  private defaultGroup(indicator: Indicator): string {
    if (indicator.standaardgroep !== "") return this.group(indicator.standaardgroep);
    const groups = this.store.groupsOf(indicator.id);
    throw valueError(
      `Geef een groep voor '${indicator.id}'; kies uit: ${listed(groups)}.`,
      `Give a group for '${indicator.id}'; choose from: ${listed(groups, "en")}.`,
    );
  }

  private missing(what: string, period: string, periods: string[], whatEn = what): never {
    throw notAvailable(
      `Geen cijfer voor ${what} in ${period}; beschikbaar: ${listed(periods)}.`,
      `No figure for ${whatEn} in ${period}; available: ${listed(periods, "en")}.`,
    );
  }

  /** VALUE: any one figure of the package. */
  value(indicatorName: string, period: string, groupName?: string, ageName?: string, areaName?: string, unitName?: string): Observation {
    const indicator = this.indicator(indicatorName);
    const group = groupName ? this.group(groupName) : this.defaultGroup(indicator);
    const age = this.age(ageName);
    const area = this.area(areaName);
    const unit = this.unit(unitName);
    const cell = { indicator: indicator.id, area, group, age, period };
    const found = this.store.get(cell, unit);
    if (found) return found;
    const what = [indicator.id, group, age && `${age} jaar`, area !== "Leiden" && area, unit].filter(Boolean).join(", ");
    return this.missing(what, period, this.store.periodsFor(indicator.id, area, group, age));
  }

  private countOf(group: string, period: string, area: string): number | undefined {
    const entry = groupEntry(group);
    const indicator = entry?.countIndicator ?? "inwoners";
    const found = this.store.get({ indicator, area, group, age: "", period }, "aantal");
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
    if (value === undefined) this.missing(`het aantal ${group}`, period, this.countPeriods(group, area), `the count of ${group}`);
    return value as number;
  }

  /** SHARE: count ÷ the count of an ancestor (the parent by default), else the reported share. */
  share(groupName: string, period: string, ofName?: string, areaName?: string): number {
    const group = this.group(groupName);
    const area = this.area(areaName);
    const chain = ancestors(group);
    const of = ofName ? this.group(ofName) : chain[0];
    if (!of) {
      throw valueError(`'${group}' heeft geen bovenliggende groep; geef de noemer als derde argument.`, `'${group}' has no parent group; give the denominator as the third argument.`);
    }
    if (!chain.includes(of)) {
      throw valueError(
        `'${of}' is geen bovenliggende groep van '${group}'; kies uit: ${listed(chain)}.`,
        `'${of}' is not a parent group of '${group}'; choose from: ${listed(chain, "en")}.`,
      );
    }
    const part = this.countOf(group, period, area);
    const whole = this.countOf(of, period, area);
    if (part !== undefined && whole !== undefined && whole !== 0) return part / whole;
    // Reported shares: of all inhabitants under `aandeel`; of the parent group where the
    // vocabulary says (woonduur) or with the group's counts (students, status holders).
    const entry = groupEntry(group);
    const indicator = of === "inwoners" ? "aandeel" : (entry?.shareIndicator ?? entry?.countIndicator ?? "aandeel");
    if (of === "inwoners" || of === chain[0]) {
      const reported = this.store.get({ indicator, area, group, age: "", period }, "aandeel");
      if (reported) return reported.waarde;
    }
    const periods = [...new Set([...this.countPeriods(group, area).filter((p) => this.countOf(of, p, area) !== undefined), ...this.store.series(indicator, area, group, "", "aandeel").map((o) => o.periode)])];
    return this.missing(`het aandeel ${group} van ${of}`, period, periods.sort(comparePeriods), `the share of ${group} in ${of}`);
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
    const reported = this.store.get({ indicator, area, group, age: "", period: span }, "groei");
    if (reported) return reported.waarde;
    const spans = this.store.series(indicator, area, group, "", "groei").map((o) => o.periode);
    throw notAvailable(
      `Geen groei voor ${group} van ${from} tot ${to}: geen aantallen voor beide jaren (wel: ${listed(this.countPeriods(group, area))}) en geen gerapporteerde groei (wel: ${listed(spans)}).`,
      `No growth for ${group} from ${from} to ${to}: no counts for both years (available: ${listed(this.countPeriods(group, area), "en")}) and no reported growth (available: ${listed(spans, "en")}).`,
    );
  }

  /** SERIES: [period, value] rows in period order for the indicator's own unit. */
  series(indicatorName: string, groupName?: string, areaName?: string): [string, number][] {
    const indicator = this.indicator(indicatorName);
    const group = groupName ? this.group(groupName) : this.defaultGroup(indicator);
    const area = this.area(areaName);
    const rows = this.store.series(indicator.id, area, group, "", indicator.eenheid);
    if (rows.length === 0) {
      throw notAvailable(
        `Geen reeks voor ${indicator.id}, ${group}, ${area} (eenheid ${indicator.eenheid}); groepen met cijfers: ${listed(this.store.groupsOf(indicator.id))}.`,
        `No series for ${indicator.id}, ${group}, ${area} (unit ${indicator.eenheid}); groups with figures: ${listed(this.store.groupsOf(indicator.id), "en")}.`,
      );
    }
    return rows.map((o) => [o.periode, o.waarde]);
  }

  /** TOP: the n largest nationalities with their counts, largest first, `Overig` excluded. */
  top(n: number, period: string, areaName?: string): [string, number][] {
    const area = this.area(areaName);
    if (!Number.isInteger(n) || n < 1) {
      throw valueError(`Ongeldig aantal '${n}': geef een geheel getal vanaf 1.`, `Invalid number '${n}': give a whole number of at least 1.`);
    }
    const ranking = this.store.ranking(period, area);
    if (ranking.length === 0) this.missing("de nationaliteiten", period, this.store.rankingPeriods(area), "the nationalities");
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
    const name = this.store.source(sourceId)?.citeernaam ?? sourceId;
    if (peildatum) return `${name}, ${language === "nl" ? "peildatum" : "reference date"} ${formatDate(peildatum, language)}`;
    if (period) return `${name}, ${language === "nl" ? (period.includes("/") ? "studiejaar" : "periode") : period.includes("/") ? "study year" : "period"} ${period}`;
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
    return this.store.indicators.map((i) => [i.id, language === "nl" ? i.labelNl : i.labelEn, i.eenheid, this.store.periodsOfIndicator(i.id).join(", "), this.store.source(i.bron)?.citeernaam ?? i.bron]);
  }
}
