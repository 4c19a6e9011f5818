import { TABLE_NAMES } from "../../src/data/package";
import { PENDING, loadedFunctions } from "../support/custom-functions-fake";
import { paneFollowing, waardeCell } from "../support/following";
import { errorOf } from "../support/refuse-write";
import { edition, runLoadData, userWorkbook } from "../support/workbooks";
import { shippedPackage } from "../support/fixtures";
import { isMonitorError } from "../../src/data/errors";

const { api, formula } = loadedFunctions();

/**
 * When Excel refuses the pane's read of the monitor tables, a MONITOR formula must not wait
 * (#BUSY!) for the rest of the session, nor keep a figure the read was to confirm (after a pull
 * wrote the tables): it answers #N/A saying the tables could not be read, until a read succeeds.
 */
async function opened() {
  const model = userWorkbook();
  await runLoadData(model, edition);
  const { follower, states } = paneFollowing(model, api);
  return { model, follower, states };
}

const NL = /^De monitortabellen van deze werkmap konden niet worden gelezen; zie het taakvenster\. Excel weigerde het lezen van .*\(Excel: GeneralException\)\. Er is niets veranderd\./;
const EN = /^The workbook's monitor tables could not be read; see the task pane\. Excel refused reading .*\(Excel: GeneralException\)\. Nothing was changed\./;

describe("the MONITOR formulas when Excel refuses reading the tables", () => {
  afterEach(() => {
    api.setMessageLanguage("nl");
    api.resetData(shippedPackage());
  });

  it("answer #N/A naming the refused read, in the functions' language, instead of staying pending", async () => {
    const { model, follower, states } = await opened();
    const italians = formula("AANTAL", "Italiaans", 2022, null);
    expect(italians.current).toEqual(PENDING);
    model.refuse = () => "GeneralException";
    const error = await errorOf(follower.readAll());
    model.refuse = null;
    expect(isMonitorError(error)).toBe(true); // the pane says it too (its own text, not Excel's)
    expect(italians.current).toMatchObject({ error: "#N/A", message: expect.stringMatching(NL) });
    expect(states.map((s) => s.kind)).toEqual(["unread"]);
    api.setMessageLanguage("en");
    expect(italians.current).toMatchObject({ error: "#N/A", message: expect.stringMatching(EN) });
  });

  it("answer the workbook's figures again once a read succeeds", async () => {
    const { model, follower } = await opened();
    const italians = formula("AANTAL", "Italiaans", 2022, null);
    model.refuse = () => "GeneralException";
    await errorOf(follower.readAll());
    model.refuse = null;
    await follower.readAll();
    expect(italians.current).toBe(1253); // seed, p. 6: Italiaans, 1 January 2022
  });

  it("no longer answer a figure from before a write that the read after it could not confirm", async () => {
    const { model, follower } = await opened();
    await follower.readAll();
    await follower.watch();
    const italians = formula("AANTAL", "Italiaans", 2022, null);
    expect(italians.current).toBe(1253);
    // A write of the add-in's own (a pull) changes the figure; the read after it is refused.
    const { row, column } = waardeCell(model, "Italiaans");
    await follower.during(async () => model.editTable(TABLE_NAMES.observations, row, column, [[1300]]));
    model.refuse = () => "GeneralException";
    await errorOf(follower.readAll());
    model.refuse = null;
    expect(italians.current).toMatchObject({ error: "#N/A", message: expect.stringMatching(NL) });
  });

  it("recover at the next edit of a table when the first read was refused but the watch was registered", async () => {
    const { model, follower } = await opened();
    const italians = formula("AANTAL", "Italiaans", 2022, null);
    model.refuse = () => "GeneralException";
    await errorOf(follower.readAll());
    model.refuse = null;
    await follower.watch();
    const { row, column } = waardeCell(model, "Italiaans");
    await model.editTable(TABLE_NAMES.observations, row, column, [[1260]]);
    expect(italians.current).toBe(1260);
  });
});
