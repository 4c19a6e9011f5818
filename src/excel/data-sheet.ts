import { INDICATOR_COLUMNS, OBSERVATION_COLUMNS, SOURCE_COLUMNS, tableCells } from "../data/columns";
import { valueError } from "../data/errors";
import { parsePackageTables, TABLE_NAMES } from "../data/package";
import { MonitorPackage, Problem } from "../data/types";
import { parseA1Range } from "../report/a1";
import { dataTables, DATA_SHEET_KEY, DATA_SHEET_NAME } from "../report/plan";
import { freeSheetName } from "../report/sheet-names";
import { WorkbookState } from "./inspect";
import { planGrowth } from "./growth";
import { queueRemoveMark, queueWriteMark } from "./marks";
import { WriteBatch } from "./batch";
import { queueColumnWidths, writable, writeTable } from "./write";

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
  figures: number;
  /** Rows inserted below a table that grew, so that the user's cells there moved down. */
  insertedRows: number;
}

const noFreeName = () =>
  valueError(`Geen vrije naam voor het gegevensblad naast uw blad '${DATA_SHEET_NAME}'; hernoem dat blad.`, `No free name for the data sheet beside your sheet '${DATA_SHEET_NAME}'; rename that sheet.`);

/**
 * Writes the three monitor tables with `pkg`: fresh tables where there are none, else the
 * existing tables refreshed in place (same table, its own column order, resized). Never writes a
 * cell outside the rows a table owns: a table that grows gets rows inserted below it (the user's
 * cells there move down), and a sheet of the add-in's that now holds the user's content is not
 * written on but left alone, unmarked. Throws a MonitorError, before anything is queued, when it
 * cannot keep to that.
 */
export async function writeDataSheet(batch: WriteBatch, context: Excel.RequestContext, state: WorkbookState, pkg: MonitorPackage): Promise<DataSheetOutcome> {
  const tables = dataTables(pkg);
  const existing = tables.map((t) => state.tables.get(t.name.toLowerCase()));
  const figures = pkg.observations.length;

  if (existing.every((e) => e === undefined)) {
    const marked = state.sheets.filter((s) => s.mark?.key === DATA_KEY);
    // The add-in's own Data sheet is reused only while it is empty: what is on it now is the user's.
    const own = marked.find((s) => s.content !== null && s.content.usedAddress === null && ![...state.tables.values()].some((t) => t.sheetName === s.name));
    const taken = new Set(state.sheets.map((s) => s.name.toLowerCase()));
    const name = own ? own.name : freeSheetName(DATA_SHEET_NAME, taken);
    if (name === null) throw noFreeName();
    let sheet = own?.sheet;
    await batch.queue(1000, () => {
      for (const other of marked) if (other !== own) queueRemoveMark(other.sheet);
      if (!sheet) {
        sheet = context.workbook.worksheets.add(name);
        queueWriteMark(sheet, { key: DATA_KEY, id: null, name, print: null });
      }
      for (const table of tables) queueColumnWidths(sheet, table.column, table.widths);
      sheet.freezePanes.freezeRows(1);
    });
    for (const table of tables) await writeTable(batch, sheet as Excel.Worksheet, table, table.name);
    const clash = !own && name !== DATA_SHEET_NAME ? DATA_SHEET_NAME : null;
    return { sheetName: name, created: !own, clash, figures, insertedRows: 0 };
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
  // Inserts first, in the first sync: if Excel refuses one, nothing else has happened yet.
  await batch.queue(1000, () => {
    for (const insert of growth.inserts) {
      const sheet = context.workbook.worksheets.getItem(insert.sheetName);
      sheet.getRangeByIndexes(insert.box.row, insert.box.column, insert.box.rows, insert.box.columns).insert("Down");
    }
  });
  for (const [i, table] of tables.entries()) {
    const current = found[i];
    const header = (current.cells?.[0] ?? specs[i].map((c) => c.name)).map(String);
    const sheet = current.table.worksheet;
    const row = growth.rowOf.get(current.name) ?? current.row ?? 0;
    const column = current.column ?? 0;
    // Clear the old body, give the table its new size, and write the rows in its own column order.
    await batch.queue(1000, () => {
      current.table.getDataBodyRange().clear("Contents");
      current.table.resize(sheet.getRangeByIndexes(row, column, table.rows.length + 1, header.length));
    });
    const order = header.map((h) => table.header.indexOf(h));
    const formats = table.rows.map(() => order.map((c) => (specs[i][c].kind === "text" ? "@" : "General")));
    const values = table.rows.map((r) => order.map((c) => writable(r[c])));
    await batch.writeRows(values, formats, (from, count) => sheet.getRangeByIndexes(row + 1 + from, column, count, header.length));
  }
  return { sheetName: found[0].sheetName, created: false, clash: null, figures, insertedRows: growth.inserts.reduce((n, i) => n + i.box.rows, 0) };
}
