import { problemText } from "../../src/text/problems";
import { SheetModel, WorkbookModel } from "../support/fake-excel";
import { markOf, runLoadData, sheetNamed, snapshot, tableNamed, userWorkbook } from "../support/workbooks";

/**
 * Review of 7da5547 (issue 14): a cancelled first load that was making its own Data sheet kept it
 * only when the analyst typed inside the areas it writes. A figure typed beside the tables, a note
 * on a written cell, a shape or a conditional format is on the same sheet too, and the undo
 * deleted it without a word, although README says "a Data sheet it was making without any of
 * yours is removed". Now the undo also reads the sheet's used range (values) outside those areas
 * and counts what no cell read shows (src/excel/undo.ts, queueAddedProbe): anything there keeps
 * the sheet as the analyst's, under a dated name, its tables plain cells, and the pane names it.
 * Workbook states before and after on the fake, the analyst acting between two syncs.
 */
const SYNC_LIMIT = 2 * 1024;
/** More syncs after a cancel than any test here needs (the undo's are a few dozen in 2 KB syncs): the run stops there. */
const MOST_SYNCS = 200;
const TODAY = "2026-11-25";
const texts = (result: { ok: boolean; problems?: never[] }) => (result.ok ? ["ok"] : (result.problems ?? []).map((p) => [problemText(p, "nl"), problemText(p, "en")]));

/** A first load in 2 KB syncs, cancelled once row 30 of its Data sheet is written, right after `act` on that sheet. */
async function cancelledAfter(model: WorkbookModel, act: (data: SheetModel) => void) {
  const cancel = new AbortController();
  let done = false;
  let after = 0;
  model.meanwhile = () => {
    const data = model.sheetNamed("Data");
    if (done) {
      // The syncs after the cancel (the undo's), each counted here; far more than a cancel needs stops the run.
      if (++after > MOST_SYNCS) throw new Error(`${after} syncs after the cancel`);
      return;
    }
    if (!data || data.cells.get("29,0") === undefined) return;
    done = true;
    act(data);
    cancel.abort();
  };
  try {
    const { result } = await runLoadData(model, undefined, { syncLimit: SYNC_LIMIT, previous: new Set(), today: () => TODAY, signal: cancel.signal });
    return { done, result, after };
  } finally {
    model.meanwhile = null;
  }
}

/** As cancelledAfter, but Excel refuses the load's next write after `act` (a GeneralException), instead of a cancel. */
async function refusedAfter(model: WorkbookModel, act: (data: SheetModel) => void) {
  let done = false;
  model.meanwhile = () => {
    const data = model.sheetNamed("Data");
    if (done || !data || data.cells.get("29,0") === undefined) return;
    done = true;
    act(data);
  };
  model.refuse = (bytes) => (done && bytes > 0 ? "GeneralException" : null);
  try {
    const { result } = await runLoadData(model, undefined, { syncLimit: SYNC_LIMIT, previous: new Set(), today: () => TODAY });
    return { done, result };
  } finally {
    model.meanwhile = null;
    model.refuse = null;
  }
}

const KEPT_NL = "Het half geschreven blad is daarom bewaard als het uwe, zonder het merkteken van de invoegtoepassing: 'Data 2026-11-25' (was 'Data'). Verwijder het als u het niet meer nodig hebt.";
const KEPT_EN = "So the partly written sheet is kept as yours, without the add-in's mark: 'Data 2026-11-25' (was 'Data'). Delete it when you no longer need it.";

/** The workbook after: their sheet beside theirs, unmarked, without the monitor's tables; the analyst's own sheet as it was. */
function expectKept(model: WorkbookModel, mine: string): SheetModel {
  expect(model.sheets.map((s) => s.name)).toEqual(["Mijn analyse", "Data 2026-11-25"]);
  expect(JSON.stringify(sheetNamed(model, "Mijn analyse"))).toBe(mine);
  const kept = sheetNamed(model, "Data 2026-11-25");
  expect(markOf(kept)).toBeNull();
  expect(model.tables.filter((t) => t.sheet === kept)).toEqual([]);
  // What the writer had written stays with it (partly written, as said).
  expect(kept.cell(0, 6).value).toBe("Waarde");
  return kept;
}

