/**
 * `npm run bench`, section "edit": what one edit of MonitorData costs on the Excel fake with
 * MONITOR formulas live, at 10,000 and 100,000 rows, the first read of such a workbook, a pull's
 * comparison and Regenerate in the pane (their longest slices). It measures; it asserts nothing
 * (the tests do).
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { performance } from "perf_hooks";
import { runInNewContext } from "vm";
import { snapshotOf } from "../../src/data/compare";
import { yieldToEventLoop } from "../../src/data/slices";
import { liveOf, Runner, WorkbookFollower } from "../../src/excel/follow";
import { loadData, previewLoad } from "../../src/excel/load-data";
import { regenerate } from "../../src/excel/regenerate";
import { functionsLink } from "../../src/taskpane/functions-link";
import { FakeContext, fakeRun, WorkbookModel } from "../../test/support/fake-excel";
import { asExcel, edition, largePackage, userWorkbook } from "../../test/support/workbooks";

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

/** Time spent inside the fake's syncs: Excel's own work, which in Excel does not run on the pane's thread. */
let excelWorkMs = 0;
/** The same in CPU time of the JavaScript thread (see cpuMs). */
let excelCpuMs = 0;

/** Where Linux keeps the CPU time of this process's main thread, the JavaScript thread (its id is the process's). */
const MAIN_THREAD_SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;
const hasSchedstat = (() => {
  try {
    return Number.isFinite(Number(readFileSync(MAIN_THREAD_SCHEDSTAT, "utf8").split(" ")[0]));
  } catch {
    return false;
  }
})();

/**
 * CPU time of the JavaScript thread, in ms: on Linux the main thread's own (the first field of
 * its schedstat, in ns, which the kernel brings up to date at every tick and switch, so to a few
 * ms), elsewhere the whole process's (process.cpuUsage). The process's counts the garbage
 * collector's helper threads too, which mark and sweep a heap of 400-550 MB beside the add-in's
 * work at 100,000 rows (most of it the fake's model of the workbook, which in Excel is not in
 * the pane's heap): a stretch of 1 ms on the clock measured 149 ms of the process's CPU so,
 * and in runs of the same code Regenerate's longest slice 300-800 ms of the process's CPU where
 * the thread's own was 33 ms.
 */
const cpuMs = hasSchedstat
  ? () => Number(readFileSync(MAIN_THREAD_SCHEDSTAT, "utf8").split(" ")[0]) / 1e6
  : () => {
      const used = process.cpuUsage();
      return (used.user + used.system) / 1000;
    };

