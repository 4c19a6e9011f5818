import { MonitorPackage } from "../../src/data/types";
import { SheetModel, WorkbookModel } from "../support/fake-excel";
import { emptiedDataSheet } from "../support/data-sheet-states";
import { withNthWriteRefused } from "../support/refuse-write";
import { edition, runLoadData, snapshot, tableNamed, userWorkbook } from "../support/workbooks";

/**
 * Review R9: a pull's first load onto the add-in's blank Data sheet that is cancelled or refused
 * empties the sheet again, taking away only what it wrote there (values, number formats, the
 * header's alignment, the tables). What the analyst added on the tables' own cells while it ran
 * (a note, a threaded comment, a fill, a conditional format, a validation rule) stays: Excel's
 * clear("All") would have taken all of it ("Clears everything in the range", Excel.ClearApplyTo).
 * Workbook states before and after.
 */
const next: MonitorPackage = { ...edition, observations: edition.observations.map((o) => (o.eenheid === "aantal" ? { ...o, waarde: o.waarde + 1 } : o)) };

/** What the analyst adds on MonitorData's cells (row 5, column G: a Waarde), between two of the load's syncs. */
function addExtras(data: SheetModel): void {
  data.notes.push({ row: 5, column: 6, text: "navragen bij BRP" });
  data.comments.push({ row: 6, column: 6, text: "@Anna klopt dit?" });
  Object.assign(data.cell(7, 6), { fill: "#FFFF00" });
  data.conditionalFormats.push({ row: 1, column: 6, rows: 20, columns: 1, type: "CellValue", formula: "=1000", formula2: "=2000" });
  data.dataValidations.push({ row: 1, column: 6, rows: 20, columns: 1, type: "Decimal", formula: "=0", formula2: "=100000" });
}

/** The extras as addExtras leaves them, for the state after. */
const extrasOf = (data: SheetModel) => ({
  notes: data.notes,
  comments: data.comments,
  cells: [...data.cells],
  conditionalFormats: data.conditionalFormats,
  dataValidations: data.dataValidations,
});

const EXTRAS = {
  notes: [{ row: 5, column: 6, text: "navragen bij BRP" }],
  comments: [{ row: 6, column: 6, text: "@Anna klopt dit?" }],
  // The filled cell is empty again and General, as the blank sheet had it; its fill is the analyst's.
  cells: [["7,6", { value: null, formula: null, numberFormat: "General", fill: "#FFFF00" }]],
  conditionalFormats: [{ row: 1, column: 6, rows: 20, columns: 1, type: "CellValue", formula: "=1000", formula2: "=2000" }],
  dataValidations: [{ row: 1, column: 6, rows: 20, columns: 1, type: "Decimal", formula: "=0", formula2: "=100000" }],
};

/** The workbook with the analyst's extras taken off `data` again: to compare with the state before. */
function withoutExtras(model: WorkbookModel, data: SheetModel): string {
  Object.assign(data, { notes: [], comments: [], conditionalFormats: [], dataValidations: [] });
  data.cells.delete("7,6");
  return snapshot(model);
}

async function blankDataSheet(): Promise<{ model: WorkbookModel; data: SheetModel; before: string }> {
  const model = userWorkbook();
  await runLoadData(model);
  const data = emptiedDataSheet(model);
  return { model, data, before: snapshot(model) };
}

describe("a first load on the blank Data sheet put back while the analyst added to its cells", () => {
  it("cancelled: the values, formats and tables it wrote are gone; the note, comment, fill, rule and validation stay", async () => {
    const { model, data, before } = await blankDataSheet();
    const cancel = new AbortController();
    let syncs = 0;
    const { result } = await runLoadData(model, next, {
      syncLimit: 8 * 1024,
      signal: cancel.signal,
      onProgress: () => {
        syncs++;
        if (syncs === 2) {
          expect(data.cells.get("0,6")?.value).toBe("Waarde"); // MonitorData is being written on the blank sheet
          addExtras(data);
        }
        if (syncs === 3) cancel.abort();
      },
    });
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
    expect(tableNamed(model, "MonitorData")).toBeUndefined();
    expect(extrasOf(data)).toEqual(EXTRAS);
    expect(withoutExtras(model, data)).toBe(before);
  });

  it("refused by Excel: the same", async () => {
    const { model, data, before } = await blankDataSheet();
    let syncs = 0;
    const { result } = await withNthWriteRefused(model, 4, () =>
      runLoadData(model, next, {
        syncLimit: 8 * 1024,
        onProgress: () => {
          if (++syncs === 2) addExtras(data);
        },
      }),
    );
    expect(result.ok).toBe(false);
    expect(tableNamed(model, "MonitorData")).toBeUndefined();
    expect(extrasOf(data)).toEqual(EXTRAS);
    expect(withoutExtras(model, data)).toBe(before);
  });
});
