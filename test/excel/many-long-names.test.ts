import { inspectWorkbook } from "../../src/excel/inspect";
import { problemText } from "../../src/text/problems";
import { fakeRun, TableModel, WorkbookModel } from "../support/fake-excel";
import { editionChanged, refusedAtFirstDelete } from "../support/pull-stops";
import { asExcel, edition, generatedWorkbook, loadedWorkbook, runLoadData, runRegenerate, sheetNamed, snapshot } from "../support/workbooks";

/**
 * Excel on the web refuses a response over 5 MB (docs/excel/performance.md), and the fake does
 * too (FakeContext.sync counts what each sync's loads answer, a collection's items included). A
 * workbook's defined names are the user's to make, as many and as long as they like: here 2,000
 * of the workbook's and 2,000 of one sheet's own, each with a formula of about 3,000 characters,
 * about 6 MB each. Inspecting, Regenerate and a pull that stops after deleting read them all, in
 * syncs whose responses stay under the limit (names-read.ts), and see every one.
 */
const MB = 1024 * 1024;
const NAMES = 2000;
/** A formula of about 3,000 characters pointing at `cell`, its own by `n`. */
const long = (cell: string, n: number) => `=${cell}+${n}${"+0".repeat(1500)}`;

const underLimit = (model: WorkbookModel, start: number) => model.batches.slice(start).every((b) => b.responseBytes < 5 * MB);
const namesOf = (model: WorkbookModel) => model.names.map((n) => ({ name: n.name, formula: n.formula }));

/** A pull Excel stops after its first deleting sync: the pane says so, the workbook is as before it, and every response was under 5 MB. */
async function expectStoppedPullPutBack(model: WorkbookModel, data: TableModel) {
  const before = snapshot(model);
  const onProgress = refusedAtFirstDelete(model, data, data.box.rows + 5);
  const start = model.batches.length;
  const { result } = await runLoadData(model, editionChanged(edition, 10, [20, 50, 90], 5), { syncLimit: 150, onProgress });
  model.refuse = null;
  expect(onProgress.at.rows).toBeGreaterThan(0);
  expect(result.ok || result.problems.map((p) => problemText(p, "en"))).toEqual(["Excel refused a change (Excel: GeneralException); the workbook was put back as it was."]);
  expect(snapshot(model)).toBe(before);
  expect(underLimit(model, start)).toBe(true);
}

describe("a workbook with thousands of long defined names (more than one response holds)", () => {
  it("inspecting it lists every name with its formula, in syncs under 5 MB each", async () => {
    const model = await generatedWorkbook();
    const mine = sheetNamed(model, "Mijn analyse");
    for (let n = 0; n < NAMES; n++) model.names.push({ name: `Reeks${n}`, formula: long("'Mijn analyse'!$A$1", n), sheet: null });
    for (let n = 0; n < NAMES; n++) model.names.push({ name: `Eigen${n}`, formula: long("'Mijn analyse'!$B$2", n), sheet: mine });
    expect(model.names.filter((n) => n.sheet === null).reduce((bytes, n) => bytes + n.formula.length, 0)).toBeGreaterThan(5 * MB);
    const start = model.batches.length;
    const { result } = await fakeRun(model, (context) => inspectWorkbook(asExcel(context), { marks: true, content: true }));
    expect(result.names).toEqual(namesOf(model));
    expect(underLimit(model, start)).toBe(true);
  });

  it("Regenerate keeps the indicator sheet that has names of its own, rebuilds the others, and every response is under 5 MB", async () => {
    const model = await generatedWorkbook();
    const woonduur = sheetNamed(model, "Woonduur");
    for (let n = 0; n < NAMES; n++) model.names.push({ name: `Reeks${n}`, formula: long("'Mijn analyse'!$A$1", n), sheet: null });
    for (let n = 0; n < NAMES; n++) model.names.push({ name: `Eigen${n}`, formula: long("'Mijn analyse'!$B$2", n), sheet: woonduur });
    const names = namesOf(model);
    const start = model.batches.length;
    const { result } = await runRegenerate(model, edition, "2026-12-01");
    if (!result.ok) throw new Error("regenerate failed");
    expect(result.kept).toEqual([{ key: "woonduur", name: "Woonduur 2026-12-01", was: "Woonduur", why: "edited" }]);
    expect(woonduur.name).toBe("Woonduur 2026-12-01");
    expect(namesOf(model)).toEqual(names);
    expect(model.names.filter((n) => n.sheet === woonduur)).toHaveLength(NAMES);
    expect(underLimit(model, start)).toBe(true);
  });

  it("a pull that Excel stops after deleting reads them all before, and puts back every one Excel made #REF! of", async () => {
    const { model, data } = await loadedWorkbook();
    const mine = sheetNamed(model, "Mijn analyse");
    // Into the Waarde of the last dropped row (Data!G92, deleted first), the workbook's and the analyst's sheet's own.
    for (let n = 0; n < NAMES; n++) model.names.push({ name: `Laatste${n}`, formula: long("Data!$G$92", n), sheet: n % 2 ? mine : null });
    await expectStoppedPullPutBack(model, data);
  });

  it("a pull that Excel stops after deleting reads the rules of hundreds of long conditional formats on another sheet in syncs under 5 MB, and names none that points elsewhere", async () => {
    const { model, data } = await loadedWorkbook();
    const mine = sheetNamed(model, "Mijn analyse");
    // 700 rules of about 8,000 characters (5.6 MB), none naming the Data sheet.
    for (let n = 0; n < 700; n++) mine.conditionalFormats.push({ row: n, column: 2, rows: 1, columns: 1, type: "Custom", formula: `=C${n + 1}>${n}${"+0".repeat(4000)}` });
    await expectStoppedPullPutBack(model, data);
  });
});
