import { MARK_KEY } from "../../src/excel/marks";
import { fingerprint, planContent } from "../../src/report/fingerprint";
import { buildIndicatorSheets } from "../../src/report/plan";
import { encodeMark } from "../../src/report/mark";
import { FakeContext, SheetModel, WorkbookModel } from "../support/fake-excel";
import { snapshotOf } from "../../src/data/compare";
import { edition, generatedWorkbook, markKey, markOf, reopen, runLoadData, runRegenerate, sheetNamed, snapshot, tableNamed, tableValues, userWorkbook } from "../support/workbooks";
import { notesText, withNoteText } from "../support/notes";

/**
 * Whatever a user adds to a workbook is kept, never lost: each case is a workbook state before
 * and after Regenerate or Load data, on the Excel fake.
 */
const names = (model: WorkbookModel, prefix: string) => model.sheets.filter((s) => s.name.startsWith(prefix)).map((s) => s.name);
const note = (sheet: SheetModel, row: number, column: number, value: string | number) => Object.assign(sheet.cell(row, column), { value, formula: null });
const outcome = async (model: WorkbookModel, key: string) => {
  const { result } = await runRegenerate(model);
  if (!result.ok) throw new Error("regenerate failed");
  return { sheet: result.sheets.find((s) => s.key === key), kept: result.kept };
};

describe("Regenerate keeps a managed sheet the user added to", () => {
  it.each([
    ["a note beside a table", (s: SheetModel) => note(s, 6, 5, "Let op: cijfer 2021 nagevraagd")],
    ["a formula", (s: SheetModel) => Object.assign(s.cell(12, 3), { value: null, formula: "=SUM(B6:B8)" })],
    ["a changed figure", (s: SheetModel) => note(s, 5, 1, 0.5)],
    ["their own chart", (s: SheetModel) => s.charts.push({ ...structuredClone(s.charts[0]), name: "Mijn grafiek" })],
  ])("%s: their version is kept under a dated name, a fresh sheet is built, and the pane is told", async (_what, change) => {
    const model = await generatedWorkbook();
    const woonduur = sheetNamed(model, "Woonduur");
    change(woonduur);
    const theirs = JSON.stringify([...woonduur.cells].sort());
    const { sheet, kept } = await outcome(model, "woonduur");
    expect(woonduur.name).toBe("Woonduur 2026-11-25");
    expect(JSON.stringify([...woonduur.cells].sort())).toBe(theirs);
    expect(woonduur.customProperties.has(MARK_KEY)).toBe(false); // theirs now
    expect(markKey(sheetNamed(model, "Woonduur"))).toBe("woonduur");
    expect(kept).toEqual([{ key: "woonduur", name: "Woonduur 2026-11-25", was: "Woonduur", why: "edited" }]);
    expect(notesText(sheet)).toContain("Het blad bevatte eigen aanvullingen; uw versie staat nu onder 'Woonduur 2026-11-25'.");
    // Its table keeps its name (the user's formulas may use it); the fresh sheet's gets a suffix.
    expect(tableNamed(model, "lm_woonduur_woonduur")?.sheet).toBe(woonduur);
    expect(tableNamed(model, "lm_woonduur_woonduur_2")?.sheet.name).toBe("Woonduur");
    // The kept version is the user's sheet from now on: the next run leaves everything as it is.
    const before = snapshot(model);
    await runRegenerate(model, edition, "2026-12-01");
    expect(snapshot(model)).toBe(before);
  });

  it("a renamed and annotated sheet is the user's: left under their name, unmarked", async () => {
    const model = await generatedWorkbook();
    const sheet = sheetNamed(model, "Repats");
    sheet.name = "Repats analyse";
    note(sheet, 30, 0, "Mijn conclusie");
    const { kept } = await outcome(model, "repats");
    expect(sheet.name).toBe("Repats analyse");
    expect(sheet.cell(30, 0).value).toBe("Mijn conclusie");
    expect(sheet.customProperties.size).toBe(0);
    expect(markKey(sheetNamed(model, "Repats"))).toBe("repats");
    expect(kept).toEqual([{ key: "repats", name: "Repats analyse", was: "Repats analyse", why: "edited" }]);
  });

  it("a renamed but untouched sheet is still the add-in's: brought up to date in place under its own name", async () => {
    const model = await generatedWorkbook();
    const sheet = sheetNamed(model, "Repats");
    sheet.name = "Oud";
    const { sheet: result, kept } = await outcome(model, "repats");
    expect(sheet.name).toBe("Repats");
    expect(names(model, "Oud")).toEqual([]);
    expect(kept).toEqual([]);
    expect(result && withNoteText(result)).toMatchObject({ status: "updated", note: "Het hernoemde blad 'Oud' (ongewijzigd) is opnieuw opgebouwd als 'Repats'." });
  });

  it("a sheet marked by an older version (no fingerprint) is kept, since nothing proves it untouched", async () => {
    const model = await generatedWorkbook();
    sheetNamed(model, "Kinderen").customProperties.set(MARK_KEY, "kinderen");
    const { kept } = await outcome(model, "kinderen");
    expect(kept).toEqual([{ key: "kinderen", name: "Kinderen 2026-11-25", was: "Kinderen", why: "edited" }]);
  });
});

