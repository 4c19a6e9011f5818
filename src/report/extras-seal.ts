import { parseA1Range } from "./a1";
import { runSteps, Steps } from "../data/slices";
import { extrasPrintInSteps, fingerprintInSteps, isCurrentExtrasPrint, SheetContent, SheetExtras } from "./fingerprint";
import { SheetMark } from "./mark";
import { SheetPlan } from "./types";

/** A sheet as inspected before Regenerate wrote it: its mark and what Excel reported of its extras. */
export interface InspectedExtras {
  mark: SheetMark | null;
  extras: SheetExtras | null;
}

/**
 * The extras print to keep in the mark of a sheet Regenerate brought up to date in place, from
 * what Excel reported after the writes (`after`). Pure. (A sheet built new is sealed by what
 * the plan wrote: see new-sheet-seal.ts.)
 *
 * - The sheet (`before`: as inspected) got new values only, so all else Excel reports of it must
 *   be as it was then, save what follows the figures (a chart's automatic axis bounds,
 *   SheetExtras.followsFigures). Where it is not, something was changed while
 *   Regenerate ran (a fill the analyst gave a cell meanwhile); where the mark proved nothing of it
 *   before (no print: written without Excel, or by an older version), the user may have changed it
 *   earlier. Either way it is not sealed as the add-in's: the mark gets no extras print (null), so
 *   the next Regenerate brings the sheet up to date in place only, values only, and keeps it
 *   unchanged when its layout changes ("unproven"), whatever was changed.
 *
 * Chosen over sealing the print read at inspection, which would keep the sheet at once as edited
 * on the next run: a difference here may also be Excel's own (what the docs leave open), and the
 * safe path keeps everything the user made without setting aside a sheet that needs no keeping.
 */
export function extrasToSeal(after: SheetExtras, before: InspectedExtras): string | null {
  return runSteps(extrasToSealInSteps(after, before));
}

/** extrasToSeal in steps (a yield every few hundred cells), for a sheet of thousands of rows in the pane. */
export function* extrasToSealInSteps(after: SheetExtras, before: InspectedExtras): Steps<string | null> {
  const proven = before.extras !== null && isCurrentExtrasPrint(before.mark?.extras) && (yield* extrasPrintInSteps(before.extras)) === before.mark?.extras;
  if (!proven || !(yield* sameBesidesFigures(before.extras as SheetExtras, after))) return null;
  return yield* extrasPrintInSteps(after);
}

/** Whether two reads of a sheet's extras agree on all that does not follow the figures. */
function* sameBesidesFigures(a: SheetExtras, b: SheetExtras): Steps<boolean> {
  return (yield* extrasPrintInSteps({ ...a, followsFigures: null })) === (yield* extrasPrintInSteps({ ...b, followsFigures: null }));
}

/**
 * The content print to keep in the mark of a sheet Regenerate brought up to date in place, from
 * what Excel reported after the writes (`after`). Pure. The sheet (`before`: its content as
 * inspected; null, never read, proves nothing) got the plan's texts and tables' cells only, so
 * every other cell must hold what it held then; where one does not (a figure or a word the
 * analyst typed beside a table while Regenerate ran), it is not sealed as the add-in's: the mark
 * gets no content print (null), and the next Regenerate keeps the sheet as the user's ("edited").
 */
export function contentToSeal(after: SheetContent, plan: SheetPlan, before: SheetContent | null): string | null {
  return runSteps(contentToSealInSteps(after, plan, before));
}

/** contentToSeal in steps (a yield every few hundred cells), for a sheet of thousands of rows in the pane. */
export function* contentToSealInSteps(after: SheetContent, plan: SheetPlan, before: SheetContent | null): Steps<string | null> {
  if (!before) return null;
  const [was, is] = [yield* unplannedCells(before, plan), yield* unplannedCells(after, plan)];
  const same = was.size === is.size && [...was].every(([cell, value]) => is.get(cell) === value);
  return same ? yield* fingerprintInSteps(after) : null;
}

/** Cells looked at (each against the plan's texts and tables) between two yields. */
const CELLS_PER_STEP = 500;

/** The filled cells of a content that an in-place update of `plan` does not write ("row,column" → formula or value). */
function* unplannedCells(content: SheetContent, plan: SheetPlan): Steps<Map<string, string | number | boolean>> {
  const written = (row: number, column: number) =>
    plan.texts.some((line) => line.row === row && column === 0) ||
    plan.tables.some((t) => row >= t.row && row <= t.row + t.rows.length && column >= t.column && column < t.column + t.header.length);
  const cells = new Map<string, string | number | boolean>();
  if (content.usedAddress === null) return cells;
  const at = parseA1Range(content.usedAddress);
  let looked = 0;
  // As forEach went (a hole is passed over), with a yield every few hundred cells.
  for (let r = 0; r < content.formulas.length; r++) {
    if (!(r in content.formulas)) continue;
    const row = content.formulas[r];
    for (let c = 0; c < row.length; c++) {
      if (!(c in row)) continue;
      if (++looked % CELLS_PER_STEP === 0) yield;
      const value = row[c];
      if (value !== "" && !written(at.row + r, at.column + c)) cells.set(`${at.row + r},${at.column + c}`, value);
    }
  }
  return cells;
}
