import { INDICATOR_COLUMNS, OBSERVATION_COLUMNS, SOURCE_COLUMNS, tableCells } from "../data/columns";
import { compareInSlices, Comparison, Scope } from "../data/compare";
import type { LiveData } from "../data/live-data";
import { Pause, Slices } from "../data/slices";
import { hash53 } from "../data/hash";
import { lookupKey, PackageTables, TABLE_NAMES } from "../data/package";
import { DATA_SHEET_NAME } from "../report/plan";
import { MonitorPackage, Observation, Problem } from "../data/types";
import { Cancelled, isRefusal, refusal, WriteBatch } from "./batch";
import { NotesAddedMeanwhile } from "./notes-watch";
import { CommentTooLarge } from "./notes-comments-read";
import { CellsBesideDeletedRows, ChangedSinceComparison, DeleteRefused, EditedMeanwhile, GrowthRefused, TableFiltered } from "./table-refresh";
import { PutBackShort } from "./broken-references";
import { DataSheetOutcome, readKnownWorkbookData, readWorkbookData, WorkbookData, writeDataSheet } from "./data-sheet";
import { inspectWorkbook } from "./inspect";
import { Journal, LookLeft, UndoRefused } from "./undo";
import { CommentsRemade } from "./row-comments";
import { ChangedWhileWriting, WriteLooks } from "./write-looks";
import { isoToday } from "../data/dates";
import { cellRef } from "../report/a1";
import { queueFindMonitorPivot } from "./pivot";
import { AnyMessage, say } from "../text/message";
import { EXCEL, type TheirsKept } from "../text/excel";
import { LOAD } from "../text/load";

/** A package as the three tables' cells, the form the functions take it in. */
export function packageTables(pkg: MonitorPackage): PackageTables {
  return {
    observations: tableCells(OBSERVATION_COLUMNS, pkg.observations),
    indicators: tableCells(INDICATOR_COLUMNS, pkg.indicators),
    sources: tableCells(SOURCE_COLUMNS, pkg.sources),
  };
}

/** What a comparison amounts to, to check that the workbook did not change between preview and write. */
export function comparisonSignature(c: Comparison): string {
  const keys = (rows: Observation[]) => rows.map((o) => lookupKey(o)).join(";");
  return hash53([keys(c.added), keys(c.changed.map((d) => d.after)), keys(c.removed), keys(c.removedByYou.map((r) => r.row)), keys(c.kept.map((k) => k.row)), keys(c.outside), c.unchanged].join("#"));
}

export type PreviewResult = { ok: true; comparison: Comparison; signature: string } | { ok: false; problems: Problem[] };

export type LoadDataResult =
  | { ok: true; outcome: DataSheetOutcome; comparison: Comparison; tables: PackageTables }
  | { ok: false; problems: Problem[]; cancelled?: boolean };

export interface LoadOptions {
  /** Hashes of the rows the source delivered last time (see compare.ts). */
  previous: ReadonlySet<string>;
  /** Hashes of the rows other sources delivered (kept, and not counted as the analyst's). */
  others?: ReadonlySet<string>;
  /** Whose indicator definitions win: an edition's own, or (for CBS beside an edition) the workbook's. */
  definitions?: "source" | "workbook";
  /** Which rows the source delivered before it can have dropped: all, or those within the areas and years it delivers now (CBS). */
  scope?: Scope;
  /** The signature of the comparison the user confirmed: if the workbook changed since, nothing is written. */
  expected?: string;
  signal?: AbortSignal;
  onProgress?: (fraction: number, message: AnyMessage) => void;
  /** Bytes per sync; the default keeps under Excel on the web's 5 MB (tests pass less). */
  syncLimit?: number;
  /** The live data the pane follows the workbook's tables with: what it holds is not validated again. */
  known?: LiveData | null;
  /** Yields to Excel and the pane between slices of the comparison (the pane passes one). */
  pause?: Pause;
  /** Today's date (ISO), for the name of a sheet kept as the analyst's (tests fix it). */
  today?: () => string;
}

