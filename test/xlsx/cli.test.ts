import { spawn, spawnSync, execFileSync } from "child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { DEFAULT_PACKAGE } from "../../scripts/lib/read-package";
import { PackageServer, startPackageServer } from "../support/package-server";

/**
 * `npm run workbook` as a user runs it: a process with an exit code, what it prints, and the
 * file it writes or does not write. The scripts are compiled once into a temporary folder.
 */
const ROOT = join(__dirname, "..", "..");
let cli: string;
let dir: string;

beforeAll(() => {
  // Inside the project, so that the compiled scripts find node_modules.
  const out = join(ROOT, "build", "cli-test");
  execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.scripts.json"), "--outDir", out], { cwd: ROOT, stdio: "pipe" });
  cli = join(out, "scripts", "workbook.js");
  dir = mkdtempSync(join(tmpdir(), "leiden-monitor-packages-"));
}, 120_000);

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: dir, env: { ...process.env, MONITOR_FETCH_TIMEOUT_MS: "1500" } });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

/** A copy of the shipped package, changed by `change`. */
function packageWith(name: string, change: (folder: string) => void): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  cpSync(DEFAULT_PACKAGE, folder, { recursive: true });
  change(folder);
  return folder;
}

const descriptor = (folder: string) => JSON.parse(readFileSync(join(folder, "datapackage.json"), "utf8"));
const setPath = (folder: string, resource: string, path: string) => {
  const d = descriptor(folder);
  d.resources.find((r: { name: string }) => r.name === resource).path = path;
  writeFileSync(join(folder, "datapackage.json"), JSON.stringify(d));
};

describe("npm run workbook", () => {
  it("writes the workbook and says what it wrote", () => {
    const out = join(dir, "ok.xlsx");
    const result = run("--out", out);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Wrote .*ok\.xlsx \(\d+ KB\): 12 sheets, 21 charts, 112 figures/);
    expect(existsSync(out)).toBe(true);
  });

  it.each([
    ["a resource path leaving the folder", (f: string) => setPath(f, "observations", "../../etc/passwd"), /resource 'observations': het pad mag niet buiten de pakketmap wijzen/],
    ["an absolute resource path", (f: string) => setPath(f, "sources", "/etc/passwd"), /resource 'sources': het pad moet een relatief pad binnen de pakketmap zijn/],
    ["a URL as resource path", (f: string) => setPath(f, "sources", "file:///etc/passwd"), /relatief pad/],
    ["datapackage.json that is null", (f: string) => writeFileSync(join(f, "datapackage.json"), "null"), /beschrijft geen datapakket/],
    ["datapackage.json that is not JSON", (f: string) => writeFileSync(join(f, "datapackage.json"), "{ resources: ["), /geen geldige JSON/],
    ["resources that are not a list", (f: string) => writeFileSync(join(f, "datapackage.json"), '{"resources": {"name": "observations"}}'), /geen lijst 'resources'/],
    ["a path that is not text", (f: string) => setPath(f, "indicators", 42 as unknown as string), /'path' moet één bestandsnaam zijn/],
    ["a CSV saved as Windows-1252", (f: string) => writeFileSync(join(f, "sources.csv"), Buffer.from(readFileSync(join(f, "sources.csv"), "utf8").replace("Centraal", "Centraal é").replace(/é/g, "\u00e9"), "latin1")), /geen UTF-8 \(byte 0x/],
    ["an unbalanced quote", (f: string) => writeFileSync(join(f, "indicators.csv"), readFileSync(join(f, "indicators.csv"), "utf8").replace('"Inwoners op 1 januari.', '"Inwoners op 1 januari. "x')), /MonitorIndicatoren rij 1: een aanhalingsteken/],
    ["a count with a thousands dot", (f: string) => writeFileSync(join(f, "observations.csv"), readFileSync(join(f, "observations.csv"), "utf8").replace(",110565,", ",110.565,")), /MonitorData rij 3, kolom Waarde: een aantal is een geheel getal, niet 110\.565\. Bedoeld is waarschijnlijk 110565/],
    ["an id that is JavaScript's own", (f: string) => writeFileSync(join(f, "sources.csv"), readFileSync(join(f, "sources.csv"), "utf8").replace(/^BRP,/m, "constructor,")), /onbekende bron 'BRP'/],
  ])("refuses %s: exit code 1, a clear message, no file, no stack trace", (name, change, message) => {
    const folder = packageWith(name.replace(/\W+/g, "-"), change);
    const out = join(dir, `${name.replace(/\W+/g, "-")}.xlsx`);
    const result = run("--data", folder, "--out", out);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at |TypeError|SyntaxError|Cannot read properties|root:|\/bin\/bash/);
    expect(existsSync(out)).toBe(false);
    if (!/rij \d/.test(result.stderr)) expect(result.stderr.split("\n")).toHaveLength(1); // the validator lists rows; anything else is one line
  });

  it("renders a package whose ids are JavaScript's own names", () => {
    const folder = packageWith("prototype-names", (f) => {
      writeFileSync(join(f, "indicators.csv"), readFileSync(join(f, "indicators.csv"), "utf8") + "constructor,Constructor,Constructor,aantal,,Test.,BRP\n");
      writeFileSync(join(f, "observations.csv"), readFileSync(join(f, "observations.csv"), "utf8") + "Bevolking,constructor,__proto__,toString,,2022,7,aantal,BRP,,gerapporteerd,,\n");
    });
    const out = join(dir, "prototype.xlsx");
    const result = run("--data", folder, "--out", out);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/113 figures/);
  });
});

describe("npm run workbook -- --data URL", () => {
  let server: PackageServer;
  beforeAll(async () => {
    server = await startPackageServer();
  });
  afterAll(() => server.close());
  // The server runs in this process: the CLI must run beside it, not block it.
  const runAsync = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [cli, ...args], { cwd: dir, env: { ...process.env, MONITOR_FETCH_TIMEOUT_MS: "1500" } });
      let [stdout, stderr] = ["", ""];
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("close", (status) => resolve({ status, stdout: stdout.trim(), stderr: stderr.trim() }));
    });

  it("renders a package published on a web server, with a progress line per request", async () => {
    const out = join(dir, "from-url.xlsx");
    const result = await runAsync("--data", `${server.url}/next/datapackage.json`, "--out", out);
    expect(result.status).toBe(0);
    expect(result.stderr.split("\n")).toEqual([
      "datapackage.json ophalen bij 127.0.0.1:" + new URL(server.url).port + "…",
      "MonitorData ophalen (observations.csv)…",
      "MonitorIndicatoren ophalen (indicators.csv)…",
      "MonitorBronnen ophalen (sources.csv)…",
      "Controleren…",
      "Edition: Testeditie 2023 (synthetisch) (version 2023.0.1)",
    ]);
    expect(result.stdout).toMatch(/112 figures/);
    expect(existsSync(out)).toBe(true);
  });

  it.each([
    ["/missing/datapackage.json", /gaf HTTP 404 Not Found/],
    ["/error/datapackage.json", /gaf HTTP 500/],
    ["/slow/datapackage.json", /antwoordde niet binnen 2 seconden/],
    ["/html/datapackage.json", /geeft een webpagina \(HTML\)/],
    ["/broken/datapackage.json", /MonitorData rij 3, kolom Waarde: 'veel' is geen getal/],
  ])("refuses %s: exit code 1, a clear message, no file", async (path, message) => {
    const out = join(dir, "never-from-url.xlsx");
    const result = await runAsync("--data", `${server.url}${path}`, "--out", out);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at |TypeError/);
    expect(existsSync(out)).toBe(false);
  });
});
