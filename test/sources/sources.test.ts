import { randomBytes } from "crypto";
import JSZip from "jszip";
import { writeCsv } from "../../src/data/csv";
import { pullFromFile } from "../../src/sources/file-source";
import { pullShipped } from "../../src/sources/shipped-source";
import { pullFromUrl } from "../../src/sources/url-source";
import { getAll } from "../../src/sources/cbs/client";
import { fetchBytes } from "../../src/sources/fetch-bytes";
import { FetchLike, FetchOptions, SourceError } from "../../src/sources/types";
import { csvRows, shippedPackage, shippedTexts } from "../support/fixtures";
import { nextEditionFiles, PackageServer, packageFiles, startPackageServer } from "../support/package-server";
import { declaring, zipOf } from "../support/zips";
import { problemText } from "../../src/text/problems";
import { asRead } from "../support/texts";

let server: PackageServer;
/** Another origin (another port): what a redirect out of the package would reach. */
let other: PackageServer;
const SECRET = "GEHEIM-VAN-EEN-ANDERE-SERVER";
beforeAll(async () => {
  const descriptor = JSON.parse(packageFiles()["datapackage.json"].toString());
  other = await startPackageServer({ secret: packageFiles({ "sources.csv": `id,naam\n${SECRET},x\n`, "datapackage.json": SECRET }) });
  server = await startPackageServer(
    {
      moving: packageFiles({ "observations-2022.csv": packageFiles()["observations.csv"] }),
      upward: packageFiles(),
      away: packageFiles(),
      twice: packageFiles({ "datapackage.json": JSON.stringify({ ...descriptor, resources: [...descriptor.resources, { name: "observations", path: "other.csv" }] }) }),
    },
    {
      redirects: {
        "/moving/observations.csv": "/moving/observations-2022.csv",
        "/upward/sources.csv": "/good/sources.csv",
        "/away/sources.csv": `${other.url}/secret/sources.csv`,
        "/gone/datapackage.json": `${other.url}/secret/datapackage.json`,
      },
    },
  );
});
afterAll(async () => {
  await server.close();
  await other.close();
});

const nodeFetch: FetchLike = (input, init) => fetch(input, init);
// Generous: under load (a mutation run instruments every line) a local answer may take seconds.
const pull = (path: string, timeoutMs = 10_000) => pullFromUrl(`${server.url}${path}`, { fetch: nodeFetch, timeoutMs });
/** The SourceError fetchBytes throws; a test fails if it gets bytes instead. */
const refusal = (url: string, options: Omit<FetchOptions, "fetch"> = {}) =>
  fetchBytes(url, { fetch: nodeFetch, ...options }).then(
    () => {
      throw new Error(`expected ${url} to be refused`);
    },
    (error: unknown) => {
      if (!(error instanceof SourceError)) throw error;
      return error;
    },
  );
const failure = async (path: string, timeoutMs?: number) => {
  const result = await pull(path, timeoutMs);
  if (result.ok) throw new Error(`expected ${path} to fail`);
  return result.problems.map((p) => problemText(p, "nl")).join(" ");
};

