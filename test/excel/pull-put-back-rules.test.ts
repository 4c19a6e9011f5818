import { ChartModel, RuleModel, TableModel, WorkbookModel } from "../support/fake-excel";
import { editionChanged, onceDeleting, pullTexts as texts, refusedAtFirstDelete, sheetRowOf } from "../support/pull-stops";
import { edition, loadedWorkbook, runLoadData, sheetNamed, snapshot } from "../support/workbooks";

/**
 * A pull that stops after it began deleting rows puts back the conditional formats and data
 * validation that applied to them or whose rules pointed into them (issue 14): Excel shrank a
 * format's or validation's range by the deleted row (and adding the row back at the range's edge
 * does not grow it again), deleted one whose cells all went, and made #REF! of a rule's reference
 * to a deleted cell or shrank its area (the fake models all of it: shiftSheetExtras,
 * shiftReferences). Workbook states before, at the stop and
 * after; the pane's words in Dutch and English.
 */
const WAARDE = 6;
// Ten figures changed, three dropped far apart, five added; at 150 bytes a sync each delete is a
// sync of its own, bottom first: the row of observation 90 goes first, and Excel refuses the next.
const next = editionChanged(edition, 10, [20, 50, 90], 5);

/**
 * The analyst's conditional formats: on Data, a band over Waarde whose last row is the row
 * deleted first (G85:G92), and a rule beside the table on that row's Waarde; on their own sheet,
 * a rule on it too. Gives the formats and the deleted row (0-based).
 */
function analystFormats(model: WorkbookModel, data: TableModel) {
  const row = sheetRowOf(data, edition.observations[90]);
  expect(row).toBe(91); // Data!G92
  const band: RuleModel = { row: row - 7, column: WAARDE, rows: 8, columns: 1, type: "CellValue", formula: "0", formula2: "100" };
  const beside: RuleModel = { row: 1, column: 40, rows: 3, columns: 1, type: "Custom", formula: "=$G$92>1000" };
  const mine: RuleModel = { row: 0, column: 2, rows: 3, columns: 1, type: "Custom", formula: "=C1>Data!$G$92" };
  data.sheet.conditionalFormats.push(band, beside);
  sheetNamed(model, "Mijn analyse").conditionalFormats.push(mine);
  return { band, beside, mine, row };
}

async function pulledRefusedAtFirstDelete(model: WorkbookModel, data: TableModel, then?: () => void) {
  const onProgress = refusedAtFirstDelete(model, data, data.box.rows + 5, then);
  const { result } = await runLoadData(model, next, { syncLimit: 150, onProgress });
  model.refuse = null;
  return result;
}

