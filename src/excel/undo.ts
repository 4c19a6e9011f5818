import { SheetMark } from "../report/mark";
import { WriteBatch } from "./batch";
import { queueWriteMark } from "./marks";
import { restorable } from "./restore-cells";

type Formulas = (string | number | boolean)[][];

/**
 * What Regenerate (or a pull's first load) changed in the workbook before its writes are done,
 * so that a sync Excel refuses on the way (InsertDeleteConflict, a payload limit,
 * GeneralException; whatever part of its batch ran), or a cancel, can be undone: the sheets
 * there were before (by id), the names it gave sheets and tables, the marks it removed, the
 * values it wrote over and the blank sheets it wrote on. Each entry keeps the state before its
 * first change only.
 */
export class Journal {
  private readonly renamedSheets = new Map<Excel.Worksheet, string>();
  private readonly renamedTables = new Map<Excel.Table, string>();
  private readonly marks = new Map<Excel.Worksheet, SheetMark>();
  private readonly values: { sheet: Excel.Worksheet; row: number; column: number; formulas: Formulas }[] = [];
  private readonly blanks: Excel.Worksheet[] = [];

  constructor(private readonly before: ReadonlySet<string>) {}

  renameSheet(sheet: Excel.Worksheet, was: string, name: string): void {
    if (!this.renamedSheets.has(sheet)) this.renamedSheets.set(sheet, was);
    sheet.name = name;
  }

  renameTable(table: Excel.Table, was: string, name: string): void {
    if (!this.renamedTables.has(table)) this.renamedTables.set(table, was);
    table.name = name;
  }

  /** Before the mark of `sheet` (now `mark`) is removed or replaced. */
  markChanging(sheet: Excel.Worksheet, mark: SheetMark | null): void {
    if (mark && !this.marks.has(sheet)) this.marks.set(sheet, mark);
  }

  /**
   * Before values are written over a sheet's used range, which held `formulas` (as read) from
   * (row, column). Only a sheet exactly as the add-in wrote it is written over (its print proves
   * it), and the add-in writes constants only: each cell's value is what `formulas` read, so
   * every text goes back as literal text (restore-cells.ts). Written back as read, a text
   * "=…" would become a formula and "'s-Gravenhage" lose its apostrophe (office-js #6687).
   */
  overwriting(sheet: Excel.Worksheet, row: number, column: number, formulas: Formulas): void {
    this.values.push({ sheet, row, column, formulas: formulas.map((cells) => restorable(cells, cells, undefined)) });
  }

  /**
   * Before writing on a sheet that was there holding nothing at all (no value, no formatted cell,
   * no table): the undo deletes the tables on it and clears it again. Its column widths and
   * panes are not the writer's to change (see writeDataSheet), so they need no undo.
   */
  fillingBlank(sheet: Excel.Worksheet): void {
    if (!this.blanks.includes(sheet)) this.blanks.push(sheet);
  }

  /**
   * Puts the workbook back as it was: deletes every sheet that was not there before (with its
   * tables and charts), empties the blank sheets written on, gives sheets (in two steps, so no
   * two share a name meanwhile) and tables their names back, puts back the marks and the values
   * written over. Two syncs and the values' chunks; each step holds whether or not the refused
   * batch ran (what is still queued, after a cancel, is sent first).
   */
  async undo(context: Excel.RequestContext, temporary: (i: number) => string = (i) => `~${i}`): Promise<void> {
    const sheets = context.workbook.worksheets.load("items/id");
    const blankTables = this.blanks.map((sheet) => sheet.tables.load("items/name"));
    await context.sync();
    for (const sheet of sheets.items) if (!this.before.has(sheet.id)) sheet.delete();
    this.blanks.forEach((sheet, i) => {
      for (const table of blankTables[i].items) table.delete();
      sheet.getRange().clear("All");
    });
    [...this.renamedSheets.keys()].forEach((sheet, i) => (sheet.name = temporary(i)));
    for (const [sheet, was] of this.renamedSheets) sheet.name = was;
    for (const [table, was] of this.renamedTables) table.name = was;
    for (const [sheet, mark] of this.marks) queueWriteMark(sheet, mark);
    const batch = new WriteBatch(context);
    for (const { sheet, row, column, formulas } of this.values) {
      await batch.writeRows(formulas, null, (from, count) => sheet.getRangeByIndexes(row + from, column, count, formulas[0]?.length ?? 0));
    }
    await batch.flush();
  }
}
