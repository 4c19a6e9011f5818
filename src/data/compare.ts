import { withDerivedColumns } from "./derived";
import { hash53 } from "./hash";
import { lookupKey } from "./package";
import { inScope, scopeOf } from "./pull-scope";
import { ROWS_PER_STEP, runSteps, runStepsInSlices } from "./slices";
import { Indicator, MonitorPackage, Observation, Source } from "./types";

/**
 * What pulling a data package into a workbook changes in MonitorData, decided before anything
 * is written. Rows are matched by their key (as look-ups compare it). Whether a row of the
 * workbook is the source's or the analyst's is told by the snapshot: the hashes of the rows as
 * the source last delivered them (kept with the workbook). A row still equal to what the source
 * delivered follows the source; any other row is the analyst's and is kept as it is.
 */
export interface Change {
  key: string;
  before: Observation;
  after: Observation;
}

export interface Comparison {
  /** Rows of the source the workbook does not have yet. */
  added: Observation[];
  /** Rows of the source whose figure or note the source changed: old → new. */
  changed: Change[];
  /**
   * Rows the source delivered before that the analyst deleted from MonitorData (the workbook
   * lacks the key the snapshot names): a deletion is the analyst's edit, so they stay deleted and
   * are not written back. `row` is what the source delivers now; `newFigure` is true when that
   * differs from what it delivered before (a correction of a row they removed: its figure, or its
   * note, date or page; the snapshot holds hashes only), so the pane can say the source changed it.
   */
  removedByYou: { row: Observation; newFigure: boolean }[];
  /** Rows the source delivered before and no longer has. */
  removed: Observation[];
  /**
   * Rows kept as they are: the analyst's own (added or edited), or another source's (`other`);
   * `source` is this source's row for that key, if it has one (a figure it does not overwrite).
   */
  kept: { row: Observation; source: Observation | null; other: boolean }[];
  /**
   * The analyst's own rows and edits that lie outside the areas and years of a pull with scope
   * "pulled" (Delft's edited row when Utrecht is pulled): this pull says nothing about them, so
   * they are neither compared with it nor counted as kept from it; they stay as they are.
   */
  outside: Observation[];
  /** Rows identical in the workbook and the source. */
  unchanged: number;
  /** Rows of other sources (another pull into the same workbook) this source does not touch. */
  others: number;
  /** MonitorData after the pull: the source's rows in its order (the analyst's version where they have one), then the analyst's own rows. */
  result: MonitorPackage;
  /**
   * The hashes of the source's rows, to keep with the workbook for the next comparison; for a
   * pull with scope "pulled", also what the previous snapshot held that this pull does not
   * decide on (the other areas' rows, the ones the analyst deleted among them; see carriedOver).
   */
  snapshot: string[];
}

/**
 * A row's content as one hash: key and every column, so that any edit changes it. Jaar,
 * Bovengroep and Gebiedscode count only where they differ from what derived.ts gives: snapshots
 * kept with workbooks from before those columns still match, and an analyst's edit of them is
 * still an edit.
 */
export function rowHash(o: Observation, key = lookupKey(o)): string {
  const derived = withDerivedColumns({ ...o, jaar: null, bovengroep: "", gebiedscode: "" });
  const own = derived.jaar === o.jaar && derived.bovengroep === o.bovengroep && derived.gebiedscode === o.gebiedscode ? [] : [o.jaar, o.bovengroep, o.gebiedscode];
  return hash53(JSON.stringify([key, o.onderwerp, o.waarde, o.bron, o.peildatum, o.status, o.pagina, o.toelichting, ...own]));
}

/**
 * What the snapshot keeps of a row's key alone, beside its row hash: with it, a row the analyst
 * deleted is told apart from a row the source never delivered even when the source's figure for
 * it changed since (the row hash no longer matches anything). Hashed from a one-element array,
 * so it never equals a row hash (those hash eight or more), save by a 53-bit collision.
 */
export const keyHash = (key: string): string => hash53(JSON.stringify([key]));

/** The snapshot of a package as delivered: its rows' hashes, then their keys' (see keyHash). */
export const snapshotOf = (pkg: MonitorPackage): string[] => {
  const keys = pkg.observations.map((o) => lookupKey(o));
  return [...pkg.observations.map((o, i) => rowHash(o, keys[i])), ...keys.map(keyHash)];
};

/** Indicators or sources: the first list's, then the other's ids it does not have. */
function byId<T extends { id: string }>(first: readonly T[], second: readonly T[]): T[] {
  const ids = new Set(first.map((r) => r.id));
  return [...first, ...second.filter((r) => !ids.has(r.id))];
}

