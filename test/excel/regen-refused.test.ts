import { MonitorError } from "../../src/data/errors";
import { regenerate } from "../../src/excel/regenerate";
import { fakeRun, WorkbookModel } from "../support/fake-excel";
import { changedWorkbook } from "../support/changed-workbook";
import { errorOf, withNthWriteRefused } from "../support/refuse-write";
import { asExcel, edition, runRegenerate, sheetNamed, snapshot, userWorkbook } from "../support/workbooks";

/**
 * A sync Excel refuses in the middle of Regenerate (GeneralException, InsertDeleteConflict…;
 * the fake runs the first half of a refused batch, the worst the docs allow): the workbook is
 * put back exactly as it was and the pane says so; only when putting it back is refused too, the
 * pane names the sheets that may be partly written. Workbook states before and after.
 */
const refusedRun = (model: WorkbookModel, refuseNth: number, code = "GeneralException", syncLimit?: number): Promise<unknown> =>
  errorOf(withNthWriteRefused(model, refuseNth, () => fakeRun(model, (context) => regenerate(asExcel(context), { edition, language: "nl", today: () => "2026-11-25", syncLimit })), code));

const english = (error: unknown) => (error instanceof MonitorError ? error.text("en") : String(error));

describe("Regenerate when Excel refuses a sync", () => {
  it("on a workbook without monitor sheets: the Data sheet and every sheet begun are removed again", async () => {
    const model = userWorkbook();
    const before = snapshot(model);
    const error = await refusedRun(model, 1);
    expect(english(error)).toBe("Excel refused a change (Excel: GeneralException). The workbook was put back as it was: nothing changed. Try again.");
    expect(snapshot(model)).toBe(before);
    expect((await runRegenerate(model)).result.ok).toBe(true);
  });

  it("with a kept sheet, an update in place and a new layout: names, marks, values and sheets are all as they were", async () => {
    const model = await changedWorkbook();
    const before = snapshot(model);
    const error = await refusedRun(model, 1, "InsertDeleteConflict");
    expect(english(error)).toMatch(/^Excel refused a change \(Excel: InsertDeleteConflict\)\. The workbook was put back as it was: nothing changed\. Try again\.$/);
    expect(snapshot(model)).toBe(before);
    // And the next run does what the refused one would have done.
    const { result } = await runRegenerate(model);
    expect(result.ok && result.kept.map((k) => k.name)).toEqual(["Woonduur 2026-11-25"]);
    const statuses = result.ok ? new Set(result.sheets.map((s) => s.status)) : new Set();
    // What the refused run had begun: a fresh Woonduur beside the kept one, Nationaliteiten rebuilt beside the old one, the rest written in place.
    expect([...statuses].sort()).toEqual(["created", "replaced", "updated"]);
  });

  it("refused at a later chunk, after earlier chunks were written: put back as it was", async () => {
    const model = await changedWorkbook();
    const before = snapshot(model);
    const error = await refusedRun(model, 3, "GeneralException", 8 * 1024);
    expect(english(error)).toMatch(/The workbook was put back as it was: nothing changed\./);
    expect(snapshot(model)).toBe(before);
  });

  it("when putting it back is refused too, names the sheets that may be partly written and leaves the user's sheet alone", async () => {
    const model = await changedWorkbook();
    const mine = JSON.stringify(sheetNamed(model, "Mijn analyse").cells.get("1,1"));
    model.refuse = (bytes) => (bytes > 1000 ? "GeneralException" : null); // every sync that sends values, the undo's too
    let error: unknown;
    try {
      await runRegenerate(model);
    } catch (e) {
      error = e;
    } finally {
      model.refuse = null;
    }
    // Exactly which sheets, and the rest of the workbook as the pane says: regen-undo-refused.test.ts.
    expect(english(error)).toMatch(/^Excel refused a change \(Excel: GeneralException\), and then refused putting the workbook back\. These sheets may be partly written: 'Bevolking', .*'Studenten'\. Your own sheets were not touched\./);
    expect(JSON.stringify(sheetNamed(model, "Mijn analyse").cells.get("1,1"))).toBe(mine);
  });
});
