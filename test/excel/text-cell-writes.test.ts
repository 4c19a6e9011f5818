import { snapshotOf } from "../../src/data/compare";
import { MonitorPackage } from "../../src/data/types";
import { FakeContext, hasOwnFormat, TableModel, WorkbookModel } from "../support/fake-excel";
import { useNewRowFormat, useTextCellReading } from "../support/fake-typed-values";
import { HOSTILE_TEXTS, hostilePackage } from "../support/hostile-package";
import { errorOf, pullRefusedWhileWriting, withNthWriteRefused } from "../support/refuse-write";
import { runLoadData, runRegenerate, snapshot, tableNamed, userWorkbook } from "../support/workbooks";

/**
 * Every write path into cells formatted as Text ("@"): the first load, Regenerate (sheets built
 * new and rewritten in place, and its undo), a pull into cells the analyst formatted as Text, and
 * a pull put back after Excel refused it (overwritten cells, deleted rows added again). Whether
 * Excel drops a quote prefix written into a Text cell or keeps it as a character is not
 * documented (fake-typed-values.ts), so each runs under both readings, and the workbook must hold
 * exactly the data's texts either way. Among them a text that itself starts with an apostrophe
 * ("'s-Gravenhage" as an area, on the indicator sheets too, and the notes' "'quoted"). Expected
 * texts come from the package the test builds.
 */
const AREA = "'s-Gravenhage";
const NOTE = "'Tien jaar geleden', zegt de tekst";

/** The hostile package (hostile-package.ts) with one area called "'s-Gravenhage" and one note that opens with a quotation. */
function apostrophes(): MonitorPackage {
  const pkg = hostilePackage();
  for (const o of pkg.observations) if (o.gebied === "-") o.gebied = AREA;
  pkg.observations[1].toelichting = NOTE;
  return pkg;
}

/** The next edition: every note moved on by one text (the quoted ones among them), every count one higher. */
function nextOf(pkg: MonitorPackage): MonitorPackage {
  const next = structuredClone(pkg);
  const notes = [...HOSTILE_TEXTS, NOTE];
  next.observations.forEach((o, i) => {
    o.toelichting = notes[(i + 1) % notes.length];
    if (o.eenheid === "aantal") o.waarde += 1;
  });
  return next;
}

const HEADER = ["Onderwerp", "Indicator", "Gebied", "Groep", "Leeftijd", "Periode", "Waarde", "Eenheid", "Bron", "Peildatum", "Status", "Pagina", "Toelichting"];
const col = (name: string) => HEADER.indexOf(name);

function data(model: WorkbookModel): TableModel {
  const table = tableNamed(model, "MonitorData");
  if (!table) throw new Error("no MonitorData");
  return table;
}

/** MonitorData's Gebied, Periode and Toelichting cells by figure key: value and number format, as the cells hold them. */
function texts(model: WorkbookModel) {
  const table = data(model);
  const cell = (r: number, name: string) => table.sheet.cell(table.box.row + 1 + r, table.box.column + col(name));
  const rows = Array.from({ length: table.box.rows - 1 - (table.showTotals ? 1 : 0) }, (_, r) => r);
  return new Map(
    rows.map((r) => [
      ["Indicator", "Gebied", "Groep", "Leeftijd", "Periode", "Eenheid"].map((name) => cell(r, name).value ?? "").join("|"),
      ["Gebied", "Periode", "Toelichting"].map((name) => ({ value: cell(r, name).value, formula: cell(r, name).formula, numberFormat: cell(r, name).numberFormat })),
    ]),
  );
}

/** What MonitorData must hold for `pkg`, each cell formatted as `format(column)`: exactly the package's texts. */
function expectTexts(model: WorkbookModel, pkg: MonitorPackage, format: (column: string) => string = () => "@"): void {
  const held = texts(model);
  expect(held.size).toBe(pkg.observations.length);
  for (const o of pkg.observations) {
    const key = [o.indicator, o.gebied, o.groep, o.leeftijd, o.periode, o.eenheid].join("|");
    const cell = (value: string, column: string) => ({ value: value === "" ? null : value, formula: null, numberFormat: format(column) });
    expect(held.get(key)).toEqual([cell(o.gebied, "Gebied"), cell(o.periode, "Periode"), cell(o.toelichting, "Toelichting")]);
  }
}

/** Every cell on the indicator sheets that holds one of the package's apostrophe texts, or one of them with a quote too many or too few. */
function onSheets(model: WorkbookModel): { exact: number; wrong: string[] } {
  let exact = 0;
  const wrong: string[] = [];
  for (const sheet of model.sheets) {
    if (sheet.name === "Data") continue;
    for (const [at, cell] of sheet.cells) {
      if (cell.value === AREA) exact++;
      else if (cell.value === `'${AREA}` || cell.value === AREA.slice(1)) wrong.push(`${sheet.name}!${at} ${String(cell.value)}`);
    }
  }
  return { exact, wrong };
}

