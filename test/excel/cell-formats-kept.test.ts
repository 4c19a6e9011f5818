import { Language } from "../../src/data/types";
import { MARK_KEY } from "../../src/excel/marks";
import { SheetOutcome } from "../../src/excel/regenerate";
import { ReadBatch } from "../../src/excel/batch";
import { readExtras } from "../../src/excel/sheet-extras";
import { EXTRAS_PRINT_VERSION, extrasPrint } from "../../src/report/fingerprint";
import { decodeMark, encodeMark } from "../../src/report/mark";
import { textOf } from "../../src/text/message";
import { ChartModel, fakeRun, SheetModel, WorkbookModel } from "../support/fake-excel";
import { asExcel, duitsMovesUp, generatedWorkbook, markKey, markOf, regenerated, sheetNamed, sheetState, snapshot } from "../support/workbooks";
import { expectUntouchedRebuiltOnNewLayout } from "../support/untouched-rebuilt";

/**
 * Review finding R5: what an analyst sets on Format Cells or Chart Elements beyond what the
 * extras print read before version 5 is theirs too: every member Excel reports of a cell's format
 * (alignment, protection, the font's strikethrough, sub- and superscript and tint, the fill's
 * pattern, pattern colour and tints, each border's weight, colour and tint), and a chart's title
 * and axes shown or hidden, its axis titles, its data table and its chart style. Each case is the
 * workbook before and after Regenerate on the Excel fake (fake-cell-formats.ts,
 * fake-chart-styling.ts).
 */
// Woonduur: title A1, lead A2, table lm_woonduur_woonduur at A5:B8 (header and three rows), a pie chart.
const cellChanges: [string, (sheet: SheetModel) => void][] = [
  ["a figure's text turned 90°", (s) => (s.cell(5, 1).textOrientation = 90)],
  ["shrink to fit on a label", (s) => (s.cell(6, 0).shrinkToFit = true)],
  ["right-to-left reading order", (s) => (s.cell(6, 0).readingOrder = "RightToLeft")],
  ["an indent", (s) => (s.cell(6, 0).indentLevel = 2)],
  ["automatic indent", (s) => (s.cell(6, 0).autoIndent = true)],
  ["top alignment", (s) => (s.cell(5, 1).verticalAlignment = "Top")],
  // (The lead in A2 the add-in wraps itself, src/report/text-wrap.ts: wrapping it is no change, turning it off is one.)
  ["wrapped text on a label", (s) => (s.cell(6, 0).wrapText = true)],
  ["the lead's wrapping turned off", (s) => (s.cell(1, 0).wrapText = false)],
  ["a cell unlocked", (s) => (s.cell(5, 1).locked = false)],
  ["a formula hidden", (s) => (s.cell(5, 1).formulaHidden = true)],
  ["strikethrough", (s) => (s.cell(6, 0).strikethrough = true)],
  ["subscript", (s) => (s.cell(6, 0).subscript = true)],
  ["superscript", (s) => (s.cell(6, 0).superscript = true)],
  ["a lighter font colour (tint)", (s) => (s.cell(6, 0).fontTintAndShade = 0.4)],
  ["a fill pattern", (s) => (s.cell(5, 1).pattern = "Gray25")],
  ["a pattern colour", (s) => (s.cell(5, 1).patternColor = "#FF0000")],
  ["a darker fill (tint)", (s) => Object.assign(s.cell(5, 1), { fill: "#4472C4", fillTintAndShade: -0.25 })],
  ["a thicker border line", (s) => (s.cell(5, 1).borderWeights = { bottom: "Thick" })],
  ["a border in another colour", (s) => (s.cell(5, 1).borderColors = { top: "#FF0000" })],
  ["a lighter border (tint)", (s) => (s.cell(5, 1).borderTintAndShade = { left: 0.5 })],
];

// Nationaliteiten: a clustered bar chart of the ranking, with both axes titled.
const chartChanges: [string, (chart: ChartModel) => void][] = [
  ["the chart title hidden", (c) => (c.styling = { titleHidden: true })],
  ["the value axis hidden", (c) => (c.styling = { axesHidden: { value: true } })],
  ["the category axis hidden", (c) => (c.styling = { axesHidden: { category: true } })],
  ["the value axis title hidden", (c) => (c.styling = { axisTitlesHidden: { value: true } })],
  ["a data table shown", (c) => (c.styling = { dataTable: { visible: true } })],
  ["another chart style", (c) => (c.styling = { chartStyle: 8 })],
];

