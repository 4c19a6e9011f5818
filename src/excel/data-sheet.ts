import { ColumnSpec, INDICATOR_COLUMNS, OBSERVATION_COLUMNS, SOURCE_COLUMNS, tableCells } from "../data/columns";
import { valueError } from "../data/errors";
import { normalise } from "../data/normalise";
import { lookupKey, PackageTables, parsePackageTables, parsePackageTablesInSlices, TABLE_NAMES } from "../data/package";
import { MonitorPackage, Observation, Problem, Unit } from "../data/types";
import { cellText, Result } from "../data/validate";
import type { LiveData } from "../data/live-data";
import { dataTables, DATA_SHEET_KEY, DATA_SHEET_NAME } from "../report/plan";
import { numericColumns } from "../report/types";
import { freeSheetName } from "../report/sheet-names";
import { WorkbookState } from "./inspect";
import { queueRemoveMark, queueWriteMark } from "./marks";
import { WriteBatch } from "./batch";
import { Cell } from "./row-changes";
import { RefreshCounts, refreshTables, TableTarget } from "./table-refresh";
import { CommentsRemade } from "./row-comments";
import { queueColumnWidths, tableFormats, writeTable } from "./write";
import { BLANK, WriteLooks } from "./write-looks";
import { Journal } from "./undo";
import { DATE_FORMAT, valueFormat, WHOLE_NUMBER_FORMAT } from "../report/data-columns";
import { serialFromIso } from "../data/dates";
import { EXCEL } from "../text/excel";
import { say } from "../text/message";

export const DATA_KEY = DATA_SHEET_KEY;

export type WorkbookData =
  | { kind: "none" }
  | { kind: "invalid"; problems: Problem[] }
  | { kind: "found"; package: MonitorPackage };

/** The three tables' cells as read (header rows first), MonitorIndicatoren/MonitorBronnen from the edition where missing; null without MonitorData. */
export function workbookTables(state: WorkbookState, edition: MonitorPackage): PackageTables | null {
  const cells = (name: string) => state.tables.get(name.toLowerCase())?.cells;
  const observations = cells(TABLE_NAMES.observations);
  if (!observations) return null;
  return {
    observations,
    indicators: cells(TABLE_NAMES.indicators) ?? tableCells(INDICATOR_COLUMNS, edition.indicators),
    sources: cells(TABLE_NAMES.sources) ?? tableCells(SOURCE_COLUMNS, edition.sources),
  };
}

/**
 * The workbook's tables as a package. The live data the pane follows them with (`known`) has
 * validated them already: when the cells read now are the ones it holds, its package and
 * problems are theirs and nothing is validated again; otherwise (an edit it has not heard of
 * yet, another edition's definitions) the cells are validated here.
 */
export async function readKnownWorkbookData(state: WorkbookState, edition: MonitorPackage, known: LiveData | null | undefined, between: () => Promise<void>): Promise<WorkbookData> {
  const tables = workbookTables(state, edition);
  if (!tables) return { kind: "none" };
  const unchanged = known ? await known.holds(tables, between) : null;
  if (known && unchanged?.()) return known.valid ? { kind: "found", package: known.package() } : { kind: "invalid", problems: known.problems() };
  // Validated whole, in slices: 100,000 rows must not hold the thread (Excel, the pane, the functions) in one piece.
  return asWorkbookData(await parsePackageTablesInSlices(tables, between, IN_WORKBOOK));
}

/** In a workbook's tables, the analyst's own columns (a calculated column for a pivot) are theirs. */
const IN_WORKBOOK = { extraColumns: "ignore" } as const;

const asWorkbookData = (result: Result<MonitorPackage>): WorkbookData => (result.ok ? { kind: "found", package: result.value } : { kind: "invalid", problems: result.problems });

/**
 * The workbook's own data tables as a package. A workbook without MonitorData has none; a
 * malformed one is reported with row and column. Missing MonitorIndicatoren/MonitorBronnen
 * are taken from the edition.
 */
