import { Edition } from "../data/descriptor";
import { formatDate } from "../data/format";
import { MonitorStore } from "../data/store";
import { Language } from "../data/types";
import { dataMakeup } from "../report/edition";
import { SHIPPED_ORIGIN } from "../sources/shipped-source";
import { Texts } from "./i18n";

/** Where the pane's figures came from, as it knows it. */
export interface EditionSources {
  /** The source last pulled, what it said of itself, and its kind ("cbs": figures beside an edition). */
  last: { edition: Edition; origin: string; kind: string };
  /** The edition the sheets are of (CBS figures beside it leave it), and where it came from; null when the pane does not know. */
  sheets: { edition: Edition; origin: string | null };
}

export interface EditionBox {
  title: string;
  facts: [string, string][];
}

/**
 * What the Edition box says the data is, from the data itself (see dataMakeup): without CBS
 * figures, the source last pulled (the edition the sheets are of, when that was CBS and its
 * rows are gone); with an edition's figures and CBS's, the edition, and the CBS figures that were
 * added (municipalities and years); with CBS figures only, those. A CBS pull is never named as
 * the edition: its title names only the municipalities of that one pull. Pure.
 */
export function editionBox(store: MonitorStore, sources: EditionSources, texts: Texts, language: Language): EditionBox {
  const makeup = dataMakeup(store);
  const dates = [...new Set(store.sources.map((s) => s.peildatum).filter(Boolean))].sort().reverse();
  const lastIsCbs = sources.last.kind === "cbs";
  const edition = lastIsCbs ? sources.sheets : sources.last;
  const cbsOrigin = lastIsCbs ? sources.last.origin : null;
  const shown = (origin: string) => (origin === SHIPPED_ORIGIN ? texts.shippedOrigin : origin);
  const day = (iso: string) => (iso ? formatDate(iso, language) : "–");
  const counts: [string, string][] = [
    [texts.figures, String(store.size)],
    [texts.indicators, String(store.indicators.length)],
    [texts.sources, store.sources.map((s) => s.id).join(", ")],
  ];
  if (makeup.cbs.length > 0 && !makeup.others) {
    return {
      title: texts.cbsTitle({ n: makeup.cbs.length }),
      facts: [[texts.dataFact, texts.cbsFigures({ municipalities: makeup.cbs, origin: cbsOrigin })], [texts.referenceDate, day(dates[0] ?? "")], ...counts],
    };
  }
  return {
    title: edition.edition.title || texts.edition,
    facts: [
      [texts.editionFact, edition.edition.title],
      ...(edition.edition.version ? [[texts.versionFact, edition.edition.version] as [string, string]] : []),
      ...(edition.origin ? [[texts.originFact, shown(edition.origin)] as [string, string]] : []),
      [texts.referenceDate, day(edition.edition.referenceDate || dates[0] || "")],
      ...(makeup.cbs.length > 0 ? [[texts.addedFact, texts.cbsFigures({ municipalities: makeup.cbs, origin: cbsOrigin })] as [string, string]] : []),
      ...counts,
    ],
  };
}
