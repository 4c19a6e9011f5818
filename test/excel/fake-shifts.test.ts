import { fakeRun, WorkbookModel } from "../support/fake-excel";
import { asExcel } from "../support/workbooks";

/** The fake, as Excel: notes, comments, merges, conditional formats and validation move with the cells a Range.insert or delete shifts. */
function sheetWithExtras() {
  const model = new WorkbookModel();
  const sheet = model.addSheet("Blad");
  sheet.notes.push({ row: 10, column: 1, text: "Notitie onder" }, { row: 4, column: 1, text: "Notitie in rij 5" }, { row: 1, column: 1, text: "Notitie boven" });
  sheet.comments.push({ row: 10, column: 2, text: "Klopt dit?" });
  sheet.merges.push({ row: 12, column: 0, rows: 1, columns: 3 });
  sheet.conditionalFormats.push({ row: 2, column: 1, rows: 6, columns: 1, type: "Custom", formula: "=B3>0" } as never);
  sheet.dataValidations.push({ row: 20, column: 0, rows: 1, columns: 1, type: "List", formula: "=$A$1:$A$3" } as never);
  return { model, sheet };
}

async function shift(model: WorkbookModel, how: "insert" | "delete", address: string) {
  await fakeRun(model, async (context) => {
    const range = asExcel(context).workbook.worksheets.getItem("Blad").getRange(address);
    if (how === "insert") range.insert("Down");
    else range.delete("Up");
    await context.sync();
  });
}

describe("cells shifted by Range.insert and Range.delete take what is attached to them", () => {
  it("insert: what is below moves down, an area the insert falls in grows", async () => {
    const { model, sheet } = sheetWithExtras();
    await shift(model, "insert", "A4:C5"); // two rows at row 4, columns A:C
    expect(sheet.notes.map((n) => [n.row, n.text])).toEqual([
      [12, "Notitie onder"],
      [6, "Notitie in rij 5"],
      [1, "Notitie boven"],
    ]);
    expect(sheet.comments[0].row).toBe(12);
    expect(sheet.merges[0]).toEqual({ row: 14, column: 0, rows: 1, columns: 3 });
    expect([sheet.conditionalFormats[0].row, sheet.conditionalFormats[0].rows]).toEqual([2, 8]);
    expect(sheet.dataValidations[0].row).toBe(22);
  });

  it("delete: the notes of deleted cells go, what is below moves up, an area loses its deleted rows", async () => {
    const { model, sheet } = sheetWithExtras();
    await shift(model, "delete", "A4:C5"); // rows 4 and 5 (0-based 3 and 4), columns A:C
    expect(sheet.notes.map((n) => [n.row, n.text])).toEqual([
      [8, "Notitie onder"],
      [1, "Notitie boven"],
    ]);
    expect(sheet.comments[0].row).toBe(8);
    expect(sheet.merges[0]).toEqual({ row: 10, column: 0, rows: 1, columns: 3 });
    expect([sheet.conditionalFormats[0].row, sheet.conditionalFormats[0].rows]).toEqual([2, 4]);
    expect(sheet.dataValidations[0].row).toBe(18);
  });

  it("leaves what is in other columns where it was", async () => {
    const { model, sheet } = sheetWithExtras();
    await shift(model, "insert", "D4:E5");
    expect(sheet.notes.map((n) => n.row)).toEqual([10, 4, 1]);
    expect(sheet.merges[0].row).toBe(12);
  });
});
