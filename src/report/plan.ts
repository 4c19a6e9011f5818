import { INDICATOR_COLUMNS, SOURCE_COLUMNS, tableCells } from "../data/columns";
import { citationOf } from "../data/citation";
import { excelNumberFormat, percentDecimals } from "../data/format";
import { TABLE_NAMES } from "../data/package";
import { comparePeriods } from "../data/periods";
import { safeCellText } from "../data/text-rules";
import { MonitorStore } from "../data/store";
import { runSteps, Steps } from "../data/slices";
import { Language, MonitorPackage, Observation, Unit } from "../data/types";
import { areaSheets, comparisonSheet, heldAreaKeysInSteps, pulledAreas } from "./area-sheets";
import { observationCells } from "./data-columns";
import { sentenceLines } from "./sentence-lines";
import { wrapTexts } from "./text-wrap";
import { SHEETS } from "./sheets";
import { paletteColour } from "./palette";
import { safeSheetName, safeTableName } from "./sheet-names";
import { Edition } from "../data/descriptor";
import { say, textOf } from "../text/message";
import { LABEL, WORKBOOK } from "../text/sheets";
import { figureOf } from "../text/words";
import { editionFacts, EditionFacts, editionFactsInSteps, workbookFileName } from "./edition";
import { latestPeriod } from "./latest";
import { Axes, Axis, BlockFacts, BlockSpec, CellKey, SheetFacts, SheetSpec } from "./spec-types";
import { ChartKind, ChartPlan, SheetPlan, TablePlan, TextLine, WorkbookPlan } from "./types";

export const DATA_SHEET_NAME = "Data";
/** The stable key of the Data sheet; indicator sheets have theirs in SHEETS. */
export const DATA_SHEET_KEY = "data";
/**
 * The worksheet custom property that marks a sheet as the add-in's own (value: the sheet's key).
 * Office.js and the .xlsx writer both set it, so a downloaded workbook is recognised in Excel.
 */
export const MANAGED_SHEET_PROPERTY = "LeidenMonitor";
/** Prefix of every table the add-in makes on indicator sheets: marks them as ours. */
export const TABLE_PREFIX = "lm_";
const FIRST_BLOCK_ROW = 3;
const CHART_ROWS = 15;
const CHART_COLUMNS = 7;
const LABEL_WIDTH = 34;
const VALUE_WIDTH = 14;
/** Years side by side in a table and as clustered columns, at most; more turn the table. */
const MAX_YEAR_COLUMNS = 4;

export interface PlanOptions {
  language: Language;
  /**
   * Municipalities (besides Leiden) that get population sheets of their own; by default every
   * municipality whose counts by nationality the data holds (see area-sheets.ts).
   */
  areas?: string[];
  /** Fixed, so that the same input gives the same file. */
  created?: Date;
  /** What datapackage.json says of the edition; without it, the year comes from the figures. */
  edition?: Edition;
  /**
   * Called once the sheets are built and the store they were built from is garbage, before the
   * Data sheet's rows are copied: the workbook command collects garbage there.
   */
  afterSheets?: () => void;
}

/** The municipality of the report's own sheets (the Monitor Internationalisering is Leiden's). */
export const REPORT_AREA = "Leiden";

const resolveAxes = (axes: Axes, store: MonitorStore): Axis[] => (typeof axes === "function" ? axes(store) : axes);

function lookup(store: MonitorStore, key: CellKey): Observation | undefined {
  if (!key.indicator || !key.group || !key.period) return undefined;
  return store.get({ indicator: key.indicator, area: key.area ?? REPORT_AREA, group: key.group, age: key.age ?? "", period: key.period }, key.unit);
}

/** A percentage format with a decimal only where a figure needs one (88% but 11,6%). */
function numberFormat(unit: Unit, values: (number | null)[]): string {
  const format = excelNumberFormat(unit);
  if (format !== "0.0%") return format;
  return values.every((v) => v === null || Number.isInteger(Math.round(v * 1e6) / 1e4)) ? "0%" : "0.0%";
}

