import { isoToday } from "../data/dates";
import { valueError } from "../data/errors";
import { Edition } from "../data/descriptor";
import { Language, MonitorPackage, Problem } from "../data/types";
import { contentToSealInSteps, extrasToSealInSteps } from "../report/extras-seal";
import { extrasPrintInSteps, fingerprintInSteps, layoutPrint, SheetContent, SheetExtras } from "../report/fingerprint";
import { sealBuiltNewInSteps } from "../report/new-sheet-seal";
import { DATA_SHEET_KEY, regenerationPlanInSteps } from "../report/plan";
import { PIVOT_SHEET_KEY } from "../report/pivot-plan";
import { AREA_KEY_PREFIX, COMPARISON_KEY, comparisonStillHeld } from "../report/area-sheets";
import { backupSheetName, freeSheetName } from "../report/sheet-names";
import { SheetPlan } from "../report/types";
import { cellRef, tableRef } from "../report/a1";
import { isRefusal, ReadBatch, refusal, WriteBatch } from "./batch";
import { DataSheetOutcome, readKnownWorkbookData, WorkbookData, writeDataSheet } from "./data-sheet";
import type { LiveData } from "../data/live-data";
import { runStepsInSlices, Slices, Steps } from "../data/slices";
import { AREA, inspectWorkbook, queueReadFormulas, SheetState } from "./inspect";
import { queueRemoveMark, queueWriteMark } from "./marks";
import { decideOwnership, Ownership, printsInSlices } from "./ownership";
import { Referenced, sheetsReferenced } from "./references-scan";
import { readExtras } from "./sheet-extras";
import { Journal, LookLeft, Renamed } from "./undo";
import { HeldFormat, heldFormats, updateIndicatorSheet, writeIndicatorSheet, writtenFormats } from "./write";
import { BLANK, ChangedWhileWriting, expectedArea, inspectedCells, Watch, WriteLooks } from "./write-looks";
import { EXCEL, KeptReason } from "../text/excel";
import { AnyMessage, say } from "../text/message";
import type { Reference } from "../text/references";

export interface SheetOutcome {
  key: string;
  /** The sheet's name, or null when it was skipped. */
  name: string | null;
  /** "updated": brought up to date in place, values only (same layout: every figure in its cell). */
  status: "created" | "replaced" | "updated" | "skipped";
  tables: number;
  charts: number;
  /** What the user should know: a clash with their sheet or table, and what was done about it; as messages, in the order they happened. */
  notes: AnyMessage[];
}

/** A sheet that holds what the user made, kept (never deleted) and no longer the add-in's. */
export interface KeptSheet {
  key: string;
  /** Its name now. */
  name: string;
  /** Its name before Regenerate (differs when it was renamed to make room). */
  was: string;
  /**
   * edited: holds something of the user's; copy: a second sheet with the mark; referenced: the
   * user's formulas, rules, charts or PivotTables point into it and a new layout would move its
   * figures, or a defined name points into it (`by` says which); unproven: written
   * without Excel (or by an older version), so its formats cannot be checked, and its layout changes;
   * unseen: this Excel cannot report some of what a user may add (`unseen` says what), and its layout changes.
   */
  why: KeptWhy;
  /** For "unseen": what this Excel cannot report ("notes", "chart colours", "chart points", "chart data tables"). */
  unseen?: string[];
  /** For "referenced": what points into it (or what could not be checked), and whether the new layout would move its figures. */
  by?: Reference[];
  moves?: boolean;
  /** The data has no figures for it any more (no plan has its key): kept instead of removed. */
  withdrawn?: boolean;
}

/** A sheet of the add-in whose figures left the data (no plan has its key), exactly as written and unreferenced: deleted. */
export interface RemovedSheet {
  key: string;
  name: string;
}

export type KeptWhy = KeptReason;

export type RegenerateResult =
  | { ok: true; sheets: SheetOutcome[]; kept: KeptSheet[]; removed: RemovedSheet[]; data: DataSheetOutcome | null; figures: number }
  | { ok: false; problems: Problem[] };

