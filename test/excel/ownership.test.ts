import { decideOwnership, untouched } from "../../src/excel/ownership";
import { SheetState } from "../../src/excel/inspect";
import { extrasPrint, fingerprint, SheetContent, SheetExtras } from "../../src/report/fingerprint";
import { SheetMark } from "../../src/report/mark";

/**
 * Which of the sheets carrying the mark of one key is the add-in's own, and whether it may be
 * rebuilt: decided from the inspected state alone, so each case is a list of sheet states.
 */
const written: SheetContent = { usedAddress: "A1:B3", formulas: [["Woonduur", ""], ["Jaren", "Aantal"], ["0-1", 1200]], tables: [{ name: "lm_woonduur_woonduur", address: "A2:B3" }], charts: ["Woonduur"] };
const PRINT = fingerprint(written);
const annotated: SheetContent = { ...written, usedAddress: "A1:C3", formulas: [["Woonduur", "", "Let op"], ["Jaren", "Aantal", ""], ["0-1", 1200, ""]] };
const extras: SheetExtras = { usedWithFormats: "A1:B3", details: { widths: [30, 12], frozen: 2 } };
const EXTRAS = extrasPrint(extras);
const widened: SheetExtras = { ...extras, details: { widths: [30, 20], frozen: 2 } };

function sheet(name: string, id: string, mark: Partial<SheetMark> | null, content: SheetContent | null = written, now: SheetExtras | null = extras): SheetState {
  return { sheet: {} as Excel.Worksheet, name, id, mark: mark && { key: "woonduur", id: "{1}", name: "Woonduur", print: PRINT, extras: EXTRAS, ...mark }, content, extras: now, charts: [] };
}
const decisions = (candidates: SheetState[], names: { name: string; formula: string }[] = []) =>
  decideOwnership(candidates, names).map((d) => (d.kind === "rebuild" ? [d.kind, d.sheet.name, d.renamed, d.proven] : d.kind === "keep" ? [d.kind, d.sheet.name, d.renamed] : [d.kind, d.sheet.name]));

describe("whether a sheet is untouched since the add-in wrote it", () => {
  it("proven so when its content and everything else Excel reports have the prints in its mark", () => {
    expect(untouched(sheet("Woonduur", "{1}", {}))).toBe("proven");
  });

  it("proven so whatever its name now (addresses lose the sheet name)", () => {
    expect(untouched(sheet("Oud", "{1}", {}))).toBe("proven");
  });

  it.each<[string, Partial<SheetMark>]>([
    ["without a print of the extras (written without Excel)", { extras: null }],
    ["from before prints of the extras", { extras: undefined }],
    ["with a print of an older version, which read less (no version at its head)", { extras: "00a1b2c3d4e5f6" }],
  ])("its content only, from a mark %s", (_why, mark) => {
    expect(untouched(sheet("Woonduur", "{1}", mark))).toBe("content");
  });

  it("its content only, where this Excel cannot report everything (notes before ExcelApi 1.18): the safe reading", () => {
    const blind: SheetExtras = { ...extras, unseen: ["notes"] };
    expect(extrasPrint(blind)).toBe(EXTRAS); // what could not be read is not part of the print
    expect(untouched(sheet("Woonduur", "{1}", {}, written, blind))).toBe("content");
    expect(decideOwnership([sheet("Woonduur", "{1}", {}, written, blind)])).toEqual([expect.objectContaining({ kind: "rebuild", proven: false, unseen: ["notes"] })]);
  });

  it.each<[string, SheetState]>([
    ["its content differs", sheet("Woonduur", "{1}", {}, annotated)],
    ["its content differs, even where the mark proves the content only", sheet("Woonduur", "{1}", { extras: null }, annotated)],
    ["something else differs (a column widened)", sheet("Woonduur", "{1}", {}, written, widened)],
    ["the extras were not read (too large)", sheet("Woonduur", "{1}", {}, written, null)],
    ["its mark has no fingerprint (an older version's)", sheet("Woonduur", "{1}", { print: null })],
    ["its content was not read (too large)", sheet("Woonduur", "{1}", {}, null)],
    ["it has no mark", sheet("Woonduur", "{1}", null)],
  ])("not so when %s", (_why, state) => {
    expect(untouched(state)).toBeNull();
  });

  it.each([
    ["by the sheet's name", "=Woonduur!$B$3"],
    ["by its name in quotes, in another case", "=SUM('WOONDUUR'!B3:B9)"],
    ["by the name of a table on it", "=lm_woonduur_woonduur[Aantal]"],
  ])("not so when a defined name of the workbook points into it %s", (_how, formula) => {
    expect(untouched(sheet("Woonduur", "{1}", {}), [{ name: "MijnCijfer", formula }])).toBeNull();
  });

  it("so when the workbook's defined names point elsewhere", () => {
    expect(untouched(sheet("Woonduur", "{1}", {}), [{ name: "Elders", formula: "=Blad1!$A$1" }, { name: "Tabel", formula: "=Tabel1[Kolom]" }])).toBe("proven");
  });
});

