import { compareWithWorkbook, snapshotOf } from "../../src/data/compare";
import { previewLoad } from "../../src/excel/load-data";
import { fakeRun, WorkbookModel } from "../support/fake-excel";
import { nextEdition } from "../support/package-server";
import { asExcel, edition, largePackage, runLoadData, snapshot, tableNamed, tableValues, userWorkbook } from "../support/workbooks";
import { problemText } from "../../src/text/problems";

const MB = 1024 * 1024;
const next = nextEdition();

async function loaded(): Promise<WorkbookModel> {
  const model = userWorkbook();
  const { result } = await runLoadData(model);
  if (!result.ok) throw new Error("load failed");
  return model;
}

describe("pulling a new edition into a workbook", () => {
  it("is compared first without writing anything, then written as compared", async () => {
    const model = await loaded();
    const data = tableNamed(model, "MonitorData");
    if (!data) throw new Error("no MonitorData");
    // The analyst's own row, typed below the table and taken in by it.
    const own = ["Bevolking", "inwoners", "Leiden", "Turks", "", "2022", 391, "aantal", "BRP", "2022-01-01", "gerapporteerd", "", "Eigen rij"];
    own.forEach((value, c) => Object.assign(data.sheet.cell(data.box.row + data.box.rows, data.box.column + c), { value }));
    data.box = { ...data.box, rows: data.box.rows + 1 };
    const before = snapshot(model);
    const previous = new Set(snapshotOf(edition));
    const preview = await fakeRun(model, (context) => previewLoad(asExcel(context), next, { previous }));
    expect(snapshot(model)).toBe(before);
    if (!preview.result.ok) throw new Error("preview failed");
    const c = preview.result.comparison;
    expect([c.added.length, c.changed.length, c.removed.length, c.kept.length]).toEqual([1, 1, 1, 1]);
    expect(c.changed[0]).toMatchObject({ before: { waarde: 1253 }, after: { waarde: 1301 } });

    const { result } = await runLoadData(model, next, { expected: preview.result.signature });
    if (!result.ok) throw new Error(result.problems.map((p) => problemText(p, "nl")).join());
    const rows = tableValues(model, "MonitorData");
    expect(rows.find((r) => r[3] === "Italiaans" && r[5] === "2022" && r[1] === "inwoners")?.[6]).toBe(1301);
    expect(rows.find((r) => r[3] === "Italiaans" && r[5] === "2023")?.[6]).toBe(1350);
    expect(rows.find((r) => r[3] === "Turks")?.[6]).toBe(391);
    expect(rows).toHaveLength(next.observations.length + 2); // the edition's rows, the analyst's row, the header
    // Pulled again with the snapshot the first pull left: nothing to do.
    const again = compareWithWorkbook(next, { ...next, observations: [...next.observations] }, new Set(result.comparison.snapshot));
    expect([again.added.length, again.changed.length, again.removed.length]).toEqual([0, 0, 0]);
  });

  it("writes nothing when the workbook changed between the comparison and the confirmation", async () => {
    const model = await loaded();
    const preview = await fakeRun(model, (context) => previewLoad(asExcel(context), next, { previous: new Set(snapshotOf(edition)) }));
    const data = tableNamed(model, "MonitorData");
    Object.assign(data?.sheet.cell((data?.box.row ?? 0) + 7, 6) ?? {}, { value: 99 }); // an edit in between
    const before = snapshot(model);
    const { result } = await runLoadData(model, next, { expected: preview.result.ok ? preview.result.signature : "" });
    expect(!result.ok && problemText(result.problems[0], "nl")).toBe("De werkmap is veranderd sinds de vergelijking; er is niets geschreven. Vergelijk opnieuw.");
    expect(snapshot(model)).toBe(before);
  });
});

describe("at any size", () => {
  it("writes 100,000 rows in syncs of less than 5 MB each, more syncs only for more data", async () => {
    const big = largePackage(100_000);
    const model = userWorkbook();
    const { result, syncs } = await runLoadData(model, big);
    expect(result.ok).toBe(true);
    const writes = model.batches.filter((b) => b.bytes > 0);
    expect(Math.max(...writes.map((b) => b.bytes))).toBeLessThan(5 * MB);
    expect(writes.length).toBeGreaterThan(2);
    expect(tableNamed(model, "MonitorData")?.box.rows).toBe(100_001);
    expect(tableValues(model, "MonitorData")[100_000][2]).toBe(big.observations[99_999].gebied);
    const small = await runLoadData(userWorkbook());
    expect(small.syncs).toBeLessThan(syncs);
  }, 60_000);

  it("gives the same workbook in small chunks as in one", async () => {
    const whole = userWorkbook();
    await runLoadData(whole, next);
    const chunked = userWorkbook();
    const { syncs } = await runLoadData(chunked, next, { syncLimit: 8 * 1024 });
    expect(snapshot(chunked)).toBe(snapshot(whole));
    expect(syncs).toBeGreaterThan(5);
    expect(Math.max(...chunked.batches.map((b) => b.bytes))).toBeLessThan(16 * 1024);
  });
});

describe("a cancel while writing", () => {
  it("leaves a refreshed workbook as it was, the user's cells below the table included", async () => {
    const model = await loaded();
    const data = tableNamed(model, "MonitorData");
    if (!data) throw new Error("no MonitorData");
    Object.assign(data.sheet.cell(data.box.row + data.box.rows + 1, 0), { value: "Mijn opmerking onder de tabel" });
    const before = snapshot(model);
    const cancel = new AbortController();
    const big = largePackage(3000); // grows the table: rows are inserted, then the cancel comes
    const { result } = await runLoadData(model, big, { syncLimit: 16 * 1024, signal: cancel.signal, onProgress: (fraction) => void (fraction > 0.3 && cancel.abort()) });
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
    expect(snapshot(model)).toBe(before);
  });

  it("removes what a first load had made", async () => {
    const model = userWorkbook();
    const before = snapshot(model);
    const cancel = new AbortController();
    const { result } = await runLoadData(model, largePackage(3000), { syncLimit: 16 * 1024, signal: cancel.signal, onProgress: (fraction) => void (fraction > 0.3 && cancel.abort()) });
    expect(result).toMatchObject({ ok: false, cancelled: true });
    expect(snapshot(model)).toBe(before);
  });
});
