import { ChartModel, fakeRun, WorkbookModel } from "../support/fake-excel";
import { asExcel } from "../support/workbooks";

/**
 * The fake, as Excel: when Range.insert or Range.delete (or a table's rows) shift cells, every
 * reference to them follows: cell formulas on any sheet, defined names, chart series' sources and
 * the formulas of conditional formats and validation rules. A reference to a deleted cell breaks.
 */

function workbook() {
  const model = new WorkbookModel();
  const data = model.addSheet("Data");
  for (let r = 0; r < 12; r++) data.cell(r, 0).value = r * 10;
  const mine = model.addSheet("Mijn analyse");
  const formulas: Record<string, string> = {
    below: "=Data!A6", // row 6: moves with an insert above it
    above: "=Data!$A$2", // row 2: stays
    area: "=SUM(Data!A2:A10)", // grows or shrinks
    deleted: "=Data!A4*2", // row 4: deleted by the delete below
    otherColumn: "=Data!C6", // column C is not shifted
    partly: "=SUM(Data!A6:C6)", // partly in the shifted columns: left as it is
    text: '="Data!A6"&LOG10(100)', // a string and a function, not references
    table: "=SUM(MonitorData[Waarde])",
  };
  Object.entries(formulas).forEach(([, formula], r) => Object.assign(mine.cell(r, 0), { formula, value: 1 }));
  Object.assign(data.cell(20, 1), { formula: "=A6+A4", value: 90 }); // on the shifted sheet itself, unprefixed
  model.names.push({ name: "Eerste", formula: "=Data!$A$6", sheet: null });
  model.names.push({ name: "Vierde", formula: "=Data!$A$4", sheet: mine }); // a sheet's own name, into row 4
  mine.conditionalFormats.push({ row: 0, column: 2, rows: 3, columns: 1, type: "Custom", formula: "=C1>Data!$A$6" });
  // On the shifted sheet: a rule over A5:A9 whose formula names its own first cell (relative) and an absolute one.
  data.conditionalFormats.push({ row: 4, column: 0, rows: 5, columns: 1, type: "Custom", formula: "=A5>$A$12" });
  data.dataValidations.push({ row: 4, column: 0, rows: 5, columns: 1, type: "List", formula: "=$A$1:$A$3" });
  mine.charts.push({ name: "Mijn grafiek", dataSources: [{ values: "=Data!$A$5:$A$9", categories: "='Mijn analyse'!$A$1:$A$5" }] } as ChartModel);
  return { model, data, mine, rows: Object.keys(formulas) };
}

async function shift(model: WorkbookModel, how: "insert" | "delete", address: string) {
  await fakeRun(model, async (context) => {
    const range = asExcel(context).workbook.worksheets.getItem("Data").getRange(address);
    if (how === "insert") range.insert("Down");
    else range.delete("Up");
    await context.sync();
  });
}

const formulasOf = (mine: ReturnType<typeof workbook>["mine"], rows: string[]) => Object.fromEntries(rows.map((key, r) => [key, [mine.cell(r, 0).formula, mine.cell(r, 0).value]]));

