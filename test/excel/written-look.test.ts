import { boxesOutside, boxesWithin, cellsFormattedApart, outermost } from "../../src/excel/written-look";

/** The pure decisions of putting back a first load on a blank sheet (src/excel/written-look.ts). */
describe("which cells of a written area keep their formats", () => {
  const area = { row: 2, column: 1, rows: 5, columns: 3 };

  it("a cell formatted unlike the rest of its kind (header, odd or even body rows) is the analyst's", () => {
    const [header, odd, even, yellow] = ["H", "band", "plain", "yellow"];
    const formats = [
      [header, header, header],
      [odd, odd, odd],
      [even, yellow, even],
      [odd, odd, odd],
      [even, even, header],
    ];
    expect(cellsFormattedApart(area, formats)).toEqual([
      { row: 4, column: 2, rows: 1, columns: 1 },
      { row: 6, column: 3, rows: 1, columns: 1 },
    ]);
  });

  it("cells all alike in their kind: none", () => {
    expect(cellsFormattedApart(area, [["H", "H", "H"], ["a", "a", "a"], ["b", "b", "b"], ["a", "a", "a"], ["b", "b", "b"]])).toEqual([]);
  });

  it("the area without holes: boxes that cover every other cell once", () => {
    expect(boxesOutside(area, [])).toEqual([area]);
    expect(boxesOutside(area, [{ row: 4, column: 2, rows: 1, columns: 1 }])).toEqual([
      { row: 2, column: 1, rows: 2, columns: 3 },
      { row: 5, column: 1, rows: 2, columns: 3 },
      { row: 4, column: 1, rows: 1, columns: 1 },
      { row: 4, column: 3, rows: 1, columns: 1 },
    ]);
    // A hole over the whole area leaves nothing; one beside it changes nothing.
    expect(boxesOutside(area, [{ row: 0, column: 0, rows: 20, columns: 20 }])).toEqual([]);
    expect(boxesOutside(area, [{ row: 2, column: 5, rows: 5, columns: 1 }])).toEqual([area]);
  });

  it("boxes cut to the area, and only the outermost named", () => {
    expect(boxesWithin([{ row: 0, column: 2, rows: 4, columns: 1 }, { row: 10, column: 1, rows: 1, columns: 1 }], area)).toEqual([{ row: 2, column: 2, rows: 2, columns: 1 }]);
    const rule = { row: 1, column: 6, rows: 20, columns: 1 };
    expect(outermost([{ row: 7, column: 6, rows: 1, columns: 1 }, rule, { ...rule }])).toEqual([rule]);
  });
});
