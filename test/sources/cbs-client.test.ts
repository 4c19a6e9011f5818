import { CbsOptions, getAll } from "../../src/sources/cbs/client";
import { SourceError } from "../../src/sources/types";
import { textOf } from "../../src/text/message";
import { problemText } from "../../src/text/problems";

/**
 * The CBS client's own decisions, one request at a time: how large a page it asks for, how it
 * pages on, what it takes from an answer and what it refuses (with the message a user reads),
 * and how it waits between retries. The answers are written here, in the shape of CBS's OData v3
 * envelope (../shared/cbs/README.md), and served by an injected fetch; the CBS stand-in
 * (cbs-server.ts) covers whole pulls over HTTP.
 */
const BASE = "http://cbs.invalid/ODataApi/odata";
const ENTITY_URL = `${BASE}/T1/RegioS`;

type Answer = { status?: number; body: unknown };
/** A fetch that answers each request with the next of `answers` (the last one again when they run out), and records the URLs. */
function scripted(...answers: Answer[]) {
  const asked: URL[] = [];
  const fetch = async (input: string) => {
    asked.push(new URL(input));
    const { status = 200, body } = answers[Math.min(asked.length - 1, answers.length - 1)];
    return new Response(typeof body === "string" ? body : body instanceof Uint8Array ? new Blob([body as Uint8Array<ArrayBuffer>]) : JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  };
  return { asked, options: (extra: Partial<CbsOptions> = {}): CbsOptions => ({ baseUrl: BASE, fetch, retryDelayMs: 1, ...extra }) };
}
const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ Key: `K${from + i}`, Title: `Gebied ${from + i}` }));
/** The refusal's messages as a user reads them, in Dutch (the default) or English. */
const refusal = (promise: Promise<unknown>, language: "nl" | "en" = "nl") =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => {
      if (!(error instanceof SourceError)) throw error;
      return error.problems.map((p) => problemText(p, language));
    },
  );

