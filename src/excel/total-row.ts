import { Cancelled } from "./batch";

/**
 * The rows at the bottom of a table's range that hold no figures: its total row, when the
 * analyst switched it on (Table Design › Total Row; Table.showTotals, ExcelApi 1.1). Table.getRange
 * is "the entire table", the total row included; getDataBodyRange is "the data body" and
 * getTotalRowRange "the totals row" (Excel.Table, @types/office-js). `showTotals` is loaded with
 * the table's range in the same sync, so the body's size is known without another one.
 */
export const totalRows = (table: { showTotals: boolean }): number => (table.showTotals ? 1 : 0);

/** What an added blank cell weighs in a request, about (`"",`). */
const BLANK_CELL_BYTES = 4;

/**
 * Makes room for `count` new rows at the end of a table's body, above its total row: Excel's
 * TableRowCollection.add with index -1 adds rows "at the end" of the table's rows, and "any rows
 * below the inserted row are shifted downwards" (ExcelApi 1.4 for several rows) — the total row
 * and, as a range insert would, whatever the user has below the table move down. (Resizing the
 * table instead would take the cells under the total row into it, and where Excel then puts the
 * total row is not documented.) The rows come blank in every column, the user's own too, except
 * a calculated column of the user's, which Excel fills with its formula ("even when the formula
 * has been set to empty string", office-js #1916; test/support/fake-calculated-columns.ts); the
 * caller then writes the add-in's columns as it writes any new row. One block per sync under
 * the batch's limit; `added` hears each block once Excel has taken it (or, after a cancel, will
 * take it), so an undo knows how many blank rows there are.
 */
export async function addBodyRows(
  batch: { limit: number; queue(bytes: number, write: () => void): Promise<void>; flush(): Promise<void> },
  table: Excel.Table,
  count: number,
  columns: number,
  added: (rows: number) => void,
  /** Looks queued just before and just after each add, in its batch, and what both weigh (rules-watch.ts RulesWatch: rows added move and grow what is below). */
  watch: { bytes: number; look(after: boolean): void } = { bytes: 0, look: () => undefined },
): Promise<void> {
  const perBlock = Math.max(1, Math.floor((batch.limit - 2 * watch.bytes) / (columns * BLANK_CELL_BYTES + 4)));
  for (let from = 0; from < count; from += perBlock) {
    const rows = Math.min(perBlock, count - from);
    await batch.queue(rows * (columns * BLANK_CELL_BYTES + 4) + 2 * watch.bytes, () => {
      watch.look(false);
      table.rows.add(-1, Array.from({ length: rows }, () => Array.from({ length: columns }, () => "")));
      watch.look(true);
    });
    try {
      await batch.flush();
    } catch (error) {
      // A cancel stops before the sync with the block still queued, and the put-back's first
      // sync sends what is queued (table-refresh.ts undo): the block is added then, so it counts.
      if (error instanceof Cancelled) added(rows);
      throw error;
    }
    added(rows);
  }
}
