import { MonitorError } from "../../src/data/errors";
import { regenerate } from "../../src/excel/regenerate";
import { pullFromCbs } from "../../src/sources/cbs/pull";
import { MonitorPackage } from "../../src/data/types";
import { fakeRun, WorkbookModel } from "../support/fake-excel";
import { useCbsServer } from "../support/use-cbs-server";
import { errorOf, withNthWriteRefused } from "../support/refuse-write";
import { asExcel, markKey, runLoadData, sheetNamed, snapshot, tableNamed, userWorkbook } from "../support/workbooks";
import { convertedToRanges, emptiedDataSheet } from "../support/data-sheet-states";

/**
 * What Regenerate's undo (src/excel/undo.ts) puts back after Excel refused a sync, beyond the
 * cases of regen-refused.test.ts: text as text on a sheet written in place, the marks of extra
 * Data sheets, a reused Data sheet. Workbook states before and after.
 */
const cbs = useCbsServer();

const AREA = "'s-Gravenhage";

interface Options {
  area?: string;
  syncLimit?: number;
}

async function run(model: WorkbookModel, edition: MonitorPackage, options: Options = {}) {
  return fakeRun(model, (context) => regenerate(asExcel(context), { edition, language: "nl", today: () => "2026-11-25", ...options }));
}

/** Regenerate with the `refuseNth` sync that sends more than 1000 bytes refused; the error it throws. */
const refused = (model: WorkbookModel, edition: MonitorPackage, refuseNth: number, options: Options = {}): Promise<unknown> =>
  errorOf(withNthWriteRefused(model, refuseNth, () => run(model, edition, options)));

const english = (error: unknown) => (error instanceof MonitorError ? error.text("en") : String(error));

/** Sets the figure of MonitorData's row matching `match` (by column name) to `waarde`. */
function setFigure(model: WorkbookModel, match: Record<string, string>, waarde: number): void {
  const table = tableNamed(model, "MonitorData");
  if (!table) throw new Error("no MonitorData");
  const [header, ...rows] = table.sheet.values(table.box);
  const at = (name: string) => header.indexOf(name);
  const hits = rows.flatMap((row, r) => (Object.entries(match).every(([k, v]) => row[at(k)] === v) ? [r] : []));
  if (hits.length === 0) throw new Error(`no row ${JSON.stringify(match)}`);
  const row = hits[hits.length - 1];
  Object.assign(table.sheet.cell(table.box.row + 1 + row, table.box.column + at("Waarde")), { value: waarde, formula: null });
}

describe("Regenerate's undo after a refused sync", () => {
  let pulled: MonitorPackage;
  beforeAll(async () => {
    const result = await pullFromCbs({ areas: [AREA, "Delft"], from: 2020, to: 2024 }, cbs.options());
    if (!result.ok) throw new Error("the CBS stand-in's pull failed");
    pulled = result.value.package;
  });

  it("puts text back as text on a sheet written in place: \"'s-Gravenhage …\" keeps its apostrophe", async () => {
    const model = userWorkbook();
    await run(model, pulled, { area: AREA });
    const comparison = sheetNamed(model, "Vergelijking gemeenten");
    // The title, and the municipality as a label of the tables: text beginning with an apostrophe.
    expect(comparison.cell(0, 0)).toMatchObject({ value: "'s-Gravenhage vergeleken met Nederland", formula: null, numberFormat: "General" });
    expect(comparison.cell(5, 0)).toMatchObject({ value: AREA, formula: null });
    // A corrected share for Delft: same layout, so the comparison is written in place.
    setFigure(model, { Indicator: "aandeel", Gebied: "Delft", Groep: "buitenlandse nationaliteit" }, 0.2);
    const before = snapshot(model);
    const error = await refused(model, pulled, 1, { area: AREA });
    expect(english(error)).toMatch(/The workbook was put back as it was: nothing changed\./);
    expect(comparison.cell(0, 0)).toMatchObject({ value: "'s-Gravenhage vergeleken met Nederland", formula: null });
    expect(comparison.cell(5, 0)).toMatchObject({ value: AREA, formula: null });
    expect(snapshot(model)).toBe(before);
    // And the next run brings it up to date in place.
    const { result } = await run(model, pulled, { area: AREA });
    expect(result.ok && result.sheets.find((s) => s.name === "Vergelijking gemeenten")?.status).toBe("updated");
  });

  it("gives the add-in's Data sheet its mark back when its tables were converted to ranges (a fresh Data sheet was begun)", async () => {
    const model = userWorkbook();
    await runLoadData(model);
    convertedToRanges(model);
    const before = snapshot(model);
    const error = await refused(model, pulled, 1);
    expect(english(error)).toMatch(/The workbook was put back as it was: nothing changed\./);
    expect(markKey(sheetNamed(model, "Data"))).toBe("data");
    expect(snapshot(model)).toBe(before);
  });

  it("empties the add-in's blank Data sheet again, whose column widths and panes it does not change", async () => {
    const model = userWorkbook();
    await runLoadData(model);
    const data = emptiedDataSheet(model);
    const before = snapshot(model);
    // Refused with the first chunk of the tables, and with a later one.
    for (const nth of [1, 4]) {
      const error = await refused(model, pulled, nth, { syncLimit: 8 * 1024 });
      expect(english(error)).toMatch(/The workbook was put back as it was: nothing changed\./);
      expect(model.tables.map((t) => t.name)).toEqual([]);
      expect(snapshot(model)).toBe(before);
    }
    // Written for real, it is used again as it is: the user's widths and panes stay.
    const { result } = await run(model, pulled);
    expect(result.ok && result.data).toMatchObject({ sheetName: "Data", created: false });
    expect([data.columnWidths.get(0), data.frozenRows]).toEqual([200, 0]);
    expect(tableNamed(model, "MonitorData")?.sheet).toBe(data);
  });
});
