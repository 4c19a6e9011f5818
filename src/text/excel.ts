import { formatNumber } from "../data/format";
import type { Language } from "../data/types";
import { phrase } from "./message";
import { EXCEL_READS } from "./excel-reads";
import { pointingInto, Reference } from "./references";
import { capital } from "./words";

export type { Reading, WriteAction } from "./excel-reads";

/**
 * The words of the add-in's actions in Excel: Regenerate's progress and its notes per sheet, the
 * PivotTable, the Data sheet and its tables, and what stops them. Sheet and table names are
 * parameters as Excel holds them; the contract's table names (MonitorData…) stay as they are.
 */

/** Names quoted and joined by commas: 'Bevolking', 'Woonduur'. */
const quoted = (names: readonly string[]) => names.map((n) => `'${n}'`).join(", ");

/** A sheet or table with its name now and before: 'Woonduur 2026-11-25' (was 'Woonduur'). */
interface Renamed {
  name: string;
  was: string;
}
const renamings = (list: readonly Renamed[], was: string) => list.map((r) => `'${r.name}' (${was} '${r.was}')`).join(", ");
/** "heet nu anders", or (not read from Excel) "kan nu anders heten"; for one or more. */
const nowNamedNl = (one: boolean, certain: boolean) => (certain ? (one ? "heet nu anders" : "heten nu anders") : one ? "kan nu anders heten" : "kunnen nu anders heten");

/** Where a first load put back on a blank sheet left the table style's look (src/excel/undo.ts's LookLeft). */
export interface LookLeft {
  sheet: string;
  ranges: string[];
}
const lookLeftNl = (left: readonly LookLeft[]) =>
  left
    .map(
      ({ sheet, ranges }) =>
        `Op het blad '${sheet}' zijn de tabellen die de invoegtoepassing schreef weer gewone cellen en is wat ze schreef weer weg, maar de opmaak van de tabelstijl (vulling, lettertype) blijft op ${ranges.join(", ")} staan als opmaak van de cellen zelf: ` +
        `Excel laat die na Converteren naar bereik staan, en de invoegtoepassing wist geen opmaak, om niets van uw eigen opmaak weg te nemen. ` +
        `Wilt u hem weg, kies dan op die cellen Start › Wissen › Opmaak wissen (dat wist daar ook uw eigen opmaak). Het blad is daardoor niet leeg; de volgende keer laden maakt een nieuw blad.`,
    )
    .join(" ");
const lookLeftEn = (left: readonly LookLeft[]) =>
  left
    .map(
      ({ sheet, ranges }) =>
        `On the sheet '${sheet}' the tables the add-in wrote are plain cells again and what it wrote is gone, but the table style's look (fill, font) stays on ${ranges.join(", ")} as the cells' own formats: ` +
        `Excel leaves it there after Convert to Range, and the add-in clears no formats, so as not to take any of your own. ` +
        `To remove it, select those cells and choose Home › Clear › Clear Formats (that also clears your own formats there). So the sheet is not blank; the next load makes a new sheet.`,
    )
    .join(" ");

/**
 * Where a first load put back on a blank sheet kept cells of the analyst's (src/excel/undo.ts's
 * theirsIn): `cells`, the first areas ("G6", "B10:D10"); `more`, how many others. `was`: the
 * sheet was one it was making, kept with their cells as theirs under the name `sheet`.
 */
export interface TheirsKept {
  sheet: string;
  cells: string[];
  more: number;
  was?: string;
  /** On a sheet it was making: what else the analyst added there (src/excel/undo.ts, queueAddedProbe), besides `cells`. */
  extras?: AddedKind[];
}

const keptList = ({ cells, more }: TheirsKept, and: string) => `${cells.join(", ")}${more ? ` ${and} ${more}` : ""}`;
const oneCell = ({ cells, more }: TheirsKept) => cells.length === 1 && more === 0 && !cells[0].includes(":");

