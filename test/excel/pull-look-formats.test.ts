import { MonitorPackage } from "../../src/data/types";
import { problemText } from "../../src/text/problems";
import { AnyMessage } from "../../src/text/message";
import { TableModel } from "../support/fake-excel";
import { atWritingSync, edition, loadedWorkbook, runLoadData, snapshot } from "../support/workbooks";

/**
 * What a pull's write of changed cells overwrites, and so what the look just before it (in the
 * same sync) compares: the cells' values, and their number formats, which the form of what is
 * written follows (a text into a Text cell goes unprefixed, text-cells.ts) and which a text
 * written through General sets. Fills, fonts and the like it leaves as they are. Each case is
 * MonitorData before and after on the Excel fake, with the analyst's change made between two of
 * the write's syncs; the expected workbook is that change made on a twin no pull touched.
 */
const WAARDE = 6;
const TOELICHTING = 12;
/** At 2 KB a sync, the pull below writes its changed cells in several syncs. */
const SYNC_LIMIT = 2 * 1024;

/** Every count of the edition one higher: a changed Waarde on most rows, written in table order. */
function countsUp(): MonitorPackage {
  const source = structuredClone(edition);
  for (const o of source.observations) if (o.eenheid === "aantal") o.waarde += 1;
  return source;
}

/** The body row (0-based) of the last count of the edition: its Waarde is written in the write's last sync. */
const lastCount = edition.observations.map((o) => o.eenheid).lastIndexOf("aantal");
const cellOf = (data: TableModel, r: number, c: number) => data.sheet.cell(data.box.row + 1 + r, data.box.column + c);
const texts = (result: { ok: boolean; problems?: { message: AnyMessage }[] }) => (result.ok ? ["ok"] : (result.problems ?? []).map((p) => problemText(p as never, "en")));

describe("the look before a pull overwrites cells compares what the write overwrites", () => {
  it("a number format the analyst sets meanwhile on a cell still to be written stops the pull, which puts the workbook back with their format", async () => {
    const { model, data } = await loadedWorkbook();
    const twin = await loadedWorkbook();
    cellOf(twin.data, lastCount, WAARDE).numberFormat = "#,##0.0";
    const { result } = await runLoadData(model, countsUp(), { syncLimit: SYNC_LIMIT, onProgress: atWritingSync(1, () => (cellOf(data, lastCount, WAARDE).numberFormat = "#,##0.0")) });
    expect(lastCount).toBe(110); // niet-EU students in Leiden, 2021: 1658
    expect(texts(result)).toEqual(["MonitorData row 111 changed while the add-in was writing; writing stopped and the workbook was put back as it was, with your change. Compare again."]);
    expect(JSON.parse(snapshot(model))).toEqual(JSON.parse(snapshot(twin.model)));
    expect(cellOf(data, lastCount, WAARDE)).toMatchObject({ value: 1658, numberFormat: "#,##0.0" });
  });

  it("a Text cell the analyst makes General meanwhile is not written a text that General would read as a formula", async () => {
    // The publisher's new note on a figure starts with a dash; into the Text cell it was read as, it goes unprefixed (text-cells.ts).
    const source = structuredClone(edition);
    source.observations[lastCount].toelichting = "-3 t.o.v. 2021 (herzien)";
    const { model, data } = await loadedWorkbook();
    const twin = await loadedWorkbook();
    expect(cellOf(data, lastCount, TOELICHTING).numberFormat).toBe("@");
    cellOf(twin.data, lastCount, TOELICHTING).numberFormat = "General";
    // Many changed figures first, so that the note is written in a later sync than the first.
    for (const o of source.observations.slice(0, lastCount)) if (o.eenheid === "aantal") o.waarde += 1;
    const { result } = await runLoadData(model, source, { syncLimit: SYNC_LIMIT, onProgress: atWritingSync(1, () => (cellOf(data, lastCount, TOELICHTING).numberFormat = "General")) });
    expect(texts(result)).toEqual(["MonitorData row 111 changed while the add-in was writing; writing stopped and the workbook was put back as it was, with your change. Compare again."]);
    expect(JSON.parse(snapshot(model))).toEqual(JSON.parse(snapshot(twin.model)));
    expect(cellOf(data, lastCount, TOELICHTING)).toMatchObject({ value: "Internationale studenten aan de Universiteit Leiden uit andere landen dan de EU. De tekst zegt 'in 2021'; het studiejaar staat er niet bij.", formula: null, numberFormat: "General" });
  });

  it("a fill the analyst sets meanwhile on a cell still to be written stays, and the figure is written", async () => {
    const { model, data } = await loadedWorkbook();
    const { result } = await runLoadData(model, countsUp(), { syncLimit: SYNC_LIMIT, onProgress: atWritingSync(1, () => Object.assign(cellOf(data, lastCount, WAARDE), { fill: "#FFFF00", bold: true })) });
    expect(texts(result)).toEqual(["ok"]);
    expect(cellOf(data, lastCount, WAARDE)).toMatchObject({ value: 1659, fill: "#FFFF00", bold: true, numberFormat: "#,##0" });
  });
});
