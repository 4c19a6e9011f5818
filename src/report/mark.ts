/**
 * The add-in's mark on a sheet it made (a worksheet custom property): which sheet of the plan
 * it is, the worksheet's id when it was written (Excel keeps ids for a session only, so a copy
 * is told apart from the original within a session by id, across sessions by name), the name it
 * was given, and the fingerprint of what was written. Kept short: Excel allows 255 characters.
 */
export interface SheetMark {
  key: string;
  /** Worksheet id at the time of writing; null where it was written without Excel. */
  id: string | null;
  /** The name the add-in gave the sheet; null in marks from before fingerprints. */
  name: string | null;
  /** Fingerprint of the content written (see fingerprint.ts); null in old marks. */
  print: string | null;
  /**
   * Print of everything else Excel reported after writing (formats, sizes, panes, notes…; see
   * SheetExtras); null where it was written without Excel or by an older version, where it
   * cannot be proved that the user changed nothing of it.
   */
  extras?: string | null;
  /** Print of the plan's layout (see layoutPrint); null in old marks. */
  layout?: string | null;
}

export function encodeMark(mark: SheetMark): string {
  return JSON.stringify({ k: mark.key, i: mark.id, n: mark.name, f: mark.print, x: mark.extras ?? null, l: mark.layout ?? null });
}

/** Reads a mark; a mark from before fingerprints is its bare key. Anything else is no mark of ours. */
export function decodeMark(value: unknown): SheetMark | null {
  if (typeof value !== "string" || value === "") return null;
  if (!value.startsWith("{")) return /^[a-z0-9-]+$/.test(value) ? { key: value, id: null, name: null, print: null, extras: null, layout: null } : null;
  try {
    const parsed = JSON.parse(value) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === "string" ? v : null);
    const key = text(parsed.k);
    return key ? { key, id: text(parsed.i), name: text(parsed.n), print: text(parsed.f), extras: text(parsed.x), layout: text(parsed.l) } : null;
  } catch {
    return null;
  }
}