describe("the pages the CBS client asks for", () => {
  it("asks for as many rows as 10,000 cells hold, counting the selected columns, never more however many cells a caller allows", async () => {
    const { asked, options } = scripted({ body: { value: rows(3) } });
    await getAll("T1", "RegioS", { select: ["Key", "Title", "Description", "CategoryGroupID"] }, options({ maxCells: 50_000 }));
    expect(asked[0].searchParams.get("$top")).toBe("2500");
    await getAll("T1", "RegioS", { select: ["Key", "Title", "Description", "CategoryGroupID"] }, options({ maxCells: 400 }));
    expect(asked[1].searchParams.get("$top")).toBe("100");
    // Without $select CBS sends every column: counted as 8.
    await getAll("T1", "RegioS", {}, options());
    expect(asked[2].searchParams.get("$top")).toBe("1250");
    expect(asked[2].searchParams.has("$select")).toBe(false);
  });

  it("sends the filter and the columns as asked, spaces as %20, and asks the first page without $skip", async () => {
    const { asked, options } = scripted({ body: { value: rows(2) } });
    await getAll("T1", "RegioS", { filter: "Key eq 'GM0546    '", select: ["Key", "Title"] }, options());
    expect(asked).toHaveLength(1);
    expect(`${asked[0].origin}${asked[0].pathname}`).toBe(ENTITY_URL);
    expect(asked[0].search).toContain("%24filter=Key%20eq%20%27GM0546%20%20%20%20%27");
    expect(asked[0].searchParams.get("$select")).toBe("Key,Title");
    expect(asked[0].searchParams.get("$format")).toBe("json");
    expect(asked[0].searchParams.has("$skip")).toBe(false);
  });

  it("pages on with $skip after a full page and stops at a shorter one, all rows in order", async () => {
    const { asked, options } = scripted({ body: { value: rows(2) } }, { body: { value: rows(2, 2) } }, { body: { value: rows(1, 4) } });
    const got = await getAll("T1", "RegioS", { select: ["Key", "Title"] }, options({ maxCells: 4 }));
    expect(got.map((r) => r.Key)).toEqual(["K0", "K1", "K2", "K3", "K4"]);
    expect(asked.map((u) => u.searchParams.get("$skip"))).toEqual([null, "2", "4"]);
  });

  it("stops at an empty page", async () => {
    const { asked, options } = scripted({ body: { value: rows(2) } }, { body: { value: [] } });
    expect(await getAll("T1", "RegioS", { select: ["Key", "Title"] }, options({ maxCells: 4 }))).toHaveLength(2);
    expect(asked).toHaveLength(2);
  });

  it("stops at an empty page even when it carries a nextLink (a server that hands out empty pages forever)", async () => {
    const { asked, options } = scripted({ body: { value: rows(1), "odata.nextLink": `${ENTITY_URL}?$skiptoken=K0` } }, { body: { value: [], "odata.nextLink": `${ENTITY_URL}?$skiptoken=K0` } });
    expect(await getAll("T1", "RegioS", { select: ["Key", "Title"] }, options())).toHaveLength(1);
    expect(asked).toHaveLength(2);
  });

  it("asks no further once it has as many rows as CBS counted, even after a full page", async () => {
    const { asked, options } = scripted({ body: { "odata.count": "2", value: rows(2) } });
    expect(await getAll("T1", "RegioS", { select: ["Key", "Title"] }, options({ maxCells: 4 }))).toHaveLength(2);
    expect(asked).toHaveLength(1);
  });

  it("follows a nextLink on the same address, adding $format=json when the link has none", async () => {
    const { asked, options } = scripted({ body: { value: rows(1), "odata.nextLink": `${ENTITY_URL}?$skiptoken=K0` } }, { body: { value: rows(1, 1) } });
    const got = await getAll("T1", "RegioS", { select: ["Key", "Title"] }, options());
    expect(got.map((r) => r.Key)).toEqual(["K0", "K1"]);
    expect(asked[1].searchParams.get("$skiptoken")).toBe("K0");
    expect(asked[1].searchParams.get("$format")).toBe("json");
  });

  it("asks JSON of a nextLink that asks for another format (Atom, OData v3's default), as only JSON is read", async () => {
    const { asked, options } = scripted({ body: { value: rows(1), "odata.nextLink": `${ENTITY_URL}?$skiptoken=K0&$format=atom` } }, { body: { value: rows(1, 1) } });
    expect((await getAll("T1", "RegioS", { select: ["Key", "Title"] }, options())).map((r) => r.Key)).toEqual(["K0", "K1"]);
    expect(asked[1].searchParams.getAll("$format")).toEqual(["json"]);
  });

  it("takes a page that starts with the same row as the one before but ends otherwise: a new page, not the same one again", async () => {
    const first = { Key: "K0", Title: "Gebied 0" };
    const { options } = scripted({ body: { value: [first, ...rows(1, 1)] } }, { body: { value: [first, ...rows(1, 2)] } }, { body: { value: [] } });
    expect((await getAll("T1", "RegioS", { select: ["Key", "Title"] }, options({ maxCells: 4 }))).map((r) => r.Key)).toEqual(["K0", "K1", "K0", "K2"]);
  });

  it("takes a count given on the first page only", async () => {
    const { options } = scripted({ body: { "odata.count": "3", value: rows(2) } }, { body: { value: rows(1, 2) } });
    expect((await getAll("T1", "RegioS", { select: ["Key", "Title"] }, options({ maxCells: 4 }))).map((r) => r.Key)).toEqual(["K0", "K1", "K2"]);
  });
});

