import fc from "fast-check";
import { FakeCustomFunctionsError, installCustomFunctions } from "../support/custom-functions-fake";

const associated = installCustomFunctions();
// eslint-disable-next-line @typescript-eslint/no-require-imports
require("../../src/functions/functions");

const names = ["Italiaans", "italian", "inwoners", "vestiging", "kinderen", "0-3", "Leiden", "Nederland", "2021/2022", "aandeel", "en", "", " ", "Ω", "=1+1"];
const argument = fc.oneof(
  fc.constantFrom(...names),
  fc.string(),
  fc.integer({ min: -5, max: 3000 }),
  fc.double(),
  fc.constantFrom(null, undefined, true, false, NaN, Infinity),
  fc.array(fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 2 }), { maxLength: 2 }),
  fc.object(),
);

describe("no MONITOR function throws anything but a CustomFunctions.Error", () => {
  it.each([...associated.keys()])("%s", (id) => {
    const fn = associated.get(id) as (...args: unknown[]) => unknown;
    fc.assert(
      fc.property(fc.array(argument, { maxLength: 7 }), (args) => {
        try {
          const result = fn(...args);
          // A value is never a silent 0 for nonsense: numbers are finite, matrices are rows.
          if (typeof result === "number") expect(Number.isFinite(result)).toBe(true);
          else if (Array.isArray(result)) expect(result.every((row) => Array.isArray(row))).toBe(true);
          else expect(typeof result).toBe("string");
        } catch (e) {
          expect(e).toBeInstanceOf(FakeCustomFunctionsError);
          expect(["#VALUE!", "#N/A"]).toContain((e as FakeCustomFunctionsError).code);
          expect((e as Error).message).not.toMatch(/at .*\.(ts|js):\d+/);
          expect((e as Error).message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 300 },
    );
  });
});
