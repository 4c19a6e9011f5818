import { ChartModel, RuleModel, TableModel, WorkbookModel } from "../support/fake-excel";
import { editionChanged, onceDeleting, pullTexts as texts, refusedAtFirstDelete, sheetRowOf } from "../support/pull-stops";
import { atWritingSync, edition, loadedWorkbook, runLoadData, sheetNamed } from "../support/workbooks";
import type { AnyMessage } from "../../src/text/message";

/**
 * A pull that stops after deleting rows puts back the conditional formats, data validation and
 * chart series over them, but never over an edit the analyst made to one of them while the pull
 * ran (issue 14: only what the add-in wrote, and can prove is unchanged; src/excel/rules-watch.ts).
 * The analyst edits a rule between two of the pull's syncs, after its first deleting sync (the
 * rule as Excel's delete left it); the pull then stops (a cancel, or Excel refusing the next
 * sync). Their edit stands and the pane names it, in Dutch and English; the rules they did not
 * touch come back as they were before the pull.
 */
const WAARDE = 6;
// As in pull-put-back-rules.test.ts: three rows dropped far apart, each delete a sync of its own at 150 bytes, the row of observation 90 first.
const next = editionChanged(edition, 10, [20, 50, 90], 5);

/** The analyst's rules over the row deleted first (Data!G92): a band on Waarde down to it, and a rule on their own sheet pointing at it. */
function analystFormats(model: WorkbookModel, data: TableModel) {
  const row = sheetRowOf(data, edition.observations[90]);
  expect(row).toBe(91);
  const band: RuleModel = { row: row - 7, column: WAARDE, rows: 8, columns: 1, type: "CellValue", formula: "0", formula2: "100" };
  const mine: RuleModel = { row: 0, column: 2, rows: 3, columns: 1, type: "Custom", formula: "=C1>Data!$G$92" };
  data.sheet.conditionalFormats.push(band);
  sheetNamed(model, "Mijn analyse").conditionalFormats.push(mine);
  return { band, mine, row };
}

/** Pulls `next`, the analyst doing `edit` at the first deleting sync and cancelling there; gives the result and what `edit` saw. */
async function cancelledAfterEdit(model: WorkbookModel, data: TableModel, edit: () => unknown) {
  const cancel = new AbortController();
  let seen: unknown = null;
  const onProgress = onceDeleting(data, data.box.rows + 5, () => {
    seen = edit();
    cancel.abort();
  });
  const syncs = model.batches.length;
  const { result } = await runLoadData(model, next, { syncLimit: 150, signal: cancel.signal, onProgress });
  return { result, seen, syncs: model.batches.length - syncs };
}

const editedText = (what: string) => [
  "The pull had deleted rows of MonitorData on the sheet 'Data' when it stopped; they are back. " + `Changed by you during the pull, so left as you made it and not put back: ${what}.`,
];
const editedTextNl = (what: string) => [
  "Het ophalen had al rijen van MonitorData op het blad 'Data' verwijderd toen het stopte; die staan er weer. " + `Tijdens het ophalen door u gewijzigd, dus gelaten zoals u het maakte en niet teruggezet: ${what}.`,
];

