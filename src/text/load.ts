import { formatNumber } from "../data/format";
import type { Language } from "../data/types";
import { phrase } from "./message";
import { pointingInto, Reference } from "./references";
import type { AddedKind, TheirsKept } from "./excel";
import { listed } from "./words";

/** A count as the pane says it: 2.000.000 in Dutch, 2,000,000 in English. */
const nl = (n: number) => formatNumber(n, 0, "nl");
const en = (n: number) => formatNumber(n, 0, "en");

/**
 * What a put-back did not make as it was, said below the sentence: threaded comments made anew,
 * notes and comments put back as read before the pull (`unknown`, load.notesNotKnown), references
 * left (", except for … below").
 */
const exceptNl = (comments?: boolean, references?: boolean, unknown?: boolean) => {
  const what = [unknown ? "de notities en opmerkingen" : comments ? "de opmerkingen" : "", references ? "de verwijzingen" : ""].filter(Boolean);
  return what.length ? `, op ${what.join(" en ")} hieronder na` : "";
};
const exceptEn = (comments?: boolean, references?: boolean, unknown?: boolean) => {
  const what = [unknown ? "the notes and threaded comments" : comments ? "the threaded comments" : "", references ? "the references" : ""].filter(Boolean);
  return what.length ? `, except for ${what.join(" and ")} below` : "";
};
/** What an analyst may add besides cells, notes and threaded comments, named together as "other additions". */
const OTHER_ADDED: readonly AddedKind[] = ["shapes", "charts", "conditionalFormats", "validation"];
/**
 * A first load's put-back: what it left, said below (excel.theirsKept, excel.lookLeft). `theirs`:
 * what of the analyst's it kept (cells on a blank sheet, or the sheet it was making, kept for the
 * cells, notes, threaded comments or other things they added there): named by what it was kept
 * for, so a sheet kept only for a note is not said to be kept for "your cells".
 */
const firstLoadExcept = (language: Language, look?: boolean, theirs: readonly TheirsKept[] = []) => {
  const nl = language === "nl";
  const extras = new Set(theirs.flatMap((kept) => kept.extras ?? []));
  const other = OTHER_ADDED.some((kind) => extras.has(kind));
  const what = [
    theirs.some((kept) => kept.cells.length > 0) ? (nl ? "cellen" : "cells") : "",
    extras.has("notes") ? (nl ? "notities" : "notes") : "",
    extras.has("comments") ? (nl ? "opmerkingen" : "threaded comments") : "",
    other ? (nl ? "andere toevoegingen" : "other additions") : "",
  ].filter(Boolean);
  // Kept only because this Excel cannot show its notes (notesUnseen): nothing of theirs is known to be there.
  const kept = what.length ? `${nl ? "uw" : "your"} ${listed(what, language)}` : theirs.length ? (nl ? "het bewaarde blad" : "the sheet kept") : "";
  const items = [kept, look ? (nl ? "de opmaak van de tabelstijl" : "the table style's look") : ""].filter(Boolean);
  return nl ? `, op ${listed(items, "nl")} hieronder na` : `, except for ${listed(items, "en")} below`;
};

/**
 * The words of Load data (src/excel/load-data.ts): cancelling, and why it wrote nothing or put
 * the workbook back. Its other steps are Regenerate's too (EXCEL.readingWorkbook, writingToExcel,
 * done). The contract's table names stay as they are.
 */