export interface RegenerateOptions {
  edition: MonitorPackage;
  /** What datapackage.json said of the edition the workbook holds: its title and year on the sheets. */
  about?: Edition;
  language: Language;
  /** Called as the work goes on: 0..1 and the step, as a message the pane shows in its language. */
  onProgress?: (fraction: number, message: AnyMessage) => void;
  /** Lets the pane repaint between sheets; never a sync, never dependent on the pane being visible. */
  yieldToUi?: () => Promise<void>;
  /** Today as YYYY-MM-DD, for the names of kept versions (injected by tests). */
  today?: () => string;
  /**
   * The live data the pane follows the workbook's tables with: when the cells read now are the
   * ones it holds, its figures are used and nothing is validated again (see readKnownWorkbookData).
   */
  known?: LiveData | null;
  /** Bytes per sync; the default keeps under Excel on the web's 5 MB. */
  syncLimit?: number;
  /** A municipality whose population sheets to build besides the report's (none by default). */
  area?: string;
}


/**
 * A slice of Regenerate's work, in ms of the clock: less than the 30 of other sliced work,
 * because a slice ends only after the step that used up its time, and the young generation's
 * collection its allocations set off often falls at its end (measured on the fake, where the
 * workbook's model fills the heap: 5-20 ms at 10,000 rows, up to 25 at 100,000). With 30 the
 * longest slice was 36-47 ms of the thread's CPU; with 20, 27-29 ms at 10,000 rows and 37-41 ms
 * at 100,000 (a script like the bench's edit section, load average 5-9).
 */
export const REGENERATE_SLICE_MS = 20;

interface Written {
  plan: SheetPlan;
  sheet: Excel.Worksheet;
  name: string;
  tables: { name: string; address: string }[];
}

type Rebuild = Extract<Ownership, { kind: "rebuild" }>;

/**
 * Rebuilds every indicator sheet from the workbook's MonitorData (the edition's data when the
 * workbook has none yet, which is then loaded too). A sheet is rewritten only when it is the
 * add-in's own and holds exactly what the add-in wrote: in place, values only, with the same
 * layout; with a new one, built beside it, which then takes its place (the only sheets ever
 * deleted are such old ones, and those of the add-in whose figures left the data). A sheet with anything the user made is kept under a dated name,
 * a user's copy is left where it is, and both lose the add-in's mark so they are the user's from
 * now on. A user's sheet or table with a clashing name is left alone. When Excel refuses a sync
 * before the new sheets took their places, everything is put back as it was (see Journal); when
 * it refuses that too, or refuses the swap itself, the pane says exactly where the workbook stands.
 * Syncs: a few to read (see inspectWorkbook), the writes in chunks of about 4 MB, a few to read
 * back what was written, one for the marks, and (when a layout changed) one for the swap.
 */
export async function regenerate(context: Excel.RequestContext, options: RegenerateOptions): Promise<RegenerateResult> {
  const { edition, language } = options;
  const progress = options.onProgress ?? (() => undefined);
  progress(0.05, say(EXCEL.readingWorkbook));
  // The slices' clock starts before the reading, so that what the reading does after its last
  // sync (the rows taken from Excel's answer, the sheets' state put together: 8-12 ms at 10,000
  // rows) counts in the first slice; started after it, that slice was the reading's tail and a
  // whole budget more (the bench's longest, 53 ms of the thread's CPU at 10,000 rows).
  const slices = new Slices(options.yieldToUi, REGENERATE_SLICE_MS);
  const state = await inspectWorkbook(context, { marks: true, content: true });
  const found = await readKnownWorkbookData(state, edition, options.known, () => slices.between());
  if (found.kind === "invalid") return { ok: false, problems: found.problems };
  const pkg = found.kind === "found" ? found.package : edition;
  // Built in slices too: at 100,000 rows the plan took about 1.3 s of the thread in one piece.
  const { sheets: plans, heldAreaKeys } = await runStepsInSlices(regenerationPlanInSteps(pkg, language, options.area && options.area !== "Leiden" ? [options.area] : [], options.about), () => slices.between());

  const written: Written[] = [];
  const journal = new Journal(new Set(state.sheets.map((s) => s.id)));
  try {
    return await build(context, options, { state, found, plans, heldAreaKeys, pkg, progress, written, journal, slices });
  } catch (error) {
    if (error instanceof ChangedWhileWriting) throw await editedMeanwhile(context, error, journal, state, (options.today ?? isoToday)());
    if (!isRefusal(error)) throw error;
    // Refused before the new sheets took the old ones' places: everything is put back, but for
    // a Data sheet it was making on which the analyst typed, or added a note, meanwhile: kept as
    // theirs and named, as a pull's first load does (Journal.undoKeepingTheirs). Review of
    // 7da5547: journal.undo deleted it with their figure, and the pane said nothing changed.
    const before = new Set(state.sheets.map((s) => s.name.toLowerCase()));
    const why = refusal(error);
    let left: LookLeft[];
    try {
      ({ left } = await journal.undoKeepingTheirs(context, [], (options.today ?? isoToday)(), before));
    } catch {
      throw valueError(say(EXCEL.regenerateUndoRefused, { refusal: why, ...(await journal.aftermath(context)) }));
    }
    throw valueError(say(EXCEL.regenerateUndone, { refusal: why, left, theirs: journal.theirsKept() }));
  }
}

