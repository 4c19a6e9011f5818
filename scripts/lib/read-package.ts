import { existsSync, readFileSync, statSync } from "fs";
import { dirname, join, relative, resolve, sep } from "path";
import { decodeUtf8 } from "../../src/data/csv";
import { parseDescriptor, RESOURCE_NAMES } from "../../src/data/descriptor";
import { PackageTexts } from "../../src/data/package-csv";
import { TABLE_NAMES } from "../../src/data/package";

/**
 * Reads a data package folder (datapackage.json + its CSV resources) as texts. Every failure is
 * an Error with a sentence for the user: no JSON parser's or file system's own wording, and never
 * the contents of a file outside the package.
 */
export function readPackageTexts(folder: string): PackageTexts {
  const descriptorPath = join(folder, "datapackage.json");
  if (!existsSync(descriptorPath)) throw new Error(`No datapackage.json in '${folder}'.`);
  const descriptor = parseDescriptor(readFileSync(descriptorPath, "utf8"));
  if (!descriptor.ok) throw new Error(`${descriptorPath}: ${descriptor.problems.map((p) => p.message).join(" ")}`);
  const root = resolve(folder);
  const texts = {} as PackageTexts;
  for (const name of RESOURCE_NAMES) {
    const path = descriptor.value.paths.get(name) as string;
    const full = resolve(root, path);
    // Checked by parseDescriptor already; kept as a second guard at the file system.
    if (relative(root, full).startsWith("..") || !full.startsWith(root + sep)) throw new Error(`Resource '${name}' points outside the package folder.`);
    if (!existsSync(full) || !statSync(full).isFile()) throw new Error(`Resource '${name}' points at '${path}', which does not exist in '${folder}'.`);
    const decoded = decodeUtf8(readFileSync(full), TABLE_NAMES[name]);
    if (!decoded.ok) throw new Error(`${path}: ${decoded.problems[0].message}`);
    texts[name] = decoded.value;
  }
  return texts;
}

/** The project root: the nearest folder up with a package.json (works from src and from build/). */
function projectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const DEFAULT_PACKAGE = join(projectRoot(__dirname), "data", "leiden-2022");
