import { cellAreas, rangeRef } from "../report/a1";
import { SheetMark } from "../report/mark";
import { backupSheetName, freeSheetName } from "../report/sheet-names";
import type { AddedKind, LookLeft, TheirsKept } from "../text/excel";
import { cellBytes, readRows, WriteBatch } from "./batch";
import { queueReadMark, queueRemoveMark, queueWriteMark } from "./marks";
import { queueCommentCount } from "./notes-comments-read";
import { queueNotes } from "./optional-apis";
import { restorable } from "./restore-cells";
import { queueCellWrite } from "./text-cells";
import { ChangedCell } from "./write-looks";

export type { LookLeft, TheirsKept };

type Formulas = (string | number | boolean)[][];

/**
 * Cells of a sheet by index (0-based): where a blank sheet was written on (a table, its header
 * the first row). `rightAligned`: the header's columns the writer aligned right (numericColumns),
 * the only alignment it sets. `formats`: the number format it sets in each cell, by row
 * (tableFormats, write.ts). `cells`: what it writes in each, by row, as the cell then holds it
 * and Range.formulas reads it (the plan's text without write.ts's quote prefix, a number; null
 * for a cell left empty): the table's header and rows.
 */
export interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
  rightAligned?: readonly boolean[];
  formats: readonly (readonly string[])[];
  cells: readonly (readonly (string | number | null)[])[];
}

/** How many areas of the analyst's cells kept on a sheet the pane names before it counts the rest. */
const KEPT_NAMED = 5;

/** A sheet or table and the name it had before: `name` is the one it has (or may have) now. */
export interface Renamed {
  name: string;
  was: string;
}

/**
 * Where the workbook stands when Excel refused putting it back too: the sheets that may be
 * partly written (begun, or written on), and the sheets and tables that hold what they held
 * but under another name. `certain`: read from Excel after the refusal; otherwise what the
 * journal's changes may have left (each name the one the change gave).
 */
export interface Aftermath {
  certain: boolean;
  partly: string[];
  renamed: Renamed[];
  tables: Renamed[];
}

/**
 * Excel refused putting the workbook back (`refused`, its error) after a write stopped (a
 * cancel, an edit meanwhile, a refusal): the workbook may be partly written.
 */
export class UndoRefused extends Error {
  constructor(readonly refused: unknown) {
    // Not shown as it is: the action that catches it says what may be partly written, in the user's language.
    super("Excel refused putting the workbook back.");
    this.name = "UndoRefused";
  }
}

/**
 * What Regenerate (or a pull's first load) changed in the workbook before its writes are done,
 * so that a sync Excel refuses on the way (InsertDeleteConflict, a payload limit,
 * GeneralException; whatever part of its batch ran), or a cancel, can be undone: the sheets
 * there were before (by id), the sheets it added, the names it gave sheets and tables, the
 * marks it removed or replaced, the values it wrote over and the blank sheets it wrote on. Each
 * entry keeps the state before its first change only.
 */
export class Journal {
  private readonly renamedSheets = new Map<Excel.Worksheet, Renamed>();
  private readonly renamedTables = new Map<Excel.Table, Renamed>();
  private readonly marks = new Map<Excel.Worksheet, SheetMark>();
  private readonly values: { sheet: Excel.Worksheet; row: number; column: number; formulas: Formulas; formats: string[][] }[] = [];
  /** Sheets written on that were there before (in place, or blank), with the name they have meanwhile. */
  private readonly writtenOn = new Map<Excel.Worksheet, string>();
  /** Blank sheets written on, with the areas and the tables written there (all the undo clears). */
  private readonly blanks: { sheet: Excel.Worksheet; areas: Area[]; tables: string[] }[] = [];
  /** The names of the sheets it added: the only sheets the undo deletes. */
  private readonly added: string[] = [];
  /** Sheets it added that the analyst changed meanwhile: kept (not deleted), unmarked, under the name given (lower-case name it had → the sheet and its name to be). */
  private readonly keptAdded = new Map<string, { sheet: Excel.Worksheet; name: string }>();
  /** The analyst's cells, changed while it wrote and then overwritten: written back last, as a look saw them just before. */
  private readonly theirs: ChangedCell[] = [];
  /** The sheets it added, by their proxies (the name each was given). */
  private readonly addedSheets = new Map<Excel.Worksheet, string>();
  /** Where the last undo kept the analyst's cells on a blank sheet it emptied, or a sheet it added that they wrote in (see undo). */
  private kept: TheirsKept[] = [];
  /** The areas it writes on a sheet it added (a first load's new Data sheet), by the sheet's proxy: read before the undo deletes it. */
  private readonly addedAreas = new Map<Excel.Worksheet, readonly Area[]>();
  /** The tables it makes on such a sheet (a first load's), by name: a sheet kept as the analyst's has them made ranges (see undo). */
  private readonly addedTables = new Map<Excel.Worksheet, readonly string[]>();

