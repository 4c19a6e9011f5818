import { MonitorPackage, Language } from "../data/types";
import { buildPlan } from "../report/plan";

export const WORKBOOK_FILE = "leiden-monitor-2022.xlsx";

/**
 * Builds the same .xlsx as `npm run workbook`, in the browser. exceljs and the chart writer
 * are loaded only now, as a separate chunk: the pane starts without them.
 */
export async function buildWorkbookBlob(pkg: MonitorPackage, language: Language): Promise<Blob> {
  const [{ renderXlsx }, excel] = await Promise.all([import(/* webpackChunkName: "xlsx" */ "../xlsx/workbook"), import(/* webpackChunkName: "exceljs" */ "exceljs/dist/exceljs.bare.min.js")]);
  const bytes = await renderXlsx(buildPlan(pkg, { language }), (excel as unknown as { default?: typeof excel }).default ?? excel);
  return new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
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
