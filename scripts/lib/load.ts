import { parsePackageCsv } from "../../src/data/package";
import { MonitorPackage } from "../../src/data/types";
import { formatProblems } from "../../src/data/validate";
import { readPackageTexts } from "./read-package";

/** Reads and validates a package folder; on failure prints the validator's row/column messages and exits 1. */
export function loadPackageOrExit(folder: string): MonitorPackage {
  let result;
  try {
    result = parsePackageCsv(readPackageTexts(folder));
  } catch (e) {
    console.error(`Cannot read the data package: ${(e as Error).message}`);
    process.exit(1);
  }
  if (!result.ok) {
    console.error(`The data package in '${folder}' is not valid; nothing was written:\n${formatProblems(result.problems)}`);
    process.exit(1);
  }
  return result.value;
}
