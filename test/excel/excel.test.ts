import { Observation } from "../../src/data/types";
import { readWorkbookFigures } from "../../src/excel/load-data";
import { RegenerateResult } from "../../src/excel/regenerate";
import { FakeContext, fakeRun, WorkbookModel } from "../support/fake-excel";
import { loadedFunctions } from "../support/custom-functions-fake";
import { snapshotOf } from "../../src/data/compare";
import { asExcel, edition, markKey, runLoadData, runRegenerate, sheetNamed, snapshot, tableNamed, tableValues, userWorkbook } from "../support/workbooks";
import { problemText } from "../../src/text/problems";
import { asRead } from "../support/texts";
import { notesText, withNoteText } from "../support/notes";
import { shippedPackage } from "../support/fixtures";
import { parsePackageTables } from "../../src/data/package";
import { MonitorQueries } from "../../src/data/queries";
import { MonitorStore } from "../../src/data/store";

const { api: functionsApi, call } = loadedFunctions();

const run = runRegenerate;

describe("Regenerate on a user's workbook", () => {
  let model: WorkbookModel;
  let result: RegenerateResult;
  let syncs: number;
  beforeAll(async () => {
    model = userWorkbook();
    ({ result, syncs } = await run(model));
  });

  it("adds the Data sheet and every indicator sheet after the user's sheet, all marked", () => {
    expect(model.sheets.map((s) => [s.name, markKey(s)])).toEqual([
      ["Mijn analyse", null],
      ["Data", "data"],
      ["Bevolking", "bevolking"],
      ["Regio en Nederland", "regio"],
      ["Vestiging en vertrek", "vestiging"],
      ["Woonduur", "woonduur"],
      ["Repats", "repats"],
      ["Kinderen", "kinderen"],
      ["Nationaliteiten", "nationaliteiten"],
      ["Expat Centre", "expat-centre"],
      ["Werknemers", "werknemers"],
      ["Statushouders", "statushouders"],
      ["Studenten", "studenten"],
    ]);
    expect(result.ok && result.sheets.every((s) => s.status === "created")).toBe(true);
  });

  it("leaves the user's sheet exactly as it was", () => {
    const sheet = sheetNamed(model, "Mijn analyse");
    expect(sheet.values({ row: 0, column: 0, rows: 3, columns: 2 })).toEqual([["Eigen notitie", ""], ["", 42], ["", "=B2*2"]]);
    expect(sheet.customProperties.size).toBe(0);
  });

  it("writes the data tables with the figures, text kept as text", () => {
    const data = tableValues(model, "MonitorData");
    expect(data).toHaveLength(edition.observations.length + 1);
    expect(data[0]).toEqual(["Onderwerp", "Indicator", "Gebied", "Groep", "Leeftijd", "Periode", "Waarde", "Eenheid", "Bron", "Peildatum", "Status", "Pagina", "Toelichting", "Jaar", "Bovengroep", "Gebiedscode"]);
    const twelveToSeventeen = data.find((r) => r[4] === "12-17" && r[2] === "Slaaghwijk");
    expect(twelveToSeventeen?.[6]).toBe(60);
    const table = tableNamed(model, "MonitorData");
    const ageCell = table?.sheet.cell((table?.box.row ?? 0) + 1, 4);
    expect(ageCell?.numberFormat).toBe("@");
    expect(tableNamed(model, "MonitorIndicatoren")?.box.column).toBe(17);
  });

  it("puts named tables and native charts of the right kind on each sheet", () => {
    expect(tableValues(model, "lm_vestiging_per_jaar")[10]).toEqual(["2021", 4049, 2989]);
    const vestiging = sheetNamed(model, "Vestiging en vertrek");
    expect(vestiging.charts).toEqual([
      expect.objectContaining({ type: "Line", source: { row: 4, column: 0, rows: 11, columns: 3 }, seriesBy: "Columns", title: "Internationals die zich vestigen in en vertrekken uit Leiden, per jaar", categoryAxisTitle: "Jaar", valueAxisTitle: "Internationals", position: { start: "E5", end: "L20" } }),
    ]);
    expect(sheetNamed(model, "Woonduur").charts.map((c) => [c.type, c.categoryAxisTitle])).toEqual([["Pie", null]]);
    // The monitor's colours and value labels, as in the .xlsx.
    expect(vestiging.charts[0].seriesColours).toEqual(["#C8102E", "#1F4E79"]);
    expect(vestiging.charts[0].dataLabels).toEqual({});
    expect(sheetNamed(model, "Woonduur").charts[0]).toMatchObject({ pointColours: ["#C8102E", "#1F4E79", "#F2A900"], dataLabels: { showValue: true, numberFormat: "0%" } });
    expect(sheetNamed(model, "Nationaliteiten").charts.map((c) => c.type)).toEqual(["BarClustered", "BarClustered"]);
    expect(model.sheets.reduce((n, s) => n + s.charts.length, 0)).toBe(21);
  });

  it("writes titles, lead sentences, number formats and frozen rows", () => {
    const bevolking = sheetNamed(model, "Bevolking");
    expect(bevolking.cell(0, 0)).toMatchObject({ value: "Nationaliteit en migratieachtergrond in Leiden", bold: true, size: 16 });
    expect(bevolking.cell(1, 0).value).toMatch(/^In Leiden heeft 11,6% van de inwoners/);
    expect(bevolking.frozenRows).toBe(2);
    const shares = tableNamed(model, "lm_bevolking_aandeel");
    expect(bevolking.cell((shares?.box.row ?? 0) + 2, 2).numberFormat).toBe("0.0%");
  });

  it("uses a small constant number of syncs, writes in one batch, and suspends calculation while writing", () => {
    // 2 to read (nothing is marked yet), 1 to write, 5 to read back (the sizes; the formulas,
    // formats and the rest; the charts' series and axes, which Excel gives by index only; their
    // points; the series' sources, in a sync of their own), 1 for the marks, + Excel.run's own;
    // 3 more since the long lines are merged across the sheets' width (src/report/text-wrap.ts):
    // the used range with formats is as wide, so its cells' properties are read in more blocks.
    expect(syncs).toBe(13);
    const writing = model.batches.filter((b) => b.cellsWritten > 0);
    expect(writing).toHaveLength(1); // everything in one batch
    expect(writing[0]).toEqual({ suspended: true, cellsWritten: expect.any(Number), bytes: expect.any(Number), responseBytes: expect.any(Number) });
    // Its answer is the looks at the cells it writes (see write-looks.ts): about twice as many cells as it writes, well under 5 MB.
    expect(writing[0].responseBytes).toBeGreaterThan(writing[0].cellsWritten);
    expect(writing[0].responseBytes).toBeLessThan(4 * 1024 * 1024);
    expect(writing[0].cellsWritten).toBeGreaterThan(edition.observations.length * 13);
  });

  it("gives the same workbook when run again, rewriting its untouched sheets in place", async () => {
    const before = snapshot(model);
    const ids = model.sheets.map((s) => s.id);
    const again = await run(model);
    expect(snapshot(model)).toBe(before);
    expect(model.sheets.map((s) => s.id)).toEqual(ids);
    // Now 8 to read: sheets, tables and names; marks and places; the used ranges and then the
    // formulas, formats and the rest of the add-in's sheets, their charts' series and axes, their
    // points and the series' sources (compared with their marks); the data tables' rows. Then
    // write, read back (5), mark, and Excel.run's own. Same layout: each sheet is brought up to
    // date in place, values only. (6 more since the long lines are merged: more cells' properties, read and read back, in more blocks.)
    expect(again.syncs).toBe(22);
    expect(again.result.ok && again.result.sheets.every((s) => s.status === "updated")).toBe(true);
  });
});

