import { decodeMark, encodeMark, SheetMark } from "../report/mark";
import { MANAGED_SHEET_PROPERTY } from "../report/plan";

/**
 * How the add-in knows which sheets it made: a worksheet custom property (ExcelApi 1.12, which
 * the manifest requires) that travels with the sheet when it is renamed, moved or copied. Its
 * value is a SheetMark (see report/mark.ts). Nothing here syncs.
 */
export const MARK_KEY = MANAGED_SHEET_PROPERTY;

/** Queues reading a sheet's mark; the returned reader works after the sync. */
export function queueReadMark(sheet: Excel.Worksheet): () => SheetMark | null {
  const property = sheet.customProperties.getItemOrNullObject(MARK_KEY);
  property.load("value");
  // The reader runs only after the caller's sync (inspectWorkbook), which the rule cannot see.
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load
  return () => (property.isNullObject ? null : decodeMark(property.value));
}

/** Queues (over)writing a sheet's mark. */
export function queueWriteMark(sheet: Excel.Worksheet, mark: SheetMark): void {
  sheet.customProperties.add(MARK_KEY, encodeMark(mark));
}

/** Queues removing the add-in's mark from a sheet that is now the user's (a copy, a kept version). */
export function queueRemoveMark(sheet: Excel.Worksheet): void {
  sheet.customProperties.getItemOrNullObject(MARK_KEY).delete();
}
