/**
 * A faithful fake of the part of the Excel JavaScript API the add-in uses.
 *
 * Like Excel: every call on a proxy is queued and only reaches the workbook at `sync()`, in
 * order; a failing operation rejects the sync and later operations of that batch never run,
 * while those before it stay done (OfficeExtension.Error reference, traceMessages example: "The
 * second batch successfully inserts the third and fourth paragraphs but fails in the call to
 * insert the fifth paragraph. All other commands after the failed command in the batch are not
 * executed");
 * reading a property that was not loaded (and synced) throws PropertyNotLoaded; `isNullObject`
 * needs a load too; names follow Excel's rules (sheet names ≤ 31 characters, unique
 * case-insensitively; table names unique in the workbook); a string written as a value is read
 * as typing reads it (a formula, a number, a date, a Boolean: fake-typed-values.ts) unless it is
 * quote-prefixed or the cell is formatted as text.
 * The model it keeps is the resulting workbook, for tests to assert on; `syncs` counts syncs.
 */

import { FakeCustomXmlParts, XmlPartModel } from "./fake-xml-parts";
import { axisTitleVisible, axisVisible, chartAreaFill, ChartFontModel, chartStyle, ChartStylingModel, fakeChartFont, fakeDataTable, fakeGridlines, seriesStyling, titleVisible } from "./fake-chart-styling";
import { alignmentOf, applyCellFormats, borderOf, CELL_FORMAT_KEYS, CellFormatsModel, fillOf, fontExtrasOf } from "./fake-cell-formats";
import { entered, newRowFormatReading } from "./fake-typed-values";
import { calculatedColumns, fillCalculated } from "./fake-calculated-columns";
import { defaultSheetSettings, fakePageLayout, fakeProtection, SheetSettingsModel, worksheetSettingValues } from "./fake-sheet-settings";

/** The most merged areas Range.getMergedAreasOrNullObject answers for (see FakeRange.getMergedAreasOrNullObject). */
export const MERGED_AREAS_LIMIT = 512;

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/** A cell; the rest of what Format Cells sets (alignment, protection, more of the font, fill and borders) is in CellFormatsModel (fake-cell-formats.ts). */
export interface CellModel extends CellFormatsModel {
  value: string | number | boolean | null;
  formula: string | null;
  numberFormat: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  // ── Formats and cell properties a user may add (issue 14; see the section "What Excel keeps
  // beside values" below for what reads them).
  fill?: string;
  fontName?: string;
  underline?: string;
  /** Border styles by the keys of Excel.CellBorderCollection (see CELL_BORDERS): { bottom: "Continuous" }. */
  borders?: Partial<Record<(typeof CELL_BORDERS)[number], string>>;
  horizontalAlignment?: string;
  hyperlink?: { address?: string; documentReference?: string; textToDisplay?: string };
  /** The cell's style by name (Range.style, ExcelApi 1.7); absent: "Normal". */
  style?: string;
  /**
   * A dynamic-array formula's spill, on its anchor cell (the cell with the formula): its results
   * fill `rows` × `columns` cells from the anchor, right and down ("Some Excel formulas return
   * dynamic arrays. These fill the values of multiple cells outside of the formula's original
   * cell. This value overflow is referred to as a 'spill'", "Handle dynamic arrays and spilling
   * using the Excel JavaScript API", excel-add-ins-ranges-dynamic-arrays). The fake has no
   * calculation engine: a test sets the spill's size with the formula, the spilled-into cells
   * hold nothing of their own, and what the add-in can see of it is Range.getSpillingToRangeOrNullObject
   * and getSpillParentOrNullObject (ExcelApi 1.12), and refuseShift's refusal.
   */
  spill?: { rows: number; columns: number };
}

export interface Box {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/**
 * A conditional format or data validation rule over a box. Conditional formats: `type` "Custom"
 * (the default; `formula` is its rule's formula) or "CellValue" (`formula` and `formula2` its
 * bounds). Validation: "Custom" (the default; `formula`), "List" (`formula` its source) or
 * "Decimal" (`formula`, `formula2`).
 */
export interface RuleModel extends Box {
  type?: string;
  formula?: string;
  formula2?: string;
  /** Validation only, each absent while it is as a new rule has it (DataValidation.ignoreBlanks true; no input message; a Stop alert without texts). */
  ignoreBlanks?: boolean;
  prompt?: { showPrompt: boolean; title: string; message: string };
  errorAlert?: { showAlert: boolean; style: string; title: string; message: string };
}

/** What a validation rule of the fake has where RuleModel leaves them out (DataValidation, ExcelApi 1.8; the docs give no defaults, these are Excel's Data Validation dialog's). */
const VALIDATION_DEFAULTS = { ignoreBlanks: true, prompt: { showPrompt: true, title: "", message: "" }, errorAlert: { showAlert: true, style: "Stop", title: "", message: "" } };

/**
 * A threaded comment on a cell (Comment, ExcelApi 1.10): its content, author and creation date
 * (read-only in Office.js), whether its thread is resolved (1.11), and its replies, each with its
 * own content, author and date. Tests may leave out what they do not look at.
 */
export interface CommentModel {
  row: number;
  column: number;
  text: string;
  author?: string;
  date?: string;
  resolved?: boolean;
  replies?: { text: string; author?: string; date?: string }[];
}

export class SheetModel {
  readonly cells = new Map<string, CellModel>();
  readonly customProperties = new Map<string, string>();
  readonly charts: ChartModel[] = [];
  readonly columnWidths = new Map<number, number>();
  frozenRows = 0;
  // ── What Excel keeps on a sheet beside values and formats (issue 14): each read by the add-in
  // through the API named in the section "What Excel keeps beside values".
  frozenColumns = 0;
  readonly rowHeights = new Map<number, number>();
  merges: Box[] = [];
  /** Notes (ExcelApi 1.18) and threaded comments (ExcelApi 1.10), by cell. */
  notes: { row: number; column: number; text: string }[] = [];
  comments: CommentModel[] = [];
  /** Conditional formats and data validation rules: where they apply and, for those that have one, their formula (see "Rules" below). */
  conditionalFormats: RuleModel[] = [];
  dataValidations: RuleModel[] = [];
  /** Shapes and pictures (ExcelApi 1.9); charts are separate, as in Office.js. */
  shapes: { name: string; type: string }[] = [];
  visibility: "Visible" | "Hidden" = "Visible";
  // ── Beyond the used range and the sheet as a whole (review 2, D1 and D5; see fake-sheet-settings.ts) ──
  /** Columns and rows a user hid (Range.columnHidden / rowHidden, ExcelApi 1.2; getColumnProperties / getRowProperties, 1.9). */
  readonly hiddenColumns = new Set<number>();
  readonly hiddenRows = new Set<number>();
  /** Tab colour, gridlines, headings, protection, page layout: as a new sheet has them until a user changes them. */
  settings: SheetSettingsModel = defaultSheetSettings();
  // ── end D1/D5 ──
  constructor(
    readonly id: string,
    public name: string,
  ) {}

