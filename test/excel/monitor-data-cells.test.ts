import * as ExcelJS from "exceljs";
import { readWorkbookFigures } from "../../src/excel/load-data";
import { fakeRun, WorkbookModel } from "../support/fake-excel";
import { renderPackage } from "../support/xlsx";
import { asExcel, edition, runLoadData, runRegenerate, tableNamed } from "../support/workbooks";

/**
 * MonitorData's cells as Excel (the fake) and the .xlsx receive them: one row per kind of
 * figure, each with the value, the type and the number format the cell gets. Expected values
 * are written out by hand from the package's rows.
 */
const HEADER = ["Onderwerp", "Indicator", "Gebied", "Groep", "Leeftijd", "Periode", "Waarde", "Eenheid", "Bron", "Peildatum", "Status", "Pagina", "Toelichting", "Jaar", "Bovengroep", "Gebiedscode"];
const col = (name: string) => HEADER.indexOf(name);
const rowOf = (indicator: string, groep: string, periode: string, eenheid: string, gebied = "Leiden", leeftijd = "") =>
  edition.observations.findIndex((o) => o.indicator === indicator && o.groep === groep && o.periode === periode && o.eenheid === eenheid && o.gebied === gebied && o.leeftijd === leeftijd);

// [what, data row (0-based), Waarde, its format, Peildatum as Excel's serial or null, Jaar]
const CASES: [string, number, number, string, number | null, number][] = [
  ["a count", rowOf("inwoners", "Italiaans", "2022", "aantal"), 1253, "#,##0", 44562, 2022],
  ["a share with a decimal", rowOf("aandeel", "buitenlandse nationaliteit", "2022", "aandeel"), 0.116, "0.0%", 44562, 2022],
  ["a share without one", rowOf("woonduur", "korter dan 1 jaar", "2022", "aandeel"), 0.34, "0%", 44562, 2022],
  ["growth", rowOf("groei", "Italiaans", "2012-2022", "groei"), 0.88, "0%", 44562, 2022],
  ["a rank", rowOf("rang", "buitenlandse nationaliteit", "2021", "rang"), 17, "0", 44197, 2021],
  ["euros", rowOf("loongrens", "kenniswerkers", "2020", "euro", "Nederland", "<30"), 30672, "[$€-413] #,##0", null, 2020],
  ["a study year", rowOf("studenten", "universiteit", "2021/2022", "aandeel"), 0.184, "0.0%", null, 2021],
];

