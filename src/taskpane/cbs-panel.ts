/**
 * The CBS part of the Data tab: municipalities searched as you type (from CBS's RegioS
 * endpoint, fetched once), chosen as chips, a range of years, and the API's address (a setting
 * remembered with the workbook).
 */
import { CBS_DEFAULT_URL } from "../sources/cbs/client";
import type { CbsQuery } from "../sources/cbs/pull";
import { byId, element, setMessage } from "./dom";
import { Texts } from "./i18n";

const chosen: string[] = [];
let municipalities: Promise<string[]> | null = null;

export const cbsBaseUrl = () => byId<HTMLInputElement>("cbs-url").value.trim() || CBS_DEFAULT_URL;

/** The query the form describes, or a sentence saying what is missing. */
export function cbsQuery(texts: Texts): CbsQuery | string {
  const pending = byId<HTMLInputElement>("cbs-area").value.trim();
  const areas = pending && !chosen.includes(pending) ? [...chosen, pending] : [...chosen];
  if (areas.length === 0) return texts.cbsChooseArea;
  return { areas, from: Number(byId<HTMLInputElement>("cbs-from").value), to: Number(byId<HTMLInputElement>("cbs-to").value) };
}

function renderChips(texts: () => Texts): void {
  byId("cbs-chosen").replaceChildren(
    ...chosen.map((area) => {
      const remove = element("button", { type: "button", textContent: "×", title: texts().cbsRemove(area) });
      remove.setAttribute("aria-label", texts().cbsRemove(area));
      remove.addEventListener("click", () => {
        chosen.splice(chosen.indexOf(area), 1);
        renderChips(texts);
      });
      return element("li", {}, [area, remove]);
    }),
  );
}

/** The municipalities CBS knows, for the search list (once per pane; a failure is said, not thrown). */
async function loadMunicipalities(texts: () => Texts): Promise<void> {
  municipalities ??= (async () => {
    const { fetchMunicipalities } = await import(/* webpackChunkName: "cbs" */ "../sources/cbs/pull");
    setMessage("data-message", texts().cbsAreasLoading);
    const names = await fetchMunicipalities({ baseUrl: cbsBaseUrl(), fetch: (input, init) => fetch(input, init), timeoutMs: 30_000, inBrowser: true });
    setMessage("data-message", "");
    return names;
  })().catch((error: Error) => {
    municipalities = null;
    setMessage("data-message", error.message, "error");
    return [];
  });
  const names = await municipalities;
  byId("cbs-areas").replaceChildren(...names.map((name) => element("option", { value: name })));
}

let currentTexts: () => Texts;

/** Fills the form with a query pulled before (remembered with the workbook). */
export function showCbsQuery(query: CbsQuery, baseUrl: string): void {
  chosen.splice(0, chosen.length, ...query.areas);
  byId<HTMLInputElement>("cbs-from").value = String(query.from);
  byId<HTMLInputElement>("cbs-to").value = String(query.to);
  byId<HTMLInputElement>("cbs-url").value = baseUrl;
  renderChips(currentTexts);
}

export function setUpCbsPanel(texts: () => Texts, chooseCbs: () => void): void {
  currentTexts = texts;
  const input = byId<HTMLInputElement>("cbs-area");
  byId<HTMLInputElement>("cbs-url").value = CBS_DEFAULT_URL;
  const add = () => {
    const area = input.value.trim();
    if (area && !chosen.includes(area)) chosen.push(area);
    input.value = "";
    renderChips(texts);
  };
  byId("cbs-add").addEventListener("click", add);
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    add();
  });
  input.addEventListener("focus", () => {
    chooseCbs();
    void loadMunicipalities(texts);
  });
  byId("cbs-url").addEventListener("change", () => {
    municipalities = null;
  });
}
