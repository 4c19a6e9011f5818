import { CHAR_BYTES, readItems, WriteBatch } from "./batch";
import { WorkbookState } from "./inspect";
import type { Reference } from "../text/references";
import { UNGUARDED, type WatchItem, type WriteGuard } from "./rules-watch";

/**
 * Data validation a pull's delete changed, put back once the rows are back (as formats-put-back.ts
 * does for conditional formats). A deleted row takes its cells out of the validation that applied
 * to them: the validated area shrinks, and goes with its last cell; a reference in its rule to a
 * deleted cell (a list from `=Data!$D$85:$D$92`) becomes #REF! or shrinks, as a formula's does.
 * Adding the row back undoes neither at an area's edge (the fake models both: shiftSheetExtras,
 * shiftReferences). So before deleting, the validated cells of the tables' sheet and of the sheets
 * whose rules name it are read (Range.getSpecialCellsOrNullObject "DataValidations", ExcelApi 1.9:
 * its areas), and each area's validation (Range.dataValidation, 1.8: type, rule, ignoreBlanks,
 * prompt, errorAlert), in syncs under the limit: the first at the most an area's validation can
 * weigh, later ones at the heaviest read so far (readItems, batch.ts; a thousand one-cell lists
 * take a sync or two, not one per 81 of them). Once
 * the rows are back, each area whose validation is not what it was gets it again: cleared, then
 * the rule and the rest set (all settable, 1.8). Unlike a conditional format's, a validation is
 * all that the API reads of it, so one Excel deleted with its cells comes back whole. A sheet with
 * an area whose type is no rule that can be set back ("Inconsistent", "MixedCriteria"), or with more areas than
 * MAX_AREAS, is not read: its validation stays named as not put back (Shortfall.left).
 */

/** An area of validated cells as read before deleting, and its validation. */
export interface ValidationRead {
  sheet: Excel.Worksheet;
  sheetName: string;
  box: { row: number; column: number; rows: number; columns: number };
  validation: Validation;
}

interface Validation {
  type: string;
  rule: Excel.DataValidationRule;
  ignoreBlanks: boolean;
  prompt: Excel.DataValidationPrompt;
  errorAlert: Excel.DataValidationErrorAlert;
}

/** More validated areas than this, over the sheets read, are not read one by one: their validation stays named as not put back. */
const MAX_AREAS = 5_000;

/**
 * What an area's validation can weigh in a response: two formulas of at most 8,192 characters
 * ("Excel specifications and limits"), an input message (a title of at most 32 characters and a
 * text of 255) and an error alert (32 and 225; Excel's Data Validation dialog), three bytes a
 * character, with room for the JSON around them.
 */
const VALIDATION_BYTES = (2 * 8_192 + 32 + 255 + 32 + 225) * CHAR_BYTES + 500;

/**
 * What reading one area's validation asks of the request, about: its range (getRangeByIndexes),
 * its dataValidation and their load, each an object path or an action of about 120 bytes
 * (test/support/fake-excel.ts CALL_BYTES). An area is never weighed at less.
 */
const VALIDATION_REQUEST_BYTES = 400;
const PROPERTIES = "type,rule,ignoreBlanks,prompt,errorAlert";
/** The types of DataValidation whose rule DataValidationRule sets (wholeNumber, decimal, textLength, date, time, list, custom; ExcelApi 1.8). */
const SETTABLE: ReadonlySet<string> = new Set(["WholeNumber", "Decimal", "TextLength", "Date", "Time", "List", "Custom"]);

/**
 * Of what may hold a reference into the deleted rows (`unchecked`, namesInto), the validation of
 * the sheets it names, read to be put back (`validations`), and what is left named as not checked.
 */
