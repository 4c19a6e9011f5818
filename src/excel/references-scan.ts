import { formulasIn, pointsInto } from "../report/references";
import { FORMULA_BYTES, ReadBatch, readRows } from "./batch";
import { NOT_READ, SheetState, WorkbookState } from "./inspect";
import { PIVOT_SOURCE_BYTES, queuePivotSource, queueSeriesSources, SERIES_SOURCES_BYTES } from "./optional-apis";
import type { Reference } from "../text/references";

/**
 * More formula cells than this are not read to look for references (Excel caps a read at
 * 5,000,000 cells): then every target counts as referenced, the safe side (kept, not rebuilt).
 */
const MAX_SCANNED_CELLS = 2_000_000;

/** A text that may point into a sheet (a formula, a rule, a series' or a PivotTable's source), and whose it is. */
export interface Pointer {
  text: string;
  from: Reference;
}

/** What points into each referenced target; a target nothing points into is not in it. */
export type Referenced = Map<SheetState, Reference[]>;

/** Every target, for what could not be checked (the safe side: kept, not rebuilt). */
const allUnchecked = (targets: SheetState[], what: Extract<Reference, { kind: "unchecked" }>["what"]): Referenced => new Map(targets.map((t) => [t, [{ kind: "unchecked", what }]]));

/**
 * Which of `targets` (sheets of the add-in about to be rebuilt with a new layout) a formula on
 * another sheet points into, by sheet name or by the name of one of its tables, and what points
 * into each, for the pane's note. Formulas of the add-in's sheets were read already
 * (inspectWorkbook); of the other sheets, Excel is asked which cells hold formulas (one sync),
 * and only sheets with any are read, in chunks of about 4 MB. Conditional formats and data
 * validation rules on the other sheets count as their formulas do (see ruleFormulas), and so do
 * the data sources of the charts on them (see chartSources) and of every PivotTable in the
 * workbook (see pivotSources). Where there is too much to read, or Excel cannot say, every target
 * counts as referenced by what could not be checked. (Defined names were checked when the sheets
 * were inspected: see ownership.ts.)
 */
export async function sheetsReferenced(context: Excel.RequestContext, state: WorkbookState, targets: SheetState[]): Promise<Referenced> {
  const targetSet = new Set(targets);
  const pointers: Pointer[] = [];
  // One Reference per source, shared by its texts: told apart by identity below, and light on memory at 2,000,000 formulas.
  const cellFormulas = (sheet: SheetState, cells: readonly (readonly unknown[])[]) => {
    const from: Reference = { kind: "formula", sheet: sheet.name };
    return formulasIn(cells).map((text): Pointer => ({ text, from }));
  };
  const others = state.sheets.filter((s) => !targetSet.has(s));
  const unread: SheetState[] = [];
  for (const sheet of others) {
    const known = sheet.content?.formulas;
    // A content read whole (not the placeholder of a sheet too large) already has its formulas.
    if (known && known !== NOT_READ) pointers.push(...cellFormulas(sheet, known));
    else unread.push(sheet);
  }
  if (unread.length) {
    const probes = unread.map((sheet) => ({
      sheet,
      cells: sheet.sheet.getRange().getSpecialCellsOrNullObject("Formulas").load("cellCount"),
      used: sheet.sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"),
    }));
    await context.sync();
    const withFormulas = probes.filter((p) => !p.cells.isNullObject && p.cells.cellCount > 0 && !p.used.isNullObject);
    const total = withFormulas.reduce((n, p) => n + p.used.rowCount * p.used.columnCount, 0);
    if (total > MAX_SCANNED_CELLS) return allUnchecked(targets, "formulas");
    const read = await readRows(
      context,
      withFormulas.map(({ sheet, used }) => ({
        total: used.rowCount,
        columns: used.columnCount,
        sheet: sheet.name,
        firstRow: used.rowIndex,
        range: (from: number, count: number) => sheet.sheet.getRangeByIndexes(used.rowIndex + from, used.columnIndex, count, used.columnCount),
      })),
      { property: "formulas" },
    );
    read.forEach((cells, i) => pointers.push(...cellFormulas(withFormulas[i].sheet, cells)));
  }
  const rules = await ruleFormulas(context, others);
  if (rules === null) return allUnchecked(targets, "rules");
  pointers.push(...rules);
  const charts = await chartSources(context, others);
  if (charts === null) return allUnchecked(targets, "charts");
  pointers.push(...charts);
  const pivots = await pivotSources(context);
  if (pivots === null) return allUnchecked(targets, "pivots");
  pointers.push(...pivots);
  const referenced: Referenced = new Map();
  const order = state.sheets.map((s) => s.name);
  for (const target of targets) {
    const tables = target.content?.tables.map((t) => t.name) ?? [];
    // Each source once, however many of its cells or series point in: once one does, the rest of it is not tested.
    const by = new Set<Reference>();
    for (const { text, from } of pointers) if (!by.has(from) && pointsInto(text, target.name, tables, order)) by.add(from);
    if (by.size) referenced.set(target, [...by]);
  }
  return referenced;
}