/** A second sheet with the add-in's mark: Excel does not copy it (office-js #5486), but a file from another program may carry it twice. */
const withMarkOf = (copy: SheetModel, original: SheetModel) => copy.customProperties.set(MARK_KEY, original.customProperties.get(MARK_KEY) ?? "");

describe("a user's copy of a managed sheet (Excel does not copy the mark, office-js #5486)", () => {
  it("placed before the original, as English Excel does, is the user's sheet: left alone, the original brought up to date", async () => {
    const model = await generatedWorkbook();
    const original = sheetNamed(model, "Woonduur");
    const copy = model.copySheet("Woonduur", "Woonduur (2)", true);
    expect(copy.customProperties.size).toBe(0); // as Excel copies it
    note(copy, 30, 0, "Mijn aantekening");
    const theirs = JSON.stringify([...copy.cells].sort());
    const { sheet, kept } = await outcome(model, "woonduur");
    expect(names(model, "Woonduur")).toEqual(["Woonduur (2)", "Woonduur"]);
    expect(JSON.stringify([...copy.cells].sort())).toBe(theirs);
    expect(copy.customProperties.size).toBe(0);
    expect(markOf(original)?.id).toBe(original.id);
    expect(kept).toEqual([]);
    expect(sheet && withNoteText(sheet)).toMatchObject({ name: "Woonduur", status: "updated", note: null });
    const before = snapshot(model);
    await runRegenerate(model);
    expect(snapshot(model)).toBe(before);
  });

  it("a second sheet with the mark (from another program) is told from ours by id, and left alone", async () => {
    const model = await generatedWorkbook();
    const original = sheetNamed(model, "Woonduur");
    const copy = model.copySheet("Woonduur", "Woonduur (2)", true);
    withMarkOf(copy, original);
    const { sheet, kept } = await outcome(model, "woonduur");
    expect(copy.customProperties.has(MARK_KEY)).toBe(false);
    expect(kept).toEqual([{ key: "woonduur", name: "Woonduur (2)", was: "Woonduur (2)", why: "copy" }]);
    expect(sheet && withNoteText(sheet)).toMatchObject({ name: "Woonduur", status: "updated", note: "Uw kopie 'Woonduur (2)' is niet aangeraakt en is nu van u." });
  });

  it("an untouched copy is also the user's: never deleted", async () => {
    const model = await generatedWorkbook();
    const copy = model.copySheet("Woonduur", "Woonduur (2)");
    await runRegenerate(model);
    expect(model.sheets).toContain(copy);
    expect(copy.customProperties.has(MARK_KEY)).toBe(false);
  });

  it("after the workbook was closed and reopened (new ids), is told apart by the name the add-in gave", async () => {
    const model = await generatedWorkbook();
    const copy = model.copySheet("Bevolking", "Bevolking (2)", true);
    withMarkOf(copy, sheetNamed(model, "Bevolking"));
    note(copy, 40, 0, "Kopie voor de raad");
    reopen(model);
    await runRegenerate(model);
    expect(copy.cell(40, 0).value).toBe("Kopie voor de raad");
    expect(copy.customProperties.has(MARK_KEY)).toBe(false);
    expect(markKey(sheetNamed(model, "Bevolking"))).toBe("bevolking");
    expect(names(model, "Bevolking")).toEqual(["Bevolking (2)", "Bevolking"]);
  });

  it("when neither copy nor original can be told apart, both are kept and a fresh sheet is built", async () => {
    const model = await generatedWorkbook();
    withMarkOf(model.copySheet("Bevolking", "Bevolking (2)", true), sheetNamed(model, "Bevolking"));
    sheetNamed(model, "Bevolking").name = "Bevolking oud";
    reopen(model);
    const { kept } = await outcome(model, "bevolking");
    expect(kept.map((k) => [k.name, k.why])).toEqual([["Bevolking (2)", "copy"], ["Bevolking oud", "copy"]]);
    expect(markKey(sheetNamed(model, "Bevolking"))).toBe("bevolking");
    expect(names(model, "Bevolking").sort()).toEqual(["Bevolking", "Bevolking (2)", "Bevolking oud"]);
  });
});

