import { Edition } from "../../src/data/descriptor";
import { PackageCsv, packageFromCsv, readPackageCsv } from "../../src/data/package-csv";
import { MonitorPackage } from "../../src/data/types";
import { Result } from "../../src/data/validate";
import { AnyMessage, textOf } from "../../src/text/message";
import { problemList } from "../../src/text/problems";
import { basename } from "path";
import { DEFAULT_LIMITS } from "../../src/sources/limits";
import { PullResult } from "../../src/sources/types";
import { pullFromUrl } from "../../src/sources/url-source";
import { pullFromZip } from "../../src/sources/zip-source";
import { readEdition, readFileBounded, readPackageTexts } from "./read-package";

/** A validated package with what its datapackage.json says of the edition. */
export interface LoadedPackage {
  package: MonitorPackage;
  edition: Edition;
}

/** A failure the user can act on: printed as it is, exit code 1, nothing written. */
export class CommandError extends Error {}

/** Time per request when the package comes from a server (MONITOR_FETCH_TIMEOUT_MS overrides it). */
const FETCH_TIMEOUT_MS = Number(process.env.MONITOR_FETCH_TIMEOUT_MS) || 30_000;

/** A zipped data package, as the pane takes it: the same reader, the same limits. */
async function pullZipFile(path: string, log: (line: string) => void): Promise<PullResult> {
  let bytes: Buffer;
  try {
    bytes = readFileBounded(path, DEFAULT_LIMITS.fileBytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CommandError(`Cannot read ${path}: ${code === "ENOENT" ? "there is no such file" : code === "EACCES" ? "no permission to read it" : (e as Error).message}`);
  }
  return pullFromZip(basename(path), bytes, (message: AnyMessage) => log(textOf(message, "nl")));
}

/**
 * A package from a folder, a .zip of one, or the http(s) URL of its datapackage.json (progress on
 * stderr); a bad one is a CommandError with the validator's row/column messages, or one clear line.
 */
export async function loadPackageFrom(location: string, log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<LoadedPackage> {
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(location);
  if (!isUrl && !/\.zip$/i.test(location)) return { package: loadPackage(location), edition: readEdition(location) };
  const pulled = isUrl ? await pullFromUrl(location, { fetch: (input, init) => fetch(input, init), timeoutMs: FETCH_TIMEOUT_MS, onProgress: (message) => log(textOf(message, "nl")) }) : await pullZipFile(location, log);
  if (!pulled.ok) throw new CommandError(`The data package at ${location} could not be used; nothing was written:\n${problemList(pulled.problems, "nl")}`);
  log(`Edition: ${pulled.value.edition.title}${pulled.value.edition.version ? ` (version ${pulled.value.edition.version})` : ""}`);
  return { package: pulled.value.package, edition: pulled.value.edition };
}

/** Reads and validates a package folder; a bad one is a CommandError with the validator's row/column messages. */
export function loadPackage(folder: string): MonitorPackage {
  const pkg = validatePackage(folder);
  collectGarbage(); // the parsed tables
  return pkg;
}

function validatePackage(folder: string): MonitorPackage {
  const csv = readPackage(folder);
  collectGarbage(); // the files' texts: at a million rows, 360 MB
  const parsed = csv.ok ? packageFromCsv(csv.value) : csv;
  if (!parsed.ok) throw new CommandError(`The data package in '${folder}' is not valid; nothing was written:\n${problemList(parsed.problems, "nl")}`);
  return parsed.value;
}

/** The package's tables as parsed CSV; the texts are held only in here. */
function readPackage(folder: string): Result<PackageCsv> {
  try {
    return readPackageCsv(readPackageTexts(folder));
  } catch (e) {
    throw new CommandError(`Cannot read the data package: ${(e as Error).message}`);
  }
}

/**
 * A full collection between a command's phases, where the command runs with `--expose-gc` (as
 * `npm run workbook` does): V8 otherwise lets the heap grow past the garbage of the phase before
 * (the CSV text, the parser's cells, the store the sheets were built from) rather than collect
 * it: a million rows peaked at 2.6 GB without, 1.3 GB with. Without the flag, nothing happens.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
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