export function readWorkbookData(state: WorkbookState, edition: MonitorPackage): WorkbookData {
  const tables = workbookTables(state, edition);
  if (!tables) return { kind: "none" };
  return asWorkbookData(parsePackageTables(tables, {}, IN_WORKBOOK));
}

export interface DataSheetOutcome {
  sheetName: string;
  created: boolean;
  /** A sheet named "Data" that is the user's was left alone; ours got another name. */
  clash: string | null;
  figures: number;
  /** Rows inserted below a table that grew, so that the user's cells there moved down. */
  insertedRows: number;
  /** For tables refreshed in place: cells written, rows added and deleted. */
  changes?: RefreshCounts;
  /** Excel refused refreshing the PivotTable on MonitorData after the tables were written (Excel's code, see batch.ts refusal). */
  pivotRefused?: string;
}

const noFreeName = () =>
  valueError(say(EXCEL.noFreeDataSheetName, { theirs: DATA_SHEET_NAME }));

/**
 * Writes the three monitor tables with `pkg`: fresh tables where there are none, else the
 * existing tables refreshed in place (same table, its own column order, resized). Never writes a
 * cell outside the rows a table owns: a table that grows gets rows inserted below it (the user's
 * cells there move down), and a sheet of the add-in's that now holds the user's content is not
 * written on but left alone, unmarked. Throws a MonitorError, before anything is queued, when it
 * cannot keep to that. A first load notes in `journal` what it changes (the marks it removes,
 * the blank sheet it writes on), so that a cancel or a refusal can put it back; tables refreshed
 * in place are put back before it rethrows, and `remade` then says where threaded comments were
 * made anew (table-refresh.ts).
 */
