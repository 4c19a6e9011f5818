import { FakeContext, WorkbookModel } from "../support/fake-excel";

/** The Excel fake's merges, wraps and row heights, as fake-excel.ts cites them (Range.merge and unmerge, RangeFormat.wrapText, verticalAlignment and rowHeight). */
describe("the Excel fake merges, wraps and sizes rows", () => {
  const workbook = () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Blad1");
    Object.assign(sheet.cell(1, 0), { value: "lange zin" });
    Object.assign(sheet.cell(1, 2), { value: 7 });
    return { model, sheet, context: new FakeContext(model) };
  };

  it("merges a range into one area, keeping the top-left value only, and reads it back as getMergedAreasOrNullObject's address", async () => {
    const { sheet, context } = workbook();
    const blad = context.workbook.worksheets.getItem("Blad1");
    const range = blad.getRange("A2:D2");
    range.merge(false);
    range.format.wrapText = true;
    range.format.verticalAlignment = "Top";
    blad.getRange("A2").format.rowHeight = 34.5;
    const merged = blad.getRange().getMergedAreasOrNullObject().load("address");
    const rows = blad.getRange("A1:A2").getRowProperties({ format: { rowHeight: true } });
    const cells = blad.getRange("A2:B2").getCellProperties({ format: { wrapText: true, verticalAlignment: true } });
    await context.sync();
    expect(merged.address).toBe("Blad1!A2:D2");
    expect(sheet.cell(1, 0).value).toBe("lange zin");
    expect(sheet.cells.get("1,2")?.value ?? null).toBeNull();
    expect(rows.value.map((r) => (r as { format?: { rowHeight?: number } }).format?.rowHeight)).toEqual([15, 34.5]);
    expect(cells.value[0].map((c) => c.format)).toEqual([{ wrapText: true, verticalAlignment: "Top" }, { wrapText: true, verticalAlignment: "Top" }]);
  });

  it("merges each row apart across, unmerges a whole area it touches, and refuses a merge over a merge or a table", async () => {
    const { sheet, context } = workbook();
    const blad = context.workbook.worksheets.getItem("Blad1");
    blad.getRange("A5:C6").merge(true);
    await context.sync();
    expect(sheet.merges).toEqual([{ row: 4, column: 0, rows: 1, columns: 3 }, { row: 5, column: 0, rows: 1, columns: 3 }]);
    blad.getRange("B5").unmerge();
    await context.sync();
    expect(sheet.merges).toEqual([{ row: 5, column: 0, rows: 1, columns: 3 }]);
    blad.getRange("C6:D6").merge();
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    blad.getRange("A2").format.rowHeight = 500;
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("answers getMergedAreasOrNullObject for up to 512 areas in the range, and refuses the sync for more (the reference's limit)", async () => {
    const { model, sheet } = workbook();
    // 513 areas of two cells each, one a row, from row 11 down (A11:B11 … A523:B523).
    for (let r = 0; r < 513; r++) sheet.merges.push({ row: 10 + r, column: 0, rows: 1, columns: 2 });
    const first = new FakeContext(model);
    const fits = first.workbook.worksheets.getItem("Blad1").getRange("A11:B522").getMergedAreasOrNullObject().load("address");
    await first.sync();
    expect(fits.address.split(",")).toHaveLength(512);
    const second = new FakeContext(model);
    second.workbook.worksheets.getItem("Blad1").getRange().getMergedAreasOrNullObject().load("address");
    await expect(second.sync()).rejects.toMatchObject({ code: "GeneralException" });
  });
});
