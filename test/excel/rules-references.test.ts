import { RuleModel } from "../support/fake-excel";
import { duitsMovesUp, generatedWorkbook, regenerated, sheetNamed, sheetState } from "../support/workbooks";
import { expectRebuiltWhereItWas } from "../support/rebuilt-where-it-was";

/**
 * A conditional format or a data validation rule on the user's own sheet that points into an
 * indicator sheet refers to its figures as a formula does: when a new layout would move them,
 * that sheet is kept unchanged and reported. Workbook states before and after, on the Excel fake.
 */

const rules: [string, "conditionalFormats" | "dataValidations", RuleModel[]][] = [
  ["a conditional format whose rule compares with a figure", "conditionalFormats", [{ row: 1, column: 1, rows: 2, columns: 1, type: "Custom", formula: "=B2>Nationaliteiten!$B$6" }]],
  ["a conditional format on cell values between two figures", "conditionalFormats", [{ row: 1, column: 1, rows: 2, columns: 1, type: "CellValue", formula: "=Nationaliteiten!$B$7", formula2: "=Nationaliteiten!$B$6" }]],
  ["a drop-down list of the sheet's nationalities", "dataValidations", [{ row: 4, column: 0, rows: 1, columns: 1, type: "List", formula: "=Nationaliteiten!$A$6:$A$10" }]],
  ["a custom validation comparing with a figure", "dataValidations", [{ row: 4, column: 1, rows: 3, columns: 1, type: "Custom", formula: "=B5<=Nationaliteiten!$B$6" }]],
  [
    "validation side by side with another rule (Excel answers 'Inconsistent' for the area)",
    "dataValidations",
    [
      { row: 4, column: 0, rows: 3, columns: 1, type: "List", formula: "='Mijn analyse'!$D$1:$D$3" },
      { row: 4, column: 1, rows: 3, columns: 1, type: "Decimal", formula: "=0", formula2: "=Nationaliteiten!$B$6" },
    ],
  ],
];

describe("rules on the user's sheets that point into an indicator sheet", () => {
  it.each(rules)("%s: the sheet it points into is kept unchanged when its layout changes", async (_what, kind, added) => {
    const model = await generatedWorkbook();
    const mine = sheetNamed(model, "Mijn analyse");
    mine[kind].push(...added);
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    const [theirs, ours] = [JSON.stringify(sheetState(mine)), JSON.stringify(sheetState(nationaliteiten))];
    duitsMovesUp(model);
    const result = await regenerated(model);
    expect(result.kept).toEqual([{ key: "nationaliteiten", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", why: "referenced", by: [{ kind: kind === "conditionalFormats" ? "conditionalFormat" : "validation", sheet: "Mijn analyse" }], moves: true }]);
    expect(JSON.stringify(sheetState(nationaliteiten))).toBe(ours);
    // The user's sheet as it was, its rules following the kept sheet's new name as Excel renames references along.
    expect(JSON.stringify(sheetState(mine))).toBe(theirs.replace(/'?Nationaliteiten'?!/g, "'Nationaliteiten 2026-11-25'!"));
    expect(sheetNamed(model, "Nationaliteiten").cell(5, 0).value).toBe("Duits");
  });

  it("rules that point only at the user's own cells leave the sheet to be rebuilt where it was", async () => {
    const model = await generatedWorkbook();
    const mine = sheetNamed(model, "Mijn analyse");
    mine.conditionalFormats.push({ row: 1, column: 1, rows: 2, columns: 1, type: "Custom", formula: "=B2>$C$1" });
    // Side by side, so Excel answers 'Inconsistent' for their area and each cell is read.
    mine.dataValidations.push({ row: 4, column: 0, rows: 3, columns: 1, type: "List", formula: "='Mijn analyse'!$D$1:$D$3" }, { row: 4, column: 1, rows: 3, columns: 1, type: "Decimal", formula: "=0", formula2: "=$C$1" });
    const { old } = await expectRebuiltWhereItWas(model);
    expect(model.sheets).not.toContain(old); // the old one, exactly as the add-in wrote it, made way
  });
});
