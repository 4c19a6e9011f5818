import { spawn, spawnSync } from "child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { DEFAULT_PACKAGE } from "../../scripts/lib/read-package";
import { compiledScripts } from "../support/compiled-scripts";
import { PackageServer, startPackageServer } from "../support/package-server";
import { useCbsServer } from "../support/use-cbs-server";
import { openXlsx } from "../support/xlsx";

/**
 * `npm run workbook` as a user runs it: a process with an exit code, what it prints, and the
 * file it writes or does not write. The scripts are compiled once for all the test files that run
 * them (compiled-scripts.ts).
 */
let cli: string;
let dir: string;

beforeAll(() => {
  const out = compiledScripts();
  cli = join(out, "scripts", "workbook.js");
  dir = mkdtempSync(join(tmpdir(), "leiden-monitor-packages-"));
}, 120_000);

/** A compiled command as a child process beside the test's servers (which run in this process). */
function runChild(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [join(cli, "..", script), ...args], { cwd: dir, env: { ...process.env, ...env } });
    let [stdout, stderr] = ["", ""];
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout: stdout.trim(), stderr: stderr.trim() }));
  });
}

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
  it("writes the workbook and says what it wrote, in Dutch unless --lang says en", () => {
    const out = join(dir, "ok.xlsx");
    const result = run("--out", out);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\/.*ok\.xlsx geschreven \(\d{1,3}(\.\d{3})* KB\): 12 bladen, 21 grafieken, 112 cijfers, in \d{1,3}(\.\d{3})* ms\.$/);
    const english = run("--out", join(dir, "ok-en.xlsx"), "--lang", "en");
    expect(english.stdout).toMatch(/^Wrote .*ok-en\.xlsx \(\d{1,3}(,\d{3})* KB\): 12 sheets, 21 charts, 112 figures, in \d{1,3}(,\d{3})* ms\.$/);
    expect(existsSync(out)).toBe(true);
  });

  it("names the file after the edition when no --out is given: a 2023 edition is leiden-monitor-2023.xlsx", async () => {
    const folder = packageWith("edition-2023", (f) => {
      // Synthetic: the shipped figures under a 2023 edition's metadata.
      const d = descriptor(f);
      writeFileSync(join(f, "datapackage.json"), JSON.stringify({ ...d, name: "leiden-monitor-test-2023", title: "Monitor Internationalisering: Internationals in cijfers, Leiden 2023 (synthetisch)", version: "2023.0.0", referenceDate: "2023-01-01" }));
    });
    const result = run("--data", folder);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/leiden-monitor-2023\.xlsx geschreven /);
    const core = await (await openXlsx(readFileSync(join(dir, "leiden-monitor-2023.xlsx")))).read("docProps/core.xml");
    expect(core).toContain("<dc:title>Monitor Internationalisering Leiden 2023</dc:title>");
    expect(core).toContain("<dc:subject>Internationals in cijfers, Leiden 2023 (synthetisch)</dc:subject>");
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
      writeFileSync(join(f, "observations.csv"), readFileSync(join(f, "observations.csv"), "utf8") + "Bevolking,constructor,__proto__,toString,,2022,7,aantal,BRP,,gerapporteerd,,,,,\n");
    });
    const out = join(dir, "prototype.xlsx");
    const result = run("--data", folder, "--out", out);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/113 cijfers/);
  });
});

describe("npm run workbook -- --data URL", () => {
  let server: PackageServer;
  beforeAll(async () => {
    server = await startPackageServer();
  });
  afterAll(() => server.close());
  // A short time-out only where the time-out is what is tested (/slow): elsewhere a loaded
  // machine (CI beside other jobs) could take longer than 1.5 s to answer and fail the test
  // with a time-out instead of the message under test.
  const runAsync = (...args: string[]) => runChild("workbook.js", args, { MONITOR_FETCH_TIMEOUT_MS: args.some((a) => a.includes("/slow/")) ? "1500" : "30000" });

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
      "Editie: Testeditie 2023 (synthetisch) (versie 2023.0.1)",
    ]);
    expect(result.stdout).toMatch(/112 cijfers/);
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

