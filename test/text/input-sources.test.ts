import JSZip from "jszip";
import { MunicipalityNames } from "../../src/data/municipality-names";
import { getAll } from "../../src/sources/cbs/client";
import { fetchBytes } from "../../src/sources/fetch-bytes";
import { pullFromFile } from "../../src/sources/file-source";
import { SourceError } from "../../src/sources/types";
import { pullFromUrl } from "../../src/sources/url-source";
import { pullFromZip } from "../../src/sources/zip-source";
import { CBS } from "../../src/text/cbs";
import { AnyMessage, say, textsOf } from "../../src/text/message";
import { SOURCES } from "../../src/text/sources";
import { problemList, problemText } from "../../src/text/problems";
import { problemsWithObservations, shippedPackage } from "../support/fixtures";
import { asRead } from "../support/texts";

/**
 * The problems and progress of input and sources, read in both languages: the Dutch as it has
 * always read, the English as English. Every expected text is written out here.
 */
const WAARDE = 6;

describe("a problem of the input in Dutch and in English", () => {
  it("a validation problem names its table, row and column in the reader's language", () => {
    const problems = problemsWithObservations((cells) => (cells[5][WAARDE] = "veel"));
    expect(asRead(problems, "nl")).toEqual([{ table: "MonitorData", row: 5, column: "Waarde", message: "MonitorData rij 5, kolom Waarde: 'veel' is geen getal (gebruik een punt als decimaalteken)." }]);
    expect(asRead(problems, "en")).toEqual([{ table: "MonitorData", row: 5, column: "Waarde", message: "MonitorData row 5, column Waarde: 'veel' is not a number (use a point as the decimal separator)." }]);
    expect(problemList(problems, "en")).toBe("- MonitorData row 5, column Waarde: 'veel' is not a number (use a point as the decimal separator).");
  });

  it("a count with a thousands dot says what was probably meant", () => {
    const problems = problemsWithObservations((cells) => (cells[3][WAARDE] = "110.565"));
    expect(problemText(problems[0], "en")).toBe("MonitorData row 3, column Waarde: a count (aantal) is a whole number, not 110.565. Probably meant: 110565 (a point as the thousands separator).");
  });

  it("an unknown municipality comes with a suggestion", () => {
    const names = MunicipalityNames.fromRegions([
      { key: "GM0546", title: "Leiden" },
      { key: "GM0518", title: "'s-Gravenhage (gemeente)" },
    ]);
    const resolved = names.resolveAll(["Leidn"], "85644NED");
    expect(resolved.ok).toBe(false);
    if (resolved.ok) return;
    expect(textsOf(resolved.messages[0])).toEqual({
      nl: "Onbekende gemeente 'Leidn' in CBS-tabel 85644NED. Bedoelt u 'Leiden'?",
      en: "Unknown municipality 'Leidn' in CBS table 85644NED. Did you mean 'Leiden'?",
    });
  });
});

