import { TABLE_NAMES } from "../../src/data/package";
import { followWorkbook, insertFormula } from "../../src/taskpane/excel-actions";
import { loadedFunctions } from "../support/custom-functions-fake";
import { fakeRun, WorkbookModel } from "../support/fake-excel";
import { edition, runLoadData, tableNamed, userWorkbook } from "../support/workbooks";
import { shippedPackage } from "../support/fixtures";

const { api, formula } = loadedFunctions();

/**
 * Review R15: the pane's "insert formula" writes into the cell the analyst selected, through the
 * add-in's own API, so Excel's event for it says "ThisLocalAddin" and the follower passes it by
 * (ExcelApi 1.14). Put in a MonitorData cell, it is the analyst's edit all the same: the
 * functions follow it.
 */
describe("a formula the pane inserts into a MonitorData cell", () => {
  let model: WorkbookModel;
  const saved = (globalThis as { Excel?: unknown }).Excel;
  beforeEach(async () => {
    model = userWorkbook();
    await runLoadData(model, edition);
    await model.settled();
    api.forgetData();
    Object.assign(globalThis, { Excel: { run: async <T>(body: (context: unknown) => Promise<T>) => (await fakeRun(model, body as never)).result } });
  });
  afterEach(() => {
    Object.assign(globalThis, { Excel: saved });
    api.resetData(shippedPackage());
  });

  it("is followed as the analyst's edit: the MONITOR formulas show its result", async () => {
    const germans = formula("AANTAL", "Duits", 2022, null);
    await followWorkbook(edition, () => undefined);
    const table = tableNamed(model, TABLE_NAMES.observations)!;
    const at = table.sheet.values(table.box).findIndex((r) => r[1] === "inwoners" && r[2] === "Leiden" && r[3] === "Duits" && r[5] === "2022" && r[4] === "");
    model.selection = { sheet: table.sheet.name, box: { row: table.box.row + at, column: table.box.column + 6, rows: 1, columns: 1 } };
    expect(await insertFormula("=1100+70")).toBe(`Data!G${table.box.row + at + 1}`);
    await model.settled();
    expect(table.sheet.cell(table.box.row + at, table.box.column + 6).formula).toBe("=1100+70");
    expect(germans.results).toEqual([1162, 1170]);
  });
});
