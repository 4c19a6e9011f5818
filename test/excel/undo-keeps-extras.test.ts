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

/** A first load of `next` in 8 KB syncs: `atSecond` runs at its second sync (MonitorData being written), and it is cancelled at the first sync after that for which `cancelNow` holds. */
async function cancelledLoad(model: WorkbookModel, atSecond: () => void, cancelNow: () => boolean = () => true) {
  const cancel = new AbortController();
  let syncs = 0;
  const { result } = await runLoadData(model, next, {
    syncLimit: 8 * 1024,
    signal: cancel.signal,
    onProgress: () => {
      syncs++;
      if (syncs === 2) atSecond();
      else if (syncs > 2 && !cancel.signal.aborted && cancelNow()) cancel.abort();
    },
  });
  return result;
}

describe("a first load on the blank Data sheet put back while the analyst added to its cells", () => {
  it("cancelled: the values, formats and tables it wrote are gone; the note, comment, fill, rule and validation stay", async () => {
    const { model, data, before } = await blankDataSheet();
    const result = await cancelledLoad(model, () => {
      expect(data.cells.get("0,6")?.value).toBe("Waarde"); // MonitorData is being written on the blank sheet
      addExtras(data);
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

  it("cancelled after MonitorData was made: no format is cleared (the analyst's header row, alignment and unlocked cell stay), the table style's look stays too, and the result says where", async () => {
    const { model, data, before } = await blankDataSheet();
    const result = await cancelledLoad(
      model,
      () => {
        addExtras(data);
        // Review R-A1: an alignment, wrap and protection on a written cell; R-A3: the whole header row formatted alike.
        Object.assign(data.cell(7, 6), { horizontalAlignment: "Center", wrapText: true, locked: false });
        for (let c = 0; c < 16; c++) Object.assign(data.cell(0, c), { fill: "#FFFF00", italic: true });
      },
      // Once MonitorData is made (its chunks, each with the look at its cells, take some syncs): a cancel now converts it.
      () => tableNamed(model, "MonitorData")?.sheet === data,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && [result.cancelled, result.problems.map((p) => problemText(p, "en"))]).toEqual([
      true,
      [
        "On the sheet 'Data' the tables the add-in wrote are plain cells again and what it wrote is gone, but the table style's look (fill, font) stays on A1:P113 as the cells' own formats: Excel leaves it there after Convert to Range, and the add-in clears no formats, so as not to take any of your own. To remove it, select those cells and choose Home › Clear › Clear Formats (that also clears your own formats there). So the sheet is not blank; the next load makes a new sheet.",
      ],
    ]);
    expect(model.tables.filter((t) => t.sheet === data)).toEqual([]);
    // Every value and number format it wrote is gone; the style's look of the one table made,
    // MonitorData (A1:P113), stays: the header bold and white, every other body row (the
    // first, the third…) light blue. MonitorData's header keeps the analyst's yellow and italics
    // (with the style's bold white font, which the analyst did not set); G8 keeps all the analyst gave it.
    const empty = { value: null, formula: null, numberFormat: "General" };
    const band = { ...empty, fill: "#D9E1F2" };
    const expected = new Map<string, object>();
    for (let c = 0; c < 16; c++) {
      expected.set(`0,${c}`, { ...empty, fill: "#FFFF00", italic: true, bold: true, color: "#FFFFFF" });
      for (let r = 1; r < 113; r += 2) expected.set(`${r},${c}`, band);
    }
    expected.set("7,6", { ...empty, fill: "#FFFF00", horizontalAlignment: "Center", wrapText: true, locked: false });
    expect(Object.fromEntries(data.cells)).toEqual(Object.fromEntries(expected));
    expect([data.notes, data.comments, data.conditionalFormats, data.dataValidations]).toEqual([EXTRAS.notes, EXTRAS.comments, EXTRAS.conditionalFormats, EXTRAS.dataValidations]);
    Object.assign(data, { notes: [], comments: [], conditionalFormats: [], dataValidations: [] });
    data.cells.clear();
    expect(snapshot(model)).toBe(before);
  });

  it("refused by Excel after MonitorData was made: the message does not say 'as it was' alone, but names the table style's look left and where", async () => {
    const { model, data } = await blankDataSheet();
    let refusedOnce = false;
    // The first write once MonitorData stands on the blank sheet is refused; the undo's syncs are not.
    model.refuse = (bytes) => (bytes > 1000 && !refusedOnce && tableNamed(model, "MonitorData")?.sheet === data ? ((refusedOnce = true), "GeneralException") : null);
    const { result } = await runLoadData(model, next, { syncLimit: 8 * 1024 }).finally(() => (model.refuse = null));
    expect(refusedOnce).toBe(true);
    expect(result.ok || result.problems.map((p) => problemText(p, "nl"))[0]).toBe("Excel weigerde een wijziging (Excel: GeneralException); de werkmap is teruggezet zoals hij was, op de opmaak van de tabelstijl hieronder na.");
    expect(result.ok || result.problems.map((p) => problemText(p, "en"))).toEqual([
      "Excel refused a change (Excel: GeneralException); the workbook was put back as it was, except for the table style's look below.",
      "On the sheet 'Data' the tables the add-in wrote are plain cells again and what it wrote is gone, but the table style's look (fill, font) stays on A1:P113 as the cells' own formats: Excel leaves it there after Convert to Range, and the add-in clears no formats, so as not to take any of your own. To remove it, select those cells and choose Home › Clear › Clear Formats (that also clears your own formats there). So the sheet is not blank; the next load makes a new sheet.",
    ]);
    expect(model.tables.filter((t) => t.sheet === data)).toEqual([]);
  });
});
