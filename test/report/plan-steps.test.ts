import { runSteps, runStepsInSlices } from "../../src/data/slices";
import { MonitorPackage } from "../../src/data/types";
import { buildIndicatorSheets, indicatorSheetsInSteps } from "../../src/report/plan";
import { pullFromCbs } from "../../src/sources/cbs/pull";
import { SHIPPED_EDITION } from "../../src/sources/shipped-source";
import { problemText } from "../../src/text/problems";
import { useCbsServer } from "../support/use-cbs-server";
import { edition, largePackage } from "../support/workbooks";

/**
 * Regenerate builds its plan of sheets as steps with the pane's pause between them (at 100,000
 * rows the plan held the thread about 1.3 s in one piece). The steps build the same plan as the
 * one piece: the same sheets, texts, tables, cells and charts. CBS figures come from the local
 * stand-in (synthetic, see cbs-server.ts).
 */
const cbs = useCbsServer();

/** The plan built as steps, with a pause (counted) after every step, as Regenerate in the pane runs it. */
async function inSlices(pkg: MonitorPackage, ...rest: Parameters<typeof buildIndicatorSheets> extends [unknown, ...infer R] ? R : never) {
  let pauses = 0;
  const sheets = await runStepsInSlices(indicatorSheetsInSteps(pkg, ...rest), async () => void pauses++);
  return { sheets, pauses };
}

describe("the plan of sheets built as steps", () => {
  it("is the one-piece plan for the shipped edition, in both languages, with and without the edition's facts", async () => {
    for (const language of ["nl", "en"] as const) {
      for (const about of [undefined, SHIPPED_EDITION]) {
        const whole = buildIndicatorSheets(edition, language, [], about);
        expect(whole.map((s) => s.key)).toEqual(["bevolking", "regio", "vestiging", "woonduur", "repats", "kinderen", "nationaliteiten", "expat-centre", "werknemers", "statushouders", "studenten"]);
        expect((await inSlices(edition, language, [], about)).sheets).toStrictEqual(whole);
      }
    }
  });

  it("is the one-piece plan for a large package, pausing every few hundred rows", async () => {
    const rows = 20_000;
    const pkg = largePackage(rows);
    const whole = buildIndicatorSheets(pkg, "nl", []);
    // Thousands of areas: the comparison of areas and the children by area have a row for each.
    expect(Math.max(...whole.flatMap((s) => s.tables.map((t) => t.rows.length)))).toBeGreaterThan(250);
    const { sheets, pauses } = await inSlices(pkg, "nl", []);
    expect(sheets).toStrictEqual(whole);
    // The store takes the rows and indexes them (twice over), the year is read from them: each a step per 250 rows.
    expect(pauses).toBeGreaterThanOrEqual(3 * Math.floor(rows / 250));
    // Run at once, the steps give the same plan too (the command line's way).
    expect(runSteps(indicatorSheetsInSteps(pkg, "en", []))).toStrictEqual(buildIndicatorSheets(pkg, "en", []));
  }, 60_000);

  it("is the one-piece plan with municipalities pulled from CBS: their own sheets and the comparison", async () => {
    const pulled = await pullFromCbs({ areas: ["Leiden", "Delft"], from: 2012, to: 2024 }, cbs.options());
    if (!pulled.ok) throw new Error(pulled.problems.map((p) => problemText(p, "nl")).join("\n"));
    const { package: pkg, edition: about } = pulled.value;
    const whole = buildIndicatorSheets(pkg, "nl", ["Delft"], about);
    expect(whole.map((s) => s.key)).toEqual(expect.arrayContaining(["gebied-delft-bevolking", "gebied-delft-nationaliteiten", "gebied-vergelijking"]));
    expect((await inSlices(pkg, "nl", ["Delft"], about)).sheets).toStrictEqual(whole);
  });
});
