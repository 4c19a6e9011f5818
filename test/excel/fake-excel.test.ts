import { FakeContext, OfficeError, WorkbookModel } from "../support/fake-excel";

/** The Excel fake models what Microsoft documents (each behaviour cites its source in fake-excel.ts). */
describe("the Excel fake", () => {
  const workbook = () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Blad1");
    Object.assign(sheet.cell(0, 0), { value: "a" });
    Object.assign(sheet.cell(4, 3), { fill: "#FFFF00" });
    return { model, sheet, context: new FakeContext(model) };
  };

  it("finds the cells with formulas as areas, joined down a column and side by side; none: a null object, or ItemNotFound from getSpecialCells", async () => {
    const { model, context } = workbook();
    const sheet = model.sheets[0];
    for (const [row, column] of [[1, 1], [2, 1], [3, 1], [1, 2], [2, 2], [3, 2], [6, 0], [8, 0]]) Object.assign(sheet.cell(row, column), { formula: "=1+1", value: 2 });
    const found = context.workbook.worksheets.getItem("Blad1").getRange().getSpecialCellsOrNullObject("Formulas").load("address,areaCount,cellCount");
    const areas = found.areas;
    areas.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
    const none = model.addSheet("Leeg");
    Object.assign(none.cell(0, 0), { value: "geen formule" });
    const nothing = context.workbook.worksheets.getItem("Leeg").getRange().getSpecialCellsOrNullObject("Formulas").load("cellCount");
    await context.sync();
    expect([found.address, found.areaCount, found.cellCount]).toEqual(["Blad1!B2:C4,Blad1!A7,Blad1!A9", 3, 8]);
    expect(areas.items.map((a) => [a.rowIndex, a.columnIndex, a.rowCount, a.columnCount])).toEqual([[1, 1, 3, 2], [6, 0, 1, 1], [8, 0, 1, 1]]);
    expect(nothing.isNullObject).toBe(true);
    context.workbook.worksheets.getItem("Leeg").getRange().getSpecialCells("Formulas").load("cellCount");
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("reports the used range with formatted cells by default, without them for valuesOnly", async () => {
    const { context } = workbook();
    const sheet = context.workbook.worksheets.getItem("Blad1");
    const [all, values] = [sheet.getUsedRangeOrNullObject().load("address"), sheet.getUsedRangeOrNullObject(true).load("address")];
    await context.sync();
    expect([all.address, values.address]).toEqual(["Blad1!A1:D5", "Blad1!A1"]);
  });

  it("clears by type: Contents keeps formats, Formats keeps values, All removes both", async () => {
    const { model, sheet, context } = workbook();
    Object.assign(sheet.cell(4, 3), { value: 7, bold: true });
    context.workbook.worksheets.getItem("Blad1").getRange("D5").clear("Contents");
    await context.sync();
    expect(sheet.cell(4, 3)).toMatchObject({ value: null, fill: "#FFFF00", bold: true });
    Object.assign(sheet.cell(4, 3), { value: 8 });
    context.workbook.worksheets.getItem("Blad1").getRange("D5").clear("Formats");
    await context.sync();
    expect(sheet.cell(4, 3)).toEqual({ value: 8, formula: null, numberFormat: "General" });
    context.workbook.worksheets.getItem("Blad1").getRange("A1:D5").clear();
    await context.sync();
    expect(model.sheets[0].cells.size).toBe(0);
  });

  it("clears as Excel.ClearApplyTo says: All everything (notes, comments, rules too), the others their part only", async () => {
    const cleared = async (applyTo: string) => {
      const { sheet, context } = workbook();
      Object.assign(sheet.cell(1, 1), { value: 7, numberFormat: "0.0%", bold: true, fill: "#FFFF00", hyperlink: { address: "https://www.leiden.nl" } });
      sheet.notes.push({ row: 1, column: 1, text: "note" }, { row: 9, column: 9, text: "elsewhere" });
      sheet.comments.push({ row: 1, column: 1, text: "comment" });
      sheet.merges.push({ row: 2, column: 1, rows: 1, columns: 2 });
      // Rules over B1:B5: clearing B2:C3 takes their cells B2:B3 out, B1 and B4:B5 keep them.
      sheet.conditionalFormats.push({ row: 0, column: 1, rows: 5, columns: 1, formula: "=B1>1" });
      sheet.dataValidations.push({ row: 0, column: 1, rows: 5, columns: 1, type: "List", formula: "=$Z$1:$Z$3" });
      context.workbook.worksheets.getItem("Blad1").getRange("B2:C3").clear(applyTo);
      await context.sync();
      const { notes, comments, merges, conditionalFormats, dataValidations } = sheet;
      return { cell: sheet.cells.get("1,1") ?? null, notes: notes.length, comments: comments.length, merges: merges.length, conditionalFormats, dataValidations };
    };
    const whole = [{ row: 0, column: 1, rows: 5, columns: 1 }];
    const cut = [
      { row: 0, column: 1, rows: 1, columns: 1 },
      { row: 3, column: 1, rows: 2, columns: 1 },
    ];
    const rules = (cf: object[], dv: object[]) => ({ conditionalFormats: cf.map((b) => ({ ...b, formula: "=B1>1" })), dataValidations: dv.map((b) => ({ ...b, type: "List", formula: "=$Z$1:$Z$3" })) });
    const link = { hyperlink: { address: "https://www.leiden.nl" } };
    expect(await cleared("All")).toEqual({ cell: null, notes: 1, comments: 0, merges: 0, ...rules(cut, cut) });
    expect(await cleared("Contents")).toEqual({ cell: { value: null, formula: null, numberFormat: "0.0%", bold: true, fill: "#FFFF00", ...link }, notes: 2, comments: 1, merges: 1, ...rules(whole, whole) });
    expect(await cleared("ResetContents")).toEqual(await cleared("Contents"));
    expect(await cleared("Formats")).toEqual({ cell: { value: 7, formula: null, numberFormat: "General", ...link }, notes: 2, comments: 1, merges: 0, ...rules(cut, whole) });
    expect(await cleared("Hyperlinks")).toEqual({ cell: { value: 7, formula: null, numberFormat: "0.0%", bold: true, fill: "#FFFF00" }, notes: 2, comments: 1, merges: 1, ...rules(whole, whole) });
    expect(await cleared("RemoveHyperlinks")).toEqual({ cell: { value: 7, formula: null, numberFormat: "General" }, notes: 2, comments: 1, merges: 0, ...rules(whole, whole) });
  });

  it("raises the change events of the add-in's own writes after their sync, with triggerSource ThisLocalAddin from ExcelApi 1.14 (review R15)", async () => {
    const heard = async (excelApi: string) => {
      const { model, sheet, context } = workbook();
      model.excelApi = excelApi;
      model.tables.push({ name: "T", sheet, box: { row: 1, column: 1, rows: 3, columns: 2 }, style: "TableStyleMedium2" });
      const events: unknown[] = [];
      context.workbook.worksheets.onChanged.add((event) => void events.push(event));
      context.workbook.tables.onChanged.add((event) => void events.push(event));
      await context.sync();
      context.workbook.worksheets.getItem("Blad1").getRange("C3:D3").values = [[1, 2]];
      await context.sync();
      const during = events.length; // none yet: they come after the sync, not in it
      await model.settled();
      return { during, events };
    };
    const table = { type: "TableChanged", source: "Local", tableId: expect.any(String), worksheetId: "{sheet-1}", address: "C3", changeType: "RangeEdited" };
    const sheet = { type: "WorksheetChanged", source: "Local", worksheetId: "{sheet-1}", address: "C3:D3", changeType: "RangeEdited" };
    expect(await heard("1.18")).toEqual({ during: 0, events: [table, { ...sheet, triggerSource: "ThisLocalAddin" }] });
    expect(await heard("1.13")).toEqual({ during: 0, events: [table, sheet] });
  });

  it("copies a sheet without its custom properties (office-js #5486)", () => {
    const { model, sheet } = workbook();
    sheet.customProperties.set("LeidenMonitor", "{}");
    const copy = model.copySheet("Blad1", "Blad1 (2)");
    expect(copy.customProperties.size).toBe(0);
    expect(copy.cell(4, 3).fill).toBe("#FFFF00");
  });

  it("refuses a request over 5 MB before running any of it, and a response over 5 MB", async () => {
    const { sheet, context } = workbook();
    const range = context.workbook.worksheets.getItem("Blad1").getRangeByIndexes(10, 0, 1, 1);
    range.values = [["x".repeat(6 * 1024 * 1024)]];
    await expect(context.sync()).rejects.toThrow("RequestPayloadSizeLimitExceeded");
    expect(sheet.cells.has("10,0")).toBe(false);
    Object.assign(sheet.cell(10, 0), { value: "y".repeat(6 * 1024 * 1024) });
    context.workbook.worksheets.getItem("Blad1").getRange("A11").load("values");
    await expect(context.sync()).rejects.toThrow("ResponsePayloadSizeLimitExceeded");
  });

  it("refuses an insert that would cut through merged cells with InsertDeleteConflict", async () => {
    const { sheet, context } = workbook();
    sheet.merges.push({ row: 8, column: 0, rows: 1, columns: 3 });
    context.workbook.worksheets.getItem("Blad1").getRangeByIndexes(2, 0, 2, 2).insert("Down");
    const error = await context.sync().catch((e: OfficeError) => e);
    expect((error as OfficeError).code).toBe("InsertDeleteConflict");
  });

  it("follows a renamed sheet in formulas and defined names, as Excel does", async () => {
    const { model, context } = workbook();
    const other = model.addSheet("Mijn");
    Object.assign(other.cell(0, 0), { formula: "=Blad1!A1&'Blad1'!B2" });
    model.names.push({ name: "Eerste", formula: "=Blad1!$A$1", sheet: null });
    context.workbook.worksheets.getItem("Blad1").name = "Blad 1 oud";
    await context.sync();
    expect(other.cell(0, 0).formula).toBe("='Blad 1 oud'!A1&'Blad 1 oud'!B2");
    expect(model.names[0].formula).toBe("='Blad 1 oud'!$A$1");
  });

  it("reads a formula's result in values and its text in formulas, never the text as a value", async () => {
    const { sheet, context } = workbook();
    const formulas = ["=1200+53", "=-(2+3)*4/8", "=1/0", "=A1+1", "=SUM(B6:B8)", "=[@Waarde]*2", "=1000+2"];
    formulas.forEach((formula, r) => Object.assign(sheet.cell(10 + r, 0), { value: null, formula }));
    sheet.cell(16, 0).value = 1002; // the result Excel calculated, stored with the formula
    const range = context.workbook.worksheets.getItem("Blad1").getRangeByIndexes(10, 0, formulas.length, 1).load(["values", "formulas"]);
    await context.sync();
    expect(range.values.map(([v]) => v)).toEqual([1253, -2.5, "#DIV/0!", "#CALC!", "#CALC!", "#CALC!", 1002]);
    expect(range.formulas.map(([f]) => f)).toEqual(formulas);
  });

  it("reads what the add-in wrote as a formula as its result too, after the sync that wrote it", async () => {
    const { context } = workbook();
    const cells = context.workbook.worksheets.getItem("Blad1").getRange("C1:C2");
    cells.values = [["=6*7"], ["=Blad1!A1"]];
    await context.sync();
    cells.load("values");
    await context.sync();
    expect(cells.values).toEqual([[42], ["#CALC!"]]);
  });
});
