import { INDICATOR_COLUMNS, OBSERVATION_COLUMNS, SOURCE_COLUMNS, tableCells } from "../data/columns";
import { excelNumberFormat, formatDate, formatFigure } from "../data/format";
import { TABLE_NAMES } from "../data/package";
import { comparePeriods } from "../data/periods";
import { safeCellText } from "../data/text-rules";
import { MonitorStore } from "../data/store";
import { Language, MonitorPackage, Observation, Unit } from "../data/types";
import { areaSheets, comparisonSheet, pulledAreas } from "./area-sheets";
import { SHEETS } from "./sheets";
import { safeSheetName, safeTableName } from "./sheet-names";
import { Axes, Axis, BlockSpec, CellKey, SheetSpec } from "./spec-types";
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

export interface PlanOptions {
  language: Language;
  /**
   * Municipalities (besides Leiden) that get population sheets of their own; by default every
   * municipality whose counts by nationality the data holds (see area-sheets.ts).
   */
  areas?: string[];
  /** Fixed, so that the same input gives the same file. */
  created?: Date;
  edition?: string;
  /**
   * Called once the sheets are built and the store they were built from is garbage, before the
   * Data sheet's rows are copied: the workbook command collects garbage there.
   */
  afterSheets?: () => void;
}

const resolveAxes = (axes: Axes, store: MonitorStore): Axis[] => (typeof axes === "function" ? axes(store) : axes);

function lookup(store: MonitorStore, key: CellKey): Observation | undefined {
  if (!key.indicator || !key.group || !key.period) return undefined;
  return store.get({ indicator: key.indicator, area: key.area ?? "Leiden", group: key.group, age: key.age ?? "", period: key.period }, key.unit);
}

/** A percentage format with a decimal only where a figure needs one (88% but 11,6%). */
function numberFormat(unit: Unit, values: (number | null)[]): string {
  const format = excelNumberFormat(unit);
  if (format !== "0.0%") return format;
  return values.every((v) => v === null || Number.isInteger(Math.round(v * 1e6) / 1e4)) ? "0%" : "0.0%";
}

const CHART_KINDS: Record<ChartKind, Record<Language, string>> = {
  line: { nl: "Lijngrafiek", en: "Line chart" },
  columnClustered: { nl: "Kolomgrafiek", en: "Column chart" },
  barClustered: { nl: "Staafgrafiek", en: "Bar chart" },
  pie: { nl: "Cirkeldiagram", en: "Pie chart" },
  doughnut: { nl: "Ringdiagram", en: "Doughnut chart" },
};

/** Alternative text for a chart, for screen readers and Excel's selection pane. */
function chartAltText(kind: ChartKind, title: string, table: TablePlan, language: Language): string {
  const pie = kind === "pie" || kind === "doughnut";
  const series = (pie ? table.header.slice(1, 2) : table.header.slice(1)).join(", ");
  const categories = table.rows.map((r) => r[0]).join(", ");
  return language === "nl"
    ? `${CHART_KINDS[kind].nl}: ${title}. ${series} per ${table.header[0].toLowerCase()} (${categories}). Gegevens in tabel ${table.name}.`
    : `${CHART_KINDS[kind].en}: ${title}. ${series} by ${table.header[0].toLowerCase()} (${categories}). Data in table ${table.name}.`;
}

interface BuiltBlock {
  table: TablePlan;
  chart: ChartPlan | null;
  caption: string;
  used: Observation[];
}