describe("MonitorData in Excel", () => {
  let model: WorkbookModel;
  beforeAll(async () => {
    model = new WorkbookModel();
    await runRegenerate(model);
  });
  const cell = (row: number, column: string) => {
    const table = tableNamed(model, "MonitorData");
    if (!table) throw new Error("no MonitorData");
    return table.sheet.cell(table.box.row + 1 + row, table.box.column + col(column));
  };

  it("has the thirteen columns and then Jaar, Bovengroep, Gebiedscode", () => {
    const table = tableNamed(model, "MonitorData");
    expect(table && table.sheet.values({ ...table.box, rows: 1 })[0]).toEqual(HEADER);
  });

  it.each(CASES)("writes %s with its value unchanged and a number format for its unit, Peildatum as a date and Jaar as a number", (_what, row, value, format, serial, year) => {
    expect(row).toBeGreaterThanOrEqual(0);
    expect([cell(row, "Waarde").value, cell(row, "Waarde").numberFormat]).toEqual([value, format]);
    expect(cell(row, "Peildatum").value).toBe(serial);
    if (serial !== null) expect(cell(row, "Peildatum").numberFormat).toBe("yyyy-mm-dd");
    expect([cell(row, "Jaar").value, cell(row, "Jaar").numberFormat]).toEqual([year, "0"]);
  });

  it("leaves empty cells empty (no empty strings) and keeps text as text", () => {
    const italian = rowOf("inwoners", "Italiaans", "2022", "aantal");
    expect(cell(italian, "Leeftijd").value).toBeNull();
    expect(cell(italian, "Leeftijd").numberFormat).toBe("@");
    expect(cell(italian, "Toelichting").value).toBeNull();
    expect(cell(rowOf("inwoners", "inwoners", "2022", "aantal"), "Bovengroep").value).toBeNull();
    expect(cell(rowOf("kinderen", "buitenlandse nationaliteit", "2022", "aantal", "Slaaghwijk", "12-17"), "Gebiedscode").value).toBeNull();
    expect([cell(italian, "Bovengroep").value, cell(italian, "Gebiedscode").value, cell(italian, "Periode").value]).toEqual(["buitenlandse nationaliteit", "GM0546", "2022"]);
  });

  it("reads back as the same figures (dates from their serial numbers)", async () => {
    const { result } = await fakeRun(model, (context) => readWorkbookFigures(asExcel(context), edition));
    expect(result.kind === "found" && result.package.observations).toEqual(edition.observations);
  });

  it("refreshes an older workbook's thirteen-column MonitorData with dates and formats, its columns as they were", async () => {
    const old = new WorkbookModel();
    await runRegenerate(old);
    const table = tableNamed(old, "MonitorData");
    if (!table) throw new Error("no MonitorData");
    // What a workbook loaded before the three columns looks like: thirteen columns, dates as text.
    for (const [key] of [...table.sheet.cells]) if (Number(key.split(",")[1]) >= 13 && Number(key.split(",")[1]) < 16) table.sheet.cells.delete(key);
    table.box = { ...table.box, columns: 13 };
    table.sheet.cell(table.box.row + 1, col("Peildatum")).value = "2022-01-01";
    const { result } = await runLoadData(old);
    expect(result.ok).toBe(true);
    expect(table.box.columns).toBe(13);
    const italian = rowOf("inwoners", "Italiaans", "2022", "aantal");
    const refreshed = (column: string) => table.sheet.cell(table.box.row + 1 + italian, col(column));
    expect([refreshed("Peildatum").value, refreshed("Peildatum").numberFormat, refreshed("Waarde").numberFormat]).toEqual([44562, "yyyy-mm-dd", "#,##0"]);
    const { result: read } = await fakeRun(old, (context) => readWorkbookFigures(asExcel(context), edition));
    expect(read.kind === "found" && read.package.observations[italian]).toMatchObject({ jaar: 2022, bovengroep: "buitenlandse nationaliteit", gebiedscode: "GM0546" });
  });
});

describe("MonitorData in the .xlsx", () => {
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await renderPackage(edition)) as unknown as ArrayBuffer);
    sheet = workbook.getWorksheet("Data") as ExcelJS.Worksheet;
  });
  // Both the row exceljs writes (the first) and the rows written straight into the sheet part.
  const cell = (row: number, column: string) => sheet.getCell(row + 2, col(column) + 1);

  it.each(CASES)("holds %s with its value unchanged and the same number format, Peildatum a date, Jaar a number", (_what, row, value, format, serial, year) => {
    expect([cell(row, "Waarde").value, cell(row, "Waarde").numFmt]).toEqual([value, format]);
    if (serial === null) expect(cell(row, "Peildatum").value).toBeNull();
    else expect([cell(row, "Peildatum").value, cell(row, "Peildatum").numFmt]).toEqual([new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000), "yyyy-mm-dd"]);
    expect(cell(row, "Jaar").value).toBe(year);
  });

  it("has no cell at all where a value is empty, in the first row and the others", () => {
    const italian = rowOf("inwoners", "Italiaans", "2022", "aantal");
    expect(italian).toBeGreaterThan(0);
    const types = (row: number, columns: string[]) => columns.map((c) => cell(row, c).type);
    expect(types(0, ["Leeftijd", "Bovengroep"])).toEqual([ExcelJS.ValueType.Null, ExcelJS.ValueType.Null]);
    expect(types(italian, ["Leeftijd", "Toelichting"])).toEqual([ExcelJS.ValueType.Null, ExcelJS.ValueType.Null]);
  });
});