export async function writeDataSheet(batch: WriteBatch, context: Excel.RequestContext, state: WorkbookState, pkg: MonitorPackage, journal: Journal, looks?: WriteLooks, remade?: CommentsRemade[]): Promise<DataSheetOutcome> {
  const tables = dataTables(pkg);
  const existing = tables.map((t) => state.tables.get(t.name.toLowerCase()));
  const figures = pkg.observations.length;

  if (existing.every((e) => e === undefined)) {
    // Names are unique across tables and defined names: a defined name of the user's with a
    // monitor table's name stops the load before anything is written.
    const named = tables.find((t) => state.names.some((n) => n.name.toLowerCase() === t.name.toLowerCase()));
    if (named) {
      throw valueError(say(EXCEL.definedNameTaken, { name: named.name }));
    }
    const marked = state.sheets.filter((s) => s.mark?.key === DATA_KEY);
    // The add-in's own Data sheet is reused only while it holds nothing at all (no value, no
    // formatted cell, no table): anything on it now is the user's, and a blank sheet is put back
    // exactly by emptying it again.
    const own = marked.find((s) => s.content !== null && s.blank === true && ![...state.tables.values()].some((t) => t.sheetName === s.name));
    const taken = new Set(state.sheets.map((s) => s.name.toLowerCase()));
    const name = own ? own.name : freeSheetName(DATA_SHEET_NAME, taken);
    if (name === null) throw noFreeName();
    let sheet = own?.sheet;
    // Made once: the writes set them, and the undo of a blank sheet resets only the cells that still hold them.
    const formats = tables.map(tableFormats);
    const areas = tables.map((t, i) => ({ row: t.row, column: t.column, rows: t.rows.length + 1, columns: t.header.length, rightAligned: numericColumns(t), formats: formats[i], cells: [t.header, ...t.rows] }));
    await batch.queue(1000, () => {
      for (const other of marked) {
        if (other === own) continue;
        journal.markChanging(other.sheet, other.mark);
        queueRemoveMark(other.sheet);
      }
      if (sheet) {
        // Its column widths and frozen panes are the ones its first load set, or the user's since:
        // either way they stay as they are.
        journal.fillingBlank(sheet, name, areas, tables.map((t) => t.name));
      } else {
        sheet = journal.addSheet(context, name, areas, tables.map((t) => t.name));
        queueWriteMark(sheet, { key: DATA_KEY, id: null, name, print: null });
        for (const table of tables) queueColumnWidths(sheet, table.column, table.widths);
        sheet.freezePanes.freezeRows(1);
      }
    });
    // Regenerate's writes look first at the cells they cover, which must be empty (see write-looks.ts).
    for (const [i, table] of tables.entries()) await writeTable(batch, sheet as Excel.Worksheet, table, table.name, looks && { looks, sheetName: name, expected: BLANK }, formats[i]);
    const clash = !own && name !== DATA_SHEET_NAME ? DATA_SHEET_NAME : null;
    return { sheetName: name, created: !own, clash, figures, insertedRows: 0 };
  }

  const specs = [OBSERVATION_COLUMNS, INDICATOR_COLUMNS, SOURCE_COLUMNS];
  const found = tables.map((table, i) => {
    const current = existing[i];
    if (!current) {
      throw valueError(say(EXCEL.tableMissing, { table: table.name }));
    }
    return current;
  });
  // Only what changes is written (see table-refresh.ts): the user's formats, formulas, order and
  // columns stay; a cancel, a refusal by Excel or an edit meanwhile puts the tables back.
  const records = [pkg.observations, pkg.indicators, pkg.sources] as unknown as Record<string, unknown>[][];
  const targets: TableTarget[] = found.map((current, i) => {
    const spec = specs[i] as unknown as ColumnSpec<Record<string, unknown>>[];
    return {
      table: current,
      // As a new table holds them (data-columns.ts): blanks, Peildatum as Excel's date serial.
      rows: records[i].map((record) => new Map(spec.map((column) => [column.name, excelCell(column, record[column.key])]))),
      keyOf: i === 0 ? observationKeyOf : idKeyOf,
      columns: spec.map((c) => c.name),
      formatOf: (column: string, value: Cell, row?: (name: string) => Cell | undefined) => {
        const kind = spec.find((c) => c.name === column)?.kind;
        if (kind === "date") return DATE_FORMAT;
        if (column === "Waarde" && i === 0 && typeof value === "number" && row) return valueFormat(String(row("Eenheid")) as Unit, value);
        return kind === "text" ? "@" : column === "Jaar" ? WHOLE_NUMBER_FORMAT : "General";
      },
    };
  });
  const counts = await refreshTables(batch, context, state, targets, undefined, remade);
  return { sheetName: found[0].sheetName, created: false, clash: null, figures, insertedRows: counts.insertedRows, changes: counts };
}

/** A MonitorData row's key as look-ups compare it; null for a blank row. */
function observationKeyOf(cell: (column: string) => Cell | undefined): string | null {
  const [indicator, gebied, groep, leeftijd, periode, eenheid] = ["Indicator", "Gebied", "Groep", "Leeftijd", "Periode", "Eenheid"].map((c) => cellText(cell(c)));
  return [indicator, gebied, groep, periode, eenheid].every((t) => t === "") ? null : lookupKey({ indicator, gebied, groep, leeftijd, periode, eenheid: eenheid as Observation["eenheid"] });
}

/** An indicator's or a source's key: its id as users type it; null for a blank row. */
function idKeyOf(cell: (column: string) => Cell | undefined): string | null {
  const id = cellText(cell("id"));
  return id === "" ? null : normalise(id);
}

/** A record's value as MonitorData's cell: empty is a blank, a date its serial number. */
function excelCell(column: ColumnSpec<Record<string, unknown>>, value: unknown): Cell {
  if (value === null || value === undefined || value === "") return null;
  if (column.kind === "date") return serialFromIso(String(value));
  return value as Cell;
}
