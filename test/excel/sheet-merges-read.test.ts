import { ReadBatch } from "../../src/excel/batch";
import { readExtras } from "../../src/excel/sheet-extras";
import { Box, fakeRun, toAddress, WorkbookModel } from "../support/fake-excel";
import { asExcel } from "../support/workbooks";

/**
 * Range.getMergedAreasOrNullObject "will fail to return the result" for more than 512 merged
 * areas (the fake refuses the sync then: test/excel/fake-merge.test.ts), and an analyst can merge
 * more than that on a sheet the add-in reads. The sheet's extras read them in blocks of the used
 * range with formats that can never hold more: every area named once, top to bottom, in the same
 * syncs however many there are.
 */

/** A sheet "Blad1" with a figure in each cell of A1:D300 and the given merges; its merged areas as the extras read them, and the syncs that took. */
async function mergedOf(merges: Box[]) {
  const model = new WorkbookModel();
  const sheet = model.addSheet("Blad1");
  for (let r = 0; r < 300; r++) for (let c = 0; c < 4; c++) sheet.cell(r, c).value = r * 4 + c;
  sheet.merges.push(...merges);
  const { result, syncs } = await fakeRun(model, async (context) => {
    const blad = asExcel(context).workbook.worksheets.getItem("Blad1");
    const used = blad.getUsedRangeOrNullObject(false).load("address,rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    return readExtras(new ReadBatch(asExcel(context)), [{ sheet: blad, formatted: used, charts: [] }]);
  });
  return { merged: (result[0].details as { merged: string | null }).merged, syncs };
}

const named = (boxes: Box[]) => boxes.map((b) => `Blad1!${toAddress(b)}`).join(",");

describe("reading a sheet's merged areas", () => {
  it("600 areas of two cells (more than one read may answer for): every one named, in order, in the same syncs as one area", async () => {
    const many = Array.from({ length: 150 }, (_, r) => [0, 2].map((column) => ({ row: r * 2, column, rows: 1, columns: 2 }))).flat();
    const more = [...many, ...Array.from({ length: 150 }, (_, r) => [0, 2].map((column) => ({ row: r * 2 + 1, column, rows: 1, columns: 2 }))).flat()].sort((a, b) => a.row - b.row || a.column - b.column);
    expect(more).toHaveLength(600);
    const one = await mergedOf([{ row: 5, column: 0, rows: 1, columns: 2 }]);
    const read = await mergedOf(more);
    expect(one.merged).toBe("Blad1!A6:B6");
    expect(read.merged).toBe(named(more));
    expect(read.syncs).toBe(one.syncs);
  });

  it("an area over rows of two blocks (A100:A200; a block is 128 rows of four columns here) is named once", async () => {
    const tall = { row: 99, column: 0, rows: 101, columns: 1 };
    const after = { row: 250, column: 1, rows: 1, columns: 3 };
    expect((await mergedOf([tall, after])).merged).toBe("Blad1!A100:A200,Blad1!B251:D251");
  });

  it("none: null, as for a sheet without merged cells", async () => {
    expect((await mergedOf([])).merged).toBeNull();
  });
});
