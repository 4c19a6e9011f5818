import { ChartModel } from "../support/fake-excel";
import { editionChanged, onceDeleting, pullTexts as texts } from "../support/pull-stops";
import { edition, loadedWorkbook, runLoadData, sheetNamed, snapshot } from "../support/workbooks";

/**
 * Issue 14: the analyst deletes a chart the pull watches (src/excel/charts-put-back.ts
 * watchCharts, rules-watch.ts) while the pull deletes rows. Before, the watch's next look asked
 * Excel for the chart by name (ChartCollection.getItem), Excel refused that deleting sync
 * (ItemNotFound) and the pull stopped as if Excel had refused a change; right after a cancel the
 * put-back's first sync carried that look and the pane said the put-back itself was refused. A
 * chart that is gone is the analyst's doing: it is not put back, nothing fails, and a stopped
 * pull's pane names it. Each case states the workbook before and after and the pane's words.
 */
// Ten figures changed, three rows dropped far apart, five added; at 150 bytes a sync each delete is a sync of its own, bottom first (observation 90's row first: Data row 92).
const next = editionChanged(edition, 10, [20, 50, 90], 5);

/** The analyst's two charts on their own sheet over Data's Waarde column, down to the row the first delete takes. */
function analystCharts(model: Awaited<ReturnType<typeof loadedWorkbook>>["model"]) {
  const mine = sheetNamed(model, "Mijn analyse");
  const gone = { name: "Mijn grafiek", type: "ColumnClustered", source: { row: 0, column: 0, rows: 3, columns: 2 }, dataSources: [{ values: "=Data!$G$85:$G$92", categories: "=Data!$D$85:$D$92" }] } as ChartModel;
  const kept = { name: "Andere grafiek", type: "ColumnClustered", source: { row: 0, column: 0, rows: 3, columns: 2 }, dataSources: [{ values: "=Data!$G$85:$G$92", categories: "=Data!$D$85:$D$92" }] } as ChartModel;
  mine.charts.push(gone, kept);
  return { mine, gone, kept };
}

/** Pulls `next`, the analyst deleting `gone` at the first deleting sync (and cancelling there when asked). */
async function pullDeletingChart(cancelToo: boolean) {
  const { model, data } = await loadedWorkbook();
  const { mine, gone, kept } = analystCharts(model);
  const cancel = new AbortController();
  const onProgress = onceDeleting(data, data.box.rows + 5, () => {
    mine.charts.splice(mine.charts.indexOf(gone), 1);
    if (cancelToo) cancel.abort();
  });
  // The workbook as the analyst left it: without their chart.
  const withoutIt = async () => {
    const copy = await loadedWorkbook();
    const charts = analystCharts(copy.model);
    charts.mine.charts.splice(charts.mine.charts.indexOf(charts.gone), 1);
    return snapshot(copy.model);
  };
  const before = await withoutIt();
  const { result } = await runLoadData(model, next, { syncLimit: 150, signal: cancel.signal, onProgress });
  return { model, mine, gone, kept, result, before, deleted: onProgress.at.rows > 0 };
}

describe("a chart the pull watches, deleted by the analyst while the pull deletes rows", () => {
  it("the pull finishes: nothing refused, the chart stays deleted, the other chart plots its rows as before", async () => {
    const { mine, gone, kept, result, deleted } = await pullDeletingChart(false);
    expect(deleted).toBe(true);
    expect(result.ok).toBe(true);
    expect(mine.charts).toEqual([kept]);
    expect(mine.charts).not.toContain(gone);
    // The pull's three deletes, as Excel makes them of a finished pull's series: observation 90's row (Data row 92) shrank it by one, the rows of 50 and 20 above it moved it up by two.
    expect(kept.dataSources).toEqual([{ values: "=Data!$G$83:$G$89", categories: "=Data!$D$83:$D$89" }]);
  });

  it("cancelled at the same moment: the put-back is not refused, the rows and the other chart come back as they were, the deleted chart stays deleted, and the pane names it (nl and en)", async () => {
    const { model, mine, kept, result, before } = await pullDeletingChart(true);
    expect(result).toMatchObject({ ok: false, cancelled: true });
    expect(mine.charts).toEqual([kept]);
    expect(kept.dataSources).toEqual([{ values: "=Data!$G$85:$G$92", categories: "=Data!$D$85:$D$92" }]);
    expect(snapshot(model)).toEqual(before);
    expect(texts({ ok: false, problems: (result as { problems: { message: unknown }[] }).problems })).toEqual([
      "The pull had deleted rows of MonitorData on the sheet 'Data' when it stopped; they are back. Deleted by you during the pull, so not put back: the chart 'Mijn grafiek' on the sheet 'Mijn analyse'.",
    ]);
    expect(texts({ ok: false, problems: (result as { problems: { message: unknown }[] }).problems }, "nl")).toEqual([
      "Het ophalen had al rijen van MonitorData op het blad 'Data' verwijderd toen het stopte; die staan er weer. Tijdens het ophalen door u verwijderd, dus niet teruggezet: de grafiek 'Mijn grafiek' op het blad 'Mijn analyse'.",
    ]);
  });
});
