import { regenerate } from "../../src/excel/regenerate";
import { DATA_SHEET_KEY } from "../../src/report/plan";
import { fakeRun, WorkbookModel } from "../support/fake-excel";
import { asExcel, edition, largePackage, markOf, runLoadData, snapshot, userWorkbook } from "../support/workbooks";

/**
 * Regenerate in the pane seals every sheet it wrote (the prints of what Excel reports of its
 * cells, kept in its mark) and first compares each marked sheet with its mark: work that grows
 * with a sheet's cells, and the comparison of areas has a row for every area. It runs in steps
 * with the pane's pause between them, so that no piece of it grows with the data (at 100,000
 * rows a sheet's seal held the thread 100-300 ms in one piece). Counted, not timed: every step
 * here ends in a pause (the clock says each slice has used its time), and the pauses must grow
 * with the cells written. On the Excel fake.
 */
async function loaded(rows: number): Promise<WorkbookModel> {
  const model = userWorkbook();
  const { result } = await runLoadData(model, largePackage(rows));
  if (!result.ok) throw new Error("load failed");
  return model;
}

/** Regenerate with a pause (counted by phase) after every step; the phase is the one its progress last named. */
async function regenerateCounting(model: WorkbookModel, paused = true) {
  const pauses = { inspecting: 0, marking: 0 };
  let phase: keyof typeof pauses = "inspecting";
  const { result } = await fakeRun(model, (context) =>
    regenerate(asExcel(context), {
      edition,
      language: "nl",
      today: () => "2026-11-25",
      onProgress: (fraction) => (phase = fraction >= 0.9 ? "marking" : "inspecting"),
      yieldToUi: paused
        ? async () => {
            pauses[phase]++;
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
        : undefined,
    }),
  );
  if (!result.ok) throw new Error("regenerate failed");
  return { result, pauses };
}

/** The filled cells of the add-in's indicator sheets (not MonitorData's): what their prints are made of. */
const indicatorCells = (model: WorkbookModel) =>
  model.sheets
    .filter((s) => markOf(s) !== null && markOf(s)?.key !== DATA_SHEET_KEY)
    .reduce((sum, s) => sum + [...s.cells.values()].filter((c) => (c.value !== null && c.value !== "") || c.formula).length, 0);

describe("Regenerate's prints of the sheets in steps", () => {
  afterEach(() => jest.restoreAllMocks());

  it("pause more often as the sheets grow, building them new and bringing them up to date in place, and give the workbook a Regenerate without pauses gives", async () => {
    let clock = 0;
    jest.spyOn(performance, "now").mockImplementation(() => (clock += 1000));
    const [small, large] = [await loaded(2000), await loaded(8000)];
    const built = [await regenerateCounting(small), await regenerateCounting(large)];
    expect(built.map((b) => b.result.sheets.every((s) => s.status === "created"))).toEqual([true, true]);
    const cells = [indicatorCells(small), indicatorCells(large)];
    // Hundreds of areas more: the comparison of areas and the children by area have a row for each.
    expect(cells[1] - cells[0]).toBeGreaterThan(500);
    // Sealing a sheet built new looks at each cell and prints the content and what Excel reports
    // of each cell (a few hundred cells a step); in one piece a sheet took one pause, whatever its size.
    expect(built[1].pauses.marking - built[0].pauses.marking).toBeGreaterThanOrEqual(Math.floor((cells[1] - cells[0]) / 250));

    // Again: every sheet is as written, compared with its mark, and brought up to date in place.
    const again = [await regenerateCounting(small), await regenerateCounting(large)];
    expect(again.map((a) => a.result.sheets.every((s) => s.status === "updated"))).toEqual([true, true]);
    expect(again.map((a) => a.result.kept)).toEqual([[], []]);
    // Comparing each sheet with its mark prints it (content and extras), a few hundred cells a step.
    expect(again[1].pauses.inspecting - again[0].pauses.inspecting - (built[1].pauses.inspecting - built[0].pauses.inspecting)).toBeGreaterThanOrEqual(Math.floor((cells[1] - cells[0]) / 500));
    // Sealing a sheet updated in place compares the cells beside its tables and prints it again.
    expect(again[1].pauses.marking - again[0].pauses.marking).toBeGreaterThanOrEqual(Math.floor((cells[1] - cells[0]) / 250));
    jest.restoreAllMocks();

    // Without pauses (all at once), the same workbook: the same cells and the same marks, built and brought up to date.
    const other = await loaded(2000);
    await regenerateCounting(other, false);
    const third = await regenerateCounting(other, false);
    expect(third.result.sheets.every((s) => s.status === "updated")).toBe(true);
    expect(snapshot(other)).toBe(snapshot(small));
  }, 180_000);
});
