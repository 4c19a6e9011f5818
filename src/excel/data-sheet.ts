import { INDICATOR_COLUMNS, OBSERVATION_COLUMNS, SOURCE_COLUMNS, tableCells } from "../data/columns";
import { valueError } from "../data/errors";
import { mergeWithEdition, MergeResult } from "../data/merge";
import { parsePackageTables, TABLE_NAMES } from "../data/package";
import { MonitorPackage, Problem } from "../data/types";
import { dataTables, DATA_SHEET_KEY, DATA_SHEET_NAME } from "../report/plan";
import { freeSheetName } from "../report/sheet-names";
import { WorkbookState } from "./inspect";
import { MarkStore } from "./marks";
import { queueColumnWidths, queueTable, writable } from "./write";

export const DATA_KEY = DATA_SHEET_KEY;

export type WorkbookData =
  | { kind: "none" }
  | { kind: "invalid"; problems: Problem[] }
  | { kind: "found"; package: MonitorPackage };

/**
 * The workbook's own data tables as a package. A workbook without MonitorData has none; a
 * malformed one is reported with row and column. Missing MonitorIndicatoren/MonitorBronnen
 * are taken from the edition.
 */
export function readWorkbookData(state: WorkbookState, edition: MonitorPackage): WorkbookData {
  const cells = (name: string) => state.tables.get(name.toLowerCase())?.cells;
  const observations = cells(TABLE_NAMES.observations);
  if (!observations) return { kind: "none" };
  const result = parsePackageTables({
    observations,
    indicators: cells(TABLE_NAMES.indicators) ?? tableCells(INDICATOR_COLUMNS, edition.indicators),
    sources: cells(TABLE_NAMES.sources) ?? tableCells(SOURCE_COLUMNS, edition.sources),
  });
  return result.ok ? { kind: "found", package: result.value } : { kind: "invalid", problems: result.problems };
}

export interface DataSheetOutcome {
  sheetName: string;
  created: boolean;
  /** A user sheet named "Data" was left alone; ours got another name. */
  clash: string | null;
  merge: MergeResult | null;
  figures: number;
}

/**
 * Queues writing the Data sheet: fresh tables where there are none, else the existing tables
 * refreshed in place (same table, same columns order, resized), keeping the analyst's rows.
 */
export function queueDataSheet(context: Excel.RequestContext, state: WorkbookState, edition: MonitorPackage, workbook: MonitorPackage | null, marks: MarkStore): DataSheetOutcome {
  const merge = workbook ? mergeWithEdition(edition, workbook) : null;
  const pkg = merge ? merge.merged : edition;
  const tables = dataTables(pkg);
  const existing = tables.map((t) => state.tables.get(t.name.toLowerCase()));

  if (existing.every((e) => e === undefined)) {
    const own = state.sheets.find((s) => s.key === DATA_KEY);
    const name = own ? own.name : freeSheetName(DATA_SHEET_NAME, new Set(state.sheets.map((s) => s.name.toLowerCase())));
    if (name === null) {
      throw valueError(`Geen vrije naam voor het gegevensblad naast uw blad '${DATA_SHEET_NAME}'; hernoem dat blad.`, `No free name for the data sheet beside your sheet '${DATA_SHEET_NAME}'; rename that sheet.`);
    }
    const sheet = own ? own.sheet : context.workbook.worksheets.add(name);
    if (!own) marks.queueMark(sheet, DATA_KEY);
    for (const table of tables) {
      queueColumnWidths(sheet, table.column, table.widths);
      queueTable(sheet, table, table.name);
    }
    sheet.freezePanes.freezeRows(1);
    const clash = !own && name !== DATA_SHEET_NAME ? DATA_SHEET_NAME : null;
    return { sheetName: name, created: !own, clash, merge, figures: pkg.observations.length };
  }

  const specs = [OBSERVATION_COLUMNS, INDICATOR_COLUMNS, SOURCE_COLUMNS];
  tables.forEach((table, i) => {
    const found = existing[i];
    if (!found) {
      throw valueError(
        `De tabel ${table.name} ontbreekt terwijl de andere monitortabellen er wel zijn; zet hem terug of verwijder ook de andere.`,
        `The table ${table.name} is missing while the other monitor tables exist; restore it or delete the others too.`,
      );
    }
    const header = (found.cells?.[0] ?? specs[i].map((c) => c.name)).map(String);
    const sheet = found.table.worksheet;
    const row = found.row ?? 0;
    const column = found.column ?? 0;
    // Clear the old body, give the table its new size, and write the rows in its own column order.
    found.table.getDataBodyRange().clear("Contents");
    found.table.resize(sheet.getRangeByIndexes(row, column, table.rows.length + 1, header.length));
    const order = header.map((h) => table.header.indexOf(h));
    const body = sheet.getRangeByIndexes(row + 1, column, table.rows.length, header.length);
    body.numberFormat = table.rows.map(() => order.map((c) => (specs[i][c].kind === "text" ? "@" : "General")));
    body.values = table.rows.map((r) => order.map((c) => writable(r[c])));
  });
  const sheetName = existing[0]?.sheetName ?? DATA_SHEET_NAME;
  return { sheetName, created: false, clash: null, merge, figures: pkg.observations.length };
}
