import { sealBuiltNew, unplannedOnNewSheet } from "../../src/report/new-sheet-seal";
import { extrasPrint, fingerprint, SheetContent, SheetExtras } from "../../src/report/fingerprint";
import { SheetPlan } from "../../src/report/types";

/**
 * What becomes of the prints in the mark of a sheet Regenerate built new (pure decision): sealed
 * where Excel reports what the plan wrote, nothing where it reports anything else. A small plan
 * (a title in A1, a table of a header and two rows at A3:B5, widths of 30 and 12 characters, one
 * frozen row) and what Excel would report of it, written out by hand.
 */
const plan: SheetPlan = {
  key: "test",
  name: "Test",
  texts: [{ row: 0, text: "Titel", style: "title" }],
  tables: [{ name: "lm_test", row: 2, column: 0, header: ["Groep", "Aantal"], rows: [["a", 1], ["b", 2]], numberFormats: [null, "#,##0"], widths: [10, 10] }],
  charts: [],
  frozenRows: 1,
  columnWidths: [30, 12],
};
const content: SheetContent = { usedAddress: "Test!A1:B5", formulas: [["Titel", ""], ["", ""], ["Groep", "Aantal"], ["a", 1], ["b", 2]], tables: [{ name: "lm_test", address: "A3:B5" }], charts: [] };

// A cell as Excel reports one nobody formatted (the font's name is whatever Excel's Normal style has).
const plain = () => ({
  format: { fill: { color: "#FFFFFF", pattern: "None" }, font: { bold: false, italic: false, color: "#000000", size: 11, name: "Calibri", underline: "None", strikethrough: false }, borders: { bottom: { style: "None" } }, horizontalAlignment: "General", verticalAlignment: "Bottom", wrapText: false, indentLevel: 0 },
  hyperlink: null as unknown,
  style: "Normal",
});
type Cell = ReturnType<typeof plain>;
const with_ = (change: (cell: Cell) => void) => {
  const cell = plain();
  change(cell);
  return cell;
};
function reported(change: (extras: { cells: Cell[][]; details: Record<string, unknown> }) => void = () => undefined): SheetExtras {
  const cells = [
    [with_((c) => Object.assign(c.format.font, { bold: true, size: 16, color: "#c8102e" })), plain()],
    [plain(), plain()],
    [plain(), with_((c) => (c.format.horizontalAlignment = "Right"))],
    [plain(), plain()],
    [plain(), plain()],
  ];
  const details: Record<string, unknown> = {
    cells,
    numberFormats: [["General", "General"], ["General", "General"], ["@", "@"], ["@", "#,##0"], ["@", "#,##0"]],
    columns: [180.75, 72],
    hiddenColumns: [false, false],
    hiddenRows: [false, false, false, false, false],
    rows: [21, 15, 15, 15, 15],
    frozen: "Test!1:1",
    merged: null,
    conditional: null,
    validated: null,
    comments: [],
    notes: [],
    shapes: [],
    names: [],
    tables: [["lm_test", "TableStyleMedium2", false, true, false, true]],
    pivots: [],
    charts: [],
    axes: [],
    sources: [],
  };
  change({ cells, details });
  return { usedWithFormats: "Test!A1:B5", details, followsFigures: { bounds: [] } };
}

