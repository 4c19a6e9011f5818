import { INDICATOR_COLUMNS, OBSERVATION_COLUMNS, SOURCE_COLUMNS, tableCells } from "../../src/data/columns";
import { writeCsv } from "../../src/data/csv";
import { parsePackageCsv } from "../../src/data/package-csv";
import { problemText } from "../../src/text/problems";
import { edition2023 } from "../support/edition-2023";

/** The tests' synthetic 2023 edition is a package the product itself accepts, as the CLI would read it. */
describe("the synthetic 2023 edition", () => {
  const pkg = edition2023();
  const read = parsePackageCsv({
    observations: writeCsv(tableCells(OBSERVATION_COLUMNS, pkg.observations)),
    indicators: writeCsv(tableCells(INDICATOR_COLUMNS, pkg.indicators)),
    sources: writeCsv(tableCells(SOURCE_COLUMNS, pkg.sources)),
  });

  it("passes the package validation", () => {
    expect(read.ok ? [] : read.problems.slice(0, 3).map((p) => problemText(p, "nl"))).toEqual([]);
  });

  it("moves Jaar with Periode: 2022 → 2023, a study year 2021/2022 → 2022 (its first year), a span 2012-2022 → 2023 (its last)", () => {
    const jaarOf = (periode: string) => [...new Set(pkg.observations.filter((o) => o.periode === periode).map((o) => o.jaar))];
    expect(jaarOf("2023")).toEqual([2023]);
    expect(jaarOf("2022/2023")).toEqual([2022]);
    expect(jaarOf("2013-2023")).toEqual([2023]);
  });
});
