import { ReadBatch } from "../../src/excel/batch";
import { inspectWorkbook, SheetState } from "../../src/excel/inspect";
import { chartSources, sheetsReferenced } from "../../src/excel/references-scan";
import { readExtras } from "../../src/excel/sheet-extras";
import { userChart } from "../support/charts";
import { FakeContext, fakeRun, WorkbookModel } from "../support/fake-excel";
import { asExcel, generatedWorkbook, sheetNamed } from "../support/workbooks";

/**
 * A chart series' source can be long (many areas, each with its sheet's name): Excel's formula
 * limit, 8,192 characters, is the most it is taken to hold. A user's chart of 400 series of such
 * sources answers about 6.4 MB, over the 5 MB Excel on the web answers in one sync (the fake
 * counts each getDimensionDataSourceString result's JSON in the response). The reference scan
 * and the extras read them in syncs of at most 84 series (4 MB at the most two sources can weigh,
 * 2 × (8,192 × 3 + 100) bytes: 84 × 49,352 = 4,145,568 ≤ 4,194,304 < 85 × 49,352), so every
 * response stays under the limit and the answer is the same.
 */

const MB = 1024 * 1024;
const SERIES = 400;
/** Syncs for 400 series at 84 a sync: 84 × 4 = 336, and the 64 left in a fifth. */
const SOURCE_SYNCS = 5;

/** A source of many two-cell areas on the user's own sheet, just under 8,192 characters, that ends with `last` when given. */
function longSource(column: string, last?: string): string {
  const areas: string[] = [];
  for (let row = 2; ; row += 3) {
    const area = `'Mijn analyse'!$${column}$${row}:$${column}$${row + 1}`;
    if (`=(${[...areas, area, ...(last ? [last] : [])].join(",")})`.length > 8_192) break;
    areas.push(area);
  }
  return `=(${[...areas, ...(last ? [last] : [])].join(",")})`;
}

/** `count` series of long sources on the user's own sheet; the last one's values end with `lastValues` when given. */
function longSources(count: number, lastValues?: string): { values: string; categories: string }[] {
  return Array.from({ length: count }, (_, i) => ({ values: longSource("B", i === count - 1 ? lastValues : undefined), categories: longSource("A") }));
}

const largestResponse = (model: WorkbookModel) => Math.max(...model.batches.map((b) => b.responseBytes));

