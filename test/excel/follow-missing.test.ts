import { TABLE_NAMES } from "../../src/data/package";
import { FollowedData } from "../../src/excel/follow";
import { textsOf } from "../../src/text/message";
import { loadedFunctions } from "../support/custom-functions-fake";
import { paneFollowing, waardeCell } from "../support/following";
import { edition, runLoadData, tableNamed, userWorkbook } from "../support/workbooks";
import { shippedPackage } from "../support/fixtures";

const { api, formula } = loadedFunctions();

/**
 * Review R7: the analyst renames MonitorData or deletes it. The MONITOR functions then answer
 * #N/A naming the table (and its new name when Excel still has it), never the figures read
 * before nor the shipped edition's, and the pane says the same with what to do; back under its
 * name, the table's figures are followed again. On the Excel fake, the workbook's figure made
 * different from the shipped edition's first, so an answer from either is told apart.
 */
describe("a MonitorData renamed or deleted while the pane follows it", () => {
  afterEach(() => api.resetData(shippedPackage()));

  async function following(hadData = false) {
    const model = userWorkbook();
    await runLoadData(model, edition);
    const { follower, states } = paneFollowing(model, api, () => hadData);
    const data = tableNamed(model, TABLE_NAMES.observations);
    if (!data) throw new Error("no MonitorData");
    const cell = waardeCell(model, "Italiaans");
    data.sheet.cell(cell.row, cell.column).value = 1300; // the workbook's own figure (the edition's is 1253)
    return { model, follower, states, data, cell };
  }

  const paneSays = (states: FollowedData[]) => {
    const last = states.at(-1);
    return last?.kind === "missing" ? textsOf(last.why) : last?.kind;
  };

  it("renamed: the next event of the table makes every formula #N/A naming both names, and the pane says what to do", async () => {
    const { model, follower, states, data, cell } = await following();
    await follower.readAll();
    await follower.watch();
    const italians = formula("AANTAL", "Italiaans", 2022, null);
    expect(italians.current).toBe(1300);

    data.name = "MijnData"; // Excel raises no event for a rename (see WorkbookModel.deleteTable)
    await model.editTable("MijnData", cell.row, cell.column, [[1310]]);

    expect(paneSays(states)).toEqual({
      nl: "De tabel MonitorData heet nu 'MijnData'. Geef haar weer de naam MonitorData (Tabelontwerp > Tabelnaam), of haal de gegevens opnieuw op (tab Gegevens). Tot dan geven de MONITOR-functies #N/B.",
      en: "The table MonitorData is now called 'MijnData'. Name it MonitorData again (Table Design > Table Name), or pull the data again (Data tab). Until then the MONITOR functions answer #N/A.",
    });
    expect(italians.current).toEqual({ error: "#N/A", message: expect.stringContaining("De tabel MonitorData heet nu 'MijnData'.") });
    // A formula entered now gets the same, not the shipped edition's 1253.
    expect(formula("AANTAL", "Italiaans", 2022, null).current).toEqual({ error: "#N/A", message: expect.stringContaining("MonitorData") });
    // The pane's next read (reopening it) still finds it missing.
    await follower.readAll();
    expect(italians.current).toMatchObject({ error: "#N/A" });

    data.name = "MonitorData";
    await model.editTable(TABLE_NAMES.observations, cell.row, cell.column, [[1320]]);
    expect(italians.current).toBe(1320);
    expect(states.at(-1)?.kind).toBe("found");
  });

  it("deleted: Excel's onDeleted makes every formula #N/A at once, without another edit", async () => {
    const { model, follower, states } = await following();
    await follower.readAll();
    await follower.watch();
    const italians = formula("AANTAL", "Italiaans", 2022, null);
    expect(italians.current).toBe(1300);

    await model.deleteTable(TABLE_NAMES.observations);

    expect(paneSays(states)).toEqual({
      nl: "De tabel MonitorData staat niet meer in deze werkmap (verwijderd of hernoemd). Zet haar terug met Ongedaan maken of geef haar weer de naam MonitorData, of haal de gegevens opnieuw op (tab Gegevens). Tot dan geven de MONITOR-functies #N/B.",
      en: "The table MonitorData is no longer in this workbook (deleted or renamed). Put it back with Undo or name it MonitorData again, or pull the data again (Data tab). Until then the MONITOR functions answer #N/A.",
    });
    expect(italians.current).toEqual({ error: "#N/A", message: expect.stringContaining("De tabel MonitorData staat niet meer in deze werkmap") });
  });

  it("a definitions table deleted is missing too: SOURCE does not fall back to the shipped edition's citations", async () => {
    const { model, follower } = await following();
    await follower.readAll();
    await follower.watch();
    const source = formula("BRON", "inwoners", 2022, "Italiaans");
    await model.deleteTable(TABLE_NAMES.sources);
    expect(source.current).toEqual({ error: "#N/A", message: expect.stringContaining("De tabel MonitorBronnen staat niet meer in deze werkmap") });
  });

  it("opened without MonitorData in a workbook that remembers a pull: missing, not the shipped edition", async () => {
    const { model, follower } = await following(true);
    const data = tableNamed(model, TABLE_NAMES.observations);
    if (data) data.name = "Hernoemd"; // renamed before this session: its old id is not known
    const italians = formula("AANTAL", "Italiaans", 2022, null);
    await follower.readAll();
    expect(italians.current).toEqual({ error: "#N/A", message: expect.stringContaining("De tabel MonitorData staat niet meer in deze werkmap") });
  });

  it("a workbook that never had monitor tables still answers from the shipped edition", async () => {
    const { follower } = paneFollowing(userWorkbook(), api, () => false);
    const italians = formula("AANTAL", "Italiaans", 2022, null);
    await follower.readAll();
    expect(italians.current).toBe(1253);
  });
});
