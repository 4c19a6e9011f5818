import { Edition } from "../../src/data/descriptor";
import { parsePackageCsv } from "../../src/data/package-csv";
import { Language, MonitorPackage } from "../../src/data/types";
import { Result } from "../../src/data/validate";
import { CLI } from "../../src/text/cli";
import { AnyMessage, say, textOf } from "../../src/text/message";
import { basename } from "path";
import { getHeapStatistics } from "v8";
import { DEFAULT_LIMITS } from "../../src/sources/limits";
import { PullResult } from "../../src/sources/types";
import { PackageReadError, readEdition, readFileBounded, readPackageTexts } from "./read-package";

/** A validated package with what its datapackage.json says of the edition. */
export interface LoadedPackage {
  package: MonitorPackage;
  edition: Edition;
}

/**
 * A failure the user can act on: printed in the command's language, exit code 1, nothing
 * written. Its Error message is the text in `language` too, for a caller that catches it.
 */
export class CommandError extends Error {
  constructor(
    readonly text: AnyMessage,
    language: Language = "nl",
  ) {
    super(textOf(text, language));
  }
}

/** The language a command reports in: its `--lang` when that is nl or en, else Dutch. */
export function commandLanguage(argv: readonly string[]): Language {
  const value = argv[argv.indexOf("--lang") + 1];
  return argv.includes("--lang") && (value === "nl" || value === "en") ? value : "nl";
}

/** Time per request when the package comes from a server (MONITOR_FETCH_TIMEOUT_MS overrides it). */
const FETCH_TIMEOUT_MS = Number(process.env.MONITOR_FETCH_TIMEOUT_MS) || 30_000;

/** A zipped data package, as the pane takes it: the same reader, the same limits. */
async function pullZipFile(path: string, log: (message: AnyMessage) => void, language: Language): Promise<PullResult> {
  let bytes: Buffer;
  try {
    bytes = readFileBounded(path, DEFAULT_LIMITS.fileBytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = e instanceof PackageReadError ? { message: e.text } : code === "ENOENT" ? "missing" : code === "EACCES" ? "permission" : { system: (e as Error).message };
    throw new CommandError(say(CLI.cannotRead, { path, reason }), language);
  }
  const { pullFromZip } = await import("../../src/sources/zip-source");
  return pullFromZip(basename(path), bytes, log);
}

/**
 * A package from a folder, a .zip of one, or the http(s) URL of its datapackage.json (progress on
 * stderr); a bad one is a CommandError with the validator's row/column messages, or one clear line.
 */
export async function loadPackageFrom(location: string, language: Language = "nl", log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<LoadedPackage> {
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(location);
  if (!isUrl && !/\.zip$/i.test(location)) return { package: loadPackage(location, language), edition: readEditionOf(location, language) };
  const report = (message: AnyMessage) => log(textOf(message, language));
  // The readers of a URL and of a zip are loaded only for one: a folder, the usual case, needs neither.
  const pullFromUrl = isUrl ? (await import("../../src/sources/url-source")).pullFromUrl : null;
  const pulled = pullFromUrl ? await pullFromUrl(location, { fetch: (input, init) => fetch(input, init), timeoutMs: FETCH_TIMEOUT_MS, onProgress: report }) : await pullZipFile(location, report, language);
  if (!pulled.ok) throw new CommandError(say(CLI.packageUnusable, { location, problems: pulled.problems.map((p) => p.message) }), language);
  report(say(CLI.edition, { title: pulled.value.edition.title, version: pulled.value.edition.version }));
  return { package: pulled.value.package, edition: pulled.value.edition };
}

/** Reads and validates a package folder; a bad one is a CommandError with the validator's row/column messages. */
export function loadPackage(folder: string, language: Language = "nl"): MonitorPackage {
  const pkg = validatePackage(folder, language);
  collectGarbage(); // the files' texts (at a million rows, 360 MB) and what parsing them left
  return pkg;
}

function validatePackage(folder: string, language: Language): MonitorPackage {
  const parsed = readPackage(folder, language);
  if (!parsed.ok) throw new CommandError(say(CLI.packageInvalid, { folder, problems: parsed.problems.map((p) => p.message) }), language);
  return parsed.value;
}

/** The package's tables parsed and validated; the texts are held only in here. */
function readPackage(folder: string, language: Language): Result<MonitorPackage> {
  try {
    return parsePackageCsv(readPackageTexts(folder));
  } catch (e) {
    if (e instanceof PackageReadError) throw new CommandError(say(CLI.cannotReadPackage, { reason: e.text }), language);
    throw e;
  }
}

/** What the folder's datapackage.json says of its edition; a problem with it as a CommandError. */
function readEditionOf(folder: string, language: Language): Edition {
  try {
    return readEdition(folder);
  } catch (e) {
    if (e instanceof PackageReadError) throw new CommandError(say(CLI.cannotReadPackage, { reason: e.text }), language);
    throw e;
  }
}

/**
 * A full collection between a command's phases, where the command runs with `--expose-gc` (as
 * `npm run workbook` does): V8 otherwise lets the heap grow past the garbage of the phase before
 * (the CSV text, the parser's cells, the store the sheets were built from) rather than collect
 * it: a million rows peaked at 2.6 GB without, 1.3 GB with. Without the flag, nothing happens.
 * A phase that grew the heap by less than `WORTH_COLLECTING` since the last collection is let
 * be: at 100,000 rows two of the four phases grew it by 58 and 28 MB, and collecting after them
 * took time while lowering the peak by 3 MB (221 MB with them, 224 MB without).
 */
export const collectGarbage = garbageCollector(
  () => (globalThis as { gc?: () => void }).gc,
  () => getHeapStatistics().used_heap_size,
);

const WORTH_COLLECTING = 64 * 1024 * 1024;

/** collectGarbage, with the collector and the heap's used bytes given (the tests give their own). */
export function garbageCollector(collector: () => (() => void) | undefined, usedHeap: () => number): () => void {
  let usedAfterLast = 0;
  return () => {
    const gc = collector();
    if (!gc || usedHeap() - usedAfterLast < WORTH_COLLECTING) return;
    gc();
    usedAfterLast = usedHeap();
  };
}

/** Runs a command's main: CommandErrors print in the command's language, anything else without a stack trace. */
export function runCommand(main: () => Promise<void> | void, language: Language): void {
  Promise.resolve()
    .then(main)
    .catch((e) => {
      console.error(textOf(e instanceof CommandError ? e.text : say(CLI.failed, { system: (e as Error).message }), language));
      process.exit(1);
    });
}
