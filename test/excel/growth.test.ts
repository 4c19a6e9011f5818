import { GrowingTable, planGrowth } from "../../src/excel/growth";

/**
 * Where the data tables' new rows go, decided before anything is written: cells inserted below a
 * growing table in its own columns, the tables below it in those columns moving down with them,
 * and a refusal when Excel would refuse to shift a table that sits partly in those columns.
 * Boxes are 0-based: { row, column, rows, columns }.
 */
const grow = (name: string, row: number, column: number, rows: number, columns: number, rowsNeeded: number, sheetName = "Data"): GrowingTable => ({ name, sheetName, box: { row, column, rows, columns }, rowsNeeded });

describe("planning the growth of the data tables", () => {
  it("a table that needs no more rows stays where it is and nothing is inserted", () => {
    expect(planGrowth([grow("MonitorData", 0, 0, 113, 13, 113), grow("MonitorBronnen", 0, 14, 6, 6, 4)], [])).toEqual({
      ok: true,
      rowOf: new Map([["MonitorData", 0], ["MonitorBronnen", 0]]),
      inserts: [],
    });
  });

  it("a growing table gets the cells below it, in its own columns", () => {
    expect(planGrowth([grow("MonitorData", 2, 1, 113, 13, 116)], [])).toEqual({
      ok: true,
      rowOf: new Map([["MonitorData", 2]]),
      inserts: [{ table: "MonitorData", sheetName: "Data", box: { row: 115, column: 1, rows: 3, columns: 13 } }],
    });
  });

  it("a table below it in the same columns moves down by as many rows, and its own growth goes below its new place", () => {
    const plan = planGrowth([grow("B", 20, 0, 5, 4, 7), grow("A", 0, 0, 10, 6, 13)], []);
    expect(plan).toEqual({
      ok: true,
      rowOf: new Map([["A", 0], ["B", 23]]),
      inserts: [
        { table: "A", sheetName: "Data", box: { row: 10, column: 0, rows: 3, columns: 6 } },
        { table: "B", sheetName: "Data", box: { row: 28, column: 0, rows: 2, columns: 4 } },
      ],
    });
  });

  it("shifts add up: a third table moves by the growth of both above it", () => {
    const plan = planGrowth([grow("A", 0, 0, 5, 3, 7), grow("B", 10, 0, 5, 3, 6), grow("C", 20, 0, 5, 3, 5)], []);
    expect(plan.ok && [...plan.rowOf]).toEqual([["A", 0], ["B", 12], ["C", 23]]);
  });

  it.each([
    ["beside it (next columns)", grow("B", 20, 6, 5, 2, 5)],
    ["above it", grow("B", 0, 0, 5, 6, 5)],
    ["on another sheet", grow("B", 20, 0, 5, 6, 5, "Andere")],
  ])("a table %s does not move", (_where, other) => {
    const plan = planGrowth([grow("A", 10, 0, 5, 6, 9), other], []);
    expect(plan.ok && plan.rowOf.get("B")).toBe(other.box.row);
  });

  it("a table that starts right where the growing one ends moves too", () => {
    const plan = planGrowth([grow("A", 0, 0, 5, 2, 6), grow("B", 5, 0, 3, 2, 3)], []);
    expect(plan.ok && plan.rowOf.get("B")).toBe(6);
  });

  it("overlap in one column is enough to move", () => {
    const plan = planGrowth([grow("A", 0, 2, 5, 3, 6), grow("B", 10, 4, 3, 5, 3)], []);
    expect(plan.ok && plan.rowOf.get("B")).toBe(11);
  });
});

describe("a table of the user's in the way", () => {
  const data = grow("MonitorData", 0, 2, 10, 3, 12); // columns C:E, rows 1-10, 2 more needed

  it.each([
    ["reaching out to the left of the growing columns", { name: "Mijn", sheetName: "Data", address: "Data!B20:C25" }],
    ["reaching out to the right", { name: "Mijn", sheetName: "Data", address: "E20:F25" }],
    ["wider on both sides", { name: "Mijn", sheetName: "Data", address: "A11:H12" }],
  ])("below it, %s: nothing is planned, and the blocking table is named", (_where, other) => {
    expect(planGrowth([data], [other])).toEqual({ ok: false, table: "MonitorData", blocking: "Mijn" });
  });

  it.each([
    ["below it, within its columns (Excel shifts it whole)", { name: "Mijn", sheetName: "Data", address: "C20:E25" }],
    ["below it, inside its columns", { name: "Mijn", sheetName: "Data", address: "D20:D25" }],
    ["above its last row", { name: "Mijn", sheetName: "Data", address: "B5:F8" }],
    ["beside it, in other columns", { name: "Mijn", sheetName: "Data", address: "F20:G25" }],
    ["left of it, in other columns", { name: "Mijn", sheetName: "Data", address: "A20:B25" }],
    ["on another sheet", { name: "Mijn", sheetName: "Blad1", address: "B20:F25" }],
    ["the growing table itself", { name: "MonitorData", sheetName: "Data", address: "C1:E10" }],
  ])("%s: does not stop it", (_where, other) => {
    expect(planGrowth([data], [other]).ok).toBe(true);
  });

  it("does not matter for a table that does not grow", () => {
    expect(planGrowth([grow("MonitorData", 0, 2, 10, 3, 10)], [{ name: "Mijn", sheetName: "Data", address: "B20:C25" }]).ok).toBe(true);
  });
});
