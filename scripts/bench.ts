/**
 * `npm run bench`: prints performance figures. Benchmarks measure; they do not assert (the
 * tests assert behaviour). Each section is a function so later features add their own.
 */
import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { cpus, loadavg, tmpdir } from "os";
import { join } from "path";
import { performance } from "perf_hooks";
import { runInNewContext } from "vm";
import * as ExcelJS from "exceljs";
import { buildPlan } from "../src/report/plan";
import { renderXlsx } from "../src/xlsx/workbook";
import { regenerate } from "../src/excel/regenerate";
import { fakeRun } from "../test/support/fake-excel";
import { asExcel, edition, largePackage, userWorkbook } from "../test/support/workbooks";
import { OBSERVATION_COLUMNS, tableCells } from "../src/data/columns";
import { snapshotOf } from "../src/data/compare";
import { writeCsv } from "../src/data/csv";
import { loadData } from "../src/excel/load-data";
import { pullFromCbs } from "../src/sources/cbs/pull";
import { startCbsServer } from "../test/support/cbs-server";
import { parsePackageCsv } from "../src/data/package-csv";
import { MonitorStore } from "../src/data/store";
import { MonitorPackage } from "../src/data/types";
import { readPackageTexts, DEFAULT_PACKAGE } from "./lib/read-package";
import { benchEdits } from "./lib/bench-edits";

function timeIt<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

/** CPU time of this process (user and system, all its threads), in seconds. */
function cpuSeconds(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
}

/**
 * Calls per second of `call`, run for about `seconds` of CPU time: per second of the process's
 * CPU time, not of the clock, which on a shared machine also counts the time the process waits
 * for a core (the garbage collector's threads count in, so the figure errs low).
 */
export function perSecond(call: (i: number) => unknown, seconds = 1): number {
  let calls = 0;
  const start = cpuSeconds();
  while (cpuSeconds() - start < seconds) {
    for (let i = 0; i < 1000; i++) call(i);
    calls += 1000;
  }
  return calls / (cpuSeconds() - start);
}

export const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

function benchStore(pkg: MonitorPackage): void {
  for (let i = 0; i < 20; i++) new MonitorStore(pkg); // warm up the JIT
  const runs = 200;
  const { ms } = timeIt(() => {
    for (let i = 0; i < runs; i++) new MonitorStore(pkg);
  });
  console.log(`store build: ${(ms / runs).toFixed(3)} ms (${pkg.observations.length} figures, mean of ${runs})`);
  const store = new MonitorStore(pkg);
  const cells = pkg.observations.map((o) => ({ indicator: o.indicator, area: o.gebied, group: o.groep, age: o.leeftijd, period: o.periode }));
  console.log(`lookup: ${fmt(perSecond((i) => store.get(cells[i % cells.length])))} per second of CPU time`);
}

const DIST = join(__dirname, "..", "..", "dist");

