import { MonitorPackage } from "../../src/data/types";
import { problemText } from "../../src/text/problems";
import { RuleModel, TableModel, WorkbookModel } from "../support/fake-excel";
import { duitsMovesUp, edition, generatedWorkbook, largePackage, regenerated, runLoadData, sheetNamed, tableNamed } from "../support/workbooks";

/**
 * A pull inserts cells below MonitorData (new rows) and deletes rows of it (rows the source
 * dropped); in Excel the conditional formats and validation rules on those cells move and
 * shrink with them, and their formulas' references follow (the fake models it:
 * test/excel/fake-shift-references.test.ts). A rule that compares with a figure of an indicator
 * sheet must still be seen by Regenerate's reference scan afterwards, and keep that sheet when
 * its layout changes. Workbook states before and after, on the fake.
 */

const data = (model: WorkbookModel): TableModel => {
  const table = tableNamed(model, "MonitorData");
  if (!table) throw new Error("no MonitorData");
  return table;
};

async function pulled(model: WorkbookModel, pkg: MonitorPackage) {
  const { result } = await runLoadData(model, pkg);
  if (!result.ok) throw new Error(result.problems.map((p) => problemText(p, "nl")).join("; "));
  return result;
}

/** The edition without its first three figures that are not Nationaliteiten's (the source dropped them: the pull deletes their rows). */
function withoutThree(): MonitorPackage {
  const pkg = structuredClone(edition);
  const dropped = pkg.observations.filter((o) => o.indicator !== "inwoners").slice(0, 3);
  pkg.observations = pkg.observations.filter((o) => !dropped.includes(o));
  return pkg;
}

describe("rules that compare with an indicator sheet, on cells a pull shifts", () => {
  it.each([
    ["pointing at a figure of Nationaliteiten", "=$G2>Nationaliteiten!$B$6", [["Nationaliteiten 2026-11-25", "referenced"]]],
    ["pointing at the user's own cell only", "=$G2>$P$1", []],
  ])("a rule over MonitorData's Waarde column %s, after a pull deleted rows", async (_what, formula, kept) => {
    const model = await generatedWorkbook();
    const table = data(model);
    const sheet = table.sheet;
    const bodyRows = table.box.rows - 1;
    const rule: RuleModel = { row: table.box.row + 1, column: table.box.column + 6, rows: bodyRows, columns: 1, type: "Custom", formula };
    sheet.conditionalFormats.push(rule);

    const result = await pulled(model, withoutThree());

    expect(result.comparison.removed).toHaveLength(3);
    // The rule lost the three deleted rows, still starts at the table's first body row, and its formula still reads the same.
    expect(sheet.conditionalFormats).toEqual([{ ...rule, rows: bodyRows - 3 }]);
    duitsMovesUp(model);
    const after = await regenerated(model);
    expect(after.kept.map((k) => [k.name, k.why])).toEqual(kept);
  });

  it("a rule on the user's cells below MonitorData moves down with them when a pull adds rows, and still keeps the sheet it compares with", async () => {
    const model = await generatedWorkbook();
    const table = data(model);
    const sheet = table.sheet;
    const below = table.box.row + table.box.rows + 2;
    Object.assign(sheet.cell(below, 0), { value: "Mijn drempel" });
    Object.assign(sheet.cell(below, 1), { value: 1000 });
    const at = `${below + 1}`;
    sheet.conditionalFormats.push({ row: below, column: 1, rows: 1, columns: 1, type: "Custom", formula: `=B${at}>Nationaliteiten!$B$6` });
    sheet.dataValidations.push({ row: below, column: 0, rows: 1, columns: 1, type: "List", formula: "=Nationaliteiten!$A$6:$A$10" });
    const added = 5;

    const result = await pulled(model, largePackage(edition.observations.length + added));

    expect(result.comparison.added).toHaveLength(added);
    // The user's cells and their rules moved down by the rows added; the relative reference names the rule's own cell again.
    expect(sheet.cell(below + added, 0).value).toBe("Mijn drempel");
    expect(sheet.conditionalFormats).toEqual([{ row: below + added, column: 1, rows: 1, columns: 1, type: "Custom", formula: `=B${below + added + 1}>Nationaliteiten!$B$6` }]);
    expect(sheet.dataValidations).toEqual([{ row: below + added, column: 0, rows: 1, columns: 1, type: "List", formula: "=Nationaliteiten!$A$6:$A$10" }]);
    duitsMovesUp(model);
    const after = await regenerated(model);
    expect(after.kept.map((k) => [k.name, k.why])).toEqual([["Nationaliteiten 2026-11-25", "referenced"]]);
    expect(sheet.dataValidations[0].formula).toBe("='Nationaliteiten 2026-11-25'!$A$6:$A$10");
    expect(sheetNamed(model, "Nationaliteiten").cell(5, 0).value).toBe("Duits");
  });
});
