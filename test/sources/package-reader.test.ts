import { readFileSync } from "fs";
import { join } from "path";
import { readPackage } from "../../src/sources/package-reader";
import { SourceError, sourceProblem } from "../../src/sources/types";
import { say, textOf } from "../../src/text/message";
import { SOURCES } from "../../src/text/sources";
import { problemText } from "../../src/text/problems";

/**
 * Reading a data package wherever its files are, given its descriptor and a way to read each
 * resource: here the shipped edition's files (data/leiden-2022), changed one thing at a time.
 */
const DIR = join(__dirname, "..", "..", "data", "leiden-2022");
const file = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const descriptorJson = () => JSON.parse(readFileSync(join(DIR, "datapackage.json"), "utf8"));
const bytesOf = (text: string) => new TextEncoder().encode(text);
const ORIGIN = "https://data.example.invalid/monitor/datapackage.json";
const read = async (path: string) => file(path);
const failed = async (result: ReturnType<typeof readPackage>, language: "nl" | "en" = "nl") => {
  const r = await result;
  if (r.ok) throw new Error("expected the package to be refused");
  return r.problems.map((p) => problemText(p, language));
};

describe("a web page where the descriptor should be", () => {
  const webPage = [`${ORIGIN} geeft een webpagina (HTML), geen datapackage.json. Wijs naar het bestand datapackage.json zelf.`];

  it("is said to be one when the server calls it HTML, whatever it holds", async () => {
    expect(await failed(readPackage({ bytes: bytesOf("Even geduld, u wordt doorgestuurd"), contentType: "text/html; charset=utf-8" }, read, ORIGIN))).toEqual(webPage);
  });

  it("is said to be one when it starts like HTML, whatever the server calls it", async () => {
    for (const page of ["<!DOCTYPE html><title>Inloggen</title>", "  \n<html><body>Inloggen</body></html>", "<HEAD></HEAD>", "<body>"]) {
      expect(await failed(readPackage({ bytes: bytesOf(page), contentType: "application/json" }, read, ORIGIN))).toEqual(webPage);
    }
    expect(await failed(readPackage({ bytes: bytesOf("<html>"), contentType: "" }, read, ORIGIN), "en")).toEqual([`${ORIGIN} returns a web page (HTML), not a datapackage.json. Point to the datapackage.json file itself.`]);
  });
});

describe("the package read", () => {
  it("asks for each resource by its path, says so, then checks them all", async () => {
    const asked: string[] = [];
    const progress: string[] = [];
    const result = await readPackage({ bytes: file("datapackage.json"), contentType: "application/json" }, async (path) => (asked.push(path), file(path)), ORIGIN, (m) => progress.push(textOf(m, "nl")));
    expect(result.ok).toBe(true);
    expect(asked).toEqual(["observations.csv", "indicators.csv", "sources.csv"]);
    expect(progress).toEqual(["MonitorData ophalen (observations.csv)…", "MonitorIndicatoren ophalen (indicators.csv)…", "MonitorBronnen ophalen (sources.csv)…", "Controleren…"]);
  });

  it("takes the edition's title, else its name, else where it came from", async () => {
    const titled = await readPackage({ bytes: file("datapackage.json") }, read, ORIGIN);
    expect(titled.ok && titled.value.edition.title).toBe("Monitor Internationalisering: Internationals in cijfers, Leiden 2022");
    const untitled = descriptorJson();
    delete untitled.title;
    const named = await readPackage({ bytes: bytesOf(JSON.stringify(untitled)) }, read, ORIGIN);
    expect(named.ok && named.value.edition.title).toBe("leiden-monitor-internationalisering-2022");
    delete untitled.name;
    const bare = await readPackage({ bytes: bytesOf(JSON.stringify(untitled)) }, read, ORIGIN);
    expect(bare.ok && bare.value.edition.title).toBe(ORIGIN);
  });

  it("refuses a resource that is not UTF-8, naming its table, and reads no further", async () => {
    const asked: string[] = [];
    const latin1 = new Uint8Array([...bytesOf("id,naam\nbrp,Caf"), 0xe9, ...bytesOf("\n")]);
    const messages = await failed(readPackage({ bytes: file("datapackage.json") }, async (path) => (asked.push(path), path === "indicators.csv" ? latin1 : file(path)), ORIGIN));
    expect(messages).toEqual([`MonitorIndicatoren: het bestand is geen UTF-8 (byte 0xE9 op regel 2); sla het in Excel op als "CSV UTF-8 (door komma's gescheiden)".`]);
    expect(asked).toEqual(["observations.csv", "indicators.csv"]);
  });

  it("returns a resource that cannot be read as problems, never as an exception", async () => {
    const gone = new SourceError([sourceProblem("sources.csv", say(SOURCES.cancelled))]);
    const messages = await failed(readPackage({ bytes: file("datapackage.json") }, async (path) => (path === "sources.csv" ? Promise.reject(gone) : file(path)), ORIGIN));
    expect(messages).toEqual(["Geannuleerd; er is niets veranderd."]);
  });
});

describe("what a refused descriptor's problem points at", () => {
  const refused = async (result: ReturnType<typeof readPackage>) => {
    const r = await result;
    if (r.ok) throw new Error("expected the descriptor to be refused");
    return r.problems.map((p) => ({ table: p.table, row: p.row, column: p.column, text: problemText(p, "en") }));
  };

  it("a web page is a problem of datapackage.json itself", async () => {
    expect(await refused(readPackage({ bytes: bytesOf("<html></html>"), contentType: "text/html" }, read, ORIGIN))).toEqual([
      { table: "datapackage.json", row: null, column: null, text: `${ORIGIN} returns a web page (HTML), not a datapackage.json. Point to the datapackage.json file itself.` },
    ]);
  });

  it("a descriptor that is not UTF-8 is named as datapackage.json", async () => {
    const latin1 = new Uint8Array([...bytesOf('{"name": "caf'), 0xe9, ...bytesOf('"}')]);
    const problems = await refused(readPackage({ bytes: latin1 }, read, ORIGIN));
    expect(problems).toHaveLength(1);
    expect(problems[0].table).toBe("datapackage.json");
    expect(problems[0].text).toMatch(/^datapackage\.json: /);
  });

  it("a descriptor that only mentions HTML later on is read as the JSON it is", async () => {
    const described = { ...descriptorJson(), description: "Tabellen voor Excel; geen <html> of <body> hier" };
    const result = await readPackage({ bytes: bytesOf(JSON.stringify(described)), contentType: "application/json" }, read, ORIGIN);
    expect(result.ok).toBe(true);
  });
});