/**
 * More conditional formats and validated areas than this on the other sheets, or more cells of
 * areas whose validation differs from cell to cell, are not read one by one: then every target
 * counts as referenced (kept, not rebuilt), the safe side.
 */
const MAX_RULES = 5_000;
const MAX_MIXED_CELLS = 2_000;

/**
 * The formulas of the conditional formats (ExcelApi 1.6) and data validation rules (1.8) on
 * `sheets`: a rule like `=B2>Nationaliteiten!$B$6` or a list from `=Woonduur!$A$6:$A$8` points
 * into a sheet as a cell's formula does. Two syncs when they are few: which formats there are
 * and which cells are validated; each format's rule (by its type, as Excel gives it) and each
 * sheet's validation. Where a sheet's validated cells do not share one rule ("Inconsistent"), up
 * to two more: its areas' rules, and the cells of an area that mixes rules, one by one. Each rule
 * read at the most its formulas can weigh (ruleBytes), as many a sync as fit under the
 * response limit (Excel on the web refuses one over 5 MB): many long rules take more syncs. Null
 * where there are too many to read (see MAX_RULES).
 *
 * The formats' types are read with their number (ConditionalFormatCollection.getCount, 1.6), at
 * most MAX_RULES + 1 of them in all: each sheet's first share of them (`$top`,
 * Excel.Interfaces.CollectionLoadOptions), the rest, where a sheet has more than its share and
 * all are few enough to read, in one sync more (`$skip`). Before, every type of every sheet came
 * in the first response, however many (a sheet's formats split by copying and pasting can run to
 * hundreds of thousands), before MAX_RULES was checked: a response Excel refuses over 5 MB.
 */
export async function ruleFormulas(context: Excel.RequestContext, sheets: SheetState[]): Promise<Pointer[] | null> {
  if (sheets.length === 0) return [];
  const share = Math.max(1, Math.floor((MAX_RULES + 1) / sheets.length));
  const found = sheets.map((state) => {
    const formats = state.sheet.getRange().conditionalFormats;
    return { state, formats, count: formats.getCount(), page: formats.load({ $top: share, type: true }), validated: state.sheet.getRange().getSpecialCellsOrNullObject("DataValidations").load("areaCount") };
  });
  await context.sync();
  const validated = found.flatMap((f) => (f.validated.isNullObject ? [] : [{ state: f.state, areas: f.validated }]));
  if (found.reduce((n, f) => n + f.count.value, 0) + validated.reduce((n, v) => n + v.areas.areaCount, 0) > MAX_RULES) return null;
  const types = found.map((f) => [...f.page.items]);
  const rest = found.flatMap((f, i) => (f.count.value > types[i].length ? [{ i, page: f.formats.load({ $skip: types[i].length, $top: f.count.value - types[i].length, type: true }) }] : []));
  if (rest.length) {
    await context.sync();
    for (const { i, page } of rest) types[i].push(...page.items);
  }
  const reads = new ReadBatch(context);
  const formats: { read: () => unknown; from: Reference }[] = [];
  for (const [i, f] of found.entries()) {
    const from: Reference = { kind: "conditionalFormat", sheet: f.state.name };
    for (const format of types[i]) formats.push({ read: await reads.queue(ruleBytes(formulasOfType(format.type)), () => queueRuleOf(format)), from });
  }
  const sheetWide: { from: Reference; areas: Excel.RangeCollection; validation: Excel.DataValidation }[] = [];
  for (const { state, areas } of validated) {
    // The areas (four numbers each) at what a validated area may take at the most (see MAX_RULES), and the rule.
    const queued = await reads.queue(areas.areaCount * 100 + ruleBytes(VALIDATION_FORMULAS), () => ({ areas: areas.areas.load(AREA_ITEMS), validation: areas.dataValidation.load("type,rule") }));
    sheetWide.push({ from: { kind: "validation", sheet: state.name }, ...queued });
  }
  await reads.flush();
  const read: { value: unknown; from: Reference }[] = [
    ...formats.map((f) => ({ value: f.read(), from: f.from })),
    ...sheetWide.filter((v) => v.validation.type !== "Inconsistent").map((v) => ({ value: v.validation.rule, from: v.from })),
  ];
  // A sheet whose validated cells do not share one rule: area by area, then cell by cell where an area mixes rules.
  const mixedSheets = sheetWide.filter((v) => v.validation.type === "Inconsistent");
  if (mixedSheets.length) {
    const areas: { area: Excel.Range; from: Reference; validation: Excel.DataValidation }[] = [];
    for (const v of mixedSheets) for (const area of v.areas.items) areas.push({ area, from: v.from, validation: await reads.queue(ruleBytes(VALIDATION_FORMULAS), () => area.dataValidation.load("type,rule")) });
    await reads.flush();
    read.push(...areas.filter((a) => a.validation.type !== "Inconsistent").map((a) => ({ value: a.validation.rule, from: a.from })));
    const mixed = areas.filter((a) => a.validation.type === "Inconsistent");
    if (mixed.reduce((n, { area }) => n + area.rowCount * area.columnCount, 0) > MAX_MIXED_CELLS) return null;
    if (mixed.length) {
      const cells: { from: Reference; rule: Excel.DataValidation }[] = [];
      for (const { area, from } of mixed) {
        for (let i = 0; i < area.rowCount * area.columnCount; i++) cells.push({ from, rule: await reads.queue(ruleBytes(VALIDATION_FORMULAS), () => area.getCell(Math.floor(i / area.columnCount), i % area.columnCount).dataValidation.load("rule")) });
      }
      await reads.flush();
      read.push(...cells.map((cell) => ({ value: cell.rule.rule, from: cell.from })));
    }
  }
  return read.flatMap(({ value, from }) => stringsIn(value).map((text) => ({ text, from })));
}

