import { isoFromSerial, serialFromIso } from "../../src/data/dates";
import { codeOfArea, parentOfGroup, yearOfPeriod } from "../../src/data/derived";
import { parsePackageCsv } from "../../src/data/package-csv";
import { parsePackageTables } from "../../src/data/package";
import { Observation } from "../../src/data/types";
import { csvRows, problemsWithObservations, seedText, shippedObservationCells, shippedPackage, shippedTexts } from "../support/fixtures";
import { problemText } from "../../src/text/problems";

const find = (rows: readonly Observation[], indicator: string, gebied: string, groep: string, periode: string, leeftijd = "") =>
  rows.find((o) => o.indicator === indicator && o.gebied === gebied && o.groep === groep && o.periode === periode && o.leeftijd === leeftijd) as Observation;

/** The shipped CSV without its last three columns: what an edition from before them looks like. */
function withoutNewColumns(): string {
  const cells = shippedObservationCells().map((row) => row.slice(0, 13));
  return cells.map((row) => row.map((cell) => (/[,"\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(",")).join("\n") + "\n";
}

describe("Jaar, Bovengroep and Gebiedscode", () => {
  it("give the calendar year by the documented rule: a year itself, a study year its first, a span its last", () => {
    expect([yearOfPeriod("2022"), yearOfPeriod("2021/2022"), yearOfPeriod("2011-2020"), yearOfPeriod("2021-2022"), yearOfPeriod("22")]).toEqual([2022, 2021, 2020, 2022, null]);
  });

  it("place each group under its parent, migration background apart from nationality", () => {
    expect(["Italiaans", "italiaans ", "Nederlands", "buitenlandse nationaliteit", "inwoners", "migratieachtergrond", "Nederlands met migratieachtergrond", "kenniswerkers", "vrouw", "Turks"].map(parentOfGroup)).toEqual([
      "buitenlandse nationaliteit",
      "buitenlandse nationaliteit",
      "inwoners",
      "inwoners",
      "",
      "inwoners (migratieachtergrond)",
      "migratieachtergrond",
      "internationale werknemers",
      "statushouders",
      "",
    ]);
  });

  it("give CBS codes only where ../shared/cbs/README.md names them", () => {
    expect(["Leiden", "gemeente Leiden", "Nederland", "'s-Gravenhage", "Bergen (NH.)", "Regio071", "Slaaghwijk", "Delft"].map(codeOfArea)).toEqual(["GM0546", "GM0546", "NL01", "GM0518", "GM0373", "", "", ""]);
  });

  it("are in the shipped package as the rules give them", () => {
    const rows = shippedPackage().observations;
    const columns = (o: Observation) => [o.jaar, o.bovengroep, o.gebiedscode];
    expect(columns(find(rows, "studenten", "Leiden", "universiteit", "2021/2022"))).toEqual([2021, "", "GM0546"]);
    expect(columns(find(rows, "toename", "Leiden", "buitenlandse nationaliteit", "2021-2022"))).toEqual([2022, "inwoners", "GM0546"]);
    expect(columns(find(rows, "werknemers-werkend", "Leiden", "kenniswerkers", "2011-2020"))).toEqual([2020, "internationale werknemers", "GM0546"]);
    expect(columns(find(rows, "aandeel", "Nederland", "migratieachtergrond", "2021"))).toEqual([2021, "inwoners (migratieachtergrond)", "NL01"]);
    expect(columns(find(rows, "kinderen", "Slaaghwijk", "buitenlandse nationaliteit", "2022", "12-17"))).toEqual([2022, "inwoners", ""]);
    expect(columns(find(rows, "werknemers-wonend", "Regio071", "kenniswerkers", "2011-2020"))).toEqual([2020, "internationale werknemers", ""]);
  });

  it("let a pivot tell totals from parts: the nationality parts of inwoners add up to Leiden's population", () => {
    // From the seed text: 110.565 Dutch and 14.472 foreign nationals (page 17), 125.037 together.
    const seed = seedText();
    if (seed !== null) expect(seed).toMatch(/110\.565[\s\S]*14\.472|14\.472[\s\S]*110\.565/);
    const counts = shippedPackage().observations.filter((o) => o.indicator === "inwoners" && o.gebied === "Leiden" && o.jaar === 2022 && o.eenheid === "aantal" && o.leeftijd === "");
    const sumUnder = (parent: string) => counts.filter((o) => o.bovengroep === parent).reduce((n, o) => n + o.waarde, 0);
    expect(sumUnder("inwoners")).toBe(125037);
    expect(sumUnder("buitenlandse nationaliteit")).toBe(14472);
    expect(sumUnder("inwoners (migratieachtergrond)")).toBe(41109);
  });

  it("are derived when a package lacks them: an older edition reads as the same figures", () => {
    const old = parsePackageCsv({ ...shippedTexts(), observations: withoutNewColumns() });
    if (!old.ok) throw new Error(problemText(old.problems[0], "nl"));
    expect(old.value).toEqual(shippedPackage());
  });

  it("are derived where a cell is empty, and a given Bovengroep or Gebiedscode is kept", () => {
    const cells = shippedObservationCells();
    const header = cells[0];
    const italian = cells.findIndex((r) => r[3] === "Italiaans" && r[5] === "2022" && r[1] === "inwoners");
    cells[italian][header.indexOf("Jaar")] = "";
    cells[italian][header.indexOf("Bovengroep")] = "";
    cells[italian][header.indexOf("Gebiedscode")] = "";
    const slaagh = cells.findIndex((r) => r[2] === "Slaaghwijk");
    cells[slaagh][header.indexOf("Gebiedscode")] = "WK054612";
    const texts = shippedTexts();
    const result = parsePackageTables({ observations: cells, indicators: csvRows(texts.indicators), sources: csvRows(texts.sources) });
    if (!result.ok) throw new Error(problemText(result.problems[0], "nl"));
    const row = (r: number) => result.value.observations[r - 1];
    expect([row(italian).jaar, row(italian).bovengroep, row(italian).gebiedscode]).toEqual([2022, "buitenlandse nationaliteit", "GM0546"]);
    expect(row(slaagh).gebiedscode).toBe("WK054612");
  });

  it("refuse a Jaar that contradicts the period, and a code that is not a CBS code, saying why", () => {
    const problems = problemsWithObservations((cells) => {
      const header = cells[0];
      const study = cells.findIndex((r) => r[5] === "2021/2022");
      cells[study][header.indexOf("Jaar")] = "2022";
      cells[1][header.indexOf("Gebiedscode")] = "GM546";
    });
    expect(problems.map((p) => problemText(p, "nl"))).toEqual([
      "MonitorData rij 1, kolom Gebiedscode: 'GM546' heeft niet de juiste vorm.",
    ]);
    const jaar = problemsWithObservations((cells) => {
      const header = cells[0];
      const study = cells.findIndex((r) => r[5] === "2021/2022");
      cells[study][header.indexOf("Jaar")] = "2022";
    });
    expect(problemText(jaar[0], "nl")).toMatch(/kolom Jaar: 2022 past niet bij Periode 2021\/2022; een studiejaar telt als het jaar waarin het begint \(2021\)\. Laat de cel leeg, dan wordt het jaar afgeleid\.$/);
  });
});

describe("Peildatum as Excel keeps it", () => {
  it("converts ISO dates and Excel's serial numbers both ways", () => {
    // 1 January 2022 is serial 44562 in Excel's 1900 date system (DATE(2022;1;1)).
    expect([serialFromIso("2022-01-01"), serialFromIso("1900-03-01"), serialFromIso("2022-02-30"), serialFromIso("1-1-2022")]).toEqual([44562, 61, null, null]);
    expect([isoFromSerial(44562), isoFromSerial(44562.5), isoFromSerial(0)]).toEqual(["2022-01-01", null, null]);
  });

  it("reads a date from an Excel table (a serial number) as its ISO form, and refuses what is no date", () => {
    const cells: (string | number)[][] = shippedObservationCells();
    const column = cells[0].indexOf("Peildatum");
    cells[1][column] = 44562;
    const texts = shippedTexts();
    const result = parsePackageTables({ observations: cells, indicators: csvRows(texts.indicators), sources: csvRows(texts.sources) });
    expect(result.ok && result.value.observations[0].peildatum).toBe("2022-01-01");
    const problems = problemsWithObservations((c) => (c[2][column] = "1 januari 2022"));
    expect(problems.map((p) => problemText(p, "nl"))).toEqual(["MonitorData rij 2, kolom Peildatum: '1 januari 2022' is geen datum (schrijf bijvoorbeeld 2022-01-01)."]);
  });
});
