import { TABLE_NAMES } from "../../src/data/package";
import { recalculate } from "../../src/excel/load-data";
import { FakeInvocation, PENDING, loadedFunctions } from "../support/custom-functions-fake";
import { fakeRun, WorkbookModel } from "../support/fake-excel";
import { paneFollowing, waardeCell } from "../support/following";
import { asExcel, edition, largePackage, runLoadData, tableNamed, userWorkbook } from "../support/workbooks";
import { problemText } from "../../src/text/problems";
import { shippedPackage } from "../support/fixtures";

const { api, formula } = loadedFunctions();

/** A workbook whose MonitorData the add-in wrote, and the add-in following it as the pane does. */
async function opened(pkg = edition) {
  const model = userWorkbook();
  await runLoadData(model, pkg);
  model.calculations.length = 0;
  return { model, ...paneFollowing(model, api) };
}

const shows = (cell: FakeInvocation) => cell.current;

describe("the MONITOR formulas of a workbook, followed without recalculation", () => {
  afterEach(() => api.resetData(shippedPackage()));

  it("wait until the tables are read, then show the workbook's figure, not the shipped edition's", async () => {
    const { model, follower } = await opened();
    const { row, column } = waardeCell(model, "Italiaans");
    model.sheets[1].cell(row, column).value = 1300; // edited before this session: the workbook's own figure
    const italians = formula("AANTAL", "Italiaans", 2022, null);
    expect(shows(italians)).toEqual(PENDING);
    await follower.readAll();
    expect(italians.results).toEqual([1300]); // never 1253 in between
    expect(model.calculations).toEqual([]); // nothing asked Excel to recalculate
  });

  it("follow an edit of one cell: one round trip reads back that row, and only formulas whose figure changed get a new answer", async () => {
    const { model, follower, syncs } = await opened();
    await follower.readAll();
    await follower.watch();
    const italians = formula("AANTAL", "Italiaans", 2022, null);
    const germans = formula("AANTAL", "Duits", 2022, null);
    const before = syncs();
    const { row, column } = waardeCell(model, "Italiaans");
    await model.editTable(TABLE_NAMES.observations, row, column, [[1260]]);
    expect(italians.results).toEqual([1253, 1260]);
    expect(germans.results).toEqual([1162]);
    expect(syncs() - before).toBe(2); // the read of the row and the table's place, and Excel.run's closing sync
    expect(model.calculations).toEqual([]);
  });

  it("costs the same syncs for an edit at 10,000 rows as at 112", async () => {
    const { model, follower, syncs } = await opened(largePackage(10_000));
    await follower.readAll();
    await follower.watch();
    const italians = formula("AANTAL", "Italiaans", 2022, null);
    const before = syncs();
    const { row, column } = waardeCell(model, "Italiaans");
    await model.editTable(TABLE_NAMES.observations, row, column, [[1261]]);
    expect(italians.current).toBe(1261);
    expect(syncs() - before).toBe(2);
  });

  it("turn #N/A naming the cell when an edit breaks the table, and come back when it is fixed", async () => {
    const { model, follower, states } = await opened();
    await follower.readAll();
    await follower.watch();
    const italians = formula("AANTAL", "Italiaans", 2022, null);
    const { row, column } = waardeCell(model, "Duits");
    await model.editTable(TABLE_NAMES.observations, row, column, [["veel"]]);
    const broken = states.at(-1);
    expect(broken).toMatchObject({ kind: "invalid", problems: [{ table: "MonitorData", column: "Waarde" }] });
    expect(broken?.kind === "invalid" && problemText(broken.problems[0], "nl")).toMatch(/'veel' is geen getal/);
    expect(shows(italians)).toMatchObject({ error: "#N/A", message: expect.stringMatching(/taakvenster.*kolom Waarde/) });
    await model.editTable(TABLE_NAMES.observations, row, column, [[1162]]);
    expect(shows(italians)).toBe(1253);
  });

  it("follow MonitorBronnen too: a corrected citation reaches SOURCE", async () => {
    const { model, follower } = await opened();
    await follower.readAll();
    await follower.watch();
    const source = formula("BRON", "inwoners", 2022, "Italiaans");
    const table = tableNamed(model, TABLE_NAMES.sources);
    if (!table) throw new Error("no MonitorBronnen");
    const brp = table.sheet.values(table.box).findIndex((r) => r[0] === "BRP");
    await model.editTable(TABLE_NAMES.sources, table.box.row + brp, table.box.column + 2, [["BRP, gemeente Leiden (gecorrigeerd)"]]);
    expect(shows(source)).toMatch(/^BRP, gemeente Leiden \(gecorrigeerd\)/);
  });

  it("survive the tables being deleted and re-created (a cancelled load does that): the next edit is still followed", async () => {
    const { model, follower } = await opened();
    await follower.readAll();
    await follower.watch();
    const italians = formula("AANTAL", "Italiaans", 2022, null);
    model.tables = model.tables.filter((t) => !Object.values(TABLE_NAMES).includes(t.name as never));
    model.sheets = model.sheets.filter((s) => s.name !== "Data");
    await runLoadData(model); // new tables, new ids
    const { row, column } = waardeCell(model, "Italiaans");
    await model.editTable(TABLE_NAMES.observations, row, column, [[1270]]);
    expect(shows(italians)).toBe(1270);
  });

  it("read everything again when rows were inserted, or the table moved", async () => {
    const { model, follower } = await opened();
    await follower.readAll();
    await follower.watch();
    const italians = formula("AANTAL", "Italiaans", 2022, null);
    const { row, column } = waardeCell(model, "Italiaans");
    model.sheets[1].cell(row, column).value = 1280;
    await model.fireTableChanged(TABLE_NAMES.observations, `A${row + 1}:M${row + 1}`, "RowInserted");
    expect(shows(italians)).toBe(1280);
  });
});