/**
 * The analyst changed a cell while Regenerate wrote (a look just before the write over it saw
 * another value than Regenerate had inspected, see write-looks.ts): everything is put back by
 * the journal, and their cells as the look saw them, so their change stays; a sheet Regenerate
 * was building new that holds such a cell is kept as theirs under a dated name. The error to
 * throw says which sheet and cell (the first seen), and what was kept; or, when Excel refuses
 * putting the workbook back, where it stands.
 */
async function editedMeanwhile(context: Excel.RequestContext, error: ChangedWhileWriting, journal: Journal, state: Inspected["state"], today: string): Promise<Error> {
  const first = error.cells[0];
  const edited = { sheet: first.sheetName, cell: cellRef(first.row, first.column) };
  const before = new Set(state.sheets.map((s) => s.name.toLowerCase()));
  let kept: Renamed[];
  let left: LookLeft[];
  try {
    ({ kept, left } = await journal.undoKeepingTheirs(context, error.cells, today, before));
  } catch (refused) {
    if (!isRefusal(refused)) throw refused;
    return valueError(say(EXCEL.regenerateUndoRefused, { refusal: refusal(refused), edited, ...(await journal.aftermath(context)) }));
  }
  return valueError(say(EXCEL.regenerateEditedMeanwhile, { ...edited, kept, left }));
}

/**
 * What the pane says when Excel refuses the last step, the old sheets of a new layout making way
 * (deleted) for the new ones, which were written, read back and marked already: which of the old
 * sheets are still there (read in a sync of loads only; when Excel refuses that too, all may
 * be). They are exactly as the add-in wrote them, nothing of the user's.
 */
async function swapRefused(context: Excel.RequestContext, error: Error & { code: string }, swaps: Swap[]): Promise<Error> {
  let leftovers = swaps;
  let certain = true;
  try {
    const sheets = context.workbook.worksheets.load("items/id");
    await context.sync();
    const ids = new Set(sheets.items.map((s) => s.id));
    leftovers = swaps.filter((swap) => ids.has(swap.old.id));
  } catch {
    certain = false;
  }
  return valueError(say(EXCEL.regenerateSwapRefused, { refusal: refusal(error), leftovers: leftovers.map((l) => ({ name: l.aside, was: l.old.name })), certain }));
}

interface Swap {
  old: SheetState;
  /** The old sheet's name while the new one is built. */
  aside: string;
  /** The new sheet; null for a sheet whose figures left the data, which only makes way. */
  sheet: Excel.Worksheet | null;
  position: number;
}

interface Inspected {
  state: Awaited<ReturnType<typeof inspectWorkbook>>;
  found: WorkbookData;
  plans: SheetPlan[];
  /** The municipality sheets the data still holds figures for, built now or not (see heldAreaKeysInSteps). */
  heldAreaKeys: ReadonlySet<string>;
  pkg: MonitorPackage;
  progress: (fraction: number, message: AnyMessage) => void;
  /** The sheets being written, for the message when Excel refuses a sync. */
  written: Written[];
  /** What was changed before the writes were done, to undo them when Excel refuses a sync. */
  journal: Journal;
  /** Pauses between pieces of work that scale with the sheets (their prints), as the reading did. */
  slices: Slices;
}

