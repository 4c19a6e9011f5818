import { MonitorPackage } from "../../src/data/types";
import { problemText } from "../../src/text/problems";
import { SheetModel, WorkbookModel } from "../support/fake-excel";
import { emptiedDataSheet } from "../support/data-sheet-states";
import { HOSTILE_TEXTS, hostilePackage } from "../support/hostile-package";
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

/**
 * The tables a cancel once MonitorData stands leaves the table style's look on (Convert to Range
 * leaves it as the cells' own formats): MonitorData (A1:P113) and MonitorIndicatoren (R1:X23),
 * which the writes still queued at the cancel make (the undo's first sync sends them).
 */
const MADE = [
  { row: 0, column: 0, rows: 113, columns: 16 },
  { row: 0, column: 17, rows: 23, columns: 7 },
];

/** That look, cell by cell ("row,column"), each cell empty and General: the header bold and white on blue, every other body row (the first, the third…) light blue. */
function styleLook(): Map<string, object> {
  const empty = { value: null, formula: null, numberFormat: "General" };
  const cells = new Map<string, object>();
  for (const { row, column, rows, columns } of MADE) {
    for (let c = column; c < column + columns; c++) {
      cells.set(`${row},${c}`, { ...empty, fill: "#4472C4", bold: true, color: "#FFFFFF" });
      for (let r = row + 1; r < row + rows; r += 2) cells.set(`${r},${c}`, { ...empty, fill: "#D9E1F2" });
    }
  }
  return cells;
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
        "On the sheet 'Data' the tables the add-in wrote are plain cells again and what it wrote is gone, but the table style's look (fill, font) stays on A1:P113, R1:X23 as the cells' own formats: Excel leaves it there after Convert to Range, and the add-in clears no formats, so as not to take any of your own. To remove it, select those cells and choose Home › Clear › Clear Formats (that also clears your own formats there). So the sheet is not blank; the next load makes a new sheet.",
      ],
    ]);
    expect(model.tables.filter((t) => t.sheet === data)).toEqual([]);
    // Every value and number format it wrote is gone; the style's look of the tables made stays
    // (styleLook). MonitorData's header keeps the analyst's yellow and italics (with the style's
    // bold white font, which the analyst did not set); G8 keeps all the analyst gave it.
    const empty = { value: null, formula: null, numberFormat: "General" };
    const expected = styleLook();
    for (let c = 0; c < 16; c++) expected.set(`0,${c}`, { ...empty, fill: "#FFFF00", italic: true, bold: true, color: "#FFFFFF" });
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

/**
 * Issue 14: a cancel puts back formats as well as values, but only the writer's. The style's look
 * Convert to Range leaves (styleLook), with `theirs` (by "row,column") added: the workbook's Data
 * sheet after the undo.
 */
function lookLeftWith(theirs: Record<string, object>): Record<string, object> {
  const cells = styleLook();
  for (const [at, own] of Object.entries(theirs)) cells.set(at, { ...(cells.get(at) ?? { value: null, formula: null, numberFormat: "General" }), ...own });
  return Object.fromEntries(cells);
}

/** Cancels once MonitorData stands on the blank sheet, after `meanwhile` (the analyst's formats) ran. */
const cancelledOnceMade = (model: WorkbookModel, data: SheetModel, meanwhile: () => void) =>
  cancelledLoad(
    model,
    () => undefined,
    () => {
      if (tableNamed(model, "MonitorData")?.sheet !== data) return false;
      meanwhile();
      return true;
    },
  );

const alignment = (data: SheetModel, row: number, column: number) => data.cells.get(`${row},${column}`)?.horizontalAlignment ?? "General";

