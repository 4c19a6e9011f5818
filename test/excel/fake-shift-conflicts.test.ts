import { FakeContext, fakeRun, OfficeError, TableModel, WorkbookModel } from "../support/fake-excel";
import { asExcel, snapshot } from "../support/workbooks";

/**
 * The fake, as Excel: an insert or delete that would cut a merged area or a table, or move the
 * cells of a filtered table, is refused with InsertDeleteConflict before anything moves; a
 * conditional format or validation rule only partly in the shifted columns is cut, its part in
 * them moving with the cells.
 */

function workbook(filtered = false) {
  const model = new WorkbookModel();
  const sheet = model.addSheet("Data");
  ["Naam", "Waarde"].forEach((h, c) => (sheet.cell(0, c).value = h));
  for (let r = 1; r <= 4; r++) sheet.cell(r, 0).value = `rij ${r}`;
  for (let r = 1; r <= 4; r++) sheet.cell(r, 1).value = r * 100;
  const table: TableModel = { name: "MonitorData", sheet, box: { row: 0, column: 0, rows: 5, columns: 2 }, style: "TableStyleMedium2", filtered };
  model.tables.push(table);
  return { model, sheet, table };
}

async function run(model: WorkbookModel, body: (context: Excel.RequestContext) => void): Promise<unknown> {
  try {
    await fakeRun(model, async (context) => {
      body(asExcel(context));
      await context.sync();
    });
    return null;
  } catch (error) {
    return error;
  }
}

const conflict = expect.objectContaining({ code: "InsertDeleteConflict" }) as unknown as OfficeError;

