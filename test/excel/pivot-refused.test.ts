import { buildPivot, PivotResult } from "../../src/excel/pivot";
import { PIVOT_NAME, PIVOT_SHEET_KEY } from "../../src/report/pivot-plan";
import { problemText } from "../../src/text/problems";
import { fakeRun, OfficeError, WorkbookModel } from "../support/fake-excel";
import { errorOf, withSyncsRefused } from "../support/refuse-write";
import { asExcel, edition, markKey, runRegenerate, sheetState, snapshot } from "../support/workbooks";

/**
 * Making the ready PivotTable when Excel refuses a step of it (review D11). Excel runs a batch in
 * order and stops at the step it refuses, the steps before it done (OfficeExtension.Error
 * reference); a refused build must leave the workbook as it was, or the pane says exactly what is
 * left. Workbook states before and after, on the fake, and the pane's text in Dutch and English.
 *
 * The syncs of buildPivot, counted by withSyncsRefused: 1 the workbook's sheets, MonitorData and
 * any PivotTable of the add-in's; 2 the sheets' marks; 3 the new sheet alone; 4 everything on it;
 * then, after a refusal, 5 deleting that sheet and 6 (when 5 is refused) reading what is left.
 */
const runPivot = (model: WorkbookModel, language: "nl" | "en" = "nl") => fakeRun(model, (context) => buildPivot(asExcel(context), edition, language));

/** The PivotTable's sheet, by the pane's language. */
const SHEET = { nl: "Draaitabel", en: "Pivot" } as const;

const problemOf = (result: PivotResult, language: "nl" | "en") => (result.ok ? null : result.problems.map((p) => problemText(p, language)));

/** Everything the snapshot holds, and the PivotTables (which it does not). */
const state = (model: WorkbookModel) => ({ workbook: snapshot(model), pivots: model.pivots.map((p) => p.name) });

/**
 * A workbook whose MonitorData has no Leiden (the analyst renamed it to Leyden), while the
 * figures the pane holds do: the PivotTable's filter on Gebied selects Leiden, the last steps
 * of its batch, and Excel refuses that item (Excel.PivotManualFilter: selectedItems "must be
 * existing and valid items from the chosen field").
 */
async function withoutLeiden(): Promise<WorkbookModel> {
  const model = new WorkbookModel();
  await runRegenerate(model);
  const data = model.tables.find((t) => t.name === "MonitorData");
  if (!data) throw new Error("no MonitorData");
  const gebied = data.sheet.values(data.box)[0].indexOf("Gebied");
  for (let r = 1; r < data.box.rows; r++) {
    const cell = data.sheet.cell(data.box.row + r, data.box.column + gebied);
    if (cell.value === "Leiden") cell.value = "Leyden";
  }
  return model;
}

