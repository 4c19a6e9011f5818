import { Language } from "../data/types";

/** The workbook the add-in builds, independent of the host that renders it (Office.js or exceljs). */
export interface WorkbookPlan {
  language: Language;
  properties: {
    title: string;
    subject: string;
    keywords: string;
    /** What kind of document it is, in the workbook's language (the core properties' category). */
    category: string;
    description: string;
    creator: string;
    /** The edition's version (else its year), as datapackage.json gives it. */
    edition: string;
    /** The name to save the workbook under: its municipalities and year (`leiden-monitor-2022.xlsx`). */
    fileName: string;
    created: Date;
  };
  data: DataSheetPlan;
  sheets: SheetPlan[];
}

export interface DataSheetPlan {
  name: string;
  tables: TablePlan[];
}

/** A native Excel table: header + rows written as one 2-D array at (row, column), 0-based. */
export interface TablePlan {
  name: string;
  row: number;
  column: number;
  header: string[];
  rows: (string | number | null)[][];
  /** Excel number format per column, null for General. */
  numberFormats: (string | null)[];
  /** Formats that differ from row to row in a column (MonitorData's Waarde: one per unit); they win over numberFormats. */
  rowFormats?: { column: number; formats: (string | null)[] }[];
  /** Column widths in characters, per column. */
  widths: number[];
  /**
   * An indicator sheet's table: the periods its figures are of, in order. Part of what identifies
   * each figure (see layoutPrint): a header or caption need not name the year.
   */
  periods?: string[];
}

export type ChartKind = "line" | "columnClustered" | "barClustered" | "pie" | "doughnut";

export interface ChartPlan {
  kind: ChartKind;
  title: string;
  categoryAxisTitle: string | null;
  valueAxisTitle: string | null;
  /** Number format of the values (axis and labels). */
  numberFormat: string;
  /** Values written on the chart: where they do not crowd it (small pies, single series). */
  showValues: boolean;
  /** Ranks: the value axis runs from 1 at the top down, so that a better rank stands higher. */
  ranks: boolean;
  /**
   * Bars or columns of figures none below 0: the value axis starts at 0, as a bar's length is its
   * figure (left to itself, Excel starts an axis near the smallest of close figures, and 8,9%
   * looks three times 8,6%).
   */
  fromZero?: boolean;
  /** Colours (RRGGBB) per series, or per slice of a pie: one colour per label across the sheet. */
  colours: string[];
  /** What a screen reader says for the chart: its kind, title, series, categories and table. */
  altText: string;
  /** The table it draws: categories from the first column, one series per further column. */
  table: TablePlan;
  /** Where it sits: top-left and bottom-right cells (0-based, exclusive end). */
  anchor: { fromRow: number; fromColumn: number; toRow: number; toColumn: number };
}

export interface TextLine {
  row: number;
  text: string;
  style: "title" | "lead" | "caption" | "source";
  /**
   * The columns (from the first) the line's cell is merged across, wrapped and top-aligned; absent:
   * one cell, not wrapped (see report/text-wrap.ts).
   */
  columns?: number;
  /** The row's height in points: the title's, and a wrapped text's where it needs more than one line; absent: Excel's own. */
  height?: number;
}

export interface SheetPlan {
  /** Stable identity of the sheet across languages and runs (the managed-sheet mark). */
  key: string;
  name: string;
  texts: TextLine[];
  tables: TablePlan[];
  charts: ChartPlan[];
  /** Rows frozen at the top (title and lead). */
  frozenRows: number;
  /** Width of the label column and of the value columns. */
  columnWidths: number[];
}


/** A column of numbers (a figure in every row that has one): its header is aligned as its figures are. */
export const numericColumns = (table: TablePlan): boolean[] =>
  table.header.map((_, c) => table.rows.some((row) => typeof row[c] === "number") && table.rows.every((row) => row[c] === null || typeof row[c] === "number"));