/** The shipped dist/functions.js, loaded as Excel's runtime loads it, called as Excel calls it. */
function benchFunctions(shipped: MonitorPackage): void {
  const file = join(DIST, "functions.js");
  if (!existsSync(file)) {
    console.log("functions: dist/functions.js missing (run npm run build)");
    return;
  }
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  class ExcelError extends Error {}
  const CustomFunctions = { associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn), Error: ExcelError, ErrorCode: {} };
  const context: Record<string, unknown> = { CustomFunctions, Office: { onReady: () => undefined } };
  runInNewContext(readFileSync(file, "utf8"), context);
  // A workbook without monitor tables: the functions answer from the shipped edition, which the
  // pane hands over. Each call is one formula entered (a streaming invocation, answered at once)
  // and removed again.
  (context.LeidenMonitorFunctions as { resetData(edition: MonitorPackage): void }).resetData(shipped);
  const fn = (id: string) => {
    const streaming = associated.get(id) as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => {
      let result: unknown;
      const invocation: { setResult: (value: unknown) => void; onCanceled?: () => void } = { setResult: (value) => (result = value) };
      streaming(...args, invocation);
      invocation.onCanceled?.();
      return result;
    };
  };
  const groups = ["Italiaans", "Duits", "Pools", "Brits", "Chinees", "Frans", "Spaans", "Amerikaans", "Syrisch", "Overig"];
  fn("COUNT")("Italiaans", 2022); // builds the store once, as the first formula in Excel would
  const cases: [string, (i: number) => unknown][] = [
    ["COUNT", (i) => fn("COUNT")(groups[i % 10], 2022)],
    ["SHARE", (i) => fn("SHARE")(groups[i % 10], 2022)],
    ["VALUE", (i) => fn("VALUE")("vestiging", 2012 + (i % 10))],
    ["TEXT", (i) => fn("TEXT")("inwoners", 2022, groups[i % 10])],
  ];
  for (const [name, call] of cases) console.log(`${name}: ${fmt(perSecond(call))} calls per second of CPU time`);
  console.log(`dist/functions.js: ${(statSync(file).size / 1000).toFixed(1)} KB minified`);
}

/** The CLI's work: plan + exceljs + chart parts, as `npm run workbook` does it (without the disk write). */
async function benchWorkbook(pkg: MonitorPackage): Promise<void> {
  await renderXlsx(buildPlan(pkg, { language: "nl" }), ExcelJS); // warm up
  const runs = 5;
  const start = performance.now();
  let size = 0;
  for (let i = 0; i < runs; i++) size = (await renderXlsx(buildPlan(pkg, { language: "nl" }), ExcelJS)).length;
  console.log(`workbook: ${((performance.now() - start) / runs).toFixed(0)} ms (${(size / 1024).toFixed(0)} KB .xlsx, mean of ${runs})`);
}

const MB = 1024 * 1024;
const SIZES = [112, 10_000, 100_000];

/**
 * Load data and regenerate on the fake Excel for growing data: the syncs grow with the payload
 * only, and no sync carries 5 MB (Excel on the web's limit).
 */
async function benchExcel(): Promise<void> {
  for (const rows of SIZES) {
    const data = largePackage(rows);
    const model = userWorkbook();
    const largest = (from: number) => Math.max(...model.batches.slice(from).map((b) => b.bytes)) / MB;
    let start = performance.now();
    const load = await fakeRun(model, (context) => loadData(asExcel(context), data, { previous: new Set(snapshotOf(edition)) }));
    if (!load.result.ok) throw new Error("load data failed");
    console.log(`load data: ${fmt(rows)} rows, ${load.syncs} syncs, largest sync ${largest(0).toFixed(2)} MB, ${(performance.now() - start).toFixed(0)} ms`);
    const before = model.batches.length;
    start = performance.now();
    const again = await fakeRun(model, (context) => regenerate(asExcel(context), { edition, language: "nl" }));
    if (!again.result.ok) throw new Error("regenerate failed");
    console.log(`regenerate: ${fmt(rows)} rows, ${again.syncs} syncs, largest sync ${largest(before).toFixed(2)} MB, ${(performance.now() - start).toFixed(0)} ms`);
  }
}

/** The store the functions read, at 100,000 rows: build time and look-ups per second. */
function benchLargeStore(): void {
  const data = largePackage(100_000);
  new MonitorStore(data); // warm up
  const { ms } = timeIt(() => new MonitorStore(data));
  const store = new MonitorStore(data);
  const cells = data.observations.map((o) => ({ indicator: o.indicator, area: o.gebied, group: o.groep, age: o.leeftijd, period: o.periode }));
  console.log(`store build: ${ms.toFixed(0)} ms (100,000 figures); lookup: ${fmt(perSecond((i) => store.get(cells[(i * 7919) % cells.length])))} per second of CPU time`);
}

