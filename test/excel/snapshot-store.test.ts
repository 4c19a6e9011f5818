import { compareWithWorkbook, rowHash } from "../../src/data/compare";
import { chooseParts, nextGeneration, PART_CHARACTERS, partNamespace, partsOf, readSnapshots, SNAPSHOT_NAMESPACE, writeSnapshot } from "../../src/excel/snapshot-store";
import { FakeContext, fakeRun, WorkbookModel } from "../support/fake-excel";
import { withSyncsRefused } from "../support/refuse-write";
import { asExcel, edition } from "../support/workbooks";

/** The comparison's memory in custom XML parts: any size up to Excel's row limit, written whole or not at all. */
const MB = 1024 * 1024;
const hashes = (n: number) => Array.from({ length: n }, (_, i) => (i * 2654435761 + 12345).toString(16).padStart(14, "0").slice(-14));
const read = (model: WorkbookModel) => fakeRun(model, (context) => readSnapshots(asExcel(context)));
const write = (model: WorkbookModel, group: string, list: string[], generation?: string) => fakeRun(model, (context) => writeSnapshot(asExcel(context), group, list, { generation }));

describe("a new snapshot generation", () => {
  it("is the time of writing when that is above every generation found", () => {
    expect(nextGeneration([{ generation: "1764600000000" }], 1764603600000)).toBe("1764603600000");
    expect(nextGeneration([], 42)).toBe("42");
  });

  it("is one above the largest generation found, of any group, when the clock is behind it", () => {
    expect(nextGeneration([{ generation: "1764600000000" }, { generation: "9" }], 1764596400000)).toBe("1764600000001");
    expect(nextGeneration([{ generation: "99999999999999999999" }], 5)).toBe("100000000000000000000"); // beyond a double's exact integers
  });

  it("written on a computer whose clock is behind the previous writer's is the one read back, though the older parts outlived their delete (review R8)", async () => {
    const model = new WorkbookModel();
    await fakeRun(model, (context) => writeSnapshot(asExcel(context), "edition", ["aa"], { now: 1764600000000 })); // 1 Dec 2026, 14:40 on computer A
    // Excel refuses the third sync: the list, the new part, then the delete. B's clock: an hour behind.
    const { result } = await withSyncsRefused(model, [3], () => fakeRun(model, (context) => writeSnapshot(asExcel(context), "edition", ["bb"], { now: 1764596400000 })));
    expect(result).toEqual({ code: "GeneralException" });
    expect(model.customXmlParts).toHaveLength(2);
    expect((await read(model)).result.get("edition")).toEqual(["bb"]);
  });
});