/** More chart series than this on the other sheets are not read one by one: every target then counts as referenced. */
const MAX_SERIES = 2_000;

/**
 * The data sources of the charts on `sheets`: a user's chart that plots
 * `=Nationaliteiten!$B$6:$B$15` on their own sheet points into that sheet as a formula does, and
 * would lose its data if the sheet were rebuilt. The charts (one sync), their number of series
 * (one: Excel reaches series by index), then each series' values and categories, as many series
 * a sync as fit at the most their sources can weigh (SERIES_SOURCES_BYTES: 84 in a sync of 4 MB),
 * so that no response outgrows Excel's limit: a few charts take three syncs, 2,000 series 26.
 * Null (every target referenced, the safe side) where Excel cannot say: no ExcelApi 1.15, more
 * than MAX_SERIES series, or a series whose source Excel refuses to give (the docs do not say
 * which series have none; a refused sync here only read, so nothing is to be undone).
 */
export async function chartSources(context: Excel.RequestContext, sheets: SheetState[]): Promise<Pointer[] | null> {
  if (sheets.length === 0) return [];
  const charts = sheets.map((state) => ({ state, charts: state.sheet.charts.load("items/name") }));
  await context.sync();
  const all = charts.flatMap((c) => c.charts.items);
  const whose = charts.flatMap((c) => c.charts.items.map((chart): Reference => ({ kind: "chart", sheet: c.state.name, chart: chart.name })));
  if (all.length === 0) return [];
  const counts = all.map((chart) => chart.series.getCount());
  await context.sync();
  if (counts.reduce((n, c) => n + c.value, 0) > MAX_SERIES) return null;
  const reads = new ReadBatch(context);
  const sources: { from: Reference; results: OfficeExtension.ClientResult<string>[] }[] = [];
  try {
    for (const [c, chart] of all.entries()) {
      for (let i = 0; i < counts[c].value; i++) {
        const results = await reads.queue(SERIES_SOURCES_BYTES, () => queueSeriesSources(chart.series.getItemAt(i)));
        if (results === null) return null; // no 1.15: nothing was queued, and no other series can be read either
        sources.push({ from: whose[c], results });
      }
    }
    await reads.flush();
  } catch {
    return null;
  }
  return sources.flatMap(({ from, results }) => results.map((r) => ({ text: r.value, from })));
}

/** More PivotTables than this are not read one by one: every target then counts as referenced. */
const MAX_PIVOTS = 2_000;

