import * as packageModule from "../../src/data/package";
import { regenerate } from "../../src/excel/regenerate";
import { fakeRun, WorkbookModel } from "../support/fake-excel";
import { validations } from "../support/validations";
import { asExcel, edition, largePackage, runLoadData, snapshot, userWorkbook } from "../support/workbooks";

/**
 * Regenerate without the pane's live data validates the whole MonitorData table: in slices, with
 * the pane's pause between them, never in one piece (at 100,000 rows that would hold Excel's and
 * the pane's one thread for the whole validation). On the Excel fake.
 */
const ROWS = 3000;

async function loaded(): Promise<WorkbookModel> {
  const model = userWorkbook();
  const { result } = await runLoadData(model, largePackage(ROWS));
  if (!result.ok) throw new Error("load failed");
  return model;
}

const regenerateIn = (model: WorkbookModel, yieldToUi?: () => Promise<void>) => fakeRun(model, (context) => regenerate(asExcel(context), { edition, language: "nl", today: () => "2026-11-25", yieldToUi }));

describe("Regenerate's validation of MonitorData without live data", () => {
  afterEach(() => jest.restoreAllMocks());

  it("runs in slices with the pane's pause between them, and gives the workbook the one-piece validation gave", async () => {
    // Every slice has used its time at once: each step of the validation ends in the pane's pause.
    let clock = 0;
    jest.spyOn(performance, "now").mockImplementation(() => (clock += 1000));
    const original = packageModule.parsePackageTablesInSlices;
    const sliced = jest.spyOn(packageModule, "parsePackageTablesInSlices");
    let validating = false;
    let pausesWhileValidating = 0;
    sliced.mockImplementation(async (...args) => {
      validating = true;
      try {
        return await original(...args);
      } finally {
        validating = false;
      }
    });
    const pause = async () => {
      if (validating) pausesWhileValidating++;
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    const model = await loaded();
    const whole = jest.spyOn(packageModule, "parsePackageTables");
    const { result } = await regenerateIn(model, pause);
    expect(result.ok).toBe(true);
    expect(whole).not.toHaveBeenCalled();
    expect(sliced).toHaveBeenCalledTimes(1);
    // Reading the rows, checking them across rows and filling their derived columns: each pauses every 250 rows.
    expect(pausesWhileValidating).toBeGreaterThanOrEqual(3 * Math.floor(ROWS / 250));
    jest.restoreAllMocks();

    // The same workbook as validating in one piece (the tables as read, at once) gives.
    const other = await loaded();
    jest.spyOn(packageModule, "parsePackageTablesInSlices").mockImplementation(async (tables, _between, options) => packageModule.parsePackageTables(tables, {}, options));
    await regenerateIn(other);
    expect(snapshot(model)).toBe(snapshot(other));
  }, 60_000);

  it("reports an invalid table as the one-piece validation does, and changes nothing", async () => {
    const model = await loaded();
    const data = model.tables.find((t) => t.name === "MonitorData")!;
    Object.assign(data.sheet.cell(data.box.row + 2500, data.box.column + 6), { value: "veel", formula: null });
    const before = snapshot(model);
    const { result, count, inSlices } = await validations(() => regenerateIn(model, () => new Promise((resolve) => setTimeout(resolve, 0))));
    expect([count, inSlices]).toEqual([1, 1]);
    expect(result.result.ok).toBe(false);
    const problems = !result.result.ok ? result.result.problems : [];
    expect(problems.map((p) => [p.table, p.row, p.column])).toEqual([["MonitorData", 2500, "Waarde"]]);
    expect(snapshot(model)).toBe(before);
  }, 60_000);
});