describe("a first load's own Data sheet, cancelled after the analyst worked on it outside the written cells", () => {
  it("a figure typed beside the tables: the sheet is kept as theirs with it, and the pane names the cell", async () => {
    const model = userWorkbook();
    const mine = JSON.stringify(sheetNamed(model, "Mijn analyse"));
    const { done, result } = await cancelledAfter(model, (data) => Object.assign(data.cell(2, 60), { value: 4242, formula: null }));
    expect(done).toBe(true);
    expect([result.ok || result.cancelled, texts(result as never)]).toEqual([
      true,
      [
        [
          `Op het blad 'Data' dat de invoegtoepassing aan het maken was, stond in BI3 iets anders dan wat ze er schreef: wat u typte of plakte terwijl ze schreef. ${KEPT_NL}`,
          `On the sheet 'Data' that the add-in was making, BI3 held something other than what it wrote there: what you typed or pasted while it was writing. ${KEPT_EN}`,
        ],
      ],
    ]);
    expect(expectKept(model, mine).cell(2, 60)).toMatchObject({ value: 4242, formula: null });
  });

  it("one figure typed at XFD1048576, Excel's last cell: kept and named as near the tables, in as many syncs", async () => {
    const near = await cancelledAfter(userWorkbook(), (data) => Object.assign(data.cell(2, 60), { value: 4242, formula: null }));
    const model = userWorkbook();
    const mine = JSON.stringify(sheetNamed(model, "Mijn analyse"));
    const far = await cancelledAfter(model, (data) => Object.assign(data.cell(1_048_575, 16_383), { value: 4242, formula: null }));
    expect(far.done).toBe(true);
    expect([far.result.ok || far.result.cancelled, texts(far.result as never)]).toEqual([
      true,
      [
        [
          `Op het blad 'Data' dat de invoegtoepassing aan het maken was, stond in XFD1048576 iets anders dan wat ze er schreef: wat u typte of plakte terwijl ze schreef. ${KEPT_NL}`,
          `On the sheet 'Data' that the add-in was making, XFD1048576 held something other than what it wrote there: what you typed or pasted while it was writing. ${KEPT_EN}`,
        ],
      ],
    ]);
    expect(expectKept(model, mine).cell(1_048_575, 16_383)).toMatchObject({ value: 4242, formula: null });
    // Each box beside the tables is read only where its values are: one cell, far or near, so
    // the undo costs the same syncs (reading the whole used range from the tables to the last
    // cell would be some 17 billion cells, thousands of syncs).
    expect(far.after).toBe(near.after);
  });

  it("a figure near the tables and one at XFD1048576 in the same box: the sheet is kept, the area they are in named, unread", async () => {
    const model = userWorkbook();
    const mine = JSON.stringify(sheetNamed(model, "Mijn analyse"));
    const { done, result, after } = await cancelledAfter(model, (data) => {
      Object.assign(data.cell(2, 60), { value: 4242, formula: null });
      Object.assign(data.cell(1_048_575, 16_383), { value: 4343, formula: null });
    });
    expect(done).toBe(true);
    const [nl, en] = texts(result as never)[0] ?? [];
    // The box right of the tables' columns holds both: its used range BI3:XFD1048576 is too big to read, and is named.
    expect(en).toContain("On the sheet 'Data' that the add-in was making, BI3:XFD1048576 held something other than what it wrote there");
    expect(nl).toContain("stond in BI3:XFD1048576 iets anders");
    const kept = expectKept(model, mine);
    expect([kept.cell(2, 60).value, kept.cell(1_048_575, 16_383).value]).toEqual([4242, 4343]);
    expect(after).toBeLessThan(MOST_SYNCS);
  });

  it("a formula in the empty column between the tables, left of a figure further right: both theirs, both named", async () => {
    const model = userWorkbook();
    const mine = JSON.stringify(sheetNamed(model, "Mijn analyse"));
    // The empty column right of MonitorData's header (one between tables, so each can grow).
    let gap = -1;
    const { done, result } = await cancelledAfter(model, (data) => {
      gap = [...data.cells.keys()].filter((k) => k.startsWith("0,")).length;
      Object.assign(data.cell(3, gap), { value: null, formula: "=G5*2" });
      Object.assign(data.cell(0, 60), { value: "eigen kolom", formula: null });
    });
    expect(done).toBe(true);
    expect(gap).toBeGreaterThan(6);
    expect(gap).toBeLessThan(26);
    const [nl, en] = texts(result as never)[0] ?? [];
    // Named by their cells (both outside every area it writes), top row first, as the pane lists cells.
    expect(en).toContain(`On the sheet 'Data' that the add-in was making, BI1, ${String.fromCharCode(65 + gap)}4 held something other than what it wrote there`);
    expect(nl).toContain(`stond in BI1, ${String.fromCharCode(65 + gap)}4 iets anders`);
    const kept = expectKept(model, mine);
    expect([kept.cell(3, gap).formula, kept.cell(0, 60).value]).toEqual(["=G5*2", "eigen kolom"]);
  });

  it("a note on a written cell: the sheet is kept with the note, and the pane says so", async () => {
    const model = userWorkbook();
    const mine = JSON.stringify(sheetNamed(model, "Mijn analyse"));
    const { done, result } = await cancelledAfter(model, (data) => data.notes.push({ row: 4, column: 6, text: "Nagevraagd bij CBS" }));
    expect(done).toBe(true);
    expect([result.ok || result.cancelled, texts(result as never)]).toEqual([
      true,
      [[`Aan het blad 'Data' dat de invoegtoepassing aan het maken was, voegde u notities toe terwijl ze schreef. ${KEPT_NL}`, `On the sheet 'Data' that the add-in was making, you added notes while it was writing. ${KEPT_EN}`]],
    ]);
    const kept = expectKept(model, mine);
    expect(kept.notes).toEqual([{ row: 4, column: 6, text: "Nagevraagd bij CBS" }]);
    expect(typeof kept.cell(4, 6).value).toBe("number");
  });

  it("a figure beside, a threaded comment, a shape and a conditional format: all named", async () => {
    const model = userWorkbook();
    const mine = JSON.stringify(sheetNamed(model, "Mijn analyse"));
    const { done, result } = await cancelledAfter(model, (data) => {
      Object.assign(data.cell(2, 60), { value: 4242, formula: null });
      data.comments.push({ row: 4, column: 6, text: "Klopt dit?" });
      data.shapes.push({ name: "Pijl 1", type: "GeometricShape" });
      data.conditionalFormats.push({ row: 1, column: 6, rows: 20, columns: 1, type: "DataBar" });
    });
    expect(done).toBe(true);
    expect(texts(result as never)).toEqual([
      [
        `Op het blad 'Data' dat de invoegtoepassing aan het maken was, stond in BI3 iets anders dan wat ze er schreef: wat u typte of plakte terwijl ze schreef. U voegde er ook opmerkingen, vormen of afbeeldingen en voorwaardelijke opmaak aan toe. ${KEPT_NL}`,
        `On the sheet 'Data' that the add-in was making, BI3 held something other than what it wrote there: what you typed or pasted while it was writing. You also added threaded comments, shapes or pictures and conditional formats to it. ${KEPT_EN}`,
      ],
    ]);
    const kept = expectKept(model, mine);
    expect([kept.cell(2, 60).value, kept.comments.map((c) => c.text), kept.shapes.map((s) => s.name), kept.conditionalFormats.length]).toEqual([4242, ["Klopt dit?"], ["Pijl 1"], 1]);
  });

  it("an Excel without the notes API (ExcelApi 1.15): a note cannot be seen, so the sheet is kept, and the pane says why", async () => {
    const model = userWorkbook();
    model.excelApi = "1.15";
    const mine = JSON.stringify(sheetNamed(model, "Mijn analyse"));
    const { done, result } = await cancelledAfter(model, (data) => data.notes.push({ row: 4, column: 6, text: "Nagevraagd bij CBS" }));
    expect(done).toBe(true);
    expect(texts(result as never)).toEqual([
      [
        `Deze versie van Excel kan niet laten zien of u notities toevoegde aan het blad 'Data' dat de invoegtoepassing aan het maken was (daarvoor is ExcelApi 1.18 nodig). ${KEPT_NL}`,
        `This version of Excel cannot show whether you added notes to the sheet 'Data' that the add-in was making (that needs ExcelApi 1.18). ${KEPT_EN}`,
      ],
    ]);
    expect(expectKept(model, mine).notes).toEqual([{ row: 4, column: 6, text: "Nagevraagd bij CBS" }]);
  });

  it("nothing of theirs on it: the sheet it was making is removed, the workbook as before", async () => {
    const model = userWorkbook();
    const before = snapshot(model);
    const { done, result } = await cancelledAfter(model, () => undefined);
    expect(done).toBe(true);
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
    expect(snapshot(model)).toBe(before);
    expect(tableNamed(model, "MonitorData")).toBeUndefined();
  });
});

