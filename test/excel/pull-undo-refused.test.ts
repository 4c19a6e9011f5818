import { buildPivot } from "../../src/excel/pivot";
import { MonitorPackage } from "../../src/data/types";
import { problemText } from "../../src/text/problems";
import { fakeRun, SheetModel, WorkbookModel } from "../support/fake-excel";
import { asExcel, edition, runLoadData, sheetState, tableNamed, tableValues, userWorkbook } from "../support/workbooks";

/**
 * A pull that stopped (a refusal, a cancel) and whose putting back Excel refused too says what
 * may be partly written, and only that: every other sheet is as it was. A pull whose figures were
 * written but whose PivotTable Excel would not refresh says that, and keeps what it wrote.
 */

/** The edition with every count one higher: a pull that writes every figure. */
const next: MonitorPackage = { ...edition, observations: edition.observations.map((o) => (o.eenheid === "aantal" ? { ...o, waarde: o.waarde + 1 } : o)) };

/** Pulls `next` with the first sync that writes values refused, and the next sync too: the undo's first. */
async function refusedFromTheFirstWrite(model: WorkbookModel) {
  let refused = 0;
  model.refuse = (bytes) => ((refused > 0 || bytes > 0) && ++refused <= 2 ? "GeneralException" : null); // bytes: the values sent (a look-up sends none)
  try {
    return (await runLoadData(model, next, { syncLimit: 4 * 1024 })).result;
  } finally {
    model.refuse = null;
  }
}

const states = (model: WorkbookModel, but: SheetModel | null) => model.sheets.filter((s) => s !== but).map((s) => JSON.stringify({ name: s.name, props: [...s.customProperties], ...sheetState(s) }));

describe("a pull whose putting back Excel refuses too", () => {
  it("refreshing the tables in place: says MonitorData may be partly written, and nothing else changed", async () => {
    const model = userWorkbook();
    await runLoadData(model);
    const data = tableNamed(model, "MonitorData")?.sheet ?? null;
    const others = states(model, data);
    const result = await refusedFromTheFirstWrite(model);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => problemText(p, "en"))).toEqual([
      "Writing stopped, and then Excel refused putting the workbook back (Excel: GeneralException). MonitorData, MonitorIndicatoren and MonitorBronnen on the sheet 'Data' may be partly written (some figures new, rows added or deleted), and cells below them may have moved down. Compare again: the comparison shows what differs from the source. Nothing else in the workbook was touched.",
    ]);
    expect(problems.map((p) => problemText(p, "nl"))).toEqual([
      "Het schrijven is gestopt en Excel weigerde daarna het terugzetten van de werkmap (Excel: GeneralException). MonitorData, MonitorIndicatoren en MonitorBronnen op het blad 'Data' kunnen half geschreven zijn (een deel van de cijfers nieuw, rijen toegevoegd of verwijderd) en cellen eronder kunnen omlaag geschoven zijn. Vergelijk opnieuw: de vergelijking toont wat van de bron verschilt. De rest van de werkmap is niet aangeraakt.",
    ]);
    expect(states(model, data)).toEqual(others);
  });

  it("a first load: says its sheet may hold partly written tables, and nothing else changed", async () => {
    const model = userWorkbook();
    const others = states(model, null);
    const result = await refusedFromTheFirstWrite(model);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => problemText(p, "en"))).toEqual([
      "Writing stopped, and then Excel refused putting the workbook back (Excel: GeneralException). The sheet 'Data' may hold partly written monitor tables: delete that sheet and pull again. Nothing else in the workbook was touched.",
    ]);
    expect(problems.map((p) => problemText(p, "nl"))).toEqual([
      "Het schrijven is gestopt en Excel weigerde daarna het terugzetten van de werkmap (Excel: GeneralException). Het blad 'Data' kan half geschreven monitortabellen bevatten: verwijder dat blad en haal opnieuw op. De rest van de werkmap is niet aangeraakt.",
    ]);
    expect(states(model, model.sheets.find((s) => s.name === "Data") ?? null)).toEqual(others);
  });
});

describe("a pull whose PivotTable Excel will not refresh", () => {
  async function withPivot(): Promise<WorkbookModel> {
    const model = userWorkbook();
    await runLoadData(model);
    await fakeRun(model, (context) => buildPivot(asExcel(context), edition, "nl"));
    return model;
  }
  let syncs = 0;
  beforeAll(async () => {
    syncs = (await runLoadData(await withPivot(), next)).syncs;
  });

  // The last syncs of a pull: the PivotTable looked up (with the last writes), refreshed, and Excel.run's own.
  it.each([
    ["looking it up", 2],
    ["refreshing it", 1],
  ])("refused %s: the figures are written and kept, and the pane is told", async (_what, fromEnd) => {
    const model = await withPivot();
    let nth = 0;
    model.refuse = () => (++nth === syncs - fromEnd ? "GeneralException" : null);
    let result;
    try {
      result = (await runLoadData(model, next)).result;
    } finally {
      model.refuse = null;
    }
    expect(result.ok && result.outcome.pivotRefused).toBe("Excel: GeneralException");
    const italiaans = (rows: (string | number | boolean)[][]) => rows.find((r) => r[1] === "inwoners" && r[3] === "Italiaans" && r[5] === "2022")?.[6];
    expect(italiaans(tableValues(model, "MonitorData"))).toBe(1254);
  });
});
