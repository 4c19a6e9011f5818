/**
 * The task pane: wires the UI to the data, the Excel actions and the download. In Excel it
 * loads data, regenerates sheets and inserts formulas; in a plain browser it is a preview that
 * shows the edition's figures and offers the workbook as a download.
 */
import { MonitorQueries } from "../data/queries";
import { Edition } from "../data/descriptor";
import { pulledAreas } from "../report/pulled-areas";
import { pullShipped, SHIPPED_ORIGIN } from "../sources/shipped-source";
import { MonitorStore } from "../data/store";
import { Language, MonitorPackage, Problem } from "../data/types";
import type { FollowedData } from "../excel/follow";
import { registerCommands } from "../commands/commands";
import { copyText, byId, element, setMessage, setUpTabs } from "./dom";
import { failureText } from "./failure";
import { buildWorkbookBlob, saveBlob } from "./download";
import { setUpDataPanel, showRememberedSource } from "./data-panel";
import { describeFigure, FigureView, searchFigures } from "./figures";
import { editionBox } from "./edition-box";
import { detectHost, Host } from "./host";
import { bookTexts, paneTexts, Texts } from "./i18n";
import { textOf } from "../text/message";
import { problemText } from "../text/problems";

const shipped = pullShipped();
const edition = shipped.package;
/**
 * `queries` is the one store the pane shows: in Excel, the same live store the functions read
 * (built once from the workbook's tables and updated in place by edits); `data` gives the
 * edition as a package, built only when something needs it whole (the download, a comparison).
 */
const state: {
  language: Language;
  host: Host;
  data: () => MonitorPackage;
  /** Where the figures last came from, as the pane shows it. */
  edition: Edition;
  /** The edition the sheets are of (title, year, the report its pages cite): CBS figures beside it leave it. */
  sheetsEdition: Edition;
  /** Where that edition came from; null when the pane does not know (a workbook remembers only its last source). */
  sheetsOrigin: string | null;
  /** Where the figures last came from, and what kind of source that was ("cbs": figures beside the edition). */
  origin: string;
  kind: string;
  queries: MonitorQueries;
  selected: FigureView | null;
} = {
  language: "nl",
  host: "browser",
  data: () => edition,
  edition: shipped.edition,
  sheetsEdition: shipped.edition,
  sheetsOrigin: shipped.origin,
  origin: shipped.origin,
  kind: "shipped",
  queries: new MonitorQueries(new MonitorStore(edition)),
  selected: null,
};
const texts = (): Texts => paneTexts(state.language);

/** Where figures came from; `kind` "cbs": figures beside the edition, which the sheets keep citing. */
interface SourceOf {
  edition: Edition;
  origin: string;
  kind: string;
  /** The edition the workbook remembers for its sheets (Excel), when known. */
  sheetsEdition?: Edition | null;
}

function useSource(from: SourceOf): void {
  state.edition = from.edition;
  state.origin = from.origin;
  state.kind = from.kind;
  if (from.kind !== "cbs") {
    state.sheetsEdition = from.sheetsEdition ?? from.edition;
    state.sheetsOrigin = from.origin;
  } else if (from.sheetsEdition) {
    // The edition the workbook remembers beside its last pull (CBS): where it came from is known
    // only when it is the one the pane already knows.
    if (!sameEdition(from.sheetsEdition, state.sheetsEdition)) state.sheetsOrigin = null;
    state.sheetsEdition = from.sheetsEdition;
  }
}

const sameEdition = (a: Edition, b: Edition) => a.name === b.name && a.version === b.version && a.title === b.title && a.referenceDate === b.referenceDate;

function useData(data: MonitorPackage, from?: SourceOf): void {
  useQueries(new MonitorQueries(new MonitorStore(data)), () => data, from);
}

function useQueries(queries: MonitorQueries, data: () => MonitorPackage, from?: SourceOf): void {
  state.data = data;
  if (from) useSource(from);
  state.queries = queries;
  renderFacts();
  renderResults();
  renderAreaChoice();
}

/** The municipalities pulled from CBS, for Regenerate's population sheets. */
function renderAreaChoice(): void {
  const select = byId<HTMLSelectElement>("area");
  const current = select.value;
  const areas = pulledAreas(state.queries.store);
  select.replaceChildren(element("option", { value: "", textContent: texts().areaNone }), ...areas.map((area) => element("option", { value: area, textContent: area })));
  select.value = areas.includes(current) ? current : "";
  byId("area-choice").hidden = areas.length === 0;
}

