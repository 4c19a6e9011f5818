import { formatNumber } from "../data/format";
import type { Language } from "../data/types";
import { phrase } from "./message";
import { pointingInto, Reference } from "./references";
import { capital } from "./words";

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

/**
 * What a read was reading when Excel refused it, before anything was written: the workbook's
 * list of sheets, tables and names (and the add-in's marks on them); what is on some of the
 * add-in's sheets; the data tables (on their sheet, where known); or what the add-in remembered
 * of earlier pulls (the workbook's snapshot store).
 */
export type Reading = { what: "workbook" } | { what: "sheets"; sheets: string[] } | { what: "tables"; sheet: string | null } | { what: "memory" };

const readingText = (reading: Reading, nl: boolean): string => {
  switch (reading.what) {
    case "workbook":
      return nl ? "de bladen van de werkmap" : "the workbook's sheets";
    case "sheets":
      return reading.sheets.length === 1 ? (nl ? `het blad '${reading.sheets[0]}'` : `the sheet '${reading.sheets[0]}'`) : nl ? `de bladen ${quoted(reading.sheets)}` : `the sheets ${quoted(reading.sheets)}`;
    case "tables":
      return `${nl ? "de gegevenstabellen" : "the data tables"} (MonitorData, MonitorIndicatoren, MonitorBronnen)${reading.sheet === null ? "" : nl ? ` op het blad '${reading.sheet}'` : ` on the sheet '${reading.sheet}'`}`;
    case "memory":
      return nl ? "wat de werkmap onthoudt van eerder ophalen" : "what the workbook remembers of earlier pulls";
  }
};

/** What Excel's code of a refused read suggests, before the advice that always holds. */
const READ_HINTS: Record<string, [string, string]> = {
  ItemNotFound: ["Misschien is intussen een blad of tabel verwijderd of hernoemd.", "A sheet or table may have been deleted or renamed meanwhile."],
  ResponsePayloadSizeLimitExceeded: [
    "Het antwoord was groter dan Excel in één keer kan doorgeven (5 MB); houd de teksten in de cellen van die bladen korter.",
    "The answer was larger than Excel can pass on at once (5 MB); keep the texts in the cells of those sheets shorter.",
  ],
};

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

/** The actions that write the workbook, one at a time (src/excel/one-write.ts). */
export type WriteAction = "pull" | "regenerate" | "pivot";
const WRITE_ACTIONS: Record<WriteAction, [string, string]> = {
  pull: ["het ophalen van gegevens (schrijven naar MonitorData)", "the pull (writing to MonitorData)"],
  regenerate: ["het opnieuw opbouwen van de bladen en grafieken", "rebuilding the sheets and charts"],
  pivot: ["het maken van de draaitabel", "making the PivotTable"],
};

