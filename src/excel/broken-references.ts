import { pointsInto } from "../report/references";
import { CHAR_BYTES, MAX_SYNC_BYTES, ReadBatch, readRows, WriteBatch } from "./batch";
import { countedPages, NameRead, queueFirstPages, readPages, takeAll } from "./names-read";
import { SheetState, WorkbookState } from "./inspect";
import { chartSources, Pointer, ruleFormulas } from "./references-scan";
import type { Reference } from "../text/references";

/**
 * A pull that deletes rows and then stops (a later delete refused, a cancel, an edit meanwhile)
 * adds the rows back, but "When you delete … a cell that a formula refers to, the formula shows
 * #REF!" and adding the cells back does not make the reference again: Excel rewrote
 * `=Data!G12` into `=Data!#REF!` when the row went (the fake models it, see shiftReferences).
 * So before it deletes anything the pull notes every formula that may point into the tables'
 * sheet (on that sheet, or naming it: pointsInto), and every defined name naming it, and once
 * the rows are back it writes back each one that now holds more #REF! than it did: a #REF! the
 * analyst did not type, but Excel made of the pull's delete. Every other formula is left as it
 * is. Conditional formats, validation and chart series are put back alike (formats-put-back.ts,
 * validations-put-back.ts, charts-put-back.ts). What it does not read or put back (formulas too
 * many to read; a conditional format Excel deleted; what Excel lacks the API for) the pane names
 * as not checked (Shortfall).
 */
export interface FormulaCell {
  sheet: Excel.Worksheet;
  row: number;
  column: number;
  formula: string;
}

/**
 * What putting the rows back could not make as it was, for the pane (load.putBackShort): the
 * tables whose rows were deleted and added again, their sheet; when the formulas were too many
 * to read before deleting (`unchecked`), the most it reads; and what may hold a reference to a
 * deleted row that the add-in did not put back (`left`: conditional formats, validation and
 * charts it could not: see formats-, validations-, charts-put-back.ts). Never "as it was" while either says anything.
 */
export interface Shortfall {
  tables: string[];
  sheet: string;
  unchecked: { cells: number; areas: number } | null;
  left: Reference[];
  /** Rules and charts over the deleted rows that the analyst changed during the pull: left as they made them, not put back (rules-watch.ts). */
  edited?: Reference[];
  /** Charts the analyst deleted during the pull: not put back (charts-put-back.ts watchCharts). */
  deleted?: Reference[];
}

/** A pull that stopped (`stopped`: why, as refreshTables would have rethrown it) and put the tables back, all but `short`. */
export class PutBackShort extends Error {
  constructor(
    readonly stopped: unknown,
    readonly short: Shortfall,
  ) {
    // Not shown as it is: the load that catches it says why it stopped and what was not put back, in the user's language (load-data.ts).
    super("The tables were put back, but not every reference into their deleted rows.");
    this.name = "PutBackShort";
  }
}

/**
 * More formula cells than this are not read (a cell's formula is a string kept in memory until
 * the pull is done): then none can be put back, and the pane says the formulas into the deleted
 * rows were not checked (see StoppedShort).
 */
export const MAX_FORMULA_CELLS = 2_000_000;

/**
 * More areas of formula cells than this, over the workbook, are not read: the areas themselves
 * come back in one response (four numbers each, about 90 bytes), and each is a read of its own
 * in a request. Formulas filled down a column make one area; only cells apart make many.
 */
export const MAX_FORMULA_AREAS = 20_000;

/**
 * What one area's read weighs in a request besides its answer: its range (an object path) and
 * its load (a call), about 200 bytes, taken twice for the safe side (as RUN_DELETE_BYTES): ten
 * thousand one-cell areas must not go in one request of 5 MB.
 */
const AREA_READ_BYTES = 400;

const refCount = (formula: string) => formula.split("#REF!").length - 1;

/**
 * What a formula as read back after the delete weighs in a response, at the most: Excel may have
 * made its references #REF!, which takes at most twice their characters (the shortest reference
 * and the operator beside it, "A1+", three, become "#REF!+", six), CHAR_BYTES a character.
 */
const grownBytes = (formula: string) => 2 * formula.length * CHAR_BYTES;