describe("Load data never writes a cell outside the rows a table owns", () => {
  async function withRowsToAdd(count: number) {
    const model = await generatedWorkbook();
    const data = tableNamed(model, "MonitorData");
    if (!data) throw new Error("no MonitorData");
    // The workbook holds an earlier edition without the last `count` rows; the edition brings them (the table grows).
    data.box = { ...data.box, rows: data.box.rows - count };
    for (let r = data.box.row + data.box.rows; r < data.box.row + data.box.rows + count; r++) for (let c = 0; c < data.box.columns; c++) data.sheet.cells.delete(`${r},${c}`);
    const previous = new Set(snapshotOf({ ...edition, observations: edition.observations.slice(0, -count) }));
    return { model, data, bottom: data.box.row + data.box.rows, previous };
  }

  it("inserts rows when the table must grow over the user's cells, which move down intact", async () => {
    const { model, data, bottom, previous } = await withRowsToAdd(3);
    note(data.sheet, bottom, 0, "Mijn opmerking onder de tabel");
    note(data.sheet, bottom + 1, 6, 123);
    note(data.sheet, bottom, 16, "naast de tabel"); // column Q: outside the table's sixteen columns
    const { result } = await runLoadData(model, edition, { previous });
    expect(result.ok).toBe(true);
    expect(data.box.rows).toBe(edition.observations.length + 1);
    expect(data.sheet.cell(bottom + 3, 0).value).toBe("Mijn opmerking onder de tabel");
    expect(data.sheet.cell(bottom + 4, 6).value).toBe(123);
    expect(data.sheet.cell(bottom, 16).value).toBe("naast de tabel");
    expect(tableValues(model, "MonitorData").slice(-1)[0][3]).toBe("niet-EU");
  });

  it("stops and changes nothing when a table of the user's below it is partly in its columns", async () => {
    const { model, data, bottom, previous } = await withRowsToAdd(2);
    const context = new FakeContext(model);
    const sheet = context.workbook.worksheets.getItem(data.sheet.name);
    sheet.getRangeByIndexes(bottom + 2, 14, 2, 4).values = [["a", "b", "c", "d"], [1, 2, 3, 4]];
    sheet.tables.add(sheet.getRangeByIndexes(bottom + 2, 14, 2, 4), true).name = "Mijn_tabel";
    await context.sync();
    const before = snapshot(model);
    await expect(runLoadData(model, edition, { previous })).rejects.toThrow("MonitorData moet groeien, maar de tabel 'Mijn_tabel' eronder staat gedeeltelijk in dezelfde kolommen; verplaats die tabel. Er is niets veranderd.");
    expect(snapshot(model)).toBe(before);
  });

  it("does not write on the add-in's Data sheet once the user has put their own content on it", async () => {
    const model = await generatedWorkbook();
    const data = sheetNamed(model, "Data");
    model.tables = model.tables.filter((t) => t.sheet !== data); // the user deleted the tables…
    for (const key of [...data.cells.keys()]) data.cells.delete(key);
    note(data, 0, 0, "Mijn eigen lijst"); // …and used the sheet for something else
    const { result } = await runLoadData(model);
    expect(result.ok && [result.outcome.sheetName, result.outcome.clash]).toEqual(["Data (monitor)", "Data"]);
    expect([...data.cells.values()].map((c) => c.value)).toEqual(["Mijn eigen lijst"]);
    expect(data.customProperties.has(MARK_KEY)).toBe(false);
    expect(tableNamed(model, "MonitorData")?.sheet.name).toBe("Data (monitor)");
  });

  it("reuses the add-in's Data sheet when it is empty", async () => {
    const model = await generatedWorkbook();
    const data = sheetNamed(model, "Data");
    model.tables = model.tables.filter((t) => t.sheet !== data);
    for (const key of [...data.cells.keys()]) data.cells.delete(key);
    await runLoadData(model);
    expect(tableNamed(model, "MonitorData")?.sheet).toBe(data);
    expect(names(model, "Data")).toEqual(["Data"]);
  });
});

describe("names that are JavaScript's own", () => {
  it("pass through Load data and Regenerate like any name", async () => {
    const pkg = structuredClone(edition);
    pkg.indicators.push({ ...pkg.indicators[0], id: "constructor", labelNl: "toString" });
    pkg.observations.push({ ...pkg.observations[3], indicator: "constructor", gebied: "__proto__", groep: "hasOwnProperty", toelichting: "valueOf" });
    const model = userWorkbook();
    const loaded = await runLoadData(model, pkg);
    expect(loaded.result.ok).toBe(true);
    const { result } = await runRegenerate(model, pkg);
    expect(result.ok).toBe(true);
    expect(tableValues(model, "MonitorData").some((r) => r[1] === "constructor" && r[2] === "__proto__")).toBe(true);
  });
});

describe("the fingerprint of a sheet the add-in wrote", () => {
  it("computed from the plan (as the .xlsx carries it) equals what Excel reports after writing", async () => {
    const model = await generatedWorkbook();
    for (const plan of buildIndicatorSheets(edition, "nl")) {
      expect([plan.key, markOf(sheetNamed(model, plan.name))?.print]).toEqual([plan.key, fingerprint(planContent(plan))]);
    }
  });

  it("a mark that does not parse is not the add-in's", async () => {
    const model = userWorkbook();
    const theirs = model.addSheet("Bevolking");
    theirs.customProperties.set(MARK_KEY, "{not json");
    await runRegenerate(model);
    expect(theirs.customProperties.get(MARK_KEY)).toBe("{not json");
    expect(names(model, "Bevolking")).toEqual(["Bevolking", "Bevolking (monitor)"]);
    expect(encodeMark({ key: "bevolking", id: "{00000000-0001-0000-0000-000000000000}", name: "x".repeat(31), print: "0123456789abcd" }).length).toBeLessThan(255);
  });
});
