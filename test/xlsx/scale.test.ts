import { spawnSync } from "child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import { join } from "path";
import { DEFAULT_PACKAGE } from "../../scripts/lib/read-package";
import { OBSERVATION_COLUMNS, tableCells } from "../../src/data/columns";
import { writeCsv } from "../../src/data/csv";
import { compiledScripts } from "../support/compiled-scripts";
import { largePackage } from "../support/workbooks";

/**
 * The workbook command at scale, as processes: the memory the writing adds does not grow with
 * the rows (sampled in a child process, not timed), and a package longer than an Excel sheet
 * is refused with a message naming the limit, writing nothing. Time and peak memory of the whole
 * command at 100,000 and 1,000,000 rows are measured in `npm run bench`, not here.
 */
const ROOT = join(__dirname, "..", "..");
let compiled: string;
let dir: string;

/** A copy of the shipped package whose observations.csv is `csv`. */
function packageFolder(name: string, csv: string): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  cpSync(DEFAULT_PACKAGE, folder, { recursive: true });
  writeFileSync(join(folder, "observations.csv"), csv);
  return folder;
}

const observationsCsv = (rows: number) => writeCsv(tableCells(OBSERVATION_COLUMNS, largePackage(rows).observations));

beforeAll(() => {
  compiled = compiledScripts();
  dir = mkdtempSync(join(tmpdir(), "leiden-monitor-scale-"));
}, 120_000);

describe("writing a large workbook", () => {
  /** The child's report: the plan's resident memory after a collection, and what the writing added at its peak. */
  function writeInChild(rows: number): { rows: number; beforeMb: number; growthMb: number; out: string } {
    const folder = packageFolder(`rows-${rows}`, observationsCsv(rows));
    const out = join(dir, `rows-${rows}.xlsx`);
    const child = spawnSync(process.execPath, ["--expose-gc", join(ROOT, "test", "support", "writer-memory-child.js"), compiled, folder, out], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(child.stderr);
    return { ...JSON.parse(child.stdout), out };
  }

  it("adds no more memory for 300,000 rows than for 100,000, and writes every row", async () => {
    const small = writeInChild(100_000);
    const large = writeInChild(300_000);
    expect([small.rows, large.rows]).toEqual([100_000, 300_000]);
    // Building the sheet as one string, as before, added 600 MB at 100,000 rows and three times that at 300,000.
    expect(small.growthMb).toBeLessThan(64);
    expect(large.growthMb).toBeLessThan(small.growthMb + 32);
    expect(large.beforeMb).toBeGreaterThan(small.beforeMb); // the package itself does grow: the measure sees memory

    const zip = await JSZip.loadAsync(readFileSync(large.out));
    const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) as string;
    // The three tables side by side: 16 columns, a gap, 7, a gap, 7 (A to AF); read out, so that a failure does not print the 300,000 rows.
    expect(/<dimension ref="([^"]+)"\/>/.exec(sheet)?.[1]).toBe("A1:AF300001");
    expect(sheet.slice(sheet.lastIndexOf('<row r="'), sheet.indexOf("</sheetData>"))).toMatch(/^<row r="300001"><c r="A300001" t="inlineStr">/);
    const table = (await zip.file("xl/tables/table1.xml")?.async("string")) as string;
    expect(/<table\b[^>]*\bref="([^"]+)"/.exec(table)?.[1]).toBe("A1:P300001");
    expect(readdirSync(dir).filter((f) => f.endsWith(".partial"))).toEqual([]);
  }, 180_000);
});

describe("npm run workbook beyond Excel's row limit", () => {
  it("refuses a package of 1,048,576 figures (1,048,577 rows with the header) with a message naming the limit, and writes nothing", () => {
    const row = "Bevolking,inwoners,Leiden,inwoners,,2022,1,aantal,BRP,,gerapporteerd,,,,,\n";
    const folder = packageFolder("too-many-rows", readFileSync(join(DEFAULT_PACKAGE, "observations.csv"), "utf8").split("\n")[0] + "\n" + row.repeat(1_048_576));
    const out = join(dir, "too-many-rows.xlsx");
    const result = spawnSync(process.execPath, [join(compiled, "scripts", "workbook.js"), "--data", folder, "--out", out], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      `Het datapakket in '${folder}' is niet geldig; er is niets geschreven:`,
      "- MonitorData heeft 1.048.576 rijen; met de kopregel zijn dat er meer dan de 1.048.576 van een Excel-blad (ten hoogste 1.048.575 rijen gegevens). Splits de gegevens, bijvoorbeeld per gebied of periode.",
    ]);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith(".too-many-rows"))).toEqual([]);
  }, 120_000);
});
