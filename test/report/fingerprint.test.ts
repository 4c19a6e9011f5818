import { extrasPrint, fingerprint, SheetContent, SheetExtras } from "../../src/report/fingerprint";

/**
 * The fingerprint tells an untouched sheet of the add-in from one the user changed: whatever a
 * user can change on a sheet changes it; what Excel reports differently for the same content
 * (the sheet's name in addresses, `$`, the order of tables and charts, a table name's case) does not.
 */
const sheet: SheetContent = {
  usedAddress: "Woonduur!A1:C8",
  formulas: [
    ["Woonduur", "", ""],
    ["Jaren", "Aantal", "Aandeel"],
    ["0-1", 1200, 0.3],
  ],
  tables: [
    { name: "lm_woonduur_woonduur", address: "Woonduur!A2:C8" },
    { name: "lm_woonduur_groei", address: "Woonduur!E2:F5" },
  ],
  charts: ["Woonduur", "Groei"],
};
// Computed inside each test, not when the file loads: mutation testing then runs a mutant only against the tests that reach it.
const print = () => fingerprint(sheet);
const edited = (change: Partial<SheetContent>) => fingerprint({ ...sheet, ...change });

describe("a sheet's fingerprint changes when the user", () => {
  it.each<[string, Partial<SheetContent>]>([
    ["renames a table", { tables: [{ name: "Mijn_woonduur", address: "Woonduur!A2:C8" }, sheet.tables[1]] }],
    ["resizes a table", { tables: [{ name: "lm_woonduur_woonduur", address: "Woonduur!A2:C9" }, sheet.tables[1]] }],
    ["removes a table (keeping its cells)", { tables: [sheet.tables[0]] }],
    ["adds a table", { tables: [...sheet.tables, { name: "Tabel1", address: "Woonduur!H1:H3" }] }],
    ["renames a chart", { charts: ["Woonduur", "Mijn groei"] }],
    ["adds a chart", { charts: [...sheet.charts, "Grafiek 3"] }],
    ["deletes a chart", { charts: ["Woonduur"] }],
    ["types beyond the used range", { usedAddress: "Woonduur!A1:C9" }],
    ["empties the sheet", { usedAddress: null, formulas: [] }],
    ["changes a figure", { formulas: [sheet.formulas[0], sheet.formulas[1], ["0-1", 1201, 0.3]] }],
    ["puts a formula where a figure was", { formulas: [sheet.formulas[0], sheet.formulas[1], ["0-1", "=B3", 0.3]] }],
    ["types a number as text", { formulas: [sheet.formulas[0], sheet.formulas[1], ["0-1", "1200", 0.3]] }],
    ["adds a note in an empty cell", { formulas: [["Woonduur", "", "Let op"], sheet.formulas[1], sheet.formulas[2]] }],
  ])("%s", (_what, change) => {
    expect(edited(change)).not.toBe(print());
  });

  it("moves a value to another cell of the same used range", () => {
    expect(edited({ formulas: [["", "Woonduur", ""], sheet.formulas[1], sheet.formulas[2]] })).not.toBe(print());
  });
});

describe("a sheet's fingerprint stays the same", () => {
  it.each<[string, Partial<SheetContent>]>([
    ["when the sheet is renamed (addresses carry the new name)", { usedAddress: "'Mijn woonduur'!A1:C8", tables: sheet.tables.map((t) => ({ ...t, address: t.address.replace("Woonduur!", "'Mijn woonduur'!") })) }],
    ["when Excel writes absolute addresses", { usedAddress: "Woonduur!$A$1:$C$8", tables: sheet.tables.map((t) => ({ ...t, address: t.address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2") })) }],
    ["when the tables come in another order", { tables: [...sheet.tables].reverse() }],
    ["when the charts come in another order", { charts: [...sheet.charts].reverse() }],
    ["when a table name differs in case only (Excel's names are case-insensitive)", { tables: [{ ...sheet.tables[0], name: "LM_Woonduur_Woonduur" }, sheet.tables[1]] }],
  ])("%s", (_what, change) => {
    expect(edited(change)).toBe(print());
  });

  it("is 14 hex digits", () => {
    expect(print()).toMatch(/^[0-9a-f]{14}$/);
  });
});

describe("the print of a sheet's extras", () => {
  const numberFormats = [["General", "$#,##0", "0.0%"]];
  const extras: SheetExtras = { usedWithFormats: "Woonduur!A1:C8", details: { numberFormats, validation: ["Woonduur!B3:B8"] } };
  const extrasWith = (formats: string[][], validation = ["Woonduur!B3:B8"]) => extrasPrint({ ...extras, details: { numberFormats: formats, validation } });

  it("changes when the user changes a number format, even only its dollar sign (only addresses lose their '$')", () => {
    expect(extrasWith([["General", "#,##0", "0.0%"]])).not.toBe(extrasPrint(extras));
    expect(extrasWith([["General", "$#,##0", "0.00%"]])).not.toBe(extrasPrint(extras));
    expect(extrasWith(numberFormats, ["Woonduur!B3:B9"])).not.toBe(extrasPrint(extras));
  });

  it("stays the same when the sheet is renamed or Excel writes absolute addresses", () => {
    expect(extrasPrint({ usedWithFormats: "'Mijn woonduur'!$A$1:$C$8", details: { numberFormats, validation: ["'Mijn woonduur'!$B$3:$B$8"] } })).toBe(extrasPrint(extras));
  });
});