describe("a cancelled first load on the blank Data sheet takes back only the formats it wrote (issue 14)", () => {
  it("a header cell the analyst aligned meanwhile keeps their alignment; the headers still aligned as the writer left them (right) are General again", async () => {
    const { model, data, before } = await blankDataSheet();
    const result = await cancelledOnceMade(model, data, () => {
      // As the writer left MonitorData's header: Waarde, Peildatum, Pagina and Jaar (G1, J1, L1, N1) right, the rest General.
      expect([0, 6, 9, 11, 13].map((c) => alignment(data, 0, c))).toEqual(["General", "Right", "Right", "Right", "Right"]);
      // The analyst centres Waarde's header and aligns Onderwerp's left.
      Object.assign(data.cell(0, 6), { horizontalAlignment: "Center" });
      Object.assign(data.cell(0, 0), { horizontalAlignment: "Left" });
    });
    expect(result).toEqual(expect.objectContaining({ ok: false, cancelled: true }));
    expect(model.tables.filter((t) => t.sheet === data)).toEqual([]);
    expect([0, 6, 9, 11, 13].map((c) => alignment(data, 0, c))).toEqual(["Left", "Center", "General", "General", "General"]);
    expect(Object.fromEntries(data.cells)).toEqual(lookLeftWith({ "0,0": { horizontalAlignment: "Left" }, "0,6": { horizontalAlignment: "Center" } }));
    data.cells.clear();
    expect(snapshot(model)).toBe(before);
  });

  it("a cell whose number format the analyst set meanwhile keeps it, written or not yet reached; every cell still as the writer formatted it is General again", async () => {
    const { model, data, before } = await blankDataSheet();
    const result = await cancelledOnceMade(model, data, () => {
      // As the writer left them: G2 (Waarde, a count) #,##0, J3 (Peildatum) yyyy-mm-dd; MonitorBronnen (from Z1) not written yet (its writes queued, see the last test).
      expect(["1,6", "2,9"].map((at) => data.cells.get(at)?.numberFormat)).toEqual(["#,##0", "yyyy-mm-dd"]);
      expect(tableNamed(model, "MonitorBronnen")).toBeUndefined();
      expect(data.cells.get("3,26")).toBeUndefined();
      // The analyst gives G2 one decimal and J3 a Dutch date, and formats AA4, where MonitorBronnen is still to come, as a percentage.
      data.cell(1, 6).numberFormat = "0.0";
      data.cell(2, 9).numberFormat = "d-m-yyyy";
      data.cell(3, 26).numberFormat = "0%";
    });
    expect(result).toEqual(expect.objectContaining({ ok: false, cancelled: true }));
    expect(model.tables.filter((t) => t.sheet === data)).toEqual([]);
    // G2's value is gone (the writer's), its format stays; so do J3's and AA4's.
    expect(Object.fromEntries(data.cells)).toEqual(lookLeftWith({ "1,6": { numberFormat: "0.0" }, "2,9": { numberFormat: "d-m-yyyy" }, "3,26": { numberFormat: "0%" } }));
    data.cells.clear();
    expect(snapshot(model)).toBe(before);
  });
});

describe("what the analyst sets on a blank Data sheet's cells before a first load reaches them (issue 14)", () => {
  it("an alignment on a header the writer is about to align right stops the load, which puts the workbook back with their alignment and says which cell", async () => {
    const { model, data, before } = await blankDataSheet();
    let syncs = 0;
    const { result } = await runLoadData(model, next, {
      syncLimit: 8 * 1024,
      onProgress: () => {
        if (++syncs !== 2) return;
        // MonitorData's header is written, not yet aligned: the analyst centres Waarde's (G1).
        expect([data.cells.get("0,6")?.value, alignment(data, 0, 6), tableNamed(model, "MonitorData")]).toEqual(["Waarde", "General", undefined]);
        Object.assign(data.cell(0, 6), { horizontalAlignment: "Center" });
      },
    });
    // Without the look, the load went on and G1 was aligned right over the analyst's centring.
    expect(result.ok || result.problems.map((p) => problemText(p, "en"))).toEqual([
      "Cell G1 on the sheet 'Data' changed while the add-in was writing the monitor tables. Writing stopped and the workbook was put back as it was, with your change. Pull again when you are done.",
      "On the sheet 'Data' the tables the add-in wrote are plain cells again and what it wrote is gone, but the table style's look (fill, font) stays on A1:P113 as the cells' own formats: Excel leaves it there after Convert to Range, and the add-in clears no formats, so as not to take any of your own. To remove it, select those cells and choose Home › Clear › Clear Formats (that also clears your own formats there). So the sheet is not blank; the next load makes a new sheet.",
    ]);
    expect(model.tables.filter((t) => t.sheet === data)).toEqual([]);
    // MonitorData was made in the sync that aligned its header (and looked first): its look stays, with G1 centred, the other headers General.
    const expected = Object.fromEntries([...styleLook()].filter(([at]) => Number(at.split(",")[1]) < 16));
    expected["0,6"] = { ...expected["0,6"], horizontalAlignment: "Center" };
    expect(Object.fromEntries(data.cells)).toEqual(expected);
    data.cells.clear();
    expect(snapshot(model)).toBe(before);
  });

  it("cancelled: a figure typed and a number format set in cells the writes still queued at the cancel cover stay, as the looks riding those writes saw them", async () => {
    const { model, data, before } = await blankDataSheet();
    const result = await cancelledOnceMade(model, data, () => {
      // MonitorIndicatoren (from R1) is not written yet; its writes are queued, and the undo's first sync sends them.
      // MonitorIndicatoren (R1:X23) is written down to row 11 (its texts weighed at up to CHAR_BYTES a character, batch.ts textBytes); its last rows' writes are queued, and the undo's first sync sends them.
      expect([tableNamed(model, "MonitorIndicatoren"), data.cells.get("10,18")?.value, data.cells.get("11,18"), data.cells.get("15,18"), data.cells.get("16,19")]).toEqual([undefined, expect.any(String), undefined, undefined, undefined]);
      data.cell(15, 18).numberFormat = "0%";
      Object.assign(data.cell(16, 19), { value: 42, formula: null });
    });
    expect(result).toEqual(expect.objectContaining({ ok: false, cancelled: true }));
    // T17 is named as theirs (S16's format is not a cell's content); the table style's look follows.
    expect(!result.ok && problemText(result.problems[0], "en")).toMatch(/^On the sheet 'Data', T17 held something other than what the add-in wrote there: .* That cell stays as it is /);
    expect(!result.ok && result.problems.map((p) => p.message.phrase.id)).toEqual(["excel.theirsKept", "excel.lookLeft"]);
    expect(model.tables.filter((t) => t.sheet === data)).toEqual([]);
    // Without the looks' answer read, the writer's text and "@" went over both and the undo emptied them: S16 General, T17 empty.
    expect(Object.fromEntries(data.cells)).toEqual(lookLeftWith({ "15,18": { numberFormat: "0%" }, "16,19": { value: 42 } }));
    data.cells.clear();
    expect(snapshot(model)).toBe(before);
  });
});