type CompareOptions = Pick<LoadOptions, "previous" | "others" | "definitions" | "scope" | "known" | "pause">;

async function compare(context: Excel.RequestContext, source: MonitorPackage, options: CompareOptions, progress: (fraction: number) => void) {
  const state = await inspectWorkbook(context, { marks: true, content: "data" });
  const slices = new Slices(options.pause);
  const between = () => slices.between();
  const found = await readKnownWorkbookData(state, source, options.known, between);
  if (found.kind === "invalid") return { state, found, comparison: null };
  const workbook = found.kind === "found" ? found.package : null;
  const comparison = await compareInSlices(source, workbook, { previous: options.previous, others: options.others, definitions: options.definitions, scope: options.scope, between, onProgress: progress });
  return { state, found, comparison };
}

/**
 * What pulling `source` would change in MonitorData, read without writing anything: the pane
 * shows it and asks the user to confirm.
 */
export async function previewLoad(context: Excel.RequestContext, source: MonitorPackage, options: CompareOptions & { onProgress?: (fraction: number) => void }): Promise<PreviewResult> {
  const { found, comparison } = await compare(context, source, options, options.onProgress ?? (() => undefined));
  if (found.kind === "invalid" || !comparison) return { ok: false, problems: found.kind === "invalid" ? found.problems : [] };
  return { ok: true, comparison, signature: comparisonSignature(comparison) };
}

/**
 * "Load data": writes the monitor tables with `source`, keeping the analyst's own rows and edits
 * (see compare.ts). A malformed table changes nothing and is reported with row and column. Writes
 * go in chunks of about 4 MB; a cancel between chunks puts the workbook back as it was.
 */
export async function loadData(context: Excel.RequestContext, source: MonitorPackage, options: LoadOptions): Promise<LoadDataResult> {
  const progress = options.onProgress ?? (() => undefined);
  progress(0.05, say(EXCEL.readingWorkbook));
  const { state, found, comparison } = await compare(context, source, options, (fraction) => progress(0.05 + 0.05 * fraction, say(EXCEL.readingWorkbook)));
  if (found.kind === "invalid" || !comparison) return { ok: false, problems: found.kind === "invalid" ? found.problems : [] };
  if (options.expected !== undefined && options.expected !== comparisonSignature(comparison)) {
    return { ok: false, problems: [{ table: TABLE_NAMES.observations, row: null, column: null, message: say(LOAD.changedSinceComparison) }] };
  }
  if (options.signal?.aborted) return { ok: false, problems: [], cancelled: true };
  const total = Math.max(1, comparison.result.observations.length * 200);
  // A first load's writes look first at the cells they cover, which must be empty, in the same
  // sync (write-looks.ts): what the analyst typed there meanwhile stops it after that sync. (A
  // refresh in place has looks of its own, table-refresh.ts.)
  const looks = new WriteLooks();
  const batch = new WriteBatch(context, {
    limit: options.syncLimit,
    signal: options.signal,
    onSync: (written) => {
      looks.check();
      progress(0.1 + 0.85 * Math.min(1, written / total), say(EXCEL.writingToExcel));
    },
  });
  context.application.suspendApiCalculationUntilNextSync();
  // A first load notes what it changes besides making its sheet, to put back on a cancel or a refusal.
  const journal = new Journal(new Set(state.sheets.map((s) => s.id)));
  const inPlace = Object.values(TABLE_NAMES).some((name) => state.tables.has(name.toLowerCase()));
  let outcome: DataSheetOutcome | null = null;
  let pivot: ReturnType<typeof queueFindMonitorPivot> | null = null;
  let pivotRefused: string | null = null;
  // Where putting tables back after a stop made threaded comments anew (table-refresh.ts): said with the stop.
  const remade: CommentsRemade[] = [];
  try {
    outcome = await writeDataSheet(batch, context, state, comparison.result, journal, looks, remade);
    pivot = queueFindMonitorPivot(context);
    await batch.flush(); // a first load's last writes, and the look-up of the PivotTable
  } catch (error) {
    // Tables refreshed in place are written once refreshTables returns: the last sync only looked the PivotTable up.
    if (inPlace && outcome && error instanceof Cancelled) {
      // A cancel that came with the last writing sync is too late: everything is written, and the pane says what the pull did, not "as it was".
      // The PivotTable's look-up, still queued, is sent so that it follows its table as after any pull.
      pivotRefused = await refusalOf(() => context.sync());
    } else if (!(inPlace && outcome && isRefusal(error))) {
      const before = new Set(state.sheets.map((s) => s.name.toLowerCase()));
      return stopped(context, error, { inPlace, journal, looks, progress, sheet: state.tables.get(TABLE_NAMES.observations.toLowerCase())?.sheetName, before, today: (options.today ?? isoToday)(), remade });
    } else pivotRefused = refusal(error);
  }
  // A PivotTable does not follow its table by itself; what was written stays if Excel refuses refreshing it.
  if (pivot && !pivotRefused) pivotRefused = await refusalOf(() => pivot.refresh());
  progress(1, say(EXCEL.done));
  return { ok: true, outcome: pivotRefused ? { ...outcome, pivotRefused } : outcome, comparison, tables: packageTables(comparison.result) };
}

