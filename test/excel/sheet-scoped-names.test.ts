import { inspectWorkbook } from "../../src/excel/inspect";
import { MARK_KEY } from "../../src/excel/marks";
import { fakeRun, WorkbookModel } from "../support/fake-excel";
import { asExcel, generatedWorkbook, runRegenerate, sheetNamed, sheetState } from "../support/workbooks";

/**
 * A defined name can belong to a sheet (Excel.NamedItemScope "Worksheet", ExcelApi 1.4), and
 * Workbook.names does not list it. One on the user's sheet that points into an indicator sheet
 * keeps that sheet, as a workbook's name does; the names of all sheets are read in one sync.
 */
describe("names scoped to a sheet", () => {
  it("a name of the user's sheet pointing into an indicator sheet keeps that sheet unchanged, and a fresh one is built", async () => {
    const model = await generatedWorkbook();
    const woonduur = sheetNamed(model, "Woonduur");
    model.names.push({ name: "KortWonend", formula: "=Woonduur!$B$6", sheet: sheetNamed(model, "Mijn analyse") });
    const theirs = JSON.stringify(sheetState(woonduur));
    const { result } = await runRegenerate(model);
    if (!result.ok) throw new Error("regenerate failed");
    expect(result.kept).toEqual([{ key: "woonduur", name: "Woonduur 2026-11-25", was: "Woonduur", why: "referenced", by: [{ kind: "name", name: "KortWonend" }], moves: false }]);
    expect(woonduur.name).toBe("Woonduur 2026-11-25");
    expect(JSON.stringify(sheetState(woonduur))).toBe(theirs);
    expect(woonduur.customProperties.has(MARK_KEY)).toBe(false);
    expect(model.names).toEqual([{ name: "KortWonend", formula: "='Woonduur 2026-11-25'!$B$6", sheet: sheetNamed(model, "Mijn analyse") }]);
  });

  it("are listed with the workbook's, read in the same number of syncs for one sheet as for many", async () => {
    const syncsFor = async (sheets: number) => {
      const model = new WorkbookModel();
      for (let i = 0; i < sheets; i++) model.addSheet(`Blad${i + 1}`);
      model.names.push({ name: "Totaal", formula: "=Blad1!$A$1", sheet: null });
      model.names.push({ name: "Eigen", formula: "=Blad1!$B$2", sheet: sheetNamed(model, "Blad1") });
      const { result, syncs } = await fakeRun(model, (context) => inspectWorkbook(asExcel(context), { marks: true, content: true }));
      return { names: result.names, syncs };
    };
    const one = await syncsFor(1);
    const many = await syncsFor(30);
    expect(one.names).toEqual([
      { name: "Totaal", formula: "=Blad1!$A$1" },
      { name: "Eigen", formula: "=Blad1!$B$2" },
    ]);
    expect(many.names).toEqual(one.names);
    expect(many.syncs).toBe(one.syncs);
  });
});
