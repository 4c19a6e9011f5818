import { FakeContext, WorkbookModel } from "../support/fake-excel";
import { useNewRowFormat } from "../support/fake-typed-values";

/**
 * The fake reads a string written through Range.values as Excel does (as typing reads it; the
 * sources and the safe readings chosen are in fake-typed-values.ts). Expected values are Excel's
 * serial numbers and results worked out by hand: 2022-01-01 is day 44562 (25569 is 1970-01-01,
 * plus 18993 days).
 */
describe("the Excel fake reads strings written as values as Excel does", () => {
  async function written(values: (string | number | boolean)[], format = "General") {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Blad1");
    const context = new FakeContext(model);
    const range = context.workbook.worksheets.getItem("Blad1").getRangeByIndexes(0, 0, values.length, 1);
    if (format !== "General") range.numberFormat = values.map(() => [format]);
    range.values = values.map((v) => [v]);
    await context.sync();
    return values.map((_, r) => {
      const { value, formula, numberFormat } = sheet.cell(r, 0);
      return { value, formula, numberFormat };
    });
  }

  it("a string that starts with = + - or @ and is no number becomes a formula (Excel.Range.values: + - = are 'interpreted as a formula')", async () => {
    expect(await written(["=1+2", "+31 71 516 5000", "-", "+", "-voorlopig", "@x", "=HYPERLINK(\"https://x\")"])).toEqual([
      { value: null, formula: "=1+2", numberFormat: "General" },
      { value: null, formula: "=+31 71 516 5000", numberFormat: "General" },
      { value: null, formula: "=-", numberFormat: "General" },
      { value: null, formula: "=+", numberFormat: "General" },
      { value: null, formula: "=-voorlopig", numberFormat: "General" },
      { value: null, formula: "=@x", numberFormat: "General" },
      { value: null, formula: "=HYPERLINK(\"https://x\")", numberFormat: "General" },
    ]);
  });

  it("a string that looks like a number becomes that number, in en-US or nl-NL form, a percentage with Excel's percent format", async () => {
    const cells = await written(["12", "1.253", "1,253", "1,5", "1.253,5", "12%", "12.5%", "1e5", "-7", "+31", " 42 ", "(12)", "€ 12", "0012"]);
    expect(cells.map((c) => c.value)).toEqual([12, 1.253, 1253, 1.5, 1253.5, 0.12, 0.125, 100000, -7, 31, 42, -12, 12, 12]);
    expect(cells.map((c) => c.formula)).toEqual(cells.map(() => null));
    expect(cells.map((c) => c.numberFormat)).toEqual(["General", "General", "General", "General", "General", "0%", "0.00%", "General", "General", "General", "General", "General", "General", "General"]);
  });

  it("a date, a time or a Boolean becomes a number or a Boolean (office-js #229: an ISO date gets m/d/yyyy)", async () => {
    const cells = await written(["2022-01-01", "1-1-2022", "19-8-2025", "8/19/2025", "1 jan 2022", "januari 2022", "2022-01-01 12:00", "12:30", "TRUE", "false"]);
    expect(cells.map((c) => c.value)).toEqual([44562, 44562, 45888, 45888, 44562, 44562, 44562.5, 0.5208333333333334, true, false]);
    expect(cells.map((c) => c.numberFormat)).toEqual(["m/d/yyyy", "m/d/yyyy", "m/d/yyyy", "m/d/yyyy", "m/d/yyyy", "m/d/yyyy", "m/d/yyyy", "h:mm", "General", "General"]);
    // A day and month without a year is a date in this year: a number, whatever the year.
    expect(typeof (await written(["12-17"]))[0].value).toBe("number");
  });

  it("keeps text that is text, a quote-prefixed string as the text after the apostrophe, and anything in a cell formatted as text", async () => {
    const texts = ["Leiden", "Italiaans", "Jan Steen", "mei", "Bevolking 2022", "12 wijken", "#1", "A1"];
    expect((await written(texts)).map((c) => c.value)).toEqual(texts);
    const quoted = ["'=1+2", "'+31", "'-", "'@x", "''quoted", "'1.253", "'12%", "'2022-01-01", "'TRUE"];
    expect(await written(quoted)).toEqual(quoted.map((q) => ({ value: q.slice(1), formula: null, numberFormat: "General" })));
    const asText = ["=1+2", "+31", "-", "@x", "1.253", "12%", "2022-01-01"];
    expect(await written(asText, "@")).toEqual(asText.map((value) => ({ value, formula: null, numberFormat: "@" })));
    // A quote prefix written into a Text cell is kept as a character: the safe reading (fake-typed-values.ts).
    expect(await written(["'2022", "''s-Gravenhage"], "@")).toEqual([
      { value: "'2022", formula: null, numberFormat: "@" },
      { value: "''s-Gravenhage", formula: null, numberFormat: "@" },
    ]);
  });

  it("reads strings the same way through TableRowCollection.add and Range.formulas", async () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Blad1");
    const context = new FakeContext(model);
    const ws = context.workbook.worksheets.getItem("Blad1");
    ws.getRange("A1:B2").values = [["Naam", "Periode"], ["a", "'2021"]];
    const table = ws.tables.add(ws.getRange("A1:B2"), true);
    table.name = "T";
    await context.sync();
    context.workbook.tables.getItem("T").rows.add(-1, [["1.253", "2022"], ["'1.253", "'2022"]]);
    ws.getRange("D1:D3").formulas = [["12%"], ["'-"], ["=1+2"]];
    await context.sync();
    expect(sheet.values({ row: 1, column: 0, rows: 3, columns: 2 })).toEqual([["a", "2021"], [1.253, 2022], ["1.253", "2022"]]);
    expect([sheet.cell(0, 3).value, sheet.cell(1, 3).value, sheet.cell(2, 3).formula]).toEqual([0.12, "-", "=1+2"]);
  });

  it.each([["General", ["General", "2022"]], ["column's", ["@", "'2022"]]] as const)("gives a new table row's cells the %s format before the values go in (the fake's reading, and the other where a test asks)", async (reading, expected) => {
    useNewRowFormat(reading);
    try {
      const model = new WorkbookModel();
      const sheet = model.addSheet("Blad1");
      const context = new FakeContext(model);
      const ws = context.workbook.worksheets.getItem("Blad1");
      ws.getRange("A2").numberFormat = [["@"]];
      ws.getRange("A1:A2").values = [["Periode"], ["2021"]];
      ws.tables.add(ws.getRange("A1:A2"), true).name = "T";
      await context.sync();
      context.workbook.tables.getItem("T").rows.add(-1, [["'2022"]]);
      await context.sync();
      expect([sheet.cell(2, 0).numberFormat, sheet.cell(2, 0).value]).toEqual(expected);
    } finally {
      useNewRowFormat("General");
    }
  });
});
