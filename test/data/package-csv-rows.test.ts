import { parseCsv, writeCsv } from "../../src/data/csv";
import { parsePackageCsv, PackageTexts } from "../../src/data/package-csv";
import { parsePackageTables } from "../../src/data/package";
import { problemText } from "../../src/text/problems";
import { csvRows, shippedTexts } from "../support/fixtures";

/**
 * parsePackageCsv reads MonitorData as it parses it, a row at a time; these texts check that it
 * says what parsing the tables whole and validating them says (the CSV's problems first, the
 * cells', at most 50 of them, then the rules across rows), and the rows named.
 */
const WAARDE = 6;

/** The package parsed whole (every table a table of rows), then validated. */
function parsedWhole(texts: PackageTexts) {
  const tables = { observations: parseCsv(texts.observations, "MonitorData"), indicators: parseCsv(texts.indicators, "MonitorIndicatoren"), sources: parseCsv(texts.sources, "MonitorBronnen") };
  if (!tables.observations.ok || !tables.indicators.ok || !tables.sources.ok) throw new Error("expected CSV that parses");
  return parsePackageTables(
    { observations: tables.observations.value.rows, indicators: tables.indicators.value.rows, sources: tables.sources.value.rows },
    { observations: tables.observations.value.dialect, indicators: tables.indicators.value.dialect, sources: tables.sources.value.dialect },
  );
}

const withObservations = (change: (cells: string[][]) => void): PackageTexts => {
  const texts = shippedTexts();
  const cells = csvRows(texts.observations);
  change(cells);
  return { ...texts, observations: writeCsv(cells) };
};

const rowsAndColumns = (result: ReturnType<typeof parsePackageCsv>) => (result.ok ? [] : result.problems.map((p) => [p.table, p.row, p.column]));

describe("MonitorData read as it is parsed", () => {
  it("gives at most 50 problems of cells, the first 50 rows', as the table read whole", () => {
    const texts = withObservations((cells) => cells.slice(1, 61).forEach((row) => (row[WAARDE] = "veel")));
    const result = parsePackageCsv(texts);
    expect(rowsAndColumns(result)).toEqual(Array.from({ length: 50 }, (_, i) => ["MonitorData", i + 1, "Waarde"]));
    expect(result).toEqual(parsedWhole(texts));
  });

  it("takes blank lines at the end as no rows, and a blank line between rows as none of the figures", () => {
    const texts = shippedTexts();
    const lines = texts.observations.trimEnd().split("\n");
    const spaced = { ...texts, observations: [...lines.slice(0, 5), "", ...lines.slice(5), "", " ", ",".repeat(15), ""].join("\n") };
    const result = parsePackageCsv(spaced);
    const clean = parsePackageCsv(texts);
    expect(result.ok && clean.ok && result.value.observations).toEqual(clean.ok && clean.value.observations);
    expect(result.ok && result.value.observations).toHaveLength(lines.length - 1);
  });

  it("names a row of another width alone, not the bad cells of other rows", () => {
    const texts = withObservations((cells) => {
      cells[3][WAARDE] = "veel";
      cells[7].push("over");
    });
    const result = parsePackageCsv(texts);
    expect(rowsAndColumns(result)).toEqual([["MonitorData", 7, null]]);
    if (!result.ok) expect(problemText(result.problems[0], "en")).toMatch(/row 7/);
  });

  it("names the indicators' bad cells before MonitorData's, and the rules across rows only when every cell reads", () => {
    const texts = withObservations((cells) => {
      cells[2][WAARDE] = "veel";
      cells.push([...cells[9]]);
    });
    const indicators = csvRows(texts.indicators);
    indicators[1][3] = "stuks";
    const bad = { ...texts, indicators: writeCsv(indicators) };
    expect(rowsAndColumns(parsePackageCsv(bad))).toEqual([
      ["MonitorIndicatoren", 1, "eenheid"],
      ["MonitorData", 2, "Waarde"],
    ]);
    expect(parsePackageCsv(bad)).toEqual(parsedWhole(bad));
    const duplicate = withObservations((cells) => cells.push([...cells[9]]));
    const rows = csvRows(duplicate.observations).length - 1;
    expect(rowsAndColumns(parsePackageCsv(duplicate))).toEqual([["MonitorData", rows, "Indicator"]]);
  });
});
