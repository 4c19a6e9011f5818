import { MonitorError } from "../../src/data/errors";
import { WorkbookModel } from "../support/fake-excel";
import { runRegenerate, sheetNamed, sheetState, userWorkbook } from "../support/workbooks";

/** A sync Excel refuses in the middle of Regenerate: the pane is told which sheets may be partly written; nothing else is touched, and the next run recovers. */
describe("Regenerate when Excel refuses a sync", () => {
  it("names the sheets that may be partly written, leaves the user's sheet alone, and the next run sets them aside", async () => {
    const model: WorkbookModel = userWorkbook();
    await runRegenerate(model);
    const mine = JSON.stringify(sheetState(sheetNamed(model, "Mijn analyse")));
    sheetNamed(model, "Woonduur").cell(5, 1).value = 0.35; // their own figure: that sheet is kept
    model.refuse = (bytes) => (bytes > 1000 ? "GeneralException" : null); // the writing sync (the only one that sends values)
    let error: unknown;
    try {
      await runRegenerate(model);
    } catch (e) {
      error = e;
    } finally {
      model.refuse = null;
    }
    expect(error).toBeInstanceOf(MonitorError);
    expect((error as MonitorError).text("en")).toMatch(/^Excel refused a change \(GeneralException: The request could not be processed\.\)\. These sheets may be partly written: 'Bevolking', .*'Studenten'\. Your own sheets and the kept sheets were not touched\./);
    expect(JSON.stringify(sheetState(sheetNamed(model, "Mijn analyse")))).toBe(mine);
    const again = await runRegenerate(model);
    expect(again.result.ok).toBe(true);
  });
});
