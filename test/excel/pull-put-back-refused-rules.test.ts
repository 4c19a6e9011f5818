import { problemText } from "../../src/text/problems";
import { RuleModel, TableModel, WorkbookModel } from "../support/fake-excel";
import { editionChanged, refusedAtFirstDelete } from "../support/pull-stops";
import { edition, loadedWorkbook, runLoadData, snapshot } from "../support/workbooks";

/** A pull stopped after deleting rows: Excel refusing the put-back of a rule, once the rows and formulas are back, is told as that rule not put back; a whole-number rule comes back (review 2). */
const WAARDE = 6;
const next = editionChanged(edition, 10, [20, 50, 90], 5);
const texts = (result: { ok: boolean; problems?: { message: unknown }[] }, language: "en" | "nl" = "en") => (result.ok ? ["ok"] : (result.problems ?? []).map((p) => problemText(p as never, language)));

function sheetRowOf(data: TableModel, i: number): number {
  const o = edition.observations[i];
  const index = data.sheet.values(data.box).findIndex((r) => r[1] === o.indicator && r[2] === o.gebied && r[3] === o.groep && r[4] === (o.leeftijd ?? "") && r[5] === o.periode);
  return data.box.row + index;
}

async function pulledRefusedAtFirstDelete(model: WorkbookModel, data: TableModel) {
  const onProgress = refusedAtFirstDelete(model, data, data.box.rows + 5);
  const { result } = await runLoadData(model, next, { syncLimit: 150, onProgress });
  model.refuse = null;
  return result;
}

it("Excel refusing the put-back of a conditional format (after the rows and formulas are back) is not told as the tables being half written", async () => {
  const formatsPutBack = await import("../../src/excel/formats-put-back");
  const { OfficeError } = await import("../support/fake-excel");
  const { model, data } = await loadedWorkbook();
  const row = sheetRowOf(data, 90);
  data.sheet.conditionalFormats.push({ row: row - 7, column: WAARDE, rows: 8, columns: 1, type: "CellValue", formula: "0", formula2: "100" });
  const spy = jest.spyOn(formatsPutBack, "restoreFormats").mockRejectedValue(new OfficeError("InvalidArgument", "refused"));
  try {
    const result = await pulledRefusedAtFirstDelete(model, data);
    expect(spy).toHaveBeenCalled();
    // The rows are back: the message must not tell the analyst MonitorData may be partly written.
    expect(data.sheet.values(data.box).length).toBe(edition.observations.length + 1);
    expect(texts(result).join(" ")).not.toContain("may be partly written");
    expect(texts(result)).toEqual([
      "Excel refused a change (Excel: GeneralException); the workbook was put back as it was, except for the references below.",
      "The pull had deleted rows of MonitorData on the sheet 'Data' when it stopped; they are back. Not checked and not put back: conditional formatting on the sheet 'Data'. A reference there to one of those rows is now #REF!: Excel made that of it when the row went. Type those references again.",
    ]);
    expect(texts(result, "nl")[1]).toBe(
      "Het ophalen had al rijen van MonitorData op het blad 'Data' verwijderd toen het stopte; die staan er weer. Niet nagekeken en niet teruggezet: voorwaardelijke opmaak op het blad 'Data'. Een verwijzing daarin naar een van die rijen is nu #VERW! (#REF!): Excel maakte dat ervan toen de rij verdween. Typ die verwijzingen opnieuw.",
    );
  } finally {
    spy.mockRestore();
  }
});

it("validation of a type no rule sets back (MixedCriteria, Excel.DataValidationType): not cleared, and the pane names it as not put back", async () => {
  const { model, data } = await loadedWorkbook();
  const row = sheetRowOf(data, 90);
  // The fake gives a rule's own type; this one stands in for any type DataValidationRule cannot set.
  data.sheet.dataValidations.push({ row: row - 7, column: WAARDE, rows: 8, columns: 1, type: "MixedCriteria", formula: "0" });
  const result = await pulledRefusedAtFirstDelete(model, data);
  // As the delete left it (its last row went; putting the row back at its edge does not grow it): not cleared, not made a custom rule.
  expect(data.sheet.dataValidations).toEqual([{ row: row - 7, column: WAARDE, rows: 7, columns: 1, type: "MixedCriteria", formula: "0" }]);
  expect(texts(result)[1]).toContain("Not checked and not put back: data validation on the sheet 'Data'.");
  expect(texts(result, "nl")[1]).toContain("Niet nagekeken en niet teruggezet: gegevensvalidatie op het blad 'Data'.");
});

it("a whole-number validation over the deleted row comes back as it was, and the pane says the workbook was put back", async () => {
  const { model, data } = await loadedWorkbook();
  const row = sheetRowOf(data, 90);
  const band: RuleModel = { row: row - 7, column: WAARDE, rows: 8, columns: 1, type: "WholeNumber", formula: "0", formula2: "100" };
  data.sheet.dataValidations.push(band);
  const was = structuredClone(data.sheet.dataValidations);
  const before = snapshot(model);
  const result = await pulledRefusedAtFirstDelete(model, data);
  expect(texts(result)).toEqual(["Excel refused a change (Excel: GeneralException); the workbook was put back as it was."]);
  expect(data.sheet.dataValidations).toEqual(was);
  expect(snapshot(model)).toBe(before);
});
