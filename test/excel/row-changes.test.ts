import { planRowChanges, sameCell } from "../../src/excel/row-changes";

const header = ["Groep", "Waarde", "Eigen"];
const keyOf = (cell: (c: string) => unknown) => (cell("Groep") ? String(cell("Groep")) : null);
const want = (groep: string, waarde: number) => new Map<string, string | number | null>([["Groep", groep], ["Waarde", waarde]]);

describe("what a pull changes in a table, cell by cell", () => {
  it("writes only changed cells in their rows, appends new rows, deletes removed ones bottom first, leaves extra columns and blank rows", () => {
    const current = [
      ["Pools", 1002, "=B2*2"],
      ["Italiaans", 1253, "x"],
      ["", "", ""],
      ["Duits", 1162, ""],
      ["Brits", 949, ""],
    ];
    const changes = planRowChanges(header, current, [want("Italiaans", 1301), want("Duits", 1162), want("Chinees", 798)], keyOf);
    expect(changes.writes).toEqual([{ row: 1, column: 1, values: [1301] }]);
    expect(changes.appends).toEqual([["Chinees", 798, null]]);
    expect(changes.deletes).toEqual([{ row: 4, count: 1 }, { row: 0, count: 1 }]);
  });

  it("joins adjacent deletes into runs, bottom first", () => {
    const current = ["a", "b", "c", "d", "e"].map((g) => [g, 1, ""]);
    expect(planRowChanges(header, current, [want("c", 1)], keyOf).deletes).toEqual([{ row: 3, count: 2 }, { row: 0, count: 2 }]);
  });

  it("sees a figure typed as a number or as its text as the same cell, and empty as empty", () => {
    expect([sameCell(1253, 1253), sameCell("1253", 1253), sameCell("", null), sameCell(null, ""), sameCell(0, ""), sameCell("a", "A")]).toEqual([true, true, true, true, false, false]);
  });
});
