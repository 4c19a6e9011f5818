import { Edition } from "../data/descriptor";
import { ROWS_PER_STEP, runSteps, Steps } from "../data/slices";
import { MonitorStore } from "../data/store";
import { Observation } from "../data/types";

/**
 * What a workbook says of its edition: title, version and reference date as `datapackage.json`
 * gives them, the year they stand for, and the report that figures with a page number are on.
 * Nothing of it is fixed in code: a 2023 edition is the 2023 edition everywhere.
 */
export interface EditionFacts {
  name: string;
  title: string;
  version: string;
  referenceDate: string;
  /** The edition's year: that of its reference date, else the latest year among its figures. */
  year: string | null;
  /**
   * The report the figures' page numbers refer to: the title after "Monitor Internationalisering:"
   * (the convention of the monitor's packages), else the whole title; null without a title.
   */
  report: string | null;
}

/** The prefix the monitor's packages put before the report's own title. */
const SERIES_PREFIX = /^\s*monitor internationalisering\s*:\s*/i;

/** The latest calendar year any figure refers to (the last year of a span or study year); as steps of rows. */
function* latestYear(store: MonitorStore): Steps<string | null> {
  let latest: string | null = null;
  const figures = store.observations;
  for (let from = 0; from < figures.length; from += ROWS_PER_STEP) {
    for (let i = from; i < Math.min(figures.length, from + ROWS_PER_STEP); i++) {
      const years = figures[i].periode.match(/\d{4}/g) ?? [];
      const last = years[years.length - 1];
      if (last && (latest === null || last > latest)) latest = last;
    }
    yield;
  }
  return latest;
}

export function editionFacts(edition: Edition | undefined, store: MonitorStore): EditionFacts {
  return runSteps(editionFactsInSteps(edition, store));
}

/** editionFacts as steps (the year from the figures is a pass over all of them). */
export function* editionFactsInSteps(edition: Edition | undefined, store: MonitorStore): Steps<EditionFacts> {
  const title = edition?.title.trim() ?? "";
  const referenceDate = edition?.referenceDate ?? "";
  const report = title.replace(SERIES_PREFIX, "").trim();
  return {
    name: edition?.name ?? "",
    title,
    version: edition?.version ?? "",
    referenceDate,
    year: /^\d{4}/.test(referenceDate) ? referenceDate.slice(0, 4) : yield* latestYear(store),
    report: report || null,
  };
}

/** A municipality whose figures were pulled from CBS StatLine, and the years of its counts, in order. */
export interface PulledMunicipality {
  name: string;
  years: string[];
}

/**
 * What the data is made of: whether it holds figures besides those pulled from CBS (an edition's,
 * or rows of the analyst's own), and the municipalities pulled from CBS, by name.
 */
export interface DataMakeup {
  others: boolean;
  cbs: PulledMunicipality[];
}

/**
 * A figure a CBS pull wrote: CBS's, without a page number (the pull gives none; a CBS figure an
 * edition quotes, Nederland's share in the 2022 report, has its page there).
 */
export const pulledFromCbs = (o: Observation): boolean => o.bron === "CBS" && o.pagina === null;

/**
 * Which municipalities the data has CBS's counts of inhabitants for (what a pull always brings;
 * Nederland, which every pull brings beside them, is no municipality), with their years, and
 * whether anything else is there. Pure.
 */
export function dataMakeup(store: MonitorStore): DataMakeup {
  const years = new Map<string, Set<string>>();
  for (const o of store.figuresOf("inwoners")) {
    if (o.indicator !== "inwoners" || o.gebied === "Nederland" || !/^\d{4}$/.test(o.periode) || !pulledFromCbs(o)) continue;
    const held = years.get(o.gebied) ?? new Set<string>();
    held.add(o.periode);
    years.set(o.gebied, held);
  }
  return {
    others: store.observations.some((o) => !pulledFromCbs(o)),
    cbs: [...years]
      .sort(([a], [b]) => a.localeCompare(b, "nl"))
      .map(([name, held]) => ({ name, years: [...held].sort() })),
  };
}

/**
 * The file name a workbook is saved under: the municipalities it is the monitor of and its year,
 * `leiden-monitor-2022.xlsx`, `delft-monitor-2024.xlsx`; `monitor.xlsx` when it holds neither.
 */
export function workbookFileName(places: readonly string[], year: string | null): string {
  const slug = places
    .join("-")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${[slug, "monitor", year].filter(Boolean).join("-")}.xlsx`;
}