/** The notes Regenerate gave on one sheet, in one language. */
const notesOf = (result: { sheets: SheetOutcome[] }, key: string, language: Language = "nl") => (result.sheets.find((s) => s.key === key)?.notes ?? []).map((m) => textOf(m, language));

const barChart = (model: WorkbookModel) => {
  const chart = sheetNamed(model, "Nationaliteiten").charts.find((c) => c.type === "BarClustered");
  if (!chart) throw new Error("no clustered bar chart on Nationaliteiten");
  return chart;
};

/** Changes `name` (its sheet and model), regenerates with the same data: the sheet must be kept as the analyst's, unchanged, and a fresh one built that a second Regenerate leaves alone. */
async function keptAfter(name: string, change: (model: WorkbookModel) => void) {
  const model = await generatedWorkbook();
  const theirs = sheetNamed(model, name);
  const key = markKey(theirs);
  change(model);
  const state = JSON.stringify(sheetState(theirs));
  const result = await regenerated(model);
  expect(result.kept).toEqual([{ key, name: `${name} 2026-11-25`, was: name, why: "edited" }]);
  expect(theirs.name).toBe(`${name} 2026-11-25`);
  expect(JSON.stringify(sheetState(theirs))).toBe(state);
  expect(theirs.customProperties.has(MARK_KEY)).toBe(false);
  const fresh = sheetNamed(model, name);
  expect(fresh).not.toBe(theirs);
  expect(markKey(fresh)).toBe(key);
  // The fresh sheet is exactly what the add-in writes: regenerated again, nothing changes.
  const before = snapshot(model);
  const again = await regenerated(model, "2026-12-01");
  expect(again.kept).toEqual([]);
  expect(snapshot(model)).toBe(before);
  return { model, fresh };
}

describe("Regenerate keeps an indicator sheet whose cell formats the analyst changed (review finding R5)", () => {
  it.each(cellChanges)("%s: the sheet is kept unchanged under a dated name and reported, a fresh one is built", async (_what, change) => {
    const { fresh } = await keptAfter("Woonduur", (model) => change(sheetNamed(model, "Woonduur")));
    // The fresh sheet has none of it: every cell as the add-in writes it (its long lines' merged cells wrapped and top-aligned, as it writes them: src/report/text-wrap.ts).
    const wrapped = new Set(fresh.merges.map((m) => m.row));
    expect([...fresh.cells].filter(([key]) => !wrapped.has(Number(key.split(",")[0]))).map(([, cell]) => cell).some((cell) => ["textOrientation", "shrinkToFit", "readingOrder", "indentLevel", "autoIndent", "verticalAlignment", "wrapText", "locked", "formulaHidden", "strikethrough", "subscript", "superscript", "fontTintAndShade", "pattern", "patternColor", "fillTintAndShade", "borderWeights", "borderColors", "borderTintAndShade"].some((k) => k in cell))).toBe(false);
  });
});

describe("Regenerate keeps an indicator sheet whose chart the analyst changed with Chart Elements (review finding R5)", () => {
  it.each(chartChanges)("%s: the sheet is kept unchanged under a dated name and reported, a fresh one is built", async (_what, change) => {
    const { fresh } = await keptAfter("Nationaliteiten", (model) => change(barChart(model)));
    expect(fresh.charts.every((c) => c.styling === undefined)).toBe(true);
  });
});

describe("what Regenerate does not take for the analyst's", () => {
  it("an untouched sheet with a new layout is rebuilt, nothing kept; regenerated again, nothing changes", expectUntouchedRebuiltOnNewLayout);

  it("a sheet exactly as written is brought up to date in place, its mark sealed with this version's print", async () => {
    const model = await generatedWorkbook();
    const woonduur = sheetNamed(model, "Woonduur");
    const result = await regenerated(model);
    expect(result.kept).toEqual([]);
    expect(sheetNamed(model, "Woonduur")).toBe(woonduur);
    expect(markOf(woonduur)?.extras?.startsWith(`${EXTRAS_PRINT_VERSION}.`)).toBe(true);
  });
});