/** Alternative text for a chart, for screen readers and Excel's selection pane. */
function chartAltText(kind: ChartKind, title: string, table: TablePlan, language: Language): string {
  const pie = kind === "pie" || kind === "doughnut";
  const series = pie ? table.header.slice(1, 2) : table.header.slice(1);
  const categories = table.rows.map((r) => String(r[0]));
  return textOf(say(WORKBOOK.chartAltText, { kind, title, series, per: table.header[0], categories, table: table.name }), language);
}

interface BuiltBlock {
  key: string;
  table: TablePlan;
  chart: ChartPlan | null;
  caption: string;
  /** Lines under the source that say how a row was computed or how to read the table. */
  notes: string[];
  used: Observation[];
  facts: BlockFacts;
}

/**
 * Rows a chart needs so that every category has its label: bars lie one under another, about
 * a row each (two series side by side take more), above the title and axis.
 */
function chartRows(kind: ChartKind, categories: number, series: number): number {
  if (kind !== "barClustered") return CHART_ROWS;
  return Math.max(CHART_ROWS, Math.ceil(categories * Math.max(1, series * 0.7)) + 6);
}

/**
 * One colour per series or category label across a sheet: the year 2022, a group or a sector is
 * the same colour in every chart of the sheet. Pies colour their slices by category.
 */
function assignColours(charts: ChartPlan[]): void {
  const byLabel = new Map<string, string>();
  const colour = (label: string) => {
    if (!byLabel.has(label)) byLabel.set(label, paletteColour(byLabel.size));
    return byLabel.get(label) as string;
  };
  for (const chart of charts) {
    const pie = chart.kind === "pie" || chart.kind === "doughnut";
    chart.colours = pie ? chart.table.rows.map((r) => colour(String(r[0]))) : chart.table.header.slice(1).map(colour);
  }
}

const resolveBlock = (block: SheetSpec["blocks"][number], store: MonitorStore): BlockSpec | null => (typeof block === "function" ? block(store) : block);

/** Categories of a block looked up in one step: a table of thousands of areas is built a part at a time. */
const CATEGORIES_PER_STEP = 250;

