import { editionChanged } from "../support/pull-stops";
import { edition, loadedWorkbook, runLoadData, snapshot, tableValues } from "../support/workbooks";
import { TABLE_NAMES } from "../../src/data/package";

/**
 * Issue 14 ("errors in the middle change nothing, or leave a state the pane describes exactly"):
 * a cancel that comes with the pull's last writing sync, once the tables refreshed in place are
 * all written. The sync after it only looks the PivotTable up (load-data.ts); that sync refused
 * as cancelled, and the pane said "Cancelled; the workbook is as it was" over a workbook the pull
 * had changed in full. A cancel that late is too late: the pull is done, and the pane says what
 * it did. Workbook before and after, and the result, stated.
 */
// Ten figures changed, three rows dropped far apart, five added; at 150 bytes a sync each delete is a sync of its own, the last delete the last write.
const next = editionChanged(edition, 10, [20, 50, 90], 5);

it("a cancel at the pull's last deleting sync: the pull is done and says so, the workbook holds the new edition exactly as an uncancelled pull leaves it", async () => {
  // The same pull without a cancel, for the workbook it leaves.
  const plain = await loadedWorkbook();
  const done = await runLoadData(plain.model, next, { syncLimit: 150 });
  expect(done.result.ok).toBe(true);

  const { model, data } = await loadedWorkbook();
  const before = snapshot(model);
  const cancel = new AbortController();
  const rowsWithNew = data.box.rows + 5;
  let [grown, deletes] = [false, 0];
  const onProgress = () => {
    grown ||= data.box.rows === rowsWithNew;
    if (grown && data.box.rows < rowsWithNew - deletes && ++deletes === 3) cancel.abort();
  };
  const { result } = await runLoadData(model, next, { syncLimit: 150, signal: cancel.signal, onProgress });
  expect(deletes).toBe(3);
  expect(snapshot(model)).not.toEqual(before);
  expect(tableValues(model, TABLE_NAMES.observations)).toEqual(tableValues(plain.model, TABLE_NAMES.observations));
  expect(snapshot(model)).toEqual(snapshot(plain.model));
  expect(result).toMatchObject({ ok: true, outcome: { changes: { deleted: 3, appended: 5 } } });
});
