/**
 * The cell formats of Format Cells that the add-in never writes and Range.getCellProperties
 * reports (issue 14, review finding R5), as the ExcelApi 1.9 reference (learn.microsoft.com
 * javascript/api/excel/excel.cellpropertiesformat, excel.cellpropertiesfont, .cellpropertiesfill,
 * .cellborder, .cellpropertiesprotection; mirrored in @types/office-js) names them. Those pages
 * say only "Represents the `x` property"; what each means is on RangeFormat and its parts (the
 * same names, ExcelApi 1.1 to 1.9):
 * - Alignment: verticalAlignment (1.1), wrapText (1.1), indentLevel (1.9: "An integer from 0 to
 *   250 that indicates the indent level"), autoIndent (1.9: "if text is automatically indented
 *   when text alignment is set to equal distribution"), shrinkToFit (1.9: "if text automatically
 *   shrinks to fit in the available column width"), textOrientation (1.7: "an integer either from
 *   -90 to 90, or 180 for vertically-oriented text"), readingOrder (1.9: "Context",
 *   "LeftToRight", "RightToLeft").
 * - Protection (FormatProtection, 1.2): locked ("Specifies if Excel locks the cells") and
 *   formulaHidden ("Specifies if Excel hides the formula for the cells").
 * - Font (RangeFont): strikethrough, subscript, superscript (1.9) and tintAndShade (1.9: "between
 *   -1 (darkest) and 1 (brightest), with 0 for the original color").
 * - Fill (RangeFill, 1.9): pattern, patternColor, patternTintAndShade, tintAndShade.
 * - Each border (RangeBorder): style and color (1.1), weight (1.1: "Hairline", "Thin", "Medium",
 *   "Thick") and tintAndShade (1.9).
 * Unset, each reads as a new workbook's Normal cell in Excel for Windows: bottom-aligned, not
 * wrapped, indent 0, no automatic indent or shrinking, orientation 0, reading order "Context",
 * locked ("By default, all cells on a worksheet are locked": Microsoft Support, "Lock or unlock
 * specific areas of a protected worksheet"), formula shown, no strikethrough, sub- or superscript,
 * tint 0, pattern colour black, each border's weight "Thin" and colour black. The reference gives
 * no defaults (and does not say what a border without a line or a fill without a pattern reports
 * for weight or pattern colour); what matters for the add-in is only that each stays as it is
 * until a user changes it. Not modelled: useStandardHeight and useStandardWidth (the row's height
 * and the column's width as Excel's standard, which the add-in reads as sizes already).
 */
export interface CellFormatsModel {
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
  autoIndent?: boolean;
  shrinkToFit?: boolean;
  textOrientation?: number;
  readingOrder?: string;
  locked?: boolean;
  formulaHidden?: boolean;
  strikethrough?: boolean;
  subscript?: boolean;
  superscript?: boolean;
  fontTintAndShade?: number;
  /** A fill pattern other than the one the fill colour gives ("Solid", or "None" without a fill). */
  pattern?: string;
  patternColor?: string;
  patternTintAndShade?: number;
  fillTintAndShade?: number;
  /** By the keys of Excel.CellBorderCollection, as CellModel.borders. */
  borderWeights?: Partial<Record<string, string>>;
  borderColors?: Partial<Record<string, string>>;
  borderTintAndShade?: Partial<Record<string, number>>;
}

/** The alignment and protection a cell reports where it has none of its own (see above). */
export const FORMAT_DEFAULTS = { verticalAlignment: "Bottom", wrapText: false, indentLevel: 0, autoIndent: false, shrinkToFit: false, textOrientation: 0, readingOrder: "Context" } as const;
export const PROTECTION_DEFAULTS = { locked: true, formulaHidden: false } as const;
const BORDER_DEFAULTS = { color: "#000000", weight: "Thin", tintAndShade: 0 } as const;

type Own = CellFormatsModel | undefined;

/** The alignment members of CellPropertiesFormat and its protection, as Excel reports them for `cell`. */
export function alignmentOf(cell: Own) {
  const own = <K extends keyof typeof FORMAT_DEFAULTS>(key: K) => cell?.[key] ?? FORMAT_DEFAULTS[key];
  return {
    verticalAlignment: own("verticalAlignment"),
    wrapText: own("wrapText"),
    indentLevel: own("indentLevel"),
    autoIndent: own("autoIndent"),
    shrinkToFit: own("shrinkToFit"),
    textOrientation: own("textOrientation"),
    readingOrder: own("readingOrder"),
    protection: { locked: cell?.locked ?? PROTECTION_DEFAULTS.locked, formulaHidden: cell?.formulaHidden ?? PROTECTION_DEFAULTS.formulaHidden },
  };
}

