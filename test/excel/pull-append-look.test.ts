import { snapshotOf } from "../../src/data/compare";
import { problemText } from "../../src/text/problems";
import { AnyMessage } from "../../src/text/message";
import { TableModel, WorkbookModel } from "../support/fake-excel";
import { edition, largePackage, loadedWorkbook, runLoadData, snapshot, sortDescending, atWritingSync } from "../support/workbooks";

/**
 * A pull's new rows go in chunks, and each chunk looks at the cells it writes and at the table,
 * in the batch that writes them: a sort, an edit or a row typed below the table between two
 * chunks stops the pull, which puts the workbook back with the analyst's change. Each case is
 * the workbook before and after on the Excel fake; the expected workbook is the analyst's action
 * done on a twin that no pull touched.
 */
const WAARDE = 6;

/** The edition and 60 new figures (for made-up areas: synthetic, for size only), written in many chunks at a 2 KB limit. */
const grown = largePackage(edition.observations.length + 60);


async function expected(action: (data: TableModel) => void): Promise<string> {
  const { model, data } = await loadedWorkbook();
  action(data);
  return snapshot(model);
}

const state = (model: WorkbookModel | string) => JSON.parse(typeof model === "string" ? model : snapshot(model)) as unknown;
const texts = (result: { ok: boolean; problems?: { message: AnyMessage }[] }) => (result.ok ? ["ok"] : (result.problems ?? []).map((p) => problemText(p as never, "en")));
const editedMeanwhile = /^MonitorData row \d+ changed while the add-in was writing; writing stopped and the workbook was put back as it was, with your change\. Compare again\.$/;

/** The analyst types `value` in column `column` of the row just below the table, which grows over it (as Excel's table AutoExpansion does). */
function typeBelow(data: TableModel, column: number, value: string | number): void {
  Object.assign(data.sheet.cell(data.box.row + data.box.rows, data.box.column + column), { value });
  data.box = { ...data.box, rows: data.box.rows + 1 };
}

describe("a pull's new rows, while the analyst works between its syncs", () => {
  it("a sort after the first chunk moves the analyst's rows where the next chunk writes: the pull stops, and the table is as they sorted it", async () => {
    const { model, data } = await loadedWorkbook();
    const want = await expected(sortDescending);
    const { result } = await runLoadData(model, grown, { previous: new Set(snapshotOf(edition)), syncLimit: 2 * 1024, onProgress: atWritingSync(3, () => sortDescending(data)) });
    expect(texts(result)).toEqual([expect.stringMatching(editedMeanwhile)]);
    expect(state(model)).toEqual(state(want));
    expect(data.box.rows).toBe(edition.observations.length + 1);
  });

  it("a row typed below the grown table: the next chunk sees the table larger, the pull stops, and the typed row stays, right under the edition's rows", async () => {
    const { model, data } = await loadedWorkbook();
    const want = await expected((t) => typeBelow(t, 1, "eigen indicator"));
    const { result } = await runLoadData(model, grown, { previous: new Set(snapshotOf(edition)), syncLimit: 2 * 1024, onProgress: atWritingSync(3, () => typeBelow(data, 1, "eigen indicator")) });
    expect(texts(result)).toEqual([expect.stringMatching(editedMeanwhile)]);
    expect(state(model)).toEqual(state(want));
  });

  it("a figure typed into a new, still blank row: the chunk that writes there sees it, the pull stops, and the figure stays in a row at the end", async () => {
    const { model, data } = await loadedWorkbook();
    // What the analyst ends with: the edition's rows and a row with only their figure.
    const want = await expected((t) => {
      t.box = { ...t.box, rows: t.box.rows + 1 };
      Object.assign(t.sheet.cell(t.box.row + t.box.rows - 1, t.box.column + WAARDE), { value: 4242 });
    });
    const typeInLastRow = () => Object.assign(data.sheet.cell(data.box.row + data.box.rows - 1, data.box.column + WAARDE), { value: 4242 }); // the table has grown by then
    const { result } = await runLoadData(model, grown, { previous: new Set(snapshotOf(edition)), syncLimit: 2 * 1024, onProgress: atWritingSync(3, typeInLastRow) });
    expect(texts(result)).toEqual([`MonitorData row ${edition.observations.length + 60} changed while the add-in was writing; writing stopped and the workbook was put back as it was, with your change. Compare again.`]);
    expect(state(model)).toEqual(state(want));
  });

  it("without anyone working meanwhile, the same pull writes all 60 rows", async () => {
    const { model, data } = await loadedWorkbook();
    const { result } = await runLoadData(model, grown, { previous: new Set(snapshotOf(edition)), syncLimit: 2 * 1024 });
    expect(result.ok).toBe(true);
    expect(data.box.rows).toBe(edition.observations.length + 61);
    expect(data.sheet.values(data.box).slice(-1)[0][2]).toBe(grown.observations[grown.observations.length - 1].gebied);
  });
});
