import { TABLE_NAMES } from "../../src/data/package";
import { comparisonLines } from "../../src/taskpane/comparison-lines";
import { paneTexts } from "../../src/taskpane/i18n";
import { fakeRun } from "../support/fake-excel";
import { cbsPulls, usePaneOnFake } from "../support/pane-on-fake";
import { useCbsServer } from "../support/use-cbs-server";
import { runLoadData as loadEdition, tableNamed, tableValues, userWorkbook } from "../support/workbooks";

/**
 * A row of a CBS pull that the analyst deleted from MonitorData, across a pull of another
 * municipality (review R13), along the pane's own path (excel-actions: the snapshots kept in the
 * workbook's custom XML parts, the pull's scope): pull Delft, delete one of its rows, pull
 * Utrecht, pull Delft again. The row stays deleted, and the pane still says when CBS has a new
 * figure for it. Workbook states before and after each step on the fake.
 */
const cbs = useCbsServer();
const [GEBIED, GROEP, PERIODE, WAARDE] = [2, 3, 5, 6];
type Row = (string | number | boolean)[];

describe("a CBS row the analyst deleted, across a pull of another municipality", () => {
  const pane = usePaneOnFake(async () => {
    const model = userWorkbook();
    await loadEdition(model);
    return model;
  });
  const { pulled, write } = cbsPulls(cbs);
  const rows = () => tableValues(pane.model, TABLE_NAMES.observations);
  const delftRows = () => rows().filter((r) => r[GEBIED] === "Delft");
  /** Delft's 2023 row of Italiaans inhabitants, the one the analyst deletes. */
  const isTheRow = (r: Row) => r[GEBIED] === "Delft" && r[GROEP] === "Italiaans" && r[PERIODE] === "2023" && r[1] === "inwoners";

  /** The analyst deletes the table row (Excel's Delete › Table Rows: the rows below move up). */
  async function analystDeletes(): Promise<Row> {
    const data = tableNamed(pane.model, TABLE_NAMES.observations)!;
    const values = data.sheet.values(data.box);
    const index = values.findIndex(isTheRow);
    if (index < 1) throw new Error("no such row");
    await fakeRun(pane.model, async (context) => {
      context.workbook.worksheets.getItem(data.sheet.name).getRangeByIndexes(data.box.row + index, data.box.column, 1, data.box.columns).delete("Up");
      await context.sync();
    });
    return values[index];
  }

  it("pull Delft, delete a row, pull Utrecht, pull Delft again: the row stays deleted, the rest of Delft as it was", async () => {
    await write(await pulled(["Delft"]));
    const deleted = await analystDeletes();
    const delftBefore = delftRows();
    expect(delftBefore.some(isTheRow)).toBe(false);

    const b = await write(await pulled(["Utrecht"]));
    expect(b.comparison.removedByYou).toEqual([]); // a pull of Utrecht says nothing of Delft's rows
    expect(delftRows()).toEqual(delftBefore);
    expect(rows().some((r) => r[GEBIED] === "Utrecht")).toBe(true);

    const again = await write(await pulled(["Delft"]));
    expect(again.comparison.added).toEqual([]);
    expect(again.comparison.removedByYou.map(({ row, newFigure }) => [row.gebied, row.groep, row.periode, row.waarde, newFigure])).toEqual([["Delft", "Italiaans", "2023", deleted[WAARDE], false]]);
    expect(delftRows()).toEqual(delftBefore);
  });

  it("CBS has a new figure for the deleted row when Delft is pulled again: still deleted, and the pane says so with the figure, in both languages", async () => {
    await write(await pulled(["Delft"]));
    const deleted = await analystDeletes();
    const delftBefore = delftRows();
    await write(await pulled(["Utrecht"]));

    const revised = await pulled(["Delft"]);
    const figure = (deleted[WAARDE] as number) + 17;
    const corrected = { ...revised, observations: revised.observations.map((o) => (o.gebied === "Delft" && o.groep === "Italiaans" && o.periode === "2023" && o.indicator === "inwoners" ? { ...o, waarde: figure } : o)) };
    const again = await write(corrected);
    expect(again.comparison.added).toEqual([]);
    expect(again.comparison.removedByYou.map(({ row, newFigure }) => [row.groep, row.periode, row.waarde, newFigure])).toEqual([["Italiaans", "2023", figure, true]]);
    expect(delftRows()).toEqual(delftBefore);

    const nl = new Intl.NumberFormat("nl-NL").format(figure);
    const en = new Intl.NumberFormat("en-GB").format(figure);
    expect(comparisonLines(again.comparison, paneTexts("nl"), "nl").items).toContain(`− Italiaans · Delft · 2023 (inwoners): door u verwijderd; blijft weg, maar de bron heeft hem sindsdien gewijzigd, nu ${nl}`);
    expect(comparisonLines(again.comparison, paneTexts("en"), "en").items).toContain(`− Italiaans · Delft · 2023 (inwoners): you removed it; stays removed, but the source has changed it since, now ${en}`);
  });
});