  cell(row: number, column: number): CellModel {
    const key = `${row},${column}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: null, formula: null, numberFormat: "General" };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /**
   * The smallest box holding every cell with a value or formula (valuesOnly), or also every cell
   * with a format of its own (the default: "the used range … including formatted cells", Excel
   * API reference, Worksheet.getUsedRange); null when there is none.
   */
  usedBox(valuesOnly = true, within?: Box): Box | null {
    let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    for (const [key, cell] of this.cells) {
      if (cell.formula === null && (cell.value === null || cell.value === "") && (valuesOnly || !hasOwnFormat(cell))) continue;
      const [row, column] = key.split(",").map(Number);
      if (within && !overlaps({ row, column, rows: 1, columns: 1 }, within)) continue;
      [top, left, bottom, right] = [Math.min(top, row), Math.min(left, column), Math.max(bottom, row), Math.max(right, column)];
    }
    return bottom < 0 ? null : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /**
   * Values of a box as a 2-D array ("" for empty cells, as Excel returns them): each cell's
   * formula or constant, or (`results`, what `Range.values` reads) each formula's result as
   * `formulaResult` gives it.
   */
  values(box: Box, results = false): (string | number | boolean)[][] {
    return Array.from({ length: box.rows }, (_, r) =>
      Array.from({ length: box.columns }, (_, c) => {
        const cell = this.cells.get(`${box.row + r},${box.column + c}`);
        if (results && cell?.formula) return formulaResult(cell);
        return cell?.formula ?? cell?.value ?? "";
      }),
    );
  }
}

/**
 * What `Range.values` reads for a formula cell: "use range.values to … read calculated results
 * from cells; … range.formulas to … read the formula strings" (Microsoft Learn, "Set or get
 * Excel range values, text, and formulas", excel-add-ins-ranges-set-get-values), and "cells that
 * contain an error will return the error string" (Excel.Range.values reference). Never the
 * formula's text. The fake has no calculation engine, so it gives, in this order:
 * - the result a test stored with the formula (`value`), as Excel calculated it;
 * - the result of a formula of constants only (`=1200+53`, `=(2+3)*4`, `=1/0` is "#DIV/0!"),
 *   which depends on no other cell, so it is right whether or not calculation is stale;
 * - otherwise "#CALC!", the error string Excel's calculation engine gives for what it cannot
 *   calculate (Excel.CalcErrorCellValue: its basicValue "#CALC!" is "the value that would be
 *   returned by Range.values"). An error string, not a guess: code that reads it must treat it
 *   as Excel's error, as it would in Excel; a test that needs a real result stores it in `value`.
 */
export function formulaResult(cell: Pick<CellModel, "value" | "formula">): string | number | boolean {
  if (cell.value !== null) return cell.value;
  const result = cell.formula ? constantArithmetic(cell.formula.slice(1)) : null;
  if (result === null) return "#CALC!";
  return Number.isFinite(result) ? result : "#DIV/0!";
}

/** A formula of numbers, + - * / and parentheses, evaluated (Infinity or NaN for a division by zero); null for anything else. */
function constantArithmetic(text: string): number | null {
  const tokens = text.match(/\d+(?:\.\d+)?|[-+*/()]|\S/g) ?? [];
  let at = 0;
  const peek = () => tokens[at];
  function primary(): number | null {
    const token = tokens[at++];
    if (token === "-" || token === "+") {
      const operand = primary();
      return operand === null ? null : token === "-" ? -operand : operand;
    }
    if (token === "(") {
      const inner = sum();
      return inner !== null && tokens[at++] === ")" ? inner : null;
    }
    return token !== undefined && /^\d/.test(token) ? Number(token) : null;
  }
  function product(): number | null {
    let left = primary();
    while (left !== null && (peek() === "*" || peek() === "/")) {
      const operator = tokens[at++];
      const right = primary();
      left = right === null ? null : operator === "*" ? left * right : left / right;
    }
    return left;
  }
  function sum(): number | null {
    let left = product();
    while (left !== null && (peek() === "+" || peek() === "-")) {
      const operator = tokens[at++];
      const right = product();
      left = right === null ? null : operator === "+" ? left + right : left - right;
    }
    return left;
  }
  const result = tokens.length > 0 ? sum() : null;
  return at === tokens.length ? result : null;
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  box: Box;
  style: string;
  /**
   * The table's style options as a user sets them on Table Design (Table.showTotals ExcelApi 1.1;
   * showBandedRows, showBandedColumns, showFilterButton 1.3). Unset: as Excel makes a new table
   * (no total row, banded rows, no banded columns, filter buttons; the reference lists the
   * properties, not their defaults: the fake takes those of Excel's Format as Table). With
   * showTotals the total row is the last row of `box` (see FakeTable.showTotals).
   */
  showTotals?: boolean;
  showBandedRows?: boolean;
  showBandedColumns?: boolean;
  showFilterButton?: boolean;
  /**
   * A filter the user set on one of its columns (Table.autoFilter, ExcelApi 1.9: isDataFiltered
   * "Specifies if the AutoFilter has filter criteria"); Table.clearFilters (1.2) takes it off.
   * The fake does not hide the rows it filters out (the add-in reads every row whatever is shown:
   * Range.values ignores visibility); it refuses moving the table's cells (see refuseShift).
   */
  filtered?: boolean;
}

export interface ChartModel {
  name: string;
  type: string;
  source: Box;
  seriesBy: string;
  title: string | null;
  categoryAxisTitle: string | null;
  valueAxisTitle: string | null;
  valueAxisNumberFormat: string | null;
  legendPosition: string | null;
  position: { start: string; end: string } | null;
  seriesColours: string[];
  pointColours: string[];
  dataLabels: { showValue?: boolean; numberFormat?: string; showCategoryName?: boolean; showSeriesName?: boolean; showPercentage?: boolean; position?: string };
  /** Data labels a user switched on for one series (ChartSeries.hasDataLabels, ExcelApi 1.7) or one point of the first (ChartPoint.hasDataLabel, 1.7). */
  seriesDataLabels?: boolean[];
  /**
   * Where each series takes its values and categories from when a user pointed them elsewhere
   * (Select Data; a chart on their own sheet that plots an indicator sheet's cells), as
   * ChartSeries.getDimensionDataSourceString (ExcelApi 1.15) gives them. Without it a series
   * reads from its chart's own source on its own sheet, as Excel made it.
   */
  dataSources?: { values: string; categories: string }[];
  pointDataLabels?: boolean[];
  /**
   * Axis settings as set (ChartAxis: reversePlotOrder and tickLabelSpacing ExcelApi 1.7, position
   * — where the other axis crosses this one — 1.8, minimum 1.1; @types/office-js documents them).
   */
  axisSettings: { category: AxisSettings; value: AxisSettings };
  /** Review 2, D6: styling a user sets on the Format pane (gridlines, fonts, chart area, series names, gap width, markers); see fake-chart-styling.ts. */
  styling?: ChartStylingModel;
}

export interface AxisSettings {
  reversePlotOrder?: boolean;
  /** A bound set (ChartAxis.minimum and maximum, ExcelApi 1.1); unset: automatic (see FakeChartAxis). */
  minimum?: number;
  maximum?: number;
  position?: string;
  tickLabelSpacing?: number;
  /** The category axis's number format (ChartAxis.numberFormat, 1.8); the value axis's is ChartModel.valueAxisNumberFormat. */
  numberFormat?: string;
}

/** A change of the add-in's own sync, for the events Excel raises after it (WorkbookModel.raiseChanges). */
interface OwnChange {
  sheet: SheetModel;
  address: string;
  changeType: string;
  tables: { table: TableModel; address: string }[];
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  /** PivotTables, in the section on PivotTables at the end of this file. */
  pivots: PivotModel[] = [];
  /** The user's selection (sheet name and box); the first sheet's A1 when not set. */
  selection: { sheet: string; box: Box } | null = null;
  /**
   * Handlers registered with table.onChanged, per table: a table that is deleted takes its
   * handlers with it, and a table re-created under the same name has none ("Work with events
   * using the Excel JavaScript API": events are registered on an object). `fireTableChanged`
   * calls them, and those registered on the workbook's table collection, which fire for every table.
   */
  readonly tableChangeHandlers = new Map<TableModel, ((event: unknown) => unknown)[]>();
  readonly tableCollectionChangeHandlers: ((event: unknown) => unknown)[] = [];
  /** Handlers registered with WorksheetCollection.onCalculated (ExcelApi 1.8), which `calculated` calls. */
  readonly calculatedHandlers: ((event: unknown) => unknown)[] = [];
  /** Handlers registered with TableCollection.onDeleted (ExcelApi 1.9), which `deleteTable` calls. */
  readonly tableDeleteHandlers: ((event: unknown) => unknown)[] = [];
  /** Handlers registered with worksheets.onChanged (WorksheetCollection.onChanged, ExcelApi 1.9): every sheet's changes. */
  readonly worksheetCollectionChangeHandlers: ((event: unknown) => unknown)[] = [];
  /** The handlers' work for the change events of the add-in's own syncs, while it runs (see raiseChanges): what `settled` waits for. */
  private readonly delivering = new Set<Promise<unknown>>();
  readonly settings = new Map<string, unknown>();
  /**
   * Makes Excel refuse a sync, as it may with InsertDeleteConflict or GeneralException after
   * earlier syncs already wrote (docs/testing/application-specific-api-error-handling.md):
   * given the bytes of the values, formats and formulas the request sends (its calls not
   * counted, so a sync that only reads sends 0), the error code to refuse it with, or null. A
   * refused command leaves the commands before it done (see the top of this file); which command
   * Excel refuses when it refuses a request as a whole is not documented: the fake takes the
   * worst reading, the first half of the batch ran.
   */
  refuse: ((requestBytes: number) => string | null) | null = null;
  /** How much of a batch `refuse` refuses runs: the first half (above), or all of it with nothing of its answer back (as the fake takes a refused response, see sync). */
  refusedRuns: "half" | "all" = "half";
  /**
   * What the user does in Excel between two of the add-in's syncs (Excel runs its batches one at
   * a time, and the user's own edits in between): called at the start of each sync, before any
   * of its operations run, with the bytes of the values, formats and formulas it sends (as `refuse`).
   */
  meanwhile: ((requestBytes: number) => void) | null = null;
  /** Defined names (ExcelApi 1.4): workbook-scoped (sheet null) or a sheet's own. */
  names: { name: string; formula: string; sheet: SheetModel | null }[] = [];
  /**
   * The latest ExcelApi requirement set this Excel supports, as fakeRun tells the add-in through
   * Office.context.requirements.isSetSupported: by default Microsoft 365's (notes are 1.18); set
   * an older one ("1.15": Excel 2021 without chart colours or notes) to model an older Excel.
   */
  excelApi = "1.18";
  /**
   * Who runs the add-in: the author Excel gives a comment or reply the add-in adds (see
   * FakeCommentCollection.add), as it would the user's own from the interface.
   */
  currentUser = "Huidige gebruiker";
  /** Custom XML parts (ExcelApi 1.5), see fake-xml-parts.ts. */
  customXmlParts: XmlPartModel[] = [];
  calculationSuspendedSyncs = 0;
  /**
   * Excel's AutoCorrect option "Fill formulas in tables to create calculated columns" (File ›
   * Options › Proofing › AutoCorrect Options › AutoFormat As You Type), on unless the user turned
   * it off: with it, rows a table gains get its calculated columns' formulas, through the API as
   * well (office-js #2093, #6745; see fake-calculated-columns.ts).
   */
  fillCalculatedColumns = true;
  /** For each sync: whether calculation was suspended for it, how many cells it wrote, its request's bytes and its response's. */
  readonly batches: { suspended: boolean; cellsWritten: number; bytes: number; responseBytes: number }[] = [];
  cellsWritten = 0;
  /** Every `application.calculate(type)` in order. */
  calculations: string[] = [];
  /**
   * Cells were written while API calculation was suspended, so formulas depending on them show
   * old results until the add-in recalculates: "it is the developer's responsibility to re-calc
   * the workbook" (ExcelApi reference, Application.suspendApiCalculationUntilNextSync).
   * A "Full" or "FullRebuild" calculation brings them up to date; "Recalculate" does not: it
   * recalculates the cells "Excel has marked as dirty" (Excel.CalculationType), and whether cells
   * written with calculation suspended are marked is not documented, so the fake takes the worst
   * reading, that they are not. It never re-runs the add-in's custom
   * functions: Excel does not re-run non-volatile custom functions on a recalculation, Calculate
   * Now included (office-js #1462; on opening a workbook neither, #1567, "by design").
   */
  dependentsStale = false;
  private nextId = 1;

  addSheet(name: string): SheetModel {
    checkSheetName(name);
    if (this.sheetNamed(name)) throw new OfficeError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
    const sheet = new SheetModel(`{sheet-${this.nextId++}}`, name);
    this.sheets.push(sheet);
    return sheet;
  }

  sheetNamed(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * What Excel does when the user copies a sheet: the cells, charts, widths and panes come
   * along, but not the worksheet's custom properties (so not the add-in's mark): "by design",
   * office-js #5486. The copy gets a new id and its tables new names. `before`: English Excel
   * places the copy before the original.
   */
  copySheet(name: string, copyName: string, before = false): SheetModel {
    const original = this.sheetNamed(name);
    if (!original) throw new Error(`no sheet ${name}`);
    checkSheetName(copyName);
    const copy = new SheetModel(`{sheet-${this.nextId++}}`, copyName);
    for (const [key, cell] of original.cells) copy.cells.set(key, { ...cell });
    for (const chart of original.charts) copy.charts.push(structuredClone(chart));
    for (const [column, width] of original.columnWidths) copy.columnWidths.set(column, width);
    copy.frozenRows = original.frozenRows;
    copy.frozenColumns = original.frozenColumns;
    for (const [row, height] of original.rowHeights) copy.rowHeights.set(row, height);
    Object.assign(copy, structuredClone({ merges: original.merges, notes: original.notes, comments: original.comments, conditionalFormats: original.conditionalFormats, dataValidations: original.dataValidations, shapes: original.shapes }));
    // Review 2, D1/D5: a copy has the sheet's hidden columns and rows and its settings (tab colour, page layout…), taken to be as Excel's Move or Copy gives them (not verified from this machine).
    Object.assign(copy, structuredClone({ settings: original.settings }));
    for (const c of original.hiddenColumns) copy.hiddenColumns.add(c);
    for (const r of original.hiddenRows) copy.hiddenRows.add(r);
    for (const table of this.tables.filter((t) => t.sheet === original)) {
      let n = 2;
      while (this.tables.some((t) => t.name.toLowerCase() === `${table.name}${n}`.toLowerCase())) n++;
      this.tables.push({ ...table, name: `${table.name}${n}`, sheet: copy, box: { ...table.box } });
    }
    this.sheets.splice(this.sheets.indexOf(original) + (before ? 0 : 1), 0, copy);
    return copy;
  }

  /**
   * What Excel does after the user changed a table: call its onChanged handlers and the table
   * collection's, with an Excel.TableChangedEventArgs naming the table's id, the changed area's
   * address on its sheet (ExcelApi 1.7) and the kind of change, and the worksheet collection's
   * with an Excel.WorksheetChangedEventArgs, whose triggerSource (ExcelApi 1.14) is "Unknown":
   * not the add-in's. Without an address: the whole table.
   */
  async fireTableChanged(name: string, address?: string, changeType = "RangeEdited"): Promise<void> {
    const table = this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (!table) throw new Error(`no table ${name}`);
    const at = address ?? toAddress(table.box);
    const event = { type: "TableChanged", source: "Local", tableId: tableIdOf(table), worksheetId: table.sheet.id, address: at, changeType };
    for (const handler of [...(this.tableChangeHandlers.get(table) ?? []), ...this.tableCollectionChangeHandlers]) await handler(event);
    for (const handler of this.worksheetCollectionChangeHandlers) await handler(this.sheetEvent(table.sheet, at, changeType, "Unknown"));
  }

  /**
   * Excel.WorksheetChangedEventArgs (ExcelApi 1.7) for a change of `sheet` at `address`;
   * `triggerSource` ("Represents the trigger source of the event. For example, identifies whether
   * this local add-in triggers the event", EventTriggerSource: "ThisLocalAddin" or "Unknown") only
   * where Excel has ExcelApi 1.14, as the property came with it.
   */
  private sheetEvent(sheet: SheetModel, address: string, changeType: string, triggerSource: "ThisLocalAddin" | "Unknown") {
    return { type: "WorksheetChanged", source: "Local", worksheetId: sheet.id, address, changeType, ...(newerVersion("1.14", this.excelApi) ? {} : { triggerSource }) };
  }

  /**
   * What Excel does after a sync of the add-in's changed cells (`changes`, in order; review
   * R15): it raises the change events for them too. "Events within an Excel workbook can be
   * triggered by: … Office Add-in (JavaScript) code that changes the workbook" ("Work with
   * events using the Excel JavaScript API", Event triggers), with triggerSource
   * "ThisLocalAddin" ("The event is triggered by the Office JS API of the current add-in",
   * Excel.EventTriggerSource, ExcelApi 1.14) on a worksheet's event; a table's event
   * (TableChangedEventArgs) has no triggerSource. They come after the batch, not during it
   * ("the onTableChanged callback is only invoked after the update context is finished. i
   * believe the callback is asynchronous", office-js #1122): the fake raises them a turn of the
   * event loop after the sync, when the add-in's code after `await context.sync()` has run on.
   * How Excel cuts a batch's changes into events is not documented: the fake raises one per
   * change (a range written, a row added), the most events the add-in may have to take.
   */
  raiseChanges(changes: readonly OwnChange[]): void {
    if (changes.length === 0) return;
    const delivery: Promise<void> = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(async () => {
      for (const { sheet, address, changeType, tables } of changes) {
        // A table deleted since (in the same batch) raises nothing: its handlers went with it.
        for (const { table, address: inTable } of tables.filter((t) => this.tables.includes(t.table))) {
          const event = { type: "TableChanged", source: "Local", tableId: tableIdOf(table), worksheetId: sheet.id, address: inTable, changeType };
          for (const handler of [...(this.tableChangeHandlers.get(table) ?? []), ...this.tableCollectionChangeHandlers]) await handler(event);
        }
        for (const handler of this.worksheetCollectionChangeHandlers) await handler(this.sheetEvent(sheet, address, changeType, "ThisLocalAddin"));
      }
    });
    const tracked = delivery.catch(() => undefined).finally(() => this.delivering.delete(tracked));
    this.delivering.add(tracked);
  }

  /** Waits until the change events of the add-in's syncs so far, and the handlers' work for them, are done (a test's "later"). */
  async settled(): Promise<void> {
    while (this.delivering.size) await Promise.all([...this.delivering]);
  }

  /**
   * What Excel does when the user deletes a table (its rows with it): it calls the handlers of
   * TableCollection.onDeleted with an Excel.TableDeletedEventArgs (ExcelApi 1.9: tableId,
   * tableName, worksheetId). A table the user renames raises no event: the TableCollection's
   * events are onAdded, onChanged, onDeleted and onFiltered, and the Table's onChanged,
   * onFiltered and onSelectionChanged (Excel API reference), none for a name; a test renames
   * by setting `name` on the model.
   */
  async deleteTable(name: string): Promise<void> {
    const table = this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (!table) throw new Error(`no table ${name}`);
    for (let r = 0; r < table.box.rows; r++) for (let c = 0; c < table.box.columns; c++) table.sheet.cells.delete(`${table.box.row + r},${table.box.column + c}`);
    this.tables = this.tables.filter((t) => t !== table);
    this.tableChangeHandlers.delete(table);
    const event = { type: "TableDeleted", source: "Local", tableId: tableIdOf(table), tableName: table.name, worksheetId: table.sheet.id };
    for (const handler of [...this.tableDeleteHandlers]) await handler(event);
  }

  /**
   * What Excel does after it calculated a sheet: "Occurs when any worksheet in the workbook is
   * calculated" (WorksheetCollection.onCalculated, ExcelApi 1.8), with an
   * Excel.WorksheetCalculatedEventArgs naming the sheet's id and (ExcelApi 1.11) "the address
   * of the range that completed calculation". The fake has no calculation engine: a test gives
   * each recalculated formula cell its new result (`results`: (row, column) of `sheet` and
   * the value), as Excel's calculation would, and then the event comes. Which sheet Excel
   * names when a formula on one sheet depends on a cell of another is not documented; a
   * test names the sheet of the formulas.
   */
  async calculated(sheetName: string, results: { row: number; column: number; value: string | number | boolean }[]): Promise<void> {
    const sheet = this.sheetNamed(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    for (const { row, column, value } of results) sheet.cell(row, column).value = value;
    const address = results.map(({ row, column }) => toAddress({ row, column, rows: 1, columns: 1 })).join(",");
    for (const handler of [...this.calculatedHandlers]) await handler({ type: "WorksheetCalculated", worksheetId: sheet.id, address });
  }

  /** The user types `values` into a table from (row, column) of its sheet (0-based); Excel then reports the change with its address. */
  async editTable(name: string, row: number, column: number, values: (string | number | boolean | null)[][]): Promise<void> {
    const table = this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (!table) throw new Error(`no table ${name}`);
    values.forEach((cells, r) => cells.forEach((value, c) => Object.assign(table.sheet.cell(row + r, column + c), { value, formula: null })));
    await this.fireTableChanged(name, toAddress({ row, column, rows: values.length, columns: values[0].length }));
  }

  /** A readable picture of the workbook for assertions: sheets in order with what is on them. */
  describe() {
    return this.sheets.map((s) => ({
      name: s.name,
      properties: Object.fromEntries(s.customProperties),
      tables: this.tables.filter((t) => t.sheet === s).map((t) => t.name),
      charts: s.charts.map((c) => c.type),
    }));
  }
}

function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name)) throw new OfficeError("InvalidArgument", `'${name}' is not a valid sheet name.`);
}

export function parseAddress(address: string): Box & { sheet?: string } {
  const match = /^(?:'?((?:[^']|'')+?)'?!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(address);
  if (!match) throw new OfficeError("InvalidArgument", `'${address}' is not an address.`);
  const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const [r1, c1] = [Number(match[3]) - 1, column(match[2])];
  const [r2, c2] = match[4] ? [Number(match[5]) - 1, column(match[4])] : [r1, c1];
  return { sheet: match[1]?.replace(/''/g, "'"), row: r1, column: c1, rows: r2 - r1 + 1, columns: c2 - c1 + 1 };
}

/**
 * A sheet's name as Excel writes it in an address: quoted, a quote inside doubled, unless it is
 * plain letters, digits and "_" (office-js #512: "Sheet1!A1:A1", "'Two Names'!A1:A1",
 * "'Sheet''s With Apostrophe'!A1:A1"; #299: the same for any space). Which other names Excel
 * leaves unquoted (letters with accents, a name like a cell, "A1") is not documented: the fake
 * quotes them, the reading that tests more of the add-in's parsing.
 */
export const sheetInAddress = (name: string): string => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

export function toAddress(box: Box): string {
  const letters = (c: number): string => (c >= 26 ? letters(Math.floor(c / 26) - 1) : "") + String.fromCharCode(65 + (c % 26));
  const start = `${letters(box.column)}${box.row + 1}`;
  return box.rows === 1 && box.columns === 1 ? start : `${start}:${letters(box.column + box.columns - 1)}${box.row + box.rows}`;
}

const overlaps = (a: Box, b: Box) => a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
/** The cells two overlapping boxes share. */
function intersection(a: Box, b: Box): Box {
  const [row, column] = [Math.max(a.row, b.row), Math.max(a.column, b.column)];
  return { row, column, rows: Math.min(a.row + a.rows, b.row + b.rows) - row, columns: Math.min(a.column + a.columns, b.column + b.columns) - column };
}

const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/**
 * What `data` weighs in a request or a response to Excel: the bytes of its JSON in UTF-8, not its
 * characters. Excel on the web refuses "a request or a response over 5 MB"
 * (../shared/excel/README.md, "Size limits"; docs/excel/performance.md): megabytes, a measure of
 * bytes, and a JSON text that goes between systems is UTF-8 (RFC 8259, 8.1). So a letter with an
 * accent weighs two bytes, a Chinese character three, an emoji (two UTF-16 units) four: a Dutch,
 * Arabic or Chinese text of 2 million characters is 4 to 6 MB, not 2. Every weight the fake puts
 * on data, sent or answered, is this one.
 */
export const payloadBytes = (data: unknown): number => utf8Length(JSON.stringify(data ?? null));

/** The bytes of `text` in UTF-8, counted by hand: the fake runs in the browser too (the e2e pane), where Node's Buffer is not. A surrogate pair is four; JSON.stringify leaves no lone surrogate. */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) bytes += 1;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/**
 * "The payload size of a request combines: the number of API calls, the number of objects, such
 * as Range objects, the length of the value to set or get" (docs/excel/performance.md, "Payload
 * size limit best practices"; ../shared/excel/README.md, "Size limits"). Microsoft gives no
 * figures. Office.js's JSON request spells out, for a call, an action
 * (`{"Id":12,"ActionType":3,"Name":"delete","ObjectPathId":11}`, about 60 characters) and the
 * object path it acts on with the action that instantiates it (`"11":{"Id":11,"ObjectPathType":3,
 * "Name":"getItemAt","ParentObjectPathId":10,"ArgumentInfo":{"Arguments":[5]}}` and
 * `{"Id":13,"ActionType":1,"Name":"","ObjectPathId":11}`, about 120): the fake weighs every
 * queued call (a load, a property set, a method) at 180 bytes with its object, besides the
 * values it sends. The docs' own example, 10,000 single-cell ranges each given a value in one
 * sync, "would likely exceed the 5MB payload size limit in a real-world situation": 1.8 MB
 * here, the kinder side, so a loop of calls the fake refuses Excel refuses too.
 */
export const CALL_BYTES = 180;

/** The request context: the queue of operations, `sync`, and the count of syncs. */
export class FakeContext {
  syncs = 0;
  private queue: (() => void)[] = [];
  /** What the queued operations would weigh in a request to Excel: their calls (CALL_BYTES each) and the values, formats and formulas sent. */
  private pendingBytes = 0;
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;

  constructor(readonly model: WorkbookModel = new WorkbookModel()) {
    this.workbook = new FakeWorkbook(this);
    this.application = this.workbook.application;
  }

  /** True while a sync runs the queued operations: what they do is Excel's work, not the add-in's request. */
  private running = false;
  /** The cells the running sync's operations changed, for the change events Excel raises after it (WorkbookModel.raiseChanges). */
  private changes: OwnChange[] = [];

  /**
   * An operation of the running sync changed the data of `box` on `sheet` (values, formulas,
   * rows): Excel raises onChanged for it, for the sheet and for each table there whose cells it
   * changed (taken as the tables are now: before a delete shifts them, after an insert).
   */
  changed(sheet: SheetModel, box: Box, changeType = "RangeEdited"): void {
    const tables = this.model.tables.filter((t) => t.sheet === sheet && overlaps(t.box, box)).map((table) => ({ table, address: toAddress(intersection(table.box, box)) }));
    this.changes.push({ sheet, address: toAddress(box), changeType, tables });
  }

  enqueue(operation: () => void): void {
    if (!this.running) this.pendingBytes += CALL_BYTES;
    this.queue.push(operation);
  }

  /** Counts the payload of data sent with the next sync (2-D arrays of values, formats, formulas), in bytes (payloadBytes). */
  addPayload(data: unknown): void {
    const bytes = payloadBytes(data);
    this.pendingBytes += bytes;
    this.pendingDataBytes += bytes;
  }

  /** The part of pendingBytes that is data (values, formats, formulas), for WorkbookModel.refuse. */
  private pendingDataBytes = 0;

  /** What the loads of the running sync return (their JSON's bytes, payloadBytes), for the response limit. */
  responseBytes = 0;
  /** While a batch refused whole runs (WorkbookModel.refusedRuns "all"): its loads answer nothing. */
  unanswered = false;

  async sync(): Promise<void> {
    this.syncs++;
    const batch = this.queue;
    const bytes = this.pendingBytes;
    const dataBytes = this.pendingDataBytes;
    this.queue = [];
    this.pendingBytes = 0;
    this.pendingDataBytes = 0;
    this.responseBytes = 0;
    const written = this.model.cellsWritten;
    // Excel on the web refuses a request over 5 MB, and a response over 5 MB as well
    // (docs/excel/performance.md, "payload size limits"; error codes from
    // docs/testing/application-specific-api-error-handling.md). A refused request runs nothing;
    // for a refused response the docs do not say whether the batch ran: the fake assumes the
    // worst, that it did.
    if (bytes > PAYLOAD_LIMIT) {
      this.model.batches.push({ suspended: this.model.calculationSuspendedSyncs > 0, cellsWritten: 0, bytes, responseBytes: 0 });
      throw new OfficeError("RequestPayloadSizeLimitExceeded", `The request payload (${bytes} bytes) exceeds the 5 MB limit.`);
    }
    this.model.meanwhile?.(dataBytes);
    const refused = this.model.refuse?.(dataBytes) ?? null;
    this.running = true;
    try {
      if (refused) {
        this.unanswered = this.model.refusedRuns === "all";
        try {
          for (const operation of batch.slice(0, this.unanswered ? batch.length : Math.floor(batch.length / 2))) operation();
        } finally {
          this.unanswered = false;
        }
        throw new OfficeError(refused, "The request could not be processed.");
      }
      for (const operation of batch) operation(); // throws out of the batch, like Excel
      if (this.responseBytes > PAYLOAD_LIMIT) throw new OfficeError("ResponsePayloadSizeLimitExceeded", `The response payload (${this.responseBytes} bytes) exceeds the 5 MB limit.`);
    } finally {
      this.running = false;
      // What ran changed the workbook, refused batch or not: Excel tells of it after the sync.
      this.model.raiseChanges(this.changes);
      this.changes = [];
      this.model.batches.push({ suspended: this.model.calculationSuspendedSyncs > 0, cellsWritten: this.model.cellsWritten - written, bytes, responseBytes: this.responseBytes });
      if (this.model.calculationSuspendedSyncs > 0 && this.model.cellsWritten > written) this.model.dependentsStale = true;
      if (this.model.calculationSuspendedSyncs > 0) this.model.calculationSuspendedSyncs--;
    }
  }
}

type Resolver<M> = () => M | null;

/** Base of every proxy: queued loads, PropertyNotLoaded, isNullObject. */
class ClientObject<M> {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    protected readonly context: FakeContext,
    protected readonly resolver: Resolver<M>,
  ) {}

  protected model(): M {
    const model = this.resolver();
    if (model === null) throw new OfficeError("ItemNotFound", `${this.constructor.name}: the requested resource does not exist.`);
    return model;
  }

  /** Properties the fake can read from the model: subclasses map names to values. */
  protected readProperty(_model: M, name: string): unknown {
    throw new OfficeError("InvalidArgument", `${this.constructor.name} cannot load '${name}'.`);
  }

  load(properties?: string | string[]): this {
    const names = (Array.isArray(properties) ? properties : (properties ?? "").split(",")).map((p) => p.trim()).filter(Boolean);
    this.context.enqueue(() => this.snapshot(names));
    return this;
  }

  /** Copies the named properties from the model, as a sync does for a queued load. */
  snapshot(names: string[]): void {
    if (this.context.unanswered) return;
    const model = this.resolver();
    this.nullState = model === null;
    if (model === null) return;
    for (const name of names) {
      const value = this.readProperty(model, name);
      this.context.responseBytes += payloadBytes(value);
      this.loaded.set(name, value);
    }
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new OfficeError("PropertyNotLoaded", "isNullObject is known only after load() and sync().");
    return this.nullState;
  }

  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) throw new OfficeError("PropertyNotLoaded", `The property '${name}' is not available. Call load() and sync() before reading it.`);
    return this.loaded.get(name) as T;
  }

  protected set(apply: (model: M) => void): void {
    this.context.enqueue(() => apply(this.model()));
  }
}

/** A collection proxy: load("items/x,items/y") gives `items`, each a proxy bound to its model. */
abstract class CollectionObject<M, P extends ClientObject<M>> extends ClientObject<M[]> {
  private loadedItems: P[] | undefined;
  protected abstract wrap(item: M): P;

  /**
   * Loads the items' properties: named ("items/name,items/formula"), or as load options (the
   * Excel.Interfaces.*CollectionLoadOptions objects: each property `true`, and the
   * CollectionLoadOptions "to load properties of only a subset of members of a collection":
   * `$skip`, the items "to be skipped and not included in the result", and `$top`, "the number
   * of items in the queried collection to be included in the result"), as the collection is when
   * the sync runs. A page past the end answers no items (the reference is silent; an empty page is
   * the reading a reader of pages needs to stop, and the safe one).
   */
  override load(properties?: string | string[] | Record<string, unknown>): this {
    const options = typeof properties === "object" && !Array.isArray(properties) ? properties : null;
    const listed: string[] = options ? Object.keys(options).filter((key) => !key.startsWith("$") && options[key] === true) : Array.isArray(properties) ? properties : ((properties as string | undefined) ?? "").split(",");
    const names = listed.map((p) => p.trim().replace(/^items\//, "")).filter(Boolean);
    const skip = typeof options?.$skip === "number" ? options.$skip : 0;
    const top = typeof options?.$top === "number" ? options.$top : Infinity;
    this.context.enqueue(() => {
      if (this.context.unanswered) return;
      this.loadedItems = this.model().slice(skip, skip + top).map((item) => this.wrap(item));
      for (const item of this.loadedItems) item.snapshot(names);
    });
    return this;
  }

  get items(): P[] {
    if (!this.loadedItems) throw new OfficeError("PropertyNotLoaded", "The property 'items' is not available. Call load() and sync() before reading it.");
    return this.loadedItems;
  }
}

export class FakeApplication {
  constructor(private readonly context: FakeContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue(() => undefined);
    this.context.model.calculationSuspendedSyncs = 1;
  }
  calculate(type: string): void {
    this.context.enqueue(() => {
      if (!["Recalculate", "Full", "FullRebuild"].includes(type)) throw new OfficeError("InvalidArgument", `'${type}' is not a calculation type.`);
      this.context.model.calculations.push(type);
      // Only a full calculation marks every cell dirty; custom functions are not re-run (see WorkbookModel.dependentsStale).
      if (type !== "Recalculate") this.context.model.dependentsStale = false;
    });
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly pivotTables: FakePivotTableCollection;
  readonly application: FakeApplication;
  readonly names: FakeNameCollection;
  readonly customXmlParts: FakeCustomXmlParts;
  constructor(readonly context: FakeContext) {
    this.customXmlParts = new FakeCustomXmlParts(context);
    this.names = new FakeNameCollection(context, null);
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, null);
    this.pivotTables = new FakePivotTableCollection(context, null);
    this.application = new FakeApplication(context);
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const model = this.context.model;
      const selection = model.selection ?? { sheet: model.sheets[0]?.name, box: { row: 0, column: 0, rows: 1, columns: 1 } };
      const sheet = model.sheetNamed(selection.sheet);
      return sheet ? { sheet, box: selection.box } : null;
    });
  }
}

export class FakeWorksheetCollection extends CollectionObject<SheetModel, FakeWorksheet> {
  constructor(context: FakeContext) {
    super(context, () => context.model.sheets);
  }
  protected wrap(item: SheetModel): FakeWorksheet {
    return new FakeWorksheet(this.context, () => (this.context.model.sheets.includes(item) ? item : null));
  }
  add(name: string): FakeWorksheet {
    let created: SheetModel | null = null;
    this.context.enqueue(() => (created = this.context.model.addSheet(name)));
    return new FakeWorksheet(this.context, () => (created && this.context.model.sheets.includes(created) ? created : null));
  }
  /** "Gets a worksheet object using its name or ID" (WorksheetCollection.getItem reference). */
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.sheetNamed(key) ?? this.context.model.sheets.find((s) => s.id === key) ?? null);
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return this.getItem(key);
  }
  /** WorksheetCollection.onCalculated (ExcelApi 1.8): see WorkbookModel.calculated. */
  readonly onCalculated = {
    add: (handler: (event: unknown) => unknown) => {
      this.context.enqueue(() => this.context.model.calculatedHandlers.push(handler));
      return {};
    },
  };
  /** WorksheetCollection.onChanged (ExcelApi 1.9): fires for a change of any sheet, with a WorksheetChangedEventArgs. */
  readonly onChanged = {
    add: (handler: (event: unknown) => unknown) => {
      this.context.enqueue(() => this.context.model.worksheetCollectionChangeHandlers.push(handler));
      return {};
    },
  };
}

export class FakeWorksheet extends ClientObject<SheetModel> {
  readonly tables = new FakeTableCollection(this.context, () => this.model());
  readonly pivotTables = new FakePivotTableCollection(this.context, () => this.model());
  readonly charts = new FakeChartCollection(this.context, () => this.model(), () => this.model().charts);
  readonly customProperties = new FakeCustomPropertyCollection(this.context, () => this.model());
  readonly freezePanes = {
    freezeRows: (count: number) => this.set((s) => (s.frozenRows = count)),
    /** The frozen cells, or a null object when nothing is frozen (ExcelApi 1.7, WorksheetFreezePanes.getLocationOrNullObject). */
    getLocationOrNullObject: () =>
      new FakeRange(this.context, () => {
        const s = this.model();
        if (s.frozenRows === 0 && s.frozenColumns === 0) return null;
        // Frozen rows are whole rows, frozen columns whole columns, both the cells where they meet.
        return { sheet: s, box: { row: 0, column: 0, rows: s.frozenRows || 1_048_576, columns: s.frozenColumns || 16_384 } };
      }),
  };
  /** Threaded comments (ExcelApi 1.10) and notes (ExcelApi 1.18): counted, and read with their content and cell. */
  readonly comments = new FakeCommentCollection(this.context, () => this.model());
  readonly notes = new FakeCellNoteCollection(this.context, () => this.model());
  readonly shapes = new FakeNamedList(this.context, () => this.model().shapes);
  readonly names = new FakeNameCollection(this.context, () => this.model());
  // ── Sheet-wide settings (review 2, D5; see fake-sheet-settings.ts for the sources) ──
  readonly protection = fakeProtection(this.context, () => this.resolver()?.settings ?? null);
  readonly pageLayout = fakePageLayout(this.context, () => this.resolver()?.settings ?? null, () => this.model().name);
  get tabColor(): string | null {
    return this.get("tabColor");
  }
  get showGridlines(): boolean {
    return this.get("showGridlines");
  }
  get showHeadings(): boolean {
    return this.get("showHeadings");
  }
  // ── end D5 ──

  protected override readProperty(sheet: SheetModel, name: string): unknown {
    const values: Record<string, unknown> = { name: sheet.name, id: sheet.id, position: this.context.model.sheets.indexOf(sheet), visibility: sheet.visibility, ...worksheetSettingValues(sheet.settings, sheet.visibility === "Visible") };
    if (!(name in values)) return super.readProperty(sheet, name);
    return values[name];
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.set((s) => {
      checkSheetName(value);
      const other = this.context.model.sheetNamed(value);
      if (other && other !== s) throw new OfficeError("ItemAlreadyExists", `A sheet named '${value}' already exists.`);
      renameReferences(this.context.model, s.name, value);
      s.name = value;
    });
  }
  get id(): string {
    return this.get("id");
  }
  get position(): number {
    return this.get("position");
  }
  set position(value: number) {
    this.set((s) => {
      const sheets = this.context.model.sheets;
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(value, 0, s);
    });
  }
  get visibility(): string {
    return this.get("visibility");
  }
  delete(): void {
    this.set((s) => {
      const model = this.context.model;
      if (model.sheets.filter((x) => x !== s && x.visibility === "Visible").length === 0) throw new OfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      model.sheets = model.sheets.filter((x) => x !== s);
      breakReferences(model, s, model.tables.filter((t) => t.sheet === s));
      model.tables = model.tables.filter((t) => t.sheet !== s);
      model.pivots = model.pivots.filter((p) => p.sheet !== s);
    });
  }
  activate(): void {
    this.set(() => undefined);
  }
  /** A range by address; without one, the whole sheet (1,048,576 × 16,384 cells). */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const box = address === undefined ? { row: 0, column: 0, rows: 1_048_576, columns: 16_384 } : parseAddress(address);
      return { sheet: this.model(), box };
    });
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.model(), box: { row, column, rows, columns } }));
  }
  /** Several areas by address (Worksheet.getRanges, ExcelApi 1.9: "A1:B2, A5:B5"). */
  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => ({ sheet: this.model(), areas: address.split(",").map((part) => parseAddress(part.trim())).map(({ row, column, rows, columns }) => ({ row, column, rows, columns })) }));
  }
  /** The used range: cells with values only, or (the default) formatted cells too (Worksheet.getUsedRangeOrNullObject). */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const box = this.model().usedBox(valuesOnly);
      return box ? { sheet: this.model(), box } : null;
    });
  }
}

interface RangeModel {
  sheet: SheetModel;
  box: Box;
}

export class FakeRange extends ClientObject<RangeModel> {
  readonly format = new FakeRangeFormat(this.context, () => this.model());
  /** The sheet and cells the range is now (null: none), for a call that takes a range. */
  cellsOf(): RangeModel | null {
    return this.resolver();
  }
  /** "The worksheet containing the current range" (Range.worksheet, ExcelApi 1.1). */
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.resolver()?.sheet ?? null);
  }

  protected override readProperty(range: RangeModel, name: string): unknown {
    switch (name) {
      case "values":
        // A formula's result, never its text (see formulaResult).
        return range.sheet.values(range.box, true);
      case "formulas":
        // A constant cell's value, and a quote-prefixed text its text without the apostrophe
        // (office-js #6687: "range.formulas removes Leading Single Quote"): "'=1+2" reads "=1+2".
        return range.sheet.values(range.box);
      case "numberFormat":
        return Array.from({ length: range.box.rows }, (_, r) => Array.from({ length: range.box.columns }, (_, c) => range.sheet.cells.get(`${range.box.row + r},${range.box.column + c}`)?.numberFormat ?? "General"));
      case "address":
        return `${sheetInAddress(range.sheet.name)}!${toAddress(range.box)}`;
      case "rowIndex":
        return range.box.row;
      case "columnIndex":
        return range.box.column;
      case "rowCount":
        return range.box.rows;
      case "columnCount":
        return range.box.columns;
      // Review 2, D1: Range.columnHidden / rowHidden (ExcelApi 1.2): "true when all columns in a
      // range are hidden … false when no columns in the range are hidden … null when some".
      case "columnHidden":
        return uniformly(range.box.columns, [...range.sheet.hiddenColumns].filter((c) => c >= range.box.column && c < range.box.column + range.box.columns).length);
      case "rowHidden":
        return uniformly(range.box.rows, [...range.sheet.hiddenRows].filter((r) => r >= range.box.row && r < range.box.row + range.box.rows).length);
      default:
        return super.readProperty(range, name);
    }
  }
  get values(): (string | number | boolean)[][] {
    return this.get("values");
  }
  /**
   * Sets the cells' values; a null in the array leaves that cell as it is: "Use null in 2-D arrays
   * to leave specific cells unchanged while updating others" (Microsoft Learn, "Blank and null
   * values in Excel add-ins", excel-add-ins-blank-null-values; so for numberFormat and formulas).
   */
  set values(values: (string | number | boolean | null)[][]) {
    this.context.addPayload(values);
    this.set(({ sheet, box }) => {
      checkShape(values, box, "values");
      this.context.model.cellsWritten += box.rows * box.columns;
      this.context.changed(sheet, box);
      values.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value === null) return;
          const cell = sheet.cell(box.row + r, box.column + c);
          // A string as typing reads it: a formula, a number, a date… (fake-typed-values.ts).
          Object.assign(cell, entered(value, cell.numberFormat));
          // An empty cell without a format of its own is no different from one never written.
          if (cell.value === null && cell.formula === null && !hasOwnFormat(cell)) sheet.cells.delete(`${box.row + r},${box.column + c}`);
        }),
      );
    });
  }
  get address(): string {
    return this.get("address");
  }
  get formulas(): (string | number | boolean)[][] {
    return this.get("formulas");
  }
  /**
   * Deletes cells, shifting those below up within the range's columns (tables below move whole).
   * Whole rows of a table's body (all its columns) leave the table, which shrinks: deleting a
   * TableRow's range with shift up removes the row (office-js #994, without a filter). Part of a
   * table's width, or its header, cannot be shifted: refused with InsertDeleteConflict, as is
   * what refuseShift refuses (a merge cut, a table below partly in the columns, a filtered table).
   */
  delete(shift: string): void {
    this.set(({ sheet, box }) => {
      if (shift !== "Up") throw new OfficeError("InvalidArgument", "The fake deletes with shift Up only.");
      const shrinking: TableModel[] = [];
      for (const table of this.context.model.tables.filter((t) => t.sheet === sheet && overlaps(t.box, box))) {
        const wholeRows = box.column <= table.box.column && box.column + box.columns >= table.box.column + table.box.columns;
        const inBody = box.row > table.box.row && box.row + box.rows <= table.box.row + 1 + bodyRowsOf(table);
        if (!wholeRows || !inBody) throw new OfficeError("InsertDeleteConflict", `This operation is attempting to shift cells in the table '${table.name}'.`);
        shrinking.push(table);
      }
      refuseShift(this.context.model, sheet, box, box.row, -box.rows, null);
      this.context.changed(sheet, box, shrinking.length ? "RowDeleted" : "CellDeleted");
      for (const table of shrinking) table.box = { ...table.box, rows: table.box.rows - box.rows };
      shiftAttached(this.context.model, sheet, box, box.row, -box.rows);
      const inColumns = (column: number) => column >= box.column && column < box.column + box.columns;
      for (const [key] of [...sheet.cells]) {
        const [row, column] = key.split(",").map(Number);
        if (inColumns(column) && row >= box.row && row < box.row + box.rows) sheet.cells.delete(key);
      }
      const below = [...sheet.cells].filter(([key]) => {
        const [row, column] = key.split(",").map(Number);
        return inColumns(column) && row >= box.row + box.rows;
      });
      for (const [key] of below) sheet.cells.delete(key);
      for (const [key, cell] of below) {
        const [row, column] = key.split(",").map(Number);
        sheet.cells.set(`${row - box.rows},${column}`, cell);
      }
      for (const table of this.context.model.tables) {
        if (table.sheet === sheet && table.box.row >= box.row + box.rows && table.box.column >= box.column && table.box.column + table.box.columns <= box.column + box.columns) table.box = { ...table.box, row: table.box.row - box.rows };
      }
    });
  }
  /**
   * Inserts cells, shifting those below down within the range's columns, as Excel does. Like
   * Excel, it refuses to shift part of a table (a table must move whole or not at all), and what
   * else refuseShift refuses.
   */
  insert(shift: string): void {
    this.set(({ sheet, box }) => {
      if (shift !== "Down") throw new OfficeError("InvalidArgument", "The fake inserts with shift Down only.");
      const inColumns = (b: Box) => b.column < box.column + box.columns && box.column < b.column + b.columns;
      const moving = this.context.model.tables.filter((t) => t.sheet === sheet && inColumns(t.box) && t.box.row + t.box.rows > box.row);
      refuseShift(this.context.model, sheet, box, box.row, box.rows, null);
      const shifted = [...sheet.cells].filter(([key]) => {
        const [row, column] = key.split(",").map(Number);
        return row >= box.row && column >= box.column && column < box.column + box.columns;
      });
      for (const [key] of shifted) sheet.cells.delete(key);
      for (const [key, cell] of shifted) {
        const [row, column] = key.split(",").map(Number);
        sheet.cells.set(`${row + box.rows},${column}`, cell);
      }
      for (const table of moving) table.box = { ...table.box, row: table.box.row + box.rows };
      shiftAttached(this.context.model, sheet, box, box.row, box.rows);
      this.context.changed(sheet, box, "CellInserted");
    });
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  /** A null in the array leaves that cell's format as it is (see values). */
  set numberFormat(formats: (string | null)[][]) {
    this.context.addPayload(formats);
    this.set(({ sheet, box }) => {
      checkShape(formats, box, "numberFormat");
      formats.forEach((row, r) => row.forEach((format, c) => format !== null && (sheet.cell(box.row + r, box.column + c).numberFormat = format)));
    });
  }
  // ── What Excel keeps beside values (issue 14) ──
  /** Each cell's format, hyperlink and style, as asked for (ExcelApi 1.9, Range.getCellProperties). */
  getCellProperties(options: Record<string, unknown>): FakeClientResult<Record<string, unknown>[][]> {
    return this.result(({ sheet, box }) => rows(box, (r, c) => pick(cellProperties(sheet.cells.get(`${r},${c}`)), options) as Record<string, unknown>));
  }
  /**
   * Sets each cell's format (ExcelApi 1.9, Range.setCellProperties): "Any subproperties of format
   * that are not set will not be changed" (SettableCellProperties, office-js-snippets
   * cell-properties.yaml). The fake takes fill (a pattern of "None" removes it), font, borders
   * (by CELL_BORDERS, the keys of CellBorderCollection) and horizontal alignment; a value equal to
   * Excel's default is no format of the cell's own (Excel keeps no "unset" apart from the default).
   */
  setCellProperties(data: Excel.SettableCellProperties[][]): void {
    this.context.addPayload(data);
    this.set(({ sheet, box }) => {
      checkShape(data, box, "cell properties");
      data.forEach((row, r) => row.forEach((properties, c) => applyCellProperties(sheet.cell(box.row + r, box.column + c), properties)));
    });
  }
  /** Review 2, D1: whether all, none (or, null, some) of the range's columns / rows are hidden (see readProperty). */
  get columnHidden(): boolean | null {
    return this.get("columnHidden");
  }
  get rowHidden(): boolean | null {
    return this.get("rowHidden");
  }
  /** Each column's width in points (ExcelApi 1.9, Range.getColumnProperties); Excel's default is 48. */
  getColumnProperties(options: Record<string, unknown>): FakeClientResult<Record<string, unknown>[]> {
    return this.result(({ sheet, box }) => Array.from({ length: box.columns }, (_, c) => pick({ columnIndex: box.column + c, columnHidden: sheet.hiddenColumns.has(box.column + c), format: { columnWidth: sheet.columnWidths.get(box.column + c) ?? DEFAULT_COLUMN_WIDTH } }, options) as Record<string, unknown>));
  }
  /** Each row's height in points (ExcelApi 1.9, Range.getRowProperties); Excel's default is 15. */
  getRowProperties(options: Record<string, unknown>): FakeClientResult<Record<string, unknown>[]> {
    return this.result(({ sheet, box }) => Array.from({ length: box.rows }, (_, r) => pick({ rowIndex: box.row + r, rowHidden: sheet.hiddenRows.has(box.row + r), format: { rowHeight: sheet.rowHeights.get(box.row + r) ?? DEFAULT_ROW_HEIGHT } }, options) as Record<string, unknown>));
  }
  /**
   * "The range object containing the spill range when called on an anchor cell. Fails if applied
   * to a range with more than one cell"; "If the range isn't an anchor cell or the spill range
   * can't be found", a null object (Range.getSpillingToRangeOrNullObject, ExcelApi 1.12). See
   * CellModel.spill.
   */
  getSpillingToRangeOrNullObject(): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, box } = this.model();
      if (box.rows !== 1 || box.columns !== 1) throw new OfficeError("InvalidArgument", "getSpillingToRange needs a single cell.");
      const spill = spillsOf(sheet).find((s) => s.row === box.row && s.column === box.column);
      return spill ? { sheet, box: spill } : null;
    });
  }
  /**
   * "Returns the used range of the given range object. If there are no used cells within the
   * range, then this method returns an object with its isNullObject property set to true";
   * valuesOnly: "Considers only cells with values as used cells" (Range.getUsedRangeOrNullObject,
   * ExcelApi 1.4). The smallest box of the used cells inside this range, as the sheet's is
   * (SheetModel.usedBox), found from the cells held, never by visiting every cell of the range.
   */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, box } = this.model();
      const used = sheet.usedBox(valuesOnly, box);
      return used ? { sheet, box: used } : null;
    });
  }
  /** "The range object containing the anchor cell for a cell getting spilled into" (Range.getSpillParentOrNullObject, ExcelApi 1.12), one cell only; a null object where no spill reaches. */
  getSpillParentOrNullObject(): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, box } = this.model();
      if (box.rows !== 1 || box.columns !== 1) throw new OfficeError("InvalidArgument", "getSpillParent needs a single cell.");
      const spill = spillsOf(sheet).find((s) => overlaps(s, box));
      return spill ? { sheet, box: { row: spill.row, column: spill.column, rows: 1, columns: 1 } } : null;
    });
  }
  /**
   * Merges the range's cells into one area, or each row's into one with `across` (Range.merge,
   * ExcelApi 1.2: "Merge the range cells into one region in the worksheet"; across: "Set true to
   * merge cells in each row of the specified range as separate merged cells. The default value is
   * false"). "The value of a merged range is specified in the cell of the range's upper-left
   * corner" (VBA's Range.Merge, its remarks); that the other cells' values are lost, as Excel's
   * Merge & Center warns ("Merging cells only keeps the upper-left value and discards other
   * values"), is taken for the API too: the safe reading, which is why the add-in looks at every
   * cell of a merge before it (write.ts). Where the reference says nothing, the fake refuses
   * (InvalidOperation), so that no code relies on what Excel does then: a merge over a table's
   * cells (Excel's ribbon offers no Merge inside a table) or over part of a merged area already
   * there. A single cell is no merged area (Excel keeps none for it).
   */
  merge(across = false): void {
    this.set(({ sheet, box }) => {
      const areas = across ? Array.from({ length: box.rows }, (_, r) => ({ ...box, row: box.row + r, rows: 1 })) : [box];
      const table = this.context.model.tables.find((t) => t.sheet === sheet && overlaps(t.box, box));
      if (table) throw new OfficeError("InvalidOperation", `The fake does not merge cells of the table '${table.name}'.`);
      const merged = sheet.merges.find((m) => overlaps(m, box));
      if (merged) throw new OfficeError("InvalidOperation", `The fake does not merge over the merged cells ${toAddress(merged)}.`);
      for (const area of areas) {
        if (area.rows * area.columns < 2) continue;
        for (let r = 0; r < area.rows; r++)
          for (let c = 0; c < area.columns; c++) {
            if (r === 0 && c === 0) continue;
            const key = `${area.row + r},${area.column + c}`;
            const cell = sheet.cells.get(key);
            if (!cell) continue;
            Object.assign(cell, { value: null, formula: null });
            if (!hasOwnFormat(cell)) sheet.cells.delete(key);
          }
        this.context.changed(sheet, area);
        sheet.merges.push({ ...area });
      }
    });
  }
  /** "Unmerge the range cells into separate cells" (Range.unmerge, ExcelApi 1.2): every merged area the range overlaps, whole (VBA's Range.UnMerge: "Separates a merged area into individual cells"). */
  unmerge(): void {
    this.set(({ sheet, box }) => {
      sheet.merges = sheet.merges.filter((m) => !overlaps(m, box));
    });
  }
  /**
   * The merged areas in the range, or a null object (ExcelApi 1.13, Range.getMergedAreasOrNullObject):
   * every area the range overlaps, as the reference words it ("the merged areas in this range";
   * office-js #3611 saw only those whose top-left cell is in the range, which a reader that joins
   * ranges copes with alike). "If the merged areas count in this range is more than 512, then
   * this method will fail to return the result" (the same reference): the fake refuses the sync
   * then, with GeneralException (which error Excel gives the reference does not say; that the
   * read fails, and with it its sync, as any refused read, is the safe reading).
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const found = new FakeRangeAreas(this.context, () => {
      const { sheet, box } = this.model();
      const areas = sheet.merges.filter((m) => overlaps(m, box));
      return areas.length ? { sheet, areas } : null;
    });
    this.context.enqueue(() => {
      const count = found.found()?.areas.length ?? 0;
      if (count > MERGED_AREAS_LIMIT) throw new OfficeError("GeneralException", `The range holds ${count} merged areas, more than ${MERGED_AREAS_LIMIT}.`);
    });
    return found;
  }
  /** The conditional formats that apply to cells of the range (Range.conditionalFormats, ExcelApi 1.6). */
  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this.context, () => {
      const { sheet, box } = this.model();
      return sheet.conditionalFormats.filter((rule) => overlaps(rule, box));
    });
  }
  /** The range's data validation (Range.dataValidation, ExcelApi 1.8). */
  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this.context, () => {
      const range = this.resolver();
      return range && { sheet: range.sheet, boxes: [range.box] };
    });
  }
  /**
   * Cells of a kind, or a null object (ExcelApi 1.9, Range.getSpecialCellsOrNullObject):
   * "Formulas", "Constants" (cells with a value that is no formula), "ConditionalFormats",
   * "DataValidations". Excel joins adjacent cells into areas ("Sheet1!A1:B4, Sheet1!D1:D4",
   * RangeAreas.address): the fake joins formula cells down a column, then side by side
   * (columnRuns), and leaves each constant an area of its own, which the add-in reads alike.
   */
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const { sheet, box } = this.model();
      let areas: Box[];
      if (cellType === "ConditionalFormats") areas = sheet.conditionalFormats.filter((b) => overlaps(b, box));
      else if (cellType === "DataValidations") areas = sideBySide(sheet.dataValidations.filter((b) => overlaps(b, box)));
      else if (cellType === "Formulas") {
        const cells = [...sheet.cells]
          .filter(([key, cell]) => {
            const [row, column] = key.split(",").map(Number);
            return cell.formula !== null && overlaps({ row, column, rows: 1, columns: 1 }, box);
          })
          .map(([key]) => {
            const [row, column] = key.split(",").map(Number);
            return { row, column, rows: 1, columns: 1 };
          });
        areas = sideBySide(columnRuns(cells));
      } else if (cellType === "Constants") {
        areas = [...sheet.cells]
          .filter(([key, cell]) => {
            const [row, column] = key.split(",").map(Number);
            return cell.formula === null && cell.value !== null && cell.value !== "" && overlaps({ row, column, rows: 1, columns: 1 }, box);
          })
          .map(([key]) => {
            const [row, column] = key.split(",").map(Number);
            return { row, column, rows: 1, columns: 1 };
          });
      } else throw new OfficeError("InvalidArgument", `The fake finds Formulas, Constants, ConditionalFormats or DataValidations, not ${cellType}.`);
      return areas.length ? { sheet, areas } : null;
    });
  }
  /**
   * The same cells as getSpecialCellsOrNullObject, but none found is an error: "If no special
   * cells are found, an ItemNotFound error will be thrown" (Range.getSpecialCells, ExcelApi 1.9;
   * "Find special cells within a range": getSpecialCells "throws ItemNotFound if none exist",
   * getSpecialCellsOrNullObject gives isNullObject true). The error comes with the sync, as
   * Excel's errors do.
   */
  getSpecialCells(cellType: string): FakeRangeAreas {
    const found = this.getSpecialCellsOrNullObject(cellType);
    this.context.enqueue(() => {
      if (found.found() === null) throw new OfficeError("ItemNotFound", "No cells were found.");
    });
    return found;
  }
  private result<T>(read: (range: RangeModel) => T): FakeClientResult<T> {
    const result = new FakeClientResult<T>();
    this.context.enqueue(() => result.settle(read(this.model()), this.context));
    return result;
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, box } = this.model();
      return { sheet, box: { row: box.row + row, column: box.column + column, rows: 1, columns: 1 } };
    });
  }
  set formulas(formulas: (string | number | boolean | null)[][]) {
    this.context.addPayload(formulas);
    this.set(({ sheet, box }) => {
      checkShape(formulas, box, "formulas");
      this.context.changed(sheet, box);
      // A constant set through formulas is entered as through values (the reference: a cell without a formula "returns its value"; taken to be set the same way); a null leaves the cell as it is (see values).
      formulas.forEach((row, r) => row.forEach((formula, c) => {
        if (formula === null) return;
        const cell = sheet.cell(box.row + r, box.column + c);
        Object.assign(cell, entered(formula, cell.numberFormat));
      }));
    });
  }
  /**
   * Clears by type, each as the Excel.ClearApplyTo reference words it (ExcelApi 1.1; Hyperlinks
   * and RemoveHyperlinks 1.7, ResetContents 1.18; review R9):
   * - "All" (the default): "Clears everything in the range": values and formulas, every format,
   *   hyperlinks, merges, and the notes, threaded comments, conditional formats and data
   *   validation of its cells (a rule over more cells keeps the cells outside the range, see
   *   `outside`);
   * - "Contents": "Clears the contents of the range, leaving formatting intact": values and
   *   formulas only (notes, comments, links and rules are not contents, and stay);
   * - "Formats": "Clears all formatting for the range, leaving values intact": number formats,
   *   fonts, fills, borders, alignment, styles and merges, and, the docs leaving it open (only
   *   RemoveHyperlinks is said to leave them), the conditional formats too: the harsher reading,
   *   so that no code relies on them staying; data validation is no formatting and stays;
   * - "Hyperlinks": "Clears all hyperlinks, but leaves all content and formatting intact";
   * - "RemoveHyperlinks": "Removes hyperlinks and formatting for the cell but leaves content,
   *   conditional formats, and data validation intact": the links and what "Formats" clears of a
   *   cell, its rules staying;
   * - "ResetContents": "Sets all cells in the range to their default state. … Cells without cell
   *   controls are set to blank": the fake has no cell controls, so as "Contents".
   */
  clear(applyTo: string = "All"): void {
    this.set(({ sheet, box }) => {
      if (!["All", "Contents", "Formats", "Hyperlinks", "RemoveHyperlinks", "ResetContents"].includes(applyTo)) throw new OfficeError("InvalidArgument", `'${applyTo}' is not an Excel.ClearApplyTo.`);
      const contents = ["All", "Contents", "ResetContents"].includes(applyTo);
      if (contents) this.context.changed(sheet, box);
      const formats = ["All", "Formats", "RemoveHyperlinks"].includes(applyTo);
      const links = ["All", "Hyperlinks", "RemoveHyperlinks"].includes(applyTo);
      for (const [key, cell] of [...sheet.cells]) {
        const [row, column] = key.split(",").map(Number);
        if (row < box.row || row >= box.row + box.rows || column < box.column || column >= box.column + box.columns) continue;
        const kept: CellModel = formats ? { value: cell.value, formula: cell.formula, numberFormat: "General", ...(cell.hyperlink ? { hyperlink: cell.hyperlink } : {}) } : cell;
        if (contents) Object.assign(kept, { value: null, formula: null });
        if (links) delete kept.hyperlink;
        if (kept.value === null && kept.formula === null && !hasOwnFormat(kept)) sheet.cells.delete(key);
        else sheet.cells.set(key, kept);
      }
      const inside = (at: { row: number; column: number }) => overlaps({ ...at, rows: 1, columns: 1 }, box);
      if (formats) sheet.merges = sheet.merges.filter((m) => !overlaps(m, box));
      if (applyTo === "All") {
        sheet.notes = sheet.notes.filter((n) => !inside(n));
        sheet.comments = sheet.comments.filter((c) => !inside(c));
        sheet.dataValidations = sheet.dataValidations.flatMap((rule) => outside(rule, box));
      }
      if (applyTo === "All" || applyTo === "Formats") sheet.conditionalFormats = sheet.conditionalFormats.flatMap((rule) => outside(rule, box));
    });
  }
}

/**
 * What is left of a rule over `rule` after its cells in `box` are cleared: Excel takes those
 * cells out of the rule's range and keeps the rest (its "applies to" then has several areas).
 * The fake holds a rule over one box, so the rest is up to four rules with the same type and
 * formulas: above, below, left and right of `box` (nothing when the rule lies inside it).
 */
function outside(rule: RuleModel, box: Box): RuleModel[] {
  if (!overlaps(rule, box)) return [rule];
  const [top, bottom] = [Math.max(rule.row, box.row), Math.min(rule.row + rule.rows, box.row + box.rows)];
  const parts: Box[] = [
    { row: rule.row, column: rule.column, rows: top - rule.row, columns: rule.columns },
    { row: bottom, column: rule.column, rows: rule.row + rule.rows - bottom, columns: rule.columns },
    { row: top, column: rule.column, rows: bottom - top, columns: box.column - rule.column },
    { row: top, column: box.column + box.columns, rows: bottom - top, columns: rule.column + rule.columns - box.column - box.columns },
  ];
  return parts.filter((p) => p.rows > 0 && p.columns > 0).map((p) => ({ ...rule, ...p }));
}

// ── Sizes over a range (review 2, D1) ──
/** Excel's width of a column and height of a row no one sized, in points (a new workbook's Normal style). */
const DEFAULT_COLUMN_WIDTH = 48;
const DEFAULT_ROW_HEIGHT = 15;
/** true when all `count` are so, false when none is, null when some are (Range.columnHidden's reading). */
const uniformly = (count: number, hidden: number): boolean | null => (hidden === 0 ? false : hidden === count ? true : null);
/** The one size of `count` columns (rows) from `from`, or null where they differ (RangeFormat.columnWidth's reading). */
function uniformSize(sizes: ReadonlyMap<number, number>, from: number, count: number, standard: number): number | null {
  const inside = [...sizes].filter(([at]) => at >= from && at < from + count).map(([, size]) => size);
  const all = new Set(inside.length < count ? [...inside, standard] : inside);
  return all.size === 1 ? [...all][0] : null;
}
// ── end D1 ──

function checkShape(values: unknown[][], box: Box, what: string): void {
  if (!Array.isArray(values) || values.length !== box.rows || values.some((row) => !Array.isArray(row) || row.length !== box.columns)) {
    throw new OfficeError("InvalidArgument", `The ${what} array does not match the size of the range (${box.rows}×${box.columns}).`);
  }
}

class FakeRangeFormat extends ClientObject<RangeModel> {
  readonly font = (() => {
    const apply = (change: (cell: CellModel) => void) => this.eachCell(change);
    return {
      set bold(value: boolean) {
        apply((c) => (c.bold = value));
      },
      set italic(value: boolean) {
        apply((c) => (c.italic = value));
      },
      set size(value: number) {
        apply((c) => (c.size = value));
      },
      set color(value: string) {
        apply((c) => (c.color = value));
      },
      set name(_value: string) {
        apply(() => undefined);
      },
    };
  })();
  /** Range.format.horizontalAlignment (ExcelApi 1.1): per cell, read back by getCellProperties; "General" is Excel's default, no format of the cell's own. */
  set horizontalAlignment(value: string) {
    this.eachCell((c) => (value === "General" ? delete c.horizontalAlignment : (c.horizontalAlignment = value)));
  }
  eachCell(change: (cell: CellModel) => void): void {
    this.set(({ sheet, box }) => {
      for (let r = 0; r < box.rows; r++) for (let c = 0; c < box.columns; c++) change(sheet.cell(box.row + r, box.column + c));
    });
  }
  // Review 2, D1: RangeFormat.columnWidth / rowHeight (ExcelApi 1.2) read over any range, the
  // whole rest of a sheet too: "Specifies the width of all columns within the range. If the
  // column widths are not uniform, null will be returned" (and so the height of all rows).
  protected override readProperty({ sheet, box }: RangeModel, name: string): unknown {
    if (name === "columnWidth") return uniformSize(sheet.columnWidths, box.column, box.columns, DEFAULT_COLUMN_WIDTH);
    if (name === "rowHeight") return uniformSize(sheet.rowHeights, box.row, box.rows, DEFAULT_ROW_HEIGHT);
    return super.readProperty({ sheet, box }, name);
  }
  get columnWidth(): number {
    return this.get("columnWidth");
  }
  get rowHeight(): number {
    return this.get("rowHeight");
  }
  set columnWidth(points: number) {
    this.set(({ sheet, box }) => {
      for (let c = 0; c < box.columns; c++) sheet.columnWidths.set(box.column + c, points);
    });
  }
  /**
   * Whether Excel wraps the cells' text (RangeFormat.wrapText, ExcelApi 1.1: "Specifies if Excel
   * wraps the text in the object"), per cell as getCellProperties reads it back (false, the
   * default, is no format of the cell's own; see fake-cell-formats.ts).
   */
  set wrapText(value: boolean) {
    this.eachCell((c) => (value ? (c.wrapText = true) : delete c.wrapText));
  }
  /** The cells' vertical alignment (RangeFormat.verticalAlignment, ExcelApi 1.1: "Top", "Center", "Bottom", "Justify", "Distributed"); "Bottom" is the default, no format of the cell's own. */
  set verticalAlignment(value: string) {
    if (!["Top", "Center", "Bottom", "Justify", "Distributed"].includes(value)) throw new OfficeError("InvalidArgument", `'${value}' is not an Excel.VerticalAlignment.`);
    this.eachCell((c) => (value === "Bottom" ? delete c.verticalAlignment : (c.verticalAlignment = value)));
  }
  /**
   * The height of every row of the range in points (RangeFormat.rowHeight, ExcelApi 1.2: "The
   * height of all rows in the range"), read back by getRowProperties and rowHeight. Kept as given:
   * Excel rounds a height to whole pixels (0.75 points at 96 dpi), which the add-in's heights are
   * already (report/text-wrap.ts), and the sheet's seal allows for a difference (new-sheet-seal.ts).
   * Excel's rows are 0 to 409 points high (Excel specifications and limits); beyond, refused.
   */
  set rowHeight(points: number) {
    this.set(({ sheet, box }) => {
      if (!(points >= 0 && points <= 409)) throw new OfficeError("InvalidArgument", `A row cannot be ${points} points high.`);
      for (let r = 0; r < box.rows; r++) sheet.rowHeights.set(box.row + r, points);
    });
  }
}

export class FakeTableCollection extends CollectionObject<TableModel, FakeTable> {
  constructor(
    context: FakeContext,
    private readonly sheet: (() => SheetModel) | null,
  ) {
    super(context, () => context.model.tables.filter((t) => !sheet || t.sheet === sheet()));
  }
  protected wrap(item: TableModel): FakeTable {
    return new FakeTable(this.context, () => (this.context.model.tables.includes(item) ? item : null));
  }
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    let created: TableModel | null = null;
    this.context.enqueue(() => {
      if (!hasHeaders) throw new OfficeError("InvalidArgument", "The fake only supports tables with headers.");
      const { sheet, box } = typeof address === "string" ? this.rangeOf(address) : (address as unknown as { model(): RangeModel }).model();
      const clash = this.context.model.tables.find((t) => t.sheet === sheet && overlaps(t.box, box));
      if (clash) throw new OfficeError("InvalidOperation", `The range overlaps the table '${clash.name}'.`);
      const header = sheet.values({ ...box, rows: 1 })[0];
      if (header.some((h) => h === "") || new Set(header).size !== header.length) throw new OfficeError("InvalidArgument", "Table headers must be filled in and unique.");
      let n = this.context.model.tables.length + 1;
      while (this.context.model.tables.some((t) => t.name === `Table${n}`)) n++;
      created = { name: `Table${n}`, sheet, box, style: "TableStyleMedium2" };
      this.context.model.tables.push(created);
    });
    return new FakeTable(this.context, () => created);
  }
  private rangeOf(address: string): RangeModel {
    const parsed = parseAddress(address);
    const sheet = parsed.sheet ? this.context.model.sheetNamed(parsed.sheet) : this.sheet?.();
    if (!sheet) throw new OfficeError("ItemNotFound", `No sheet for '${address}'.`);
    return { sheet, box: parsed };
  }
  /** "Name or ID of the table" (TableCollection.getItem). */
  getItem(key: string): FakeTable {
    return new FakeTable(this.context, () => this.context.model.tables.find((t) => t.name.toLowerCase() === key.toLowerCase() || tableIdOf(t) === key) ?? null);
  }
  getItemOrNullObject(name: string): FakeTable {
    return this.getItem(name);
  }
  /** TableCollection.onChanged (ExcelApi 1.7): fires for a change of any table in the workbook. */
  readonly onChanged = {
    add: (handler: (event: unknown) => unknown) => {
      this.context.enqueue(() => this.context.model.tableCollectionChangeHandlers.push(handler));
      return {};
    },
  };
  /** TableCollection.onDeleted (ExcelApi 1.9): fires when a table of the workbook is deleted (see WorkbookModel.deleteTable). */
  readonly onDeleted = {
    add: (handler: (event: unknown) => unknown) => {
      this.context.enqueue(() => this.context.model.tableDeleteHandlers.push(handler));
      return {};
    },
  };
}

/** A table's body rows: its range less the header and, when shown, the total row (see FakeTable.showTotals). */
const bodyRowsOf = (table: TableModel) => table.box.rows - 1 - (table.showTotals ? 1 : 0);
/** The box of a table's body. */
const bodyOf = (table: TableModel): Box => ({ ...table.box, row: table.box.row + 1, rows: bodyRowsOf(table) });

/** AutoFilter (ExcelApi 1.9) of a table: `isDataFiltered` ("Specifies if the AutoFilter has filter criteria") and `enabled` (filter buttons shown). */
class FakeAutoFilter extends ClientObject<TableModel> {
  protected override readProperty(table: TableModel, name: string): unknown {
    if (name === "isDataFiltered") return table.filtered === true;
    if (name === "enabled") return table.showFilterButton ?? true;
    return super.readProperty(table, name);
  }
  get isDataFiltered(): boolean {
    return this.get("isDataFiltered");
  }
  get enabled(): boolean {
    return this.get("enabled");
  }
}

/** Excel gives every table an id of its own, never reused in the session (a re-created table gets a new one). */
const tableIds = new WeakMap<TableModel, string>();
let nextTableId = 1;
export function tableIdOf(table: TableModel): string {
  let id = tableIds.get(table);
  if (id === undefined) tableIds.set(table, (id = `{table-${nextTableId++}}`));
  return id;
}

export class FakeTable extends ClientObject<TableModel> {
  protected override readProperty(table: TableModel, name: string): unknown {
    if (name === "name") return table.name;
    if (name === "id") return tableIdOf(table);
    if (name === "style") return table.style;
    if (name === "showTotals") return table.showTotals ?? false;
    if (name === "showBandedRows") return table.showBandedRows ?? true;
    if (name === "showBandedColumns") return table.showBandedColumns ?? false;
    if (name === "showFilterButton") return table.showFilterButton ?? true;
    return super.readProperty(table, name);
  }
  get id(): string {
    return this.get("id");
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.set((t) => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(value)) throw new OfficeError("InvalidArgument", `'${value}' is not a valid table name.`);
      if (this.context.model.tables.some((o) => o !== t && o.name.toLowerCase() === value.toLowerCase())) throw new OfficeError("InvalidArgument", `A table named '${value}' already exists.`);
      // Names are unique across tables and defined names (ECMA-376 Part 1, definedName); Excel
      // answers a clash only with "The argument is invalid" (office-js #551).
      if (this.context.model.names.some((n) => n.name.toLowerCase() === value.toLowerCase())) throw new OfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      t.name = value;
    });
  }
  get style(): string {
    return this.get("style");
  }
  set style(value: string) {
    this.set((t) => (t.style = value));
  }
  get showTotals(): boolean {
    return this.get("showTotals");
  }
  /**
   * Table.showTotals (ExcelApi 1.1): "Specifies if the total row is visible. This value can be
   * set to show or remove the total row." The total row is part of the table's range
   * (Table.getRange: "the entire table"; getDataBodyRange: "the data body"; getTotalRowRange:
   * "the totals row"), so the model's box holds it as its last row. Showing it: where the row
   * under the body goes when it holds the user's cells is not documented; the fake takes the
   * safe reading that they move down (the table's columns, as an insert), so nothing is
   * overwritten. Hiding it: the row leaves the table and its cells are cleared (also not
   * documented; only the tests switch it, the add-in never does).
   */
  set showTotals(value: boolean) {
    this.set((t) => {
      if ((t.showTotals ?? false) === value) return;
      const bottom = t.box.row + t.box.rows;
      if (value) {
        shiftColumns(this.context.model, t.sheet, { ...t.box, rows: 1 }, bottom, 1, null);
        t.box = { ...t.box, rows: t.box.rows + 1 };
      } else {
        for (let c = 0; c < t.box.columns; c++) t.sheet.cells.delete(`${bottom - 1},${t.box.column + c}`);
        t.box = { ...t.box, rows: t.box.rows - 1 };
      }
      t.showTotals = value;
    });
  }
  get showBandedRows(): boolean {
    return this.get("showBandedRows");
  }
  get showBandedColumns(): boolean {
    return this.get("showBandedColumns");
  }
  get showFilterButton(): boolean {
    return this.get("showFilterButton");
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.resolver()?.sheet ?? null);
  }
  /** The table's AutoFilter (ExcelApi 1.9): whether a filter is on (see TableModel.filtered). */
  get autoFilter(): FakeAutoFilter {
    return new FakeAutoFilter(this.context, () => this.resolver());
  }
  /** Table.clearFilters (ExcelApi 1.2): "Clears all the filters currently applied on the table." */
  clearFilters(): void {
    this.set((t) => (t.filtered = false));
  }
  readonly onChanged = {
    add: (handler: (event: unknown) => unknown) => {
      this.set((t) => {
        const handlers = this.context.model.tableChangeHandlers;
        handlers.set(t, [...(handlers.get(t) ?? []), handler]);
      });
      return {};
    },
  };
  getRange(): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.model().sheet, box: this.model().box }));
  }
  /** The body only: the total row, when shown, is not in it (see showTotals). */
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, box } = this.model();
      return { sheet, box: { ...box, row: box.row + 1, rows: bodyRowsOf(this.model()) } };
    });
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.model().sheet, box: { ...this.model().box, rows: 1 } }));
  }
  /** "The totals row of the table"; without one the fake refuses (the docs do not say what Excel answers). */
  getTotalRowRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, box, showTotals } = this.model();
      if (!showTotals) throw new OfficeError("ItemNotFound", "The table shows no total row.");
      return { sheet, box: { ...box, row: box.row + box.rows - 1, rows: 1 } };
    });
  }
  /** Table.resize (ExcelApi 1.13); rows it takes in get each calculated column's formula where blank (fake-calculated-columns.ts). */
  resize(range: FakeRange | string): void {
    this.set((t) => {
      const target = typeof range === "string" ? { sheet: t.sheet, box: parseAddress(range) } : (range as unknown as { model(): RangeModel }).model();
      if (target.sheet !== t.sheet || target.box.row !== t.box.row || target.box.column !== t.box.column) throw new OfficeError("InvalidArgument", "A table can only be resized from its own top-left cell.");
      const calculated = this.context.model.fillCalculatedColumns ? calculatedColumns(t.sheet, bodyOf(t)) : [];
      const bodyEnd = t.box.row + 1 + bodyRowsOf(t);
      t.box = target.box;
      const grown = t.box.row + 1 + bodyRowsOf(t) - bodyEnd;
      if (grown > 0) fillCalculated(t.sheet, calculated.filter((c) => c.column < t.box.column + t.box.columns), bodyEnd, grown);
    });
  }
  delete(): void {
    this.set((t) => (this.context.model.tables = this.context.model.tables.filter((x) => x !== t)));
  }
  /**
   * Table.convertToRange (ExcelApi 1.2): "Converts the table into a normal range of cells. All
   * data is preserved." The table goes; its cells, with their notes, comments, rules and formats,
   * stay. What becomes of the table style's look the reference does not say. Excel's own Table ›
   * Convert to Range leaves it on the cells as their own formats (EPPlus issue #2039: "removes the
   * ListObject structure but preserves all visual formatting (cell fill colors, font styling,
   * borders"; DevExpress Table.ConvertToRange: "converts table style formatting to cell direct
   * formatting"), and the fake takes that reading, the one that leaves most behind: each cell
   * gets the style's look (tableStyleLook) wherever it has no format of that kind of its own (a
   * cell's own format wins over the table style, as in Excel), so the sheet is no longer blank.
   */
  convertToRange(): FakeRange {
    let box: Box | null = null;
    let sheet: SheetModel | null = null;
    this.set((t) => {
      [box, sheet] = [t.box, t.sheet];
      for (let r = 0; r < t.box.rows; r++) {
        const look = tableStyleLook(t, r);
        if (!look) continue;
        for (let c = 0; c < t.box.columns; c++) {
          const cell = t.sheet.cell(t.box.row + r, t.box.column + c);
          for (const [key, value] of Object.entries(look)) if ((cell as unknown as Record<string, unknown>)[key] === undefined) Object.assign(cell, { [key]: value });
        }
      }
      this.context.model.tables = this.context.model.tables.filter((x) => x !== t);
    });
    return new FakeRange(this.context, () => (box && sheet ? { sheet, box } : null));
  }
  /**
   * The table's rows (ExcelApi 1.1): `getItemAt(i).delete()` deletes body row i, `add(index,
   * values)` inserts rows there (at the end without an index). Whether cells below the table
   * move along is not documented: the fake shifts the table's columns below it, as a range
   * delete or insert does (Excel's "Delete Table Rows" does the same).
   */
  readonly rows = {
    getItemAt: (index: number) => ({
      delete: () =>
        this.set((t) => {
          if (index < 0 || index >= bodyRowsOf(t)) throw new OfficeError("ItemNotFound", `The table has no row ${index}.`);
          this.context.changed(t.sheet, { ...t.box, row: t.box.row + 1 + index, rows: 1 }, "RowDeleted");
          shiftColumns(this.context.model, t.sheet, t.box, t.box.row + 1 + index, -1, t);
          t.box = { ...t.box, rows: t.box.rows - 1 };
        }),
    }),
    add: (index: number | null | undefined, values: (string | number | boolean)[][]) => {
      this.context.addPayload(values);
      this.set((t) => {
        // The rows go into the body: "at the end" is above the total row, which moves down (TableRowCollection.add: "Any rows below the inserted row are shifted downwards").
        const at = index === null || index === undefined || index === -1 ? bodyRowsOf(t) : index;
        // Calculated columns as the body has them before the rows come (fake-calculated-columns.ts).
        const calculated = this.context.model.fillCalculatedColumns ? calculatedColumns(t.sheet, bodyOf(t)) : [];
        if (at < 0 || at > bodyRowsOf(t)) throw new OfficeError("InvalidArgument", `The table has no row ${at}.`);
        shiftColumns(this.context.model, t.sheet, t.box, t.box.row + 1 + at, values.length, t);
        t.box = { ...t.box, rows: t.box.rows + values.length };
        // The body row beside the new ones (above, or below them at the top), whose formats they may take.
        const beside = at > 0 ? t.box.row + at : t.box.row + 1 + values.length;
        this.context.changed(t.sheet, { ...t.box, row: t.box.row + 1 + at, rows: values.length }, "RowInserted");
        values.forEach((row, r) => {
          if (row.length !== t.box.columns) throw new OfficeError("InvalidArgument", "A table row needs a value for each column.");
          row.forEach((value, c) => {
            const cell = t.sheet.cell(t.box.row + 1 + at + r, t.box.column + c);
            // Taken as Range.values takes them (TableRowCollection.add: "unformatted values"): a
            // string as typing reads it, a quote-prefixed one as text (fake-typed-values.ts). The
            // new cells' format is taken to be General (whether they take the column's is not
            // documented), or the column's where a test asks (useNewRowFormat).
            if (newRowFormatReading() === "column's" && bodyRowsOf(t) > values.length) cell.numberFormat = t.sheet.cells.get(`${beside},${t.box.column + c}`)?.numberFormat ?? "General";
            Object.assign(cell, entered(value, cell.numberFormat));
          });
        });
        // A calculated column's cells given blank get its formula (office-js #1916).
        fillCalculated(t.sheet, calculated, t.box.row + 1 + at, values.length);
      });
      return {};
    },
  };
}

/**
 * What moves with cells that Excel shifts down (`by` rows inserted at row `at`) or up (`-by` rows
 * deleted from row `at`) in the columns of `columns`: notes and comments of the shifted cells
 * move with them and those of deleted cells go; merged areas, conditional formats and data
 * validation wholly in those columns move, grow by rows inserted inside them and shrink by rows
 * deleted from them, and go when all their rows are deleted (Excel keeps these attached to their
 * cells, as it does formulas' references). A threaded comment "is tied to an individual cell"
 * ("Work with comments using the Excel JavaScript API"), with its replies: it goes with a deleted
 * cell, replies and all, and adding the row back brings none back (nothing in the reference keeps
 * a comment apart from its cell; the safe reading). A merge only partly in the columns never
 * gets here (refuseShift); a rule only partly in them was cut into pieces by shiftAttached first.
 */
function shiftSheetExtras(sheet: SheetModel, columns: Pick<Box, "column" | "columns">, at: number, by: number): void {
  const inColumns = (b: Pick<Box, "column"> & { columns?: number }) => b.column >= columns.column && b.column + (b.columns ?? 1) <= columns.column + columns.columns;
  const end = at - by; // deleting: the first row after the deleted ones
  const point = (p: { row: number; column: number }) => {
    if (!inColumns(p) || p.row < at) return true;
    if (by < 0 && p.row < end) return false;
    p.row += by;
    return true;
  };
  const area = (b: Box) => {
    if (!inColumns(b)) return true;
    if (by > 0) {
      if (b.row >= at) b.row += by;
      else if (b.row + b.rows > at) b.rows += by;
      return true;
    }
    const overlap = Math.max(0, Math.min(b.row + b.rows, end) - Math.max(b.row, at));
    if (overlap === b.rows) return false;
    if (b.row >= end) b.row += by;
    else if (b.row >= at) Object.assign(b, { row: at, rows: b.rows - overlap });
    else b.rows -= overlap;
    return true;
  };
  sheet.notes = sheet.notes.filter(point);
  sheet.comments = sheet.comments.filter(point);
  sheet.merges = sheet.merges.filter(area);
  sheet.conditionalFormats = sheet.conditionalFormats.filter(area);
  sheet.dataValidations = sheet.dataValidations.filter(area);
}

/**
 * What Excel refuses before it shifts cells (`by` rows inserted at row `at`, or `-by` rows deleted
 * from it) in the columns of `columns`, with InsertDeleteConflict ("The insert or delete operation
 * attempted resulted in a conflict", docs/testing/application-specific-api-error-handling.md),
 * before anything moves. Which neighbours conflict the docs do not list; the fake takes the safe
 * reading, the cases Excel's own messages name:
 * - a merged area partly in the shifted columns, at or below `at` ("This operation will cause
 *   some merged cells to unmerge" in Excel's interface; an add-in cannot answer that question);
 * - a table partly in them that would move ("This operation is attempting to shift cells in a
 *   table on your worksheet"), and one the insert falls inside (only `own`, the table whose rows
 *   TableRowCollection.add or TableRow.delete add or remove, may be cut);
 * - a table with an active filter whose cells would move, or whose own rows are added or deleted:
 *   TableRowCollection.deleteRows and deleteRowsAt "will throw the InsertDeleteConflict error if
 *   the table on which the method is called has a filter applied" (ExcelApiOnline 1.1
 *   reference); a range delete in a filtered table deleted nothing in office-js #994 and threw
 *   "Can't move cells in a filtered range or table" through Excel's COM API (xlwings #2587).
 *   Refusing is the safe reading of both: the fake never does the silent nothing of #994.
 * Rows of a table the delete takes out are checked by Range.delete itself (whole rows of its body).
 */
function refuseShift(model: WorkbookModel, sheet: SheetModel, columns: Pick<Box, "column" | "columns">, at: number, by: number, own: TableModel | null): void {
  const end = by < 0 ? at - by : at; // the first row after the deleted ones; for an insert, the row of the insert
  const touches = (b: Box) => b.column < columns.column + columns.columns && columns.column < b.column + b.columns && b.row + b.rows > at;
  const within = (b: Box) => b.column >= columns.column && b.column + b.columns <= columns.column + columns.columns;
  const conflict = (why: string) => new OfficeError("InsertDeleteConflict", why);
  for (const table of model.tables) {
    if (table.sheet !== sheet || !(touches(table.box) || table === own)) continue;
    if (table.filtered) throw conflict(`Can't move cells in a filtered range or table ('${table.name}').`);
    if (table === own || (by < 0 && table.box.row < end)) continue;
    if (table.box.row < at || !within(table.box)) throw conflict(`This operation is attempting to shift cells in the table '${table.name}'.`);
  }
  const cut = sheet.merges.find((m) => touches(m) && !within(m));
  if (cut) throw conflict(`The ${by > 0 ? "insert" : "delete"} would move part of the merged cells ${toAddress(cut)}.`);
  // A spilled range moves with its anchor, whole, or not at all (see spillsOf): partly in the
  // shifted columns, or split by the rows inserted or deleted, it is refused; deleted whole
  // (its anchor with it), it goes.
  const split = (s: Box) => (by > 0 ? s.row < at : !(s.row >= end || (s.row >= at && s.row + s.rows <= end)));
  const spill = spillsOf(sheet).find((s) => touches(s) && (!within(s) || split(s)));
  if (spill) throw conflict(`The ${by > 0 ? "insert" : "delete"} would move part of the spilled range ${toAddress(spill)}.`);
}

/**
 * The spilled ranges of a sheet: each anchor's box (CellModel.spill). What Excel does when an
 * insert or delete would move part of one, the reference does not say (only that Range.insert and
 * delete can fail with InsertDeleteConflict, "The insert or delete operation attempted resulted in
 * a conflict", docs/testing/application-specific-api-error-handling.md; issue 14 names spilled
 * ranges among its causes, beside merged cells). The fake takes the safe reading: a spill is one
 * block, like a merged area, and a shift that would cut it (only part of it in the shifted
 * columns, or rows inserted or deleted inside it) is refused before anything moves. One wholly in
 * the shifted columns and below the insert or delete moves along with its anchor. An add-in that
 * copes with the refusal copes with an Excel that shifts and recalculates instead.
 */
function spillsOf(sheet: SheetModel): Box[] {
  return [...sheet.cells].flatMap(([key, cell]) => {
    if (!cell.spill || cell.formula === null) return [];
    const [row, column] = key.split(",").map(Number);
    return [{ row, column, rows: cell.spill.rows, columns: cell.spill.columns }];
  });
}

/**
 * Everything that follows cells Excel shifts: what is attached to them (shiftSheetExtras) and
 * every reference to them (shiftReferences). A conditional format or validation rule only partly
 * in the shifted columns is cut first, the part in them moving and the rest staying: Excel keeps
 * one rule over several areas (its range becomes "A2:B10,C4:C12"), the fake, whose rules have
 * one box each, keeps one rule per piece with the same formulas (docs silent on the form; what
 * the add-in reads, which cells have which rule formula, is the same).
 */
function shiftAttached(model: WorkbookModel, sheet: SheetModel, columns: Pick<Box, "column" | "columns">, at: number, by: number): void {
  const [left, right] = [columns.column, columns.column + columns.columns];
  const cut = (rules: RuleModel[]) =>
    rules.flatMap((rule) => {
      const [from, to] = [rule.column, rule.column + rule.columns];
      if (rule.row + rule.rows <= at || to <= left || from >= right || (from >= left && to <= right)) return [rule];
      const edges = [from, Math.max(from, left), Math.min(to, right), to];
      return [0, 1, 2].filter((i) => edges[i + 1] > edges[i]).map((i) => ({ ...rule, column: edges[i], columns: edges[i + 1] - edges[i] }));
    });
  sheet.conditionalFormats = cut(sheet.conditionalFormats);
  sheet.dataValidations = cut(sheet.dataValidations);
  const tops = new Map([...sheet.conditionalFormats, ...sheet.dataValidations].map((rule) => [rule, rule.row]));
  shiftSheetExtras(sheet, columns, at, by);
  shiftReferences(model, { sheet, columns, at, by }, (rule) => rule.row - (tops.get(rule) ?? rule.row));
}

/** Cells shifted: on `sheet`, in `columns`, `by` rows inserted at row `at` (or `-by` deleted from it). */
interface Shift {
  sheet: SheetModel;
  columns: Pick<Box, "column" | "columns">;
  at: number;
  by: number;
}

/**
 * An A1 reference in a formula, with what must be left alone around it: a string literal, a
 * structured reference's brackets (`MonitorData[Waarde]`), or a name or function (`LOG10(`,
 * `Blad1!`), none of which is a cell. Groups: 1 string, 2 brackets, 3 sheet prefix, 4-7 first
 * cell ($, column, $, row), 8-11 last cell.
 */
const REFERENCE = /("(?:[^"]|"")*")|(\[(?:[^[\]]|\[[^\]]*\])*\])|(?<![A-Za-z0-9_.#!$'])((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![A-Za-z0-9_(!.[])/g;