  constructor(private readonly before: ReadonlySet<string>) {}

  /**
   * Adds a sheet (the undo deletes it again). `areas`: where it will write tables on it (a first
   * load's Data sheet), as on a blank sheet, and `tables`, the tables it makes there: an undo
   * that may keep sheets as the analyst's (undoKeepingTheirs) reads the areas first, and keeps
   * the sheet when they typed in them, those tables made ranges (see undo).
   */
  addSheet(context: Excel.RequestContext, name: string, areas: readonly Area[] = [], tables: readonly string[] = []): Excel.Worksheet {
    this.added.push(name);
    const sheet = context.workbook.worksheets.add(name);
    this.addedSheets.set(sheet, name);
    if (areas.length) this.addedAreas.set(sheet, areas);
    if (tables.length) this.addedTables.set(sheet, tables);
    return sheet;
  }

  /**
   * The analyst changed `cells` while the write ran (each seen by a look just before the write
   * covered it, see write-looks.ts): the undo writes them back as they were seen, after
   * everything else, so that their change stays. A sheet it added with such a cell is the
   * analyst's too: it is kept (not deleted), unmarked, under the name `keepAs` gives it.
   */
  theirsMeanwhile(cells: readonly ChangedCell[], keepAs: (name: string) => string): void {
    this.theirs.push(...cells);
    for (const { sheet } of cells) {
      const name = this.addedSheets.get(sheet);
      if (name !== undefined && !this.keptAdded.has(name.toLowerCase())) this.keptAdded.set(name.toLowerCase(), { sheet, name: keepAs(name) });
    }
  }

  /**
   * Puts the workbook back after the analyst changed `cells` while the write ran (seen by the
   * looks, write-looks.ts): everything undone, then their cells written back as seen; a sheet it
   * added that holds such a cell is kept as theirs, unmarked, under a name dated `today` free
   * among the sheets there were before (`before`, lower-case) and those there are now (the
   * analyst may have added one meanwhile). Gives the sheets so kept, and where a table style's
   * look stayed (see undo); throws what Excel throws when it refuses a step (Regenerate and a
   * pull's first load say so, each in its words). After a cancel or a refusal `cells` is empty:
   * a sheet it added is kept as theirs too when the undo finds their cells on it (see undo);
   * `queued`, as for undo.
   */
  async undoKeepingTheirs(context: Excel.RequestContext, cells: readonly ChangedCell[], today: string, before: ReadonlySet<string>, queued?: () => readonly ChangedCell[]): Promise<{ kept: Renamed[]; left: LookLeft[] }> {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const taken = new Set([...before, ...sheets.items.map((s) => s.name.toLowerCase())]);
    const keepAs = (name: string) => {
      const kept = backupSheetName(name, today, taken) ?? freeSheetName(`~${name}`, taken) ?? `~${name}`;
      taken.add(kept.toLowerCase());
      return kept;
    };
    this.theirsMeanwhile(cells, keepAs);
    const left = await this.undo(context, (i) => freeSheetName(`~${i}`, taken) ?? `~${i}`, queued, keepAs);
    return { kept: this.keptSheets(), left };
  }

  /**
   * Where the last undo kept cells of the analyst's on a blank sheet it emptied, by sheet (its
   * name then): the cells that held neither what the writer wrote there nor nothing (see undo),
   * and those written back as the looks saw them; at most KEPT_NAMED areas each, `more` counting
   * the rest.
   */
  theirsKept(): TheirsKept[] {
    return this.kept;
  }

  /** The sheets it added that the undo keeps as the analyst's: their names then (see theirsMeanwhile). */
  keptSheets(): { name: string; was: string }[] {
    return [...this.keptAdded.entries()].map(([, kept]) => ({ name: kept.name, was: this.addedSheets.get(kept.sheet) ?? kept.name }));
  }

  renameSheet(sheet: Excel.Worksheet, was: string, name: string): void {
    const entry = this.renamedSheets.get(sheet) ?? { name, was };
    this.renamedSheets.set(sheet, { ...entry, name });
    if (this.writtenOn.has(sheet)) this.writtenOn.set(sheet, name);
    sheet.name = name;
  }

  renameTable(table: Excel.Table, was: string, name: string): void {
    const entry = this.renamedTables.get(table) ?? { name, was };
    this.renamedTables.set(table, { ...entry, name });
    table.name = name;
  }

