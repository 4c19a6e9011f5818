import { MonitorPackage } from "../../src/data/types";
import { problemText } from "../../src/text/problems";
import { WorkbookModel } from "../support/fake-excel";
import { clearedContents, convertedToRanges, emptiedDataSheet } from "../support/data-sheet-states";
import { withNthWriteRefused } from "../support/refuse-write";
import { edition, markKey, runLoadData, sheetNamed, snapshot, tableNamed, userWorkbook } from "../support/workbooks";

/**
 * A pull's first load (no monitor tables yet) that is cancelled or that Excel refuses puts the
 * workbook back exactly as it was: the sheet it began removed, the add-in's earlier Data sheet
 * given back its mark, its blank Data sheet emptied again (its widths and panes never changed).
 * Workbook states before and after.
 */
const SYNC_LIMIT = 8 * 1024;

/** The edition with every count one higher: a pull that writes every figure. */
const next: MonitorPackage = { ...edition, observations: edition.observations.map((o) => (o.eenheid === "aantal" ? { ...o, waarde: o.waarde + 1 } : o)) };

async function cancelledAt(model: WorkbookModel, nth: number) {
  const cancel = new AbortController();
  let syncs = 0;
  return (await runLoadData(model, next, { syncLimit: SYNC_LIMIT, signal: cancel.signal, onProgress: () => void (++syncs === nth && cancel.abort()) })).result;
}

const refusedAt = async (model: WorkbookModel, nth: number) => (await withNthWriteRefused(model, nth, () => runLoadData(model, next, { syncLimit: SYNC_LIMIT }))).result;

const REFUSED = "Excel weigerde een wijziging (Excel: GeneralException); de werkmap is teruggezet zoals hij was.";

/**
 * Cancels after the 3rd sync (no table made yet) and the 6th (MonitorData made, the other two to
 * come), and refusals of the 1st, 4th and 6th chunk (the 6th after MonitorData was made): each
 * puts the workbook back to `before`. On a blank Data sheet only those before a table was made
 * (`early`): after, the table style's look stays (undo-keeps-extras.test.ts).
 */
async function expectPutBack(model: WorkbookModel, early = false): Promise<void> {
  const before = snapshot(model);
  for (const nth of early ? [3] : [3, 6]) {
    expect(await cancelledAt(model, nth)).toEqual({ ok: false, problems: [], cancelled: true });
    expect(snapshot(model)).toBe(before);
  }
  for (const nth of early ? [1, 4] : [1, 4, 6]) {
    const result = await refusedAt(model, nth);
    expect(!result.ok && result.problems.map((p) => problemText(p, "nl"))).toEqual([REFUSED]);
    expect(snapshot(model)).toBe(before);
  }
}

describe("a pull's first load put back after a cancel or a refusal", () => {
  it("on a workbook without a Data sheet: the sheet it began is removed", async () => {
    await expectPutBack(userWorkbook());
  });

  it("beside the add-in's Data sheet whose tables were converted to ranges: that sheet keeps its mark", async () => {
    const model = userWorkbook();
    await runLoadData(model);
    convertedToRanges(model);
    await expectPutBack(model);
    expect(markKey(sheetNamed(model, "Data"))).toBe("data");
  });

  it("on the add-in's blank Data sheet: emptied again; written for real, its widths and panes are the user's still", async () => {
    const model = userWorkbook();
    await runLoadData(model);
    const data = emptiedDataSheet(model);
    await expectPutBack(model, true);
    const { result } = await runLoadData(model, next);
    expect(result.ok && result.outcome).toMatchObject({ sheetName: "Data", created: false });
    expect(tableNamed(model, "MonitorData")?.sheet).toBe(data);
    expect([data.columnWidths.get(0), data.frozenRows]).toEqual([200, 0]);
  });

  it("a Data sheet with only formats left is not blank: it is not written on, and a fresh sheet is made beside it", async () => {
    const model = userWorkbook();
    await runLoadData(model);
    const data = clearedContents(model);
    const formats = JSON.stringify([...data.cells]);
    await expectPutBack(model);
    const { result } = await runLoadData(model, next);
    expect(result.ok && result.outcome.created).toBe(true);
    expect(tableNamed(model, "MonitorData")?.sheet).not.toBe(data);
    expect(JSON.stringify([...data.cells])).toBe(formats);
    expect(markKey(data)).toBeNull();
  });
});
