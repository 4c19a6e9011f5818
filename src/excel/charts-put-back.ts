import { CHAR_BYTES, readItems, WriteBatch } from "./batch";
import { WorkbookState } from "./inspect";
import { canReadSeriesSources, queueSeriesSources, SERIES_SOURCES_BYTES } from "./optional-apis";
import type { Reference } from "../text/references";
import { UNGUARDED, type WatchItem, type WriteGuard } from "./rules-watch";

/**
 * Chart series a pull's delete changed, put back once the rows are back (as formats-put-back.ts
 * does for conditional formats). A series that plots cells of a deleted row loses them: its area
 * shrinks by the row, and a series of that row alone becomes #REF!, as a formula's reference
 * does; adding the row back at an area's edge does not grow it again (the fake models both:
 * shiftReferences). So before deleting, the series of each chart that may plot the tables' sheet
 * (namesInto: every chart on it, and those elsewhere whose series name it) are read, where each
 * takes its values and categories from (ChartSeries.getDimensionDataSourceString, ExcelApi 1.15,
 * optional-apis.ts), and once the rows are back each source that changed is set again from its
 * range (ChartSeries.setValues, setXAxisValues, ExcelApi 1.7). A chart stays named as not put back
 * (Shortfall.left) where Excel has no 1.15, refuses a source, there are too many series, or a
 * source that changed is not one area of cells (a list of values, several areas).
 */

/** A chart's series as read before deleting: each one's values and categories, as Excel writes them ("=Data!$G$80:$G$95"). */
export interface SeriesRead {
  ref: Extract<Reference, { kind: "chart" }>;
  sheet: Excel.Worksheet;
  sources: { values: string; categories: string }[];
}

/** More series than this, over the charts read, are not read one by one: those charts stay named. */
const MAX_SERIES = 2_000;

/** Of what may hold a reference into the deleted rows (`unchecked`, namesInto), the charts read to be put back, and what is left named. */
export async function chartsToPutBack(context: Excel.RequestContext, state: WorkbookState, unchecked: readonly Reference[], limit?: number): Promise<{ charts: SeriesRead[]; left: Reference[] }> {
  const refs = unchecked.flatMap((ref) => (ref.kind === "chart" ? [ref] : []));
  const charts = refs.flatMap((ref) => {
    const sheet = state.sheets.find((s) => s.name === ref.sheet)?.sheet;
    return sheet ? [{ ref, sheet }] : [];
  });
  if (charts.length === 0) return { charts: [], left: [...unchecked] };
  const read = await readSeries(context, charts, limit);
  if (read === null) return { charts: [], left: [...unchecked] };
  return { charts: read, left: unchecked.filter((ref) => ref.kind !== "chart" || !read.some((r) => r.ref === ref)) };
}

/**
 * What reading one series' sources asks of the request, about: getItemAt and its two
 * getDimensionDataSourceString, each an object path with its action (test/support/fake-excel.ts
 * CALL_BYTES). A series is never weighed at less.
 */
const SERIES_REQUEST_BYTES = 600;

/**
 * Each chart's number of series (one sync), then each series' sources, in syncs under the limit:
 * the first at the most two sources can weigh (SERIES_SOURCES_BYTES), later ones at the heaviest
 * of that chart read so far (readItems, batch.ts). Null where Excel cannot say: no 1.15, too
 * many series, a refused read (only read: nothing to undo).
 */
async function readSeries(context: Excel.RequestContext, charts: readonly { ref: SeriesRead["ref"]; sheet: Excel.Worksheet }[], limit?: number): Promise<SeriesRead[] | null> {
  if (!canReadSeriesSources()) return null;
  try {
    const counted = charts.map((c) => ({ ...c, chart: c.sheet.charts.getItem(c.ref.chart), count: c.sheet.charts.getItem(c.ref.chart).series.getCount() }));
    await context.sync();
    if (counted.reduce((n, c) => n + c.count.value, 0) > MAX_SERIES) return null;
    const lists = counted.map(({ chart, count }) => ({
      total: count.value,
      queueAt: (i: number) => {
        const sources = queueSeriesSources(chart.series.getItemAt(i));
        return () => ({ values: sources?.[0].value ?? "", categories: sources?.[1].value ?? "" });
      },
      // As read: both sources at CHAR_BYTES a character (UTF-8's most), with room for the JSON around them.
      weigh: (s: { values: string; categories: string }) => 100 + (s.values.length + s.categories.length) * CHAR_BYTES,
      most: SERIES_SOURCES_BYTES,
      least: SERIES_REQUEST_BYTES,
    }));
    const read = await readItems(context, lists, limit);
    return counted.map(({ ref, sheet }, c) => ({ ref, sheet, sources: read[c] }));
  } catch {
    return null;
  }
}

