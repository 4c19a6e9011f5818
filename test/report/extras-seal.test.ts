import { extrasToSeal } from "../../src/report/extras-seal";
import { extrasPrint, SheetExtras } from "../../src/report/fingerprint";
import { SheetMark } from "../../src/report/mark";

/** What becomes of the extras print in a mark after Regenerate wrote a sheet (pure decision). */
const inspected: SheetExtras = { usedWithFormats: "A1:F40", details: { cells: [[{ fill: "#FFFFFF" }]], widths: [30, 12] }, followsFigures: { bounds: [[0, 7200]] } };
const markOf = (extras: string | null): SheetMark => ({ key: "nationaliteiten", id: "{1}", name: "Nationaliteiten", print: "p", extras, layout: "l" });
const proven = { mark: markOf(extrasPrint(inspected)), extras: inspected };

describe("extrasToSeal", () => {
  it("seals a sheet built new as Excel reported it", () => {
    expect(extrasToSeal(inspected)).toBe(extrasPrint(inspected));
    expect(extrasToSeal(inspected, null)).toBe(extrasPrint(inspected));
  });

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