/** Runs `step` (a sync, a PivotTable's refresh); the refusal's words when Excel refuses it, null when it went through. */
async function refusalOf(step: () => Promise<unknown>): Promise<string | null> {
  try {
    await step();
    return null;
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return refusal(error);
  }
}

/**
 * After a write stopped (a cancel, an edit meanwhile, a refusal by Excel): the result that says
 * so. Tables refreshed in place were put back by refreshTables before it rethrew; a first load is
 * put back here. When Excel refused putting it back as well, the result says what may be partly
 * written. Any other error (a bug) passes unchanged.
 */
async function stopped(
  context: Excel.RequestContext,
  error: unknown,
  at: { inPlace: boolean; journal: Journal; looks: WriteLooks; progress: (fraction: number, message: AnyMessage) => void; sheet?: string; before: ReadonlySet<string>; today: string; remade: readonly CommentsRemade[] },
): Promise<LoadDataResult> {
  if (at.inPlace) {
    // Put back all but some references into the rows it had deleted: why it stopped, then what is not as it was.
    const short = error instanceof PutBackShort ? error.short : null;
    if (error instanceof PutBackShort) error = error.stopped;
    const left: Problem[] = short ? [{ table: TABLE_NAMES.observations, row: null, column: null, message: say(LOAD.putBackShort, short) }] : [];
    if (error instanceof UndoRefused) return undoRefused(error.refused, at.sheet ?? DATA_SHEET_NAME, false);
    // Threaded comments the put-back made anew (a stop after deleting rows): said after what stopped the pull.
    // And notes and comments put back as read before the pull, where the look before their delete did not come back (notes-look.ts).
    const notesUnknown = at.remade.some((r) => r.unknown?.length);
    const named = (cells: readonly string[]) => ({ cells: cells.slice(0, CELLS_NAMED), more: Math.max(0, cells.length - CELLS_NAMED) });
    const comments: Problem[] = at.remade.flatMap(({ table, sheet, cells, unknown }) => [
      ...(cells.length ? [{ table, row: null, column: null, message: say(LOAD.commentsRemade, { table, sheet, ...named(cells), referencesShort: left.length > 0, notesUnknown }) }] : []),
      ...(unknown?.length ? [{ table, row: null, column: null, message: say(LOAD.notesNotKnown, { table, sheet, ...named(unknown) }) }] : []),
    ]);
    const notes = { commentsRemade: comments.length > 0, short: left.length > 0, notesUnknown };
    if (error instanceof Cancelled) return { ok: false, problems: [...comments, ...left], cancelled: true };
    // The table changed during the comparison: refreshTables wrote nothing.
    if (error instanceof ChangedSinceComparison) {
      return { ok: false, problems: [{ table: error.table, row: error.row, column: null, message: say(LOAD.changedSinceComparison) }] };
    }
    if (error instanceof CellsBesideDeletedRows) {
      const message = say(LOAD.cellsBesideDeletedRows, { table: error.table, sheet: error.sheet, rows: error.rows, cells: error.cells.slice(0, CELLS_NAMED), more: Math.max(0, error.cells.length - CELLS_NAMED) });
      return { ok: false, problems: [{ table: error.table, row: null, column: null, message }] };
    }
    // A comment too large to read before deleting rows (table-refresh.ts readBefore): nothing was written.
    if (error instanceof CommentTooLarge) {
      return { ok: false, problems: [{ table: TABLE_NAMES.observations, row: null, column: null, message: say(LOAD.commentTooLarge, { sheet: error.sheet, cell: error.cell }) }] };
    }
    if (error instanceof TableFiltered) {
      return { ok: false, problems: [{ table: error.table, row: null, column: null, message: say(LOAD.tableFiltered, { table: error.table }) }] };
    }
    if (error instanceof EditedMeanwhile) {
      return { ok: false, problems: [{ table: error.table, row: error.row, column: null, message: say(LOAD.editedMeanwhile, { table: error.table, row: error.row, ...notes }) }, ...comments, ...left] };
    }
    if (error instanceof NotesAddedMeanwhile) {
      const { table, sheet, expected, found } = error;
      const added = (a: number | null, b: number | null) => Math.max(0, (b ?? 0) - (a ?? 0));
      const message = say(LOAD.notesAddedMeanwhile, { table, sheet, notes: added(expected.notes, found.notes), comments: added(expected.comments, found.comments), ...notes });
      return { ok: false, problems: [{ table, row: null, column: null, message }, ...comments, ...left], ...(error.stopped instanceof Cancelled ? { cancelled: true } : {}) };
    }
    // Before any refusal: this one can say what under the table stopped it. Inserts come first, so nothing else was written.
    if (error instanceof GrowthRefused) {
      const message = say(LOAD.growthRefused, { table: error.table, sheet: error.sheet, rows: error.rows, refusal: refusal(error) });
      return { ok: false, problems: [{ table: error.table, row: null, column: null, message }, ...comments, ...left] };
    }
    // A refused delete, once put back: what under the tables can cause it, then what is not as it was.
    if (error instanceof DeleteRefused) {
      const message = say(LOAD.deleteRefused, { tables: error.tables, sheet: error.sheet, rows: error.rows, refusal: refusal(error), ...notes });
      return { ok: false, problems: [{ table: error.tables[0], row: null, column: null, message }, ...comments, ...left] };
    }
    if (isRefusal(error)) {
      const result = refused(error, notes);
      return result.ok ? result : { ...result, problems: [...result.problems, ...comments, ...left] };
    }
    throw error;
  }
  // A first load: what it wrote is removed again, after a cancel, a refusal or an edit meanwhile
  // alike; the analyst's cells written back as they typed them, on a sheet kept as theirs when
  // it was the one the load added (as Regenerate does, see Journal.undoKeepingTheirs).
  if (!(error instanceof Cancelled) && !(error instanceof ChangedWhileWriting) && !isRefusal(error)) throw error;
  if (error instanceof Cancelled) at.progress(0.5, say(LOAD.cancelling));
  let left: LookLeft[];
  let edited: Problem | null = null;
  try {
    if (error instanceof ChangedWhileWriting) {
      const first = error.cells[0];
      const undone = await at.journal.undoKeepingTheirs(context, error.cells, at.today, at.before);
      left = undone.left;
      edited = { table: TABLE_NAMES.observations, row: null, column: null, message: say(EXCEL.firstLoadEditedMeanwhile, { sheet: first.sheetName, cell: cellRef(first.row, first.column), kept: undone.kept }) };
    } else {
      // After a cancel, the undo's first sync sends the writes still queued with their looks: what those saw is the analyst's too.
      // A Data sheet it was making that holds cells of theirs is kept as theirs (named with them, Journal.theirsKept).
      ({ left } = await at.journal.undoKeepingTheirs(context, [], at.today, at.before, error instanceof Cancelled ? () => at.looks.changed() : undefined));
    }
  } catch (undoError) {
    return undoRefused(undoError, at.journal.sheetsWritten()[0] ?? DATA_SHEET_NAME, true);
  }
  // The analyst's cells the undo kept on a blank sheet (what they typed while it wrote), and where
  // the table style's look stayed (Convert to Range leaves it; the undo clears no formats): said, with the cells and ranges.
  const theirsKept = at.journal.theirsKept();
  const theirs: Problem[] = theirsKept.map((cells) => ({ table: TABLE_NAMES.observations, row: null, column: null, message: say(EXCEL.theirsKept, cells) }));
  const looks: Problem[] = left.map((look) => ({ table: TABLE_NAMES.observations, row: null, column: null, message: say(EXCEL.lookLeft, look) }));
  const kept = [...theirs, ...looks];
  if (edited) return { ok: false, problems: [edited, ...kept] };
  if (error instanceof Cancelled) return { ok: false, problems: kept, cancelled: true };
  if (!isRefusal(error)) throw error; // (a refusal is all that is left)
  const result = refused(error, { lookLeft: looks.length > 0, theirsKept });
  return result.ok ? result : { ...result, problems: [...result.problems, ...kept] };
}

