import { buildPivot } from "../../src/excel/pivot";
import { PIVOT_NAME, PIVOT_SHEET_KEY, planPivot } from "../../src/report/pivot-plan";
import { fakeRun, PivotModel, pivotView, WorkbookModel } from "../support/fake-excel";
import { nextEdition } from "../support/package-server";
import { asExcel, edition, markKey, runLoadData, runRegenerate, sheetNamed, snapshot } from "../support/workbooks";
import { asRead } from "../support/texts";
import { withNoteText } from "../support/notes";

const runPivot = (model: WorkbookModel, language: "nl" | "en" = "nl") => fakeRun(model, (context) => buildPivot(asExcel(context), edition, language));
const pivotOf = (model: WorkbookModel): PivotModel => {
  const pivot = model.pivots.find((p) => p.name === PIVOT_NAME);
  if (!pivot) throw new Error("no pivot");
  return pivot;
};

describe("the ready PivotTable on MonitorData", () => {
  let model: WorkbookModel;
  beforeAll(async () => {
    model = new WorkbookModel();
    await runRegenerate(model);
  });

  it("is planned with indicator, unit, area and age as filters, groups as rows, years as columns, showing one unit", () => {
    expect(planPivot(edition, "nl")).toMatchObject({
      sheetName: "Draaitabel",
      source: "MonitorData",
      filters: [
        { field: "Indicator", selected: "inwoners" },
        { field: "Eenheid", selected: "aantal" },
        { field: "Gebied", selected: "Leiden" },
        { field: "Leeftijd", selected: null },
      ],
      rows: ["Bovengroep", "Groep"],
      columns: ["Jaar"],
      value: { field: "Waarde", numberFormat: "#,##0" },
    });
  });

  it("is made on a marked sheet of its own, from the table MonitorData, without grand totals", async () => {
    const { result } = await runPivot(model);
    expect(result).toEqual({ ok: true, sheetName: "Draaitabel", status: "created", notes: [] });
    const sheet = sheetNamed(model, "Draaitabel");
    expect(markKey(sheet)).toBe(PIVOT_SHEET_KEY);
    expect(sheet.cell(0, 0).value).toBe("Draaitabel op MonitorData: Inwoners naar nationaliteit en migratieachtergrond, Leiden, aantallen, per groep en jaar.");
    const pivot = pivotOf(model);
    expect(pivot.source.name).toBe("MonitorData");
    expect([pivot.filters, pivot.rows, pivot.columns]).toEqual([["Indicator", "Eenheid", "Gebied", "Leeftijd"], ["Bovengroep", "Groep"], ["Jaar"]]);
    expect(pivot.data).toEqual([{ field: "Waarde", summarizeBy: "Sum", numberFormat: "#,##0" }]);
    expect(pivot.layout).toEqual({ showRowGrandTotals: false, showColumnGrandTotals: false });
    expect(pivot.refreshOnOpen).toBe(true);
    expect(Object.fromEntries(pivot.manualFilters)).toEqual({ Indicator: ["inwoners"], Eenheid: ["aantal"], Gebied: ["Leiden"] });
  });

  it("adds up the nationality parts of inwoners to Leiden's population: 125.037 in 2022", () => {
    // From the seed text: 110.565 inhabitants with Dutch nationality and 14.472 with a foreign one (page 17).
    const view = pivotView(pivotOf(model));
    expect(view.subtotal(["inwoners"], "2022")).toBe(125037);
    expect(view.subtotal(["buitenlandse nationaliteit"], "2022")).toBe(14472);
    expect(view.value(["inwoners", "Nederlands"], "2022")).toBe(110565);
    // Migration background counts the same people again: it sits apart, so no subtotal adds it to them.
    expect(view.subtotal(["inwoners (migratieachtergrond)"], "2022")).toBe(41109);
    expect(view.columnItems).toEqual(["2012", "2021", "2022"]);
  });

  it("is refreshed, not made twice, when asked again: the same workbook", async () => {
    const before = snapshot(model);
    const { result } = await runPivot(model);
    expect(result).toEqual({ ok: true, sheetName: "Draaitabel", status: "refreshed", notes: [] });
    expect(model.pivots).toHaveLength(1);
    expect(snapshot(model)).toBe(before);
  });

  it("follows MonitorData when a pull grows or shrinks it", async () => {
    const next = nextEdition();
    const refreshes = pivotOf(model).refreshes;
    const { result } = await runLoadData(model, next);
    expect(result.ok).toBe(true);
    expect(pivotOf(model).refreshes).toBe(refreshes + 1);
    const view = pivotView(pivotOf(model));
    // The next edition adds Italians in 2023 and corrects 2022 (synthetic test figures).
    expect(view.value(["buitenlandse nationaliteit", "Italiaans"], "2023")).toBe(1350);
    expect(view.value(["buitenlandse nationaliteit", "Italiaans"], "2022")).toBe(1301);
    expect(pivotOf(model).cache.rows).toHaveLength(next.observations.length);
  });

  it("leaves a sheet of the user's with its name alone and says so", async () => {
    const own = new WorkbookModel();
    own.addSheet("Draaitabel");
    await runRegenerate(own);
    const { result } = await runPivot(own);
    expect(result.ok && withNoteText(result)).toEqual({ ok: true, sheetName: "Draaitabel (monitor)", status: "created", note: "Uw blad 'Draaitabel' is niet aangeraakt; de draaitabel staat op 'Draaitabel (monitor)'." });
    expect(markKey(sheetNamed(own, "Draaitabel"))).toBeNull();
    expect(sheetNamed(own, "Draaitabel").cells.size).toBe(0);
  });

  it("says what is missing, and changes nothing, in a workbook without MonitorData", async () => {
    const empty = new WorkbookModel();
    empty.addSheet("Blad1");
    const before = snapshot(empty);
    const { result } = await runPivot(empty, "en");
    expect(!result.ok && asRead(result.problems, "en")).toEqual([{ table: "MonitorData", row: null, column: null, message: "There is no table MonitorData to make a PivotTable from; load data first (Data tab)." }]);
    expect(snapshot(empty)).toBe(before);
  });
});

describe("the fake's PivotTables, as Microsoft documents them", () => {
  it("do not refresh by themselves: a row added to the source shows only after refresh()", async () => {
    const model = new WorkbookModel();
    await runRegenerate(model);
    await runPivot(model);
    const pivot = pivotOf(model);
    const rows = pivot.cache.rows.length;
    const table = model.tables.find((t) => t.name === "MonitorData");
    if (!table) throw new Error("no table");
    table.box = { ...table.box, rows: table.box.rows - 1 };
    expect(pivot.cache.rows).toHaveLength(rows);
    await fakeRun(model, async (context) => context.workbook.pivotTables.getItem(PIVOT_NAME).refresh());
    expect(pivot.cache.rows).toHaveLength(rows - 1);
  });

  it("refuse a filter on a field that is not on an axis, and an item the field does not have", async () => {
    const model = new WorkbookModel();
    await runRegenerate(model);
    await runPivot(model);
    const apply = (field: string, item: string) => fakeRun(model, async (context) => context.workbook.pivotTables.getItem(PIVOT_NAME).hierarchies.getItem(field).fields.getItem(field).applyFilter({ manualFilter: { selectedItems: [item] } }));
    await expect(apply("Bron", "BRP")).rejects.toThrow("InvalidOperation");
    await expect(apply("Indicator", "bestaat-niet")).rejects.toThrow("InvalidArgument");
  });
});