  /** Before the mark of `sheet` (now `mark`) is removed or replaced. */
  markChanging(sheet: Excel.Worksheet, mark: SheetMark | null): void {
    if (mark && !this.marks.has(sheet)) this.marks.set(sheet, mark);
  }

  /**
   * Before values are written over the used range of `sheet` (named `name` meanwhile), which
   * held `formulas` (as read) from (row, column). Only a sheet exactly as the add-in wrote it is
   * written over (its print proves it), and the add-in writes constants only: each cell's value
   * is what `formulas` read, so every text goes back as literal text (restore-cells.ts). Written
   * back as read, a text "=…" would become a formula and "'s-Gravenhage" lose its apostrophe
   * (office-js #6687). `formats`: the cells' number formats, which the write leaves and the
   * undo's form follows (text-cells.ts).
   */
  overwriting(sheet: Excel.Worksheet, name: string, row: number, column: number, formulas: Formulas, formats: string[][]): void {
    this.writtenOn.set(sheet, name);
    this.values.push({ sheet, row, column, formulas: formulas.map((cells) => restorable(cells, cells, undefined)), formats });
  }

  /**
   * Before writing `tables` over `areas` of a sheet (named `name`) that was there holding nothing
   * at all (no value, no formatted cell, no table): the undo takes away those tables and what the
   * writer put in those areas (values, and the number formats and header alignment, that are still
   * as it set them: a value, formula or format the analyst put there meanwhile is theirs, and a
   * cell holding such a value or formula stays whole, see theirsIn), and nothing else,
   * so what the user added on the sheet meanwhile stays: a note typed beside the tables, and a
   * note, threaded comment, fill, conditional format or validation rule on the tables' own cells
   * (see undo). Its column widths and panes are not the writer's to change (see writeDataSheet),
   * so they need no undo.
   */
  fillingBlank(sheet: Excel.Worksheet, name: string, areas: Area[], tables: string[]): void {
    this.writtenOn.set(sheet, name);
    const entry = this.blanks.find((b) => b.sheet === sheet);
    if (!entry) return void this.blanks.push({ sheet, areas: [...areas], tables: [...tables] });
    entry.areas.push(...areas);
    entry.tables.push(...tables);
  }

  /** The sheets added or written on, by the names they were given. */
  sheetsWritten(): string[] {
    return [...new Set([...this.added, ...this.writtenOn.values()])];
  }

