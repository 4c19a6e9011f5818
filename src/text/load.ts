import { phrase } from "./message";

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
  editedMeanwhile: phrase<{ table: string; row: number }>(
    "load.editedMeanwhile",
    ({ table, row }) => `${table} rij ${row} is veranderd terwijl de invoegtoepassing schreef; het schrijven is gestopt en de werkmap is teruggezet zoals hij was, met uw wijziging. Vergelijk opnieuw.`,
    ({ table, row }) => `${table} row ${row} changed while the add-in was writing; writing stopped and the workbook was put back as it was, with your change. Compare again.`,
  ),
  excelRefused: phrase<{ refusal: string }>(
    "load.excelRefused",
    ({ refusal }) => `Excel weigerde een wijziging (${refusal}); de werkmap is teruggezet zoals hij was.`,
    ({ refusal }) => `Excel refused a change (${refusal}); the workbook was put back as it was.`,
  ),
} as const;
