import { MonitorPackage, Language } from "../data/types";
import type { AnyMessage } from "../text/message";
import { Scope, snapshotOf } from "../data/compare";
import { loadShippedPackage } from "../data/shipped";
import { Edition } from "../data/descriptor";
import type { CbsQuery } from "../sources/cbs/pull";
import type { LoadDataResult, PreviewResult } from "../excel/load-data";
import { FollowedData, liveOf, Listener, WorkbookFollower } from "../excel/follow";
import type { LiveData } from "../data/live-data";
import { functionsApi, functionsLink } from "./functions-link";
import { yieldToEventLoop } from "../data/slices";
import { oneWrite } from "../excel/one-write";
import type { PivotResult } from "../excel/pivot";
import type { RegenerateResult } from "../excel/regenerate";
import type { LeftBehind } from "../excel/snapshot-store";
import type { MemoryProblem } from "./memory-notes";

/*
 * What the pane needs when it opens in Excel (following the workbook's tables, the remembered
 * source, inserting a formula) is this module; what only a pull, Regenerate or the PivotTable
 * needs is loaded when asked for (webpack chunks from the add-in's own origin), so that the
 * pane's first load stays small. The chunk names say what each is for.
 */
const loadDataModule = () => import(/* webpackChunkName: "excel-load" */ "../excel/load-data");
const snapshotStore = () => import(/* webpackChunkName: "excel-load" */ "../excel/snapshot-store");
const readRefusedModule = () => import(/* webpackChunkName: "excel-load" */ "../excel/read-refused");
const regenerateModule = () => import(/* webpackChunkName: "excel-regenerate" */ "../excel/regenerate");
const pivotModule = () => import(/* webpackChunkName: "excel-pivot" */ "../excel/pivot");

/** The workbook's monitor tables as the functions and the pane follow them (one for the session). */
let follower: WorkbookFollower | null = null;
let paneListener: Listener = () => undefined;
let paneProgress: (fraction: number) => void = () => undefined;
const tellFunctions = functionsLink(loadShippedPackage);

/**
 * Reads the workbook's monitor tables (in slices that yield to Excel and the pane), hands them to
 * the functions, and from then on follows every edit of them: `onChange` hears of each new state.
 */
export async function followWorkbook(edition: MonitorPackage, onChange: Listener, onProgress: (fraction: number) => void = () => undefined): Promise<FollowedData> {
  paneListener = onChange;
  paneProgress = onProgress;
  follower ??= new WorkbookFollower(
    (body) => Excel.run(body),
    edition,
    (data, how) => {
      tellFunctions(data);
      paneListener(data, how);
    },
    yieldToEventLoop,
    (fraction) => paneProgress(fraction),
    // A workbook that remembers a pull had MonitorData: without it, it was renamed or deleted.
    () => typeof Office !== "undefined" && rememberedSource() !== null,
  );
  let data: FollowedData;
  try {
    data = await follower.readAll();
  } catch (error) {
    // Watching even when Excel refused the read: the next edit of a table then reads them again,
    // and the functions recover without the pane being opened anew. The read's failure is the one told.
    await follower.watch().catch(() => undefined);
    throw error;
  }
  await follower.watch();
  return data;
}

export function setFunctionsLanguage(language: Language): void {
  functionsApi()?.setMessageLanguage(language);
}

/** While the add-in writes the monitor tables, their change events are its own, not the user's. */
const writing = <T>(write: () => Promise<T>): Promise<T> => (follower ? follower.during(write) : write());

/** Where the workbook's data came from, kept in the document's settings (with the workbook; small). */
export interface RememberedSource {
  kind: "shipped" | "url" | "file" | "cbs";
  /** The URL for a package on a server; the file name for a picked file; the CBS API's address. */
  location: string;
  /** For CBS: the municipalities and years pulled, to pull again. */
  query?: CbsQuery;
  edition: Edition;
  pulledAt: string;
}

const SOURCE_SETTING = "LeidenMonitor.source";
/** Where versions before the snapshot store kept the snapshots (read once more, then removed). */
const SNAPSHOT_SETTING = "LeidenMonitor.snapshots";
/** The last edition pulled (not CBS figures beside it): the one the sheets' page numbers cite. */
const EDITION_SETTING = "LeidenMonitor.edition";

/** Editions (shipped, a URL, a file) replace one another; CBS figures sit beside them. */
export const sourceGroup = (kind: RememberedSource["kind"]) => (kind === "cbs" ? "cbs" : "edition");

/** The edition the workbook's figures were last pulled from (CBS pulls beside it leave it). */
export function rememberedEdition(): Edition | null {
  const value = Office.context.document.settings.get(EDITION_SETTING) as Edition | null;
  return value && typeof value === "object" && typeof value.title === "string" && typeof value.name === "string" ? value : null;
}

export function rememberedSource(): RememberedSource | null {
  const value = Office.context.document.settings.get(SOURCE_SETTING) as RememberedSource | null;
  return value && typeof value === "object" && typeof value.location === "string" ? value : null;
}