describe("the snapshot store", () => {
  it("keeps a snapshot as large as Excel's row limit, in syncs under 5 MB each way, not in the settings", async () => {
    const model = new WorkbookModel();
    const big = hashes(1_048_575);
    await write(model, "edition", big);
    expect(model.settings.size).toBe(0);
    expect(model.customXmlParts.length).toBeGreaterThan(10);
    expect(Math.max(...model.customXmlParts.map((p) => p.xml.length))).toBeLessThanOrEqual(PART_CHARACTERS + 200);
    expect(Math.max(...model.batches.map((b) => b.bytes))).toBeLessThan(5 * MB);
    const { result, syncs } = await read(model); // the fake refuses any response over 5 MB
    expect(result.get("edition")).toEqual(big);
    expect(syncs).toBeLessThan(10);
  }, 60_000);

  it("keeps each group's own snapshot, and replaces a group's parts when it is written again", async () => {
    const model = new WorkbookModel();
    await write(model, "edition", ["aa", "bb"], "1");
    await write(model, "cbs", ["cc"], "2");
    await write(model, "edition", ["dd"], "3");
    const { result } = await read(model);
    expect(Object.fromEntries(result)).toEqual({ edition: ["dd"], cbs: ["cc"] });
    expect(model.customXmlParts.map((p) => p.namespaceUri).sort()).toEqual([partNamespace({ group: "cbs", generation: "2", index: 0, count: 1 }), partNamespace({ group: "edition", generation: "3", index: 0, count: 1 })]);
  });

  it("a write that fails halfway leaves the previous snapshot in force; the next write clears its leftovers", async () => {
    const model = new WorkbookModel();
    await write(model, "edition", ["aa"], "1");
    const context = new FakeContext(model);
    let syncs = 0;
    const sync = context.sync.bind(context);
    context.sync = async () => {
      if (++syncs === 3) throw new Error("GeneralException: the workbook could not be saved");
      return sync();
    };
    await expect(writeSnapshot(asExcel(context), "edition", hashes(300_000), { limit: 1024 * 1024 })).rejects.toThrow("GeneralException");
    expect(model.customXmlParts.length).toBeGreaterThan(1); // a part of the new generation got in
    expect((await read(model)).result.get("edition")).toEqual(["aa"]);
    await write(model, "edition", ["bb"], "9");
    expect(model.customXmlParts).toHaveLength(1);
    expect((await read(model)).result.get("edition")).toEqual(["bb"]);
  });

  it("after reopening, a publisher's correction at 140,000 rows is the source's, not the analyst's", async () => {
    const model = new WorkbookModel();
    // A pull of 140,000 rows (about 2 MB of hashes: past what document settings hold): the row
    // the publisher corrects later is the edition's own; the others stand in by their hashes.
    const row = edition.observations[7];
    const snapshot = hashes(140_000);
    snapshot[139_000] = rowHash(row);
    await write(model, "edition", snapshot);
    expect(snapshot.join(",").length).toBeGreaterThan(2 * MB);
    const corrected = { ...row, waarde: row.waarde + 1 };
    // Reopened: a fresh context reads what the workbook holds.
    const previous = new Set((await read(model)).result.get("edition"));
    expect(previous.size).toBe(140_000);
    const c = compareWithWorkbook({ ...edition, observations: [corrected] }, { ...edition, observations: [row] }, previous);
    expect([c.changed.length, c.kept.length]).toEqual([1, 0]);
    expect(c.changed[0].after.waarde).toBe(row.waarde + 1);
  });

  it("a write whose deleting of the older parts is refused leaves two complete generations: the newer one is read", async () => {
    const model = new WorkbookModel();
    await write(model, "edition", ["aa"], "9");
    // writeSnapshot's syncs: the list of parts, the new part, then the deletes of the older ones,
    // which Excel refuses: the new snapshot is saved all the same, and the result says what was left.
    const { result } = await withSyncsRefused(model, [3], () => write(model, "edition", ["bb"], "10"));
    expect(result).toEqual({ code: "GeneralException" });
    expect(model.customXmlParts).toHaveLength(2); // both generations complete
    // The newer by number (10 after 9, not as text), whichever the workbook lists first.
    expect((await read(model)).result.get("edition")).toEqual(["bb"]);
    model.customXmlParts.reverse();
    expect((await read(model)).result.get("edition")).toEqual(["bb"]);
  });

  it("chooses per group the newest complete generation; parts of other namespaces are not its own", () => {
    const part = (group: string, generation: string, index: number, count: number) => ({ id: `${group}${generation}${index}`, group, generation, index, count });
    const { current, stale } = chooseParts([part("edition", "5", 0, 2), part("edition", "7", 0, 2), part("edition", "7", 1, 2), part("edition", "9", 0, 3)]);
    expect(current.get("edition")?.map((p) => p.id)).toEqual(["edition70", "edition71"]);
    expect(stale.map((p) => p.id)).toEqual(["edition50", "edition90"]);
    expect(partsOf("edition", "1", ["ab", "cd", "ef"], 6)).toEqual([`<snapshot xmlns="${SNAPSHOT_NAMESPACE}:edition:1:0:2">ab,cd</snapshot>`, `<snapshot xmlns="${SNAPSHOT_NAMESPACE}:edition:1:1:2">ef</snapshot>`]);
    expect(() => partsOf("edition", "1", ["<x/>"])).toThrow("Not a row hash");
  });
});
