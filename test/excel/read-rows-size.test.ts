import { FIRST_CELL_BYTES, halved, MAX_SYNC_BYTES, planRound, readRows, RowSource } from "../../src/excel/batch";
import { MonitorError } from "../../src/data/errors";
import { textOf } from "../../src/text/message";
import { fakeRun, WorkbookModel } from "../support/fake-excel";
import { asExcel, sheetState } from "../support/workbooks";

/** Excel on the web refuses a response over 5 MB (docs/excel/performance.md). */
const EXCEL_LIMIT = 5 * 1024 * 1024;

/** Reads `rows` × `columns` of sheet Data from A1 with readRows; gives what it read or the message it stopped with. */
async function read(model: WorkbookModel, rows: number, columns: number, property: "values" | "formulas" = "values") {
  return fakeRun(model, async (context) => {
    const ctx = asExcel(context);
    const sheet = ctx.workbook.worksheets.getItem("Data");
    const source: RowSource = { total: rows, columns, sheet: "Data", firstRow: 0, range: (from, count) => sheet.getRangeByIndexes(from, 0, count, columns) };
    try {
      return { rows: (await readRows(ctx, [source], { property }))[0], syncs: context.syncs };
    } catch (e) {
      return { error: e as Error };
    }
  });
}

describe("readRows keeps each response under Excel's 5 MB", () => {
  it("reads a sheet whose rows further down are much longer than the first ones (an analyst's long notes), refused responses read again in smaller blocks", async () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Data");
    for (let r = 0; r < 2000; r++) Object.assign(sheet.cell(r, 0), { value: "kort" });
    const long = "x".repeat(1500);
    for (let r = 2000; r < 12000; r++) Object.assign(sheet.cell(r, 0), { value: long });
    const before = JSON.stringify(sheetState(sheet));

    const { result } = await read(model, 12000, 1);

    expect(result.error).toBeUndefined();
    expect(result.rows).toHaveLength(12000);
    expect(result.rows?.[1999]).toEqual(["kort"]);
    expect(result.rows?.[2000]).toEqual([long]);
    expect(result.rows?.[11999]).toEqual([long]);
    expect(result.rows?.filter((r) => r[0] === long)).toHaveLength(10000);
    // 15 MB of notes take at least four answers; the refusals on the way are few.
    const answered = model.batches.filter((b) => b.responseBytes <= EXCEL_LIMIT);
    expect(answered.length).toBeGreaterThanOrEqual(4);
    expect(model.batches.length).toBeLessThanOrEqual(12);
    expect(JSON.stringify(sheetState(sheet))).toBe(before);
  });

  it("sizes the first read from the number of columns: 2,000 rows × 40 look-up formulas are read without a refusal", async () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Data");
    const formula = (r: number) => `=SUMIFS(MonitorData[Waarde],MonitorData[Groep],$A${r + 1},MonitorData[Jaar],B$5)`;
    for (let r = 0; r < 2000; r++) for (let c = 0; c < 40; c++) Object.assign(sheet.cell(r, c), { formula: formula(r), value: 0 });

    const { result } = await read(model, 2000, 40, "formulas");

    expect(result.rows).toHaveLength(2000);
    expect(result.rows?.[1234][39]).toBe(formula(1234));
    // About 6.2 MB of formulas: no sync is refused, and each answer stays under the add-in's own 4 MB.
    expect(model.batches.every((b) => b.responseBytes <= MAX_SYNC_BYTES)).toBe(true);
    expect(model.batches.length).toBeGreaterThanOrEqual(2);
    expect(model.batches.length).toBeLessThanOrEqual(4);
  });

  it("names the sheet and row when one row alone is more than Excel can answer, and changes nothing", async () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Data");
    for (let r = 0; r < 10; r++) Object.assign(sheet.cell(r, 0), { value: `rij ${r + 1}` });
    // 200 cells of 30,000 characters (a cell holds up to 32,767): 6 MB in row 7 alone.
    for (let c = 0; c < 200; c++) Object.assign(sheet.cell(6, c), { value: "y".repeat(30000) });
    const before = JSON.stringify(sheetState(sheet));

    const { result } = await read(model, 10, 200);

    expect(result.error).toBeInstanceOf(MonitorError);
    expect(textOf((result.error as MonitorError).reason, "en")).toBe(
      "Row 7 of the sheet 'Data' holds more text than Excel can pass on at once (5 MB). Shorten the cells of that row or spread them over more rows. Nothing was changed.",
    );
    expect(textOf((result.error as MonitorError).reason, "nl")).toContain("Rij 7 van het blad 'Data'");
    expect(JSON.stringify(sheetState(sheet))).toBe(before);
  });

  it("reads ordinary data in as many syncs as its bytes need, never one per row", async () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Data");
    for (let r = 0; r < 60000; r++) ["inwoners", "Leiden", "Duits", "2022", "", r].forEach((value, c) => Object.assign(sheet.cell(r, c), { value }));

    const { result } = await read(model, 60000, 6);

    expect(result.rows).toHaveLength(60000);
    expect(result.rows?.[59999]).toEqual(["inwoners", "Leiden", "Duits", "2022", "", 59999]);
    // About 2.8 MB: a first block sized at 100 bytes a cell (5,592 rows), then the rest in one.
    expect(result.syncs).toBe(2);
  });

  it("reads 30,000 one-cell areas (formulas apart) in requests under the limit when each block's read is counted", async () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Data");
    for (let r = 0; r < 30_000; r++) Object.assign(sheet.cell(r * 2, 0), { formula: "=1+1", value: 2 });
    const result = await fakeRun(model, async (context) => {
      const data = asExcel(context).workbook.worksheets.getItem("Data");
      const sources: RowSource[] = Array.from({ length: 30_000 }, (_, r) => ({ total: 1, columns: 1, sheet: "Data", firstRow: r * 2, range: () => data.getRangeByIndexes(r * 2, 0, 1, 1) }));
      return (await readRows(asExcel(context), sources, { property: "formulas", blockBytes: 400 })).map((rows) => rows[0][0]);
    });
    expect(result.result).toEqual(Array.from({ length: 30_000 }, () => "=1+1"));
    // Each of 30,000 loads is a call in the request (180 bytes each in the fake): 5.4 MB in one request, refused, were the answer's bytes all that counted.
    expect(model.batches.every((b) => b.bytes <= MAX_SYNC_BYTES)).toBe(true);
    expect(model.batches.length).toBeGreaterThanOrEqual(5);
  });
});

