import { MonitorError } from "../../src/data/errors";
import { EXCEL } from "../../src/text/excel";
import { AnyMessage, isMessageOf } from "../../src/text/message";
import { SheetModel, WorkbookModel } from "../support/fake-excel";
import { errorOf } from "../support/refuse-write";
import { generatedWorkbook, markOf, regenerated, runRegenerate, sheetNamed, snapshot, tableNamed, userWorkbook } from "../support/workbooks";

/**
 * Regenerate reads the workbook, then writes it in several syncs, yielding to the pane in
 * between: the analyst can type into a cell Regenerate is about to write (a figure in an
 * indicator table) after it inspected the sheet. Every write looks at the cells it covers in the
 * same sync, just before (src/excel/write-looks.ts): an edit seen there stops Regenerate, the
 * workbook is put back as it was with the analyst's edit, and the pane names the sheet and cell.
 * Workbook states before and after on the fake, the edit made between two syncs
 * (WorkbookModel.meanwhile), and the messages in both languages.
 */

/** A small limit, so that the writes take many syncs and an edit can come between two of them. */
const SMALL_SYNCS = 2 * 1024;

/** Sets the 2022 figure of a nationality in MonitorData, as an analyst's edit there would (same layout when Italiaans stays first). */
function setInwoners(model: WorkbookModel, groep: string, value: number): void {
  const data = tableNamed(model, "MonitorData")!;
  const r = data.sheet.values(data.box).findIndex((row) => row[1] === "inwoners" && row[2] === "Leiden" && row[3] === groep && row[5] === "2022" && row[4] === "");
  Object.assign(data.sheet.cell(data.box.row + r, data.box.column + 6), { value, formula: null });
}

/** The analyst types `value` into a cell, as Excel keeps it. */
const type = (sheet: SheetModel, row: number, column: number, value: number) => Object.assign(sheet.cell(row, column), { value, formula: null });

/** Regenerate with `meanwhile` called before every sync (between two syncs: see WorkbookModel.meanwhile); the error it ends with. */
async function regenerateWith(model: WorkbookModel, meanwhile: (requestBytes: number) => void, options: { syncLimit?: number; onProgress?: (fraction: number, message: AnyMessage) => void } = {}): Promise<unknown> {
  model.meanwhile = meanwhile;
  try {
    return await errorOf(runRegenerate(model, undefined, undefined, { syncLimit: SMALL_SYNCS, ...options }));
  } finally {
    model.meanwhile = null;
  }
}

const texts = (error: unknown) => (error instanceof MonitorError ? [error.text("nl"), error.text("en")] : [String(error)]);

/** A generated workbook with a new Italiaans figure: Regenerate brings Nationaliteiten up to date in place. */
async function updatedInPlace(): Promise<WorkbookModel> {
  const model = await generatedWorkbook();
  setInwoners(model, "Italiaans", 1254);
  return model;
}

