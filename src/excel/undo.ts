import { SheetMark } from "../report/mark";
import { WriteBatch } from "./batch";
import { queueWriteMark } from "./marks";

type Formulas = (string | number | boolean)[][];

/**
 * What Regenerate changed in the workbook before its writes are done, so that a sync Excel
 * refuses on the way (InsertDeleteConflict, a payload limit, GeneralException; whatever part of
 * its batch ran) can be undone: the sheets there were before (by id), the names it gave sheets
 * and tables, the marks it removed and the values it wrote over. Each entry keeps the state
 * before its first change only.
 */
export class Journal {
  private readonly renamedSheets = new Map<Excel.Worksheet, string>();
  private readonly renamedTables = new Map<Excel.Table, string>();
  private readonly marks = new Map<Excel.Worksheet, SheetMark>();
  private readonly values: { sheet: Excel.Worksheet; row: number; column: number; formulas: Formulas }[] = [];

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

  /** Before values are written over a sheet's used range, which held `formulas` from (row, column). */
  overwriting(sheet: Excel.Worksheet, row: number, column: number, formulas: Formulas): void {
    this.values.push({ sheet, row, column, formulas });
  }

  /**
   * Puts the workbook back as it was: deletes every sheet that was not there before (with its
   * tables and charts), gives sheets (in two steps, so no two share a name meanwhile) and tables
   * their names back, puts back the marks and the values written over. Two syncs and the
   * values' chunks; each step holds whether or not the refused batch ran.
   */
  async undo(context: Excel.RequestContext, temporary: (i: number) => string): Promise<void> {
    const sheets = context.workbook.worksheets.load("items/id");
    await context.sync();
    for (const sheet of sheets.items) if (!this.before.has(sheet.id)) sheet.delete();
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