/**
 * The data sources of the workbook's PivotTables (ExcelApi 1.8, `Workbook.pivotTables`): an
 * analyst's PivotTable over `lm_nationaliteiten_aantal` would lose its source if that sheet were
 * rebuilt (its table is renamed aside and deleted with it). One sync for their names, of at most
 * one more than MAX_PIVOTS of them (`$top`, Excel.Interfaces.CollectionLoadOptions: "the number of
 * items in the queried collection to be included in the result"), so that a workbook of very many
 * answers 2,001 names, not all (the reference gives a PivotTable's name no longest: at the 255
 * characters Excel holds a defined name and a table column's name to, MS-OI29500 2.1.568 k and
 * 2.1.681 a, about 1.5 MB). Then each one's source on its own in a ReadBatch, at the most a source
 * can weigh (PIVOT_SOURCE_BYTES: 169 in a sync of 4 MB), so that no response outgrows Excel's
 * limit: a few PivotTables take two syncs, 2,000 take 13. Null (every target referenced, the safe
 * side) where Excel cannot say: no ExcelApi 1.15 (`getDataSourceString`), more than MAX_PIVOTS, a
 * refused read (it only read, so nothing is to be undone), or a source Excel does not describe
 * (an empty string: an external or Data Model source, which may itself be built from a table of
 * these sheets).
 */
async function pivotSources(context: Excel.RequestContext): Promise<Pointer[] | null> {
  const pivots = context.workbook.pivotTables.load({ $top: MAX_PIVOTS + 1, name: true });
  await context.sync();
  if (pivots.items.length === 0) return [];
  if (pivots.items.length > MAX_PIVOTS) return null;
  const reads = new ReadBatch(context);
  const sources: OfficeExtension.ClientResult<string>[] = [];
  try {
    for (const pivot of pivots.items) {
      const source = await reads.queue(PIVOT_SOURCE_BYTES, () => queuePivotSource(pivot));
      if (source === null) return null; // no 1.15: nothing was queued, and no other source can be read either
      sources.push(source);
    }
    await reads.flush();
  } catch {
    return null;
  }
  const texts = sources.map((s) => s.value);
  return texts.some((text) => text === "") ? null : texts.map((text, i) => ({ text, from: { kind: "pivot", pivot: pivots.items[i].name } }));
}

const AREA_ITEMS = "items/rowIndex,items/columnIndex,items/rowCount,items/columnCount";

/**
 * What a rule with `formulas` formulas weighs in a response: each at a formula's most
 * (FORMULA_BYTES, batch.ts; ST_Formula is the type conditional formats' and data validation's
 * formulas take: ECMA-376 Part 1, 18.3.1.10 cfRule's formula, 18.3.1.32 dataValidation's formula1
 * and formula2), and what is around them.
 */
const ruleBytes = (formulas: number) => 200 + formulas * FORMULA_BYTES;
/** A validation rule's formulas: formula1 and formula2 (DataValidationRule, ExcelApi 1.8), of the one kind it has. */
const VALIDATION_FORMULAS = 2;

/**
 * How many formulas a conditional format of `type` holds at the most, as queueRuleOf reads it: a
 * custom rule one; a cell value rule two (formula1, formula2); a data bar two (its bounds); a
 * colour scale three (minimum, midpoint, maximum); an icon set five (the most icons a set has,
 * Excel.IconSet "fiveArrows"…, one criterion each).
 */
function formulasOfType(type: string): number {
  return ({ Custom: 1, CellValue: 2, DataBar: 2, ColorScale: 3, IconSet: 5 } as Record<string, number>)[type] ?? 0;
}

/** Queues loading the part of a conditional format that holds its formulas; the reader works after the sync. */
function queueRuleOf(format: Excel.ConditionalFormat): () => unknown {
  switch (format.type) {
    case "Custom":
      return readAfterSync(format.custom.rule.load("formula"), (rule) => rule.formula);
    case "CellValue":
      return readAfterSync(format.cellValue.load("rule"), (part) => part.rule);
    case "DataBar":
      return readAfterSync(format.dataBar.load("lowerBoundRule,upperBoundRule"), (bar) => [bar.lowerBoundRule, bar.upperBoundRule]);
    case "ColorScale":
      return readAfterSync(format.colorScale.load("criteria"), (scale) => scale.criteria);
    case "IconSet":
      return readAfterSync(format.iconSet.load("criteria"), (icons) => icons.criteria);
    default:
      return () => null; // top/bottom, presets and text comparisons have no formula
  }
}

const readAfterSync =
  <T>(loaded: T, read: (loaded: T) => unknown) =>
  () =>
    read(loaded);

/** Every string in a value as Excel returned it (a rule's formulas, wherever they sit in it). */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}
