import { createServer } from "http";
import { AddressInfo } from "net";
import { getAll, CbsOptions } from "../../src/sources/cbs/client";
import { pullFromCbs } from "../../src/sources/cbs/pull";
import { problemText } from "../../src/text/problems";
import { useCbsServer } from "../support/use-cbs-server";

/**
 * CBS's paging against servers that break it: one that ignores $top and $skip, one that ignores
 * only $skip, one that cuts pages short (with and without an `odata.nextLink`), one whose nextLink
 * points at another origin. A pull either has every row or fails with a message; never a part.
 */
const cbs = useCbsServer();
const options = cbs.options;
const query = { areas: ["Leiden", "Delft"], from: 2020, to: 2022 };
const messages = async (extra: Partial<CbsOptions> = {}) => {
  const result = await pullFromCbs(query, options(extra));
  if (result.ok) throw new Error("the pull was expected to fail");
  return result.problems.map((p) => problemText(p, "nl"));
};

describe("CBS paging is bounded", () => {
  it("refuses a server that ignores $top, after one request for that entity", async () => {
    cbs.behaviour.ignorePaging = true;
    expect(await messages({ maxCells: 400 })).toEqual([expect.stringMatching(/^CBS gaf voor TypedDataSet van CBS-tabel 85644NED \d+ rijen op één pagina terwijl er ten hoogste 100 gevraagd waren; de server negeert \$top\. Er is niets geschreven\.$/)]);
    expect(cbs.requests.filter((r) => r.includes("TypedDataSet"))).toHaveLength(1);
  });

  it("refuses a server that hands out the same page again (it ignores $skip)", async () => {
    cbs.behaviour.ignoreSkip = true;
    const rows = getAll("85644NED", "TypedDataSet", { filter: "Geslacht eq 'T001038'", select: ["RegioS", "Perioden", "Nationaliteit", "Bevolking_1"] }, options({ maxCells: 400 }));
    await expect(rows).rejects.toThrow("CBS gaf voor TypedDataSet van CBS-tabel 85644NED twee keer dezelfde pagina; de server negeert $skip. Er is niets geschreven.");
    expect(cbs.requests).toHaveLength(2);
  });

  it("stops at the page and row limits with a message naming them", async () => {
    const select = ["RegioS", "Perioden", "Nationaliteit", "Bevolking_1"];
    await expect(getAll("85644NED", "TypedDataSet", { filter: "Geslacht eq 'T001038'", select }, options({ maxCells: 400, maxPages: 3 }))).rejects.toThrow(/meer dan 3 pagina's/);
    expect(cbs.requests).toHaveLength(3);
    cbs.requests.length = 0;
    await expect(getAll("85644NED", "TypedDataSet", { filter: "Geslacht eq 'T001038'", select }, options({ maxCells: 400, maxRows: 250 }))).rejects.toThrow("CBS gaf voor TypedDataSet van CBS-tabel 85644NED meer dan 250 rijen; zo groot is geen vraag van deze invoegtoepassing. Er is niets geschreven.");
    expect(cbs.requests).toHaveLength(1); // the count CBS reports is already over the limit
  });

  it("follows a nextLink on the same address when a page is cut short, and gets every row", async () => {
    const whole = await pullFromCbs(query, options());
    cbs.behaviour.cutPages = 100;
    const cut = await pullFromCbs(query, options());
    expect(cut.ok && whole.ok && cut.value.package.observations).toEqual(whole.ok && whole.value.package.observations);
    expect(cbs.requests.some((r) => r.includes("$skip=100"))).toBe(true);
  });

  it("compares the rows received with the count CBS reports, so a short page without a nextLink is no silent end", async () => {
    cbs.behaviour.cutPages = 100;
    cbs.behaviour.cutWithoutLink = true;
    expect(await messages()).toEqual([expect.stringMatching(/^CBS meldde voor TypedDataSet van CBS-tabel 85644NED \d+ rijen maar gaf er 100; de gegevens zijn niet compleet opgehaald\. Er is niets geschreven\.$/)]);
  });

  it("needs no count: a server that ignores $inlinecount gives the same figures, paged or not", async () => {
    const counted = await pullFromCbs(query, options({ maxCells: 400 }));
    cbs.behaviour.omitCount = true;
    cbs.requests.length = 0;
    const uncounted = await pullFromCbs(query, options({ maxCells: 400 }));
    expect(counted.ok && uncounted.ok).toBe(true);
    expect(uncounted.ok && uncounted.value.package.observations).toEqual(counted.ok && counted.value.package.observations);
    // Pages of 100 rows (4 columns, 400 cells): it paged on with $skip after a full page.
    expect(cbs.requests.filter((r) => r.includes("TypedDataSet") && /\$skip=100(&|$)/.test(r)).length).toBeGreaterThan(0);
  });

  it("refuses a nextLink to another origin, and never asks it", async () => {
    const asked: string[] = [];
    const other = createServer((request, response) => {
      asked.push(request.url ?? "");
      response.writeHead(200, { "Content-Type": "application/json" }).end('{"value":[]}');
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    try {
      const origin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
      cbs.behaviour.cutPages = 100;
      cbs.behaviour.nextLinkOrigin = origin;
      expect(await messages()).toEqual([expect.stringContaining(`CBS verwees voor de volgende pagina van TypedDataSet van CBS-tabel 85644NED naar ${origin}/ODataApi/odata/85644NED/TypedDataSet, een ander adres dan ${cbs.origin}/ODataApi/odata/85644NED/TypedDataSet; die verwijzing wordt niet gevolgd. Er is niets geschreven.`)]);
      expect(asked).toEqual([]);
    } finally {
      other.closeAllConnections();
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it("refuses an answer larger than a CBS page can be, naming the limit, without reading it whole", async () => {
    let served = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        served += 1024 * 1024;
        controller.enqueue(new Uint8Array(1024 * 1024).fill(32));
      },
    });
    const huge = async () => new Response(endless, { status: 200, headers: { "Content-Type": "application/json" } });
    const result = await pullFromCbs(query, { baseUrl: "http://cbs.invalid/ODataApi/odata", fetch: huge, retryDelayMs: 1 });
    expect(!result.ok && problemText(result.problems[0], "nl")).toBe("http://cbs.invalid/ODataApi/odata/85644NED/TableInfos?%24format=json&%24top=1250&%24inlinecount=allpages is groter dan 8 MB, de grens voor één antwoord van een server; er is niets gelezen of veranderd.");
    expect(served).toBeLessThan(12 * 1024 * 1024);
  });

  it("takes a page of 300,000 rows without spreading it into the call stack, and bounds it", async () => {
    const big = JSON.stringify({ "odata.count": "300000", value: Array.from({ length: 300_000 }, (_, i) => ({ Key: `K${i}`, Title: "x" })) });
    const fetchBig = async () => new Response(big, { status: 200, headers: { "Content-Type": "application/json" } });
    const rows = await getAll("85644NED", "RegioS", { select: ["Key", "Title"] }, { baseUrl: "http://cbs.invalid/ODataApi/odata", fetch: fetchBig, maxCells: 600_000 * 2, maxRows: 400_000, maxBytes: 64 * 1024 * 1024 }).catch((e: Error) => e);
    // Past the byte limit (raised here), one request may still carry only 10,000 cells: 5,000 rows of two columns.
    expect(rows).toBeInstanceOf(Error);
    expect((rows as Error).message).toMatch(/300\.000 rijen op één pagina terwijl er ten hoogste 5\.000 gevraagd waren/);
  });
});
