import { rowHeightFor, wrappedLineCount, wrapTexts } from "../../src/report/text-wrap";
import { TextLine } from "../../src/report/types";

/**
 * How high a sheet's text rows are planned (report/text-wrap.ts): the lines a text wraps to in
 * the merged width, the row height for them, and the title's own row. Expected values worked out
 * by hand from the sheet's widths (characters) and the fonts' sizes.
 */
const words = (count: number, length: number) => Array.from({ length: count }, () => "x".repeat(length)).join(" ");

describe("a text's lines and row height", () => {
  // Three columns of 34, 14 and 27 characters and eight of Excel's default 8.43: 142.44 characters of 11-point text a line.
  const widths = [34, 14, 27];
  const columns = 11;

  it("gives a text that fits on one line no height of its own: no spare line below it", () => {
    const line: TextLine = { row: 1, style: "lead", text: words(14, 9) }; // 14 × 9 + 13 spaces = 139 characters
    const [planned] = wrapTexts([line], columns, widths);
    expect(planned).toEqual({ ...line, columns: 11 });
  });

  it("gives a text a character too long for one line a row of two lines", () => {
    const line: TextLine = { row: 1, style: "lead", text: `${words(14, 9)} abc` }; // 143 characters
    const [planned] = wrapTexts([line], columns, widths);
    // Two lines of 11 points: 2 × 11 × 1.4 + 3 = 33.8 points, in whole pixels of 0.75 points: 34.5.
    expect(planned).toEqual({ ...line, columns: 11, height: 34.5 });
  });

  it("counts a source line in 9 points: more of it fits on a line", () => {
    // 142.44 × 11 / 9 = 174 characters of 9-point text a line.
    expect(wrappedLineCount(words(17, 9), 142.44, 9)).toBe(1); // 170 characters
    expect(wrappedLineCount(words(18, 9), 142.44, 9)).toBe(2); // 179 characters
  });

  it("gives the title a row of one 16-point line on every sheet, also one a single column wide", () => {
    const title: TextLine = { row: 0, style: "title", text: "Inschrijvingen bij Expat Centre Leiden" };
    // One line of 16 points: 16 × 1.4 + 3 = 25.4 points, in whole pixels: 25.5 (Segoe UI's line is 21.3; Excel's standard row 15 cuts it).
    expect(wrapTexts([title], columns, widths)).toEqual([{ ...title, height: 25.5 }]);
    expect(wrapTexts([title], 1, [34])).toEqual([{ ...title, height: 25.5 }]);
    expect(rowHeightFor(1, 16)).toBeGreaterThan(21.3);
  });
});