/**
 * What Excel does to references when cells shift: "When you insert or delete rows, columns or
 * cells, Excel adjusts the references in formulas" to follow the cells they point at (the same
 * behaviour cell formulas show everywhere in Excel; Microsoft Support, "Insert or delete cells,
 * rows, and columns": not verified from this machine). Rewritten as Excel would:
 * - cell formulas on every sheet, defined names, the data sources of chart series
 *   (ChartModel.dataSources: always absolute, with their sheet, as a series formula is), and the
 *   formulas of conditional formats and data validation rules;
 * - a reference to a cell in the shifted columns at or below the insert moves down; one to a
 *   deleted cell becomes #REF! (`=Data!G5` turns into `=Data!#REF!`) and its cell shows #REF!;
 *   an area wholly in the shifted columns grows by rows inserted inside it and shrinks by rows
 *   deleted from it (#REF! when all are); an area only partly in the shifted columns keeps its
 *   text (the docs do not say what Excel does; the fake changes nothing it cannot place);
 * - in a rule's formula, a reference whose row is relative (`G2`, `$G2`) keeps its place relative
 *   to the rule's first cell (Excel evaluates a rule's formula "relative to the top-left cell"
 *   of the range it applies to, ConditionalFormatRule.formula reference; the fake applies it to
 *   validation as well): it moves with the rule's range (`ruleMoved`), not with the cell it named.
 *   An absolute one (`$B$6`) follows its cell like any other.
 * Not modelled: a chart's own source box (ChartModel.source), the add-in's charts being on sheets
 * whose cells no pull shifts; R1C1 and whole-row or whole-column references (`G:G`), which a
 * vertical shift within some columns leaves as they are.
 */
