import fc from "fast-check";
import { CellPool } from "../../src/data/shared-cells";

/**
 * Sharing cells changes no value: whatever the rows hold, and however many distinct values a
 * column has (past the number it shares). What it saves, memory, is measured in `npm run bench`.
 */
describe("shared cells", () => {
  it("keeps every cell as it was, in every row and column", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.string({ unit: "binary" }), fc.constantFrom("Bevolking", "", "Leiden", "een toelichting van meer dan dertien tekens")), { minLength: 1, maxLength: 5 })), (rows) => {
        const pool = new CellPool();
        const copies = rows.map((row) => [...row]);
        expect(copies.map((row) => pool.share(row))).toEqual(rows);
      }),
    );
  });

  it("keeps values past the number a column shares", () => {
    const pool = new CellPool();
    const rows = Array.from({ length: 12_000 }, (_, i) => [`Testwijk ${i} met een lange naam`, "aantal"]);
    const shared = rows.map((row) => pool.share([...row]));
    expect(shared).toEqual(rows);
  });
});