/**
 * The flags `npm run workbook` gives node (package.json): `--expose-gc`, for the collections
 * between its phases (scripts/lib/load.ts). Semi-spaces of 32 MB (`--max-semi-space-size=32`)
 * and `--single-threaded-gc` were tried on 3 December: no difference in user CPU time that
 * stood out of the runs' spread, for 55 MB more peak memory (README, Benchmarks).
 */
const WORKBOOK_NODE_FLAGS = ["--expose-gc"];

/** A package folder like the shipped one, with `rows` generated figures; removed by the caller. */
function largePackageFolder(rows: number): string {
  const folder = mkdtempSync(join(tmpdir(), "leiden-monitor-bench-"));
  for (const name of readdirSync(DEFAULT_PACKAGE)) copyFileSync(join(DEFAULT_PACKAGE, name), join(folder, name));
  writeFileSync(join(folder, "observations.csv"), writeCsv(tableCells(OBSERVATION_COLUMNS, largePackage(rows).observations)));
  return folder;
}

interface CliRun {
  ms: number;
  peakMb: number;
  cpuS: number;
  userS: number;
  xlsxMb: number;
}

/**
 * `npm run workbook` as a process on a package folder: read, validate, render, write, with the
 * flags `npm run workbook` gives node. Time is the process's wall clock; peak memory its own
 * maxrss, CPU time its own (report-peak-rss.js).
 */
function runWorkbookCli(folder: string): CliRun {
  const preload = join(__dirname, "..", "..", "test", "support", "report-peak-rss.js");
  const start = performance.now();
  const run = spawnSync(process.execPath, [...WORKBOOK_NODE_FLAGS, "--require", preload, join(__dirname, "workbook.js"), "--data", folder, "--out", join(folder, "out.xlsx")], { encoding: "utf8", maxBuffer: 64 * MB });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`workbook CLI failed: ${run.stderr}`);
  const peakMb = Number(/peak-rss-kib (\d+)/.exec(run.stderr)?.[1]) / 1024;
  const cpuS = Number(/cpu-us (\d+)/.exec(run.stderr)?.[1]) / 1e6;
  const userS = Number(/user-us (\d+)/.exec(run.stderr)?.[1]) / 1e6;
  return { ms, peakMb, cpuS, userS, xlsxMb: statSync(join(folder, "out.xlsx")).size / MB };
}

const describeRun = (rows: number, r: CliRun) =>
  `workbook CLI: ${fmt(rows)} rows in ${(r.ms / 1000).toFixed(1)} s, peak ${fmt(r.peakMb)} MB (${r.xlsxMb.toFixed(1)} MB .xlsx; ${r.cpuS.toFixed(1)} s of CPU time, ${r.userS.toFixed(2)} s of it user)`;

