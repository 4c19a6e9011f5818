import { INDICATOR_COLUMNS, OBSERVATION_COLUMNS, SOURCE_COLUMNS } from "./columns";
import { withDerivedColumns } from "./derived";
import { checkIds, duplicateProblem, lookupKey, observationProblems, PackageTables, TABLE_NAMES } from "./package";
import { MonitorQueries } from "./queries";
import { inSlices, Pause, Slices } from "./slices";
import { MonitorStore } from "./store";
import { Indicator, MonitorPackage, Observation, Problem, Source } from "./types";
import { Cell, MAX_PROBLEMS, readHeader, readRow, readTable } from "./validate";
import { sameMessage } from "../text/message";

/** One data row of MonitorData as the add-in last read it. */
interface Row {
  /** The figure as read; null for a blank row or one whose cells have problems. */
  record: Observation | null;
  /** The same figure as the store holds it. */
  stored: Observation | null;
  /** Problems of its cells (then it is no figure), or of the figure (unit, references). */
  problems: Problem[];
  /** The key a formula looks it up by (names folded), for duplicates. */
  key: string | null;
}

const NO_ROW: Row = { record: null, stored: null, problems: [], key: null };

/**
 * The workbook's three monitor tables, validated and indexed once, then kept up to date row by
 * row: an edit of some rows of MonitorData re-reads those rows, checks them and the rows that
 * share their keys (duplicates), and updates the one store that both the pane and the functions
 * read. Nothing is validated twice. Problems are kept per row, and listed (with the first 50) only
 * when asked; every problem names its table, row (1 = first data row) and column.
 */
export class LiveData {
  readonly store: MonitorStore;
  readonly queries: MonitorQueries;
  private rows: Row[] = [];
  private position: Map<string, number> | null = null;
  private headerProblems: Problem[] = [];
  private definitionProblems: { cells: Problem[]; ids: Problem[] } = { cells: [], ids: [] };
  private indicatorIds = new Set<string>();
  private sourceIds = new Set<string>();
  /** Rows (0-based) by key, ascending: the first is the figure, later ones are duplicates. */
  private readonly keyRows = new Map<string, number[]>();
  private readonly duplicateKeys = new Set<string>();
  /** Rows with a problem of their own (cells or figure). */
  private readonly problemRows = new Set<number>();
  private cachedPackage: MonitorPackage | null = null;
  /** Counts the edits taken, so that a comparison in slices can tell one came in meanwhile. */
  private edits = 0;
  /** The three tables' cells as read and edited since (header rows first): what `holds` compares. */
  private cells: PackageTables = { observations: [], indicators: [], sources: [] };

  private constructor(definitions: { indicators: Indicator[]; sources: Source[] }) {
    this.store = new MonitorStore({ observations: [], ...definitions });
    this.queries = new MonitorQueries(this.store);
  }

  /** Reads the three tables' cells (header row first), in slices when given a pause. */
  static async read(tables: PackageTables, pause?: Pause, onProgress?: (fraction: number) => void): Promise<LiveData> {
    const definitions = readDefinitions(tables.indicators, tables.sources);
    const live = new LiveData(definitions.ok ? definitions.value : { indicators: [], sources: [] });
    live.useDefinitionReading(definitions);
    live.cells = { observations: [...tables.observations], indicators: tables.indicators, sources: tables.sources };
    // The workbook's table: a column the analyst added (for a pivot) is theirs, no problem.
    const header = readHeader(TABLE_NAMES.observations, OBSERVATION_COLUMNS, tables.observations[0], WORKBOOK_TABLE);
    if (!header.ok) {
      live.headerProblems = header.problems;
      return live;
    }
    live.position = header.position;
    const slices = new Slices(pause);
    const body = tables.observations.slice(1);
    live.rows = new Array<Row>(body.length);
    const progress = (done: number) => onProgress?.(Math.min(1, done / Math.max(1, 2 * body.length)));
    // The rows that read as figures, gathered while reading: a pass of its own over 100,000 rows
    // (a flatMap, an array for each row) held the thread for about 20 ms in one piece.
    const readable: number[] = [];
    await inSlices(body, slices, (cells, i) => {
      const row = (live.rows[i] = live.readRow(cells, i));
      if (row.record) readable.push(i);
      if (i % 5000 === 0) progress(i);
    });
    // The store takes the figures in chunks too: indexing 100,000 figures is work of its own.
    const chunk = 200;
    for (let from = 0; from < readable.length; from += chunk) {
      const part = readable.slice(from, from + chunk);
      const stored = live.store.replace([], part.map((i) => live.rows[i].record as Observation));
      part.forEach((i, n) => (live.rows[i].stored = stored[n]));
      if (from % 5000 === 0) progress(body.length + from);
      await slices.between();
    }
    await inSlices(live.rows, slices, (row, i) => live.addKey(row, i));
    await live.store.indexAreaNames(() => slices.between());
    onProgress?.(1);
    return live;
  }

  /** True when every table is valid: the figures are the workbook's dataset. */
  get valid(): boolean {
    return this.headerProblems.length === 0 && this.definitionProblems.cells.length + this.definitionProblems.ids.length === 0 && this.problemRows.size === 0 && this.duplicateKeys.size === 0;
  }