describe("npm run pull -- cbs", () => {
  const cbs = useCbsServer();
  // No test here is about a time-out: a generous one, so a loaded machine cannot turn an answer into one.
  const pull = (...args: string[]) => runChild("pull.js", args, { CBS_ODATA_URL: cbs.url, MONITOR_FETCH_TIMEOUT_MS: "30000", MONITOR_RETRY_DELAY_MS: "5" });

  it("writes a valid data package, which npm run workbook renders with each municipality's sheets", async () => {
    const out = join(dir, "cbs-leiden-delft");
    const result = await pull("cbs", "--gebied", "Leiden,Delft", "--van", "2012", "--tot", "2024", "--out", out);
    expect(result.status).toBe(0);
    // Per table: TableInfos, its dimensions, the figures (85644NED: and the totals for the ranks).
    expect(result.stderr.split("\n").filter((l) => l.startsWith("CBS-verzoek"))).toHaveLength(16);
    expect(result.stdout.split("\n").pop()).toMatch(new RegExp(`^${out.replace(/[/.]/g, "\\$&")} geschreven: \\d{1,3}(\\.\\d{3})* cijfers voor Leiden, Delft, 2012–2024, uit CBS StatLine 85644NED, 85458NED \\(16 verzoeken\\)`));
    expect(readdirSync(out).sort()).toEqual(["datapackage.json", "indicators.csv", "observations.csv", "sources.csv"]);
    const descriptor = JSON.parse(readFileSync(join(out, "datapackage.json"), "utf8"));
    expect(descriptor).toMatchObject({ title: "CBS StatLine 85644NED, 85458NED: Leiden, Delft, 2012–2024", referenceDate: "2024-01-01", licenses: [expect.objectContaining({ name: "CC-BY-4.0" })] });
    expect(descriptor.keywords).toEqual(["Leiden", "Delft", "CBS", "StatLine", "85644NED", "85458NED", "nationaliteit", "herkomst"]);
    const workbook = join(dir, "cbs.xlsx");
    const rendered = run("--data", out, "--out", workbook);
    expect(rendered.stderr).toBe("");
    expect(rendered.stdout).toMatch(/cbs\.xlsx geschreven/);
    const sheets = await openXlsx(readFileSync(workbook));
    const names = [...(await sheets.read("xl/workbook.xml")).matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(expect.arrayContaining(["Bevolking Delft", "Nationaliteiten Delft"]));
  });

  it("describes a pull for Delft by what was pulled: Delft, CBS and its tables, CBS's licence, no word of Leiden", async () => {
    const out = join(dir, "cbs-delft");
    const result = await pull("cbs", "--gebied", "Delft", "--van", "2021", "--tot", "2022", "--out", out, "--lang", "en");
    expect(result.status).toBe(0);
    const text = readFileSync(join(out, "datapackage.json"), "utf8");
    expect(text).not.toMatch(/Leiden|GM0546|Regio071|bron:|tabellen| en 85458NED/);
    const descriptor = JSON.parse(text);
    expect(descriptor).toMatchObject({
      profile: "tabular-data-package",
      name: "cbs-85644ned-2021-2022",
      title: "CBS StatLine 85644NED, 85458NED: Delft, 2021–2022",
      description:
        "Inhabitants by nationality and, from 2022, by origin (herkomst) of Delft, 2021–2022, from CBS StatLine tables 85644NED and 85458NED: counts as CBS publishes them; shares, growth and ranks derived from them, with the computation in Toelichting. Cells CBS suppresses are left out.",
      referenceDate: "2022-01-01",
      homepage: "https://opendata.cbs.nl/statline/",
      keywords: ["Delft", "CBS", "StatLine", "85644NED", "85458NED", "nationaliteit", "herkomst"],
      licenses: [{ name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/", title: "Creative Commons Attribution 4.0 International" }],
      contributors: [{ title: "Centraal Bureau voor de Statistiek (CBS)", role: "publisher" }],
      sources: [
        { title: "CBS StatLine 85644NED", path: "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85644NED/table" },
        { title: "CBS StatLine 85458NED", path: "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85458NED/table" },
      ],
    });
    // The contract's tables and schemas, with the two fields that named the edition's areas described for CBS's.
    expect(descriptor.resources.map((r: { name: string }) => r.name)).toEqual(["observations", "indicators", "sources"]);
    const fields = descriptor.resources[0].schema.fields as { name: string; description?: string }[];
    expect(fields.find((f) => f.name === "Gebied")?.description).toBe("Area: a municipality as CBS names it, or Nederland");
    expect(readFileSync(join(out, "sources.csv"), "utf8")).toContain(',"CBS StatLine 85644NED, 85458NED",');
    expect(result.stdout.split("\n").pop()).toMatch(/^Wrote .*cbs-delft: [\d,]+ figures for Delft, 2021–2022, from CBS StatLine 85644NED, 85458NED \(\d+ requests\)\. Render it with: npm run workbook -- --data .*cbs-delft$/);
  });

  it("describes a pull before herkomst existed by its one table", async () => {
    const out = join(dir, "cbs-delft-2019");
    const result = await pull("cbs", "--gebied", "Delft", "--van", "2019", "--tot", "2020", "--out", out);
    expect(result.status).toBe(0);
    const descriptor = JSON.parse(readFileSync(join(out, "datapackage.json"), "utf8"));
    expect(descriptor).toMatchObject({
      title: "CBS StatLine 85644NED: Delft, 2019–2020",
      description: "Inhabitants by nationality of Delft, 2019–2020, from CBS StatLine table 85644NED: counts as CBS publishes them; shares, growth and ranks derived from them, with the computation in Toelichting. Cells CBS suppresses are left out.",
      keywords: ["Delft", "CBS", "StatLine", "85644NED", "nationaliteit"],
      sources: [{ title: "CBS StatLine 85644NED", path: "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85644NED/table" }],
    });
  });

  it.each([
    [["cbs", "--gebied", "Leidn", "--van", "2012", "--tot", "2024"], /Onbekende gemeente 'Leidn' in CBS-tabel 85644NED\. Bedoelt u 'Leiden'\?/],
    [["cbs", "--gebied", "Leiden", "--van", "2001", "--tot", "2024"], /geen jaar 2001; beschikbaar: 2010–2025/],
    [["cbs", "--gebied", "Leiden", "--van", "twaalf", "--tot", "2024"], /--van is een jaar zoals 2012, niet 'twaalf'/],
    [["cbs", "--gebied", "Leiden", "--van", "twaalf", "--tot", "2024", "--lang", "en"], /--van takes a year such as 2012, not 'twaalf'/],
    [["cbs", "--gebied", "Leidn", "--van", "2012", "--tot", "2024", "--lang", "en"], /\nNothing was written:\n- Unknown municipality 'Leidn' in CBS table 85644NED\. Did you mean 'Leiden'\?$/],
    [["statline", "--gebied", "Leiden"], /Onbekende bron 'statline'/],
  ])("refuses %j with one clear message and no folder", async (args, message) => {
    const out = join(dir, `cbs-never-${Math.random().toString(16).slice(2)}`);
    const result = await pull(...args, "--out", out);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it("retries a CBS that is briefly down, and leaves no folder when it stays down", async () => {
    cbs.behaviour.fail503 = 2;
    const ok = await pull("cbs", "--gebied", "Leiden", "--van", "2022", "--tot", "2022", "--out", join(dir, "cbs-retried"));
    expect(ok.status).toBe(0);
    expect(ok.stderr).toContain("CBS antwoordt niet goed; opnieuw proberen (2 van 3)…");
    cbs.behaviour.fail503 = 1000;
    const out = join(dir, "cbs-down");
    const down = await pull("cbs", "--gebied", "Leiden", "--van", "2022", "--tot", "2022", "--out", out);
    expect(down.status).toBe(1);
    expect(down.stderr).toMatch(/Er is niets geschreven:\n- .*HTTP 503.*\(na 4 pogingen\)/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).some((f) => f.startsWith(".cbs-down"))).toBe(false);
  });
});
