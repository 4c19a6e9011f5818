import { snapshotOf } from "../../src/data/compare";
import { MonitorPackage } from "../../src/data/types";
import { RuleModel, SheetModel, WorkbookModel } from "../support/fake-excel";
import { editionChanged, pullTexts as texts, refusedAtFirstDelete, sheetRowOf } from "../support/pull-stops";
import { edition, largePackage, loadedWorkbook, runLoadData, snapshot, tableNamed, userWorkbook } from "../support/workbooks";

/**
 * Issue 14: before a pull deletes rows it reads the conditional formats and data validation of
 * the table's sheet, to put them back should the pull stop after deleting
 * (formats-put-back.ts, validations-put-back.ts). Each rule budgeted at the most it can weigh
 * (two formulas of 8,192 characters, about 51 KB), 1,000 one-cell validation lists of a few
 * bytes each were read 81 a sync: 17 syncs more than the same pull without them (8 more for
 * 1,000 one-cell conditional formats, 168 a sync). Now the syncs after the first are sized from
 * the heaviest rule read so far (readItems, batch.ts, as notes and comments are): the rules cost
 * their listing (a count or the validated areas, then the formats' or areas' places: 2 syncs)
 * and 2 syncs of reads, the first at the most 81 or 168 can weigh, the second the rest.
 */
const ROWS = 400;
const RULES = 1_000;
const MB = 1024 * 1024;
const EXCEL_LIMIT = 5 * MB;
const base = largePackage(ROWS);
const next: MonitorPackage = { ...base, observations: base.observations.filter((_, i) => ![50, 150, 350].includes(i)) };
/** The rules' own syncs: two to list them, two to read them (see above). */
const RULE_SYNCS = 4;

/** A formula of exactly 8,192 characters, a formula's most ("Excel specifications and limits"). */
const longFormula = (n: number) => `=LEN("${String(n).padEnd(8_182, "x")}")>0`;

/** `count` one-cell rules in a column beside the table, a row apart (each its own area): `rule(n)` gives the rest of each. */
function beside(column: number, count: number, rule: (n: number) => Omit<RuleModel, "row" | "column" | "rows" | "columns">): RuleModel[] {
  return Array.from({ length: count }, (_, n) => ({ row: 1 + 2 * n, column, rows: 1, columns: 1, ...rule(n) }));
}

const list = (n: number) => ({ type: "List", formula: n % 2 ? "ja,nee" : "=$A$1:$A$3" });

/** A pull that deletes three rows of MonitorData, on a sheet that has the rules `add` puts there: its syncs, its largest response, and the sheet's rules before and after. */
async function pulled(add: (sheet: SheetModel, column: number) => void) {
  const model = userWorkbook();
  await runLoadData(model, base, { previous: new Set(snapshotOf(base)) });
  const data = tableNamed(model, "MonitorData");
  if (!data) throw new Error("no MonitorData");
  add(data.sheet, data.box.column + data.box.columns + 2);
  const before = structuredClone({ formats: data.sheet.conditionalFormats, validations: data.sheet.dataValidations });
  const start = model.batches.length;
  const { result } = await runLoadData(model, next, { previous: new Set(snapshotOf(base)) });
  expect(result.ok).toBe(true);
  const syncs = model.batches.slice(start);
  return { syncs: syncs.length, responses: syncs.map((b) => b.responseBytes), before, after: { formats: data.sheet.conditionalFormats, validations: data.sheet.dataValidations } };
}

const overLimit = (responses: readonly number[]) => responses.filter((bytes) => bytes > EXCEL_LIMIT);

