import { MonitorPackage } from "../../src/data/types";
import { problemText } from "../../src/text/problems";
import { TableModel, WorkbookModel } from "../support/fake-excel";
import { edition, loadedWorkbook, runLoadData, snapshot, tableValues } from "../support/workbooks";

/**
 * An analyst's remarks in the column beside MonitorData (review D9): outside the table, in the
 * same rows. A pull deletes a row the source dropped as a table row, and Excel then moves only
 * the table's cells up (test/excel/fake-table-row-delete.test.ts): every remark below would end
 * up beside another record. So a pull that must delete rows looks beside the table first, and
 * when anything stands there in the rows that would move, it stops before writing, names the
 * cells and says what to do. Workbook states before and after, on the fake.
 */

/** The edition without the figure at `index` of its observations (the source dropped it), the rest unchanged. */
function dropped(index: number): MonitorPackage {
  const pkg = structuredClone(edition);
  pkg.observations.splice(index, 1);
  return pkg;
}

/** The body row (0 = first under the header) of MonitorData that holds the edition's observation `index`. */
function rowOf(data: TableModel, index: number): number {
  const o = edition.observations[index];
  const rows = data.sheet.values(data.box).slice(1);
  const at = rows.findIndex((r) => r[1] === o.indicator && r[2] === o.gebied && r[3] === o.groep && r[4] === (o.leeftijd ?? "") && r[5] === o.periode);
  if (at < 0) throw new Error("no such row");
  return at;
}

/** The analyst types `text` in column Q (the one right of MonitorData's sixteen, A:P), beside body row `row`. */
function remark(data: TableModel, row: number, text: string): void {
  data.sheet.cell(data.box.row + 1 + row, data.box.column + data.box.columns).value = text;
}

/** The remark beside each record that has one: the record's group and period, and the remark. */
function remarks(model: WorkbookModel, data: TableModel): [string, string, string][] {
  const body = tableValues(model, "MonitorData").slice(1);
  return body.flatMap((r, i) => {
    const cell = data.sheet.cells.get(`${data.box.row + 1 + i},${data.box.column + data.box.columns}`);
    return cell?.value ? [[String(r[3]), String(r[5]), String(cell.value)] as [string, string, string]] : [];
  });
}

// The fixtures' edition: MonitorData at A1 on Data, MonitorIndicatoren from column R, beside its first rows.
const EARLY = 3; // a figure in the rows MonitorIndicatoren stands beside

describe("a pull that must delete a row while the analyst has remarks beside MonitorData", () => {
  it("with a remark in a row that would move: stops before writing, names the cell, and says what to do", async () => {
    for (const language of ["nl", "en"] as const) {
      const { model, data } = await loadedWorkbook();
      const gone = rowOf(data, EARLY);
      remark(data, gone + 2, "nagevraagd bij BRP, klopt");
      const before = snapshot(model);
      const written = model.cellsWritten;

      const { result } = await runLoadData(model, dropped(EARLY));

      expect(snapshot(model)).toBe(before);
      expect(model.cellsWritten).toBe(written);
      const cell = `Q${data.box.row + 1 + gone + 2 + 1}`;
      expect(!result.ok && result.problems.map((p) => [p.table, problemText(p, language)])).toEqual([
        [
          "MonitorData",
          language === "nl"
            ? `De bron heeft 1 rij van MonitorData niet meer. Die verwijderen schuift de rijen eronder in de tabel omhoog, maar niet wat ernaast staat: ${cell} op het blad 'Data' zou dan naast een andere rij staan. Er is niets veranderd. Maak van die cellen een kolom van de tabel (een eigen kolom in MonitorData blijft bij zijn rij en de invoegtoepassing schrijft er nooit in), of verplaats ze, en haal opnieuw op.`
            : `The source no longer has 1 row of MonitorData. Deleting it moves the table's rows below it up, but not what stands beside the table: ${cell} on the sheet 'Data' would then stand beside another row. Nothing was changed. Make those cells a column of the table (a column of your own in MonitorData stays with its row, and the add-in never writes in it), or move them elsewhere, and pull again.`,
        ],
      ]);
    }
  });

  it("with several areas of remarks and a formula: names the first five and counts the rest", async () => {
    const { model, data } = await loadedWorkbook();
    const gone = rowOf(data, EARLY);
    for (let k = 0; k < 7; k++) remark(data, gone + 1 + 2 * k, `opmerking ${k}`);
    data.sheet.cell(data.box.row + 1 + gone + 20, 80).formula = "=G30*2"; // far right of every table, in a row that would move
    const before = snapshot(model);
    const { result } = await runLoadData(model, dropped(EARLY));
    expect(snapshot(model)).toBe(before);
    const q = (k: number) => `Q${data.box.row + 1 + gone + 1 + 2 * k + 1}`;
    const text = !result.ok ? problemText(result.problems[0], "en") : "";
    expect(text).toContain(`beside the table: ${[0, 1, 2, 3, 4].map(q).join(", ")} and 3 more on the sheet 'Data'`);
  });

  it("with remarks only above the first row to delete: the row is deleted and every remark stays beside its record", async () => {
    const { model, data } = await loadedWorkbook();
    const gone = rowOf(data, 40);
    remark(data, gone - 1, "boven de verwijderde rij");
    remark(data, 0, "eerste rij");
    const kept = remarks(model, data);
    const rows = data.box.rows;

    const { result } = await runLoadData(model, dropped(40));

    expect(result.ok).toBe(true);
    expect(data.box.rows).toBe(rows - 1);
    expect(remarks(model, data)).toEqual(kept);
  });

  it("with the remarks in a column of the table itself: the row is deleted, and each remark stays with its record", async () => {
    const { model, data } = await loadedWorkbook();
    const gone = rowOf(data, EARLY);
    // The analyst makes column Q a column of MonitorData (a header beside the last one; Excel takes the column into the table).
    data.sheet.cell(data.box.row, data.box.column + data.box.columns).value = "Opmerking";
    remark(data, gone + 2, "nagevraagd bij BRP, klopt");
    remark(data, gone - 1, "boven");
    data.box = { ...data.box, columns: data.box.columns + 1 };
    const record = (i: number) => tableValues(model, "MonitorData")[1 + i].slice(0, 16);
    const [above, below] = [record(gone - 1), record(gone + 2)];

    const { result } = await runLoadData(model, dropped(EARLY));

    expect(result.ok).toBe(true);
    const values = tableValues(model, "MonitorData");
    expect(values.find((r) => r[16] === "boven")?.slice(0, 16)).toEqual(above);
    expect(values.find((r) => r[16] === "nagevraagd bij BRP, klopt")?.slice(0, 16)).toEqual(below);
  });
});