function* buildBlock(sheet: SheetSpec, block: BlockSpec, store: MonitorStore, language: Language, row: number): Steps<BuiltBlock | null> {
  const base = typeof block.base === "function" ? block.base(store) : block.base;
  if (!base) return null;
  const allCategories = resolveAxes(block.categories, store);
  const allSeries = resolveAxes(block.series, store);
  yield;
  const figure = (category: Axis, s: Axis) => {
    const key = { ...base, ...category.key, ...s.key };
    const derived = category.derived ?? s.derived;
    return derived ? derived(key) : lookup(store, key);
  };
  // Every category's figure in every series, looked up once.
  const found: (Observation | undefined)[][] = [];
  for (let from = 0; from < allCategories.length; from += CATEGORIES_PER_STEP) {
    for (let c = from; c < Math.min(allCategories.length, from + CATEGORIES_PER_STEP); c++) found.push(allSeries.map((s) => figure(allCategories[c], s)));
    yield;
  }
  // A series or category without a single figure would be an empty column or row, an empty
  // chart series or bar: left out.
  const seriesKept = allSeries.map((_, j) => found.some((figures) => figures[j] !== undefined));
  let series = allSeries.filter((_, j) => seriesKept[j]);
  const categoriesKept = found.map((figures) => figures.some((o) => o !== undefined));
  let categories = allCategories.filter((_, c) => categoriesKept[c]);
  let cells = found.filter((_, c) => categoriesKept[c]).map((figures) => figures.filter((_, j) => seriesKept[j]));
  let { categoryHeader, chart: chartSpec } = block;
  // Years across read well up to a few; beyond that the table turns, years down, drawn as lines.
  const turned = block.overTime === true && series.length > MAX_YEAR_COLUMNS;
  if (turned) {
    [categories, series] = [series, categories];
    categoryHeader = LABEL.year;
    chartSpec = chartSpec && { kind: "line", categoryAxis: LABEL.year, valueAxis: chartSpec.valueAxis };
    // Looked up again with the axes' roles turned (which axis's key and derivation come first).
    cells = categories.map((category) => series.map((s) => figure(category, s)));
  }
  // Ranks are drawn as lines over an axis that runs from 1 at the top: higher is better.
  if (block.unit === "rang" && chartSpec) chartSpec = { ...chartSpec, kind: "line" };
  const used = cells.flat().filter((o): o is Observation => o !== undefined);
  // A block whose data is wholly missing is left out rather than shown as empty cells.
  if (used.length === 0) return null;
  const rows = categories.map((category, c) => [textOf(category.label, language), ...cells[c].map((o) => (o ? o.waarde : null))]);
  yield;
  const facts: BlockFacts = { categories, series, cells, periods: [...new Set(used.map((o) => o.periode))].sort(comparePeriods) };
  const caption = textOf(typeof block.caption === "function" ? block.caption(facts) : block.caption, language);
  const seriesLabels = series.map((s) => textOf(s.label, language));
  const values = rows.flatMap((r) => r.slice(1) as (number | null)[]);
  const format = numberFormat(block.unit, values);
  const table: TablePlan = {
    name: safeTableName(`${TABLE_PREFIX}${sheet.key}_${block.key}`),
    row: row + 1,
    column: 0,
    header: [textOf(categoryHeader, language), ...seriesLabels],
    rows,
    numberFormats: [null, ...series.map(() => format)],
    widths: [LABEL_WIDTH, ...seriesLabels.map((label) => Math.max(VALUE_WIDTH, label.length + 3))],
    periods: facts.periods,
  };
  const drawable = values.filter((v) => v !== null).length >= 2;
  const pie = chartSpec?.kind === "pie" || chartSpec?.kind === "doughnut";
  const chart: ChartPlan | null =
    chartSpec && drawable
      ? {
          kind: chartSpec.kind,
          title: caption,
          categoryAxisTitle: chartSpec.categoryAxis ? textOf(chartSpec.categoryAxis, language) : null,
          valueAxisTitle: chartSpec.valueAxis ? textOf(chartSpec.valueAxis, language) : null,
          numberFormat: format,
          showValues: pie ? categories.length <= 6 : series.length === 1,
          ranks: block.unit === "rang",
          fromZero: (chartSpec.kind === "barClustered" || chartSpec.kind === "columnClustered") && values.every((v) => v === null || v >= 0),
          altText: chartAltText(chartSpec.kind, caption, table, language),
          table,
          // Below the caption row, so that a caption longer than its table is never under the chart.
          anchor: { fromRow: row + 1, fromColumn: 0, toRow: row + 1 + chartRows(chartSpec.kind, categories.length, series.length), toColumn: 0 },
          colours: [],
        }
      : null;
  const notes = [block.note?.(facts) ?? []].flat().map((note) => textOf(note, language));
  yield;
  return { key: block.key, table, chart, caption, notes, used, facts };
}

/** The source and reference-date lines under a sheet's tables, from the figures it shows. */
function sourceLines(used: Observation[], store: MonitorStore, edition: EditionFacts, language: Language): [string, string] {
  const citations = new Map<string, Set<string>>();
  for (const o of used) {
    const name = citationOf(store.source(o.bron), o.bron, language);
    if (!citations.has(name)) citations.set(name, new Set());
    if (o.peildatum) citations.get(name)?.add(o.peildatum);
  }
  const pages = [...new Set(used.map((o) => o.pagina).filter((p): p is number => p !== null))].sort((a, b) => a - b);
  const source = say(WORKBOOK.source, { citations: [...citations].map(([name, dates]) => ({ name, dates: [...dates] })), pages, report: edition.report });
  const dates = [...new Set(used.map((o) => o.peildatum).filter(Boolean))].sort();
  const periods = [...new Set(used.map((o) => o.periode))].sort(comparePeriods);
  const when = say(WORKBOOK.when, { dates, someWithout: used.some((o) => !o.peildatum), periods });
  return [textOf(source, language), textOf(when, language)];
}

/**
 * The decimals each percentage of a sheet's tables is shown with (its table's number format):
 * the lead and the sentences under the tables quote a figure as its table shows it.
 */
