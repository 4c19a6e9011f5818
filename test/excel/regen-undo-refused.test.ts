import { MonitorError } from "../../src/data/errors";
import { regenerate } from "../../src/excel/regenerate";
import { Aftermath } from "../../src/excel/undo";
import { EXCEL } from "../../src/text/excel";
import { AnyMessage, isMessageOf } from "../../src/text/message";
import { FakeContext, fakeRun, SheetModel, TableModel, WorkbookModel } from "../support/fake-excel";
import { changedWorkbook } from "../support/changed-workbook";
import { asExcel, edition, sheetNamed, sheetState, snapshot } from "../support/workbooks";

/**
 * When Excel refuses putting the workbook back too, or refuses Regenerate's last step (the old
 * sheets of a new layout making way), the pane says exactly where the workbook stands: every
 * sheet it does not name is as it was (name and content), every sheet it names as renamed holds
 * what it held under the name given, and every other sheet is one it names as partly written.
 */

/**
 * Runs Regenerate with the syncs `refuse` picks refused: by their number (from 1), their payload,
 * and the number of syncs since it said it marks the sheets (0 before); the error thrown.
 */
async function run(model: WorkbookModel, refuse: (nth: number, bytes: number, sinceMarking: number) => boolean): Promise<MonitorError> {
  let nth = 0;
  let sinceMarking = 0;
  model.refuse = (bytes) => {
    if (sinceMarking > 0) sinceMarking++;
    return refuse(++nth, bytes, sinceMarking) ? "GeneralException" : null;
  };
  const onProgress = (_fraction: number, message: AnyMessage) => void (isMessageOf(message, EXCEL.markingSheets) && (sinceMarking = 1));
  try {
    await fakeRun(model, (context) => regenerate(asExcel(context), { edition, language: "nl", today: () => "2026-11-25", onProgress }));
  } catch (error) {
    if (error instanceof MonitorError) return error;
    throw error;
  } finally {
    model.refuse = null;
  }
  throw new Error("Regenerate was not refused");
}

interface Before {
  sheets: Map<SheetModel, { name: string; state: string }>;
  tables: Map<TableModel, string>;
}
const before = (model: WorkbookModel): Before => ({
  sheets: new Map(model.sheets.map((s) => [s, { name: s.name, state: JSON.stringify(sheetState(s)) }])),
  tables: new Map(model.tables.map((t) => [t, t.name])),
});

/** The workbook is where `said` says it is. */
function expectAsSaid(model: WorkbookModel, was: Before, said: Aftermath): void {
  for (const sheet of model.sheets) {
    const earlier = was.sheets.get(sheet);
    if (said.partly.includes(sheet.name)) continue;
    if (!earlier) throw new Error(`the new sheet '${sheet.name}' is not named as partly written`);
    const renamed = said.renamed.find((r) => r.name === sheet.name);
    expect({ name: sheet.name, state: JSON.stringify(sheetState(sheet)) }).toEqual({ name: renamed ? renamed.name : earlier.name, state: earlier.state });
    if (renamed) expect(renamed.was).toBe(earlier.name);
  }
  for (const [table, name] of was.tables) {
    if (!model.tables.includes(table) || table.name === name) continue;
    expect(said.tables).toContainEqual({ name: table.name, was: name });
  }
}

const aftermathOf = (error: MonitorError) => error.reason.params as Aftermath & { refusal: string };

describe("when Excel refuses putting the workbook back", () => {
  it("read from Excel afterwards: the sheets written on are named as partly written, the rest is as it was", async () => {
    const model = await changedWorkbook();
    const was = before(model);
    const error = await run(model, (_nth, bytes) => bytes > 1000); // every sync that sends values, the undo's too
    const said = aftermathOf(error);
    expect(said.certain).toBe(true);
    expectAsSaid(model, was, said);
    expect(error.text("en")).toBe(
      "Excel refused a change (Excel: GeneralException), and then refused putting the workbook back. These sheets may be partly written: 'Bevolking', 'Regio en Nederland', 'Vestiging en vertrek', 'Repats', 'Kinderen', 'Expat Centre', 'Werknemers', 'Statushouders', 'Studenten'. Your own sheets were not touched. Regenerate again: a partly written sheet is then kept as yours, and the add-in builds its own anew beside it.",
    );
    expect(error.text("nl")).toBe(
      "Excel weigerde een wijziging (Excel: GeneralException) en daarna ook het terugzetten van de werkmap. Deze bladen kunnen half geschreven zijn: 'Bevolking', 'Regio en Nederland', 'Vestiging en vertrek', 'Repats', 'Kinderen', 'Expat Centre', 'Werknemers', 'Statushouders', 'Studenten'. Uw eigen bladen zijn niet aangeraakt. Bouw opnieuw op: een half geschreven blad blijft dan als het uwe bewaard en de invoegtoepassing bouwt het hare ernaast opnieuw op.",
    );
  });

  it("refused at its first step: the sheets begun and those set aside or kept under another name are named too", async () => {
    const model = await changedWorkbook();
    const was = before(model);
    let refusedAt = 0;
    // The first write refused (half its batch ran), then the undo's first sync; reading afterwards works.
    const error = await run(model, (nth, bytes) => {
      if (!refusedAt && bytes > 1000) return Boolean((refusedAt = nth));
      return refusedAt > 0 && nth === refusedAt + 1;
    });
    const said = aftermathOf(error);
    expect(said.certain).toBe(true);
    expect(said.renamed.length + said.tables.length).toBeGreaterThan(0);
    expectAsSaid(model, was, said);
    expect(error.text("en")).toMatch(/^Excel refused a change \(Excel: GeneralException\), and then refused putting the workbook back\. These sheets may be partly written: .*\. (This sheet is|These sheets are) unchanged but named differently now: .*'Woonduur 2026-11-25' \(was 'Woonduur'\).*\. Your own sheets were not touched\./);
    expect(error.text("nl")).toMatch(/ongewijzigd maar (heet|heten) nu anders: .*'Woonduur 2026-11-25' \(was 'Woonduur'\)/);
  });

  it("when Excel refuses reading it too: what each change may have left", async () => {
    const model = await changedWorkbook();
    const was = before(model);
    let refused = false;
    const error = await run(model, (_nth, bytes) => (refused ||= bytes > 1000)); // from the first refusal on, every sync
    const said = aftermathOf(error);
    expect(said.certain).toBe(false);
    expectAsSaid(model, was, said);
    expect(said.renamed).toContainEqual({ name: "Woonduur 2026-11-25", was: "Woonduur" });
    expect(said.renamed).toContainEqual({ name: "~Nationaliteiten", was: "Nationaliteiten" });
    expect(error.text("en")).toMatch(/^Excel refused a change \(Excel: GeneralException\), and then refused putting the workbook back and reading it\. These sheets may be partly written: .*'Nationaliteiten'.*\. These sheets are unchanged but may be named differently now: .*'~Nationaliteiten' \(was 'Nationaliteiten'\).*\. These tables may be named differently now: 'lm_nationaliteiten_\w+_oud' \(was 'lm_nationaliteiten_\w+'\)/);
    expect(error.text("nl")).toMatch(/en daarna ook het terugzetten van de werkmap en het lezen ervan\. .* Deze bladen zijn ongewijzigd maar kunnen nu anders heten: .*'Woonduur 2026-11-25' \(was 'Woonduur'\)/);
  });
});