describe("the one sheet with the mark", () => {
  it("untouched, under its own name: rebuilt", () => {
    expect(decisions([sheet("Woonduur", "{1}", {})])).toEqual([["rebuild", "Woonduur", false, true]]);
  });

  it("untouched as far as its mark can prove (written without Excel): rebuilt, not proven", () => {
    expect(decisions([sheet("Woonduur", "{1}", { extras: null })])).toEqual([["rebuild", "Woonduur", false, false]]);
  });

  it("rebuilt as proven: nothing is said to be unseen", () => {
    expect(decideOwnership([sheet("Woonduur", "{1}", {})])).toEqual([expect.objectContaining({ kind: "rebuild", proven: true, unseen: [] })]);
  });

  it("from a mark without a current print of the extras: rebuilt for want of a print, not for what this Excel cannot report", () => {
    // The reason it is not proven is the mark (older or written without Excel), whatever this Excel can read.
    const blind: SheetExtras = { ...extras, unseen: ["notes"] };
    expect(decideOwnership([sheet("Woonduur", "{1}", { extras: null }, written, blind)])).toEqual([expect.objectContaining({ kind: "rebuild", proven: false, unseen: [] })]);
    expect(decideOwnership([sheet("Woonduur", "{1}", { extras: "00a1b2c3d4e5f6" }, written, blind)])).toEqual([expect.objectContaining({ kind: "rebuild", proven: false, unseen: [] })]);
  });

  it("with a defined name of the user's pointing into it: kept", () => {
    expect(decisions([sheet("Woonduur", "{1}", {})], [{ name: "MijnCijfer", formula: "=Woonduur!$B$3" }])).toEqual([["keep", "Woonduur", false]]);
  });

  it("untouched but renamed by the user: rebuilt, and said to be renamed", () => {
    expect(decisions([sheet("Oud", "{1}", {})])).toEqual([["rebuild", "Oud", true, true]]);
  });

  it("with the user's additions: kept", () => {
    expect(decisions([sheet("Woonduur", "{1}", {}, annotated)])).toEqual([["keep", "Woonduur", false]]);
  });

  it("renamed and annotated: kept, and said to be renamed", () => {
    expect(decisions([sheet("Mijn woonduur", "{1}", {}, annotated)])).toEqual([["keep", "Mijn woonduur", true]]);
  });

  it("is ours whatever its id and name (the workbook was reopened and the sheet renamed)", () => {
    expect(decisions([sheet("Oud", "{9}", {})])).toEqual([["rebuild", "Oud", true, true]]);
  });

  it("from a mark without a name (an older version's): not said to be renamed, and kept for want of a fingerprint", () => {
    expect(decisions([sheet("Oud", "{1}", { name: null, print: null })])).toEqual([["keep", "Oud", false]]);
  });
});

describe("two sheets with the mark, ours and a copy from elsewhere (a copy made in Excel has none, office-js #5486)", () => {
  it("within a session: ours is the one whose id is in the mark, wherever it stands", () => {
    expect(decisions([sheet("Woonduur (2)", "{2}", {}), sheet("Woonduur", "{1}", {})])).toEqual([
      ["copy", "Woonduur (2)"],
      ["rebuild", "Woonduur", false, true],
    ]);
  });

  it("within a session: the id decides even when the user renamed ours and the copy took its name", () => {
    expect(decisions([sheet("Woonduur", "{2}", {}), sheet("Oud", "{1}", {})])).toEqual([
      ["copy", "Woonduur"],
      ["rebuild", "Oud", true, true],
    ]);
  });

  it("after reopening (new ids): ours is the one that has the name the add-in gave it", () => {
    expect(decisions([sheet("Woonduur (2)", "{7}", {}), sheet("Woonduur", "{8}", {})])).toEqual([
      ["copy", "Woonduur (2)"],
      ["rebuild", "Woonduur", false, true],
    ]);
  });

  it("written without Excel (no id in the mark): the name decides", () => {
    expect(decisions([sheet("Woonduur", "{7}", { id: null }), sheet("Woonduur (2)", "{8}", { id: null })])).toEqual([
      ["rebuild", "Woonduur", false, true],
      ["copy", "Woonduur (2)"],
    ]);
  });

  it("when neither id nor name tells them apart, every one is the user's", () => {
    expect(decisions([sheet("Woonduur (2)", "{7}", {}), sheet("Oud", "{8}", {})])).toEqual([
      ["copy", "Woonduur (2)"],
      ["copy", "Oud"],
    ]);
  });

  it("from a mark without id or name: none of several is ours", () => {
    expect(decisions([sheet("Woonduur", "{1}", { id: null, name: null }), sheet("Woonduur (2)", "{2}", { id: null, name: null })])).toEqual([
      ["copy", "Woonduur"],
      ["copy", "Woonduur (2)"],
    ]);
  });

  it("when two carry the id of the mark (a copy made by another tool), the name decides", () => {
    expect(decisions([sheet("Woonduur (2)", "{1}", {}), sheet("Woonduur", "{1}", {})])).toEqual([
      ["copy", "Woonduur (2)"],
      ["rebuild", "Woonduur", false, true],
    ]);
  });
});
