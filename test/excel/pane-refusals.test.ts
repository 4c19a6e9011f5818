import { snapshotOf } from "../../src/data/compare";
import { MonitorError } from "../../src/data/errors";
import { remember, runLoadData, runRegenerate, snapshotsFor } from "../../src/taskpane/excel-actions";
import { fakeRun, WorkbookModel } from "../support/fake-excel";
import { FakeSettings } from "../support/fake-settings";
import { errorOf } from "../support/refuse-write";
import { edition, snapshot, tableValues, userWorkbook } from "../support/workbooks";

/**
 * What the pane's actions make of a sync Excel refuses outside the reads and writes that say so
 * themselves: reading what the workbook remembers of earlier pulls (before anything is written),
 * saving it after a pull, and the recalculation after a pull or Regenerate (what was written
 * stands, and the pane says that formulas may show the earlier figures). Excel's code, never its text.
 */
describe("the pane's actions when Excel refuses", () => {
  let model: WorkbookModel;
  let settings: FakeSettings;
  /** The Excel.run calls so far; `refusing` makes Excel refuse every sync of the run with that number. */
  let runs = 0;
  let refusing: number | null = null;
  const saved = { office: (globalThis as { Office?: unknown }).Office, excel: (globalThis as { Excel?: unknown }).Excel };
  beforeEach(() => {
    model = userWorkbook();
    settings = new FakeSettings();
    runs = 0;
    refusing = null;
    Object.assign(globalThis, {
      Office: { context: { document: { settings } } },
      Excel: {
        run: async <T>(body: (context: unknown) => Promise<T>) => {
          const refused = ++runs === refusing;
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
  afterEach(() => Object.assign(globalThis, { Office: saved.office, Excel: saved.excel }));
  const source = { kind: "shipped" as const, location: "shipped", edition: { title: "t", name: "t", version: "1", date: "2022-01-01" } } as never;

  it("reading what the workbook remembers of earlier pulls, refused: what it was reading, nothing changed", async () => {
    const before = snapshot(model);
    refusing = 1;
    const error = await errorOf(snapshotsFor("url", edition));
    expect(error instanceof MonitorError && error.messages).toEqual({
      nl: "Excel weigerde het lezen van wat de werkmap onthoudt van eerder ophalen (Excel: GeneralException). Er is niets veranderd. Probeer het opnieuw; blijft dit gebeuren, sluit dan openstaande dialoogvensters van andere invoegtoepassingen, of sla de werkmap op, sluit hem en open hem opnieuw.",
      en: "Excel refused reading what the workbook remembers of earlier pulls (Excel: GeneralException). Nothing was changed. Try again; if it keeps happening, close any open dialogs of other add-ins, or save the workbook, close it and open it again.",
    });
    expect(snapshot(model)).toBe(before);
  });

  it("saving the pull's snapshot, refused: Excel's code, not its text", async () => {
    refusing = 1;
    await expect(remember(source, snapshotOf(edition))).resolves.toEqual([{ kind: "notSaved", code: "GeneralException" }]);
  });

  it("the recalculation after a pull, refused: the figures are written and remembered, and the result says Excel's code", async () => {
    const result = await runLoadData({ pkg: edition, source }, edition, {}).then((r) => r, (e: unknown) => e);
    expect(result).toMatchObject({ ok: true, notRecalculated: null, memory: [] });
    // Again, Excel refusing the recalculation (the third run: what the workbook remembers, the load, the recalculation).
    runs = 0;
    refusing = 3;
    const changed = { ...edition, observations: edition.observations.map((o, i) => (i === 0 ? { ...o, waarde: o.waarde + 1 } : o)) };
    const again = await runLoadData({ pkg: changed, source }, edition, {});
    expect(again).toMatchObject({ ok: true, notRecalculated: "GeneralException", memory: [] });
    expect(tableValues(model, "MonitorData")[1][6]).toBe(edition.observations[0].waarde + 1);
  });

  it("the recalculation after Regenerate, refused: the sheets are built, and the result says Excel's code", async () => {
    refusing = 2; // the first run builds, the second recalculates
    const result = await runRegenerate(edition, "nl", () => undefined);
    expect(result).toMatchObject({ ok: true, notRecalculated: "GeneralException" });
    expect(model.sheets.length).toBeGreaterThan(2);
  });
});
