import { formulasIn, pointsInto, threeDReferences } from "../../src/report/references";

describe("whether a formula points into a sheet", () => {
  it.each([
    ["=Nationaliteiten!B6", true],
    ["=SUM(nationaliteiten!B6:B8)*2", true],
    ["='Regio en Nederland'!B6", false],
    ["=MijnNationaliteiten!B6", false],
    ["=B6", false],
    ["=INDEX(lm_nationaliteiten_aantal[Inwoners],1)", true],
    ["=ROWS(lm_nationaliteiten_aantal)", true],
    ["=ROWS(lm_nationaliteiten_aantal_2)", false],
  ])("%s → %s", (formula, expected) => {
    expect(pointsInto(formula, "Nationaliteiten", ["lm_nationaliteiten_aantal"])).toBe(expected);
  });

  it("knows quoted names, with an apostrophe doubled", () => {
    expect(pointsInto("='Regio en Nederland'!B6", "Regio en Nederland")).toBe(true);
    expect(pointsInto("=SUM('Kinderen ''22'!A1)", "Kinderen '22")).toBe(true);
    expect(pointsInto("=Regio!B6", "Regio en Nederland")).toBe(false);
  });

  describe("3-D references (=SUM(Kinderen:Werknemers!B6)): the first and last sheet and every sheet between them", () => {
    const order = ["Mijn analyse", "Data", "Kinderen", "Nationaliteiten", "Expat Centre", "Werknemers", "Studenten"];
    it.each([
      ["=SUM(Nationaliteiten:Werknemers!B6)", "Nationaliteiten", true],
      ["=SUM(Kinderen:Werknemers!B6)", "Expat Centre", true],
      ["=SUM('Kinderen:Expat Centre'!B6)", "Kinderen", true],
      ["=SUM('Kinderen:Expat Centre'!B6)", "Nationaliteiten", true],
      ["=SUM('Kinderen:Expat Centre'!B6)", "Expat Centre", true],
      ["=SUM(Werknemers:Kinderen!B6)", "Nationaliteiten", true],
      ["=SUM('Kinderen:Expat Centre'!B6)", "Werknemers", false],
      ["=SUM(Nationaliteiten:Werknemers!B6)", "Studenten", false],
      ["=SUM(B1:B3)+Werknemers!B6", "Nationaliteiten", false],
    ])("%s points into %s: %s", (formula, sheet, expected) => {
      expect(pointsInto(formula, sheet, [], order)).toBe(expected);
    });

    it("an end that is not among the sheets, or no order known, counts as every sheet (the safe side)", () => {
      expect(pointsInto("=SUM(Oud:Werknemers!B6)", "Studenten", [], order)).toBe(true);
      expect(pointsInto("=SUM(Kinderen:Werknemers!B6)", "Studenten")).toBe(true);
    });

    it("are read with both ends, quoted or not", () => {
      expect(threeDReferences("=SUM(Kinderen:Werknemers!B6)+SUM('Regio en Nederland:Woonduur'!C2)+Data!A1")).toEqual([
        ["Regio en Nederland", "Woonduur"],
        ["Kinderen", "Werknemers"],
      ]);
    });
  });

  it("a reference made from text (INDIRECT) counts as pointing into every sheet: which one it reads is known only when Excel calculates (review R6)", () => {
    expect(pointsInto(`=INDIRECT("'"&A6&"'!B6")`, "Nationaliteiten")).toBe(true);
    expect(pointsInto("=SUM(indirect(A1))", "Woonduur")).toBe(true);
    expect(pointsInto("=MIJNINDIRECT(A1)", "Woonduur")).toBe(false); // a name that only ends in INDIRECT
    expect(pointsInto("=A1*2", "Woonduur")).toBe(false);
  });

  it("finds the formulas among cells", () => {
    expect(formulasIn([["=A1", 3, "tekst"], ["", "=B2*2"]])).toEqual(["=A1", "=B2*2"]);
  });
});