function benchWorkbookCli(rows: number): void {
  const folder = largePackageFolder(rows);
  try {
    console.log(describeRun(rows, runWorkbookCli(folder)));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * `npm run bench -- workbook [RUNS]`: the workbook command alone at 100,000 rows, RUNS times
 * (5 unless told), each run and the medians, with the machine's load before each run: on a
 * shared machine one run says little, and user CPU time is the figure that waits for no core.
 */
function benchWorkbookCliRuns(runs: number): void {
  const rows = 100_000;
  const folder = largePackageFolder(rows);
  try {
    const results: CliRun[] = [];
    for (let i = 0; i < runs; i++) {
      const load = loadavg()[0].toFixed(1);
      const r = runWorkbookCli(folder);
      results.push(r);
      console.log(`${describeRun(rows, r)}, load average ${load}`);
    }
    const median = (of: (r: CliRun) => number) => {
      const sorted = results.map(of).sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    };
    console.log(`workbook CLI, medians of ${runs}: user ${median((r) => r.userS).toFixed(2)} s, CPU ${median((r) => r.cpuS).toFixed(2)} s, wall ${(median((r) => r.ms) / 1000).toFixed(2)} s, peak ${fmt(median((r) => r.peakMb))} MB`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A CBS pull of 2 municipalities × 13 years (nationality, and herkomst from 2022) against the local stand-in (synthetic figures). */
async function benchCbs(): Promise<void> {
  const cbs = await startCbsServer();
  try {
    let requests = 0;
    const start = performance.now();
    const result = await pullFromCbs({ areas: ["Leiden", "Delft"], from: 2012, to: 2024 }, { baseUrl: cbs.url, fetch: (input, init) => fetch(input, init), onRequest: () => void requests++ });
    if (!result.ok) throw new Error("CBS pull failed");
    console.log(`cbs pull: 2 municipalities × 13 years, 85644NED and 85458NED, ${requests} requests, ${(performance.now() - start).toFixed(0)} ms, ${result.value.package.observations.length} figures (local stand-in)`);
  } finally {
    await cbs.close();
  }
}

/**
 * The JavaScript the pane loads before it is usable, from dist/chunk-groups.json (webpack's
 * chunk groups): in a browser preview taskpane.html's two scripts; in Excel also the "excel"
 * chunk, which the pane imports at once to read the workbook and point the functions at it
 * (test/e2e/taskpane.e2e.test.ts checks that these are the files the pane asks for). Everything
 * else (a pull's readers, Regenerate, the PivotTable, the sheets' plan, exceljs) loads on demand.
 */
function benchBundles(): void {
  const size = (name: string) => (existsSync(join(DIST, name)) ? statSync(join(DIST, name)).size : NaN);
  const groupsFile = join(DIST, "chunk-groups.json");
  if (!existsSync(groupsFile)) {
    console.log("task pane: dist/chunk-groups.json missing (run npm run build)");
    return;
  }
  const groups = JSON.parse(readFileSync(groupsFile, "utf8")) as Record<string, string[]>;
  const kb = (files: string[]) => (files.reduce((sum, file) => sum + size(file), 0) / 1000).toFixed(1);
  const listed = (files: string[]) => files.map((file) => `${file.replace(/^chunks\/|\.[0-9a-f]{8}\.js$/g, "")} ${kb([file])} KB`).join(" + ");
  const preview = [...groups.functions, ...groups.taskpane];
  const excel = [...new Set([...preview, ...(groups.excel ?? [])])];
  console.log(`task pane initial JavaScript: ${kb(excel)} KB in Excel (${listed(excel)}), ${kb(preview)} KB in a browser; on demand: a pull's readers, Regenerate, the PivotTable, the sheets' plan ${kb(groups.plan ?? [])} KB, exceljs ${kb(groups.exceljs ?? [])} KB`);
}

/**
 * `npm run bench -- functions` stops after the functions' figures (the package, the store, the
 * functions, the bundle's size): without the minutes the rest takes, to measure them several times.
 */
const FUNCTIONS_ONLY = process.argv[2] === "functions";

async function main(): Promise<void> {
  // Wall-clock figures depend on what else runs: the machine and its load say how to read them.
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(", ")} (1, 5, 15 minutes), node ${process.version}`);
  if (process.argv[2] === "workbook") {
    const runs = process.argv[3] === undefined ? 5 : Number(process.argv[3]);
    if (!Number.isInteger(runs) || runs < 1) throw new Error(`bench workbook: RUNS must be a whole number of at least 1, not ${process.argv[3]}`);
    benchWorkbookCliRuns(runs);
    return;
  }
  const texts = readPackageTexts(DEFAULT_PACKAGE);
  const parsed = timeIt(() => parsePackageCsv(texts));
  if (!parsed.result.ok) throw new Error("shipped package invalid");
  console.log(`package parse + validate: ${parsed.ms.toFixed(1)} ms`);
  benchStore(parsed.result.value);
  benchFunctions(parsed.result.value);
  if (FUNCTIONS_ONLY) return;
  await benchWorkbook(parsed.result.value);
  await benchExcel();
  await benchEdits(DIST);
  benchLargeStore();
  benchWorkbookCli(100_000);
  benchWorkbookCli(1_000_000);
  await benchCbs();
  benchBundles();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
