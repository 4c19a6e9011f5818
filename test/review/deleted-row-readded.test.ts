import { compareWithWorkbook, snapshotOf } from "../../src/data/compare";
import { edition } from "../support/workbooks";

/**
 * Review repro: the analyst deletes a row of MonitorData (a figure they found wrong). The
 * snapshot still holds that row's hash as the source delivered it, so the comparison can tell
 * the row was the source's and is gone from the workbook: the analyst's deletion. compare.ts
 * looks only for the key in the workbook and, not finding it, lists the row as "added": every
 * pull (Opnieuw ophalen of the same edition too) writes the deleted figure back, and the pane
 * calls it a new row of the source. "A row still equal to what the source delivered follows the
 * source; any other row is the analyst's" — a deletion is the analyst's too.
 */
describe("review: a row the analyst deleted", () => {
  it("is not written back by a pull of the same source as a row it adds", () => {
    const workbook = { ...edition, observations: edition.observations.slice(1) };
    const comparison = compareWithWorkbook(edition, workbook, new Set(snapshotOf(edition)));
    expect(comparison.added).toEqual([]);
  });
});
