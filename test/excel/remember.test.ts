import { snapshotOf } from "../../src/data/compare";
import { readSnapshots } from "../../src/excel/snapshot-store";
import { remember, snapshotsFor } from "../../src/taskpane/excel-actions";
import { fakeRun } from "../support/fake-excel";
import { usePaneOnFake } from "../support/pane-on-fake";
import { asExcel, edition } from "../support/workbooks";

/**
 * What a pull leaves with the workbook: where the data came from in the document settings
 * (small), the rows it delivered in the workbook's snapshot store (any size); every save checked.
 */
describe("remembering a pull", () => {
  const pane = usePaneOnFake();
  const source = { kind: "url" as const, location: "https://example.org/datapackage.json", edition: { title: "t", version: "1", date: "2022-01-01" }, pulledAt: "2026-12-01T09:00:00Z" } as never;
  const hashes = (n: number) => Array.from({ length: n }, (_, i) => i.toString(16).padStart(14, "0"));

  it("keeps 140,000 rows' snapshot in the workbook, not in the settings, and finds it after reopening", async () => {
    const snapshot = hashes(140_000);
    await expect(remember(source, snapshot)).resolves.toEqual([]);
    expect(JSON.stringify(Object.fromEntries(pane.settings.saved)).length).toBeLessThan(1000);
    pane.settings.reopen();
    const { previous, others } = await snapshotsFor("url", edition);
    expect(previous.size).toBe(140_000);
    expect(others.size).toBe(0);
  });

  it("says so when the settings could not be saved: Office's number, not its text", async () => {
    pane.settings.failSaves = true;
    await expect(remember(source, hashes(3))).resolves.toEqual([{ kind: "sourceNotSaved", code: 5001 }]);
  });

  it("says so when the workbook refused the snapshot, and keeps the settings' old one", async () => {
    pane.settings.set("LeidenMonitor.snapshots", { edition: "0000000000000a" });
    const run = (globalThis as unknown as { Excel: { run: unknown } }).Excel;
    run.run = async () => {
      throw new Error("GeneralException: the workbook is read-only");
    };
    // An error without Excel's code (not a refusal Excel answered): no code, and never its text.
    await expect(remember(source, hashes(3))).resolves.toEqual([{ kind: "notSaved", code: null }]);
    expect(pane.settings.get("LeidenMonitor.snapshots")).toEqual({ edition: "0000000000000a" });
  });

  it("moves the snapshots an older version left in the settings into the workbook", async () => {
    pane.settings.set("LeidenMonitor.snapshots", { edition: "0000000000000a,0000000000000b", cbs: "0000000000000c" });
    await remember({ ...(source as object), kind: "cbs" } as never, ["0000000000000d"]);
    expect(pane.settings.get("LeidenMonitor.snapshots")).toBeNull();
    const { result } = await fakeRun(pane.model, (context) => readSnapshots(asExcel(context)));
    expect(Object.fromEntries(result)).toEqual({ edition: ["0000000000000a", "0000000000000b"], cbs: ["0000000000000d"] });
  });

  it("never puts back over the workbook's snapshot what an older version left in the settings, when the settings' save had failed", async () => {
    // An older version's snapshots, saved with the document.
    pane.settings.set("LeidenMonitor.snapshots", { edition: "0000000000000a", cbs: "0000000000000c" });
    await new Promise((resolve) => pane.settings.saveAsync(resolve));
    // An edition pull moves them into the workbook with its own, but the settings' save fails (the pane says so)…
    pane.settings.failSaves = true;
    await expect(remember(source, ["0000000000000e", "0000000000000f"])).resolves.toEqual([{ kind: "sourceNotSaved", code: 5001 }]);
    // …so the reopened document has the old settings again, beside the workbook's newer edition snapshot.
    pane.settings.failSaves = false;
    pane.settings.reopen();
    expect(pane.settings.get("LeidenMonitor.snapshots")).toEqual({ edition: "0000000000000a", cbs: "0000000000000c" });
    await expect(remember({ ...(source as object), kind: "cbs" } as never, ["0000000000000d"])).resolves.toEqual([]);
    const { result } = await fakeRun(pane.model, (context) => readSnapshots(asExcel(context)));
    // The edition's is still the pull's: the settings' older one would make the rows it changed the analyst's edits, and a later correction of them would never be applied.
    expect(Object.fromEntries(result)).toEqual({ edition: ["0000000000000e", "0000000000000f"], cbs: ["0000000000000d"] });
    expect(pane.settings.get("LeidenMonitor.snapshots")).toBeNull();
  });

  it("a CBS pull drops rows only within what it asked for; an edition anywhere", async () => {
    expect((await snapshotsFor("cbs", edition)).scope).toBe("pulled");
    expect((await snapshotsFor("url", edition)).scope).toBe("everything");
    expect((await snapshotsFor("file", edition)).scope).toBe("everything");
  });

  it("takes the shipped edition's rows as the edition's when nothing is remembered", async () => {
    const { previous } = await snapshotsFor("shipped", edition);
    expect(previous).toEqual(new Set(snapshotOf(edition)));
  });
});
