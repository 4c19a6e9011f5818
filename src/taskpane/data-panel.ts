/**
 * The Data tab's pull: choose a source (the shipped edition, a package URL, a picked file), get
 * it, show what would change in MonitorData, and write only after the user confirms. A cancel
 * at any step leaves the workbook as it was. In a plain browser the same flow replaces the data
 * the page shows and downloads.
 */
import { compareWithWorkbook, Comparison, pulledParts, snapshotOf } from "../data/compare";
import { Edition } from "../data/descriptor";
import { MonitorPackage, Problem } from "../data/types";
import { fileTooLarge } from "../sources/limits";
import { pullShipped, SHIPPED_ORIGIN } from "../sources/shipped-source";
import { PulledPackage, PullResult, sourceProblem } from "../sources/types";
import type { CbsQuery } from "../sources/cbs/pull";
import { cancelledText } from "./cancelled-text";
import { comparisonLines } from "./comparison-lines";
import { cbsBaseUrl, cbsQuery, setUpCbsPanel, showCbsQuery } from "./cbs-panel";
import { byId, element, setMessage } from "./dom";
import { failureText } from "./failure";
import type { RememberedSource } from "./excel-actions";
import { Host } from "./host";
import { bookTexts, Texts } from "./i18n";
import { AnyMessage, say, textOf } from "../text/message";
import { PANE } from "../text/pane";
import { problemText } from "../text/problems";
import { SOURCES } from "../text/sources";

export interface DataPanelContext {
  host: () => Host;
  texts: () => Texts;
  language: () => "nl" | "en";
  shipped: MonitorPackage;
  /** The data the pane shows now. */
  current: () => MonitorPackage;
  /** The pane shows (and the download uses) this data from now on. */
  /** `kind`: CBS figures sit beside the edition, so they do not replace the edition the sheets cite. */
  use: (pkg: MonitorPackage, edition: Edition, origin: string, kind: SourceSpec["kind"]) => void;
  /** In Excel: after a write, read the workbook's tables again. */
  followWorkbook: () => Promise<void>;
  showProblems: (problems: Problem[]) => void;
}

const FETCH_TIMEOUT_MS = 30_000;

type SourceSpec = { kind: "shipped" } | { kind: "url"; url: string } | { kind: "file"; file: File } | { kind: "cbs"; query: CbsQuery; baseUrl: string };

let pending: { pulled: PulledPackage; spec: SourceSpec; comparison: Comparison; signature: string | null } | null = null;
let running: AbortController | null = null;

/**
 * In a plain browser there is no workbook to remember what each source delivered, so the pane
 * remembers it, as the Excel path does with the workbook's settings: editions (shipped, a URL, a
 * file) replace one another, CBS figures sit beside them (see excel-actions' sourceGroup).
 */
const previewSnapshots = new Map<"edition" | "cbs", Set<string>>();
const groupOf = (kind: SourceSpec["kind"]) => (kind === "cbs" ? "cbs" : "edition");

/** The comparison in a plain browser: the same rules as in Excel, over the data the pane shows. */
function comparePreview(ctx: DataPanelContext, pkg: MonitorPackage, kind: SourceSpec["kind"]): Comparison {
  if (!previewSnapshots.has("edition")) previewSnapshots.set("edition", new Set(snapshotOf(ctx.shipped)));
  const group = groupOf(kind);
  const others = new Set([...previewSnapshots].filter(([g]) => g !== group).flatMap(([, hashes]) => [...hashes]));
  return compareWithWorkbook(pkg, ctx.current(), previewSnapshots.get(group) ?? new Set(), others, group === "edition" ? "source" : "workbook", group === "edition" ? "everything" : "pulled");
}

function chosenSource(ctx: DataPanelContext): SourceSpec | string {
  const choice = document.querySelector<HTMLInputElement>('input[name="source"]:checked')?.value ?? "shipped";
  if (choice === "url") {
    const url = byId<HTMLInputElement>("source-url").value.trim();
    return url ? { kind: "url", url } : ctx.texts().chooseUrl;
  }
  if (choice === "cbs") {
    const query = cbsQuery(ctx.texts());
    return typeof query === "string" ? query : { kind: "cbs", query, baseUrl: cbsBaseUrl() };
  }
  if (choice === "file") {
    const file = byId<HTMLInputElement>("source-file").files?.[0];
    return file ? { kind: "file", file } : ctx.texts().chooseFile;
  }
  return { kind: "shipped" };
}

