import { TABLE_NAMES } from "../../src/data/package";
import { loadedFunctions } from "../support/custom-functions-fake";
import { WorkbookModel } from "../support/fake-excel";
import { paneFollowing, waardeCell } from "../support/following";
import { edition, largePackage, runLoadData, userWorkbook } from "../support/workbooks";
import { shippedPackage } from "../support/fixtures";

const { api, formula } = loadedFunctions();

/**
 * Review R1: a Waarde cell of MonitorData that holds a formula (`='Mijn analyse'!B2`, or
 * `=1200+53` typed and kept by pulls) shows a new result when what it depends on changes,
 * without any edit of MonitorData, so without a table change event. After Excel calculated
 * (WorksheetCollection.onCalculated), the MONITOR formulas show the new result; the re-read
 * is one column, and nothing at all where the column holds no formula. On the Excel fake.
 */
describe("a Waarde formula recalculated by Excel", () => {
  afterEach(() => api.resetData(shippedPackage()));

  async function following(pkg = edition) {
    const model = userWorkbook();
    await runLoadData(model, pkg);
    const { follower, told: states, syncs } = paneFollowing(model, api);
    return { model, follower, states, at: (group: string) => waardeCell(model, group), syncs };
  }

  /** The Italians' Waarde as a formula over the analyst's own sheet, showing what Excel calculated. */
  function formulaOverMySheet(model: WorkbookModel, cell: { row: number; column: number }, value: number) {
    Object.assign(model.sheetNamed("Mijn analyse")?.cell(1, 1) ?? {}, { value });
    Object.assign(model.sheetNamed("Data")?.cell(cell.row, cell.column) ?? {}, { formula: "='Mijn analyse'!B2", value });
  }

  it("shows the formula's new result after Excel calculated, with no edit of MonitorData", async () => {
    const { model, follower, states, at, syncs } = await following();
    const italians = at("Italiaans");
    formulaOverMySheet(model, italians, 1253);
    await follower.readAll();
    await follower.watch();
    const count = formula("AANTAL", "Italiaans", 2022, null);
    const germans = formula("AANTAL", "Duits", 2022, null);
    expect(count.current).toBe(1253);

    // The analyst types 1300 on their own sheet: no event of the table; Excel recalculates the Waarde formula.
    Object.assign(model.sheetNamed("Mijn analyse")?.cell(1, 1) ?? {}, { value: 1300 });
    const before = syncs();
    await model.calculated("Data", [{ ...italians, value: 1300 }]);

    expect(count.results).toEqual([1253, 1300]);
    expect(germans.results).toEqual([1162]); // only the formula whose figure changed got an answer
    expect(states.at(-1)).toMatchObject({ how: "edit", data: { kind: "found" } });
    // One sync for the table's place and whether Waarde holds formulas, one for the column, Excel.run's closing one.
    expect(syncs() - before).toBe(3);
    // Known to hold formulas now: the next calculation reads the column again, without asking.
    await model.calculated("Data", [{ ...italians, value: 1310 }]);
    expect(count.current).toBe(1310);
  });

  it("a calculation while the add-in writes is followed once the write is over, by the column, not a read of everything", async () => {
    const { model, follower, states, at } = await following();
    const italians = at("Italiaans");
    formulaOverMySheet(model, italians, 1253);
    await follower.readAll();
    await follower.watch();
    const count = formula("AANTAL", "Italiaans", 2022, null);
    const heard = states.length;
    await follower.during(async () => {
      await model.calculated("Data", [{ ...italians, value: 1300 }]);
      expect(count.current).toBe(1253); // not in the middle of the write
    });
    for (let turn = 0; turn < 50 && count.current !== 1300; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(count.current).toBe(1300);
    expect(states.slice(heard).map((s) => s.how)).toEqual(["edit"]);
  });

  it("reads one column, not the table: at 3,000 rows a calculation costs the syncs it costs at 112", async () => {
    const { model, follower, at, syncs } = await following(largePackage(3_000));
    const italians = at("Italiaans");
    formulaOverMySheet(model, italians, 1253);
    await follower.readAll();
    await follower.watch();
    const count = formula("AANTAL", "Italiaans", 2022, null);
    const before = syncs();
    const bytesBefore = model.batches.reduce((n, b) => n + b.responseBytes, 0);
    await model.calculated("Data", [{ ...italians, value: 1261 }]);
    expect(count.current).toBe(1261);
    expect(syncs() - before).toBe(3);
    // The answers hold one column of 3,000 rows: far less than the table's 16 columns would weigh.
    const read = model.batches.reduce((n, b) => n + b.responseBytes, 0) - bytesBefore;
    expect(read).toBeLessThan(3_000 * 16);
  });

  it("costs one look and then nothing when the Waarde column holds no formula", async () => {
    const { model, follower, at, syncs } = await following();
    await follower.readAll();
    await follower.watch();
    const count = formula("AANTAL", "Italiaans", 2022, null);
    const before = syncs();
    await model.calculated("Mijn analyse", [{ row: 2, column: 1, value: 84 }]);
    expect(syncs() - before).toBe(2); // whether Waarde holds a formula (no), and Excel.run's closing sync
    await model.calculated("Mijn analyse", [{ row: 2, column: 1, value: 86 }]);
    expect(syncs() - before).toBe(2); // known: nothing read
    expect(count.results).toEqual([1253]);
    // A formula typed into Waarde is an edit: after it, calculations are followed again.
    const italians = at("Italiaans");
    Object.assign(model.sheetNamed("Data")?.cell(italians.row, italians.column) ?? {}, { formula: "=1200+53", value: null });
    await model.fireTableChanged(TABLE_NAMES.observations, `G${italians.row + 1}`);
    formulaOverMySheet(model, italians, 1280);
    await model.calculated("Data", [{ ...italians, value: 1280 }]);
    expect(count.current).toBe(1280);
  });
});
