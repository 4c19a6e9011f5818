import { MARK_KEY } from "../../src/excel/marks";
import { ReadBatch } from "../../src/excel/batch";
import { readExtras } from "../../src/excel/sheet-extras";
import { EXTRAS_PRINT_VERSION } from "../../src/report/fingerprint";
import { decodeMark, encodeMark } from "../../src/report/mark";
import { fakeRun, SheetModel, WorkbookModel } from "../support/fake-excel";
import { defaultSheetSettings } from "../support/fake-sheet-settings";
import { asExcel, duitsMovesUp, generatedWorkbook, markOf, ownershipOf, regenerated, sheetNamed, sheetState } from "../support/workbooks";
import { expectUntouchedRebuiltOnNewLayout } from "../support/untouched-rebuilt";

/**
 * What a user sets on an indicator sheet beyond its used range (widths, heights, hidden columns
 * and rows anywhere on the sheet) or on the sheet as a whole (tab colour, gridlines, headings,
 * protection, page setup) is theirs (issue 14; review 2, D1 and D5). Each case is the workbook
 * before and after Regenerate on the Excel fake, with a new layout (Duits moves up the ranking),
 * which rebuilds a sheet that is exactly as written and keeps one that is not.
 * Nationaliteiten: texts and one table in A1:B56, charts right of it (from column D).
 */
const changes: [string, (sheet: SheetModel) => void][] = [
  ["a wider column right of the charts (M)", (s) => s.columnWidths.set(12, 200)],
  ["a taller row below everything (row 70)", (s) => s.rowHeights.set(69, 40)],
  ["a hidden column right of the charts", (s) => s.hiddenColumns.add(20)],
  ["a hidden row below everything", (s) => s.hiddenRows.add(200)],
  ["a tab colour", (s) => (s.settings.tabColor = "#FF0000")],
  ["gridlines off", (s) => (s.settings.showGridlines = false)],
  ["protection", (s) => (s.settings.protected = true)],
  ["landscape printing", (s) => (s.settings.pageLayout.orientation = "Landscape")],
  ["a footer", (s) => (s.settings.pageLayout.headersFooters.defaultForAllPages.centerFooter = "Gemeente Leiden, &D")],
];

/** More of the same, decided from one look at the workbook each (Regenerate decides from that look; the cases above go all the way). */
const moreChanges: [string, (sheet: SheetModel) => void][] = [
  ["a column far right (XFD) made narrower", (s) => s.columnWidths.set(16_383, 10)],
  ["the sheet's last row made taller", (s) => s.rowHeights.set(1_048_575, 30)],
  ["a hidden column of the table", (s) => s.hiddenColumns.add(1)],
  ["a hidden row of the table", (s) => s.hiddenRows.add(7)],
  ["headings off", (s) => (s.settings.showHeadings = false)],
  ["narrow margins", (s) => (s.settings.pageLayout.leftMargin = 18)],
  ["centred on the page", (s) => (s.settings.pageLayout.centerHorizontally = true)],
  ["printed gridlines", (s) => (s.settings.pageLayout.printGridlines = true)],
  ["fit to one page wide", (s) => (s.settings.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 })],
  ["a print area", (s) => (s.settings.pageLayout.printArea = "A1:B56")],
  ["print titles (rows repeated on each page)", (s) => (s.settings.pageLayout.printTitleRows = "$1:$5")],
  ["print titles (columns repeated on each page)", (s) => (s.settings.pageLayout.printTitleColumns = "$A:$A")],
  ["a different first page header", (s) => (s.settings.pageLayout.headersFooters.state = "FirstAndDefault")],
];