  get figures(): number {
    return this.store.size;
  }

  /** How many data rows MonitorData has (blank ones included). */
  get rowCount(): number {
    return this.rows.length;
  }

  /**
   * Cell problems first (as validation reports them, table by table), else the rules across rows
   * and tables; at most 50, in row order.
   */
  problems(): Problem[] {
    const rowProblems = (cells: boolean) => {
      const listed: Problem[] = [];
      for (const index of [...this.problemRows].sort((a, b) => a - b)) {
        const row = this.rows[index];
        if ((row.record === null) === cells) listed.push(...row.problems);
      }
      return listed;
    };
    const cells = [...this.definitionProblems.cells, ...this.headerProblems, ...rowProblems(true)];
    if (cells.length) return cells.slice(0, MAX_PROBLEMS);
    const figures = rowProblems(false).map((p) => ({ at: (p.row ?? 0) - 1, p }));
    for (const key of this.duplicateKeys) {
      const [first, ...later] = this.keyRows.get(key) ?? [];
      const firstRow = this.rows[first];
      for (const index of later) figures.push({ at: index, p: duplicateProblem({ row: first + 1, o: firstRow.record as Observation }, index + 1, this.rows[index].record as Observation) });
    }
    figures.sort((a, b) => a.at - b.at); // stable: a row's own problems before its duplicate
    return [...this.definitionProblems.ids, ...figures.map((f) => f.p)].slice(0, MAX_PROBLEMS);
  }

  /**
   * Whether `tables`, read from the workbook again, hold exactly the cells this live data was read
   * from and edited to since: then its package and problems are theirs, and what needs them (a
   * pull's comparison) takes them instead of validating the same cells again. Compared a part at
   * a time, with `between` after each. Returns null when they differ, else a check to make right
   * before taking the package: still true when no edit came in since.
   */
  async holds(tables: PackageTables, between: () => Promise<void>): Promise<(() => boolean) | null> {
    const edits = this.edits;
    for (const name of ["indicators", "sources", "observations"] as const) {
      const [mine, theirs] = [this.cells[name], tables[name]];
      if (mine.length !== theirs.length) return null;
      for (let from = 0; from < mine.length; from += 500) {
        for (let i = from; i < Math.min(mine.length, from + 500); i++) if (!sameCells(mine[i], theirs[i])) return null;
        await between();
        if (this.edits !== edits) return null;
      }
    }
    return () => this.edits === edits;
  }

  /** The tables as a package (the figures as read), for what needs the whole edition. */
  /**
   * The figures of the rows that read as one, in the table's order. A plain loop: it runs in one
   * piece when a comparison starts, and a flatMap (an array for each row) took about 18 ms of the
   * thread at 100,000 rows, a loop about 1 ms.
   */
  private records(): Observation[] {
    const records: Observation[] = [];
    for (const row of this.rows) if (row.record) records.push(row.record);
    return records;
  }

  package(): MonitorPackage {
    this.cachedPackage ??= {
      observations: this.records(),
      indicators: [...this.store.indicators],
      sources: [...this.store.sources],
    };
    return this.cachedPackage;
  }

  /**
   * Rows `from`… (0-based data rows) of MonitorData now hold `cells` (each row in the table's
   * column order). Re-checks those rows and the rows sharing their old or new keys, and updates
   * the store in one synchronous step. Returns whether any figure or problem changed.
   */
  editRows(from: number, cells: readonly Cell[][]): boolean {
    const rows = this.cells.observations.length - 1; // its header row first
    if (from < 0 || from + cells.length > rows) {
      if (this.position === null) return false;
      throw new RangeError(`Rows ${from}…${from + cells.length - 1} are not in the table of ${rows} rows.`);
    }
    this.edits++;
    cells.forEach((rowCells, n) => (this.cells.observations[from + 1 + n] = rowCells));
    if (this.position === null) return false;
    const touched = new Set<string>();
    const removed: Observation[] = [];
    const added: { index: number; row: Row }[] = [];
    const changed: number[] = [];
    cells.forEach((rowCells, n) => {
      const index = from + n;
      const old = this.rows[index];
      const row = this.readRow(rowCells, index);
      if (sameRow(old, row)) return;
      changed.push(index);
      if (old.key !== null) touched.add(old.key);
      this.removeKey(old, index);
      if (old.stored) removed.push(old.stored);
      this.rows[index] = row;
      if (row.record) added.push({ index, row });
    });
    if (changed.length === 0) return false;
    const stored = this.store.replace(removed, added.map((a) => a.row.record as Observation));
    added.forEach((a, n) => (a.row.stored = stored[n]));
    for (const index of changed) this.addKey(this.rows[index], index, touched);
    for (const key of touched) this.checkDuplicate(key);
    this.cachedPackage = null;
    return true;
  }

  /** Where a column of MonitorData is (0-based, in the table's order), or null without a readable header. */
  columnOf(name: string): number | null {
    return this.position?.get(name) ?? null;
  }

