import { closeSync, existsSync, fstatSync, openSync, readSync, realpathSync, statSync } from "fs";
import { dirname, join, relative, resolve, sep } from "path";
import { decodeUtf8 } from "../../src/data/csv";
import { Edition, parseDescriptor, RESOURCE_NAMES } from "../../src/data/descriptor";
import { PackageTexts } from "../../src/data/package-csv";
import { TABLE_NAMES } from "../../src/data/package";
import { DEFAULT_LIMITS } from "../../src/sources/limits";
import { CLI } from "../../src/text/cli";
import { AnyMessage, say, textOf } from "../../src/text/message";
import { SOURCES } from "../../src/text/sources";

/** A package folder or file that cannot be read, as a message; its Error message is the Dutch text. */
export class PackageReadError extends Error {
  constructor(readonly text: AnyMessage) {
    super(textOf(text, "nl"));
  }
}

/** Whether `path` (already resolved through its links) is inside `root` (the same). */
const isInside = (root: string, path: string) => path.startsWith(root + sep) && !relative(root, path).startsWith("..");

/**
 * A file's bytes, at most `maxBytes`: the size is checked on the open file before reading, and
 * what is read is counted too (a file may grow between the two).
 */
export function readFileBounded(path: string, maxBytes: number, shownAs = path): Buffer {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const tooLarge = (sizeBytes?: number) => new PackageReadError(say(SOURCES.tooLarge, { limit: "fileBytes", what: shownAs, limitBytes: maxBytes, sizeBytes }));
    if (size > maxBytes) throw tooLarge(size);
    const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
    if (length > maxBytes) throw tooLarge();
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a data package folder (datapackage.json + its CSV resources) as texts. Every failure is
 * a PackageReadError with a message for the user: no JSON parser's or file system's own wording, and never
 * the contents of a file outside the package. A path is followed through its symbolic links
 * (realpath) and must still be inside the folder, so a link to a file elsewhere is not read.
 */
export function readPackageTexts(folder: string, maxFileBytes: number = DEFAULT_LIMITS.fileBytes): PackageTexts {
  const descriptorPath = join(folder, "datapackage.json");
  if (!existsSync(descriptorPath)) throw new PackageReadError(say(CLI.noDescriptorIn, { folder }));
  const root = realpathSync(resolve(folder));
  const inPackage = (path: string, what: AnyMessage | string) => {
    const real = realpathSync(path);
    if (!isInside(root, real)) throw new PackageReadError(say(CLI.linkOutside, { what, folder }));
    return real;
  };
  const descriptorFile = inPackage(descriptorPath, "datapackage.json");
  const descriptor = parseDescriptor(readFileBounded(descriptorFile, maxFileBytes, descriptorPath).toString("utf8"));
  if (!descriptor.ok) throw new PackageReadError(say(CLI.fileProblems, { path: descriptorPath, problems: descriptor.problems.map((p) => p.message) }));
  const texts = {} as PackageTexts;
  for (const name of RESOURCE_NAMES) {
    const path = descriptor.value.paths.get(name) as string;
    const full = resolve(root, path);
    // Checked by parseDescriptor already; kept as a second guard at the file system.
    if (!isInside(root, full)) throw new PackageReadError(say(CLI.resourceOutside, { name }));
    if (!existsSync(full) || !statSync(full).isFile()) throw new PackageReadError(say(CLI.resourceAbsent, { name, path, folder }));
    const real = inPackage(full, say(CLI.resourceFile, { name, path }));
    const decoded = decodeUtf8(readFileBounded(real, maxFileBytes, join(folder, path)), TABLE_NAMES[name]);
    if (!decoded.ok) throw new PackageReadError(say(CLI.fileProblems, { path, problems: [decoded.problems[0].message] }));
    texts[name] = decoded.value;
  }
  return texts;
}

/** What a package folder's datapackage.json says of its edition (read after readPackageTexts checked it). */
export function readEdition(folder: string): Edition {
  const descriptor = parseDescriptor(readFileBounded(join(folder, "datapackage.json"), DEFAULT_LIMITS.fileBytes).toString("utf8"));
  if (!descriptor.ok) throw new PackageReadError(say(CLI.fileProblems, { path: join(folder, "datapackage.json"), problems: descriptor.problems.map((p) => p.message) }));
  return descriptor.value.edition;
}

/** The project root: the nearest folder up with a package.json (works from src and from build/). */
export function projectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const DEFAULT_PACKAGE = join(projectRoot(__dirname), "data", "leiden-2022");