/**
 * Compares a source's package with the workbook's tables (null: the workbook has none yet).
 * `previous`: the snapshot of the source's rows as last pulled into this workbook; for a
 * workbook without one, the caller passes the snapshot of the edition it was loaded from.
 */
export function compareWithWorkbook(
  source: MonitorPackage,
  workbook: MonitorPackage | null,
  previous: ReadonlySet<string>,
  others: ReadonlySet<string> = new Set(),
  /** "workbook": a source beside the edition (CBS) adds indicators but leaves the edition's definitions. */
  definitions: "source" | "workbook" = "source",
  scope: Scope = "everything",
): Comparison {
  return runSteps(comparing(source, workbook, previous, others, definitions, scope));
}

/**
 * The same comparison in slices: `between` runs after every few hundred rows (the pane passes a
 * pause that yields to Excel once a slice has used its time), `onProgress` hears the fraction
 * done. It reads the packages and builds a result of its own: nothing the functions read changes
 * while it runs, so they answer from the data they had.
 */
export async function compareInSlices(
  source: MonitorPackage,
  workbook: MonitorPackage | null,
  options: { previous: ReadonlySet<string>; others?: ReadonlySet<string>; definitions?: "source" | "workbook"; scope?: Scope; between: () => Promise<void>; onProgress?: (fraction: number) => void },
): Promise<Comparison> {
  const steps = comparing(source, workbook, options.previous, options.others ?? new Set(), options.definitions ?? "source", options.scope ?? "everything");
  return runStepsInSlices(steps, options.between, options.onProgress);
}

/**
 * Which of the rows the source delivered before it can have dropped: "everything" (an edition
 * replaces the one before it), or only those within the areas and years it delivers now
 * ("pulled": CBS pulls of several municipalities sit beside one another; see pull-scope.ts).
 */
export type Scope = "everything" | "pulled";

/**
 * What a pull's figures were to MonitorData, from its comparison: new, there already (of which
 * the source changed `changed`; the others equal, or the analyst's version kept), and rows the
 * analyst deleted that stay deleted. Each figure of the source is exactly one of these, so they
 * add up to the figures pulled; beside "MonitorData now holds 266" they say why the table grew
 * by fewer rows than were pulled.
 */
export interface PulledParts {
  added: number;
  already: number;
  changed: number;
  stayDeleted: number;
}

export function pulledParts(comparison: Pick<Comparison, "added" | "changed" | "unchanged" | "kept" | "removedByYou">): PulledParts {
  const keptOfSource = comparison.kept.filter((k) => k.source !== null).length;
  return { added: comparison.added.length, already: comparison.unchanged + keptOfSource + comparison.changed.length, changed: comparison.changed.length, stayDeleted: comparison.removedByYou.length };
}

