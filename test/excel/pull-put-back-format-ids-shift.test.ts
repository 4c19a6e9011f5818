import { RuleModel, TableModel, WorkbookModel } from "../support/fake-excel";
import { editionChanged, pullTexts as texts, sheetRowOf } from "../support/pull-stops";
import { edition, loadedWorkbook, runLoadData, snapshot } from "../support/workbooks";

/**
 * The watch on conditional formats (src/excel/rules-watch.ts, formats-put-back.ts watchFormats)
 * looks at each by the id it had when read, and an id is a priority (the fake gives a format's
 * place on its sheet, formatId in test/support/fake-excel.ts): when Excel deletes a format with its
 * last cell, the ones after it take the ids before them. Two such deletes in two syncs move ids
 * twice; the question (issue 14) was whether a format that only moved is then called "changed by
 * you". It is not: each move happens between the look just before a delete and the one just
 * after it, in one sync, which the watch reads as Excel's. What did call an untouched format the
 * analyst's was the pull's own insert below the table (the room for its new rows): a format
 * reaching below the table grows with the inserted cells, in a sync the watch did not look
 * around. Each case states the formats before and after, and the pane's words.
 */
const WAARDE = 6;
// Ten figures changed, three rows dropped far apart, five added: at 150 bytes a sync each delete is a sync of its own, bottom first (observation 90's row, then 50's, then 20's).
const next = editionChanged(edition, 10, [20, 50, 90], 5);

/** Pulls `next`, cancelling once `steps` deleting syncs are back. */
async function cancelledAfterDeletes(model: WorkbookModel, data: TableModel, steps: number) {
  const cancel = new AbortController();
  const rowsWithNew = data.box.rows + 5;
  let [grown, seen] = [false, 0];
  const onProgress = () => {
    grown ||= data.box.rows === rowsWithNew;
    if (grown && data.box.rows < rowsWithNew - seen && ++seen === steps) cancel.abort();
  };
  const { result } = await runLoadData(model, next, { syncLimit: 150, signal: cancel.signal, onProgress });
  return { result, seen };
}

const notPutBack =
  "The pull had deleted rows of MonitorData on the sheet 'Data' when it stopped; they are back. Not checked and not put back: conditional formatting on the sheet 'Data'. " +
  "A reference there to one of those rows is now #REF!: Excel made that of it when the row went. Type those references again.";

/**
 * A format from row 16 to 100 rows below the table (the first delete, observation 90's row, shrinks
 * it by one; the pull's room for its five new rows grew it by five), then a pull cancelled after its
 * first delete: nothing is called changed by the analyst, the format is put back as it was, and the
 * workbook is as before.
 */
async function tallFormatPutBackWhole(model: WorkbookModel, data: TableModel): Promise<void> {
  const bottom = data.box.row + data.box.rows - 1;
  const tall: RuleModel = { row: 15, column: WAARDE, rows: bottom + 100 - 15, columns: 1, type: "CellValue", formula: "0", formula2: "100" };
  data.sheet.conditionalFormats.push(tall);
  const before = snapshot(model);
  const was = JSON.stringify(tall);
  const { result, seen } = await cancelledAfterDeletes(model, data, 1);
  expect(seen).toBe(1);
  expect(result).toEqual({ ok: false, problems: [], cancelled: true });
  expect(JSON.stringify(data.sheet.conditionalFormats)).toBe(JSON.stringify([JSON.parse(was)]));
  expect(snapshot(model)).toEqual(before);
}

describe("a stopped pull's watch on conditional formats, whose ids are their priorities", () => {
  it("two formats Excel deletes in two steps move the ids of the rest twice: the pane names the sheet as not put back, never as changed by you, and the rest stay as they were", async () => {
    const { model, data } = await loadedWorkbook();
    const cell = (o: number): RuleModel => ({ row: sheetRowOf(data, edition.observations[o]), column: WAARDE, rows: 1, columns: 1, type: "CellValue", formula: String(-o), formula2: "-1" });
    // First and second: one cell each, on the rows the first and second deletes take (Excel deletes each with its row). After them: a band the deletes do not reach, and one on another column.
    const [first, second] = [cell(90), cell(50)];
    const band: RuleModel = { row: 2, column: WAARDE, rows: 8, columns: 1, type: "CellValue", formula: "0", formula2: "100" };
    const other: RuleModel = { row: 2, column: WAARDE + 1, rows: 3, columns: 1, type: "Custom", formula: "=H3>1" };
    data.sheet.conditionalFormats.push(first, second, band, other);
    const untouched = JSON.stringify([band, other]);
    const { result, seen } = await cancelledAfterDeletes(model, data, 2);
    expect(seen).toBe(2);
    expect(result).toMatchObject({ ok: false, cancelled: true });
    expect(texts(result)).toEqual([notPutBack]);
    expect(texts(result, "nl").join(" ")).not.toContain("door u gewijzigd");
    expect(JSON.stringify(data.sheet.conditionalFormats)).toBe(untouched);
  });

  it("a format reaching below the table, which the pull's insert for its new rows makes taller: not called changed by you; it is put back as it was, and the pane says only that the pull was cancelled", async () => {
    const { model, data } = await loadedWorkbook();
    await tallFormatPutBackWhole(model, data);
  });

  it("the same with a total row, where the new rows are added above it (TableRowCollection.add) instead of cells inserted: not called changed by you, put back as it was", async () => {
    const { model, data } = await loadedWorkbook();
    data.showTotals = true;
    data.box = { ...data.box, rows: data.box.rows + 1 }; // the total row, as Table.showTotals adds it
    await tallFormatPutBackWhole(model, data);
  });
});
