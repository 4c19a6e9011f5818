import { formulasIn, pointsInto } from "../report/references";
import { readRows } from "./batch";
import { NOT_READ, SheetState, WorkbookState } from "./inspect";

/**
 * More formula cells than this are not read to look for references (Excel caps a read at
 * 5,000,000 cells): then every target counts as referenced, the safe side (kept, not rebuilt).
 */
const MAX_SCANNED_CELLS = 2_000_000;

/**
 * Which of `targets` (sheets of the add-in about to be rebuilt with a new layout) a formula on
 * another sheet points into, by sheet name or by the name of one of its tables. Formulas of the
 * add-in's sheets were read already (inspectWorkbook); of the other sheets, Excel is asked which
 * cells hold formulas (one sync), and only sheets with any are read, in chunks of about 4 MB.
 * (Defined names were checked when the sheets were inspected: one pointing into a sheet makes
 * it the user's.)
 */
export async function sheetsReferenced(context: Excel.RequestContext, state: WorkbookState, targets: SheetState[]): Promise<Set<SheetState>> {
  const targetSet = new Set(targets);
  const formulas: string[] = [];
  const others = state.sheets.filter((s) => !targetSet.has(s));
  const unread: SheetState[] = [];
  for (const sheet of others) {
    const known = sheet.content?.formulas;
    // A content read whole (not the placeholder of a sheet too large) already has its formulas.
    if (known && known !== NOT_READ) formulas.push(...formulasIn(known));
    else unread.push(sheet);
  }
  if (unread.length) {
    const probes = unread.map((sheet) => ({
      sheet,
      cells: sheet.sheet.getRange().getSpecialCellsOrNullObject("Formulas").load("cellCount"),
      used: sheet.sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"),
    }));
    await context.sync();
    const withFormulas = probes.filter((p) => !p.cells.isNullObject && p.cells.cellCount > 0 && !p.used.isNullObject);
    const total = withFormulas.reduce((n, p) => n + p.used.rowCount * p.used.columnCount, 0);
    if (total > MAX_SCANNED_CELLS) return targetSet;
    const read = await readRows(
      context,
      withFormulas.map(({ sheet, used }) => ({
        total: used.rowCount,
        range: (from: number, count: number) => sheet.sheet.getRangeByIndexes(used.rowIndex + from, used.columnIndex, count, used.columnCount),
      })),
      undefined,
      "formulas",
    );
    for (const cells of read) formulas.push(...formulasIn(cells));
  }
  return new Set(targets.filter((target) => formulas.some((f) => pointsInto(f, target.name, target.content?.tables.map((t) => t.name) ?? []))));
}