describe("a figure the analyst types into an indicator table while Regenerate updates the sheet in place", () => {
  it("typed after other sheets were written and before the table's: Regenerate stops, puts everything back with the figure, and names the cell", async () => {
    const model = await updatedInPlace();
    // The same workbook with only the analyst's edit: what must remain.
    const twin = await updatedInPlace();
    type(sheetNamed(twin, "Nationaliteiten"), 6, 1, 1300);
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    expect(nationaliteiten.cell(6, 1).value).not.toBe(1300);

    let writesBefore = -1;
    const error = await regenerateWith(model, () => undefined, {
      onProgress: (_f, message) => {
        if (writesBefore >= 0 || !isMessageOf(message, EXCEL.buildingSheet) || message.params.sheet !== "Nationaliteiten") return;
        writesBefore = model.batches.filter((b) => b.cellsWritten > 0).length;
        type(nationaliteiten, 6, 1, 1300); // B7, a figure of its table
      },
    });
    expect(writesBefore).toBeGreaterThan(0); // the write was under way: earlier sheets were written
    expect(texts(error)).toEqual([
      "Cel B7 op het blad 'Nationaliteiten' is veranderd terwijl de invoegtoepassing schreef. Het schrijven is gestopt en de werkmap is teruggezet zoals hij was, met uw wijziging. Bouw opnieuw op als u klaar bent.",
      "Cell B7 on the sheet 'Nationaliteiten' changed while the add-in was writing. Writing stopped and the workbook was put back as it was, with your change. Regenerate again when you are done.",
    ]);
    expect(nationaliteiten.cell(6, 1).value).toBe(1300);
    expect(snapshot(model)).toBe(snapshot(twin));

    // Regenerate again: the figure is the analyst's, so the sheet is kept as theirs, with it.
    const next = await regenerated(model);
    expect(next.kept).toEqual([{ key: "nationaliteiten", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", why: "edited" }]);
    expect(nationaliteiten.cell(6, 1).value).toBe(1300);
  });

  it("typed between two chunks of the same table: the chunk already written is put back too", async () => {
    const model = await updatedInPlace();
    const twin = await updatedInPlace();
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    const last = (sheet: SheetModel) => {
      const table = tableNamed(sheet === nationaliteiten ? model : twin, "lm_nationaliteiten_aantal")!;
      return { row: table.box.row + table.box.rows - 1, column: table.box.column + 1 };
    };
    const at = last(nationaliteiten);
    type(sheetNamed(twin, "Nationaliteiten"), at.row, at.column, 7);
    let typed = false;
    // The first chunk of the table wrote the new figure (B6), the chunk with its last row is still to come.
    const error = await regenerateWith(
      model,
      () => {
        if (typed || nationaliteiten.cell(5, 1).value !== 1254) return;
        typed = true;
        type(nationaliteiten, at.row, at.column, 7);
      },
      { syncLimit: 300 },
    );
    expect(typed).toBe(true);
    expect(texts(error)[1]).toBe(`Cell B${at.row + 1} on the sheet 'Nationaliteiten' changed while the add-in was writing. Writing stopped and the workbook was put back as it was, with your change. Regenerate again when you are done.`);
    expect(nationaliteiten.cell(5, 1).value).toBe(1253);
    expect(nationaliteiten.cell(at.row, at.column).value).toBe(7);
    expect(snapshot(model)).toBe(snapshot(twin));
  });

  it("nothing typed: the same small syncs write and seal every sheet as before, each look riding its write's own sync", async () => {
    const model = await updatedInPlace();
    const earlier = model.batches.length;
    const error = await regenerateWith(model, () => undefined, { syncLimit: 300 });
    expect(error).toBeNull();
    const run = model.batches.slice(earlier);
    const [first, last] = [run.findIndex((b) => b.cellsWritten > 0), run.map((b) => b.cellsWritten > 0).lastIndexOf(true)];
    const writing = run.slice(first, last + 1);
    expect(writing.length).toBeGreaterThan(10);
    // No sync of its own for a look: every sync of the write writes, and answers what its look saw.
    expect(writing.filter((b) => b.cellsWritten === 0 || b.responseBytes === 0)).toEqual([]);
    expect(sheetNamed(model, "Nationaliteiten").cell(5, 1).value).toBe(1254);
    expect(markOf(sheetNamed(model, "Nationaliteiten"))?.print).not.toBeNull();
  });
});

describe("a figure typed beside a table meanwhile, then Excel refuses a later sync", () => {
  it("the undo writes back only the cells Regenerate wrote: the figure beside the table stays", async () => {
    const model = await updatedInPlace();
    const nationaliteiten = sheetNamed(model, "Nationaliteiten");
    const twin = await updatedInPlace();
    type(sheetNamed(twin, "Nationaliteiten"), 16, 1, 1300);
    let typed = false;
    let refused = false;
    model.refuse = (bytes) => {
      if (bytes <= 1000 || refused) return null;
      if (!typed) {
        typed = true;
        type(nationaliteiten, 16, 1, 1300); // B17: inside the used range Regenerate inspected, in no cell it writes
      }
      // Refused once Nationaliteiten's table was written (in an earlier sync).
      refused = nationaliteiten.cell(5, 1).value === 1254;
      return refused ? "GeneralException" : null;
    };
    let error: unknown;
    try {
      error = await errorOf(runRegenerate(model, undefined, undefined, { syncLimit: SMALL_SYNCS }));
    } finally {
      model.refuse = null;
    }
    expect(typed && refused).toBe(true);
    expect(texts(error)[1]).toBe("Excel refused a change (Excel: GeneralException). The workbook was put back as it was: nothing changed. Try again.");
    expect(nationaliteiten.cell(16, 1).value).toBe(1300);
    expect(snapshot(model)).toBe(snapshot(twin));
  });
});

describe("a figure the analyst types on a sheet Regenerate is building new, before the write reaches that cell", () => {
  it("Regenerate stops, removes what it began, and keeps that sheet as the analyst's, with the figure, under a dated name", async () => {
    const model = userWorkbook();
    const mine = JSON.stringify(sheetNamed(model, "Mijn analyse"));
    let typed = false;
    const error = await regenerateWith(model, () => {
      const sheet = model.sheetNamed("Nationaliteiten");
      // The sheet is there (added in an earlier sync), its table not yet written.
      if (typed || !sheet || sheet.cell(0, 0).value === null || sheet.cell(6, 1).value !== null) return;
      typed = true;
      type(sheet, 6, 1, 1300);
    });
    expect(typed).toBe(true);
    expect(texts(error)).toEqual([
      "Cel B7 op het blad 'Nationaliteiten' is veranderd terwijl de invoegtoepassing schreef. Het schrijven is gestopt en de werkmap is teruggezet zoals hij was, met uw wijziging. " +
        "Het half opgebouwde blad met uw wijziging is bewaard als het uwe: 'Nationaliteiten 2026-11-25' (was 'Nationaliteiten'). Bouw opnieuw op als u klaar bent.",
      "Cell B7 on the sheet 'Nationaliteiten' changed while the add-in was writing. Writing stopped and the workbook was put back as it was, with your change. " +
        "The partly built sheet with your change is kept as yours: 'Nationaliteiten 2026-11-25' (was 'Nationaliteiten'). Regenerate again when you are done.",
    ]);
    expect(model.sheets.map((s) => s.name)).toEqual(["Mijn analyse", "Nationaliteiten 2026-11-25"]);
    expect(JSON.stringify(sheetNamed(model, "Mijn analyse"))).toBe(mine);
    const kept = sheetNamed(model, "Nationaliteiten 2026-11-25");
    expect(kept.cell(6, 1)).toMatchObject({ value: 1300, formula: null, numberFormat: "General" });
    expect(markOf(kept)).toBeNull();

    // The next Regenerate leaves it alone and builds its own.
    const next = await regenerated(model);
    expect(next.sheets.find((s) => s.key === "nationaliteiten")).toMatchObject({ name: "Nationaliteiten", status: "created" });
    expect(kept.cell(6, 1).value).toBe(1300);
  });
});

describe("a figure the analyst types on the Data sheet Regenerate is making, before the write reaches that cell", () => {
  it("Regenerate stops; the Data sheet is kept as the analyst's, without the add-in's mark, with the figure", async () => {
    const model = userWorkbook();
    let typed = false;
    let at = { row: 0, column: 0 };
    const error = await regenerateWith(model, () => {
      const data = model.sheetNamed("Data");
      if (typed || !data || data.cell(1, 0).value === null) return;
      // The first rows of MonitorData are written; a row further down is still to come.
      const row = [...Array(2000).keys()].find((r) => r > 1 && data.cell(r, 6).value === null) ?? 0;
      at = { row, column: 6 };
      typed = true;
      type(data, row, 6, 1300);
    });
    expect(typed).toBe(true);
    expect(texts(error)[1]).toBe(
      `Cell G${at.row + 1} on the sheet 'Data' changed while the add-in was writing. Writing stopped and the workbook was put back as it was, with your change. ` +
        "The partly built sheet with your change is kept as yours: 'Data 2026-11-25' (was 'Data'). Regenerate again when you are done.",
    );
    expect(model.sheets.map((s) => s.name)).toEqual(["Mijn analyse", "Data 2026-11-25"]);
    const kept = sheetNamed(model, "Data 2026-11-25");
    expect(kept.cell(at.row, at.column).value).toBe(1300);
    expect(markOf(kept)).toBeNull();
  });
});
