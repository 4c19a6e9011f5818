import { MonitorError } from "../data/errors";
import { EXCEL_ROWS } from "../data/text-rules";
import { WorkbookPlan } from "../report/types";

/** A table that does not fit on its sheet: its name, its sheet, and the rows it needs with its header. */
export interface RowLimitProblem {
  table: string;
  sheet: string;
  rows: number;
  limit: number;
}

/** The first table of a plan that would reach below Excel's last row, or null. */
export function rowLimitProblem(plan: WorkbookPlan): RowLimitProblem | null {
  for (const sheet of [plan.data, ...plan.sheets]) {
    for (const table of sheet.tables) {
      const lastRow = table.row + 1 + table.rows.length; // 1-based: the header, then the rows
      if (lastRow > EXCEL_ROWS) return { table: table.name, sheet: sheet.name, rows: table.rows.length + 1, limit: EXCEL_ROWS };
    }
  }
  return null;
}

/** A plan that does not fit in Excel: nothing is written. */
export class RowLimitError extends MonitorError {
  constructor(readonly problem: RowLimitProblem) {
    const [nl, en] = [problem.rows.toLocaleString("nl-NL"), problem.rows.toLocaleString("en-US")];
    const [limitNl, limitEn] = [problem.limit.toLocaleString("nl-NL"), problem.limit.toLocaleString("en-US")];
    super("value", {
      nl: `${problem.table} op het blad ${problem.sheet} zou met de kopregel ${nl} rijen beslaan, meer dan de ${limitNl} rijen van een Excel-blad. Er is niets geschreven.`,
      en: `${problem.table} on the ${problem.sheet} sheet would take ${en} rows with its header, more than the ${limitEn} rows of an Excel sheet. Nothing was written.`,
    });
  }
}
