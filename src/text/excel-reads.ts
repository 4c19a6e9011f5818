import { formatNumber } from "../data/format";
import { phrase } from "./message";

/**
 * The phrases of the add-in's Excel side that the task pane needs from its start: reading the
 * workbook's tables (a read Excel refused, a row too large to read), a monitor table gone while
 * it is followed, and a write refused because another runs. Apart from the rest of EXCEL
 * (src/text/excel.ts spreads them in, so EXCEL.readRefused and the others are where callers
 * look), so that the pane's first load does not carry the words of Regenerate, the PivotTable
 * and the pull (the browser test holds that first load under 250 KB).
 */

/** Names quoted and joined by commas: 'Bevolking', 'Woonduur'. */
const quoted = (names: readonly string[]) => names.map((n) => `'${n}'`).join(", ");
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

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

/** The actions that write the workbook, one at a time (src/excel/one-write.ts). */
export type WriteAction = "pull" | "regenerate" | "pivot";
const WRITE_ACTIONS: Record<WriteAction, [string, string]> = {
  pull: ["het ophalen van gegevens (schrijven naar MonitorData)", "the pull (writing to MonitorData)"],
  regenerate: ["het opnieuw opbouwen van de bladen en grafieken", "rebuilding the sheets and charts"],
  pivot: ["het maken van de draaitabel", "making the PivotTable"],
};

export const EXCEL_READS = {
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
  /** A row Excel cannot answer in one response (over 5 MB on the web, see readRows): nothing was changed. */
  rowTooLarge: phrase<{ sheet: string; row: number }>(
    "excel.rowTooLarge",
    ({ sheet, row }) => `Rij ${formatNumber(row, 0, "nl")} van het blad '${sheet}' bevat meer tekst dan Excel in één keer kan doorgeven (5 MB). Maak de cellen in die rij korter of verdeel ze over meer rijen. Er is niets veranderd.`,
    ({ sheet, row }) => `Row ${formatNumber(row, 0, "en")} of the sheet '${sheet}' holds more text than Excel can pass on at once (5 MB). Shorten the cells of that row or spread them over more rows. Nothing was changed.`,
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
