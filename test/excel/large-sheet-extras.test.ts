import { MonitorPackage } from "../../src/data/types";
import { CELL_PROPERTIES } from "../../src/excel/sheet-extras";
import { FakeContext, WorkbookModel } from "../support/fake-excel";
import { edition, runRegenerate, sheetNamed, sheetState, snapshot, userWorkbook } from "../support/workbooks";

const MB = 1024 * 1024;

/** The edition with its children's figures repeated for made-up areas (synthetic, for size only): a Kinderen sheet of thousands of rows. */
function manyChildren(rows: number): MonitorPackage {
  const children = edition.observations.filter((o) => o.indicator === "kinderen");
  const observations = [...edition.observations];
  for (let i = 1; observations.length < edition.observations.length + rows; i++) for (const o of children) observations.push({ ...o, gebied: `Testwijk ${i} ${o.gebied}` });
  return { ...edition, observations };
}

const largest = (model: WorkbookModel) => ({
  request: Math.max(...model.batches.map((b) => b.bytes)),
  response: Math.max(...model.batches.map((b) => b.responseBytes)),
});

/**
 * A sheet whose formats alone weigh more than Excel on the web answers in one sync (5 MB): its
 * fingerprint is read back in blocks of rows, each under the limit, and still sees a user's
 * change in its last rows.
 */
describe("the fingerprint of a sheet larger than one response", () => {
  const pkg = manyChildren(20_000);
  let model: WorkbookModel;
  let first: ReturnType<typeof largest>;

  beforeAll(async () => {
    model = userWorkbook();
    const { result } = await runRegenerate(model, pkg);
    expect(result.ok).toBe(true);
    first = largest(model);
  }, 120_000);

  it("is too large to read in one sync on the fake", async () => {
    const kinderen = sheetNamed(model, "Kinderen");
    const box = kinderen.usedBox(false);
    expect(box && box.rows * box.columns).toBeGreaterThan(10_000);
    const context = new FakeContext(model);
    context.workbook.worksheets.getItem("Kinderen").getUsedRangeOrNullObject(false).getCellProperties({ ...CELL_PROPERTIES });
    await expect(context.sync()).rejects.toThrow("ResponsePayloadSizeLimitExceeded");
  });

  it("was read back in syncs under 5 MB each way", () => {
    expect(first.response).toBeLessThan(5 * MB);
    expect(first.response).toBeGreaterThan(MB); // the blocks are large, not one per row
    expect(first.request).toBeLessThan(5 * MB);
  });

  it("an untouched workbook is rebuilt exactly as it was, nothing kept, in syncs under 5 MB", async () => {
    const before = snapshot(model);
    model.batches.length = 0;
    const { result } = await runRegenerate(model, pkg, "2026-12-01");
    expect(result.ok && result.kept).toEqual([]);
    expect(snapshot(model)).toBe(before);
    expect(largest(model).response).toBeLessThan(5 * MB);
  }, 120_000);

  it("a fill colour the user put on a cell near the end of the sheet keeps the sheet", async () => {
    const kinderen = sheetNamed(model, "Kinderen");
    const box = kinderen.usedBox(true);
    if (!box) throw new Error("an empty Kinderen sheet");
    kinderen.cell(box.row + box.rows - 3, box.column + 1).fill = "#FFFF00";
    const theirs = JSON.stringify(sheetState(kinderen));
    model.batches.length = 0;
    const { result } = await runRegenerate(model, pkg, "2026-12-02");
    expect(result.ok && result.kept).toEqual([{ key: "kinderen", name: "Kinderen 2026-12-02", was: "Kinderen", why: "edited" }]);
    expect(JSON.stringify(sheetState(kinderen))).toBe(theirs);
    expect(sheetNamed(model, "Kinderen")).not.toBe(kinderen);
    expect(largest(model).response).toBeLessThan(5 * MB);
  }, 120_000);
});