function shiftReferences(model: WorkbookModel, shift: Shift, ruleMoved: (rule: RuleModel) => number): void {
  for (const sheet of model.sheets) {
    for (const cell of sheet.cells.values()) {
      if (!cell.formula) continue;
      const after = shiftedFormula(cell.formula, sheet, shift, null);
      if (after === cell.formula) continue;
      const broken = (after.match(/#REF!/g) ?? []).length > (cell.formula.match(/#REF!/g) ?? []).length;
      Object.assign(cell, broken ? { formula: after, value: "#REF!" } : { formula: after });
    }
    for (const rule of [...sheet.conditionalFormats, ...sheet.dataValidations]) {
      const moved = sheet === shift.sheet ? ruleMoved(rule) : 0;
      if (rule.formula) rule.formula = shiftedFormula(rule.formula, sheet, shift, moved);
      if (rule.formula2) rule.formula2 = shiftedFormula(rule.formula2, sheet, shift, moved);
    }
    for (const chart of sheet.charts) {
      for (const source of chart.dataSources ?? []) Object.assign(source, { values: shiftedFormula(source.values, sheet, shift, null), categories: shiftedFormula(source.categories, sheet, shift, null) });
    }
  }
  for (const name of model.names) name.formula = shiftedFormula(name.formula, name.sheet, shift, null);
}

/** `formula` (held on `home`, which unprefixed references mean) with its references to the shifted cells moved; `ruleMoved`: for a rule's formula, how far its range moved. */
function shiftedFormula(formula: string, home: SheetModel | null, shift: Shift, ruleMoved: number | null): string {
  const { columns, at, by } = shift;
  const end = by < 0 ? at - by : at;
  const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  /** Where row `row` goes: moved, or null when it was deleted. */
  const moved = (row: number) => (row < at ? row : by > 0 ? row + by : row >= end ? row + by : null);
  return formula.replace(REFERENCE, (whole, text, brackets, prefix: string | undefined, d1: string, c1: string, e1: string, r1: string, d2?: string, c2?: string, e2?: string, r2?: string) => {
    if (text || brackets) return whole;
    const sheetName = prefix ? prefix.slice(0, -1).replace(/^'(.*)'$/, "$1").replace(/''/g, "'") : home?.name;
    if (sheetName === undefined || sheetName.toLowerCase() !== shift.sheet.name.toLowerCase()) return whole;
    const first = { column: column(c1), row: Number(r1) - 1, absolute: e1 === "$" };
    const last = c2 && r2 ? { column: column(c2), row: Number(r2) - 1, absolute: e2 === "$" } : first;
    const inColumns = Math.min(first.column, last.column) >= columns.column && Math.max(first.column, last.column) < columns.column + columns.columns;
    if (!inColumns) return whole;
    const cell = (d: string, c: string, e: string, row: number) => `${d}${c}${e}${row + 1}`;
    const at2 = (first: number, last: number) => `${prefix ?? ""}${cell(d1, c1, e1, first)}${c2 ? `:${cell(d2 ?? "", c2, e2 ?? "", last)}` : ""}`;
    // A rule's relative rows keep their place from the rule's first cell.
    if (ruleMoved !== null && !first.absolute && !last.absolute) return at2(first.row + ruleMoved, last.row + ruleMoved);
    const [top, bottom] = [Math.min(first.row, last.row), Math.max(first.row, last.row)];
    const [newTop, newBottom] = [moved(top), moved(bottom)];
    if (newTop === null && newBottom === null) {
      // Every cell it named was deleted (an area's rows all in the deleted ones).
      if (bottom < end) return `${prefix ?? ""}#REF!`;
    }
    return at2(newTop ?? at, newBottom ?? at - 1);
  });
}

function shiftColumns(model: WorkbookModel, sheet: SheetModel, box: Box, from: number, by: number, own: TableModel | null): void {
  refuseShift(model, sheet, box, from, by, own);
  shiftAttached(model, sheet, box, from, by);
  const inColumns = (column: number) => column >= box.column && column < box.column + box.columns;
  const moving = [...sheet.cells].filter(([key]) => {
    const [row, column] = key.split(",").map(Number);
    return inColumns(column) && row >= from;
  });
  for (const [key] of moving) sheet.cells.delete(key);
  for (const [key, cell] of moving) {
    const [row, column] = key.split(",").map(Number);
    if (by === -1 && row === from) continue;
    sheet.cells.set(`${row + by},${column}`, cell);
  }
  for (const table of model.tables) {
    if (table.sheet === sheet && table.box.row > from && table.box.column >= box.column && table.box.column + table.box.columns <= box.column + box.columns) table.box = { ...table.box, row: table.box.row + by };
  }
}

class FakeChartCollection extends CollectionObject<ChartModel, FakeChart> {
  constructor(
    context: FakeContext,
    private readonly sheet: () => SheetModel,
    charts: () => ChartModel[],
  ) {
    super(context, charts);
  }
  protected wrap(item: ChartModel): FakeChart {
    return new FakeChart(this.context, () => (this.sheet().charts.includes(item) ? item : null));
  }
  /** ChartCollection.getCount (ExcelApi 1.1): "Returns the number of charts in the worksheet." */
  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.context.enqueue(() => result.settle(this.model().length, this.context));
    return result;
  }
  /** ChartCollection.getItem (1.1): "Gets a chart using its name. If there are multiple charts with the same name, the first one will be returned." */
  getItem(name: string): FakeChart {
    return new FakeChart(this.context, () => this.sheet().charts.find((chart) => chart.name === name) ?? null);
  }
  /**
   * ChartCollection.getItemOrNullObject (ExcelApi 1.4): "If the chart doesn't exist, then this
   * method returns an object with its isNullObject property set to true." What is asked of its
   * series then (their sources) answers nothing and refuses nothing, as for a conditional format's
   * null object (FakeConditionalFormatCollection.getItemOrNullObject: the reference is silent; the
   * safe reading for a reader checks isNullObject first). A series past the end of a chart that is
   * there is still refused (getItemAt has no such form).
   */
  getItemOrNullObject(name: string): FakeChart {
    const chart = () => this.sheet().charts.find((c) => c.name === name) ?? null;
    return Object.assign(new FakeChart(this.context, chart), { orNull: true });
  }
  add(type: string, source: FakeRange, seriesBy: string): FakeChart {
    let created: ChartModel | null = null;
    this.context.enqueue(() => {
      const sheet = this.sheet();
      const range = (source as unknown as { model(): RangeModel }).model();
      if (range.sheet !== sheet) throw new OfficeError("InvalidArgument", "A chart's data must be on its own sheet in this add-in.");
      created = { name: `Chart ${sheet.charts.length + 1}`, type, source: range.box, seriesBy, title: null, categoryAxisTitle: null, valueAxisTitle: null, valueAxisNumberFormat: null, legendPosition: null, position: null, seriesColours: [], pointColours: [], dataLabels: {}, axisSettings: { category: {}, value: {} } };
      sheet.charts.push(created);
    });
    return new FakeChart(this.context, () => created);
  }
}

const PIE_TYPES = ["Pie", "Doughnut"];

export class FakeChart extends ClientObject<ChartModel> {
  /** Made by getItemOrNullObject: its series' sources answer nothing once it is gone. */
  orNull = false;
  readonly axes = { categoryAxis: new FakeChartAxis(this.context, () => this.resolver(), "category"), valueAxis: new FakeChartAxis(this.context, () => this.resolver(), "value") };
  readonly title = this.withFont(new FakeChartPart(this.context, () => this.resolver(), { text: (c: ChartModel) => c.title, visible: titleVisible, set: { text: (c, v) => (c.title = v as string) } }) as FakeChartPart & { text: string; visible: boolean }, (s) => s.titleFont, 14);
  readonly legend = this.withFont(new FakeChartPart(this.context, () => this.resolver(), { position: (c: ChartModel) => c.legendPosition ?? "Right", visible: () => true, set: { position: (c, v) => (c.legendPosition = v as string) } }) as FakeChartPart & { position: string; visible: boolean }, (s) => s.legendFont);
  // ── Chart styling (review 2, D6; fake-chart-styling.ts): the chart area's font and fill, the title's and legend's fonts ──
  readonly format = {
    font: fakeChartFont(this.context, () => this.resolver(), (s) => s.chartAreaFont, 10),
    fill: {
      getSolidColor: () => {
        const result = new FakeClientResult<string>();
        this.context.enqueue(() => result.settle(chartAreaFill(this.model()), this.context));
        return result;
      },
    },
  };
  /** The chart's data table (ExcelApi 1.14; fake-chart-styling.ts). */
  getDataTableOrNullObject() {
    return fakeDataTable(this.context, () => this.resolver());
  }
  private withFont<P extends object>(part: P, font: (s: ChartStylingModel) => ChartFontModel | undefined, size?: number): P & { format: { font: ReturnType<typeof fakeChartFont> } } {
    return Object.assign(part, { format: { font: fakeChartFont(this.context, () => this.resolver(), font, size) } });
  }
  // ── end D6 ──
  /**
   * The chart's data labels (Chart.dataLabels, ExcelApi 1.1; numberFormat 1.8), set and read like
   * Excel's ChartDataLabels: what is not set reads as Excel's default for a new chart (off, "General").
   */
  readonly dataLabels = new FakeChartPart(this.context, () => this.resolver(), {
    showValue: (c: ChartModel) => c.dataLabels.showValue ?? false,
    showCategoryName: (c: ChartModel) => c.dataLabels.showCategoryName ?? false,
    showSeriesName: (c: ChartModel) => c.dataLabels.showSeriesName ?? false,
    showPercentage: (c: ChartModel) => c.dataLabels.showPercentage ?? false,
    showLegendKey: () => false,
    position: (c: ChartModel) => c.dataLabels.position ?? "BestFit",
    numberFormat: (c: ChartModel) => c.dataLabels.numberFormat ?? "General",
    set: { showValue: (c, v) => (c.dataLabels.showValue = v as boolean), numberFormat: (c, v) => (c.dataLabels.numberFormat = v as string) },
  }) as FakeChartPart & { showValue: boolean; numberFormat: string };
  /** Series as Excel makes them from the source (one per column after the first), with their points. */
  readonly series = {
    getCount: () => {
      const result = new FakeClientResult<number>();
      this.context.enqueue(() => result.settle(seriesCount(this.model()), this.context));
      return result;
    },
    getItemAt: (index: number) => new FakeChartSeries(this.context, () => this.resolver(), index, () => this.orNull && this.resolver() === null),
  };
  protected override readProperty(chart: ChartModel, name: string): unknown {
    // Where a chart sits, in points, as Excel reports it after setPosition (the fake: 15 points a
    // row, 48 a column from the cells it was placed over).
    const start = chart.position ? parseAddress(chart.position.start) : { row: 0, column: 0 };
    const end = chart.position ? parseAddress(chart.position.end) : { row: 15, column: 8 };
    const place: Record<string, unknown> = { name: chart.name, chartType: chart.type, top: start.row * 15, left: start.column * 48, height: (end.row - start.row + 1) * 15, width: (end.column - start.column + 1) * 48, style: chartStyle(chart) };
    return name in place ? place[name] : super.readProperty(chart, name);
  }
  get chartType(): string {
    return this.get("chartType");
  }
  get top(): number {
    return this.get("top");
  }
  get left(): number {
    return this.get("left");
  }
  get height(): number {
    return this.get("height");
  }
  get width(): number {
    return this.get("width");
  }
  get style(): number {
    return this.get("style");
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.set((c) => (c.name = value));
  }
  delete(): void {
    this.set((c) => {
      const sheet = this.context.model.sheets.find((s) => s.charts.includes(c));
      sheet?.charts.splice(sheet.charts.indexOf(c), 1);
    });
  }
  setPosition(start: string, end: string): void {
    this.set((c) => (c.position = { start, end }));
  }
}

/**
 * A chart's category or value axis (ChartAxis), set as the add-in sets it and loaded as Excel
 * reports it: its title's text (ChartAxisTitle.text, ExcelApi 1.1; "" where none was given),
 * minimum and maximum (1.1: "Can be set to a numeric value or an empty string (for automatic axis
 * values). The returned value is always a number": where none was set, the fake reports an
 * automatic bound that follows the figures, see automaticBounds), numberFormat (1.8, "General"
 * until set), reversePlotOrder (1.7), position (1.8) and tickLabelSpacing (1.7). A pie or
 * doughnut has no axes: the fake refuses them (the reference does not say what Excel does; the
 * add-in never asks), and reads bounds of the value axis only ("the minimum value on the value axis").
 */
class FakeChartAxis extends ClientObject<ChartModel> {
  constructor(
    context: FakeContext,
    resolver: () => ChartModel | null,
    private readonly which: "category" | "value",
  ) {
    super(context, () => {
      const chart = resolver();
      if (chart && PIE_TYPES.includes(chart.type)) throw new OfficeError("InvalidOperation", `A ${chart.type} chart has no axes.`);
      return chart;
    });
  }
  private settings(c: ChartModel): AxisSettings {
    return c.axisSettings[this.which];
  }
  // ── Chart styling (review 2, D6; fake-chart-styling.ts): gridlines, the labels' font ──
  readonly majorGridlines = fakeGridlines(this.context, () => this.resolver(), this.which);
  readonly format = { font: fakeChartFont(this.context, () => this.resolver(), (s) => s.axisFonts?.[this.which]) };
  // ── end D6 ──
  private titleText(c: ChartModel): string {
    return (this.which === "category" ? c.categoryAxisTitle : c.valueAxisTitle) ?? "";
  }
  readonly title = new FakeChartPart(this.context, () => this.resolver(), {
    text: (c: ChartModel) => this.titleText(c),
    // Review finding R5: ChartAxisTitle.visible (1.1), see fake-chart-styling.ts.
    visible: (c: ChartModel) => axisTitleVisible(c, this.which, this.titleText(c)),
    set: { text: (c, v) => (this.which === "category" ? (c.categoryAxisTitle = v as string) : (c.valueAxisTitle = v as string)) },
  }) as FakeChartPart & { text: string; visible: boolean };
  protected override readProperty(chart: ChartModel, name: string): unknown {
    const settings = this.settings(chart);
    if (name === "numberFormat") return (this.which === "value" ? chart.valueAxisNumberFormat : settings.numberFormat) ?? "General";
    if (name === "reversePlotOrder") return settings.reversePlotOrder ?? false;
    // Review finding R5: ChartAxis.visible (1.7), see fake-chart-styling.ts.
    if (name === "visible") return axisVisible(chart, this.which);
    if (name === "minimum" || name === "maximum") {
      if (this.which !== "value") throw new OfficeError("InvalidArgument", "The fake reads the bounds of the value axis only.");
      const [low, high] = automaticBounds(this.context.model, chart);
      return name === "minimum" ? (settings.minimum ?? low) : (settings.maximum ?? high);
    }
    return super.readProperty(chart, name);
  }
  get numberFormat(): string {
    return this.get("numberFormat");
  }
  set numberFormat(value: string) {
    this.set((c) => (this.which === "value" ? (c.valueAxisNumberFormat = value) : (this.settings(c).numberFormat = value)));
  }
  get reversePlotOrder(): boolean {
    return this.get("reversePlotOrder");
  }
  get visible(): boolean {
    return this.get("visible");
  }
  set reversePlotOrder(value: boolean) {
    this.set((c) => (this.settings(c).reversePlotOrder = value));
  }
  get minimum(): number {
    return this.get("minimum");
  }
  /** A number, or "" for an automatic bound again. */
  set minimum(value: number | "") {
    this.set((c) => (this.settings(c).minimum = value === "" ? undefined : value));
  }
  get maximum(): number {
    return this.get("maximum");
  }
  set maximum(value: number | "") {
    this.set((c) => (this.settings(c).maximum = value === "" ? undefined : value));
  }
  set position(value: string) {
    this.set((c) => (this.settings(c).position = value));
  }
  set tickLabelSpacing(value: number) {
    // Excel: "a value from 1 through 31999" (ChartAxis.tickLabelSpacing).
    if (!Number.isInteger(value) || value < 1 || value > 31999) throw new OfficeError("InvalidArgument", `tickLabelSpacing ${value} is not from 1 through 31999.`);
    this.set((c) => (this.settings(c).tickLabelSpacing = value));
  }
}

/**
 * The bounds of a value axis that were not set, as the fake draws them: from 0 (or the lowest
 * figure below it) to the highest figure rounded up to a fifth of its power of ten, over the
 * figures of the chart's own source on its sheet. Excel's own rule is not documented, only that
 * an automatic bound reads as a number; what matters here is that it follows the figures.
 */
function automaticBounds(model: WorkbookModel, chart: ChartModel): [number, number] {
  const home = model.sheets.find((sheet) => sheet.charts.includes(chart));
  const { row, column, rows, columns } = chart.source;
  const body = home ? home.values({ row: row + 1, column: column + 1, rows: rows - 1, columns: PIE_TYPES.includes(chart.type) ? 1 : columns - 1 }) : [];
  const figures = body.flat().filter((v): v is number => typeof v === "number");
  const [low, high] = [Math.min(0, ...figures), Math.max(0, ...figures)];
  const step = 10 ** Math.floor(Math.log10(high - low || 1)) / 5;
  const round = (n: number) => Number(n.toPrecision(12));
  return [round(Math.floor(low / step) * step), round(Math.ceil(high / step) * step)];
}

class FakeCustomProperty extends ClientObject<{ key: string; sheet: SheetModel }> {
  protected override readProperty(p: { key: string; sheet: SheetModel }, name: string): unknown {
    if (name === "key") return p.key;
    if (name === "value") return p.sheet.customProperties.get(p.key);
    return super.readProperty(p, name);
  }
  get key(): string {
    return this.get("key");
  }
  get value(): string {
    return this.get("value");
  }
  delete(): void {
    this.set((p) => p.sheet.customProperties.delete(p.key));
  }
}

class FakeCustomPropertyCollection extends CollectionObject<{ key: string; sheet: SheetModel }, FakeCustomProperty> {
  constructor(
    context: FakeContext,
    private readonly sheet: () => SheetModel,
  ) {
    super(context, () => [...sheet().customProperties.keys()].map((key) => ({ key, sheet: sheet() })));
  }
  protected wrap(item: { key: string; sheet: SheetModel }): FakeCustomProperty {
    return new FakeCustomProperty(this.context, () => item);
  }
  /** Like Excel: a new property, or the existing one with that key overwritten. */
  add(key: string, value: string): void {
    this.context.enqueue(() => {
      if (key.length > 255) throw new OfficeError("InvalidArgument", "Custom property keys are at most 255 characters.");
      if (value.length > 255) throw new OfficeError("InvalidArgument", "Custom property values are at most 255 characters outside Excel on the web.");
      this.sheet().customProperties.set(key, value);
    });
  }
  getItemOrNullObject(key: string): FakeCustomProperty {
    return new FakeCustomProperty(this.context, () => {
      const sheet = this.sheet();
      const found = [...sheet.customProperties.keys()].find((k) => k.toLowerCase() === key.toLowerCase());
      return found === undefined ? null : { key: found, sheet };
    });
  }
}

/** Runs `body` the way Excel.run does, with a fresh context on the given workbook. */
export async function fakeRun<T>(model: WorkbookModel, body: (context: FakeContext) => Promise<T>): Promise<{ result: T; syncs: number }> {
  const context = new FakeContext(model);
  // The add-in asks Office which ExcelApi sets this Excel has (Office.context.requirements.
  // isSetSupported, "Check for API availability at runtime"): the model's, unless a test put an
  // Office of its own in place.
  const global = globalThis as { Office?: unknown };
  const own = global.Office === undefined;
  if (own) global.Office = { context: { requirements: { isSetSupported: (set: string, version: string) => set === "ExcelApi" && !newerVersion(version, model.excelApi) } } };
  try {
    const result = await body(context);
    await context.sync(); // Excel.run syncs what is still queued at the end
    return { result, syncs: context.syncs };
  } finally {
    if (own) delete global.Office;
  }
}

/** Whether version `a` ("1.16") is later than `b`. */
export function newerVersion(a: string, b: string): boolean {
  const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
}

// ── What Excel keeps beside values (issue 14) ──────────────────────────────────────────────────

/** A value known after the sync (OfficeExtension.ClientResult). */
export class FakeClientResult<T> {
  private settled = false;
  private current: T | undefined;
  settle(value: T, context: FakeContext): void {
    if (context.unanswered) return;
    context.responseBytes += payloadBytes(value);
    this.current = value;
    this.settled = true;
  }
  get value(): T {
    if (!this.settled) throw new OfficeError("PropertyNotLoaded", "A result is known only after sync().");
    return this.current as T;
  }
}

/** A cell with any format of its own, which the used range (with formats) covers. */
export function hasOwnFormat(cell: CellModel): boolean {
  return cell.numberFormat !== "General" || Object.keys(cell).some((k) => !["value", "formula", "numberFormat"].includes(k));
}

/**
 * The look a table style gives row `r` of a table (0: the header), as formats a cell can hold:
 * what Convert to Range leaves behind (see FakeTable.convertToRange). The colours are those of
 * the Office theme's TableStyleMedium2 (the style Format as Table and TableCollection.add give,
 * Accent 1 and its 80% tint), for any style: what matters to the add-in is that formats are left,
 * not which. The header is filled and bold in white; with banded rows (Excel's default) every
 * other body row is filled, the first one first; a total row is bold.
 */
function tableStyleLook(table: TableModel, r: number): Partial<CellModel> | null {
  if (r === 0) return { fill: "#4472C4", bold: true, color: "#FFFFFF" };
  if (table.showTotals && r === table.box.rows - 1) return { bold: true };
  return table.showBandedRows !== false && r % 2 === 1 ? { fill: "#D9E1F2" } : null;
}

const rows = <T>(box: Box, cell: (row: number, column: number) => T): T[][] => Array.from({ length: box.rows }, (_, r) => Array.from({ length: box.columns }, (_, c) => cell(box.row + r, box.column + c)));

/**
 * The borders Range.getCellProperties reports for a cell: the keys of Excel.CellBorderCollection
 * (ExcelApi 1.9 reference; @types/office-js), every one of them, "None" where the cell has none.
 * A cell's own borders (CellModel.borders) are keyed the same.
 */
export const CELL_BORDERS = ["bottom", "diagonalDown", "diagonalUp", "horizontal", "left", "right", "top", "vertical"] as const;

/** Excel's font where a cell has none of its own (the Normal style of a new workbook). */
const DEFAULT_FONT = { bold: false, italic: false, color: "#000000", size: 11, name: "Aptos Narrow", underline: "None" };

/** A cell's properties as Excel reports them, with Excel's defaults where the cell has none. */
function cellProperties(cell: CellModel | undefined) {
  const edges = CELL_BORDERS;
  return {
    format: {
      fill: fillOf(cell, cell?.fill),
      font: { bold: cell?.bold ?? DEFAULT_FONT.bold, italic: cell?.italic ?? DEFAULT_FONT.italic, color: cell?.color ?? DEFAULT_FONT.color, size: cell?.size ?? DEFAULT_FONT.size, name: cell?.fontName ?? DEFAULT_FONT.name, underline: cell?.underline ?? DEFAULT_FONT.underline, ...fontExtrasOf(cell) },
      borders: Object.fromEntries(edges.map((e) => [e, borderOf(cell, e, cell?.borders?.[e])])),
      horizontalAlignment: cell?.horizontalAlignment ?? "General",
      ...alignmentOf(cell),
    },
    hyperlink: cell?.hyperlink ?? null,
    style: cell?.style ?? "Normal",
  };
}

/** What setCellProperties changes in one cell (see FakeRange.setCellProperties). */
function applyCellProperties(cell: CellModel, properties: Excel.SettableCellProperties): void {
  const format = properties.format ?? {};
  const own = <K extends keyof CellModel>(key: K, value: CellModel[K] | undefined, fallback: unknown) => {
    if (value === undefined) return;
    if (value === fallback) delete cell[key];
    else cell[key] = value;
  };
  if (format.fill) {
    if (format.fill.pattern === "None") delete cell.fill;
    else if (format.fill.color !== undefined) cell.fill = format.fill.color;
  }
  const font = format.font ?? {};
  own("bold", font.bold, DEFAULT_FONT.bold);
  own("italic", font.italic, DEFAULT_FONT.italic);
  own("color", font.color, DEFAULT_FONT.color);
  own("size", font.size, DEFAULT_FONT.size);
  own("fontName", font.name, DEFAULT_FONT.name);
  own("underline", font.underline, DEFAULT_FONT.underline);
  for (const edge of CELL_BORDERS) {
    const style = format.borders?.[edge]?.style;
    if (style === undefined) continue;
    const borders = { ...cell.borders };
    if (style === "None") delete borders[edge];
    else borders[edge] = style;
    if (Object.keys(borders).length) cell.borders = borders;
    else delete cell.borders;
  }
  own("horizontalAlignment", format.horizontalAlignment, "General");
  applyCellFormats(cell, format, CELL_BORDERS);
  // The link and the style (SettableCellProperties.hyperlink and .style, ExcelApi 1.9). A style
  // "will overwrite any formatting" (the reference's cell-properties sample): the fake drops the
  // cell's own formats the style would set, which the add-in therefore sets after the style.
  if (properties.hyperlink) cell.hyperlink = { ...properties.hyperlink };
  if (properties.style !== undefined) {
    for (const key of ["fill", "bold", "italic", "color", "size", "fontName", "underline", "borders", "horizontalAlignment", ...CELL_FORMAT_KEYS] as const) delete cell[key];
    own("style", properties.style, "Normal");
  }
}

/** The parts of `value` that `options` asks for (true: the whole part), as Excel's load options select. */
function pick(value: unknown, options: unknown): unknown {
  if (options === true || typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, want] of Object.entries(options as Record<string, unknown>)) {
    const part = (value as Record<string, unknown>)[key];
    if (!want || !(key in (value as Record<string, unknown>))) continue;
    // Border options apply to each edge (CellBorderCollection), as in Excel.
    out[key] = key === "borders" && want !== true ? Object.fromEntries(Object.entries(part as Record<string, unknown>).map(([edge, b]) => [edge, pick(b, want)])) : pick(part, want);
  }
  return out;
}