function shownDecimals(blocks: BuiltBlock[]): (o: Observation) => number | undefined {
  const decimals = new Map<Observation, number | undefined>();
  for (const block of blocks) {
    block.facts.cells.forEach((row) =>
      row.forEach((o, j) => {
        if (o && !decimals.has(o)) decimals.set(o, percentDecimals(block.table.numberFormats[j + 1]));
      }),
    );
  }
  return (o) => decimals.get(o);
}

/** The facts a sheet's texts are computed from. */
function sheetFacts(store: MonitorStore, edition: EditionFacts, area: string, blocks: BuiltBlock[]): SheetFacts {
  const find = (key: CellKey) => lookup(store, { area, age: "", ...key });
  const decimalsOf = shownDecimals(blocks);
  const shown = (o: Observation) => {
    const decimals = decimalsOf(o);
    return decimals === undefined ? figureOf(o) : { ...figureOf(o), decimals };
  };
  return {
    store,
    edition,
    area,
    find,
    shown,
    figure: (key) => {
      const o = find(key);
      return o ? shown(o) : null;
    },
    latest: (where) => latestPeriod(store, { area, ...where }),
    block: (key) => blocks.find((b) => b.key === key)?.facts,
  };
}

/** A sheet with the tables its data supports, or null when it supports none; as steps, within and between its blocks. */
function* buildSheet(spec: SheetSpec, store: MonitorStore, language: Language, edition: EditionFacts, area: string): Steps<SheetPlan | null> {
  const blocks: BuiltBlock[] = [];
  let row = FIRST_BLOCK_ROW;
  for (const blockSpec of spec.blocks) {
    const resolved = resolveBlock(blockSpec, store);
    const block = resolved && (yield* buildBlock(spec, resolved, store, language, row));
    if (!block) continue;
    blocks.push(block);
    row += Math.max(block.table.rows.length + 2, block.chart ? block.chart.anchor.toRow - block.chart.anchor.fromRow + 2 : 0) + 1;
  }
  // A sheet appears only when the workbook has figures for it.
  if (blocks.length === 0) return null;
  const facts = sheetFacts(store, edition, area, blocks);
  const title = typeof spec.title === "function" ? spec.title(facts) : spec.title;
  const texts: TextLine[] = [
    { row: 0, text: textOf(title, language), style: "title" },
    { row: 1, text: textOf(spec.lead(facts), language), style: "lead" },
  ];
  yield;
  for (const block of blocks) texts.push({ row: block.table.row - 1, text: block.caption, style: "caption" });
  const tables = blocks.map((b) => b.table);
  const charts = blocks.flatMap((b) => (b.chart ? [b.chart] : []));
  // Charts stand to the right of the widest table of the sheet, so they line up.
  const chartColumn = Math.max(2, ...tables.map((t) => t.header.length)) + 1;
  for (const chart of charts) Object.assign(chart.anchor, { fromColumn: chartColumn, toColumn: chartColumn + CHART_COLUMNS });
  assignColours(charts);
  const used = blocks.flatMap((b) => b.used);
  const [source, when] = sourceLines(used, store, edition, language);
  yield;
  texts.push({ row, text: source, style: "source" }, { row: row + 1, text: when, style: "source" });
  // How a row was computed, under the source: long, and nothing stands beside it there to hide it.
  const notes = blocks.flatMap((b) => b.notes);
  notes.forEach((note, i) => texts.push({ row: row + 2 + i, text: note, style: "source" }));
  texts.push(...sentenceLines(used, store, language, row + 3 + notes.length, shownDecimals(blocks))); // the figures as sentences, for a workbook without the add-in
  const widest = Math.max(...tables.map((t) => t.header.length), 1);
  const widthOf = (column: number) => Math.max(...tables.map((t) => t.widths[column] ?? 0), column === 0 ? LABEL_WIDTH : VALUE_WIDTH);
  const columnWidths = Array.from({ length: widest }, (_, column) => widthOf(column));
  // The long lines wrap in the sheet's width: its tables', and its charts' to their right edge.
  const sheetColumns = charts.length ? chartColumn + CHART_COLUMNS : widest;
  return {
    key: spec.key,
    name: safeSheetName(textOf(spec.name, language)),
    texts: wrapTexts(texts, sheetColumns, columnWidths),
    tables,
    charts,
    frozenRows: 2,
    columnWidths,
  };
}