describe("what Excel refuses to shift", () => {
  it.each([
    ["an insert below the table, a merged area under it reaching past its columns", (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Data").getRange("A6:B7").insert("Down")],
    ["a delete of table rows, the same merged area below", (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Data").getRange("A3:B3").delete("Up")],
  ])("%s: refused, nothing moved", async (_what, act) => {
    const { model, sheet } = workbook();
    sheet.merges.push({ row: 9, column: 1, rows: 1, columns: 3 }); // B10:D10
    const before = snapshot(model);
    expect(await run(model, act)).toEqual(conflict);
    expect(snapshot(model)).toBe(before);
  });

  it("a delete of table rows with a table of the user's below, partly in the same columns: refused", async () => {
    const { model, sheet } = workbook();
    ["Eigen", "Kolom"].forEach((h, c) => (sheet.cell(10, 1 + c).value = h));
    model.tables.push({ name: "Mijn", sheet, box: { row: 10, column: 1, rows: 2, columns: 2 }, style: "TableStyleLight1" });
    const before = snapshot(model);
    expect(await run(model, (c) => c.workbook.worksheets.getItem("Data").getRange("A3:B3").delete("Up"))).toEqual(conflict);
    expect(snapshot(model)).toBe(before);
  });

  it("a merged area wholly in the shifted columns moves along", async () => {
    const { model, sheet } = workbook();
    sheet.merges.push({ row: 9, column: 0, rows: 1, columns: 2 }); // A10:B10
    expect(await run(model, (c) => c.workbook.worksheets.getItem("Data").getRange("A6:B7").insert("Down"))).toBeNull();
    expect(sheet.merges).toEqual([{ row: 11, column: 0, rows: 1, columns: 2 }]);
  });

  it("a rule partly in the shifted columns is cut: its part in them moves, the rest stays", async () => {
    const { model, sheet } = workbook();
    sheet.conditionalFormats.push({ row: 7, column: 1, rows: 3, columns: 3, type: "Custom", formula: "=$D$1>0" }); // B8:D10
    sheet.dataValidations.push({ row: 7, column: 0, rows: 1, columns: 3, type: "List", formula: "=$F$1:$F$3" }); // A8:C8
    expect(await run(model, (c) => c.workbook.worksheets.getItem("Data").getRange("A6:B7").insert("Down"))).toBeNull();
    expect(sheet.conditionalFormats).toEqual([
      { row: 9, column: 1, rows: 3, columns: 1, type: "Custom", formula: "=$D$1>0" },
      { row: 7, column: 2, rows: 3, columns: 2, type: "Custom", formula: "=$D$1>0" },
    ]);
    expect(sheet.dataValidations).toEqual([
      { row: 9, column: 0, rows: 1, columns: 2, type: "List", formula: "=$F$1:$F$3" },
      { row: 7, column: 2, rows: 1, columns: 1, type: "List", formula: "=$F$1:$F$3" },
    ]);
  });
});

describe("a table with an active filter", () => {
  it("reports it through Table.autoFilter.isDataFiltered, and clearFilters takes it off", async () => {
    const { model, table } = workbook(true);
    const context = new FakeContext(model);
    const read = () => context.workbook.tables.getItem("MonitorData").autoFilter.load("isDataFiltered");
    const first = read();
    await context.sync();
    expect(first.isDataFiltered).toBe(true);
    context.workbook.tables.getItem("MonitorData").clearFilters();
    const second = read();
    await context.sync();
    expect([second.isDataFiltered, table.filtered]).toEqual([false, false]);
  });

  it.each([
    ["deleting rows of its body with Range.delete", (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Data").getRange("A3:B4").delete("Up")],
    ["deleting a table row", (c: Excel.RequestContext) => c.workbook.tables.getItem("MonitorData").rows.getItemAt(1).delete()],
    ["adding table rows", (c: Excel.RequestContext) => void c.workbook.tables.getItem("MonitorData").rows.add(0, [["nieuw", 1]])],
    ["inserting cells inside it", (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Data").getRange("A3:B3").insert("Down")],
  ])("%s is refused, nothing moved", async (_what, act) => {
    const { model } = workbook(true);
    const before = snapshot(model);
    expect(await run(model, act)).toEqual(conflict);
    expect(snapshot(model)).toBe(before);
  });

  it("lets cells below it be inserted (its own cells do not move), and its rows be deleted once the filter is cleared", async () => {
    const { model, sheet, table } = workbook(true);
    sheet.cell(8, 0).value = "onder de tabel";
    expect(await run(model, (c) => c.workbook.worksheets.getItem("Data").getRange("A6:B6").insert("Down"))).toBeNull();
    expect(sheet.cell(9, 0).value).toBe("onder de tabel");
    expect(
      await run(model, (c) => {
        c.workbook.tables.getItem("MonitorData").clearFilters();
        c.workbook.worksheets.getItem("Data").getRange("A3:B3").delete("Up");
      }),
    ).toBeNull();
    expect(table.box.rows).toBe(4);
    expect(sheet.values(table.box).map((r) => r[0])).toEqual(["Naam", "rij 1", "rij 3", "rij 4"]);
  });
});

describe("a formula's spilled range (a dynamic array)", () => {
  /** `=SORT(…)` of the user's in B10, its results spilling over B10:D12 (past the table's two columns). */
  function spilling(box = { row: 9, column: 1 }, size = { rows: 3, columns: 3 }) {
    const { model, sheet, table } = workbook();
    Object.assign(sheet.cell(box.row, box.column), { formula: "=SORT(F1:H3)", spill: size });
    return { model, sheet, table };
  }

  it("is found from its anchor (getSpillingToRange) and from a cell it spills into (getSpillParent), as Excel finds them", async () => {
    const { model } = spilling();
    const context = new FakeContext(model);
    const sheet = context.workbook.worksheets.getItem("Data");
    const spill = sheet.getRange("B10").getSpillingToRangeOrNullObject().load("address");
    const parent = sheet.getRange("D12").getSpillParentOrNullObject().load("address");
    const none = sheet.getRange("A10").getSpillingToRangeOrNullObject().load("address");
    await context.sync();
    expect([spill.address, parent.address, none.isNullObject]).toEqual(["Data!B10:D12", "Data!B10", true]);
  });

  it.each([
    ["an insert below the table, the spill under it reaching past its columns", (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Data").getRange("A6:B7").insert("Down")],
    ["a delete of table rows, the same spill below", (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Data").getRange("A3:B3").delete("Up")],
    ["adding table rows, the same spill below", (c: Excel.RequestContext) => void c.workbook.tables.getItem("MonitorData").rows.add(undefined, [["nieuw", 1]])],
  ])("%s: refused, nothing moved", async (_what, act) => {
    const { model } = spilling();
    const before = snapshot(model);
    expect(await run(model, act)).toEqual(conflict);
    expect(snapshot(model)).toBe(before);
  });

  it("an insert through the middle of a spill in the shifted columns is refused as well (it would split it)", async () => {
    const { model } = spilling({ row: 9, column: 0 }, { rows: 4, columns: 2 }); // A10:B13
    const before = snapshot(model);
    expect(await run(model, (c) => c.workbook.worksheets.getItem("Data").getRange("A11:B11").insert("Down"))).toEqual(conflict);
    expect(snapshot(model)).toBe(before);
  });

  it("a spill wholly in the shifted columns moves along with its anchor, and one beside them stays", async () => {
    const { model, sheet } = spilling({ row: 9, column: 0 }, { rows: 3, columns: 2 }); // A10:B12
    Object.assign(sheet.cell(9, 3), { formula: "=SEQUENCE(5)", spill: { rows: 5, columns: 1 } }); // D10:D14, beside
    expect(await run(model, (c) => c.workbook.worksheets.getItem("Data").getRange("A6:B7").insert("Down"))).toBeNull();
    expect(sheet.cells.get("11,0")).toMatchObject({ formula: "=SORT(F1:H3)", spill: { rows: 3, columns: 2 } });
    expect(sheet.cells.get("9,3")).toMatchObject({ formula: "=SEQUENCE(5)", spill: { rows: 5, columns: 1 } });
  });
});
