import { loadedFunctions, PENDING } from "../support/custom-functions-fake";
import { csvRows, shippedObservationCells, shippedTexts, shippedPackage } from "../support/fixtures";
import { INPUT } from "../../src/text/input";
import { say } from "../../src/text/message";
import { PackageTables, parsePackageTables } from "../../src/data/package";
import { MonitorQueries } from "../../src/data/queries";
import { MonitorStore } from "../../src/data/store";

/** A problem as the validator makes it: MonitorData rij 3, kolom Groep, empty. */
const emptyGroup = { table: "MonitorData", row: 3, column: "Groep", message: say(INPUT.inCell, { table: "MonitorData", row: 3, column: "Groep", problem: say(INPUT.empty) }) };

const { functions: associated, api, formula, call } = loadedFunctions();

/**
 * The workbook's three tables as the pane hands them over (src/taskpane/functions-link.ts): read
 * and validated on the pane's side, then the store built from them, or their problems.
 */
function setData(tables: PackageTables) {
  const result = parsePackageTables(tables);
  if (!result.ok) {
    api.setProblems(result.problems);
    return result;
  }
  api.useQueries(new MonitorQueries(new MonitorStore(result.value)));
  return { ok: true as const, figures: result.value.observations.length };
}

beforeEach(() => api.resetData(shippedPackage()));
afterEach(() => {
  api.resetData(shippedPackage());
  api.setMessageLanguage("nl");
});

describe("registration", () => {
  it("associates every English and Dutch id", () => {
    expect([...associated.keys()].sort()).toEqual(["AANDEEL", "AANTAL", "BRON", "COUNT", "GROEI", "GROWTH", "INDICATOREN", "INDICATORS", "REEKS", "SERIES", "SHARE", "SOURCE", "TEKST", "TEXT", "TOP", "VALUE", "WAARDE"]);
  });
});

describe("the examples of DESIGN.md, under both names", () => {
  it.each([
    [["VALUE", "WAARDE"], ["vestiging", 2021], 4049],
    [["VALUE", "WAARDE"], ["kinderen", 2022, null, "0-3"], 446],
    [["COUNT", "AANTAL"], ["Italiaans", 2022], 1253],
    [["SHARE", "AANDEEL"], ["Italiaans", 2022], 1253 / 14472],
    [["GROWTH", "GROEI"], ["Italiaans", 2012, 2022], 0.88],
    [["SOURCE", "BRON"], ["inwoners", 2022, "Italiaans"], "BRP, gemeente Leiden, peildatum 1 januari 2022"],
  ] as [string[], unknown[], unknown][])("%j %j → %p", (ids, args, expected) => {
    for (const id of ids) expect(call(id, ...args)).toEqual(expected);
  });

  it("SERIES/REEKS spill ten rows of vertrek", () => {
    for (const id of ["SERIES", "REEKS"]) {
      const rows = call(id, "vertrek") as unknown[][];
      expect(rows).toHaveLength(10);
      expect(rows[4]).toEqual(["2016", 3003]);
    }
  });

  it("TOP spills the three largest nationalities", () => {
    expect(call("TOP", 3, 2022)).toEqual([["Italiaans", 1253], ["Duits", 1162], ["Pools", 1002]]);
  });

  it("TEXT/TEKST give a sentence with Dutch number format, or English", () => {
    expect(call("TEKST", "aandeel", 2022)).toBe("Op 1 januari 2022 had 11,6% van de inwoners van Leiden een buitenlandse nationaliteit (bron: BRP, gemeente Leiden).");
    expect(call("TEXT", "inwoners", "2022", "Italian", "en")).toBe("On 1 January 2022, Leiden had 1,253 inhabitants with Italian nationality (source: BRP, municipality of Leiden).");
  });

  it("INDICATORS lists the catalogue in English, INDICATOREN in Dutch", () => {
    const en = call("INDICATORS") as string[][];
    const nl = call("INDICATOREN") as string[][];
    expect(en.find((r) => r[0] === "vestiging")?.[1]).toBe("Settlement in Leiden");
    expect(nl.find((r) => r[0] === "vestiging")?.[1]).toBe("Vestiging in Leiden");
    expect(nl).toHaveLength(22);
  });
});

