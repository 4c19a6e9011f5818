import { fakeRun, WorkbookModel } from "../support/fake-excel";
import { asExcel, duitsMovesUp, generatedWorkbook, runRegenerate, sheetNamed } from "../support/workbooks";

/** The fake, as Excel: deleting a sheet breaks what pointed into it (#REF!), so a reference the add-in missed shows. */
describe("deleting a sheet", () => {
  it("turns references into it on other sheets, in names and in rules into #REF!, and leaves other formulas alone", async () => {
    const model = new WorkbookModel();
    const figures = model.addSheet("Cijfers");
    figures.cell(5, 1).value = 1253;
    model.tables.push({ name: "lm_cijfers", sheet: figures, box: { row: 0, column: 0, rows: 3, columns: 2 } } as never);
    const mine = model.addSheet("Mijn analyse");
    Object.assign(mine.cell(0, 0), { formula: "=Cijfers!B6*2", value: 2506 });
    Object.assign(mine.cell(1, 0), { formula: "='Cijfers'!$B$6", value: 1253 });
    Object.assign(mine.cell(2, 0), { formula: "=SUM(lm_cijfers[Aantal])", value: 10 });
    Object.assign(mine.cell(3, 0), { formula: "=A1+1", value: 2507 });
    mine.conditionalFormats.push({ row: 0, column: 0, rows: 1, columns: 1, type: "Custom", formula: "=A1>Cijfers!$B$6" } as never);
    model.names.push({ name: "Italiaans", formula: "=Cijfers!$B$6", sheet: null });

    await fakeRun(model, async (context) => {
      asExcel(context).workbook.worksheets.getItem("Cijfers").delete();
      await context.sync();
    });

    expect([0, 1, 2, 3].map((r) => [mine.cell(r, 0).formula, mine.cell(r, 0).value])).toEqual([
      ["=#REF!B6*2", "#REF!"],
      ["=#REF!$B$6", "#REF!"],
      ["=SUM(#REF!)", "#REF!"],
      ["=A1+1", 2507],
    ]);
    expect((mine.conditionalFormats[0] as { formula: string }).formula).toBe("=A1>#REF!$B$6");
    expect(model.names[0].formula).toBe("=#REF!$B$6");
  });

  it("after a Regenerate with a new layout, an analyst's formula into an indicator sheet still reads a figure, not #REF!", async () => {
    const model = await generatedWorkbook();
    const mine = sheetNamed(model, "Mijn analyse");
    Object.assign(mine.cell(10, 0), { formula: "=Nationaliteiten!B6", value: sheetNamed(model, "Nationaliteiten").cell(5, 1).value });
    duitsMovesUp(model);

    const { result } = await runRegenerate(model);

    expect(result.ok).toBe(true);
    expect(mine.cell(10, 0).formula).not.toContain("#REF!");
    expect(mine.cell(10, 0).value).not.toBe("#REF!");
  });
});