describe("a sheet marked by the previous version (which did not read these formats)", () => {
  it("proves its content only: brought up to date in place, values only, the analyst's rotated text kept; a new layout then keeps it", async () => {
    const model = await generatedWorkbook();
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    const mark = markOf(nationaliteiten);
    if (!mark?.extras) throw new Error("no extras print");
    nationaliteiten.customProperties.set(MARK_KEY, encodeMark({ ...mark, extras: `4.${mark.extras.split(".")[1]}` }));
    nationaliteiten.cell(5, 1).textOrientation = 45;
    barChart(model).styling = { chartStyle: 8 };
    const result = await regenerated(model);
    expect(result.kept).toEqual([]);
    expect(sheetNamed(model, "Nationaliteiten")).toBe(nationaliteiten);
    expect(nationaliteiten.cell(5, 1).textOrientation).toBe(45);
    expect(barChart(model).styling).toEqual({ chartStyle: 8 });
    expect(decodeMark(nationaliteiten.customProperties.get(MARK_KEY))?.extras).toBeNull();
    const theirs = JSON.stringify(sheetState(nationaliteiten));
    duitsMovesUp(model);
    const next = await regenerated(model, "2026-12-01");
    expect(next.kept.map((k) => [k.was, k.why])).toEqual([["Nationaliteiten", "unproven"]]);
    expect(JSON.stringify(sheetState(nationaliteiten))).toBe(theirs);
  });
});

describe("in an Excel without charts' data tables (ExcelApi 1.13, the manifest's minimum)", () => {
  it("a new layout keeps a sheet with a chart unchanged and says, in Dutch and English, that this Excel cannot read its data table", async () => {
    const model = await generatedWorkbook({ excelApi: "1.13" });
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    const theirs = JSON.stringify(sheetState(nationaliteiten));
    duitsMovesUp(model);
    const result = await regenerated(model);
    const kept = result.kept.find((k) => k.was === "Nationaliteiten");
    expect(kept).toEqual({ key: "nationaliteiten", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", why: "unseen", unseen: ["notes", "chart colours", "chart data tables", "chart sources"] });
    expect(JSON.stringify(sheetState(nationaliteiten))).toBe(theirs);
    expect(notesOf(result, "nationaliteiten")).toContain(
      "Deze versie van Excel kan notities en de kleuren van grafieken en de gegevenstabellen in grafieken en de gegevensbronnen van grafiekreeksen niet lezen, dus niet na te gaan of u die veranderde, en de indeling verandert; het blad staat ongewijzigd onder 'Nationaliteiten 2026-11-25'.",
    );
    expect(notesOf(result, "nationaliteiten", "en")).toContain(
      "This version of Excel cannot read notes and the charts' colours and the charts' data tables and the data sources of chart series, so whether you changed them cannot be checked, and the layout changes; the sheet is kept unchanged as 'Nationaliteiten 2026-11-25'.",
    );
  });
});

describe("reading all of it", () => {
  /** readExtras over Nationaliteiten (its cells and its chart) as inspectWorkbook calls it: its syncs and largest response. */
  async function readNationaliteiten(model: WorkbookModel) {
    model.batches.length = 0;
    const { result, syncs } = await fakeRun(model, async (context) => {
      const sheet = asExcel(context).workbook.worksheets.getItem("Nationaliteiten");
      const formatted = sheet.getUsedRangeOrNullObject(false).load("address,rowIndex,columnIndex,rowCount,columnCount");
      const charts = sheet.charts.load("items/name");
      await context.sync();
      return readExtras(new ReadBatch(asExcel(context), 4 * 1024 * 1024), [{ sheet, formatted, charts: charts.items }]);
    });
    return { extras: result[0], syncs, response: Math.max(...model.batches.map((b) => b.responseBytes)) };
  }

  it("takes no sync more than the four rounds readExtras reads in (with the one that finds the sheet and Excel.run's last), whatever the analyst changed", async () => {
    const model = await generatedWorkbook();
    const plain = await readNationaliteiten(model);
    const sheet = sheetNamed(model, "Nationaliteiten");
    Object.assign(sheet.cell(5, 1), { textOrientation: 90, locked: false, pattern: "Gray25", borderWeights: { bottom: "Thick" }, subscript: true });
    barChart(model).styling = { titleHidden: true, axesHidden: { value: true }, axisTitlesHidden: { category: true }, dataTable: { visible: true }, chartStyle: 8 };
    const changed = await readNationaliteiten(model);
    expect(plain.syncs).toBe(1 + 4 + 1);
    expect(changed.syncs).toBe(plain.syncs);
    expect(changed.response).toBeLessThan(5 * 1024 * 1024);
    expect(extrasPrint(changed.extras)).not.toBe(extrasPrint(plain.extras));
  });
});
