import { Language } from "../../src/data/types";
import { MARK_KEY } from "../../src/excel/marks";
import { SheetOutcome } from "../../src/excel/regenerate";
import { textOf } from "../../src/text/message";
import { SheetModel, WorkbookModel } from "../support/fake-excel";
import { generatedWorkbook, markKey, regenerated, sheetNamed, sheetState, snapshot, tableNamed } from "../support/workbooks";

/**
 * What a user does to the charts and cells of an indicator sheet that only a series, a point or
 * a note shows (ExcelApi 1.16 and 1.18 read them): each case is the workbook before and after
 * Regenerate on the Excel fake. Where this Excel lacks the API, the safe reading: the sheet may
 * have been changed, so it is only ever brought up to date in place, values only, or kept.
 */
/** The notes Regenerate gave on one sheet, in one language. */
const notesOf = (result: { sheets: SheetOutcome[] }, key: string, language: Language = "nl") => (result.sheets.find((s) => s.key === key)?.notes ?? []).map((m) => textOf(m, language));

/** Sets the 2022 figure of a nationality in MonitorData, as an analyst's edit would. */
function setInwoners(model: WorkbookModel, groep: string, value: number): void {
  const table = tableNamed(model, "MonitorData");
  if (!table) throw new Error("no MonitorData");
  const r = table.sheet.values(table.box).findIndex((row) => row[1] === "inwoners" && row[2] === "Leiden" && row[3] === groep && row[5] === "2022" && row[4] === "");
  Object.assign(table.sheet.cell(table.box.row + r, table.box.column + 6), { value, formula: null });
}

// Vestiging en vertrek: a clustered bar chart of two series; Woonduur: a pie with a colour per slice and value labels.
const changes: [string, string, (sheet: SheetModel) => void][] = [
  ["another colour for a series of bars", "Vestiging en vertrek", (s) => (s.charts[0].seriesColours[1] = "#00B050")],
  ["another colour for one slice of a pie", "Woonduur", (s) => (s.charts[0].pointColours[1] = "#00B050")],
  ["value labels switched on for a whole chart", "Vestiging en vertrek", (s) => (s.charts[0].dataLabels.showValue = true)],
  ["labels with the category name on a pie", "Woonduur", (s) => (s.charts[0].dataLabels.showCategoryName = true)],
  ["data labels on one series", "Vestiging en vertrek", (s) => (s.charts[0].seriesDataLabels = [false, true])],
  ["a data label on one bar", "Vestiging en vertrek", (s) => (s.charts[0].pointDataLabels = [false, false, true])],
];

describe("Regenerate sees what a user did to a chart's series, points and labels", () => {
  it.each(changes)("%s: the sheet is kept unchanged under a dated name and a fresh one built", async (_what, name, change) => {
    const model = await generatedWorkbook();
    const sheet = sheetNamed(model, name);
    change(sheet);
    const theirs = JSON.stringify(sheetState(sheet));
    const result = await regenerated(model);
    expect(result.kept).toEqual([{ key: markKey(sheetNamed(model, name)), name: `${name} 2026-11-25`, was: name, why: "edited" }]);
    expect(sheet.name).toBe(`${name} 2026-11-25`);
    expect(JSON.stringify(sheetState(sheet))).toBe(theirs);
    expect(sheet.customProperties.has(MARK_KEY)).toBe(false);
    const before = snapshot(model);
    await regenerated(model, "2026-12-01");
    expect(snapshot(model)).toBe(before);
  });
});

describe("in an Excel without notes and chart colours (ExcelApi 1.15, as Excel 2021)", () => {
  it("a note and a slice's colour the add-in cannot see survive: the same layout is brought up to date in place, values only", async () => {
    const model = await generatedWorkbook({ excelApi: "1.15" });
    const woonduur = sheetNamed(model, "Woonduur");
    woonduur.notes.push({ row: 5, column: 1, text: "Zie de BRP-notitie" });
    woonduur.charts[0].pointColours[1] = "#00B050";
    const result = await regenerated(model);
    expect(result.kept).toEqual([]);
    expect(result.sheets.find((s) => s.key === "woonduur")?.status).toBe("updated");
    expect(sheetNamed(model, "Woonduur")).toBe(woonduur);
    expect(woonduur.notes).toEqual([{ row: 5, column: 1, text: "Zie de BRP-notitie" }]);
    expect(woonduur.charts[0].pointColours[1]).toBe("#00B050");
  });

  it("a new layout keeps the sheet unchanged and says what this Excel cannot read", async () => {
    const model = await generatedWorkbook({ excelApi: "1.15" });
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    nationaliteiten.notes.push({ row: 6, column: 1, text: "Duits stijgt" });
    const theirs = JSON.stringify(sheetState(nationaliteiten));
    setInwoners(model, "Duits", 1300); // Duits moves up the ranking: a new layout
    const result = await regenerated(model);
    expect(result.kept).toEqual([{ key: "nationaliteiten", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", why: "unseen", unseen: ["notes", "chart colours"] }]);
    expect(JSON.stringify(sheetState(nationaliteiten))).toBe(theirs);
    expect(notesOf(result, "nationaliteiten")).toContain(
      "Deze versie van Excel kan notities en de kleuren van grafieken niet lezen, dus niet na te gaan of u die veranderde, en de indeling verandert; het blad staat ongewijzigd onder 'Nationaliteiten 2026-11-25'.",
    );
    expect(sheetNamed(model, "Nationaliteiten").cell(5, 0).value).toBe("Duits");
  });

  it("with chart colours but without notes (ExcelApi 1.17), only the notes are what it cannot see", async () => {
    const model = await generatedWorkbook({ excelApi: "1.17" });
    setInwoners(model, "Duits", 1300);
    const result = await regenerated(model);
    expect(result.kept).toEqual([{ key: "nationaliteiten", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", why: "unseen", unseen: ["notes"] }]);
    expect(notesOf(result, "nationaliteiten")).toContain("Deze versie van Excel kan notities niet lezen, dus niet na te gaan of u die veranderde, en de indeling verandert; het blad staat ongewijzigd onder 'Nationaliteiten 2026-11-25'.");
    expect(notesOf(result, "nationaliteiten", "en")).toContain("This version of Excel cannot read notes, so whether you changed them cannot be checked, and the layout changes; the sheet is kept unchanged as 'Nationaliteiten 2026-11-25'.");
  });
});