/** What an analyst may add to a sheet besides cells' values (src/excel/undo.ts, queueAddedProbe); "notesUnseen": Excel has no notes API to tell. */
export type AddedKind = "notes" | "notesUnseen" | "comments" | "shapes" | "charts" | "conditionalFormats" | "validation";
const ADDED: Record<Exclude<AddedKind, "notesUnseen">, [string, string]> = {
  notes: ["notities", "notes"],
  comments: ["opmerkingen", "threaded comments"],
  shapes: ["vormen of afbeeldingen", "shapes or pictures"],
  charts: ["grafieken", "charts"],
  conditionalFormats: ["voorwaardelijke opmaak", "conditional formats"],
  validation: ["gegevensvalidatie", "data validation"],
};
/** The kinds added, as a list in the language ([0] Dutch, [1] English). */
const addedList = (extras: readonly AddedKind[], l: 0 | 1) => {
  const words = extras.flatMap((kind) => (kind === "notesUnseen" ? [] : [ADDED[kind][l]]));
  return words.length < 2 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} ${l === 0 ? "en" : "and"} ${words[words.length - 1]}`;
};

/** A sheet a first load was making, kept as the analyst's (TheirsKept with `was`): what of theirs was on it, and its new name. */
const keptMakingNl = (kept: TheirsKept) => {
  const extras = kept.extras ?? [];
  const added = addedList(extras, 0);
  const at = `het blad '${kept.was}' dat de invoegtoepassing aan het maken was`;
  const parts = [
    kept.cells.length ? `Op ${at}, stond in ${keptList(kept, "en nog")} iets anders dan wat ze er schreef: wat u typte of plakte terwijl ze schreef.` : "",
    added ? (kept.cells.length ? `U voegde er ook ${added} aan toe.` : `Aan ${at}, voegde u ${added} toe terwijl ze schreef.`) : "",
    extras.includes("notesUnseen") ? (kept.cells.length || added ? `Deze versie van Excel kan niet laten zien of u er ook notities aan toevoegde (daarvoor is ExcelApi 1.18 nodig).` : `Deze versie van Excel kan niet laten zien of u notities toevoegde aan ${at} (daarvoor is ExcelApi 1.18 nodig).`) : "",
  ];
  return `${parts.filter(Boolean).join(" ")} Het half geschreven blad is daarom bewaard als het uwe, zonder het merkteken van de invoegtoepassing: '${kept.sheet}' (was '${kept.was}'). Verwijder het als u het niet meer nodig hebt.`;
};
const keptMakingEn = (kept: TheirsKept) => {
  const extras = kept.extras ?? [];
  const added = addedList(extras, 1);
  const at = `the sheet '${kept.was}' that the add-in was making`;
  const parts = [
    kept.cells.length ? `On ${at}, ${keptList(kept, "and")}${kept.more ? " more" : ""} held something other than what it wrote there: what you typed or pasted while it was writing.` : "",
    added ? (kept.cells.length ? `You also added ${added} to it.` : `On ${at}, you added ${added} while it was writing.`) : "",
    extras.includes("notesUnseen") ? (kept.cells.length || added ? `This version of Excel cannot show whether you also added notes to it (that needs ExcelApi 1.18).` : `This version of Excel cannot show whether you added notes to ${at} (that needs ExcelApi 1.18).`) : "",
  ];
  return `${parts.filter(Boolean).join(" ")} So the partly written sheet is kept as yours, without the add-in's mark: '${kept.sheet}' (was '${kept.was}'). Delete it when you no longer need it.`;
};
/** Where a first load put back on a blank sheet kept the analyst's cells, or kept a sheet it was making as theirs (see theirsKept). */
const theirsKeptNl = (kept: TheirsKept) =>
  kept.was !== undefined
    ? keptMakingNl(kept)
    : `Op het blad '${kept.sheet}' stond in ${keptList(kept, "en nog")} iets anders dan wat de invoegtoepassing er schreef: wat u typte of plakte terwijl ze schreef. ` +
      `${oneCell(kept) ? "Die cel blijft zoals hij is" : "Die cellen blijven zoals ze zijn"} (waarde of formule, en getalnotatie); de rest van wat ze schreef is weer weg. Het blad is daardoor niet leeg; de volgende keer laden maakt een nieuw blad.`;
const theirsKeptEn = (kept: TheirsKept) =>
  kept.was !== undefined
    ? keptMakingEn(kept)
    : `On the sheet '${kept.sheet}', ${keptList(kept, "and")}${kept.more ? " more" : ""} held something other than what the add-in wrote there: what you typed or pasted while it was writing. ` +
      `${oneCell(kept) ? "That cell stays as it is" : "Those cells stay as they are"} (value or formula, and number format); everything else it wrote there is gone. So the sheet is not blank; the next load makes a new sheet.`;

/** Why a monitor sheet was kept instead of rebuilt (regenerate.ts's KeptWhy). */
export type KeptReason = "copy" | "edited" | "referenced" | "unproven" | "unseen";