/** Snapshots an older version kept in the settings, by group. */
function legacySnapshots(): Map<string, string[]> {
  const value = Office.context.document.settings.get(SNAPSHOT_SETTING);
  const entries = value && typeof value === "object" ? Object.entries(value as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string") : [];
  return new Map(entries.map(([group, text]) => [group, text ? text.split(",") : []]));
}

/** Every group's snapshot: the workbook's store (see excel/snapshot-store.ts), else what an older version left in the settings. */
async function storedSnapshots(): Promise<Map<string, string[]>> {
  const [{ readSnapshots }, { readingFirst }] = await Promise.all([snapshotStore(), readRefusedModule()]);
  // Read before anything is written: a sync Excel refuses here changed nothing, and the pane says so.
  const stored = await readingFirst({ what: "memory" }, () => Excel.run((context) => readSnapshots(context)));
  for (const [group, hashes] of legacySnapshots()) if (!stored.has(group)) stored.set(group, hashes);
  return stored;
}

/**
 * The rows this kind of source delivered last time, and those of the others. A workbook without a
 * record was loaded from the shipped edition.
 */
export async function snapshotsFor(kind: RememberedSource["kind"], shipped: MonitorPackage): Promise<{ previous: Set<string>; others: Set<string>; definitions: "source" | "workbook"; scope: Scope }> {
  const stored = await storedSnapshots();
  if (!stored.has("edition")) stored.set("edition", snapshotOf(shipped));
  const group = sourceGroup(kind);
  return {
    previous: new Set(stored.get(group) ?? []),
    others: new Set([...stored].filter(([g]) => g !== group).flatMap(([, hashes]) => hashes)),
    definitions: group === "edition" ? "source" : "workbook",
    // A CBS pull drops rows only within its own areas and years: Delft's stay when Utrecht is pulled.
    scope: group === "edition" ? "everything" : "pulled",
  };
}

/**
 * Remembers the source (in the settings, small) and the rows it delivered (in the workbook's
 * snapshot store, at any size), checking both: returns what could not be kept, as typed problems
 * (none when all was; see memory-notes.ts). A snapshot that is not saved means the next pull
 * cannot tell this source's rows from the analyst's edits; a saved one whose older parts Excel
 * would not delete is in force all the same (review R10). The pane says which.
 */
export async function remember(source: RememberedSource, snapshot: string[]): Promise<MemoryProblem[]> {
  const problems: MemoryProblem[] = [];
  const legacy = legacySnapshots();
  try {
    const { readSnapshots, writeSnapshot } = await snapshotStore();
    const leftBehind = await Excel.run(async (context) => {
      const left: LeftBehind[] = [];
      // Groups an older version kept in the settings move to the store with the first write. A
      // group the store holds already is newer than the settings' (they outlived that move when
      // the settings' save failed) and is the one read (see storedSnapshots): it stays. Read
      // as storedSnapshots reads it, so that what this pull compared with is what stays.
      const held = legacy.size ? await readSnapshots(context) : new Map<string, string[]>();
      for (const [group, hashes] of legacy) if (group !== sourceGroup(source.kind) && !held.has(group)) left.push(await writeSnapshot(context, group, hashes));
      left.push(await writeSnapshot(context, sourceGroup(source.kind), snapshot));
      return left;
    });
    const refused = leftBehind.find((left) => left !== null);
    if (refused) problems.push({ kind: "oldPartsLeft", code: refused.code });
  } catch (error) {
    problems.push({ kind: "notSaved", code: excelCode(error) });
  }
  const settings = Office.context.document.settings;
  settings.set(SOURCE_SETTING, source);
  if (sourceGroup(source.kind) === "edition") settings.set(EDITION_SETTING, source.edition);
  if (!problems.some((p) => p.kind === "notSaved") && legacy.size) settings.remove(SNAPSHOT_SETTING);
  const saved = await new Promise<Office.AsyncResult<void>>((resolve) => settings.saveAsync((result) => resolve(result)));
  // Office.AsyncResultStatus.Failed is "failed"; compared as text so it holds without office.js loaded too.
  // Office.Error's number only: its message is in Office's language, not the pane's.
  if ((saved?.status as unknown) === "failed") problems.push({ kind: "sourceNotSaved", code: typeof saved.error?.code === "number" ? saved.error.code : null });
  return problems;
}

/** The live data the pane follows the tables with (validated already), and a pause for the comparison's slices. */
function comparing(): { known: LiveData | null; pause: typeof yieldToEventLoop } {
  const data = follower?.current;
  return { known: data ? liveOf(data) : null, pause: yieldToEventLoop };
}

/** What pulling `pkg` would change in the workbook, read without writing. */
export async function runPreview(pkg: MonitorPackage, kind: RememberedSource["kind"], shipped: MonitorPackage): Promise<PreviewResult> {
  const snapshots = await snapshotsFor(kind, shipped);
  const { previewLoad } = await loadDataModule();
  return Excel.run((context) => previewLoad(context, pkg, { ...snapshots, ...comparing() }));
}

/** Writes the pulled package as compared, remembers where it came from, and points the functions at it. */
export async function runLoadData(
  pulled: { pkg: MonitorPackage; source: Omit<RememberedSource, "pulledAt"> },
  shipped: MonitorPackage,
  options: { expected?: string; signal?: AbortSignal; onProgress?: (fraction: number, message: AnyMessage) => void },
): Promise<LoadDataResult & { memory?: MemoryProblem[]; notRecalculated?: string | null }> {
  // The one write of the runtime from the first read of what it compares to its last save (see one-write.ts).
  return oneWrite("pull", () => loadAndRemember(pulled, shipped, options));
}

async function loadAndRemember(pulled: Parameters<typeof runLoadData>[0], shipped: MonitorPackage, options: Parameters<typeof runLoadData>[2]): Promise<Awaited<ReturnType<typeof runLoadData>>> {
  const snapshots = await snapshotsFor(pulled.source.kind, shipped);
  const { loadData, recalculate } = await loadDataModule();
  const result = await writing(() => Excel.run((context) => loadData(context, pulled.pkg, { ...snapshots, ...comparing(), ...options })));
  // The load suspended Excel's calculation: formulas of the user's that read MonitorData are recalculated (MONITOR formulas follow by themselves).
  const notRecalculated = await recalculated(recalculate);
  if (!result.ok) return result;
  const memory = await remember({ ...pulled.source, pulledAt: new Date().toISOString() }, result.comparison.snapshot);
  return { ...result, memory, notRecalculated };
}

/** Excel's code of an error Excel answered with, or null (the add-in's own errors carry none). */
const excelCode = (error: unknown): string | null => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : null;
};

