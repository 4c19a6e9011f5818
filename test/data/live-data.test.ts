import { LiveData } from "../../src/data/live-data";
import { parsePackageTables, PackageTables } from "../../src/data/package";
import { MonitorQueries } from "../../src/data/queries";
import { MonitorStore } from "../../src/data/store";
import { Cell } from "../../src/data/validate";
import { csvRows, shippedObservationCells, shippedTexts } from "../support/fixtures";
import { problemText } from "../../src/text/problems";

const texts = shippedTexts();
const tables = (observations: Cell[][] = shippedObservationCells()): PackageTables => ({ observations, indicators: csvRows(texts.indicators), sources: csvRows(texts.sources) });
const WAARDE = 6;
const italianRow = (cells: Cell[][]) => cells.findIndex((r) => r[1] === "inwoners" && r[3] === "Italiaans" && r[5] === "2022") - 1; // 0-based data row

/** What a full validation of the same cells says, to compare the live data with. */
function fullReading(cells: Cell[][]) {
  const result = parsePackageTables(tables(cells));
  return result.ok ? { problems: [], queries: new MonitorQueries(new MonitorStore(result.value)) } : { problems: result.problems.map((p) => problemText(p, "nl")), queries: null };
}

describe("the live data of the workbook's tables", () => {
  it("reads valid tables into one store with every figure", async () => {
    const live = await LiveData.read(tables());
    expect(live.valid).toBe(true);
    expect(live.figures).toBe(112);
    expect(live.queries.count("Italiaans", "2022")).toBe(1253);
    expect(live.package().observations).toHaveLength(112);
  });

  it("reports the same problems as a full validation, each naming row and column", async () => {
    const cells = shippedObservationCells();
    cells[4][WAARDE] = "veel";
    const live = await LiveData.read(tables(cells));
    expect(live.valid).toBe(false);
    expect(live.problems().map((p) => problemText(p, "nl"))).toEqual(fullReading(cells).problems);
    expect(live.problems()[0]).toMatchObject({ table: "MonitorData", row: 4, column: "Waarde" });
  });

  it("takes an edit of one row: the figure changes, nothing else is read", async () => {
    const cells: Cell[][] = shippedObservationCells();
    const live = await LiveData.read(tables(cells));
    const row = italianRow(cells);
    const edited = [...cells[row + 1]];
    edited[WAARDE] = 1260;
    expect(live.editRows(row, [edited])).toBe(true);
    expect(live.queries.count("Italiaans", "2022")).toBe(1260);
    expect(live.queries.top(1, "2022")).toEqual([["Italiaans", 1260]]);
    expect(live.figures).toBe(112);
    expect(live.editRows(row, [edited])).toBe(false); // the same cells again: nothing changed
  });

  it("finds a duplicate an edit makes, and forgets it when the edit is undone", async () => {
    const cells = shippedObservationCells();
    const live = await LiveData.read(tables(cells));
    const italian = italianRow(cells);
    const german = cells.findIndex((r) => r[1] === "inwoners" && r[3] === "Duits" && r[5] === "2022") - 1;
    const copy = [...cells[german + 1]];
    copy[3] = "italiaans "; // spelled otherwise, but a formula cannot tell the two apart
    live.editRows(german, [copy]);
    cells[german + 1] = copy;
    expect(live.valid).toBe(false);
    expect(live.problems().map((p) => problemText(p, "nl"))).toEqual(fullReading(cells).problems);
    expect(problemText(live.problems()[0], "nl")).toContain(`rij ${Math.min(italian, german) + 1} en rij ${Math.max(italian, german) + 1}`);
    live.editRows(german, [shippedObservationCells()[german + 1]]);
    expect(live.valid).toBe(true);
    expect(live.queries.count("Duits", "2022")).toBe(1162);
  });

  it("after any series of edits answers and reports exactly what a fresh read of the same cells would", async () => {
    const cells: Cell[][] = shippedObservationCells();
    const live = await LiveData.read(tables(cells));
    const edits: [number, number, Cell][] = [
      [10, WAARDE, "12.345"],
      [10, WAARDE, 12345],
      [20, 3, "Turks"],
      [21, 3, "Turks"],
      [21, 3, "Marokkaans"],
      [30, 1, "onbekend"],
      [30, 1, cells[31][1]],
      [40, 7, "procent"],
      [40, 7, cells[41][7]],
      [50, 0, ""],
    ];
    const questions = (q: MonitorQueries) => [q.count("Italiaans", "2022"), q.top(5, "2022"), q.store.groupNames.resolve("Turks"), q.store.periodsOfIndicator("inwoners"), q.store.size];
    for (const [row, column, value] of edits) {
      const edited = [...cells[row + 1]];
      edited[column] = value;
      cells[row + 1] = edited;
      live.editRows(row, [edited]);
      const fresh = fullReading(cells);
      expect(live.problems().map((p) => problemText(p, "nl"))).toEqual(fresh.problems);
      if (fresh.queries) expect(questions(live.queries)).toEqual(questions(fresh.queries));
    }
  });

  it("follows MonitorIndicatoren: an indicator removed makes its figures a problem", async () => {
    const live = await LiveData.read(tables());
    const indicators = csvRows(texts.indicators).filter((r) => r[0] !== "vestiging");
    live.editDefinitions(indicators, csvRows(texts.sources));
    expect(live.valid).toBe(false);
    expect(problemText(live.problems()[0], "nl")).toMatch(/onbekende indicator 'vestiging'/);
    live.editDefinitions(csvRows(texts.indicators), csvRows(texts.sources));
    expect(live.valid).toBe(true);
  });

  it("pauses between slices when reading a large table", async () => {
    const cells = shippedObservationCells();
    const body = cells.slice(1);
    for (let i = 1; cells.length < 20_001; i++) for (const row of body) if (cells.length < 20_001) cells.push(row.map((c, k) => (k === 2 ? `Testwijk ${i} ${c}` : c)));
    let pauses = 0;
    const progress: number[] = [];
    const live = await LiveData.read(tables(cells), async () => void pauses++, (fraction) => progress.push(fraction));
    expect(live.valid).toBe(true);
    expect(live.figures).toBe(20_000);
    expect(pauses).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b)); // progress only goes forward
  });
});
