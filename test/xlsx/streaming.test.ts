import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildPlan } from "../../src/report/plan";
import { WorkbookPlan } from "../../src/report/types";
import { rowLimitProblem, RowLimitError } from "../../src/xlsx/limits";
import { NodeDeflateEntry } from "../../src/xlsx/node-deflate";
import { renderXlsx, writeXlsx } from "../../src/xlsx/workbook";
import { PartTooLargeError, zipWriter } from "../../src/xlsx/zip-writer";
import { shippedPackage } from "../support/fixtures";
import { largePackage } from "../support/workbooks";
import { readWorkbook } from "../support/xlsx-read";

/**
 * The package is streamed: the Data sheet's rows go to the compressor a chunk at a time and
 * the zip's bytes to a sink as they are made. Whichever compressor (fflate's in the pane, Node's
 * zlib in the CLI), the parts are the same; a plan Excel cannot hold writes nothing.
 */
const EXCEL_ROWS = 1_048_576; // "Excel specifications and limits"

async function written(plan: WorkbookPlan, native: boolean, rowsPerChunk?: number): Promise<{ bytes: Uint8Array; chunks: number; dataWrites: number }> {
  const chunks: Uint8Array[] = [];
  let dataWrites = 0; // the Data sheet's pieces handed to zlib
  const entry = (name: string, mtime: Date) => {
    const made = new NodeDeflateEntry(name, mtime);
    const pushCopy = made.pushCopy.bind(made);
    if (name === "xl/worksheets/sheet1.xml") made.pushCopy = (bytes) => (dataWrites++, pushCopy(bytes));
    return made;
  };
  await writeXlsx(plan, ExcelJS, { sink: (c) => chunks.push(c), streamedEntry: native ? entry : undefined, rowsPerChunk });
  return { bytes: Buffer.concat(chunks), chunks: chunks.length, dataWrites };
}

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const result = new Map<string, string>();
  for (const [path, file] of Object.entries(zip.files)) if (!file.dir) result.set(path, Buffer.from(await file.async("uint8array")).toString("base64"));
  return result;
}

/** The shipped plan with MonitorData stretched to `rows` rows (all the same row: cheap to hold). */
function planWithDataRows(rows: number): WorkbookPlan {
  const plan = buildPlan(shippedPackage(), { language: "nl" });
  const table = plan.data.tables[0];
  table.rows = new Array(rows).fill(table.rows[0]);
  return plan;
}

describe("the streamed .xlsx", () => {
  const plan = buildPlan(largePackage(5000), { language: "nl" });

  it("has the same parts whether Node's zlib or fflate compresses the Data sheet, and the same bytes every time", async () => {
    const [fflate, native, again] = [await written(plan, false), await written(plan, true), await written(plan, true)];
    const [fflateParts, nativeParts] = [await parts(fflate.bytes), await parts(native.bytes)];
    expect([...nativeParts.keys()]).toEqual([...fflateParts.keys()]);
    for (const [path, content] of fflateParts) expect([path, nativeParts.get(path) === content]).toEqual([path, true]);
    expect(Buffer.from(again.bytes).equals(Buffer.from(native.bytes))).toBe(true);
    expect(Buffer.from(await renderXlsx(plan, ExcelJS)).equals(Buffer.from(fflate.bytes))).toBe(true);
    expect(native.chunks).toBeGreaterThan(10); // streamed, not handed over whole
  });

  it("has the same bytes however many rows go to zlib at a time (the CLI's 1,000, the pane's 100, 7)", async () => {
    const [usual, cli, small] = [await written(plan, true), await written(plan, true, 1000), await written(plan, true, 7)];
    expect(Buffer.from(cli.bytes).equals(Buffer.from(usual.bytes))).toBe(true);
    expect(Buffer.from(small.bytes).equals(Buffer.from(usual.bytes))).toBe(true);
    // 4,999 bulk rows, and the sheet's XML before and after them.
    expect([usual.dataWrites, cli.dataWrites, small.dataWrites]).toEqual([50 + 2, 5 + 2, 715 + 2]);
  });

  it("holds every row of MonitorData, up to the last, written over several chunks", async () => {
    const read = await readWorkbook((await written(plan, true)).bytes);
    const table = plan.data.tables[0];
    const data = read.sheets[0];
    expect(data.tables[0]).toMatchObject({ name: "MonitorData", ref: `A1:P${table.rows.length + 1}` });
    for (const r of [0, 1, 1999, 2000, 2001, 4999]) {
      const cells = table.rows[r].map((_, c) => data.cells.get(`${String.fromCharCode(65 + c)}${r + 2}`) ?? "");
      expect(cells).toEqual(table.rows[r].map((v) => v ?? ""));
    }
    expect(data.cells.has(`A${table.rows.length + 2}`)).toBe(false);
  });
});