const WIDE_COLUMNS = ["Toelichting", "definitie", "omschrijving"];
/** Wide enough for the names a filter or a look-up shows in full: "sectoren-arbeidsmigranten", "Noorderkwartier" (test/report/data-sheet-widths.test.ts). */
const MEDIUM_COLUMNS = ["Onderwerp", "Indicator", "Gebied", "id", "standaardgroep", "label_nl", "label_en", "naam", "citeernaam", "citeernaam_en", "url"];
/** "Nederlands met migratieachtergrond", "inwoners (migratieachtergrond)", and CBS's longer titles. */
const GROUP_COLUMNS = ["Groep", "Bovengroep"];

/** The three data tables side by side on the Data sheet (what Load data writes). */
export function dataTables(pkg: MonitorPackage): TablePlan[] {
  const plain = (cells: (string | number)[][]) => {
    const [header, ...rows] = cells;
    return { header: header.map(String), rows: rows.map((row) => row.map((cell) => (cell === "" ? null : cell))), numberFormats: header.map(() => null) };
  };
  const tables = [
    { name: TABLE_NAMES.observations, cells: observationCells(pkg.observations) },
    { name: TABLE_NAMES.indicators, cells: plain(tableCells(INDICATOR_COLUMNS, pkg.indicators)) },
    { name: TABLE_NAMES.sources, cells: plain(tableCells(SOURCE_COLUMNS, pkg.sources)) },
  ];
  let column = 0;
  return tables.map(({ name, cells }) => {
    const names = cells.header;
    const table: TablePlan = {
      name,
      row: 0,
      column,
      ...cells,
      widths: names.map((n) => (WIDE_COLUMNS.includes(n) ? 60 : GROUP_COLUMNS.includes(n) ? 36 : MEDIUM_COLUMNS.includes(n) ? 28 : 14)),
    };
    column += names.length + 1; // one empty column between tables, so each can grow
    return table;
  });
}

/**
 * The sheets a workbook of these figures gets, and the municipalities it is the monitor of; as
 * steps, one after each sheet (each a few ms at 100,000 rows, once the store's indexes are built).
 */
function* indicatorSheetSteps(store: MonitorStore, language: Language, edition: EditionFacts, areas: string[] = pulledAreas(store)): Steps<{ sheets: SheetPlan[]; places: string[] }> {
  // Each sheet is of one municipality, except the comparison of several (which adds no place of its own).
  const specs: { spec: SheetSpec; area: string | null }[] = [...SHEETS.map((spec) => ({ spec, area: REPORT_AREA }))];
  for (const area of areas) {
    specs.push(...areaSheets(store, area).map((spec) => ({ spec, area })));
    yield;
  }
  specs.push(...comparisonSheet(store, areas).map((spec) => ({ spec, area: null })));
  const built: { sheet: SheetPlan; area: string | null }[] = [];
  for (const { spec, area } of specs) {
    yield;
    const sheet = yield* buildSheet(spec, store, language, edition, area ?? areas[0] ?? REPORT_AREA);
    if (sheet) built.push({ sheet, area });
  }
  return { sheets: built.map((b) => b.sheet), places: [...new Set(built.flatMap((b) => (b.area ? [b.area] : [])))] };
}

/** The workbook's title, subject and keywords, from the edition and the places it covers. */
function workbookProperties(edition: EditionFacts, places: string[], language: Language) {
  const title = textOf(say(WORKBOOK.title, { places, year: edition.year }), language);
  return {
    title,
    subject: edition.report ?? title,
    category: textOf(WORKBOOK.category, language),
    keywords: [...places, "internationals", "monitor", edition.year ?? ""].filter(Boolean).join("; "),
    description: textOf(say(WORKBOOK.description, { title: edition.title, version: edition.version }), language),
    fileName: workbookFileName(places, edition.year),
  };
}