describe("when Excel refuses Regenerate's last step, the old sheets making way", () => {
  /** The sync of the swap: the last but one of a successful Regenerate of `changedWorkbook` (the last is Excel.run's own). */
  let swapSync = 0;
  beforeAll(async () => {
    swapSync = (await fakeRun(await changedWorkbook(), (context) => regenerate(asExcel(context), { edition, language: "nl", today: () => "2026-11-25" }))).syncs - 1;
  });

  it("refused while reading back or marking, before it: put back as it was, nothing changed", async () => {
    // The first sync reading back (its loads), and the marks' sync (the last before the swap).
    for (const refuse of [(_n: number, _b: number, since: number) => since === 2, (n: number) => n === swapSync - 1]) {
      const model = await changedWorkbook();
      const earlier = snapshot(model);
      const error = await run(model, refuse);
      expect(error.text("en")).toBe("Excel refused a change (Excel: GeneralException). The workbook was put back as it was: nothing changed. Try again.");
      expect(snapshot(model)).toBe(earlier);
    }
  });

  it("the first half of its batch ran: the earlier version is deleted, and the pane says so", async () => {
    const model = await changedWorkbook();
    const old = sheetNamed(model, "Nationaliteiten");
    // The swap deletes before it positions: refused, the first half of its batch ran, the old sheet is deleted.
    const error = await run(model, (nth) => nth === swapSync);
    expect(error.text("en")).toBe("Excel refused the last step (Excel: GeneralException): every sheet was written and marked, but the earlier versions were deleted already. The new sheets may stand at the end of the workbook.");
    expect(error.text("nl")).toBe("Excel weigerde de laatste stap (Excel: GeneralException): elk blad is geschreven en gemarkeerd, maar de vorige versies zijn al verwijderd. De nieuwe bladen kunnen achteraan de werkmap staan.");
    expect(model.sheets.includes(old)).toBe(false);
    expect(sheetNamed(model, "Nationaliteiten")).not.toBe(old);
  });

  it("refused before any of it ran, the old sheet is still there under its name aside, as it was", async () => {
    const model = await changedWorkbook();
    const old = sheetNamed(model, "Nationaliteiten");
    const oldState = JSON.stringify(sheetState(old));
    const original = FakeContext.prototype.sync;
    let nth = 0;
    const spy = jest.spyOn(FakeContext.prototype, "sync").mockImplementation(async function (this: FakeContext) {
      // A refused request that ran nothing (the docs allow that as well).
      if (++nth === swapSync) {
        (this as unknown as { queue: unknown[] }).queue = [];
        throw Object.assign(new Error("refused"), { code: "InsertDeleteConflict" });
      }
      return original.call(this);
    });
    let error: unknown;
    try {
      await fakeRun(model, (context) => regenerate(asExcel(context), { edition, language: "nl", today: () => "2026-11-25" }));
    } catch (e) {
      error = e;
    } finally {
      spy.mockRestore();
    }
    expect(error instanceof MonitorError && error.text("en")).toBe(
      "Excel refused the last step (Excel: InsertDeleteConflict): every sheet was written and marked, but the earlier version is still there: '~Nationaliteiten' (earlier 'Nationaliteiten'). It holds nothing of yours: delete it. The new sheets may stand at the end of the workbook.",
    );
    expect(error instanceof MonitorError && error.text("nl")).toBe(
      "Excel weigerde de laatste stap (Excel: InsertDeleteConflict): elk blad is geschreven en gemarkeerd, maar de vorige versie staat er nog: '~Nationaliteiten' (eerder 'Nationaliteiten'). Daarop staat niets van u: verwijder dat blad. De nieuwe bladen kunnen achteraan de werkmap staan.",
    );
    expect(old.name).toBe("~Nationaliteiten");
    expect(JSON.stringify(sheetState(old))).toBe(oldState);
    expect(sheetNamed(model, "Nationaliteiten")).not.toBe(old);
  });
});
