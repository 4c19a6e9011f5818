import { CHAR_BYTES, FORMULA_BYTES, ReadBatch, readItems, WriteBatch } from "./batch";
import { WorkbookState } from "./inspect";
import { canSetFormatRanges, formatOrNullObject, queueFormatRanges } from "./optional-apis";
import type { Reference } from "../text/references";
import { UNGUARDED, type WatchItem, type WriteGuard } from "./rules-watch";

/**
 * Conditional formats a pull's delete changed, put back once the rows are back (broken-references.ts
 * does the same for formulas and defined names). A deleted row takes its cells out of every format
 * that applied to them: Excel shrinks the format's range, and deletes the format with its last
 * cell; a reference in its rule to a deleted cell becomes #REF!, as a formula's does. Adding the
 * row back undoes neither: a range grows only by rows inserted inside it, not at its edge (the fake
 * models both, see shiftSheetExtras and shiftReferences in test/support/fake-excel.ts). So before
 * deleting, the formats of the tables' sheet and of the sheets whose rules name it are read (where
 * each applies, its rule's formulas), each by its position in syncs that stay under the limit, as
 * notes are (notes-comments-read.ts); once the rows are back, each whose range is not what it was
 * gets it again (ConditionalFormat.setRanges, ExcelApi 1.17), and each whose rule is not what it
 * was (a #REF!, an area shrunk at its edge) gets its rule's formulas again, after its range: a
 * rule's relative references are read from the range's first cell. One Excel deleted cannot be made again as it was (its
 * fill, font and borders are not read): it stays named as not put back (Shortfall.left), and so
 * does every format where Excel has no 1.17 or there are too many to read.
 */

/**
 * A conditional format as read before deleting: its sheet, id (ConditionalFormat.id, 1.6), type,
 * where it applies and its rule; and the type of every format on its sheet, in order (`types`).
 * The id is "The priority of the conditional format in the current ConditionalFormatCollection"
 * (learn.microsoft.com/javascript/api/excel/excel.conditionalformat, id): its place on the sheet,
 * not a name that stays with it. When Excel deletes a format with its last cell, each after it
 * moves up and takes the id before it, so an id read before the delete may name another format
 * after it. `types` is what restoreFormats checks the sheet against before writing by id.
 */
export interface FormatRead {
  sheet: Excel.Worksheet;
  sheetName: string;
  id: string;
  type: string;
  ranges: string;
  rule: unknown;
  /** Its place on its sheet, from 0 (getItemAt), and the type of every format there, in order. */
  at: number;
  types: readonly string[];
}

/** More conditional formats than this, over the sheets read, are not read one by one: they stay named as not put back. */
const MAX_FORMATS = 5_000;

/** What a format's id, type and count of areas weigh, about; and one area of its address ("'Mijn analyse'!$AB$10:$AB$2000"). */
const ITEM_BYTES = 200;
const AREA_BYTES = 80;

/**
 * What reading one format's address and rule asks of the request, about: getRanges, its load,
 * the part of its rule (custom.rule, cellValue, …) and its load, each an object path or an action
 * of about 120 bytes (test/support/fake-excel.ts CALL_BYTES). A format is never weighed at less.
 */
const PART_REQUEST_BYTES = 600;

/**
 * Of what may hold a reference into the deleted rows (`unchecked`, namesInto), the conditional
 * formats whose sheets it names, read to be put back (`formats`), and what is left named as not
 * checked (`left`): the rest, or all of it where Excel has no setRanges or the formats are too many.
 */
export async function formatsToPutBack(context: Excel.RequestContext, state: WorkbookState, unchecked: readonly Reference[], limit?: number): Promise<{ formats: FormatRead[]; left: Reference[] }> {
  const named = unchecked.filter((ref) => ref.kind === "conditionalFormat");
  const sheets = state.sheets.filter((s) => named.some((ref) => ref.kind === "conditionalFormat" && ref.sheet === s.name));
  if (!canSetFormatRanges() || sheets.length === 0) return { formats: [], left: [...unchecked] };
  const formats = await readFormats(context, sheets, limit);
  if (formats === null) return { formats: [], left: [...unchecked] };
  return { formats, left: unchecked.filter((ref) => ref.kind !== "conditionalFormat") };
}