  /**
   * Puts the workbook back as it was: deletes every sheet it added (with its tables and charts),
   * empties what it wrote on the blank sheets, gives sheets (in two steps, so no two share a
   * name meanwhile) and tables their names back, puts back the marks and the values written
   * over, and then the analyst's cells changed meanwhile as they were seen (theirsMeanwhile);
   * a sheet it added that holds such a cell is kept, unmarked, under its new name. Two syncs, the
   * reads of what a blank sheet's written cells hold and of their number formats (one sync each
   * while they fit) and the values' chunks;
   * each step holds whether or not the refused batch ran (what is still queued, after a cancel,
   * is sent first).
   *
   * A sheet it added is one that was not there before *and* has a name it gave: a sheet the user
   * added while it ran (between two syncs) is theirs and stays, with whatever they put on it.
   * (A sheet of the user's can share such a name only if they made it under the very name the
   * add-in was about to give, before its add ran; then the add is refused and the two are not
   * told apart: not covered.)
   */
  async undo(context: Excel.RequestContext, temporary: (i: number) => string = (i) => `~${i}`, queued?: () => readonly ChangedCell[], keepAs?: (name: string) => string): Promise<LookLeft[]> {
    this.kept = [];
    const sheets = context.workbook.worksheets.load("items/id,items/name");
    const blankTables = this.blanks.map(({ sheet }) => sheet.tables.load("items/name"));
    const blankNames = this.blanks.map(({ sheet }) => sheet.load("name"));
    // A kept sheet loses the add-in's mark (a Data sheet has it from the start), where it has one.
    const keptMarks = [...this.keptAdded.values()].map(({ sheet }) => ({ sheet, mark: queueReadMark(sheet), tables: this.addedTables.has(sheet) ? sheet.tables.load("items/name") : null }));
    // The header rows' alignment as it is now, cell by cell (a range's format.horizontalAlignment
    // is null where its cells differ): a header cell the analyst aligned meanwhile keeps theirs.
    const headerAlignments = this.blanks.map(({ sheet, areas }) => areas.map((area) => sheet.getRangeByIndexes(area.row, area.column, 1, area.columns).getCellProperties({ format: { horizontalAlignment: true } })));
    await context.sync();
    // After a cancel that sync sent the writes still queued, each with its look (`queued` gives
    // what they saw the analyst change): those cells are written back as seen, as the others of
    // theirsMeanwhile, but for cells on a sheet it added, which goes as it does after any cancel.
    const queuedAll = queued?.() ?? [];
    const queuedTheirs = queuedAll.filter((cell) => !this.addedSheets.has(cell.sheet));
    this.theirs.push(...queuedTheirs);
    // A sheet it added that is there and holds cells of the analyst's in what it wrote (theirsIn,
    // or seen by the looks of the writes still queued) is theirs, as after an edit meanwhile: kept,
    // unmarked, under the name `keepAs` gives it, with what it holds (their cells among the
    // writer's), and named. Only where the caller can name it (undoKeepingTheirs).
    const keptNow = await this.keepAddedWithTheirs(context, sheets.items, queuedAll, keepAs);
    // And what the cells written on a blank sheet hold now, and their number formats, in reads
    // under the limit (nothing else queued, see readRows; as many syncs as the bytes need): a
    // cell whose format the analyst set meanwhile, before or after the writer reached it, is not
    // written General, and one that holds anything but what the writer wrote there (or nothing)
    // is not emptied (see theirsIn).
    const sources = this.blanks.flatMap(({ sheet, areas }, i) => areas.map((area) => areaRows(sheet, blankNames[i].name, area)));
    const contentsNow = await readRows(context, sources, { property: "formulas" });
    const formatsNow = await readRows(context, sources, { property: "numberFormat" });
    let read = 0;
    const theirs = this.blanks.map(({ areas }) => areas.map((area) => theirsIn(area, contentsNow[read++])));
    for (const sheet of sheets.items) if (this.isAdded(sheet) && !this.keptAdded.has(sheet.name.toLowerCase())) sheet.delete();
    // A blank sheet written on gets back what the writer put there (review R9): its values, and its
    // number formats and the header's alignment where they are still the writer's (issue 14); its
    // tables become ranges again. Not clear("All"),
    // which "Clears everything in the range" (Excel.ClearApplyTo): the notes, threaded comments,
    // conditional formats and validation rules the analyst added on those cells while the load
    // ran would go with it, without a word. Not clear("Formats") either: the cells' formats
    // cannot be told apart from the analyst's (a fill, a bold header row, an alignment, a cell
    // unlocked while the load ran: review R-A1, R-A3), and reading them all would cost a read
    // of every written cell's properties (R-A4); only the number formats are read (above), a
    // third of what the writer's looks read there. Not Table.delete, of which the reference says only "Deletes
    // the table", not what becomes of the cells and what is on them; convertToRange says "All
    // data is preserved". Excel's own Convert to Range leaves the table style's look on the
    // cells as their own formats (the safe reading, which the fake takes): that look stays, the
    // sheet is then no longer blank (the next load builds its tables on a fresh sheet beside
    // it), and the caller says where (LookLeft). Something left and said, nothing taken.
    const left = this.blanks.flatMap(({ areas, tables }, i) => {
      const written = new Set(tables.map((t) => t.toLowerCase()));
      const made = new Set(blankTables[i].items.map((table) => table.name.toLowerCase()));
      for (const table of blankTables[i].items) if (written.has(table.name.toLowerCase())) table.convertToRange();
      // An area's table is the one at its place in `tables`: only the areas of tables made have a look left.
      const ranges = areas.filter((_, a) => made.has(tables[a]?.toLowerCase() ?? "")).map((area) => rangeRef(area.row, area.column, area.rows, area.columns));
      return ranges.length ? [{ sheet: blankNames[i], ranges }] : [];
    });
    // A header cell goes back to General only while it is aligned as the writer left it (right):
    // any other alignment there is the analyst's, set meanwhile, and stays (issue 14).
    this.blanks.forEach(({ sheet, areas }, i) => {
      areas.forEach((area, a) => {
        const now = headerAlignments[i][a].value[0] ?? [];
        area.rightAligned?.forEach((right, c) => {
          if (right && !theirs[i][a].has(c) && now[c]?.format?.horizontalAlignment === "Right") sheet.getRangeByIndexes(area.row, area.column + c, 1, 1).format.horizontalAlignment = "General";
        });
      });
    });
    // A kept sheet steps aside too: the sheet it was built beside gets its name back.
    const finalNames: [Excel.Worksheet, string][] = [...[...this.renamedSheets].map(([sheet, { was }]): [Excel.Worksheet, string] => [sheet, was]), ...[...this.keptAdded.values()].map((k): [Excel.Worksheet, string] => [k.sheet, k.name])];
    finalNames.forEach(([sheet], i) => (sheet.name = temporary(i)));
    for (const [sheet, name] of finalNames) sheet.name = name;
    for (const [table, { was }] of this.renamedTables) table.name = was;
    for (const [sheet, mark] of this.marks) queueWriteMark(sheet, mark);
    for (const { sheet, mark } of [...keptMarks, ...keptNow]) if (mark() !== null) queueRemoveMark(sheet);
    // A first load's Data sheet kept as theirs keeps what it holds, but not as the monitor's
    // tables: those it made there become ranges (Convert to Range, "All data is preserved"), or
    // the next pull would take a partly written MonitorData, without the other two, for its own
    // and stop (excel.tableMissing). Their names are then free for the next load's tables.
    for (const { sheet, tables } of [...keptMarks, ...keptNow]) {
      const written = new Set((this.addedTables.get(sheet) ?? []).map((t) => t.toLowerCase()));
      for (const table of tables?.items ?? []) if (written.has(table.name.toLowerCase())) table.convertToRange();
    }
    const batch = new WriteBatch(context);
    // The values and number formats the writer put on a blank sheet: each cell empty again, and
    // General, as it was (a blank sheet's cells have no format of their own), where it still has
    // the format the writer set; a cell with any other format has the analyst's, set meanwhile,
    // and is left as it is (null: "leave specific cells unchanged", text-cells.ts's Kept; issue
    // 14). A cell of the analyst's (theirsIn) is left as it is whole, value or formula and
    // number format. In chunks like any write. Its other formats, notes, comments and rules
    // were never the writer's: they stay.
    let source = 0;
    const keptAt = new Map<Excel.Worksheet, Set<string>>();
    for (const [i, { sheet, areas }] of this.blanks.entries()) {
      const cells: { row: number; column: number }[] = [];
      for (const [a, area] of areas.entries()) {
        const now = formatsNow[source++] as string[][];
        const kept = theirs[i][a];
        const formats = now.map((row, r) => row.map((format, c) => (kept.has(r * area.columns + c) || format !== area.formats[r]?.[c] ? null : "General")));
        const blank = new Array<string>(area.columns).fill("");
        const values = now.map((row, r) => (row.some((_, c) => kept.has(r * area.columns + c)) ? row.map((_, c) => (kept.has(r * area.columns + c) ? null : "")) : blank));
        for (const at of kept) cells.push(cellAt(area, at));
        await batch.writeRows(values, { set: formats }, (from, count) => sheet.getRangeByIndexes(area.row + from, area.column, count, area.columns));
      }
      keptAt.set(sheet, new Set(cells.map(({ row, column }) => `${row},${column}`)));
      // And those the looks of the writes still queued at a cancel saw, written back below: theirs
      // too. (Those of an edit meanwhile are the edit the pane names already, firstLoadEditedMeanwhile.)
      for (const cell of queuedTheirs) if (cell.sheet === sheet && "back" in cell && cell.back !== "" && !keptAt.get(sheet)?.has(`${cell.row},${cell.column}`)) cells.push(cell);
      if (cells.length) this.kept.push(keptOn(blankNames[i].name, cells));
    }
    // Into cells whose number formats the writes did not change (text-cells.ts: the form follows them).
    for (const { sheet, row, column, formulas, formats } of this.values) {
      await batch.writeRows(formulas, { held: formats }, (from, count) => sheet.getRangeByIndexes(row + from, column, count, formulas[0]?.length ?? 0));
    }
    for (const cell of this.theirs) {
      // A cell the analyst changed again after the look saw it (kept as it is now, above) is not written back as it was then.
      if (keptAt.get(cell.sheet)?.has(`${cell.row},${cell.column}`)) continue;
      const range = () => cell.sheet.getRangeByIndexes(cell.row, cell.column, 1, 1);
      // A header cell the analyst aligned: after the header's alignment was reset above.
      if ("alignment" in cell) await batch.queue(200, () => (range().format.horizontalAlignment = cell.alignment as Excel.HorizontalAlignment));
      else await batch.queue(200 + cellBytes(cell.back) + cellBytes(cell.format ?? cell.held), () => queueCellWrite(range(), [[cell.back]], [[cell.format ?? cell.held]], cell.format !== null));
    }
    await batch.flush();
    return left.map(({ sheet, ranges }) => ({ sheet: sheet.name, ranges }));
  }

