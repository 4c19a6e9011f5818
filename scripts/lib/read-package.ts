import { readFileSync, existsSync } from "fs";
import { dirname, join } from "path";
import { PackageTexts } from "../../src/data/package-csv";

interface DescriptorResource {
  name: string;
  path: string;
}

/** Reads a data package folder (datapackage.json + its CSV resources) as texts. */
export function readPackageTexts(folder: string): PackageTexts {
  const descriptorPath = join(folder, "datapackage.json");
  if (!existsSync(descriptorPath)) throw new Error(`No datapackage.json in '${folder}'.`);
  const descriptor = JSON.parse(readFileSync(descriptorPath, "utf8")) as { resources?: DescriptorResource[] };
  const text = (name: keyof PackageTexts) => {
    const resource = descriptor.resources?.find((r) => r.name === name);
    if (!resource) throw new Error(`${descriptorPath} has no resource named '${name}'.`);
    const path = join(folder, resource.path);
    if (!existsSync(path)) throw new Error(`Resource '${name}' points at '${resource.path}', which does not exist in '${folder}'.`);
    return readFileSync(path, "utf8");
  };
  return { observations: text("observations"), indicators: text("indicators"), sources: text("sources") };
}

/** The project root: the nearest folder up with a package.json (works from src and from build/). */
function projectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const DEFAULT_PACKAGE = join(projectRoot(__dirname), "data", "leiden-2022");
