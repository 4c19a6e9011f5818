import { SheetModel, toAddress, WorkbookModel } from "../support/fake-excel";
import { descendantsNamed, XmlElement } from "../support/xml-tree";
import { readWorkbook, WorkbookRead } from "../support/xlsx-read";
import { renderPackage } from "../support/xlsx";
import { duitsMovesUp, edition, generatedWorkbook, markOf, regenerated, sheetNamed, snapshot } from "../support/workbooks";

/**
 * A sheet's long lines (the lead, the source lines, the sentences) are merged across the sheet's
 * width, wrapped, in rows as high as their lines, by Regenerate (Office.js, on the fake) and by the
 * .xlsx alike; the ownership rules take those merges, wraps and heights for the add-in's and still
 * see an analyst's. Workbook states before and after.
 */

/** A sheet's merged areas and the heights of its rows, as the fake holds them after Regenerate. */
const wrapsOf = (sheet: SheetModel) => ({
  merges: sheet.merges.map(toAddress).sort(),
  heights: [...sheet.rowHeights].map(([row, height]) => [row + 1, height]).sort((a, b) => a[0] - b[0]),
});

/** The same of a sheet of the .xlsx: its mergeCells and the rows with a height of their own. */
function xlsxWrapsOf(read: WorkbookRead, name: string) {
  const sheet = read.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const xml = read.parts.get(sheet.path) as XmlElement;
  return {
    merges: descendantsNamed(xml, "mergeCell").map((m) => m.attributes.ref).sort(),
    heights: descendantsNamed(xml, "row").filter((r) => r.attributes.customHeight === "1").map((r) => [Number(r.attributes.r), Number(r.attributes.ht)]),
    chartEnd: drawingOf(read, sheet.path).flatMap((drawing) => descendantsNamed(drawing, "xdr:to").map((to) => Number(descendantsNamed(to, "xdr:col")[0].text))),
  };
}

/** The drawing part of a sheet (its charts' anchors), through the sheet's relationships. */
function drawingOf(read: WorkbookRead, path: string): XmlElement[] {
  const slash = path.lastIndexOf("/");
  const rels = read.parts.get(`${path.slice(0, slash + 1)}_rels/${path.slice(slash + 1)}.rels`);
  const targets = rels ? descendantsNamed(rels, "Relationship").filter((r) => r.attributes.Type.endsWith("/drawing")).map((r) => r.attributes.Target) : [];
  return targets.map((target) => read.parts.get(`xl/drawings/${target.slice(target.lastIndexOf("/") + 1)}`) as XmlElement);
}

const letter = (column: number) => String.fromCharCode(65 + column);

describe("the long lines of an indicator sheet", () => {
  let model: WorkbookModel;
  let xlsx: WorkbookRead;
  beforeAll(async () => {
    model = await generatedWorkbook();
    xlsx = await readWorkbook(await renderPackage(edition));
  });

  it("are merged across the sheet's width, wrapped and top-aligned, the same in Regenerate and the .xlsx", () => {
    const bevolking = sheetNamed(model, "Bevolking");
    const lead = bevolking.cell(1, 0).value as string;
    expect(lead.length).toBeGreaterThan(150);
    const file = xlsxWrapsOf(xlsx, "Bevolking");
    // The lead's merge ends where the charts do: the last column left of the drawing's end column.
    const right = letter(Math.max(...file.chartEnd) - 1);
    expect(file.merges).toContain(`A2:${right}2`);
    expect(wrapsOf(bevolking).merges).toContain(`A2:${right}2`);
    // Every merged cell wraps its text at the top; the lead's row is higher than a line (15 points).
    for (let c = 0; c <= Math.max(...file.chartEnd) - 1; c++) expect(bevolking.cell(1, c)).toMatchObject({ wrapText: true, verticalAlignment: "Top" });
    expect(bevolking.rowHeights.get(1)).toBeGreaterThanOrEqual(30);
    // Title and captions stay one cell each.
    expect(bevolking.merges.some((m) => m.row === 0 || m.row === 3)).toBe(false);
    // Every indicator sheet: the same merges and heights written both ways.
    const indicators = model.sheets.filter((s) => markOf(s) !== null && markOf(s)?.key !== "data");
    expect(indicators.length).toBeGreaterThan(5);
    // (Where the two have the same texts: Regenerate words a lead without the edition's report, the .xlsx here with it.)
    const alike = indicators.filter((sheet) => sheet.cell(1, 0).value === xlsx.sheets.find((s) => s.name === sheet.name)?.cells.get("A2"));
    expect(alike.length).toBeGreaterThan(5);
    for (const sheet of alike) {
      const { merges, heights } = xlsxWrapsOf(xlsx, sheet.name);
      expect(merges.length).toBeGreaterThan(3);
      expect({ sheet: sheet.name, ...wrapsOf(sheet) }).toEqual({ sheet: sheet.name, merges, heights });
    }
  });

  it("leave the title's row as high as its 16-point line, in Regenerate and the .xlsx (LibreOffice cut its top off at 15 points)", () => {
    // One line of Segoe UI 16 is 21.3 points ((2210 + 514) / 2048 em, the font's ascent and descent); a row of 15 cuts it.
    const indicators = model.sheets.filter((s) => markOf(s) !== null && markOf(s)?.key !== "data");
    expect(indicators.length).toBeGreaterThan(5);
    for (const sheet of indicators) {
      expect({ sheet: sheet.name, title: sheet.rowHeights.get(0) }).toEqual({ sheet: sheet.name, title: expect.any(Number) });
      expect(sheet.rowHeights.get(0)).toBeGreaterThanOrEqual(21.3);
      expect(sheet.rowHeights.get(0)).toBeLessThanOrEqual(30);
      const title = xlsxWrapsOf(xlsx, sheet.name).heights.find(([row]) => row === 1);
      expect({ sheet: sheet.name, title }).toEqual({ sheet: sheet.name, title: [1, sheet.rowHeights.get(0)] });
    }
  });
});

