import { besideShiftedRows, cellsOfAddress, withoutBox } from "../../src/excel/cells-beside";

/** Where a table's deletes would part cells beside it from their rows (src/excel/cells-beside.ts), by boxes (0-based). */
describe("the cells beside a table that its deletes would leave beside other rows", () => {
  // MonitorData A1:P101 (header and 100 rows); MonitorIndicatoren R1:W31 beside its first 30 rows.
  const data = { row: 0, column: 0, rows: 101, columns: 16 };
  const indicators = { row: 0, column: 17, rows: 31, columns: 6 };

  it("are the rows from the first deleted one to the table's last, right of it to the sheet's edge, without the other monitor table", () => {
    expect(besideShiftedRows(data, 9, [indicators])).toEqual([
      // Q10:Q31 (the gap before MonitorIndicatoren) and X10:XFD31 (after it), then Q32:XFD101 below it.
      { row: 31, column: 16, rows: 70, columns: 16_368 },
      { row: 10, column: 16, rows: 21, columns: 1 },
      { row: 10, column: 23, rows: 21, columns: 16_361 },
    ]);
  });

  it("take the columns left of a table that does not start in A too, and none when nothing is deleted", () => {
    const moved = { row: 4, column: 2, rows: 11, columns: 3 };
    expect(besideShiftedRows(moved, 7, [])).toEqual([
      { row: 12, column: 0, rows: 3, columns: 2 },
      { row: 12, column: 5, rows: 3, columns: 16_379 },
    ]);
    expect(besideShiftedRows(moved, null, [])).toEqual([]);
  });

  it("a box without another: what is above, below, left and right of it; untouched when they do not meet", () => {
    const area = { row: 0, column: 0, rows: 10, columns: 10 };
    expect(withoutBox(area, { row: 2, column: 3, rows: 2, columns: 4 })).toEqual([
      { row: 0, column: 0, rows: 2, columns: 10 },
      { row: 4, column: 0, rows: 6, columns: 10 },
      { row: 2, column: 0, rows: 2, columns: 3 },
      { row: 2, column: 7, rows: 2, columns: 3 },
    ]);
    expect(withoutBox(area, { row: 20, column: 0, rows: 1, columns: 1 })).toEqual([area]);
    expect(withoutBox(area, { row: 0, column: 0, rows: 10, columns: 10 })).toEqual([]);
  });

  it("reads the cells of a RangeAreas address as Excel writes it, the sheet left out", () => {
    expect(cellsOfAddress("Sheet1!A1:B4, Sheet1!D1:D4")).toEqual(["A1:B4", "D1:D4"]);
    expect(cellsOfAddress("'Mijn, data'!$Q$5,'Mijn, data'!Q9:Q12")).toEqual(["Q5", "Q9:Q12"]);
    expect(cellsOfAddress("Q5")).toEqual(["Q5"]);
  });
});
