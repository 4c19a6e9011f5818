import { valueError } from "../data/errors";
import { cellRef, parseA1Range } from "../report/a1";
import { Cancelled, isRefusal, jsonBytes, MAX_SYNC_BYTES, ReadBatch, readRows, rowBlocks, rowBytes, RUN_DELETE_BYTES, textBytes, WriteBatch } from "./batch";
import { TableState, WorkbookState } from "./inspect";
import { planGrowth } from "./growth";
import { besideShiftedRows, cellsOfAddress } from "./cells-beside";
import { formulasInto, MAX_FORMULA_AREAS, MAX_FORMULA_CELLS, namesInto, PutBackShort, restoreBroken, Shortfall } from "./broken-references";
import { chartsToPutBack, restoreCharts, watchCharts } from "./charts-put-back";
import { formatsToPutBack, restoreFormats, watchFormats } from "./formats-put-back";
import { restoreValidations, validationsToPutBack, watchValidations } from "./validations-put-back";
import { RulesWatch } from "./rules-watch";
import { queueAddNote, queueNotes } from "./optional-apis";
import { planPutBack } from "./put-back";
import { restorable } from "./restore-cells";
import { Cell, planRowChanges, RowChanges } from "./row-changes";
import { commentBytes, commentsByRow, CommentsByRow, CommentsRemade, queueAddComment, RowComment } from "./row-comments";
import { COUNT_BYTES, Counted, queueCommentCount, readNotesAndComments } from "./notes-comments-read";
import { NOTE_BYTES, notesByRow, NotesByRow, RowNote } from "./row-notes";
import { NoteCounts, NotesWatch } from "./notes-watch";
import { NOTES_EDIT_ROOM, NotesLook, notesLookBytes } from "./notes-look";
import { addBodyRows } from "./total-row";
import { UndoRefused } from "./undo";
import { CELL_PROPERTIES, EXTRAS_CELL_BYTES } from "./sheet-extras";
import { queueCellWrite } from "./text-cells";
import { literal } from "./write";
import { EXCEL } from "../text/excel";
import { say } from "../text/message";
import type { Reference } from "../text/references";

/**
 * Refreshes existing monitor tables with what a pull decided, writing only what changes (see
 * row-changes.ts): changed cells in their rows, new rows at the end (cells inserted below the
 * table first, so the user's cells there move down), removed rows deleted last. The user's
 * formats, formulas in unchanged cells, sort order and extra columns stay.
 *
 * The plan holds row indexes as the comparison read them, and the user can edit, sort or move
 * rows while the pull runs (between two of its syncs). So:
 * - Before anything is written, the rows to change or delete are read again (formulas, values,
 *   number formats; the other formats of rows to delete are read by the look that deletes them)
 *   with the table's address, and compared with what the comparison read. A difference (a sort, an edit,
 *   a row added or deleted during the comparison) stops the pull before it writes anything:
 *   the comparison no longer describes the table. (Re-planning instead would need the
 *   comparison again, since an edit changes what is the analyst's.)
 * - Every sync that overwrites or deletes rows first looks at those rows, in the same batch
 *   (Excel runs a batch in order, so the look sees them just before), and the pull checks each
 *   look as soon as its sync is back. A look that differs from what was read before means the
 *   pull overwrote or deleted another row than it meant to, or a row the user changed
 *   meanwhile (a value, a formula, or a number format of what the write overwrites: see
 *   checkLooks): it stops (after that one sync) and puts the table back, the user's change with
 *   it. Deleting is checked this way rather than done by key, because any key lookup is a read
 *   in one sync and a delete in the next, and the user may sort between the two; the look in
 *   the same batch leaves no such gap, and what it saw is exactly what the undo puts back: a
 *   delete's look reads the rows' formats, hyperlinks and styles too, so a row deleted by
 *   mistake (after a sort) comes back whole, wherever it was.
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

/** A row as read: what puts it back (formulas, values, number formats) and, for a row deleted, its formats, hyperlinks and styles. */
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
  /**
   * The columns whose number formats the write depends on, where it overwrites cells of one row
   * (writeChanges): the cells it writes. Absent for a delete, which takes every cell's number
   * format with the row.
   */
  columns?: readonly number[];
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
  /** The cells each chunk of new rows writes, and the table's place, looked at just before it wrote them. */
  appended: AppendLook[];
  /** The body rows' notes and threaded comments as read before writing, by row key, when the pull deletes rows (row-notes.ts, row-comments.ts). */
  notes: NotesByRow;
  comments: CommentsByRow;
  /** How many notes and comments its sheet had as read before writing, when the pull deletes rows (null: it deletes none); each deleting sync checks it (notes-watch.ts). */
  counts: NoteCounts | null;
  /** The notes and comments of the rows each deleting sync took, looked at just before its delete (notes-look.ts). */
  noteLooks: NotesLook;
}

/**
 * A look at the cells a chunk of new rows is written into, in the batch that writes them: they
 * must be blank, and the table where the pull put it (grown by the new rows). A sort between
 * two chunks can move the user's rows there, and the user can type into them.
 */
interface AppendLook {
  /** The chunk's first row among the new rows, how many, its first column and width in the table. */
  from: number;
  count: number;
  column: number;
  width: number;
  cells: Excel.Range;
  table: Excel.Range;
}

/**
 * The formats of a row to delete, to put it back after a cancel or a refusal (ExcelApi 1.9,
 * Range.getCellProperties / setCellProperties; the same shape both ways: CellPropertiesFormat):
 * every member a user sets on Format Cells, as the extras print reads them (sheet-extras.ts
 * CELL_PROPERTIES: alignment, indent, orientation, reading order, shrink to fit, protection,
 * the whole font and fill, the eight borders with style, colour, weight and tint), with each
 * cell's hyperlink and style (SettableCellProperties.hyperlink, .style). A style "will overwrite
 * any formatting, so do not use the format property with the style property"
 * (SettableCellProperties, office-js-snippets cell-properties.yaml): the style goes back first,
 * in a call of its own, and the formats after it (restoring). Not among them: useStandardHeight
 * and useStandardWidth, the row's height and the column's width, which deleting cells with
 * shift up leaves where they are (they belong to the sheet's rows and columns, not the cells).
 */
