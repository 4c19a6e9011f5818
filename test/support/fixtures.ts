import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { parseCsv } from "../../src/data/csv";
import { parsePackageCsv, PackageTexts } from "../../src/data/package-csv";
import { MonitorQueries } from "../../src/data/queries";
import { MonitorStore } from "../../src/data/store";
import { MonitorPackage } from "../../src/data/types";
import { DEFAULT_PACKAGE, readPackageTexts } from "../../scripts/lib/read-package";

export const shippedTexts = (): PackageTexts => readPackageTexts(DEFAULT_PACKAGE);

export function shippedPackage(): MonitorPackage {
  const result = parsePackageCsv(shippedTexts());
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("\n"));
  return result.value;
}

export const shippedQueries = () => new MonitorQueries(new MonitorStore(shippedPackage()));

/** CSV text as cells, for tests that expect it to parse. */
export function csvRows(text: string): string[][] {
  const result = parseCsv(text, "test");
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("\n"));
  return result.value.rows;
}

/** The observations CSV as cells, to make broken variants of it in tests. */
export const shippedObservationCells = () => csvRows(shippedTexts().observations);

export const SEED_TEXT_PATH = join(__dirname, "..", "..", "..", "shared", "seed", "internationals-in-cijfers-leiden-2022.txt");
export const seedText = (): string | null => (existsSync(SEED_TEXT_PATH) ? readFileSync(SEED_TEXT_PATH, "utf8") : null);
