import type { PulledParts } from "../data/compare";
import { formatNumber } from "../data/format";
import { Language } from "../data/types";
import type { KeptReason } from "./excel";
import { phrase } from "./message";
import { pointingInto, Reference } from "./references";

/**
 * What the pane says when a pull or Regenerate has written to the workbook: the pull's figures
 * and how they joined MonitorData, Regenerate's sheets built, kept and removed, and the notes
 * beside either (rows inserted, a PivotTable or recalculation Excel refused, a read back that
 * failed, the user's own Data sheet). Apart from the rest of the pane's texts (src/text/pane.ts),
 * so that the pane's first load does not carry them (the browser test holds that first load
 * under 250 KB): the pane loads them (the "outcomes" chunk) with the action, before it writes,
 * so a chunk that cannot load stops the action before anything is written. Their ids are the
 * pane's ("pane.pulled"): to a reader they are the pane's texts like any other.
 */

/** A count as the pane shows it: 1.253 in Dutch, 1,253 in English. */
const count = (n: number, language: Language) => formatNumber(n, 0, language);

/** ": 154 new, 14 already there (2 of them changed)", or nothing when the parts do not add up to the figures pulled. */
function partsText(n: number, parts: PulledParts | undefined, language: Language): string {
  if (!parts || parts.added + parts.already + parts.stayDeleted !== n || parts.added === n) return "";
  const nl = language === "nl";
  const changed = parts.changed > 0 ? (nl ? ` (waarvan ${count(parts.changed, "nl")} gewijzigd)` : ` (${count(parts.changed, "en")} of them changed)`) : "";
  const items = [
    parts.added > 0 ? (nl ? `${count(parts.added, "nl")} nieuw` : `${count(parts.added, "en")} new`) : null,
    parts.already > 0 ? (nl ? `${count(parts.already, "nl")} stond${parts.already === 1 ? "" : "en"} er al${changed}` : `${count(parts.already, "en")} already there${changed}`) : null,
    parts.stayDeleted > 0 ? (nl ? `${count(parts.stayDeleted, "nl")} door u verwijderd, ${parts.stayDeleted === 1 ? "blijft" : "blijven"} weg` : `${count(parts.stayDeleted, "en")} you deleted, which stay${parts.stayDeleted === 1 ? "s" : ""} deleted`) : null,
  ].filter((item): item is string => item !== null);
  return `: ${items.join(", ")}`;
}

/**
 * Whether MonitorData holds the `n` figures pulled and nothing else: it holds `n` (`total`) and
 * the parts, adding up to `n`, say none of them stays deleted. Without parts that cannot be told,
 * so the pane says what it knows (pulled `n`, MonitorData holds `total`).
 */
const allIn = (n: number, total: number, parts: PulledParts | undefined): boolean =>
  n === total && parts !== undefined && parts.stayDeleted === 0 && parts.added + parts.already === n;

/** The pane's line for a sheet kept because something points into it (`by`, see references.ts); `moves`: the new layout would move its figures. */
function referencedItem(by: readonly Reference[], moves: boolean, name: string, language: Language): string {
  const nl = language === "nl";
  const pointing = pointingInto(by, language);
  const layout = moves ? (nl ? " en de nieuwe indeling zou de cijfers verplaatsen" : " and the new layout would move its figures") : "";
  if ("unchecked" in pointing) {
    return nl
      ? `'${name}': niet na te gaan of ${pointing.unchecked} ernaar verwijzen (te veel om te lezen, of Excel kan het niet zeggen)${layout}; ongewijzigd bewaard.`
      : `'${name}': whether ${pointing.unchecked} point into it cannot be checked (too many to read, or Excel cannot say)${moves ? "," : ""}${layout}; kept unchanged.`;
  }
  const verb = nl ? (pointing.plural ? "verwijzen" : "verwijst") : pointing.plural ? "point" : "points";
  return nl
    ? `'${name}': ${pointing.subject} ${verb} ernaar${layout}; ongewijzigd bewaard, zodat wat ernaar verwijst blijft tonen wat het toonde.`
    : `'${name}': ${pointing.subject} ${verb} into it${layout}; kept unchanged, so what points into it keeps showing what it showed.`;
}