describe("a sheet built new", () => {
  it("is sealed, both prints, where Excel reports what the plan wrote (in its own units and defaults)", () => {
    expect(unplannedOnNewSheet(content, reported(), plan)).toEqual([]);
    expect(sealBuiltNew(content, reported(), plan)).toEqual({ print: fingerprint(content), extras: extrasPrint(reported()) });
  });

  it("is sealed whichever way Excel writes the frozen rows' address", () => {
    expect(unplannedOnNewSheet(content, reported(({ details }) => (details.frozen = "Test!$A$1:$XFD$1")), plan)).toEqual([]);
  });

  it.each<[string, (e: { cells: Cell[][]; details: Record<string, unknown> }) => void, string]>([
    ["a fill on a cell beside the title", ({ cells }) => (cells[0][1].format.fill = { color: "#FFFF00", pattern: "Solid" }), "formats at B1"],
    ["a fill on one figure", ({ cells }) => (cells[4][1].format.fill = { color: "#FFFF00", pattern: "Solid" }), "formats at B5"],
    ["the title's font made italic", ({ cells }) => (cells[0][0].format.font.italic = true), "font at A1"],
    ["another font on a cell", ({ cells }) => (cells[1][1].format.font.name = "Arial"), "font at B2"],
    ["a figure made bold", ({ cells }) => (cells[3][1].format.font.bold = true), "font size and colour at B4"],
    ["a header centred", ({ cells }) => (cells[2][1].format.horizontalAlignment = "Center"), "alignment at B3"],
    ["a hyperlink", ({ cells }) => (cells[3][0].hyperlink = { address: "https://example.org" }), "a hyperlink at A4"],
    ["a figure's number format", ({ details }) => ((details.numberFormats as string[][])[4][1] = "0.0%"), "number format at B5"],
    ["a merged area", ({ details }) => (details.merged = "Test!A2:B2"), "merged at Test!A2:B2"],
    ["a conditional format", ({ details }) => (details.conditional = "Test!B4:B5"), "conditional formats at Test!B4:B5"],
    ["data validation", ({ details }) => (details.validated = "Test!B4"), "data validation at Test!B4"],
    ["a note", ({ details }) => (details.notes = [["A2", "eigen notitie"]]), "notes"],
    ["a comment", ({ details }) => (details.comments = [["A2", "klopt dit?"]]), "comments"],
    ["a shape", ({ details }) => (details.shapes = ["Rechthoek 1"]), "shapes"],
    ["a sheet-scoped name", ({ details }) => (details.names = [["Mijn", "=Test!$B$4"]]), "the sheet's names"],
    ["a column frozen too", ({ details }) => (details.frozen = "Test!A1:A1"), "frozen panes at Test!A1:A1"],
    ["panes unfrozen", ({ details }) => (details.frozen = null), "frozen panes at null"],
    ["a row hidden", ({ details }) => ((details.hiddenRows as boolean[])[1] = true), "hidden columns or rows"],
    ["a column widened", ({ details }) => (details.columns = [180.75, 120]), "column width at B1"],
    ["a row made taller", ({ details }) => ((details.rows as number[])[3] = 40), "row height at 4"],
    ["another table style", ({ details }) => (details.tables = [["lm_test", "TableStyleLight1", false, true, false, true]]), "a table's style or total row"],
  ])("is not sealed where Excel reports something the plan did not set: %s", (_what, change, finding) => {
    const extras = reported(change);
    expect(unplannedOnNewSheet(content, extras, plan)).toEqual([finding]);
    expect(sealBuiltNew(content, extras, plan)).toEqual({ print: null, extras: null });
  });

  it.each<[string, SheetContent]>([
    ["a figure typed beside the table", { ...content, usedAddress: "Test!A1:C5", formulas: content.formulas.map((row, r) => [...row, r === 3 ? 7 : ""]) }],
    ["a figure overwritten", { ...content, formulas: [["Titel", ""], ["", ""], ["Groep", "Aantal"], ["a", 5], ["b", 2]] }],
    ["a formula typed below the title", { ...content, formulas: [["Titel", ""], ["=B4*2", ""], ["Groep", "Aantal"], ["a", 1], ["b", 2]] }],
    ["a chart added", { ...content, charts: ["Grafiek 1"] }],
  ])("is not sealed where its content is not the plan's: %s", (_what, changed) => {
    expect(unplannedOnNewSheet(changed, reported(), plan)).toEqual(["content"]);
    expect(sealBuiltNew(changed, reported(), plan)).toEqual({ print: null, extras: null });
  });
});