/** How many areas beside a table the pane names before it counts the rest. */
const CELLS_NAMED = 5;

function undoRefused(error: unknown, sheet: string, first: boolean): LoadDataResult {
  if (!isRefusal(error)) throw error;
  const message = say(LOAD.undoRefused, { refusal: refusal(error), sheet, first });
  return { ok: false, problems: [{ table: TABLE_NAMES.observations, row: null, column: null, message }] };
}

/** `lookLeft`, `theirsKept`, `commentsRemade`, `short`: what the undo did not put back follows (excel.lookLeft, excel.theirsKept, load.commentsRemade, load.putBackShort). */
function refused(error: Error & { code: string }, left: { lookLeft?: boolean; theirsKept?: readonly TheirsKept[]; commentsRemade?: boolean; short?: boolean } = {}): LoadDataResult {
  const message = say(LOAD.excelRefused, { refusal: refusal(error), ...left });
  return { ok: false, problems: [{ table: TABLE_NAMES.observations, row: null, column: null, message }] };
}

/**
 * The workbook's own figures, read without writing anything: what the functions should use when
 * a workbook with MonitorData is opened or its tables are edited.
 */
export async function readWorkbookFigures(context: Excel.RequestContext, edition: MonitorPackage): Promise<WorkbookData> {
  const state = await inspectWorkbook(context, { marks: false, content: false });
  return readWorkbookData(state, edition);
}

/**
 * After a write with Excel's calculation suspended, "it is the developer's responsibility to
 * re-calc the workbook" (ExcelApi reference, suspendApiCalculationUntilNextSync): the cells that
 * depend on what was written. "Recalculate" only "recalculates all cells that Excel has marked
 * as dirty" (Excel.CalculationType); whether cells written while calculation was suspended are
 * marked is not documented. The safe reading: they may not be, so "Full", which "will mark all
 * cells as dirty and then recalculate them". Its cost is one recalculation of every formula in
 * the open workbooks, once per load or Regenerate, not per row; "FullRebuild" is not needed, as
 * Excel keeps its dependency tree while calculation is suspended (office-js-docs-pr #1777).
 * MONITOR formulas need none of it: they are streaming functions that the add-in answers again
 * itself (src/functions/live.ts).
 */
export async function recalculate(context: Excel.RequestContext): Promise<void> {
  context.workbook.application.calculate("Full");
  await context.sync();
}
