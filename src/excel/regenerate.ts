import { Language, MonitorPackage, Problem } from "../data/types";
import { buildIndicatorSheets } from "../report/plan";
import { freeSheetName } from "../report/sheet-names";
import { DATA_KEY, DataSheetOutcome, queueDataSheet, readWorkbookData } from "./data-sheet";
import { inspectWorkbook, SheetState } from "./inspect";
import { MarkStore } from "./marks";
import { queueIndicatorSheet } from "./write";

export interface SheetOutcome {
  key: string;
  /** The sheet's name, or null when it was skipped. */
  name: string | null;
  status: "created" | "replaced" | "skipped";
  tables: number;
  charts: number;
  /** What the user should know: a clash with their sheet or table, and what was done about it. */
  note: string | null;
}

export type RegenerateResult =
  | { ok: true; sheets: SheetOutcome[]; data: DataSheetOutcome | null; figures: number }
  | { ok: false; problems: Problem[] };

export interface RegenerateOptions {
  marks: MarkStore;
  edition: MonitorPackage;
  language: Language;
  /** Called as the work goes on: 0..1 and a sentence for the progress bar. */
  onProgress?: (fraction: number, message: string) => void;
  /** Lets the pane repaint between sheets; never a sync. */
  yieldToUi?: () => Promise<void>;
}

/**
 * Rebuilds every indicator sheet from the workbook's MonitorData (the edition's data when the
 * workbook has none yet, which is then loaded too). Only sheets the add-in marked are deleted;
 * a user's sheet or table with a clashing name is left alone and reported. Three syncs, however
 * many rows or sheets: read the workbook, read marks and data, write everything.
 */
export async function regenerate(context: Excel.RequestContext, options: RegenerateOptions): Promise<RegenerateResult> {
  const { marks, edition, language } = options;
  const progress = options.onProgress ?? (() => undefined);
  const nl = language === "nl";
  progress(0.05, nl ? "Werkmap lezen…" : "Reading the workbook…");
  const state = await inspectWorkbook(context, marks);
  const found = readWorkbookData(state, edition);
  if (found.kind === "invalid") return { ok: false, problems: found.problems };
  const pkg = found.kind === "found" ? found.package : edition;
  const plans = buildIndicatorSheets(pkg, language);

  context.application.suspendApiCalculationUntilNextSync();
  const data = found.kind === "none" ? queueDataSheet(context, state, edition, null, marks) : null;

  // Per key, ours is the sheet with the planned name, else the first. Other sheets with that key
  // are copies the user made (Excel copies custom properties along): theirs, left alone.
  const plannedNames = new Map(plans.map((p) => [p.key, p.name.toLowerCase()]));
  const marked = state.sheets.filter((s) => s.key !== null && s.key !== DATA_KEY);
  const previous = new Map<string, SheetState>();
  for (const sheet of marked) {
    const key = sheet.key as string;
    const chosen = previous.get(key);
    const planned = plannedNames.get(key);
    if (!chosen || (sheet.name.toLowerCase() === planned && chosen.name.toLowerCase() !== planned)) previous.set(key, sheet);
  }
  const copies = marked.filter((s) => previous.get(s.key as string) !== s);
  for (const old of previous.values()) {
    marks.forget(old.sheet);
    old.sheet.delete();
  }
  const deleted = new Set([...previous.values()].map((s) => s.name));
  const takenSheets = new Set(state.sheets.filter((s) => !deleted.has(s.name)).map((s) => s.name.toLowerCase()));
  if (data) takenSheets.add(data.sheetName.toLowerCase());
  const takenTables = new Set([...state.tables].filter(([, t]) => !deleted.has(t.sheetName)).map(([name]) => name));

  const outcomes: SheetOutcome[] = [];
  for (const [index, plan] of plans.entries()) {
    progress(0.1 + (0.7 * index) / plans.length, nl ? `Blad ${plan.name} opbouwen…` : `Building sheet ${plan.name}…`);
    await options.yieldToUi?.();
    const name = freeSheetName(plan.name, takenSheets);
    const clash = name !== plan.name ? (nl ? `Uw blad '${plan.name}' is niet aangeraakt` : `Your sheet '${plan.name}' was left alone`) : null;
    if (name === null) {
      outcomes.push({ key: plan.key, name: null, status: "skipped", tables: 0, charts: 0, note: `${clash}; ${nl ? "dit blad is overgeslagen." : "this sheet was skipped."}` });
      continue;
    }
    takenSheets.add(name.toLowerCase());
    const renamedTables: string[] = [];
    const tableName = (planned: string) => {
      let candidate = planned;
      for (let n = 2; takenTables.has(candidate.toLowerCase()); n++) candidate = `${planned}_${n}`;
      if (candidate !== planned) renamedTables.push(planned);
      takenTables.add(candidate.toLowerCase());
      return candidate;
    };
    const sheet = context.workbook.worksheets.add(name);
    marks.queueMark(sheet, plan.key);
    queueIndicatorSheet(sheet, plan, tableName);
    const copyNames = copies.filter((c) => c.key === plan.key).map((c) => `'${c.name}'`);
    const notes = [
      clash && `${clash}; ${nl ? `dit blad heet '${name}'.` : `this sheet is named '${name}'.`}`,
      renamedTables.length ? (nl ? `Tabelnaam al in gebruik: ${renamedTables.join(", ")} kreeg een achtervoegsel.` : `Table name in use: ${renamedTables.join(", ")} got a suffix.`) : null,
      copyNames.length ? (nl ? `Kopie ${copyNames.join(", ")} is niet aangeraakt.` : `Copy ${copyNames.join(", ")} was left alone.`) : null,
    ].filter(Boolean);
    outcomes.push({ key: plan.key, name, status: previous.has(plan.key) ? "replaced" : "created", tables: plan.tables.length, charts: plan.charts.length, note: notes.length ? notes.join(" ") : null });
  }
  progress(0.85, nl ? "Schrijven naar Excel…" : "Writing to Excel…");
  await context.sync();
  await marks.finish(context);
  progress(1, nl ? "Klaar" : "Done");
  return { ok: true, sheets: outcomes, data, figures: pkg.observations.length };
}