/**
 * Issue 14: what the analyst types into cells a first load had already written, while it writes
 * further down, is theirs. The undo reads what it is about to empty and empties only what still
 * holds what the writer wrote; the cells that hold anything else stay as they are (value or
 * formula, and number format) and the pane names them.
 */
describe("a first load on the blank Data sheet put back after the analyst typed into cells it had written (issue 14)", () => {
  /** What the analyst types: a figure over G5's (MonitorData's Waarde, row 5), a formula over G6's, a text over A7's (Onderwerp). */
  function typeOverWritten(data: SheetModel): Record<string, { value: unknown; formula: unknown; numberFormat: string }> {
    // Rows 5 to 7 are written (the writer's figure and text there); rows 100 and on are still to come.
    expect([typeof data.cells.get("4,6")?.value, typeof data.cells.get("5,6")?.value, typeof data.cells.get("6,0")?.value, data.cells.get("99,0")]).toEqual(["number", "number", "string", undefined]);
    const formats = { g5: data.cell(4, 6).numberFormat, g6: data.cell(5, 6).numberFormat, a7: data.cell(6, 0).numberFormat };
    // As the writer formats them: a count's Waarde #,##0, Onderwerp text.
    expect(formats).toEqual({ g5: "#,##0", g6: "#,##0", a7: "@" });
    Object.assign(data.cell(4, 6), { value: 1300, formula: null });
    Object.assign(data.cell(5, 6), { value: null, formula: "=1200+53" });
    Object.assign(data.cell(6, 0), { value: "Bevolking (herzien)", formula: null });
    return {
      "4,6": { value: 1300, formula: null, numberFormat: "#,##0" },
      "5,6": { value: null, formula: "=1200+53", numberFormat: "#,##0" },
      "6,0": { value: "Bevolking (herzien)", formula: null, numberFormat: "@" },
    };
  }

  const KEPT_EN = "On the sheet 'Data', G5:G6, A7 held something other than what the add-in wrote there: what you typed or pasted while it was writing. Those cells stay as they are (value or formula, and number format); everything else it wrote there is gone. So the sheet is not blank; the next load makes a new sheet.";
  const KEPT_NL = "Op het blad 'Data' stond in G5:G6, A7 iets anders dan wat de invoegtoepassing er schreef: wat u typte of plakte terwijl ze schreef. Die cellen blijven zoals ze zijn (waarde of formule, en getalnotatie); de rest van wat ze schreef is weer weg. Het blad is daardoor niet leeg; de volgende keer laden maakt een nieuw blad.";

  it("cancelled: the figure, formula and text typed over written cells stay, with their number formats; everything else it wrote is gone; the pane names the cells", async () => {
    const { model, data, before } = await blankDataSheet();
    let typed: Record<string, object> = {};
    const result = await cancelledLoad(model, () => (typed = typeOverWritten(data)));
    expect(tableNamed(model, "MonitorData")).toBeUndefined();
    expect(!result.ok && [result.cancelled, result.problems.map((p) => problemText(p, "en")), result.problems.map((p) => problemText(p, "nl"))]).toEqual([true, [KEPT_EN], [KEPT_NL]]);
    // Without the read, the undo emptied G5, G6 and A7 with the rest (and said nothing of them).
    expect(Object.fromEntries(data.cells)).toEqual(typed);
    data.cells.clear();
    expect(snapshot(model)).toBe(before);
  });

  it("refused by Excel: the same, and the refusal says the workbook is as it was except for their cells", async () => {
    const { model, data, before } = await blankDataSheet();
    let typed: Record<string, object> = {};
    let syncs = 0;
    const { result } = await withNthWriteRefused(model, 4, () =>
      runLoadData(model, next, {
        syncLimit: 8 * 1024,
        onProgress: () => {
          if (++syncs === 2) typed = typeOverWritten(data);
        },
      }),
    );
    expect(tableNamed(model, "MonitorData")).toBeUndefined();
    expect(result.ok || result.problems.map((p) => problemText(p, "en"))).toEqual(["Excel refused a change (Excel: GeneralException); the workbook was put back as it was, except for your cells below.", KEPT_EN]);
    expect(result.ok || problemText(result.problems[0], "nl")).toBe("Excel weigerde een wijziging (Excel: GeneralException); de werkmap is teruggezet zoals hij was, op uw cellen hieronder na.");
    expect(Object.fromEntries(data.cells)).toEqual(typed);
    data.cells.clear();
    expect(snapshot(model)).toBe(before);
  });

  it("refused by Excel: a figure typed in a cell not reached yet stays; one typed just before the refused sync, in a cell that sync then wrote over, is gone (Excel does not say what it overwrote)", async () => {
    const { model, data, before } = await blankDataSheet();
    let writes = 0;
    let first = -1;
    model.refuse = (bytes) => {
      if (bytes <= 1000 || ++writes !== 4) return null;
      // Just before the refused sync: a figure in the first row of MonitorData not written yet (that sync writes it: the
      // fake runs the first half of a refused batch, the worst reading) and one in G101, which no sync has reached.
      first = [...Array(113).keys()].find((r) => data.cells.get(`${r},0`) === undefined) as number;
      expect([first > 4, data.cells.get("100,0")]).toEqual([true, undefined]);
      Object.assign(data.cell(first, 6), { value: 999, formula: null });
      Object.assign(data.cell(100, 6), { value: 777, formula: null });
      model.meanwhile = () => {
        // After the refused sync: the first figure was written over by the writer's (its look's answer is lost with the refusal).
        expect(data.cells.get(`${first},6`)?.value).not.toBe(999);
        model.meanwhile = null;
      };
      return "GeneralException";
    };
    const { result } = await runLoadData(model, next, { syncLimit: 8 * 1024 }).finally(() => (model.refuse = null));
    expect(writes).toBeGreaterThanOrEqual(4);
    expect(result.ok || result.problems.map((p) => problemText(p, "en"))).toEqual([
      "Excel refused a change (Excel: GeneralException); the workbook was put back as it was, except for your cells below.",
      KEPT_EN.replace("G5:G6, A7", "G101").replace("Those cells stay as they are", "That cell stays as it is"),
    ]);
    // G101 holds the analyst's figure, General as they left it; the cell the refused sync wrote over holds what the writer wrote, emptied with the rest.
    expect(Object.fromEntries(data.cells)).toEqual({ "100,6": { value: 777, formula: null, numberFormat: "General" } });
    data.cells.clear();
    expect(snapshot(model)).toBe(before);
  });

  it("cancelled or refused with texts Excel would read as something else (=1+2, 'quoted, 12%, TRUE): every cell it wrote is its own again, none is taken for the analyst's", async () => {
    const { model, data, before } = await blankDataSheet();
    const hostile = hostilePackage();
    const cancel = new AbortController();
    let syncs = 0;
    const { result } = await runLoadData(model, hostile, {
      previous: new Set(),
      syncLimit: 8 * 1024,
      signal: cancel.signal,
      onProgress: () => {
        // MonitorData written past every hostile text in its notes (Toelichting), not yet made a table.
        if (++syncs === 4) {
          expect(tableNamed(model, "MonitorData")).toBeUndefined();
          expect(new Set([...data.cells.values()].filter((cell) => HOSTILE_TEXTS.includes(cell.value as string)).map((cell) => cell.value)).size).toBe(HOSTILE_TEXTS.length);
        }
        if (syncs === 4) cancel.abort();
      },
    });
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
    expect(snapshot(model)).toBe(before);
    const refused = await withNthWriteRefused(model, 3, () => runLoadData(model, hostile, { previous: new Set(), syncLimit: 8 * 1024 }));
    expect(refused.result.ok || refused.result.problems.map((p) => problemText(p, "en"))).toEqual(["Excel refused a change (Excel: GeneralException); the workbook was put back as it was."]);
    expect(snapshot(model)).toBe(before);
  });
});
