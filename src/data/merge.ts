import { observationKey } from "./package";
import { Indicator, MonitorPackage, Observation, Source } from "./types";

export interface Difference {
  key: string;
  shipped: Observation | null;
  workbook: Observation;
}

export interface MergeResult {
  merged: MonitorPackage;
  /** Figures the analyst added (keys the edition does not have). */
  added: Difference[];
  /** Figures the analyst changed (same key, another value, source, note, …). */
  changed: Difference[];
  /** Figures of the edition missing from the workbook, put back. */
  restored: Observation[];
}

const sameFigure = (a: Observation, b: Observation) =>
  a.waarde === b.waarde && a.bron === b.bron && a.peildatum === b.peildatum && a.status === b.status && a.pagina === b.pagina && a.toelichting === b.toelichting && a.onderwerp === b.onderwerp;

function mergeById<T extends { id: string }>(shipped: readonly T[], workbook: readonly T[]): T[] {
  const own = new Map(workbook.map((r) => [r.id, r]));
  return [...shipped.map((r) => own.get(r.id) ?? r), ...workbook.filter((r) => !shipped.some((s) => s.id === r.id))];
}

/**
 * Refreshing the workbook's tables from the shipped edition keeps what the analyst did: a row
 * with the key of a shipped figure keeps the analyst's version, new keys stay, and shipped
 * figures missing from the workbook come back. Order: the edition's, then the analyst's rows.
 */
export function mergeWithEdition(shipped: MonitorPackage, workbook: MonitorPackage): MergeResult {
  const ownByKey = new Map(workbook.observations.map((o) => [observationKey(o), o]));
  const shippedKeys = new Set(shipped.observations.map(observationKey));
  const changed: Difference[] = [];
  const restored: Observation[] = [];
  const observations = shipped.observations.map((o) => {
    const key = observationKey(o);
    const own = ownByKey.get(key);
    if (!own) {
      restored.push(o);
      return o;
    }
    if (!sameFigure(o, own)) changed.push({ key, shipped: o, workbook: own });
    return own;
  });
  const added = workbook.observations.filter((o) => !shippedKeys.has(observationKey(o))).map((o) => ({ key: observationKey(o), shipped: null, workbook: o }));
  return {
    merged: {
      observations: [...observations, ...added.map((a) => a.workbook)],
      indicators: mergeById<Indicator>(shipped.indicators, workbook.indicators),
      sources: mergeById<Source>(shipped.sources, workbook.sources),
    },
    added,
    changed,
    restored,
  };
}