async function pull(spec: SourceSpec, ctx: DataPanelContext, signal: AbortSignal, progress: (message: string) => void): Promise<PullResult & { notes?: AnyMessage[] }> {
  const onProgress = (message: AnyMessage) => progress(textOf(message, ctx.language()));
  if (spec.kind === "shipped") return { ok: true, value: pullShipped() };
  if (spec.kind === "cbs") {
    const { pullFromCbs } = await import(/* webpackChunkName: "cbs" */ "../sources/cbs/pull");
    let requests = 0;
    const result = await pullFromCbs(spec.query, {
      baseUrl: spec.baseUrl,
      fetch: (input, init) => fetch(input, init),
      timeoutMs: FETCH_TIMEOUT_MS,
      signal,
      inBrowser: true,
      onProgress,
      onRequest: () => progress(textOf(say(PANE.cbsRequest, { count: ++requests }), ctx.language())),
    });
    return result;
  }
  if (spec.kind === "url") {
    // Loaded on demand: reading a package (CSV parser, the bounded fetch) is a pull's work only.
    const { pullFromUrl } = await import(/* webpackChunkName: "url-source" */ "../sources/url-source");
    return pullFromUrl(spec.url, { fetch: (input, init) => fetch(input, init), timeoutMs: FETCH_TIMEOUT_MS, signal, onProgress, inBrowser: true });
  }
  const { name, size } = spec.file;
  // Its size is known before it is read: a file over the limit is never loaded into memory.
  const tooLarge = fileTooLarge(name, size);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await spec.file.arrayBuffer());
  } catch {
    // The browser refuses (NotReadableError) a file changed, moved or deleted after it was picked.
    return { ok: false, problems: [sourceProblem(name, say(SOURCES.fileUnreadable, { name }))] };
  }
  // Loaded on demand: reading a zip needs JSZip, which the pane does not carry at start.
  const { pullFromFile } = await import(/* webpackChunkName: "file-source" */ "../sources/file-source");
  return pullFromFile(name, bytes, ctx.current(), onProgress);
}

function renderComparison(ctx: DataPanelContext, comparison: Comparison): void {
  const t = ctx.texts();
  const { summary, items } = comparisonLines(comparison, t, ctx.language());
  byId("comparison-summary").textContent = summary;
  byId("comparison-list").replaceChildren(...items.map((text) => element("li", { textContent: text })));
  byId("confirm").textContent = ctx.host() === "excel" ? t.confirmWrite : t.confirmUse;
  byId<HTMLButtonElement>("confirm").disabled = false;
  byId("comparison").hidden = false;
}

function setBusy(busy: boolean): void {
  for (const id of ["load", "refresh", "download", "confirm"]) byId<HTMLButtonElement>(id).disabled = busy;
  byId("data-progress").hidden = !busy;
  byId("cancel-running").hidden = !busy;
}

function progressTo(fraction: number | null, message: string): void {
  const bar = byId<HTMLProgressElement>("data-progress");
  if (fraction === null) bar.removeAttribute("value");
  else bar.value = fraction;
  setMessage("data-message", message);
}

/** A failure said once: one problem in the message line, several as a list under it. */
const failed = (ctx: DataPanelContext, problems: Problem[]) => {
  ctx.showProblems(problems.length > 1 ? problems : []);
  setMessage("data-message", `${ctx.texts().failed} ${problems.length === 1 ? problemText(problems[0], ctx.language()) : ""}`.trim(), "error");
};

/**
 * What nobody foresaw (Excel refusing a batch while a cell is being edited, a chunk that does not
 * load): said as it is, so the pane never stays on "Ophalen…"; the caller re-enables its buttons.
 */
const unexpected = (ctx: DataPanelContext, error: unknown) => {
  setMessage("data-message", `${ctx.texts().failed} ${failureText(error, ctx.language())}`.trim(), "error");
};