/**
 * The conditional formats of `sheets` (Range.conditionalFormats of the whole sheet, 1.6): their
 * number (one sync), each one's id, type and number of areas (getItemAt, getRanges 1.9), in syncs
 * under the limit at ITEM_BYTES each, then its address and rule: the first sync of a sheet's at
 * the most its formats can weigh (their areas and their types' formulas at FORMULA_BYTES), later
 * ones at the heaviest read so far (readItems, batch.ts; a thousand one-cell rules take a sync or
 * two, not one per 168 of them, what fits at the most a one-formula rule weighs). Null when there are more than MAX_FORMATS.
 */
async function readFormats(context: Excel.RequestContext, sheets: readonly { name: string; sheet: Excel.Worksheet }[], limit?: number): Promise<FormatRead[] | null> {
  const counts = sheets.map((s) => ({ ...s, count: s.sheet.getRange().conditionalFormats.getCount() }));
  await context.sync();
  if (counts.reduce((n, c) => n + c.count.value, 0) > MAX_FORMATS) return null;
  const reads = new ReadBatch(context, limit);
  // By sheet: a sheet's formats are weighed from the heaviest of them read so far.
  const bySheet: { name: string; sheet: Excel.Worksheet; at: number; format: Excel.ConditionalFormat; areas: Excel.RangeAreas }[][] = [];
  for (const { name, sheet, count } of counts) {
    const formats = [];
    for (let i = 0; i < count.value; i++) {
      formats.push(
        await reads.queue(ITEM_BYTES, () => {
          const format = sheet.getRange().conditionalFormats.getItemAt(i).load("id,type");
          return { name, sheet, at: i, format, areas: format.getRanges().load("areaCount") };
        }),
      );
    }
    bySheet.push(formats);
  }
  await reads.flush();
  const lists = bySheet.map((formats) => ({
    total: formats.length,
    queueAt: (i: number) => {
      const { format } = formats[i];
      const [ranges, rule] = [format.getRanges().load("address"), ruleOf(format).queue()];
      return () => ({ ranges: ranges.address, rule: rule() });
    },
    // As read: its address and rule at CHAR_BYTES a character (UTF-8's most).
    weigh: (part: { ranges: string; rule: unknown }) => ITEM_BYTES + (part.ranges.length + JSON.stringify(part.rule ?? null).length) * CHAR_BYTES,
    most: formats.reduce((most, { format, areas }) => Math.max(most, ITEM_BYTES + areas.areaCount * AREA_BYTES + ruleOf(format).formulas * FORMULA_BYTES), 0),
    least: PART_REQUEST_BYTES,
  }));
  const parts = await readItems(context, lists, limit);
  return bySheet.flatMap((formats, s) => {
    const types = formats.map(({ format }) => format.type);
    return formats.map(({ name, sheet, at, format }, i) => ({ sheet, sheetName: name, id: format.id, type: format.type, ranges: parts[s][i].ranges, rule: parts[s][i].rule, at, types }));
  });
}

/**
 * After the rows are back: each format of `before` is read again (as before deleting), and one
 * whose range differs gets its range back, then one whose rule differs its rule. Gives what
 * it could not put back: the sheets of formats Excel deleted, or all of them where they are too
 * many to read now.
 *
 * A format is written by its id (getItem, 1.6), and an id is a priority (see FormatRead): once
 * Excel deleted a format, the ids after it name other formats. So a sheet is written only where
 * its formats now are, in number and in type at every place, what they were before the delete,
 * and each format's id is still its place; otherwise nothing is written on that sheet and it is
 * named as not put back. Telling the formats apart by their range and rule instead (re-identifying
 * them) is not safe: the delete changes both (a range shrunk, a #REF!), two formats may have the
 * same, and the one Excel deleted cannot be made again anyway (its fill and font are not read),
 * so the sheet is named either way. A rule can differ (that is what is put back); its type cannot.
 */