describe("a pull that stops after deleting rows leaves a rule the analyst changed meanwhile as they made it", () => {
  it("a conditional format retyped after the delete made #REF! of it: it stays as typed, and the pane names it; the band they did not touch comes back", async () => {
    const { model, data } = await loadedWorkbook();
    const { band, mine } = analystFormats(model, data);
    const { result, seen } = await cancelledAfterEdit(model, data, () => {
      const wasThen = mine.formula;
      mine.formula = "=C1>Data!$G$5";
      return [wasThen, band.rows];
    });
    // At their edit, Excel had made #REF! of the rule's reference and shrunk the band by the row.
    expect(seen).toEqual(["=C1>Data!#REF!", 7]);
    expect(mine.formula).toBe("=C1>Data!$G$5");
    expect([band.row, band.rows, band.formula, band.formula2]).toEqual([84, 8, "0", "100"]);
    expect(result).toMatchObject({ ok: false, cancelled: true });
    expect(texts(result)).toEqual(editedText("conditional formatting on the sheet 'Mijn analyse'"));
    expect(texts(result, "nl")).toEqual(editedTextNl("voorwaardelijke opmaak op het blad 'Mijn analyse'"));
  });

  it("the same edit when Excel refuses the next sync: it stays as typed, the rest comes back, and the pane says why it stopped and names the edit", async () => {
    const { model, data } = await loadedWorkbook();
    const { band, mine } = analystFormats(model, data);
    const onProgress = refusedAtFirstDelete(model, data, data.box.rows + 5, () => (mine.formula = "=C1>Data!$G$5"));
    const { result } = await runLoadData(model, next, { syncLimit: 150, onProgress });
    model.refuse = null;
    expect(mine.formula).toBe("=C1>Data!$G$5");
    expect([band.row, band.rows]).toEqual([84, 8]);
    expect(texts(result)).toEqual([
      "Excel refused a change (Excel: GeneralException); the workbook was put back as it was, except for the references below.",
      ...editedText("conditional formatting on the sheet 'Mijn analyse'"),
    ]);
  });

  it("a conditional format retyped before the pull deleted anything (at its first writing sync): the look just before the first delete sees it, and it stays theirs", async () => {
    const { model, data } = await loadedWorkbook();
    const { band, mine } = analystFormats(model, data);
    const cancel = new AbortController();
    let wrote = false;
    // At the pull's first writing sync (it makes room for the new rows; nothing is deleted yet), the analyst retypes their rule.
    const writing = atWritingSync(1, () => {
      wrote = data.sheet.conditionalFormats.includes(band) && band.rows === 8;
      mine.formula = "=C1>Data!$G$5";
    });
    const deleting = onceDeleting(data, data.box.rows + 5, () => cancel.abort());
    const onProgress = (fraction: number, message: AnyMessage) => {
      writing(fraction, message);
      deleting();
    };
    const { result } = await runLoadData(model, next, { syncLimit: 150, signal: cancel.signal, onProgress });
    expect(wrote).toBe(true);
    expect(mine.formula).toBe("=C1>Data!$G$5");
    expect([band.row, band.rows]).toEqual([84, 8]);
    expect(texts(result)).toEqual(editedText("conditional formatting on the sheet 'Mijn analyse'"));
  });

  it("a validation list whose source the delete shrank, set to other cells by the analyst: it stays theirs, and the band's validation comes back", async () => {
    const { model, data } = await loadedWorkbook();
    const row = sheetRowOf(data, edition.observations[90]);
    const mine = sheetNamed(model, "Mijn analyse");
    const band: RuleModel = { row: row - 7, column: WAARDE, rows: 8, columns: 1, type: "List", formula: "='Mijn analyse'!$A$2:$A$3" };
    const list: RuleModel = { row: 0, column: 3, rows: 1, columns: 1, type: "List", formula: "=Data!$D$85:$D$92" };
    data.sheet.dataValidations.push(band);
    mine.dataValidations.push(list);
    const { result, seen } = await cancelledAfterEdit(model, data, () => {
      const wasThen = [list.formula, band.rows];
      list.formula = "=Data!$D$2:$D$4";
      return wasThen;
    });
    expect(seen).toEqual(["=Data!$D$85:$D$91", 7]);
    expect(mine.dataValidations).toEqual([{ row: 0, column: 3, rows: 1, columns: 1, type: "List", formula: "=Data!$D$2:$D$4" }]);
    expect(data.sheet.dataValidations).toEqual([{ row: row - 7, column: WAARDE, rows: 8, columns: 1, type: "List", formula: "='Mijn analyse'!$A$2:$A$3" }]);
    expect(texts(result)).toEqual(editedText("data validation on the sheet 'Mijn analyse'"));
    expect(texts(result, "nl")).toEqual(editedTextNl("gegevensvalidatie op het blad 'Mijn analyse'"));
  });

  it("a chart series whose category the delete made #REF!, pointed elsewhere by the analyst: it stays theirs, and a chart they did not touch comes back", async () => {
    const { model, data } = await loadedWorkbook();
    const mine = sheetNamed(model, "Mijn analyse");
    const theirs = { name: "Mijn grafiek", type: "ColumnClustered", source: { row: 0, column: 0, rows: 3, columns: 2 }, dataSources: [{ values: "=Data!$G$85:$G$92", categories: "=Data!$D$92" }] } as ChartModel;
    const other = { name: "Andere grafiek", type: "ColumnClustered", source: { row: 0, column: 0, rows: 3, columns: 2 }, dataSources: [{ values: "=Data!$G$85:$G$92", categories: "=Data!$D$85:$D$92" }] } as ChartModel;
    mine.charts.push(theirs, other);
    const { result, seen } = await cancelledAfterEdit(model, data, () => {
      const wasThen = structuredClone(theirs.dataSources);
      theirs.dataSources = [{ values: "=Data!$G$85:$G$91", categories: "=Data!$D$2" }];
      return wasThen;
    });
    expect(seen).toEqual([{ values: "=Data!$G$85:$G$91", categories: "=Data!#REF!" }]);
    expect(theirs.dataSources).toEqual([{ values: "=Data!$G$85:$G$91", categories: "=Data!$D$2" }]);
    expect(other.dataSources).toEqual([{ values: "=Data!$G$85:$G$92", categories: "=Data!$D$85:$D$92" }]);
    expect(texts(result)).toEqual(editedText("the chart 'Mijn grafiek' on the sheet 'Mijn analyse'"));
    expect(texts(result, "nl")).toEqual(editedTextNl("de grafiek 'Mijn grafiek' op het blad 'Mijn analyse'"));
  });

  it("nothing edited: every rule and series comes back, and the pane names none; the stopped pull takes one sync more than before the watch (its last read)", async () => {
    const { model, data } = await loadedWorkbook();
    const { band, mine } = analystFormats(model, data);
    const chart = { name: "Mijn grafiek", type: "ColumnClustered", source: { row: 0, column: 0, rows: 3, columns: 2 }, dataSources: [{ values: "=Data!$G$85:$G$92", categories: "=Data!$D$92" }] } as ChartModel;
    sheetNamed(model, "Mijn analyse").charts.push(chart);
    const { result, syncs } = await cancelledAfterEdit(model, data, () => null);
    expect([band.row, band.rows, mine.formula]).toEqual([84, 8, "=C1>Data!$G$92"]);
    expect(chart.dataSources).toEqual([{ values: "=Data!$G$85:$G$92", categories: "=Data!$D$92" }]);
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
    expect(syncs).toBe(SYNCS_WITH_WATCH);
  });
});

/** Measured on the fake: this stopped pull took 63 syncs before the watch (main at c264bd3); the watch adds its last read, one. The looks ride the syncs that delete. */
const SYNCS_WITH_WATCH = 64;