/** Why a sheet whose figures left the data was kept instead of removed (see withdrawnKept). */
function withdrawnWhy(why: KeptReason, by: readonly Reference[], language: Language): string {
  const nl = language === "nl";
  if (why === "referenced") {
    const pointing = pointingInto(by, language);
    if ("unchecked" in pointing) return nl ? `niet na te gaan is of ${pointing.unchecked} ernaar verwijzen` : `whether ${pointing.unchecked} point into it cannot be checked`;
    return nl ? `${pointing.subject} ${pointing.plural ? "verwijzen" : "verwijst"} ernaar` : `${pointing.subject} ${pointing.plural ? "point" : "points"} into it`;
  }
  if (why === "copy") return nl ? "het is uw kopie van een monitorblad" : "it is your copy of a monitor sheet";
  if (why === "unseen" || why === "unproven") return nl ? "niet na te gaan is of u het veranderde" : "whether you changed it cannot be checked";
  return nl ? "het bevat uw eigen aanvullingen" : "it holds your own additions";
}

export const PANE_OUTCOMES = {
  /**
   * After a pull: `n` figures delivered by the source (`title`), `total` the figures MonitorData
   * holds now. They differ when the pull joined figures already there (a CBS pull beside the
   * edition), or when rows the analyst deleted stay deleted: then both are named, so the pull
   * is never credited with the edition's figures. The short line ("N figures … are in
   * MonitorData") only when it holds: MonitorData holds N and the parts say every one of the N is
   * in it. With some staying deleted, as many figures of another source can make up the total.
   */
  pulled: phrase<{ n: number; title: string; total: number; parts?: PulledParts }>(
    "pane.pulled",
    ({ n, title, total, parts }) =>
      allIn(n, total, parts)
        ? `${count(n, "nl")} ${n === 1 ? "cijfer" : "cijfers"} van '${title}' ${n === 1 ? "staat" : "staan"} in MonitorData.`
        : `${count(n, "nl")} ${n === 1 ? "cijfer" : "cijfers"} van '${title}' opgehaald${partsText(n, parts, "nl")}; MonitorData heeft er nu ${count(total, "nl")}.`,
    ({ n, title, total, parts }) =>
      allIn(n, total, parts)
        ? `${count(n, "en")} ${n === 1 ? "figure" : "figures"} of '${title}' ${n === 1 ? "is" : "are"} in MonitorData.`
        : `Pulled ${count(n, "en")} ${n === 1 ? "figure" : "figures"} of '${title}'${partsText(n, parts, "en")}; MonitorData now holds ${count(total, "en")}.`,
  ),
  insertedRows: phrase<{ n: number }>(
    "pane.insertedRows",
    ({ n }) => `De tabellen zijn met ${count(n, "nl")} rijen gegroeid; cellen onder een tabel zijn mee naar beneden geschoven, niet overschreven.`,
    ({ n }) => `The tables grew by ${count(n, "en")} rows; cells below a table moved down with them, nothing was overwritten.`,
  ),
  /** The figures were written, but Excel refused refreshing the PivotTable on MonitorData (`why`: Excel's code, "Excel: GeneralException"). */
  pivotNotRefreshed: phrase<{ why: string }>(
    "pane.pivotNotRefreshed",
    ({ why }) => `Let op: Excel weigerde de draaitabel bij te werken (${why}); die toont nog de vorige cijfers. Kies Gegevens › Alles vernieuwen.`,
    ({ why }) => `Note: Excel refused refreshing the PivotTable (${why}); it still shows the previous figures. Choose Data › Refresh All.`,
  ),
  /** What was written stands, but Excel refused recalculating the workbook after it (`code`: Excel's). */
  notRecalculated: phrase<{ code: string }>(
    "pane.notRecalculated",
    ({ code }) => `Let op: Excel weigerde daarna de werkmap opnieuw te berekenen (Excel: ${code}); uw formules die MonitorData lezen kunnen nog de vorige cijfers tonen. Druk op Ctrl+Alt+F9 om alles opnieuw te berekenen.`,
    ({ code }) => `Note: Excel then refused recalculating the workbook (Excel: ${code}); your formulas that read MonitorData may still show the previous figures. Press Ctrl+Alt+F9 to recalculate everything.`,
  ),
  /**
   * What was written stands, but reading the tables back for the figures and the functions failed
   * afterwards (`why`: that failure's text in the pane's language).
   */
  notFollowed: phrase<{ why: string }>(
    "pane.notFollowed",
    ({ why }) => `Let op: de cijfers staan in de werkmap, maar het teruglezen ervan voor het tabblad Cijfers en de functies MONITOR.* lukte niet: ${why}`,
    ({ why }) => `Note: the figures are in the workbook, but reading them back for the Figures tab and the MONITOR.* functions did not work: ${why}`,
  ),
  keptItem: phrase<{ name: string; was: string; why: KeptReason; by?: Reference[]; moves?: boolean }>(
    "pane.keptItem",
    ({ name, was, why, by, moves }) =>
      why === "copy"
        ? `'${name}': uw kopie van een monitorblad, niet aangeraakt; het is nu uw eigen blad.`
        : why === "referenced"
          ? referencedItem(by ?? [], moves ?? true, name, "nl")
          : why === "unseen"
            ? `'${name}': deze versie van Excel kan niet alles lezen wat u kunt toevoegen (notities, kleuren of gegevensbronnen van grafieken) en de indeling verandert; ongewijzigd bewaard.`
          : why === "unproven"
            ? `'${name}': opmaak niet na te gaan (buiten Excel of door een oudere versie gemaakt, of veranderd terwijl het werd bijgewerkt) en de indeling verandert; ongewijzigd bewaard.`
            : name === was
              ? `'${name}': bevat uw eigen aanvullingen, niet aangeraakt; het is nu uw eigen blad.`
              : `'${name}': uw versie van '${was}' met uw eigen aanvullingen, bewaard onder deze naam.`,
    ({ name, was, why, by, moves }) =>
      why === "copy"
        ? `'${name}': your copy of a monitor sheet, left alone; it is your own sheet now.`
        : why === "referenced"
          ? referencedItem(by ?? [], moves ?? true, name, "en")
          : why === "unseen"
            ? `'${name}': this version of Excel cannot read everything you may add (notes, or the charts' colours or data sources) and its layout changes; kept unchanged.`
          : why === "unproven"
            ? `'${name}': its formatting cannot be checked (made outside Excel or by an older version, or changed while it was being updated) and its layout changes; kept unchanged.`
            : name === was
              ? `'${name}': holds your own additions, left alone; it is your own sheet now.`
              : `'${name}': your version of '${was}' with your own additions, kept under this name.`,
  ),
  /** A sheet whose figures left the data (no plan has its key), exactly as written and unreferenced: deleted. */
  withdrawnRemoved: phrase<{ name: string }>(
    "pane.withdrawnRemoved",
    ({ name }) => `'${name}': de gegevens hebben geen cijfers meer voor dit blad; het stond er zoals de invoegtoepassing het schreef en niets verwees ernaar, dus het is verwijderd.`,
    ({ name }) => `'${name}': the data has no figures for this sheet any more; it was exactly as the add-in wrote it and nothing pointed into it, so it was removed.`,
  ),
  /** A sheet whose figures left the data, kept (`why`, `by`: as for keptItem) under `name` without the add-in's mark. */
  withdrawnKept: phrase<{ name: string; was: string; why: KeptReason; by?: Reference[] }>(
    "pane.withdrawnKept",
    ({ name, was, why, by }) => `'${name}': de gegevens hebben geen cijfers meer voor '${was}'; ${withdrawnWhy(why, by ?? [], "nl")}, dus het blad is ongewijzigd bewaard, met de cijfers die het toonde. Het is nu uw eigen blad en wordt niet meer bijgewerkt.`,
    ({ name, was, why, by }) => `'${name}': the data has no figures for '${was}' any more; ${withdrawnWhy(why, by ?? [], "en")}, so the sheet was kept unchanged, with the figures it showed. It is your own sheet now and is no longer updated.`,
  ),
  /** After Regenerate: `built` sheets built (new or rebuilt), `updated` brought up to date in place, with `charts` charts in all. */
  summary: phrase<{ built: number; updated: number; charts: number }>(
    "pane.summary",
    ({ built, updated, charts }) => {
      const sheets = (n: number) => `${n} ${n === 1 ? "blad" : "bladen"}`;
      const withCharts = `${charts} ${charts === 1 ? "grafiek" : "grafieken"}`;
      if (updated === 0) return `${sheets(built)} opgebouwd met ${withCharts}.`;
      if (built === 0) return `${sheets(updated)} bijgewerkt, met ${withCharts}.`;
      return `${sheets(built)} opgebouwd en ${updated} bijgewerkt, met ${withCharts}.`;
    },
    ({ built, updated, charts }) => {
      const sheets = (n: number) => `${n} ${n === 1 ? "sheet" : "sheets"}`;
      const withCharts = `${charts} ${charts === 1 ? "chart" : "charts"}`;
      if (updated === 0) return `${sheets(built)} built with ${withCharts}.`;
      if (built === 0) return `${sheets(updated)} updated, with ${withCharts}.`;
      return `${sheets(built)} built and ${updated} updated, with ${withCharts}.`;
    },
  ),
  dataClash: phrase<{ theirs: string; ours: string }>(
    "pane.dataClash",
    ({ theirs, ours }) => `Uw blad '${theirs}' is niet aangeraakt; de tabellen staan op '${ours}'.`,
    ({ theirs, ours }) => `Your sheet '${theirs}' was left alone; the tables are on '${ours}'.`,
  ),
} as const;