describe("names and periods are forgiving", () => {
  it.each([
    ["COUNT", ["italian", 2022]],
    ["COUNT", [" ITALIË ", "2022"]],
    ["COUNT", ["IT", 2022]],
    ["AANTAL", ["Italiaans", "2022"]],
  ])("%s %j", (id, args) => {
    expect(call(id, ...args)).toBe(1253);
  });

  it("accepts study years as text", () => {
    expect(call("VALUE", "students", "2021/2022")).toBe(0.184);
  });

  it("accepts English aliases for groups in SHARE's denominator", () => {
    expect(call("SHARE", "Italian", 2022, "inhabitants")).toBe(1253 / 125037);
  });
});

describe("errors: #VALUE! for wrong input, #N/A for a missing figure, with a message", () => {
  it("suggests the nearest group", () => {
    expect(call("AANDEEL", "Italiaanss", 2022)).toEqual({ error: "#VALUE!", message: "Onbekende groep 'Italiaanss'. Bedoelt u 'Italiaans'?" });
  });

  it("names the periods that exist", () => {
    expect(call("COUNT", "Italiaans", 1999)).toEqual({ error: "#N/A", message: "Geen cijfer voor het aantal Italiaans in 1999; beschikbaar: 2022." });
  });

  it.each([
    ["TOP", [-1, 2022], "#VALUE!", /'n' moet een geheel getal vanaf 1 zijn, niet '-1'/],
    ["TOP", [2.5, 2022], "#VALUE!", /geheel getal/],
    ["TOP", [true, 2022], "#VALUE!", /niet WAAR/],
    ["COUNT", [null, 2022], "#VALUE!", /Argument 'groep' ontbreekt/],
    ["COUNT", ["Italiaans", "vorig jaar"], "#VALUE!", /^Ongeldige periode 'vorig jaar' in argument 'jaar': gebruik een jaar/],
    ["COUNT", [[["Italiaans"]], 2022], "#VALUE!", /moet tekst zijn, niet een bereik/],
    ["COUNT", ["Italiaans", 2022, "Amsterdm"], "#VALUE!", /Onbekend gebied 'Amsterdm'/],
    ["VALUE", ["kinderen", 2022, null, "0-4"], "#VALUE!", /Onbekende leeftijdsgroep '0-4'/],
    ["VALUE", ["vestiging", 2011], "#N/A", /beschikbaar: 2012, 2013.*2021/],
    ["GROWTH", ["Italiaans", 2013, 2022], "#N/A", /Geen groei voor Italiaans van 2013 tot 2022/],
    ["SERIES", ["woonduur"], "#VALUE!", /Geef een groep voor 'woonduur'/],
    ["TEXT", ["inwoners", 2022, null, "fr"], "#VALUE!", /Onbekende taal 'fr'/],
    ["TOP", [3, 2021], "#N/A", /beschikbaar: 2022/],
  ])("%s %j → %s", (id, args, code, message) => {
    const result = call(id, ...args) as { error: string; message: string };
    expect(result.error).toBe(code);
    expect(result.message).toMatch(message);
  });

  it("quotes a number the user typed in the reader's notation: 2,5 in Dutch, 2.5 in English", () => {
    expect(call("TOP", 2.5, 2022)).toEqual({ error: "#VALUE!", message: "Argument 'n' moet een geheel getal vanaf 1 zijn, niet '2,5'." });
    expect(call("AANTAL", "Italiaans", 2022.5)).toMatchObject({ error: "#VALUE!", message: expect.stringMatching(/^Ongeldige periode '2022,5' in argument 'jaar': /) });
    expect(call("TOP", -1234.5, 2022)).toMatchObject({ message: expect.stringMatching(/niet '-1234,5'\.$/) });
    api.setMessageLanguage("en");
    expect(call("TOP", 2.5, 2022)).toEqual({ error: "#VALUE!", message: "Argument 'n' must be a whole number of at least 1, not '2.5'." });
    expect(call("AANTAL", "Italiaans", 2022.5)).toMatchObject({ error: "#VALUE!", message: expect.stringMatching(/^Invalid period '2022\.5' in argument 'year': /) });
    expect(call("TOP", -1234.5, 2022)).toMatchObject({ message: expect.stringMatching(/not '-1234\.5'\.$/) });
  });

  it("never returns 0 for missing data", () => {
    expect(call("COUNT", "Overig", 2012)).toMatchObject({ error: "#N/A" });
  });

  it("speaks English when the pane is English", () => {
    api.setMessageLanguage("en");
    expect(call("SHARE", "Italiaanss", 2022)).toEqual({ error: "#VALUE!", message: "Unknown group 'Italiaanss'. Did you mean 'Italian'?" });
  });

  it("names the arguments by their English names in English, and the periods that exist", () => {
    api.setMessageLanguage("en");
    expect(call("COUNT", null, 2022)).toEqual({ error: "#VALUE!", message: "Argument 'group' is missing." });
    expect(call("AANTAL", "Italiaans", "vorig jaar")).toEqual({
      error: "#VALUE!",
      message: "Invalid period 'vorig jaar' in argument 'year': use a year (2022), a study year (\"2021/2022\") or a span (\"2011-2020\").",
    });
    expect(call("TOP", true, 2022)).toEqual({ error: "#VALUE!", message: "Argument 'n' must be a whole number of at least 1, not TRUE." });
    expect(call("TEXT", "inwoners", 2022, null, "fr")).toEqual({ error: "#VALUE!", message: "Unknown language 'fr': use \"nl\" or \"en\"." });
    expect(call("COUNT", "Italiaans", 1999)).toEqual({ error: "#N/A", message: "No figure for the count of Italian in 1999; available: 2022." });
    expect(call("VALUE", "kinderen", 2021, null, "0-3")).toMatchObject({ error: "#N/A", message: expect.stringMatching(/^No figure for 'kinderen', foreign nationality, 0-3 years in 2021; available: 2022\.$/) });
  });
});