/** `rows` rows of an analyst's notes below everything on the sheet, each a label merged over two cells and a figure beside it. */
const analystsMerges = (rows: number) => (sheet: SheetModel) => {
  const below = Math.max(...[...sheet.cells.keys()].map((key) => Number(key.split(",")[0]))) + 3;
  for (let r = 0; r < rows; r++) {
    Object.assign(sheet.cell(below + r, 0), { value: `Wijk ${r + 1}` });
    Object.assign(sheet.cell(below + r, 2), { value: r });
    sheet.merges.push({ row: below + r, column: 0, rows: 1, columns: 2 });
  }
};

describe("a sheet with merged, wrapped lines", () => {
  it("nobody touched: Regenerate again yields the same workbook, and a new layout rebuilds it", async () => {
    const model = await generatedWorkbook();
    const once = snapshot(model);
    expect((await regenerated(model)).kept).toEqual([]);
    expect(snapshot(model)).toBe(once);
    const before = sheetNamed(model, "Nationaliteiten");
    duitsMovesUp(model);
    const moved = await regenerated(model);
    expect(moved.kept).toEqual([]);
    expect(moved.sheets.find((s) => s.key === "nationaliteiten")?.status).toBe("replaced");
    expect(model.sheets).not.toContain(before);
    expect(sheetNamed(model, "Nationaliteiten").merges.length).toBe(before.merges.length);
  });

  it.each<[string, (sheet: SheetModel) => void]>([
    ["an analyst's merge elsewhere", (sheet) => sheet.merges.push({ row: 2, column: 0, rows: 1, columns: 3 })],
    ["the lead unmerged", (sheet) => (sheet.merges = sheet.merges.filter((m) => m.row !== 1))],
    ["the lead's row made lower", (sheet) => sheet.rowHeights.set(1, 15)],
    ["a source line no longer wrapped", (sheet) => sheet.merges.filter((m) => m.row > 3).forEach((m) => delete sheet.cell(m.row, 0).wrapText)],
    // More than the 512 areas one getMergedAreasOrNullObject answers for, with the add-in's own: read in blocks of the used range, never over the limit.
    ["600 rows of the analyst's below the charts, each with two cells merged", analystsMerges(600)],
  ])("%s: the next Regenerate keeps the sheet, unchanged, and reports it", async (_what, change) => {
    const model = await generatedWorkbook();
    const theirs = sheetNamed(model, "Nationaliteiten");
    change(theirs);
    const before = JSON.stringify({ cells: [...theirs.cells].sort(), ...wrapsOf(theirs) });
    const next = await regenerated(model);
    expect(next.kept).toEqual([{ key: "nationaliteiten", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", why: "edited" }]);
    expect(JSON.stringify({ cells: [...theirs.cells].sort(), ...wrapsOf(theirs) })).toBe(before);
    expect(sheetNamed(model, "Nationaliteiten")).not.toBe(theirs);
  });
});