// ── Rules: conditional formats and data validation (issue 14) ──

/**
 * What Excel answers for the cells with data validation (Range.getSpecialCellsOrNullObject
 * "DataValidations"): areas, whose cut the docs leave open; the fake joins rules side by side
 * over the same rows into one area, as Excel's areas cover cells, not rules.
 */
function sideBySide(rules: Box[]): Box[] {
  const areas: Box[] = [];
  // By the rows an area spans and the column after it: where the next one side by side would start.
  const ending = new Map<string, Box>();
  const key = (row: number, rows: number, column: number) => `${row},${rows},${column}`;
  for (const rule of [...rules].sort((a, b) => a.row - b.row || a.column - b.column)) {
    let area = ending.get(key(rule.row, rule.rows, rule.column));
    if (area) {
      ending.delete(key(area.row, area.rows, area.column + area.columns));
      area.columns += rule.columns;
    } else {
      area = { row: rule.row, column: rule.column, rows: rule.rows, columns: rule.columns };
      areas.push(area);
    }
    ending.set(key(area.row, area.rows, area.column + area.columns), area);
  }
  return areas;
}

/**
 * Cells joined into areas down each column: a formula filled down G2:G500 is one area, as Excel
 * answers it (RangeAreas.areas; how Excel cuts a block of cells into areas is not documented, the
 * fake joins runs down a column, then runs side by side over the same rows, see sideBySide).
 */
