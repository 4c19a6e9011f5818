import { MonitorPackage } from "../../src/data/types";
import { problemText } from "../../src/text/problems";
import { TableModel, WorkbookModel } from "../support/fake-excel";
import { edition, largePackage, loadedWorkbook, runLoadData, snapshot } from "../support/workbooks";

/**
 * A pull that adds rows to MonitorData inserts cells below it, in its columns, first (table-refresh.ts).
 * An analyst's dynamic-array formula under the table whose spilled range reaches past those
 * columns cannot move down with them: the fake refuses the insert with InsertDeleteConflict, as
 * it refuses cutting a merged area (test/excel/fake-shift-conflicts.test.ts). The workbook is then
 * as it was, and the pane says that Excel refused to make room and what under the table can cause
 * it, in Dutch and English. A spill wholly in the table's columns moves down whole with the
 * cells; one beside the table is not touched. Workbook states before and after, on the fake.
 */

const FOUR_MORE = () => largePackage(edition.observations.length + 4);

/** `=SORT(…)` (the analyst's) at `row`, `column` of the Data sheet, its results spilling over `rows` × `columns` cells. */
function spill(data: TableModel, at: { row: number; column: number; rows: number; columns: number }) {
  Object.assign(data.sheet.cell(at.row, at.column), { formula: "=SORT(AH1:AJ3)", spill: { rows: at.rows, columns: at.columns } });
}

/** The edition without its last three figures: the pull deletes their rows from MonitorData, and adds none. */
function threeFewer(): MonitorPackage {
  return { ...edition, observations: edition.observations.slice(0, -3) };
}

async function refusedPull(model: WorkbookModel, next: MonitorPackage = FOUR_MORE()) {
  const before = snapshot(model);
  const { result } = await runLoadData(model, next);
  if (result.ok) throw new Error("the pull went through");
  expect(snapshot(model)).toBe(before);
  return result.problems.map((p) => [problemText(p, "nl"), problemText(p, "en")]);
}

describe("a pull that must grow MonitorData, with an analyst's spilled range under it", () => {
  it("reaching past the table's last column: Excel refuses the insert, nothing changed, and the pane says why (nl, en)", async () => {
    const { model, data } = await loadedWorkbook();
    const bottom = data.box.row + data.box.rows;
    spill(data, { row: bottom + 5, column: data.box.column + data.box.columns - 1, rows: 3, columns: 2 }); // P119:Q121
    expect(await refusedPull(model)).toEqual([
      [
        "MonitorData krijgt 4 nieuwe rijen, en Excel weigerde er onder de tabel ruimte voor te maken (Excel: InsertDeleteConflict). " +
          "Onder de tabel op het blad 'Data' staat iets dat niet met alleen de kolommen van MonitorData omlaag kan schuiven: samengevoegde cellen of het overloopbereik van een formule (een dynamische matrix) die buiten die kolommen uitsteken, of een overloopbereik dat door de nieuwe rijen zou worden gesplitst. " +
          "Er is niets veranderd. Verplaats het, of houd het binnen de kolommen van de tabel, en haal opnieuw op.",
        "MonitorData gets 4 new rows, and Excel refused to make room for them below the table (Excel: InsertDeleteConflict). " +
          "Something under the table on the sheet 'Data' cannot move down with MonitorData's columns alone: merged cells or a formula's spilled range (a dynamic array) reaching past those columns, or a spilled range the new rows would split. " +
          "Nothing was changed. Move it, or keep it within the table's columns, and pull again.",
      ],
    ]);
  });

  it("with a total row (the new rows are added above it): refused the same way, nothing changed, the same words", async () => {
    const { model, data } = await loadedWorkbook();
    data.showTotals = true;
    data.box = { ...data.box, rows: data.box.rows + 1 }; // the total row, as Table.showTotals adds it
    spill(data, { row: data.box.row + data.box.rows + 2, column: data.box.column + 3, rows: 2, columns: 20 }); // D…:W…, under both tables' columns
    const [[nl, en]] = await refusedPull(model);
    expect(nl).toMatch(/^MonitorData krijgt 4 nieuwe rijen, en Excel weigerde .* overloopbereik van een formule/);
    expect(en).toMatch(/^MonitorData gets 4 new rows, and Excel refused to make room for them below the table \(Excel: InsertDeleteConflict\)\. .*spilled range .*Nothing was changed\./);
  });

  it("wholly in the table's columns it moves down whole with the cells, and one beside the table stays where it was", async () => {
    const { model, data } = await loadedWorkbook();
    const bottom = data.box.row + data.box.rows;
    spill(data, { row: bottom + 5, column: 1, rows: 3, columns: 4 }); // B119:E121, under the table
    const beside = { row: 40, column: data.box.column + data.box.columns }; // Q41, between MonitorData and MonitorIndicatoren
    Object.assign(data.sheet.cell(beside.row, beside.column), { formula: "=SEQUENCE(100)", spill: { rows: 100, columns: 1 } });
    const { result } = await runLoadData(model, FOUR_MORE());
    expect(result.ok).toBe(true);
    expect(data.box.rows).toBe(113 + 4);
    expect(data.sheet.cells.get(`${bottom + 5},1`)).toBeUndefined();
    expect(data.sheet.cells.get(`${bottom + 9},1`)).toMatchObject({ formula: "=SORT(AH1:AJ3)", spill: { rows: 3, columns: 4 } });
    expect(data.sheet.cells.get(`${beside.row},${beside.column}`)).toMatchObject({ formula: "=SEQUENCE(100)", spill: { rows: 100, columns: 1 } });
  });
});