function buildBlock(sheet: SheetSpec, block: BlockSpec, store: MonitorStore, language: Language, row: number): BuiltBlock | null {
  const categories = resolveAxes(block.categories, store);
  const used: Observation[] = [];
  const figure = (category: Axis, s: Axis) => lookup(store, { ...block.base, ...category.key, ...s.key });
  // A series without a single figure would be an empty column and an empty chart series: left out.
  const series = resolveAxes(block.series, store).filter((s) => categories.some((category) => figure(category, s) !== undefined));
  const rows = categories.map((category) => [
    category.label[language],
    ...series.map((s) => {
      const found = figure(category, s);
      if (found) used.push(found);
      return found ? found.waarde : null;
    }),
  ]);
  // A block whose data is wholly missing is left out rather than shown as empty cells.
  if (used.length === 0) return null;
  const values = rows.flatMap((r) => r.slice(1) as (number | null)[]);
  const format = numberFormat(block.unit, values);
  const table: TablePlan = {
    name: safeTableName(`${TABLE_PREFIX}${sheet.key}_${block.key}`),
    row: row + 1,
    column: 0,
    header: [block.categoryHeader[language], ...series.map((s) => s.label[language])],
    rows,
    numberFormats: [null, ...series.map(() => format)],
    widths: [LABEL_WIDTH, ...series.map((s) => Math.max(VALUE_WIDTH, s.label[language].length + 3))],
  };
  const drawable = values.filter((v) => v !== null).length >= 2;
  const pie = block.chart?.kind === "pie" || block.chart?.kind === "doughnut";
  const chart: ChartPlan | null =
    block.chart && drawable
      ? {
          kind: block.chart.kind,
          title: block.caption[language],
          categoryAxisTitle: block.chart.categoryAxis?.[language] ?? null,
          valueAxisTitle: block.chart.valueAxis?.[language] ?? null,
          numberFormat: format,
          showValues: pie ? categories.length <= 6 : series.length === 1,
          altText: chartAltText(block.chart.kind, block.caption[language], table, language),
          table,
          anchor: { fromRow: row, fromColumn: 0, toRow: row + CHART_ROWS, toColumn: 0 },
        }
      : null;
  return { table, chart, caption: block.caption[language], used };
}

function sourceLines(used: Observation[], store: MonitorStore, language: Language): [string, string] {
  const citations = new Map<string, Set<string>>();
  for (const o of used) {
    const name = store.source(o.bron)?.citeernaam ?? o.bron;
    if (!citations.has(name)) citations.set(name, new Set());
    if (o.peildatum) citations.get(name)?.add(o.peildatum);
  }
  const pages = [...new Set(used.map((o) => o.pagina).filter((p): p is number => p !== null))].sort((a, b) => a - b);
  const sources = [...citations].map(([name, dates]) => (dates.size ? `${name} (${language === "nl" ? "peildatum" : "reference date"} ${[...dates].sort().map((d) => formatDate(d, language)).join(", ")})` : name));
  const report = language === "nl" ? `Internationals in cijfers, Leiden 2022, pagina ${pages.join(", ")}` : `Internationals in cijfers, Leiden 2022, page ${pages.join(", ")}`;
  const source = `${language === "nl" ? "Bron" : "Source"}: ${sources.join("; ")}. ${pages.length ? report + "." : ""}`.trim();
  const dates = [...new Set(used.map((o) => o.peildatum).filter(Boolean))].sort();
  const periods = [...new Set(used.map((o) => o.periode))].sort(comparePeriods);
  const when = dates.length
    ? `${language === "nl" ? "Peildatum" : "Reference date"}: ${dates.map((d) => formatDate(d, language)).join(", ")}${used.some((o) => !o.peildatum) ? (language === "nl" ? "; overige cijfers per periode" : "; other figures per period") : ""}.`
    : `${language === "nl" ? "Periode" : "Period"}: ${periods.join(", ")}.`;
  const note = language === "nl" ? " Alle cijfers staan met toelichting in de tabel MonitorData (blad Data)." : " All figures are listed with notes in the MonitorData table (Data sheet).";
  return [source, when + note];
}

function buildSheet(spec: SheetSpec, store: MonitorStore, language: Language): SheetPlan {
  const figure = (key: CellKey) => {
    const o = lookup(store, { area: "Leiden", age: "", ...key });
    return o ? formatFigure(o.waarde, o.eenheid, language) : null;
  };
  const texts: TextLine[] = [
    { row: 0, text: spec.title[language], style: "title" },
    { row: 1, text: spec.lead(figure, language), style: "lead" },
  ];
  const tables: TablePlan[] = [];
  const charts: ChartPlan[] = [];
  const used: Observation[] = [];
  let row = FIRST_BLOCK_ROW;
  for (const blockSpec of spec.blocks) {
    const block = buildBlock(spec, blockSpec, store, language, row);
    if (!block) continue;
    texts.push({ row, text: block.caption, style: "caption" });
    tables.push(block.table);
    if (block.chart) charts.push(block.chart);
    used.push(...block.used);
    row += Math.max(block.table.rows.length + 2, block.chart ? CHART_ROWS + 1 : 0) + 1;
  }
  // Charts stand to the right of the widest table of the sheet, so they line up.
  const chartColumn = Math.max(2, ...tables.map((t) => t.header.length)) + 1;
  for (const chart of charts) Object.assign(chart.anchor, { fromColumn: chartColumn, toColumn: chartColumn + CHART_COLUMNS });
  const [source, when] = sourceLines(used, store, language);
  texts.push({ row, text: source, style: "source" }, { row: row + 1, text: when, style: "source" });
  const widest = Math.max(...tables.map((t) => t.header.length), 1);
  const widthOf = (column: number) => Math.max(...tables.map((t) => t.widths[column] ?? 0), column === 0 ? LABEL_WIDTH : VALUE_WIDTH);
  return {
    key: spec.key,
    name: safeSheetName(spec.name[language]),
    texts,
    tables,
    charts,
    frozenRows: 2,
    columnWidths: Array.from({ length: widest }, (_, column) => widthOf(column)),
  };
}