function columnRuns(cells: Box[]): Box[] {
  const runs: Box[] = [];
  for (const cell of [...cells].sort((a, b) => a.column - b.column || a.row - b.row)) {
    const last = runs[runs.length - 1];
    if (last && last.column === cell.column && last.row + last.rows === cell.row) last.rows++;
    else runs.push({ ...cell });
  }
  return runs;
}

/** A range's conditional formats (ConditionalFormatCollection, ExcelApi 1.6): loaded by type, counted. */
class FakeConditionalFormatCollection extends CollectionObject<RuleModel, FakeConditionalFormat> {
  protected wrap(item: RuleModel): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, () => item);
  }
  /** The format at `index` of the collection as it is when the sync runs (ConditionalFormatCollection.getItemAt, 1.6). */
  getItemAt(index: number): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, () => this.model()[index] ?? null);
  }
  /** The format whose `id` (its priority, see formatId) this is when the sync runs (ConditionalFormatCollection.getItem, 1.6): ItemNotFound where there is none at that priority any more. */
  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, () => {
      // The rule at that priority on the sheet (formatId), if it is one of the range's: found by its place, not by asking each rule its id (a thousand rules asked a thousand times each).
      const rules = this.model();
      const sheet = rules.length ? sheetOfRule(this.context.model, rules[0]) : null;
      const rule = sheet && /^[1-9]\d*$/.test(id) ? sheet.conditionalFormats[Number(id) - 1] : undefined;
      return rule && rules.includes(rule) ? rule : null;
    });
  }
  /**
   * ConditionalFormatCollection.getItemOrNullObject (ExcelApi 1.14): "If the conditional format object does
   * not exist, then this method returns an object with its isNullObject property set to true."
   * What is asked of it (its ranges, its rule) is null too: the fake answers nothing for them and
   * refuses nothing (the reference is silent; the safe reading for a reader checks isNullObject first).
   */
  getItemOrNullObject(id: string): FakeConditionalFormat {
    if (newerVersion("1.14", this.context.model.excelApi)) throw new OfficeError("ApiNotFound", "ConditionalFormatCollection.getItemOrNullObject needs ExcelApi 1.14.");
    return this.getItem(id);
  }
  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.context.enqueue(() => result.settle(this.model().length, this.context));
    return result;
  }
}

/**
 * One conditional format (ConditionalFormat, ExcelApi 1.6): its `type`, and the part of its type
 * with the rule: `custom.rule.formula` (ConditionalFormatRule) for "Custom", `cellValue.rule`
 * (ConditionalCellValueRule: formula1, formula2, operator) for "CellValue". Asking a format for
 * the part of another type fails, as Excel's does ("…OrNullObject" would give a null object).
 */
class FakeConditionalFormat extends ClientObject<RuleModel> {
  constructor(context: FakeContext, resolver: () => RuleModel | null) {
    // A format Excel deleted (all its cells deleted: see shiftSheetExtras) is on no sheet any more, and is not found.
    super(context, () => {
      const rule = resolver();
      return rule && sheetOfRule(context.model, rule) ? rule : null;
    });
  }
  private part(type: string, read: (rule: RuleModel) => unknown): FakeRulePart {
    return new FakeRulePart(this.context, () => {
      const rule = this.resolver();
      return rule && (rule.type ?? "Custom") === type ? rule : null;
    }, read);
  }
  readonly custom = { rule: this.part("Custom", (r) => ({ formula: r.formula ?? "" })) };
  readonly cellValue = this.part("CellValue", (r) => ({ rule: { formula1: r.formula ?? "", formula2: r.formula2, operator: r.formula2 ? "Between" : "GreaterThan" } }));
  protected override readProperty(rule: RuleModel, name: string): unknown {
    if (name === "type") return rule.type ?? "Custom";
    if (name === "id") return formatId(this.context.model, rule);
    return super.readProperty(rule, name);
  }
  get type(): string {
    return this.get("type");
  }
  get id(): string {
    return this.get("id");
  }
  /** Where the format applies (ConditionalFormat.getRanges, ExcelApi 1.9: "the RangeAreas, comprising one or more rectangular ranges"): the fake's rule has one box. */
  getRanges(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const rule = this.resolver();
      const sheet = rule && sheetOfRule(this.context.model, rule);
      return rule && sheet ? { sheet, areas: [{ row: rule.row, column: rule.column, rows: rule.rows, columns: rule.columns }] } : null;
    });
  }
  /**
   * ConditionalFormat.setRanges (ExcelApi 1.17: "Set the ranges that the conditional format rule
   * is applied to"). The fake takes ranges of the format's own sheet (as VBA's
   * ModifyAppliesToRange says: "entirely contained within the sheet that is the parent"), and one
   * area: its rules have one box each (see shiftAttached).
   */
  setRanges(ranges: FakeRangeAreas): void {
    this.set((rule) => {
      if (newerVersion("1.17", this.context.model.excelApi)) throw new OfficeError("ApiNotFound", "ConditionalFormat.setRanges needs ExcelApi 1.17.");
      const found = ranges.found();
      if (!found || !found.areas.length) throw new OfficeError("InvalidArgument", "No ranges to apply the format to.");
      const areas = found.areas;
      if (found.sheet !== sheetOfRule(this.context.model, rule)) throw new OfficeError("InvalidArgument", "A conditional format applies to cells of its own sheet.");
      if (areas.length !== 1) throw new OfficeError("InvalidArgument", "The fake keeps one area per conditional format.");
      Object.assign(rule, { row: areas[0].row, column: areas[0].column, rows: areas[0].rows, columns: areas[0].columns });
    });
  }
}

/** The sheet a rule is on, or null once Excel deleted it. */
const sheetOfRule = (model: WorkbookModel, rule: RuleModel) => model.sheets.find((sheet) => sheet.conditionalFormats.includes(rule) || sheet.dataValidations.includes(rule)) ?? null;

/**
 * ConditionalFormat.id (ExcelApi 1.6) is "The priority of the conditional format in the current
 * ConditionalFormatCollection" (learn.microsoft.com/javascript/api/excel/excel.conditionalformat,
 * id), not a name that stays with the format; priorities run from 1 to the number of rules on the
 * sheet, each once, and shift when one changes (FormatCondition.Priority, Excel's VBA reference).
 * So the fake gives a format's position on its sheet, from 1: when Excel deletes a format with its
 * last cell (shiftSheetExtras), each format after it moves up and takes the id before it. The
 * docs do not say whether 1 or 0 comes first; code that keeps an id across a delete is wrong either way.
 */
function formatId(model: WorkbookModel, rule: RuleModel): string {
  const sheet = sheetOfRule(model, rule);
  return sheet ? String(sheet.conditionalFormats.indexOf(rule) + 1) : "";
}

/** A part of a rule whose properties `read` gives (the rule's formula, the bounds). */
class FakeRulePart extends ClientObject<RuleModel> {
  constructor(
    context: FakeContext,
    resolver: () => RuleModel | null,
    private readonly read: (rule: RuleModel) => unknown,
  ) {
    super(context, resolver);
  }
  protected override readProperty(rule: RuleModel, name: string): unknown {
    const values = this.read(rule) as Record<string, unknown>;
    return name in values ? values[name] : super.readProperty(rule, name);
  }
  get formula(): string {
    return this.get("formula");
  }
  /** ConditionalFormatRule.formula is settable (1.6). */
  set formula(value: string) {
    this.set((rule) => (rule.formula = value));
  }
  get rule(): unknown {
    return this.get("rule");
  }
  /** CellValueConditionalFormat.rule is settable (1.6): its formula1 and formula2. */
  set rule(value: unknown) {
    this.set((rule) => {
      const { formula1, formula2 } = value as { formula1: string; formula2?: string };
      Object.assign(rule, { formula: formula1, formula2 });
    });
  }
}