/** What an Excel without an API cannot report (SheetExtras.unseen), Dutch and English. */
const UNSEEN: Record<string, [string, string]> = {
  notes: ["notities", "notes"],
  "chart colours": ["de kleuren van grafieken", "the charts' colours"],
  "chart points": ["de kleuren van losse punten in lange grafieken", "the colours of single points in long charts"],
  "chart sources": ["de gegevensbronnen van grafiekreeksen", "the data sources of chart series"],
  "chart data tables": ["de gegevenstabellen in grafieken", "the charts' data tables"],
  "sizes outside the used range": ["breedtes en hoogtes buiten het gebruikte bereik", "widths and heights outside the used range"],
};
const unseenList = (unseen: readonly string[], nl: boolean) => unseen.map((u) => UNSEEN[u]?.[nl ? 0 : 1] ?? u).join(nl ? " en " : " and ");

/** The note on a sheet kept because something points into it (`by`, see references.ts); `moves`: the new layout would move its figures. */
function referencedNote(by: readonly Reference[], moves: boolean, name: string, language: Language): string {
  const nl = language === "nl";
  const pointing = pointingInto(by, language);
  const layout = moves ? (nl ? " en de nieuwe indeling zou de cijfers verplaatsen" : " and the new layout would move its figures") : "";
  if ("unchecked" in pointing) {
    return nl
      ? `Niet na te gaan of ${pointing.unchecked} naar dit blad verwijzen (te veel om te lezen, of Excel kan het niet zeggen)${layout}; het blad staat ongewijzigd onder '${name}'.`
      : `Whether ${pointing.unchecked} point into this sheet cannot be checked (too many to read, or Excel cannot say)${moves ? "," : ""}${layout}; the sheet is kept unchanged as '${name}'.`;
  }
  const verb = nl ? (pointing.plural ? "verwijzen" : "verwijst") : pointing.plural ? "point" : "points";
  return nl
    ? `${capital(pointing.subject)} ${verb} naar dit blad${layout}; het blad staat ongewijzigd onder '${name}', zodat wat ernaar verwijst blijft tonen wat het toonde.`
    : `${capital(pointing.subject)} ${verb} into this sheet${layout}; the sheet is kept unchanged as '${name}', so what points into it keeps showing what it showed.`;
}

