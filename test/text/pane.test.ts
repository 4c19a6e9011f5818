import { paneTexts } from "../../src/taskpane/i18n";

/** The pane's texts as it renders them, in each language (literal expectations). */
describe("the pane's texts", () => {
  const nl = paneTexts("nl");
  const en = paneTexts("en");

  it("are labels without parameters, in the pane's language", () => {
    expect([nl.loadData, en.loadData]).toEqual(["Ophalen en vergelijken", "Get and compare"]);
    expect([nl.regenerate, en.regenerate]).toEqual(["Bladen en grafieken opnieuw opbouwen", "Regenerate sheets & charts"]);
  });

  it("say a figure's Status in the reader's words: the contract's Dutch value, its meaning in English", () => {
    expect([nl.statusValue({ status: "gerapporteerd" }), en.statusValue({ status: "gerapporteerd" })]).toEqual(["gerapporteerd", "reported"]);
    expect([nl.statusValue({ status: "afgeleid" }), en.statusValue({ status: "afgeleid" })]).toEqual(["afgeleid", "derived"]);
  });

  it("count in each language's notation and agree with the count", () => {
    expect(nl.pulled({ n: 1253, title: "Monitor 2023", total: 1253 })).toBe("1.253 cijfers van 'Monitor 2023' staan in MonitorData.");
    expect(en.pulled({ n: 1253, title: "Monitor 2023", total: 1253 })).toBe("1,253 figures of 'Monitor 2023' are in MonitorData.");
    // A CBS pull beside the edition: the pull is credited only with what it delivered.
    expect(nl.pulled({ n: 154, title: "CBS StatLine", total: 1266 })).toBe("154 cijfers van 'CBS StatLine' opgehaald; MonitorData heeft er nu 1.266.");
    expect(en.pulled({ n: 154, title: "CBS StatLine", total: 1266 })).toBe("Pulled 154 figures of 'CBS StatLine'; MonitorData now holds 1,266.");
    expect(en.summary({ built: 1, updated: 0, charts: 1 })).toBe("1 sheet built with 1 chart.");
    expect(nl.summary({ built: 11, updated: 0, charts: 21 })).toBe("11 bladen opgebouwd met 21 grafieken.");
    // A second Regenerate brings the sheets up to date in place: it says so, not "built".
    expect(nl.summary({ built: 0, updated: 11, charts: 21 })).toBe("11 bladen bijgewerkt, met 21 grafieken.");
    expect(en.summary({ built: 0, updated: 11, charts: 21 })).toBe("11 sheets updated, with 21 charts.");
    expect(nl.summary({ built: 1, updated: 10, charts: 21 })).toBe("1 blad opgebouwd en 10 bijgewerkt, met 21 grafieken.");
    expect(en.summary({ built: 2, updated: 1, charts: 1 })).toBe("2 sheets built and 1 updated, with 1 chart.");
    expect(en.othersKept({ n: 1 })).toBe(" 1 row from another source stays as it is.");
    expect(nl.othersKept({ n: 2 })).toBe(" 2 rijen uit andere bronnen blijven zoals ze zijn.");
  });

  it("say in English that the tables keep the contract's Dutch column names", () => {
    expect(en.loadDataHelp).toMatch(/The tables and their columns \(Indicator, Groep, Waarde, Status…\) keep the data contract's Dutch names in English too/);
    expect(nl.loadDataHelp).toBe(
      "Haalt de gekozen bron op en laat zien wat er in MonitorData verandert; pas na uw bevestiging worden de tabellen MonitorData, MonitorIndicatoren en MonitorBronnen op het blad Data geschreven. Uw eigen rijen en aanpassingen blijven staan.",
    );
  });

  it("give the CBS municipality field's example in the pane's language", () => {
    expect([nl.cbsAreaPlaceholder, en.cbsAreaPlaceholder]).toEqual(["bijv. Delft, Den Haag", "e.g. Delft, Den Haag"]);
  });

  it("name every label the page asks for by data-text, data-label or data-placeholder", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const html: string = require("fs").readFileSync(require("path").join(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
    const asked = [...html.matchAll(/data-(?:text|label|placeholder)="(\w+)"/g)].map((m) => m[1]);
    expect(asked).toContain("cbsAreaPlaceholder");
    expect(asked.length).toBeGreaterThan(30);
    for (const key of asked) expect({ key, type: typeof (en as Record<string, unknown>)[key] }).toEqual({ key, type: "string" });
  });
});