describe("the fake's calculation, as Excel's", () => {
  it("leaves formulas that depend on a write with suspended calculation stale after a Recalculate, which recalculates only the cells Excel marked dirty (Excel.CalculationType)", async () => {
    const model = userWorkbook();
    await runLoadData(model);
    await fakeRun(model, async (context) => {
      context.application.calculate("Recalculate");
      await context.sync();
    });
    expect(model.calculations).toEqual(["Recalculate"]);
    expect(model.dependentsStale).toBe(true);
  });

  it("leaves formulas that depend on a write with suspended calculation stale until the add-in recalculates", async () => {
    const model = userWorkbook();
    await runLoadData(model);
    expect(model.dependentsStale).toBe(true);
    await fakeRun(model, (context) => recalculate(asExcel(context)));
    expect(model.dependentsStale).toBe(false);
    expect(model.calculations).toEqual(["Full"]);
  });

  it("does not re-run custom functions on a recalculation (office-js #1462)", async () => {
    api.resetData(shippedPackage());
    const cell = formula("AANTAL", "Italiaans", 2022, null);
    const model = new WorkbookModel();
    model.addSheet("Blad1");
    await fakeRun(model, async (context) => context.application.calculate("Full"));
    expect(cell.results).toEqual([1253]);
  });

  it("drops a table's own change handlers when the table is deleted; the collection's stay", async () => {
    const model = userWorkbook();
    await runLoadData(model);
    const heard: string[] = [];
    await fakeRun(model, async (context) => {
      context.workbook.tables.getItem(TABLE_NAMES.observations).onChanged.add(async () => void heard.push("table"));
      context.workbook.tables.onChanged.add(async () => void heard.push("collection"));
    });
    model.sheets = model.sheets.filter((s) => s.name !== "Data");
    model.tables = [];
    await runLoadData(model); // the same names, new tables

    await model.fireTableChanged(TABLE_NAMES.observations, "G5");
    expect(heard).toEqual(["collection"]);
  });
});