describe("a data package from a URL", () => {
  it("is read with its resources resolved relative to datapackage.json, validated, with its edition", async () => {
    const result = await pull("/next/datapackage.json");
    if (!result.ok) throw new Error(problemText(result.problems[0], "nl"));
    expect(result.value.edition).toEqual({ name: "leiden-monitor-test-2023", title: "Testeditie 2023 (synthetisch)", version: "2023.0.1", referenceDate: "2023-01-01" });
    expect(result.value.origin).toBe(`${server.url}/next/datapackage.json`);
    expect(result.value.package.observations.find((o) => o.groep === "Italiaans" && o.periode === "2022" && o.indicator === "inwoners")?.waarde).toBe(1301);
    expect(server.requests.filter((r) => r.startsWith("GET /next/"))).toEqual(["GET /next/datapackage.json", "GET /next/observations.csv", "GET /next/indicators.csv", "GET /next/sources.csv"]);
  });

  it.each([
    ["/missing/datapackage.json", /gaf HTTP 404 Not Found: dat bestand bestaat \(niet meer\) op de server; klopt het adres\?/],
    ["/error/datapackage.json", /gaf HTTP 500 Internal Server Error: een fout bij de server; probeer het later opnieuw\./],
    ["/html/datapackage.json", /geeft een webpagina \(HTML\), geen datapackage\.json/],
    ["/broken/datapackage.json", /MonitorData rij 3, kolom Waarde: 'veel' is geen getal/],
    ["/escape/datapackage.json", /resource 'sources': het pad mag niet buiten de pakketmap wijzen/],
    ["/twice/datapackage.json", /^datapackage\.json heeft 2 resources met de naam 'observations' \(de tabel MonitorData\); elke naam mag maar één keer voorkomen\.$/],
  ])("%s gives its own clear message", async (path, message) => {
    expect(await failure(path)).toMatch(message);
  });

  it("reports a server that does not answer in time", async () => {
    const started = Date.now();
    expect(await failure("/slow/datapackage.json", 300)).toMatch(/^127\.0\.0\.1:\d+ antwoordde niet binnen 0,3 seconden; probeer het later opnieuw\.$/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("reports a server that is not there", async () => {
    const closed = await startPackageServer();
    const url = `${closed.url}/good/datapackage.json`;
    await closed.close();
    const result = await pullFromUrl(url, { fetch: nodeFetch, timeoutMs: 2000 });
    expect(!result.ok && problemText(result.problems[0], "nl")).toMatch(/De server 127\.0\.0\.1:\d+ is niet bereikbaar/);
  });

  it.each([
    ["file:///etc/passwd", "Alleen http(s)-adressen kunnen worden opgehaald, niet file:."],
    ["javascript:alert(1)", "Alleen http(s)-adressen kunnen worden opgehaald, niet javascript:."],
    ["geen adres", "'geen adres' is geen geldig adres; geef het volledige adres van een datapackage.json (https://…)."],
  ])("refuses %s, which is not a web address, with its reason and without a request", async (address, message) => {
    const asked: string[] = [];
    const result = await pullFromUrl(address, { fetch: (input, init) => (asked.push(input), nodeFetch(input, init)) });
    expect(!result.ok && asRead(result.problems)).toEqual([{ table: address, row: null, column: null, message }]);
    expect(asked).toEqual([]);
  });

  it("stops when cancelled", async () => {
    const cancel = new AbortController();
    const pending = pullFromUrl(`${server.url}/slow/datapackage.json`, { fetch: nodeFetch, timeoutMs: 5000, signal: cancel.signal });
    setTimeout(() => cancel.abort(), 50);
    const result = await pending;
    expect(!result.ok && problemText(result.problems[0], "nl")).toBe("Geannuleerd; er is niets veranderd.");
  });

  it("tells a server without CORS from an unreachable one in a browser (probe without CORS)", async () => {
    // What a browser's fetch does: a cross-origin request without the header fails like a network error,
    // while a no-cors request to the same server comes back (opaque).
    const browserLike: FetchLike = async (_input, init) => {
      if (init?.mode === "no-cors") return new Response(null, { status: 200 });
      throw new TypeError("Failed to fetch");
    };
    const result = await pullFromUrl(`${server.url}/nocors/datapackage.json`, { fetch: browserLike, inBrowser: true });
    expect(!result.ok && problemText(result.problems[0], "nl")).toMatch(/staat niet toe dat de invoegtoepassing dit bestand ophaalt \(CORS/);
  });
});

describe("what a URL may lead to", () => {
  it("follows a redirect that stays in the package's folder", async () => {
    const result = await pull("/moving/datapackage.json");
    expect(result.ok && result.value.package.observations).toHaveLength(112);
    expect(server.requests).toContain("GET /moving/observations-2022.csv");
  });

  it.each([
    ["a resource to another folder on the same server", "/upward/datapackage.json", "/upward/sources.csv", "/good/sources.csv", "/upward/"],
    ["a resource to another server", "/away/datapackage.json", "/away/sources.csv", "/secret/sources.csv", "/away/"],
    ["the datapackage.json itself to another server", "/gone/datapackage.json", "/gone/datapackage.json", "/secret/datapackage.json", "/gone/"],
  ])("refuses a redirect of %s, naming where it led, quoting nothing from there", async (_name, path, asked, target, folder) => {
    const message = await failure(path);
    const landed = target.startsWith("/good/") ? `${server.url}${target}` : `${other.url}${target}`;
    expect(message).toBe(
      `${server.url}${asked} verwijst door naar ${landed}, buiten ${server.url}${folder}. Alleen een doorverwijzing binnen de map van het pakket op dezelfde server wordt gevolgd; er is niets gelezen.`,
    );
    expect(message).not.toContain(SECRET);
  });

  it("refuses a response whose Content-Length is over the limit, without reading it", async () => {
    const started = Date.now();
    expect(await failure("/declared/datapackage.json")).toBe(
      `${server.url}/declared/datapackage.json is groter dan 256 MB (3 GB), de grens voor één antwoord van een server; er is niets gelezen of veranderd.`,
    );
    expect(Date.now() - started).toBeLessThan(1500); // not the 2 s time-out: the length alone decided
  });

  it("counts a response that streams without a length and stops it at the limit", async () => {
    const before = server.streamed();
    const url = `${server.url}/stream/${200 * 1024 * 1024}/observations.csv`;
    const error = await refusal(url, { timeoutMs: 5000, maxBytes: 1024 * 1024 });
    expect(problemText(error.problems[0], "nl")).toBe(`${url} is groter dan 1 MB, de grens voor één antwoord van een server; er is niets gelezen of veranderd.`);
    expect(error.retryable).toBe(false);
    // The server stopped soon after: the client hung up instead of reading the 200 MB on.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.streamed() - before).toBeLessThan(16 * 1024 * 1024);
  });

  it("a limit the caller sets applies to every file of a package", async () => {
    const result = await pullFromUrl(`${server.url}/good/datapackage.json`, { fetch: nodeFetch, maxBytes: 10 * 1024 });
    expect(!result.ok && problemText(result.problems[0], "nl")).toBe(`${server.url}/good/observations.csv is groter dan 10 kB, de grens voor één antwoord van een server; er is niets gelezen of veranderd.`);
  });
});

describe("retrying", () => {
  it("a 4xx is final, a 5xx may pass", async () => {
    expect((await refusal(`${server.url}/missing/x.json`)).retryable).toBe(false);
    expect((await refusal(`${server.url}/error/x.json`)).retryable).toBe(true);
  });

  it("the CBS client asks once for a 404 and four times for a 500", async () => {
    const count = (prefix: string) => server.requests.filter((r) => r.startsWith(`GET ${prefix}`)).length;
    const options = { fetch: nodeFetch, retryDelayMs: 1, timeoutMs: 10_000 };
    await expect(getAll("T1", "TypedDataSet", {}, { ...options, baseUrl: `${server.url}/missing` })).rejects.toThrow(/HTTP 404/);
    expect(count("/missing/T1/")).toBe(1);
    await expect(getAll("T1", "TypedDataSet", {}, { ...options, baseUrl: `${server.url}/error` })).rejects.toThrow(/HTTP 500/);
    expect(count("/error/T1/")).toBe(4);
  });
});

describe("a file the user picks", () => {
  const base = shippedPackage();

  it("a CSV of observations, comma or Dutch semicolon", async () => {
    const rows = csvRows(shippedTexts().observations);
    const comma = await pullFromFile("figures.csv", Buffer.from(writeCsv(rows)), base);
    expect(comma.ok && comma.value.package.observations).toHaveLength(112);
    const dutch = rows.map((r, i) => r.map((c, j) => (i > 0 && j === 6 ? c.replace(".", ",") : c)).map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(";")).join("\r\n");
    const semicolon = await pullFromFile("cijfers.csv", Buffer.from("\ufeff" + dutch), base);
    expect(semicolon.ok && semicolon.value.package.observations).toEqual(comma.ok && comma.value.package.observations);
  });

  it("a CSV with a problem is refused with row and column", async () => {
    const rows = csvRows(shippedTexts().observations);
    rows[5][6] = "1e400";
    const result = await pullFromFile("cijfers.csv", Buffer.from(writeCsv(rows)), base);
    expect(!result.ok && result.problems[0]).toMatchObject({ table: "MonitorData", row: 5, column: "Waarde" });
  });

  it("a .zip of a data package, at the top or in one folder", async () => {
    for (const folder of ["", "leiden-2023/"]) {
      const zip = new JSZip();
      for (const [name, content] of Object.entries(nextEditionFiles())) zip.file(folder + name, content);
      const result = await pullFromFile("editie.zip", await zip.generateAsync({ type: "uint8array" }), base);
      if (!result.ok) throw new Error(problemText(result.problems[0], "nl"));
      expect(result.value.edition.version).toBe("2023.0.1");
    }
  });

  it("a zip without a package, a zip missing a resource, or a damaged zip", async () => {
    const empty = new JSZip();
    empty.file("readme.txt", "hallo");
    const none = await pullFromFile("x.zip", await empty.generateAsync({ type: "uint8array" }), base);
    expect(!none.ok && problemText(none.problems[0], "nl")).toMatch(/bevat geen datapackage\.json/);
    const partial = new JSZip();
    const files = packageFiles();
    for (const name of ["datapackage.json", "observations.csv", "indicators.csv"]) partial.file(name, files[name]);
    const missing = await pullFromFile("x.zip", await partial.generateAsync({ type: "uint8array" }), base);
    expect(!missing.ok && problemText(missing.problems[0], "nl")).toMatch(/sources\.csv ontbreekt in de zip/);
    const damaged = await pullFromFile("x.zip", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), base);
    expect(!damaged.ok && problemText(damaged.problems[0], "nl")).toMatch(/beschadigd zip-bestand/);
  });
});

const MB = 1024 * 1024;
/** Limits small enough for a test to reach with a zip it makes in a moment. */
const small = { responseBytes: MB, fileBytes: MB, archiveEntryBytes: MB, archiveBytes: 2 * MB };
/** A CSV that deflates to almost nothing: the heart of a zip bomb. */
const bomb = (bytes: number) => Buffer.alloc(bytes, "0");

describe("a zip is bounded before and while it is unpacked", () => {
  const base = shippedPackage();
  const message = async (bytes: Uint8Array, limits?: typeof small) => {
    const result = await pullFromFile("editie.zip", bytes, base, undefined, limits);
    if (result.ok) throw new Error("expected the zip to be refused");
    return result.problems.map((p) => problemText(p, "nl")).join(" ");
  };

  it("a zip bomb: an entry that says it unpacks to more than the limit is refused before unpacking", async () => {
    const zip = await zipOf(packageFiles({ "observations.csv": bomb(5 * MB) }));
    expect(zip.length).toBeLessThan(50_000);
    expect(await message(zip, small)).toBe("editie.zip: observations.csv is groter dan 1 MB (5 MB), de grens voor één uitgepakt bestand in een zip; er is niets gelezen of veranderd.");
  });

  it("with the default limits: an entry declared at 300 MB is refused by its declaration alone", async () => {
    const zip = declaring(await zipOf(packageFiles()), 300 * MB);
    expect(await message(zip)).toBe("editie.zip: datapackage.json is groter dan 256 MB (300 MB), de grens voor één uitgepakt bestand in een zip; er is niets gelezen of veranderd.");
  });

  it("entries that together say they unpack to more than the archive's limit", async () => {
    const zip = await zipOf(packageFiles({ "observations.csv": bomb(0.9 * MB), "extra-1.csv": bomb(0.9 * MB), "extra-2.csv": bomb(0.9 * MB) }));
    expect(await message(zip, small)).toBe("editie.zip is groter dan 2 MB (2,7 MB), de grens voor alles in een zip samen, uitgepakt; er is niets gelezen of veranderd.");
  });

  it("a zip that claims small sizes is counted while unpacking and stopped at the limit", async () => {
    const zip = declaring(await zipOf(packageFiles({ "observations.csv": bomb(5 * MB) })), 100, ["observations.csv"]);
    expect(await message(zip, small)).toBe("editie.zip: observations.csv is groter dan 1 MB, de grens voor één uitgepakt bestand in een zip; er is niets gelezen of veranderd.");
    // Without the count, JSZip would inflate all of it and only then fail: the limit is what stops it.
  });

  it("…and the sum of what it unpacks is counted against the archive's limit (the last entry lies)", async () => {
    const liar = declaring(await zipOf(packageFiles({ "observations.csv": bomb(0.9 * MB), "indicators.csv": bomb(0.9 * MB), "sources.csv": bomb(0.9 * MB) })), 100, ["sources.csv"]);
    expect(await message(liar, small)).toBe("editie.zip is groter dan 2 MB, de grens voor alles in een zip samen, uitgepakt; er is niets gelezen of veranderd.");
  });

  it("a file over the limit for one file is refused before it is opened", async () => {
    const zip = await zipOf(packageFiles({ "padding.bin": randomBytes(1.5 * MB) }));
    expect(await message(zip, small)).toBe("editie.zip is groter dan 1 MB (1,5 MB), de grens voor één bestand; er is niets gelezen of veranderd.");
  });

  it("a zip that lies about a size but within the limits is damaged, not trusted", async () => {
    const zip = declaring(await zipOf(packageFiles()), 100);
    expect(await message(zip)).toBe("editie.zip is een beschadigd zip-bestand.");
  });
});

describe("the shipped edition", () => {
  it("says what it is", () => {
    expect(pullShipped().edition).toEqual({ name: "leiden-monitor-internationalisering-2022", title: "Monitor Internationalisering: Internationals in cijfers, Leiden 2022", version: "2022.1.0", referenceDate: "2022-01-01" });
  });
});