export async function restoreFormats(context: Excel.RequestContext, before: readonly FormatRead[], limits: { read?: number; write: number }, guard: WriteGuard<FormatRead> = UNGUARDED): Promise<Reference[]> {
  if (before.length === 0) return [];
  const sheets = [...new Map(before.map((f) => [f.sheetName, { name: f.sheetName, sheet: f.sheet }])).values()];
  const now = await readFormats(context, sheets, limits.read);
  if (now === null) return sheets.map(({ name }) => ({ kind: "conditionalFormat", sheet: name }));
  const onSheet = (name: string) => now.filter((f) => f.sheetName === name);
  const lost = new Set(sheets.filter(({ name }) => !sameFormats(before.filter((f) => f.sheetName === name), onSheet(name))).map(({ name }) => name));
  const batch = new WriteBatch(context, { limit: limits.write });
  for (const was of before) {
    // One the watch saw the analyst change since the last look (this read included) is theirs: not written (rules-watch.ts).
    if (lost.has(was.sheetName) || !guard.still(was)) continue;
    const is = onSheet(was.sheetName)[was.at];
    // A write weighs three bytes a character, as the reads (UTF-8's most).
    const format = () => was.sheet.getRange().conditionalFormats.getItem(was.id);
    if (areasOf(is.ranges).sort().join(",") !== areasOf(was.ranges).sort().join(",")) {
      await batch.queue(ITEM_BYTES + was.ranges.length * CHAR_BYTES, () => {
        guard.writing(was);
        queueFormatRanges(format(), was.sheet.getRanges(areasOf(was.ranges).join(", ")));
      });
    }
    const [rule, ruleNow] = [JSON.stringify(was.rule ?? null), JSON.stringify(is.rule ?? null)];
    if (ruleNow !== rule)
      await batch.queue(ITEM_BYTES + rule.length * CHAR_BYTES, () => {
        guard.writing(was);
        ruleOf(format(), was.type).write(was.rule);
      });
  }
  await batch.flush();
  return [...lost].map((sheet) => ({ kind: "conditionalFormat", sheet }));
}

/**
 * Whether a sheet's formats now (`now`, all of them, in order) are the ones read before (`before`,
 * those to put back): as many, of the same type at every place, as read before the delete, and
 * each to put back still at its place with the id it had. An id is a place (see FormatRead), so this is
 * what makes writing by the old id write the same format.
 */
function sameFormats(before: readonly FormatRead[], now: readonly FormatRead[]): boolean {
  const types = before[0]?.types ?? [];
  if (now.length !== types.length || now.some((f, i) => f.type !== types[i])) return false;
  return before.every((was) => now[was.at]?.id === was.id && now[was.at].type === was.type);
}

/** A format's state for the watch (rules-watch.ts): its type, where it applies and its rule, as restoreFormats compares them. */
const formatState = (type: string, ranges: string, rule: unknown) => JSON.stringify([type, areasOf(ranges).sort(), rule ?? null]);

/**
 * Each format of `before`, for the watch: its state as read, and a look at it by its id
 * (ConditionalFormatCollection.getItemOrNullObject, ExcelApi 1.14, optional-apis.ts: a format Excel deleted with its last cell is a
 * null object, not a refused sync). Its type first: a rule of another type (the analyst's) is
 * not read by the part of the old one. A look weighs what the read before weighed (its
 * address and rule, three bytes a character, UTF-8's most), with room for one more area.
 */
