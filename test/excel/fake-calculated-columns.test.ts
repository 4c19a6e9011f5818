import { FakeContext, TableModel, WorkbookModel } from "../support/fake-excel";
import { asExcel } from "../support/workbooks";

/**
 * The fake, as Excel: a column of a table whose every body cell holds the same formula is a
 * calculated column, and rows the table gains (TableRowCollection.add, Table.resize) get its
 * formula where they are blank, unless the user turned AutoCorrect's "Fill formulas in tables to
 * create calculated columns" off (test/support/fake-calculated-columns.ts).
 */

/** A table A1:C4 (Naam, Waarde, Dubbel): Dubbel is `=[@Waarde]*2` in every row. */
function workbook(dubbel: (r: number) => string = () => "=[@Waarde]*2") {
  const model = new WorkbookModel();
  const sheet = model.addSheet("Data");
  ["Naam", "Waarde", "Dubbel"].forEach((h, c) => (sheet.cell(0, c).value = h));
  for (let r = 1; r <= 3; r++) Object.assign(sheet.cell(r, 0), { value: `rij ${r}` });
  for (let r = 1; r <= 3; r++) Object.assign(sheet.cell(r, 1), { value: r * 100 });
  for (let r = 1; r <= 3; r++) Object.assign(sheet.cell(r, 2), { formula: dubbel(r), value: null });
  const table: TableModel = { name: "Tabel", sheet, box: { row: 0, column: 0, rows: 4, columns: 3 }, style: "TableStyleLight1" };
  model.tables.push(table);
  return { model, sheet, table };
}

async function act(model: WorkbookModel, body: (context: Excel.RequestContext) => void) {
  const context = new FakeContext(model);
  body(asExcel(context));
  await context.sync();
}

const column = (sheet: WorkbookModel["sheets"][number], c: number, rows: number) => Array.from({ length: rows }, (_, r) => sheet.cells.get(`${r + 1},${c}`)?.formula ?? sheet.cells.get(`${r + 1},${c}`)?.value ?? "");

describe("a calculated column", () => {
  it("fills rows added with TableRowCollection.add, even where they were given blank; a value given stays", async () => {
    const { model, sheet } = workbook();
    await act(model, (c) => void c.workbook.tables.getItem("Tabel").rows.add(undefined, [["nieuw", 400, ""], ["eigen", 500, 7]]));
    expect(column(sheet, 2, 5)).toEqual(["=[@Waarde]*2", "=[@Waarde]*2", "=[@Waarde]*2", "=[@Waarde]*2", 7]);
  });

  it("fills the blank rows a resize takes in, and leaves a cell that holds something", async () => {
    const { model, sheet } = workbook();
    sheet.cell(5, 2).value = "van mij";
    await act(model, (c) => c.workbook.tables.getItem("Tabel").resize("A1:C7"));
    expect(column(sheet, 2, 6)).toEqual(["=[@Waarde]*2", "=[@Waarde]*2", "=[@Waarde]*2", "=[@Waarde]*2", "van mij", "=[@Waarde]*2"]);
    expect(column(sheet, 1, 6)).toEqual([100, 200, 300, "", "", ""]); // no other column is filled
  });

  it.each([
    ["with AutoCorrect's option off", () => workbook(), (m: WorkbookModel) => (m.fillCalculatedColumns = false)],
    ["when one cell differs (an exception)", () => workbook((r) => (r === 2 ? "=[@Waarde]*3" : "=[@Waarde]*2")), () => undefined],
  ])("fills nothing %s", async (_what, make, set) => {
    const { model, sheet } = make();
    set(model);
    await act(model, (c) => void c.workbook.tables.getItem("Tabel").rows.add(undefined, [["nieuw", 400, ""]]));
    expect(sheet.cells.get("4,2")?.formula ?? null).toBeNull();
  });
});