/** The whole workbook: the Data sheet with the three tables and every indicator sheet. */
export function buildPlan(pkg: MonitorPackage, options: PlanOptions): WorkbookPlan {
  const { language } = options;
  // The sheets first, with a store only they hold: it is garbage before the data tables, a copy
  // of every row, are made, so that at a million rows the two need not take memory at once.
  const { sheets, places, edition, created } = (() => {
    const store = new MonitorStore(pkg);
    const facts = editionFacts(options.edition, store);
    return { ...runSteps(indicatorSheetSteps(store, language, facts, options.areas)), edition: facts, created: options.created ?? createdOf(facts, store) };
  })();
  options.afterSheets?.();
  return withSafeText({
    language,
    properties: {
      ...workbookProperties(edition, places, language),
      creator: "Leiden Monitor add-in",
      edition: edition.version || edition.year || "",
      created,
    },
    data: { name: DATA_SHEET_NAME, tables: dataTables(pkg) },
    sheets,
  });
}

/**
 * A fixed creation date, so the same figures always give the same file: the edition's reference
 * date, else the latest reference date of a figure.
 */
function createdOf(edition: EditionFacts, store: MonitorStore): Date {
  const latest = store.observations.reduce((max, o) => (o.peildatum > max ? o.peildatum : max), "");
  const day = [edition.referenceDate, latest].find((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  return new Date(`${day ?? "2000-01-01"}T00:00:00Z`);
}

/** The indicator sheets only, from the workbook's own data (what Regenerate rebuilds), in one piece. */
export function buildIndicatorSheets(pkg: MonitorPackage, language: Language, areas?: string[], edition?: Edition): SheetPlan[] {
  const store = new MonitorStore(pkg);
  return withSafeText(runSteps(indicatorSheetSteps(store, language, editionFacts(edition, store), areas)).sheets);
}

/**
 * The same sheets as buildIndicatorSheets, as steps of a few ms each (the store built a part of
 * rows at a time, then one sheet a step), so that Regenerate in the pane builds its plan between
 * pauses: at 100,000 rows the plan took about 1.3 s of the thread in one piece.
 */
export function* indicatorSheetsInSteps(pkg: MonitorPackage, language: Language, areas?: string[], edition?: Edition): Steps<SheetPlan[]> {
  return (yield* regenerationPlanInSteps(pkg, language, areas, edition)).sheets;
}

/**
 * What Regenerate builds from: the sheets of indicatorSheetsInSteps, and the keys of every
 * municipality sheet the data still holds figures for, asked for or not (see heldAreaKeysInSteps):
 * a marked sheet of a municipality outside them has figures that left the data.
 */
export function* regenerationPlanInSteps(pkg: MonitorPackage, language: Language, areas?: string[], edition?: Edition): Steps<{ sheets: SheetPlan[]; heldAreaKeys: Set<string> }> {
  const store = yield* MonitorStore.inSteps(pkg);
  const facts = yield* editionFactsInSteps(edition, store);
  yield;
  const sheets = withSafeText((yield* indicatorSheetSteps(store, language, facts, areas)).sheets);
  return { sheets, heldAreaKeys: yield* heldAreaKeysInSteps(store) };
}

/**
 * Every string of a plan made safe for a file (see safeCellText), in place so that a chart
 * keeps pointing at its table. Both renderers take plans only, so this one pass guards them.
 */
function withSafeText<T extends object>(plan: T): T {
  const seen = new WeakSet<object>();
  const visit = (node: object): void => {
    if (Array.isArray(node)) {
      // Arrays are not remembered: a data table's 100,000 rows would make the set a burden to
      // the garbage collector, and making a text safe twice gives the same text.
      for (let i = 0; i < node.length; i++) {
        const value: unknown = node[i];
        if (typeof value === "string") node[i] = safeCellText(value);
        else if (typeof value === "object" && value !== null) visit(value);
      }
      return;
    }
    if (seen.has(node) || node instanceof Date) return;
    seen.add(node);
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const value = record[key];
      if (typeof value === "string") record[key] = safeCellText(value);
      else if (typeof value === "object" && value !== null) visit(value);
    }
  };
  visit(plan);
  return plan;
}