export function watchFormats(before: readonly FormatRead[]): WatchItem[] {
  return before.map((was) => ({
    ref: { kind: "conditionalFormat", sheet: was.sheetName },
    before: formatState(was.type, was.ranges, was.rule),
    bytes: ITEM_BYTES + AREA_BYTES + CHAR_BYTES * formatState(was.type, was.ranges, was.rule).length,
    queue: () => {
      // Without 1.14 (an Excel that has setRanges has it: 1.17) nothing is looked at, and the format is not known to be unchanged.
      const found = formatOrNullObject(was.sheet.getRange().conditionalFormats, was.id);
      if (!found) return () => null;
      const format = found.load("type");
      const ranges = format.getRanges().load("address");
      const rule = ruleOf(format, was.type).queue();
      return () => (format.isNullObject ? "gone" : format.type !== was.type ? JSON.stringify([format.type]) : formatState(format.type, ranges.address, rule()));
    },
    // Their version as a look saw it, where it is one of the same type (its areas and rule, as restoreFormats writes them); another type or gone cannot be written.
    putBack: (state) => {
      const seen = JSON.parse(state) as unknown[];
      if (seen.length !== 3 || seen[0] !== was.type) return false;
      const format = was.sheet.getRange().conditionalFormats.getItem(was.id);
      queueFormatRanges(format, was.sheet.getRanges((seen[1] as string[]).join(", ")));
      ruleOf(format, was.type).write(seen[2]);
      return true;
    },
  }));
}

/** The areas of a RangeAreas' address, each without its sheet and $ ("Data!$G$80:$G$95, Data!H2" → ["G80:G95", "H2"]); a quoted sheet name may hold a comma. */
function areasOf(address: string): string[] {
  return (address.match(/(?:'(?:[^']|'')*'|[^,'])+/g) ?? []).map((part) => part.trim().replace(/^.*!/, "").replace(/\$/g, "")).filter(Boolean);
}

/**
 * The part of a format that holds its rule's formulas, by its type as Excel gives it: how many
 * formulas it can hold (for the read's weight), queuing its read (the reader works after the
 * sync), and writing it back (each of these is settable, ExcelApi 1.6). A type without formulas
 * (top/bottom, presets, text comparisons) reads null and writes nothing.
 */
function ruleOf(format: Excel.ConditionalFormat, type: string = format.type): { formulas: number; queue: () => () => unknown; write: (rule: unknown) => void } {
  switch (type) {
    case "Custom":
      return { formulas: 1, queue: afterSync(() => format.custom.rule.load("formula"), (r) => r.formula), write: (rule) => (format.custom.rule.formula = rule as string) };
    case "CellValue":
      return { formulas: 2, queue: afterSync(() => format.cellValue.load("rule"), (p) => p.rule), write: (rule) => (format.cellValue.rule = rule as Excel.ConditionalCellValueRule) };
    case "DataBar":
      return {
        formulas: 2,
        queue: afterSync(() => format.dataBar.load("lowerBoundRule,upperBoundRule"), (bar) => ({ lower: bar.lowerBoundRule, upper: bar.upperBoundRule })),
        write: (rule) => {
          const { lower, upper } = rule as { lower: Excel.ConditionalDataBarRule; upper: Excel.ConditionalDataBarRule };
          format.dataBar.lowerBoundRule = lower;
          format.dataBar.upperBoundRule = upper;
        },
      };
    case "ColorScale":
      return { formulas: 3, queue: afterSync(() => format.colorScale.load("criteria"), (s) => s.criteria), write: (rule) => (format.colorScale.criteria = rule as Excel.ConditionalColorScaleCriteria) };
    case "IconSet":
      return { formulas: 5, queue: afterSync(() => format.iconSet.load("criteria"), (s) => s.criteria), write: (rule) => (format.iconSet.criteria = rule as Excel.ConditionalIconCriterion[]) };
    default:
      return { formulas: 0, queue: () => () => null, write: () => undefined };
  }
}

const afterSync =
  <T>(load: () => T, read: (loaded: T) => unknown) =>
  () => {
    const loaded = load();
    return () => read(loaded);
  };