function applyTexts(): void {
  document.documentElement.lang = state.language;
  for (const node of Array.from(document.querySelectorAll<HTMLElement>("[data-text]"))) {
    const text = texts()[node.dataset.text as keyof Texts];
    if (typeof text === "string") node.textContent = text;
  }
  for (const node of Array.from(document.querySelectorAll<HTMLElement>("[data-label]"))) {
    const label = texts()[node.dataset.label as keyof Texts];
    if (typeof label === "string") node.setAttribute("aria-label", label);
  }
  for (const node of Array.from(document.querySelectorAll<HTMLInputElement>("[data-placeholder]"))) {
    const placeholder = texts()[node.dataset.placeholder as keyof Texts];
    if (typeof placeholder === "string") node.placeholder = placeholder;
  }
  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>("[data-lang]"))) button.setAttribute("aria-pressed", String(button.dataset.lang === state.language));
  byId<HTMLInputElement>("search").placeholder = texts().searchPlaceholder;
  byId("host").textContent = state.host === "excel" ? texts().inExcel : texts().preview;
  renderFacts();
  renderResults();
}

/** The Edition box: what the data is (see editionBox). */
function renderFacts(): void {
  const box = editionBox(state.queries.store, { last: { edition: state.edition, origin: state.origin, kind: state.kind }, sheets: { edition: state.sheetsEdition, origin: state.sheetsOrigin } }, texts(), state.language);
  byId("edition-title").textContent = box.title;
  byId("facts").replaceChildren(...box.facts.flatMap(([term, value]) => [element("dt", { textContent: term }), element("dd", { textContent: value })]));
}

function renderResults(): void {
  const query = byId<HTMLInputElement>("search").value;
  const results = searchFigures(state.queries, query, state.language);
  const list = byId("results");
  list.replaceChildren(
    ...results.map((figure) => {
      const button = element("button", { type: "button" }, [element("span", { textContent: figure.label }), element("span", { className: "value", textContent: figure.value })]);
      button.addEventListener("click", () => showFigure(figure, button));
      return element("li", {}, [button]);
    }),
  );
  if (results.length === 0) list.replaceChildren(element("li", { className: "message", textContent: texts().noResults }));
  if (state.selected) {
    const still = state.queries.store.observations.includes(state.selected.observation);
    byId("detail").hidden = !still;
    if (still) showFigure(describeFigure(state.queries, state.selected.observation, state.language));
  }
}

function showFigure(figure: FigureView, button?: HTMLButtonElement): void {
  state.selected = figure;
  for (const b of Array.from(byId("results").querySelectorAll("button"))) b.removeAttribute("aria-current");
  button?.setAttribute("aria-current", "true");
  const o = figure.observation;
  const insert = element("button", { type: "button", className: "primary", textContent: texts().insertFormula, hidden: state.host !== "excel" });
  const copy = element("button", { type: "button", className: "secondary", textContent: texts().copySentence });
  insert.addEventListener("click", () => act("figures-message", async () => {
    const { insertFormula } = await import(/* webpackChunkName: "excel" */ "./excel-actions");
    return texts().formulaInserted({ address: await insertFormula(figure.apiFormula) });
  }));
  copy.addEventListener("click", () => act("figures-message", async () => {
    await copyText(figure.sentence);
    return `${texts().copied}: ${figure.sentence}`;
  }));
  byId("detail").hidden = false;
  byId("detail").replaceChildren(
    element("div", { textContent: figure.label }),
    element("div", { className: "big", textContent: figure.value }),
    element("dl", { className: "facts" }, [
      element("dt", { textContent: texts().source }),
      element("dd", { textContent: `${figure.citation} (${texts().page} ${o.pagina ?? "–"})` }),
      element("dt", { textContent: texts().status }),
      element("dd", { textContent: texts().statusValue({ status: o.status }) }),
      ...(o.toelichting ? [element("dt", { textContent: texts().note }), element("dd", { textContent: o.toelichting })] : []),
      element("dt", { textContent: texts().formula }),
      element("dd", {}, [element("code", { textContent: figure.displayFormula })]),
      // The sentence is shown before it is copied, so the clerk knows what lands in the note.
      element("dt", { textContent: texts().sentence }),
      element("dd", { className: "sentence", textContent: figure.sentence }),
    ]),
    element("div", { className: "actions" }, [insert, copy]),
  );
}

/** Validation problems as list items, each naming its row and column. */
const problemItems = (problems: Problem[]) => problems.map((p) => element("li", { textContent: problemText(p, state.language) }));

