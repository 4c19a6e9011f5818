import { absoluteRef, cellRef, columnLetters } from "../../src/report/a1";

describe("A1 references", () => {
  it("names columns past Z as Excel does", () => {
    expect([0, 25, 26, 51, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA"]);
  });

  it("makes relative and absolute cell references from 0-based positions", () => {
    expect(cellRef(3, 4)).toBe("E4");
    expect(absoluteRef(14, 2)).toBe("$C$15");
  });
});
