import fc from "fast-check";
import { FakeCustomFunctionsError, invoke, loadedFunctions } from "../support/custom-functions-fake";
import { shippedPackage } from "../support/fixtures";

const { functions: associated, api } = loadedFunctions();
api.resetData(shippedPackage()); // a workbook without monitor tables

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

describe("no MONITOR function answers anything but a value or a CustomFunctions.Error", () => {
  it.each([...associated.keys()])("%s", (id) => {
    const fn = associated.get(id) as (...args: unknown[]) => unknown;
    fc.assert(
      fc.property(fc.array(argument, { maxLength: 7 }), (args) => {
        const cell = invoke(fn, ...args);
        cell.cancel();
        expect(cell.results).toHaveLength(1); // answered at once, exactly once
        const result = cell.results[0];
        if (result instanceof Error) {
          expect(result).toBeInstanceOf(FakeCustomFunctionsError);
          expect(["#VALUE!", "#N/A"]).toContain((result as FakeCustomFunctionsError).code);
          expect(result.message).not.toMatch(/at .*\.(ts|js):\d+/);
          expect(result.message.length).toBeGreaterThan(10);
        }
        // A value is never a silent 0 for nonsense: numbers are finite, matrices are rows.
        else if (typeof result === "number") expect(Number.isFinite(result)).toBe(true);
        else if (Array.isArray(result)) expect(result.every((row) => Array.isArray(row))).toBe(true);
        else expect(typeof result).toBe("string");
      }),
      { numRuns: 300 },
    );
  });
});
