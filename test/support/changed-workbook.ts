import { WorkbookModel } from "./fake-excel";
import { runRegenerate, sheetNamed, tableNamed, userWorkbook } from "./workbooks";

/**
 * A workbook regenerated once, then: a user's figure on Woonduur (kept), new figures for Duits
 * and Pools (Duits up the ranking: a new layout; the other sheets in place). One Regenerate of it
 * keeps a sheet, builds one beside the old and writes the rest in place.
 */
export async function changedWorkbook(): Promise<WorkbookModel> {
  const model = userWorkbook();
  await runRegenerate(model);
  sheetNamed(model, "Woonduur").cell(5, 1).value = 0.35;
  const table = tableNamed(model, "MonitorData");
  if (!table) throw new Error("no MonitorData");
  const rows = table.sheet.values(table.box);
  const figure = (groep: string) => rows.findIndex((r) => r[1] === "inwoners" && r[2] === "Leiden" && r[3] === groep && r[5] === "2022" && r[4] === "");
  Object.assign(table.sheet.cell(table.box.row + figure("Duits"), table.box.column + 6), { value: 1300, formula: null });
  Object.assign(table.sheet.cell(table.box.row + figure("Pools"), table.box.column + 6), { value: 900, formula: null });
  return model;
}
