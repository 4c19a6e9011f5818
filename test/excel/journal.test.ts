import { Journal } from "../../src/excel/undo";
import { FakeContext, fakeRun, WorkbookModel } from "../support/fake-excel";
import { asExcel, sheetState } from "../support/workbooks";

/**
 * The journal's values written back: a sheet the add-in wrote (constants only, text written as
 * literal text) puts every text back as text, whatever it begins with. Read through `formulas`,
 * such a text has lost its apostrophe (office-js #6687; the fake models it), and written back as
 * read, "=1+1 (som)" would become a formula and "'s-Gravenhage" would lose its apostrophe.
 */
const TEXTS = ["=1+1 (som van twee wijken)", "+3 ten opzichte van 2021", "-voorlopig cijfer", "@gemeente", "'s-Gravenhage"];

describe("Journal: values written over, written back", () => {
  it("as text, in cells of any number format", async () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Vergelijking");
    // As the add-in writes them (writable/literal): each text quote-prefixed, a General cell and a Text one each.
    TEXTS.forEach((value, r) => {
      sheet.cells.set(`${r},0`, { value, formula: null, numberFormat: "General" });
      sheet.cells.set(`${r},1`, { value, formula: null, numberFormat: "@" });
    });
    sheet.cells.set("5,0", { value: 1253, formula: null, numberFormat: "General" });
    const before = JSON.stringify(sheetState(sheet));

    await fakeRun(model, async (fake: FakeContext) => {
      const context = asExcel(fake);
      const worksheet = context.workbook.worksheets.getItem("Vergelijking");
      const read = worksheet.getRange("A1:B6").load("formulas,numberFormat");
      await context.sync();
      expect(read.formulas.map((row) => row[0])).toEqual([...TEXTS, 1253]);
      const journal = new Journal(new Set(model.sheets.map((s) => s.id)));
      journal.overwriting(worksheet, "Vergelijking", 0, 0, read.formulas, read.numberFormat);
      worksheet.getRange("A1:B6").values = Array.from({ length: 6 }, (_, r) => [`nieuw ${r}`, r]);
      await context.sync();
      await journal.undo(context);
    });

    expect(sheet.cell(0, 0)).toMatchObject({ value: "=1+1 (som van twee wijken)", formula: null });
    expect(sheet.cell(4, 0)).toMatchObject({ value: "'s-Gravenhage", formula: null });
    expect(JSON.stringify(sheetState(sheet))).toBe(before);
  });
});
