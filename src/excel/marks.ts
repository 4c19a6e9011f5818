import { MANAGED_SHEET_PROPERTY } from "../report/plan";

/**
 * How the add-in knows which sheets are its own. Only marked sheets are ever deleted or
 * rewritten. Preferred: a worksheet custom property (ExcelApi 1.12), which travels with the
 * sheet when it is renamed or moved. Where that API is missing: the add-in's document settings,
 * keyed by worksheet id.
 */
export const MARK_KEY = MANAGED_SHEET_PROPERTY;
const SETTINGS_KEY = "LeidenMonitor.sheets";

export interface MarkStore {
  /** Queues what is needed to read a sheet's mark; the returned reader works after the sync. */
  queueRead(sheet: Excel.Worksheet): () => string | null;
  /** Queues marking a sheet the add-in just made. */
  queueMark(sheet: Excel.Worksheet, key: string): void;
  /** The add-in deletes a sheet it had marked (after its mark was read). */
  forget(sheet: Excel.Worksheet): void;
  /** Anything left to do after the write sync (one more sync at most). */
  finish(context: Excel.RequestContext): Promise<void>;
}

export class PropertyMarks implements MarkStore {
  queueRead(sheet: Excel.Worksheet): () => string | null {
    const properties = sheet.customProperties.load("items/key,items/value");
    return () => properties.items.find((p) => p.key === MARK_KEY)?.value ?? null;
  }
  queueMark(sheet: Excel.Worksheet, key: string): void {
    sheet.customProperties.add(MARK_KEY, key);
  }
  forget(): void {} // the property goes with the sheet
  async finish(): Promise<void> {}
}

/** The subset of Office.Settings used, so tests can pass a fake. */
export interface SettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown }) => void): void;
}

export class SettingsMarks implements MarkStore {
  private readonly keysById: Record<string, string>;
  private readonly pending: { sheet: Excel.Worksheet; key: string }[] = [];

  constructor(private readonly settings: SettingsLike) {
    this.keysById = { ...((settings.get(SETTINGS_KEY) as Record<string, string> | null) ?? {}) };
  }
  queueRead(sheet: Excel.Worksheet): () => string | null {
    sheet.load("id");
    return () => this.keysById[sheet.id] ?? null;
  }
  queueMark(sheet: Excel.Worksheet, key: string): void {
    sheet.load("id");
    this.pending.push({ sheet, key });
  }
  forget(sheet: Excel.Worksheet): void {
    delete this.keysById[sheet.id];
  }
  async finish(context: Excel.RequestContext): Promise<void> {
    if (this.pending.length === 0) return;
    await context.sync(); // the ids of the sheets just made
    for (const { sheet, key } of this.pending) this.keysById[sheet.id] = key;
    this.pending.length = 0;
    this.settings.set(SETTINGS_KEY, this.keysById);
    await new Promise<void>((resolve) => this.settings.saveAsync(() => resolve()));
  }
}

/** For reading the workbook's tables only: no marks read, none written. */
export const NO_MARKS: MarkStore = {
  queueRead: () => () => null,
  queueMark: () => undefined,
  forget: () => undefined,
  finish: async () => undefined,
};
