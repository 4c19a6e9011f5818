import { runStepsInSlices, Steps } from "../data/slices";
import { extrasPrint, extrasPrintInSteps, fingerprint, fingerprintInSteps, isCurrentExtrasPrint } from "../report/fingerprint";
import { pointsInto } from "../report/references";
import { SheetState } from "./inspect";

/**
 * Which of the sheets carrying the add-in's mark for one key is the add-in's own, and whether
 * the user has put anything on it since. Pure: decided from the inspected state only.
 *
 * - Ours is the sheet whose id is the one in the mark (ids hold within a session); across
 *   sessions, the one that still has the name the add-in gave it; a lone marked sheet is ours
 *   whatever its name. Every other sheet with the mark is a copy: theirs. (Excel does not copy
 *   a sheet's custom properties, office-js #5486, so a copy made in Excel has no mark at all;
 *   two marked sheets come from elsewhere, e.g. a sheet moved in from another workbook.)
 * - Ours is untouched when what Excel reports of it has the prints in the mark: its content
 *   (values, formulas, tables, charts) and everything else (formats, widths, panes, merges,
 *   notes, comments, hyperlinks, conditional formats, validation, shapes, the sheet's names),
 *   and no defined name of the workbook points into it. A mark without a print of the extras
 *   (written without Excel, or by an older version) proves the content only: `proven` is false,
 *   and such a sheet may only be brought up to date in place, values only (see regenerate.ts).
 *   So does one where this Excel cannot report everything (`unseen`: notes before ExcelApi
 *   1.18, chart colours before 1.16, charts' data tables before 1.14): the safe reading is that the user may have changed it.
 */
export type Ownership =
  | { kind: "rebuild"; sheet: SheetState; renamed: boolean; proven: boolean; unseen: string[] }
  | { kind: "keep"; sheet: SheetState; renamed: boolean; names?: string[] }
  | { kind: "copy"; sheet: SheetState };

type Names = readonly { name: string; formula: string }[];

/**
 * "proven": everything is as written; "content": the content is, the rest cannot be checked
 * (no print of it in the mark, a print from an older version that read less, or what this Excel
 * cannot report: see SheetExtras.unseen); null: the user changed something.
 */
export function untouched(sheet: SheetState, names: Names = [], order?: readonly string[], prints?: Prints): "proven" | "content" | null {
  const mark = sheet.mark;
  const made = prints?.get(sheet);
  if (!mark || mark.print === null || sheet.content === null || (made ? made.content : fingerprint(sheet.content)) !== mark.print) return null;
  if (namesInto(sheet, names, order).length) return null;
  if (!isCurrentExtrasPrint(mark.extras)) return "content";
  if (sheet.extras === null || (made ? made.extras : extrasPrint(sheet.extras)) !== mark.extras) return null;
  return sheet.extras.unseen?.length ? "content" : "proven";
}

/** The prints of what was inspected of a sheet (null where its mark has none to compare with), made beforehand (see printsInSlices). */
export type Prints = ReadonlyMap<SheetState, { content: string | null; extras: string | null }>;

/**
 * The prints `untouched` compares with each marked sheet's mark, made in steps with `between`
 * after each (the pane's pause once a slice is used): at thousands of rows a sheet's prints (its
 * cells' values, and what Excel reports of each cell's formats) took 50-100 ms in one piece.
 * Only those a mark has to compare with.
 */
export async function printsInSlices(sheets: readonly SheetState[], between: () => Promise<void>): Promise<Prints> {
  const prints = new Map<SheetState, { content: string | null; extras: string | null }>();
  const made = <T>(steps: Steps<T>) => runStepsInSlices(steps, between);
  for (const sheet of sheets) {
    const mark = sheet.mark;
    if (!mark) continue;
    const content = mark.print !== null && sheet.content !== null ? await made(fingerprintInSteps(sheet.content)) : null;
    const extras = isCurrentExtrasPrint(mark.extras) && sheet.extras !== null ? await made(extrasPrintInSteps(sheet.extras)) : null;
    prints.set(sheet, { content, extras });
  }
  return prints;
}

/**
 * The defined names (the workbook's and every sheet's own) that point into `sheet`, by its name,
 * one of its tables' or a 3-D reference spanning it (`order`: the workbook's sheet names in order).
 */
export function namesInto(sheet: SheetState, names: Names, order?: readonly string[]): string[] {
  const tables = sheet.content?.tables.map((t) => t.name) ?? [];
  return names.filter((n) => pointsInto(n.formula, sheet.name, tables, order)).map((n) => n.name);
}

function ours(candidates: SheetState[]): SheetState | null {
  const byId = candidates.filter((s) => s.mark?.id !== null && s.mark?.id === s.id);
  if (byId.length === 1) return byId[0];
  const byName = candidates.filter((s) => s.mark?.name !== null && s.mark?.name === s.name);
  if (byName.length === 1) return byName[0];
  return candidates.length === 1 ? candidates[0] : null;
}

/** Decisions for the marked sheets of one key (in workbook order); `order`: the workbook's sheet names in order, for a defined name's 3-D reference (see pointsInto). */
export function decideOwnership(candidates: SheetState[], names: Names = [], order?: readonly string[], prints?: Prints): Ownership[] {
  const own = ours(candidates);
  return candidates.map((sheet): Ownership => {
    if (sheet !== own) return { kind: "copy", sheet };
    const renamed = sheet.mark?.name !== null && sheet.mark?.name !== undefined && sheet.mark.name !== sheet.name;
    const state = untouched(sheet, names, order, prints);
    if (!state) {
      // Untouched but for the defined names that point into it: kept for them, and the pane names them.
      const pointing = untouched(sheet, [], undefined, prints) ? namesInto(sheet, names, order) : [];
      return { kind: "keep", sheet, renamed, ...(pointing.length ? { names: pointing } : {}) };
    }
    const unseen = state === "content" && isCurrentExtrasPrint(sheet.mark?.extras) ? (sheet.extras?.unseen ?? []) : [];
    return { kind: "rebuild", sheet, renamed, proven: state === "proven", unseen };
  });
}
