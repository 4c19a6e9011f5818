import { fingerprint } from "../report/fingerprint";
import { SheetState } from "./inspect";

/**
 * Which of the sheets carrying the add-in's mark for one key is the add-in's own, and whether
 * the user has put anything on it since. Pure: decided from the inspected state only.
 *
 * - Ours is the sheet whose id is the one in the mark (ids hold within a session); across
 *   sessions, the one that still has the name the add-in gave it; a lone marked sheet is ours
 *   whatever its name. Every other sheet with the mark is a copy the user made: theirs.
 * - Ours is untouched when its content has the fingerprint in the mark. An untouched sheet may be
 *   rebuilt, renamed or not; a touched one (a note, a formula, a chart, anything) is the user's.
 */
export type Ownership =
  | { kind: "rebuild"; sheet: SheetState; renamed: boolean }
  | { kind: "keep"; sheet: SheetState; renamed: boolean }
  | { kind: "copy"; sheet: SheetState };

export function untouched(sheet: SheetState): boolean {
  return sheet.mark !== null && sheet.mark.print !== null && sheet.content !== null && fingerprint(sheet.content) === sheet.mark.print;
}

function ours(candidates: SheetState[]): SheetState | null {
  const byId = candidates.filter((s) => s.mark?.id !== null && s.mark?.id === s.id);
  if (byId.length === 1) return byId[0];
  const byName = candidates.filter((s) => s.mark?.name !== null && s.mark?.name === s.name);
  if (byName.length === 1) return byName[0];
  return candidates.length === 1 ? candidates[0] : null;
}

/** Decisions for the marked sheets of one key (in workbook order). */
export function decideOwnership(candidates: SheetState[]): Ownership[] {
  const own = ours(candidates);
  return candidates.map((sheet): Ownership => {
    if (sheet !== own) return { kind: "copy", sheet };
    const renamed = sheet.mark?.name !== null && sheet.mark?.name !== undefined && sheet.mark.name !== sheet.name;
    return untouched(sheet) ? { kind: "rebuild", sheet, renamed } : { kind: "keep", sheet, renamed };
  });
}
