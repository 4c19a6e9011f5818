import { snapshotOf } from "../../src/data/compare";
import { MonitorPackage } from "../../src/data/types";
import { problemText } from "../../src/text/problems";
import { largePackage, runLoadData, snapshot, tableNamed, userWorkbook } from "../support/workbooks";

/**
 * Issue 14, review of a4a61c5 (finding 5): the comments are counted in one sync and read by
 * position in the next. An analyst who deletes a comment between the two (resolving a thread and
 * deleting it, say) makes the last getItemAt point past the end (Excel: ItemNotFound), which
 * stopped the pull with "Excel refused a change; the workbook was put back", though only reads
 * had run. Now they are counted and read again, once (src/excel/notes-comments-read.ts).
 */
const ROWS = 60;
const base = largePackage(ROWS);
const next: MonitorPackage = { ...base, observations: base.observations.filter((_, i) => i !== 20) };

describe("a comment deleted between the count and the read of a pull that deletes rows", () => {
  it("the pull goes on or stops with a message that says what happened", async () => {
    const outcomes: string[] = [];
    for (let k = 1; k <= 8; k++) {
      const model = userWorkbook();
      await runLoadData(model, base, { previous: new Set(snapshotOf(base)) });
      const data = tableNamed(model, "MonitorData");
      if (!data) throw new Error("no MonitorData");
      for (let n = 0; n < 3; n++) data.sheet.comments.push({ row: data.box.row + 30 + n, column: 3, text: `Zie bron ${n}`, author: "Anna", date: "2026-11-03T09:15:00.000Z", resolved: false, replies: [] });
      let syncs = 0;
      model.meanwhile = () => {
        if (++syncs === k) data.sheet.comments.shift();
      };
      const before = snapshot(model);
      const { result } = await runLoadData(model, next, { previous: new Set(snapshotOf(base)) }).finally(() => (model.meanwhile = null));
      outcomes.push(`${k}: ${result.ok ? "ok" : result.problems.map((p) => problemText(p, "en")).join(" | ")}${snapshot(model) === before ? " (unchanged)" : ""}`);
    }
    expect(outcomes.filter((o) => /ItemNotFound/.test(o))).toEqual([]);
    // One comment gone between the count and the read: counted again and read again, the pull goes on.
    expect(outcomes.filter((o) => !/^\d: ok/.test(o))).toEqual([]);
  });
});

describe("comments deleted at every sync of a pull that deletes rows", () => {
  it("read again once, then stop with nothing written and a message that says the workbook changed", async () => {
    const model = userWorkbook();
    await runLoadData(model, base, { previous: new Set(snapshotOf(base)) });
    const data = tableNamed(model, "MonitorData");
    if (!data) throw new Error("no MonitorData");
    for (let n = 0; n < 40; n++) data.sheet.comments.push({ row: data.box.row + 1 + n, column: 3, text: `Zie bron ${n}`, author: "Anna", date: "2026-11-03T09:15:00.000Z", resolved: false, replies: [] });
    const cells = JSON.stringify(data.sheet.values(data.box));
    let syncs = 0;
    // The analyst deletes a comment before every sync: each count is stale by the read that follows it.
    model.meanwhile = () => {
      syncs++;
      data.sheet.comments.pop();
    };
    const { result } = await runLoadData(model, next, { previous: new Set(snapshotOf(base)) }).finally(() => (model.meanwhile = null));
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => problemText(p, "en"))).toEqual(["The workbook has changed since the comparison; nothing was written. Compare again."]);
    expect(problems.map((p) => problemText(p, "nl"))).toEqual(["De werkmap is veranderd sinds de vergelijking; er is niets geschreven. Vergelijk opnieuw."]);
    // Nothing written: the table as it was, the comments the analyst left.
    expect(JSON.stringify(data.sheet.values(data.box))).toBe(cells);
    expect(data.sheet.comments).toHaveLength(40 - syncs);
  });
});