  /**
   * Reads what the sheets it added hold (those there, `present`, and not kept already), and keeps
   * as theirs each that holds anything of the analyst's: a cell of theirs in the areas it wrote
   * (theirsIn) or one the looks of the writes still queued saw them change (`queued`, written
   * back after the undo as on any kept sheet); a value or formula outside those areas (a figure
   * typed beside the tables: the writer writes nothing there); or a note, threaded comment,
   * shape, chart, conditional format or validated cell, none of which the writer makes on its
   * Data sheet (see AddedProbe). Under the name `keepAs` gives it, its mark and tables read.
   * Syncs: one of loads only (the used range and the counts), one of the used ranges of values
   * of the boxes beside the areas, the reads of the cells under the limit (readRows: the areas,
   * and of those boxes only their used ranges, each at most BESIDE_READ cells), and one more only
   * when a sheet is kept. Gives those kept, with their marks
   * and tables.
   */
  private async keepAddedWithTheirs(context: Excel.RequestContext, present: readonly Excel.Worksheet[], queued: readonly ChangedCell[], keepAs?: (name: string) => string): Promise<{ sheet: Excel.Worksheet; mark: () => SheetMark | null; tables: Excel.TableCollection | null }[]> {
    if (!keepAs) return [];
    const there = (name: string) => present.some((s) => this.isAdded(s) && s.name.toLowerCase() === name.toLowerCase());
    const candidates = [...this.addedAreas].flatMap(([sheet, areas]) => {
      const name = this.addedSheets.get(sheet);
      return name !== undefined && !this.keptAdded.has(name.toLowerCase()) && there(name) ? [{ sheet, name, areas }] : [];
    });
    // Review of 7da5547: reading only the areas it wrote missed a figure typed beside the tables
    // and a note on a written cell, and the sheet went with them without a word.
    const probes = candidates.map(({ sheet }) => queueAddedProbe(sheet));
    if (candidates.length) await context.sync();
    const outside = candidates.map(({ areas }, i) => outsideAreas(probes[i].used(), areas));
    // Review 3: the sheet's used range reaches from the tables to the farthest value, so reading
    // those boxes whole made one value typed at XFD1048576 billions of empty cells, thousands of
    // syncs, on a cancel. Each box's own used range of values first (one sync of loads only): a
    // box without a value is not read, and one with a few is read only where they are.
    const usedIn = candidates.map(({ sheet }, i) => outside[i].map((box) => queueUsedIn(sheet, box)));
    if (usedIn.some((boxes) => boxes.length)) await context.sync();
    const filled = usedIn.map((boxes) => boxes.flatMap((used) => used() ?? []));
    const toRead = filled.map((boxes) => boxes.filter((box) => box.rows * box.columns <= BESIDE_READ));
    const unread = filled.map((boxes) => boxes.filter((box) => box.rows * box.columns > BESIDE_READ).map((box) => rangeRef(box.row, box.column, box.rows, box.columns)));
    const sources = [...candidates.flatMap(({ sheet, name, areas }) => areas.map((area) => areaRows(sheet, name, area))), ...candidates.flatMap(({ sheet, name }, i) => toRead[i].map((box) => areaRows(sheet, name, box)))];
    const now = await readRows(context, sources, { property: "formulas" });
    let read = 0;
    const inside = candidates.map(({ areas }) => areas.flatMap((area) => [...theirsIn(area, now[read++])].map((at) => cellAt(area, at))));
    const beside = candidates.map((_, i) => toRead[i].flatMap((box) => filledIn(box, now[read++])));
    const kept: { sheet: Excel.Worksheet; mark: () => SheetMark | null; tables: Excel.TableCollection | null }[] = [];
    for (const [i, { sheet, name }] of candidates.entries()) {
      const cells = [...inside[i], ...beside[i]];
      const seen = queued.filter((cell) => cell.sheet === sheet);
      cells.push(...seen.filter((cell) => "back" in cell && cell.back !== ""));
      const extras = probes[i].extras();
      // (A number format alone that they set there goes with the sheet, as after any cancel.)
      if (!cells.length && !extras.length && !unread[i].length) continue;
      const as = keepAs(name);
      this.keptAdded.set(name.toLowerCase(), { sheet, name: as });
      this.theirs.push(...seen);
      this.kept.push({ ...keptOn(as, cells, unread[i]), was: name, ...(extras.length ? { extras } : {}) });
      kept.push({ sheet, mark: queueReadMark(sheet), tables: this.addedTables.has(sheet) ? sheet.tables.load("items/name") : null });
    }
    if (kept.length) await context.sync();
    return kept;
  }