export const EXCEL = {
  // What the pane needs from its start (following the tables, refusing a second write): a small phrasebook of its own.
  ...EXCEL_READS,
  // What could not be kept of a pull's memory (src/taskpane/memory-notes.ts), said after a pull only.
  /**
   * Excel refused saving what this pull delivered (the rows' snapshot, see
   * src/excel/snapshot-store.ts): the workbook still holds the snapshot of the pull before, so
   * the next pull takes the figures written now for the analyst's own, and does not update them
   * when the source corrects them, unless the source still delivers them as now (they are then
   * unchanged, and remembered as the source's). `code`: Excel's error code; null when the
   * failure was not Excel's refusal (then nothing more is known to say).
   */
  memoryNotSaved: phrase<{ code: string | null }>(
    "excel.memoryNotSaved",
    ({ code }) =>
      `Let op: ${code ? `Excel weigerde te bewaren wat deze bron leverde (Excel: ${code})` : "wat deze bron leverde kon niet bij de werkmap worden bewaard"}. De werkmap onthoudt nog wat de vorige keer werd opgehaald: bij de volgende keer ophalen gelden de cijfers die nu zijn geschreven als uw eigen wijzigingen, en een correctie van de bron wordt daarin dan niet overgenomen. Haal dezelfde bron nu nog eens op: cijfers die nog zijn zoals de bron ze levert, worden dan alsnog als de hare onthouden.`,
    ({ code }) =>
      `Note: ${code ? `Excel refused saving what this source delivered (Excel: ${code})` : "what this source delivered could not be saved with the workbook"}. The workbook still remembers what was pulled the time before: at the next pull, the figures written now count as your own edits, and a correction by the source is not applied to them. Pull the same source again now: figures still as the source delivers them are then remembered as its own.`,
  ),
  /**
   * What this pull delivered is saved (its new snapshot is complete and is the one read), but
   * Excel refused deleting the previous snapshot's parts (custom XML parts): they stay in the
   * workbook, unread, making the file larger, until the next pull, whose save deletes every part
   * that is not current (snapshot-store.ts, chooseParts). Nothing for the analyst to do.
   */
  memoryOldPartsLeft: phrase<{ code: string }>(
    "excel.memoryOldPartsLeft",
    ({ code }) =>
      `Wat deze bron leverde is bij de werkmap bewaard. Alleen het opruimen van wat de vorige keer was bewaard, weigerde Excel (Excel: ${code}): dat blijft als verborgen onderdeel in de werkmap staan en maakt het bestand groter, maar wordt niet meer gebruikt. De volgende keer ophalen ruimt het op; u hoeft niets te doen.`,
    ({ code }) =>
      `What this source delivered is saved with the workbook. Only removing what was saved the time before was refused by Excel (Excel: ${code}): it stays in the workbook as a hidden part and makes the file larger, but is no longer used. The next pull removes it; there is nothing you need to do.`,
  ),
  /**
   * Office could not save the document settings (saveAsync failed): where the data came from
   * (and, for an edition, which edition the sheets cite) holds for this session only. After the
   * workbook is opened again, the pane names the source before, and Refresh pulls from it.
   * `code`: the number Office gives the failure (Office.Error.code), null when it gave none.
   */
  sourceNotSaved: phrase<{ code: number | null }>(
    "excel.sourceNotSaved",
    ({ code }) =>
      `Let op: Office kon niet bij de werkmap bewaren waar deze gegevens vandaan komen${code === null ? "" : ` (Office-foutcode ${code})`}. Na het opnieuw openen van de werkmap noemt het taakvenster de bron van daarvoor, en haalt Vernieuwen daar op. Haal deze bron nog eens op voordat u de werkmap sluit.`,
    ({ code }) =>
      `Note: Office could not save with the workbook where these data came from${code === null ? "" : ` (Office error code ${code})`}. After the workbook is opened again, the pane names the source before, and Refresh pulls from that. Pull this source again before you close the workbook.`,
  ),
  // Regenerate's progress, step by step.
  readingWorkbook: phrase("excel.readingWorkbook", () => "Werkmap lezen…", () => "Reading the workbook…"),
  buildingSheet: phrase<{ sheet: string }>(
    "excel.buildingSheet",
    ({ sheet }) => `Blad ${sheet} opbouwen…`,
    ({ sheet }) => `Building sheet ${sheet}…`,
  ),
  writingToExcel: phrase("excel.writingToExcel", () => "Schrijven naar Excel…", () => "Writing to Excel…"),
  markingSheets: phrase("excel.markingSheets", () => "Bladen markeren…", () => "Marking sheets…"),
  done: phrase("excel.done", () => "Klaar", () => "Done"),

  // Regenerate's notes on a sheet.
  sheetClashSkipped: phrase<{ theirs: string }>(
    "excel.sheetClashSkipped",
    ({ theirs }) => `Uw blad '${theirs}' is niet aangeraakt; dit blad is overgeslagen.`,
    ({ theirs }) => `Your sheet '${theirs}' was left alone; this sheet was skipped.`,
  ),
  sheetClashRenamed: phrase<{ theirs: string; ours: string }>(
    "excel.sheetClashRenamed",
    ({ theirs, ours }) => `Uw blad '${theirs}' is niet aangeraakt; dit blad heet '${ours}'.`,
    ({ theirs, ours }) => `Your sheet '${theirs}' was left alone; this sheet is named '${ours}'.`,
  ),
  renamedSheetRebuilt: phrase<{ was: string; now: string }>(
    "excel.renamedSheetRebuilt",
    ({ was, now }) => `Het hernoemde blad '${was}' (ongewijzigd) is opnieuw opgebouwd als '${now}'.`,
    ({ was, now }) => `The renamed sheet '${was}' (unchanged) was rebuilt as '${now}'.`,
  ),
  tableNamesTaken: phrase<{ tables: string[] }>(
    "excel.tableNamesTaken",
    ({ tables }) => `${tables.length === 1 ? "Tabelnaam" : "Tabelnamen"} al in gebruik: ${tables.join(", ")} ${tables.length === 1 ? "kreeg een achtervoegsel" : "kregen een achtervoegsel"}.`,
    ({ tables }) => `Table name in use: ${tables.join(", ")} ${tables.length === 1 ? "got a suffix" : "got suffixes"}.`,
  ),
  /** A monitor sheet kept as the user's: `name` is where it is now, `was` its name before. */
  keptSheet: phrase<{ why: KeptReason; name: string; was: string; unseen?: string[]; by?: Reference[]; moves?: boolean }>(
    "excel.keptSheet",
    ({ why, name, was, unseen, by, moves }) =>
      why === "copy"
        ? `Uw kopie '${name}' is niet aangeraakt en is nu van u.`
        : why === "referenced"
          ? referencedNote(by ?? [], moves ?? true, name, "nl")
          : why === "unseen"
            ? `Deze versie van Excel kan ${unseenList(unseen ?? [], true)} niet lezen, dus niet na te gaan of u die veranderde, en de indeling verandert; het blad staat ongewijzigd onder '${name}'.`
          : why === "unproven"
            ? `Niet na te gaan of u de opmaak van het blad veranderde (het is buiten Excel of door een oudere versie gemaakt, of veranderd terwijl het werd bijgewerkt), en de indeling verandert; het staat ongewijzigd onder '${name}'.`
            : name !== was
              ? `Het blad bevatte eigen aanvullingen; uw versie staat nu onder '${name}'.`
              : `Uw aangepaste blad '${name}' is niet aangeraakt en is nu van u.`,
    ({ why, name, was, unseen, by, moves }) =>
      why === "copy"
        ? `Your copy '${name}' was left alone and is now yours.`
        : why === "referenced"
          ? referencedNote(by ?? [], moves ?? true, name, "en")
          : why === "unseen"
            ? `This version of Excel cannot read ${unseenList(unseen ?? [], false)}, so whether you changed them cannot be checked, and the layout changes; the sheet is kept unchanged as '${name}'.`
          : why === "unproven"
            ? `Whether you changed the sheet's formatting cannot be checked (it was made outside Excel or by an older version, or changed while it was being updated), and its layout changes; it is kept unchanged as '${name}'.`
            : name !== was
              ? `The sheet held your own additions; your version is now named '${name}'.`
              : `Your edited sheet '${name}' was left alone and is now yours.`,
  ),
  /** Excel refused a sync while Regenerate wrote, and everything was put back as it was; `refusal`: Excel's code as the pane names it ("Excel: GeneralException", see batch.ts refusal). */
  regenerateUndone: phrase<{ refusal: string; left?: LookLeft[]; theirs?: TheirsKept[] }>(
    "excel.regenerateUndone",
    ({ refusal, left = [], theirs = [] }) =>
      `Excel weigerde een wijziging (${refusal}). ` +
      (left.length + theirs.length
        ? `De werkmap is teruggezet, op ${(left.length ? 1 : 0) + theirs.length === 1 ? "één ding" : "een paar dingen"} na. ${[...theirs.map(theirsKeptNl), ...(left.length ? [lookLeftNl(left)] : [])].join(" ")} `
        : `De werkmap is teruggezet zoals hij was: er is niets veranderd. `) +
      `Probeer het opnieuw.`,
    ({ refusal, left = [], theirs = [] }) =>
      `Excel refused a change (${refusal}). ` +
      (left.length + theirs.length
        ? `The workbook was put back, but for ${(left.length ? 1 : 0) + theirs.length === 1 ? "one thing" : "a few things"}. ${[...theirs.map(theirsKeptEn), ...(left.length ? [lookLeftEn(left)] : [])].join(" ")} `
        : `The workbook was put back as it was: nothing changed. `) +
      `Try again.`,
  ),
  /**
   * Excel refused a sync while Regenerate wrote, and then putting the workbook back (src/excel/undo.ts,
   * Aftermath): which sheets may be partly written, which sheets and tables hold what they held
   * under another name; `certain` when read from Excel afterwards, else what they may be.
   */
  regenerateUndoRefused: phrase<{ refusal: string; certain: boolean; partly: string[]; renamed: Renamed[]; tables: Renamed[]; edited?: { sheet: string; cell: string } }>(
    "excel.regenerateUndoRefused",
    ({ refusal, certain, partly, renamed, tables, edited }) =>
      (edited
        ? `Cel ${edited.cell} op het blad '${edited.sheet}' is veranderd terwijl de invoegtoepassing schreef; het schrijven is gestopt, maar Excel weigerde het terugzetten van de werkmap (${refusal})${certain ? "" : " en het lezen ervan"}. `
        : `Excel weigerde een wijziging (${refusal}) en daarna ook het terugzetten van de werkmap${certain ? "" : " en het lezen ervan"}. `) +
      (partly.length ? `${partly.length === 1 ? "Dit blad kan" : "Deze bladen kunnen"} half geschreven zijn: ${quoted(partly)}. ` : "") +
      (renamed.length ? `${renamed.length === 1 ? "Dit blad is" : "Deze bladen zijn"} ongewijzigd maar ${nowNamedNl(renamed.length === 1, certain)}: ${renamings(renamed, "was")}. ` : "") +
      (tables.length ? `${tables.length === 1 ? "Deze tabel" : "Deze tabellen"} ${nowNamedNl(tables.length === 1, certain)}: ${renamings(tables, "was")}. ` : "") +
      `Uw eigen bladen zijn niet aangeraakt. Bouw opnieuw op: een half geschreven blad blijft dan als het uwe bewaard en de invoegtoepassing bouwt het hare ernaast opnieuw op.`,
    ({ refusal, certain, partly, renamed, tables, edited }) =>
      (edited
        ? `Cell ${edited.cell} on the sheet '${edited.sheet}' changed while the add-in was writing; writing stopped, but Excel refused putting the workbook back (${refusal})${certain ? "" : " and reading it"}. `
        : `Excel refused a change (${refusal}), and then refused putting the workbook back${certain ? "" : " and reading it"}. `) +
      (partly.length ? `${partly.length === 1 ? "This sheet" : "These sheets"} may be partly written: ${quoted(partly)}. ` : "") +
      (renamed.length ? `${renamed.length === 1 ? "This sheet is" : "These sheets are"} unchanged but ${certain ? "" : "may be "}named differently now: ${renamings(renamed, "was")}. ` : "") +
      (tables.length ? `${tables.length === 1 ? "This table" : "These tables"} ${certain ? (tables.length === 1 ? "is" : "are") : "may be"} named differently now: ${renamings(tables, "was")}. ` : "") +
      `Your own sheets were not touched. Regenerate again: a partly written sheet is then kept as yours, and the add-in builds its own anew beside it.`,
  ),
  /**
   * The analyst changed a cell while Regenerate wrote, just before the write covered it (see
   * src/excel/write-looks.ts): writing stopped and the workbook was put back as it was, with their
   * change; `kept`: sheets Regenerate was building new that held such a cell, kept as theirs.
   */
  regenerateEditedMeanwhile: phrase<{ sheet: string; cell: string; kept: Renamed[]; left?: LookLeft[] }>(
    "excel.regenerateEditedMeanwhile",
    ({ sheet, cell, kept, left = [] }) =>
      `Cel ${cell} op het blad '${sheet}' is veranderd terwijl de invoegtoepassing schreef. Het schrijven is gestopt en de werkmap is teruggezet zoals hij was, met uw wijziging${left.length ? ", op één ding na" : ""}. ` +
      (kept.length ? `${kept.length === 1 ? "Het half opgebouwde blad met uw wijziging is bewaard als het uwe" : "De half opgebouwde bladen met uw wijzigingen zijn bewaard als de uwe"}: ${renamings(kept, "was")}. ` : "") +
      (left.length ? `${lookLeftNl(left)} ` : "") +
      `Bouw opnieuw op als u klaar bent.`,
    ({ sheet, cell, kept, left = [] }) =>
      `Cell ${cell} on the sheet '${sheet}' changed while the add-in was writing. Writing stopped and the workbook was put back as it was, with your change${left.length ? ", but for one thing" : ""}. ` +
      (kept.length ? `${kept.length === 1 ? "The partly built sheet with your change is kept as yours" : "The partly built sheets with your changes are kept as yours"}: ${renamings(kept, "was")}. ` : "") +
      (left.length ? `${lookLeftEn(left)} ` : "") +
      `Regenerate again when you are done.`,
  ),
  /** The analyst typed into a cell a pull's first load was about to write (src/excel/load-data.ts): it stopped and put the workbook back with their cell; a Data sheet it was making with that cell is kept as theirs. */
  firstLoadEditedMeanwhile: phrase<{ sheet: string; cell: string; kept: Renamed[] }>(
    "excel.firstLoadEditedMeanwhile",
    ({ sheet, cell, kept }) =>
      `Cel ${cell} op het blad '${sheet}' is veranderd terwijl de invoegtoepassing de monitortabellen schreef. Het schrijven is gestopt en de werkmap is teruggezet zoals hij was, met uw wijziging. ` +
      (kept.length ? `Het half geschreven blad met uw wijziging is bewaard als het uwe: ${renamings(kept, "was")}. ` : "") +
      `Haal opnieuw op als u klaar bent.`,
    ({ sheet, cell, kept }) =>
      `Cell ${cell} on the sheet '${sheet}' changed while the add-in was writing the monitor tables. Writing stopped and the workbook was put back as it was, with your change. ` +
      (kept.length ? `The partly written sheet with your change is kept as yours: ${renamings(kept, "was")}. ` : "") +
      `Pull again when you are done.`,
  ),
  /**
   * Excel refused the last step of Regenerate, the old sheets of a new layout making way for the
   * new ones (written and marked already): which old sheets are still there (`certain`), or may be.
   */
  regenerateSwapRefused: phrase<{ refusal: string; certain: boolean; leftovers: Renamed[] }>(
    "excel.regenerateSwapRefused",
    ({ refusal, certain, leftovers }) =>
      `Excel weigerde de laatste stap (${refusal}): elk blad is geschreven en gemarkeerd, ` +
      (leftovers.length
        ? `maar de vorige ${leftovers.length === 1 ? "versie" : "versies"} ${certain ? (leftovers.length === 1 ? "staat" : "staan") : leftovers.length === 1 ? "kan" : "kunnen"} er nog${certain ? "" : " staan"}: ${renamings(leftovers, "eerder")}. Daarop staat niets van u: verwijder ${leftovers.length === 1 ? "dat blad" : "die bladen"}. `
        : "maar de vorige versies zijn al verwijderd. ") +
      `De nieuwe bladen kunnen achteraan de werkmap staan.`,
    ({ refusal, certain, leftovers }) =>
      `Excel refused the last step (${refusal}): every sheet was written and marked, ` +
      (leftovers.length
        ? `but the earlier ${leftovers.length === 1 ? "version" : "versions"} ${certain ? (leftovers.length === 1 ? "is" : "are") : "may be"} still there: ${renamings(leftovers, "earlier")}. ${leftovers.length === 1 ? "It holds" : "They hold"} nothing of yours: delete ${leftovers.length === 1 ? "it" : "them"}. `
        : "but the earlier versions were deleted already. ") +
      `The new sheets may stand at the end of the workbook.`,
  ),

  // The PivotTable.
  noTableForPivot: phrase<{ table: string }>(
    "excel.noTableForPivot",
    ({ table }) => `Er is geen tabel ${table} om een draaitabel op te maken; haal eerst gegevens op (tabblad Gegevens).`,
    ({ table }) => `There is no table ${table} to make a PivotTable from; load data first (Data tab).`,
  ),
  noFreeSheetName: phrase<{ theirs: string }>(
    "excel.noFreeSheetName",
    ({ theirs }) => `Geen vrije bladnaam naast uw blad '${theirs}'; hernoem dat blad.`,
    ({ theirs }) => `No free sheet name beside your sheet '${theirs}'; rename that sheet.`,
  ),
  pivotClash: phrase<{ theirs: string; ours: string }>(
    "excel.pivotClash",
    ({ theirs, ours }) => `Uw blad '${theirs}' is niet aangeraakt; de draaitabel staat op '${ours}'.`,
    ({ theirs, ours }) => `Your sheet '${theirs}' was left alone; the PivotTable is on '${ours}'.`,
  ),
  earlierPivotSheetKept: phrase<{ sheets: string[] }>(
    "excel.earlierPivotSheetKept",
    ({ sheets }) => (sheets.length === 1 ? `Het eerdere blad ${quoted(sheets)} zonder draaitabel is bewaard.` : `De eerdere bladen ${quoted(sheets)} zonder draaitabel zijn bewaard.`),
    ({ sheets }) => (sheets.length === 1 ? `The earlier sheet ${quoted(sheets)} without a PivotTable was kept.` : `The earlier sheets ${quoted(sheets)} without a PivotTable were kept.`),
  ),

  /**
   * Excel refused a step of making the PivotTable (a filter item MonitorData lacks, a sheet of that
   * name made meanwhile, a busy Excel), after the steps before it were done; the sheet begun for
   * it was deleted again (`begun`), or none had been added: the workbook is as it was.
   */
  pivotRefused: phrase<{ refusal: string; begun: boolean }>(
    "excel.pivotRefused",
    ({ refusal, begun }) =>
      `Excel weigerde de draaitabel te maken (${refusal}). ${begun ? "Het blad dat ervoor begonnen was, is weer verwijderd: de werkmap is zoals hij was." : "Er is niets veranderd."} ` +
      `Probeer het opnieuw; blijft dit gebeuren, haal dan eerst de gegevens opnieuw op (tabblad Gegevens), zodat MonitorData bevat waarop de draaitabel filtert.`,
    ({ refusal, begun }) =>
      `Excel refused making the PivotTable (${refusal}). ${begun ? "The sheet begun for it was deleted again: the workbook is as it was." : "Nothing was changed."} ` +
      `Try again; if it keeps happening, pull the data again first (Data tab), so that MonitorData holds what the PivotTable filters on.`,
  ),
  /**
   * Excel refused a step of making the PivotTable and then deleting the sheet begun for it: that
   * sheet is left, with (`pivot`) or without the unfinished PivotTable, as read afterwards
   * (`certain`), or, when that read was refused too, it may be.
   */
  pivotRefusedSheetLeft: phrase<{ refusal: string; sheet: string; certain: boolean; pivot: boolean }>(
    "excel.pivotRefusedSheetLeft",
    ({ refusal, sheet, certain, pivot }) =>
      `Excel weigerde de draaitabel te maken (${refusal}) en daarna ook het verwijderen van het blad '${sheet}' dat ervoor begonnen was. ` +
      (certain ? `Dat blad staat er nog${pivot ? ", met een onafgemaakte draaitabel" : ""}` : `Dat blad kan er nog staan, misschien met een onafgemaakte draaitabel`) +
      `; verder is er niets veranderd. Verwijder het blad '${sheet}' (rechtsklik op de tab › Verwijderen) en probeer het opnieuw.`,
    ({ refusal, sheet, certain, pivot }) =>
      `Excel refused making the PivotTable (${refusal}), and then deleting the sheet '${sheet}' begun for it. ` +
      (certain ? `That sheet is still there${pivot ? ", with an unfinished PivotTable" : ""}` : `That sheet may still be there, perhaps with an unfinished PivotTable`) +
      `; nothing else was changed. Delete the sheet '${sheet}' (right-click its tab › Delete) and try again.`,
  ),
  /** An Excel without ExcelApi 1.13 cannot refresh a PivotTable when the workbook opens (PivotTable.refreshOnOpen). */
  pivotRefreshByHand: phrase(
    "excel.pivotRefreshByHand",
    () => `Deze versie van Excel kan de draaitabel niet bijwerken bij het openen van de werkmap (daarvoor is ExcelApi 1.13 nodig). Elke keer ophalen werkt hem bij; na een eigen wijziging in MonitorData: rechtsklik in de draaitabel en kies Vernieuwen.`,
    () => `This version of Excel cannot refresh the PivotTable when the workbook opens (that needs ExcelApi 1.13). Every pull refreshes it; after a change of your own to MonitorData, right-click the PivotTable and choose Refresh.`,
  ),

  // The Data sheet and its tables.
  noFreeDataSheetName: phrase<{ theirs: string }>(
    "excel.noFreeDataSheetName",
    ({ theirs }) => `Geen vrije naam voor het gegevensblad naast uw blad '${theirs}'; hernoem dat blad.`,
    ({ theirs }) => `No free name for the data sheet beside your sheet '${theirs}'; rename that sheet.`,
  ),
  definedNameTaken: phrase<{ name: string }>(
    "excel.definedNameTaken",
    ({ name }) => `De werkmap heeft al een gedefinieerde naam '${name}'; een tabel kan die naam dan niet krijgen. Hernoem of verwijder die naam (Formules › Namen beheren). Er is niets veranderd.`,
    ({ name }) => `The workbook already has a defined name '${name}', so no table can take that name. Rename or delete that name (Formulas › Name Manager). Nothing was changed.`,
  ),
  tableMissing: phrase<{ table: string }>(
    "excel.tableMissing",
    ({ table }) => `De tabel ${table} ontbreekt terwijl de andere monitortabellen er wel zijn; zet hem terug of verwijder ook de andere.`,
    ({ table }) => `The table ${table} is missing while the other monitor tables exist; restore it or delete the others too.`,
  ),
  tableCannotGrow: phrase<{ table: string; blocking: string }>(
    "excel.tableCannotGrow",
    ({ table, blocking }) => `${table} moet groeien, maar de tabel '${blocking}' eronder staat gedeeltelijk in dezelfde kolommen; verplaats die tabel. Er is niets veranderd.`,
    ({ table, blocking }) => `${table} must grow, but the table '${blocking}' below it is partly in the same columns; move that table. Nothing was changed.`,
  ),
  /**
   * A first load on a blank sheet was put back (a cancel, a refusal): its tables are ranges again
   * and its values gone, but on `ranges` of `sheet` the table style's look stays as the cells'
   * own formats (src/excel/undo.ts, LookLeft), and how to remove it.
   */
  lookLeft: phrase<LookLeft>("excel.lookLeft", (left) => lookLeftNl([left]), (left) => lookLeftEn([left])),
  /**
   * A first load on a blank sheet was put back (a cancel, a refusal, an edit meanwhile), and some
   * of its cells held what the analyst typed or pasted while it wrote, not what it wrote: kept as
   * they are (src/excel/undo.ts, theirsIn), and named.
   */
  theirsKept: phrase<TheirsKept>("excel.theirsKept", theirsKeptNl, theirsKeptEn),
  /** A table that would reach below Excel's last row (src/xlsx/limits.ts): nothing is written. */
  rowLimit: phrase<{ table: string; sheet: string; rows: number; limit: number }>(
    "excel.rowLimit",
    ({ table, sheet, rows, limit }) => `${table} op het blad ${sheet} zou met de kopregel ${formatNumber(rows, 0, "nl")} rijen beslaan, meer dan de ${formatNumber(limit, 0, "nl")} rijen van een Excel-blad. Er is niets geschreven.`,
    ({ table, sheet, rows, limit }) => `${table} on the ${sheet} sheet would take ${formatNumber(rows, 0, "en")} rows with its header, more than the ${formatNumber(limit, 0, "en")} rows of an Excel sheet. Nothing was written.`,
  ),
} as const;
