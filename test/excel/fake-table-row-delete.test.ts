import { fakeRun, WorkbookModel } from "../support/fake-excel";
import { asExcel } from "../support/workbooks";

/**
 * The fake, as Excel: deleting a table's rows moves up only the cells in the columns deleted
 * ("Use Range.delete to remove cells and shift surrounding cells to fill the gap", "Clear or
 * delete ranges using the Excel JavaScript API"; Range.delete(shift): "Specifies which way to
 * shift the cells"), so a remark typed beside the table stays in its sheet row, now beside the
 * next record. TableRow.delete() does the same (its reference does not say what moves; the fake
 * takes the reading that matches Excel's Delete › Table Rows, which leaves cells beside the table
 * where they are: not verified from this machine). A range delete that spans the remark's column
 * too moves the remark up with its row.
 */
function tableWithRemarks() {
  const model = new WorkbookModel();
  const sheet = model.addSheet("Data");
  const rows = [["Groep", "Waarde"], ["Duits", 1300], ["Italiaans", 1253], ["Pools", 2044]];
  rows.forEach((row, r) => row.forEach((value, c) => (sheet.cell(r, c).value = value)));
  ["", "klopt", "nagevraagd", "hoog?"].forEach((text, r) => text && (sheet.cell(r, 2).value = text));
  model.tables.push({ name: "MonitorData", sheet, box: { row: 0, column: 0, rows: 4, columns: 2 }, style: "TableStyleMedium2" });
  return { model, sheet };
}

const beside = (sheet: ReturnType<typeof tableWithRemarks>["sheet"]) => [1, 2, 3].map((r) => [sheet.cell(r, 0).value, sheet.cell(r, 2).value]);

describe("deleting a table row beside which the user typed a remark", () => {
  it("Range.delete on the table's row: the table's cells move up, the remarks stay in their rows", async () => {
    const { model, sheet } = tableWithRemarks();
    await fakeRun(model, async (context) => {
      asExcel(context).workbook.worksheets.getItem("Data").getRange("A2:B2").delete("Up");
      await context.sync();
    });
    expect(beside(sheet)).toEqual([["Italiaans", "klopt"], ["Pools", "nagevraagd"], [null, "hoog?"]]);
    expect(model.tables[0].box.rows).toBe(3);
  });

  it("TableRow.delete: the same", async () => {
    const { model, sheet } = tableWithRemarks();
    await fakeRun(model, async (context) => {
      asExcel(context).workbook.tables.getItem("MonitorData").rows.getItemAt(0).delete();
      await context.sync();
    });
    expect(beside(sheet)).toEqual([["Italiaans", "klopt"], ["Pools", "nagevraagd"], [null, "hoog?"]]);
  });

  it("a range delete across the table and the remarks' column: each remark moves up with its row", async () => {
    const { model, sheet } = tableWithRemarks();
    await fakeRun(model, async (context) => {
      asExcel(context).workbook.worksheets.getItem("Data").getRange("A2:C2").delete("Up");
      await context.sync();
    });
    expect(beside(sheet)).toEqual([["Italiaans", "nagevraagd"], ["Pools", "hoog?"], [null, null]]);
  });
});
