import { FakeContext, OfficeError, payloadBytes } from "./fake-excel";

/**
 * What a user sets on a worksheet as a whole, beyond its cells (issue 14; review 2, D5), as the
 * Excel JavaScript API reports it. None of it is written by the add-in; a test sets it on the
 * model (SheetModel.settings) as Excel would hold it after the user set it. Sources, each from
 * the ExcelApi reference (learn.microsoft.com/javascript/api/excel, mirrored in @types/office-js):
 * - Worksheet.tabColor (ExcelApi 1.7): "When retrieving the tab color, if the worksheet is
 *   invisible, the value will be null. If the worksheet is visible but the tab color is set to
 *   auto, an empty string will be returned. Otherwise … a color, in the form #RRGGBB".
 * - Worksheet.showGridlines, showHeadings (ExcelApi 1.8): "Specifies if gridlines [headings] are
 *   visible to the user"; a new sheet shows both.
 * - WorksheetProtection.protected (ExcelApi 1.2): "Specifies if the worksheet is protected".
 * - Worksheet.pageLayout (Excel.PageLayout, ExcelApi 1.9): "layout and print settings that are not
 *   dependent on any printer-specific implementation. These settings include margins,
 *   orientation, page numbering, title rows, and print area". The fake holds orientation,
 *   margins, centring, printGridlines, printHeadings, zoom, headersFooters (state and the
 *   default page's six texts), and the print area and print titles with their *OrNullObject
 *   getters ("If there is no print area, … its isNullObject property set to true"). The defaults
 *   are those of a new sheet in Excel for Windows (portrait; margins 0.7/0.75 in, headers 0.3 in,
 *   in points; zoom 100 %): the reference names none, and what matters for the add-in is only
 *   that they stay as they are until a user changes them.
 */
export interface PageLayoutModel {
  orientation: "Portrait" | "Landscape";
  topMargin: number;
  bottomMargin: number;
  leftMargin: number;
  rightMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  printHeadings: boolean;
  /** Excel.PageLayoutZoomOptions: a scale in percent, or pages wide and tall to fit on. */
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  headersFooters: { state: string; defaultForAllPages: Record<(typeof HEADER_FOOTER_TEXTS)[number], string> };
  /** A1 addresses without the sheet ("A1:D40", "$1:$5"), or null where none is set. */
  printArea: string | null;
  printTitleRows: string | null;
  printTitleColumns: string | null;
}

export interface SheetSettingsModel {
  /** "" for automatic (Excel's "auto" tab colour), else "#RRGGBB". */
  tabColor: string;
  showGridlines: boolean;
  showHeadings: boolean;
  protected: boolean;
  pageLayout: PageLayoutModel;
}

/** Excel.HeaderFooter's texts (ExcelApi 1.9). */
export const HEADER_FOOTER_TEXTS = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"] as const;

export function defaultSheetSettings(): SheetSettingsModel {
  const inch = 72;
  return {
    tabColor: "",
    showGridlines: true,
    showHeadings: true,
    protected: false,
    pageLayout: {
      orientation: "Portrait",
      topMargin: 0.75 * inch,
      bottomMargin: 0.75 * inch,
      leftMargin: 0.7 * inch,
      rightMargin: 0.7 * inch,
      headerMargin: 0.3 * inch,
      footerMargin: 0.3 * inch,
      centerHorizontally: false,
      centerVertically: false,
      printGridlines: false,
      printHeadings: false,
      zoom: { scale: 100 },
      headersFooters: { state: "Default", defaultForAllPages: Object.fromEntries(HEADER_FOOTER_TEXTS.map((k) => [k, ""])) as PageLayoutModel["headersFooters"]["defaultForAllPages"] },
      printArea: null,
      printTitleRows: null,
      printTitleColumns: null,
    },
  };
}

/**
 * A read-only client object whose properties are read from a model at sync, as a load is: a
 * property not loaded (and synced) throws PropertyNotLoaded; isNullObject is known after a load;
 * a property the fake does not hold cannot be loaded (InvalidArgument), so code that relies on
 * one the fake lacks fails here instead of passing unread.
 */
export class FakePart<M> {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  constructor(
    protected readonly context: FakeContext,
    protected readonly resolve: () => M | null,
    private readonly readers: Record<string, (model: M) => unknown>,
  ) {
    for (const name of Object.keys(readers)) Object.defineProperty(this, name, { get: () => this.read(name), enumerable: true });
  }
  load(properties?: string | string[]): this {
    const names = (Array.isArray(properties) ? properties : (properties ?? "").split(",")).map((p) => p.trim()).filter(Boolean);
    this.context.enqueue(() => {
      const model = this.resolve();
      this.nullState = model === null;
      if (model === null) return;
      for (const name of names) {
        const reader = this.readers[name];
        if (!reader) throw new OfficeError("InvalidArgument", `${this.constructor.name} cannot load '${name}'.`);
        const value = reader(model);
        this.context.responseBytes += payloadBytes(value);
        this.loaded.set(name, value);
      }
    });
    return this;
  }
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new OfficeError("PropertyNotLoaded", "isNullObject is known only after load() and sync().");
    return this.nullState;
  }
  private read(name: string): unknown {
    if (!this.loaded.has(name)) throw new OfficeError("PropertyNotLoaded", `The property '${name}' is not available. Call load() and sync() before reading it.`);
    return this.loaded.get(name);
  }
}

/** What Worksheet.load reads of the settings (tabColor null for a hidden sheet, as the reference says). */
export function worksheetSettingValues(settings: SheetSettingsModel, visible: boolean): Record<string, unknown> {
  return { tabColor: visible ? settings.tabColor : null, showGridlines: settings.showGridlines, showHeadings: settings.showHeadings };
}

/** Worksheet.protection (ExcelApi 1.2). */
export const fakeProtection = (context: FakeContext, settings: () => SheetSettingsModel | null) => new FakePart(context, settings, { protected: (s) => s.protected });

/** Worksheet.pageLayout (ExcelApi 1.9), with its headersFooters and the print area and titles. */
export function fakePageLayout(context: FakeContext, settings: () => SheetSettingsModel | null, sheetName: () => string) {
  const layout = () => settings()?.pageLayout ?? null;
  const simple = ["orientation", "topMargin", "bottomMargin", "leftMargin", "rightMargin", "headerMargin", "footerMargin", "centerHorizontally", "centerVertically", "printGridlines", "printHeadings"] as const;
  const readers: Record<string, (p: PageLayoutModel) => unknown> = Object.fromEntries(simple.map((name) => [name, (p: PageLayoutModel) => p[name]]));
  readers.zoom = (p) => ({ ...p.zoom });
  const area = (which: "printArea" | "printTitleRows" | "printTitleColumns") =>
    new FakePart(context, () => {
      const address = layout()?.[which] ?? null;
      return address === null ? null : { address: `${sheetName()}!${address}` };
    }, { address: (a) => a.address });
  const headersFooters = Object.assign(new FakePart(context, () => layout()?.headersFooters ?? null, { state: (h) => h.state }), {
    defaultForAllPages: new FakePart(context, () => layout()?.headersFooters.defaultForAllPages ?? null, Object.fromEntries(HEADER_FOOTER_TEXTS.map((k) => [k, (d: Record<string, string>) => d[k]]))),
  });
  return Object.assign(new FakePart(context, layout, readers), {
    headersFooters,
    getPrintAreaOrNullObject: () => area("printArea"),
    getPrintTitleRowsOrNullObject: () => area("printTitleRows"),
    getPrintTitleColumnsOrNullObject: () => area("printTitleColumns"),
  });
}