describe("references follow cells that Excel shifts", () => {
  it("an insert of two rows at row 3 in column A moves what names row 3 and below", async () => {
    const { model, data, mine, rows } = workbook();
    await shift(model, "insert", "A3:A4");
    expect(formulasOf(mine, rows)).toEqual({
      below: ["=Data!A8", 1],
      above: ["=Data!$A$2", 1],
      area: ["=SUM(Data!A2:A12)", 1],
      deleted: ["=Data!A6*2", 1],
      otherColumn: ["=Data!C6", 1],
      partly: ["=SUM(Data!A6:C6)", 1],
      text: ['="Data!A6"&LOG10(100)', 1],
      table: ["=SUM(MonitorData[Waarde])", 1],
    });
    expect(data.cell(20, 1).formula).toBe("=A8+A6");
    expect(model.names[0].formula).toBe("=Data!$A$8");
    expect(mine.conditionalFormats[0].formula).toBe("=C1>Data!$A$8");
    expect(mine.charts[0].dataSources).toEqual([{ values: "=Data!$A$7:$A$11", categories: "='Mijn analyse'!$A$1:$A$5" }]);
    // The rule moved with its cells: its relative reference still names its first cell, the absolute one followed its cell.
    expect(data.conditionalFormats[0]).toMatchObject({ row: 6, rows: 5, formula: "=A7>$A$14" });
    // Its list's source A1:A3 had the rows inserted inside it: it grew, as an area does.
    expect(data.dataValidations[0]).toMatchObject({ row: 6, formula: "=$A$1:$A$5" });
  });

  it("a delete of rows 3 and 4 in column A breaks what named them and moves what named rows below", async () => {
    const { model, data, mine, rows } = workbook();
    await shift(model, "delete", "A3:A4");
    expect(formulasOf(mine, rows)).toEqual({
      below: ["=Data!A4", 1],
      above: ["=Data!$A$2", 1],
      area: ["=SUM(Data!A2:A8)", 1],
      deleted: ["=Data!#REF!*2", "#REF!"],
      otherColumn: ["=Data!C6", 1],
      partly: ["=SUM(Data!A6:C6)", 1],
      text: ['="Data!A6"&LOG10(100)', 1],
      table: ["=SUM(MonitorData[Waarde])", 1],
    });
    expect([data.cell(20, 1).formula, data.cell(20, 1).value]).toEqual(["=A4+#REF!", "#REF!"]);
    expect(mine.charts[0].dataSources?.[0].values).toBe("=Data!$A$3:$A$7");
    // A defined name follows its cell as a formula does, and its reference to a deleted one breaks.
    expect(model.names.map((n) => n.formula)).toEqual(["=Data!$A$4", "=Data!#REF!"]);
    expect(data.conditionalFormats[0]).toMatchObject({ row: 2, rows: 5, formula: "=A3>$A$10" });
  });

  it("a delete inside a rule's range shrinks it and leaves its formula naming its first cell", async () => {
    const { model, data } = workbook();
    await shift(model, "delete", "A5:A6"); // the rule's first two rows (A5:A9)
    expect(data.conditionalFormats[0]).toMatchObject({ row: 4, rows: 3, formula: "=A5>$A$10" });
    expect(data.dataValidations[0]).toMatchObject({ row: 4, rows: 3, formula: "=$A$1:$A$3" });
  });

  it("a sheet reference is matched by name, quoted or not, and only for the shifted sheet", async () => {
    const model = new WorkbookModel();
    model.addSheet("Data 2022");
    const mine = model.addSheet("Mijn analyse");
    Object.assign(mine.cell(0, 0), { formula: "='Data 2022'!B5+Data!B5+B5", value: 3 });
    await fakeRun(model, async (context) => {
      asExcel(context).workbook.worksheets.getItem("Data 2022").getRange("B2").insert("Down");
      await context.sync();
    });
    expect(mine.cell(0, 0).formula).toBe("='Data 2022'!B6+Data!B5+B5");
  });

  it("table rows added and deleted move references as a range insert and delete do", async () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Data");
    ["Naam", "Waarde"].forEach((h, c) => (sheet.cell(0, c).value = h));
    for (let r = 1; r <= 4; r++) Object.assign(sheet.cell(r, 0), { value: `r${r}` });
    model.tables.push({ name: "T", sheet, box: { row: 0, column: 0, rows: 5, columns: 2 }, style: "TableStyleMedium2" });
    const mine = model.addSheet("Mijn analyse");
    Object.assign(mine.cell(0, 0), { formula: "=Data!A5", value: "r4" });
    await fakeRun(model, async (context) => {
      asExcel(context).workbook.tables.getItem("T").rows.add(0, [["nieuw", 1]]);
      await context.sync();
    });
    expect(mine.cell(0, 0).formula).toBe("=Data!A6");
    await fakeRun(model, async (context) => {
      asExcel(context).workbook.tables.getItem("T").rows.getItemAt(4).delete();
      await context.sync();
    });
    expect([mine.cell(0, 0).formula, mine.cell(0, 0).value]).toEqual(["=Data!#REF!", "#REF!"]);
  });
});