describe("planRound and halved (readRows's blocks)", () => {
  const budget = 1_000_000;
  it("sizes a source not read yet from its columns, and one read from its heaviest block", () => {
    const sources = [
      { total: 50_000, columns: 10 },
      { total: 50_000, columns: 4 },
    ];
    expect(FIRST_CELL_BYTES).toBe(100);
    // 1,000,000 / (10 × 100) = 1,000 rows of the first; the budget is spent, the second waits.
    expect(planRound(sources, [[], []], [null, null], budget)).toEqual([{ source: 0, from: 0, count: 1000 }]);
    // 1,000,000 / (4 × 100) = 2,500 rows of the second when the first is done.
    expect(planRound(sources, [new Array(50_000), []], [5, null], budget)).toEqual([{ source: 1, from: 0, count: 2500 }]);
    // 20 bytes a cell: room for 5,000 rows of the first from row 3, 1,000 are left (200,000 bytes); the rest holds the second's 2 rows.
    expect(planRound([{ total: 1003, columns: 10 }, sources[1]], [[1, 2, 3], new Array(49_998)], [20, 5], budget)).toEqual([
      { source: 0, from: 3, count: 1000 },
      { source: 1, from: 49_998, count: 2 },
    ]);
  });

  it("counts what each block weighs in the request, when told: fewer blocks of small sources in a round", () => {
    const ones = Array.from({ length: 10 }, () => ({ total: 1, columns: 1 }));
    const none = ones.map(() => []);
    // 1,000 bytes: ten one-cell blocks of 100 bytes fit; with 400 bytes more each, two.
    expect(planRound(ones, none, ones.map(() => null), 1000)).toHaveLength(10);
    expect(planRound(ones, none, ones.map(() => null), 1000, 400)).toEqual([
      { source: 0, from: 0, count: 1 },
      { source: 1, from: 0, count: 1 },
    ]);
  });

  it("halves refused blocks, and tries single rows one at a time", () => {
    expect(halved([{ source: 0, from: 0, count: 7 }, { source: 1, from: 4, count: 1 }])).toEqual([
      { source: 0, from: 0, count: 4 },
      { source: 1, from: 4, count: 1 },
    ]);
    expect(halved([{ source: 0, from: 9, count: 1 }, { source: 1, from: 4, count: 1 }])).toEqual([{ source: 0, from: 9, count: 1 }]);
  });
});
