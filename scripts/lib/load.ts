import { parsePackageCsv } from "../../src/data/package-csv";
import { MonitorPackage } from "../../src/data/types";
import { formatProblems } from "../../src/data/validate";
import { pullFromUrl } from "../../src/sources/url-source";
import { readPackageTexts } from "./read-package";

/** A failure the user can act on: printed as it is, exit code 1, nothing written. */
export class CommandError extends Error {}

/** Time per request when the package comes from a server (MONITOR_FETCH_TIMEOUT_MS overrides it). */
const FETCH_TIMEOUT_MS = Number(process.env.MONITOR_FETCH_TIMEOUT_MS) || 30_000;

/**
 * A package from a folder or from the http(s) URL of its datapackage.json (progress on stderr);
 * a bad one is a CommandError with the validator's row/column messages, or one clear line.
 */
export async function loadPackageFrom(location: string, log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<MonitorPackage> {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return loadPackage(location);
  const pulled = await pullFromUrl(location, { fetch: (input, init) => fetch(input, init), timeoutMs: FETCH_TIMEOUT_MS, onProgress: log });
  if (!pulled.ok) throw new CommandError(`The data package at ${location} could not be used; nothing was written:\n${formatProblems(pulled.problems)}`);
  log(`Edition: ${pulled.value.edition.title}${pulled.value.edition.version ? ` (version ${pulled.value.edition.version})` : ""}`);
  return pulled.value.package;
}

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
