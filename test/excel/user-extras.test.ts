import { MARK_KEY } from "../../src/excel/marks";
import { decodeMark, encodeMark } from "../../src/report/mark";
import { parseAddress, SheetModel, WorkbookModel } from "../support/fake-excel";
import { generatedWorkbook, markKey, regenerated, runRegenerate, sheetNamed, sheetState, snapshot, tableNamed, userWorkbook } from "../support/workbooks";
import { expectRebuiltWhereItWas } from "../support/rebuilt-where-it-was";
import { notesText } from "../support/notes";

/**
 * Whatever a user adds to an indicator sheet beyond values (formats, sizes, panes, notes,
 * links, rules, shapes, chart styling, names) is theirs: each case is the workbook before and
 * after Regenerate, on the Excel fake. And a figure keeps its place, or its sheet is kept.
 */
// Woonduur: title A1, lead A2, table lm_woonduur_woonduur at A5:B8 (header and three rows), a pie chart.
const additions: [string, (sheet: SheetModel, model: WorkbookModel) => void][] = [
  ["a fill colour on a figure", (s) => (s.cell(5, 1).fill = "#FFFF00")],
  ["bold text", (s) => (s.cell(6, 0).bold = true)],
  ["a number format on a figure", (s) => (s.cell(5, 1).numberFormat = s.cell(5, 1).numberFormat === "0.00%" ? "0%" : "0.00%")],
  ["a border", (s) => (s.cell(5, 1).borders = { bottom: "Continuous" })],
  ["a diagonal border", (s) => (s.cell(5, 1).borders = { diagonalDown: "Continuous" })],
  ["an alignment", (s) => (s.cell(5, 0).horizontalAlignment = "Right")],
  ["a fill colour on an empty cell below everything", (s) => Object.assign(s.cell(40, 6), { fill: "#FF0000" })],
  ["a wider column", (s) => s.columnWidths.set(1, 200)],
  ["a taller row", (s) => s.rowHeights.set(3, 40)],
  ["different frozen panes", (s) => (s.frozenColumns = 1)],
  ["merged cells", (s) => s.merges.push({ row: 30, column: 0, rows: 1, columns: 3 })],
  ["a threaded comment", (s) => s.comments.push({ row: 5, column: 1, text: "Klopt dit?" })],
  ["a hyperlink", (s) => (s.cell(0, 0).hyperlink = { address: "https://www.leiden.nl" })],
  ["a conditional format", (s) => s.conditionalFormats.push({ row: 5, column: 1, rows: 3, columns: 1 })],
  ["data validation", (s) => s.dataValidations.push({ row: 30, column: 1, rows: 1, columns: 1 })],
  ["a picture", (s) => s.shapes.push({ name: "Logo", type: "Image" })],
  ["a new chart title", (s) => (s.charts[0].title = "Mijn titel")],
  ["a moved chart", (s) => (s.charts[0].position = { start: "H2", end: "M18" })],
  ["another chart type", (s) => (s.charts[0].type = "Doughnut")],
  ["a legend elsewhere", (s) => (s.charts[0].legendPosition = "Top")],
  ["a name of the sheet's own", (s, m) => m.names.push({ name: "MijnCel", formula: "=Woonduur!$B$6", sheet: s })],
  // A workbook name pointing into it keeps it too, as referenced by that name: see test/excel/kept-referenced-texts.test.ts.
];

