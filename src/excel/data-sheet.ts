import { INDICATOR_COLUMNS, OBSERVATION_COLUMNS, SOURCE_COLUMNS, tableCells } from "../data/columns";
import { valueError } from "../data/errors";
import { mergeWithEdition, MergeResult } from "../data/merge";
import { parsePackageTables, TABLE_NAMES } from "../data/package";
import { MonitorPackage, Problem } from "../data/types";
import { parseA1Range } from "../report/a1";
import { dataTables, DATA_SHEET_KEY, DATA_SHEET_NAME } from "../report/plan";
import { freeSheetName } from "../report/sheet-names";
import { WorkbookState } from "./inspect";
import { planGrowth } from "./growth";
import { queueRemoveMark, queueWriteMark } from "./marks";
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
  /** A sheet named "Data" that is the user's was left alone; ours got another name. */
  clash: string | null;
  merge: MergeResult | null;
  figures: number;
}

const noFreeName = () =>
  valueError(`Geen vrije naam voor het gegevensblad naast uw blad '${DATA_SHEET_NAME}'; hernoem dat blad.`, `No free name for the data sheet beside your sheet '${DATA_SHEET_NAME}'; rename that sheet.`);

/**
 * Queues writing the Data sheet: fresh tables where there are none, else the existing tables
 * refreshed in place (same table, same columns order, resized), keeping the analyst's rows.
 * Never writes a cell outside the rows a table owns: a table that grows gets rows inserted below
 * it (the user's cells there move down), and a sheet of ours that now holds the user's content is
 * not written on but left alone, unmarked. Throws a MonitorError, before queueing anything, when
 * it cannot keep to that.
 */
export function queueDataSheet(context: Excel.RequestContext, state: WorkbookState, edition: MonitorPackage, workbook: MonitorPackage | null): DataSheetOutcome {
  const merge = workbook ? mergeWithEdition(edition, workbook) : null;
  const pkg = merge ? merge.merged : edition;
  const tables = dataTables(pkg);
  const existing = tables.map((t) => state.tables.get(t.name.toLowerCase()));

  if (existing.every((e) => e === undefined)) {
    const marked = state.sheets.filter((s) => s.mark?.key === DATA_KEY);
    // Our own Data sheet is reused only while it is empty: whatever is on it now is the user's.
    const own = marked.find((s) => s.content !== null && s.content.usedAddress === null && ![...state.tables.values()].some((t) => t.sheetName === s.name));
    for (const sheet of marked) if (sheet !== own) queueRemoveMark(sheet.sheet);
    const taken = new Set(state.sheets.map((s) => s.name.toLowerCase()));
    const name = own ? own.name : freeSheetName(DATA_SHEET_NAME, taken);
    if (name === null) throw noFreeName();
    const sheet = own ? own.sheet : context.workbook.worksheets.add(name);
    if (!own) queueWriteMark(sheet, { key: DATA_KEY, id: null, name, print: null });
    for (const table of tables) {
      queueColumnWidths(sheet, table.column, table.widths);
      queueTable(sheet, table, table.name);
    }
    sheet.freezePanes.freezeRows(1);
    const clash = !own && name !== DATA_SHEET_NAME ? DATA_SHEET_NAME : null;
    return { sheetName: name, created: !own, clash, merge, figures: pkg.observations.length };
  }

  const specs = [OBSERVATION_COLUMNS, INDICATOR_COLUMNS, SOURCE_COLUMNS];
  const found = tables.map((table, i) => {
    const current = existing[i];
    if (!current) {
      throw valueError(
        `De tabel ${table.name} ontbreekt terwijl de andere monitortabellen er wel zijn; zet hem terug of verwijder ook de andere.`,
        `The table ${table.name} is missing while the other monitor tables exist; restore it or delete the others too.`,
      );
    }
    return current;
  });
  const growth = planGrowth(
    found.map((current, i) => ({ name: current.name, sheetName: current.sheetName, box: parseA1Range(current.address), rowsNeeded: tables[i].rows.length + 1 })),
    [...state.tables.values()].map((t) => ({ name: t.name, sheetName: t.sheetName, address: t.address })),
  );
  if (!growth.ok) {
    throw valueError(
      `${growth.table} moet groeien, maar de tabel '${growth.blocking}' eronder staat gedeeltelijk in dezelfde kolommen; verplaats die tabel. Er is niets veranderd.`,
      `${growth.table} must grow, but the table '${growth.blocking}' below it is partly in the same columns; move that table. Nothing was changed.`,
    );
  }
  // Inserts first: if Excel refuses one, nothing else of the batch has happened yet.
  for (const insert of growth.inserts) {
    const sheet = context.workbook.worksheets.getItem(insert.sheetName);
    sheet.getRangeByIndexes(insert.box.row, insert.box.column, insert.box.rows, insert.box.columns).insert("Down");
  }
  tables.forEach((table, i) => {
    const current = found[i];
    const header = (current.cells?.[0] ?? specs[i].map((c) => c.name)).map(String);
    const sheet = current.table.worksheet;
    const row = growth.rowOf.get(current.name) ?? current.row ?? 0;
    const column = current.column ?? 0;
    // Clear the old body, give the table its new size, and write the rows in its own column order.
    current.table.getDataBodyRange().clear("Contents");
    current.table.resize(sheet.getRangeByIndexes(row, column, table.rows.length + 1, header.length));
    const order = header.map((h) => table.header.indexOf(h));
    const body = sheet.getRangeByIndexes(row + 1, column, table.rows.length, header.length);
    body.numberFormat = table.rows.map(() => order.map((c) => (specs[i][c].kind === "text" ? "@" : "General")));
    body.values = table.rows.map((r) => order.map((c) => writable(r[c])));
  });
  const sheetName = found[0].sheetName;
  return { sheetName, created: false, clash: null, merge, figures: pkg.observations.length };
}