describe("a chart on a sheet built new", () => {
  // The table's figures as a line chart of one series, its line in the plan's colour, values shown as "#,##0".
  const chart = { kind: "line" as const, title: "Aantal", categoryAxisTitle: "Groep", valueAxisTitle: null, numberFormat: "#,##0", showValues: true, ranks: false, colours: ["C8102E"], altText: "Aantal", table: plan.tables[0], anchor: { fromRow: 0, fromColumn: 3, toRow: 10, toColumn: 8 } };
  const withChart: SheetPlan = { ...plan, charts: [chart] };
  const drawn = { ...content, charts: ["Aantal"] };
  // As Excel reports it: place and size in points, the legend at the bottom, the labels, one series with its line colour (its fill Excel's own), one point per category.
  const labels = [true, false, false, false, false, "Right", "#,##0"];
  const font = ["Aptos Narrow", 10, false, false, "None", "#595959"];
  const reportedChart = () => ["Aantal", "Line", 0, 220.5, 150, 300.75, "Aantal", "Bottom", true, [...labels], 1, [font, font, font], "#FFFFFF", [[false, "#c8102e", "#4472C4", "Aantal", null, "Automatic", [[false, "#4472C4"], [false, "#4472C4"]]]]];
  const axes = () => [["Groep", "General", false], [null, "#,##0", false]];
  const extrasWith = (change: (chart: unknown[], axes: unknown[][]) => void = () => undefined) =>
    reported(({ details }) => {
      const [c, a] = [reportedChart(), axes()];
      change(c, a);
      Object.assign(details, { charts: [c], axes: [a] });
    });

  it("is sealed where Excel reports what the plan set, whatever it reports of what Excel chose", () => {
    expect(unplannedOnNewSheet(drawn, extrasWith(), withChart)).toEqual([]);
  });

  it("is sealed where this Excel cannot report a series' colour (null, before ExcelApi 1.16)", () => {
    expect(unplannedOnNewSheet(drawn, extrasWith((c) => ((c[13] as unknown[][])[0][1] = null)), withChart)).toEqual([]);
  });

  it.each<[string, (chart: unknown[], axes: unknown[][]) => void]>([
    ["another type", (c) => (c[1] = "ColumnClustered")],
    ["another title", (c) => (c[6] = "Mijn titel")],
    ["the legend on the right", (c) => (c[7] = "Right")],
    ["the values' labels off", (c) => ((c[9] as unknown[])[0] = false)],
    ["the line recoloured", (c) => ((c[13] as unknown[][])[0][1] = "#00FF00")],
    ["the category axis retitled", (_c, a) => (a[0][0] = "Nationaliteit")],
    ["the value axis's number format", (_c, a) => (a[1][1] = "0.0")],
  ])("is not sealed where the analyst changed what the plan set: %s", (_what, change) => {
    expect(unplannedOnNewSheet(drawn, extrasWith(change), withChart)).toEqual(["chart Aantal"]);
  });
});

