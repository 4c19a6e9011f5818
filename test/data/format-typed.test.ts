import { formatTyped } from "../../src/data/format";

/** A number quoted back to the user in a message, as each language writes it (expected values written out by hand). */
describe("formatTyped", () => {
  it.each([
    [2.5, "2,5", "2.5"],
    [2022, "2022", "2022"],
    [-1234.5, "-1234,5", "-1234.5"],
    [0.125, "0,125", "0.125"],
    [1234567.25, "1234567,25", "1234567.25"],
    [1e-7, "1e-7", "1e-7"],
    [1.5e21, "1,5e+21", "1.5e+21"],
    [NaN, "NaN", "NaN"],
  ])("%p → %s (nl), %s (en)", (value, dutch, english) => {
    expect(formatTyped(value, "nl")).toBe(dutch);
    expect(formatTyped(value, "en")).toBe(english);
  });
});