/** While `work` runs, each fake sync is a round trip (the thread is free during it) whose own work is counted apart. */
async function withRoundTrips<T>(work: () => Promise<T>): Promise<T> {
  const fakeSync = FakeContext.prototype.sync;
  FakeContext.prototype.sync = async function (this: FakeContext) {
    const [start, startCpu] = [performance.now(), cpuMs()];
    try {
      await fakeSync.call(this);
    } finally {
      excelWorkMs += performance.now() - start;
      excelCpuMs += cpuMs() - startCpu;
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  try {
    return await work();
  } finally {
    FakeContext.prototype.sync = fakeSync;
  }
}

/**
 * The longest stretch the add-in's JavaScript held the thread while `work` ran: the gaps between
 * turns of the event loop, less the fake's own syncs (Excel's work, not the pane's). On a shared
 * machine a stretch's wall time grows with the load (the process waits for a core), so the
 * stretch's CPU time on the JavaScript thread is measured too (see cpuMs): the longest one's,
 * which the load does not change.
 *
 * The turns are counted by a ticker that is itself a posted message, as the add-in's pause is
 * (src/data/slices.ts). In a browser every posted message is a task of its own, and the event
 * loop runs other tasks (input, Excel's answers) and renders between two tasks (HTML Standard,
 * "event loop processing model"). Node delivers posted messages in its poll phase, one after
 * another, without passing the check phase where `setImmediate` runs: a `setImmediate` ticker
 * saw two of the add-in's 30 ms slices as one 62 ms stretch, a message ticker sees 31 ms.
 */
async function longestSlice<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; longest: number; longestCpu: number }> {
  let [longest, longestCpu] = [0, 0];
  let [last, lastCpu] = [performance.now(), cpuMs()];
  let [excelAtLast, excelCpuAtLast] = [excelWorkMs, excelCpuMs];
  let running = true;
  const ticker = new MessageChannel();
  const tick = () => {
    const [now, cpu] = [performance.now(), cpuMs()];
    longest = Math.max(longest, now - last - (excelWorkMs - excelAtLast));
    longestCpu = Math.max(longestCpu, cpu - lastCpu - (excelCpuMs - excelCpuAtLast));
    [last, lastCpu, excelAtLast, excelCpuAtLast] = [now, cpu, excelWorkMs, excelCpuMs];
    if (running) ticker.port2.postMessage(null);
  };
  ticker.port1.onmessage = tick;
  ticker.port2.postMessage(null);
  const start = performance.now();
  try {
    const result = await work();
    const ms = performance.now() - start;
    running = false;
    tick();
    return { result, ms, longest, longestCpu };
  } finally {
    running = false;
    ticker.port1.close();
  }
}

type Cell = { results: unknown[]; at: number[] };

/** dist/functions.js as the shared runtime loads it; a formula is entered as Excel invokes a streaming function. */
function loadFunctionsBundle(dist: string): ((id: string, ...args: unknown[]) => Cell) | null {
  const file = join(dist, "functions.js");
  if (!existsSync(file)) return null;
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  const CustomFunctions = { associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn), Error: class extends Error {}, ErrorCode: {} };
  const context: Record<string, unknown> = { CustomFunctions, Office: { onReady: () => undefined } };
  runInNewContext(readFileSync(file, "utf8"), context);
  (globalThis as Record<string, unknown>).LeidenMonitorFunctions = context.LeidenMonitorFunctions; // the pane's side finds them as in the shared runtime
  return (id, ...args) => {
    const cell: Cell = { results: [], at: [] };
    (associated.get(id) as (...a: unknown[]) => unknown)(...args, { setResult: (value: unknown) => (cell.results.push(value), cell.at.push(performance.now())) });
    return cell;
  };
}

export async function benchEdits(dist: string): Promise<void> {
  const formula = loadFunctionsBundle(dist);
  if (!formula) return void console.log("edit: dist/functions.js missing (run npm run build)");
  for (const rows of [10_000, 100_000]) {
    const model = userWorkbook();
    await fakeRun(model, (context) => loadData(asExcel(context), largePackage(rows), { previous: new Set(snapshotOf(edition)) }));
    let syncs = 0;
    const run: Runner = async (body) => {
      const done = await fakeRun(model, (context) => body(asExcel(context)));
      syncs += done.syncs;
      return done.result;
    };
    const follower = new WorkbookFollower(run, edition, functionsLink(() => edition), yieldToEventLoop);
    await withRoundTrips(async () => {
      const first = await longestSlice(() => follower.readAll());
      if (first.result.kind !== "found") throw new Error("the workbook's tables did not read as valid");
      console.log(`first read: ${fmt(rows)} rows, ${syncs} syncs, ${first.ms.toFixed(0)} ms total, longest slice ${first.longest.toFixed(0)} ms (${first.longestCpu.toFixed(0)} ms of the thread's CPU)`);
      await follower.watch();
      const table = model.tables.find((t) => t.name === "MonitorData");
      if (!table) throw new Error("no MonitorData");
      const cells = table.sheet.values(table.box);
      const formulaOf = (r: (string | number | boolean)[]) => formula("VALUE", r[1], r[5], r[3], r[4] || null, r[2], r[7]);
      // A workbook that uses its figures: 1,000 MONITOR formulas live besides the ones watched.
      for (let r = cells.length - 1; r > cells.length - 1001; r--) formulaOf(cells[r]);
      for (const changed of [1, 100]) {
        const from = Math.floor(rows / 2) + changed; // data rows (1 = the first), away from the formulas above
        const watched = Array.from({ length: changed }, (_, i) => formulaOf(cells[from + i]));
        // Each figure changed within its unit's rules (a share stays a fraction), so the table stays valid.
        const values = Array.from({ length: changed }, (_, i) => [cells[from + i][7] === "aandeel" ? Number(cells[from + i][6]) / 2 : Number(cells[from + i][6]) + 1]);
        const before = syncs;
        const edit = await longestSlice(async () => {
          const start = performance.now();
          await model.editTable("MonitorData", table.box.row + from, table.box.column + 6, values);
          return start;
        });
        const answered = watched.map((cell, i) => (cell.results.at(-1) === values[i][0] ? (cell.at.at(-1) as number) : NaN));
        if (answered.some(Number.isNaN)) throw new Error("a formula did not get its new figure");
        const ms = Math.max(...answered) - edit.result;
        console.log(`edit: ${fmt(rows)} rows, ${changed} cell${changed > 1 ? "s" : ""} changed, ${syncs - before} syncs, ${ms.toFixed(1)} ms until the functions answer the new figure, longest blocking slice ${edit.longest.toFixed(1)} ms (${edit.longestCpu.toFixed(1)} ms of the thread's CPU)`);
      }
      await benchPullComparison(model, rows, follower);
      await benchRegenerateSlices(model, rows, follower);
    });
  }
}