/** Gets a source and shows the comparison; writes nothing. */
async function getAndCompare(ctx: DataPanelContext, spec: SourceSpec): Promise<void> {
  const t = ctx.texts();
  running = new AbortController();
  const { signal } = running;
  pending = null;
  byId("comparison").hidden = true;
  byId("data-details").replaceChildren();
  setBusy(true);
  try {
    progressTo(null, t.fetching);
    const pulled = await pull(spec, ctx, signal, (message) => progressTo(null, message));
    if (signal.aborted) return void setMessage("data-message", t.cancelledNothing);
    if (!pulled.ok) return failed(ctx, pulled.problems);
    progressTo(null, t.comparing);
    let comparison: Comparison;
    let signature: string | null = null;
    if (ctx.host() === "excel") {
      const { runPreview } = await import(/* webpackChunkName: "excel" */ "./excel-actions");
      const preview = await runPreview(pulled.value.package, spec.kind, ctx.shipped);
      if (!preview.ok) return failed(ctx, preview.problems);
      comparison = preview.comparison;
      signature = preview.signature;
    } else {
      comparison = comparePreview(ctx, pulled.value.package, spec.kind);
    }
    if (signal.aborted) return void setMessage("data-message", t.cancelledNothing);
    pending = { pulled: pulled.value, spec, comparison, signature };
    setMessage("data-message", "");
    renderComparison(ctx, comparison);
    // What the source said about its figures (CBS: a year without figures yet, growth up to the last year with them).
    byId("data-details").replaceChildren(...(pulled.notes ?? []).map((note) => element("li", { textContent: textOf(note, ctx.language()) })));
  } catch (error) {
    pending = null;
    if (signal.aborted) setMessage("data-message", t.cancelledNothing);
    else unexpected(ctx, error);
  } finally {
    setBusy(false);
    if (!pending) byId("comparison").hidden = true;
  }
}

function rememberAs(spec: SourceSpec, pulled: PulledPackage): Omit<RememberedSource, "pulledAt"> {
  if (spec.kind === "cbs") return { kind: "cbs", location: spec.baseUrl, query: spec.query, edition: pulled.edition };
  const location = spec.kind === "url" ? spec.url : spec.kind === "file" ? spec.file.name : SHIPPED_ORIGIN;
  return { kind: spec.kind, location, edition: pulled.edition };
}

/** Writes (Excel) or uses (browser) what the user confirmed. */
async function confirm(ctx: DataPanelContext): Promise<void> {
  if (!pending) return;
  const t = ctx.texts();
  const { pulled, spec, comparison, signature } = pending;
  if (ctx.host() !== "excel") {
    try {
      previewSnapshots.set(groupOf(spec.kind), new Set(comparison.snapshot));
      ctx.use(comparison.result, pulled.edition, pulled.origin, spec.kind);
      setMessage("data-message", t.pulledPreview({ n: comparison.result.observations.length, title: pulled.edition.title }), "ok");
    } catch (error) {
      unexpected(ctx, error);
    } finally {
      pending = null;
      byId("comparison").hidden = true;
    }
    return;
  }
  running = new AbortController();
  setBusy(true);
  byId("comparison").hidden = true;
  try {
    // The outcome's words load with the write, before it: a chunk that cannot load stops the pull before anything is written.
    const [{ runLoadData }, { memoryNote, needsAttention }, { PANE_OUTCOMES }] = await Promise.all([
      import(/* webpackChunkName: "excel" */ "./excel-actions"),
      import(/* webpackChunkName: "excel-load" */ "./memory-notes"),
      import(/* webpackChunkName: "outcomes" */ "../text/outcomes"),
    ]);
    const o = bookTexts(PANE_OUTCOMES, ctx.language());
    const result = await runLoadData({ pkg: pulled.package, source: rememberAs(spec, pulled) }, ctx.shipped, {
      expected: signature ?? undefined,
      signal: running.signal,
      onProgress: (fraction, message) => progressTo(fraction, textOf(message, ctx.language())),
    });
    pending = null;
    byId("comparison").hidden = true;
    if (!result.ok) {
      if (result.cancelled) return void setMessage("data-message", cancelledText(result.problems, t, ctx.language()), result.problems.length ? "error" : "ok");
      return failed(ctx, result.problems);
    }
    ctx.use(result.comparison.result, pulled.edition, pulled.origin, spec.kind);
    // What was written stands whatever reading it back says: a failure there is a note, not the outcome.
    const notFollowed = await ctx.followWorkbook().then(
      () => null,
      (error: unknown) => o.notFollowed({ why: failureText(error, ctx.language()) }),
    );
    const notes = [
      result.outcome.clash ? o.dataClash({ theirs: result.outcome.clash, ours: result.outcome.sheetName }) : null,
      result.outcome.insertedRows > 0 ? o.insertedRows({ n: result.outcome.insertedRows }) : null,
      ...(result.memory ?? []).map((problem) => textOf(memoryNote(problem), ctx.language())),
      result.outcome.pivotRefused ? o.pivotNotRefreshed({ why: result.outcome.pivotRefused }) : null,
      result.notRecalculated ? o.notRecalculated({ code: result.notRecalculated }) : null,
      notFollowed,
    ].filter((n): n is string => n !== null);
    byId("data-details").replaceChildren(...notes.map((note) => element("li", { textContent: note })));
    const attention = needsAttention(result.memory ?? []) || result.outcome.pivotRefused || result.notRecalculated || notFollowed;
    setMessage("data-message", o.pulled({ n: pulled.package.observations.length, title: pulled.edition.title, total: result.outcome.figures, parts: pulledParts(result.comparison) }), attention ? "error" : "ok");
  } catch (error) {
    unexpected(ctx, error);
  } finally {
    setBusy(false);
  }
}