/** The analyst clears MonitorData's formats and formats the Toelichting column as Text themselves. */
function analystTextColumn(model: WorkbookModel): void {
  const table = data(model);
  for (let r = 1; r < table.box.rows; r++) {
    for (let c = 0; c < table.box.columns; c++) {
      const [row, column] = [table.box.row + r, table.box.column + c];
      const cell = table.sheet.cell(row, column);
      cell.numberFormat = c === col("Toelichting") ? "@" : "General";
      // An empty cell without a format of its own is one never written, as the fake keeps them (Range.values).
      if (cell.value === null && cell.formula === null && !hasOwnFormat(cell)) table.sheet.cells.delete(`${row},${column}`);
    }
  }
}

describe.each(["kept", "dropped"] as const)("texts in Text cells, when Excel's Text cell %s a quote prefix", (reading) => {
  beforeEach(() => useTextCellReading(reading));
  afterEach(() => {
    useTextCellReading("kept");
    useNewRowFormat("General");
  });

  it("the first load writes each text into its Text cell as it is, an area and a note that start with an apostrophe too", async () => {
    const model = userWorkbook();
    const pkg = apostrophes();
    expect(tableNamed(model, "MonitorData")).toBeUndefined(); // before: no MonitorData
    expect((await runLoadData(model, pkg, { previous: new Set() })).result.ok).toBe(true);
    expectTexts(model, pkg);
    const areas = [...texts(model).values()].filter(([gebied]) => gebied.value === AREA);
    expect(areas.length).toBe(pkg.observations.filter((o) => o.gebied === AREA).length);
    expect(areas.length).toBeGreaterThan(0);
  });

  it("Regenerate puts the area on its sheets as it is, again in place, and its undo after a refusal leaves the workbook as it was", async () => {
    const model = userWorkbook();
    const pkg = apostrophes();
    await runLoadData(model, pkg, { previous: new Set() });
    expect(onSheets(model)).toEqual({ exact: 0, wrong: [] }); // before: no indicator sheets
    expect((await runRegenerate(model, pkg)).result.ok).toBe(true);
    const built = onSheets(model);
    expect(built.exact).toBeGreaterThan(0);
    expect(built.wrong).toEqual([]);
    const once = snapshot(model);

    // Again: the untouched sheets are rewritten in place, into the Text cells they have.
    expect((await runRegenerate(model, pkg)).result.ok).toBe(true);
    expect(snapshot(model)).toBe(once);

    // With new figures, refused at its first write: every cell goes back as it was.
    const next = nextOf(pkg);
    await runLoadData(model, next, { previous: new Set(snapshotOf(pkg)) });
    const before = snapshot(model);
    expect(await errorOf(withNthWriteRefused(model, 1, () => runRegenerate(model, next)))).not.toBeNull();
    expect(snapshot(model)).toBe(before);
  }, 120_000);

  it("a pull writes changed notes into the Text column the analyst formatted, and its cells stay as they formatted them", async () => {
    const model = userWorkbook();
    const first = apostrophes();
    await runLoadData(model, first, { previous: new Set() });
    analystTextColumn(model);
    const theirs = (column: string) => (column === "Toelichting" ? "@" : "General");
    expectTexts(model, first, theirs);
    const next = nextOf(first);
    expect((await runLoadData(model, next, { previous: new Set(snapshotOf(first)) })).result.ok).toBe(true);
    expectTexts(model, next, theirs);
  });

  it("a pull refused after it wrote notes is put back with every text and format as they were", async () => {
    const model = userWorkbook();
    const first = apostrophes();
    await runLoadData(model, first, { previous: new Set() });
    const before = snapshot(model);

    // Refused at the fourth sync after writing began: some notes are written by then.
    const refused = await pullRefusedWhileWriting(model, nextOf(first), first, 4);
    expect(refused.result.ok).toBe(false);
    expect(refused.syncs).toBeGreaterThanOrEqual(4); // the refused sync, then the undo's
    expect(snapshot(model)).toBe(before);
    expectTexts(model, first);
  });

  it.each(["General", "column's"] as const)("a pull refused after it deleted rows adds them back with every text and format as they were, a new table row's cells taking the %s format", async (rowFormat) => {
    useNewRowFormat(rowFormat);
    const model = userWorkbook();
    const first = apostrophes();
    await runLoadData(model, first, { previous: new Set() });
    const before = snapshot(model);
    const sync = FakeContext.prototype.sync;

    // The rows of the first two figures (the quoted note among them) dropped, the sync that deleted them reported refused.
    const dropping = structuredClone(first);
    dropping.observations.splice(0, 2);
    const rows = data(model).box.rows;
    let deleted = false;
    const spy2 = jest.spyOn(FakeContext.prototype, "sync").mockImplementation(async function (this: FakeContext) {
      await sync.call(this);
      if (!deleted && data(model).box.rows === rows - 2) {
        deleted = true;
        throw Object.assign(new Error("refused"), { code: "InsertDeleteConflict" });
      }
    });
    try {
      expect((await runLoadData(model, dropping, { previous: new Set(snapshotOf(first)) })).result.ok).toBe(false);
    } finally {
      spy2.mockRestore();
    }
    expect(deleted).toBe(true);
    expect(snapshot(model)).toBe(before);
    expectTexts(model, first);
  });
});
