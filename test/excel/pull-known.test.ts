import { compareInSlices, compareWithWorkbook, snapshotOf } from "../../src/data/compare";
import { TABLE_NAMES } from "../../src/data/package";
import { FollowedData, Runner, WorkbookFollower } from "../../src/excel/follow";
import { previewLoad } from "../../src/excel/load-data";
import { fakeRun, WorkbookModel } from "../support/fake-excel";
import { nextEdition } from "../support/package-server";
import { validations } from "../support/validations";
import { asExcel, edition, largePackage, runLoadData, snapshot, tableNamed, userWorkbook } from "../support/workbooks";
import { problemText } from "../../src/text/problems";

/**
 * A pull compares the source with the workbook's tables. The pane follows those tables with live
 * data that has validated them already (src/data/live-data.ts): a pull takes its figures instead
 * of validating the same cells again, and only when the cells read now are the ones it holds.
 */
const next = nextEdition();
const previous = new Set(snapshotOf(edition));
const WAARDE = 6;

async function followed(pkg = edition) {
  const model = userWorkbook();
  await runLoadData(model, pkg);
  const run: Runner = async (body) => (await fakeRun(model, (context) => body(asExcel(context)))).result;
  const follower = new WorkbookFollower(run, edition, () => undefined);
  const data = await follower.readAll();
  if (data.kind !== "found") throw new Error("the tables did not read as valid");
  return { model, follower, live: data.live };
}

const counts = (c: { added: unknown[]; changed: unknown[]; removed: unknown[]; kept: unknown[]; unchanged: number }) => [c.added.length, c.changed.length, c.removed.length, c.kept.length, c.unchanged];

function editCell(model: WorkbookModel, dataRow: number, column: number, value: string | number): void {
  const table = tableNamed(model, TABLE_NAMES.observations);
  if (!table) throw new Error("no MonitorData");
  Object.assign(table.sheet.cell(table.box.row + dataRow, table.box.column + column), { value, formula: null });
}

describe("a pull beside the live data of the workbook's tables", () => {
  it("takes the live data's figures: the same comparison, and no table validated again", async () => {
    const { model, live } = await followed();
    const plain = await validations(() => fakeRun(model, (context) => previewLoad(asExcel(context), next, { previous })));
    const known = await validations(() => fakeRun(model, (context) => previewLoad(asExcel(context), next, { previous, known: live })));
    expect(plain.count).toBe(1);
    expect(known.count).toBe(0);
    if (!plain.result.result.ok || !known.result.result.ok) throw new Error("preview failed");
    expect(counts(known.result.result.comparison)).toEqual([1, 1, 1, 0, 110]);
    expect(known.result.result.comparison).toEqual(plain.result.result.comparison);
    expect(known.result.result.signature).toBe(plain.result.result.signature);
  });

  it("validates the cells when the workbook changed since the live data last heard of it", async () => {
    const { model, live } = await followed();
    editCell(model, 7, WAARDE, 99); // no change event reached the live data
    const known = await validations(() => fakeRun(model, (context) => previewLoad(asExcel(context), next, { previous, known: live })));
    const plain = await fakeRun(model, (context) => previewLoad(asExcel(context), next, { previous }));
    expect(known.count).toBe(1);
    if (!plain.result.ok || !known.result.result.ok) throw new Error("preview failed");
    expect(known.result.result.comparison).toEqual(plain.result.comparison);
    expect(known.result.result.comparison.kept.map((k) => k.row.waarde)).toEqual([99]); // the analyst's edit is kept
  });

  it("an edit the live data followed needs no validation either", async () => {
    const { model, follower, live } = await followed();
    const table = tableNamed(model, TABLE_NAMES.observations);
    if (!table) throw new Error("no MonitorData");
    await follower.watch();
    await model.editTable(TABLE_NAMES.observations, table.box.row + 7, table.box.column + WAARDE, [[99]]);
    const known = await validations(() => fakeRun(model, (context) => previewLoad(asExcel(context), next, { previous, known: live })));
    expect(known.count).toBe(0);
    if (!known.result.result.ok) throw new Error("preview failed");
    expect(known.result.result.comparison.kept.map((k) => k.row.waarde)).toEqual([99]);
  });

  it("reports the problems the live data holds for invalid tables, as a validation would", async () => {
    const model = userWorkbook();
    await runLoadData(model, edition);
    editCell(model, 4, WAARDE, "veel");
    const run: Runner = async (body) => (await fakeRun(model, (context) => body(asExcel(context)))).result;
    const data: FollowedData = await new WorkbookFollower(run, edition, () => undefined).readAll();
    if (data.kind !== "invalid" || !data.live) throw new Error("the tables should read as invalid");
    const before = snapshot(model);
    const known = await validations(() => fakeRun(model, (context) => previewLoad(asExcel(context), next, { previous, known: data.live })));
    const plain = await fakeRun(model, (context) => previewLoad(asExcel(context), next, { previous }));
    expect(known.count).toBe(0);
    expect(known.result.result).toEqual(plain.result);
    expect(known.result.result).toMatchObject({ ok: false, problems: [{ table: "MonitorData", row: 4, column: "Waarde" }] });
    expect(snapshot(model)).toBe(before);
  });

  it("a pull writes as compared with the live data: the source's new figure, the rows it dropped gone", async () => {
    const { model, live } = await followed();
    const { result } = await runLoadData(model, next, { known: live });
    if (!result.ok) throw new Error(result.problems.map((p) => problemText(p, "nl")).join());
    expect(counts(result.comparison)).toEqual([1, 1, 1, 0, 110]);
    const rows = tableNamed(model, TABLE_NAMES.observations);
    const values = rows ? rows.sheet.values(rows.box) : [];
    expect(values.find((r) => r[1] === "inwoners" && r[3] === "Italiaans" && r[5] === "2022")?.[WAARDE]).toBe(1301);
    expect(values).toHaveLength(next.observations.length + 1);
  });
});

describe("the comparison in slices", () => {
  const workbook = largePackage(1200);
  const source = { ...workbook, observations: workbook.observations.map((o, i) => (i % 7 === 0 ? { ...o, waarde: o.waarde + 1 } : o)).slice(0, 1100) };

  it("gives the comparison at once would, pausing between parts and telling how far it is", async () => {
    const fractions: number[] = [];
    let pauses = 0;
    const sliced = await compareInSlices(source, workbook, { previous: new Set(snapshotOf(workbook)), between: async () => void pauses++, onProgress: (f) => fractions.push(f) });
    const whole = compareWithWorkbook(source, workbook, new Set(snapshotOf(workbook)));
    expect(sliced).toEqual(whole);
    expect([sliced.changed.length, sliced.removed.length, sliced.added.length]).toEqual([158, 100, 0]);
    expect(pauses).toBe(fractions.length);
    expect(pauses).toBeGreaterThanOrEqual(Math.floor((2 * 1100 + 2 * 1200) / 250));
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions[fractions.length - 1]).toBeLessThanOrEqual(1);
  });

  it("the live data the functions read stays as it was while a comparison runs", async () => {
    const { live } = await followed();
    const seen: number[] = [];
    await compareInSlices(next, live.package(), { previous, between: async () => void seen.push(live.queries.count("Italiaans", "2022")) });
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set([1253]));
  });
});