describe("a pull that deletes 3 rows of a sheet with 1,000 small rules", () => {
  it("takes 4 syncs more than without them for 1,000 one-cell validation lists (was 17), and keeps every one", async () => {
    const without = await pulled(() => undefined);
    const lists = await pulled((sheet, column) => sheet.dataValidations.push(...beside(column, RULES, list)));
    expect(lists.after.validations).toHaveLength(RULES);
    expect(lists.after).toEqual(lists.before);
    expect(lists.syncs - without.syncs).toBeLessThanOrEqual(RULE_SYNCS);
    expect(overLimit(lists.responses)).toEqual([]);
  });

  it("takes 4 syncs more for 1,000 one-cell conditional formats (was 8), and keeps every one", async () => {
    const without = await pulled(() => undefined);
    const formats = await pulled((sheet, column) => sheet.conditionalFormats.push(...beside(column, RULES, (n) => ({ type: "Custom", formula: `=$G${n + 2}>${n}` }))));
    expect(formats.after.formats).toHaveLength(RULES);
    expect(formats.after).toEqual(formats.before);
    expect(formats.syncs - without.syncs).toBeLessThanOrEqual(RULE_SYNCS);
    expect(overLimit(formats.responses)).toEqual([]);
  });

  it("one rule among them as long as a formula can be (8,192 characters): the same syncs, and no response over Excel's 5 MB", async () => {
    const without = await pulled(() => undefined);
    const lists = await pulled((sheet, column) => sheet.dataValidations.push(...beside(column, RULES, (n) => (n === 500 ? { type: "Custom", formula: longFormula(n) } : list(n)))));
    expect(lists.after).toEqual(lists.before);
    expect(lists.after.validations[500].formula).toHaveLength(8_192);
    expect(lists.syncs - without.syncs).toBeLessThanOrEqual(RULE_SYNCS);
    expect(overLimit(lists.responses)).toEqual([]);
  });

  it("700 such long rules after 100 short ones: the round sized from the short ones is refused as over 5 MB, read again halved, and the pull goes on", async () => {
    const lists = await pulled((sheet, column) => sheet.dataValidations.push(...beside(column, 800, (n) => (n < 100 ? list(n) : { type: "Custom", formula: longFormula(n) }))));
    expect(lists.after).toEqual(lists.before);
    // The one refused: the rest of the short ones and all the long ones (700 × 8,192 characters); every other response under the limit.
    expect(overLimit(lists.responses)).toHaveLength(1);
    expect(overLimit(lists.responses)[0]).toBeGreaterThan(700 * 8_192);
  });
});

describe("a pull that stops after deleting rows, with 200 small validation lists and one as long as a formula can be over a deleted row", () => {
  it("reads the long one whole among the short ones, in syncs under the limit, and puts it back as it was", async () => {
    const { model, data } = await loadedWorkbook();
    const row = sheetRowOf(data, edition.observations[90]);
    // On the deleted row's Waarde alone: Excel deletes it with the row's cells, so only the read before brings it back.
    // A custom rule (the fake's rule without a type: as the put-back sets one, see FakeDataValidation).
    const long: RuleModel = { row, column: 6, rows: 1, columns: 1, formula: longFormula(0) };
    data.sheet.dataValidations.push(...beside(data.box.column + data.box.columns + 2, 200, list), long);
    const was = structuredClone(data.sheet.dataValidations);
    const before = snapshot(model);
    let gone = false;
    const start = model.batches.length;
    // At 1 MB a sync each delete and its looks at the rules go in a sync of their own, and 20 rules fit at their most.
    const result = await pulledRefused(model, () => (gone = !data.sheet.dataValidations.some((v) => v.formula === long.formula)), 1 * MB);
    expect(gone).toBe(true);
    expect(data.sheet.dataValidations).toEqual(was);
    expect(snapshot(model)).toBe(before);
    expect(texts(result)).toEqual(["Excel refused a change (Excel: GeneralException); the workbook was put back as it was."]);
    expect(overLimit(model.batches.slice(start).map((b) => b.responseBytes))).toEqual([]);

    async function pulledRefused(m: WorkbookModel, then: () => void, syncLimit: number) {
      const onProgress = refusedAtFirstDelete(m, data, data.box.rows + 5, then);
      const { result: r } = await runLoadData(m, editionChanged(edition, 10, [20, 50, 90], 5), { syncLimit, onProgress });
      m.refuse = null;
      return r;
    }
  });
});
