import { parsePackageCsv } from "../../src/data/package-csv";
import { MonitorPackage } from "../../src/data/types";
import { formatProblems } from "../../src/data/validate";
import { readPackageTexts } from "./read-package";

/** A failure the user can act on: printed as it is, exit code 1, nothing written. */
export class CommandError extends Error {}

/** Reads and validates a package folder; a bad one is a CommandError with the validator's row/column messages. */
export function loadPackage(folder: string): MonitorPackage {
  let texts;
  try {
    texts = readPackageTexts(folder);
  } catch (e) {
    throw new CommandError(`Cannot read the data package: ${(e as Error).message}`);
  }
  const parsed = parsePackageCsv(texts);
  if (!parsed.ok) throw new CommandError(`The data package in '${folder}' is not valid; nothing was written:\n${formatProblems(parsed.problems)}`);
  return parsed.value;
}

/** Runs a command's main: CommandErrors print as they are, anything else without a stack trace. */
export function runCommand(main: () => Promise<void> | void): void {
  Promise.resolve()
    .then(main)
    .catch((e) => {
      console.error(e instanceof CommandError ? e.message : `Failed: ${(e as Error).message}`);
      process.exit(1);
    });
}
