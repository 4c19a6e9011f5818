import fc from "fast-check";
import { hash53 } from "../../src/data/hash";
import { extrasPrint, SheetExtras } from "../../src/report/fingerprint";

/**
 * The extras print is kept in every mark a workbook carries: a faster way of making it must give
 * the same print, or every sheet Regenerate wrote before would read as changed by the user.
 */

/** The print as version 4 made it before (a copy of every value with the addresses stripped, then JSON), under version 5's head: the reference. */
function printOfStrippedCopy(extras: SheetExtras): string {
  const withoutSheet = (address: string) => address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const strip = (value: unknown): unknown => {
    // A comma parts two addresses only outside a quoted sheet's name (office-js #512): one followed by an even number of quotes.
    if (typeof value === "string") return value.includes("!") ? value.split(/,(?=(?:[^']*'[^']*')*[^']*$)/).map(withoutSheet).join(",") : value;
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strip(v)]));
    return value;
  };
  return `5.${hash53(JSON.stringify([extras.usedWithFormats === null ? null : withoutSheet(extras.usedWithFormats), strip(extras.details), strip(extras.followsFigures ?? null)]))}`;
}

const sample: SheetExtras = {
  usedWithFormats: "'Mijn woonduur'!$A$1:$C$8",
  details: {
    cells: [[{ format: { fill: { color: "#FFFFFF" }, font: { bold: true, name: "Calibri" } }, address: "Woonduur!A1" }, { format: { wrapText: false } }]],
    numberFormats: [["General", "$#,##0", "0.0%"]],
    columns: [{ columnWidth: 34.5 }, { columnWidth: 14 }],
    rows: [15, undefined, null],
    merged: "Woonduur!A1:B1,Woonduur!C3:D3",
    notes: null,
    comments: [["Woonduur!B3", "Let op: voorlopig, zie Blad2!A1"]],
    charts: [["Woonduur", 1, -0, [["Blad1!$B$3:$B$8", [true, 1e21, "x,y!z"]]]]],
    axes: [null, { title: "Jaren" }],
    sources: undefined,
  },
  followsFigures: { bounds: [[0, 1500.5], null] },
};

describe("the extras print", () => {
  it("is the same for a sheet renamed, also to a name with a comma (which Excel quotes)", () => {
    const merged = (sheet: string) => extrasPrint({ ...sample, usedWithFormats: `${sheet}!$A$1:$C$8`, details: { ...(sample.details as object), merged: `${sheet}!A1:B1,${sheet}!C3:D3` } });
    expect(merged("'Bevolking Nuenen, Gerwen en'")).toBe(merged("Woonduur"));
    expect(merged("'Ons blad, en ''t andere'")).toBe(merged("Woonduur"));
    expect(merged("'Bevolking Nuenen, Gerwen en'")).not.toBe(extrasPrint({ ...sample, details: { ...(sample.details as object), merged: "Woonduur!A1:B1" } }));
  });

  it("is the print the previous version kept in its marks (computed by it for these extras), under this version's head", () => {
    // Version 4 printed these as 4.017bdab6a64672 and 4.046d255e812572: version 5 reads more, not differently.
    expect(extrasPrint(sample)).toBe("5.017bdab6a64672");
    expect(extrasPrint({ usedWithFormats: null, details: undefined })).toBe("5.046d255e812572");
  });

  it("is the print of the stripped copy for any plain data Excel reports", () => {
    // Random texts without quotes (Excel writes them in pairs), and addresses with quoted names.
    const named = ["Blad1!A1", "'Mijn blad'!$A$1:$B$2,Blad1!C3", "'Bevolking Nuenen, Gerwen en'!A2:L2,'Bevolking Nuenen, Gerwen en'!A40:L40", "'Ons blad, en ''t andere!'!B3", "a,b!c", "!", ","];
    const text = fc.oneof(fc.string().filter((t) => !t.includes("'")), fc.constantFrom(...named));
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), tie("list"), tie("record")),
      list: fc.array(tie("value"), { maxLength: 4 }),
      record: fc.dictionary(text, tie("value"), { maxKeys: 4 }),
    })).value;
    fc.assert(
      fc.property(fc.option(text), json, fc.option(json, { nil: undefined }), (used, details, followsFigures) => {
        const extras: SheetExtras = { usedWithFormats: used, details, followsFigures };
        expect(extrasPrint(extras)).toBe(printOfStrippedCopy(extras));
      }),
      { numRuns: 500 },
    );
  });
});
