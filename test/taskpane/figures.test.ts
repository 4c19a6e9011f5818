import { describeFigure, formulaArguments, searchFigures } from "../../src/taskpane/figures";
import { loadedFunctions } from "../support/custom-functions-fake";
import { shippedQueries, shippedPackage } from "../support/fixtures";

const { api, call } = loadedFunctions();
api.resetData(shippedPackage()); // the functions read the shipped edition on their own
const queries = shippedQueries();

/** Evaluates a formula's arguments the way Excel would pass them to MONITOR.VALUE. */
const evaluate = (args: string[]) => call("VALUE", ...args.map((a) => (a === "" ? null : a.startsWith('"') ? a.slice(1, -1).replace(/""/g, '"') : Number(a))));

describe("figures in the pane", () => {
  it.each(queries.store.observations.map((o) => [`${o.indicator} ${o.gebied} ${o.groep} ${o.leeftijd} ${o.periode} ${o.eenheid}`, o] as const))(
    "%s: the formula it offers returns the figure, with a citation and a sentence",
    (_name, o) => {
      expect(evaluate(formulaArguments(queries, o))).toBe(o.waarde);
      const view = describeFigure(queries, o, "nl");
      expect(view.citation).toMatch(/^(BRP|CBS|Expat|Decisio|Nuffic)/);
      expect(view.sentence).toContain(view.value);
    },
  );

  it("writes the formula for Excel's API in English and for people in Dutch", () => {
    const italian = queries.store.observations.find((o) => o.indicator === "inwoners" && o.groep === "Italiaans");
    const view = describeFigure(queries, italian as never, "nl");
    expect(view.apiFormula).toBe('=MONITOR.VALUE("inwoners",2022,"Italiaans")');
    expect(view.displayFormula).toBe('=MONITOR.WAARDE("inwoners";2022;"Italiaans")');
    const repatShare = queries.store.observations.find((o) => o.indicator === "repats" && o.eenheid === "aandeel" && o.leeftijd === "0-17");
    expect(describeFigure(queries, repatShare as never, "en").displayFormula).toBe('=MONITOR.VALUE("repats",2021,,"0-17",,"aandeel")');
  });

  it("searches every word in indicator, group, area, age and period, in both languages", () => {
    expect(searchFigures(queries, "Italiaans 2022", "nl").map((f) => f.value)).toEqual(["1.253", "88%", "43", "98"]);
    expect(searchFigures(queries, "italian children", "en").map((f) => f.observation.leeftijd)).toEqual(["0-3", "4-11"]);
    expect(searchFigures(queries, "slaaghwijk", "nl")).toHaveLength(1);
    expect(searchFigures(queries, "nothing like this", "nl")).toEqual([]);
  });
});
