import { forTextCells } from "../../src/excel/text-cells";
import { literal } from "../../src/excel/write";

/**
 * Texts written into cells the same request formats as Text ("@") go without a quote prefix:
 * Excel keeps them as text there, and whether it would keep a prefix as a character is not
 * documented (the safe reading: no prefix, the same text either way).
 */
describe("texts for cells formatted as text", () => {
  it("lose the quote prefix a literal gave them, only in Text cells", () => {
    const rows = [[literal("2022"), literal("=1+2"), literal("Italiaans"), 1253], [literal("GM0546"), literal("2022"), literal("12%"), literal("2022-01-01")]];
    const formats = [["@", "@", "@", "General"], ["@", "General", "@", "m/d/yyyy"]];
    expect(forTextCells(rows, formats)).toEqual([
      ["2022", "=1+2", "Italiaans", 1253],
      ["GM0546", "'2022", "12%", "'2022-01-01"],
    ]);
  });

  it("keep the prefix of a text that itself starts with an apostrophe", () => {
    expect(forTextCells([[literal("'s-Gravenhage")]], [["@"]])).toEqual([["''s-Gravenhage"]]);
  });
});
