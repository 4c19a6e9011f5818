import { snapshotOf } from "../../src/data/compare";
import { MonitorPackage } from "../../src/data/types";
import { buildPlan } from "../../src/report/plan";
import { FakeContext, hasOwnFormat, SheetModel, WorkbookModel } from "../support/fake-excel";
import { errorOf, pullRefusedWhileWriting, withNthWriteRefused } from "../support/refuse-write";
import { runLoadData, runRegenerate, snapshot, tableNamed, userWorkbook } from "../support/workbooks";
import { HOSTILE_TEXTS, hostilePackage } from "../support/hostile-package";

/**
 * Texts from data that Excel would take for something else if written as they are (issue 14,
 * D8): a formula ("=1+2", "+31 71 516 5000", "-", "@x"), a quote prefix ("'quoted"), a number
 * ("1.253", "12%", "+31"), a date ("2022-01-01", "12-17", "jan 2022") or a Boolean. The fake
 * reads values as Excel does (fake-typed-values.ts). Through a load, a pull, Regenerate and the
 * undo of a refused pull or Regenerate, the workbook holds exactly these texts, as text, and
 * every figure as a number. Expected texts come from the package the test builds.
 */
const TEXTS = HOSTILE_TEXTS;

const hostile = hostilePackage;

/** The next edition: every note moved on by one text, every count one higher, and a figure for a new area named "12%". */
function nextOf(pkg: MonitorPackage): MonitorPackage {
  const next = structuredClone(pkg);
  next.observations.forEach((o, i) => {
    o.toelichting = TEXTS[(i + 1) % TEXTS.length];
    if (o.eenheid === "aantal") o.waarde += 1;
  });
  const extra = next.observations.find((o) => o.gebied === "-")!;
  next.observations.push({ ...extra, gebied: "12%", gebiedscode: "", toelichting: "2022-01-01" });
  return next;
}

/** The next edition without its first figures, whose notes are all the texts: a pull deletes their rows. */
function droppingOf(pkg: MonitorPackage): MonitorPackage {
  const next = structuredClone(pkg);
  next.observations.splice(0, TEXTS.length);
  return next;
}

/** The analyst clears the formats of MonitorData's body (Home › Clear › Clear Formats): every cell General, so nothing there is text by format. */
function clearFormats(model: WorkbookModel): void {
  const data = tableNamed(model, "MonitorData")!;
  for (let r = 1; r < data.box.rows; r++) {
    for (let c = 0; c < data.box.columns; c++) {
      const [row, column] = [data.box.row + r, data.box.column + c];
      const cell = data.sheet.cell(row, column);
      cell.numberFormat = "General";
      // An empty cell without a format of its own is one never written, as the fake keeps them (Range.values).
      if (cell.value === null && cell.formula === null && !hasOwnFormat(cell)) data.sheet.cells.delete(`${row},${column}`);
    }
  }
}

const cellsOf = (sheet: SheetModel, box: { row: number; column: number; rows: number; columns: number }) => sheet.values(box);

/** A table's body as objects by header, as the cells hold them (a formula as its text). */
function rowsOf(model: WorkbookModel, name: string): Record<string, unknown>[] {
  const table = tableNamed(model, name);
  if (!table) throw new Error(`no table ${name}`);
  const [header, ...rows] = cellsOf(table.sheet, table.box);
  return rows.map((row) => Object.fromEntries(header.map((h, c) => [h, row[c]])));
}

/** Every cell of the workbook holding a formula, but the user's own "=B2*2". */
const formulas = (model: WorkbookModel) => model.sheets.flatMap((s) => [...s.cells].filter(([, c]) => c.formula !== null && c.formula !== "=B2*2").map(([at, c]) => `${s.name}!${at} ${c.formula}`));

/** What MonitorData must hold for `pkg`: its notes, areas and periods as text, its figures as numbers (Peildatum is a date by design: data-columns.ts). */
function expectData(model: WorkbookModel, pkg: MonitorPackage): void {
  const rows = rowsOf(model, "MonitorData");
  const byKey = new Map(rows.map((r) => [`${r.Indicator}|${r.Gebied}|${r.Groep}|${r.Leeftijd}|${r.Periode}|${r.Eenheid}`, r]));
  expect(rows).toHaveLength(pkg.observations.length);
  for (const o of pkg.observations) {
    const row = byKey.get(`${o.indicator}|${o.gebied}|${o.groep}|${o.leeftijd}|${o.periode}|${o.eenheid}`);
    expect(row).toMatchObject({ Gebied: o.gebied, Toelichting: o.toelichting, Waarde: o.waarde, Periode: o.periode });
  }
  expect(rowsOf(model, "MonitorBronnen")[0]).toMatchObject({ citeernaam: "+31 71 516 5000", naam: "=1+2", omschrijving: "1.253" });
  expect(rowsOf(model, "MonitorIndicatoren")[0]).toMatchObject({ label_nl: "@x" });
}

