import { cellBytes, RowsLook } from "./batch";
import { restorable } from "./restore-cells";
import { parseA1Range } from "../report/a1";
import { Cell } from "./row-changes";

/**
 * Regenerate reads the workbook first and writes it later, in several syncs, yielding to the pane
 * in between: the analyst can type into a cell the write is about to cover after Regenerate
 * looked at it. So every write of Regenerate's sheets first looks at the cells it overwrites, in
 * the same sync and queued before the write (Excel runs a batch in order, so the look sees them
 * just before: as the pull's looks do, see table-refresh.ts), and after the sync what the look
 * saw is compared with what Regenerate expected there (what it inspected, or an empty cell on a
 * sheet it built new or a blank Data sheet). A difference is an edit made meanwhile: Regenerate
 * stops, the journal puts everything back, and the analyst's cells are written back as the look
 * saw them (see ChangedWhileWriting).
 *
 * What a look compares: each cell's formula (its value where it has none) and, where the cell was
 * expected empty, its number format too (the write sets one there), and the alignment of the
 * header cells the write aligns right (queueAlignment: a few cells a table, read as cell
 * properties). Fills, fonts and the like are not looked at (a look with cell properties at every
 * cell would weigh about ten times as much), nor set: the write leaves them as they are.
 */

/** What a cell was expected to hold just before a write covers it, by its row and column on the sheet (0-based): a formula, or the value of a cell without one ("" when empty). */
export type Expected = (row: number, column: number) => Cell;

/** Where a write's cells are expected to be empty (a sheet built new, a blank Data sheet): no value, and the General number format. */
export const BLANK: Expected = () => "";
const GENERAL = "General";

/** What one look at a cell weighs in a response, about: its formula, its value and its number format, each a JSON cell. */
export const lookCellBytes = (expected: Cell) => 2 * cellBytes(expected) + cellBytes(GENERAL);
/** And the look's call and object in the request and its response's frame. */
export const LOOK_BYTES = 400;

/** Where a cell the analyst changed is: on which sheet (its proxy, and its name then), its row and column (0-based). */
interface ChangedAt {
  sheet: Excel.Worksheet;
  sheetName: string;
  row: number;
  column: number;
}

/** A cell the analyst changed while Regenerate was writing: where, and what to write back to put their change back. */
export type ChangedCell = ChangedContent | ChangedAlignment;

/** A cell whose formula, value or (where it was expected empty) number format the analyst changed. */
export interface ChangedContent extends ChangedAt {
  back: string | number | boolean;
  /** Its number format as the look saw it, where the write set one (a cell expected empty); else null (the write left it). */
  format: string | null;
  /** Its number format as the look saw it: what it has again once put back, which the form of `back` follows (text-cells.ts). */
  held: string;
}

/**
 * A header cell the analyst aligned (Home › Align) before the writer aligned it right, on a sheet
 * where it was expected to have no format: `alignment` as the look saw it, the only thing written
 * back (its value is the writer's, or looked at by the look of its row).
 */
export interface ChangedAlignment extends ChangedAt {
  alignment: string;
}

/** An edit the analyst made while Regenerate wrote, seen by a look just before the write covered it: Regenerate stops, and the workbook is put back with the edit. */
export class ChangedWhileWriting extends Error {
  constructor(readonly cells: ChangedCell[]) {
    // Not shown as it is: Regenerate tells the user, in their language, which sheet and cell (regenerate.ts).
    super(`${cells[0]?.sheetName} changed during the write.`);
    this.name = "ChangedWhileWriting";
  }
}

interface Look {
  sheet: Excel.Worksheet;
  sheetName: string;
  row: number;
  column: number;
  range: Excel.Range;
  expected: Expected;
  blank: boolean;
}

/** A look at the alignment of header cells the writer is about to align right: `aligned`, which of the row's columns from `column` it aligns. */
interface AlignmentLook {
  sheet: Excel.Worksheet;
  sheetName: string;
  row: number;
  column: number;
  aligned: readonly boolean[];
  properties: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

/** What a look at a header row's alignment weighs: its call, and about 60 bytes a cell in the response ({"format":{"horizontalAlignment":"General"}}). */
export const alignmentLookBytes = (columns: number) => LOOK_BYTES + 60 * columns;

/** Where a writer's cells go and what they are expected to hold before it writes: the sheet, its name (for the message), the looks and the expectation. */
export interface Watch {
  looks: WriteLooks;
  sheetName: string;
  expected: Expected;
}

/** The looks queued with Regenerate's writes, checked after each sync (WriteBatch's onSync). */
export class WriteLooks {
  private pending: Look[] = [];
  private alignments: AlignmentLook[] = [];

  /** Queues a look at `rows` × `columns` cells from (row, column) of `sheet`: call it just before queuing the write over them, in the same sync. */
  queue(sheet: Excel.Worksheet, watch: Omit<Watch, "looks">, row: number, column: number, rows: number, columns: number): void {
    const range = sheet.getRangeByIndexes(row, column, rows, columns).load("formulas,values,numberFormat");
    this.pending.push({ sheet, sheetName: watch.sheetName, row, column, range, expected: watch.expected, blank: watch.expected === BLANK });
  }