  /**
   * One column of every data row, read again (a recalculation may have changed a formula's
   * result in it, src/excel/follow-calculated.ts): only the rows whose cell differs are edited,
   * each as an edit of its row. Returns whether any figure or problem changed.
   */
  editColumn(column: number, values: readonly Cell[]): boolean {
    let changed = false;
    for (let i = 0; i < values.length && i + 1 < this.cells.observations.length; i++) {
      const cells = this.cells.observations[i + 1];
      if (cells[column] === values[i]) continue;
      const row = [...cells];
      row[column] = values[i];
      changed = this.editRows(i, [row]) || changed;
    }
    return changed;
  }

  /**
   * MonitorIndicatoren and MonitorBronnen changed: both are small and read whole. The figures'
   * references are checked again against the new ids (a look-up per row, nothing re-read).
   */
  editDefinitions(indicators: Cell[][], sources: Cell[][]): void {
    const definitions = readDefinitions(indicators, sources);
    this.useDefinitionReading(definitions);
    this.edits++;
    this.cells = { ...this.cells, indicators, sources };
    if (definitions.ok) this.store.define(definitions.value.indicators, definitions.value.sources);
    this.rows.forEach((row, index) => {
      if (!row.record) return;
      row.problems = observationProblems(row.record, index + 1, this.indicatorIds, this.sourceIds);
      if (row.problems.length) this.problemRows.add(index);
      else this.problemRows.delete(index);
    });
    this.cachedPackage = null;
  }

  private useDefinitionReading(definitions: DefinitionReading): void {
    if (!definitions.ok) {
      this.definitionProblems = { cells: definitions.problems, ids: [] };
      return;
    }
    const { indicators, sources } = definitions.value;
    this.indicatorIds = new Set(indicators.map((i) => i.id));
    this.sourceIds = new Set(sources.map((s) => s.id));
    this.definitionProblems = { cells: [], ids: [...checkIds(TABLE_NAMES.indicators, indicators.map((i) => i.id)), ...checkIds(TABLE_NAMES.sources, sources.map((s) => s.id))] };
  }

  private readRow(cells: readonly Cell[], index: number): Row {
    const reading = readRow(TABLE_NAMES.observations, OBSERVATION_COLUMNS, this.position as Map<string, number>, cells, index + 1);
    if (reading.record === null) return reading.problems.length ? { ...NO_ROW, problems: reading.problems } : NO_ROW;
    const record = withDerivedColumns(reading.record); // Jaar, Bovengroep, Gebiedscode where empty or absent
    return { record, stored: null, problems: observationProblems(record, index + 1, this.indicatorIds, this.sourceIds), key: lookupKey(record) };
  }

  private addKey(row: Row, index: number, touched?: Set<string>): void {
    if (row.problems.length) this.problemRows.add(index);
    if (row.key === null) return;
    const rows = this.keyRows.get(row.key);
    if (!rows) this.keyRows.set(row.key, [index]);
    else {
      let at = rows.length;
      while (at > 0 && rows[at - 1] > index) at--;
      rows.splice(at, 0, index);
      if (!touched) this.duplicateKeys.add(row.key);
    }
    touched?.add(row.key);
  }

  private removeKey(row: Row, index: number): void {
    this.problemRows.delete(index);
    if (row.key === null) return;
    const rows = this.keyRows.get(row.key);
    if (!rows) return;
    rows.splice(rows.indexOf(index), 1);
    if (rows.length === 0) this.keyRows.delete(row.key);
  }

  private checkDuplicate(key: string): void {
    if ((this.keyRows.get(key)?.length ?? 0) > 1) this.duplicateKeys.add(key);
    else this.duplicateKeys.delete(key);
  }
}

type DefinitionReading = { ok: true; value: { indicators: Indicator[]; sources: Source[] } } | { ok: false; problems: Problem[] };

const WORKBOOK_TABLE = { extraColumns: "ignore" } as const;

function readDefinitions(indicatorCells: Cell[][], sourceCells: Cell[][]): DefinitionReading {
  const indicators = readTable(TABLE_NAMES.indicators, INDICATOR_COLUMNS, indicatorCells, undefined, WORKBOOK_TABLE);
  const sources = readTable(TABLE_NAMES.sources, SOURCE_COLUMNS, sourceCells, undefined, WORKBOOK_TABLE);
  if (indicators.ok && sources.ok) return { ok: true, value: { indicators: indicators.value, sources: sources.value } };
  return { ok: false, problems: [...(indicators.ok ? [] : indicators.problems), ...(sources.ok ? [] : sources.problems)] };
}

/** The same figure with the same problems: an edit that changed nothing a formula or message can see. */
function sameRow(a: Row, b: Row): boolean {
  if (a.problems.length !== b.problems.length || a.problems.some((p, i) => !sameMessage(p.message, b.problems[i].message))) return false;
  if (a.record === null || b.record === null) return a.record === b.record;
  return (Object.keys(b.record) as (keyof Observation)[]).every((k) => a.record?.[k] === b.record?.[k]);
}

function sameCells(a: readonly Cell[], b: readonly Cell[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
