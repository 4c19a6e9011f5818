import { valueError } from "../data/errors";
import { parseA1Range } from "../report/a1";
import { queueDeleteRuns, ReadBatch, rowBlocks, rowBytes, WriteBatch } from "./batch";
import { TableState, WorkbookState } from "./inspect";
import { planGrowth } from "./growth";
import { restorable } from "./restore-cells";
import { Cell, planRowChanges, RowChanges } from "./row-changes";
import { UndoRefused } from "./undo";
import { literal } from "./write";
import { EXCEL } from "../text/excel";
import { say } from "../text/message";

/**
 * Refreshes existing monitor tables with what a pull decided, writing only what changes (see
 * row-changes.ts): changed cells in their rows, new rows at the end (cells inserted below the
 * table first, so the user's cells there move down), removed rows deleted last. The user's
 * formats, formulas in unchanged cells, sort order and extra columns stay.
 *
 * Before anything is written, the rows to change or delete are read (formulas, values and
 * number formats), so that a cancel, a refusal by Excel, or an edit the user makes meanwhile can put
 * back exactly what was there. Every chunk re-reads the rows it is about to overwrite in the
 * same batch: a row that differs from what was read before is an edit made during the write,
 * which stops it, restores the workbook (with that edit), and says so.
 */
export interface TableTarget {
  table: TableState;
  /** The rows the table should hold, by column name (columns the add-in does not know are absent). */
  rows: ReadonlyMap<string, Cell>[];
  /** A row's key from its cells by column name; null for a blank row. */
  keyOf: (cell: (column: string) => Cell | undefined) => string | null;
  /** The columns the add-in fills; any other column of the table is the user's and never written. */
  columns: readonly string[];
  /** The number format of a new row's cell, by column name. */
  formatOf: (column: string, value: Cell, row?: (column: string) => Cell | undefined) => string;
}

export interface RefreshCounts {
  written: number;
  appended: number;
  deleted: number;
  insertedRows: number;
}

/** An edit the user made while the write ran: the write stopped and the workbook was put back. */
export class EditedMeanwhile extends Error {
  constructor(
    readonly table: string,
    readonly row: number,
  ) {
    // Not shown as it is: the load that catches it tells the user, in their language (load-data.ts).
    super(`${table} row ${row} was changed during the write.`);
    this.name = "EditedMeanwhile";
  }
}

interface Before {
  /** Body row → its formulas as read before writing (later: as last seen). */
  rows: Map<number, Cell[]>;
  /** Body row → what puts it back through `values`: formulas as formulas, constants as literals (restore-cells.ts). */
  restore: Map<number, (string | number | boolean)[]>;
  formats: Map<number, string[]>;
}

interface Plan {
  target: TableTarget;
  header: string[];
  box: { row: number; column: number; rows: number; columns: number };
  changes: RowChanges;
  before: Before;
}

const text = (value: Cell) => (typeof value === "string" ? literal(value) : (value ?? ""));