/** DataValidation types whose rule is formula1/formula2/operator, and their key in DataValidationRule (ExcelApi 1.8). */
const BASIC_VALIDATIONS: Record<string, string> = { WholeNumber: "wholeNumber", Decimal: "decimal", TextLength: "textLength", Date: "date", Time: "time" };

/**
 * A range's data validation (DataValidation, ExcelApi 1.8): `type` "None" where no cell has one,
 * "Inconsistent" where its cells do not share one rule ("the data validation applied to the range
 * is inconsistent"), else the rule's type and `rule` (DataValidationRule: custom.formula,
 * list.source, decimal.formula1/formula2…).
 */
class FakeDataValidation extends ClientObject<{ sheet: SheetModel; boxes: Box[] }> {
  protected override readProperty(range: { sheet: SheetModel; boxes: Box[] }, name: string): unknown {
    const rules = range.sheet.dataValidations.filter((rule) => range.boxes.some((box) => overlaps(rule, box)));
    const covers = (rule: Box, box: Box) => rule.row <= box.row && rule.column <= box.column && rule.row + rule.rows >= box.row + box.rows && rule.column + rule.columns >= box.column + box.columns;
    const whole = rules.length === 1 && range.boxes.every((box) => covers(rules[0], box));
    const type = rules.length === 0 ? "None" : whole ? (rules[0].type ?? "Custom") : "Inconsistent";
    if (name === "type") return type;
    if (name === "rule") {
      if (!whole) return {};
      const r = rules[0];
      if (type === "List") return { list: { inCellDropDown: true, source: r.formula ?? "" } };
      // BasicDataValidation (wholeNumber, decimal, textLength) and DateTimeDataValidation (date, time) alike: formula1, formula2, operator.
      const basic = BASIC_VALIDATIONS[type];
      if (basic) return { [basic]: { formula1: r.formula ?? "", formula2: r.formula2, operator: r.formula2 ? "Between" : "GreaterThan" } };
      return { custom: { formula: r.formula ?? "" } };
    }
    if (name === "ignoreBlanks" || name === "prompt" || name === "errorAlert") return whole ? (rules[0][name] ?? VALIDATION_DEFAULTS[name]) : null;
    return super.readProperty(range, name);
  }
  /**
   * DataValidation.clear (1.8): "Clears the data validation from the current range": the fake
   * cuts the range's cells out of every rule (as Range.clear does, see outside).
   */
  clear(): void {
    this.set(({ sheet, boxes }) => boxes.forEach((box) => (sheet.dataValidations = sheet.dataValidations.flatMap((rule) => outside(rule, box)))));
  }
  /**
   * DataValidation.rule is settable (1.8), one criterion per rule. Where cells of the range have
   * a validation already, the docs do not say what setting another does: the fake refuses it
   * (the safe reading; an add-in clears first). DataValidationRule's list, custom, and its
   * wholeNumber, decimal, textLength (BasicDataValidation), date and time (DateTimeDataValidation)
   * by formula1/formula2 are modelled; the operator is read back from whether formula2 is given.
   */
  set rule(value: unknown) {
    this.set(({ sheet, boxes }) => {
      const given = value as Record<string, { source?: string; formula?: string; formula1?: string; formula2?: string } | undefined>;
      const basic = Object.entries(BASIC_VALIDATIONS).find(([, key]) => given[key]);
      const made = given.list
        ? { type: "List", formula: given.list.source }
        : basic
          ? { type: basic[0], formula: given[basic[1]]?.formula1, formula2: given[basic[1]]?.formula2 }
          : given.custom
            ? { type: "Custom", formula: given.custom.formula }
            : null;
      if (!made) throw new OfficeError("InvalidArgument", "The fake sets List, Custom, WholeNumber, Decimal, TextLength, Date or Time validation only.");
      if (sheet.dataValidations.some((rule) => boxes.some((box) => overlaps(rule, box)))) throw new OfficeError("InvalidOperation", "The fake sets a rule only on cells without validation.");
      for (const box of boxes) sheet.dataValidations.push({ row: box.row, column: box.column, rows: box.rows, columns: box.columns, ...(made.type === "Custom" ? { formula: made.formula } : made) });
    });
  }
  set ignoreBlanks(value: boolean) {
    this.setOnRules("ignoreBlanks", value);
  }
  set prompt(value: { showPrompt: boolean; title: string; message: string }) {
    this.setOnRules("prompt", value);
  }
  set errorAlert(value: { showAlert: boolean; style: string; title: string; message: string }) {
    this.setOnRules("errorAlert", value);
  }
  /** Sets a part of each rule wholly within the range; kept out of the model while it is the default. */
  private setOnRules<K extends keyof typeof VALIDATION_DEFAULTS>(name: K, value: RuleModel[K]): void {
    this.set(({ sheet, boxes }) => {
      for (const rule of sheet.dataValidations.filter((r) => boxes.some((box) => overlaps(r, box)))) {
        if (JSON.stringify(value) === JSON.stringify(VALIDATION_DEFAULTS[name])) delete rule[name];
        else Object.assign(rule, { [name]: value });
      }
    });
  }
  get type(): string {
    return this.get("type");
  }
  get rule(): unknown {
    return this.get("rule");
  }
  get ignoreBlanks(): boolean {
    return this.get("ignoreBlanks");
  }
  get prompt(): { showPrompt: boolean; title: string; message: string } {
    return this.get("prompt");
  }
  get errorAlert(): { showAlert: boolean; style: string; title: string; message: string } {
    return this.get("errorAlert");
  }
}

/** Several areas of one sheet (RangeAreas): their address and count. */
export class FakeRangeAreas extends ClientObject<{ sheet: SheetModel; areas: Box[] }> {
  /** What the cells are now (null: none), for getSpecialCells' refusal. */
  found(): { sheet: SheetModel; areas: Box[] } | null {
    return this.resolver();
  }
  protected override readProperty(model: { sheet: SheetModel; areas: Box[] }, name: string): unknown {
    if (name === "address") return model.areas.map((a) => `${sheetInAddress(model.sheet.name)}!${toAddress(a)}`).join(",");
    if (name === "areaCount") return model.areas.length;
    if (name === "cellCount") return model.areas.reduce((n, a) => n + a.rows * a.columns, 0);
    return super.readProperty(model, name);
  }
  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }
  /** The data validation of all its areas (RangeAreas.dataValidation, ExcelApi 1.9). */
  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this.context, () => {
      const model = this.resolver();
      return model && { sheet: model.sheet, boxes: model.areas };
    });
  }
  /** The areas as ranges (RangeAreas.areas). */
  get areas(): { load: (p: string) => unknown; items: FakeRange[] } {
    const list = new FakeAreaList(this.context, () => {
      const model = this.resolver();
      return model ? model.areas.map((box) => ({ sheet: model.sheet, box })) : [];
    });
    return list as unknown as { load: (p: string) => unknown; items: FakeRange[] };
  }
}

class FakeAreaList extends CollectionObject<RangeModel, FakeRange> {
  protected wrap(item: RangeModel): FakeRange {
    return new FakeRange(this.context, () => item);
  }
}

/** Shapes (ExcelApi 1.9): names and types. */
class FakeShape extends ClientObject<{ name: string; type: string }> {
  protected override readProperty(shape: { name: string; type: string }, name: string): unknown {
    return name === "name" || name === "type" ? shape[name] : super.readProperty(shape, name);
  }
  get name(): string {
    return this.get("name");
  }
}
class FakeNamedList extends CollectionObject<{ name: string; type: string }, FakeShape> {
  protected wrap(item: { name: string; type: string }): FakeShape {
    return new FakeShape(this.context, () => item);
  }
  /** ShapeCollection.getCount (ExcelApi 1.9): "Returns the number of shapes in the worksheet." */
  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.context.enqueue(() => result.settle(this.model().length, this.context));
    return result;
  }
}

type CellNoteModel = SheetModel["notes"][number];

/**
 * The item at `index` of a collection as it is when the sync runs (getItemAt: "based on its
 * position in the collection", zero-based). An index past the end: the reference is silent; the
 * fake takes the safe reading and refuses it (ItemNotFound), as it does any item that is gone.
 */
function itemAt<M>(items: () => M[], index: number, what: string): () => M {
  return () => {
    const item = items()[index];
    if (item === undefined) throw new OfficeError("ItemNotFound", `There is no ${what} at position ${index}.`);
    return item;
  };
}

/**
 * A sheet's notes (NoteCollection, ExcelApi 1.18): counted (getCount), loaded with their text
 * (Note.content) and asked where they are (getLocation, a range of one cell), as Microsoft
 * documents them ("Work with notes using the Excel JavaScript API").
 */
class FakeCellNoteCollection extends CollectionObject<CellNoteModel, FakeCellNote> {
  constructor(
    context: FakeContext,
    private readonly sheet: () => SheetModel,
  ) {
    super(context, () => sheet().notes);
  }
  protected wrap(item: CellNoteModel): FakeCellNote {
    return new FakeCellNote(this.context, () => item, this.sheet);
  }
  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.context.enqueue(() => result.settle(this.model().length, this.context));
    return result;
  }
  /** NoteCollection.getItemAt (ExcelApi 1.18): "Gets a note based on its position in the collection"; where it is when the sync runs (see itemAt). */
  getItemAt(index: number): FakeCellNote {
    return new FakeCellNote(this.context, itemAt(() => this.model(), index, "note"), this.sheet);
  }
  /**
   * NoteCollection.getItemOrNullObject(key) (ExcelApi 1.18): "Gets a note by its cell address. If
   * the note object does not exist, then this method returns an object with its isNullObject
   * property set to true." The note on that cell of this sheet when the sync runs.
   */
  getItemOrNullObject(key: string): FakeCellNote {
    if (newerVersion("1.18", this.context.model.excelApi)) throw new OfficeError("ApiNotFound", "Notes need ExcelApi 1.18.");
    const { row, column } = parseAddress(key);
    return new FakeCellNote(this.context, () => this.model().find((n) => n.row === row && n.column === column) ?? null, this.sheet);
  }
  /**
   * NoteCollection.add(cellAddress, content) (ExcelApi 1.18): "Adds a new note with the given
   * content on the given cell"; more than one cell is refused ("an InvalidArgument error is
   * thrown if multiple cells are selected", the reference's sample). A cell that has a note
   * already: the reference is silent; the fake takes the safe reading and refuses it
   * (InvalidArgument), so an add-in never counts on replacing a note by adding one.
   */
  add(cellAddress: FakeRange | string, content: string): void {
    this.context.addPayload(content);
    this.context.enqueue(() => {
      if (newerVersion("1.18", this.context.model.excelApi)) throw new OfficeError("ApiNotFound", "Notes need ExcelApi 1.18.");
      const target = typeof cellAddress === "string" ? { sheet: this.sheet(), box: parseAddress(cellAddress) } : (cellAddress as unknown as { model(): RangeModel }).model();
      if (target.box.rows !== 1 || target.box.columns !== 1) throw new OfficeError("InvalidArgument", "A note goes on one cell.");
      const notes = this.model();
      if (notes.some((n) => n.row === target.box.row && n.column === target.box.column)) throw new OfficeError("InvalidArgument", "The cell has a note already.");
      notes.push({ row: target.box.row, column: target.box.column, text: String(content) });
    });
  }
}

class FakeCellNote extends ClientObject<CellNoteModel> {
  constructor(
    context: FakeContext,
    resolver: () => CellNoteModel | null,
    private readonly sheet: () => SheetModel,
  ) {
    super(context, resolver);
  }
  protected override readProperty(item: CellNoteModel, name: string): unknown {
    if (name === "content") return item.text;
    return super.readProperty(item, name);
  }
  get content(): string {
    return this.get("content");
  }
  getLocation(): FakeRange {
    return new FakeRange(this.context, () => {
      const item = this.resolver();
      return item ? { sheet: this.sheet(), box: { row: item.row, column: item.column, rows: 1, columns: 1 } } : null;
    });
  }
}

/**
 * A sheet's threaded comments (CommentCollection, ExcelApi 1.10; "Work with comments using the
 * Excel JavaScript API"): counted, loaded with their content, status (`resolved`, 1.11), author
 * and creation date, asked where they are (getLocation), each with its replies; and added.
 */
class FakeCommentCollection extends CollectionObject<CommentModel, FakeComment> {
  constructor(
    context: FakeContext,
    private readonly sheet: () => SheetModel,
  ) {
    super(context, () => sheet().comments);
  }
  protected wrap(item: CommentModel): FakeComment {
    return new FakeComment(this.context, () => item, this.sheet);
  }
  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.context.enqueue(() => result.settle(this.model().length, this.context));
    return result;
  }
  /** CommentCollection.getItemAt (ExcelApi 1.10): "Gets a comment based on its position in the collection" (see itemAt). */
  getItemAt(index: number): FakeComment {
    return new FakeComment(this.context, itemAt(() => this.model(), index, "comment"), this.sheet);
  }
  /**
   * CommentCollection.getItemOrNullObject(commentId) (ExcelApi 1.14): "Gets a comment from the
   * collection based on its ID. If the comment object does not exist, then this method returns an
   * object with its isNullObject property set to true." The comment with that id (see commentId)
   * on this sheet when the sync runs, wherever it is.
   */
  getItemOrNullObject(commentId: string): FakeComment {
    if (newerVersion("1.14", this.context.model.excelApi)) throw new OfficeError("ApiNotFound", "CommentCollection.getItemOrNullObject needs ExcelApi 1.14.");
    return new FakeComment(this.context, () => this.model().find((c) => commentIdOf(c) === commentId) ?? null, this.sheet, true);
  }
  /**
   * CommentCollection.add(cellAddress, content) (ExcelApi 1.10): "Creates a new comment with the
   * given content on the given cell. An InvalidArgument error is thrown if the provided range is
   * larger than one cell." It takes no author or date, and Comment.authorName and creationDate
   * are read-only ("Gets the name of the comment's author", "Gets the creation time of the
   * comment"): whose name Excel gives it the reference does not say; the fake gives it the
   * current user's (WorkbookModel.currentUser) and the time it is added, as Excel's interface
   * does for a comment the user types. A cell holds one thread (CommentCollection.getItemByCell,
   * "Gets the comment from the specified cell"): adding on a cell that has one the reference is
   * silent about; the fake takes the safe reading and refuses it (InvalidArgument).
   */
  add(cellAddress: FakeRange | string, content: string): FakeComment {
    this.context.addPayload(content);
    let added: CommentModel | null = null;
    this.context.enqueue(() => {
      const target = typeof cellAddress === "string" ? { sheet: this.sheet(), box: parseAddress(cellAddress) } : (cellAddress as unknown as { model(): RangeModel }).model();
      if (target.box.rows !== 1 || target.box.columns !== 1) throw new OfficeError("InvalidArgument", "A comment goes on one cell.");
      const comments = target.sheet.comments;
      if (comments.some((c) => c.row === target.box.row && c.column === target.box.column)) throw new OfficeError("InvalidArgument", "The cell has a comment already.");
      added = { row: target.box.row, column: target.box.column, text: String(content), author: this.context.model.currentUser, date: new Date().toISOString(), resolved: false, replies: [] };
      comments.push(added);
    });
    return new FakeComment(this.context, () => added, this.sheet);
  }
}

/** Each comment's id (Comment.id, ExcelApi 1.10, "Specifies the comment identifier"): given when first asked, and kept while the comment is. */
const commentIds = new WeakMap<CommentModel, string>();
function commentIdOf(comment: CommentModel): string {
  if (!commentIds.has(comment)) commentIds.set(comment, `{comment-${++lastCommentId}}`);
  return commentIds.get(comment) as string;
}
let lastCommentId = 0;

/** A comment: the thread's first entry (Comment, ExcelApi 1.10). */
class FakeComment extends ClientObject<CommentModel> {
  readonly replies: FakeCommentReplyCollection;
  constructor(
    context: FakeContext,
    resolver: () => CommentModel | null,
    private readonly sheet: () => SheetModel,
    /** Got by getItemOrNullObject: its replies, asked of a null object, answer none and refuse nothing (as ConditionalFormatCollection.getItemOrNullObject's parts). */
    orNull = false,
  ) {
    super(context, resolver);
    this.replies = new FakeCommentReplyCollection(context, () => this.resolver(), orNull);
  }
  protected override readProperty(item: CommentModel, name: string): unknown {
    if (name === "content") return item.text;
    if (name === "id") return commentIdOf(item);
    if (name === "resolved") return item.resolved ?? false;
    if (name === "authorName") return item.author ?? "";
    if (name === "creationDate") return item.date ?? null;
    return super.readProperty(item, name);
  }
  get content(): string {
    return this.get("content");
  }
  get id(): string {
    return this.get("id");
  }
  get authorName(): string {
    return this.get("authorName");
  }
  /** "The comment thread status. A value of true means that the comment thread is resolved." (Comment.resolved, ExcelApi 1.11; settable.) */
  get resolved(): boolean {
    return this.get("resolved");
  }
  set resolved(value: boolean) {
    this.set((item) => (item.resolved = value));
  }
  getLocation(): FakeRange {
    return new FakeRange(this.context, () => {
      const item = this.resolver();
      return item ? { sheet: this.sheet(), box: { row: item.row, column: item.column, rows: 1, columns: 1 } } : null;
    });
  }
}

type ReplyModel = NonNullable<CommentModel["replies"]>[number];

/**
 * A comment's replies (CommentReplyCollection, ExcelApi 1.10): loaded with their content, and
 * added ("Creates a comment reply for a comment"), by the current user and dated now, as
 * FakeCommentCollection.add. A reply has no status of its own (CommentReply.resolved is
 * read-only: "The comment reply status"), it follows its thread's. A reply to a resolved thread:
 * the reference is silent, and Excel's interface offers none until the thread is reopened; the
 * fake takes the safe reading and refuses it (InvalidOperation), so an add-in adds a thread's
 * replies before it resolves it.
 */
class FakeCommentReplyCollection extends CollectionObject<ReplyModel, FakeCommentReply> {
  constructor(
    context: FakeContext,
    private readonly comment: () => CommentModel | null,
    orNull = false,
  ) {
    super(context, () => {
      const item = comment();
      return item ? (item.replies ??= []) : orNull ? [] : null;
    });
  }
  protected wrap(item: ReplyModel): FakeCommentReply {
    return new FakeCommentReply(this.context, () => item);
  }
  /** CommentReplyCollection.getCount (ExcelApi 1.10): "Gets the number of comment replies in the collection." */
  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.context.enqueue(() => result.settle(this.model().length, this.context));
    return result;
  }
  /** CommentReplyCollection.getItemAt (ExcelApi 1.10): "Gets a comment reply based on its position in the collection" (see itemAt). */
  getItemAt(index: number): FakeCommentReply {
    return new FakeCommentReply(this.context, itemAt(() => this.model(), index, "reply"));
  }
  add(content: string): void {
    this.context.addPayload(content);
    this.context.enqueue(() => {
      const thread = this.comment();
      if (!thread) throw new OfficeError("ItemNotFound", "The comment does not exist.");
      if (thread.resolved) throw new OfficeError("InvalidOperation", "The comment thread is resolved.");
      (thread.replies ??= []).push({ text: String(content), author: this.context.model.currentUser, date: new Date().toISOString() });
    });
  }
}

class FakeCommentReply extends ClientObject<ReplyModel> {
  protected override readProperty(item: ReplyModel, name: string): unknown {
    if (name === "content") return item.text;
    if (name === "authorName") return item.author ?? "";
    return super.readProperty(item, name);
  }
  get content(): string {
    return this.get("content");
  }
}

/**
 * Defined names (ExcelApi 1.4; `formula` 1.7): the workbook's (sheet null) or a sheet's own.
 * Workbook.names lists the workbook-scoped ones only, Worksheet.names that sheet's (the
 * Excel JS reference of both, and Excel.NamedItemScope: "Workbook", "Worksheet").
 */
type NameModel = WorkbookModel["names"][number];
class FakeNamedItem extends ClientObject<NameModel> {
  protected override readProperty(item: NameModel, name: string): unknown {
    if (name === "name") return item.name;
    if (name === "formula") return item.formula;
    if (name === "type") return "Range";
    return super.readProperty(item, name);
  }
  get name(): string {
    return this.get("name");
  }
  get formula(): string {
    return this.get("formula");
  }
  /** "The formula of the named item. Formulas always start with an equal sign" (NamedItem.formula, settable since ExcelApi 1.7: NamedItemUpdateData.formula). */
  set formula(formula: string) {
    this.context.addPayload(formula);
    this.set((item) => {
      item.formula = formula;
    });
  }
}
class FakeNameCollection extends CollectionObject<NameModel, FakeNamedItem> {
  constructor(context: FakeContext, sheet: (() => SheetModel) | null) {
    super(context, () => context.model.names.filter((n) => (sheet ? n.sheet === sheet() : n.sheet === null)));
  }
  protected wrap(item: NameModel): FakeNamedItem {
    return new FakeNamedItem(this.context, () => item);
  }
  /** NamedItemCollection.getCount (ExcelApi 1.4): "Gets the number of named items in the collection." */
  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.context.enqueue(() => result.settle(this.model().length, this.context));
    return result;
  }
}

/**
 * What Excel answers for the colour of a fill nobody set (an automatic colour): the docs of
 * ChartFill.getSolidColor (ExcelApi 1.16) do not say; the fake answers Office's first accent colour.
 */
const AUTOMATIC_COLOUR = "#4472C4";

/**
 * One series of a chart (ChartSeries, ExcelApi 1.1): its fill (setSolidColor 1.1, getSolidColor
 * 1.16) and line colour (ChartLineFormat.color 1.1). The fake keeps one colour per series, the
 * one the add-in sets (the fill of bars, the line of a line chart), and both read it: in Excel a
 * bar's line is its border, which the fake does not tell apart; whether it has data labels (hasDataLabels, 1.7); its points
 * (ChartPointsCollection: getItemAt 1.1, getCount 1.4), one per category of the source.
 */
