/**
 * The CBS part of the Data tab: municipalities searched as you type by the names people use (from
 * CBS's RegioS endpoint, fetched once: "Haag" finds 's-Gravenhage), chosen as chips under their
 * plain name, a range of years, and the API's address (a setting remembered with the workbook).
 * A name that fits no municipality, or two, is said when it is added, all at once.
 */
import type { MunicipalityNames } from "../data/municipality-names";
import type { Language } from "../data/types";
import { CBS_DEFAULT_URL } from "../sources/cbs/address";
import type { CbsQuery } from "../sources/cbs/pull";
import { byId, element, setMessage } from "./dom";
import { failureText } from "./failure";
import { Texts } from "./i18n";

const chosen: string[] = [];
let municipalities: Promise<MunicipalityNames | null> | null = null;
let loaded: MunicipalityNames | null = null;

export const cbsBaseUrl = () => byId<HTMLInputElement>("cbs-url").value.trim() || CBS_DEFAULT_URL;

/** Names typed in one go: "Leiden, Delft". */
const typedNames = (text: string) => text.split(/[,;]/).map((n) => n.trim()).filter(Boolean);

/** The query the form describes, or a sentence saying what is missing. */
export function cbsQuery(texts: Texts): CbsQuery | string {
  const pending = typedNames(byId<HTMLInputElement>("cbs-area").value).filter((name) => !chosen.includes(name));
  const areas = [...chosen, ...pending];
  if (areas.length === 0) return texts.cbsChooseArea;
  return { areas, from: Number(byId<HTMLInputElement>("cbs-from").value), to: Number(byId<HTMLInputElement>("cbs-to").value) };
}

function renderChips(texts: () => Texts): void {
  byId("cbs-chosen").replaceChildren(
    ...chosen.map((area) => {
      const remove = element("button", { type: "button", textContent: "×", title: texts().cbsRemove({ area }) });
      remove.setAttribute("aria-label", texts().cbsRemove({ area }));
      remove.addEventListener("click", () => {
        chosen.splice(chosen.indexOf(area), 1);
        renderChips(texts);
      });
      return element("li", {}, [area, remove]);
    }),
  );
}

/** The municipalities CBS knows, for the search list (once per pane; a failure is said, not thrown). */
async function loadMunicipalities(texts: () => Texts): Promise<MunicipalityNames | null> {
  municipalities ??= (async () => {
    const { fetchMunicipalityNames } = await import(/* webpackChunkName: "cbs" */ "../sources/cbs/pull");
    setMessage("data-message", texts().cbsAreasLoading);
    const names = await fetchMunicipalityNames({ baseUrl: cbsBaseUrl(), fetch: (input, init) => fetch(input, init), timeoutMs: 30_000, inBrowser: true });
    setMessage("data-message", "");
    return names;
  })().catch((error: unknown) => {
    municipalities = null;
    setMessage("data-message", failureText(error, currentLanguage()), "error");
    return null;
  });
  loaded = await municipalities;
  showMatches(byId<HTMLInputElement>("cbs-area").value);
  return loaded;
}

/** The search list: municipalities whose name, CBS title or everyday name contains what is typed. */
function showMatches(typed: string): void {
  if (!loaded) return;
  const last = typedNames(typed).pop() ?? "";
  const matches = last ? loaded.search(last, 30) : [...loaded.municipalities].sort((a, b) => a.name.localeCompare(b.name, "nl"));
  byId("cbs-areas").replaceChildren(
    ...matches.map((m) => {
      // The label shows what else the municipality is called, so "Haag" visibly finds 's-Gravenhage.
      const also = [...loaded!.everydayNames(m), ...(m.title !== m.name ? [m.title] : [])];
      return element("option", { value: m.name, label: also.length ? `${m.name} (${also.join(", ")})` : m.name });
    }),
  );
}

let currentTexts: () => Texts;
let currentLanguage: () => Language = () => "nl";

/** Fills the form with a query pulled before (remembered with the workbook). */
export function showCbsQuery(query: CbsQuery, baseUrl: string): void {
  chosen.splice(0, chosen.length, ...query.areas);
  byId<HTMLInputElement>("cbs-from").value = String(query.from);
  byId<HTMLInputElement>("cbs-to").value = String(query.to);
  byId<HTMLInputElement>("cbs-url").value = baseUrl;
  renderChips(currentTexts);
}

/** Adds what is typed as chips under the municipalities' plain names; every name that does not fit is said at once and stays in the field. */
async function addTyped(texts: () => Texts): Promise<void> {
  const input = byId<HTMLInputElement>("cbs-area");
  const names = await loadMunicipalities(texts);
  const refused: string[] = [];
  const problems: string[] = [];
  for (const typed of typedNames(input.value)) {
    // Without the list (CBS unreachable) the name is kept as typed; the pull resolves it or says why not.
    const resolution = names?.resolve(typed) ?? null;
    if (resolution === null || resolution.kind === "found") {
      const name = resolution?.municipality.name ?? typed;
      if (!chosen.includes(name)) chosen.push(name);
      continue;
    }
    refused.push(typed);
    problems.push(resolution.kind === "ambiguous" ? texts().cbsAmbiguous({ name: typed, candidates: resolution.candidates.map((m) => m.name) }) : texts().cbsUnknown({ name: typed, suggestion: resolution.suggestion }));
  }
  input.value = refused.join(", ");
  renderChips(texts);
  if (problems.length) setMessage("data-message", problems.join(" "), "error");
  else if (names) setMessage("data-message", "");
}

export function setUpCbsPanel(texts: () => Texts, chooseCbs: () => void, language: () => Language): void {
  currentTexts = texts;
  currentLanguage = language;
  const input = byId<HTMLInputElement>("cbs-area");
  byId<HTMLInputElement>("cbs-url").value = CBS_DEFAULT_URL;
  byId("cbs-add").addEventListener("click", () => void addTyped(texts));
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    void addTyped(texts);
  });
  input.addEventListener("input", () => showMatches(input.value));
  input.addEventListener("focus", () => {
    chooseCbs();
    void loadMunicipalities(texts);
  });
  byId("cbs-url").addEventListener("change", () => {
    municipalities = null;
    loaded = null;
  });
}