/**
 * A pull's comparison (the preview) of a source that changed every tenth figure, with the live
 * data the pane follows the workbook with: the workbook's cells read, found to be the ones the
 * live data holds (nothing validated again), compared in slices.
 */
async function benchPullComparison(model: WorkbookModel, rows: number, follower: WorkbookFollower): Promise<void> {
  const delivered = largePackage(rows);
  const source = { ...delivered, observations: delivered.observations.map((o, i) => (i % 10 === 0 && o.eenheid === "aantal" ? { ...o, waarde: o.waarde + 1 } : o)) };
  const current = follower.current;
  const known = liveOf(current);
  const previous = new Set(snapshotOf(delivered));
  const pull = await longestSlice(() => fakeRun(model, (context) => previewLoad(asExcel(context), source, { previous, known, pause: yieldToEventLoop })));
  if (!pull.result.result.ok) throw new Error("the pull's comparison failed");
  const changed = pull.result.result.comparison.changed.length;
  console.log(`pull comparison: ${fmt(rows)} rows, ${pull.result.syncs} syncs, ${pull.ms.toFixed(0)} ms total, ${fmt(changed)} figures changed, longest slice ${pull.longest.toFixed(0)} ms (${pull.longestCpu.toFixed(0)} ms of the thread's CPU)`);
}

/**
 * Regenerate in the pane, with the pause the pane gives it: first without live data (a workbook
 * the pane has not followed yet: its tables validated in slices, the sheets built beside), then
 * with the live data the pane follows the workbook with (nothing validated again, the sheets
 * now the add-in's, compared with their marks and brought up to date).
 */
async function benchRegenerateSlices(model: WorkbookModel, rows: number, follower: WorkbookFollower): Promise<void> {
  const current = follower.current;
  for (const known of [null, "live" in current ? current.live : null]) {
    const run = await longestSlice(() => fakeRun(model, (context) => regenerate(asExcel(context), { edition, language: "nl", known, yieldToUi: yieldToEventLoop })));
    if (!run.result.result.ok) throw new Error("regenerate failed");
    console.log(`regenerate in the pane: ${fmt(rows)} rows, ${known ? "with" : "without"} live data, ${run.result.syncs} syncs, ${run.ms.toFixed(0)} ms total, longest slice ${run.longest.toFixed(0)} ms (${run.longestCpu.toFixed(0)} ms of the thread's CPU)`);
  }
}
