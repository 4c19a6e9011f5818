import fc from "fast-check";
import { Hash53, hash53 } from "../../src/data/hash";
import { jsonInSteps, Replacer } from "../../src/data/json-steps";
import { runSteps } from "../../src/data/slices";

/**
 * The prints kept in every mark are made in steps in the pane (a sheet of thousands of rows
 * must not hold the thread in one piece): the text written in pieces is JSON.stringify's, and
 * the hash of the pieces is the hash of the whole text, or every sheet written before would read
 * as changed by the user.
 */

/** The text jsonInSteps writes, the steps taken to write it, and what it returned. */
function written(value: unknown, replacer?: Replacer, perStep?: number) {
  const pieces: string[] = [];
  const steps = jsonInSteps(value, (text) => pieces.push(text), replacer, perStep);
  let count = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { text: pieces.join(""), steps: count, wrote: step.value };
    count++;
  }
}

const text = fc.oneof(fc.string(), fc.constantFrom("Blad1!A1", "'Mijn blad'!$A$1:$B$2,Blad1!C3", "a,b!c", "!", ",", "__proto__", "0", "10"));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(() => 1), tie("list"), tie("record")),
  list: fc.array(tie("value"), { maxLength: 5 }),
  record: fc.dictionary(text, tie("value"), { maxKeys: 5 }),
})).value;

/** A replacer like the extras print's (an address loses its sheet), and one that changes numbers and drops a key, to see it applied once to every value. */
const withoutSheets: Replacer = (_key, value) => (typeof value === "string" && value.includes("!") ? value.slice(value.lastIndexOf("!") + 1) : value);
const doubling: Replacer = (key, value) => (key === "drop" ? undefined : typeof value === "number" ? value * 2 : value);

describe("JSON written in steps", () => {
  it("is JSON.stringify's text for plain data, with and without a replacer, however many values a step writes", () => {
    fc.assert(
      fc.property(json, fc.constantFrom(undefined, withoutSheets, doubling), fc.integer({ min: 1, max: 4 }), (value, replacer, perStep) => {
        const expected = JSON.stringify(value, replacer);
        const { text: got, wrote } = written(value, replacer, perStep);
        expect(wrote).toBe(expected !== undefined);
        if (expected !== undefined) expect(got).toBe(expected);
        else expect(got).toBe("");
      }),
      { numRuns: 1000 },
    );
  });

  it("applies a replacer once to every value, at every depth, as JSON.stringify does", () => {
    const value = { a: 1, drop: 5, list: [1, [2, { b: 3, drop: 4 }], { c: [5] }], nested: { d: 6, e: [7, undefined, () => 0] } };
    expect(written(value, doubling).text).toBe('{"a":2,"list":[2,[4,{"b":6}],{"c":[10]}],"nested":{"d":12,"e":[14,null,null]}}');
    // A replacer that changes objects: an object written in one piece (an element of an array) is changed once, not twice.
    const counting: Replacer = (_key, v) => (v !== null && typeof v === "object" && typeof (v as { n?: unknown }).n === "number" ? { ...v, n: (v as { n: number }).n + 1 } : v);
    expect(written([{ n: 1 }, { x: { n: 5 } }, [{ n: 7 }]], counting).text).toBe('[{"n":2},{"x":{"n":6}},[{"n":8}]]');
    expect(written({ n: 1, inner: { n: 2 } }, counting).text).toBe('{"n":2,"inner":{"n":3}}');
  });

  it("yields after every so many values, so the steps grow with the cells, not the work of one step", () => {
    // A sheet's cells as Excel reports them: rows of objects, each written in one piece.
    const cells = (rows: number) => Array.from({ length: rows }, (_, r) => Array.from({ length: 4 }, (_, c) => ({ format: { font: { bold: r === 0, name: "Calibri" }, column: c } })));
    expect(written(cells(1000), undefined, 100).steps).toBe(40);
    expect(written(cells(10_000), undefined, 100).steps).toBe(400);
    expect(written({ details: cells(250) }, undefined, 500).steps).toBe(2);
    // Run to its end at once: the same text.
    expect(runSteps(jsonInSteps(cells(3), () => undefined))).toBe(true);
  });
});

describe("hash53 of a text in pieces", () => {
  it("is hash53 of the whole text, wherever it is cut", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { maxLength: 6 }), (pieces) => {
        const hash = new Hash53();
        for (const piece of pieces) hash.add(piece);
        expect(hash.digest()).toBe(hash53(pieces.join("")));
      }),
      { numRuns: 500 },
    );
  });
});
