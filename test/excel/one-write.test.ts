import { runLoadData, runPivot, runRegenerate } from "../../src/taskpane/excel-actions";
import { WriteRunning } from "../../src/excel/one-write";
import { fakeRun, WorkbookModel } from "../support/fake-excel";
import { FakeSettings } from "../support/fake-settings";
import { edition, snapshot, tableValues, userWorkbook } from "../support/workbooks";

/**
 * Review R11: the pane's pull and Regenerate and the ribbon's Regenerate run in one shared
 * runtime; a second write asked for while one runs is refused at once, naming the one running,
 * and changes nothing. Workbook states after, on the Excel fake; the texts as the pane shows them.
 */
describe("one write at a time across the shared runtime", () => {
  let model: WorkbookModel;
  const saved = { office: (globalThis as { Office?: unknown }).Office, excel: (globalThis as { Excel?: unknown }).Excel };
  const install = (workbook: WorkbookModel) =>
    Object.assign(globalThis, {
      Office: { context: { document: { settings: new FakeSettings() } } },
      Excel: { run: async <T>(body: (context: unknown) => Promise<T>) => (await fakeRun(workbook, body as never)).result },
    });
  beforeEach(() => install((model = userWorkbook())));
  afterEach(() => Object.assign(globalThis, { Office: saved.office, Excel: saved.excel }));
  const source = { kind: "shipped" as const, location: "shipped", edition: { title: "t", name: "t", version: "1", date: "2022-01-01" } } as never;
  const changed = { ...edition, observations: edition.observations.map((o, i) => (i === 0 ? { ...o, waarde: o.waarde + 1 } : o)) };

  /** What the workbook is after the pull alone, on a workbook of its own. */
  async function pulledAlone(): Promise<string> {
    const alone = userWorkbook();
    install(alone);
    await runLoadData({ pkg: edition, source }, edition, {});
    await runLoadData({ pkg: changed, source }, edition, {});
    install(model);
    return snapshot(alone);
  }

  it("a Regenerate asked for while a pull writes is refused, naming the pull; the workbook is what the pull alone makes", async () => {
    const expected = await pulledAlone();
    await runLoadData({ pkg: edition, source }, edition, {});
    const asked: { refusal?: Promise<unknown> } = {};
    // The click comes while the pull's write is running: at the first sync that writes.
    model.meanwhile = (bytes) => {
      if (bytes > 0 && !asked.refusal) asked.refusal = runRegenerate(edition, "nl", () => undefined).then((r) => r, (e: unknown) => e);
    };
    const pulled = await runLoadData({ pkg: changed, source }, edition, {});
    model.meanwhile = null;

    expect(pulled).toMatchObject({ ok: true });
    const refusal = await asked.refusal;
    expect(refusal).toBeInstanceOf(WriteRunning);
    expect((refusal as WriteRunning).messages).toEqual({
      nl: "Het opnieuw opbouwen van de bladen en grafieken is niet begonnen: het ophalen van gegevens (schrijven naar MonitorData) schrijft nog in deze werkmap. Er is niets veranderd; probeer het opnieuw als dat klaar is.",
      en: "Rebuilding the sheets and charts did not start: the pull (writing to MonitorData) is still writing to this workbook. Nothing was changed; try again when it is done.",
    });
    expect(snapshot(model)).toBe(expected); // no indicator sheet, nothing of Regenerate's
    expect(model.sheets.map((s) => s.name)).toEqual(["Mijn analyse", "Data"]);
    expect(tableValues(model, "MonitorData")[1][6]).toBe(edition.observations[0].waarde + 1);
  });

  it("a pull or a PivotTable asked for while Regenerate runs is refused, naming Regenerate; once it is done the next write runs", async () => {
    await runLoadData({ pkg: edition, source }, edition, {});
    const before = tableValues(model, "MonitorData");
    const asked: Promise<unknown>[] = [];
    model.meanwhile = () => {
      if (asked.length === 0) asked.push(runLoadData({ pkg: changed, source }, edition, {}).then((r) => r, (e: unknown) => e), runPivot(edition, "en").then((r) => r, (e: unknown) => e));
    };
    const built = await runRegenerate(edition, "nl", () => undefined);
    model.meanwhile = null;

    expect(built.ok).toBe(true);
    const [pull, pivot] = await Promise.all(asked);
    expect((pull as WriteRunning).messages.en).toBe("The pull (writing to MonitorData) did not start: rebuilding the sheets and charts is still writing to this workbook. Nothing was changed; try again when it is done.");
    expect((pivot as WriteRunning).messages.nl).toBe("Het maken van de draaitabel is niet begonnen: het opnieuw opbouwen van de bladen en grafieken schrijft nog in deze werkmap. Er is niets veranderd; probeer het opnieuw als dat klaar is.");
    expect(tableValues(model, "MonitorData")).toEqual(before); // the pull wrote nothing
    expect(model.pivots).toEqual([]);

    await expect(runLoadData({ pkg: changed, source }, edition, {})).resolves.toMatchObject({ ok: true });
    expect(tableValues(model, "MonitorData")[1][6]).toBe(edition.observations[0].waarde + 1);
  });

  it("a write that fails gives the turn back: the next one runs", async () => {
    model.refuse = () => "GeneralException";
    await expect(runRegenerate(edition, "nl", () => undefined)).rejects.toBeTruthy();
    model.refuse = null;
    await expect(runRegenerate(edition, "nl", () => undefined)).resolves.toMatchObject({ ok: true });
  });
});