describe("what the CBS client refuses in an answer, saying what it got", () => {
  it.each<[string, unknown, string]>([
    ["text that is not JSON", "<html>Onderhoud</html>", `CBS gaf geen JSON terug voor ${ENTITY_URL}?$format=json&$top=5000&$select=Key,Title&$inlinecount=allpages; is het adres van de CBS-API goed?`],
    ["JSON without a list 'value'", { "odata.metadata": "x" }, "(geen lijst 'value' met rijen)."],
    ["a 'value' with a row that is not an object", { value: [{ Key: "K0" }, null] }, "(geen lijst 'value' met rijen)."],
    ["a 'value' with a row that is a list", { value: [["K0"]] }, "(geen lijst 'value' met rijen)."],
    ["a 'value' with a row that is a number", { value: [7] }, "(geen lijst 'value' met rijen)."],
    ["JSON null", "null", "(geen lijst 'value' met rijen)."],
    ["an odata.nextLink that is not text", { value: rows(1), "odata.nextLink": 5 }, "('odata.nextLink' is geen adres)."],
    ["a count that is not a number", { value: rows(1), "odata.count": "veel" }, "('odata.count' is geen aantal)."],
    ["a negative count", { value: rows(1), "odata.count": "-1" }, "('odata.count' is geen aantal)."],
    ["a count with a fraction", { value: rows(1), "odata.count": "1.5" }, "('odata.count' is geen aantal)."],
  ])("%s", async (_what, body, message) => {
    const { options } = scripted({ body });
    const messages = await refusal(getAll("T1", "RegioS", { select: ["Key", "Title"] }, options()));
    expect(messages).toHaveLength(1);
    const expected = message.startsWith("(") ? `CBS gaf een onverwacht antwoord voor ${ENTITY_URL}?$format=json&$top=5000&$select=Key,Title&$inlinecount=allpages ${message}` : message;
    expect(decodeURIComponent(messages[0])).toBe(expected);
  });

  it("takes a count of 0 with no rows: a filter that matches nothing", async () => {
    const { asked, options } = scripted({ body: { "odata.count": "0", value: [] } });
    expect(await getAll("T1", "RegioS", { filter: "Key eq 'GM9999    '", select: ["Key", "Title"] }, options())).toEqual([]);
    expect(asked).toHaveLength(1);
  });

  it("takes a count sent as a number too (OData v3 sends it as text)", async () => {
    const { options } = scripted({ body: { "odata.count": 1, value: rows(1) } });
    expect(await getAll("T1", "RegioS", { select: ["Key", "Title"] }, options())).toHaveLength(1);
  });

  it("a count that changes between pages: the table changed during the pull", async () => {
    const { options } = scripted({ body: { "odata.count": "3", value: rows(2) } }, { body: { "odata.count": "4", value: rows(1, 2) } });
    expect(await refusal(getAll("T1", "RegioS", { select: ["Key", "Title"] }, options({ maxCells: 4 })))).toEqual([
      expect.stringMatching(/^CBS meldde voor RegioS van CBS-tabel T1 eerst 3 en daarna 4 rijen; de tabel veranderde tijdens het ophalen\. Probeer het opnieuw; er is niets geschreven\.$/),
    ]);
  });

  it("a count over the row limit: refused after the first page", async () => {
    const { asked, options } = scripted({ body: { "odata.count": "11", value: rows(2) } });
    expect(await refusal(getAll("T1", "RegioS", { select: ["Key", "Title"] }, options({ maxCells: 4, maxRows: 10 })))).toEqual([
      "CBS gaf voor RegioS van CBS-tabel T1 meer dan 10 rijen; zo groot is geen vraag van deze invoegtoepassing. Er is niets geschreven.",
    ]);
    expect(asked).toHaveLength(1);
  });

  it("more rows than the row limit from a server that counts nothing: refused at the page that goes over it", async () => {
    const { asked, options } = scripted({ body: { value: rows(2) } }, { body: { value: rows(2, 2) } }, { body: { value: rows(2, 4) } }, { body: { value: rows(2, 6) } });
    expect(await refusal(getAll("T1", "RegioS", { select: ["Key", "Title"] }, options({ maxCells: 4, maxRows: 5 })))).toEqual([
      "CBS gaf voor RegioS van CBS-tabel T1 meer dan 5 rijen; zo groot is geen vraag van deze invoegtoepassing. Er is niets geschreven.",
    ]);
    expect(asked).toHaveLength(3);
  });

  it("a page that is not UTF-8: refused as CBS's answer, without the advice for a CSV file", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"value":[{"Key":"K0","Title":"Gebied '), 0xe9, ...new TextEncoder().encode('"}]}')]);
    const { asked, options } = scripted({ body: bytes });
    const url = `${ENTITY_URL}?$format=json&$top=5000&$select=Key,Title&$inlinecount=allpages`;
    expect((await refusal(getAll("T1", "RegioS", { select: ["Key", "Title"] }, options()))).map(decodeURIComponent)).toEqual([`CBS gaf voor ${url} tekst die geen UTF-8 is; is het adres van de CBS-API goed? Er is niets geschreven.`]);
    expect((await refusal(getAll("T1", "RegioS", { select: ["Key", "Title"] }, options()), "en")).map(decodeURIComponent)).toEqual([`CBS returned text that is not UTF-8 for ${url}; is the address of the CBS API right? Nothing was written.`]);
    expect(asked).toHaveLength(2); // not retried: the same bytes would come again
  });

  it("exactly as many rows as the row limit: taken", async () => {
    const { options } = scripted({ body: { "odata.count": "4", value: rows(2) } }, { body: { "odata.count": "4", value: rows(2, 2) } });
    expect(await getAll("T1", "RegioS", { select: ["Key", "Title"] }, options({ maxCells: 4, maxRows: 4 }))).toHaveLength(4);
  });

  it("exactly as many pages as the page limit: taken", async () => {
    const { asked, options } = scripted({ body: { value: rows(2) } }, { body: { value: rows(2, 2) } }, { body: { value: rows(1, 4) } });
    expect(await getAll("T1", "RegioS", { select: ["Key", "Title"] }, options({ maxCells: 4, maxPages: 3 }))).toHaveLength(5);
    expect(asked).toHaveLength(3);
  });

  it("fewer rows than counted: incomplete, never a part", async () => {
    const answers = () => scripted({ body: { "odata.count": "5", value: rows(2) } }, { body: { "odata.count": "5", value: rows(1, 2) } });
    expect(await refusal(getAll("T1", "RegioS", { select: ["Key", "Title"] }, answers().options({ maxCells: 4 })))).toEqual([
      "CBS meldde voor RegioS van CBS-tabel T1 5 rijen maar gaf er 3; de gegevens zijn niet compleet opgehaald. Er is niets geschreven.",
    ]);
    expect(await refusal(getAll("T1", "RegioS", { select: ["Key", "Title"] }, answers().options({ maxCells: 4 })), "en")).toEqual([
      "CBS reported 5 rows for RegioS of CBS table T1 but gave 3; the data were not fetched completely. Nothing was written.",
    ]);
  });

  it("a nextLink that is no address, quoted at most 200 characters long", async () => {
    const link = `http://[${"x".repeat(300)}`;
    const { options } = scripted({ body: { value: rows(1), "odata.nextLink": link } });
    expect(await refusal(getAll("T1", "RegioS", { select: ["Key", "Title"] }, options()))).toEqual([
      `CBS verwees voor de volgende pagina van RegioS van CBS-tabel T1 naar '${link.slice(0, 200)}', geen geldig adres. Er is niets geschreven.`,
    ]);
  });

  it("a nextLink to another path on the same server", async () => {
    const { asked, options } = scripted({ body: { value: rows(1), "odata.nextLink": `${BASE}/T2/RegioS?$skip=1` } });
    expect(await refusal(getAll("T1", "RegioS", { select: ["Key", "Title"] }, options()))).toEqual([
      `CBS verwees voor de volgende pagina van RegioS van CBS-tabel T1 naar http://cbs.invalid/ODataApi/odata/T2/RegioS, een ander adres dan http://cbs.invalid${new URL(ENTITY_URL).pathname}; die verwijzing wordt niet gevolgd. Er is niets geschreven.`,
    ]);
    expect(asked).toHaveLength(1);
  });
});