/** The comparison as steps: it yields the fraction done every ROWS_PER_STEP rows of either package, and returns the comparison. */
function* comparing(
  source: MonitorPackage,
  workbook: MonitorPackage | null,
  previous: ReadonlySet<string>,
  others: ReadonlySet<string>,
  definitions: "source" | "workbook",
  scope: Scope,
): Generator<number, Comparison> {
  const total = Math.max(1, 2 * source.observations.length + 2 * (workbook?.observations.length ?? 0) + (scope === "pulled" ? previous.size : 0));
  let done = 0;
  const step = () => ++done % ROWS_PER_STEP === 0;
  // Each row's key and hash once: the look-up key is the costly part of both.
  const sourceKeys: string[] = [];
  const snapshot: string[] = [];
  const keyHashes: string[] = []; // after the row hashes (see snapshotOf)
  const inSource = new Set<string>(); // made as the keys come: 100,000 keys at once would be a long slice
  for (const o of source.observations) {
    const key = lookupKey(o);
    sourceKeys.push(key);
    inSource.add(key);
    snapshot.push(rowHash(o, key));
    keyHashes.push(keyHash(key));
    if (step()) yield done / total;
  }
  if (!workbook) return { added: [...source.observations], changed: [], removedByYou: [], removed: [], kept: [], outside: [], unchanged: 0, others: 0, result: source, snapshot: [...snapshot, ...keyHashes] };
  const workbookByKey = new Map<string, { row: Observation; hash: string; fromSource: boolean; other: boolean }>();
  for (const row of workbook.observations) {
    const key = lookupKey(row);
    const hash = rowHash(row, key);
    workbookByKey.set(key, { row, hash, fromSource: previous.has(hash), other: !previous.has(hash) && others.has(hash) });
    if (step()) yield done / total;
  }

  const comparison: Omit<Comparison, "result" | "snapshot"> = { added: [], changed: [], removedByYou: [], removed: [], kept: [], outside: [], unchanged: 0, others: 0 };
  const rows: Observation[] = [];
  const pulled = scope === "pulled" ? scopeOf(source.observations) : null;
  // What of the previous snapshot this pull decides on (scope "pulled" only; see carriedOver).
  const settled = new Set<string>();
  for (let i = 0; i < source.observations.length; i++) {
    const incoming = source.observations[i];
    const key = sourceKeys[i];
    const current = workbookByKey.get(key);
    // The row as the source delivered it before is replaced by what it delivers now.
    if (current && pulled) settled.add(current.hash);
    if (!current && (previous.has(snapshot[i]) || previous.has(keyHashes[i]))) {
      // The source delivered a row under this key before and the workbook lacks it: the analyst deleted it.
      comparison.removedByYou.push({ row: incoming, newFigure: !previous.has(snapshot[i]) });
    } else if (!current) {
      comparison.added.push(incoming);
      rows.push(incoming);
    } else if (current.hash === snapshot[i]) {
      // Equal to what the source delivers now (the analyst may have typed the same correction).
      comparison.unchanged++;
      rows.push(incoming);
    } else if (!current.fromSource) {
      comparison.kept.push({ row: current.row, source: incoming, other: current.other });
      rows.push(current.row);
    } else {
      comparison.changed.push({ key, before: current.row, after: incoming });
      rows.push(incoming);
    }
    if (step()) yield done / total;
  }
  for (const [key, current] of workbookByKey) {
    if (step()) yield done / total;
    if (inSource.has(key)) continue;
    const outside = pulled !== null && !inScope(pulled, current.row);
    if (current.fromSource && outside) {
      // An earlier pull's row outside what this one asked for: kept, and still the source's.
      comparison.others++;
      rows.push(current.row);
      snapshot.push(current.hash);
      keyHashes.push(keyHash(key));
      settled.add(current.hash).add(keyHash(key));
    } else if (current.fromSource) {
      comparison.removed.push(current.row);
      // No longer delivered and deleted now: forgotten, so that a later delivery of it is new.
      settled.add(current.hash).add(keyHash(key));
    } else if (current.other) {
      comparison.others++;
      rows.push(current.row);
    } else if (outside) {
      comparison.outside.push(current.row);
      rows.push(current.row);
    } else {
      comparison.kept.push({ row: current.row, source: null, other: false });
      rows.push(current.row);
    }
  }
  const carried = pulled === null ? [] : yield* carriedOver(previous, settled, [...snapshot, ...keyHashes], step, () => done / total);
  return {
    ...comparison,
    result: {
      observations: rows,
      indicators: definitions === "source" ? byId<Indicator>(source.indicators, workbook.indicators) : byId<Indicator>(workbook.indicators, source.indicators),
      sources: byId<Source>(source.sources, workbook.sources),
    },
    snapshot: [...snapshot, ...keyHashes, ...carried],
  };
}

/**
 * What a pull with scope "pulled" keeps of the previous snapshot besides the rows it delivers
 * and the earlier pulls' rows still in the workbook: every hash it does not decide on. Above
 * all the rows the analyst deleted from an earlier pull of other areas (Delft's, when Utrecht
 * is pulled; review R13): the workbook no longer has them, so only the snapshot remembers that
 * the source delivered them, and a pull of Utrecht must not forget it, or pulling Delft again
 * would add them back. The snapshot holds hashes only, so which areas a hash is of cannot be
 * told: a hash this pull did not settle (the source's rows now, the rows it replaces, the rows
 * it removes) is kept. What that keeps beyond those deletions is small and safe: the old hash
 * of a row the analyst edited or deleted, which only ever makes that same content the source's.
 */
function* carriedOver(previous: ReadonlySet<string>, settled: Set<string>, written: readonly string[], step: () => boolean, fraction: () => number): Generator<number, string[]> {
  for (const hash of written) settled.add(hash);
  const kept: string[] = [];
  for (const hash of previous) {
    if (!settled.has(hash)) kept.push(hash);
    if (step()) yield fraction();
  }
  return kept;
}

/** True when nothing would change. */
export const nothingChanges = (c: Comparison) => c.added.length === 0 && c.changed.length === 0 && c.removed.length === 0;
