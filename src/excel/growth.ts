import { Box, parseA1Range } from "../report/a1";

/**
 * Where the data tables' new rows go. A table that must grow gets cells inserted below it in its
 * own columns (Excel shifts whatever the user has there down, intact), so no cell outside the
 * rows a table owns is ever written. Planned before anything is queued: when Excel would refuse
 * to shift a table that sits partly in those columns, the action stops and changes nothing.
 */
export interface GrowingTable {
  name: string;
  sheetName: string;
  /** The table as it is now, header included. */
  box: Box;
  /** Rows it needs, header included. */
  rowsNeeded: number;
}

export type GrowthPlan = { ok: true; rowOf: Map<string, number>; inserts: { table: string; sheetName: string; box: Box }[] } | { ok: false; table: string; blocking: string };

const columnsOverlap = (a: Box, b: Box) => a.column < b.column + b.columns && b.column < a.column + a.columns;

export function planGrowth(tables: GrowingTable[], others: { name: string; sheetName: string; address: string }[]): GrowthPlan {
  const rowOf = new Map<string, number>();
  const inserts: { table: string; sheetName: string; box: Box }[] = [];
  const sorted = [...tables].sort((a, b) => a.box.row - b.box.row);
  const shifts: { sheetName: string; below: number; box: Box; rows: number }[] = [];
  for (const table of sorted) {
    const shift = shifts.filter((s) => s.sheetName === table.sheetName && columnsOverlap(s.box, table.box) && table.box.row >= s.below).reduce((n, s) => n + s.rows, 0);
    const row = table.box.row + shift;
    rowOf.set(table.name, row);
    const growth = table.rowsNeeded - table.box.rows;
    if (growth <= 0) continue;
    const bottom = table.box.row + table.box.rows; // first row below the table, before any shift
    for (const other of others) {
      if (other.sheetName !== table.sheetName || other.name === table.name) continue;
      const box = parseA1Range(other.address);
      const partly = columnsOverlap(box, table.box) && box.row >= bottom && (box.column < table.box.column || box.column + box.columns > table.box.column + table.box.columns);
      if (partly) return { ok: false, table: table.name, blocking: other.name };
    }
    inserts.push({ table: table.name, sheetName: table.sheetName, box: { row: row + table.box.rows, column: table.box.column, rows: growth, columns: table.box.columns } });
    shifts.push({ sheetName: table.sheetName, below: bottom, box: table.box, rows: growth });
  }
  return { ok: true, rowOf, inserts };
}
