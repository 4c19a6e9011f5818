import { valueError } from "../data/errors";
import { parseA1Range } from "../report/a1";
import { ReadBatch, readRows, rowBlocks, rowBytes, RUN_DELETE_BYTES, WriteBatch } from "./batch";
import { TableState, WorkbookState } from "./inspect";
import { planGrowth } from "./growth";
import { planPutBack } from "./put-back";
import { restorable } from "./restore-cells";
import { Cell, planRowChanges, RowChanges } from "./row-changes";
import { addBodyRows } from "./total-row";
import { UndoRefused } from "./undo";
import { CELL_PROPERTY_BYTES } from "./sheet-extras";
import { literal } from "./write";
import { EXCEL } from "../text/excel";
import { say } from "../text/message";

/**
 * Refreshes existing monitor tables with what a pull decided, writing only what changes (see
 * row-changes.ts): changed cells in their rows, new rows at the end (cells inserted below the
 * table first, so the user's cells there move down), removed rows deleted last. The user's
 * formats, formulas in unchanged cells, sort order and extra columns stay.
 *
 * The plan holds row indexes as the comparison read them, and the user can edit, sort or move
 * rows while the pull runs (between two of its syncs). So:
 * - Before anything is written, the rows to change or delete are read again (formulas, values,
 *   number formats, and the formats of rows to delete: fill, font, borders, alignment) with the
 *   table's address, and compared with what the comparison read. A difference (a sort, an edit,
 *   a row added or deleted during the comparison) stops the pull before it writes anything:
 *   the comparison no longer describes the table. (Re-planning instead would need the
 *   comparison again, since an edit changes what is the analyst's.)
 * - Every sync that overwrites or deletes rows first looks at those rows, in the same batch
 *   (Excel runs a batch in order, so the look sees them just before). A look that differs from
 *   what was read before means the pull overwrote or deleted another row than it meant to, or a
 *   row the user changed meanwhile: it stops and puts the table back, the user's change with it.
 *   Deleting is checked this way rather than done by key, because any key lookup is a read in
 *   one sync and a delete in the next, and the user may sort between the two; the look in the
 *   same batch leaves no such gap, and what it saw is exactly what the undo puts back. (Its
 *   formats are those read before, while the look shows that row: a look with formats would
 *   take ten times the syncs for a large delete, so a row deleted by mistake, after a sort,
 *   comes back without its fill or font.)
 * - Putting back (after a cancel, a refusal by Excel, or an edit meanwhile) starts from a fresh
 *   read of the table and finds each row by its key (put-back.ts), so a sort between two syncs
 *   does not make it put cells into the wrong rows.
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

/** A row as read: what puts it back (formulas, values, number formats) and, for a row to delete, its formats. */
interface RowRead {
  values: Cell[];
  formulas: Cell[];
  formats: string[];
  props: Excel.SettableCellProperties[] | null;
}

/** Rows looked at in the batch that overwrites or deletes them, just before it does. */
interface Look {
  row: number;
  count: number;
  range: Excel.Range;
  props: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
}

interface Plan {
  target: TableTarget;
  header: string[];
  /** The whole table, a total row included. */
  box: { row: number; column: number; rows: number; columns: number };
  /** Its body rows, before the pull (the header and a total row left out). */
  bodyRows: number;
  changes: RowChanges;
  /** Body row → as read before writing, and found to be what the comparison read. */
  read: Map<number, RowRead>;
  /** Rows looked at just before their cells were overwritten, and just before they were deleted. */
  written: Look[];
  deleted: Look[];
}

/**
 * The formats of a row to delete, to put it back after a cancel or a refusal (ExcelApi 1.9,
 * Range.getCellProperties / setCellProperties; the same shape both ways: CellPropertiesFormat).
 * Hyperlinks and styles are not among them: the add-in does not restore links, and a style would
 * overwrite the formats (SettableCellProperties: "do not use the format property with the style property").
 */
const ROW_FORMATS: Excel.CellPropertiesLoadOptions = {
  format: {
    fill: { color: true, pattern: true },
    font: { bold: true, italic: true, color: true, size: true, name: true, underline: true, strikethrough: true },
    borders: { style: true, color: true, weight: true },
    horizontalAlignment: true,
    verticalAlignment: true,
    wrapText: true,
    indentLevel: true,
  },
};

