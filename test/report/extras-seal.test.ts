import { contentToSeal, extrasToSeal } from "../../src/report/extras-seal";
import { extrasPrint, fingerprint, SheetContent, SheetExtras } from "../../src/report/fingerprint";
import { SheetPlan } from "../../src/report/types";
import { SheetMark } from "../../src/report/mark";

/** What becomes of the extras print in a mark after Regenerate wrote a sheet (pure decision). */
const inspected: SheetExtras = { usedWithFormats: "A1:F40", details: { cells: [[{ fill: "#FFFFFF" }]], widths: [30, 12] }, followsFigures: { bounds: [[0, 7200]] } };
const markOf = (extras: string | null): SheetMark => ({ key: "nationaliteiten", id: "{1}", name: "Nationaliteiten", print: "p", extras, layout: "l" });
const proven = { mark: markOf(extrasPrint(inspected)), extras: inspected };

// A sheet built new is sealed by what its plan wrote: see new-sheet-seal.test.ts.
describe("extrasToSeal", () => {
  it("seals a proven sheet updated in place whose extras are as inspected", () => {
    expect(extrasToSeal({ ...inspected }, proven)).toBe(extrasPrint(inspected));
  });

  it("seals it also where only what follows the figures moved (a chart's automatic bounds), with the new bounds", () => {
    const after: SheetExtras = { ...inspected, followsFigures: { bounds: [[0, 9000]] } };
    expect(extrasPrint(after)).not.toBe(extrasPrint(inspected));
    expect(extrasToSeal(after, proven)).toBe(extrasPrint(after));
  });

  it.each([
    ["a fill given meanwhile", { ...inspected, details: { cells: [[{ fill: "#FFFF00" }]], widths: [30, 12] } }],
    ["a column widened meanwhile", { ...inspected, details: { cells: [[{ fill: "#FFFFFF" }]], widths: [30, 20] } }],
    ["formats spread meanwhile", { ...inspected, usedWithFormats: "A1:G40" }],
  ])("leaves no print where the extras differ from the inspection: %s", (_what, after) => {
    expect(extrasToSeal(after, proven)).toBeNull();
  });

  it.each([
    ["no print (written without Excel)", { mark: markOf(null), extras: inspected }],
    ["an older version's print", { mark: markOf(`2.${extrasPrint(inspected).split(".")[1]}`), extras: inspected }],
    ["a print the inspection does not match", { mark: markOf("3.123"), extras: inspected }],
    ["extras not read (too large)", { mark: markOf(extrasPrint(inspected)), extras: null }],
    ["no mark", { mark: null, extras: inspected }],
  ])("leaves none where the mark did not prove the extras before: %s", (_what, before) => {
    expect(extrasToSeal(inspected, before)).toBeNull();
  });
});

describe("contentToSeal", () => {
  // A title in A1, a table of a header and two rows at A3:B5: what an in-place update writes.
  const plan = { texts: [{ row: 0, text: "Titel", style: "title" }], tables: [{ row: 2, column: 0, header: ["Groep", "Aantal"], rows: [["a", 1], ["b", 2]] }] } as unknown as SheetPlan;
  const inspected: SheetContent = { usedAddress: "Blad!A1:B5", formulas: [["Titel", ""], ["", ""], ["Groep", "Aantal"], ["a", 1], ["b", 2]], tables: [{ name: "t", address: "Blad!A3:B5" }], charts: [] };

  it("seals nothing where the content was not read before the writes", () => {
    expect(contentToSeal(inspected, plan, null)).toBeNull();
  });

  it("seals new figures and texts where the plan writes them", () => {
    const after: SheetContent = { ...inspected, formulas: [["Nieuwe titel", ""], ["", ""], ["Groep", "Aantal"], ["a", 3], ["b", 4]] };
    expect(contentToSeal(after, plan, inspected)).toBe(fingerprint(after));
  });

  it.each([
    ["a figure typed beside the table", { ...inspected, usedAddress: "Blad!A1:D5", formulas: [["Titel", "", "", ""], ["", "", "", ""], ["Groep", "Aantal", "", ""], ["a", 1, "", 7], ["b", 2, "", ""]] }],
    ["a word typed below the title", { ...inspected, formulas: [["Titel", ""], ["mijn notitie", ""], ["Groep", "Aantal"], ["a", 1], ["b", 2]] }],
    ["a formula typed beside the title", { ...inspected, formulas: [["Titel", "=B4*2"], ["", ""], ["Groep", "Aantal"], ["a", 1], ["b", 2]] }],
  ])("leaves no print where a cell the plan does not write changed: %s", (_what, after) => {
    expect(contentToSeal(after as SheetContent, plan, inspected)).toBeNull();
  });
});
