import { decideOwnership, untouched } from "../../src/excel/ownership";
import { SheetState } from "../../src/excel/inspect";
import { fingerprint, SheetContent } from "../../src/report/fingerprint";
import { SheetMark } from "../../src/report/mark";

/**
 * Which of the sheets carrying the mark of one key is the add-in's own, and whether it may be
 * rebuilt: decided from the inspected state alone, so each case is a list of sheet states.
 */
const written: SheetContent = { usedAddress: "A1:B3", formulas: [["Woonduur", ""], ["Jaren", "Aantal"], ["0-1", 1200]], tables: [{ name: "lm_woonduur_woonduur", address: "A2:B3" }], charts: ["Woonduur"] };
const PRINT = fingerprint(written);
const annotated: SheetContent = { ...written, usedAddress: "A1:C3", formulas: [["Woonduur", "", "Let op"], ["Jaren", "Aantal", ""], ["0-1", 1200, ""]] };

function sheet(name: string, id: string, mark: Partial<SheetMark> | null, content: SheetContent | null = written): SheetState {
  return { sheet: {} as Excel.Worksheet, name, id, mark: mark && { key: "woonduur", id: "{1}", name: "Woonduur", print: PRINT, ...mark }, content, charts: [] };
}
const decisions = (candidates: SheetState[]) => decideOwnership(candidates).map((d) => ("renamed" in d ? [d.kind, d.sheet.name, d.renamed] : [d.kind, d.sheet.name]));

describe("whether a sheet is untouched since the add-in wrote it", () => {
  it("is so when its content has the fingerprint in its mark", () => {
    expect(untouched(sheet("Woonduur", "{1}", {}))).toBe(true);
  });

  it.each<[string, SheetState]>([
    ["its content differs", sheet("Woonduur", "{1}", {}, annotated)],
    ["its mark has no fingerprint (an older version's)", sheet("Woonduur", "{1}", { print: null })],
    ["its content was not read (too large)", sheet("Woonduur", "{1}", {}, null)],
    ["it has no mark", sheet("Woonduur", "{1}", null)],
  ])("is not so when %s", (_why, state) => {
    expect(untouched(state)).toBe(false);
  });
});

describe("the one sheet with the mark", () => {
  it("untouched, under its own name: rebuilt", () => {
    expect(decisions([sheet("Woonduur", "{1}", {})])).toEqual([["rebuild", "Woonduur", false]]);
  });

  it("untouched but renamed by the user: rebuilt, and said to be renamed", () => {
    expect(decisions([sheet("Oud", "{1}", {})])).toEqual([["rebuild", "Oud", true]]);
  });

  it("with the user's additions: kept", () => {
    expect(decisions([sheet("Woonduur", "{1}", {}, annotated)])).toEqual([["keep", "Woonduur", false]]);
  });

  it("renamed and annotated: kept, and said to be renamed", () => {
    expect(decisions([sheet("Mijn woonduur", "{1}", {}, annotated)])).toEqual([["keep", "Mijn woonduur", true]]);
  });

  it("is ours whatever its id and name (the workbook was reopened and the sheet renamed)", () => {
    expect(decisions([sheet("Oud", "{9}", {})])).toEqual([["rebuild", "Oud", true]]);
  });

  it("from a mark without a name (an older version's): not said to be renamed, and kept for want of a fingerprint", () => {
    expect(decisions([sheet("Oud", "{1}", { name: null, print: null })])).toEqual([["keep", "Oud", false]]);
  });
});

describe("a sheet and the user's copies of it (Excel copies the mark along)", () => {
  it("within a session: ours is the one whose id is in the mark, wherever it stands", () => {
    expect(decisions([sheet("Woonduur (2)", "{2}", {}), sheet("Woonduur", "{1}", {})])).toEqual([
      ["copy", "Woonduur (2)"],
      ["rebuild", "Woonduur", false],
    ]);
  });

  it("within a session: the id decides even when the user renamed ours and the copy took its name", () => {
    expect(decisions([sheet("Woonduur", "{2}", {}), sheet("Oud", "{1}", {})])).toEqual([
      ["copy", "Woonduur"],
      ["rebuild", "Oud", true],
    ]);
  });

  it("after reopening (new ids): ours is the one that has the name the add-in gave it", () => {
    expect(decisions([sheet("Woonduur (2)", "{7}", {}), sheet("Woonduur", "{8}", {})])).toEqual([
      ["copy", "Woonduur (2)"],
      ["rebuild", "Woonduur", false],
    ]);
  });

  it("written without Excel (no id in the mark): the name decides", () => {
    expect(decisions([sheet("Woonduur", "{7}", { id: null }), sheet("Woonduur (2)", "{8}", { id: null })])).toEqual([
      ["rebuild", "Woonduur", false],
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
      ["rebuild", "Woonduur", false],
    ]);
  });
});
