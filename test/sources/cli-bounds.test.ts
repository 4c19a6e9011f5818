import { spawn } from "child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, truncateSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { DEFAULT_PACKAGE } from "../../scripts/lib/read-package";
import { compiledScripts } from "../support/compiled-scripts";
import { PackageServer, packageFiles, startPackageServer } from "../support/package-server";
import { zipOf } from "../support/zips";

/**
 * `npm run workbook` given a package that is too large, a zip bomb, or links out of its folder:
 * a process with an exit code, what it prints, the file it must not write, and its peak memory.
 * The scripts are compiled once for all the test files that run them (compiled-scripts.ts).
 */
const MB = 1024 * 1024;
let cli: string;
let dir: string;
let probe: string;

beforeAll(() => {
  const out = compiledScripts();
  cli = join(out, "scripts", "workbook.js");
  dir = mkdtempSync(join(tmpdir(), "leiden-monitor-bounds-"));
  // Preloaded into the child: its peak resident memory, printed as it exits (also by process.exit).
  // VmHWM, not getrusage's maxRSS: Linux carries the parent's (jest's) high-water mark over a
  // fork and exec into maxRSS (proc(5), getrusage(2)), while VmHWM belongs to the new process.
  probe = join(dir, "peak-rss.js");
  writeFileSync(
    probe,
    `process.on("exit", () => process.stderr.write("\\npeak-rss-kb=" + /VmHWM:\\s*(\\d+)/.exec(require("fs").readFileSync("/proc/self/status", "utf8"))[1] + "\\n"));`,
  );
}, 120_000);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  peakMb: number;
}

function workbook(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    // No test here is about a time-out; a loaded machine (CI beside other jobs) may take more than
    // 20 s to stream the 256 MB, which must end in the size refusal, not a time-out.
    const child = spawn(process.execPath, ["--require", probe, cli, ...args], { cwd: dir, env: { ...process.env, MONITOR_FETCH_TIMEOUT_MS: "110000" } });
    let [stdout, stderr] = ["", ""];
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => {
      const peak = /peak-rss-kb=(\d+)/.exec(stderr);
      resolve({ status, stdout: stdout.trim(), stderr: stderr.replace(/\s*peak-rss-kb=\d+\s*$/, "").trim(), peakMb: peak ? Number(peak[1]) / 1024 : NaN });
    });
  });
}

/** A copy of the shipped package, changed by `change`. */
function packageWith(name: string, change: (folder: string) => void = () => undefined): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  cpSync(DEFAULT_PACKAGE, folder, { recursive: true });
  change(folder);
  return folder;
}

const refusedWithoutWriting = (run: Run, out: string) => {
  expect(run.status).toBe(1);
  expect(existsSync(out)).toBe(false);
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
};

describe("npm run workbook -- --data FILE.zip", () => {
  it("renders a zipped data package, as the pane reads it", async () => {
    const file = join(dir, "editie.zip");
    writeFileSync(file, await zipOf(Object.fromEntries(["datapackage.json", "observations.csv", "indicators.csv", "sources.csv"].map((name) => [name, readFileSync(join(DEFAULT_PACKAGE, name))])), "leiden-2022/"));
    const out = join(dir, "zipped.xlsx");
    const run = await workbook("--data", file, "--out", out, "--lang", "en");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Wrote .*zipped\.xlsx \(\d+ KB\): 12 sheets, 21 charts, 112 figures/);
    expect(existsSync(out)).toBe(true);
  });

  it("refuses a zip bomb by what its directory declares, before inflating, with the limit named", async () => {
    // 300 MB of zeros deflate to about 300 kB: a bomb made in a second, inflated never.
    const file = join(dir, "bomb.zip");
    writeFileSync(file, await zipOf(packageFiles({ "observations.csv": Buffer.alloc(300 * MB, "0") })));
    const out = join(dir, "bomb.xlsx");
    const run = await workbook("--data", file, "--out", out);
    refusedWithoutWriting(run, out);
    expect(run.stderr).toBe(
      `Het datapakket op ${file} is niet te gebruiken; er is niets geschreven:\n- bomb.zip: observations.csv is groter dan 256 MB (300 MB), de grens voor één uitgepakt bestand in een zip; er is niets gelezen of veranderd.`,
    );
    expect(run.peakMb).toBeLessThan(200); // nothing of the 300 MB was ever inflated
  }, 60_000);

  it("says so for a zip that does not exist", async () => {
    const out = join(dir, "none.xlsx");
    const run = await workbook("--data", join(dir, "nothing-here.zip"), "--out", out);
    refusedWithoutWriting(run, out);
    expect(run.stderr).toBe(`Kan ${join(dir, "nothing-here.zip")} niet lezen: dat bestand bestaat niet`);
    const english = await workbook("--data", join(dir, "nothing-here.zip"), "--out", out, "--lang", "en");
    expect(english.stderr).toBe(`Cannot read ${join(dir, "nothing-here.zip")}: there is no such file`);
  });
});