const text = (value: Cell) => (typeof value === "string" ? literal(value) : (value ?? ""));

/** Plans, reads what will change, and writes; undoes everything on a cancel, a refusal or an edit meanwhile, then rethrows (an UndoRefused when Excel refuses the undo too). */
export async function refreshTables(batch: WriteBatch, context: Excel.RequestContext, state: WorkbookState, targets: TableTarget[], limit?: number): Promise<RefreshCounts> {
  const plans: Plan[] = targets.map((target) => {
    const cells = target.table.cells ?? [];
    const header = (cells[0] ?? []).map((h) => String(h ?? ""));
    const changes = planRowChanges(header, cells.slice(1).map((row) => row.map((c) => c ?? null)), target.rows, target.keyOf);
    const box = parseA1Range(target.table.address);
    return { target, header, box, bodyRows: box.rows - 1 - (target.table.totalRow ? 1 : 0), changes, read: new Map(), written: [], deleted: [] };
  });
  const growth = planGrowth(
    plans.map((p) => ({ name: p.target.table.name, sheetName: p.target.table.sheetName, box: p.box, rowsNeeded: p.box.rows + p.changes.appends.length })),
    [...state.tables.values()].map((t) => ({ name: t.name, sheetName: t.sheetName, address: t.address })),
  );
  if (!growth.ok) {
    throw valueError(say(EXCEL.tableCannotGrow, { table: growth.table, blocking: growth.blocking }));
  }
  await readBefore(context, plans, limit); // nothing is written yet: a difference stops here

  const inserted = new Set<string>();
  /** Blank rows added above a table's total row, by table (see addBodyRows). */
  const blankRows = new Map<string, number>();
  try {
    // Inserts first, each in a sync of its own (three tables at most): if Excel refuses one, it
    // is known exactly which happened before. A table with a total row gets its new rows above
    // it instead, which moves what is below the same way.
    for (const insert of growth.inserts) {
      const plan = plans.find((p) => p.target.table.name === insert.table);
      if (plan?.target.table.totalRow) {
        await addBodyRows(batch, plan.target.table.table, plan.changes.appends.length, plan.box.columns, (rows) => blankRows.set(insert.table, (blankRows.get(insert.table) ?? 0) + rows));
        continue;
      }
      await batch.queue(1000, () => {
        const sheet = context.workbook.worksheets.getItem(insert.sheetName);
        sheet.getRangeByIndexes(insert.box.row, insert.box.column, insert.box.rows, insert.box.columns).insert("Down");
      });
      await batch.flush();
      inserted.add(insert.table);
    }
    // Where each table is now (a table under one that grew has moved down).
    for (const plan of plans) plan.box = { ...plan.box, row: growth.rowOf.get(plan.target.table.name) ?? plan.box.row };
    for (const plan of plans) {
      const { table } = plan.target;
      const sheet = table.table.worksheet;
      const top = plan.box.row;
      const { appends } = plan.changes;
      if (appends.length) {
        if (!table.totalRow) await batch.queue(1000, () => table.table.resize(sheet.getRangeByIndexes(top, plan.box.column, plan.box.rows + appends.length, plan.box.columns)));
        // Only the add-in's columns: the user's (a calculated column) are left to Excel.
        for (const [first, width] of knownRuns(plan)) {
          const cells = appends.map((row) => row.slice(first, first + width));
          const formats = cells.map((row, r) => row.map((value, c) => plan.target.formatOf(plan.header[first + c], value, (name) => appends[r][plan.header.indexOf(name)])));
          await batch.writeRows(cells.map((row) => row.map(text)), formats, (from, count) => sheet.getRangeByIndexes(top + 1 + plan.bodyRows + from, plan.box.column + first, count, width));
        }
      }
    }
    // Changed cells, each chunk with a fresh look at the rows it overwrites.
    for (const plan of plans) await writeChanges(batch, plan);
    if (plans.some((p) => p.changes.writes.length || p.changes.appends.length)) await batch.flush();
    for (const plan of plans) checkLooks(plan, plan.written); // an edit meanwhile stops before anything is deleted
    for (const plan of plans) await deleteRows(batch, plan);
    if (plans.some((p) => p.changes.deletes.length)) await batch.flush();
    for (const plan of plans) checkLooks(plan, plan.deleted);
  } catch (error) {
    try {
      await undo(context, plans, inserted, blankRows, limit);
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

/** What a look at a body row weighs in a response, about: formulas, values and number formats (three times the row as read, with room for formats), and each cell's formats when asked. */
const lookBytes = (plan: Plan, row: number, formats: boolean) => rowBytes(plan.target.table.cells?.[row + 1] ?? []) * 3 + 40 * plan.box.columns + (formats ? CELL_PROPERTY_BYTES * plan.box.columns : 0);

/**
 * The rows a pull will change or delete, and each table's address, read before anything is
 * written and compared with what the comparison read: a table the user changed meanwhile stops
 * the pull here, with nothing written.
 */
async function readBefore(context: Excel.RequestContext, plans: Plan[], limit?: number): Promise<void> {
  const reads = new ReadBatch(context, limit);
  const addresses = await Promise.all(plans.map((plan) => reads.queue(100, () => plan.target.table.table.getRange().load("address"))));
  const filters = await Promise.all(plans.map((plan) => reads.queue(100, () => plan.target.table.table.autoFilter.load("isDataFiltered"))));
  const pending: Look[][] = plans.map(() => []);
  for (const [p, plan] of plans.entries()) {
    const rows = new Map<number, number>();
    for (const w of plan.changes.writes) rows.set(w.row, 1);
    for (const d of plan.changes.deletes) rows.set(d.row, d.count);
    // A long run of deletes goes in blocks under the limit; the rows to delete with their formats.
    const deleting = new Set(plan.changes.deletes.map((d) => d.row));
    for (const [first, length] of rows) {
      const formats = deleting.has(first);
      for (const { from, count, bytes } of rowBlocks(first, length, (row) => lookBytes(plan, row, formats), reads.limit)) {
        await reads.queue(bytes, () => pending[p].push(look(plan, from, count, formats)));
      }
    }
  }
  await reads.flush();
  for (const [p, plan] of plans.entries()) {
    const { writes, appends, deletes } = plan.changes;
    if (filters[p].isDataFiltered && writes.length + appends.length + deletes.length > 0) throw new TableFiltered(plan.target.table.name);
  }
  for (const [p, plan] of plans.entries()) {
    const { name, address, cells } = plan.target.table;
    if (addresses[p].address !== address) throw new ChangedSinceComparison(name, null);
    for (const seen of pending[p]) {
      (lookedAt(seen) ?? []).forEach((row, i) => {
        if (!same(row.values, cells?.[seen.row + i + 1] as Cell[] | undefined)) throw new ChangedSinceComparison(name, seen.row + i + 1);
        plan.read.set(seen.row + i, row);
      });
    }
  }
}

/** Queues reading `count` body rows from `row` (with their formats when asked). */
function look(plan: Plan, row: number, count: number, formats: boolean): Look {
  const range = bodyRow(plan, row, count).load("formulas,values,numberFormat");
  return { row, count, range, props: formats ? range.getCellProperties(ROW_FORMATS) : null };
}

/** What a look saw, or null when its sync did not go through (Excel refused it, or it was never sent). */
function lookedAt({ range, props, count }: Look): RowRead[] | null {
  try {
    return Array.from({ length: count }, (_, i) => ({ values: range.values[i] as Cell[], formulas: range.formulas[i] as Cell[], formats: range.numberFormat[i] as string[], props: props ? (props.value[i] as Excel.SettableCellProperties[]) : null }));
  } catch {
    return null;
  }
}

const same = (a: readonly Cell[] | undefined, b: readonly Cell[] | undefined) => JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

async function writeChanges(batch: WriteBatch, plan: Plan): Promise<void> {
  const sheet = plan.target.table.table.worksheet;
  // A row is looked at before its first run only: a later run of the same row would see the first one's write.
  const looked = new Set<number>();
  for (const run of plan.changes.writes) {
    await batch.queue(rowBytes(run.values) * 2 + lookBytes(plan, run.row, false) + 200, () => {
      if (!looked.has(run.row)) plan.written.push(look(plan, run.row, 1, false));
      looked.add(run.row);
      sheet.getRangeByIndexes(plan.box.row + 1 + run.row, plan.box.column + run.column, 1, run.values.length).values = [run.values.map(text)];
    });
  }
}

/** Rows that differed, just before they were overwritten or deleted, from what was read before: an edit, a sort or a move meanwhile. */
function checkLooks(plan: Plan, looks: Look[]): void {
  for (const seen of looks) {
    (lookedAt(seen) ?? []).forEach((row, i) => {
      const before = plan.read.get(seen.row + i);
      if (!same(row.values, before?.values) || !same(row.formulas, before?.formulas)) throw new EditedMeanwhile(plan.target.table.name, seen.row + i + 1);
    });
  }
}

/**
 * Deletes each run of rows as one `Range.delete("Up")` on its whole table rows: Excel deletes
 * them from the table and moves what is below up (office-js #994 deletes table rows so), one
 * call whatever the run's length, where a `TableRow.delete()` per row would put tens of
 * thousands of calls in one request (`TableRowCollection.deleteRowsAt` is ExcelApiOnline 1.1,
 * Excel on the web only). A long run goes in blocks whose look fits a sync, the bottom block
 * first, so each block's rows are still where they were read.
 */
async function deleteRows(batch: WriteBatch, plan: Plan): Promise<void> {
  for (const run of plan.changes.deletes) {
    for (const block of rowBlocks(run.row, run.count, (row) => lookBytes(plan, row, false), batch.limit).reverse()) {
      await batch.queue(RUN_DELETE_BYTES + block.bytes, () => {
        plan.deleted.push(look(plan, block.from, block.count, false));
        bodyRow(plan, block.from, block.count).delete("Up");
      });
    }
  }
}

/** Indexes that each follow the one before as runs, [first, count], in the order given. */
function runsOf(indexes: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const index of indexes) {
    const last = runs[runs.length - 1];
    if (last && index === last[0] + last[1]) last[1]++;
    else runs.push([index, 1]);
  }
  return runs;
}

/**
 * Puts the tables back as they were, from what Excel holds now (after a refusal, part of the
 * last batch may have run; after a sort, rows are elsewhere): the table is read again, and
 * put-back.ts decides by each row's key, last step first. Deleted rows are added again with
 * their number formats and formats, as the look just before deleting saw them; overwritten cells
 * get back their formulas or their constants (text as literal text, never a formula:
 * restore-cells.ts); new rows are removed wherever they are, and the cells inserted below a table
 * that had not grown yet are deleted again (the user's cells move back up).
 */
async function undo(context: Excel.RequestContext, plans: Plan[], inserted: ReadonlySet<string>, blankRows: ReadonlyMap<string, number>, limit?: number): Promise<void> {
  // What is still queued (a cancel comes before its sync) goes first, then where the tables are.
  await context.sync();
  const areas = plans.map((plan) => plan.target.table.table.getRange().load("rowIndex,columnIndex,rowCount,columnCount"));
  await context.sync();
  const sheets = plans.map((plan) => plan.target.table.table.worksheet);
  const now = await readRows(
    context,
    areas.map((area, i) => ({
      total: area.rowCount - 1 - (plans[i].target.table.totalRow ? 1 : 0),
      columns: area.columnCount,
      sheet: plans[i].target.table.sheetName,
      firstRow: area.rowIndex + 1,
      range: (from: number, count: number) => sheets[i].getRangeByIndexes(area.rowIndex + 1 + from, area.columnIndex, count, area.columnCount),
    })),
    { limit },
  );
  const batch = new WriteBatch(context, { limit });
  for (const [i, plan] of plans.entries()) {
    const { table } = plan.target;
    const { rowIndex, columnIndex, columnCount } = areas[i];
    const keyOf = (row: readonly Cell[]) => plan.target.keyOf((column) => row[plan.header.indexOf(column)] ?? null);
    const was = (looks: Look[]) => new Map(looks.flatMap((seen) => (lookedAt(seen) ?? []).map((row, k) => [seen.row + k, row] as const)));
    const overwritten = was(plan.written);
    const deleted = was(plan.deleted);
    const decided = planPutBack<RowRead>({
      rows: now[i],
      keys: now[i].map(keyOf),
      writes: plan.changes.writes.flatMap((run) => {
        const row = overwritten.get(run.row) ?? plan.read.get(run.row);
        return row ? [{ key: keyOf(row.values), column: run.column, wrote: run.values, was: row.values, back: restorable(row.formulas, row.values, row.formats) }] : [];
      }),
      // In the order they were deleted: the runs bottom first, each run's rows bottom first.
      deletes: plan.deleted.flatMap((seen) =>
        Array.from({ length: seen.count }, (_, k) => seen.row + seen.count - 1 - k).flatMap((index) => {
          // The formats are those read before, while the look shows the same row; a row deleted by mistake (a sort meanwhile) comes back without them.
          const [seen, read] = [deleted.get(index), plan.read.get(index)];
          const row = seen ? { ...seen, props: read && same(seen.values, read.values) && same(seen.formulas, read.formulas) ? read.props : null } : read;
          return row ? [{ index, key: keyOf(row.values), values: row.values, row }] : [];
        }),
      ),
      appended: new Set(plan.changes.appends.flatMap((row) => keyOf(row) ?? [])),
      // Above a total row, only the blank rows Excel took are there to take out again.
      appendCount: table.totalRow ? (blankRows.get(table.name) ?? 0) : plan.changes.appends.length,
      originalRows: plan.bodyRows,
    });
    const body = (row: number, column = 0, columns = columnCount, rows = 1) => sheets[i].getRangeByIndexes(rowIndex + 1 + row, columnIndex + column, rows, columns);
    // Rows back a run at a time (one add, one number format and one set of formats each): a run
    // deleted bottom first comes back top first, each at the index after the one before.
    let r = 0;
    for (const [first, count] of runsOf(decided.readd.map((a) => a.index))) {
      const rows = decided.readd.slice(r, (r += count)).map((a) => a.row);
      const cells = rows.map((row) => restorable(row.formulas, row.values, row.formats));
      const props = rows.some((row) => row.props) ? rows.map((row) => row.props ?? row.values.map(() => ({}))) : null; // {}: nothing to set
      const bytes = cells.reduce((n, row) => n + rowBytes(row) * 2 + (props ? CELL_PROPERTY_BYTES * row.length : 0), 3 * RUN_DELETE_BYTES);
      await batch.queue(bytes, () => {
        table.table.rows.add(first, cells);
        body(first, 0, columnCount, count).numberFormat = rows.map((row) => row.formats);
        if (props) body(first, 0, columnCount, count).setCellProperties(props);
      });
    }
    for (const { row, column, values } of decided.overwrite) {
      await batch.queue(rowBytes(values) * 2 + 200, () => void (body(row, column, values.length).values = [values]));
    }
    for (const [first, count] of runsOf([...decided.remove].reverse()).reverse()) await batch.queue(RUN_DELETE_BYTES, () => body(first, 0, columnCount, count).delete("Up"));
    const appended = plan.changes.appends.length;
    if (!decided.grown && inserted.has(table.name) && appended) {
      // The table never grew over the inserted cells: they are deleted again, and the user's cells move back up.
      const bottom = now[i].length + decided.readd.length;
      await batch.queue(1000, () => sheets[i].getRangeByIndexes(rowIndex + 1 + bottom, columnIndex, appended, columnCount).delete("Up"));
    }
  }
  await batch.flush();
}

/**
 * A table to change has an active filter (Table.autoFilter.isDataFiltered, ExcelApi 1.9), and
 * nothing was written. Excel refuses inserting or deleting rows of a filtered table
 * (TableRowCollection.deleteRows: "will throw the InsertDeleteConflict error if the table … has a
 * filter applied"), or deletes nothing without a word (office-js #994, a range delete of table
 * rows); writing values into a filtered range put them in the wrong rows in office-js #224. The
 * safe reading: no change at all while a filter is on, and the user is asked to clear it.
 */
export class TableFiltered extends Error {
  constructor(readonly table: string) {
    // Not shown as it is: the load that catches it tells the user, in their language (load-data.ts).
    super(`${table} has an active filter.`);
    this.name = "TableFiltered";
  }
}

/** An edit the user made during the comparison: the comparison no longer describes the table, and nothing was written. */
export class ChangedSinceComparison extends Error {
  constructor(
    readonly table: string,
    /** The table's row (1 = the first under the header) that changed, or null when the table itself moved or changed size. */
    readonly row: number | null,
  ) {
    // Not shown as it is: the load that catches it tells the user, in their language (load-data.ts).
    super(`${table}${row === null ? "" : ` row ${row}`} changed during the comparison.`);
    this.name = "ChangedSinceComparison";
  }
}