export const EXCEL = {
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
  regenerateUndone: phrase<{ refusal: string }>(
    "excel.regenerateUndone",
    ({ refusal }) => `Excel weigerde een wijziging (${refusal}). De werkmap is teruggezet zoals hij was: er is niets veranderd. Probeer het opnieuw.`,
    ({ refusal }) => `Excel refused a change (${refusal}). The workbook was put back as it was: nothing changed. Try again.`,
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
  regenerateEditedMeanwhile: phrase<{ sheet: string; cell: string; kept: Renamed[] }>(
    "excel.regenerateEditedMeanwhile",
    ({ sheet, cell, kept }) =>
      `Cel ${cell} op het blad '${sheet}' is veranderd terwijl de invoegtoepassing schreef. Het schrijven is gestopt en de werkmap is teruggezet zoals hij was, met uw wijziging. ` +
      (kept.length ? `${kept.length === 1 ? "Het half opgebouwde blad met uw wijziging is bewaard als het uwe" : "De half opgebouwde bladen met uw wijzigingen zijn bewaard als de uwe"}: ${renamings(kept, "was")}. ` : "") +
      `Bouw opnieuw op als u klaar bent.`,
    ({ sheet, cell, kept }) =>
      `Cell ${cell} on the sheet '${sheet}' changed while the add-in was writing. Writing stopped and the workbook was put back as it was, with your change. ` +
      (kept.length ? `${kept.length === 1 ? "The partly built sheet with your change is kept as yours" : "The partly built sheets with your changes are kept as yours"}: ${renamings(kept, "was")}. ` : "") +
      `Regenerate again when you are done.`,
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

  /**
   * Excel refused a read that came before anything was written (any error of a sync: a busy
   * Excel's GeneralException, a sheet deleted meanwhile, a response over 5 MB): nothing changed.
   * `code` is Excel's error code (not its free text, which is in Office's language, not the pane's).
   */
  readRefused: phrase<{ code: string; reading: Reading }>(
    "excel.readRefused",
    ({ code, reading }) =>
      `Excel weigerde het lezen van ${readingText(reading, true)} (Excel: ${code}). Er is niets veranderd. ${READ_HINTS[code] ? `${READ_HINTS[code][0]} ` : ""}` +
      `Probeer het opnieuw; blijft dit gebeuren, sluit dan openstaande dialoogvensters van andere invoegtoepassingen, of sla de werkmap op, sluit hem en open hem opnieuw.`,
    ({ code, reading }) =>
      `Excel refused reading ${readingText(reading, false)} (Excel: ${code}). Nothing was changed. ${READ_HINTS[code] ? `${READ_HINTS[code][1]} ` : ""}` +
      `Try again; if it keeps happening, close any open dialogs of other add-ins, or save the workbook, close it and open it again.`,
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
  /** A row Excel cannot answer in one response (over 5 MB on the web, see readRows): nothing was changed. */
  rowTooLarge: phrase<{ sheet: string; row: number }>(
    "excel.rowTooLarge",
    ({ sheet, row }) => `Rij ${formatNumber(row, 0, "nl")} van het blad '${sheet}' bevat meer tekst dan Excel in één keer kan doorgeven (5 MB). Maak de cellen in die rij korter of verdeel ze over meer rijen. Er is niets veranderd.`,
    ({ sheet, row }) => `Row ${formatNumber(row, 0, "en")} of the sheet '${sheet}' holds more text than Excel can pass on at once (5 MB). Shorten the cells of that row or spread them over more rows. Nothing was changed.`,
  ),
  /** A table that would reach below Excel's last row (src/xlsx/limits.ts): nothing is written. */
  rowLimit: phrase<{ table: string; sheet: string; rows: number; limit: number }>(
    "excel.rowLimit",
    ({ table, sheet, rows, limit }) => `${table} op het blad ${sheet} zou met de kopregel ${formatNumber(rows, 0, "nl")} rijen beslaan, meer dan de ${formatNumber(limit, 0, "nl")} rijen van een Excel-blad. Er is niets geschreven.`,
    ({ table, sheet, rows, limit }) => `${table} on the ${sheet} sheet would take ${formatNumber(rows, 0, "en")} rows with its header, more than the ${formatNumber(limit, 0, "en")} rows of an Excel sheet. Nothing was written.`,
  ),
  /**
   * A monitor table the workbook had is gone while the add-in follows it (src/excel/follow.ts):
   * `renamedTo` its name now when Excel still has it under another name, else null (deleted, or
   * renamed before this session). The MONITOR functions answer #N/A with this; the pane shows it.
   */
  tableGone: phrase<{ table: string; renamedTo: string | null }>(
    "excel.tableGone",
    ({ table, renamedTo }) =>
      (renamedTo === null
        ? `De tabel ${table} staat niet meer in deze werkmap (verwijderd of hernoemd). Zet haar terug met Ongedaan maken of geef haar weer de naam ${table}`
        : `De tabel ${table} heet nu '${renamedTo}'. Geef haar weer de naam ${table} (Tabelontwerp > Tabelnaam)`) +
      `, of haal de gegevens opnieuw op (tab Gegevens). Tot dan geven de MONITOR-functies #N/B.`,
    ({ table, renamedTo }) =>
      (renamedTo === null
        ? `The table ${table} is no longer in this workbook (deleted or renamed). Put it back with Undo or name it ${table} again`
        : `The table ${table} is now called '${renamedTo}'. Name it ${table} again (Table Design > Table Name)`) +
      `, or pull the data again (Data tab). Until then the MONITOR functions answer #N/A.`,
  ),
  /**
   * A write asked for while another runs (src/excel/one-write.ts): refused at once, nothing
   * changed. `asked` and `running` name the actions as the pane's buttons do.
   */
  writeRunning: phrase<{ asked: WriteAction; running: WriteAction }>(
    "excel.writeRunning",
    ({ asked, running }) => `${capital(WRITE_ACTIONS[asked][0])} is niet begonnen: ${WRITE_ACTIONS[running][0]} schrijft nog in deze werkmap. Er is niets veranderd; probeer het opnieuw als dat klaar is.`,
    ({ asked, running }) => `${capital(WRITE_ACTIONS[asked][1])} did not start: ${WRITE_ACTIONS[running][1]} is still writing to this workbook. Nothing was changed; try again when it is done.`,
  ),
} as const;