export const LOAD = {
  cancelling: phrase("load.cancelling", () => "Annuleren: de werkmap terugzetten…", () => "Cancelling: putting the workbook back…"),
  changedSinceComparison: phrase(
    "load.changedSinceComparison",
    () => "De werkmap is veranderd sinds de vergelijking; er is niets geschreven. Vergelijk opnieuw.",
    () => "The workbook has changed since the comparison; nothing was written. Compare again.",
  ),
  /** `commentsRemade`, `short`: the undo made threaded comments anew, or left references (said next, load.commentsRemade, load.putBackShort), so not quite "as it was". */
  editedMeanwhile: phrase<{ table: string; row: number; commentsRemade?: boolean; short?: boolean; notesUnknown?: boolean }>(
    "load.editedMeanwhile",
    ({ table, row, commentsRemade, short, notesUnknown }) =>
      `${table} rij ${row} is veranderd terwijl de invoegtoepassing schreef; het schrijven is gestopt en de werkmap is teruggezet zoals hij was, met uw wijziging${exceptNl(commentsRemade, short, notesUnknown)}. Vergelijk opnieuw.`,
    ({ table, row, commentsRemade, short, notesUnknown }) =>
      `${table} row ${row} changed while the add-in was writing; writing stopped and the workbook was put back as it was, with your change${exceptEn(commentsRemade, short, notesUnknown)}. Compare again.`,
  ),
  /**
   * `notes` notes and `comments` threaded comments were added on `sheet` while the pull deleted
   * rows of `table` (src/excel/notes-watch.ts counts them just before each delete). It stopped
   * and put back what it wrote; one added to a row in the very step that deleted it is gone
   * (Excel deleted it with the row before the add-in could read it), so the pane says so.
   */
  notesAddedMeanwhile: phrase<{ table: string; sheet: string; notes: number; comments: number; commentsRemade?: boolean; short?: boolean; notesUnknown?: boolean }>(
    "load.notesAddedMeanwhile",
    ({ table, sheet, notes, comments, commentsRemade, short, notesUnknown }) => {
      const what = [notes ? (notes === 1 ? "een notitie" : `${nl(notes)} notities`) : "", comments ? (comments === 1 ? "een opmerking" : `${nl(comments)} opmerkingen`) : ""].filter(Boolean).join(" en ");
      const one = notes + comments === 1;
      return (
        `${one ? "Er is" : "Er zijn"} ${what} toegevoegd op het blad '${sheet}' terwijl de invoegtoepassing rijen van ${table} verwijderde; het schrijven is gestopt en de rest van de werkmap is teruggezet zoals hij was${exceptNl(commentsRemade, short, notesUnknown)}. ` +
        (one
          ? "Stond die op een rij die de invoegtoepassing in haar laatste stap verwijderde, dan is die met de rij verdwenen (Excel verwijdert die met de cel) voordat de invoegtoepassing die kon lezen, en komt die niet terug: kijk of die er staat, en voeg die zo nodig opnieuw toe. "
          : "Wat daarvan op een rij stond die de invoegtoepassing in haar laatste stap verwijderde, is met die rij verdwenen (Excel verwijdert het met de cel) voordat de invoegtoepassing het kon lezen, en komt niet terug: kijk of ze er staan, en voeg zo nodig opnieuw toe wat ontbreekt. ") +
        "Vergelijk opnieuw."
      );
    },
    ({ table, sheet, notes, comments, commentsRemade, short, notesUnknown }) => {
      const what = [notes ? (notes === 1 ? "a note" : `${en(notes)} notes`) : "", comments ? (comments === 1 ? "a threaded comment" : `${en(comments)} threaded comments`) : ""].filter(Boolean).join(" and ");
      const one = notes + comments === 1;
      return (
        `${what[0].toUpperCase()}${what.slice(1)} ${one ? "was" : "were"} added on the sheet '${sheet}' while the add-in was deleting rows of ${table}; writing stopped and the rest of the workbook was put back as it was${exceptEn(commentsRemade, short, notesUnknown)}. ` +
        (one
          ? "If it was on a row the add-in deleted in its last step, it went with that row (Excel deletes it with its cell) before the add-in could read it, and does not come back: see whether it is there, and add it again if not. "
          : "Any of them on a row the add-in deleted in its last step went with that row (Excel deletes them with their cells) before the add-in could read them, and do not come back: see whether they are there, and add again what is missing. ") +
        "Compare again."
      );
    },
  ),
  /**
   * A pull that stopped after it began deleting rows put them back, and with them their threaded
   * comments (src/excel/row-comments.ts), made anew: Office.js cannot set a comment's author or
   * date. `cells`: the first cells as Excel names them, top to bottom; `more`: how many others;
   * `referencesShort`: references into those rows were not all put back either (load.putBackShort,
   * said next), so "the rest" is not "as it was".
   */
  commentsRemade: phrase<{ table: string; sheet: string; cells: string[]; more: number; referencesShort?: boolean; notesUnknown?: boolean }>(
    "load.commentsRemade",
    ({ table, sheet, cells, more, referencesShort, notesUnknown }) =>
      `De opmerkingen in ${cells.join(", ")}${more ? ` en nog ${more} cellen` : ""} van ${table} op het blad '${sheet}' zijn nieuw gemaakt: Excel verwijderde ze met hun rijen, en toen de rijen terug waren zette de invoegtoepassing ze terug met hun tekst, hun antwoorden en hun status (opgelost of niet). ` +
      `Office laat een invoegtoepassing de schrijver en de datum van een opmerking niet instellen: die opmerkingen en al hun antwoorden staan nu op uw naam, met de datum van vandaag, niet meer op naam en datum van wie ze schreef. De rest is teruggezet zoals hij was${exceptNl(false, referencesShort, notesUnknown)}.`,
    ({ table, sheet, cells, more, referencesShort, notesUnknown }) =>
      `The threaded comments in ${cells.join(", ")}${more ? ` and ${more} more cells` : ""} of ${table} on the sheet '${sheet}' were made anew: Excel deleted them with their rows, and once the rows were back the add-in added them again with their text, their replies and their status (resolved or not). ` +
      `Office does not let an add-in set who wrote a comment or when: those comments and all their replies now carry your name and today's date, no longer the name and date of whoever wrote them. Everything else was put back as it was${exceptEn(false, referencesShort, notesUnknown)}.`,
  ),
  /**
   * A pull stopped after Excel refused a sync that deleted rows, and the undo put those rows back
   * with their notes and threaded comments as read before the pull (src/excel/notes-look.ts): the
   * look just before the delete did not come back, so whether the analyst changed them meanwhile
   * is not known. `cells`: the first as Excel names them, top to bottom; `more`: how many others.
   */
  notesNotKnown: phrase<{ table: string; sheet: string; cells: string[]; more: number }>(
    "load.notesNotKnown",
    ({ table, sheet, cells, more }) =>
      `De notities en opmerkingen in ${cells.join(", ")}${more ? ` en nog ${more} cellen` : ""} van ${table} op het blad '${sheet}' zijn teruggezet zoals de invoegtoepassing ze vóór het ophalen las: Excel weigerde de stap die hun rijen verwijderde en gaf niet terug hoe ze er toen uitzagen. ` +
      `Wat u er tijdens het ophalen in veranderde, is dus niet bekend en kan ontbreken: kijk ze na.`,
    ({ table, sheet, cells, more }) =>
      `The notes and threaded comments in ${cells.join(", ")}${more ? ` and ${more} more cells` : ""} of ${table} on the sheet '${sheet}' were put back as the add-in read them before the pull: Excel refused the step that deleted their rows and did not give back how they were then. ` +
      `What you changed in them during the pull is therefore not known and may be missing: check them.`,
  ),
  /**
   * A pull stopped after it had deleted rows of `tables` (on `sheet`), and put them back, but not
   * every reference into them (src/excel/broken-references.ts, Shortfall): `unchecked`, when the
   * formulas were too many to read before deleting, the most it reads (formula cells, areas of
   * them); `left`, what may hold a reference to a deleted row that the add-in did not put back
   * (a conditional format Excel deleted or where Excel cannot set its range; validation whose
   * areas mix rules; a chart whose series Excel cannot give or whose source is not one area),
   * now a #REF! if it did; `edited`, rules and charts over those rows the analyst changed while
   * the pull ran, left as they made them (src/excel/rules-watch.ts); `deleted`, charts over them
   * the analyst deleted while it ran, not put back (src/excel/charts-put-back.ts watchCharts).
   */
  putBackShort: phrase<{ tables: string[]; sheet: string; unchecked: { cells: number; areas: number } | null; left: Reference[]; edited?: Reference[]; deleted?: Reference[] }>(
    "load.putBackShort",
    ({ tables, sheet, unchecked, left, edited, deleted }) => {
      const by = left.length ? pointingInto(left, "nl") : null;
      const theirs = edited?.length ? pointingInto(edited, "nl") : null;
      const gone = deleted?.length ? pointingInto(deleted, "nl") : null;
      const before = unchecked || (by && "subject" in by) || (theirs && "subject" in theirs);
      return (
        `Het ophalen had al rijen van ${listed(tables, "nl")} op het blad '${sheet}' verwijderd toen het stopte; die staan er weer. ` +
        (unchecked
          ? `Maar de formules die naar die rijen verwezen, zijn niet nagekeken: de werkmap heeft er te veel om te lezen (meer dan ${nl(unchecked.cells)} cellen met een formule, of meer dan ${nl(unchecked.areas)} gebieden ervan). ` +
            `Een formule die naar een van die rijen verwees, toont daar nu #VERW! (#REF!): Excel maakte dat van de verwijzing toen de rij verdween. `
          : "") +
        (by && "subject" in by
          ? `Niet nagekeken en niet teruggezet: ${by.subject}. Een verwijzing daarin naar een van die rijen is nu #VERW! (#REF!): Excel maakte dat ervan toen de rij verdween. `
          : "") +
        (unchecked || (by && "subject" in by) ? `Typ die verwijzingen opnieuw.` : "") +
        (theirs && "subject" in theirs ? `${unchecked || (by && "subject" in by) ? " " : ""}Tijdens het ophalen door u gewijzigd, dus gelaten zoals u het maakte en niet teruggezet: ${theirs.subject}.` : "") +
        (gone && "subject" in gone ? `${before ? " " : ""}Tijdens het ophalen door u verwijderd, dus niet teruggezet: ${gone.subject}.` : "")
      );
    },
    ({ tables, sheet, unchecked, left, edited, deleted }) => {
      const by = left.length ? pointingInto(left, "en") : null;
      const theirs = edited?.length ? pointingInto(edited, "en") : null;
      const gone = deleted?.length ? pointingInto(deleted, "en") : null;
      const before = unchecked || (by && "subject" in by) || (theirs && "subject" in theirs);
      return (
        `The pull had deleted rows of ${listed(tables, "en")} on the sheet '${sheet}' when it stopped; they are back. ` +
        (unchecked
          ? `But the formulas that referred to those rows were not checked: the workbook holds too many to read (more than ${en(unchecked.cells)} cells with a formula, or more than ${en(unchecked.areas)} areas of them). ` +
            `A formula that referred to one of those rows now shows #REF! there: Excel made that of the reference when the row went. `
          : "") +
        (by && "subject" in by ? `Not checked and not put back: ${by.subject}. A reference there to one of those rows is now #REF!: Excel made that of it when the row went. ` : "") +
        (unchecked || (by && "subject" in by) ? `Type those references again.` : "") +
        (theirs && "subject" in theirs ? `${unchecked || (by && "subject" in by) ? " " : ""}Changed by you during the pull, so left as you made it and not put back: ${theirs.subject}.` : "") +
        (gone && "subject" in gone ? `${before ? " " : ""}Deleted by you during the pull, so not put back: ${gone.subject}.` : "")
      );
    },
  ),
  /**
   * A threaded comment on a sheet where the pull must delete rows is, with its replies, more than
   * Excel answers at once (src/excel/notes-comments-read.ts, CommentTooLarge): the pull reads every
   * comment there before it deletes, to put back those Excel deletes with the rows should it stop,
   * and cannot read this one. Nothing was written. `cell` as Excel names it ("G5").
   */
  commentTooLarge: phrase<{ sheet: string; cell: string }>(
    "load.commentTooLarge",
    ({ sheet, cell }) =>
      `De opmerking in cel ${cell} van het blad '${sheet}' is met haar antwoorden groter dan Excel in één keer kan doorgeven (5 MB). ` +
      `Het ophalen moet rijen op dat blad verwijderen en leest daarvoor eerst elke opmerking daar, om die terug te kunnen zetten als het stopt; deze kan het niet lezen. ` +
      `Er is niets veranderd. Maak de opmerking of haar antwoorden korter, of verwijder een deel van de antwoorden, en haal opnieuw op.`,
    ({ sheet, cell }) =>
      `The threaded comment in cell ${cell} of the sheet '${sheet}' is, with its replies, larger than Excel can pass on at once (5 MB). ` +
      `The pull must delete rows on that sheet, and first reads every comment there, to put them back should it stop; it cannot read this one. ` +
      `Nothing was changed. Shorten the comment or its replies, or delete some of the replies, and pull again.`,
  ),
  /** A monitor table the pull must change has an active filter (src/excel/table-refresh.ts, TableFiltered): nothing was written. */
  tableFiltered: phrase<{ table: string }>(
    "load.tableFiltered",
    ({ table }) =>
      `Op ${table} staat een filter. Excel kan in een gefilterde tabel geen rijen invoegen of verwijderen, en de invoegtoepassing schrijft niet in een tabel met verborgen rijen. Er is niets veranderd: wis het filter op ${table} en haal opnieuw op.`,
    ({ table }) =>
      `${table} has an active filter. Excel cannot insert or delete rows in a filtered table, and the add-in does not write into a table with hidden rows. Nothing was changed: clear the filter on ${table} and pull again.`,
  ),
  /**
   * A pull must delete rows of a monitor table, and cells beside the table (outside it, in the
   * rows the delete would move up) hold something (src/excel/cells-beside.ts): nothing was
   * written. `cells`: the first areas as Excel names them ("Q5", "Q9:Q12"); `more`: how many others.
   */
  cellsBesideDeletedRows: phrase<{ table: string; sheet: string; rows: number; cells: string[]; more: number }>(
    "load.cellsBesideDeletedRows",
    ({ table, sheet, rows, cells, more }) =>
      `De bron heeft ${rows === 1 ? "1 rij" : `${rows} rijen`} van ${table} niet meer. ${rows === 1 ? "Die" : "Ze"} verwijderen schuift de rijen eronder in de tabel omhoog, maar niet wat ernaast staat: ` +
      `${cells.join(", ")}${more ? ` en nog ${more}` : ""} op het blad '${sheet}' zou dan naast een andere rij staan. Er is niets veranderd. ` +
      `Maak van die cellen een kolom van de tabel (een eigen kolom in ${table} blijft bij zijn rij en de invoegtoepassing schrijft er nooit in), of verplaats ze, en haal opnieuw op.`,
    ({ table, sheet, rows, cells, more }) =>
      `The source no longer has ${rows === 1 ? "1 row" : `${rows} rows`} of ${table}. Deleting ${rows === 1 ? "it" : "them"} moves the table's rows below ${rows === 1 ? "it" : "them"} up, but not what stands beside the table: ` +
      `${cells.join(", ")}${more ? ` and ${more} more` : ""} on the sheet '${sheet}' would then stand beside another row. Nothing was changed. ` +
      `Make those cells a column of the table (a column of your own in ${table} stays with its row, and the add-in never writes in it), or move them elsewhere, and pull again.`,
  ),
  /**
   * Excel refused to make room below a monitor table for its new rows (InsertDeleteConflict;
   * table-refresh.ts GrowthRefused), and what the pull had done was put back: what under the
   * table can stop it, and what to do. "Overloopbereik" is Dutch Excel's word for a spill range
   * (its error is #OVERLOOP!).
   */
  growthRefused: phrase<{ table: string; sheet: string; rows: number; refusal: string }>(
    "load.growthRefused",
    ({ table, sheet, rows, refusal }) =>
      `${table} krijgt ${rows === 1 ? "1 nieuwe rij" : `${nl(rows)} nieuwe rijen`}, en Excel weigerde er onder de tabel ruimte voor te maken (${refusal}). ` +
      `Onder de tabel op het blad '${sheet}' staat iets dat niet met alleen de kolommen van ${table} omlaag kan schuiven: samengevoegde cellen of het overloopbereik van een formule (een dynamische matrix) die buiten die kolommen uitsteken, of een overloopbereik dat door de nieuwe rijen zou worden gesplitst. ` +
      `Er is niets veranderd. Verplaats het, of houd het binnen de kolommen van de tabel, en haal opnieuw op.`,
    ({ table, sheet, rows, refusal }) =>
      `${table} gets ${rows === 1 ? "1 new row" : `${en(rows)} new rows`}, and Excel refused to make room for them below the table (${refusal}). ` +
      `Something under the table on the sheet '${sheet}' cannot move down with ${table}'s columns alone: merged cells or a formula's spilled range (a dynamic array) reaching past those columns, or a spilled range the new rows would split. ` +
      `Nothing was changed. Move it, or keep it within the table's columns, and pull again.`,
  ),
  /**
   * Excel refused a sync that deleted rows of `tables` (InsertDeleteConflict; table-refresh.ts
   * DeleteRefused; `rows`, the rows the pull deletes from them), and what the pull had done was
   * put back (`commentsRemade`, `short`: except for what is said below, as load.excelRefused):
   * what under the tables can stop it, and what to do.
   */
  deleteRefused: phrase<{ tables: readonly string[]; sheet: string; rows: number; refusal: string; commentsRemade?: boolean; short?: boolean; notesUnknown?: boolean }>(
    "load.deleteRefused",
    ({ tables, sheet, rows, refusal, commentsRemade, short, notesUnknown }) =>
      `Uit ${listed(tables, "nl")} ${rows === 1 ? "moest 1 rij" : `moesten ${nl(rows)} rijen`} weg, en Excel weigerde die te verwijderen (${refusal}). ` +
      `Onder ${tables.length === 1 ? "de tabel" : "die tabellen"} op het blad '${sheet}' staat iets dat niet met alleen de kolommen van ${listed(tables, "nl")} omhoog kan schuiven: samengevoegde cellen, het overloopbereik van een formule (een dynamische matrix) of een eigen tabel die buiten die kolommen uitsteken. ` +
      `De werkmap is teruggezet zoals hij was${exceptNl(commentsRemade, short, notesUnknown)}. Verplaats het, of houd het binnen die kolommen, en haal opnieuw op.`,
    ({ tables, sheet, rows, refusal, commentsRemade, short, notesUnknown }) =>
      `${rows === 1 ? "1 row" : `${en(rows)} rows`} had to go from ${listed(tables, "en")}, and Excel refused to delete ${rows === 1 ? "it" : "them"} (${refusal}). ` +
      `Something under ${tables.length === 1 ? "the table" : "those tables"} on the sheet '${sheet}' cannot move up with the columns of ${listed(tables, "en")} alone: merged cells, a formula's spilled range (a dynamic array) or a table of your own reaching past those columns. ` +
      `The workbook was put back as it was${exceptEn(commentsRemade, short, notesUnknown)}. Move it, or keep it within those columns, and pull again.`,
  ),
  /**
   * `lookLeft`: the undo left the table style's look of a first load (said next, excel.lookLeft);
   * `theirsKept`: what of the analyst's it kept (said next, excel.theirsKept);
   * `commentsRemade`: it made threaded comments anew (said next, load.commentsRemade); `short`: references
   * into deleted rows it did not put back (said next, load.putBackShort); so not quite "as it was".
   */
  excelRefused: phrase<{ refusal: string; lookLeft?: boolean; theirsKept?: readonly TheirsKept[]; commentsRemade?: boolean; short?: boolean; notesUnknown?: boolean }>(
    "load.excelRefused",
    ({ refusal, lookLeft, theirsKept, commentsRemade, short, notesUnknown }) =>
      `Excel weigerde een wijziging (${refusal}); de werkmap is teruggezet zoals hij was${lookLeft || theirsKept?.length ? firstLoadExcept("nl", lookLeft, theirsKept) : exceptNl(commentsRemade, short, notesUnknown)}.`,
    ({ refusal, lookLeft, theirsKept, commentsRemade, short, notesUnknown }) =>
      `Excel refused a change (${refusal}); the workbook was put back as it was${lookLeft || theirsKept?.length ? firstLoadExcept("en", lookLeft, theirsKept) : exceptEn(commentsRemade, short, notesUnknown)}.`,
  ),
  /**
   * Excel refused putting the workbook back after a write stopped (`refusal`: that refusal): what
   * may be partly written. `first`: a first load, on its own sheet; otherwise the tables refreshed in place.
   */
  undoRefused: phrase<{ refusal: string; sheet: string; first: boolean }>(
    "load.undoRefused",
    ({ refusal, sheet, first }) =>
      `Het schrijven is gestopt en Excel weigerde daarna het terugzetten van de werkmap (${refusal}). ` +
      (first
        ? `Het blad '${sheet}' kan half geschreven monitortabellen bevatten: verwijder dat blad en haal opnieuw op. `
        : `MonitorData, MonitorIndicatoren en MonitorBronnen op het blad '${sheet}' kunnen half geschreven zijn (een deel van de cijfers nieuw, rijen toegevoegd of verwijderd) en cellen eronder kunnen omlaag geschoven zijn. Vergelijk opnieuw: de vergelijking toont wat van de bron verschilt. `) +
      `De rest van de werkmap is niet aangeraakt.`,
    ({ refusal, sheet, first }) =>
      `Writing stopped, and then Excel refused putting the workbook back (${refusal}). ` +
      (first
        ? `The sheet '${sheet}' may hold partly written monitor tables: delete that sheet and pull again. `
        : `MonitorData, MonitorIndicatoren and MonitorBronnen on the sheet '${sheet}' may be partly written (some figures new, rows added or deleted), and cells below them may have moved down. Compare again: the comparison shows what differs from the source. `) +
      `Nothing else in the workbook was touched.`,
  ),
} as const;
