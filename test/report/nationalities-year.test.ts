import { buildIndicatorSheets } from "../../src/report/plan";
import { SheetPlan } from "../../src/report/types";
import { nextEdition } from "../support/package-server";

/**
 * The Nationaliteiten sheet ranks the nationalities of a year whose ranking can be known: the
 * next edition (synthetic) adds one figure for 2023, Italiaans 1,350, and no count of all
 * inhabitants with a foreign nationality that year. Its sheet stays on 2022, with the corrected
 * 1,301, instead of calling Italiaans the most common of all from that one figure.
 */
const sheetOf = (language: "nl" | "en") => buildIndicatorSheets(nextEdition(), language).find((s) => s.key === "nationaliteiten") as SheetPlan;

describe("the year the Nationaliteiten sheet ranks", () => {
  it("is the latest with the count of all foreign nationals, not a year of one figure", () => {
    const sheet = sheetOf("nl");
    const table = sheet.tables[0];
    expect(table.periods).toEqual(["2022"]);
    // The next edition's 2022: Italiaans corrected to 1,301, then the report's order (seed p. 6).
    expect(table.rows.slice(0, 3).map((r) => [r[0], r[1]])).toEqual([["Italiaans", 1301], ["Duits", 1162], ["Pools", 1002]]);
    const lead = sheet.texts.filter((t) => t.style === "lead").map((t) => t.text).join(" ");
    expect(lead).toContain("2022");
    expect(lead).not.toContain("2023");
  });

  it("in English too", () => {
    const lead = sheetOf("en").texts.filter((t) => t.style === "lead").map((t) => t.text).join(" ");
    expect(lead).toContain("2022");
    expect(lead).not.toContain("2023");
  });
});