/** Runs an action with the buttons disabled; its outcome (or failure) goes to a live region. */
async function act(messageId: string, run: () => Promise<string | void>): Promise<void> {
  const buttons = Array.from(document.querySelectorAll<HTMLButtonElement>("button.primary, button.secondary"));
  buttons.forEach((b) => (b.disabled = true));
  setMessage(messageId, texts().working);
  try {
    const message = await run();
    setMessage(messageId, message ?? texts().done, "ok");
  } catch (error) {
    setMessage(messageId, `${texts().failed} ${failureText(error, state.language)}`, "error");
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

async function download(messageId: string): Promise<void> {
  await act(messageId, async () => {
    const { blob, fileName } = await buildWorkbookBlob(state.data(), state.language, state.sheetsEdition);
    saveBlob(blob, fileName);
    return texts().downloadReady;
  });
}

/** Regenerates from the pane or the ribbon; true when the outcome needs the user's attention. */
async function pivotClicked(): Promise<void> {
  await act("sheets-message", async () => {
    const { runPivot } = await import(/* webpackChunkName: "excel" */ "./excel-actions");
    const result = await runPivot(state.data(), state.language);
    if (!result.ok) {
      byId("sheets-status").replaceChildren(...problemItems(result.problems));
      throw new Error(texts().problems);
    }
    return [texts().pivotDone({ sheet: result.sheetName, refreshed: result.status === "refreshed" }), ...result.notes.map((note) => textOf(note, state.language))].join(" ");
  });
}

async function regenerateClicked(): Promise<boolean> {
  let attention = true;
  const progress = byId<HTMLProgressElement>("progress");
  const list = byId("sheets-status");
  list.replaceChildren();
  progress.hidden = false;
  await act("sheets-message", async () => {
    // The outcome's words load with Regenerate, before it writes (a chunk that cannot load stops it first).
    const [{ runRegenerate }, { PANE_OUTCOMES }] = await Promise.all([import(/* webpackChunkName: "excel" */ "./excel-actions"), import(/* webpackChunkName: "outcomes" */ "../text/outcomes")]);
    const outcome = bookTexts(PANE_OUTCOMES, state.language);
    const area = byId<HTMLSelectElement>("area").value || undefined;
    const result = await runRegenerate(
      edition,
      state.language,
      (fraction, message) => {
        progress.value = fraction;
        setMessage("sheets-message", textOf(message, state.language));
      },
      area,
      state.sheetsEdition,
    );
    if (!result.ok) {
      list.replaceChildren(...problemItems(result.problems));
      throw new Error(texts().problems);
    }
    const badge = { created: texts().sheetCreated, replaced: texts().sheetReplaced, updated: texts().sheetUpdated, skipped: texts().sheetSkipped };
    list.replaceChildren(
      ...result.sheets.map((s) =>
        element("li", {}, [
          element("span", { className: "badge", textContent: badge[s.status] }),
          s.name ?? s.key,
          s.status === "skipped" ? "" : texts().sheetCounts({ tables: s.tables, charts: s.charts }),
          ...(s.notes.length ? [element("span", { className: "note", textContent: s.notes.map((note) => textOf(note, state.language)).join(" ") })] : []),
        ]),
      ),
    );
    list.append(
      ...result.kept.map((k) =>
        element("li", {}, [
          element("span", { className: "badge kept", textContent: texts().sheetKept }),
          k.withdrawn ? outcome.withdrawnKept({ name: k.name, was: k.was, why: k.why, by: k.by }) : outcome.keptItem({ name: k.name, was: k.was, why: k.why, by: k.by, moves: k.moves }),
        ]),
      ),
      ...result.removed.map((r) => element("li", {}, [element("span", { className: "badge kept", textContent: texts().sheetRemoved }), outcome.withdrawnRemoved({ name: r.name })])),
    );
    // Regenerate wrote the Data tables itself (the workbook had none): follow them from now on.
    // What was written stands whatever reading it back says: a failure there is a note, not the outcome.
    const notFollowed = result.data ? await followWorkbookData().then(() => null, (error: unknown) => outcome.notFollowed({ why: failureText(error, state.language) })) : null;
    if (result.data?.clash) list.prepend(element("li", {}, [element("span", { className: "note", textContent: outcome.dataClash({ theirs: result.data.clash, ours: result.data.sheetName }) })]));
    const warnings = [result.notRecalculated ? outcome.notRecalculated({ code: result.notRecalculated }) : null, notFollowed].filter((n): n is string => n !== null);
    list.prepend(...warnings.map((warning) => element("li", {}, [element("span", { className: "note", textContent: warning })])));
    const built = result.sheets.filter((s) => s.status !== "skipped");
    attention = result.sheets.some((s) => s.notes.length > 0) || result.kept.length > 0 || result.removed.length > 0 || Boolean(result.data?.clash) || warnings.length > 0;
    return outcome.summary({ built: built.filter((s) => s.status !== "updated").length, updated: built.filter((s) => s.status === "updated").length, charts: built.reduce((n, s) => n + s.charts, 0) });
  });
  progress.hidden = true;
  return attention;
}

/** In Excel: the functions and the pane use the workbook's own MonitorData when it has one, and follow its edits. */
async function followWorkbookData(): Promise<void> {
  const { followWorkbook } = await import(/* webpackChunkName: "excel" */ "./excel-actions");
  const found = await followWorkbook(
    edition,
    (data, how) => void showFollowed(data, how),
    (fraction) => setMessage("data-message", texts().readingWorkbook({ percent: Math.round(fraction * 100) })),
  );
  if (found.kind === "found") {
    const remembered = await showRememberedSource();
    const { rememberedEdition } = await import(/* webpackChunkName: "excel" */ "./excel-actions");
    if (remembered) useSource({ edition: remembered.edition, origin: remembered.kind === "shipped" ? SHIPPED_ORIGIN : remembered.location, kind: remembered.kind, sheetsEdition: rememberedEdition() });
    renderFacts();
  }
}

/**
 * What the pane shows of the workbook's tables after a read or an edit. After an edit the facts
 * are redrawn at once and the search results a moment later, once the functions have answered.
 */
function showFollowed(data: FollowedData, how: "read" | "edit"): void {
  if (data.kind === "invalid") {
    setMessage("data-message", texts().problems, "error");
    byId("data-details").replaceChildren(...problemItems(data.problems));
    return;
  }
  if (data.kind === "unread" || data.kind === "missing") {
    // A read Excel refused, also one after an edit (no action to report it), or a table renamed or deleted: the functions say the same.
    setMessage("data-message", textOf(data.why, state.language), "error");
    return;
  }
  if (data.kind !== "found") return;
  const live = data.live;
  if (how === "read" || state.queries !== live.queries) useQueries(live.queries, () => live.package());
  else {
    renderFacts();
    setTimeout(renderResults, 0);
  }
  byId("data-details").replaceChildren();
  setMessage("data-message", texts().loaded({ n: live.figures }));
}

async function setLanguage(language: Language): Promise<void> {
  state.language = language;
  applyTexts();
  if (state.host === "excel") (await import(/* webpackChunkName: "excel" */ "./excel-actions")).setFunctionsLanguage(language);
}

async function start(): Promise<void> {
  setUpTabs();
  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>("[data-lang]"))) button.addEventListener("click", () => setLanguage(button.dataset.lang as Language));
  byId("download").addEventListener("click", () => download("data-message"));
  byId("download-sheets").addEventListener("click", () => download("sheets-message"));
  setUpDataPanel({
    host: () => state.host,
    texts,
    language: () => state.language,
    shipped: edition,
    current: () => state.data(),
    // In Excel the pane follows what was written from the workbook itself (followWorkbook).
    use: (pkg, pulledEdition, origin, kind) => (state.host === "excel" ? useSource({ edition: pulledEdition, origin, kind }) : useData(pkg, { edition: pulledEdition, origin, kind })),
    followWorkbook: followWorkbookData,
    showProblems: (problems) => byId("data-details").replaceChildren(...problemItems(problems)),
  });
  byId("regenerate").addEventListener("click", () => void regenerateClicked());
  byId("pivot").addEventListener("click", () => void pivotClicked());
  byId("search").addEventListener("input", renderResults);
  applyTexts();
  // An Excel that answers only after the pane chose its preview makes it the Excel pane then.
  const lateExcel = () => void enterHost("excel").catch((error) => setMessage("data-message", `${texts().failed} ${failureText(error, state.language)}`, "error"));
  await enterHost(await detectHost(undefined, lateExcel));
}

/** Shows the pane for `host`: the Excel pane registers the ribbon's command and follows the workbook. */
async function enterHost(host: Host): Promise<void> {
  state.host = host;
  if (state.host === "excel") registerCommands({ regenerate: regenerateClicked });
  document.body.dataset.host = state.host;
  for (const node of Array.from(document.querySelectorAll<HTMLElement>(".excel-only"))) node.hidden = state.host !== "excel";
  for (const node of Array.from(document.querySelectorAll<HTMLElement>(".preview-only"))) node.hidden = state.host === "excel";
  byId("host").className = state.host;
  if (state.host === "excel" && Office.context.displayLanguage?.toLowerCase().startsWith("en")) await setLanguage("en");
  else applyTexts();
  if (state.host === "excel") await followWorkbookData();
}

start().catch((error) => setMessage("data-message", `${texts().failed} ${failureText(error, state.language)}`, "error"));