/**
 * The formulas of the workbook that may point into `sheetNames`: Excel is asked which cells of
 * each sheet hold formulas (Range.getSpecialCellsOrNullObject("Formulas"), ExcelApi 1.9: a
 * RangeAreas, or a null object on a sheet without any; one sync), then for those areas (one
 * sync), and only their cells are read, in chunks whose request and response both stay under
 * the limit (readRows). A workbook with millions of values and a few formulas reads those few.
 * Null when there are more formula cells or areas than MAX_FORMULA_CELLS, MAX_FORMULA_AREAS.
 */
export async function formulasInto(context: Excel.RequestContext, state: WorkbookState, sheetNames: ReadonlySet<string>, limit?: number): Promise<FormulaCell[] | null> {
  const probes = state.sheets.map((s) => ({ state: s, formulas: s.sheet.getRange().getSpecialCellsOrNullObject("Formulas").load("cellCount,areaCount") }));
  await context.sync();
  const withFormulas = probes.filter((p) => !p.formulas.isNullObject);
  if (withFormulas.reduce((n, p) => n + p.formulas.cellCount, 0) > MAX_FORMULA_CELLS) return null;
  if (withFormulas.reduce((n, p) => n + p.formulas.areaCount, 0) > MAX_FORMULA_AREAS) return null;
  if (withFormulas.length === 0) return [];
  const listed = withFormulas.map((p) => ({ state: p.state, areas: p.formulas.areas.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount") }));
  await context.sync();
  const areas = listed.flatMap(({ state: s, areas: list }) => list.items.map((area) => ({ state: s, row: area.rowIndex, column: area.columnIndex, rows: area.rowCount, columns: area.columnCount })));
  const read = await readRows(
    context,
    areas.map((a) => ({
      total: a.rows,
      columns: a.columns,
      sheet: a.state.name,
      firstRow: a.row,
      range: (from: number, count: number) => a.state.sheet.getRangeByIndexes(a.row + from, a.column, count, a.columns),
    })),
    { property: "formulas", limit, blockBytes: AREA_READ_BYTES },
  );
  const names = new Set([...sheetNames].map((n) => n.toLowerCase()));
  return read.flatMap((rows, i) => {
    const a = areas[i];
    const home = names.has(a.state.name.toLowerCase());
    return rows.flatMap((row, r) =>
      row.flatMap((cell, c) => {
        if (typeof cell !== "string" || !cell.startsWith("=")) return [];
        if (!home && ![...sheetNames].some((name) => pointsInto(cell, name))) return [];
        return [{ sheet: a.state.sheet, row: a.row + r, column: a.column + c, formula: cell }];
      }),
    );
  });
}


/**
 * The defined names whose formula may point into `sheetNames` (`=Data!$G$92`), the workbook's
 * (Workbook.names) and each sheet's own (Worksheet.names, which Workbook.names leaves out; the
 * Excel JS reference of both): a name's reference to a deleted row becomes #REF! as a cell's
 * does (`=Data!#REF!`), and adding the row back does not make it again. And, in the same sync,
 * what else may hold such a reference and is not put back (`unchecked`): each sheet's conditional
 * formats (ConditionalFormatCollection.getCount, ExcelApi 1.6), validated cells
 * (getSpecialCellsOrNullObject "DataValidations", 1.9) and charts (a series' source, 1.1): the
 * pane names them as not checked, but for those the pull then reads to put back
 * (formats-, validations-, charts-put-back.ts). On another sheet only those whose
 * rules or series name the tables' sheet (read as Regenerate reads them: ruleFormulas,
 * chartSources; the add-in's own charts plot their own sheet's tables and are not named); where
 * those cannot be read, every one present, the safe side. On the tables' own sheet every one
 * present: a rule there points into the rows without naming the sheet (`=$G92>0`).
 */
export async function namesInto(context: Excel.RequestContext, state: WorkbookState, sheetNames: ReadonlySet<string>, limit = MAX_SYNC_BYTES): Promise<{ names: NameRead[]; unchecked: Reference[] }> {
  // Counted, and read in this sync when few; many in pages under the response limit (names-read.ts).
  const lists = countedPages([context.workbook.names, ...state.sheets.map((s) => s.sheet.names)]);
  queueFirstPages(lists, limit / 2);
  const others = state.sheets.map((s) => ({
    sheet: s.name,
    formats: s.sheet.getRange().conditionalFormats.getCount(),
    validated: s.sheet.getRange().getSpecialCellsOrNullObject("DataValidations").load("cellCount"),
    charts: s.sheet.charts.load("items/name"),
  }));
  await context.sync();
  takeAll(lists);
  await readPages(new ReadBatch(context, limit), lists);
  const names = lists.flatMap((list) =>
    list.names.filter(({ formula }) => {
      const text: unknown = formula;
      return typeof text === "string" && [...sheetNames].some((name) => pointsInto(text, name));
    }),
  );
  const present = (only: ReadonlySet<string>) =>
    others
      .filter(({ sheet }) => only.has(sheet))
      .flatMap(({ sheet, formats, validated, charts }): Reference[] => [
        ...(formats.value > 0 ? [{ kind: "conditionalFormat" as const, sheet }] : []),
        ...(!validated.isNullObject && validated.cellCount > 0 ? [{ kind: "validation" as const, sheet }] : []),
        ...charts.items.map((chart) => ({ kind: "chart" as const, sheet, chart: chart.name })),
      ]);
  const isHome = (name: string) => [...sheetNames].some((home) => home.toLowerCase() === name.toLowerCase());
  const homes = new Set(others.filter(({ sheet }) => isHome(sheet)).map(({ sheet }) => sheet));
  // The other sheets that have any: their rules and series are read, to name only those naming the tables' sheet.
  const elsewhere = others.filter(({ sheet, formats, validated, charts }) => !isHome(sheet) && (formats.value > 0 || (!validated.isNullObject && validated.cellCount > 0) || charts.items.length > 0));
  const pointing = await pointingElsewhere(context, state.sheets.filter((s) => elsewhere.some((e) => e.sheet === s.name)), sheetNames);
  const unchecked = [...present(homes), ...(pointing ?? present(new Set(elsewhere.map(({ sheet }) => sheet))))];
  return { names, unchecked };
}

/** Of the conditional formats, validation and charts on `sheets`, those whose rules or series name one of `sheetNames`, each once; null where Excel cannot say. */
async function pointingElsewhere(context: Excel.RequestContext, sheets: SheetState[], sheetNames: ReadonlySet<string>): Promise<Reference[] | null> {
  if (sheets.length === 0) return [];
  const rules = await ruleFormulas(context, sheets);
  if (rules === null) return null;
  const charts = await chartSources(context, sheets);
  if (charts === null) return null;
  const by = new Set<Reference>();
  for (const { text, from } of [...rules, ...charts] as Pointer[]) if (!by.has(from) && [...sheetNames].some((name) => pointsInto(text, name))) by.add(from);
  return [...by];
}

/**
 * After the rows are back: each of `cells` and `names` that holds more #REF! than it did gets
 * its formula back (a name's NamedItem.formula is settable, ExcelApi 1.7, NamedItemUpdateData).
 * Two syncs (a read, a write), or their chunks.
 */
export async function restoreBroken(context: Excel.RequestContext, cells: readonly FormulaCell[], names: readonly NameRead[], limits: { read?: number; write: number }): Promise<void> {
  if (cells.length === 0 && names.length === 0) return;
  const reads = new ReadBatch(context, limits.read);
  const now = [];
  for (const cell of cells) now.push(await reads.queue(200 + grownBytes(cell.formula), () => cell.sheet.getRangeByIndexes(cell.row, cell.column, 1, 1).load("formulas")));
  const namesNow = [];
  for (const name of names) namesNow.push(await reads.queue(200 + grownBytes(name.formula), () => name.item.load("formula")));
  await reads.flush();
  const batch = new WriteBatch(context, { limit: limits.write });
  for (const [i, cell] of cells.entries()) {
    const formula = now[i].formulas[0]?.[0];
    if (typeof formula !== "string" || refCount(formula) <= refCount(cell.formula)) continue;
    await batch.queue(200 + cell.formula.length * CHAR_BYTES, () => (cell.sheet.getRangeByIndexes(cell.row, cell.column, 1, 1).formulas = [[cell.formula]]));
  }
  for (const [i, name] of names.entries()) {
    const formula: unknown = namesNow[i].formula;
    if (typeof formula !== "string" || refCount(formula) <= refCount(name.formula)) continue;
    await batch.queue(200 + name.formula.length * CHAR_BYTES, () => (name.item.formula = name.formula));
  }
  await batch.flush();
}
