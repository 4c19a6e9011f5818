import { existsSync, statSync } from "fs";
import { dirname, resolve } from "path";
import { Language } from "../../src/data/types";
import { buildPlan } from "../../src/report/plan";
import { RowLimitError } from "../../src/xlsx/limits";
import { writeXlsxFile } from "../../src/xlsx/xlsx-file";
import { CLI } from "../../src/text/cli";
import { AnyMessage, say } from "../../src/text/message";
import { collectGarbage, CommandError, commandLanguage, loadPackageFrom } from "./load";
import { DEFAULT_PACKAGE } from "./read-package";

export { CommandError };

export interface WorkbookOptions {
  /** Where to write; by default the edition's own name in this folder (`leiden-monitor-2022.xlsx`). */
  out: string | null;
  language: Language;
  data: string;
}

export function parseArguments(argv: string[]): WorkbookOptions | "help" {
  const options: WorkbookOptions = { out: null, language: commandLanguage(argv), data: DEFAULT_PACKAGE };
  const refuse = (message: AnyMessage) => new CommandError(message, options.language);
  const usage = say(CLI.workbookUsage);
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === "--help" || flag === "-h") return "help";
    if (!["--out", "--lang", "--data"].includes(flag)) throw refuse(say(CLI.unknownOption, { flag, usage }));
    if (value === undefined || value.startsWith("--")) throw refuse(say(CLI.needsValue, { flag, usage }));
    if (flag === "--out") options.out = value;
    if (flag === "--data") options.data = value;
    if (flag === "--lang" && value !== "nl" && value !== "en") throw refuse(say(CLI.languageValue, { value }));
  }
  return options;
}

function checkOutput(path: string, language: Language): void {
  const folder = dirname(path);
  if (!existsSync(folder)) throw new CommandError(say(CLI.folderMissing, { path, folder }), language);
  if (!statSync(folder).isDirectory()) throw new CommandError(say(CLI.notAFolder, { path, folder }), language);
  if (existsSync(path) && statSync(path).isDirectory()) throw new CommandError(say(CLI.isAFolder, { path }), language);
}

/** Validates the package, renders the workbook and streams it to the file; returns a one-line summary, said where it is shown. */
export async function writeWorkbook(options: WorkbookOptions): Promise<AnyMessage> {
  const { language } = options;
  if (options.out !== null) checkOutput(resolve(options.out), language);
  const { package: pkg, edition } = await loadPackageFrom(options.data, language);
  const started = Date.now();
  const plan = buildPlan(pkg, { language: options.language, edition, afterSheets: collectGarbage });
  collectGarbage();
  const out = resolve(options.out ?? plan.properties.fileName);
  if (options.out === null) checkOutput(out, language);
  let bytes: number;
  try {
    bytes = await writeXlsxFile(plan, out);
  } catch (e) {
    if (e instanceof RowLimitError) throw new CommandError(e.reason, language);
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw new CommandError(say(CLI.cannotWrite, { path: out, reason: code === "EACCES" || code === "EPERM" ? "permission" : { system: (e as Error).message } }), language);
    throw e;
  }
  const charts = plan.sheets.reduce((n, s) => n + s.charts.length, 0);
  return say(CLI.wroteWorkbook, { out, kb: Math.round(bytes / 1024), sheets: plan.sheets.length + 1, charts, figures: pkg.observations.length, ms: Date.now() - started });
}
