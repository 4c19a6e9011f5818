import { bulkRowChunks } from "../../src/xlsx/bulk-rows";
import { TablePlan } from "../../src/report/types";

/**
 * The Data sheet's rows past the first as the XML the sheet part gets: each text cell an inline
 * string with its own characters escaped, each number a value, empty cells left out. A text's
 * XML is kept per column once made: a repeated text, and texts past the number kept, must come
 * out as they are all the same.
 */
const table = (rows: TablePlan["rows"], extra: Partial<TablePlan> = {}): TablePlan => ({
  name: "T",
  row: 0,
  column: 0,
  header: rows[0].map((_, c) => `h${c}`),
  rows,
  numberFormats: rows[0].map(() => null),
  widths: rows[0].map(() => 10),
  ...extra,
});

describe("the bulk rows of a data table", () => {
  it("write texts escaped, numbers with their style, and leave empty cells out, the same for a text seen before", () => {
    const rows = [
      ["first", 1, null],
      ["a & b <c>", 2.5, ""],
      ["a & b <c>", -3, "line\nbreak 'quoted' \"twice\""],
      ["x", 4, "line\nbreak 'quoted' \"twice\""],
    ];
    const styles = new Map([["0.0", 7]]);
    const xml = [...bulkRowChunks([table(rows, { numberFormats: [null, "0.0", null] })], 100, styles)].join("");
    const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
    expect(xml).toBe(
      `<row r="3">${text("A3", "a &amp; b &lt;c&gt;")}<c r="B3" s="7"><v>2.5</v></c></row>` +
        `<row r="4">${text("A4", "a &amp; b &lt;c&gt;")}<c r="B4" s="7"><v>-3</v></c>${text("C4", "line&#10;break &apos;quoted&apos; &quot;twice&quot;")}</row>` +
        `<row r="5">${text("A5", "x")}<c r="B5" s="7"><v>4</v></c>${text("C5", "line&#10;break &apos;quoted&apos; &quot;twice&quot;")}</row>`,
    );
  });

  it("write each of more distinct texts than a column keeps, and each repeated after them, as itself", () => {
    const distinct = 25_000;
    const texts = Array.from({ length: distinct }, (_, i) => `naam ${i} & co`);
    const rows = [["first"], ...texts.map((t) => [t]), ...texts.map((t) => [t])];
    const xml = [...bulkRowChunks([table(rows)])].join("");
    const cells = [...xml.matchAll(/<c r="A(\d+)" t="inlineStr"><is><t>([^<]*)<\/t><\/is><\/c>/g)];
    expect(cells).toHaveLength(2 * distinct);
    const wrong = cells.filter(([, row, t], i) => Number(row) !== i + 3 || t !== `naam ${i % distinct} &amp; co`);
    expect(wrong.map((c) => c[0]).slice(0, 3)).toEqual([]);
  });
});