describe("a PivotTable build Excel refuses in the middle of its batch", () => {
  it("the fake: the steps before the refused one stay done, those after it never run", async () => {
    const model = new WorkbookModel();
    model.addSheet("Blad1");
    const error = await errorOf(
      fakeRun(model, async (context) => {
        const sheet = context.workbook.worksheets.add("Half");
        sheet.getRangeByIndexes(0, 0, 1, 1).values = [["before"]];
        context.workbook.worksheets.getItem("Bestaat niet").getRangeByIndexes(0, 0, 1, 1).values = [["refused"]];
        sheet.getRangeByIndexes(1, 0, 1, 1).values = [["after"]];
        await context.sync();
      }),
    );
    expect((error as OfficeError).code).toBe("ItemNotFound");
    const half = model.sheetNamed("Half");
    expect([half?.cell(0, 0).value, half?.cell(1, 0).value]).toEqual(["before", null]);
  });

  it("a filter item MonitorData lacks: the sheet begun for it is deleted again, the workbook is as it was, and the pane says so", async () => {
    for (const language of ["nl", "en"] as const) {
      const model = await withoutLeiden();
      const before = state(model);
      const { result } = await runPivot(model, language);
      expect(state(model)).toEqual(before);
      expect(model.sheetNamed(SHEET[language])).toBeUndefined();
      expect(problemOf(result, language)).toEqual([
        language === "nl"
          ? "Excel weigerde de draaitabel te maken (Excel: InvalidArgument). Het blad dat ervoor begonnen was, is weer verwijderd: de werkmap is zoals hij was. Probeer het opnieuw; blijft dit gebeuren, haal dan eerst de gegevens opnieuw op (tabblad Gegevens), zodat MonitorData bevat waarop de draaitabel filtert."
          : "Excel refused making the PivotTable (Excel: InvalidArgument). The sheet begun for it was deleted again: the workbook is as it was. Try again; if it keeps happening, pull the data again first (Data tab), so that MonitorData holds what the PivotTable filters on.",
      ]);
    }
  });

  it("and Excel refuses deleting that sheet too: the pane names the sheet left, with its unfinished PivotTable, and nothing else changed", async () => {
    for (const language of ["nl", "en"] as const) {
      const model = await withoutLeiden();
      const before = model.sheets.map((s) => JSON.stringify([s.name, [...s.customProperties], sheetState(s)]));
      const { result } = await withSyncsRefused(model, [5], () => runPivot(model, language));
      // What is left: the begun sheet, marked, with its texts and a PivotTable whose filters are half applied.
      const name = SHEET[language];
      const left = model.sheetNamed(name);
      expect(left && markKey(left)).toBe(PIVOT_SHEET_KEY);
      expect(model.pivots.map((p) => [p.name, p.sheet.name, Object.fromEntries(p.manualFilters)])).toEqual([[PIVOT_NAME, name, { Indicator: ["inwoners"], Eenheid: ["aantal"] }]]);
      expect(model.sheets.filter((s) => s !== left).map((s) => JSON.stringify([s.name, [...s.customProperties], sheetState(s)]))).toEqual(before);
      expect(problemOf(result, language)).toEqual([
        language === "nl"
          ? "Excel weigerde de draaitabel te maken (Excel: InvalidArgument) en daarna ook het verwijderen van het blad 'Draaitabel' dat ervoor begonnen was. Dat blad staat er nog, met een onafgemaakte draaitabel; verder is er niets veranderd. Verwijder het blad 'Draaitabel' (rechtsklik op de tab › Verwijderen) en probeer het opnieuw."
          : "Excel refused making the PivotTable (Excel: InvalidArgument), and then deleting the sheet 'Pivot' begun for it. That sheet is still there, with an unfinished PivotTable; nothing else was changed. Delete the sheet 'Pivot' (right-click its tab › Delete) and try again.",
      ]);
    }
  });

  it("and Excel refuses the delete and the read after it: the pane says what may be left", async () => {
    const model = await withoutLeiden();
    const { result } = await withSyncsRefused(model, [5, 6], () => runPivot(model, "en"));
    expect(model.sheetNamed("Pivot")).toBeDefined();
    expect(problemOf(result, "en")).toEqual([
      "Excel refused making the PivotTable (Excel: InvalidArgument), and then deleting the sheet 'Pivot' begun for it. That sheet may still be there, perhaps with an unfinished PivotTable; nothing else was changed. Delete the sheet 'Pivot' (right-click its tab › Delete) and try again.",
    ]);
  });

  it("Excel refuses adding the sheet (its first half ran: the blank sheet was added): it is deleted, the workbook is as it was", async () => {
    const model = new WorkbookModel();
    await runRegenerate(model);
    const before = state(model);
    const { result } = await withSyncsRefused(model, [3], () => runPivot(model, "nl"));
    expect(state(model)).toEqual(before);
    expect(problemOf(result, "nl")).toEqual([
      "Excel weigerde de draaitabel te maken (Excel: GeneralException). Het blad dat ervoor begonnen was, is weer verwijderd: de werkmap is zoals hij was. Probeer het opnieuw; blijft dit gebeuren, haal dan eerst de gegevens opnieuw op (tabblad Gegevens), zodat MonitorData bevat waarop de draaitabel filtert.",
    ]);
  });

  it("a sheet of that name the user makes meanwhile: Excel refuses the add (ItemAlreadyExists), and the user's sheet is left as they made it", async () => {
    for (const language of ["nl", "en"] as const) {
      const model = new WorkbookModel();
      await runRegenerate(model);
      let syncs = 0;
      // Just before the add reaches Excel, the user adds a sheet of that name and types on it.
      model.refuse = () => {
        if (++syncs === 3) model.addSheet(SHEET[language]).cell(0, 0).value = "Mijn draaitabel komt hier";
        return null;
      };
      const before = { sheets: model.sheets.length + 1 };
      const { result } = await runPivot(model, language).finally(() => (model.refuse = null));
      const theirs = model.sheetNamed(SHEET[language]);
      expect([model.sheets.length, theirs?.cell(0, 0).value, theirs && markKey(theirs), model.pivots.length]).toEqual([before.sheets, "Mijn draaitabel komt hier", null, 0]);
      expect(problemOf(result, language)).toEqual([
        language === "nl"
          ? "Excel weigerde de draaitabel te maken (Excel: ItemAlreadyExists). Er is niets veranderd. Probeer het opnieuw; blijft dit gebeuren, haal dan eerst de gegevens opnieuw op (tabblad Gegevens), zodat MonitorData bevat waarop de draaitabel filtert."
          : "Excel refused making the PivotTable (Excel: ItemAlreadyExists). Nothing was changed. Try again; if it keeps happening, pull the data again first (Data tab), so that MonitorData holds what the PivotTable filters on.",
      ]);
    }
  });
});

describe("a PivotTable in an Excel without ExcelApi 1.13", () => {
  it("the fake refuses refreshOnOpen there (ApiNotFound), in the middle of a batch", async () => {
    const model = new WorkbookModel();
    await runRegenerate(model);
    await runPivot(model);
    model.excelApi = "1.12";
    const error = await errorOf(fakeRun(model, async (context) => void (context.workbook.pivotTables.getItem(PIVOT_NAME).refreshOnOpen = false)));
    expect((error as OfficeError).code).toBe("ApiNotFound");
    expect(model.pivots[0].refreshOnOpen).toBe(true);
  });

  it("is made without the refresh on opening, and the pane says to refresh it by hand", async () => {
    for (const language of ["nl", "en"] as const) {
      const model = new WorkbookModel();
      await runRegenerate(model);
      model.excelApi = "1.12";
      const { result } = await runPivot(model, language);
      expect(result.ok && result.notes.map((n) => n.phrase[language](n.params))).toEqual([
        language === "nl"
          ? "Deze versie van Excel kan de draaitabel niet bijwerken bij het openen van de werkmap (daarvoor is ExcelApi 1.13 nodig). Elke keer ophalen werkt hem bij; na een eigen wijziging in MonitorData: rechtsklik in de draaitabel en kies Vernieuwen."
          : "This version of Excel cannot refresh the PivotTable when the workbook opens (that needs ExcelApi 1.13). Every pull refreshes it; after a change of your own to MonitorData, right-click the PivotTable and choose Refresh.",
      ]);
      const pivot = model.pivots[0];
      expect([pivot.name, pivot.refreshOnOpen, Object.fromEntries(pivot.manualFilters)]).toEqual([PIVOT_NAME, false, { Indicator: ["inwoners"], Eenheid: ["aantal"], Gebied: ["Leiden"] }]);
    }
  });
});
