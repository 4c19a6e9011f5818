import { absoluteRef, cellAreas, cellRef, columnLetters, localAreas, parseA1Range, rangeRef, tableRef } from "../../src/report/a1";

describe("A1 references", () => {
  it("names columns past Z as Excel does", () => {
    expect([0, 25, 26, 51, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA"]);
  });

  it("makes relative and absolute cell references from 0-based positions", () => {
    expect(cellRef(3, 4)).toBe("E4");
    expect(absoluteRef(14, 2)).toBe("$C$15");
  });

  it("makes and reads range references, a table's with its header row", () => {
    expect(rangeRef(4, 0, 11, 3)).toBe("A5:C15");
    expect(tableRef({ row: 4, column: 0, rows: Array(10), header: ["Jaar", "Vestiging", "Vertrek"] })).toBe("A5:C15");
    expect(parseA1Range("'Vestiging en vertrek'!$A$5:$C$15")).toEqual({ row: 4, column: 0, rows: 11, columns: 3 });
  });

  it("reads the areas of an address without their sheets, a quoted sheet's name holding commas, '!' or doubled quotes", () => {
    expect(localAreas("Blad!A2:L2,Blad!$A$40:$L$40")).toEqual(["A2:L2", "A40:L40"]);
    expect(localAreas("'Bevolking Nuenen, Gerwen en'!A2:L2,'Bevolking Nuenen, Gerwen en'!A40:L40")).toEqual(["A2:L2", "A40:L40"]);
    expect(localAreas("'Wow!, ja ''t is'!B3, C4:D5")).toEqual(["B3", "C4:D5"]);
    expect(localAreas("")).toEqual([]);
  });

  it("names cells as runs along a row, joined with the same runs right below, in order of their first cell", () => {
    const cells = [
      { row: 9, column: 3 },
      { row: 5, column: 6 },
      { row: 9, column: 1 },
      { row: 6, column: 6 },
      { row: 9, column: 2 },
      { row: 8, column: 6 },
      { row: 5, column: 6 },
      { row: 7, column: 6 },
      { row: 4, column: 0 },
      { row: 10, column: 1 },
    ];
    // A5 alone; G6:G9 down a column (G6 twice is once); B10:D10 along a row; B11 below only part of it.
    expect(cellAreas(cells)).toEqual(["A5", "G6:G9", "B10:D10", "B11"]);
    expect(cellAreas([])).toEqual([]);
  });
});