async function build(context: Excel.RequestContext, options: RegenerateOptions, { state, found, plans, heldAreaKeys, pkg, progress, written, journal, slices }: Inspected): Promise<RegenerateResult> {
  context.application.suspendApiCalculationUntilNextSync();
  // Every write first looks at the cells it covers, in its own sync; after each sync what the
  // looks saw is compared with what was inspected (an edit made meanwhile stops Regenerate).
  const looks = new WriteLooks();
  const batch = new WriteBatch(context, { limit: options.syncLimit, onSync: () => looks.check() });
  const data = found.kind === "none" ? await writeDataSheet(batch, context, state, options.edition, journal, looks) : null;

  // What happens to each sheet that carries a mark of one of the planned sheets: a sheet exactly
  // as written with the plan's layout is brought up to date in place (values only: every figure
  // stays in its cell, so the user's formulas pointing at it still mean the same figure); with
  // a new layout it is rebuilt, unless the user's formulas point into it (then it is kept, so
  // they keep showing what they showed) or its formats cannot be checked; anything else is kept.
  const planOf = new Map(plans.map((p) => [p.key, p]));
  const decisions = new Map<string, { decision: Ownership; why: KeptWhy | null }[]>();
  const candidates: Rebuild[] = [];
  const prints = await printsInSlices(state.sheets, () => slices.between());
  for (const plan of plans) {
    const list = decideOwnership(state.sheets.filter((s) => s.mark?.key === plan.key), state.names, state.sheets.map((s) => s.name), prints).map((decision) => ({ decision, why: null as KeptWhy | null }));
    for (const entry of list) {
      const d = entry.decision;
      if (d.kind !== "rebuild" || d.sheet.mark?.layout === layoutPrint(plan)) continue;
      if (d.proven) candidates.push(d);
      else entry.why = d.unseen.length ? "unseen" : "unproven";
    }
    decisions.set(plan.key, list);
  }
  // A sheet whose figures left the data (no plan has its key) is the old sheet of a new layout
  // without a new one: removed in the last step when exactly as written and unreferenced, else kept.
  for (const [key, sheets] of withdrawnSheets(state.sheets, planOf, found.kind === "found" ? heldAreaKeys : null)) {
    const list = decideOwnership(sheets, state.names, state.sheets.map((s) => s.name), prints).map((decision) => ({ decision, why: null as KeptWhy | null }));
    for (const entry of list) {
      const d = entry.decision;
      if (d.kind !== "rebuild") continue;
      if (d.proven) candidates.push(d);
      else entry.why = d.unseen.length ? "unseen" : "unproven";
    }
    decisions.set(key, list);
  }
  const referenced: Referenced = candidates.length ? await sheetsReferenced(context, state, candidates.map((d) => d.sheet)) : new Map();
  const taken = new Set(state.sheets.map((s) => s.name.toLowerCase()));
  if (data) taken.add(data.sheetName.toLowerCase());
  const kept: KeptSheet[] = [];
  const rebuilt = new Map<string, Rebuild>();
  const updated = new Map<string, Rebuild>();
  const withdrawn: Rebuild[] = [];
  const today = (options.today ?? isoToday)();
  for (const [key, list] of decisions) {
    for (const { decision, why } of list) {
      const { sheet } = decision;
      // What points into it: the user's defined names (see ownership.ts), or formulas, rules, charts and PivotTables (see references-scan.ts).
      const by = decision.kind === "keep" ? (decision.names ?? []).map((name): Reference => ({ kind: "name", name })) : (referenced.get(sheet) ?? []);
      const reason: KeptWhy | null = decision.kind === "copy" ? "copy" : decision.kind === "keep" ? (by.length ? "referenced" : "edited") : (why ?? (by.length ? "referenced" : null));
      const plan = planOf.get(key);
      if (decision.kind === "rebuild" && reason === null && !plan) {
        withdrawn.push(decision); // removed in the last step (its name stays taken: nothing is built under it)
        continue;
      }
      if (decision.kind === "rebuild" && reason === null) {
        // Written again (in place, or beside and then in its place): its name is free for it again.
        (sheet.mark?.layout === layoutPrint(planOf.get(key) as SheetPlan) ? updated : rebuilt).set(key, decision);
        taken.delete(sheet.name.toLowerCase());
        continue;
      }
      journal.markChanging(sheet.sheet, sheet.mark);
      queueRemoveMark(sheet.sheet);
      const moveAside = decision.kind !== "copy" && !decision.renamed;
      const backup = moveAside ? backupSheetName(sheet.name, today, taken) : null;
      if (backup) {
        journal.renameSheet(sheet.sheet, sheet.name, backup);
        taken.delete(sheet.name.toLowerCase());
        taken.add(backup.toLowerCase());
      }
      const moves = plan ? sheet.mark?.layout !== layoutPrint(plan) : false;
      kept.push({
        key,
        name: backup ?? sheet.name,
        was: sheet.name,
        why: reason ?? "edited",
        ...(reason === "unseen" && decision.kind === "rebuild" ? { unseen: decision.unseen } : {}),
        ...(reason === "referenced" ? { by, moves } : {}),
        ...(plan ? {} : { withdrawn: true }),
      });
    }
  }
  const rebuiltSheets = new Set([...rebuilt.values()].map((d) => d.sheet.name));
  // Names are unique across tables and defined names (ECMA-376 Part 1, defined names): a table
  // never takes the name of a defined name either.
  const takenTables = new Set([...[...state.tables.values()].filter((t) => !rebuiltSheets.has(t.sheetName)).map((t) => t.name), ...state.names.map((n) => n.name)].map((n) => n.toLowerCase()));
  // A sheet with a new layout is built beside the old one, which steps aside under a temporary
  // name (its tables too) until every write is done; then it is deleted and the new sheet takes
  // its place. Until then every change can be undone (see Journal).
  const aside = new Set(takenTables);
  for (const table of state.tables.values()) aside.add(table.name.toLowerCase());
  const asideName = (name: string) => {
    let candidate = `${name}_oud`;
    for (let n = 2; aside.has(candidate.toLowerCase()); n++) candidate = `${name}_oud${n}`;
    aside.add(candidate.toLowerCase());
    return candidate;
  };
  // Read again before the last step and deleted there, as the old sheet of a new layout is.
  const swaps: Swap[] = withdrawn.map((d) => ({ old: d.sheet, aside: d.sheet.name, sheet: null, position: state.sheets.indexOf(d.sheet) }));
  /** A table set aside with its old sheet: its name then (lower case) → its name before. */
  const originalTableName = new Map<string, string>();

  const outcomes: SheetOutcome[] = [];
  for (const [index, plan] of plans.entries()) {
    progress(0.1 + (0.6 * index) / plans.length, say(EXCEL.buildingSheet, { sheet: plan.name }));
    await options.yieldToUi?.();
    const name = freeSheetName(plan.name, taken);
    if (name === null) {
      outcomes.push({ key: plan.key, name: null, status: "skipped", tables: 0, charts: 0, notes: [say(EXCEL.sheetClashSkipped, { theirs: plan.name })] });
      continue;
    }
    taken.add(name.toLowerCase());
    const renamedTables: string[] = [];
    const tables: { name: string; address: string }[] = [];
    const tableName = (planned: string) => {
      let candidate = planned;
      for (let n = 2; takenTables.has(candidate.toLowerCase()); n++) candidate = `${planned}_${n}`;
      if (candidate !== planned) renamedTables.push(planned);
      takenTables.add(candidate.toLowerCase());
      return candidate;
    };
    const inPlace = updated.get(plan.key);
    const previous = rebuilt.get(plan.key) ?? inPlace;
    if (inPlace) {
      // Same layout: the values are written again where they are; tables, charts, formats and
      // whatever refers to them stay as they are.
      const sheet = inPlace.sheet.sheet;
      if (inPlace.sheet.name !== name) journal.renameSheet(sheet, inPlace.sheet.name, name);
      const content = inPlace.sheet.content;
      // What it held where the update writes (only there: a cell beside a table, which the update
      // does not write, is not written back by an undo either, so what the analyst typed there stays).
      const expected = content ? inspectedCells(content.usedAddress, content.formulas) : null;
      // The number formats its cells hold, as read with its extras (the values' form follows them,
      // text-cells.ts); were they not read, the sheet is proven as the add-in writes this layout.
      const held = heldFormats(inPlace.sheet.extras) ?? writtenFormats(plan);
      if (expected) for (const area of updatedAreas(plan)) journal.overwriting(sheet, name, area.row, area.column, expectedArea(expected, area.row, area.column, area.rows, area.columns), formatsOf(held, area));
      journal.markChanging(sheet, inPlace.sheet.mark); // marked anew once written
      await updateIndicatorSheet(batch, sheet, plan, held, expected ? { looks, sheetName: name, expected } : undefined);
      for (const t of inPlace.sheet.content?.tables ?? []) tables.push(t);
      written.push({ plan, sheet, name, tables });
    } else {
      const aside = previous ? (freeSheetName(`~${previous.sheet.name}`, taken) ?? `~${swaps.length}`) : null;
      if (previous && aside) {
        const old = previous.sheet;
        for (const table of state.tables.values()) {
          if (table.sheetName !== old.name) continue;
          const to = asideName(table.name);
          originalTableName.set(to.toLowerCase(), table.name);
          journal.renameTable(table.table, table.name, to);
        }
        journal.renameSheet(old.sheet, old.name, aside);
        taken.add(aside.toLowerCase());
      }
      const sheet = journal.addSheet(context, name);
      if (previous && aside) swaps.push({ old: previous.sheet, aside, sheet, position: state.sheets.indexOf(previous.sheet) });
      await writeIndicatorSheet(batch, sheet, plan, (planned: string) => {
        const actual = tableName(planned);
        const table = plan.tables.find((t) => t.name === planned);
        if (table) tables.push({ name: actual, address: tableRef(table) });
        return actual;
      }, { looks, sheetName: name, expected: BLANK } satisfies Watch);
      written.push({ plan, sheet, name, tables });
    }
    const notes = [
      name !== plan.name ? say(EXCEL.sheetClashRenamed, { theirs: plan.name, ours: name }) : null,
      previous?.renamed && previous.sheet.name !== name ? say(EXCEL.renamedSheetRebuilt, { was: previous.sheet.name, now: name }) : null,
      renamedTables.length ? say(EXCEL.tableNamesTaken, { tables: renamedTables }) : null,
      ...kept.filter((k) => k.key === plan.key).map((k) => say(EXCEL.keptSheet, { why: k.why, name: k.name, was: k.was, unseen: k.unseen ?? [], by: k.by ?? [], moves: k.moves ?? false })),
    ].filter((note): note is AnyMessage => note !== null);
    outcomes.push({ key: plan.key, name, status: inPlace ? "updated" : previous ? "replaced" : "created", tables: plan.tables.length, charts: plan.charts.length, notes });
  }
  progress(0.75, say(EXCEL.writingToExcel));
  await batch.flush();

  // What Excel now holds on each sheet written is what the marks remember (its content, and
  // everything else it reports: formats, widths, panes…), so that any later change by the user
  // is recognised as theirs; of a sheet updated in place, only what is as it was inspected (see
  // report/extras-seal.ts), of a sheet built new only what the plan wrote (report/new-sheet-seal.ts):
  // a change made meanwhile is not sealed as the add-in's. Read and
  // marked while the old sheets are still there (aside), so that a refusal here is undone too.
  progress(0.9, say(EXCEL.markingSheets));
  const readBack = written.map((w) => {
    w.sheet.load("id");
    return {
      used: w.sheet.getUsedRangeOrNullObject(true).load(AREA),
      formatted: w.sheet.getUsedRangeOrNullObject(false).load(AREA),
      charts: w.sheet.charts.load("items/name"),
      formulas: null as (() => (string | number | boolean)[][]) | null,
    };
  });
  // The old sheets of a new layout were exactly as written when Regenerate inspected them; the
  // analyst may have changed one since (Regenerate reads in slices and yields to the pane). They
  // are read again here, as at inspection, before the last step deletes them (see stillAsWritten).
  const again = swaps.map((swap) => ({
    used: swap.old.sheet.getUsedRangeOrNullObject(true).load(AREA),
    formatted: swap.old.sheet.getUsedRangeOrNullObject(false).load(AREA),
    charts: swap.old.sheet.charts.load("items/name"),
    tables: [...state.tables.values()].filter((t) => t.sheetName === swap.old.name).map((t) => ({ name: t.name, range: t.table.getRange().load("address") })),
    formulas: null as (() => (string | number | boolean)[][]) | null,
  }));
  await context.sync();
  const reads = new ReadBatch(context);
  for (const [i, w] of written.entries()) readBack[i].formulas = await queueReadFormulas(reads, w.sheet, readBack[i].used.isNullObject ? null : readBack[i].used);
  for (const [i, swap] of swaps.entries()) again[i].formulas = await queueReadFormulas(reads, swap.old.sheet, again[i].used.isNullObject ? null : again[i].used);
  const allExtras = await readExtras(reads, [
    ...written.map((w, i) => ({ sheet: w.sheet, formatted: readBack[i].formatted.isNullObject ? null : readBack[i].formatted, charts: readBack[i].charts.items })),
    ...swaps.map((swap, i) => ({ sheet: swap.old.sheet, formatted: again[i].formatted.isNullObject ? null : again[i].formatted, charts: again[i].charts.items })),
  ]);
  const extras = allExtras.slice(0, written.length);
  const changedMeanwhile = new Set<Swap>();
  for (const [i, swap] of swaps.entries()) {
    const read = again[i];
    const content = {
      usedAddress: read.used.isNullObject ? null : read.used.address,
      formulas: read.formulas ? read.formulas() : [],
      tables: read.tables.map((t) => ({ name: t.name, address: t.range.address })),
      charts: read.charts.items.map((c) => c.name),
    };
    if (!(await runStepsInSlices(stillAsWritten(swap.old, content, allExtras[written.length + i], originalTableName), () => slices.between()))) changedMeanwhile.add(swap);
  }
  // One changed meanwhile is the analyst's: kept under a dated name, without the mark, and reported, instead of deleted.
  for (const swap of changedMeanwhile) {
    const old = swap.old;
    journal.markChanging(old.sheet, old.mark);
    queueRemoveMark(old.sheet);
    const backup = backupSheetName(old.name, today, taken);
    if (backup) {
      journal.renameSheet(old.sheet, swap.aside, backup);
      taken.add(backup.toLowerCase());
    }
    const keptSheet: KeptSheet = { key: old.mark?.key ?? "", name: backup ?? swap.aside, was: old.name, why: "edited", ...(swap.sheet ? {} : { withdrawn: true }) };
    kept.push(keptSheet);
    outcomes.find((o) => o.key === keptSheet.key)?.notes.push(say(EXCEL.keptSheet, { why: keptSheet.why, name: keptSheet.name, was: keptSheet.was, unseen: [] }));
  }
  for (const [i, w] of written.entries()) {
    await slices.between(); // each sheet's prints in a piece of its own
    const { used, charts, formulas } = readBack[i];
    const content = {
      usedAddress: used.isNullObject ? null : used.address,
      formulas: formulas ? formulas() : [],
      tables: w.tables,
      charts: charts.items.map((c) => c.name),
    };
    const before = updated.get(w.plan.key)?.sheet;
    // In steps with the pane's pause between them: a sheet of thousands of rows (the comparison of
    // areas) took 100-300 ms to seal in one piece, with a print of every cell's formats.
    const between = () => slices.between();
    const prints = before
      ? { print: await runStepsInSlices(contentToSealInSteps(content, w.plan, before.content), between), extras: await runStepsInSlices(extrasToSealInSteps(extras[i], before), between) }
      : await runStepsInSlices(sealBuiltNewInSteps(content, extras[i], w.plan), between);
    queueWriteMark(w.sheet, { key: w.plan.key, id: w.sheet.id, name: w.name, ...prints, layout: layoutPrint(w.plan) });
  }
  await context.sync();

  // Every write is done and marked: the old sheets of a new layout make way, and the new ones
  // take their places. The one step that cannot be undone (a deleted sheet does not come back),
  // so it is the last, in a sync of its own.
  if (swaps.length) {
    for (const swap of [...swaps].sort((a, b) => a.position - b.position)) {
      if (!changedMeanwhile.has(swap)) swap.old.sheet.delete();
      if (swap.sheet) swap.sheet.position = swap.position;
    }
    try {
      await context.sync();
    } catch (error) {
      throw isRefusal(error) ? await swapRefused(context, error, swaps) : error;
    }
  }
  progress(1, say(EXCEL.done));
  const removed = swaps.filter((swap) => swap.sheet === null && !changedMeanwhile.has(swap)).map((swap) => ({ key: swap.old.mark?.key ?? "", name: swap.old.name }));
  return { ok: true, sheets: outcomes, kept, removed, data, figures: pkg.observations.length };
}


