import { CELL_BORDERS, FakeContext, WorkbookModel } from "../support/fake-excel";

/** What a ClientResult holds once its sync went through. */
const settled = <T>(result: { value: T }) => result.value;

/** Range.getCellProperties and setCellProperties on the Excel fake (ExcelApi 1.9; see fake-excel.ts). */
describe("the Excel fake's cell properties", () => {
  it("answers borders by the edges Excel.CellBorderCollection names, and sets back what it answered, leaving the rest", async () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Blad1");
    Object.assign(sheet.cell(0, 0), { value: 1, fill: "#FFFF00", bold: true, borders: { bottom: "Continuous" }, horizontalAlignment: "Center" });
    Object.assign(sheet.cell(0, 1), { value: 2 });
    const context = new FakeContext(model);
    const range = context.workbook.worksheets.getItem("Blad1").getRange("A1:B1");
    const props = range.getCellProperties({ format: { fill: { color: true, pattern: true }, font: { bold: true, italic: true }, borders: { style: true }, horizontalAlignment: true } });
    await context.sync();
    const [first, second] = settled(props)[0];
    expect(first).toEqual({ format: { fill: { color: "#FFFF00", pattern: "Solid" }, font: { bold: true, italic: false }, borders: { ...Object.fromEntries(CELL_BORDERS.map((edge) => [edge, { style: "None" }])), bottom: { style: "Continuous" } }, horizontalAlignment: "Center" } });
    // Swapped: the first cell gets the second's (Excel's defaults: no format of its own), the second the first's.
    range.setCellProperties([[second, first]] as Excel.SettableCellProperties[][]);
    await context.sync();
    expect(sheet.cell(0, 0)).toEqual({ value: 1, formula: null, numberFormat: "General" });
    expect(sheet.cell(0, 1)).toEqual({ value: 2, formula: null, numberFormat: "General", fill: "#FFFF00", bold: true, borders: { bottom: "Continuous" }, horizontalAlignment: "Center" });
    // What is not given is not changed ("Any subproperties of format that are not set will not be changed").
    range.setCellProperties([[{ format: { font: { italic: true } } }, {}]]);
    await context.sync();
    expect(sheet.cell(0, 0)).toEqual({ value: 1, formula: null, numberFormat: "General", italic: true });
    expect(sheet.cell(0, 1).fill).toBe("#FFFF00");
  });

  it("refuses properties that do not match the range's size", async () => {
    const context = new FakeContext(new WorkbookModel());
    context.model.addSheet("Blad1");
    context.workbook.worksheets.getItem("Blad1").getRange("A1:B1").setCellProperties([[{}]]);
    await expect(context.sync()).rejects.toThrow(/InvalidArgument/);
  });
});
