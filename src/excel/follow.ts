import { INDICATOR_COLUMNS, SOURCE_COLUMNS, tableCells } from "../data/columns";
import { LiveData } from "../data/live-data";
import { PackageTables, TABLE_NAMES } from "../data/package";
import { Pause } from "../data/slices";
import { MonitorPackage, Problem } from "../data/types";
import { Cell } from "../data/validate";
import { parseA1Range } from "../report/a1";
import { readRows } from "./batch";
import { totalRows } from "./total-row";
import { readingFirst } from "./read-refused";
import { isMonitorError } from "../data/errors";
import { AnyMessage, say } from "../text/message";
import { EXCEL_READS as EXCEL } from "../text/excel-reads";
import { ownWritesTold } from "./optional-apis";

/**
 * What the follower knows of the workbook's tables. "unread": Excel refused reading them (`why`
 * says so, in the user's words); the functions then answer that instead of a figure the read
 * could not confirm, until a read succeeds (the next edit of a table, or the pane's next read).
 * "missing": a monitor table the workbook had is gone, renamed or deleted (`why` names it, and
 * what it is called now when known, and says what to do); the functions answer #N/A with that,
 * never the figures read before nor the shipped edition's, until it is back.
 */
export type FollowedData =
  | { kind: "none" }
  | { kind: "invalid"; problems: Problem[]; live: LiveData | null }
  | { kind: "found"; live: LiveData }
  | { kind: "unread"; why: AnyMessage }
  | { kind: "missing"; why: AnyMessage };

