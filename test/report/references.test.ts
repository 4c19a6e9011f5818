import { formulasIn, pointsInto } from "../../src/report/references";

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

  it("finds the formulas among cells", () => {
    expect(formulasIn([["=A1", 3, "tekst"], ["", "=B2*2"]])).toEqual(["=A1", "=B2*2"]);
  });
});
