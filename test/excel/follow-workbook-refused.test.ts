import { TABLE_NAMES } from "../../src/data/package";
import { FollowedData } from "../../src/excel/follow";
import { followWorkbook } from "../../src/taskpane/excel-actions";
import { loadedFunctions } from "../support/custom-functions-fake";
import { fakeRun, WorkbookModel } from "../support/fake-excel";
import { errorOf } from "../support/refuse-write";
import { edition, runLoadData, tableNamed, userWorkbook } from "../support/workbooks";
import { shippedPackage } from "../support/fixtures";

const { api, formula } = loadedFunctions();

/**
 * The pane opening on a workbook whose first read Excel refuses: it says so (its own text), and
 * it still registers the handler on the tables, so the next edit reads them again and every
 * MONITOR formula gets the workbook's figure, without the pane being opened anew.
 */
describe("the pane's first read of the tables, refused by Excel", () => {
  let model: WorkbookModel;
  let runs = 0;
  const saved = (globalThis as { Excel?: unknown }).Excel;
  beforeEach(async () => {
    model = userWorkbook();
    await runLoadData(model, edition);
    api.forgetData();
    runs = 0;
    Object.assign(globalThis, {
      Excel: {
        run: async <T>(body: (context: unknown) => Promise<T>) => {
          const refused = ++runs === 1; // the first read
          if (refused) model.refuse = () => "GeneralException";
          try {
            return (await fakeRun(model, body as never)).result;
          } finally {
            if (refused) model.refuse = null;
          }
        },
      },
    });
  });
  afterEach(() => {
    Object.assign(globalThis, { Excel: saved });
    api.resetData(shippedPackage());
  });

  it("says why, and the next edit of MonitorData brings every formula its figure", async () => {
    const italians = formula("AANTAL", "Italiaans", 2022, null);
    const heard: FollowedData["kind"][] = [];
    const error = (await errorOf(followWorkbook(edition, (data) => heard.push(data.kind)))) as Error;
    expect(error.message).toMatch(/^Excel weigerde het lezen van .*\(Excel: GeneralException\)\. Er is niets veranderd\./);
    expect(italians.current).toMatchObject({ error: "#N/A" });
    const table = tableNamed(model, TABLE_NAMES.observations);
    if (!table) throw new Error("no MonitorData");
    const rows = table.sheet.values(table.box);
    const at = rows.findIndex((r) => r[1] === "inwoners" && r[3] === "Duits" && r[5] === "2022");
    await model.editTable(TABLE_NAMES.observations, table.box.row + at, table.box.column + 6, [[1170]]);
    expect(heard).toEqual(["unread", "found"]);
    expect(italians.current).toBe(1253); // seed, p. 6: Italiaans on 1 January 2022, read from the workbook now
  });
});
