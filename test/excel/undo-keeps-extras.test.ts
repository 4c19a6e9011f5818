import { MonitorPackage } from "../../src/data/types";
import { problemText } from "../../src/text/problems";
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

  it("cancelled after MonitorData was made: the table style's look goes too, but for the cells of the analyst's fill and rules, and the pane names them", async () => {
    const { model, data, before } = await blankDataSheet();
    const cancel = new AbortController();
    let syncs = 0;
    const { result } = await runLoadData(model, next, {
      syncLimit: 8 * 1024,
      signal: cancel.signal,
      onProgress: () => {
        syncs++;
        if (syncs === 2) addExtras(data);
        // Once MonitorData is made (its chunks, each with the look at its cells, take some syncs): a cancel now converts it.
        if (syncs > 2 && !cancel.signal.aborted && tableNamed(model, "MonitorData")?.sheet === data) cancel.abort();
      },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && [result.cancelled, result.problems.map((p) => problemText(p, "en"))]).toEqual([
      true,
      [
        "On the sheet 'Data' everything the add-in wrote is gone again, except the table style's formats (fill, font) on G2:G21: you formatted those cells or gave them conditional formatting or data validation while it was writing, and that stays. So the sheet is not blank; the next pull makes a new sheet.",
      ],
    ]);
    expect(model.tables.filter((t) => t.sheet === data)).toEqual([]);
    // Under the analyst's rule over G2:G21 the banded rows' fill stays (the first body row, the
    // third…); G8 keeps the analyst's own yellow. Every other cell is empty and unformatted again.
    const band = { value: null, formula: null, numberFormat: "General", fill: "#D9E1F2" };
    expect([...data.cells].sort(([a], [b]) => Number(a.split(",")[0]) - Number(b.split(",")[0]))).toEqual([
      ["1,6", band],
      ["3,6", band],
      ["5,6", band],
      ["7,6", { ...band, fill: "#FFFF00" }],
      ["9,6", band],
      ["11,6", band],
      ["13,6", band],
      ["15,6", band],
      ["17,6", band],
      ["19,6", band],
    ]);
    expect([data.notes, data.comments, data.conditionalFormats, data.dataValidations]).toEqual([EXTRAS.notes, EXTRAS.comments, EXTRAS.conditionalFormats, EXTRAS.dataValidations]);
    Object.assign(data, { notes: [], comments: [], conditionalFormats: [], dataValidations: [] });
    data.cells.clear();
    expect(snapshot(model)).toBe(before);
  });
});