describe("a wrapped lead on a sheet built new (merged across the sheet's width, wrapped, in a row of its own height)", () => {
  const lead = "Een lange eerste zin over de cijfers van dit blad, die over twee regels loopt.";
  const wrappedPlan: SheetPlan = { ...plan, texts: [...plan.texts, { row: 1, text: lead, style: "lead", columns: 2, height: 34.5 }] };
  const wrappedContent: SheetContent = { ...content, formulas: [["Titel", ""], [lead, ""], ["Groep", "Aantal"], ["a", 1], ["b", 2]] };
  // As Excel reports it: both cells of A2:B2 wrapped and top-aligned, the lead's font on A2, the row 34.5 points high.
  const wrapped = (change: (e: { cells: Cell[][]; details: Record<string, unknown> }) => void = () => undefined) =>
    reported((e) => {
      e.cells[1] = [with_((c) => Object.assign(c.format, { wrapText: true, verticalAlignment: "Top", font: { ...c.format.font, italic: true, color: "#404040" } })), with_((c) => Object.assign(c.format, { wrapText: true, verticalAlignment: "Top" }))];
      Object.assign(e.details, { merged: "Test!A2:B2" });
      (e.details.rows as number[])[1] = 34.5;
      change(e);
    });

  it("is sealed, both prints, where Excel reports the plan's merge, wrap and height", () => {
    expect(unplannedOnNewSheet(wrappedContent, wrapped(), wrappedPlan)).toEqual([]);
    expect(sealBuiltNew(wrappedContent, wrapped(), wrappedPlan)).toEqual({ print: fingerprint(wrappedContent), extras: extrasPrint(wrapped()) });
  });

  it("is sealed whichever way Excel writes the merge's address, and with the height in whole pixels", () => {
    expect(unplannedOnNewSheet(wrappedContent, wrapped(({ details }) => Object.assign(details, { merged: "'Test'!$A$2:$B$2" })), wrappedPlan)).toEqual([]);
    expect(unplannedOnNewSheet(wrappedContent, wrapped(({ details }) => ((details.rows as number[])[1] = 34.75)), wrappedPlan)).toEqual([]);
  });

  // A municipality's sheet takes its name ("Bevolking Nuenen, Gerwen en" for Nuenen, Gerwen en
  // Nederwetten), and Excel quotes a name with a comma in an address (office-js #512): the comma
  // inside the quotes does not part two areas.
  it("is sealed where the sheet's name holds a comma or a quote, which Excel writes between quotes", () => {
    expect(unplannedOnNewSheet(wrappedContent, wrapped(({ details }) => Object.assign(details, { merged: "'Bevolking Nuenen, Gerwen en'!A2:B2" })), wrappedPlan)).toEqual([]);
    expect(unplannedOnNewSheet(wrappedContent, wrapped(({ details }) => Object.assign(details, { merged: "'Ons blad, en ''t andere!'!$A$2:$B$2" })), wrappedPlan)).toEqual([]);
    const another = "'Bevolking Nuenen, Gerwen en'!A2:B2,'Bevolking Nuenen, Gerwen en'!A4:B4";
    expect(unplannedOnNewSheet(wrappedContent, wrapped(({ details }) => Object.assign(details, { merged: another })), wrappedPlan)).toEqual([`merged at ${another}`]);
  });

  it.each<[string, (e: { cells: Cell[][]; details: Record<string, unknown> }) => void, string]>([
    ["the lead unmerged", ({ details }) => (details.merged = null), "merged at null"],
    ["another merge beside the plan's", ({ details }) => (details.merged = "Test!A2:B2,Test!A4:B4"), "merged at Test!A2:B2,Test!A4:B4"],
    ["the merge made wider", ({ details }) => (details.merged = "Test!A2:C2"), "merged at Test!A2:C2"],
    ["the lead's wrap switched off", ({ cells }) => (cells[1][0].format.wrapText = false), "wrapping at A2"],
    ["the merge's other cell centred vertically", ({ cells }) => (cells[1][1].format.verticalAlignment = "Center"), "wrapping at B2"],
    ["a fill on the lead", ({ cells }) => (cells[1][0].format.fill = { color: "#FFFF00", pattern: "Solid" }), "formats at A2"],
    ["the lead's row made lower", ({ details }) => ((details.rows as number[])[1] = 15), "row height at 2"],
    ["a wrap on a plain cell", ({ cells }) => Object.assign(cells[0][1].format, { wrapText: true }), "wrapping at B1"],
  ])("is not sealed where Excel reports something else: %s", (_what, change, finding) => {
    const extras = wrapped(change);
    expect(unplannedOnNewSheet(wrappedContent, extras, wrappedPlan)).toEqual([finding]);
    expect(sealBuiltNew(wrappedContent, extras, wrappedPlan)).toEqual({ print: null, extras: null });
  });

  it("a merge where the plan has none is the analyst's, as before", () => {
    expect(unplannedOnNewSheet(content, reported(({ details }) => (details.merged = "Test!A2:B2")), plan)).toEqual(["merged at Test!A2:B2"]);
  });
});
