import { parsePackageTables, parsePackageTablesInSlices } from "../../src/data/package";
import { packageTables } from "../../src/excel/load-data";
import { Cell } from "../../src/data/validate";
import { largePackage } from "../support/workbooks";

/**
 * The validation of the three tables in slices (for Regenerate and a pull without the pane's live
 * data): the same result as in one piece, valid or not, with a pause after every few hundred rows.
 */
const ROWS = 2000;
const tables = packageTables(largePackage(ROWS));

async function sliced(cells: typeof tables, options?: { extraColumns?: "refuse" | "ignore" }) {
  let pauses = 0;
  const result = await parsePackageTablesInSlices(cells, async () => void pauses++, options);
  return { result, pauses };
}

describe("validating the monitor tables in slices", () => {
  it("gives the package the one-piece validation gives, pausing while it reads, checks and completes the rows", async () => {
    const { result, pauses } = await sliced(tables);
    expect(result.ok && result.value.observations.length).toBe(ROWS);
    expect(result).toEqual(parsePackageTables(tables));
    expect(pauses).toBeGreaterThanOrEqual(3 * Math.floor(ROWS / 250));
  });

  it("gives the same problems for bad cells, a duplicate row and an unknown column", async () => {
    const observations = tables.observations.map((row) => [...row]);
    observations[1500][6] = "veel"; // Waarde
    const badCells = { ...tables, observations };
    expect((await sliced(badCells)).result).toEqual(parsePackageTables(badCells));
    expect((await sliced(badCells)).result).toMatchObject({ ok: false, problems: [{ table: "MonitorData", row: 1500, column: "Waarde" }] });

    const doubled = { ...tables, observations: [...tables.observations, [...tables.observations[1200]]] };
    const duplicate = (await sliced(doubled)).result;
    expect(duplicate).toEqual(parsePackageTables(doubled));
    expect(duplicate).toMatchObject({ ok: false, problems: [{ row: ROWS + 1, column: "Indicator" }] });

    const extra = { ...tables, observations: tables.observations.map((row, r): Cell[] => [...row, r === 0 ? "Dubbel" : 2]) };
    expect((await sliced(extra)).result).toEqual(parsePackageTables(extra));
    expect((await sliced(extra)).result.ok).toBe(false);
    expect((await sliced(extra, { extraColumns: "ignore" })).result).toEqual(parsePackageTables(tables));
  });
});