const WIDE_COLUMNS = ["Toelichting", "definitie", "omschrijving"];
const MEDIUM_COLUMNS = ["Onderwerp", "Groep", "label_nl", "label_en", "naam", "citeernaam", "url"];

/** The three data tables side by side on the Data sheet (what Load data writes). */
export function dataTables(pkg: MonitorPackage): TablePlan[] {
  const tables = [
    { name: TABLE_NAMES.observations, cells: tableCells(OBSERVATION_COLUMNS, pkg.observations) },
    { name: TABLE_NAMES.indicators, cells: tableCells(INDICATOR_COLUMNS, pkg.indicators) },
    { name: TABLE_NAMES.sources, cells: tableCells(SOURCE_COLUMNS, pkg.sources) },
  ];
  let column = 0;
  return tables.map(({ name, cells }) => {
    const [header, ...rows] = cells;
    const names = header.map(String);
    const table: TablePlan = {
      name,
      row: 0,
      column,
      header: names,
      rows,
      numberFormats: names.map(() => null),
      widths: names.map((n) => (WIDE_COLUMNS.includes(n) ? 60 : MEDIUM_COLUMNS.includes(n) ? 28 : 14)),
    };
    column += names.length + 1; // one empty column between tables, so each can grow
    return table;
  });
}

/** The whole workbook: the Data sheet with the three tables and every indicator sheet. */
export function buildPlan(pkg: MonitorPackage, options: PlanOptions): WorkbookPlan {
  const { language } = options;
  // The sheets first, with a store only they hold: it is garbage before the data tables, a copy
  // of every row, are made, so that at a million rows the two need not take memory at once.
  const sheets = indicatorSheets(new MonitorStore(pkg), language, options.areas);
  options.afterSheets?.();
  return withSafeText({
    language,
    properties: {
      title: language === "nl" ? "Monitor Internationalisering Leiden 2022" : "Leiden Internationalisation Monitor 2022",
      subject: language === "nl" ? "Internationals in cijfers, Leiden 2022" : "Internationals in figures, Leiden 2022",
      creator: "Leiden Monitor add-in",
      edition: options.edition ?? "2022",
      created: options.created ?? new Date("2022-06-01T00:00:00Z"),
    },
    data: { name: DATA_SHEET_NAME, tables: dataTables(pkg) },
    sheets,
  });
}

/** The report's sheets, then each municipality's population sheets and their comparison, each only when it holds a table. */
function indicatorSheets(store: MonitorStore, language: Language, areas: string[] = pulledAreas(store)): SheetPlan[] {
  const report = SHEETS.map((spec) => buildSheet(spec, store, language));
  const local = [...areas.flatMap((area) => areaSheets(store, area)), ...comparisonSheet(store, areas)].map((spec) => buildSheet(spec, store, language)).filter((sheet) => sheet.tables.length > 0);
  return [...report, ...local];
}

/** The indicator sheets only, from the workbook's own data (what Regenerate rebuilds). */
export function buildIndicatorSheets(pkg: MonitorPackage, language: Language, areas?: string[]): SheetPlan[] {
  return withSafeText(indicatorSheets(new MonitorStore(pkg), language, areas));
}

/**
 * Every string of a plan made safe for a file (see safeCellText), in place so that a chart
 * keeps pointing at its table. Both renderers take plans only, so this one pass guards them.
 */
function withSafeText<T extends object>(plan: T): T {
  const seen = new WeakSet<object>();
  const visit = (node: object): void => {
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
