import { TABLE_NAMES } from "../../src/data/package";
import { Runner, WorkbookFollower } from "../../src/excel/follow";
import { regenerate } from "../../src/excel/regenerate";
import { fakeRun, WorkbookModel } from "../support/fake-excel";
import { validations } from "../support/validations";
import { asExcel, edition, runLoadData, snapshot, tableNamed, userWorkbook } from "../support/workbooks";

/**
 * Regenerate beside the live data the pane follows the workbook's tables with: the live data has
 * validated MonitorData already, so Regenerate takes its figures instead of validating the same
 * cells again, and validates only when the cells read now are not the ones the live data holds.
 */
async function followed() {
  const model = userWorkbook();
  await runLoadData(model, edition);
  const run: Runner = async (body) => (await fakeRun(model, (context) => body(asExcel(context)))).result;
  const data = await new WorkbookFollower(run, edition, () => undefined).readAll();
  if (data.kind !== "found") throw new Error("the tables did not read as valid");
  return { model, live: data.live };
}

const regenerateIn = (model: WorkbookModel, known?: Awaited<ReturnType<typeof followed>>["live"]) =>
  fakeRun(model, (context) => regenerate(asExcel(context), { edition, language: "nl", today: () => "2026-11-25", known }));

describe("Regenerate beside the live data of the workbook's tables", () => {
  it("takes the live data's figures: the same workbook, and no table validated again", async () => {
    const plain = await followed();
    const beside = await followed();
    const without = await validations(() => regenerateIn(plain.model));
    const withKnown = await validations(() => regenerateIn(beside.model, beside.live));
    expect(without.count).toBe(1);
    expect(withKnown.count).toBe(0);
    expect(withKnown.result.result.ok).toBe(true);
    expect(snapshot(beside.model)).toEqual(snapshot(plain.model));
  });

  it("validates the cells again when they are not the ones the live data holds (an edit it has not heard of)", async () => {
    const { model, live } = await followed();
    const table = tableNamed(model, TABLE_NAMES.observations);
    if (!table) throw new Error("no MonitorData");
    Object.assign(table.sheet.cell(table.box.row + 1, table.box.column + 6), { value: 1, formula: null });
    const { result, count } = await validations(() => regenerateIn(model, live));
    expect(count).toBe(1);
    expect(result.result.ok).toBe(true);
  });
});
