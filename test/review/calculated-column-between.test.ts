import { TableModel } from "../support/fake-excel";
import { nextEdition } from "../support/package-server";
import { loadedWorkbook, runLoadData, tableValues } from "../support/workbooks";

const next = nextEdition();

/** Inserts a column of the analyst's into the table before its column `at`, as Table Design › Insert Column does: the cells from there move right. */
function insertColumn(data: TableModel, at: number, header: string, formula: string) {
  const sheet = data.sheet;
  for (let r = 0; r < data.box.rows; r++) {
    for (let c = data.box.columns - 1; c >= at; c--) {
      const from = sheet.cells.get(`${data.box.row + r},${data.box.column + c}`);
      if (from) sheet.cells.set(`${data.box.row + r},${data.box.column + c + 1}`, from);
      else sheet.cells.delete(`${data.box.row + r},${data.box.column + c + 1}`);
    }
    sheet.cells.delete(`${data.box.row + r},${data.box.column + at}`);
    Object.assign(sheet.cell(data.box.row + r, data.box.column + at), r === 0 ? { value: header } : { formula, value: null });
  }
  data.box = { ...data.box, columns: data.box.columns + 1 };
}

/**
 * An analyst's calculated column need not be the table's last: Table Design › Insert Column puts
 * it between the add-in's (here before Waarde). A pull finds each column by its header, so it
 * writes the figures into Waarde and leaves the analyst's column as it is (review of issue 14).
 */
describe("a calculated column between MonitorData's own columns", () => {
  it("stays as it is through a pull that changes a figure, adds a row and deletes one; the figures go into their own columns", async () => {
    const { model, data } = await loadedWorkbook();
    const header = tableValues(model, "MonitorData")[0];
    const waarde = header.indexOf("Waarde");
    insertColumn(data, waarde, "Dubbel", "=[@Waarde]*2");
    const rowsBefore = data.box.rows;
    const written = model.cellsWritten;
    const { result } = await runLoadData(model, next);
    expect(result.ok).toBe(true);
    const values = tableValues(model, "MonitorData");
    expect(values[0][waarde]).toBe("Dubbel");
    expect(values[0][waarde + 1]).toBe("Waarde");
    expect(values.length).toBe(rowsBefore); // one added, one deleted
    const it22 = values.find((r) => r[1] === "inwoners" && r[3] === "Italiaans" && r[5] === "2022");
    expect(it22?.[waarde + 1]).toBe(1301);
    expect(it22?.[waarde]).toBe("=[@Waarde]*2");
    const it23 = values.find((r) => r[1] === "inwoners" && r[3] === "Italiaans" && r[5] === "2023");
    expect(it23?.[waarde + 1]).toBe(1350);
    // A new row: nothing is written in the analyst's column, and Excel fills it with the calculated column's formula (fake-calculated-columns.ts).
    expect(it23?.[waarde]).toBe("=[@Waarde]*2");
    // Cells written: the one changed figure and the added row's 16 cells of the add-in's columns, nothing more.
    expect(model.cellsWritten - written).toBe(1 + 16);
    expect(values.slice(1).every((r) => r[waarde] === "=[@Waarde]*2")).toBe(true);
  });
});