  /**
   * Queues a look at the alignment of the cells of row `row` from `column` that the writer is about
   * to align right (`aligned`): call it just before queuing that, in the same sync, on a sheet where
   * they are expected to have no format (BLANK). Excel's default, General, is no alignment of the
   * cell's own (CellPropertiesFormat.horizontalAlignment, ExcelApi 1.9, read per cell: a range's
   * format.horizontalAlignment is null where its cells differ); any other was set meanwhile.
   */
  queueAlignment(sheet: Excel.Worksheet, watch: Omit<Watch, "looks">, row: number, column: number, aligned: readonly boolean[]): void {
    const properties = sheet.getRangeByIndexes(row, column, 1, aligned.length).getCellProperties({ format: { horizontalAlignment: true } });
    this.alignments.push({ sheet, sheetName: watch.sheetName, row, column, aligned, properties });
  }

  /** What looking at `columns` cells of row `row` from `column` weighs (see lookCellBytes). */
  static rowBytes(expected: Expected, row: number, column: number, columns: number): number {
    let bytes = 2;
    for (let c = column; c < column + columns; c++) bytes += lookCellBytes(expected(row, c));
    return bytes;
  }

  /**
   * After a sync that went through: what the looks sent with it saw, compared with what was
   * expected. Throws ChangedWhileWriting with every cell that differed; pure but for the proxies
   * it reads (a look of an earlier sync is not checked twice).
   */
  check(): void {
    const changed = this.changed();
    if (changed.length) throw new ChangedWhileWriting(changed);
  }

  /**
   * What the looks sent with the last sync saw the analyst change (as check, without throwing):
   * also after a cancel, whose first sync of the undo sends the writes still queued, with their
   * looks (see Journal.undo). Not after a sync Excel refused: the looks saw nothing then.
   */
  changed(): ChangedCell[] {
    const looks = this.pending;
    const alignments = this.alignments;
    this.pending = [];
    this.alignments = [];
    const changed: ChangedCell[] = [];
    for (const look of looks) {
      const { formulas, values, numberFormat } = look.range;
      formulas.forEach((cells, r) =>
        cells.forEach((formula, c) => {
          const [row, column] = [look.row + r, look.column + c];
          const format = numberFormat[r]?.[c];
          const same = (formula ?? "") === (look.expected(row, column) ?? "") && (!look.blank || format === GENERAL);
          if (same) return;
          const back = restorable([formula], [values[r]?.[c] ?? null], [format])[0];
          changed.push({ sheet: look.sheet, sheetName: look.sheetName, row, column, back, format: look.blank ? (format ?? GENERAL) : null, held: format ?? GENERAL });
        }),
      );
    }
    for (const look of alignments) {
      const cells = look.properties.value[0] ?? [];
      look.aligned.forEach((aligned, c) => {
        const alignment = cells[c]?.format?.horizontalAlignment ?? "General";
        if (aligned && alignment !== "General") changed.push({ sheet: look.sheet, sheetName: look.sheetName, row: look.row, column: look.column + c, alignment });
      });
    }
    return changed;
  }

  /** Forgets the looks of a sync Excel refused (what they saw is not known). */
  clear(): void {
    this.pending = [];
    this.alignments = [];
  }
}

/** The look for each chunk of rows written from `firstRow` (`columns` wide from `column`) of `sheet`: see WriteBatch.writeRows. */
export function rowsLook(sheet: Excel.Worksheet, watch: Watch, firstRow: number, column: number, columns: number): RowsLook {
  return {
    callBytes: LOOK_BYTES,
    bytes: (r) => WriteLooks.rowBytes(watch.expected, firstRow + r, column, columns),
    queue: (from, count) => watch.looks.queue(sheet, watch, firstRow + from, column, count, columns),
  };
}

/** Queues a look at one cell (a text line), to go with its write in the same sync; gives what it weighs. */
export function cellLookBytes(watch: Watch | undefined, row: number, column: number): number {
  return watch ? LOOK_BYTES + lookCellBytes(watch.expected(row, column)) : 0;
}

/**
 * What Regenerate inspected on a sheet it brings up to date in place, as an expectation: the
 * formula (or value) it read in each cell of the used range, "" elsewhere.
 */
export function inspectedCells(usedAddress: string | null, formulas: readonly (readonly Cell[])[]): Expected {
  if (usedAddress === null) return () => "";
  const at = parseA1Range(usedAddress);
  return (row, column) => formulas[row - at.row]?.[column - at.column] ?? "";
}

/** The cells of an expectation over `rows` × `columns` from (row, column), as a 2-D array. */
export function expectedArea(expected: Expected, row: number, column: number, rows: number, columns: number): (string | number | boolean)[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => expected(row + r, column + c) ?? ""));
}
