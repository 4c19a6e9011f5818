import { decodeUtf8, parseCsv, writeCsv } from "../../src/data/csv";
import { parsePackageTables } from "../../src/data/package";
import { parsePackageCsv } from "../../src/data/package-csv";
import { MonitorQueries } from "../../src/data/queries";
import { MonitorStore } from "../../src/data/store";
import { csvRows, problemsWithObservations, shippedObservationCells, shippedTexts } from "../support/fixtures";
import { problemText } from "../../src/text/problems";
import { asRead } from "../support/texts";

const COL = { Indicator: 1, Gebied: 2, Groep: 3, Waarde: 6, Eenheid: 7, Toelichting: 12 };
const row = (cells: string[][], indicator: string, group: string) => cells.findIndex((r) => r[COL.Indicator] === indicator && r[COL.Groep] === group && r[7] === "aantal");

const problemsWith = problemsWithObservations;

describe("numbers are read strictly", () => {
  it("refuses a value too large to be finite", () => {
    const problems = problemsWith((cells) => (cells[4][COL.Waarde] = "1e400"));
    expect(asRead(problems)).toEqual([expect.objectContaining({ row: 4, column: "Waarde", message: expect.stringMatching(/'1e400' is geen getal \(dat getal is te groot\)/) })]);
  });

  it("refuses a count with a Dutch thousands dot and says what was probably meant", () => {
    const problems = problemsWith((cells) => (cells[3][COL.Waarde] = "110.565"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: 3, column: "Waarde" });
    expect(problemText(problems[0], "nl")).toMatch(/een aantal is een geheel getal, niet 110\.565\. Bedoeld is waarschijnlijk 110565/);
  });

  it("refuses thousands separators in a plain CSV, with the number meant", () => {
    const problems = problemsWith((cells) => (cells[3][COL.Waarde] = "1.110.565"));
    expect(problemText(problems[0], "nl")).toMatch(/bedoeld is waarschijnlijk 1110565/);
  });

  it("refuses a negative count", () => {
    const problems = problemsWith((cells) => (cells[row(cells, "inwoners", "Italiaans")][COL.Waarde] = "-5"));
    expect(problemText(problems[0], "nl")).toMatch(/een aantal kan niet negatief zijn \(-5\)/);
  });

  it("refuses a share typed as a percentage, suggesting the fraction", () => {
    const problems = problemsWith((cells) => (cells[cells.findIndex((r) => r[COL.Eenheid] === "aandeel")][COL.Waarde] = "11.6"));
    expect(problemText(problems[0], "nl")).toMatch(/Bedoeld is waarschijnlijk 0\.116/);
  });

  it("refuses a non-finite number from Excel", () => {
    const texts = shippedTexts();
    const cells: (string | number)[][] = shippedObservationCells();
    cells[2][COL.Waarde] = Number.POSITIVE_INFINITY;
    const result = parsePackageTables({ observations: cells, indicators: csvRows(texts.indicators), sources: csvRows(texts.sources) });
    expect(!result.ok && result.problems[0]).toMatchObject({ row: 2, column: "Waarde" });
  });
});

describe("keys are unique the way look-ups compare them", () => {
  it.each([
    ["italiaans", "case"],
    ["  Italiaans ", "spacing"],
    ["Italian", "the English name"],
    ["Italië", "an alias"],
  ])("a row for '%s' beside 'Italiaans' is a duplicate (%s), naming both rows", (spelled) => {
    let original = 0;
    const problems = problemsWith((cells) => {
      original = row(cells, "inwoners", "Italiaans");
      cells.push(Object.assign([...cells[original]], { [COL.Groep]: spelled }));
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: 113 });
    expect(problemText(problems[0], "nl")).toContain(`rij ${original} en rij 113`);
  });

  it("a doubled indicator id is a problem of MonitorIndicatoren", () => {
    const texts = shippedTexts();
    const indicators = csvRows(texts.indicators);
    indicators.push([...indicators[1]]);
    const result = parsePackageTables({ observations: shippedObservationCells(), indicators, sources: csvRows(texts.sources) });
    expect(!result.ok && result.problems[0]).toMatchObject({ table: "MonitorIndicatoren", column: "id" });
  });
});

describe("text a file cannot hold is refused with row and column", () => {
  it.each([
    ["\u000b", /verticale tab.*U\+000B/],
    ["\u0001", /U\+0001/],
    ["\ufffe", /U\+FFFE/],
    ["\ud800", /U\+D800/],
  ])("a note with %j", (character, message) => {
    const problems = problemsWith((cells) => (cells[6][COL.Toelichting] = `regel één${character}regel twee`));
    expect(asRead(problems)).toEqual([expect.objectContaining({ row: 6, column: "Toelichting", message: expect.stringMatching(message) })]);
  });

  it("a text longer than an Excel cell holds", () => {
    const problems = problemsWith((cells) => (cells[6][COL.Toelichting] = "x".repeat(32_768)));
    expect(problems[0]).toMatchObject({ row: 6, column: "Toelichting" });
    expect(problemText(problems[0], "nl")).toBe("MonitorData rij 6, kolom Toelichting: de tekst is 32.768 tekens lang; een Excel-cel houdt er ten hoogste 32.767.");
  });

  it("accepts a paired surrogate (an emoji) and line breaks", () => {
    const texts = shippedTexts();
    const cells = shippedObservationCells();
    cells[6][COL.Toelichting] = "zie 📊\nen verder";
    expect(parsePackageTables({ observations: cells, indicators: csvRows(texts.indicators), sources: csvRows(texts.sources) }).ok).toBe(true);
  });
});

