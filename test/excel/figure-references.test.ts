import { duitsMovesUp, generatedWorkbook, regenerated, sheetNamed, sheetState, tableNamed } from "../support/workbooks";

/**
 * What the README's "To refer to a figure stably" promises, as workbook states on the Excel fake:
 * a look-up in an indicator sheet's table follows that sheet (updated in place while the layout
 * stays; kept, dated and no longer updated once it changes, its table keeping its name), while
 * MonitorData stays the one table with the current figures.
 */

const LOOKUP = '=INDEX(lm_nationaliteiten_aantal[Inwoners],MATCH("Duits",lm_nationaliteiten_aantal[Nationaliteit],0))';

/** The figure of `group` in the table named `name`, and the sheet it is on. */
function figureIn(model: Awaited<ReturnType<typeof generatedWorkbook>>, name: string, group: string) {
  const table = tableNamed(model, name);
  if (!table) throw new Error(`no table ${name}`);
  const row = table.sheet.values(table.box).find((r) => r[0] === group);
  return { sheet: table.sheet.name, figure: row?.[1] };
}

/** Italiaans goes from 1253 to 1254 in MonitorData: a new figure, the same layout. */
function italiaansChanges(model: Awaited<ReturnType<typeof generatedWorkbook>>): void {
  const data = tableNamed(model, "MonitorData")!;
  const r = data.sheet.values(data.box).findIndex((row) => row[1] === "inwoners" && row[2] === "Leiden" && row[3] === "Italiaans" && row[5] === "2022" && row[4] === "");
  Object.assign(data.sheet.cell(data.box.row + r, data.box.column + 6), { value: 1254, formula: null });
}

describe("a look-up in an indicator sheet's table", () => {
  it("shows the new figure while the layout stays: the sheet is updated in place", async () => {
    const model = await generatedWorkbook();
    Object.assign(sheetNamed(model, "Mijn analyse").cell(5, 1), { formula: LOOKUP.replace("Duits", "Italiaans") });
    expect(figureIn(model, "lm_nationaliteiten_aantal", "Italiaans")).toEqual({ sheet: "Nationaliteiten", figure: 1253 });
    italiaansChanges(model);
    const result = await regenerated(model);
    expect(result.kept).toEqual([]);
    expect(result.sheets.find((s) => s.key === "nationaliteiten")?.status).toBe("updated");
    expect(figureIn(model, "lm_nationaliteiten_aantal", "Italiaans")).toEqual({ sheet: "Nationaliteiten", figure: 1254 });
  });

  it("keeps reading the old edition once the layout changes: its sheet is kept, dated, with its table, and no longer updated", async () => {
    const model = await generatedWorkbook();
    const mine = sheetNamed(model, "Mijn analyse");
    Object.assign(mine.cell(5, 1), { formula: LOOKUP });
    const old = sheetNamed(model, "Nationaliteiten");
    expect(figureIn(model, "lm_nationaliteiten_aantal", "Duits")).toEqual({ sheet: "Nationaliteiten", figure: 1162 });
    duitsMovesUp(model); // Duits: 1162 → 1300 in MonitorData
    const result = await regenerated(model);
    expect(result.kept).toEqual([{ key: "nationaliteiten", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", why: "referenced", by: [{ kind: "formula", sheet: "Mijn analyse" }], moves: true }]);
    // The formula is as typed; the table it names is the kept sheet's, with the old figure.
    expect(mine.cell(5, 1).formula).toBe(LOOKUP);
    expect(tableNamed(model, "lm_nationaliteiten_aantal")!.sheet).toBe(old);
    expect(figureIn(model, "lm_nationaliteiten_aantal", "Duits")).toEqual({ sheet: "Nationaliteiten 2026-11-25", figure: 1162 });
    // The rebuilt sheet's table has another name and the new figure; MonitorData has it too.
    expect(figureIn(model, "lm_nationaliteiten_aantal_2", "Duits")).toEqual({ sheet: "Nationaliteiten", figure: 1300 });
    const data = tableNamed(model, "MonitorData")!;
    expect(data.sheet.values(data.box).some((row) => row[1] === "inwoners" && row[2] === "Leiden" && row[3] === "Duits" && row[5] === "2022" && row[4] === "" && row[6] === 1300)).toBe(true);

    // The kept sheet is the user's now: a further edition leaves it exactly as it is.
    const kept = JSON.stringify(sheetState(old));
    italiaansChanges(model);
    await regenerated(model);
    expect(JSON.stringify(sheetState(old))).toBe(kept);
    expect(figureIn(model, "lm_nationaliteiten_aantal", "Duits")).toEqual({ sheet: "Nationaliteiten 2026-11-25", figure: 1162 });
    expect(figureIn(model, "lm_nationaliteiten_aantal_2", "Italiaans")).toEqual({ sheet: "Nationaliteiten", figure: 1254 });
  });
});
