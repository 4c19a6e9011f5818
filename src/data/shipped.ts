import observations from "../../data/leiden-2022/observations.csv";
import indicators from "../../data/leiden-2022/indicators.csv";
import sources from "../../data/leiden-2022/sources.csv";
import { parsePackageTables } from "./package";
import { MonitorPackage } from "./types";
import { problemList } from "../text/problems";

/** The 2022 edition as bundled rows (parsed from its CSV at build time, see scripts/csv-rows-loader.js). */
export const SHIPPED_TABLES = { observations, indicators, sources };

export function loadShippedPackage(): MonitorPackage {
  const result = parsePackageTables(SHIPPED_TABLES);
  // The shipped package is validated by the tests; failing here means a broken build.
  if (!result.ok) throw new Error(`The shipped data package is invalid:\n${problemList(result.problems, "en")}`);
  return result.value;
}