/** Where a data table is: its id (for change events), its range (`address`: the whole table) and its header and body (`rows`: a total row left out). */
interface Place {
  id: string;
  name: string;
  sheetName: string;
  sheetId: string;
  address: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** What Excel tells about a change (Excel.TableChangedEventArgs, ExcelApi 1.7). */
export interface TableChange {
  tableId: string;
  /** The changed area of the table on its sheet, e.g. "G5" or "A7:M9". */
  address: string;
  changeType: string;
}

export type Runner = <T>(body: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Whoever needs to know: the functions (and the pane) get the state after every change. */
/** The live data behind what the follower knows, if any (none for no tables or an unread workbook). */
export function liveOf(data: FollowedData): LiveData | null {
  return "live" in data ? data.live : null;
}

export type Listener = (data: FollowedData, how: "read" | "edit") => void;

const DATA_TABLES: string[] = Object.values(TABLE_NAMES);

/**
 * Reads the three data tables: their places in one sync, then their cells in chunks of about
 * 4 MB (one sync each). The tables' ids come along, so change events can be told apart.
 */
async function readPlaces(context: Excel.RequestContext): Promise<{ places: Map<string, Place>; ids: Map<string, string>; sheetIds: Set<string> }> {
  const tables = context.workbook.tables.load("items/name,items/id,items/showTotals");
  const sheets = context.workbook.worksheets.load("items/id");
  await context.sync();
  const ours = tables.items.filter((t) => DATA_TABLES.includes(t.name));
  const loaded = ours.map((table) => ({ table, sheet: table.worksheet.load("name,id"), range: table.getRange().load("address,rowIndex,columnIndex,rowCount,columnCount") }));
  if (loaded.length) await context.sync();
  const places = new Map(
    loaded.map(({ table, sheet, range }) => [table.name, { id: table.id, name: table.name, sheetName: sheet.name, sheetId: sheet.id, address: range.address, row: range.rowIndex, column: range.columnIndex, rows: range.rowCount - totalRows(table), columns: range.columnCount }]),
  );
  return { places, ids: new Map(tables.items.map((t) => [t.id, t.name])), sheetIds: new Set(sheets.items.map((sheet) => sheet.id)) };
}

function sheetRange(context: Excel.RequestContext, place: Place, from: number, count: number): Excel.Range {
  return context.workbook.worksheets.getItem(place.sheetName).getRangeByIndexes(place.row + from, place.column, count, place.columns);
}

/** The data rows (0-based) an event's address covers, or null when it reaches the header or beyond the table. */
export function changedRows(address: string, place: Pick<Place, "row" | "rows">): { from: number; count: number } | null {
  let [first, last] = [Infinity, -Infinity];
  for (const area of address.split(",")) {
    const box = parseA1Range(area.trim());
    [first, last] = [Math.min(first, box.row), Math.max(last, box.row + box.rows - 1)];
  }
  if (first <= place.row || last >= place.row + place.rows) return null;
  return { from: first - place.row - 1, count: last - first + 1 };
}

/** What Excel tells about a change of a sheet (Excel.WorksheetChangedEventArgs, ExcelApi 1.7; triggerSource 1.14). */
export interface SheetChange {
  worksheetId: string;
  /** The changed area on the sheet, e.g. "G5", "A7:M9", or areas apart ("A1:B2, D5"). */
  address: string;
  changeType: string;
  triggerSource?: string;
}

/**
 * Whether a change at `address` may have changed the table at `place`: it touches its cells, or
 * the row just below or the column just right of it (typing there makes Excel grow the table).
 * An address the add-in cannot read (whole rows, "5:7") is taken to touch it: the safe side.
 */
function touches(address: string, place: Place): boolean {
  const grown = { row: place.row, column: place.column, rows: place.rows + 1, columns: place.columns + 1 };
  return address.split(",").some((area) => {
    let box: { row: number; column: number; rows: number; columns: number };
    try {
      box = parseA1Range(area.trim());
    } catch {
      return true;
    }
    return box.row < grown.row + grown.rows && grown.row < box.row + box.rows && box.column < grown.column + grown.columns && grown.column < box.column + box.columns;
  });
}

/**
 * Follows the workbook's monitor tables for the functions and the pane. The first read (and a
 * read after the add-in itself wrote the tables) goes through every row, in slices; after that
 * an edit costs what it changed: the change event names the address, one sync reads back those
 * rows (and checks that the table did not move or change size), and the live data re-checks
 * them. Events that come while work is running are merged into the next round.
 *
 * One handler for the whole workbook (`WorksheetCollection.onChanged` where Excel tells the
 * add-in's own writes, see watch; else `TableCollection.onChanged`, ExcelApi 1.7) instead of
 * one per table: a handler registered on a table stops firing when the table is deleted, and a
 * cancelled load deletes and re-creates the tables (docs: "Work with events using the Excel
 * JavaScript API"). Whether the table collection's event covers tables added after the handler
 * was registered is not stated; the safe reading taken here: an event from an unknown table id
 * (or, from the worksheets, a sheet unknown at the last read) makes the follower read again.
 */
export class WorkbookFollower {
  private data: FollowedData = { kind: "none" };
  private places = new Map<string, Place>();
  /** Every table's name by id, as last read: a table renamed keeps its id within the session. */
  private knownIds = new Map<string, string>();
  /** The data tables found in this session, by name, with their ids: one gone since is missing. */
  private readonly seen = new Map<string, string>();
  /** The workbook's sheets at the last read: a change on another (one made since) may be on a table of ours (see sheetChanged). */
  private knownSheetIds = new Set<string>();
  private pending: TableChange[] = [];
  private fullReadWanted = false;
  /** Excel calculated since the last round (see calculated). */
  private calculationWanted = false;
  /** Whether MonitorData's Waarde column holds a formula; null: not known since the last read or edit. */
  private waardeFormulas: boolean | null = null;
  private running: Promise<void> | null = null;
  private held = 0;
  /** A change event came while the add-in wrote the tables itself. */
  private missed = false;
  private watching = false;

  constructor(
    private readonly run: Runner,
    private readonly edition: MonitorPackage,
    private readonly listener: Listener,
    private readonly pause?: Pause,
    private readonly onProgress?: (fraction: number) => void,
    /** True when the workbook says it had MonitorData (a pull remembered): one it lacks at the first read is missing, not absent. */
    private readonly hadData: () => boolean = () => false,
  ) {}

  get current(): FollowedData {
    return this.data;
  }

  /** Reads every row of the tables again (on opening, and after the add-in wrote them). */
  async readAll(): Promise<FollowedData> {
    // Right after a write whose events were missed, the read it started is this read.
    if (this.catchingUp) await this.catchingUp;
    else {
      this.fullReadWanted = true;
      await this.work();
    }
    return this.data;
  }

  /**
   * Registers the change handler once for the session. Excel raises the change events of the
   * add-in's own writes as well ("Events within an Excel workbook can be triggered by: … Office
   * Add-in (JavaScript) code that changes the workbook", "Work with events using the Excel
   * JavaScript API"), after the syncs that wrote (office-js #1122), so often after `during` is
   * over. Where Excel tells them apart (a worksheet's event's triggerSource, ExcelApi 1.14), the
   * handler is on the worksheets (WorksheetCollection.onChanged, ExcelApi 1.9) and passes the
   * add-in's own by (sheetChanged); a table's event says nothing of who made it. Elsewhere the
   * handler is on the tables, and an own write's late event reads back the rows it names, finds
   * them as they were read, and tells no one (applyEdits, readEverything): reads, but no edit.
   */
  async watch(): Promise<void> {
    if (this.watching) return;
    this.watching = true;
    try {
      await this.run(async (context) => {
        const own = ownWritesTold();
        if (own) context.workbook.worksheets.onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => (own(event) ? undefined : this.sheetChanged(event)));
        else context.workbook.tables.onChanged.add(async (event: Excel.TableChangedEventArgs) => this.changed(event));
        // A deleted table (ExcelApi 1.9) raises no change event: its deletion is heard here, as a change of everything.
        context.workbook.tables.onDeleted.add(async (event: Excel.TableDeletedEventArgs) => this.changed({ tableId: event.tableId, address: "", changeType: "Deleted" }));
        // A formula's new result in the Waarde column raises no change event: a calculation does (ExcelApi 1.8).
        context.workbook.worksheets.onCalculated.add(async () => this.calculated());
        await context.sync();
      });
    } catch (error) {
      this.watching = false; // not registered: the next call tries again
      throw error;
    }
  }

  /**
   * While the add-in writes the tables itself, their events are not the user's edits; but an
   * edit of the user's may be among them (they can keep typing while a pull or Regenerate runs),
   * so when any event was missed, everything is read again as soon as the write is over, whether
   * it succeeded, was cancelled or refused: the functions and the pane never keep a figure the
   * user changed meanwhile. A readAll right after waits for that read instead of starting another.
   */
  async during<T>(write: () => Promise<T>): Promise<T> {
    this.held++;
    try {
      return await write();
    } finally {
      this.held--;
      if (this.missed && this.held === 0) this.catchUp();
      // Only calculations came (Excel calculates between a write's syncs): the Waarde column, not everything, is read again.
      else if (this.calculationWanted && this.held === 0) this.work().catch(() => undefined);
      this.missed = this.held > 0 && this.missed;
    }
  }

  /** The read after a write that missed events, while it runs (see during). */
  private catchingUp: Promise<void> | null = null;

  private catchUp(): void {
    this.fullReadWanted = true;
    const read: Promise<void> = this.work().finally(() => {
      if (this.catchingUp === read) this.catchingUp = null;
    });
    this.catchingUp = read;
    // Its failure (Excel refusing the read) is the next readAll's to report; a later edit reads again.
    read.catch(() => undefined);
  }

  /**
   * A change of a sheet that is not the add-in's own write (see watch): a change of one of the
   * monitor tables where it touches one, else nothing to read. But everything is read again for
   * a change on a sheet made since the last read (the tables may be there now: a cancelled load
   * deletes and re-creates them), and, while the follower knows no MonitorData (none yet,
   * unread, or a table missing), for any change: the analyst may have made it, or brought it back. As the tables' own events did, where
   * a table of unknown id made the follower read (see applyEdits).
   */
  async sheetChanged(event: SheetChange): Promise<void> {
    const places = [...this.places.values()].filter((p) => p.sheetId === event.worksheetId && touches(event.address, p));
    if (places.length === 0) {
      if (this.knownSheetIds.has(event.worksheetId) && this.places.has(TABLE_NAMES.observations) && this.data.kind !== "unread" && this.data.kind !== "missing") return;
      if (this.held > 0) return void (this.missed = true);
      this.fullReadWanted = true;
      return this.work();
    }
    // Each table touched gets the change's address; only MonitorData's rows are read from it (applyEdits).
    for (const place of places.slice(1)) this.pending.push({ tableId: place.id, address: event.address, changeType: event.changeType });
    await this.changed({ tableId: places[0].id, address: event.address, changeType: event.changeType });
  }

  /** A change event: merged with others that come meanwhile, then read back in one round. */
  async changed(event: TableChange): Promise<void> {
    if (this.held > 0) return void (this.missed = true);
    this.pending.push({ tableId: event.tableId, address: event.address, changeType: event.changeType });
    await this.work();
  }

  /**
   * Excel calculated a sheet. Which sheet it names when a Waarde formula depends on a cell of
   * another sheet is not documented, so every sheet's calculation counts (the safe reading); it
   * costs nothing while the Waarde column is known to hold no formula, and the rounds merge.
   * While the add-in writes, Excel calculates between its syncs: that is not an edit of the
   * tables, so it does not make everything be read again; the column is read after the write.
   */
  async calculated(): Promise<void> {
    if (this.waardeFormulas === false || !liveOf(this.data)) return;
    this.calculationWanted = true;
    if (this.held === 0) await this.work();
  }

  private get wanted(): boolean {
    return this.fullReadWanted || this.pending.length > 0 || this.calculationWanted;
  }

  private async work(): Promise<void> {
    while (this.running) await this.running;
    if (!this.wanted) return;
    this.running = this.round().finally(() => (this.running = null));
    await this.running;
    if (this.wanted) await this.work();
  }

  private async round(): Promise<void> {
    const changes = this.pending;
    const calculation = this.calculationWanted;
    this.pending = [];
    this.calculationWanted = false;
    if (!this.fullReadWanted) {
      const done = await this.run(async (context) => (await this.applyEdits(context, changes)) && (!calculation || (await this.recalculated(context))));
      if (done) return;
    }
    this.fullReadWanted = false;
    await this.readEverything();
  }

  /** The Waarde column's results read again after a calculation (follow-calculated.ts, loaded on demand); false: read everything. */
  private async recalculated(context: Excel.RequestContext): Promise<boolean> {
    const live = liveOf(this.data);
    const place = this.places.get(TABLE_NAMES.observations);
    const column = live?.columnOf("Waarde") ?? null;
    if (!live || !place || column === null || this.waardeFormulas === false) return true;
    const { rereadWaarde } = await import(/* webpackChunkName: "excel-calculated" */ "./follow-calculated");
    const outcome = await rereadWaarde(context, place, column, live, this.waardeFormulas);
    if (outcome === "moved") return false;
    this.waardeFormulas = outcome.formulas;
    if (outcome.changed) this.publish(stateOf(live), "edit");
    return true;
  }

  /** Reads the three tables whole and builds the live data from them. */
  private async readEverything(): Promise<void> {
    // Only reads: a sync Excel refuses here (a busy Excel, a sheet deleted meanwhile) has changed nothing.
    const read = await this.published(readingFirst({ what: "tables", sheet: null }, (at) => this.run(async (context) => {
      const { places, ids, sheetIds } = await readPlaces(context);
      const sheets = new Set([...places.values()].map((p) => p.sheetName));
      if (sheets.size === 1) at.reading = { what: "tables", sheet: [...sheets][0] };
      const order = DATA_TABLES.filter((name) => places.has(name));
      const cells = await readRows(
        context,
        order.map((name) => {
          const place = places.get(name) as Place;
          return { total: place.rows, columns: place.columns, sheet: place.sheetName, firstRow: place.row, range: (from: number, count: number) => sheetRange(context, place, from, count) };
        }),
      );
      return { places, ids, sheetIds, cells: new Map(order.map((name, i) => [name, cells[i]])) };
    })));
    this.places = read.places;
    this.knownIds = read.ids;
    this.waardeFormulas = null;
    this.knownSheetIds = read.sheetIds;
    for (const place of read.places.values()) this.seen.set(place.name, place.id);
    const gone = DATA_TABLES.find((name) => !read.places.has(name) && (this.seen.has(name) || (name === TABLE_NAMES.observations && this.hadData())));
    if (gone) {
      // Renamed: the same id under another name (ids hold within a session); else deleted, or renamed before this session.
      const id = this.seen.get(gone);
      const renamedTo = id === undefined ? null : (read.ids.get(id) ?? null);
      return this.publish({ kind: "missing", why: say(EXCEL.tableGone, { table: gone, renamedTo }) }, "read");
    }
    const observations = read.cells.get(TABLE_NAMES.observations);
    if (!observations) return this.publish({ kind: "none" }, "read");
    const tables: PackageTables = {
      observations,
      indicators: read.cells.get(TABLE_NAMES.indicators) ?? tableCells(INDICATOR_COLUMNS, this.edition.indicators),
      sources: read.cells.get(TABLE_NAMES.sources) ?? tableCells(SOURCE_COLUMNS, this.edition.sources),
    };
    const live = await LiveData.read(tables, this.pause, this.onProgress);
    this.publish(stateOf(live), "read");
  }

  /**
   * Reads back only the rows the events name, in one sync, and applies them. Returns false when
   * that is not enough (a table moved, grew or shrank, its header or columns changed, a table of
   * unknown id): then everything is read again.
   */
  private async applyEdits(context: Excel.RequestContext, changes: TableChange[]): Promise<boolean> {
    const live = liveOf(this.data);
    // While a table is missing any event may be its coming back (renamed back, restored): read everything.
    if (this.data.kind === "missing") return false;
    const byId = new Map([...this.places.values()].map((p) => [p.id, p]));
    const unknown = changes.filter((c) => !byId.has(c.tableId));
    if (unknown.some((c) => !this.knownIds.has(c.tableId))) return false; // a table made since the last read may be one of ours
    const ours = changes.filter((c) => byId.has(c.tableId));
    if (ours.length === 0) return true; // only the user's own tables changed
    if (!live) return false;
    const observations = this.places.get(TABLE_NAMES.observations);
    const definitionsChanged = ours.some((c) => c.tableId !== observations?.id);
    const rows = ours.filter((c) => c.tableId === observations?.id).map((c) => (c.changeType === "RangeEdited" && observations ? changedRows(c.address, observations) : null));
    if (rows.some((r) => r === null)) return false;
    // One sync: where each table is now (it must not have moved), the changed rows, and the small tables when they changed.
    const tables = [...this.places.values()].map((place) => ({ place, table: context.workbook.tables.getItem(place.name).getRange().load("address") }));
    const reads = (rows as { from: number; count: number }[]).map((r) => ({ ...r, range: sheetRange(context, observations as Place, r.from + 1, r.count).load("values") }));
    const definitions = definitionsChanged ? [TABLE_NAMES.indicators, TABLE_NAMES.sources].map((name) => this.places.get(name)).map((place) => (place ? sheetRange(context, place, 0, place.rows).load("values") : null)) : [];
    try {
      await context.sync();
    } catch {
      return false; // a table was deleted or renamed meanwhile: read everything again
    }
    if (tables.some(({ place, table }) => table.address !== place.address)) return false;
    // Rows read back as they were (an own write's late event, see watch) change no figure: no one is told.
    let changed = false;
    for (const read of reads) changed = live.editRows(read.from, read.range.values as Cell[][]) || changed;
    if (reads.length) this.waardeFormulas = null; // an edit may have typed a formula into Waarde, or removed the last
    if (definitionsChanged) {
      const cellsOf = (range: Excel.Range | null, fallback: Cell[][]) => (range ? (range.values as Cell[][]) : fallback);
      live.editDefinitions(cellsOf(definitions[0], tableCells(INDICATOR_COLUMNS, this.edition.indicators)), cellsOf(definitions[1], tableCells(SOURCE_COLUMNS, this.edition.sources)));
      changed = true;
    }
    if (changed) this.publish(stateOf(live), "edit");
    return true;
  }

  /**
   * A whole read Excel refused (readingFirst's message): the pane and the functions hear it, so
   * no formula keeps waiting (#BUSY!) or shows figures from before, say, a pull's write, which
   * that read was to confirm. The failure goes on to whoever asked for the read.
   */
  private async published<T>(read: Promise<T>): Promise<T> {
    try {
      return await read;
    } catch (error) {
      if (isMonitorError(error)) this.publish({ kind: "unread", why: error.reason }, "read");
      throw error;
    }
  }

  private publish(data: FollowedData, how: "read" | "edit"): void {
    this.data = data;
    this.listener(data, how);
  }
}

function stateOf(live: LiveData): FollowedData {
  return live.valid ? { kind: "found", live } : { kind: "invalid", problems: live.problems(), live };
}