/** The number formats of an area's cells, as a 2-D array. */
const formatsOf = (held: HeldFormat, area: { row: number; column: number; rows: number; columns: number }) =>
  Array.from({ length: area.rows }, (_, r) => Array.from({ length: area.columns }, (__, c) => held(area.row + r, area.column + c)));

/** The cells an in-place update writes (see updateIndicatorSheet): each text line's, and each table with its header. */
function updatedAreas(plan: SheetPlan): { row: number; column: number; rows: number; columns: number }[] {
  return [...plan.texts.map((line) => ({ row: line.row, column: 0, rows: 1, columns: 1 })), ...plan.tables.map((t) => ({ row: t.row, column: t.column, rows: t.rows.length + 1, columns: t.header.length }))];
}

/**
 * The marked sheets that no plan has the key of, by key, whose figures left the data: a report's
 * indicator a corrected edition withdrew, or a municipality's sheets (keys "gebied-…") when the
 * data holds no figures for them any more (`heldAreaKeys`: the analyst removed the CBS rows, or
 * loaded a package without that municipality). Not the Data sheet or the PivotTable's, nor a
 * municipality's sheets the data still has figures for: those are built only when that
 * municipality is chosen, and are left as they are otherwise; the comparison only while the data
 * has the shares of every area it shows. Nor any municipality's sheet when the workbook holds
 * no data of its own (`heldAreaKeys` null: the analyst deleted the Data sheet, and Regenerate
 * builds from the shipped edition, which has no CBS figures): those sheets may be the workbook's
 * last copy of the figures they show (review R-A6). Pure.
 */