const ROW_FORMATS: Excel.CellPropertiesLoadOptions = CELL_PROPERTIES;

const text = (value: Cell) => (typeof value === "string" ? literal(value) : (value ?? ""));

/**
 * Plans, reads what will change, and writes; undoes everything on a cancel, a refusal or an edit
 * meanwhile, then rethrows (an UndoRefused when Excel refuses the undo too). An undo that made
 * threaded comments anew (see row-comments.ts) says where in `remade`, for the pane.
 */
export async function refreshTables(batch: WriteBatch, context: Excel.RequestContext, state: WorkbookState, targets: TableTarget[], limit?: number, remade: CommentsRemade[] = []): Promise<RefreshCounts> {
  const plans: Plan[] = targets.map((target) => {
    const cells = target.table.cells ?? [];
    const header = (cells[0] ?? []).map((h) => String(h ?? ""));
    const changes = planRowChanges(header, cells.slice(1).map((row) => row.map((c) => c ?? null)), target.rows, target.keyOf);
    const box = parseA1Range(target.table.address);
    return { target, header, box, bodyRows: box.rows - 1 - (target.table.totalRow ? 1 : 0), changes, read: new Map(), written: [], deleted: [], appended: [], notes: new Map(), comments: new Map(), counts: null, noteLooks: new NotesLook() };
  });
  const growth = planGrowth(
    plans.map((p) => ({ name: p.target.table.name, sheetName: p.target.table.sheetName, box: p.box, rowsNeeded: p.box.rows + p.changes.appends.length })),
    [...state.tables.values()].map((t) => ({ name: t.name, sheetName: t.sheetName, address: t.address })),
  );
  if (!growth.ok) {
    throw valueError(say(EXCEL.tableCannotGrow, { table: growth.table, blocking: growth.blocking }));
  }
  await readBefore(context, plans, limit); // nothing is written yet: a difference stops here
  // The formulas that may point into rows to delete, to put back what Excel makes #REF! of them should the pull stop after deleting (broken-references.ts).
  const deleting = plans.filter((p) => p.changes.deletes.length);
  const homes = new Set(deleting.map((p) => p.target.table.sheetName));
  const pointing = deleting.length ? await formulasInto(context, state, homes, limit) : [];
  const others = deleting.length ? await namesInto(context, state, homes, limit) : { names: [], unchecked: [] };
  // The conditional formats, validation and chart series among what namesInto found, read to be put back too (formats-, validations-, charts-put-back.ts); what is left, the pane names.
  const formats = deleting.length ? await formatsToPutBack(context, state, others.unchecked, limit) : { formats: [], left: [] };
  const validations = deleting.length ? await validationsToPutBack(context, state, formats.left, limit) : { validations: [], left: [] };
  const charts = deleting.length ? await chartsToPutBack(context, state, validations.left, limit) : { charts: [], left: [] };
  // Each of them looked at in every sync that deletes, and in every sync of a put-back once the pull stops, so that the put-back writes none the analyst changed meanwhile (rules-watch.ts).
  const watch = new RulesWatch([...watchValidations(validations.validations), ...watchFormats(formats.formats), ...watchCharts(charts.charts)]);

  // Notes and comments added or deleted meanwhile, seen by counts in each deleting sync (notes-watch.ts).
  const notesWatch = new NotesWatch();
  for (const plan of plans) if (plan.counts) notesWatch.expect(plan.target.table.sheetName, plan.counts);

  const inserted = new Set<string>();
  /** Blank rows added above a table's total row, by table (see addBodyRows). */
  const blankRows = new Map<string, number>();
  try {
    // Inserts first, each in a sync of its own (three tables at most): if Excel refuses one, it
    // is known exactly which happened before. A table with a total row gets its new rows above
    // it instead, which moves what is below the same way.
    for (const insert of growth.inserts) {
      const plan = plans.find((p) => p.target.table.name === insert.table);
      let queued = false;
      try {
        // The rules to put back are looked at around the insert too, in its batch (rules-watch.ts): cells inserted inside a format's range make it
        // taller, the pull's doing, not the analyst's (the put-back's undo takes the cells out again, and the range shrinks back).
        if (plan?.target.table.totalRow) {
          await addBodyRows(batch, plan.target.table.table, plan.changes.appends.length, plan.box.columns, (rows) => blankRows.set(insert.table, (blankRows.get(insert.table) ?? 0) + rows), watch);
          continue;
        }
        await batch.queue(1000 + 2 * watch.bytes, () => {
          const sheet = context.workbook.worksheets.getItem(insert.sheetName);
          watch.look(false);
          sheet.getRangeByIndexes(insert.box.row, insert.box.column, insert.box.rows, insert.box.columns).insert("Down");
          watch.look(true);
          queued = true;
        });
        await batch.flush();
      } catch (error) {
        // A cancel stops before the sync with the insert still queued, and the put-back's first sync sends it: the put-back must take it out again.
        if (error instanceof Cancelled && queued) inserted.add(insert.table);
        // The sync of this insert alone was refused: the pane can say what under the table stopped it.
        throw isRefusal(error) && error.code === "InsertDeleteConflict" ? new GrowthRefused(insert.table, insert.sheetName, insert.box.rows, error.code) : error;
      }
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
        // Only the add-in's columns: the user's are left to Excel, which fills a calculated column's formula into the rows the table grows by. Each
        // chunk looks at the cells it writes and at the table first, in its own batch.
        let checked = 0;
        for (const [first, width] of knownRuns(plan)) {
          const cells = appends.map((row) => row.slice(first, first + width));
          const formats = cells.map((row, r) => row.map((value, c) => plan.target.formatOf(plan.header[first + c], value, (name) => appends[r][plan.header.indexOf(name)])));
          // Below the body, above a total row when there is one (its new rows were added blank above it).
          const target = (from: number, count: number) => sheet.getRangeByIndexes(top + 1 + plan.bodyRows + from, plan.box.column + first, count, width);
          const chunk = (from: number, count: number) => {
            checked = checkAppends(plan, checked); // what the last sync saw stops here, before more is queued
            plan.appended.push({ from, count, column: first, width, cells: target(from, count).load("values,formulas,numberFormat"), table: table.table.getRange().load("rowIndex,columnIndex,rowCount,columnCount") });
            return target(from, count);
          };
          await batch.writeRows(cells.map((row) => row.map(text)), { set: formats }, chunk, APPEND_LOOK_BYTES * width + 40);
        }
      }
    }
    // Changed cells, each chunk with a fresh look at the rows it overwrites.
    for (const plan of plans) await writeChanges(batch, plan);
    if (plans.some((p) => p.changes.writes.length || p.changes.appends.length)) await batch.flush();
    for (const plan of plans) checkAppends(plan);
    for (const plan of plans) checkLooks(plan, plan.written); // an edit meanwhile stops before anything is deleted
    // Which sync each table's deletes went with (batch.syncs as queued): a refused one names the tables it held.
    const sentWith: { plan: Plan; sync: number }[] = [];
    try {
      for (const plan of plans) await deleteRows(batch, plan, watch, notesWatch, () => sentWith.push({ plan, sync: batch.syncs }));
      if (plans.some((p) => p.changes.deletes.length)) await batch.flush();
    } catch (error) {
      if (!isRefusal(error) || error.code !== "InsertDeleteConflict") throw error;
      // The refused sync is the one not yet counted; its deletes' tables, in the order they were queued.
      const held = [...new Set(sentWith.filter((s) => s.sync === batch.syncs).map((s) => s.plan))];
      if (!held.length) throw error;
      const rows = held.reduce((n, p) => n + p.changes.deletes.reduce((m, d) => m + d.count, 0), 0);
      throw new DeleteRefused(held.map((p) => p.target.table.name), held[0].target.table.sheetName, rows, error.code);
    }
    for (const plan of plans) checkLooks(plan, plan.deleted);
    notesWatch.check();
  } catch (stop) {
    let error = stop;
    const deletedFrom = plans.filter((p) => p.deleted.length);
    /** What may hold a reference into the deleted rows and was not put back (Shortfall.left). */
    const left: Reference[] = [];
    /** Rules and charts the analyst changed during the pull, left as they made them (Shortfall.edited). */
    const edited: Reference[] = [];
    /** Charts the analyst deleted during the pull, not put back (Shortfall.deleted). */
    const deleted: Reference[] = [];
    // From the rules' last read on, every sync of the put-back looks at them at its start and end (rules-watch.ts): its reads answer less by as much.
    const read = watch.bytes ? Math.max((limit ?? MAX_SYNC_BYTES) / 2, (limit ?? MAX_SYNC_BYTES) - 2 * watch.bytes) : limit;
    try {
      const comments = await undo(context, plans, inserted, blankRows, { read, write: batch.limit }, deletedFrom.length ? () => watch.reread(context) : undefined);
      // Once the rows are back, the references into them that their delete made #REF!.
      if (deletedFrom.length) await restoreBroken(context, pointing ?? [], others.names, { read, write: batch.limit });
      remade.push(...comments);
    } catch (refused) {
      watch.unfollow();
      throw new UndoRefused(refused);
    }
    // A cancel stops with the last deleting step still queued, and the put-back's first sync sent it with its counts: checked as every step before it, a note
    // added on its rows is said, not lost without a word. (A refused sync gives back no counts: that step's are never known.)
    if (error instanceof Cancelled) error = notesWatch.added(error) ?? error;
    // The rows and formulas are back: Excel refusing a rule's put-back leaves that sheet's rules named as not put back, not the tables as half written.
    if (deletedFrom.length) {
      const rules = { read, write: batch.limit };
      left.push(...charts.left);
      // Only what the watch proves unchanged since the pull's own deletes is written; what the analyst changed stays theirs and is named, and so is what it cannot tell.
      const [v, f, c] = [watch.split(validations.validations, 0), watch.split(formats.formats, validations.validations.length), watch.split(charts.charts, validations.validations.length + formats.formats.length)];
      for (const part of [v, f, c]) {
        edited.push(...part.edited);
        left.push(...part.unknown);
        deleted.push(...part.deleted);
      }
      // Each write asks the watch first, and notes the look at the start of its batch (rules-watch.ts WriteGuard).
      const offsets = [0, validations.validations.length, validations.validations.length + formats.formats.length];
      await orLeft(() => restoreValidations(context, v.ours, rules, watch.guard(validations.validations, offsets[0])).then(() => []), sheetsOf(v.ours, "validation"), left);
      await orLeft(() => restoreFormats(context, f.ours, rules, watch.guard(formats.formats, offsets[1])), sheetsOf(f.ours, "conditionalFormat"), left);
      await orLeft(() => restoreCharts(context, c.ours, rules, watch.guard(charts.charts, offsets[2])), c.ours.map((chart) => chart.ref), left);
      watch.unfollow();
      // What the analyst changed meanwhile, seen by a later look: named; one a write overwrote in the same batch is written back as that batch's first look saw it.
      const later = await watch.after(context);
      edited.push(...later.edited);
      left.push(...later.left);
    }
    // Formulas too many to read before deleting, rules and charts not read or not put back, or changed by the analyst meanwhile: the pane says so, never "as it was".
    if (deletedFrom.length && (pointing === null || left.length || edited.length || deleted.length)) {
      const short: Shortfall = {
        tables: deletedFrom.map((p) => p.target.table.name),
        sheet: deletedFrom[0].target.table.sheetName,
        unchecked: pointing === null ? { cells: MAX_FORMULA_CELLS, areas: MAX_FORMULA_AREAS } : null,
        left,
        ...(edited.length ? { edited: unique(edited) } : {}),
        ...(deleted.length ? { deleted: unique(deleted) } : {}),
      };
      throw new PutBackShort(error, short);
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

/** A put-back of rules after the rows are back: what it could not put back goes to `left`, and where Excel refuses it, all it covered (`covered`). */
async function orLeft(putBack: () => Promise<Reference[]>, covered: Reference[], left: Reference[]): Promise<void> {
  try {
    left.push(...(await putBack()));
  } catch (error) {
    if (!isRefusal(error)) throw error;
    left.push(...covered);
  }
}

/** Each reference once (a sheet's formats are named once, however many the analyst changed). */
const unique = (refs: readonly Reference[]): Reference[] => [...new Map(refs.map((ref) => [JSON.stringify(ref), ref])).values()];

/** The sheets of rules read to be put back, one reference of `kind` each. */
const sheetsOf = (rules: readonly { sheetName: string }[], kind: "validation" | "conditionalFormat"): Reference[] => [...new Set(rules.map((r) => r.sheetName))].map((sheet) => ({ kind, sheet }));

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
const lookBytes = (plan: Plan, row: number, formats: boolean) => rowBytes(plan.target.table.cells?.[row + 1] ?? []) * 3 + 40 * plan.box.columns + (formats ? EXTRAS_CELL_BYTES * plan.box.columns : 0);

/**
 * The rows a pull will change or delete, and each table's address, read before anything is
 * written and compared with what the comparison read: a table the user changed meanwhile stops
 * the pull here, with nothing written.
 */
async function readBefore(context: Excel.RequestContext, plans: Plan[], limit?: number): Promise<void> {
  const reads = new ReadBatch(context, limit);
  const addresses = await Promise.all(plans.map((plan) => reads.queue(100, () => plan.target.table.table.getRange().load("address"))));
  const filters = await Promise.all(plans.map((plan) => reads.queue(100, () => plan.target.table.table.autoFilter.load("isDataFiltered"))));
  // How many notes the sheet has, where rows will be deleted (null where Excel has no notes API:
  // none can be seen or put back), and threaded comments (ExcelApi 1.10 and 1.11, within the
  // manifest's sets: always there); each is read after this sync, as many per sync as fit. Once
  // a sheet, however many of its tables delete rows: each table takes the notes and comments on
  // its own rows from what its sheet's read gave (notesByRow, commentsByRow, below).
  const counted: Counted[] = [];
  const sheetOf = new Map<string, number>();
  const countedAt: (number | null)[] = [];
  for (const plan of plans) {
    const sheet = plan.target.table.table.worksheet;
    const name = plan.target.table.sheetName.toLowerCase();
    if (plan.changes.deletes.length && !sheetOf.has(name)) {
      sheetOf.set(name, counted.length);
      counted.push(await reads.queue(COUNT_BYTES, () => ({ sheet, notes: queueNotes(sheet), comments: queueCommentCount(sheet) })));
    }
    countedAt.push(plan.changes.deletes.length ? (sheetOf.get(name) ?? null) : null);
  }
  const pending: Look[][] = plans.map(() => []);
  for (const [p, plan] of plans.entries()) {
    const rows = new Map<number, number>();
    for (const w of plan.changes.writes) rows.set(w.row, 1);
    for (const d of plan.changes.deletes) rows.set(d.row, d.count);
    // A long run of deletes goes in blocks under the limit. Their formats are read by the look
    // just before each delete (deleteRows), which sees exactly the rows that go.
    for (const [first, length] of rows) {
      for (const { from, count, bytes } of rowBlocks(first, length, (row) => lookBytes(plan, row, false), reads.limit)) {
        await reads.queue(bytes, () => pending[p].push(look(plan, from, count, false)));
      }
    }
  }
  // What stands beside each table in the rows its deletes would move up (cells-beside.ts): values and formulas, as areas.
  const beside: Excel.RangeAreas[][] = plans.map(() => []);
  for (const [p, plan] of plans.entries()) {
    const first = plan.changes.deletes.reduce<number | null>((min, d) => (min === null ? d.row : Math.min(min, d.row)), null);
    const others = plans.filter((o) => o !== plan && o.target.table.sheetName === plan.target.table.sheetName).map((o) => o.box);
    const sheet = plan.target.table.table.worksheet;
    for (const area of besideShiftedRows(plan.box, first, others)) {
      for (const kind of ["Constants", "Formulas"] as const) {
        beside[p].push(await reads.queue(BESIDE_BYTES, () => sheet.getRangeByIndexes(area.row, area.column, area.rows, area.columns).getSpecialCellsOrNullObject(kind).load("address")));
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
  for (const [p, plan] of plans.entries()) {
    const cells = beside[p].flatMap((areas) => (areas.isNullObject ? [] : cellsOfAddress(areas.address)));
    if (cells.length === 0) continue;
    const at = (cell: string) => parseA1Range(cell);
    cells.sort((a, b) => at(a).row - at(b).row || at(a).column - at(b).column);
    const rows = plan.changes.deletes.reduce((n, d) => n + d.count, 0);
    throw new CellsBesideDeletedRows(plan.target.table.name, plan.target.table.sheetName, rows, cells);
  }
  // The notes and comments themselves, with the comments' replies, in syncs of their own (none
  // when there are none), each under the limit (notes-comments-read.ts). Nothing is queued but
  // loads before them, and nothing has been written yet: their syncs may be read again.
  for (const [p, plan] of plans.entries()) {
    const at = countedAt[p];
    if (at === null) continue;
    const { notes, comments } = counted[at];
    if (comments) plan.counts = { notes: notes ? notes.count() : null, comments: comments.value };
  }
  if (!counted.some((c) => (c.notes?.count() ?? 0) > 0 || (c.comments?.value ?? 0) > 0)) return;
  let read: Awaited<ReturnType<typeof readNotesAndComments>>;
  try {
    read = await readNotesAndComments(reads, counted, { replies: true });
  } catch (error) {
    // Gone again after they were counted a second time (readNotesAndComments reads once more
    // when a note or comment it counted is gone): the analyst is changing them while the pull
    // reads. Only reads have run, so nothing was written: the comparison no longer holds.
    if (isRefusal(error) && error.code === "ItemNotFound") throw new ChangedSinceComparison(plans.find((p) => p.changes.deletes.length)?.target.table.name ?? plans[0].target.table.name, null);
    throw error;
  }
  for (const [p, plan] of plans.entries()) {
    const at = countedAt[p];
    if (at === null) continue;
    const { notes, comments } = read[at];
    // As many as were read (counted again when one went meanwhile): what the deleting syncs expect to find.
    if (plan.counts) plan.counts = { notes: notes ? notes.length : null, comments: comments.length };
    const rows = plan.target.table.cells ?? [];
    const body = { row: plan.box.row + 1, column: plan.box.column, rows: plan.bodyRows, columns: plan.box.columns };
    const keyOfRow = (r: number) => plan.target.keyOf((column) => (rows[r + 1]?.[plan.header.indexOf(column)] ?? null) as Cell);
    if (notes?.length) plan.notes = notesByRow(notes.map((n) => n.text), notes.map((n) => n.cell), body, keyOfRow);
    if (comments.length) plan.comments = commentsByRow(comments.map(({ id, content, resolved, replies }) => ({ id, content, resolved, replies })), comments.map((c) => c.cell), body, keyOfRow);
  }
}

/** What the address of the cells found beside a table may weigh in a response (a few thousand areas). */
const BESIDE_BYTES = 64 * 1024;

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
  // The cells each row's runs write, values and number formats: the look compares both.
  const columns = new Map<number, number[]>();
  for (const run of plan.changes.writes) columns.set(run.row, [...(columns.get(run.row) ?? []), ...run.values.map((_, c) => run.column + c)]);
  let checked = 0;
  for (const run of plan.changes.writes) {
    const formats = plan.read.get(run.row)?.formats.slice(run.column, run.column + run.values.length) ?? [];
    await batch.queue(rowBytes(run.values) * 2 + rowBytes(formats) + lookBytes(plan, run.row, false) + 200, () => {
      checked = checkLooks(plan, plan.written, checked); // an edit the last sync saw stops here, before more is queued
      if (!looked.has(run.row)) plan.written.push({ ...look(plan, run.row, 1, false), columns: columns.get(run.row) });
      looked.add(run.row);
      // With the number formats read before writing, set again in the same request (an analyst's
      // Text column too): the form of what is written follows them (text-cells.ts), and a cell
      // the analyst made General meanwhile, between the look and the write, must not read a text
      // written for a Text cell as a number or a formula. Set to what the cell had, this changes
      // nothing; an analyst's format set meanwhile is seen by the look, and the undo puts it back.
      queueCellWrite(sheet.getRangeByIndexes(plan.box.row + 1 + run.row, plan.box.column + run.column, 1, run.values.length), [run.values.map(text)], [formats], formats.length === run.values.length);
    });
  }
}

/** What a look at one cell a new row goes into weighs in a response, about: blank values and formulas, and a number format. */
const APPEND_LOOK_BYTES = 30;

const blank = (cell: unknown) => cell === "" || cell === null || cell === undefined;

/** What an append's look saw, or null when its sync did not go through. */
function appendSeen(seen: AppendLook): { values: Cell[][]; formulas: Cell[][]; formats: string[][]; table: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number } } | null {
  try {
    const { rowIndex, columnIndex, rowCount, columnCount } = seen.table;
    return { values: seen.cells.values as Cell[][], formulas: seen.cells.formulas as Cell[][], formats: seen.cells.numberFormat, table: { rowIndex, columnIndex, rowCount, columnCount } };
  } catch {
    return null;
  }
}

/**
 * Cells a chunk of new rows went into that were not blank, or a table that was not where and as
 * large as the pull made it, just before the chunk was written: a sort, an edit or a row typed
 * below it meanwhile. Checks the looks from `from` on that came back; gives the first still on its way.
 */
function checkAppends(plan: Plan, from = 0): number {
  const grown = { rowIndex: plan.box.row, columnIndex: plan.box.column, rowCount: plan.box.rows + plan.changes.appends.length, columnCount: plan.box.columns };
  const firstNew = plan.bodyRows; // body rows before the new ones (a total row is below them)
  for (let l = from; l < plan.appended.length; l++) {
    const look = plan.appended[l];
    const seen = appendSeen(look);
    if (!seen) return l;
    if (JSON.stringify(seen.table) !== JSON.stringify(grown)) throw new EditedMeanwhile(plan.target.table.name, firstNew + look.from + 1);
    const taken = seen.values.findIndex((row, i) => !row.every(blank) || !seen.formulas[i].every(blank));
    if (taken >= 0) throw new EditedMeanwhile(plan.target.table.name, firstNew + look.from + taken + 1);
  }
  return plan.appended.length;
}

/**
 * Rows that differed, just before they were overwritten or deleted, from what was read before:
 * an edit, a sort or a move meanwhile. Compared: the row's values and formulas (a sort or a move
 * shows in them), and the number formats of what the write overwrites: of the cells it writes
 * (their form follows them, and a text written through General sets one, text-cells.ts), or of
 * the whole row it deletes. Not compared: fills, fonts and the like, which a write of values
 * leaves as they are (a delete's look reads them, to put the row back whole). Checks the looks
 * from `from` on that have come back, and gives the index of the first still on its way (the
 * caller checks again after the next sync).
 */
function checkLooks(plan: Plan, looks: Look[], from = 0): number {
  for (let l = from; l < looks.length; l++) {
    const seen = lookedAt(looks[l]);
    if (!seen) return l;
    const { columns } = looks[l];
    seen.forEach((row, i) => {
      const before = plan.read.get(looks[l].row + i);
      const formats = (read: RowRead | undefined) => (columns ? columns.map((c) => read?.formats[c] ?? null) : (read?.formats ?? []));
      if (!same(row.values, before?.values) || !same(row.formulas, before?.formulas) || !same(formats(row), formats(before))) throw new EditedMeanwhile(plan.target.table.name, looks[l].row + i + 1);
    });
  }
  return looks.length;
}

/**
 * Deletes each run of rows as one `Range.delete("Up")` on its whole table rows: Excel deletes
 * them from the table and moves what is below up (office-js #994 deletes table rows so), one
 * call whatever the run's length, where a `TableRow.delete()` per row would put tens of
 * thousands of calls in one request (`TableRowCollection.deleteRowsAt` is ExcelApiOnline 1.1,
 * Excel on the web only). A long run goes in blocks whose look fits a sync, the bottom block
 * first, so each block's rows are still where they were read.
 */
async function deleteRows(batch: WriteBatch, plan: Plan, watch: RulesWatch, notesWatch: NotesWatch, queued: () => void): Promise<void> {
  let checked = 0;
  // The rules to put back are looked at just before and just after each delete, in its batch (rules-watch.ts): twice their weight.
  const rules = 2 * watch.bytes;
  for (const run of plan.changes.deletes) {
    // With each row, a look at the notes and comments read on it, and room for one the analyst made long meanwhile (notes-look.ts).
    const room = plan.notes.size || plan.comments.size ? NOTES_EDIT_ROOM : 0;
    for (const block of rowBlocks(run.row, run.count, (row) => lookBytes(plan, row, true) + notesLookBytes(readOn(plan, row)), batch.limit - RUN_DELETE_BYTES - NOTE_COUNTS_BYTES - rules - room).reverse()) {
      await batch.queue(RUN_DELETE_BYTES + NOTE_COUNTS_BYTES + block.bytes + rules + room, () => {
        // A sort the last sync saw stops here, before more is queued: at most one sync deletes rows by mistake, and its look saw them whole.
        checked = checkLooks(plan, plan.deleted, checked);
        notesWatch.check();
        watch.look(false);
        plan.deleted.push(look(plan, block.from, block.count, true));
        lookAtNotes(plan, block.from, block.count);
        const { table } = plan.target;
        notesWatch.around(table.table.worksheet, table.sheetName, table.name, () => bodyRow(plan, block.from, block.count).delete("Up"));
        watch.look(true);
        queued();
      });
    }
  }
}

/** The notes and comments read before writing on body row `row` (by the key read there): none for a row without one. */
function readOn(plan: Plan, row: number): { key: string | null; notes: RowNote[]; comments: RowComment[] } {
  const read = plan.read.get(row);
  const key = read ? plan.target.keyOf((column) => read.values[plan.header.indexOf(column)] ?? null) : null;
  return { key, notes: [...((key !== null && plan.notes.get(key)) || [])], comments: [...((key !== null && plan.comments.get(key)) || [])] };
}

/** Queues a look at the notes and comments read on body rows `from` to `from + count`, just before their delete, in its batch (notes-look.ts). */
function lookAtNotes(plan: Plan, from: number, count: number): void {
  for (let row = from; row < from + count; row++) {
    const read = readOn(plan, row);
    if (read.key !== null) plan.noteLooks.queue(plan.target.table.table.worksheet, read.key, row, read, (column) => cellRef(plan.box.row + 1 + row, plan.box.column + column));
  }
}

/** What counting a sheet's notes and comments before and after a delete weighs, about: four calls in the request (notes-comments-read.ts COUNT_BYTES in the response). */
const NOTE_COUNTS_BYTES = 4 * 200;

/** A row without a key whose cells in the add-in's columns are all blank (a calculated column of the user's may hold a formula): one the table grew by and the pull had not filled, or the user's. */
function isBlankRow(plan: Plan, row: readonly Cell[]): boolean {
  return plan.target.keyOf((column) => row[plan.header.indexOf(column)] ?? null) === null && plan.header.every((name, c) => !plan.target.columns.includes(name) || blank(row[c]));
}

/**
 * The cells of new rows that went where a chunk's look saw cells that were not blank (a sort
 * had moved a row there, or the user typed there): the new row's key, where and what was
 * written, and what was there (values, formulas and number formats of those columns).
 */
function overwrittenByNewRows(plan: Plan) {
  return plan.appended.flatMap((look) => {
    const seen = appendSeen(look);
    if (!seen) return [];
    return seen.values.flatMap((values, i) => {
      if (values.every(blank) && seen.formulas[i].every(blank)) return [];
      const row = plan.changes.appends[look.from + i];
      const key = plan.target.keyOf((column) => row[plan.header.indexOf(column)] ?? null);
      return [{ key, column: look.column, wrote: row.slice(look.column, look.column + look.width), seen: { values, formulas: seen.formulas[i], formats: seen.formats[i] } }];
    });
  });
}

/**
 * What puts a deleted row back, and what it weighs in a request: its cells (restore-cells.ts),
 * number formats, and, when its look read them, its styles (set first: a style overwrites
 * formats) and its formats with hyperlinks (a cell without a link gets none: `{}` sets nothing);
 * then its notes and threaded comments as read before writing.
 */
function restoring(row: RowRead, notes: readonly RowNote[], comments: readonly RowComment[]) {
  const cells = restorable(row.formulas, row.values, row.formats);
  const styles = row.props ? row.props.map((p) => (p.style === undefined || p.style === null ? {} : { style: p.style })) : null;
  const props = row.props ? row.props.map(({ format, hyperlink }) => (hyperlink ? { format, hyperlink } : { format })) : null;
  const bytes = rowBytes(cells) + rowBytes(row.formats) + (styles ? jsonBytes(styles) : 0) + (props ? jsonBytes(props) : 0) + notes.reduce((n, note) => n + NOTE_BYTES + textBytes(note.text), 0) + comments.reduce((n, comment) => n + commentBytes(comment), 0);
  return { cells, formats: row.formats, styles, props, notes, comments, bytes };
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
 * that had not grown yet are deleted again (the user's cells move back up). Gives the cells whose
 * threaded comments it made anew, by table.
 */
async function undo(context: Excel.RequestContext, plans: Plan[], inserted: ReadonlySet<string>, blankRows: ReadonlyMap<string, number>, limits: { read?: number; write: number }, beforeRowsBack?: () => Promise<void>): Promise<CommentsRemade[]> {
  // What is still queued (a cancel comes before its sync) goes first, then (`beforeRowsBack`: the rules' last read, rules-watch.ts) where the tables are.
  await context.sync();
  await beforeRowsBack?.();
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
    { limit: limits.read },
  );
  // Under the same limit as the write it undoes.
  const batch = new WriteBatch(context, { limit: limits.write });
  const remade: CommentsRemade[] = [];
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
      // In the order they were written: the new rows first (over cells that were not blank), then the changed cells.
      writes: [
        ...overwrittenByNewRows(plan).map(({ key, column, wrote, seen }) => {
          const [was, formulas, formats] = [seen.values, seen.formulas, seen.formats].map((part) => plan.header.map((_, c) => (c >= column && c < column + wrote.length ? part[c - column] : null)));
          return { key, column, wrote, was, back: restorable(formulas, was, formats as string[]), formats: formats as string[] };
        }),
        ...plan.changes.writes.flatMap((run) => {
          const row = overwritten.get(run.row) ?? plan.read.get(run.row);
          return row ? [{ key: keyOf(row.values), column: run.column, wrote: run.values, was: row.values, back: restorable(row.formulas, row.values, row.formats), formats: row.formats }] : [];
        }),
      ],
      // In the order they were deleted: the runs bottom first, each run's rows bottom first.
      deletes: plan.deleted.flatMap((seen) =>
        Array.from({ length: seen.count }, (_, k) => seen.row + seen.count - 1 - k).flatMap((index) => {
          // As the look just before the delete saw it, formats and all, whichever row it was (after a
          // sort, another than the one read before). A look whose sync never came back (Excel refused
          // it, and may return nothing of it) leaves the row as read before: values, formulas and
          // number formats, without its other formats.
          const row = deleted.get(index) ?? plan.read.get(index);
          return row ? [{ index, key: keyOf(row.values), values: row.values, row }] : [];
        }),
      ),
      appended: new Set(plan.changes.appends.flatMap((row) => keyOf(row) ?? [])),
      // Above a total row, only the blank rows Excel took are there to take out again.
      appendCount: table.totalRow ? (blankRows.get(table.name) ?? 0) : plan.changes.appends.length,
      originalRows: plan.bodyRows,
      blankRowsBefore: (plan.target.table.cells ?? []).slice(1).filter((row) => isBlankRow(plan, row as Cell[])).length,
      keyOf,
      isBlank: (row) => isBlankRow(plan, row),
    });
    const body = (row: number, column = 0, columns = columnCount, rows = 1) => sheets[i].getRangeByIndexes(rowIndex + 1 + row, columnIndex + column, rows, columns);
    // Rows back a run at a time (one add, one number format and two sets of cell properties
    // each), a long run in blocks under the limit: a run deleted bottom first comes back top
    // first, each at the index after the one before.
    let r = 0;
    // Where each comment put back is, by body row: a later run added above it, or an added row removed above it, moves it.
    const placed: { row: number; column: number; remade?: boolean; unknown?: boolean }[] = [];
    for (const [first, count] of runsOf(decided.readd.map((a) => a.index))) {
      // With each row its notes and comments, as read before writing (Excel deleted them with the row).
      // As the look just before their delete saw them, when it came back (notes-look.ts): the analyst's latest version.
      const run = decided.readd.slice(r, (r += count)).map((a) => {
        const key = keyOf(a.row.values) ?? "";
        const back = plan.noteLooks.toPutBack(key, { notes: [...(plan.notes.get(key) ?? [])], comments: [...(plan.comments.get(key) ?? [])] }, (index) => keyOf(deleted.get(index)?.values ?? []));
        return { ...restoring(a.row, back.notes, back.comments), known: back.known };
      });
      for (const block of rowBlocks(0, count, (k) => run[k].bytes, batch.limit - 4 * RUN_DELETE_BYTES)) {
        const rows = run.slice(block.from, block.from + block.count);
        const at = first + block.from;
        await batch.queue(4 * RUN_DELETE_BYTES + block.bytes, () => {
          // Added blank: which number format a new table row's cells get is not documented (the
          // column's, or General), and a text's form depends on it (text-cells.ts). The cells are
          // written once their formats are set, after the styles (a style overwrites formats).
          table.table.rows.add(at, rows.map((row) => row.cells.map(() => "")));
          if (rows.some((row) => row.styles)) body(at, 0, columnCount, block.count).setCellProperties(rows.map((row) => row.styles ?? row.cells.map(() => ({}))));
          if (rows.some((row) => row.props)) body(at, 0, columnCount, block.count).setCellProperties(rows.map((row) => row.props ?? row.cells.map(() => ({}))));
          queueCellWrite(body(at, 0, columnCount, block.count), rows.map((row) => row.cells), rows.map((row) => row.formats), true);
          rows.forEach((row, k) => row.notes.forEach((note) => queueAddNote(sheets[i], body(at + k, note.column, 1), note.text)));
          rows.forEach((row, k) => row.comments.forEach((comment) => queueAddComment(sheets[i], body(at + k, comment.column, 1), comment)));
        });
        for (const place of placed) if (place.row >= at) place.row += block.count;
        rows.forEach((row, k) => row.comments.forEach((comment) => placed.push({ row: at + k, column: comment.column, remade: true, unknown: !row.known })));
        rows.forEach((row, k) => row.notes.forEach((note) => (row.known ? null : placed.push({ row: at + k, column: note.column, unknown: true }))));
      }
    }
    for (const { row, column, values, formats, held } of decided.overwrite) {
      await batch.queue(rowBytes(values) * 2 + (formats ? rowBytes(formats) : 0) + 400, () => {
        // With the number formats the pull wrote back first, or into those it left (text-cells.ts).
        queueCellWrite(body(row, column, values.length), [values], [formats ?? held ?? []], Boolean(formats));
      });
    }
    for (const [first, count] of runsOf([...decided.remove].reverse()).reverse()) {
      await batch.queue(RUN_DELETE_BYTES, () => body(first, 0, columnCount, count).delete("Up"));
      for (const place of placed) if (place.row >= first + count) place.row -= count;
    }
    const cellsOf = (places: typeof placed) => [...new Set(places.map((place) => cellRef(rowIndex + 1 + place.row, columnIndex + place.column)))];
    const unknown = cellsOf(placed.filter((place) => place.unknown));
    if (placed.length) remade.push({ table: table.name, sheet: table.sheetName, cells: cellsOf(placed.filter((place) => place.remade)), ...(unknown.length ? { unknown } : {}) });
    const appended = plan.changes.appends.length;
    if (!decided.grown && inserted.has(table.name) && appended) {
      // The table never grew over the inserted cells: they are deleted again, and the user's cells move back up.
      const bottom = now[i].length + decided.readd.length;
      await batch.queue(1000, () => sheets[i].getRangeByIndexes(rowIndex + 1 + bottom, columnIndex, appended, columnCount).delete("Up"));
    }
  }
  await batch.flush();
  // Each table's cells top to bottom (runs come back in the order they were deleted).
  const at = (cell: string) => parseA1Range(cell);
  const sorted = (cells: readonly string[]) => [...cells].sort((a, b) => at(a).row - at(b).row || at(a).column - at(b).column);
  return remade.map((r) => ({ ...r, cells: sorted(r.cells), ...(r.unknown ? { unknown: sorted(r.unknown) } : {}) }));
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

/**
 * A table must lose rows, and cells beside it, in the rows the delete would move up, hold a value
 * or a formula (cells-beside.ts): deleting would leave them beside other records, so nothing was
 * written. `cells`: the areas found, top to bottom, as on the sheet ("Q5", "Q9:Q12").
 */
export class CellsBesideDeletedRows extends Error {
  constructor(
    readonly table: string,
    readonly sheet: string,
    readonly rows: number,
    readonly cells: string[],
  ) {
    // Not shown as it is: the load that catches it tells the user, in their language (load-data.ts).
    super(`${table} must lose ${rows} rows, and ${cells.join(", ")} beside it would move away from their rows.`);
    this.name = "CellsBesideDeletedRows";
  }
}

/**
 * Excel refused to make room below a table for its new rows (InsertDeleteConflict), the insert
 * (or, above a total row, the rows added) in a sync of its own: something under the table in its
 * columns cannot move down with those columns alone. Which thing Excel does not say in a form the
 * add-in can read (its message is in Office's language); what it refuses is a merged area, a
 * table of the user's (planGrowth stops before that one) or a formula's spilled range reaching
 * past the table's columns (test/support/fake-excel.ts, refuseShift). Keeps the refusal's `code`,
 * so that whatever handles a refusal handles this one. Thrown after the put-back, as any refusal.
 */
export class GrowthRefused extends Error {
  constructor(
    readonly table: string,
    readonly sheet: string,
    readonly rows: number,
    readonly code: string,
  ) {
    // Not shown as it is: the load that catches it tells the user, in their language (load-data.ts).
    super(`Excel refused to insert ${rows} rows below ${table} (${code}).`);
    this.name = "GrowthRefused";
  }
}

/**
 * Excel refused a sync that deleted rows of `tables` (InsertDeleteConflict; `rows`, the rows the
 * pull deletes from them in all): something under a table in its columns cannot move up with
 * those columns alone. As for GrowthRefused, Excel does not say what in a form the add-in can
 * read; what it refuses is a merged area, a formula's spilled range or a table of the user's
 * reaching past the table's columns, below the deleted rows (test/support/fake-excel.ts,
 * refuseShift): the deleted rows are whole rows of the table's body, where no formula spills
 * ("Spilled array formulas are not supported in Excel tables", support.office.com, "Dynamic array
 * formulas and spilled array behavior"). Keeps the refusal's `code`, as GrowthRefused does.
 * Thrown after the put-back, as any refusal.
 */
export class DeleteRefused extends Error {
  constructor(
    readonly tables: readonly string[],
    readonly sheet: string,
    readonly rows: number,
    readonly code: string,
  ) {
    // Not shown as it is: the load that catches it tells the user, in their language (load-data.ts).
    super(`Excel refused to delete ${rows} rows of ${tables.join(", ")} (${code}).`);
    this.name = "DeleteRefused";
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
