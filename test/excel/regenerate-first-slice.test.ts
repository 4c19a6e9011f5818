import { Runner, WorkbookFollower } from "../../src/excel/follow";
import { regenerate } from "../../src/excel/regenerate";
import { FakeContext, fakeRun } from "../support/fake-excel";
import { asExcel, edition, largePackage, runLoadData, runRegenerate, userWorkbook } from "../support/workbooks";

/**
 * Regenerate's first slice counts the reading's own work: what the reading does after its last
 * sync (the rows taken from Excel's answer, the sheets' state put together) is on the thread
 * before anything pauses, so the slices' clock starts before the reading. Started after it, the
 * first slice was that work and a whole budget more (53 ms of the thread's CPU at 10,000 rows in
 * the bench). A slice of Regenerate's is 20 ms of the clock, not the 30 of other sliced work (see
 * REGENERATE_SLICE_MS). Counted, not timed: here the clock moves only while the fake syncs (as a
 * reading whose work after its answers took that long).
 */
describe("Regenerate's first slice", () => {
  afterEach(() => jest.restoreAllMocks());

  /** The add-in's sheets on a workbook the pane follows, and Regenerate with the clock moving `ms` at each of the first `syncs` syncs only: its pauses before the first sheet is written. */
  async function pausesBeforeBuilding(ms: number, syncs: number): Promise<number> {
    const model = userWorkbook();
    const { result: loaded } = await runLoadData(model, largePackage(1000));
    if (!loaded.ok) throw new Error("load failed");
    if (!(await runRegenerate(model)).result.ok) throw new Error("regenerate failed"); // the sheets are the add-in's now
    const run: Runner = async (body) => (await fakeRun(model, (context) => body(asExcel(context)))).result;
    const data = await new WorkbookFollower(run, edition, () => undefined).readAll();
    if (data.kind !== "found") throw new Error("the tables did not read as valid");

    let clock = 0;
    let synced = 0;
    jest.spyOn(performance, "now").mockImplementation(() => clock);
    const sync = FakeContext.prototype.sync;
    jest.spyOn(FakeContext.prototype, "sync").mockImplementation(function (this: FakeContext) {
      if (synced++ < syncs) clock += ms;
      return sync.call(this);
    });
    let building = false;
    let pauses = 0;
    const { result } = await fakeRun(model, (context) =>
      regenerate(asExcel(context), {
        edition,
        language: "nl",
        today: () => "2026-11-25",
        known: data.live,
        onProgress: (fraction) => (building ||= fraction >= 0.1),
        yieldToUi: async () => {
          if (!building) pauses++;
          await new Promise((resolve) => setTimeout(resolve, 0));
        },
      }),
    );
    expect(result.ok && result.sheets.every((s) => s.status === "updated")).toBe(true);
    jest.restoreAllMocks();
    return pauses;
  }

  it("counts the reading: a reading that used a slice's time is followed by a pause before the live data is compared and the sheets planned", async () => {
    // Between the reading and the first sheet's write nothing syncs: only a slice begun before the reading has used its time.
    expect(await pausesBeforeBuilding(40, Infinity)).toBe(1);
  }, 60_000);

  it("is 20 ms of the clock: a reading of 25 ms has used it", async () => {
    expect(await pausesBeforeBuilding(25, 1)).toBe(1);
    expect(await pausesBeforeBuilding(15, 1)).toBe(0);
  }, 60_000);
});