function withdrawnSheets(sheets: readonly SheetState[], planOf: ReadonlyMap<string, unknown>, heldAreaKeys: ReadonlySet<string> | null): Map<string, SheetState[]> {
  const byKey = new Map<string, SheetState[]>();
  for (const sheet of sheets) {
    const key = sheet.mark?.key;
    if (!key || planOf.has(key) || key === DATA_SHEET_KEY || key === PIVOT_SHEET_KEY || (key.startsWith(AREA_KEY_PREFIX) && (heldAreaKeys === null || (heldAreaKeys.has(key) && (key !== COMPARISON_KEY || comparisonStillHeld(sheet.content, heldAreaKeys)))))) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), sheet]);
  }
  return byKey;
}

/**
 * Whether an old sheet set aside (renamed, its tables too) still holds exactly what its mark
 * proves, read again just before it is deleted: its content and everything else Excel reports
 * (extras), with its tables under the names they had (a rename is no change). Pure; in steps
 * (a yield every few hundred cells), as the prints of a sheet of thousands of rows take a while.
 */
function* stillAsWritten(old: SheetState, content: SheetContent, extras: SheetExtras, originalTableName: ReadonlyMap<string, string>): Steps<boolean> {
  const original = (name: string) => originalTableName.get(name.toLowerCase()) ?? name;
  const asBefore: SheetContent = { ...content, tables: content.tables.map((t) => ({ ...t, name: original(t.name) })) };
  const details = extras.details as { tables?: unknown[][] } | null;
  const tables = details?.tables?.map((t) => [String(original(String(t[0]))).toLowerCase(), ...t.slice(1)]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const extrasBefore: SheetExtras = { ...extras, details: details && tables ? { ...details, tables } : extras.details };
  return old.mark !== null && (yield* fingerprintInSteps(asBefore)) === old.mark.print && (yield* extrasPrintInSteps(extrasBefore)) === old.mark.extras;
}
