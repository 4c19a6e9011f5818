import { inScope, scopeOf } from "../../src/data/pull-scope";
import { Observation } from "../../src/data/types";

const row = (gebied: string, gebiedscode: string, periode: string) => ({ gebied, gebiedscode, periode }) as Observation;

describe("what a pull asked for", () => {
  const scope = scopeOf([row("Delft", "GM0503", "2022"), row("Delft", "GM0503", "2024"), row("Nederland", "NL01", "2022-2024")]);

  it("is its areas (code and name) and the span of its years", () => {
    expect({ areas: [...scope.areas].sort(), first: scope.first, last: scope.last }).toEqual({ areas: ["Delft", "GM0503", "NL01", "Nederland"], first: 2022, last: 2024 });
  });

  it.each([
    ["Delft 2023", row("Delft", "GM0503", "2023"), true],
    ["Delft by code only", row("", "GM0503", "2022"), true],
    ["Nederland's growth over the years asked for", row("Nederland", "NL01", "2022-2024"), true],
    ["Utrecht", row("Utrecht", "GM0344", "2023"), false],
    ["Delft 2021", row("Delft", "GM0503", "2021"), false],
    ["Delft's growth over a longer span", row("Delft", "GM0503", "2018-2024"), false],
    ["a period without a year", row("Delft", "GM0503", "onbekend"), false],
  ])("%s", (_name, o, expected) => {
    expect(inScope(scope, o)).toBe(expected);
  });
});
