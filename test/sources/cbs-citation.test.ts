import { join } from "path";
import { loadPackage } from "../../scripts/lib/load";
import { parsePullArguments, pullCommand } from "../../scripts/lib/pull-command";
import { buildPlan } from "../../src/report/plan";
import { useCbsServer, usePullCommand } from "../support/use-cbs-server";

/**
 * How a CBS package cites CBS, which the add-in writes into the package itself: in one form
 * without a word of either language ("CBS StatLine 85644NED, 85458NED"), so that each sheet's
 * source line reads as its own language around it. Synthetic figures (cbs-server.ts).
 */
const cbs = useCbsServer();
const pulls = usePullCommand(cbs, "cbs-citation");

async function pulledPackage(from: number, to: number) {
  const options = parsePullArguments(["cbs", "--gebied", "Delft", "--van", String(from), "--tot", String(to), "--out", join(pulls.dir, `delft-${from}-${to}`), "--lang", "en"]);
  if (options === "help") throw new Error("unexpected help");
  await pullCommand(options, () => undefined);
  return loadPackage(join(pulls.dir, `delft-${from}-${to}`));
}

describe("the CBS citation in each language", () => {
  it("each sheet of a Delft pull cites CBS in the sheet's own language, with the tables' codes alone", async () => {
    const pkg = await pulledPackage(2021, 2022);
    expect(pkg.sources.map((s) => s.citeernaam)).toEqual(["CBS StatLine 85644NED, 85458NED"]);
    const sourceLines = (language: "nl" | "en") => {
      const plan = buildPlan(pkg, { language });
      // Per sheet (population, nationalities, comparison), whatever the sheets are named.
      return plan.sheets.map((s) => s.texts.filter((t) => t.style === "source" && /^(Bron|Source):/.test(t.text)).map((t) => t.text));
    };
    expect(sourceLines("nl")).toEqual([
      ["Bron: CBS StatLine 85644NED, 85458NED (peildatum 1 januari 2021, 1 januari 2022)."],
      ["Bron: CBS StatLine 85644NED, 85458NED (peildatum 1 januari 2022)."],
      ["Bron: CBS StatLine 85644NED, 85458NED (peildatum 1 januari 2021, 1 januari 2022)."],
    ]);
    expect(sourceLines("en")).toEqual([
      ["Source: CBS StatLine 85644NED, 85458NED (reference date 1 January 2021, 1 January 2022)."],
      ["Source: CBS StatLine 85644NED, 85458NED (reference date 1 January 2022)."],
      ["Source: CBS StatLine 85644NED, 85458NED (reference date 1 January 2021, 1 January 2022)."],
    ]);
  });

  it("a pull before herkomst existed cites its one table", async () => {
    const pkg = await pulledPackage(2019, 2020);
    expect(pkg.sources.map((s) => s.citeernaam)).toEqual(["CBS StatLine 85644NED"]);
  });
});
