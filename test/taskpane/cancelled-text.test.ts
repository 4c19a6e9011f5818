import { cancelledText } from "../../src/taskpane/cancelled-text";
import { paneTexts } from "../../src/taskpane/i18n";
import { emptiedDataSheet } from "../support/data-sheet-states";
import { edition, runLoadData, tableNamed, userWorkbook } from "../support/workbooks";

/**
 * Review R-A2: what the data panel shows (cancelledText) after a pull on the fake is cancelled,
 * in syncs of 8 KB so that the cancel comes between the tables' writes. A first load on the blank Data sheet cancelled once its tables
 * were made leaves the table style's look: the pane says so and where, never "as it was".
 */
describe("the pane's message after a cancelled pull", () => {
  const pull = async (when: (model: ReturnType<typeof userWorkbook>) => boolean) => {
    const model = userWorkbook();
    await runLoadData(model);
    emptiedDataSheet(model);
    const cancel = new AbortController();
    return (await runLoadData(model, edition, { syncLimit: 8 * 1024, signal: cancel.signal, onProgress: () => void (when(model) && cancel.abort()) })).result;
  };

  it("after a first load's tables were made: the look left, its ranges and how to remove it, in Dutch and English", async () => {
    // MonitorData (A1:P113) stands at the cancel; MonitorIndicatoren (R1:X23) is made by the writes still queued then, which the undo's first sync sends.
    const result = await pull((model) => tableNamed(model, "MonitorData") !== undefined);
    expect(!result.ok && result.cancelled).toBe(true);
    if (result.ok) return;
    expect(cancelledText(result.problems, paneTexts("nl"), "nl")).toBe(
      "Geannuleerd. Op het blad 'Data' zijn de tabellen die de invoegtoepassing schreef weer gewone cellen en is wat ze schreef weer weg, maar de opmaak van de tabelstijl (vulling, lettertype) blijft op A1:P113, R1:X23 staan als opmaak van de cellen zelf: Excel laat die na Converteren naar bereik staan, en de invoegtoepassing wist geen opmaak, om niets van uw eigen opmaak weg te nemen. Wilt u hem weg, kies dan op die cellen Start › Wissen › Opmaak wissen (dat wist daar ook uw eigen opmaak). Het blad is daardoor niet leeg; de volgende keer laden maakt een nieuw blad.",
    );
    expect(cancelledText(result.problems, paneTexts("en"), "en")).toBe(
      "Cancelled. On the sheet 'Data' the tables the add-in wrote are plain cells again and what it wrote is gone, but the table style's look (fill, font) stays on A1:P113, R1:X23 as the cells' own formats: Excel leaves it there after Convert to Range, and the add-in clears no formats, so as not to take any of your own. To remove it, select those cells and choose Home › Clear › Clear Formats (that also clears your own formats there). So the sheet is not blank; the next load makes a new sheet.",
    );
  });

  it("before any table was made: the workbook is as it was", async () => {
    const result = await pull(() => true);
    expect(!result.ok && result.cancelled).toBe(true);
    if (result.ok) return;
    expect(cancelledText(result.problems, paneTexts("en"), "en")).toBe("Cancelled; the workbook is as it was.");
    expect(cancelledText(result.problems, paneTexts("nl"), "nl")).toBe("Geannuleerd; de werkmap is zoals hij was.");
  });
});
