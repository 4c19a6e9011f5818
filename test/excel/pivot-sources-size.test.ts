import { inspectWorkbook } from "../../src/excel/inspect";
import { sheetsReferenced } from "../../src/excel/references-scan";
import { FakeContext, fakeRun, PivotModel, WorkbookModel } from "../support/fake-excel";
import { asExcel, generatedWorkbook } from "../support/workbooks";

/**
 * The reference scan reads every PivotTable's source (PivotTable.getDataSourceString, ExcelApi
 * 1.15) to see whether it points into a sheet about to be rebuilt. A source is taken to be at most
 * a formula's 8,192 characters long (PIVOT_SOURCE_BYTES, optional-apis.ts). 700 PivotTables of
 * such sources answer about 5.7 MB (the fake counts each result's JSON in the response), over the
 * 5 MB Excel on the web answers in one sync: the scan reads them in syncs of at most 169 (4 MB at
 * 8,192 × 3 + 100 bytes each: 169 × 24,676 = 4,170,244 ≤ 4,194,304 < 170 × 24,676), so every
 * response stays under the limit and the sheets they point into are still found. More than 2,000
 * PivotTables are not read one by one (every sheet to be rebuilt then counts as referenced), and
 * the read that counts them answers at most 2,001 names, however many there are.
 */

const MB = 1024 * 1024;
const PIVOTS = 700;
/** Syncs for 700 sources at 169 a sync: 169 × 4 = 676, and the 24 left in a fifth. */
const SOURCE_SYNCS = 5;

/**
 * A source on the user's own sheet as long as a formula may be (many two-cell areas, just under
 * 8,192 characters), ending with `last` when given: the fake answers whatever string a test sets
 * (PivotModel.dataSourceString), and the scan must read it whole whatever it is.
 */
function longSource(last?: string): string {
  const areas: string[] = [];
  for (let row = 2; ; row += 3) {
    const area = `'Mijn analyse'!$B$${row}:$B$${row + 1}`;
    if (`=(${[...areas, area, ...(last ? [last] : [])].join(",")})`.length > 8_192) break;
    areas.push(area);
  }
  return `=(${[...areas, ...(last ? [last] : [])].join(",")})`;
}

/**
 * `count` PivotTables on "Mijn analyse", as an analyst makes them (PivotTableCollection.add over
 * MonitorData, once; the others copies of it, by name `name(i)`), each answering `source(i)` for
 * its source.
 */
async function addPivots(model: WorkbookModel, count: number, source: (i: number) => string, name = (i: number) => `Draaitabel${i + 1}`): Promise<void> {
  const context = new FakeContext(model);
  const sheet = context.workbook.worksheets.getItem("Mijn analyse");
  sheet.pivotTables.add("Sjabloon", context.workbook.tables.getItem("MonitorData"), sheet.getRange("A10"));
  await context.sync();
  const template = model.pivots.pop() as PivotModel;
  for (let i = 0; i < count; i++) model.pivots.push({ ...template, name: name(i), dataSourceString: source(i) });
}

const largestResponse = (model: WorkbookModel) => Math.max(...model.batches.map((b) => b.responseBytes));

/** Which sheets the scan finds referenced when Nationaliteiten is to be rebuilt, its syncs, and the largest response of the run. */
async function referenced(model: WorkbookModel) {
  model.batches.length = 0;
  const { result, syncs } = await fakeRun(model, async (context) => {
    const state = await inspectWorkbook(asExcel(context), { marks: true, content: true });
    const [before, batches] = [context.syncs, model.batches.length];
    const targets = state.sheets.filter((s) => s.name === "Nationaliteiten");
    const found = [...(await sheetsReferenced(asExcel(context), state, targets))].map(([s, by]): [string, unknown] => [s.name, by]);
    return { found, syncs: context.syncs - before, responses: model.batches.slice(batches).map((b) => b.responseBytes) };
  });
  return { found: result.found, scanSyncs: result.syncs, scanResponses: result.responses, syncs, response: largestResponse(model) };
}

