import { MonitorError } from "../data/errors";
import { EXCEL_ROWS } from "../data/text-rules";
import { WorkbookPlan } from "../report/types";
import { EXCEL } from "../text/excel";
import { say } from "../text/message";

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
    super("value", say(EXCEL.rowLimit, { ...problem }));
  }
}