describe("safety", () => {
  it("leaves a user's sheet with a clashing name alone, and reports it", async () => {
    const model = userWorkbook();
    const theirs = model.addSheet("Bevolking");
    Object.assign(theirs.cell(0, 0), { value: "Mijn bevolkingscijfers" });
    const { result } = await run(model);
    expect(theirs.values({ row: 0, column: 0, rows: 1, columns: 1 })).toEqual([["Mijn bevolkingscijfers"]]);
    expect(theirs.customProperties.size).toBe(0);
    expect(model.sheets.map((s) => s.name)).toContain("Bevolking (monitor)");
    const outcome = result.ok ? result.sheets.find((s) => s.key === "bevolking") : null;
    expect(outcome && withNoteText(outcome)).toMatchObject({ name: "Bevolking (monitor)", note: "Uw blad 'Bevolking' is niet aangeraakt; dit blad heet 'Bevolking (monitor)'." });
    // and again: still alone, still the same
    const before = snapshot(model);
    await run(model);
    expect(snapshot(model)).toBe(before);
  });

  it("leaves a user's own 'Data' sheet alone and puts the tables beside it", async () => {
    const model = userWorkbook();
    const theirs = model.addSheet("Data");
    Object.assign(theirs.cell(0, 0), { value: "Mijn gegevens" });
    const { result } = await runLoadData(model);
    expect(result.ok && [result.outcome.sheetName, result.outcome.clash]).toEqual(["Data (monitor)", "Data"]);
    expect(theirs.values({ row: 0, column: 0, rows: 1, columns: 2 })).toEqual([["Mijn gegevens", ""]]);
    expect(tableNamed(model, "MonitorData")?.sheet.name).toBe("Data (monitor)");
    await run(model); // regenerate finds the tables where they are
    expect(model.sheets.filter((s) => s.name.startsWith("Data")).map((s) => s.name)).toEqual(["Data", "Data (monitor)"]);
  });

  it("gives its table a suffix when the user has a table with its name", async () => {
    const model = userWorkbook();
    const context = new FakeContext(model);
    const sheet = context.workbook.worksheets.getItem("Mijn analyse");
    sheet.getRange("D1:D2").values = [["Kolom"], [1]];
    sheet.tables.add("D1:D2", true).name = "lm_woonduur_woonduur";
    await context.sync();
    const { result } = await run(model);
    expect(tableNamed(model, "lm_woonduur_woonduur")?.sheet.name).toBe("Mijn analyse");
    expect(tableNamed(model, "lm_woonduur_woonduur_2")?.sheet.name).toBe("Woonduur");
    expect(notesText(result.ok && result.sheets.find((s) => s.key === "woonduur"))).toMatch(/lm_woonduur_woonduur kreeg een achtervoegsel/);
  });

  it("writes data text that looks like a formula as text", async () => {
    const tricky = { ...edition, observations: [...edition.observations, { ...edition.observations[0], groep: "=HYPERLINK(\"http://x\")", toelichting: "+31 71 000" }] };
    const model = userWorkbook();
    await run(model, tricky);
    const cells = [...sheetNamed(model, "Data").cells.values()];
    expect(cells.some((c) => c.formula !== null)).toBe(false);
    expect(cells.some((c) => c.value === "=HYPERLINK(\"http://x\")")).toBe(true);
  });

  it("changes nothing when MonitorData is malformed, and says where", async () => {
    const model = userWorkbook();
    await run(model);
    const data = tableNamed(model, "MonitorData");
    Object.assign(data?.sheet.cell((data?.box.row ?? 0) + 5, 6) ?? {}, { value: "veel" });
    const before = snapshot(model);
    const { result } = await run(model);
    expect(!result.ok && asRead(result.problems)).toEqual([expect.objectContaining({ row: 5, column: "Waarde", message: "MonitorData rij 5, kolom Waarde: 'veel' is geen getal (gebruik een punt als decimaalteken)." })]);
    expect(snapshot(model)).toBe(before);
  });

  it("stops with a clear message when one monitor table of three is gone, and writes nothing", async () => {
    const model = userWorkbook();
    await runLoadData(model);
    model.tables = model.tables.filter((t) => t.name !== "MonitorBronnen");
    const before = snapshot(model);
    await expect(runLoadData(model)).rejects.toThrow(
      "De tabel MonitorBronnen ontbreekt terwijl de andere monitortabellen er wel zijn; zet hem terug of verwijder ook de andere.",
    );
    expect(snapshot(model)).toBe(before);
  });

  it("reports a missing column and changes nothing", async () => {
    const model = userWorkbook();
    await run(model);
    const data = tableNamed(model, "MonitorData");
    Object.assign(data?.sheet.cell(data.box.row, 8) ?? {}, { value: "Bronnen" });
    const before = snapshot(model);
    const { result } = await run(model);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(problemText(result.problems[0], "nl")).toMatch(/ontbrekende kolom\(men\): Bron.*onbekende kolom\(men\): Bronnen/);
    expect(snapshot(model)).toBe(before);
  });
});

