import { Edition } from "../data/descriptor";
import { MonitorPackage, Language } from "../data/types";

/**
 * Builds the same .xlsx as `npm run workbook`, in the browser. The sheets' plan, exceljs and
 * the chart writer are loaded only now, as separate chunks: the pane starts without them.
 */
export async function buildWorkbookBlob(pkg: MonitorPackage, language: Language, edition: Edition): Promise<{ blob: Blob; fileName: string }> {
  const [{ buildPlan }, { renderXlsx }, excel] = await Promise.all([
    import(/* webpackChunkName: "plan" */ "../report/plan"),
    import(/* webpackChunkName: "xlsx" */ "../xlsx/workbook"),
    import(/* webpackChunkName: "exceljs" */ "exceljs/dist/exceljs.bare.min.js"),
  ]);
  const plan = buildPlan(pkg, { language, edition });
  const bytes = await renderXlsx(plan, (excel as unknown as { default?: typeof excel }).default ?? excel);
  // The file is named after the municipalities and year of its figures: leiden-monitor-2022.xlsx.
  return { blob: new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), fileName: plan.properties.fileName };
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
