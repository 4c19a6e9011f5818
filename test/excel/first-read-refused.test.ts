import { snapshotOf } from "../../src/data/compare";
import { MonitorError } from "../../src/data/errors";
import { FollowedData, WorkbookFollower } from "../../src/excel/follow";
import { loadData, previewLoad, readWorkbookFigures } from "../../src/excel/load-data";
import { regenerate } from "../../src/excel/regenerate";
import { fakeRun, WorkbookModel } from "../support/fake-excel";
import { errorOf } from "../support/refuse-write";
import { asExcel, edition, generatedWorkbook, loadedWorkbook, snapshot, userWorkbook } from "../support/workbooks";

/**
 * Excel refuses a read that comes before anything is written (the first look at the workbook
 * of Regenerate, of a pull and of the pane opening): a busy Excel's GeneralException, a sheet
 * deleted meanwhile, a response over 5 MB. The pane says, in Dutch and English, what was being
 * read, that nothing changed and what to do, with Excel's code and without its own text; the
 * workbook is exactly as it was.
 */

/** Runs `action` while Excel refuses the `nth` sync, whatever it sends (a read-only sync too), with `code`. */
async function withNthSyncRefused<T>(model: WorkbookModel, nth: number, action: () => Promise<T>, code = "GeneralException"): Promise<T> {
  let syncs = 0;
  model.refuse = () => (++syncs === nth ? code : null);
  try {
    return await action();
  } finally {
    model.refuse = null;
  }
}

/** Both texts of the error an action ended with; a failure when it did not end with a message. */
const texts = (error: unknown) => {
  if (!(error instanceof MonitorError)) throw new Error(`expected a message, got ${String(error)}`);
  return { nl: error.text("nl"), en: error.text("en") };
};

const regenerating = (model: WorkbookModel) => fakeRun(model, (context) => regenerate(asExcel(context), { edition, language: "nl", today: () => "2026-11-25" }));
const previous = new Set(snapshotOf(edition));

const NL_ADVICE = "Probeer het opnieuw; blijft dit gebeuren, sluit dan openstaande dialoogvensters van andere invoegtoepassingen, of sla de werkmap op, sluit hem en open hem opnieuw.";
const EN_ADVICE = "Try again; if it keeps happening, close any open dialogs of other add-ins, or save the workbook, close it and open it again.";