describe("the plan at scale", () => {
  it("calls the command's hook once and plans the same workbook with it as without", () => {
    const calls: string[] = [];
    const pkg = largePackage(500);
    const plan = buildPlan(pkg, { language: "nl", afterSheets: () => calls.push("after sheets") });
    expect(calls).toEqual(["after sheets"]);
    expect(plan).toEqual(buildPlan(pkg, { language: "nl" }));
  });
});

describe("Excel's row limit", () => {
  it("fits a table whose header and rows end on Excel's last row, and no longer one", () => {
    expect(rowLimitProblem(planWithDataRows(EXCEL_ROWS - 1))).toBeNull();
    expect(rowLimitProblem(planWithDataRows(EXCEL_ROWS))).toEqual({ table: "MonitorData", sheet: "Data", rows: EXCEL_ROWS + 1, limit: EXCEL_ROWS });
  });

  it("refuses a plan beyond it before writing a byte, with a message naming the limit", async () => {
    const chunks: Uint8Array[] = [];
    const writing = writeXlsx(planWithDataRows(EXCEL_ROWS), ExcelJS, { sink: (c) => chunks.push(c) });
    await expect(writing).rejects.toThrow(RowLimitError);
    const error = (await writing.catch((e: unknown) => e)) as RowLimitError;
    expect(error.text("en")).toBe("MonitorData on the Data sheet would take 1,048,577 rows with its header, more than the 1,048,576 rows of an Excel sheet. Nothing was written.");
    expect(error.text("nl")).toBe("MonitorData op het blad Data zou met de kopregel 1.048.577 rijen beslaan, meer dan de 1.048.576 rijen van een Excel-blad. Er is niets geschreven.");
    expect(chunks).toEqual([]);
  });
});

describe("the zip writer", () => {
  it.each([
    ["fflate's deflate", undefined],
    ["Node's zlib", (name: string, mtime: Date) => new NodeDeflateEntry(name, mtime)],
  ])("stops a part that would outgrow what a zip without ZIP64 holds (%s)", async (_, streamedEntry) => {
    const writer = zipWriter(() => undefined, { mtime: new Date("2022-06-01T00:00:00Z"), maxPartBytes: 1000, streamedEntry });
    const part = writer.stream("xl/worksheets/sheet1.xml");
    await part.write("é".repeat(300)); // 600 bytes of UTF-8
    await expect(part.write("é".repeat(300))).rejects.toThrow(PartTooLargeError);
  });

  it.each([
    ["fflate's deflate", undefined],
    ["Node's zlib", (name: string, mtime: Date) => new NodeDeflateEntry(name, mtime)],
  ])("writes a part from one buffer written over after each write as the bytes each write had (%s)", async (_, streamedEntry) => {
    const chunks: Uint8Array[] = [];
    const writer = zipWriter((c) => chunks.push(c), { mtime: new Date("2022-06-01T00:00:00Z"), streamedEntry });
    const part = writer.stream("xl/worksheets/sheet1.xml");
    const buffer = new Uint8Array(64 * 1024);
    const expected: string[] = [];
    for (let i = 0; i < 40; i++) {
      const text = `<row r="${i}">${String(i % 10).repeat(buffer.length - 20)}</row>`.slice(0, buffer.length);
      const { written } = new TextEncoder().encodeInto(text, buffer);
      expected.push(text.slice(0, written));
      await part.writeBytes(buffer.subarray(0, written));
      buffer.fill(0x78); // the caller's next chunk, written over the last as soon as it may
    }
    await part.end();
    await writer.finish();
    const zip = await JSZip.loadAsync(Buffer.concat(chunks));
    const read = await zip.file("xl/worksheets/sheet1.xml")?.async("string");
    expect(read === expected.join("")).toBe(true);
  });
});
