import { problemText } from "../../src/text/problems";
import { SheetModel, WorkbookModel } from "../support/fake-excel";
import { emptiedDataSheet } from "../support/data-sheet-states";
import { markKey, markOf, runLoadData, sheetNamed, snapshot, tableNamed, userWorkbook } from "../support/workbooks";

/**
 * A pull's first load (no monitor tables yet) writes its tables in several syncs, yielding in
 * between: the analyst can type into a cell of the area it is about to fill. Each chunk looks
 * first at the cells it covers, in the same sync, which must be empty (as Regenerate's do,
 * src/excel/write-looks.ts): a figure typed there stops the load, which puts the workbook back
 * with that figure and says which cell. Workbook states before and after on the fake, the figure
 * typed between two syncs (WorkbookModel.meanwhile).
 */
const SYNC_LIMIT = 2 * 1024;
const TODAY = "2026-11-25";

/** The analyst types `value` into a cell, as Excel keeps it. */
const type = (sheet: SheetModel, row: number, column: number, value: number) => Object.assign(sheet.cell(row, column), { value, formula: null });

/**
 * A first load on `model` during which the analyst types 1300 into column G (Waarde) of the
 * Data sheet, row 61 (0-based 60), once MonitorData's first rows are written and before that
 * row is: where it was typed, and the load's result.
 */
async function typedDuringFirstLoad(model: WorkbookModel) {
  let typed = false;
  model.meanwhile = () => {
    const data = model.sheetNamed("Data");
    if (typed || !data || data.cell(1, 6).value === null || data.cell(60, 6).value !== null) return;
    typed = true;
    type(data, 60, 6, 1300);
  };
  try {
    const { result } = await runLoadData(model, undefined, { syncLimit: SYNC_LIMIT, previous: new Set(), today: () => TODAY });
    return { typed, result };
  } finally {
    model.meanwhile = null;
  }
}

const texts = (result: { ok: boolean; problems?: never[] }) => (result.ok ? ["ok"] : (result.problems ?? []).map((p) => [problemText(p, "nl"), problemText(p, "en")]));

describe("a figure the analyst types where a pull's first load is about to write", () => {
  it("on the Data sheet the load is making: the load stops, and the sheet is kept as the analyst's with the figure, under a dated name", async () => {
    const model = userWorkbook();
    const mine = JSON.stringify(sheetNamed(model, "Mijn analyse"));
    const { typed, result } = await typedDuringFirstLoad(model);
    expect(typed).toBe(true);
    expect(texts(result as never)).toEqual([
      [
        "Cel G61 op het blad 'Data' is veranderd terwijl de invoegtoepassing de monitortabellen schreef. Het schrijven is gestopt en de werkmap is teruggezet zoals hij was, met uw wijziging. " +
          "Het half geschreven blad met uw wijziging is bewaard als het uwe: 'Data 2026-11-25' (was 'Data'). Haal opnieuw op als u klaar bent.",
        "Cell G61 on the sheet 'Data' changed while the add-in was writing the monitor tables. Writing stopped and the workbook was put back as it was, with your change. " +
          "The partly written sheet with your change is kept as yours: 'Data 2026-11-25' (was 'Data'). Pull again when you are done.",
      ],
    ]);
    expect(model.sheets.map((s) => s.name)).toEqual(["Mijn analyse", "Data 2026-11-25"]);
    expect(JSON.stringify(sheetNamed(model, "Mijn analyse"))).toBe(mine);
    const kept = sheetNamed(model, "Data 2026-11-25");
    expect(kept.cell(60, 6)).toMatchObject({ value: 1300, formula: null, numberFormat: "General" });
    expect(markOf(kept)).toBeNull();
  });

  it("on the add-in's blank Data sheet: the load stops, the sheet is blank again but for the figure, and keeps its name and mark", async () => {
    const model = userWorkbook();
    await runLoadData(model);
    const data = emptiedDataSheet(model);
    const twin = userWorkbook();
    await runLoadData(twin);
    type(emptiedDataSheet(twin), 60, 6, 1300);
    const { typed, result } = await typedDuringFirstLoad(model);
    expect(typed).toBe(true);
    expect(texts(result as never)).toEqual([
      [
        "Cel G61 op het blad 'Data' is veranderd terwijl de invoegtoepassing de monitortabellen schreef. Het schrijven is gestopt en de werkmap is teruggezet zoals hij was, met uw wijziging. Haal opnieuw op als u klaar bent.",
        "Cell G61 on the sheet 'Data' changed while the add-in was writing the monitor tables. Writing stopped and the workbook was put back as it was, with your change. Pull again when you are done.",
      ],
    ]);
    expect(JSON.parse(snapshot(model))).toEqual(JSON.parse(snapshot(twin)));
    expect([...data.cells]).toEqual([["60,6", { value: 1300, formula: null, numberFormat: "General" }]]);
    expect(markKey(data)).toBe("data");
  });

  it("nothing typed: the same small syncs write the tables whole", async () => {
    const model = userWorkbook();
    model.meanwhile = () => undefined;
    const { result } = await runLoadData(model, undefined, { syncLimit: SYNC_LIMIT, previous: new Set() });
    expect(result.ok && result.outcome).toMatchObject({ sheetName: "Data", created: true, figures: 112 });
    expect(sheetNamed(model, "Data").cell(60, 6).value).not.toBeNull();
  });
});

