/**
 * Office.js members newer than the ExcelApi 1.13 the manifest requires, each used only where
 * Excel says it has them (`isSetSupported`), so the add-in still loads everywhere the manifest
 * allows. test/addin/api-sets.test.ts allows newer members in this file only, and only with
 * the check for their set beside them.
 */
const supports = (version: string): boolean => typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported?.("ExcelApi", version) === true;

/**
 * The number of notes on a sheet (ExcelApi 1.18, `Worksheet.notes`), or null where Excel has no
 * notes API: there a note cannot be seen, which the README says.
 */
export function queueNoteCount(sheet: Excel.Worksheet): OfficeExtension.ClientResult<number> | null {
  if (!supports("1.18")) return null;
  return sheet.notes.getCount();
}
