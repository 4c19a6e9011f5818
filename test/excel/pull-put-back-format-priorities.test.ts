import { RuleModel, TableModel, WorkbookModel } from "../support/fake-excel";
import { editionChanged, pullTexts as texts, refusedAtFirstDelete, sheetRowOf } from "../support/pull-stops";
import { edition, loadedWorkbook, runLoadData } from "../support/workbooks";

/**
 * ConditionalFormat.id is "The priority of the conditional format in the current
 * ConditionalFormatCollection" (ExcelApi 1.6; the fake gives each format's place on its sheet, see
 * formatId in test/support/fake-excel.ts), not a name that stays with it: when Excel deletes a
 * format with its last cell, each one after it moves up and takes the id before it. A stopped
 * pull's put-back (formats-put-back.ts) writes by id, so on a sheet whose formats are no longer
 * what they were at their places it writes nothing, and the pane names the sheet. From review 3.
 */
const WAARDE = 6;
// At 150 bytes a sync each delete is a sync of its own, bottom first: the row of observation 90 goes first, and Excel refuses the next.
const next = editionChanged(edition, 10, [20, 50, 90], 5);

async function pulledRefusedAtFirstDelete(model: WorkbookModel, data: TableModel, then?: () => void) {
  const onProgress = refusedAtFirstDelete(model, data, data.box.rows + 5, then);
  const { result } = await runLoadData(model, next, { syncLimit: 150, onProgress });
  model.refuse = null;
  return result;
}

describe("a stopped pull's put-back of conditional formats, whose ids are their priorities", () => {
  it("leaves the analyst's band its own range and rule when Excel deleted a format before it, and names the sheet", async () => {
    const { model, data } = await loadedWorkbook();
    const row = sheetRowOf(data, edition.observations[90]);
    // First on the sheet, on the deleted row's Waarde alone: Excel deletes it with the row.
    const only: RuleModel = { row, column: WAARDE, rows: 1, columns: 1, type: "CellValue", formula: "-5", formula2: "-1" };
    // The analyst's band above it, untouched by the delete (its rows stay).
    const band: RuleModel = { row: row - 20, column: WAARDE, rows: 8, columns: 1, type: "CellValue", formula: "0", formula2: "100" };
    data.sheet.conditionalFormats.push(only, band);
    let atStop: unknown[] = [];
    const result = await pulledRefusedAtFirstDelete(model, data, () => (atStop = [...data.sheet.conditionalFormats]));
    // At the stop Excel had deleted the first format: the band was first, with the id "1" the deleted one had.
    expect(atStop).toEqual([band]);
    expect(data.sheet.conditionalFormats).toEqual([band]);
    expect([band.row, band.rows, band.formula, band.formula2]).toEqual([row - 20, 8, "0", "100"]);
    expect(texts(result)[1]).toContain("Not checked and not put back: conditional formatting on the sheet 'Data'.");
    expect(texts(result, "nl")[1]).toContain("voorwaardelijke opmaak op het blad 'Data'");
  });

  it("still puts back a format after one Excel kept: their places did not change", async () => {
    const { model, data } = await loadedWorkbook();
    const row = sheetRowOf(data, edition.observations[90]);
    // First: the analyst's band above the deleted row, untouched. Second: a band whose last row is the deleted one, which Excel shrinks.
    const above: RuleModel = { row: row - 20, column: WAARDE, rows: 8, columns: 1, type: "CellValue", formula: "0", formula2: "100" };
    const over: RuleModel = { row: row - 7, column: WAARDE, rows: 8, columns: 1, type: "Custom", formula: "=G1>5" };
    data.sheet.conditionalFormats.push(above, over);
    let atStop: unknown[] = [];
    const result = await pulledRefusedAtFirstDelete(model, data, () => (atStop = [over.row, over.rows]));
    expect(atStop).toEqual([row - 7, 7]);
    expect([above.row, above.rows, above.formula, above.formula2, above.type]).toEqual([row - 20, 8, "0", "100", "CellValue"]);
    expect([over.row, over.rows, over.formula, over.type]).toEqual([row - 7, 8, "=G1>5", "Custom"]);
    expect(texts(result)).toEqual(["Excel refused a change (Excel: GeneralException); the workbook was put back as it was."]);
    expect(texts(result, "nl")).toEqual(["Excel weigerde een wijziging (Excel: GeneralException); de werkmap is teruggezet zoals hij was."]);
  });
});
