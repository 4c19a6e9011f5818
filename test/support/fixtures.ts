import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { parseCsv } from "../../src/data/csv";
import { parsePackageCsv, PackageTexts } from "../../src/data/package-csv";
import { MonitorQueries } from "../../src/data/queries";
import { MonitorStore } from "../../src/data/store";
import { MonitorPackage, Problem } from "../../src/data/types";
import { parsePackageTables } from "../../src/data/package";
import { DEFAULT_PACKAGE, readPackageTexts } from "../../scripts/lib/read-package";
import { problemText } from "../../src/text/problems";

export const shippedTexts = (): PackageTexts => readPackageTexts(DEFAULT_PACKAGE);

export function shippedPackage(): MonitorPackage {
  const result = parsePackageCsv(shippedTexts());
  if (!result.ok) throw new Error(result.problems.map((p) => problemText(p, "nl")).join("\n"));
  return result.value;
}

export const shippedQueries = () => new MonitorQueries(new MonitorStore(shippedPackage()));

/** CSV text as cells, for tests that expect it to parse. */
export function csvRows(text: string): string[][] {
  const result = parseCsv(text, "test");
  if (!result.ok) throw new Error(result.problems.map((p) => problemText(p, "nl")).join("\n"));
  return result.value.rows;
}

/** The observations CSV as cells, to make broken variants of it in tests. */
export const shippedObservationCells = () => csvRows(shippedTexts().observations);

/** The problems the validator finds once `change` has broken the shipped observations. */
export function problemsWithObservations(change: (cells: string[][]) => void): Problem[] {
  const cells = shippedObservationCells();
  change(cells);
  const texts = shippedTexts();
  const result = parsePackageTables({ observations: cells, indicators: csvRows(texts.indicators), sources: csvRows(texts.sources) });
  if (result.ok) throw new Error("expected the package to be rejected");
  return result.problems;
}

export const SEED_TEXT_PATH = join(__dirname, "..", "..", "..", "shared", "seed", "internationals-in-cijfers-leiden-2022.txt");
export const seedText = (): string | null => (existsSync(SEED_TEXT_PATH) ? readFileSync(SEED_TEXT_PATH, "utf8") : null);
