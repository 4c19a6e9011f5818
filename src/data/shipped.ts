import observations from "../../data/leiden-2022/observations.csv";
import indicators from "../../data/leiden-2022/indicators.csv";
import sources from "../../data/leiden-2022/sources.csv";
import { parsePackageCsv } from "./package";
import { MonitorPackage } from "./types";
import { formatProblems } from "./validate";

/** The 2022 edition as bundled text (webpack asset/source; a jest transform in tests). */
export const SHIPPED_TEXTS = { observations, indicators, sources };

export function loadShippedPackage(): MonitorPackage {
  const result = parsePackageCsv(SHIPPED_TEXTS);
  // The shipped package is validated by the tests; failing here means a broken build.
  if (!result.ok) throw new Error(`The shipped data package is invalid:\n${formatProblems(result.problems)}`);
  return result.value;
}
