import { existsSync, statSync } from "fs";
import { dirname, resolve } from "path";
import { Language } from "../../src/data/types";
import { buildPlan } from "../../src/report/plan";
import { RowLimitError } from "../../src/xlsx/limits";
import { writeXlsxFile } from "../../src/xlsx/xlsx-file";
import { collectGarbage, CommandError, loadPackageFrom } from "./load";
import { DEFAULT_PACKAGE } from "./read-package";

export const USAGE = "Usage: npm run workbook -- [--out FILE.xlsx] [--lang nl|en] [--data PACKAGE_DIR | --data PACKAGE.zip | --data https://…/datapackage.json]";

export { CommandError };

export interface WorkbookOptions {
  /** Where to write; by default the edition's own name in this folder (`leiden-monitor-2022.xlsx`). */
  out: string | null;
  language: Language;
  data: string;
}

export function parseArguments(argv: string[]): WorkbookOptions | "help" {
  const options: WorkbookOptions = { out: null, language: "nl", data: DEFAULT_PACKAGE };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === "--help" || flag === "-h") return "help";
    if (!["--out", "--lang", "--data"].includes(flag)) throw new CommandError(`Unknown option '${flag}'.\n${USAGE}`);
    if (value === undefined || value.startsWith("--")) throw new CommandError(`Option ${flag} needs a value.\n${USAGE}`);
    if (flag === "--out") options.out = value;
    if (flag === "--data") options.data = value;
    if (flag === "--lang") {
      if (value !== "nl" && value !== "en") throw new CommandError(`--lang takes nl or en, not '${value}'.`);
      options.language = value;
    }
  }
  return options;
}

function checkOutput(path: string): void {
  const folder = dirname(path);
  if (!existsSync(folder)) throw new CommandError(`Cannot write ${path}: the folder ${folder} does not exist.`);
  if (!statSync(folder).isDirectory()) throw new CommandError(`Cannot write ${path}: ${folder} is not a folder.`);
  if (existsSync(path) && statSync(path).isDirectory()) throw new CommandError(`Cannot write ${path}: it is a folder.`);
}

/** Validates the package, renders the workbook and streams it to the file; returns a one-line summary. */
export async function writeWorkbook(options: WorkbookOptions): Promise<string> {
  if (options.out !== null) checkOutput(resolve(options.out));
  const { package: pkg, edition } = await loadPackageFrom(options.data);
  const started = Date.now();
  const plan = buildPlan(pkg, { language: options.language, edition, afterSheets: collectGarbage });
  collectGarbage();
  const out = resolve(options.out ?? plan.properties.fileName);
  if (options.out === null) checkOutput(out);
  let bytes: number;
  try {
    bytes = await writeXlsxFile(plan, out);
  } catch (e) {
    if (e instanceof RowLimitError) throw new CommandError(e.text("en"));
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw new CommandError(`Cannot write ${out}: ${code === "EACCES" || code === "EPERM" ? "no permission to write there" : (e as Error).message}.`);
    throw e;
  }
  const charts = plan.sheets.reduce((n, s) => n + s.charts.length, 0);
  return `Wrote ${out} (${(bytes / 1024).toFixed(0)} KB): ${plan.sheets.length + 1} sheets, ${charts} charts, ${pkg.observations.length} figures, in ${Date.now() - started} ms.`;
}