function cancel(ctx: DataPanelContext): void {
  if (running && !running.signal.aborted) running.abort();
  if (pending) {
    pending = null;
    byId("comparison").hidden = true;
    setMessage("data-message", ctx.texts().cancelledNothing);
  }
}

/** Refresh: the source the workbook remembers, compared again. */
async function refresh(ctx: DataPanelContext): Promise<void> {
  let remembered: RememberedSource | null;
  try {
    const { rememberedSource } = await import(/* webpackChunkName: "excel" */ "./excel-actions");
    remembered = rememberedSource();
  } catch (error) {
    return unexpected(ctx, error);
  }
  if (!remembered) return void setMessage("data-message", ctx.texts().noSource);
  if (remembered.kind === "file") return void setMessage("data-message", ctx.texts().fileAgain({ name: remembered.location }));
  if (remembered.kind === "cbs" && remembered.query) return getAndCompare(ctx, { kind: "cbs", query: remembered.query, baseUrl: remembered.location });
  await getAndCompare(ctx, remembered.kind === "url" ? { kind: "url", url: remembered.location } : { kind: "shipped" });
}

export function setUpDataPanel(ctx: DataPanelContext): void {
  byId("load").addEventListener("click", () => {
    const spec = chosenSource(ctx);
    if (typeof spec === "string") return void setMessage("data-message", spec, "error");
    void getAndCompare(ctx, spec);
  });
  byId("refresh").addEventListener("click", () => void refresh(ctx));
  byId("confirm").addEventListener("click", () => void confirm(ctx));
  byId("cancel-pull").addEventListener("click", () => cancel(ctx));
  byId("cancel-running").addEventListener("click", () => cancel(ctx));
  // The CBS options take room: shown only while CBS is the chosen source.
  const showOptions = () => (byId("cbs-options").hidden = document.querySelector<HTMLInputElement>('input[name="source"]:checked')?.value !== "cbs");
  for (const radio of Array.from(document.querySelectorAll<HTMLInputElement>('input[name="source"]'))) radio.addEventListener("change", showOptions);
  showOptions();
  // Typing an address or picking a file chooses that source.
  const choose = (value: string) => {
    const radio = document.querySelector<HTMLInputElement>(`input[name="source"][value="${value}"]`);
    if (radio) radio.checked = true;
    showOptions();
  };
  byId("source-url").addEventListener("input", () => choose("url"));
  byId("source-file").addEventListener("change", () => choose("file"));
  setUpCbsPanel(ctx.texts, () => choose("cbs"), ctx.language);
}

/** Shows the remembered source in the URL field, so a colleague sees where the workbook's data came from. */
export async function showRememberedSource(): Promise<RememberedSource | null> {
  const { rememberedSource } = await import(/* webpackChunkName: "excel" */ "./excel-actions");
  const remembered = rememberedSource();
  if (remembered?.kind === "url") byId<HTMLInputElement>("source-url").value = remembered.location;
  if (remembered?.kind === "cbs" && remembered.query) showCbsQuery(remembered.query, remembered.location);
  if (remembered && remembered.kind !== "shipped") {
    const radio = document.querySelector<HTMLInputElement>(`input[name="source"][value="${remembered.kind}"]`);
    if (radio) {
      radio.checked = true;
      radio.dispatchEvent(new Event("change"));
    }
  }
  return remembered;
}