describe("a first read that Excel refuses", () => {
  it("Regenerate, refused at its first sync (the workbook's sheets): nothing changed, Excel's code kept and its own text left out", async () => {
    const model = await generatedWorkbook();
    const before = snapshot(model);
    const error = await errorOf(withNthSyncRefused(model, 1, () => regenerating(model)));
    expect(texts(error)).toEqual({
      nl: `Excel weigerde het lezen van de bladen van de werkmap (Excel: GeneralException). Er is niets veranderd. ${NL_ADVICE}`,
      en: `Excel refused reading the workbook's sheets (Excel: GeneralException). Nothing was changed. ${EN_ADVICE}`,
    });
    expect(snapshot(model)).toBe(before);
  });

  it("Regenerate, refused while it reads what is on the add-in's sheets: names those sheets", async () => {
    const model = await generatedWorkbook();
    const marked = ["Data", "Bevolking"]; // the first two of the add-in's sheets, to keep the expectation short
    model.sheets = model.sheets.filter((s) => s.name === "Mijn analyse" || marked.includes(s.name));
    const before = snapshot(model);
    const error = await errorOf(withNthSyncRefused(model, 3, () => regenerating(model)));
    expect(texts(error)).toEqual({
      nl: `Excel weigerde het lezen van de bladen 'Data', 'Bevolking' (Excel: GeneralException). Er is niets veranderd. ${NL_ADVICE}`,
      en: `Excel refused reading the sheets 'Data', 'Bevolking' (Excel: GeneralException). Nothing was changed. ${EN_ADVICE}`,
    });
    expect(snapshot(model)).toBe(before);
  });

  it("a pull's comparison, refused on its one marked sheet: names it", async () => {
    const { model } = await loadedWorkbook();
    const before = snapshot(model);
    const error = await errorOf(withNthSyncRefused(model, 3, () => fakeRun(model, (context) => previewLoad(asExcel(context), edition, { previous }))));
    expect(texts(error)).toEqual({
      nl: `Excel weigerde het lezen van het blad 'Data' (Excel: GeneralException). Er is niets veranderd. ${NL_ADVICE}`,
      en: `Excel refused reading the sheet 'Data' (Excel: GeneralException). Nothing was changed. ${EN_ADVICE}`,
    });
    expect(snapshot(model)).toBe(before);
  });

  it("a pull's write, refused while it reads the data tables again: nothing written", async () => {
    const { model } = await loadedWorkbook();
    const before = snapshot(model);
    const error = await errorOf(withNthSyncRefused(model, 4, () => fakeRun(model, (context) => loadData(asExcel(context), edition, { previous }))));
    expect(texts(error)).toEqual({
      nl: `Excel weigerde het lezen van de gegevenstabellen (MonitorData, MonitorIndicatoren, MonitorBronnen) op het blad 'Data' (Excel: GeneralException). Er is niets veranderd. ${NL_ADVICE}`,
      en: `Excel refused reading the data tables (MonitorData, MonitorIndicatoren, MonitorBronnen) on the sheet 'Data' (Excel: GeneralException). Nothing was changed. ${EN_ADVICE}`,
    });
    expect(snapshot(model)).toBe(before);
  });

  it("the figures read when the pane opens, the Data sheet deleted meanwhile: Excel's ItemNotFound, with what it may mean", async () => {
    const { model } = await loadedWorkbook();
    let syncs = 0;
    let before = "";
    // The user deletes the Data sheet between the look at the tables and the reading of their cells.
    model.refuse = () => {
      if (++syncs === 3) {
        const data = model.sheets.find((s) => s.name === "Data");
        model.sheets = model.sheets.filter((s) => s !== data);
        model.tables = model.tables.filter((t) => t.sheet !== data);
        before = snapshot(model);
      }
      return null;
    };
    const error = await errorOf(fakeRun(model, (context) => readWorkbookFigures(asExcel(context), edition)));
    model.refuse = null;
    expect(texts(error)).toEqual({
      nl: `Excel weigerde het lezen van de gegevenstabellen (MonitorData, MonitorIndicatoren, MonitorBronnen) op het blad 'Data' (Excel: ItemNotFound). Er is niets veranderd. Misschien is intussen een blad of tabel verwijderd of hernoemd. ${NL_ADVICE}`,
      en: `Excel refused reading the data tables (MonitorData, MonitorIndicatoren, MonitorBronnen) on the sheet 'Data' (Excel: ItemNotFound). Nothing was changed. A sheet or table may have been deleted or renamed meanwhile. ${EN_ADVICE}`,
    });
    expect(snapshot(model)).toBe(before);
  });

  it("a response over 5 MB while Regenerate reads the add-in's sheets: says so, and what the user can do", async () => {
    const model = await generatedWorkbook();
    model.sheets = model.sheets.filter((s) => s.name === "Mijn analyse" || s.name === "Bevolking");
    const before = snapshot(model);
    const error = await errorOf(withNthSyncRefused(model, 4, () => regenerating(model), "ResponsePayloadSizeLimitExceeded"));
    expect(texts(error)).toEqual({
      nl: `Excel weigerde het lezen van het blad 'Bevolking' (Excel: ResponsePayloadSizeLimitExceeded). Er is niets veranderd. Het antwoord was groter dan Excel in één keer kan doorgeven (5 MB); houd de teksten in de cellen van die bladen korter. ${NL_ADVICE}`,
      en: `Excel refused reading the sheet 'Bevolking' (Excel: ResponsePayloadSizeLimitExceeded). Nothing was changed. The answer was larger than Excel can pass on at once (5 MB); keep the texts in the cells of those sheets shorter. ${EN_ADVICE}`,
    });
    expect(snapshot(model)).toBe(before);
  });

  it("the pane following the workbook, refused at its first read of the tables: a message, and the data as it was", async () => {
    const { model } = await loadedWorkbook();
    const states: FollowedData[] = [];
    const follower = new WorkbookFollower(async (body) => (await fakeRun(model, (context) => body(asExcel(context)))).result, edition, (data) => states.push(data));
    const before = snapshot(model);
    const error = await errorOf(withNthSyncRefused(model, 3, () => follower.readAll()));
    expect(texts(error)).toEqual({
      nl: `Excel weigerde het lezen van de gegevenstabellen (MonitorData, MonitorIndicatoren, MonitorBronnen) op het blad 'Data' (Excel: GeneralException). Er is niets veranderd. ${NL_ADVICE}`,
      en: `Excel refused reading the data tables (MonitorData, MonitorIndicatoren, MonitorBronnen) on the sheet 'Data' (Excel: GeneralException). Nothing was changed. ${EN_ADVICE}`,
    });
    // The pane and the functions hear that the tables could not be read (the functions answer it: test/excel/follow-refused.test.ts).
    expect(states.map((s) => s.kind)).toEqual(["unread"]);
    expect(snapshot(model)).toBe(before);
    // Asked again, it reads them.
    expect((await follower.readAll()).kind).toBe("found");
  });

  it("a workbook without monitor sheets: refused at its first look, nothing made", async () => {
    const model = userWorkbook();
    const before = snapshot(model);
    const error = await errorOf(withNthSyncRefused(model, 2, () => regenerating(model)));
    expect(texts(error).en).toBe(`Excel refused reading the workbook's sheets (Excel: GeneralException). Nothing was changed. ${EN_ADVICE}`);
    expect(snapshot(model)).toBe(before);
  });
});
