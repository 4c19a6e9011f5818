import { planPutBack, PutBackInput } from "../../src/excel/put-back";

/** Rows of a small table: [Groep, Waarde]; the key is the Groep. */
const table = (...rows: [string | null, number | null][]) => ({ rows: rows.map(([g, w]) => [g, w]), keys: rows.map(([g]) => g) });
const none = { writes: [], deletes: [], appended: new Set<string>(), appendCount: 0, blankRowsBefore: 0 };

describe("putting a table back after a pull stopped, by key", () => {
  it("writes a figure back into its own row after the user sorted, and leaves a figure the user changed after the write", () => {
    // Before: Pools 1002, Italiaans 1253, Duits 1162. The pull wrote Italiaans 1301 and Duits 1200; then the user sorted Z→A and typed 999 into Duits.
    const input: PutBackInput<string> = {
      ...table(["Duits", 999], ["Italiaans", 1301], ["Pools", 1002]), // sorted Z→A
      ...none,
      writes: [
        { key: "Italiaans", column: 1, wrote: [1301], was: ["Italiaans", 1253], back: ["Italiaans", 1253] },
        { key: "Duits", column: 1, wrote: [1200], was: ["Duits", 1162], back: ["Duits", 1162] },
      ],
      originalRows: 3,
    };
    expect(planPutBack(input)).toEqual({ readd: [], overwrite: [{ row: 1, column: 1, values: [1253] }], remove: [], grown: false });
  });

  it("undoes the later of two writes into the same cells first: after a sort, the pull wrote one row's cells twice", () => {
    // Italiaans was 1253; the pull wrote 1301 into it; the user sorted; the pull then wrote Duits's 1200 into the row where Duits had been, which now holds Italiaans.
    const input: PutBackInput<string> = {
      ...table(["Italiaans", 1200], ["Duits", 1162]),
      ...none,
      writes: [
        { key: "Italiaans", column: 1, wrote: [1301], was: ["Italiaans", 1253], back: ["Italiaans", 1253] },
        { key: "Italiaans", column: 1, wrote: [1200], was: ["Italiaans", 1301], back: ["Italiaans", 1301] },
      ],
      originalRows: 2,
    };
    expect(planPutBack(input).overwrite).toEqual([
      { row: 0, column: 1, values: [1301] },
      { row: 0, column: 1, values: [1253] },
    ]);
  });

  it("adds deleted rows back last deletion first, each where it was, and only those whose key is gone", () => {
    // Before: A B C D E. The pull deleted D (index 3), then B (index 1); C was planned too but the pull stopped before it.
    const input: PutBackInput<string> = {
      ...table(["A", 1], ["C", 3], ["E", 5]),
      ...none,
      deletes: [
        { index: 3, key: "D", values: ["D", 4], row: "D" },
        { index: 1, key: "B", values: ["B", 2], row: "B" },
        { index: 1, key: "C", values: ["C", 3], row: "C" },
      ],
      originalRows: 5,
    };
    expect(planPutBack(input).readd).toEqual([
      { index: 1, row: "B" },
      { index: 3, row: "D" },
    ]);
  });

  it("removes the added rows wherever a sort put them, and blank rows the table grew by but the pull had not filled", () => {
    const input: PutBackInput<string> = {
      ...table(["Nieuw 1", 7], ["A", 1], ["B", 2], [null, null], [null, null]),
      ...none,
      appended: new Set(["Nieuw 1", "Nieuw 2", "Nieuw 3"]),
      appendCount: 3,
      originalRows: 2,
    };
    expect(planPutBack(input)).toEqual({ readd: [], overwrite: [], remove: [4, 3, 0], grown: true });
  });

  it("takes a changed figure out of a blank row a sort had put in its place, and removes that row with the other blank ones", () => {
    // Before: A 1, B 2; the table grew by three rows (one filled: Nieuw). The user sorted the blank
    // rows to the top, and the pull then wrote A's new figure (1301) into the row where A had been: a blank one.
    const input: PutBackInput<string> = {
      ...table([null, 1301], [null, null], ["Nieuw", 7], ["B", 2], ["A", 1]),
      ...none,
      writes: [{ key: null, column: 1, wrote: [1301], was: [null, null], back: ["", ""] }],
      appended: new Set(["Nieuw", "Later 1", "Later 2"]),
      appendCount: 3,
      originalRows: 2,
      keyOf: (row) => (row[0] === null ? null : String(row[0])),
      isBlank: (row) => row.every((cell) => cell === null),
    };
    const decided = planPutBack(input);
    expect(decided.overwrite).toEqual([{ row: 0, column: 1, values: [""] }]);
    expect(decided.remove).toEqual([2, 1, 0]); // Nieuw and the two blank rows: A and B stay
  });

  it("leaves a blank row of the user's that is not at the end, and reports a table that never grew", () => {
    const grownWithGap: PutBackInput<string> = { ...table(["A", 1], [null, null], ["B", 2], ["Nieuw", 3]), ...none, appended: new Set(["Nieuw", "Later"]), appendCount: 2, originalRows: 3, blankRowsBefore: 1 };
    expect(planPutBack(grownWithGap).remove).toEqual([3]);
    const notGrown: PutBackInput<string> = { ...table(["A", 1], ["B", 2]), ...none, appended: new Set(["Nieuw"]), appendCount: 1, originalRows: 2 };
    expect(planPutBack(notGrown)).toEqual({ readd: [], overwrite: [], remove: [], grown: false });
  });

  it("puts back a row a sort had moved into the rows the table grew by and a new row was written over, and removes the blank rows the sort moved up", () => {
    // Before: A 1, B 2, with one blank row of the user's at the end; the pull grew the table by 3 for N1, N2, N3 and wrote N1;
    // the user sorted Z→A (blanks first); the pull wrote N2 over the row B now held (Groep and Waarde, number format "0").
    const input: PutBackInput<string> = {
      ...table([null, null], [null, null], ["N1", 7], [null, null], ["N2", 8], ["A", 1]),
      ...none,
      writes: [{ key: "N2", column: 0, wrote: ["N2", 8], was: ["B", 2], back: ["B", 2], formats: ["@", "0.0"] }],
      appended: new Set(["N1", "N2", "N3"]),
      appendCount: 3,
      originalRows: 3,
      blankRowsBefore: 1,
      keyOf: (row) => (row[0] === null ? null : String(row[0])),
    };
    // B's cells go back into its row, number formats too; N1 goes, and two of the three blank rows (one is the user's), the bottom ones.
    expect(planPutBack(input)).toEqual({ readd: [], overwrite: [{ row: 4, column: 0, values: ["B", 2], formats: ["@", "0.0"] }], remove: [3, 2, 1], grown: true });
  });
});