describe("sizes anywhere on an indicator sheet and its sheet-wide settings are the user's", () => {
  it.each(changes)("%s: the sheet is kept unchanged when its layout changes, a fresh one is built, the pane is told", async (_what, change) => {
    const model = await generatedWorkbook();
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    change(nationaliteiten);
    const theirs = JSON.stringify(sheetState(nationaliteiten));
    duitsMovesUp(model);
    const result = await regenerated(model);
    expect(result.kept).toEqual([{ key: "nationaliteiten", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", why: "edited" }]);
    expect(model.sheets).toContain(nationaliteiten);
    expect(JSON.stringify(sheetState(nationaliteiten))).toBe(theirs);
    const fresh = sheetNamed(model, "Nationaliteiten");
    expect(fresh).not.toBe(nationaliteiten);
    expect(fresh.cell(5, 0).value).toBe("Duits");
  });

  describe("seen at the look Regenerate takes first", () => {
    let model: WorkbookModel;
    let written: { widths: [number, number][]; heights: [number, number][] };
    beforeAll(async () => {
      model = await generatedWorkbook();
      const sheet = sheetNamed(model, "Nationaliteiten");
      written = { widths: [...sheet.columnWidths], heights: [...sheet.rowHeights] };
    }, 120_000);
    const untouched = () => ownershipOf(model, "Nationaliteiten");

    it("as written: proven the add-in's", async () => {
      expect(await untouched()).toBe("proven");
    });

    it.each(moreChanges)("%s: the user's", async (_what, change) => {
      const sheet = sheetNamed(model, "Nationaliteiten");
      change(sheet);
      try {
        expect(await untouched()).toBeNull();
      } finally {
        // Back as written, for the next case.
        Object.assign(sheet, { settings: defaultSheetSettings() });
        sheet.hiddenColumns.clear();
        sheet.hiddenRows.clear();
        sheet.columnWidths.clear();
        sheet.rowHeights.clear();
        written.widths.forEach(([c, w]) => sheet.columnWidths.set(c, w));
        written.heights.forEach(([r, h]) => sheet.rowHeights.set(r, h));
      }
      expect(await untouched()).toBe("proven");
    });
  });

  it("an untouched sheet with a new layout is rebuilt as the add-in's, nothing kept; regenerated again, nothing changes", expectUntouchedRebuiltOnNewLayout);

  it("a sheet marked with the previous version's print (which did not read these) proves its content only: brought up to date in place, its tab colour kept", async () => {
    const model = await generatedWorkbook();
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    const mark = markOf(nationaliteiten);
    if (!mark?.extras) throw new Error("no extras print");
    const older = `${Number(EXTRAS_PRINT_VERSION) - 1}.${mark.extras.split(".")[1]}`;
    nationaliteiten.customProperties.set(MARK_KEY, encodeMark({ ...mark, extras: older }));
    nationaliteiten.settings.tabColor = "#00B050";
    const result = await regenerated(model);
    expect(result.kept).toEqual([]);
    expect(sheetNamed(model, "Nationaliteiten")).toBe(nationaliteiten);
    expect(nationaliteiten.settings.tabColor).toBe("#00B050");
    // Its new mark proves nothing of what it did not write either: a new layout keeps it.
    expect(decodeMark(nationaliteiten.customProperties.get(MARK_KEY))?.extras).toBeNull();
    duitsMovesUp(model);
    const next = await regenerated(model, "2026-12-01");
    expect(next.kept.map((k) => [k.was, k.why])).toEqual([["Nationaliteiten", "unproven"]]);
    expect(nationaliteiten.settings.tabColor).toBe("#00B050");
  });
});

describe("reading sizes outside the used range", () => {
  it("costs no sync more and a few bytes, however many columns a user sized", async () => {
    const plain = await generatedWorkbook();
    const sized = await generatedWorkbook();
    const many = sheetNamed(sized, "Nationaliteiten");
    for (let c = 10; c < 5_000; c++) many.columnWidths.set(c, 20 + (c % 7));
    const read = async (model: typeof plain) => {
      model.batches.length = 0;
      const { result, syncs } = await fakeRun(model, async (context) => {
        const sheet = asExcel(context).workbook.worksheets.getItem("Nationaliteiten");
        const used = sheet.getUsedRangeOrNullObject(false).load("address,rowIndex,columnIndex,rowCount,columnCount");
        await context.sync();
        return readExtras(new ReadBatch(asExcel(context), 4 * 1024 * 1024), [{ sheet, formatted: used, charts: [] }]);
      });
      return { extras: result[0], syncs, response: Math.max(...model.batches.map((b) => b.responseBytes)) };
    };
    const [a, b] = [await read(plain), await read(sized)];
    expect(b.syncs).toBe(a.syncs);
    expect(b.response - a.response).toBeLessThan(100);
    // Widths that differ read as null: seen as a change, and what such a sheet cannot tell apart said.
    expect(b.extras.unseen).toContain("sizes outside the used range");
    expect(a.extras.unseen).not.toContain("sizes outside the used range");
  });
});