describe("the workbook's own tables", () => {
  const tables = (observations: string[][], change?: (t: { indicators: string[][]; sources: string[][] }) => void) => {
    const texts = shippedTexts();
    const rest = { indicators: csvRows(texts.indicators), sources: csvRows(texts.sources) };
    change?.(rest);
    return { observations, ...rest };
  };

  it("replace the data, so corrections and added rows are what formulas return", () => {
    const cells = shippedObservationCells();
    const italian = cells.findIndex((r) => r[1] === "inwoners" && r[3] === "Italiaans");
    cells[italian][6] = "1260";
    cells.push(["Bevolking", "inwoners", "Leiden", "Turks", "", "2022", "391", "aantal", "BRP", "2022-01-01", "gerapporteerd", "", "Toegevoegd door analist"]);
    expect(setData(tables(cells))).toEqual({ ok: true, figures: 113 });
    expect(call("COUNT", "Italiaans", 2022)).toBe(1260);
    expect(call("COUNT", "Turks", 2022)).toBe(391);
    expect(call("TOP", 1, 2022)).toEqual([["Italiaans", 1260]]);
  });

  it("are followed together: an added indicator and a corrected citation reach the functions", () => {
    const cells = shippedObservationCells();
    cells[cells.findIndex((r) => r[1] === "inwoners" && r[3] === "Italiaans")][6] = "1300";
    cells.push(["Bevolking", "verhuizingen", "Leiden", "inwoners", "", "2022", "5000", "aantal", "BRP", "2022-01-01", "gerapporteerd", "", ""]);
    const result = setData(
      tables(cells, (t) => {
        t.indicators.push(["verhuizingen", "Verhuizingen", "Moves", "aantal", "inwoners", "Verhuizingen binnen Leiden.", "BRP"]);
        const brp = t.sources.findIndex((r) => r[0] === "BRP");
        t.sources[brp][2] = "BRP, gemeente Leiden (gecorrigeerd)";
      }),
    );
    expect(result).toEqual({ ok: true, figures: 113 });
    expect(call("COUNT", "Italiaans", 2022)).toBe(1300);
    expect(call("VALUE", "verhuizingen", 2022)).toBe(5000);
    expect(call("SOURCE", "inwoners", 2022)).toMatch(/^BRP, gemeente Leiden \(gecorrigeerd\)/);
  });

  it("with a problem make every function answer #N/A naming it, never the shipped edition's figure", () => {
    const cells = shippedObservationCells();
    cells[9][6] = "veel";
    const result = setData(tables(cells));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ row: 9, column: "Waarde" });
    const answer = call("COUNT", "Italiaans", 2022);
    expect(answer).toMatchObject({ error: "#N/A" });
    expect((answer as { message: string }).message).toMatch(/taakvenster.*MonitorData rij 9, kolom Waarde/);
    api.setMessageLanguage("en");
    expect(call("COUNT", "Italiaans", 2022)).toEqual({
      error: "#N/A",
      message: "The workbook's monitor tables have problems; see the task pane. MonitorData row 9, column Waarde: 'veel' is not a number (use a point as the decimal separator).",
    });
    api.setMessageLanguage("nl");
    api.resetData(shippedPackage());
    expect(call("COUNT", "Italiaans", 2022)).toBe(1253);
  });

  it("found invalid by the pane stop the functions too", () => {
    api.setProblems([emptyGroup]);
    expect(call("SHARE", "Italiaans", 2022)).toMatchObject({ error: "#N/A", message: expect.stringMatching(/rij 3, kolom Groep/) });
  });
});

