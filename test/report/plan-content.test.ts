import { planContent } from "../../src/report/fingerprint";
import { SheetPlan, TablePlan, TextLine } from "../../src/report/types";

/**
 * What a plan puts on a sheet, in the form Excel reports it back (used range, its cells, tables,
 * charts): for a workbook written without Excel, whose marks must carry the fingerprint Excel
 * will find. Small synthetic plans placed away from A1, each expected content written out by hand.
 */
const table = (row: number, column: number, header: string[], rows: (string | number | null)[][], name = "lm_test_tabel"): TablePlan => ({ name, row, column, header, rows, numberFormats: header.map(() => null), widths: header.map(() => 10) });
const text = (row: number, value: string): TextLine => ({ row, text: value, style: "lead" });
const plan = (texts: TextLine[], tables: TablePlan[], charts: string[] = []): SheetPlan => ({
  key: "test",
  name: "Test",
  texts,
  tables,
  charts: charts.map((title) => ({ kind: "line", title, categoryAxisTitle: null, valueAxisTitle: null, numberFormat: "0", showValues: false, ranks: false, colours: [], altText: title, table: tables[0], anchor: { fromRow: 0, fromColumn: 5, toRow: 10, toColumn: 10 } })),
  frozenRows: 0,
  columnWidths: [],
});

describe("the content a plan puts on a sheet", () => {
  it("spans from the first to the last cell with a value, with empty cells as '' and the tables at their ranges", () => {
    const content = planContent(plan([text(2, "Titel"), text(3, "Lead")], [table(5, 2, ["Jaar", "Aantal"], [["2021", 10], ["2022", null]])], ["Grafiek"]));
    expect(content).toEqual({
      usedAddress: "A3:D8",
      formulas: [
        ["Titel", "", "", ""],
        ["Lead", "", "", ""],
        ["", "", "", ""],
        ["", "", "Jaar", "Aantal"],
        ["", "", "2021", 10],
        ["", "", "2022", ""],
      ],
      tables: [{ name: "lm_test_tabel", address: "C6:D8" }],
      charts: ["Grafiek"],
    });
  });

  it("starts where the first value is: a table away from A1 without texts", () => {
    const content = planContent(plan([], [table(3, 4, ["Groep", "Aandeel"], [["EU", 0], ["niet-EU", 0.25]])]));
    expect(content).toEqual({ usedAddress: "E4:F6", formulas: [["Groep", "Aandeel"], ["EU", 0], ["niet-EU", 0.25]], tables: [{ name: "lm_test_tabel", address: "E4:F6" }], charts: [] });
  });

  it("leaves out an empty text line: it writes nothing, so Excel's used range does not reach it", () => {
    expect(planContent(plan([text(0, "Titel"), text(1, "Lead"), text(9, "")], [])).usedAddress).toBe("A1:A2");
  });

  it("is one cell's address for a single value", () => {
    expect(planContent(plan([text(4, "Alleen")], []))).toEqual({ usedAddress: "A5", formulas: [["Alleen"]], tables: [], charts: [] });
  });

  it("is a range for one row of several cells, and for one column of several cells", () => {
    expect(planContent(plan([], [table(0, 1, ["A", "B"], [])])).usedAddress).toBe("B1:C1");
    expect(planContent(plan([text(0, "Titel"), text(1, "Lead")], [])).usedAddress).toBe("A1:A2");
  });

  it("is nothing for a plan that writes nothing", () => {
    expect(planContent(plan([text(0, "")], []))).toEqual({ usedAddress: null, formulas: [], tables: [], charts: [] });
  });

  it("names every table and chart of the plan", () => {
    const content = planContent(plan([], [table(0, 0, ["X"], [[1]], "lm_a"), table(0, 2, ["Y"], [[2]], "lm_b")], ["Eerste", "Tweede"]));
    expect([content.tables, content.charts]).toEqual([[{ name: "lm_a", address: "A1:A2" }, { name: "lm_b", address: "C1:C2" }], ["Eerste", "Tweede"]]);
    expect(content.formulas).toEqual([["X", "", "Y"], [1, "", 2]]);
  });
});