describe("many PivotTables with long sources, more than one response holds", () => {
  it("each source is as long as a formula may be, and all of them read in one sync are refused as over 5 MB", async () => {
    const model = await generatedWorkbook();
    await addPivots(model, PIVOTS, (i) => longSource(i === PIVOTS - 1 ? "Nationaliteiten!$A$5:$B$15" : undefined));
    for (const pivot of model.pivots) expect(pivot.dataSourceString!.length).toBeGreaterThan(8_150);
    for (const pivot of model.pivots) expect(pivot.dataSourceString!.length).toBeLessThanOrEqual(8_192);
    const context = new FakeContext(model);
    const pivots = context.workbook.pivotTables.load("items/name");
    await context.sync();
    for (const pivot of pivots.items) pivot.getDataSourceString();
    await expect(context.sync()).rejects.toThrow("ResponsePayloadSizeLimitExceeded");
  }, 60_000);

  it("the scan finds the sheet the last PivotTable takes its data from, past the first syncs, in responses under 5 MB", async () => {
    const model = await generatedWorkbook();
    await addPivots(model, PIVOTS, (i) => longSource(i === PIVOTS - 1 ? "Nationaliteiten!$A$5:$B$15" : undefined));
    const { found, response } = await referenced(model);
    expect(found).toEqual([["Nationaliteiten", [{ kind: "pivot", pivot: `Draaitabel${PIVOTS}` }]]]);
    expect(response).toBeLessThan(5 * MB);
  }, 180_000);

  it("leaves the sheet to be rebuilt when no PivotTable takes its data from it (every source read, none taken as unchecked)", async () => {
    const model = await generatedWorkbook();
    await addPivots(model, PIVOTS, () => longSource());
    const { found, response } = await referenced(model);
    expect(found).toEqual([]);
    expect(response).toBeLessThan(5 * MB);
  }, 180_000);

  it("reads 700 sources in four syncs more than one source takes, each under 5 MB", async () => {
    const [one, many] = [await generatedWorkbook(), await generatedWorkbook()];
    await addPivots(one, 1, () => longSource());
    await addPivots(many, PIVOTS, () => longSource());
    const [few, lots] = [await referenced(one), await referenced(many)];
    expect([few.found, lots.found]).toEqual([[], []]);
    // The names and the one source: two syncs; 700 sources take five (SOURCE_SYNCS) after the names.
    expect(lots.scanSyncs - few.scanSyncs).toBe(SOURCE_SYNCS - 1);
    expect(lots.response).toBeLessThan(5 * MB);
    // Four full syncs of 169 sources (about 1.38 MB each here: the fake counts characters), a fifth of the 24 left.
    expect(lots.scanResponses.filter((bytes) => bytes > 1.3 * MB)).toHaveLength(SOURCE_SYNCS - 1);
    expect(few.scanResponses.filter((bytes) => bytes > 1.3 * MB)).toHaveLength(0);
  }, 180_000);
});

describe("more PivotTables than the scan reads one by one (2,000)", () => {
  /** A PivotTable's name of 255 characters, told apart by its number at the end. */
  const longName = (i: number) => `Draaitabel ${"x".repeat(240)}${String(i).padStart(4, "0")}`.slice(-255);

  it("2,000 are read, and leave the sheet to be rebuilt when none takes its data from it", async () => {
    const model = await generatedWorkbook();
    await addPivots(model, 2_000, () => "MonitorData");
    const { found, response } = await referenced(model);
    expect(found).toEqual([]);
    expect(response).toBeLessThan(5 * MB);
  }, 180_000);

  it("2,001 make every sheet to be rebuilt count as referenced (the safe side), though none takes its data from it", async () => {
    const model = await generatedWorkbook();
    await addPivots(model, 2_001, () => "MonitorData");
    expect((await referenced(model)).found).toEqual([["Nationaliteiten", [{ kind: "unchecked", what: "pivots" }]]]);
  }, 180_000);

  it("so many with long names that their names alone answer over 5 MB: still the safe side, in responses under 5 MB", async () => {
    const model = await generatedWorkbook();
    const many = 21_000;
    await addPivots(model, many, () => "MonitorData", longName);
    // All their names in one sync are more than Excel on the web answers.
    const context = new FakeContext(model);
    context.workbook.pivotTables.load("items/name");
    await expect(context.sync()).rejects.toThrow("ResponsePayloadSizeLimitExceeded");
    const { found, response } = await referenced(model);
    expect(found).toEqual([["Nationaliteiten", [{ kind: "unchecked", what: "pivots" }]]]);
    expect(response).toBeLessThan(5 * MB);
  }, 180_000);
});
