import { absoluteRef, cellRef, columnLetters, parseA1Range, rangeRef, tableRef } from "../../src/report/a1";

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
});