class FakeChartSeries extends ClientObject<ChartModel> {
  constructor(
    context: FakeContext,
    resolver: () => ChartModel | null,
    private readonly index: number,
    /** Whether its chart is a null object (getItemOrNullObject, gone): then what is asked of the series answers nothing. */
    private readonly ofNullChart: () => boolean = () => false,
  ) {
    super(context, () => {
      const chart = resolver();
      return chart && index < seriesCount(chart) ? chart : null;
    });
  }
  private readonly colour = (read: () => string | undefined) => {
    const result = new FakeClientResult<string>();
    this.context.enqueue(() => result.settle(read() ?? AUTOMATIC_COLOUR, this.context));
    return result;
  };
  readonly format = {
    fill: {
      setSolidColor: (colour: string) => this.set((c) => (c.seriesColours[this.index] = colour)),
      getSolidColor: () => this.colour(() => this.model().seriesColours[this.index]),
    },
    line: new FakeChartPart(this.context, () => this.resolver(), { color: (c: ChartModel) => c.seriesColours[this.index] ?? AUTOMATIC_COLOUR, set: { color: (c, v) => (c.seriesColours[this.index] = v as string) } }) as FakeChartPart & { color: string },
  };
  readonly points = {
    getCount: () => {
      const result = new FakeClientResult<number>();
      this.context.enqueue(() => result.settle(this.model().source.rows - 1, this.context));
      return result;
    },
    getItemAt: (point: number) => new FakeChartPoint(this.context, () => this.resolver(), this.index, point),
  };
  /**
   * ChartSeries.getDimensionDataSourceString (ExcelApi 1.15): "the string representation of the
   * data source of the chart series … could be information such as a cell address". The fake
   * answers for Values and Categories, an absolute address with its sheet, quoted as Excel
   * quotes a sheet name with a space ("='Mijn analyse'!$B$2:$B$5").
   */
  getDimensionDataSourceString(dimension: string): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.context.enqueue(() => {
      if (newerVersion("1.15", this.context.model.excelApi)) throw new OfficeError("ApiNotFound", "getDimensionDataSourceString needs ExcelApi 1.15.");
      if (this.ofNullChart()) return;
      if (dimension !== "Values" && dimension !== "Categories") throw new OfficeError("InvalidArgument", `The fake gives the data source of Values and Categories only, not ${dimension}.`);
      const sources = seriesSources(this.context.model, this.model(), this.index);
      result.settle(dimension === "Values" ? sources.values : sources.categories, this.context);
    });
    return result;
  }
  /**
   * ChartSeries.setValues and setXAxisValues (ExcelApi 1.7): "Sets the values for a chart series"
   * and "the values of the x-axis" from a range. The fake then gives that range as the series'
   * source (its other dimension as it was), absolute and with its sheet, as Select Data writes it.
   */
  setValues(source: FakeRange): void {
    this.setSource("values", source);
  }
  setXAxisValues(source: FakeRange): void {
    this.setSource("categories", source);
  }
  private setSource(dimension: "values" | "categories", source: FakeRange): void {
    this.set((chart) => {
      const cells = source.cellsOf();
      if (!cells) throw new OfficeError("ItemNotFound", "The range does not exist.");
      chart.dataSources ??= Array.from({ length: seriesCount(chart) }, (_, i) => seriesSources(this.context.model, chart, i));
      chart.dataSources[this.index] = { ...chart.dataSources[this.index], [dimension]: `=${sheetInAddress(cells.sheet.name)}!${absoluteAddress(cells.box)}` };
    });
  }
  protected override readProperty(chart: ChartModel, name: string): unknown {
    if (name === "hasDataLabels") return chart.seriesDataLabels?.[this.index] ?? chart.dataLabels.showValue === true;
    const styled = seriesStyling(this.context.model, chart, this.index, name); // review 2, D6: name, gapWidth, markerStyle
    if (styled) return styled.value;
    return super.readProperty(chart, name);
  }
  get hasDataLabels(): boolean {
    return this.get("hasDataLabels");
  }
  get name(): string {
    return this.get("name");
  }
  get gapWidth(): number {
    return this.get("gapWidth");
  }
  get markerStyle(): string {
    return this.get("markerStyle");
  }
}

const absoluteAddress = (box: Box) => toAddress(box).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

/** Where series `index` of `chart` takes its values and categories from: as a user pointed it (dataSources), else its chart's own source. */
function seriesSources(model: WorkbookModel, chart: ChartModel, index: number): { values: string; categories: string } {
  const given = chart.dataSources?.[index];
  if (given) return given;
  const home = model.sheets.find((sheet) => sheet.charts.includes(chart));
  const name = home ? sheetInAddress(home.name) : "";
  const { row, column, rows } = chart.source;
  return { values: `=${name}!${absoluteAddress({ row: row + 1, column: column + 1 + index, rows: rows - 1, columns: 1 })}`, categories: `=${name}!${absoluteAddress({ row: row + 1, column, rows: rows - 1, columns: 1 })}` };
}

/**
 * One point of a series (ChartPoint, ExcelApi 1.1): its fill (as the series'), and whether it has
 * a data label (hasDataLabel, 1.7). The fake keeps per-point colours and labels for the first
 * series only (the add-in colours the points of a pie, which has one); other points read their
 * series' colour.
 */
class FakeChartPoint extends ClientObject<ChartModel> {
  constructor(
    context: FakeContext,
    resolver: () => ChartModel | null,
    private readonly series: number,
    private readonly point: number,
  ) {
    super(context, () => {
      const chart = resolver();
      return chart && series < seriesCount(chart) && point < chart.source.rows - 1 ? chart : null;
    });
  }
  readonly format = {
    fill: {
      setSolidColor: (colour: string) =>
        this.set((c) => {
          if (this.series === 0) c.pointColours[this.point] = colour;
          else c.seriesColours[this.series] = colour;
        }),
      getSolidColor: () => {
        const result = new FakeClientResult<string>();
        this.context.enqueue(() => {
          const c = this.model();
          result.settle((this.series === 0 ? c.pointColours[this.point] : undefined) ?? c.seriesColours[this.series] ?? AUTOMATIC_COLOUR, this.context);
        });
        return result;
      },
    },
  };
  protected override readProperty(chart: ChartModel, name: string): unknown {
    if (name === "hasDataLabel") return (this.series === 0 ? chart.pointDataLabels?.[this.point] : undefined) ?? chart.seriesDataLabels?.[this.series] ?? chart.dataLabels.showValue === true;
    return super.readProperty(chart, name);
  }
  get hasDataLabel(): boolean {
    return this.get("hasDataLabel");
  }
}

/** Series as Excel makes them from the source: one per column after the first (a pie draws the first only). */
const seriesCount = (chart: ChartModel) => (PIE_TYPES.includes(chart.type) ? 1 : chart.source.columns - 1);

/**
 * A part of a chart (title, legend) whose properties are set and loaded like a client object's:
 * `readers` maps each loadable property to the chart model, `set` the settable ones.
 */
class FakeChartPart extends ClientObject<ChartModel> {
  constructor(
    context: FakeContext,
    resolver: () => ChartModel | null,
    private readonly parts: Record<string, unknown> & { set: Record<string, (c: ChartModel, v: unknown) => void> },
  ) {
    super(context, resolver);
    for (const name of new Set([...Object.keys(parts).filter((k) => k !== "set"), ...Object.keys(parts.set)])) {
      Object.defineProperty(this, name, {
        get: () => this.get(name),
        set: (value: unknown) => {
          const apply = this.parts.set[name];
          if (!apply) throw new OfficeError("InvalidArgument", `'${name}' is read-only.`);
          this.set((c) => apply(c, value));
        },
      });
    }
  }
  protected override readProperty(chart: ChartModel, name: string): unknown {
    const read = this.parts[name];
    return typeof read === "function" && name !== "set" ? (read as (c: ChartModel) => unknown)(chart) : super.readProperty(chart, name);
  }
}

/**
 * What Excel does to formulas when a sheet is renamed: every reference to it, in any cell's
 * formula and in defined names, follows the new name ("Rename a worksheet", Microsoft Support:
 * references update automatically; not verified from this machine).
 */
const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A reference's sheet prefix, `Name!` or `'Name'!`, as a pattern. */
const sheetPrefix = (name: string) => new RegExp(`(?:${escapeRegExp(quoteSheet(name))}|(?<![A-Za-z0-9_.'])${escapeRegExp(name)})!`, "gi");

function renameReferences(model: WorkbookModel, from: string, to: string): void {
  const quote = quoteSheet;
  const pattern = sheetPrefix(from);
  const target = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(to) ? to : quote(to);
  const rewrite = (formula: string) => formula.replace(pattern, `${target}!`);
  for (const sheet of model.sheets) for (const cell of sheet.cells.values()) if (cell.formula) cell.formula = rewrite(cell.formula);
  for (const name of model.names) name.formula = rewrite(name.formula);
  eachRuleAndSeries(model, rewrite);
}

/**
 * The formulas of every conditional format and validation rule and the data sources of every
 * chart series, through `change`: they are formulas, and Excel keeps them pointing where they
 * pointed as it does a cell's (a series formula "always include[s] the worksheet name", and a
 * sheet's rename or deletion reaches it as it does any reference; Microsoft's pages on charts do
 * not say it in so many words: the fake takes the reading that keeps a chart's data findable).
 */
function eachRuleAndSeries(model: WorkbookModel, change: (formula: string) => string): void {
  for (const sheet of model.sheets) {
    for (const rule of [...sheet.conditionalFormats, ...sheet.dataValidations]) {
      if (rule.formula) rule.formula = change(rule.formula);
      if (rule.formula2) rule.formula2 = change(rule.formula2);
    }
    for (const chart of sheet.charts) for (const source of chart.dataSources ?? []) Object.assign(source, { values: change(source.values), categories: change(source.categories) });
  }
}

/**
 * What Excel does to formulas when a sheet is deleted: a reference into it, in a cell of another
 * sheet or a defined name, becomes #REF! (`=Nationaliteiten!B6` turns into `=#REF!B6`), and so
 * does a structured reference to a table that was on it, in cells and in the rules of
 * conditional formats and data validation; such a cell then shows #REF! ("Delete a worksheet",
 * Microsoft Support: formulas that refer to it return #REF!; not verified from this machine).
 * The fake rewrites the reference and gives the cell the error value; it does not evaluate what
 * remains of the formula. A chart on another sheet whose series plotted the deleted sheet stays
 * where it is, its series' data sources broken the same way (`=Nationaliteiten!$B$6:$B$10` turns
 * into `=#REF!$B$6:$B$10`: the chart plots nothing from it; what Excel draws from its cache is
 * not modelled); a chart on the deleted sheet goes with it.
 */
function breakReferences(model: WorkbookModel, deleted: SheetModel, tables: readonly TableModel[]): void {
  const patterns = [sheetPrefix(deleted.name), ...tables.map((t) => new RegExp(`(?<![A-Za-z0-9_.])${escapeRegExp(t.name)}(?:\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\])?(?![A-Za-z0-9_.])`, "gi"))];
  const broken = (formula: string) => patterns.reduce((f, p) => f.replace(p, "#REF!"), formula);
  for (const sheet of model.sheets) {
    for (const cell of sheet.cells.values()) {
      if (!cell.formula) continue;
      const after = broken(cell.formula);
      if (after !== cell.formula) Object.assign(cell, { formula: after, value: "#REF!" });
    }
  }
  for (const name of model.names) name.formula = broken(name.formula);
  // The rules of conditional formats and data validation are formulas too, and so are the data sources of chart series.
  eachRuleAndSeries(model, broken);
}

// ---------------------------------------------------------------------------------------------
// PivotTables (ExcelApi 1.8 to 1.13), as far as the add-in uses them. Sources:
// - learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-pivottables ("Work with
//   PivotTables using the Excel JavaScript API"): four hierarchy categories (rows, columns,
//   data, filters); "Adding a hierarchy to a new category removes it from the old one".
// - Excel.PivotTableCollection.add (ExcelApi 1.8): a name, a source (range, address or table)
//   and the destination's top-left cell.
// - OfficeDev/office-js-snippets, samples/excel/38-pivottable/pivottable-refresh.yaml: "the
//   PivotTable doesn't automatically refresh"; "Make the source of the PivotTable a Table so
//   added rows are picked up by the refresh operation". The fake keeps the source's rows as read
//   at `add` and at each `refresh()` (its cache), and reads the table as it is then.
// - pivottable-pivotfilters.yaml (ExcelApi 1.12): "PivotFilters can only be applied to
//   PivotHierarchies that are being used for pivoting"; Excel.PivotManualFilter: selectedItems
//   "must be existing and valid items from the chosen field".
// Where the docs are silent the fake takes the strict reading: a PivotTable name in use, or a
// destination inside a table, is refused.
// The fake does not draw the PivotTable's cells on the sheet; `pivotView` computes what it shows.
// ---------------------------------------------------------------------------------------------

export interface PivotModel {
  name: string;
  sheet: SheetModel;
  source: TableModel;
  anchor: { row: number; column: number };
  rows: string[];
  columns: string[];
  filters: string[];
  data: { field: string; summarizeBy: string; numberFormat: string }[];
  /** Manual filters by field: the items shown. */
  manualFilters: Map<string, string[]>;
  layout: { showRowGrandTotals: boolean; showColumnGrandTotals: boolean };
  refreshOnOpen: boolean;
  /** The source's header and rows as last read (at add and at every refresh). */
  cache: { header: string[]; rows: (string | number | boolean)[][] };
  refreshes: number;
  /**
   * What getDataSourceString answers where a test says so: a range's address, or "" for a source
   * Excel does not describe (an external or Data Model source); by default the source table's name.
   */
  dataSourceString?: string;
}

/** How an item of a field is named: its value as text; an empty cell is "(blank)". */
export const pivotItem = (value: string | number | boolean | null | undefined): string => (value === "" || value === null || value === undefined ? "(blank)" : String(value));

function readSource(table: TableModel): PivotModel["cache"] {
  const [header, ...rows] = table.sheet.values(table.box);
  return { header: header.map(String), rows };
}

/**
 * What a PivotTable shows, from its cache: the rows that pass every manual filter, summed by
 * the first data hierarchy per row item (all row fields) and column item (the first column
 * field); `subtotal` sums the rows under a prefix of row items (Excel's subtotal of an outer
 * row field).
 */
export function pivotView(pivot: PivotModel) {
  const { header, rows } = pivot.cache;
  const at = (field: string) => header.indexOf(field);
  const passing = rows.filter((row) => [...pivot.manualFilters].every(([field, items]) => items.includes(pivotItem(row[at(field)]))));
  const data = pivot.data[0];
  const column = pivot.columns[0];
  const sum = (selected: typeof rows) => {
    const numbers = selected.map((r) => r[at(data.field)]).filter((v): v is number => typeof v === "number");
    return numbers.length ? numbers.reduce((a, b) => a + b, 0) : null;
  };
  const matches = (row: (typeof rows)[number], rowItems: string[], columnItem: string | null) =>
    rowItems.every((item, i) => pivotItem(row[at(pivot.rows[i])]) === item) && (columnItem === null || pivotItem(row[at(column)]) === columnItem);
  return {
    rowItems: [...new Set(passing.map((r) => JSON.stringify(pivot.rows.map((f) => pivotItem(r[at(f)])))))].map((k) => JSON.parse(k) as string[]),
    columnItems: column ? [...new Set(passing.map((r) => pivotItem(r[at(column)])))].sort() : [],
    value: (rowItems: string[], columnItem: string | null) => sum(passing.filter((r) => matches(r, rowItems, columnItem))),
    subtotal: (outer: string[], columnItem: string | null) => sum(passing.filter((r) => matches(r, outer, columnItem))),
  };
}

export class FakePivotTableCollection extends CollectionObject<PivotModel, FakePivotTable> {
  constructor(
    context: FakeContext,
    private readonly sheet: (() => SheetModel) | null,
  ) {
    super(context, () => context.model.pivots.filter((p) => !sheet || p.sheet === sheet()));
  }
  protected wrap(item: PivotModel): FakePivotTable {
    return new FakePivotTable(this.context, () => (this.context.model.pivots.includes(item) ? item : null));
  }
  add(name: string, source: FakeTable, destination: FakeRange): FakePivotTable {
    let created: PivotModel | null = null;
    this.context.enqueue(() => {
      const model = this.context.model;
      const table = (source as unknown as { model(): TableModel }).model();
      const { sheet, box } = (destination as unknown as { model(): RangeModel }).model();
      if (this.sheet && this.sheet() !== sheet) throw new OfficeError("InvalidArgument", "The destination must be on the worksheet of this collection.");
      if (model.pivots.some((p) => p.name.toLowerCase() === name.toLowerCase())) throw new OfficeError("InvalidArgument", `A PivotTable named '${name}' already exists.`);
      if (model.tables.some((t) => t.sheet === sheet && overlaps(t.box, { ...box, rows: 1, columns: 1 }))) throw new OfficeError("InvalidOperation", "A PivotTable cannot be placed inside a table.");
      created = {
        name,
        sheet,
        source: table,
        anchor: { row: box.row, column: box.column },
        rows: [],
        columns: [],
        filters: [],
        data: [],
        manualFilters: new Map(),
        layout: { showRowGrandTotals: true, showColumnGrandTotals: true },
        refreshOnOpen: false,
        cache: readSource(table),
        refreshes: 0,
      };
      model.pivots.push(created);
    });
    return new FakePivotTable(this.context, () => created);
  }
  getItem(name: string): FakePivotTable {
    return new FakePivotTable(this.context, () => this.context.model.pivots.find((p) => (!this.sheet || p.sheet === this.sheet()) && p.name.toLowerCase() === name.toLowerCase()) ?? null);
  }
  getItemOrNullObject(name: string): FakePivotTable {
    return this.getItem(name);
  }
}

type Axis = "rows" | "columns" | "filters";

class FakePivotField extends ClientObject<PivotModel> {
  constructor(
    context: FakeContext,
    resolver: () => PivotModel | null,
    private readonly field: string,
  ) {
    super(context, resolver);
  }
  applyFilter(filter: { manualFilter?: { selectedItems?: string[] } }): void {
    this.set((p) => {
      if (![...p.rows, ...p.columns, ...p.filters].includes(this.field)) throw new OfficeError("InvalidOperation", `The field '${this.field}' is not on the rows, columns or filters of the PivotTable.`);
      const selected = filter.manualFilter?.selectedItems;
      if (!selected) throw new OfficeError("InvalidArgument", "The fake applies manual filters only.");
      const items = new Set(p.cache.rows.map((r) => pivotItem(r[p.cache.header.indexOf(this.field)])));
      const unknown = selected.filter((s) => !items.has(s));
      if (unknown.length) throw new OfficeError("InvalidArgument", `'${unknown[0]}' is not an item of the field '${this.field}'.`);
      p.manualFilters.set(this.field, [...selected]);
    });
  }
}

class FakePivotHierarchy extends ClientObject<PivotModel> {
  constructor(
    context: FakeContext,
    resolver: () => PivotModel | null,
    readonly field: string,
  ) {
    super(context, resolver);
  }
  readonly fields = { getItem: (name: string) => new FakePivotField(this.context, () => this.resolver(), name) };
}

class FakeAxisHierarchies {
  constructor(
    private readonly pivot: FakePivotTable,
    private readonly axis: Axis,
  ) {}
  add(hierarchy: FakePivotHierarchy): FakePivotHierarchy {
    this.pivot.change((p) => {
      if (!p.cache.header.includes(hierarchy.field)) throw new OfficeError("ItemNotFound", `The PivotTable has no hierarchy '${hierarchy.field}'.`);
      for (const axis of ["rows", "columns", "filters"] as Axis[]) p[axis] = p[axis].filter((f) => f !== hierarchy.field);
      p[this.axis].push(hierarchy.field);
    });
    return hierarchy;
  }
}

class FakeDataHierarchy {
  constructor(
    private readonly pivot: FakePivotTable,
    private readonly field: string,
  ) {}
  private apply(change: (d: PivotModel["data"][number]) => void): void {
    this.pivot.change((p) => {
      const data = p.data.find((d) => d.field === this.field);
      if (!data) throw new OfficeError("ItemNotFound", `No data hierarchy for '${this.field}'.`);
      change(data);
    });
  }
  set summarizeBy(value: string) {
    this.apply((d) => (d.summarizeBy = value));
  }
  set numberFormat(value: string) {
    this.apply((d) => (d.numberFormat = value));
  }
}

export class FakePivotTable extends ClientObject<PivotModel> {
  readonly change = (apply: (p: PivotModel) => void) => this.set(apply);
  readonly hierarchies = {
    getItem: (name: string) => new FakePivotHierarchy(this.context, () => this.resolver(), name),
  };
  readonly rowHierarchies = new FakeAxisHierarchies(this, "rows");
  readonly columnHierarchies = new FakeAxisHierarchies(this, "columns");
  readonly filterHierarchies = new FakeAxisHierarchies(this, "filters");
  readonly dataHierarchies = {
    add: (hierarchy: FakePivotHierarchy) => {
      this.change((p) => {
        if (!p.cache.header.includes(hierarchy.field)) throw new OfficeError("ItemNotFound", `The PivotTable has no hierarchy '${hierarchy.field}'.`);
        p.data.push({ field: hierarchy.field, summarizeBy: "Automatic", numberFormat: "General" });
      });
      return new FakeDataHierarchy(this, hierarchy.field);
    },
  };
  readonly layout = ((apply: FakePivotTable["change"]) => ({
    set showRowGrandTotals(value: boolean) {
      apply((p) => (p.layout.showRowGrandTotals = value));
    },
    set showColumnGrandTotals(value: boolean) {
      apply((p) => (p.layout.showColumnGrandTotals = value));
    },
  }))(this.change);
  protected override readProperty(pivot: PivotModel, name: string): unknown {
    return name === "name" ? pivot.name : super.readProperty(pivot, name);
  }
  get name(): string {
    return this.get("name");
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.resolver()?.sheet ?? null);
  }
  /**
   * "Specifies whether the PivotTable refreshes when the workbook opens" (ExcelApi 1.13): an Excel
   * without that set refuses it with ApiNotFound, in its place in the batch, like any member it
   * lacks (the steps queued before it stay done).
   */
  set refreshOnOpen(value: boolean) {
    this.set((p) => {
      if (newerVersion("1.13", this.context.model.excelApi)) throw new OfficeError("ApiNotFound", "refreshOnOpen needs ExcelApi 1.13.");
      p.refreshOnOpen = value;
    });
  }
  /**
   * PivotTable.getDataSourceString (ExcelApi 1.15): "the string representation of the data source
   * for the PivotTable. This method currently supports string representations for table and range
   * objects. Otherwise, it returns an empty string." Which form a table source takes is not
   * documented: the fake answers the table's name (the add-in reads a name or an address alike).
   */
  getDataSourceString(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.context.enqueue(() => {
      if (newerVersion("1.15", this.context.model.excelApi)) throw new OfficeError("ApiNotFound", "getDataSourceString needs ExcelApi 1.15.");
      const pivot = this.model();
      result.settle(pivot.dataSourceString ?? pivot.source.name, this.context);
    });
    return result;
  }
  /** Reads the source table as it is now: rows a pull added or removed are in the PivotTable after this. */
  refresh(): void {
    this.set((p) => {
      if (!this.context.model.tables.includes(p.source)) throw new OfficeError("InvalidOperation", "The PivotTable's source table no longer exists.");
      p.cache = readSource(p.source);
      p.refreshes++;
    });
  }
  delete(): void {
    this.set((p) => (this.context.model.pivots = this.context.model.pivots.filter((x) => x !== p)));
  }
}