/** CellPropertiesFont's members beyond those the fake kept before (strikethrough, sub- and superscript, tint). */
export const fontExtrasOf = (cell: Own) => ({ strikethrough: cell?.strikethrough ?? false, subscript: cell?.subscript ?? false, superscript: cell?.superscript ?? false, tintAndShade: cell?.fontTintAndShade ?? 0 });

/** CellPropertiesFill, given the cell's fill colour (absent: white, no pattern). */
export const fillOf = (cell: Own, colour: string | undefined) => ({
  color: colour ?? "#FFFFFF",
  pattern: cell?.pattern ?? (colour ? "Solid" : "None"),
  patternColor: cell?.patternColor ?? "#000000",
  patternTintAndShade: cell?.patternTintAndShade ?? 0,
  tintAndShade: cell?.fillTintAndShade ?? 0,
});

/** One CellBorder, given the edge's line style. */
export const borderOf = (cell: Own, edge: string, style: string | undefined) => ({
  style: style ?? "None",
  color: cell?.borderColors?.[edge] ?? BORDER_DEFAULTS.color,
  weight: cell?.borderWeights?.[edge] ?? BORDER_DEFAULTS.weight,
  tintAndShade: cell?.borderTintAndShade?.[edge] ?? BORDER_DEFAULTS.tintAndShade,
});

/** The keys of CellFormatsModel a style drops ("will overwrite any formatting", see applyCellProperties in fake-excel.ts). */
export const CELL_FORMAT_KEYS = ["verticalAlignment", "wrapText", "indentLevel", "autoIndent", "shrinkToFit", "textOrientation", "readingOrder", "locked", "formulaHidden", "strikethrough", "subscript", "superscript", "fontTintAndShade", "pattern", "patternColor", "patternTintAndShade", "fillTintAndShade", "borderWeights", "borderColors", "borderTintAndShade"] as const;

/**
 * What setCellProperties sets of these in `cell` ("Any subproperties of format that are not set
 * will not be changed"); a value equal to the default is no format of the cell's own.
 */
export function applyCellFormats(cell: CellFormatsModel, format: Excel.CellPropertiesFormat, edges: readonly string[]): void {
  const own = <K extends keyof CellFormatsModel>(key: K, value: CellFormatsModel[K] | undefined, fallback: unknown) => {
    if (value === undefined) return;
    if (value === fallback) delete cell[key];
    else cell[key] = value;
  };
  for (const key of Object.keys(FORMAT_DEFAULTS) as (keyof typeof FORMAT_DEFAULTS)[]) own(key, format[key] as never, FORMAT_DEFAULTS[key]);
  own("locked", format.protection?.locked, PROTECTION_DEFAULTS.locked);
  own("formulaHidden", format.protection?.formulaHidden, PROTECTION_DEFAULTS.formulaHidden);
  own("strikethrough", format.font?.strikethrough, false);
  own("subscript", format.font?.subscript, false);
  own("superscript", format.font?.superscript, false);
  own("fontTintAndShade", format.font?.tintAndShade, 0);
  const fill = format.fill;
  // "Solid" and "None" are what the fill colour itself gives (see fillOf); any other pattern is the cell's own.
  if (fill?.pattern !== undefined) {
    if (["Solid", "None"].includes(fill.pattern)) delete cell.pattern;
    else cell.pattern = fill.pattern;
  }
  own("patternColor", fill?.patternColor, "#000000");
  own("patternTintAndShade", fill?.patternTintAndShade, 0);
  own("fillTintAndShade", fill?.tintAndShade, 0);
  const perEdge = <K extends "borderWeights" | "borderColors" | "borderTintAndShade">(key: K, member: "weight" | "color" | "tintAndShade") => {
    const values: Record<string, unknown> = { ...cell[key] };
    for (const edge of edges) {
      const value = (format.borders as Record<string, Excel.CellBorder | undefined> | undefined)?.[edge]?.[member];
      if (value === undefined) continue;
      if (value === BORDER_DEFAULTS[member]) delete values[edge];
      else values[edge] = value;
    }
    if (Object.keys(values).length) cell[key] = values as CellFormatsModel[K];
    else delete cell[key];
  };
  perEdge("borderWeights", "weight");
  perEdge("borderColors", "color");
  perEdge("borderTintAndShade", "tintAndShade");
}