describe("Regenerate keeps an indicator sheet the user changed beyond its values", () => {
  it.each(additions)("%s: their sheet is kept unchanged under a dated name, a fresh one is built, the pane is told", async (_what, change) => {
    const model = await generatedWorkbook();
    const woonduur = sheetNamed(model, "Woonduur");
    change(woonduur, model);
    const theirs = JSON.stringify(sheetState(woonduur));
    const result = await regenerated(model);
    expect(woonduur.name).toBe("Woonduur 2026-11-25");
    expect(JSON.stringify(sheetState(woonduur))).toBe(theirs);
    expect(woonduur.customProperties.has(MARK_KEY)).toBe(false);
    expect(markKey(sheetNamed(model, "Woonduur"))).toBe("woonduur");
    expect(result.kept).toEqual([{ key: "woonduur", name: "Woonduur 2026-11-25", was: "Woonduur", why: "edited" }]);
    // The fresh sheet is exactly what the add-in writes: regenerated again, nothing changes.
    const before = snapshot(model);
    await runRegenerate(model, undefined, "2026-12-01");
    expect(snapshot(model)).toBe(before);
  });

  it("a note (ExcelApi 1.18, read where Excel has it) keeps the sheet too", async () => {
    const office = { context: { requirements: { isSetSupported: (set: string, version: string) => set === "ExcelApi" && Number(version) <= 1.18 } } };
    Object.assign(globalThis, { Office: office });
    try {
      const model = await generatedWorkbook();
      const woonduur = sheetNamed(model, "Woonduur");
      woonduur.notes.push({ row: 5, column: 1, text: "Nagevraagd bij BRP" });
      const result = await regenerated(model);
      expect(result.kept.map((k) => k.name)).toEqual(["Woonduur 2026-11-25"]);
      expect(woonduur.notes).toEqual([{ row: 5, column: 1, text: "Nagevraagd bij BRP" }]);
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });

  it("a sheet exactly as written is brought up to date in place: same sheet, nothing kept", async () => {
    const model = await generatedWorkbook();
    const woonduur = sheetNamed(model, "Woonduur");
    const result = await regenerated(model);
    expect(sheetNamed(model, "Woonduur")).toBe(woonduur);
    expect(result.kept).toEqual([]);
    expect(result.sheets.find((s) => s.key === "woonduur")?.status).toBe("updated");
  });
});

/** Sets a figure of MonitorData in the workbook, as an analyst's edit or a pull would. */
function setFigure(model: WorkbookModel, match: (row: (string | number | boolean)[]) => boolean, value: number): void {
  const table = tableNamed(model, "MonitorData");
  if (!table) throw new Error("no MonitorData");
  const rows = table.sheet.values(table.box);
  const r = rows.findIndex(match);
  if (r < 1) throw new Error("no such figure");
  Object.assign(table.sheet.cell(table.box.row + r, table.box.column + 6), { value, formula: null });
}
const inwoners2022 = (groep: string) => (row: (string | number | boolean)[]) => row[1] === "inwoners" && row[2] === "Leiden" && row[3] === groep && row[5] === "2022" && row[4] === "";

/** The value a one-cell formula like `='Sheet'!B6` points at, as Excel would show it. */
function shown(model: WorkbookModel, formula: string): string | number | boolean | null {
  const target = parseAddress(formula.slice(1));
  const sheet = sheetNamed(model, target.sheet ?? "");
  return sheet.cells.get(`${target.row},${target.column}`)?.value ?? null;
}

describe("a figure keeps its place, or its sheet is kept", () => {
  async function withFormula(formula: string) {
    const model = await generatedWorkbook();
    const mine = sheetNamed(model, "Mijn analyse");
    Object.assign(mine.cell(5, 0), { value: null, formula });
    return { model, mine };
  }

  it("`=Nationaliteiten!B6` reads Italiaans; a new Italiaans figure in the same layout is updated where it is", async () => {
    const { model, mine } = await withFormula("=Nationaliteiten!B6");
    expect(shown(model, "=Nationaliteiten!B6")).toBe(1253);
    setFigure(model, inwoners2022("Italiaans"), 1260);
    const result = await regenerated(model);
    expect(result.kept).toEqual([]);
    expect(mine.cell(5, 0).formula).toBe("=Nationaliteiten!B6");
    expect(sheetNamed(model, "Nationaliteiten").cell(5, 0).value).toBe("Italiaans");
    expect(shown(model, "=Nationaliteiten!B6")).toBe(1260);
  });

  it("when Duits moves to that row, the sheet the formula points into is kept unchanged and reported", async () => {
    const { model, mine } = await withFormula("=Nationaliteiten!B6");
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    const before = JSON.stringify(sheetState(nationaliteiten));
    setFigure(model, inwoners2022("Duits"), 1300);
    const result = await regenerated(model);
    expect(result.kept).toEqual([{ key: "nationaliteiten", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", why: "referenced", by: [{ kind: "formula", sheet: "Mijn analyse" }], moves: true }]);
    expect(notesText(result.sheets.find((s) => s.key === "nationaliteiten"))).toContain("Formules op het blad 'Mijn analyse' verwijzen naar dit blad en de nieuwe indeling zou de cijfers verplaatsen;");
    expect(JSON.stringify(sheetState(nationaliteiten))).toBe(before);
    // Excel follows the rename: the formula still shows Italiaans 1253; the fresh sheet has Duits first.
    expect(mine.cell(5, 0).formula).toBe("='Nationaliteiten 2026-11-25'!B6");
    expect(shown(model, mine.cell(5, 0).formula ?? "")).toBe(1253);
    expect(sheetNamed(model, "Nationaliteiten").cell(5, 0).value).toBe("Duits");
  });

  it("a formula over one of its tables by name counts as a reference too", async () => {
    const { model } = await withFormula("=INDEX(lm_nationaliteiten_aantal[Inwoners];1)");
    setFigure(model, inwoners2022("Duits"), 1300);
    const result = await regenerated(model);
    expect(result.kept.map((k) => [k.name, k.why])).toEqual([["Nationaliteiten 2026-11-25", "referenced"]]);
    expect(tableNamed(model, "lm_nationaliteiten_aantal")?.sheet.name).toBe("Nationaliteiten 2026-11-25");
  });

  it("without references, a new layout is rebuilt where the sheet was (built beside, then in its place), Duits first", async () => {
    const model = await generatedWorkbook();
    const { old } = await expectRebuiltWhereItWas(model); // Duits 2022 at 1300
    expect(model.sheets).not.toContain(old); // the old one, exactly as the add-in wrote it, made way
  });
});

describe("a sheet whose mark proves only its content (written without Excel, as the .xlsx is)", () => {
  const dropExtras = (sheet: SheetModel) => {
    const mark = decodeMark(sheet.customProperties.get(MARK_KEY));
    if (!mark) throw new Error("no mark");
    sheet.customProperties.set(MARK_KEY, encodeMark({ ...mark, extras: null }));
  };

  it("is brought up to date in place, values only, so formats made before are not lost", async () => {
    const model = await generatedWorkbook();
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    dropExtras(nationaliteiten);
    nationaliteiten.cell(5, 1).fill = "#FFFF00";
    setFigure(model, inwoners2022("Italiaans"), 1260);
    const result = await regenerated(model);
    expect(result.kept).toEqual([]);
    expect(nationaliteiten.cell(5, 1)).toMatchObject({ value: 1260, fill: "#FFFF00" });
  });

  it("is kept when its layout changes, since its formats cannot be checked", async () => {
    const model = await generatedWorkbook();
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    dropExtras(nationaliteiten);
    setFigure(model, inwoners2022("Duits"), 1300);
    const result = await regenerated(model);
    expect(result.kept.map((k) => [k.name, k.why])).toEqual([["Nationaliteiten 2026-11-25", "unproven"]]);
  });
});

describe("names", () => {
  it("a defined name of the user's called MonitorData stops the first load before anything is written", async () => {
    const model = userWorkbook();
    model.names.push({ name: "MonitorData", formula: "='Mijn analyse'!$A$1:$B$3", sheet: null });
    const before = snapshot(model);
    await expect(runRegenerate(model)).rejects.toThrow("De werkmap heeft al een gedefinieerde naam 'MonitorData'; een tabel kan die naam dan niet krijgen. Hernoem of verwijder die naam (Formules › Namen beheren). Er is niets veranderd.");
    expect(snapshot(model)).toBe(before);
  });

  it("a table never takes the name of a defined name (names are unique across both)", async () => {
    const model = userWorkbook();
    model.names.push({ name: "lm_woonduur_woonduur", formula: "='Mijn analyse'!$B$2", sheet: null });
    const result = await regenerated(model);
    expect(tableNamed(model, "lm_woonduur_woonduur")).toBeUndefined();
    expect(tableNamed(model, "lm_woonduur_woonduur_2")?.sheet.name).toBe("Woonduur");
    expect(notesText(result.sheets.find((s) => s.key === "woonduur"))).toBe("Tabelnaam al in gebruik: lm_woonduur_woonduur kreeg een achtervoegsel.");
  });
});
