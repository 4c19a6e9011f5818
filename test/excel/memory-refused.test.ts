import { readSnapshots } from "../../src/excel/snapshot-store";
import { remember } from "../../src/taskpane/excel-actions";
import { memoryNote, MemoryProblem, needsAttention } from "../../src/taskpane/memory-notes";
import { textsOf } from "../../src/text/message";
import { fakeRun } from "../support/fake-excel";
import { usePaneOnFake } from "../support/pane-on-fake";
import { withSyncsRefused } from "../support/refuse-write";
import { asExcel } from "../support/workbooks";

/**
 * Saving a pull's memory when Excel refuses a sync of it (review R10), on the fake: the new
 * snapshot refused (the one before stays in force), or only the delete of the older snapshot's
 * parts refused (the new one is saved and read; the old parts stay until the next pull). Two
 * outcomes, each its own typed problem and its own words, in Dutch and English, with Excel's
 * code and never Excel's or Office's own text.
 */
describe("saving a pull's memory, Excel refusing", () => {
  const pane = usePaneOnFake();
  const source = (kind: "url" | "cbs") => ({ kind, location: "https://example.org/datapackage.json", edition: { title: "t", name: "t", version: "1", date: "2022-01-01" }, pulledAt: "2026-12-01T09:00:00Z" }) as never;
  const read = async () => Object.fromEntries((await fakeRun(pane.model, (context) => readSnapshots(asExcel(context)))).result);
  /** The snapshot parts in the workbook, by group: how many of each. */
  const parts = () => pane.model.customXmlParts.reduce<Record<string, number>>((n, p) => ({ ...n, [p.namespaceUri.split(":")[4]]: (n[p.namespaceUri.split(":")[4]] ?? 0) + 1 }), {});
  /** Excel's own text for a refused sync, as the fake gives it (see fake-excel.ts, FakeContext.sync). */
  const EXCEL_TEXT = "The request could not be processed.";
  const say = (problems: MemoryProblem[]) => problems.map((p) => textsOf(memoryNote(p)));

  it("only the delete of the older parts refused: the new memory is saved and read, and the pane says the old parts stay until the next pull", async () => {
    await expect(remember(source("url"), ["aa"])).resolves.toEqual([]);
    // remember's syncs: the list of parts, the new part, then the delete of the older ones (refused).
    const problems = await withSyncsRefused(pane.model, [3], () => remember(source("url"), ["bb"]));
    expect(problems).toEqual([{ kind: "oldPartsLeft", code: "GeneralException" }]);
    expect(await read()).toEqual({ edition: ["bb"] });
    expect(parts()).toEqual({ edition: 2 }); // both generations: the older one left behind, unread
    expect(say(problems)).toEqual([
      {
        nl: "Wat deze bron leverde is bij de werkmap bewaard. Alleen het opruimen van wat de vorige keer was bewaard, weigerde Excel (Excel: GeneralException): dat blijft als verborgen onderdeel in de werkmap staan en maakt het bestand groter, maar wordt niet meer gebruikt. De volgende keer ophalen ruimt het op; u hoeft niets te doen.",
        en: "What this source delivered is saved with the workbook. Only removing what was saved the time before was refused by Excel (Excel: GeneralException): it stays in the workbook as a hidden part and makes the file larger, but is no longer used. The next pull removes it; there is nothing you need to do.",
      },
    ]);
    expect(needsAttention(problems)).toBe(false);

    // The next pull, of the same source, saves and removes what was left.
    await expect(remember(source("url"), ["cc"])).resolves.toEqual([]);
    expect(parts()).toEqual({ edition: 1 });
    expect(await read()).toEqual({ edition: ["cc"] });
  });

  it("the old parts left behind are removed by the next pull of another source too", async () => {
    await remember(source("url"), ["aa"]);
    await withSyncsRefused(pane.model, [3], () => remember(source("url"), ["bb"]));
    expect(parts()).toEqual({ edition: 2 });
    await expect(remember(source("cbs"), ["dd"])).resolves.toEqual([]);
    expect(parts()).toEqual({ edition: 1, cbs: 1 });
    expect(await read()).toEqual({ edition: ["bb"], cbs: ["dd"] });
  });

  it("the new memory refused: the memory of the pull before stays in force, and the pane says what that means for the next pull", async () => {
    await remember(source("url"), ["aa"]);
    const problems = await withSyncsRefused(pane.model, [2], () => remember(source("url"), ["bb"])); // the new part
    expect(problems).toEqual([{ kind: "notSaved", code: "GeneralException" }]);
    expect(await read()).toEqual({ edition: ["aa"] });
    expect(say(problems)).toEqual([
      {
        nl: "Let op: Excel weigerde te bewaren wat deze bron leverde (Excel: GeneralException). De werkmap onthoudt nog wat de vorige keer werd opgehaald: bij de volgende keer ophalen gelden de cijfers die nu zijn geschreven als uw eigen wijzigingen, en een correctie van de bron wordt daarin dan niet overgenomen. Haal dezelfde bron nu nog eens op: cijfers die nog zijn zoals de bron ze levert, worden dan alsnog als de hare onthouden.",
        en: "Note: Excel refused saving what this source delivered (Excel: GeneralException). The workbook still remembers what was pulled the time before: at the next pull, the figures written now count as your own edits, and a correction by the source is not applied to them. Pull the same source again now: figures still as the source delivers them are then remembered as its own.",
      },
    ]);
    expect(needsAttention(problems)).toBe(true);
  });

  it("the list of parts refused, before anything is written: the memory is not saved, and the pane says so the same way", async () => {
    await remember(source("url"), ["aa"]);
    const problems = await withSyncsRefused(pane.model, [1], () => remember(source("url"), ["bb"]), "AccessDenied");
    expect(problems).toEqual([{ kind: "notSaved", code: "AccessDenied" }]);
    expect(await read()).toEqual({ edition: ["aa"] });
    expect(say(problems)[0].en).toMatch(/^Note: Excel refused saving what this source delivered \(Excel: AccessDenied\)\./);
  });

  it("the document settings not saved: Office's error number, not its message, and what that means", async () => {
    pane.settings.failSaves = true;
    const problems = await remember(source("url"), ["aa"]);
    expect(problems).toEqual([{ kind: "sourceNotSaved", code: 5001 }]);
    expect(await read()).toEqual({ edition: ["aa"] }); // the rows' memory is in the workbook, saved
    expect(say(problems)).toEqual([
      {
        nl: "Let op: Office kon niet bij de werkmap bewaren waar deze gegevens vandaan komen (Office-foutcode 5001). Na het opnieuw openen van de werkmap noemt het taakvenster de bron van daarvoor, en haalt Vernieuwen daar op. Haal deze bron nog eens op voordat u de werkmap sluit.",
        en: "Note: Office could not save with the workbook where these data came from (Office error code 5001). After the workbook is opened again, the pane names the source before, and Refresh pulls from that. Pull this source again before you close the workbook.",
      },
    ]);
  });

  it("never shows Excel's or Office's own text", async () => {
    await remember(source("url"), ["aa"]);
    const left = await withSyncsRefused(pane.model, [3], () => remember(source("url"), ["bb"]));
    const refused = await withSyncsRefused(pane.model, [2], () => remember(source("url"), ["cc"]));
    pane.settings.failSaves = true;
    const unsaved = await remember(source("url"), ["dd"]);
    const texts = say([...left, ...refused, ...unsaved]).flatMap((t) => [t.nl, t.en]);
    expect(texts).toHaveLength(6);
    for (const text of texts) {
      expect(text).not.toContain(EXCEL_TEXT);
      expect(text).not.toContain("The document could not be saved.");
    }
  });
});
