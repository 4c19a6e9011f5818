import { snapshotOf } from "../../src/data/compare";
import { MonitorPackage } from "../../src/data/types";
import { CALL_BYTES } from "../support/fake-excel";
import { edition, largePackage, runLoadData, tableNamed, tableValues, userWorkbook } from "../support/workbooks";

/** Excel on the web refuses a request over 5 MB (docs/excel/performance.md). */
const EXCEL_LIMIT = 5 * 1024 * 1024;

/** A workbook loaded with `big`, then pulled with `next`, which the source delivered after `big`. */
async function pulled(big: MonitorPackage, next: MonitorPackage, syncLimit?: number) {
  const model = userWorkbook();
  await runLoadData(model, big);
  model.batches.length = 0;
  const { result } = await runLoadData(model, next, { previous: new Set(snapshotOf(big)), syncLimit });
  return { model, result };
}

/** What a workbook that only ever loaded `pkg` holds in MonitorData: the state a pull that removes rows must reach. */
async function freshlyLoaded(pkg: MonitorPackage) {
  const model = userWorkbook();
  await runLoadData(model, pkg);
  return tableValues(model, "MonitorData");
}

describe("a pull that removes many rows stays under Excel's 5 MB a request", () => {
  it("the fake weighs calls, not only values: one call is CALL_BYTES", () => {
    // 42,000 TableRow.delete() calls (the old way for 42,000 removed rows) would be 7.6 MB.
    expect(42_000 * CALL_BYTES).toBeGreaterThan(EXCEL_LIMIT);
  });

  it("reads and deletes 32,000 adjacent removed rows (a whole area dropped) in requests and answers under the limit", async () => {
    const big = largePackage(edition.observations.length + 32_000);
    const { model, result } = await pulled(big, edition);

    expect(result.ok).toBe(true);
    expect(tableNamed(model, "MonitorData")?.box.rows).toBe(edition.observations.length + 1);
    expect(tableValues(model, "MonitorData")).toEqual(await freshlyLoaded(edition));
    expect(model.batches.every((b) => b.bytes <= EXCEL_LIMIT && b.responseBytes <= EXCEL_LIMIT)).toBe(true);
  }, 300_000); // the pull reads the formats of the 32,000 rows it deletes, to put them back on a cancel

  it("deletes 200 scattered removed rows (every other one) in syncs each under the batch's limit, calls counted", async () => {
    const big = largePackage(edition.observations.length + 400);
    const next = { ...big, observations: big.observations.filter((_, i) => i < edition.observations.length || i % 2 === 0) };
    const limit = 16 * 1024;
    const { model, result } = await pulled(big, next, limit);

    expect(result.ok).toBe(true);
    expect(tableNamed(model, "MonitorData")?.box.rows).toBe(next.observations.length + 1);
    expect(tableValues(model, "MonitorData")).toEqual(await freshlyLoaded(next));
    // The deletes are the syncs after the read of what will change (the first with calculation
    // suspended): 200 runs at CALL_BYTES each, each with a look at its rows in the same batch
    // (table-refresh.ts), so three syncs or more, each within the limit.
    const deleting = model.batches.slice(model.batches.findIndex((b) => b.suspended) + 1).filter((b) => b.bytes > 0);
    expect(deleting.length).toBeGreaterThanOrEqual(3);
    expect(deleting.every((b) => b.bytes <= limit)).toBe(true);
  }, 60_000);
});