  /** Whether a sheet (id and name loaded) is one this journal added: not there before, and under a name it gave. */
  private isAdded(sheet: Excel.Worksheet): boolean {
    return !this.before.has(sheet.id) && this.added.some((name) => name.toLowerCase() === sheet.name.toLowerCase());
  }

  /**
   * Where the workbook stands after Excel refused the undo as well (any part of its batches may
   * have run): read in one sync of loads only, or, when Excel refuses that too, what the
   * changes may have left. A sheet written on is named as partly written, not as renamed.
   */
  async aftermath(context: Excel.RequestContext): Promise<Aftermath> {
    try {
      const sheets = context.workbook.worksheets.load("items/id,items/name");
      const writtenOn = [...this.writtenOn.keys()].map((sheet) => sheet.load("name"));
      const renamed = [...this.renamedSheets].map(([sheet, { was }]) => ({ proxy: sheet.load("name"), was }));
      const tables = [...this.renamedTables].map(([table, { was }]) => ({ proxy: table.load("name"), was }));
      await context.sync();
      const partly = [...sheets.items.filter((s) => this.isAdded(s)).map((s) => s.name), ...writtenOn.map((s) => s.name)];
      return {
        certain: true,
        partly: [...new Set(partly)],
        renamed: renamed.filter((r) => !writtenOn.includes(r.proxy) && r.proxy.name !== r.was).map((r) => ({ name: r.proxy.name, was: r.was })),
        tables: tables.filter((t) => t.proxy.name !== t.was).map((t) => ({ name: t.proxy.name, was: t.was })),
      };
    } catch {
      return {
        certain: false,
        partly: this.sheetsWritten(),
        renamed: [...this.renamedSheets].filter(([sheet]) => !this.writtenOn.has(sheet)).map(([, r]) => r),
        tables: [...this.renamedTables.values()],
      };
    }
  }
}

