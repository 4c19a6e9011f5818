import { TABLE_NAMES } from "../../src/data/package";
import { loadedFunctions } from "../support/custom-functions-fake";
import { WorkbookModel } from "../support/fake-excel";
import { paneFollowing, waardeCell } from "../support/following";
import { runLoadData, userWorkbook } from "../support/workbooks";
import { shippedPackage } from "../support/fixtures";

/**
 * While the add-in writes the monitor tables (a pull, Regenerate), the follower takes their
 * change events for its own; the analyst may be typing meanwhile. Once the write is over, a
 * missed event makes it read the tables again at once, whatever the write's outcome, so every
 * MONITOR formula shows the analyst's figure without another edit; the pane's read right after
 * is that same read, not a second one.
 */
const { api, formula } = loadedFunctions();
const italians = () => formula("AANTAL", "Italiaans", 2022, null);
const settled = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};

async function followed() {
  const model = userWorkbook();
  await runLoadData(model);
  const { follower, syncs } = paneFollowing(model, api);
  await follower.readAll();
  await follower.watch();
  return { model, follower, syncs };
}

/** The analyst types a new Italiaans 2022 figure into MonitorData (Excel reports the edit). */
async function typeItaliaans(model: WorkbookModel, value: number): Promise<void> {
  const { row, column } = waardeCell(model, "Italiaans");
  await model.editTable(TABLE_NAMES.observations, row, column, [[value]]);
}

describe("the follower while the add-in writes the tables", () => {
  afterEach(() => api.resetData(shippedPackage()));

  it("an edit the analyst makes meanwhile reaches the MONITOR formulas once the write is over, without another edit", async () => {
    const { model, follower } = await followed();
    const cell = italians();
    await follower.during(() => typeItaliaans(model, 1260));
    expect(cell.results).toEqual([1253]); // the event was taken for the add-in's own
    await settled();
    expect(cell.results).toEqual([1253, 1260]);
  });

  it("also when the write fails (a refused sync, a cancel, the analyst's edit stopping a pull)", async () => {
    const { model, follower } = await followed();
    const cell = italians();
    await expect(
      follower.during(async () => {
        await typeItaliaans(model, 1270);
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    await settled();
    expect(cell.results).toEqual([1253, 1270]);
  });

  it("the pane's read right after the write is the same read, not a second one; a write without events reads nothing", async () => {
    const { model, follower, syncs } = await followed();
    const before = syncs();
    await follower.during(async () => undefined);
    await settled();
    expect(syncs()).toBe(before);
    await follower.during(() => typeItaliaans(model, 1280));
    const data = await follower.readAll();
    const oneRead = syncs() - before;
    await settled();
    expect(syncs() - before).toBe(oneRead);
    expect(data.kind).toBe("found");
    // Another readAll later (no write in between) reads again, as before.
    await follower.readAll();
    expect(syncs() - before).toBe(2 * oneRead);
  });
});
