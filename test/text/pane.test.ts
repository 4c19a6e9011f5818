import { bookTexts, paneTexts } from "../../src/taskpane/i18n";
import { PANE_OUTCOMES } from "../../src/text/outcomes";

/** The pane's texts as it renders them, in each language (literal expectations). */
describe("the pane's texts", () => {
  const nl = paneTexts("nl");
  const en = paneTexts("en");
  // What the pane says once a pull or Regenerate has written (loaded with them, apart from the rest).
  const nlOutcome = bookTexts(PANE_OUTCOMES, "nl");
  const enOutcome = bookTexts(PANE_OUTCOMES, "en");

  it("are labels without parameters, in the pane's language", () => {
    expect([nl.loadData, en.loadData]).toEqual(["Ophalen en vergelijken", "Get and compare"]);
    expect([nl.regenerate, en.regenerate]).toEqual(["Bladen en grafieken opnieuw opbouwen", "Regenerate sheets & charts"]);
  });

  it("say a figure's Status in the reader's words: the contract's Dutch value, its meaning in English", () => {
    expect([nl.statusValue({ status: "gerapporteerd" }), en.statusValue({ status: "gerapporteerd" })]).toEqual(["gerapporteerd", "reported"]);
    expect([nl.statusValue({ status: "afgeleid" }), en.statusValue({ status: "afgeleid" })]).toEqual(["afgeleid", "derived"]);
  });

  it("say all pulled figures are in MonitorData only when none of them stays deleted, even when MonitorData holds as many", () => {
    // 10 pulled, the analyst's deleted 1 stays deleted, and 1 figure of another source makes MonitorData 10 again.
    const parts = { added: 0, already: 9, changed: 0, stayDeleted: 1 };
    expect(nlOutcome.pulled({ n: 10, title: "Monitor 2023", total: 10, parts })).toBe("10 cijfers van 'Monitor 2023' opgehaald: 9 stonden er al, 1 door u verwijderd, blijft weg; MonitorData heeft er nu 10.");
    expect(enOutcome.pulled({ n: 10, title: "Monitor 2023", total: 10, parts })).toBe("Pulled 10 figures of 'Monitor 2023': 9 already there, 1 you deleted, which stays deleted; MonitorData now holds 10.");
    // Without the parts the pane cannot tell, and says only what it knows.
    expect(enOutcome.pulled({ n: 10, title: "Monitor 2023", total: 10 })).toBe("Pulled 10 figures of 'Monitor 2023'; MonitorData now holds 10.");
  });

  it("say one figure in the singular", () => {
    expect(enOutcome.pulled({ n: 1, title: "CBS StatLine", total: 5 })).toBe("Pulled 1 figure of 'CBS StatLine'; MonitorData now holds 5.");
    expect(nlOutcome.pulled({ n: 1, title: "CBS StatLine", total: 5 })).toBe("1 cijfer van 'CBS StatLine' opgehaald; MonitorData heeft er nu 5.");
    const one = { added: 1, already: 0, changed: 0, stayDeleted: 0 };
    expect(enOutcome.pulled({ n: 1, title: "CBS StatLine", total: 1, parts: one })).toBe("1 figure of 'CBS StatLine' is in MonitorData.");
    expect(nlOutcome.pulled({ n: 1, title: "CBS StatLine", total: 1, parts: one })).toBe("1 cijfer van 'CBS StatLine' staat in MonitorData.");
  });

  it("count in each language's notation and agree with the count", () => {
    const allNew = { added: 1253, already: 0, changed: 0, stayDeleted: 0 };
    expect(nlOutcome.pulled({ n: 1253, title: "Monitor 2023", total: 1253, parts: allNew })).toBe("1.253 cijfers van 'Monitor 2023' staan in MonitorData.");
    expect(enOutcome.pulled({ n: 1253, title: "Monitor 2023", total: 1253, parts: allNew })).toBe("1,253 figures of 'Monitor 2023' are in MonitorData.");
    // A CBS pull beside the edition: the pull is credited only with what it delivered.
    expect(nlOutcome.pulled({ n: 154, title: "CBS StatLine", total: 1266 })).toBe("154 cijfers van 'CBS StatLine' opgehaald; MonitorData heeft er nu 1.266.");
    expect(enOutcome.pulled({ n: 154, title: "CBS StatLine", total: 1266 })).toBe("Pulled 154 figures of 'CBS StatLine'; MonitorData now holds 1,266.");
    // Why the table grew by fewer rows than were pulled: the parts, from the comparison.
    const parts = { added: 154, already: 14, changed: 2, stayDeleted: 0 };
    expect(nlOutcome.pulled({ n: 168, title: "CBS StatLine", total: 266, parts })).toBe("168 cijfers van 'CBS StatLine' opgehaald: 154 nieuw, 14 stonden er al (waarvan 2 gewijzigd); MonitorData heeft er nu 266.");
    expect(enOutcome.pulled({ n: 168, title: "CBS StatLine", total: 266, parts })).toBe("Pulled 168 figures of 'CBS StatLine': 154 new, 14 already there (2 of them changed); MonitorData now holds 266.");
    const deleted = { added: 1160, already: 1, changed: 0, stayDeleted: 1 };
    expect(nlOutcome.pulled({ n: 1162, title: "Monitor 2023", total: 1270, parts: deleted })).toBe("1.162 cijfers van 'Monitor 2023' opgehaald: 1.160 nieuw, 1 stond er al, 1 door u verwijderd, blijft weg; MonitorData heeft er nu 1.270.");
    expect(enOutcome.pulled({ n: 1162, title: "Monitor 2023", total: 1270, parts: deleted })).toBe("Pulled 1,162 figures of 'Monitor 2023': 1,160 new, 1 already there, 1 you deleted, which stays deleted; MonitorData now holds 1,270.");
    // All new (the table held other figures): nothing to explain beyond the total.
    expect(enOutcome.pulled({ n: 154, title: "CBS StatLine", total: 1266, parts: { added: 154, already: 0, changed: 0, stayDeleted: 0 } })).toBe("Pulled 154 figures of 'CBS StatLine'; MonitorData now holds 1,266.");
    // Parts that do not add up to the figures pulled are not shown (never a sum that does not hold).
    expect(enOutcome.pulled({ n: 168, title: "CBS StatLine", total: 266, parts: { ...parts, added: 150 } })).toBe("Pulled 168 figures of 'CBS StatLine'; MonitorData now holds 266.");
    expect(enOutcome.summary({ built: 1, updated: 0, charts: 1 })).toBe("1 sheet built with 1 chart.");
    expect(nlOutcome.summary({ built: 11, updated: 0, charts: 21 })).toBe("11 bladen opgebouwd met 21 grafieken.");
    // A second Regenerate brings the sheets up to date in place: it says so, not "built".
    expect(nlOutcome.summary({ built: 0, updated: 11, charts: 21 })).toBe("11 bladen bijgewerkt, met 21 grafieken.");
    expect(enOutcome.summary({ built: 0, updated: 11, charts: 21 })).toBe("11 sheets updated, with 21 charts.");
    expect(nlOutcome.summary({ built: 1, updated: 10, charts: 21 })).toBe("1 blad opgebouwd en 10 bijgewerkt, met 21 grafieken.");
    expect(enOutcome.summary({ built: 2, updated: 1, charts: 1 })).toBe("2 sheets built and 1 updated, with 1 chart.");
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