/** A box of cells by index (0-based): an area it writes, or a part of a sheet beside them. */
interface Box {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/**
 * The most cells of one box beside the areas it writes whose values are read to name the
 * analyst's cells (one sync's worth of mostly empty cells). A box whose values spread wider (a
 * figure near the tables and one at XFD1048576) is not read: it holds a value (its used range
 * of values is not null), so the sheet is kept all the same, and the pane names the area the
 * values are in instead of each cell.
 */
const BESIDE_READ = 250_000;

/**
 * Queues the used range of values inside `box` (Range.getUsedRangeOrNullObject(valuesOnly:
 * true), ExcelApi 1.4: "Returns the used range of the given range object. If there are no used
 * cells within the range, then this method returns an object with its isNullObject property set
 * to true"; valuesOnly "Considers only cells with values as used cells"): after the sync, the
 * smallest box within it holding every value or formula, or null when it holds none.
 */
function queueUsedIn(sheet: Excel.Worksheet, box: Box): () => Box | null {
  const used = sheet.getRangeByIndexes(box.row, box.column, box.rows, box.columns).getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
  return () => (used.isNullObject ? null : { row: used.rowIndex, column: used.columnIndex, rows: used.rowCount, columns: used.columnCount });
}

/** An area written on `sheet` (named `name`), or another box of it, as readRows reads it, in blocks of its rows. */
function areaRows(sheet: Excel.Worksheet, name: string, area: Box) {
  return { total: area.rows, columns: area.columns, sheet: name, firstRow: area.row, range: (from: number, count: number) => sheet.getRangeByIndexes(area.row + from, area.column, count, area.columns) };
}

/**
 * Queues, on a sheet it added, the loads that show what the analyst may have added there
 * besides cells in the areas it writes: the used range of values only
 * (Worksheet.getUsedRangeOrNullObject(valuesOnly: true), ExcelApi 1.4: "Considers only cells
 * with values as used cells"; a null object on a sheet without any), whose cells outside the areas are
 * then read (outsideAreas); and the number of notes (ExcelApi 1.18, queueNotes), threaded
 * comments (CommentCollection.getCount, 1.10), shapes and pictures (ShapeCollection.getCount,
 * 1.9), charts (ChartCollection.getCount, 1.1), conditional formats
 * (ConditionalFormatCollection.getCount on the whole sheet, 1.6) and validated cells
 * (getSpecialCellsOrNullObject("DataValidations"), 1.9, as broken-references.ts counts them).
 * The writer makes none of these on its Data sheet (writeDataSheet: tables, column widths, the
 * frozen header row, the mark), so any one is the analyst's. A few bytes each in the response.
 * Where Excel has no notes API a note cannot be seen: the safe reading, the sheet is kept
 * ("notesUnseen"), as a monitor sheet is whose notes cannot be read (SheetExtras.unseen).
 */
function queueAddedProbe(sheet: Excel.Worksheet): { used: () => Box | null; extras: () => AddedKind[] } {
  const used = sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
  const notes = queueNotes(sheet);
  const comments = queueCommentCount(sheet);
  const shapes = sheet.shapes.getCount();
  const charts = sheet.charts.getCount();
  const whole = sheet.getRange();
  const formats = whole.conditionalFormats.getCount();
  const validated = whole.getSpecialCellsOrNullObject("DataValidations").load("cellCount");
  return {
    used: () => (used.isNullObject ? null : { row: used.rowIndex, column: used.columnIndex, rows: used.rowCount, columns: used.columnCount }),
    extras: () => {
      // Read after the caller's sync that answers the counts (keepAddedWithTheirs): the rules cannot see it.
      /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read */
      const found: [AddedKind, boolean][] = [
        ["notes", notes !== null && notes.count() > 0],
        ["notesUnseen", notes === null],
        ["comments", comments.value > 0],
        ["shapes", shapes.value > 0],
        ["charts", charts.value > 0],
        ["conditionalFormats", formats.value > 0],
        ["validation", !validated.isNullObject && validated.cellCount > 0],
      ];
      /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read */
      return found.filter(([, any]) => any).map(([kind]) => kind);
    },
  };
}

/**
 * The parts of `used` (a sheet's used range of values) outside `areas`, as boxes: the used range
 * cut into bands of columns at the areas' edges, and in each band the rows no area covers there.
 * A few boxes for a few tables side by side; empty when the areas hold every value.
 */
export function outsideAreas(used: Box | null, areas: readonly Box[]): Box[] {
  if (!used) return [];
  const [right, bottom] = [used.column + used.columns, used.row + used.rows];
  const edges = [...new Set([used.column, right, ...areas.flatMap((a) => [a.column, a.column + a.columns])])].filter((c) => c >= used.column && c <= right).sort((a, b) => a - b);
  const boxes: Box[] = [];
  for (let e = 0; e + 1 < edges.length; e++) {
    const [from, to] = [edges[e], edges[e + 1]];
    const covered = areas
      .filter((a) => a.column <= from && a.column + a.columns >= to)
      .map((a) => [Math.max(a.row, used.row), Math.min(a.row + a.rows, bottom)])
      .filter(([top, end]) => top < end)
      .sort((a, b) => a[0] - b[0]);
    let row = used.row;
    for (const [top, end] of covered) {
      if (top > row) boxes.push({ row, column: from, rows: top - row, columns: to - from });
      row = Math.max(row, end);
    }
    if (row < bottom) boxes.push({ row, column: from, rows: bottom - row, columns: to - from });
  }
  return boxes;
}

/** The cells of `box` that hold a value or formula, as read (Range.formulas): outside the areas, anything there is the analyst's. */
function filledIn(box: Box, now: readonly (readonly unknown[])[]): { row: number; column: number }[] {
  return now.flatMap((row, r) => row.flatMap((cell, c) => (cell !== "" && cell !== null ? [{ row: box.row + r, column: box.column + c }] : [])));
}

/** The cell of `area` at `at` (r × columns + c, as theirsIn gives it), on the sheet. */
const cellAt = (area: Area, at: number) => ({ row: area.row + Math.floor(at / area.columns), column: area.column + (at % area.columns) });

/** The analyst's cells kept on a sheet as the pane names them, and `areas` (A1) their values are in, unread: at most KEPT_NAMED areas, `more` counting the rest. */
function keptOn(sheet: string, cells: readonly { row: number; column: number }[], areas: readonly string[] = []): TheirsKept {
  const named = [...cellAreas(cells), ...areas];
  return { sheet, cells: named.slice(0, KEPT_NAMED), more: Math.max(0, named.length - KEPT_NAMED) };
}

/**
 * The cells of `area` (as r × columns + c) that hold the analyst's value or formula, read
 * (Range.formulas) by the undo just before it empties the area: anything but what the writer
 * wrote in that cell and but nothing. They stay as they are, whatever the writer did before: one
 * it had written over and the analyst typed into meanwhile ("row 5 while rows 1000 and on were
 * written"), one it had not reached yet, a formula over its figure (=1200+53 over 1253).
 *
 * After a sync Excel refused, whatever part of that sync's batch ran is not known (the
 * OfficeExtension.Error reference: the commands before the failing one ran), nor what its looks
 * saw. The reading taken is the safe one: only a cell that holds exactly what the writer wrote
 * there is taken as the writer's and emptied; anything else is kept. A figure the analyst typed
 * into such a cell just before a write of that sync overwrote it is gone (Excel reports nothing
 * of it); a value they typed equal to the writer's cannot be told apart and is emptied with the
 * writer's.
 */
function theirsIn(area: Area, now: readonly (readonly unknown[])[]): Set<number> {
  const theirs = new Set<number>();
  now.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell !== "" && cell !== null && cell !== (area.cells[r]?.[c] ?? "")) theirs.add(r * area.columns + c);
    }),
  );
  return theirs;
}