describe("a problem of a source in Dutch and in English", () => {
  it("a CBS server that ignores $top is refused", async () => {
    const page = JSON.stringify({ value: [{ Key: "A", Title: "a" }, { Key: "B", Title: "b" }, { Key: "C", Title: "c" }] });
    const fetch = async () => new Response(page, { status: 200, headers: { "Content-Type": "application/json" } });
    const error = await getAll("85644NED", "RegioS", { select: ["Key", "Title"] }, { baseUrl: "http://cbs.invalid/odata", fetch, maxCells: 4 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(textsOf((error as SourceError).problems[0].message)).toEqual({
      nl: "CBS gaf voor RegioS van CBS-tabel 85644NED 3 rijen op één pagina terwijl er ten hoogste 2 gevraagd waren; de server negeert $top. Er is niets geschreven.",
      en: "CBS gave 3 rows on one page for RegioS of CBS table 85644NED while at most 2 were asked for; the server ignores $top. Nothing was written.",
    });
  });

  it("a server that does not answer in time", async () => {
    // Answers only by failing once the request is aborted, as a fetch does when its signal fires.
    const hanging = (_url: string, init?: RequestInit) => new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(new Error("aborted"))));
    const error = await fetchBytes("http://slow.invalid/datapackage.json", { fetch: hanging, timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).retryable).toBe(true);
    expect(textsOf((error as SourceError).problems[0].message)).toEqual({
      nl: "slow.invalid antwoordde niet binnen 0,2 seconden; probeer het later opnieuw.",
      en: "slow.invalid did not answer within 0.2 seconds; try again later.",
    });
  });

  it("a file named .zip that is no zip, and a zip over the limit for one file", async () => {
    const notZip = await pullFromFile("cijfers.zip", new TextEncoder().encode("Onderwerp,Indicator\n"), shippedPackage());
    expect(!notZip.ok && notZip.problems.map((p) => textsOf(p.message))).toEqual([
      { nl: "cijfers.zip is geen zip-bestand (het begint niet zoals een zip).", en: "cijfers.zip is not a zip file (it does not begin the way a zip does)." },
    ]);
    const zip = new JSZip();
    zip.file("datapackage.json", "x".repeat(1_600_000));
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "STORE" });
    const limits = { responseBytes: 1024 * 1024, fileBytes: 1024 * 1024, archiveEntryBytes: 1024 * 1024, archiveBytes: 2 * 1024 * 1024 };
    const large = await pullFromZip("editie.zip", bytes, undefined, limits);
    expect(!large.ok && large.problems.map((p) => textsOf(p.message))).toEqual([
      {
        nl: "editie.zip is groter dan 1 MB (1,5 MB), de grens voor één bestand; er is niets gelezen of veranderd.",
        en: "editie.zip is larger than 1 MB (1.5 MB), the limit for one file; nothing was read or changed.",
      },
    ]);
  });

  it("says each step while it fetches, and an HTTP error with what it means", async () => {
    const steps: AnyMessage[] = [];
    const fetch = async () => new Response("gone", { status: 404, statusText: "Not Found" });
    const result = await pullFromUrl("https://data.example.org/editie/datapackage.json", { fetch, onProgress: (step) => steps.push(step) });
    expect(steps.map(textsOf)).toEqual([{ nl: "datapackage.json ophalen bij data.example.org…", en: "Fetching datapackage.json from data.example.org…" }]);
    expect(!result.ok && asRead(result.problems, "en")).toEqual([
      {
        table: "https://data.example.org/editie/datapackage.json",
        row: null,
        column: null,
        message: "https://data.example.org/editie/datapackage.json answered HTTP 404 Not Found: that file does not exist (any more) on the server; is the address right?",
      },
    ]);
    expect(!result.ok && problemText(result.problems[0], "nl")).toBe(
      "https://data.example.org/editie/datapackage.json gaf HTTP 404 Not Found: dat bestand bestaat (niet meer) op de server; klopt het adres?",
    );
  });
});

describe("the number of attempts agrees with its noun", () => {
  const gave503 = say(SOURCES.unreachable, { host: "cbs.example" });
  it("one attempt is 'poging' and 'attempt', more are 'pogingen' and 'attempts'", () => {
    expect(textsOf(say(CBS.afterAttempts, { cause: gave503, attempts: 1 }))).toEqual({
      nl: `${textsOf(gave503).nl} (na 1 poging) Er is niets geschreven.`,
      en: `${textsOf(gave503).en} (after 1 attempt) Nothing was written.`,
    });
    expect(textsOf(say(CBS.afterAttempts, { cause: gave503, attempts: 4 }))).toEqual({
      nl: `${textsOf(gave503).nl} (na 4 pogingen) Er is niets geschreven.`,
      en: `${textsOf(gave503).en} (after 4 attempts) Nothing was written.`,
    });
  });
});