/** Plans, reads what will change, and writes; undoes everything on a cancel, a refusal or an edit meanwhile, then rethrows (an UndoRefused when Excel refuses the undo too). */
export async function refreshTables(batch: WriteBatch, context: Excel.RequestContext, state: WorkbookState, targets: TableTarget[], limit?: number): Promise<RefreshCounts> {
  const plans: Plan[] = targets.map((target) => {
    const cells = target.table.cells ?? [];
    const header = (cells[0] ?? []).map((h) => String(h ?? ""));
    return { target, header, box: parseA1Range(target.table.address), changes: planRowChanges(header, cells.slice(1).map((row) => row.map((c) => c ?? null)), target.rows, target.keyOf), before: { rows: new Map(), restore: new Map(), formats: new Map() } };
  });
  const growth = planGrowth(
    plans.map((p) => ({ name: p.target.table.name, sheetName: p.target.table.sheetName, box: p.box, rowsNeeded: p.box.rows + p.changes.appends.length })),
    [...state.tables.values()].map((t) => ({ name: t.name, sheetName: t.sheetName, address: t.address })),
  );
  if (!growth.ok) {
    throw valueError(say(EXCEL.tableCannotGrow, { table: growth.table, blocking: growth.blocking }));
  }
  await readBefore(context, plans, limit);

  const done: Done = { inserted: new Set<string>(), written: new Set<Plan>(), deleting: false };
  try {
    // Inserts first, each in a sync of its own (three tables at most): if Excel refuses one, it
    // is known exactly which happened before.
    for (const insert of growth.inserts) {
      await batch.queue(1000, () => {
        const sheet = context.workbook.worksheets.getItem(insert.sheetName);
        sheet.getRangeByIndexes(insert.box.row, insert.box.column, insert.box.rows, insert.box.columns).insert("Down");
      });
      await batch.flush();
      done.inserted.add(insert.table);
    }
    // Where each table is now (a table under one that grew has moved down).
    for (const plan of plans) plan.box = { ...plan.box, row: growth.rowOf.get(plan.target.table.name) ?? plan.box.row };
    for (const plan of plans) {
      const { table } = plan.target;
      const sheet = table.table.worksheet;
      const top = plan.box.row;
      const { appends } = plan.changes;
      if (appends.length) {
        await batch.queue(1000, () => table.table.resize(sheet.getRangeByIndexes(top, plan.box.column, plan.box.rows + appends.length, plan.box.columns)));
        // Only the add-in's columns: the user's (a calculated column) are left to Excel.
        for (const [first, width] of knownRuns(plan)) {
          const cells = appends.map((row) => row.slice(first, first + width));
          const formats = cells.map((row, r) => row.map((value, c) => plan.target.formatOf(plan.header[first + c], value, (name) => appends[r][plan.header.indexOf(name)])));
          await batch.writeRows(cells.map((row) => row.map(text)), formats, (from, count) => sheet.getRangeByIndexes(top + plan.box.rows + from, plan.box.column + first, count, width));
        }
      }
    }
    // Changed cells, each chunk with a fresh look at the rows it overwrites.
    for (const plan of plans) {
      done.written.add(plan);
      await writeChanges(batch, plan);
    }
    if (plans.some((p) => p.changes.writes.length || p.changes.appends.length)) await batch.flush();
    for (const plan of plans) checkSeen(plan); // an edit meanwhile stops before anything is deleted
    done.deleting = true;
    for (const plan of plans) await deleteRows(batch, plan);
    if (plans.some((p) => p.changes.deletes.length)) await batch.flush();
  } catch (error) {
    try {
      await undo(context, plans, done, limit);
    } catch (refused) {
      throw new UndoRefused(refused);
    }
    throw error;
  }
  return {
    written: plans.reduce((n, p) => n + p.changes.writes.reduce((m, w) => m + w.values.length, 0), 0),
    appended: plans.reduce((n, p) => n + p.changes.appends.length, 0),
    deleted: plans.reduce((n, p) => n + p.changes.deletes.reduce((m, d) => m + d.count, 0), 0),
    insertedRows: growth.inserts.reduce((n, i) => n + i.box.rows, 0),
  };
}

/** Runs of adjacent columns the add-in fills: [first, width]. */
function knownRuns(plan: Plan): [number, number][] {
  const runs: [number, number][] = [];
  plan.header.forEach((name, c) => {
    if (!plan.target.columns.includes(name)) return;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === c) last[1]++;
    else runs.push([c, 1]);
  });
  return runs;
}

const bodyRow = (plan: Plan, row: number, count = 1) => plan.target.table.table.worksheet.getRangeByIndexes(plan.box.row + 1 + row, plan.box.column, count, plan.box.columns);

/** The formulas, values and number formats of every row a pull will change or delete, before anything is written. */
async function readBefore(context: Excel.RequestContext, plans: Plan[], limit?: number): Promise<void> {
  const reads = new ReadBatch(context, limit);
  const pending: { plan: Plan; row: number; count: number; range: Excel.Range }[] = [];
  for (const plan of plans) {
    const rows = new Map<number, number>();
    for (const w of plan.changes.writes) rows.set(w.row, 1);
    for (const d of plan.changes.deletes) rows.set(d.row, Math.max(rows.get(d.row) ?? 0, d.count));
    // Formulas, values and formats: about three times the row as read, with room for formats. A long run of deletes goes in blocks under the limit.
    const weight = (row: number) => rowBytes(plan.target.table.cells?.[row + 1] ?? []) * 3 + 40 * plan.box.columns;
    for (const [first, length] of rows) {
      for (const { from, count, bytes } of rowBlocks(first, length, weight, reads.limit)) {
        await reads.queue(bytes, () => pending.push({ plan, row: from, count, range: bodyRow(plan, from, count).load("formulas,values,numberFormat") }));
      }
    }
  }
  await reads.flush();
  for (const { plan, row, count, range } of pending) {
    for (let i = 0; i < count; i++) {
      plan.before.rows.set(row + i, range.formulas[i] as Cell[]);
      plan.before.formats.set(row + i, range.numberFormat[i] as string[]);
      plan.before.restore.set(row + i, restorable(range.formulas[i] as Cell[], range.values[i] as Cell[], range.numberFormat[i] as string[]));
    }
  }
}

const same = (a: readonly Cell[] | undefined, b: readonly Cell[] | undefined) => JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