describe("a pull that stops after deleting rows: the conditional formats, data validation and chart series over them come back", () => {
  it("refused by Excel while deleting: each format's range and rule as before, the workbook as it was, and the pane names none", async () => {
    const { model, data } = await loadedWorkbook();
    const { band, beside, mine } = analystFormats(model, data);
    const before = snapshot(model);
    let seen: unknown[] = [];
    const result = await pulledRefusedAtFirstDelete(model, data, () => (seen = [band.row, band.rows, beside.formula, mine.formula]));
    // At the stop Excel had shrunk the band by its last row and made #REF! of both rules' references.
    expect(seen).toEqual([84, 7, "=#REF!>1000", "=C1>Data!#REF!"]);
    expect([band.row, band.rows, beside.formula, mine.formula]).toEqual([84, 8, "=$G$92>1000", "=C1>Data!$G$92"]);
    expect(snapshot(model)).toBe(before);
    expect(texts(result)).toEqual(["Excel refused a change (Excel: GeneralException); the workbook was put back as it was."]);
    expect(texts(result, "nl")).toEqual(["Excel weigerde een wijziging (Excel: GeneralException); de werkmap is teruggezet zoals hij was."]);
  });

  it("cancelled after its first deleting sync: the same", async () => {
    const { model, data } = await loadedWorkbook();
    analystFormats(model, data);
    const before = snapshot(model);
    const cancel = new AbortController();
    const onProgress = onceDeleting(data, data.box.rows + 5, () => cancel.abort());
    const { result } = await runLoadData(model, next, { syncLimit: 150, signal: cancel.signal, onProgress });
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
    expect(snapshot(model)).toBe(before);
  });

  it("a format whose cells were all in the deleted row: Excel deleted it, nothing is written on its sheet, which the pane names as not put back; another sheet's comes back", async () => {
    const { model, data } = await loadedWorkbook();
    const { band, mine, row } = analystFormats(model, data);
    const only: RuleModel = { row, column: WAARDE, rows: 1, columns: 1, type: "Custom", formula: "=G92<0" };
    data.sheet.conditionalFormats.push(only);
    const result = await pulledRefusedAtFirstDelete(model, data);
    expect(data.sheet.conditionalFormats).not.toContain(only);
    // Data's formats are not what they were at their places (ids are priorities): nothing is written there, the band stays as Excel shrank it, and the sheet is named; the other sheet's format comes back.
    expect([band.row, band.rows, mine.formula]).toEqual([84, 7, "=C1>Data!$G$92"]);
    expect(texts(result)).toEqual([
      "Excel refused a change (Excel: GeneralException); the workbook was put back as it was, except for the references below.",
      "The pull had deleted rows of MonitorData on the sheet 'Data' when it stopped; they are back. " +
        "Not checked and not put back: conditional formatting on the sheet 'Data'. " +
        "A reference there to one of those rows is now #REF!: Excel made that of it when the row went. Type those references again.",
    ]);
    expect(texts(result, "nl")[1]).toBe(
      "Het ophalen had al rijen van MonitorData op het blad 'Data' verwijderd toen het stopte; die staan er weer. " +
        "Niet nagekeken en niet teruggezet: voorwaardelijke opmaak op het blad 'Data'. " +
        "Een verwijzing daarin naar een van die rijen is nu #VERW! (#REF!): Excel maakte dat ervan toen de rij verdween. Typ die verwijzingen opnieuw.",
    );
  });

  it("in an Excel without ExcelApi 1.17 (no ConditionalFormat.setRanges): nothing of the formats is put back, and the pane names them as before", async () => {
    const { model, data } = await loadedWorkbook();
    const { band, mine } = analystFormats(model, data);
    model.excelApi = "1.16";
    const result = await pulledRefusedAtFirstDelete(model, data);
    expect([band.rows, mine.formula]).toEqual([7, "=C1>Data!#REF!"]);
    expect(texts(result)[1]).toContain("Not checked and not put back: conditional formatting on the sheet 'Data' and conditional formatting on the sheet 'Mijn analyse'.");
    expect(texts(result, "nl")[1]).toContain("Niet nagekeken en niet teruggezet: voorwaardelijke opmaak op het blad 'Data' en voorwaardelijke opmaak op het blad 'Mijn analyse'.");
  });

  it("with data validation: a list over the deleted row's Waarde and the rows above it, one on that cell alone (deleted with it), and a list on another sheet from those rows: each comes back as it was, and the pane names none", async () => {
    const { model, data } = await loadedWorkbook();
    const row = sheetRowOf(data, edition.observations[90]);
    const mine = sheetNamed(model, "Mijn analyse");
    const band: RuleModel = { row: row - 7, column: WAARDE, rows: 8, columns: 1, type: "List", formula: "='Mijn analyse'!$A$2:$A$3", prompt: { showPrompt: true, title: "Waarde", message: "Kies uit de lijst" } };
    const alone: RuleModel = { row, column: WAARDE + 2, rows: 1, columns: 1, type: "Decimal", formula: "0", formula2: "=$G$92*2", ignoreBlanks: false };
    const list: RuleModel = { row: 0, column: 3, rows: 1, columns: 1, type: "List", formula: "=Data!$D$85:$D$92" };
    data.sheet.dataValidations.push(band, alone);
    mine.dataValidations.push(list);
    const [was, wasMine] = [structuredClone(data.sheet.dataValidations), structuredClone(mine.dataValidations)];
    const before = snapshot(model);
    let seen: unknown[] = [];
    const result = await pulledRefusedAtFirstDelete(model, data, () => (seen = [band.rows, data.sheet.dataValidations.includes(alone), list.formula]));
    // At the stop Excel had shrunk the band and the list's source by the row, and deleted the validation of that row's cell.
    expect(seen).toEqual([7, false, "=Data!$D$85:$D$91"]);
    expect(data.sheet.dataValidations).toEqual(was);
    expect(mine.dataValidations).toEqual(wasMine);
    expect(snapshot(model)).toBe(before);
    expect(texts(result)).toEqual(["Excel refused a change (Excel: GeneralException); the workbook was put back as it was."]);
    expect(texts(result, "nl")).toEqual(["Excel weigerde een wijziging (Excel: GeneralException); de werkmap is teruggezet zoals hij was."]);
  });

  it("validation whose areas mix rules (two lists side by side, one area to Excel): not read, and the pane names it as not put back", async () => {
    const { model, data } = await loadedWorkbook();
    const row = sheetRowOf(data, edition.observations[90]);
    data.sheet.dataValidations.push({ row: row - 3, column: WAARDE, rows: 4, columns: 1, type: "List", formula: "='Mijn analyse'!$A$2:$A$3" }, { row: row - 3, column: WAARDE + 1, rows: 4, columns: 1, type: "List", formula: "='Mijn analyse'!$B$2:$B$3" });
    const result = await pulledRefusedAtFirstDelete(model, data);
    expect(texts(result)[1]).toContain("Not checked and not put back: data validation on the sheet 'Data'.");
    expect(texts(result, "nl")[1]).toContain("Niet nagekeken en niet teruggezet: gegevensvalidatie op het blad 'Data'.");
  });

  it("with a chart of the analyst's whose series plots the rows down to the deleted one, and that row's category alone: both sources come back as they were, and the pane names none", async () => {
    const { model, data } = await loadedWorkbook();
    const mine = sheetNamed(model, "Mijn analyse");
    const chart = { name: "Mijn grafiek", type: "ColumnClustered", source: { row: 0, column: 0, rows: 3, columns: 2 }, dataSources: [{ values: "=Data!$G$85:$G$92", categories: "=Data!$D$92" }] } as ChartModel;
    mine.charts.push(chart);
    const before = snapshot(model);
    let seen: unknown = null;
    const result = await pulledRefusedAtFirstDelete(model, data, () => (seen = structuredClone(chart.dataSources)));
    // At the stop Excel had shrunk the values by the row and made #REF! of the category.
    expect(seen).toEqual([{ values: "=Data!$G$85:$G$91", categories: "=Data!#REF!" }]);
    expect(chart.dataSources).toEqual([{ values: "=Data!$G$85:$G$92", categories: "=Data!$D$92" }]);
    expect(snapshot(model)).toBe(before);
    expect(texts(result)).toEqual(["Excel refused a change (Excel: GeneralException); the workbook was put back as it was."]);
    expect(texts(result, "nl")).toEqual(["Excel weigerde een wijziging (Excel: GeneralException); de werkmap is teruggezet zoals hij was."]);
  });
});