describe("chart series with long sources, more than one response holds", () => {
  it("each source is as long as Excel allows a formula, and all of them read in one sync are refused as over 5 MB", async () => {
    const sources = longSources(SERIES, "Nationaliteiten!$B$6:$B$7");
    for (const source of sources) for (const text of [source.values, source.categories]) expect(text.length).toBeGreaterThan(8_150);
    for (const source of sources) for (const text of [source.values, source.categories]) expect(text.length).toBeLessThanOrEqual(8_192);
    const model = new WorkbookModel();
    model.addSheet("Mijn analyse").charts.push(userChart(sources));
    const context = new FakeContext(model);
    const charts = context.workbook.worksheets.getItem("Mijn analyse").charts.load("items/name");
    await context.sync();
    for (let i = 0; i < SERIES; i++) ["Values", "Categories"].forEach((dimension) => charts.items[0].series.getItemAt(i).getDimensionDataSourceString(dimension));
    await expect(context.sync()).rejects.toThrow("ResponsePayloadSizeLimitExceeded");
  }, 60_000);

  describe("the reference scan (a sheet to be rebuilt with a new layout)", () => {
    /** Which sheets the scan finds referenced when Nationaliteiten is to be rebuilt, and the largest response of the run. */
    async function referenced(lastValues?: string) {
      const model = await generatedWorkbook();
      sheetNamed(model, "Mijn analyse").charts.push(userChart(longSources(SERIES, lastValues)));
      model.batches.length = 0;
      const { result } = await fakeRun(model, async (context) => {
        const state = await inspectWorkbook(asExcel(context), { marks: true, content: true });
        const targets = state.sheets.filter((s) => s.name === "Nationaliteiten");
        return [...(await sheetsReferenced(asExcel(context), state, targets))].map(([s, by]): [string, unknown] => [s.name, by]);
      });
      return { result, response: largestResponse(model) };
    }

    it("finds the sheet the last series plots, past the first syncs, in responses under 5 MB", async () => {
      const { result, response } = await referenced("Nationaliteiten!$B$6:$B$7");
      expect(result).toEqual([["Nationaliteiten", [{ kind: "chart", sheet: "Mijn analyse", chart: "Mijn grafiek" }]]]);
      expect(response).toBeLessThan(5 * MB);
    }, 180_000);

    it("leaves the sheet to be rebuilt when no series plots it (so every series was read, not taken as unchecked)", async () => {
      const { result, response } = await referenced();
      expect(result).toEqual([]);
      expect(response).toBeLessThan(5 * MB);
    }, 180_000);

    it("reads the sources in five syncs after the charts and their counts, each response under 5 MB and more than 1 MB", async () => {
      const model = new WorkbookModel();
      model.addSheet("Mijn analyse").charts.push(userChart(longSources(SERIES, "Nationaliteiten!$B$6:$B$7")));
      const { result } = await fakeRun(model, async (context) => {
        const sheet = { name: "Mijn analyse", sheet: asExcel(context).workbook.worksheets.getItem("Mijn analyse") } as unknown as SheetState;
        const read = await chartSources(asExcel(context), [sheet]);
        return { read, syncs: context.syncs };
      });
      expect(result.syncs).toBe(2 + SOURCE_SYNCS);
      expect(result.read).toHaveLength(2 * SERIES);
      expect(result.read?.[2 * SERIES - 2].text).toMatch(/,Nationaliteiten!\$B\$6:\$B\$7\)$/);
      const responses = model.batches.map((b) => b.responseBytes);
      expect(Math.max(...responses)).toBeLessThan(5 * MB);
      // Four full syncs of 84 series (about 1.38 MB each here: the fake counts characters), a fifth of the 64 left (about 1.05 MB).
      expect(responses.filter((bytes) => bytes > 1.2 * MB)).toHaveLength(SOURCE_SYNCS - 1);
    }, 60_000);
  });

  describe("a sheet's extras (the fingerprint Regenerate compares)", () => {
    /** The extras of a sheet with one chart of `count` series of long sources: its sources as read, the syncs, the largest response. */
    async function extrasWith(count: number) {
      const model = new WorkbookModel();
      const sources = longSources(count);
      model.addSheet("Mijn analyse").charts.push(userChart(sources));
      const { result, syncs } = await fakeRun(model, async (context) => {
        const sheet = asExcel(context).workbook.worksheets.getItem("Mijn analyse");
        const charts = sheet.charts.load("items/name");
        await context.sync();
        return readExtras(new ReadBatch(asExcel(context)), [{ sheet, formatted: null, charts: charts.items }]);
      });
      return { sources, read: (result[0].details as { sources: unknown }).sources, unseen: result[0].unseen, syncs, response: largestResponse(model) };
    }

    it("reads one sheet's 400 series in syncs under 5 MB: four more than one series takes", async () => {
      const [one, many] = [await extrasWith(1), await extrasWith(SERIES)];
      expect(many.read).toEqual([many.sources.map((s) => [s.values, s.categories])]);
      expect(one.read).toEqual([one.sources.map((s) => [s.values, s.categories])]);
      expect(many.unseen).not.toContain("chart sources");
      expect(many.response).toBeLessThan(5 * MB);
      // One series' sources take one sync; 400 take five (see SOURCE_SYNCS); every other round is the same.
      expect(many.syncs - one.syncs).toBe(SOURCE_SYNCS - 1);
    }, 60_000);
  });
});