/**
 * Recalculates after a write: null when done, Excel's code when Excel refuses it. What was
 * written stands then, and the pane says that the user's formulas may show the earlier figures.
 */
async function recalculated(recalculate: (context: Excel.RequestContext) => Promise<void>): Promise<string | null> {
  try {
    await Excel.run((context) => recalculate(context));
    return null;
  } catch (error) {
    const code = excelCode(error);
    if (code === null) throw error;
    return code;
  }
}

/** `about`: what datapackage.json said of the edition, for the sheets' titles, years and citations. */
export function runRegenerate(edition: MonitorPackage, language: Language, onProgress: (fraction: number, message: AnyMessage) => void, area?: string, about?: Edition): Promise<RegenerateResult & { notRecalculated?: string | null }> {
  return oneWrite("regenerate", () => regenerateAndRecalculate(edition, language, onProgress, area, about));
}

async function regenerateAndRecalculate(...[edition, language, onProgress, area, about]: Parameters<typeof runRegenerate>): Promise<Awaited<ReturnType<typeof runRegenerate>>> {
  // A turn of the event loop lets the pane repaint; not requestAnimationFrame, which a hidden
  // pane may never fire (browsers pause it in hidden pages), so the ribbon's Regenerate with
  // the pane closed would never finish; and not a timer, which a hidden page runs once a second
  // or once a minute (see yieldToEventLoop).
  const repaint = yieldToEventLoop;
  const [{ regenerate }, { recalculate }] = await Promise.all([regenerateModule(), loadDataModule()]);
  const result = await writing(() => Excel.run((context) => regenerate(context, { edition, about, language, onProgress, yieldToUi: repaint, area, known: comparing().known })));
  const notRecalculated = await recalculated(recalculate); // Regenerate suspended Excel's calculation too
  return result.ok ? { ...result, notRecalculated } : result;
}

/** The ready PivotTable on MonitorData, made or refreshed. */
export function runPivot(pkg: MonitorPackage, language: Language): Promise<PivotResult> {
  return oneWrite("pivot", async () => {
    const { buildPivot } = await pivotModule();
    return Excel.run((context) => buildPivot(context, pkg, language));
  });
}

/** Puts a formula in the top-left cell of the selection; returns that cell's address. */
export async function insertFormula(formula: string): Promise<string> {
  const { address, sheetId } = await Excel.run(async (context) => {
    const cell = context.workbook.getSelectedRange().getCell(0, 0);
    cell.formulas = [[formula]];
    cell.load("address");
    const sheet = cell.worksheet.load("id");
    await context.sync();
    return { address: cell.address, sheetId: sheet.id };
  });
  // The analyst's choice of cell, though the add-in's write: Excel's event for it says
  // "ThisLocalAddin" and the follower passes it by (see WorkbookFollower.watch), so it hears of
  // it here, in case the cell is in a monitor table.
  await follower?.sheetChanged({ worksheetId: sheetId, address: address.slice(address.lastIndexOf("!") + 1), changeType: "RangeEdited" }).catch(() => undefined); // a refused read is told as such (published)
  return address;
}
