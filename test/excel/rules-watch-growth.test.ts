import { fakeRun, RuleModel, TableModel, WorkbookModel } from "../support/fake-excel";
import { editionChanged, onceDeleting, pullTexts as texts, sheetRowOf } from "../support/pull-stops";
import { atWritingSync, edition, loadedWorkbook, runLoadData, sheetNamed } from "../support/workbooks";
import { TABLE_NAMES } from "../../src/data/package";
import type { AnyMessage } from "../../src/text/message";

/**
 * The pull's own growth is not the analyst's edit (review 4, finding 1). A table that gains rows
 * gets room below it first: cells inserted below it in its columns, or, under a total row, rows
 * added above that row (table-refresh.ts "Inserts first", total-row.ts addBodyRows). Excel moves
 * what is below and shifts the references into it, in rules too (the fake models it). The rules
 * watch (src/excel/rules-watch.ts) once took that shift, seen between the read before the pull and
 * the look at its first delete, for the analyst's edit: the rule was not put back, its #REF!
 * stayed, and the pane said "Changed by you during the pull". Now the insert's sync looks just
 * before and just after it as a delete's does. An edit the analyst does make is still theirs.
 */
const next = editionChanged(edition, 10, [20, 50, 90], 5);

/** Pulls `next`, cancelling at the first sync that has deleted rows; `rowsWithNew`: the table's rows once the new ones are in. */
async function cancelledAtFirstDelete(model: WorkbookModel, data: TableModel, rowsWithNew: number, extra: { onWrite?: ReturnType<typeof atWritingSync> } = {}) {
  const cancel = new AbortController();
  const deleting = onceDeleting(data, rowsWithNew, () => cancel.abort());
  const onProgress = (fraction: number, message: AnyMessage) => {
    extra.onWrite?.(fraction, message);
    deleting();
  };
  const { result } = await runLoadData(model, next, { syncLimit: 150, signal: cancel.signal, onProgress });
  expect(result).toMatchObject({ ok: false, cancelled: true });
  return result;
}

/** A rule naming the row deleted first (Data!G92) and the analyst's cell `a1` below MonitorData. */
const custom = (a1: string): RuleModel => ({ row: 0, column: 2, rows: 3, columns: 1, type: "Custom", formula: `=AND(C1>Data!$G$92,C1<Data!${a1})` });

describe("the pull's own room for new rows is not the analyst's edit of a rule", () => {
  it("a conditional format pointing at a deleted row and at a total below the table, nothing edited, cancelled at the first delete: it comes back whole and the pane says nothing of it", async () => {
    const { model, data } = await loadedWorkbook();
    expect(sheetRowOf(data, edition.observations[90])).toBe(91);
    const total = data.box.row + data.box.rows + 3; // 0-based sheet row, below the table
    const mine = custom(`$G$${total + 1}`);
    sheetNamed(model, "Mijn analyse").conditionalFormats.push(mine);
    const before = mine.formula;
    const result = await cancelledAtFirstDelete(model, data, data.box.rows + 5);
    expect({ formula: mine.formula, pane: texts(result) }).toEqual({ formula: before, pane: [] });
    expect(texts(result, "nl")).toEqual([]);
  });

  it("the same for a data validation rule", async () => {
    const { model, data } = await loadedWorkbook();
    const total = data.box.row + data.box.rows + 3;
    const mine = custom(`$G$${total + 1}`);
    sheetNamed(model, "Mijn analyse").dataValidations.push(mine);
    const before = mine.formula;
    const result = await cancelledAtFirstDelete(model, data, data.box.rows + 5);
    expect({ formula: sheetNamed(model, "Mijn analyse").dataValidations.map((v) => v.formula), pane: texts(result) }).toEqual({ formula: [before], pane: [] });
  });

  it("under a total row, where the new rows are added above it (one sync a block): a rule on the total comes back whole", async () => {
    const { model, data } = await loadedWorkbook();
    await fakeRun(model, async (context) => {
      context.workbook.tables.getItem(TABLE_NAMES.observations).showTotals = true;
      await context.sync();
    });
    const totalRow = data.box.row + data.box.rows - 1;
    const mine = custom(`$G$${totalRow + 1}`);
    sheetNamed(model, "Mijn analyse").conditionalFormats.push(mine);
    const before = mine.formula;
    const result = await cancelledAtFirstDelete(model, data, data.box.rows + 5);
    expect({ formula: mine.formula, pane: texts(result) }).toEqual({ formula: before, pane: [] });
  });

  it("an edit the analyst makes at the pull's first writing sync is still theirs: left as typed and named", async () => {
    const { model, data } = await loadedWorkbook();
    const total = data.box.row + data.box.rows + 3;
    const mine = custom(`$G$${total + 1}`);
    sheetNamed(model, "Mijn analyse").conditionalFormats.push(mine);
    const result = await cancelledAtFirstDelete(model, data, data.box.rows + 5, { onWrite: atWritingSync(1, () => (mine.formula = "=C1>Data!$G$5")) });
    expect(mine.formula).toBe("=C1>Data!$G$5");
    expect(texts(result)).toEqual([
      "The pull had deleted rows of MonitorData on the sheet 'Data' when it stopped; they are back. Changed by you during the pull, so left as you made it and not put back: conditional formatting on the sheet 'Mijn analyse'.",
    ]);
  });
});