describe("a pull that deletes rows of MonitorData, with an analyst's spilled range under it", () => {
  it("reaching past the table's last column: Excel refuses the delete, the workbook is put back, and the pane says why (nl, en)", async () => {
    const { model, data } = await loadedWorkbook();
    const bottom = data.box.row + data.box.rows;
    spill(data, { row: bottom + 2, column: data.box.column + data.box.columns - 2, rows: 4, columns: 3 }); // O116:Q119
    expect(await refusedPull(model, threeFewer())).toEqual([
      [
        "Uit MonitorData moesten 3 rijen weg, en Excel weigerde die te verwijderen (Excel: InsertDeleteConflict). " +
          "Onder de tabel op het blad 'Data' staat iets dat niet met alleen de kolommen van MonitorData omhoog kan schuiven: samengevoegde cellen, het overloopbereik van een formule (een dynamische matrix) of een eigen tabel die buiten die kolommen uitsteken. " +
          "De werkmap is teruggezet zoals hij was. Verplaats het, of houd het binnen die kolommen, en haal opnieuw op.",
        "3 rows had to go from MonitorData, and Excel refused to delete them (Excel: InsertDeleteConflict). " +
          "Something under the table on the sheet 'Data' cannot move up with the columns of MonitorData alone: merged cells, a formula's spilled range (a dynamic array) or a table of your own reaching past those columns. " +
          "The workbook was put back as it was. Move it, or keep it within those columns, and pull again.",
      ],
    ]);
  });

  it("wholly in the table's columns it moves up whole with the cells, and the pull goes through", async () => {
    const { model, data } = await loadedWorkbook();
    const bottom = data.box.row + data.box.rows;
    spill(data, { row: bottom + 2, column: 1, rows: 4, columns: 3 }); // B116:D119
    const { result } = await runLoadData(model, threeFewer());
    expect(result.ok).toBe(true);
    expect(data.box.rows).toBe(113 - 3);
    expect(data.sheet.cells.get(`${bottom - 1},1`)).toMatchObject({ formula: "=SORT(AH1:AJ3)", spill: { rows: 4, columns: 3 } });
  });
});