/** How often each text stands as a whole cell on the indicator sheets, in the plan for `pkg` and in the workbook. */
function placed(model: WorkbookModel, pkg: MonitorPackage): { planned: Record<string, number>; written: Record<string, number> } {
  const plan = buildPlan(pkg, { language: "nl" });
  const count = (values: unknown[]) => Object.fromEntries(TEXTS.map((t) => [t, values.filter((v) => v === t).length]));
  const plannedValues = plan.sheets.flatMap((s) => [...s.texts.map((t) => t.text), ...s.tables.flatMap((t) => [...t.header, ...t.rows.flat()])]);
  const names = new Set(plan.sheets.map((s) => s.name));
  const writtenValues = model.sheets.filter((s) => names.has(s.name)).flatMap((s) => [...s.cells.values()].map((c) => c.formula ?? c.value));
  return { planned: count(plannedValues), written: count(writtenValues) };
}

describe("texts Excel would parse arrive as the same texts", () => {
  it("a load writes them as text, Regenerate puts them on the sheets as text, a pull writes changed notes and added rows as text; figures stay numbers", async () => {
    const model = userWorkbook();
    const first = hostile();
    const loaded = await runLoadData(model, first, { previous: new Set() });
    expect(loaded.result.ok).toBe(true);
    expectData(model, first);
    expect(formulas(model)).toEqual([]);

    expect((await runRegenerate(model, first)).result.ok).toBe(true);
    const once = placed(model, first);
    expect(once.planned["-"]).toBeGreaterThan(0); // the area named "-" is a category on the sheets
    expect(once.written).toEqual(once.planned);
    expect(formulas(model)).toEqual([]);

    const next = nextOf(first);
    const pulled = await runLoadData(model, next, { previous: new Set(snapshotOf(first)) });
    expect(pulled.result.ok && pulled.result.comparison.added.map((o) => o.gebied)).toEqual(["12%"]);
    expectData(model, next);
    expect(formulas(model)).toEqual([]);

    // Regenerate refused while it rewrites the sheets (some in place): every text is put back as it was.
    const before = snapshot(model);
    expect(await errorOf(withNthWriteRefused(model, 1, () => runRegenerate(model, next)))).not.toBeNull();
    expect(snapshot(model)).toBe(before);

    expect((await runRegenerate(model, next)).result.ok).toBe(true);
    const twice = placed(model, next);
    expect(twice.planned["12%"]).toBeGreaterThan(0);
    expect(twice.written).toEqual(twice.planned);
    expect(formulas(model)).toEqual([]);
  }, 300_000); // two Regenerates and two pulls

  it("a pull cancelled while it writes, and one refused, put every text back as it was", async () => {
    const model = userWorkbook();
    const first = hostile();
    await runLoadData(model, first, { previous: new Set() });
    const before = snapshot(model);
    const cancel = new AbortController();
    let syncs = 0;
    const cancelled = await runLoadData(model, nextOf(first), { syncLimit: 2 * 1024, previous: new Set(snapshotOf(first)), signal: cancel.signal, onProgress: () => void (++syncs === 4 && cancel.abort()) });
    expect(cancelled.result).toEqual({ ok: false, problems: [], cancelled: true });
    expect(snapshot(model)).toBe(before);
    expectData(model, first);

    // Refused at the fourth sync after writing began: some notes and rows are written by then.
    const refused = await pullRefusedWhileWriting(model, nextOf(first), first, 4);
    expect(refused.result.ok).toBe(false);
    expect(refused.syncs).toBeGreaterThanOrEqual(4); // the refused sync, then the undo's
    expect(snapshot(model)).toBe(before);
  });

  it("a pull into cells the analyst set to General writes changed notes as text", async () => {
    const model = userWorkbook();
    const first = hostile();
    await runLoadData(model, first, { previous: new Set() });
    clearFormats(model);
    const next = nextOf(first);
    const { result } = await runLoadData(model, next, { previous: new Set(snapshotOf(first)) });
    expect(result.ok).toBe(true);
    expectData(model, next);
    expect(formulas(model)).toEqual([]);
  });

  it("rows a refused pull had deleted come back with their texts as text, in General cells too", async () => {
    for (const general of [false, true]) {
      const model = userWorkbook();
      const first = hostile();
      await runLoadData(model, first, { previous: new Set() });
      if (general) clearFormats(model);
      const before = snapshot(model);
      const rows = tableNamed(model, "MonitorData")!.box.rows;
      const sync = FakeContext.prototype.sync;
      let refused = false;
      // The sync that deleted the dropped rows ran, and is reported refused: the rows are added back.
      const spy = jest.spyOn(FakeContext.prototype, "sync").mockImplementation(async function (this: FakeContext) {
        await sync.call(this);
        if (!refused && tableNamed(model, "MonitorData")!.box.rows === rows - TEXTS.length) {
          refused = true;
          throw Object.assign(new Error("refused"), { code: "InsertDeleteConflict" });
        }
      });
      try {
        const { result } = await runLoadData(model, droppingOf(first), { previous: new Set(snapshotOf(first)) });
        expect(result.ok).toBe(false);
      } finally {
        spy.mockRestore();
      }
      expect(refused).toBe(true);
      expectData(model, first);
      expect(snapshot(model)).toBe(before);
    }
  });
});
