import { writeCsv } from "../../src/data/csv";
import { parsePackageTables } from "../../src/data/package";
import { parsePackageCsv } from "../../src/data/package-csv";
import { csvRows, problemsWithObservations, shippedTexts } from "../support/fixtures";
import { problemText } from "../../src/text/problems";
import { asRead } from "../support/texts";
import type { Cell } from "../../src/data/validate";

const COL = { Indicator: 1, Groep: 3, Waarde: 6, Eenheid: 7, Bron: 8, Status: 10, Periode: 5, Toelichting: 12 };

const withObservations = problemsWithObservations;

describe("the package validator", () => {
  it("rejects a missing column, naming it", () => {
    const problems = withObservations((cells) => cells.forEach((row) => row.splice(COL.Bron, 1)));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ table: "MonitorData", row: null, column: "Bron" });
    expect(problemText(problems[0], "nl")).toMatch(/ontbrekende kolom\(men\): Bron/);
  });

  it("rejects an unknown extra column", () => {
    const problems = withObservations((cells) => cells.forEach((row, i) => row.push(i === 0 ? "Opmerking" : "")));
    expect(problemText(problems[0], "nl")).toMatch(/onbekende kolom\(men\): Opmerking/);
  });

  it("reads columns by name, so another order is fine", () => {
    const texts = shippedTexts();
    const cells = csvRows(texts.observations);
    cells.forEach((row) => ([row[0], row[6]] = [row[6], row[0]]));
    const result = parsePackageTables({ observations: cells, indicators: csvRows(texts.indicators), sources: csvRows(texts.sources) });
    expect(result.ok && result.value.observations[2]).toMatchObject({ onderwerp: "Bevolking", waarde: 110565 });
  });

  it("rejects text in Waarde, naming row and column", () => {
    const problems = withObservations((cells) => (cells[5][COL.Waarde] = "veel"));
    expect(asRead(problems)).toEqual([expect.objectContaining({ row: 5, column: "Waarde", message: "MonitorData rij 5, kolom Waarde: 'veel' is geen getal (gebruik een punt als decimaalteken)." })]);
  });

  it("quotes a number a workbook cell holds in the reader's notation: '2022,5' in Dutch, '2022.5' in English", () => {
    const texts = shippedTexts();
    const cells: Cell[][] = csvRows(texts.observations);
    cells[4][COL.Periode] = 2022.5;
    const result = parsePackageTables({ observations: cells, indicators: csvRows(texts.indicators), sources: csvRows(texts.sources) });
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => problemText(p, "nl"))).toEqual(["MonitorData rij 4, kolom Periode: '2022,5' heeft niet de juiste vorm."]);
    expect(problems.map((p) => problemText(p, "en"))).toEqual(["MonitorData row 4, column Periode: '2022.5' does not have the right form."]);
  });

  it("rejects a Dutch decimal comma instead of guessing", () => {
    const problems = withObservations((cells) => (cells[20][COL.Waarde] = "0,116"));
    expect(problems[0]).toMatchObject({ row: 20, column: "Waarde" });
  });

  it("rejects a share outside 0..1 (a percentage typed as 11.6)", () => {
    const problems = withObservations((cells) => (cells[20][COL.Waarde] = "11.6"));
    expect(problems).toEqual([expect.objectContaining({ row: 20, column: "Waarde" })]);
    expect(problemText(problems[0], "nl")).toMatch(/fractie tussen 0 en 1.*11\.6/);
  });

  it.each([
    ["Eenheid", COL.Eenheid, "procent", /niet toegestaan; kies uit aantal, aandeel, groei, rang, euro/],
    ["Bron", COL.Bron, "Wikipedia", /niet toegestaan; kies uit BRP, CBS, ECL, Decisio, Nuffic/],
    ["Status", COL.Status, "geschat", /niet toegestaan; kies uit gerapporteerd, afgeleid/],
    ["Periode", COL.Periode, "januari", /niet de juiste vorm/],
    ["Groep", COL.Groep, "", /mag niet leeg zijn/],
  ])("rejects a bad %s", (column, index, value, message) => {
    const problems = withObservations((cells) => (cells[7][index] = value));
    expect(asRead(problems)).toEqual([expect.objectContaining({ row: 7, column, message: expect.stringMatching(message) })]);
  });

  it("rejects an unknown indicator", () => {
    const problems = withObservations((cells) => (cells[3][COL.Indicator] = "inwonertjes"));
    expect(problems[0]).toMatchObject({ row: 3, column: "Indicator" });
    expect(problemText(problems[0], "nl")).toMatch(/onbekende indicator 'inwonertjes'/);
  });

  it("rejects a duplicate key, naming both rows", () => {
    const problems = withObservations((cells) => cells.push([...cells[9]]));
    expect(problems).toHaveLength(1);
    expect(problemText(problems[0], "nl")).toMatch(/dubbel cijfer.*rij 9/);
    expect(problems[0].row).toBe(113);
  });

  it("rejects a derived figure without its computation", () => {
    const problems = withObservations((cells) => (cells[1][COL.Toelichting] = ""));
    expect(problems[0]).toMatchObject({ row: 1, column: "Toelichting" });
  });

  it("reports every problem at once and accepts nothing partially", () => {
    const texts = shippedTexts();
    const cells = csvRows(texts.observations);
    cells[2][COL.Waarde] = "x";
    cells[4][COL.Eenheid] = "y";
    const result = parsePackageCsv({ ...texts, observations: writeCsv(cells) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => [p.row, p.column])).toEqual([[2, "Waarde"], [4, "Eenheid"]]);
  });

  it("takes Excel cells: numbers as numbers, blank rows skipped", () => {
    const texts = shippedTexts();
    const cells: (string | number)[][] = csvRows(texts.observations);
    cells[3][COL.Waarde] = 110565;
    cells.push(cells[0].map(() => ""));
    const result = parsePackageTables({ observations: cells, indicators: csvRows(texts.indicators), sources: csvRows(texts.sources) });
    expect(result.ok && result.value.observations.length).toBe(cells.length - 2);
  });
});

describe("CSV", () => {
  it("round-trips quotes, commas and newlines", () => {
    const rows = [["a", 'zei "ja", toen', "regel\nregel"], ["1", "", "€ 30.672"]];
    expect(csvRows(writeCsv(rows))).toEqual(rows);
  });

  it("ignores a byte order mark and CRLF line ends", () => {
    expect(csvRows("\ufeffa,b\r\n1,2\r\n")).toEqual([["a", "b"], ["1", "2"]]);
  });
});
