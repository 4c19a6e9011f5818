import { CELL_PROPERTIES, EXTRAS_CELL_BYTES } from "../../src/excel/sheet-extras";
import { fakeRun, WorkbookModel } from "../support/fake-excel";
import { asExcel } from "../support/workbooks";

/** Range.getCellProperties as the fake answers it, in Excel's shape (ExcelApi 1.9, Excel.CellBorderCollection). */
async function properties(model: WorkbookModel, rows: number, columns: number) {
  return fakeRun(model, async (context) => {
    const range = asExcel(context).workbook.worksheets.getItem("Blad").getRangeByIndexes(0, 0, rows, columns);
    const cells = range.getCellProperties(CELL_PROPERTIES); // a ClientResult: its value is there after the sync
    await context.sync();
    const { value } = cells;
    return value;
  });
}

describe("the fake's cell properties, as Excel gives them", () => {
  it("name the eight borders of Excel.CellBorderCollection, the cell's own style where it has one", async () => {
    const model = new WorkbookModel();
    model.addSheet("Blad").cell(0, 0).borders = { bottom: "Continuous", diagonalUp: "Dash" };
    const { result } = await properties(model, 1, 1);
    const borders = result[0][0].format?.borders as Record<string, { style: string }>;
    expect(Object.keys(borders).sort()).toEqual(["bottom", "diagonalDown", "diagonalUp", "horizontal", "left", "right", "top", "vertical"]);
    expect(borders.bottom.style).toBe("Continuous");
    expect(borders.diagonalUp.style).toBe("Dash");
    expect(borders.top.style).toBe("None");
  });

  it("answer every member CELL_PROPERTIES asks for, a new workbook's Normal cell where the cell has none of its own", async () => {
    const model = new WorkbookModel();
    model.addSheet("Blad").cell(0, 1).textOrientation = 90;
    const { result } = await properties(model, 1, 2);
    const [plain, turned] = result[0];
    expect(plain.format).toEqual({
      fill: { color: "#FFFFFF", pattern: "None", patternColor: "#000000", patternTintAndShade: 0, tintAndShade: 0 },
      font: { bold: false, italic: false, color: "#000000", size: 11, name: "Aptos Narrow", underline: "None", strikethrough: false, subscript: false, superscript: false, tintAndShade: 0 },
      borders: Object.fromEntries(["bottom", "diagonalDown", "diagonalUp", "horizontal", "left", "right", "top", "vertical"].map((edge) => [edge, { style: "None", color: "#000000", weight: "Thin", tintAndShade: 0 }])),
      horizontalAlignment: "General",
      verticalAlignment: "Bottom",
      wrapText: false,
      indentLevel: 0,
      autoIndent: false,
      shrinkToFit: false,
      textOrientation: 0,
      readingOrder: "Context",
      protection: { locked: true, formulaHidden: false },
    });
    expect(turned.format?.textOrientation).toBe(90);
  });

  it("weigh at most EXTRAS_CELL_BYTES a cell in a response, for formatted cells with a link", async () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Blad");
    for (let r = 0; r < 50; r++)
      for (let c = 0; c < 10; c++) Object.assign(sheet.cell(r, c), { fill: "#FFFF00", bold: true, fontName: "Aptos Narrow", borders: { bottom: "Continuous", top: "Continuous" }, hyperlink: { address: "https://www.leiden.nl/onderzoek" } });
    await properties(model, 50, 10);
    const largest = Math.max(...model.batches.map((b) => b.responseBytes));
    expect(largest).toBeGreaterThan(0);
    expect(largest / 500).toBeLessThanOrEqual(EXTRAS_CELL_BYTES);
  });
});