describe("formulas follow the data without Excel recalculating them", () => {
  const withItalians = (count: string) => {
    const cells = shippedObservationCells();
    cells[cells.findIndex((r) => r[1] === "inwoners" && r[3] === "Italiaans")][6] = count;
    const texts = shippedTexts();
    return { observations: cells, indicators: csvRows(texts.indicators), sources: csvRows(texts.sources) };
  };

  it("wait (pending) until the workbook's tables have been read, and never answer from the shipped edition meanwhile", () => {
    api.forgetData();
    const cell = formula("AANTAL", "Italiaans", 2022, null);
    expect(cell.current).toEqual(PENDING);
    setData(withItalians("1300"));
    expect(cell.results).toEqual([1300]);
  });

  it("get a new answer pushed when a figure they show changes, and nothing when it does not", () => {
    const italians = formula("AANTAL", "Italiaans", 2022, null);
    const germans = formula("COUNT", "Duits", 2022, null);
    const top = formula("TOP", 2, 2022, null);
    expect([italians.current, germans.current]).toEqual([1253, 1162]);
    setData(withItalians("1260"));
    expect(italians.results).toEqual([1253, 1260]);
    expect(germans.results).toEqual([1162]); // Duits did not change: no new result sent
    expect(top.results).toEqual([[["Italiaans", 1253], ["Duits", 1162]], [["Italiaans", 1260], ["Duits", 1162]]]);
    setData(withItalians("1260"));
    expect(italians.results).toHaveLength(2);
  });

  it("turn into #N/A naming the problem when the tables become invalid, and back", () => {
    const cell = formula("AANTAL", "Italiaans", 2022, null);
    api.setProblems([emptyGroup]);
    expect(cell.current).toMatchObject({ error: "#N/A", message: expect.stringMatching(/rij 3, kolom Groep/) });
    api.resetData(shippedPackage());
    expect(cell.current).toBe(1253);
  });

  it("stop being answered once Excel cancels them (the formula was edited or cleared)", () => {
    const before = api.liveCount();
    const cell = formula("AANTAL", "Italiaans", 2022, null);
    expect(api.liveCount()).toBe(before + 1);
    cell.cancel();
    expect(api.liveCount()).toBe(before);
    setData(withItalians("1400"));
    expect(cell.results).toEqual([1253]);
  });
});

describe("a store built by the pane's bundle (the shared runtime)", () => {
  it("still turns its errors into #N/A and #VALUE! with their messages, though its error class is another copy", () => {
    class MonitorError extends Error {
      constructor(
        readonly kind: "value" | "na",
        readonly messages: { nl: string; en: string },
      ) {
        super(messages.nl);
        this.name = "MonitorError";
      }
      text(language: "nl" | "en") {
        return this.messages[language];
      }
    }
    const queries = {
      count: () => {
        throw new MonitorError("na", { nl: "Geen cijfer voor het aantal Italiaans in 1990.", en: "No figure for the count of Italiaans in 1990." });
      },
    };
    api.useQueries(queries as never);
    expect(call("AANTAL", "Italiaans", 1990)).toEqual({ error: "#N/A", message: "Geen cijfer voor het aantal Italiaans in 1990." });
  });
});

describe("the API the pane calls", () => {
  it("is what the pane's side expects of it", () => {
    const expected: import("../../src/taskpane/functions-link").FunctionsApi = api;
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(["useQueries", "storeUpdated", "setProblems", "resetData", "setMessageLanguage"]));
  });
});