/** A source that is one area of cells ("=Data!$G$80:$G$95", "='Mijn analyse'!$B$2"): its sheet and address; null for anything else. */
function areaOf(source: string): { sheet: string; address: string } | null {
  const match = /^=('(?:[^']|'')+'|[^'!,]+)!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/.exec(source.trim());
  if (!match) return null;
  return { sheet: match[1].replace(/^'(.*)'$/, "$1").replace(/''/g, "'"), address: match[2] };
}

/** A watched chart's state once the analyst deleted it (rules-watch.ts WatchItem.gone): no series' sources are ever this. */
const CHART_GONE = "gone";

/**
 * Each chart of `before`, for the watch (rules-watch.ts): its series' sources as read, and a look
 * at them, series by series, through the chart by name as a null object once it is gone
 * (ChartCollection.getItemOrNullObject, ExcelApi 1.4, within the manifest's 1.13: "If the chart
 * doesn't exist, then this method returns an object with its isNullObject property set to true").
 * A chart the analyst deleted during the pull (Excel deletes no chart with rows) is theirs: it
 * does not stop the pull, is not put back, and a stopped pull names it (Shortfall.deleted). What
 * its series are asked then is read as nothing (the reference is silent on a null object's
 * children; the look checks isNullObject first, as watchFormats does for a format's). Left: a
 * series the analyst deleted from a chart that is still there. ChartSeriesCollection has getItemAt
 * only, which Excel refuses past the end (ItemNotFound): that sync is refused, the pull stops
 * there as for any refusal, and the chart is not known to be unchanged.
 */
export function watchCharts(before: readonly SeriesRead[]): WatchItem[] {
  return before.map((was) => {
    const state = JSON.stringify(was.sources);
    return {
      ref: was.ref,
      before: state,
      bytes: 400 + CHAR_BYTES * state.length,
      gone: CHART_GONE,
      queue: () => {
        const chart = was.sheet.charts.getItemOrNullObject(was.ref.chart).load("name");
        const series = was.sources.map((_, i) => queueSeriesSources(chart.series.getItemAt(i)));
        return () => (chart.isNullObject ? CHART_GONE : JSON.stringify(series.map((r) => ({ values: r?.[0].value ?? "", categories: r?.[1].value ?? "" }))));
      },
      // Their version as a look saw it, where each source is one area of cells (as restoreCharts sets them); a list of values, several areas or a chart gone cannot be.
      putBack: (state, context) => {
        if (state === CHART_GONE) return false;
        const seen = JSON.parse(state) as SeriesRead["sources"];
        const areas = seen.map((source) => ({ values: areaOf(source.values), categories: source.categories === "" ? null : areaOf(source.categories) }));
        if (areas.some((a, i) => a.values === null || (a.categories === null && seen[i].categories !== ""))) return false;
        areas.forEach((a, i) => {
          const series = was.sheet.charts.getItem(was.ref.chart).series.getItemAt(i);
          const range = (area: { sheet: string; address: string }) => context.workbook.worksheets.getItem(area.sheet).getRange(area.address);
          if (a.values) series.setValues(range(a.values));
          if (a.categories) series.setXAxisValues(range(a.categories));
        });
        return true;
      },
    };
  });
}

/**
 * After the rows are back: each chart of `before` is read again, and each series' source that
 * differs is set from its range. Gives the charts it could not put back.
 */
export async function restoreCharts(context: Excel.RequestContext, before: readonly SeriesRead[], limits: { read?: number; write: number }, guard: WriteGuard<SeriesRead> = UNGUARDED): Promise<Reference[]> {
  if (before.length === 0) return [];
  const now = await readSeries(context, before, limits.read);
  if (now === null) return before.map((c) => c.ref);
  const left: Reference[] = [];
  const batch = new WriteBatch(context, { limit: limits.write });
  for (const [c, was] of before.entries()) {
    const sources = now[c].sources;
    if (sources.length !== was.sources.length) {
      left.push(was.ref);
      continue;
    }
    const changes = was.sources.flatMap((source, i) =>
      (["values", "categories"] as const).flatMap((dimension) => (source[dimension] === sources[i][dimension] ? [] : [{ i, dimension, area: areaOf(source[dimension]) }])),
    );
    if (changes.some((change) => change.area === null)) {
      left.push(was.ref);
      continue;
    }
    // One the watch saw the analyst change since the last look (this read included) is theirs: not written (rules-watch.ts).
    if (changes.length && !guard.still(was)) continue;
    for (const { i, dimension, area } of changes) {
      if (!area) continue;
      // Its calls, and the range's sheet and address as text (CHAR_BYTES a character, as every estimate of the limit).
      await batch.queue(400 + (area.address.length + area.sheet.length) * CHAR_BYTES, () => {
        guard.writing(was);
        const series = was.sheet.charts.getItem(was.ref.chart).series.getItemAt(i);
        const range = context.workbook.worksheets.getItem(area.sheet).getRange(area.address);
        if (dimension === "values") series.setValues(range);
        else series.setXAxisValues(range);
      });
    }
  }
  await batch.flush();
  return left;
}