describe("a first load's own Data sheet, refused by Excel after the analyst worked on it: the refusal says what the sheet was kept for (issue 14)", () => {
  const REFUSED = (nl: string, en: string) => [`Excel weigerde een wijziging (Excel: GeneralException); de werkmap is teruggezet zoals hij was, op ${nl} hieronder na.`, `Excel refused a change (Excel: GeneralException); the workbook was put back as it was, except for ${en} below.`];

  it("only a note added: kept for their notes, not \"your cells\"", async () => {
    const model = userWorkbook();
    const mine = JSON.stringify(sheetNamed(model, "Mijn analyse"));
    const { done, result } = await refusedAfter(model, (data) => data.notes.push({ row: 4, column: 6, text: "Nagevraagd bij CBS" }));
    expect(done).toBe(true);
    expect(texts(result as never)).toEqual([
      REFUSED("uw notities", "your notes"),
      [`Aan het blad 'Data' dat de invoegtoepassing aan het maken was, voegde u notities toe terwijl ze schreef. ${KEPT_NL}`, `On the sheet 'Data' that the add-in was making, you added notes while it was writing. ${KEPT_EN}`],
    ]);
    expect(expectKept(model, mine).notes).toEqual([{ row: 4, column: 6, text: "Nagevraagd bij CBS" }]);
  });

  it("only a figure typed beside the tables: kept for their cells", async () => {
    const model = userWorkbook();
    const mine = JSON.stringify(sheetNamed(model, "Mijn analyse"));
    const { done, result } = await refusedAfter(model, (data) => Object.assign(data.cell(2, 60), { value: 4242, formula: null }));
    expect(done).toBe(true);
    expect(texts(result as never)).toEqual([
      REFUSED("uw cellen", "your cells"),
      [
        `Op het blad 'Data' dat de invoegtoepassing aan het maken was, stond in BI3 iets anders dan wat ze er schreef: wat u typte of plakte terwijl ze schreef. ${KEPT_NL}`,
        `On the sheet 'Data' that the add-in was making, BI3 held something other than what it wrote there: what you typed or pasted while it was writing. ${KEPT_EN}`,
      ],
    ]);
    const kept = expectKept(model, mine);
    expect([kept.cell(2, 60).value, kept.notes]).toEqual([4242, []]);
  });

  it("a figure, a threaded comment and a shape: kept for their cells, threaded comments and other additions", async () => {
    const model = userWorkbook();
    const mine = JSON.stringify(sheetNamed(model, "Mijn analyse"));
    const { done, result } = await refusedAfter(model, (data) => {
      Object.assign(data.cell(2, 60), { value: 4242, formula: null });
      data.comments.push({ row: 4, column: 6, text: "Klopt dit?" });
      data.shapes.push({ name: "Pijl 1", type: "GeometricShape" });
    });
    expect(done).toBe(true);
    expect(texts(result as never)[0]).toEqual(REFUSED("uw cellen, opmerkingen en andere toevoegingen", "your cells, threaded comments and other additions"));
    expect(expectKept(model, mine).comments.map((c) => c.text)).toEqual(["Klopt dit?"]);
  });

  it("an Excel without the notes API, nothing else added: the refusal names the sheet kept, not anything of theirs", async () => {
    const model = userWorkbook();
    model.excelApi = "1.15";
    const mine = JSON.stringify(sheetNamed(model, "Mijn analyse"));
    const { done, result } = await refusedAfter(model, () => undefined);
    expect(done).toBe(true);
    expect(texts(result as never)[0]).toEqual(REFUSED("het bewaarde blad", "the sheet kept"));
    expectKept(model, mine);
  });
});