describe("the analyst's own figures", () => {
  async function withEditedData() {
    const model = userWorkbook();
    await run(model);
    const data = tableNamed(model, "MonitorData");
    if (!data) throw new Error("no MonitorData");
    const rows = data.sheet.values(data.box);
    const italian = rows.findIndex((r) => r[1] === "inwoners" && r[3] === "Italiaans");
    Object.assign(data.sheet.cell(data.box.row + italian, data.box.column + 6), { value: 1260 });
    // a row typed below the table and the table extended over it, as Excel does
    const added = ["Kinderen", "kinderen", "De Kooi", "buitenlandse nationaliteit", "12-17", "2022", 25, "aantal", "BRP", "2022-01-01", "gerapporteerd", "", "Toegevoegd"];
    added.forEach((value, c) => Object.assign(data.sheet.cell(data.box.row + data.box.rows, data.box.column + c), { value }));
    data.box = { ...data.box, rows: data.box.rows + 1 };
    return model;
  }

  it("flow into the regenerated sheets", async () => {
    const model = await withEditedData();
    await run(model);
    expect(tableValues(model, "lm_nationaliteiten_aantal")[1]).toEqual(["Italiaans", 1260]);
    expect(tableValues(model, "lm_kinderen_buurt").map((r) => r[0])).toEqual(["Buurt", "Slaaghwijk", "Noorderkwartier", "De Kooi"]);
  });

  it("are kept by Load data, which says what differs from the edition", async () => {
    const model = await withEditedData();
    const { result, syncs } = await runLoadData(model);
    // 4 to read (sheets, marks, the Data sheet's used range, the rows), 1 to write, + Excel.run's own; and 2 for the
    // analyst's typed row, which gets its derived Jaar, Bovengroep and Gebiedscode and its Peildatum as a date.
    expect(syncs).toBe(8);
    if (!result.ok) throw new Error("expected ok");
    // The analyst's edit and added row are theirs: kept, beside the edition's figure for that key.
    expect(result.comparison.kept.map((k) => [k.row.groep, k.row.gebied, k.source?.waarde ?? null, k.row.waarde])).toEqual([["Italiaans", "Leiden", 1253, 1260], ["buitenlandse nationaliteit", "De Kooi", null, 25]]);
    expect([result.comparison.added, result.comparison.changed, result.comparison.removed]).toEqual([[], [], []]);
    const rows = tableValues(model, "MonitorData");
    expect(rows).toHaveLength(edition.observations.length + 2);
    expect(rows.find((r) => r[3] === "Italiaans" && r[1] === "inwoners")?.[6]).toBe(1260);
    expect(result.tables.observations.find((r) => r[3] === "Italiaans" && r[1] === "inwoners")?.[6]).toBe(1260);
  });

  it("reach the MONITOR functions: Load data hands the table to them", async () => {
    const model = await withEditedData();
    const { result } = await runLoadData(model);
    if (!result.ok) throw new Error("expected ok");
    // The pane validates the tables written and hands the functions the store built from them (functions-link.ts).
    const written = parsePackageTables(result.tables);
    if (!written.ok) throw new Error("expected valid tables");
    expect(written.value.observations).toHaveLength(edition.observations.length + 1);
    functionsApi.useQueries(new MonitorQueries(new MonitorStore(written.value)));
    expect(call("AANTAL", "Italiaans", 2022)).toBe(1260);
    expect(call("WAARDE", "kinderen", 2022, null, "12-17", "De Kooi")).toBe(25);
    functionsApi.resetData(shippedPackage());
    expect(call("AANTAL", "Italiaans", 2022)).toBe(1253);
  });

  it("are read on opening, without writing anything", async () => {
    const model = await withEditedData();
    const before = snapshot(model);
    const { result, syncs } = await fakeRun(model, (context) => readWorkbookFigures(asExcel(context), edition));
    expect(snapshot(model)).toBe(before);
    expect(syncs).toBe(4); // sheets and tables, their places, the rows, + Excel.run's own
    expect(result.kind).toBe("found");
    expect(result.kind === "found" && result.package.observations.find((o) => o.groep === "Italiaans" && o.indicator === "inwoners")?.waarde).toBe(1260);
    const empty = await fakeRun(userWorkbook(), (context) => readWorkbookFigures(asExcel(context), edition));
    expect(empty.result).toEqual({ kind: "none" });
  });

  it("Load data adds the figures a newer edition brings to the same table", async () => {
    const model = userWorkbook();
    const older = { ...edition, observations: edition.observations.slice(0, -2) }; // an edition without the last two rows
    await runLoadData(model, older, { previous: new Set() });
    const data = tableNamed(model, "MonitorData");
    if (!data) throw new Error("no MonitorData");
    expect(data.box.rows).toBe(edition.observations.length - 1);
    const { result } = await runLoadData(model, edition, { previous: new Set(snapshotOf(older)) });
    expect(result.ok && result.comparison.added.map((o: Observation) => o.groep)).toEqual(["niet-EU", "niet-EU"]);
    expect(tableNamed(model, "MonitorData")).toBe(data);
    expect(data.box.rows).toBe(edition.observations.length + 1);
    expect(model.sheets.filter((s) => s.name.startsWith("Data"))).toHaveLength(1);
  });
});