/**
 * Issue 14: a cancel or a refusal of a first load that was making its own Data sheet deleted that
 * sheet with whatever the analyst had typed over the figures it had written. A sheet they wrote
 * in is theirs, as after an edit the looks see: kept, unmarked, under a dated name, and named.
 */
describe("a pull's first load making its Data sheet, put back after the analyst typed over figures it had written", () => {
  /** A first load in 2 KB syncs during which, once row 30 is written, the analyst types 1300 over G5's figure and =1200+53 over G6's; `stop` cancels or refuses it after. */
  async function typedOverWritten(model: WorkbookModel, stop: "cancel" | "refuse") {
    const cancel = new AbortController();
    let typed = false;
    model.meanwhile = () => {
      const data = model.sheetNamed("Data");
      if (typed || !data || data.cells.get("29,0") === undefined) return;
      // G5 and G6 hold the writer's figures; row 100 is not written yet.
      expect([typeof data.cell(4, 6).value, typeof data.cell(5, 6).value, data.cells.get("99,0")]).toEqual(["number", "number", undefined]);
      typed = true;
      Object.assign(data.cell(4, 6), { value: 1300, formula: null });
      Object.assign(data.cell(5, 6), { value: null, formula: "=1200+53" });
      if (stop === "cancel") cancel.abort();
    };
    // Refused: the third write from the typing on (the syncs here send under 1000 bytes of data each).
    let after = 0;
    if (stop === "refuse") model.refuse = (bytes) => (typed && bytes > 0 && ++after === 3 ? "GeneralException" : null);
    try {
      const { result } = await runLoadData(model, undefined, { syncLimit: SYNC_LIMIT, previous: new Set(), today: () => TODAY, signal: cancel.signal });
      if (stop === "refuse") expect(after).toBe(3);
      return { typed, result };
    } finally {
      model.meanwhile = null;
      model.refuse = null;
    }
  }

  const KEPT: [string, string] = [
    "Op het blad 'Data' dat de invoegtoepassing aan het maken was, stond in G5:G6 iets anders dan wat ze er schreef: wat u typte of plakte terwijl ze schreef. Het half geschreven blad is daarom bewaard als het uwe, zonder het merkteken van de invoegtoepassing: 'Data 2026-11-25' (was 'Data'). Verwijder het als u het niet meer nodig hebt.",
    "On the sheet 'Data' that the add-in was making, G5:G6 held something other than what it wrote there: what you typed or pasted while it was writing. So the partly written sheet is kept as yours, without the add-in's mark: 'Data 2026-11-25' (was 'Data'). Delete it when you no longer need it.",
  ];

  /** The workbook after: their sheet beside, with their figure and formula in it, everything else as before. */
  function expectKept(model: WorkbookModel, mine: string) {
    expect(model.sheets.map((s) => s.name)).toEqual(["Mijn analyse", "Data 2026-11-25"]);
    expect(JSON.stringify(sheetNamed(model, "Mijn analyse"))).toBe(mine);
    const kept = sheetNamed(model, "Data 2026-11-25");
    expect([kept.cell(4, 6), kept.cell(5, 6)]).toMatchObject([
      { value: 1300, formula: null, numberFormat: "#,##0" },
      { formula: "=1200+53", numberFormat: "#,##0" },
    ]);
    expect(markOf(kept)).toBeNull();
    // The tables were not made yet: none is left to be taken for the monitor's.
    expect(tableNamed(model, "MonitorData")).toBeUndefined();
  }

  it("cancelled: the sheet is kept as the analyst's under a dated name, and the pane names their cells", async () => {
    const model = userWorkbook();
    const mine = JSON.stringify(sheetNamed(model, "Mijn analyse"));
    const { typed, result } = await typedOverWritten(model, "cancel");
    expect(typed).toBe(true);
    // Without the read, the sheet was deleted with the analyst's figure and formula, and the pane said nothing.
    expect([result.ok || result.cancelled, texts(result as never)]).toEqual([true, [KEPT]]);
    expectKept(model, mine);
  });

  it("refused by Excel: the same, and the refusal says so", async () => {
    const model = userWorkbook();
    const mine = JSON.stringify(sheetNamed(model, "Mijn analyse"));
    const { typed, result } = await typedOverWritten(model, "refuse");
    expect(typed).toBe(true);
    expect(texts(result as never)).toEqual([
      ["Excel weigerde een wijziging (Excel: GeneralException); de werkmap is teruggezet zoals hij was, op uw cellen hieronder na.", "Excel refused a change (Excel: GeneralException); the workbook was put back as it was, except for your cells below."],
      KEPT,
    ]);
    expectKept(model, mine);
  });

  it("cancelled once MonitorData was made: the kept sheet's tables are plain cells, so the next pull makes its own beside it", async () => {
    const model = userWorkbook();
    const cancel = new AbortController();
    let typed = false;
    model.meanwhile = () => {
      const data = model.sheetNamed("Data");
      if (typed || !data || tableNamed(model, "MonitorData")?.sheet !== data) return;
      typed = true;
      Object.assign(data.cell(4, 6), { value: 1300, formula: null });
      cancel.abort();
    };
    const { result } = await runLoadData(model, undefined, { syncLimit: SYNC_LIMIT, previous: new Set(), today: () => TODAY, signal: cancel.signal }).finally(() => (model.meanwhile = null));
    expect([typed, result.ok || result.cancelled]).toEqual([true, true]);
    const kept = sheetNamed(model, "Data 2026-11-25");
    // Without the conversion MonitorData stayed a table there, and the next pull stopped: MonitorIndicatoren missing beside it.
    expect(model.tables.filter((t) => t.sheet === kept)).toEqual([]);
    expect([kept.cell(4, 6).value, kept.cell(0, 6).value, markOf(kept)]).toEqual([1300, "Waarde", null]);
    const again = await runLoadData(model, undefined, { previous: new Set() });
    expect(again.result.ok && again.result.outcome).toMatchObject({ sheetName: "Data", created: true });
    expect(["MonitorData", "MonitorIndicatoren", "MonitorBronnen"].map((name) => tableNamed(model, name)?.sheet.name)).toEqual(["Data", "Data", "Data"]);
    expect(kept.cell(4, 6).value).toBe(1300);
  });

  it("cancelled with nothing typed on it: the sheet it was making is removed, as before", async () => {
    const model = userWorkbook();
    const before = snapshot(model);
    const cancel = new AbortController();
    let syncs = 0;
    const { result } = await runLoadData(model, undefined, { syncLimit: SYNC_LIMIT, previous: new Set(), today: () => TODAY, signal: cancel.signal, onProgress: () => void (++syncs === 9 && cancel.abort()) });
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
    expect(snapshot(model)).toBe(before);
  });
});
