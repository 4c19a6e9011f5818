import { TABLE_NAMES } from "../../src/data/package";
import { MonitorPackage } from "../../src/data/types";
import { WorkbookFollower } from "../../src/excel/follow";
import { loadedFunctions } from "../support/custom-functions-fake";
import { WorkbookModel } from "../support/fake-excel";
import { paneFollowing } from "../support/following";
import { edition, runLoadData, tableNamed, userWorkbook } from "../support/workbooks";
import { shippedPackage } from "../support/fixtures";

/**
 * Review R15: Excel raises the change events of the add-in's own writes too, after their syncs
 * (the fake does, see WorkbookModel.raiseChanges), with triggerSource "ThisLocalAddin" on a
 * worksheet's event where Excel has ExcelApi 1.14. A pull written while the follower watches:
 * its own writes are not taken for the analyst's edits (no formula answered again, the pane
 * told once, by the read after the pull), start no reads of their own, and an edit the analyst
 * makes while the pull writes still reaches the formulas.
 */
const { api, formula } = loadedFunctions();
const count = (group: string) => formula("AANTAL", group, 2022, null);

/** The edition with Italiaans 2022 at 1300 and a figure more (a row added): the pull writes one cell and adds a row. */
const corrected: MonitorPackage = {
  ...edition,
  observations: [
    ...edition.observations.map((o) => (o.indicator === "inwoners" && o.groep === "Italiaans" && o.periode === "2022" && o.gebied === "Leiden" && !o.leeftijd ? { ...o, waarde: 1300 } : o)),
    { ...edition.observations.find((o) => o.indicator === "inwoners" && o.groep === "Italiaans" && o.periode === "2022")!, gebied: "Slaaghwijk", waarde: 40 },
  ],
};

async function followed(excelApi = "1.18") {
  const model = userWorkbook();
  model.excelApi = excelApi;
  await runLoadData(model);
  await model.settled();
  const { follower, states, syncs } = paneFollowing(model, api);
  await follower.readAll();
  await follower.watch();
  return { model, follower, states, syncs };
}

/** Lets every event Excel still owes arrive, and the follower's work for them finish. */
async function later(model: WorkbookModel): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await model.settled();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** The pull as the pane runs it: written while the follower holds, then the tables read again. */
async function pull(model: WorkbookModel, follower: WorkbookFollower, meanwhile?: () => Promise<void>) {
  let syncs = 0;
  const { result } = await follower.during(() => runLoadData(model, corrected, { syncLimit: 8 * 1024, onProgress: () => void (++syncs === 2 && meanwhile?.()) }));
  expect(result.ok).toBe(true);
  await follower.readAll();
}

/** Where Duits 2022's figure is (row, column of its Waarde cell): a figure the pull leaves as it is. */
function duits(model: WorkbookModel) {
  const table = tableNamed(model, TABLE_NAMES.observations)!;
  const r = table.sheet.values(table.box).findIndex((row) => row[1] === "inwoners" && row[2] === "Leiden" && row[3] === "Duits" && row[5] === "2022" && row[4] === "");
  return { row: table.box.row + r, column: table.box.column + 6 };
}

/**
 * The syncs the follower may spend after the pane's read, for the pull's own late events: none
 * where Excel tells them (ExcelApi 1.14); before, one round trip that reads back the rows a late
 * event names (Excel.run's own sync with it) and finds them as read, or, where it cannot take
 * them as rows (a table grown), one whole read (its places, then the rows: 4 syncs). Never a
 * round per event or per chunk the pull wrote.
 */
describe.each([
  ["Excel with ExcelApi 1.14 (a worksheet's event tells the add-in's own writes)", "1.18", 0],
  ["Excel before ExcelApi 1.14 (no triggerSource)", "1.13", 4],
])("the follower while the add-in pulls, on %s", (_what, excelApi, lateSyncs) => {
  afterEach(() => api.resetData(shippedPackage()));

  it("the pull's own writes are no edits: each formula answers once more, with the new figure; the pane hears once; nothing is read after", async () => {
    const { model, follower, states, syncs } = await followed(excelApi);
    const [italians, germans] = [count("Italiaans"), count("Duits")];
    const told = states.length;
    await pull(model, follower);
    const afterRead = syncs();
    await later(model);
    expect(italians.results).toEqual([1253, 1300]);
    expect(germans.results).toEqual([1162]);
    expect(states.length - told).toBe(1); // the read after the pull, and no "edit" after it
    expect(syncs() - afterRead).toBeLessThanOrEqual(lateSyncs); // see lateSyncs
  });

  it("an edit the analyst makes while the pull writes still reaches the formulas", async () => {
    const { model, follower } = await followed(excelApi);
    const germans = count("Duits");
    const { row, column } = duits(model);
    await pull(model, follower, () => model.editTable(TABLE_NAMES.observations, row, column, [[1170]]));
    await later(model);
    expect(germans.results).toEqual([1162, 1170]);
    expect(model.sheets[1].cell(row, column).value).toBe(1170);
  });
});
