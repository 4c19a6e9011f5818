/**
 * A faithful fake of the part of the Excel JavaScript API the add-in uses.
 *
 * Like Excel: every call on a proxy is queued and only reaches the workbook at `sync()`, in
 * order; a failing operation rejects the sync and later operations of that batch never run;
 * reading a property that was not loaded (and synced) throws PropertyNotLoaded; `isNullObject`
 * needs a load too; names follow Excel's rules (sheet names ≤ 31 characters, unique
 * case-insensitively; table names unique in the workbook); a string starting with "=" written
 * as a value becomes a formula unless quote-prefixed or the cell is formatted as text.
 * The model it keeps is the resulting workbook, for tests to assert on; `syncs` counts syncs.
 */

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export interface CellModel {
  value: string | number | boolean | null;
  formula: string | null;
  numberFormat: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
}

export interface Box {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export class SheetModel {
  readonly cells = new Map<string, CellModel>();
  readonly customProperties = new Map<string, string>();
  readonly charts: ChartModel[] = [];
  readonly columnWidths = new Map<number, number>();
  frozenRows = 0;
  visibility: "Visible" | "Hidden" = "Visible";
  constructor(
    readonly id: string,
    public name: string,
  ) {}

  cell(row: number, column: number): CellModel {
    const key = `${row},${column}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: null, formula: null, numberFormat: "General" };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** The smallest box holding every cell with a value or formula (Excel's used range, valuesOnly); null when there is none. */
  usedBox(): Box | null {
    let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    for (const [key, cell] of this.cells) {
      if (cell.formula === null && (cell.value === null || cell.value === "")) continue;
      const [row, column] = key.split(",").map(Number);
      [top, left, bottom, right] = [Math.min(top, row), Math.min(left, column), Math.max(bottom, row), Math.max(right, column)];
    }
    return bottom < 0 ? null : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** Values of a box as a 2-D array ("" for empty cells, as Excel returns them). */
  values(box: Box): (string | number | boolean)[][] {
    return Array.from({ length: box.rows }, (_, r) =>
      Array.from({ length: box.columns }, (_, c) => {
        const cell = this.cells.get(`${box.row + r},${box.column + c}`);
        return cell?.formula ?? cell?.value ?? "";
      }),
    );
  }
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  box: Box;
  style: string;
}

export interface ChartModel {
  name: string;
  type: string;
  source: Box;
  seriesBy: string;
  title: string | null;
  categoryAxisTitle: string | null;
  valueAxisTitle: string | null;
  valueAxisNumberFormat: string | null;
  legendPosition: string | null;
  position: { start: string; end: string } | null;
  seriesColours: string[];
  pointColours: string[];
  dataLabels: { showValue?: boolean; numberFormat?: string };
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  /** The user's selection (sheet name and box); the first sheet's A1 when not set. */
  selection: { sheet: string; box: Box } | null = null;
  /** Handlers registered with table.onChanged, by table name: `fireTableChanged` calls them. */
  readonly tableChangeHandlers = new Map<string, ((event: unknown) => unknown)[]>();
  readonly settings = new Map<string, unknown>();
  calculationSuspendedSyncs = 0;
  /** For each sync: whether calculation was suspended for it, and how many cells it wrote. */
  readonly batches: { suspended: boolean; cellsWritten: number; bytes: number }[] = [];
  cellsWritten = 0;
  calculations: string[] = [];
  private nextId = 1;

  addSheet(name: string): SheetModel {
    checkSheetName(name);
    if (this.sheetNamed(name)) throw new OfficeError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
    const sheet = new SheetModel(`{sheet-${this.nextId++}}`, name);
    this.sheets.push(sheet);
    return sheet;
  }

  sheetNamed(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * What Excel does when the user copies a sheet: everything comes along, custom properties
   * (so the add-in's mark) included; the copy gets a new id and its tables new names. `before`:
   * English Excel places the copy before the original.
   */
  copySheet(name: string, copyName: string, before = false): SheetModel {
    const original = this.sheetNamed(name);
    if (!original) throw new Error(`no sheet ${name}`);
    checkSheetName(copyName);
    const copy = new SheetModel(`{sheet-${this.nextId++}}`, copyName);
    for (const [key, cell] of original.cells) copy.cells.set(key, { ...cell });
    for (const [key, value] of original.customProperties) copy.customProperties.set(key, value);
    for (const chart of original.charts) copy.charts.push(structuredClone(chart));
    for (const [column, width] of original.columnWidths) copy.columnWidths.set(column, width);
    copy.frozenRows = original.frozenRows;
    for (const table of this.tables.filter((t) => t.sheet === original)) {
      let n = 2;
      while (this.tables.some((t) => t.name.toLowerCase() === `${table.name}${n}`.toLowerCase())) n++;
      this.tables.push({ ...table, name: `${table.name}${n}`, sheet: copy, box: { ...table.box } });
    }
    this.sheets.splice(this.sheets.indexOf(original) + (before ? 0 : 1), 0, copy);
    return copy;
  }

  /** What Excel does when the user edits a table: call its onChanged handlers. */
  async fireTableChanged(name: string): Promise<void> {
    for (const handler of this.tableChangeHandlers.get(name.toLowerCase()) ?? []) await handler({ tableId: name, changeType: "RangeEdited" });
  }

  /** A readable picture of the workbook for assertions: sheets in order with what is on them. */
  describe() {
    return this.sheets.map((s) => ({
      name: s.name,
      properties: Object.fromEntries(s.customProperties),
      tables: this.tables.filter((t) => t.sheet === s).map((t) => t.name),
      charts: s.charts.map((c) => c.type),
    }));
  }
}

function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name)) throw new OfficeError("InvalidArgument", `'${name}' is not a valid sheet name.`);
}

export function parseAddress(address: string): Box & { sheet?: string } {
  const match = /^(?:'?((?:[^']|'')+?)'?!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(address);
  if (!match) throw new OfficeError("InvalidArgument", `'${address}' is not an address.`);
  const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const [r1, c1] = [Number(match[3]) - 1, column(match[2])];
  const [r2, c2] = match[4] ? [Number(match[5]) - 1, column(match[4])] : [r1, c1];
  return { sheet: match[1]?.replace(/''/g, "'"), row: r1, column: c1, rows: r2 - r1 + 1, columns: c2 - c1 + 1 };
}

export function toAddress(box: Box): string {
  const letters = (c: number): string => (c >= 26 ? letters(Math.floor(c / 26) - 1) : "") + String.fromCharCode(65 + (c % 26));
  const start = `${letters(box.column)}${box.row + 1}`;
  return box.rows === 1 && box.columns === 1 ? start : `${start}:${letters(box.column + box.columns - 1)}${box.row + box.rows}`;
}

const overlaps = (a: Box, b: Box) => a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;

/** The request context: the queue of operations, `sync`, and the count of syncs. */
export class FakeContext {
  syncs = 0;
  private queue: (() => void)[] = [];
  /** What the queued operations would weigh in a request to Excel (the values, formats and formulas sent). */
  private pendingBytes = 0;
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;

  constructor(readonly model: WorkbookModel = new WorkbookModel()) {
    this.workbook = new FakeWorkbook(this);
    this.application = this.workbook.application;
  }

  enqueue(operation: () => void): void {
    this.queue.push(operation);
  }

  /** Counts the payload of data sent with the next sync (2-D arrays of values, formats, formulas). */
  addPayload(data: unknown): void {
    this.pendingBytes += JSON.stringify(data).length;
  }

  async sync(): Promise<void> {
    this.syncs++;
    const batch = this.queue;
    const bytes = this.pendingBytes;
    this.queue = [];
    this.pendingBytes = 0;
    const written = this.model.cellsWritten;
    try {
      for (const operation of batch) operation(); // throws out of the batch, like Excel
    } finally {
      this.model.batches.push({ suspended: this.model.calculationSuspendedSyncs > 0, cellsWritten: this.model.cellsWritten - written, bytes });
      if (this.model.calculationSuspendedSyncs > 0) this.model.calculationSuspendedSyncs--;
    }
  }
}

type Resolver<M> = () => M | null;

/** Base of every proxy: queued loads, PropertyNotLoaded, isNullObject. */
class ClientObject<M> {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    protected readonly context: FakeContext,
    protected readonly resolver: Resolver<M>,
  ) {}

  protected model(): M {
    const model = this.resolver();
    if (model === null) throw new OfficeError("ItemNotFound", `${this.constructor.name}: the requested resource does not exist.`);
    return model;
  }

  /** Properties the fake can read from the model: subclasses map names to values. */
  protected readProperty(_model: M, name: string): unknown {
    throw new OfficeError("InvalidArgument", `${this.constructor.name} cannot load '${name}'.`);
  }

  load(properties?: string | string[]): this {
    const names = (Array.isArray(properties) ? properties : (properties ?? "").split(",")).map((p) => p.trim()).filter(Boolean);
    this.context.enqueue(() => this.snapshot(names));
    return this;
  }

  /** Copies the named properties from the model, as a sync does for a queued load. */
  snapshot(names: string[]): void {
    const model = this.resolver();
    this.nullState = model === null;
    if (model === null) return;
    for (const name of names) this.loaded.set(name, this.readProperty(model, name));
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new OfficeError("PropertyNotLoaded", "isNullObject is known only after load() and sync().");
    return this.nullState;
  }

  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) throw new OfficeError("PropertyNotLoaded", `The property '${name}' is not available. Call load() and sync() before reading it.`);
    return this.loaded.get(name) as T;
  }

  protected set(apply: (model: M) => void): void {
    this.context.enqueue(() => apply(this.model()));
  }
}

/** A collection proxy: load("items/x,items/y") gives `items`, each a proxy bound to its model. */
abstract class CollectionObject<M, P extends ClientObject<M>> extends ClientObject<M[]> {
  private loadedItems: P[] | undefined;
  protected abstract wrap(item: M): P;

  override load(properties?: string | string[]): this {
    const names = (Array.isArray(properties) ? properties : (properties ?? "").split(",")).map((p) => p.trim().replace(/^items\//, "")).filter(Boolean);
    this.context.enqueue(() => {
      this.loadedItems = this.model().map((item) => this.wrap(item));
      for (const item of this.loadedItems) item.snapshot(names);
    });
    return this;
  }

  get items(): P[] {
    if (!this.loadedItems) throw new OfficeError("PropertyNotLoaded", "The property 'items' is not available. Call load() and sync() before reading it.");
    return this.loadedItems;
  }
}

export class FakeApplication {
  constructor(private readonly context: FakeContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue(() => undefined);
    this.context.model.calculationSuspendedSyncs = 1;
  }
  calculate(type: string): void {
    this.context.enqueue(() => this.context.model.calculations.push(type));
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;
  constructor(readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, null);
    this.application = new FakeApplication(context);
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const model = this.context.model;
      const selection = model.selection ?? { sheet: model.sheets[0]?.name, box: { row: 0, column: 0, rows: 1, columns: 1 } };
      const sheet = model.sheetNamed(selection.sheet);
      return sheet ? { sheet, box: selection.box } : null;
    });
  }
}

export class FakeWorksheetCollection extends CollectionObject<SheetModel, FakeWorksheet> {
  constructor(context: FakeContext) {
    super(context, () => context.model.sheets);
  }
  protected wrap(item: SheetModel): FakeWorksheet {
    return new FakeWorksheet(this.context, () => (this.context.model.sheets.includes(item) ? item : null));
  }
  add(name: string): FakeWorksheet {
    let created: SheetModel | null = null;
    this.context.enqueue(() => (created = this.context.model.addSheet(name)));
    return new FakeWorksheet(this.context, () => created);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.sheetNamed(name) ?? null);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return this.getItem(name);
  }
}

export class FakeWorksheet extends ClientObject<SheetModel> {
  readonly tables = new FakeTableCollection(this.context, () => this.model());
  readonly charts = new FakeChartCollection(this.context, () => this.model(), () => this.model().charts);
  readonly customProperties = new FakeCustomPropertyCollection(this.context, () => this.model());
  readonly freezePanes = { freezeRows: (count: number) => this.set((s) => (s.frozenRows = count)) };

  protected override readProperty(sheet: SheetModel, name: string): unknown {
    const values: Record<string, unknown> = { name: sheet.name, id: sheet.id, position: this.context.model.sheets.indexOf(sheet), visibility: sheet.visibility };
    if (!(name in values)) return super.readProperty(sheet, name);
    return values[name];
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.set((s) => {
      checkSheetName(value);
      const other = this.context.model.sheetNamed(value);
      if (other && other !== s) throw new OfficeError("ItemAlreadyExists", `A sheet named '${value}' already exists.`);
      s.name = value;
    });
  }
  get id(): string {
    return this.get("id");
  }
  get position(): number {
    return this.get("position");
  }
  set position(value: number) {
    this.set((s) => {
      const sheets = this.context.model.sheets;
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(value, 0, s);
    });
  }
  get visibility(): string {
    return this.get("visibility");
  }
  delete(): void {
    this.set((s) => {
      const model = this.context.model;
      if (model.sheets.filter((x) => x !== s && x.visibility === "Visible").length === 0) throw new OfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      model.sheets = model.sheets.filter((x) => x !== s);
      model.tables = model.tables.filter((t) => t.sheet !== s);
    });
  }
  activate(): void {
    this.set(() => undefined);
  }
  /** A range by address; without one, the whole sheet (1,048,576 × 16,384 cells). */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const box = address === undefined ? { row: 0, column: 0, rows: 1_048_576, columns: 16_384 } : parseAddress(address);
      return { sheet: this.model(), box };
    });
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.model(), box: { row, column, rows, columns } }));
  }
  /** The fake knows values and formulas only, so its used range is always Excel's valuesOnly one. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== true) throw new OfficeError("InvalidArgument", "The fake models only getUsedRangeOrNullObject(true).");
    return new FakeRange(this.context, () => {
      const box = this.model().usedBox();
      return box ? { sheet: this.model(), box } : null;
    });
  }
}

interface RangeModel {
  sheet: SheetModel;
  box: Box;
}

export class FakeRange extends ClientObject<RangeModel> {
  readonly format = new FakeRangeFormat(this.context, () => this.model());

  protected override readProperty(range: RangeModel, name: string): unknown {
    switch (name) {
      case "values":
      case "formulas":
        return range.sheet.values(range.box);
      case "address":
        return `${range.sheet.name}!${toAddress(range.box)}`;
      case "rowIndex":
        return range.box.row;
      case "columnIndex":
        return range.box.column;
      case "rowCount":
        return range.box.rows;
      case "columnCount":
        return range.box.columns;
      default:
        return super.readProperty(range, name);
    }
  }
  get values(): (string | number | boolean)[][] {
    return this.get("values");
  }
  set values(values: (string | number | boolean | null)[][]) {
    this.context.addPayload(values);
    this.set(({ sheet, box }) => {
      checkShape(values, box, "values");
      this.context.model.cellsWritten += box.rows * box.columns;
      values.forEach((row, r) =>
        row.forEach((value, c) => {
          const cell = sheet.cell(box.row + r, box.column + c);
          if (typeof value === "string" && value.startsWith("'")) Object.assign(cell, { value: value.slice(1), formula: null });
          else if (typeof value === "string" && value.startsWith("=") && cell.numberFormat !== "@") Object.assign(cell, { value: null, formula: value });
          else Object.assign(cell, { value: value === "" ? null : value, formula: null });
        }),
      );
    });
  }
  get address(): string {
    return this.get("address");
  }
  get formulas(): (string | number | boolean)[][] {
    return this.get("formulas");
  }
  /** Deletes cells, shifting those below up within the range's columns (tables below move whole). */
  delete(shift: string): void {
    this.set(({ sheet, box }) => {
      if (shift !== "Up") throw new OfficeError("InvalidArgument", "The fake deletes with shift Up only.");
      const inColumns = (column: number) => column >= box.column && column < box.column + box.columns;
      for (const [key] of [...sheet.cells]) {
        const [row, column] = key.split(",").map(Number);
        if (inColumns(column) && row >= box.row && row < box.row + box.rows) sheet.cells.delete(key);
      }
      const below = [...sheet.cells].filter(([key]) => {
        const [row, column] = key.split(",").map(Number);
        return inColumns(column) && row >= box.row + box.rows;
      });
      for (const [key] of below) sheet.cells.delete(key);
      for (const [key, cell] of below) {
        const [row, column] = key.split(",").map(Number);
        sheet.cells.set(`${row - box.rows},${column}`, cell);
      }
      for (const table of this.context.model.tables) {
        if (table.sheet === sheet && table.box.row >= box.row + box.rows && table.box.column >= box.column && table.box.column + table.box.columns <= box.column + box.columns) table.box = { ...table.box, row: table.box.row - box.rows };
      }
    });
  }
  /**
   * Inserts cells, shifting those below down within the range's columns, as Excel does. Like
   * Excel, it refuses to shift part of a table (a table must move whole or not at all).
   */
  insert(shift: string): void {
    this.set(({ sheet, box }) => {
      if (shift !== "Down") throw new OfficeError("InvalidArgument", "The fake inserts with shift Down only.");
      const inColumns = (b: Box) => b.column < box.column + box.columns && box.column < b.column + b.columns;
      const moving = this.context.model.tables.filter((t) => t.sheet === sheet && inColumns(t.box) && t.box.row + t.box.rows > box.row);
      for (const table of moving) {
        const whole = table.box.row >= box.row && table.box.column >= box.column && table.box.column + table.box.columns <= box.column + box.columns;
        if (!whole) throw new OfficeError("InvalidOperation", `This operation is attempting to shift cells in the table '${table.name}'.`);
      }
      const shifted = [...sheet.cells].filter(([key]) => {
        const [row, column] = key.split(",").map(Number);
        return row >= box.row && column >= box.column && column < box.column + box.columns;
      });
      for (const [key] of shifted) sheet.cells.delete(key);
      for (const [key, cell] of shifted) {
        const [row, column] = key.split(",").map(Number);
        sheet.cells.set(`${row + box.rows},${column}`, cell);
      }
      for (const table of moving) table.box = { ...table.box, row: table.box.row + box.rows };
    });
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  set numberFormat(formats: string[][]) {
    this.context.addPayload(formats);
    this.set(({ sheet, box }) => {
      checkShape(formats, box, "numberFormat");
      formats.forEach((row, r) => row.forEach((format, c) => (sheet.cell(box.row + r, box.column + c).numberFormat = format)));
    });
  }
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, box } = this.model();
      return { sheet, box: { row: box.row + row, column: box.column + column, rows: 1, columns: 1 } };
    });
  }
  set formulas(formulas: string[][]) {
    this.context.addPayload(formulas);
    this.set(({ sheet, box }) => {
      checkShape(formulas, box, "formulas");
      formulas.forEach((row, r) => row.forEach((formula, c) => Object.assign(sheet.cell(box.row + r, box.column + c), formula.startsWith("=") ? { formula, value: null } : { formula: null, value: formula })));
    });
  }
  /** "Contents" empties the cells and keeps their formats; "All" (the default) removes both. */
  clear(applyTo: string = "All"): void {
    this.set(({ sheet, box }) => {
      if (applyTo !== "All" && applyTo !== "Contents") throw new OfficeError("InvalidArgument", `The fake clears All or Contents, not ${applyTo}.`);
      for (const [key, cell] of [...sheet.cells]) {
        const [row, column] = key.split(",").map(Number);
        if (row < box.row || row >= box.row + box.rows || column < box.column || column >= box.column + box.columns) continue;
        if (applyTo === "All") sheet.cells.delete(key);
        else Object.assign(cell, { value: null, formula: null });
      }
    });
  }
}

function checkShape(values: unknown[][], box: Box, what: string): void {
  if (!Array.isArray(values) || values.length !== box.rows || values.some((row) => !Array.isArray(row) || row.length !== box.columns)) {
    throw new OfficeError("InvalidArgument", `The ${what} array does not match the size of the range (${box.rows}×${box.columns}).`);
  }
}

class FakeRangeFormat extends ClientObject<RangeModel> {
  readonly font = (() => {
    const apply = (change: (cell: CellModel) => void) => this.eachCell(change);
    return {
      set bold(value: boolean) {
        apply((c) => (c.bold = value));
      },
      set italic(value: boolean) {
        apply((c) => (c.italic = value));
      },
      set size(value: number) {
        apply((c) => (c.size = value));
      },
      set color(value: string) {
        apply((c) => (c.color = value));
      },
      set name(_value: string) {
        apply(() => undefined);
      },
    };
  })();
  eachCell(change: (cell: CellModel) => void): void {
    this.set(({ sheet, box }) => {
      for (let r = 0; r < box.rows; r++) for (let c = 0; c < box.columns; c++) change(sheet.cell(box.row + r, box.column + c));
    });
  }
  set columnWidth(points: number) {
    this.set(({ sheet, box }) => {
      for (let c = 0; c < box.columns; c++) sheet.columnWidths.set(box.column + c, points);
    });
  }
  set wrapText(_value: boolean) {
    this.set(() => undefined);
  }
}

export class FakeTableCollection extends CollectionObject<TableModel, FakeTable> {
  constructor(
    context: FakeContext,
    private readonly sheet: (() => SheetModel) | null,
  ) {
    super(context, () => context.model.tables.filter((t) => !sheet || t.sheet === sheet()));
  }
  protected wrap(item: TableModel): FakeTable {
    return new FakeTable(this.context, () => (this.context.model.tables.includes(item) ? item : null));
  }
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    let created: TableModel | null = null;
    this.context.enqueue(() => {
      if (!hasHeaders) throw new OfficeError("InvalidArgument", "The fake only supports tables with headers.");
      const { sheet, box } = typeof address === "string" ? this.rangeOf(address) : (address as unknown as { model(): RangeModel }).model();
      const clash = this.context.model.tables.find((t) => t.sheet === sheet && overlaps(t.box, box));
      if (clash) throw new OfficeError("InvalidOperation", `The range overlaps the table '${clash.name}'.`);
      const header = sheet.values({ ...box, rows: 1 })[0];
      if (header.some((h) => h === "") || new Set(header).size !== header.length) throw new OfficeError("InvalidArgument", "Table headers must be filled in and unique.");
      let n = this.context.model.tables.length + 1;
      while (this.context.model.tables.some((t) => t.name === `Table${n}`)) n++;
      created = { name: `Table${n}`, sheet, box, style: "TableStyleMedium2" };
      this.context.model.tables.push(created);
    });
    return new FakeTable(this.context, () => created);
  }
  private rangeOf(address: string): RangeModel {
    const parsed = parseAddress(address);
    const sheet = parsed.sheet ? this.context.model.sheetNamed(parsed.sheet) : this.sheet?.();
    if (!sheet) throw new OfficeError("ItemNotFound", `No sheet for '${address}'.`);
    return { sheet, box: parsed };
  }
  getItem(name: string): FakeTable {
    return new FakeTable(this.context, () => this.context.model.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null);
  }
  getItemOrNullObject(name: string): FakeTable {
    return this.getItem(name);
  }
}

export class FakeTable extends ClientObject<TableModel> {
  protected override readProperty(table: TableModel, name: string): unknown {
    if (name === "name") return table.name;
    if (name === "style") return table.style;
    return super.readProperty(table, name);
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.set((t) => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(value)) throw new OfficeError("InvalidArgument", `'${value}' is not a valid table name.`);
      if (this.context.model.tables.some((o) => o !== t && o.name.toLowerCase() === value.toLowerCase())) throw new OfficeError("InvalidArgument", `A table named '${value}' already exists.`);
      t.name = value;
    });
  }
  set style(value: string) {
    this.set((t) => (t.style = value));
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.resolver()?.sheet ?? null);
  }
  readonly onChanged = {
    add: (handler: (event: unknown) => unknown) => {
      this.set((t) => {
        const handlers = this.context.model.tableChangeHandlers;
        handlers.set(t.name.toLowerCase(), [...(handlers.get(t.name.toLowerCase()) ?? []), handler]);
      });
      return {};
    },
  };
  getRange(): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.model().sheet, box: this.model().box }));
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, box } = this.model();
      return { sheet, box: { ...box, row: box.row + 1, rows: box.rows - 1 } };
    });
  }
  resize(range: FakeRange | string): void {
    this.set((t) => {
      const target = typeof range === "string" ? { sheet: t.sheet, box: parseAddress(range) } : (range as unknown as { model(): RangeModel }).model();
      if (target.sheet !== t.sheet || target.box.row !== t.box.row || target.box.column !== t.box.column) throw new OfficeError("InvalidArgument", "A table can only be resized from its own top-left cell.");
      t.box = target.box;
    });
  }
  delete(): void {
    this.set((t) => (this.context.model.tables = this.context.model.tables.filter((x) => x !== t)));
  }
}

class FakeChartCollection extends CollectionObject<ChartModel, FakeChart> {
  constructor(
    context: FakeContext,
    private readonly sheet: () => SheetModel,
    charts: () => ChartModel[],
  ) {
    super(context, charts);
  }
  protected wrap(item: ChartModel): FakeChart {
    return new FakeChart(this.context, () => (this.sheet().charts.includes(item) ? item : null));
  }
  add(type: string, source: FakeRange, seriesBy: string): FakeChart {
    let created: ChartModel | null = null;
    this.context.enqueue(() => {
      const sheet = this.sheet();
      const range = (source as unknown as { model(): RangeModel }).model();
      if (range.sheet !== sheet) throw new OfficeError("InvalidArgument", "A chart's data must be on its own sheet in this add-in.");
      created = { name: `Chart ${sheet.charts.length + 1}`, type, source: range.box, seriesBy, title: null, categoryAxisTitle: null, valueAxisTitle: null, valueAxisNumberFormat: null, legendPosition: null, position: null, seriesColours: [], pointColours: [], dataLabels: {} };
      sheet.charts.push(created);
    });
    return new FakeChart(this.context, () => created);
  }
}

const PIE_TYPES = ["Pie", "Doughnut"];

export class FakeChart extends ClientObject<ChartModel> {
  private readonly change = (apply: (c: ChartModel) => void) => this.set(apply);
  private axis(which: "category" | "value") {
    const apply = (change: (c: ChartModel) => void) =>
      this.change((c) => {
        if (PIE_TYPES.includes(c.type)) throw new OfficeError("InvalidOperation", `A ${c.type} chart has no axes.`);
        change(c);
      });
    return {
      title: {
        set text(value: string) {
          apply((c) => (which === "category" ? (c.categoryAxisTitle = value) : (c.valueAxisTitle = value)));
        },
      },
      set numberFormat(value: string) {
        apply((c) => (c.valueAxisNumberFormat = value));
      },
    };
  }
  readonly axes = { categoryAxis: this.axis("category"), valueAxis: this.axis("value") };
  readonly title = ((apply: FakeChart["change"]) => ({
    set text(value: string) {
      apply((c) => (c.title = value));
    },
  }))(this.change);
  readonly legend = ((apply: FakeChart["change"]) => ({
    set position(value: string) {
      apply((c) => (c.legendPosition = value));
    },
  }))(this.change);
  readonly dataLabels = ((apply: FakeChart["change"]) => ({
    set showValue(value: boolean) {
      apply((c) => (c.dataLabels.showValue = value));
    },
    set numberFormat(value: string) {
      apply((c) => (c.dataLabels.numberFormat = value));
    },
  }))(this.change);
  /** Series as Excel makes them from the source (one per column after the first), with their points. */
  readonly series = {
    getItemAt: (index: number) => {
      const checked = (change: (c: ChartModel) => void) =>
        this.change((c) => {
          if (index >= c.source.columns - 1) throw new OfficeError("ItemNotFound", `The chart has no series ${index}.`);
          change(c);
        });
      return {
        format: {
          fill: { setSolidColor: (colour: string) => checked((c) => (c.seriesColours[index] = colour)) },
          line: {
            set color(colour: string) {
              checked((c) => (c.seriesColours[index] = colour));
            },
          },
        },
        points: {
          getItemAt: (point: number) => ({
            format: {
              fill: {
                setSolidColor: (colour: string) =>
                  checked((c) => {
                    if (point >= c.source.rows - 1) throw new OfficeError("ItemNotFound", `The series has no point ${point}.`);
                    c.pointColours[point] = colour;
                  }),
              },
            },
          }),
        },
      };
    },
  };
  protected override readProperty(chart: ChartModel, name: string): unknown {
    return name === "name" ? chart.name : super.readProperty(chart, name);
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.set((c) => (c.name = value));
  }
  delete(): void {
    this.set((c) => {
      const sheet = this.context.model.sheets.find((s) => s.charts.includes(c));
      sheet?.charts.splice(sheet.charts.indexOf(c), 1);
    });
  }
  setPosition(start: string, end: string): void {
    this.set((c) => (c.position = { start, end }));
  }
}

class FakeCustomProperty extends ClientObject<{ key: string; sheet: SheetModel }> {
  protected override readProperty(p: { key: string; sheet: SheetModel }, name: string): unknown {
    if (name === "key") return p.key;
    if (name === "value") return p.sheet.customProperties.get(p.key);
    return super.readProperty(p, name);
  }
  get key(): string {
    return this.get("key");
  }
  get value(): string {
    return this.get("value");
  }
  delete(): void {
    this.set((p) => p.sheet.customProperties.delete(p.key));
  }
}

class FakeCustomPropertyCollection extends CollectionObject<{ key: string; sheet: SheetModel }, FakeCustomProperty> {
  constructor(
    context: FakeContext,
    private readonly sheet: () => SheetModel,
  ) {
    super(context, () => [...sheet().customProperties.keys()].map((key) => ({ key, sheet: sheet() })));
  }
  protected wrap(item: { key: string; sheet: SheetModel }): FakeCustomProperty {
    return new FakeCustomProperty(this.context, () => item);
  }
  /** Like Excel: a new property, or the existing one with that key overwritten. */
  add(key: string, value: string): void {
    this.context.enqueue(() => {
      if (key.length > 255) throw new OfficeError("InvalidArgument", "Custom property keys are at most 255 characters.");
      if (value.length > 255) throw new OfficeError("InvalidArgument", "Custom property values are at most 255 characters outside Excel on the web.");
      this.sheet().customProperties.set(key, value);
    });
  }
  getItemOrNullObject(key: string): FakeCustomProperty {
    return new FakeCustomProperty(this.context, () => {
      const sheet = this.sheet();
      const found = [...sheet.customProperties.keys()].find((k) => k.toLowerCase() === key.toLowerCase());
      return found === undefined ? null : { key: found, sheet };
    });
  }
}

/** Runs `body` the way Excel.run does, with a fresh context on the given workbook. */
export async function fakeRun<T>(model: WorkbookModel, body: (context: FakeContext) => Promise<T>): Promise<{ result: T; syncs: number }> {
  const context = new FakeContext(model);
  const result = await body(context);
  await context.sync(); // Excel.run syncs what is still queued at the end
  return { result, syncs: context.syncs };
}