export async function validationsToPutBack(context: Excel.RequestContext, state: WorkbookState, unchecked: readonly Reference[], limit?: number): Promise<{ validations: ValidationRead[]; left: Reference[] }> {
  const named = new Set(unchecked.flatMap((ref) => (ref.kind === "validation" ? [ref.sheet] : [])));
  const sheets = state.sheets.filter((s) => named.has(s.name));
  if (sheets.length === 0) return { validations: [], left: [...unchecked] };
  const found = sheets.map((s) => ({ name: s.name, sheet: s.sheet, cells: s.sheet.getRange().getSpecialCellsOrNullObject("DataValidations").load("areaCount") }));
  await context.sync();
  const validated = found.filter((f) => !f.cells.isNullObject);
  if (validated.reduce((n, f) => n + f.cells.areaCount, 0) > MAX_AREAS) return { validations: [], left: [...unchecked] };
  const listed = validated.map((f) => ({ ...f, areas: f.cells.areas.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount") }));
  await context.sync();
  const boxes = listed.map(({ name, sheet, areas: list }) => ({ name, sheet, boxes: list.items.map((area) => ({ row: area.rowIndex, column: area.columnIndex, rows: area.rowCount, columns: area.columnCount })) }));
  const read = await readValidations(context, boxes, limit);
  const areas = boxes.flatMap(({ name, sheet, boxes: list }, s) => list.map((box, i) => ({ name, sheet, box, validation: read[s][i] })));
  // A sheet with an area whose type is not a rule that can be set back is not put back, and none of its areas is cleared: it stays named.
  // "Inconsistent" (different rules on different cells) and "MixedCriteria" (validation on some cells, not all; Excel.DataValidationType,
  // ExcelApi 1.8) would be read cell by cell; a type Excel may add later has no rule known to set.
  const mixed = new Set(areas.filter((a) => !SETTABLE.has(a.validation.type)).map((a) => a.name));
  const validations = areas.filter((a) => !mixed.has(a.name)).map(({ name, sheet, box, validation }) => ({ sheet, sheetName: name, box, validation }));
  return { validations, left: unchecked.filter((ref) => ref.kind !== "validation" || mixed.has(ref.sheet)) };
}

const asRead = (v: Excel.DataValidation): Validation => ({ type: v.type, rule: v.rule, ignoreBlanks: v.ignoreBlanks, prompt: v.prompt, errorAlert: v.errorAlert });

/**
 * The validation of each area of each sheet's `boxes`, in syncs under the limit (readItems): the
 * first at VALIDATION_BYTES an area, later ones at the heaviest read so far of that sheet, each
 * weighed as its JSON at CHAR_BYTES a character (UTF-8's most).
 */
async function readValidations(context: Excel.RequestContext, sheets: readonly { sheet: Excel.Worksheet; boxes: readonly ValidationRead["box"][] }[], limit?: number): Promise<Validation[][]> {
  const lists = sheets.map(({ sheet, boxes }) => ({
    total: boxes.length,
    queueAt: (i: number) => {
      const box = boxes[i];
      const validation = sheet.getRangeByIndexes(box.row, box.column, box.rows, box.columns).dataValidation.load(PROPERTIES);
      return () => asRead(validation);
    },
    weigh: (v: Validation) => 100 + JSON.stringify(v).length * CHAR_BYTES,
    most: VALIDATION_BYTES,
    least: VALIDATION_REQUEST_BYTES,
  }));
  return readItems(context, lists, limit);
}

/** Each validated area of `before`, for the watch (rules-watch.ts): its validation as read, and a look at it (the same cells' dataValidation, as restoreValidations reads it). */
export function watchValidations(before: readonly ValidationRead[]): WatchItem[] {
  return before.map((was) => {
    const state = JSON.stringify(was.validation);
    return {
      ref: { kind: "validation", sheet: was.sheetName },
      before: state,
      // As read before: three bytes a character, with room for the JSON around it.
      bytes: 500 + CHAR_BYTES * state.length,
      queue: () => {
        const now = was.sheet.getRangeByIndexes(was.box.row, was.box.column, was.box.rows, was.box.columns).dataValidation.load(PROPERTIES);
        return () => JSON.stringify(asRead(now));
      },
      // Their version as a look saw it, as restoreValidations writes one (a rule of a type that cannot be set, or none, is not written).
      putBack: (state) => {
        const seen = JSON.parse(state) as Validation;
        if (!SETTABLE.has(seen.type)) return false;
        setValidation(was.sheet.getRangeByIndexes(was.box.row, was.box.column, was.box.rows, was.box.columns).dataValidation, seen);
        return true;
      },
    };
  });
}

/**
 * After the rows are back: each area of `before` is read again, and one whose validation is not
 * what it was (a type, rule, message or alert that differs; "Inconsistent" where the area shrank,
 * "None" where it went) gets it again. Two syncs, or their chunks: a read, a write.
 */
export async function restoreValidations(context: Excel.RequestContext, before: readonly ValidationRead[], limits: { read?: number; write: number }, guard: WriteGuard<ValidationRead> = UNGUARDED): Promise<void> {
  if (before.length === 0) return;
  const range = (v: ValidationRead) => v.sheet.getRangeByIndexes(v.box.row, v.box.column, v.box.rows, v.box.columns);
  // By sheet, as read before: a sheet's areas are weighed from the heaviest of them read so far.
  const sheets = [...new Set(before.map((v) => v.sheetName))].map((name) => before.filter((v) => v.sheetName === name));
  const read = await readValidations(context, sheets.map((areas) => ({ sheet: areas[0].sheet, boxes: areas.map((v) => v.box) })), limits.read);
  const now = new Map(sheets.flatMap((areas, s) => areas.map((v, i) => [v, read[s][i]] as const)));
  const batch = new WriteBatch(context, { limit: limits.write });
  for (const was of before) {
    const text = JSON.stringify(was.validation);
    // One the watch saw the analyst change since the last look (this read included) is theirs: not written (rules-watch.ts).
    if (JSON.stringify(now.get(was)) === text || !guard.still(was)) continue;
    // Three bytes a character, as the reads: UTF-8's most for Excel's text, so long non-Latin rules stay under the limit.
    await batch.queue(400 + text.length * CHAR_BYTES, () => {
      guard.writing(was);
      setValidation(range(was).dataValidation, was.validation);
    });
  }
  await batch.flush();
}

/** Queues setting `validation` on cells: cleared first, as the reference does not say what setting a rule over cells validated otherwise does. */
function setValidation(target: Excel.DataValidation, validation: Validation): void {
  target.clear();
  target.rule = validation.rule;
  target.ignoreBlanks = validation.ignoreBlanks;
  target.prompt = validation.prompt;
  target.errorAlert = validation.errorAlert;
}