/** Rows looked at again just before they were overwritten; checked after the sync. */
const seen = new WeakMap<Plan, { row: number; range: Excel.Range }[]>();

async function writeChanges(batch: WriteBatch, plan: Plan): Promise<void> {
  const looks: { row: number; range: Excel.Range }[] = [];
  seen.set(plan, looks);
  const sheet = plan.target.table.table.worksheet;
  // A row is looked at before its first run only: a later run of the same row would see the first one's write.
  const looked = new Set<number>();
  for (const run of plan.changes.writes) {
    await batch.queue(rowBytes(run.values) * 2 + rowBytes(plan.before.rows.get(run.row) ?? []) * 2 + 200, () => {
      if (!looked.has(run.row)) looks.push({ row: run.row, range: bodyRow(plan, run.row).load("formulas,values") });
      looked.add(run.row);
      sheet.getRangeByIndexes(plan.box.row + 1 + run.row, plan.box.column + run.column, 1, run.values.length).values = [run.values.map(text)];
    });
  }
}

/** A row that differed, just before it was overwritten, from what was read before: an edit meanwhile. */
function checkSeen(plan: Plan): void {
  for (const look of seen.get(plan) ?? []) {
    const formulas = look.range.formulas[0] as Cell[];
    if (!same(formulas, plan.before.rows.get(look.row))) {
      plan.before.rows.set(look.row, formulas); // put back as the user left it
      plan.before.restore.set(look.row, restorable(formulas, look.range.values[0] as Cell[], plan.before.formats.get(look.row)));
      throw new EditedMeanwhile(plan.target.table.name, look.row + 1);
    }
  }
}

async function deleteRows(batch: WriteBatch, plan: Plan): Promise<void> {
  await queueDeleteRuns(batch, plan.changes.deletes, (row, count) => bodyRow(plan, row, count));
}

interface Done {
  /** Tables below which cells were inserted. */
  inserted: Set<string>;
  /** Tables whose changed cells were (perhaps partly) written. */
  written: Set<Plan>;
  /** Deleting had begun: every write before it had gone through. */
  deleting: boolean;
}

/**
 * Puts the tables back as they were: deleted rows added again where they were (formulas and
 * number formats), overwritten cells given back their formulas or their constants (text as
 * literal text, never a formula: restore-cells.ts), new rows removed and the cells
 * inserted below deleted again (the user's cells move back up). Starts from what Excel holds
 * now: after a refusal, part of the last batch may have run.
 */
async function undo(context: Excel.RequestContext, plans: Plan[], done: Done, limit?: number): Promise<void> {
  const batch = new WriteBatch(context, { limit });
  // What is still queued (a cancel comes before its sync) goes first, then the tables' sizes.
  const sizes = plans.map((plan) => plan.target.table.table.getRange().load("rowCount"));
  await context.sync();
  for (const [i, plan] of plans.entries()) {
    const { table } = plan.target;
    const sheet = table.table.worksheet;
    const appended = plan.changes.appends.length;
    // Deletes ran bottom first: the `missing` rows are the first ones of the list of deletes.
    const missing = done.deleting ? Math.max(0, plan.box.rows + appended - sizes[i].rowCount) : 0;
    const gone = plan.changes.deletes.flatMap((d) => Array.from({ length: d.count }, (_, k) => d.row + d.count - 1 - k)).slice(0, missing).sort((a, b) => a - b);
    for (const row of gone) {
      const cells = plan.before.restore.get(row) ?? [];
      await batch.queue(rowBytes(cells) * 2 + 200, () => {
        table.table.rows.add(row, [cells]);
        bodyRow(plan, row).numberFormat = [plan.before.formats.get(row) ?? cells.map(() => "General")];
      });
    }
    if (done.written.has(plan)) {
      for (const run of plan.changes.writes) {
        const before = (plan.before.restore.get(run.row) ?? []).slice(run.column, run.column + run.values.length);
        await batch.queue(rowBytes(before) * 2 + 200, () => {
          sheet.getRangeByIndexes(plan.box.row + 1 + run.row, plan.box.column + run.column, 1, run.values.length).values = [before];
        });
      }
    }
    if (done.inserted.has(table.name) && appended) {
      // The new rows out of the table, and the cells inserted below it deleted: the user's cells move back up.
      await batch.queue(1000, () => {
        table.table.resize(sheet.getRangeByIndexes(plan.box.row, plan.box.column, plan.box.rows, plan.box.columns));
        sheet.getRangeByIndexes(plan.box.row + plan.box.rows, plan.box.column, appended, plan.box.columns).delete("Up");
      });
    }
  }
  await batch.flush();
}