describe("CSV files", () => {
  it("reports an unbalanced quote with its row instead of swallowing the next rows", () => {
    const result = parseCsv('a,b,c\n1,"twee,3\n4,5,6\n', "MonitorData");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(asRead(result.problems)[0]).toMatchObject({ table: "MonitorData", row: 1, message: expect.stringMatching(/aanhalingsteken/) });
  });

  it("reports a row with another number of cells than the header", () => {
    const result = parseCsv("a,b,c\n1,2,3\n4,5\n", "MonitorData");
    expect(!result.ok && asRead(result.problems)[0]).toMatchObject({ row: 2, message: "MonitorData rij 2: 2 cellen, terwijl de kopregel 3 kolommen heeft." });
  });

  it("refuses a file that is not UTF-8, naming the byte and line", () => {
    const latin1 = Uint8Array.from([...Buffer.from("a,b\n"), 0x43, 0x61, 0x66, 0xe9, 0x2c, 0x31, 0x0a]); // "Café,1" in Windows-1252
    const result = decodeUtf8(latin1, "MonitorData");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(problemText(result.problems[0], "nl")).toMatch(/geen UTF-8 \(byte 0xE9 op regel 2\)/);
    expect(decodeUtf8(Buffer.from("a,b\nCafé,1\n"), "MonitorData")).toEqual({ ok: true, value: "a,b\nCafé,1\n" });
  });

  it("reads what Dutch Excel saves: semicolons, decimal commas, thousands dots", () => {
    const texts = shippedTexts();
    const comma = csvRows(texts.observations);
    const dutch = comma.map((r, i) => r.map((cell, c) => (i > 0 && c === COL.Waarde ? cell.replace(".", ",") : cell)));
    const italian = row(dutch, "inwoners", "buitenlandse nationaliteit");
    dutch[italian][COL.Waarde] = "14.472";
    const text = dutch.map((r) => r.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(";")).join("\r\n");
    const result = parsePackageCsv({ ...texts, observations: text });
    if (!result.ok) throw new Error(problemText(result.problems[0], "nl"));
    const expected = parsePackageCsv(texts);
    expect(expected.ok && result.value.observations).toEqual(expected.ok && expected.value.observations);
  });

  it("refuses a decimal point in a semicolon file, where it is ambiguous", () => {
    const texts = shippedTexts();
    const rows = csvRows(texts.observations).map((r) => r.map((c) => c.replace(/[;"]/g, "")));
    rows[3][COL.Waarde] = "0.5";
    const result = parsePackageCsv({ ...texts, observations: rows.map((r) => r.join(";")).join("\n") });
    expect(!result.ok && asRead(result.problems)[0]).toMatchObject({ row: 3, column: "Waarde", message: expect.stringMatching(/komma als decimaalteken/) });
  });

  it("refuses a header with both separators", () => {
    const result = parseCsv("a,b;c\n1,2;3\n", "MonitorData");
    expect(!result.ok && problemText(result.problems[0], "nl")).toMatch(/zowel komma's als puntkomma's/);
  });

  it("round-trips every text through writeCsv", () => {
    const rows = [["a", "b"], ["=1+1", '"quoted", and\r\nmore'], ["  spaced  ", ";semi"]];
    expect(csvRows(writeCsv(rows))).toEqual(rows);
  });
});

describe("names that are also JavaScript's own", () => {
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])("'%s' as indicator, group and area works like any name", (name) => {
    const texts = shippedTexts();
    const indicators = csvRows(texts.indicators);
    indicators.push([name.toLowerCase().replace(/_/g, "") || "x", "Label", "Label", "aantal", "", "Definitie.", "BRP"]);
    const id = indicators[indicators.length - 1][0];
    const cells = shippedObservationCells();
    cells.push(["Bevolking", id, name, name, "", "2022", "7", "aantal", "BRP", "", "gerapporteerd", "", ""]);
    cells.push(["Bevolking", "inwoners", "Leiden", name, "", "2022", "8", "aantal", "BRP", "", "gerapporteerd", "", ""]);
    const result = parsePackageTables({ observations: cells, indicators, sources: csvRows(texts.sources) });
    if (!result.ok) throw new Error(problemText(result.problems[0], "nl"));
    const queries = new MonitorQueries(new MonitorStore(result.value));
    expect(queries.value(id, "2022", name, undefined, name).waarde).toBe(7);
    expect(queries.count(name, "2022")).toBe(8);
    expect(() => queries.count("valueOf", "2022")).toThrow(/Onbekende groep 'valueOf'/);
  });
});