describe("how the CBS client waits between retries", () => {
  const down: Answer = { status: 503, body: { "odata.error": { message: { value: "Service Unavailable" } } } };

  it("waits 1, 2 and 4 seconds by default, saying each retry, then gives up naming the attempts", async () => {
    const waits: number[] = [];
    const progress: string[] = [];
    const { asked, options } = scripted(down);
    const messages = await refusal(getAll("T1", "RegioS", {}, options({ retryDelayMs: undefined, sleep: async (ms) => void waits.push(ms), onProgress: (m) => progress.push(textOf(m, "nl")) })));
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(asked).toHaveLength(4);
    expect(progress).toEqual(["CBS antwoordt niet goed; opnieuw proberen (1 van 3)…", "CBS antwoordt niet goed; opnieuw proberen (2 van 3)…", "CBS antwoordt niet goed; opnieuw proberen (3 van 3)…"]);
    expect(messages).toEqual([expect.stringMatching(/ gaf HTTP 503: een fout bij de server; probeer het later opnieuw\. \(na 4 pogingen\) Er is niets geschreven\.$/)]);
  });

  it("takes the answer that comes after a failure, with the pages after it", async () => {
    const waits: number[] = [];
    const { asked, options } = scripted(down, { body: { value: rows(2) } }, { body: { value: rows(1, 2) } });
    const got = await getAll("T1", "RegioS", { select: ["Key", "Title"] }, options({ maxCells: 4, retryDelayMs: 10, sleep: async (ms) => void waits.push(ms) }));
    expect(got.map((r) => r.Key)).toEqual(["K0", "K1", "K2"]);
    expect(waits).toEqual([10]);
    expect(asked.map((u) => u.searchParams.get("$skip"))).toEqual([null, null, "2"]);
  });

  it("does not retry a refusal that cannot pass (an answer that is not JSON), nor add the attempts to its message", async () => {
    const waits: number[] = [];
    const { asked, options } = scripted({ body: "geen json" });
    const messages = await refusal(getAll("T1", "RegioS", {}, options({ sleep: async (ms) => void waits.push(ms) })));
    expect(asked).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(messages[0]).not.toContain("pogingen");
  });

  it("stops when cancelled during a wait: the wait ends at once and nothing more is asked", async () => {
    const cancel = new AbortController();
    const { asked, options } = scripted(down);
    const started = Date.now();
    const pending = refusal(getAll("T1", "RegioS", {}, options({ retryDelayMs: 60_000, signal: cancel.signal })));
    setTimeout(() => cancel.abort(), 50);
    const messages = await pending;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(asked).toHaveLength(1);
    expect(messages).toEqual(["Geannuleerd; er is niets veranderd."]);
    // The same refusal in English, as an English Excel shows it.
    const again = scripted(down);
    const aborted = new AbortController();
    aborted.abort();
    expect(await refusal(getAll("T1", "RegioS", {}, again.options({ signal: aborted.signal })), "en")).toEqual(["Cancelled; nothing was changed."]);
    expect(again.asked).toHaveLength(0);
  });

  it("does not try again when cancelled while CBS answered with an error", async () => {
    const cancel = new AbortController();
    const progress: string[] = [];
    const asked: string[] = [];
    const fetch = async (input: string) => {
      asked.push(input);
      cancel.abort(); // the user cancels while this answer is on its way
      return new Response("{}", { status: 503 });
    };
    const messages = await refusal(getAll("T1", "RegioS", {}, { baseUrl: BASE, fetch, retryDelayMs: 1, signal: cancel.signal, onProgress: (m) => progress.push(textOf(m, "nl")) }));
    expect(asked).toHaveLength(1);
    expect(progress).toEqual([]);
    expect(messages).toEqual([expect.stringMatching(/ gaf HTTP 503: een fout bij de server; probeer het later opnieuw\. \(na 1 poging\) Er is niets geschreven\.$/)]);
  });

  it("waits the real time when no clock is given", async () => {
    const { asked, options } = scripted(down, { body: { value: rows(1) } });
    const started = Date.now();
    await getAll("T1", "RegioS", {}, options({ retryDelayMs: 300 }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(asked).toHaveLength(2);
  });
});