describe("a package folder reads nothing outside itself, and nothing too large", () => {
  const SECRET = "GEHEIM,van iemand anders,niet in het pakket";

  it("refuses a sources.csv that is a link to a file outside the folder, without quoting it", async () => {
    const outside = join(dir, "secret.csv");
    writeFileSync(outside, `${SECRET}\n`);
    const folder = packageWith("linked-out", (f) => {
      renameSync(join(f, "sources.csv"), join(f, "sources.orig"));
      symlinkSync(outside, join(f, "sources.csv"));
    });
    const out = join(dir, "linked-out.xlsx");
    const run = await workbook("--data", folder, "--out", out);
    refusedWithoutWriting(run, out);
    expect(run.stderr).toBe(`Kan het datapakket niet lezen: Het bestand van resource 'sources' ('sources.csv') is een koppeling naar een bestand buiten de pakketmap '${folder}'; het is niet gelezen.`);
    expect(run.stderr).not.toContain("GEHEIM");
  });

  it("refuses a datapackage.json that is a link out of the folder", async () => {
    const elsewhere = packageWith("elsewhere");
    const folder = join(dir, "linked-descriptor");
    mkdirSync(folder);
    for (const name of ["observations.csv", "indicators.csv", "sources.csv"]) cpSync(join(elsewhere, name), join(folder, name));
    symlinkSync(join(elsewhere, "datapackage.json"), join(folder, "datapackage.json"));
    const out = join(dir, "linked-descriptor.xlsx");
    const run = await workbook("--data", folder, "--out", out, "--lang", "en");
    refusedWithoutWriting(run, out);
    expect(run.stderr).toBe(`Cannot read the data package: datapackage.json is a link to a file outside the package folder '${folder}'; it was not read.`);
  });

  it("follows a link that stays inside the folder, and a folder that is itself a link", async () => {
    const folder = packageWith("linked-in", (f) => {
      mkdirSync(join(f, "v1"));
      renameSync(join(f, "sources.csv"), join(f, "v1", "sources.csv"));
      symlinkSync(join("v1", "sources.csv"), join(f, "sources.csv"));
    });
    const alias = join(dir, "alias");
    symlinkSync(folder, alias);
    const out = join(dir, "linked-in.xlsx");
    const run = await workbook("--data", alias, "--out", out);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it("refuses a CSV larger than the limit by its size, without reading it", async () => {
    const folder = packageWith("huge", (f) => truncateSync(join(f, "observations.csv"), 300 * MB)); // sparse: no disk, no time
    const out = join(dir, "huge.xlsx");
    const run = await workbook("--data", folder, "--out", out, "--lang", "en");
    refusedWithoutWriting(run, out);
    expect(run.stderr).toBe(`Cannot read the data package: ${join(folder, "observations.csv")} is larger than 256 MB (300 MB), the limit for one file; nothing was read or changed.`);
    expect(run.peakMb).toBeLessThan(200);
  });

  it("refuses two resources with one name", async () => {
    const folder = packageWith("twice", (f) => {
      const descriptor = JSON.parse(readFileSync(join(f, "datapackage.json"), "utf8"));
      descriptor.resources.push({ ...descriptor.resources[0], path: "other.csv" });
      writeFileSync(join(f, "datapackage.json"), JSON.stringify(descriptor));
    });
    const out = join(dir, "twice.xlsx");
    const run = await workbook("--data", folder, "--out", out);
    refusedWithoutWriting(run, out);
    expect(run.stderr).toBe(
      `Kan het datapakket niet lezen: ${join(folder, "datapackage.json")}: datapackage.json heeft 2 resources met de naam 'observations' (de tabel MonitorData); elke naam mag maar één keer voorkomen.`,
    );
  });
});

describe("a package on a web server that sends too much", () => {
  let server: PackageServer;
  beforeAll(async () => {
    server = await startPackageServer();
  });
  afterAll(() => server.close());

  it("stops a 2 GB stream at the default limit of 256 MB, holding no more than that", async () => {
    const url = `${server.url}/stream/${2 * 1024 * MB}/datapackage.json`;
    const out = join(dir, "stream.xlsx");
    const run = await workbook("--data", url, "--out", out);
    refusedWithoutWriting(run, out);
    expect(run.stderr.split("\n").slice(-2)).toEqual([
      `Het datapakket op ${url} is niet te gebruiken; er is niets geschreven:`,
      `- ${url} is groter dan 256 MB, de grens voor één antwoord van een server; er is niets gelezen of veranderd.`,
    ]);
    // The limit's worth held once, not the stream's 2 GB (which took 6.4 GB of RSS before the limit).
    expect(run.peakMb).toBeLessThan(256 + 300);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.streamed()).toBeLessThan(400 * MB);
    console.log(`2 GB stream refused at 256 MB: peak RSS ${run.peakMb.toFixed(0)} MB, ${(server.streamed() / MB).toFixed(0)} MB sent`);
  }, 120_000);
});