describe("sync count does not grow with the data", () => {
  it("is the same for ten times as many rows", async () => {
    const big = { ...edition, observations: [...edition.observations] };
    for (let i = 0; i < 9; i++) for (const o of edition.observations) big.observations.push({ ...o, gebied: `Wijk ${i}` });
    const small = await run(userWorkbook());
    const large = await run(userWorkbook(), big);
    expect(large.syncs).toBe(small.syncs);
    expect(large.result.ok).toBe(true);
  });
});

describe("the fake is as strict as Excel", () => {
  it("throws when a property is read before load and sync", async () => {
    const context = new FakeContext(userWorkbook());
    const sheet = context.workbook.worksheets.getItem("Mijn analyse");
    // Reading too early on purpose: this is what the Office add-in lint rules guard against.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    expect(() => sheet.name).toThrow(/PropertyNotLoaded/);
    sheet.load("name");
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load
    expect(() => sheet.name).toThrow(/PropertyNotLoaded/);
    await context.sync();
    expect(sheet.name).toBe("Mijn analyse");
  });

  it("applies nothing before sync, and stops a batch at the first error", async () => {
    const model = userWorkbook();
    const context = new FakeContext(model);
    context.workbook.worksheets.add("Een");
    context.workbook.worksheets.add("mijn ANALYSE");
    context.workbook.worksheets.add("Twee");
    expect(model.sheets).toHaveLength(1);
    await expect(context.sync()).rejects.toThrow(/ItemAlreadyExists/);
    expect(model.sheets.map((s) => s.name)).toEqual(["Mijn analyse", "Een"]);
  });

  it("turns '=…' into a formula unless quote-prefixed, as Excel does", async () => {
    const model = userWorkbook();
    const context = new FakeContext(model);
    context.workbook.worksheets.getItem("Mijn analyse").getRange("E1:F1").values = [["=1+1", "'=1+1"]];
    await context.sync();
    expect([model.sheets[0].cell(0, 4).formula, model.sheets[0].cell(0, 5).value]).toEqual(["=1+1", "=1+1"]);
  });

  it("rejects axes on a pie chart and values of the wrong shape", async () => {
    const context = new FakeContext(userWorkbook());
    const sheet = context.workbook.worksheets.getItem("Mijn analyse");
    sheet.getRange("A1:B2").values = [["a"]];
    await expect(context.sync()).rejects.toThrow(/does not match the size/);
    const chart = sheet.charts.add("Pie", sheet.getRange("A1:B3"), "Columns");
    chart.axes.valueAxis.title.text = "x";
    await expect(context.sync()).rejects.toThrow(/has no axes/);
  });
});
