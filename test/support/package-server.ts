import { readdirSync, readFileSync } from "fs";
import { createServer, IncomingMessage, ServerResponse } from "http";
import { AddressInfo } from "net";
import { join } from "path";
import { DEFAULT_PACKAGE } from "../../scripts/lib/read-package";
import { parsePackageCsv } from "../../src/data/package-csv";
import { MonitorPackage } from "../../src/data/types";
import { problemText } from "../../src/text/problems";

/**
 * A web server on 127.0.0.1 (a free port) that publishes monitor data packages and fails in
 * every way a real one can: 404, 500, an answer that never comes, a web page instead of JSON, a
 * broken CSV, a path out of the package, no CORS header, a redirect, an endless stream, a size it
 * lies about. Its packages are copies of the shipped edition (plus the changes each route names):
 * synthetic, for tests only.
 */
export interface PackageServer {
  url: string;
  /** Requests received, in order ("GET /good/datapackage.json"). */
  requests: string[];
  /** Bytes the /stream/ route has written so far (all its responses together). */
  streamed: () => number;
  close: () => Promise<void>;
}

export interface PackageServerOptions {
  /** Paths ("/away/sources.csv") answered with 302 and this Location, before any route. */
  redirects?: Record<string, string>;
}

const shipped = Object.fromEntries(readdirSync(DEFAULT_PACKAGE).map((name) => [name, readFileSync(join(DEFAULT_PACKAGE, name))]));
const text = (name: string) => shipped[name].toString("utf8");

/** The shipped package as files, with some changed. */
export function packageFiles(changes: Record<string, string | Buffer> = {}): Record<string, string | Buffer> {
  return { ...shipped, ...changes };
}

/** A later edition: one figure corrected, one added, one removed, and its version. */
export function nextEditionFiles(): Record<string, string | Buffer> {
  const rows = text("observations.csv").split("\n");
  const italian = rows.findIndex((r) => r.startsWith("Bevolking,inwoners,Leiden,Italiaans,,2022,"));
  rows[italian] = rows[italian].replace(",1253,", ",1301,");
  const last = rows.filter((r) => r !== "").length - 1;
  rows.splice(last, 1); // the last figure is no longer published
  rows.splice(rows.length - 1, 0, "Bevolking,inwoners,Leiden,Italiaans,,2023,1350,aantal,BRP,2023-01-01,gerapporteerd,,Synthetisch testcijfer,,,"); // Jaar, Bovengroep, Gebiedscode left to be derived
  const descriptor = JSON.parse(text("datapackage.json"));
  Object.assign(descriptor, { name: "leiden-monitor-test-2023", title: "Testeditie 2023 (synthetisch)", version: "2023.0.1", referenceDate: "2023-01-01" });
  return packageFiles({ "observations.csv": rows.join("\n"), "datapackage.json": JSON.stringify(descriptor) });
}

/** The later edition of nextEditionFiles, read as the add-in reads a package (synthetic figures). */
export function nextEdition(): MonitorPackage {
  const files = nextEditionFiles();
  const result = parsePackageCsv({ observations: String(files["observations.csv"]), indicators: String(files["indicators.csv"]), sources: String(files["sources.csv"]) });
  if (!result.ok) throw new Error(problemText(result.problems[0], "nl"));
  return result.value;
}

type Route = (request: IncomingMessage, response: ServerResponse, rest: string) => void;

function serveFiles(files: Record<string, string | Buffer>, cors: boolean): Route {
  return (_request, response, rest) => {
    const file = files[rest];
    const headers: Record<string, string> = cors ? { "Access-Control-Allow-Origin": "*" } : {};
    if (file === undefined) return void response.writeHead(404, headers).end("not found");
    const type = rest.endsWith(".json") ? "application/json" : rest.endsWith(".csv") ? "text/csv; charset=utf-8" : rest.endsWith(".zip") ? "application/zip" : "application/octet-stream";
    response.writeHead(200, { ...headers, "Content-Type": type }).end(file);
  };
}

/**
 * `/stream/<bytes>/<name>`: that many bytes of CSV-like text, chunked (no Content-Length), written
 * as fast as the client reads and stopped when it hangs up. Counts what it wrote.
 */
function streamRoute(count: (bytes: number) => void): Route {
  const chunk = Buffer.alloc(64 * 1024, "1234567,");
  return (_request, response, rest) => {
    let left = Number(rest.split("/")[0]) || 0;
    response.writeHead(200, { "Content-Type": "text/csv", "Access-Control-Allow-Origin": "*" });
    const write = () => {
      while (left > 0 && !response.destroyed) {
        const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= part.length;
        count(part.length);
        if (!response.write(part)) return void response.once("drain", write);
      }
      if (!response.destroyed) response.end();
    };
    response.on("close", () => (left = 0));
    write();
  };
}

export async function startPackageServer(extra: Record<string, Record<string, string | Buffer>> = {}, options: PackageServerOptions = {}): Promise<PackageServer> {
  let streamed = 0;
  const routes: Record<string, Route> = {
    good: serveFiles(packageFiles(), true),
    next: serveFiles(nextEditionFiles(), true),
    nocors: serveFiles(packageFiles(), false),
    broken: serveFiles(packageFiles({ "observations.csv": text("observations.csv").replace(",110565,", ",veel,") }), true),
    escape: serveFiles(packageFiles({ "datapackage.json": text("datapackage.json").replace('"path": "sources.csv"', '"path": "../good/sources.csv"') }), true),
    html: (_q, response) => void response.writeHead(200, { "Content-Type": "text/html", "Access-Control-Allow-Origin": "*" }).end("<!doctype html><html><body>Inloggen</body></html>"),
    missing: (_q, response) => void response.writeHead(404, { "Access-Control-Allow-Origin": "*" }).end("not found"),
    error: (_q, response) => void response.writeHead(500, { "Access-Control-Allow-Origin": "*" }).end("kapot"),
    // Answers only after 10 s: longer than any test's time-out; closed with the server.
    slow: (_q, response) => void setTimeout(() => response.writeHead(200, { "Access-Control-Allow-Origin": "*" }).end("{}"), 10_000).unref(),
    stream: streamRoute((bytes) => (streamed += bytes)),
    // Says it is 3 GB and then sends a few bytes: the length alone must be enough to refuse it.
    declared: (_q, response) => void response.writeHead(200, { "Content-Length": String(3 * 1024 ** 3), "Access-Control-Allow-Origin": "*" }).write("name,"),
    ...Object.fromEntries(Object.entries(extra).map(([name, files]) => [name, serveFiles(files, true)])),
  };
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    requests.push(`${request.method} ${path}`);
    const location = options.redirects?.[path];
    if (location !== undefined) return void response.writeHead(302, { Location: location, "Access-Control-Allow-Origin": "*" }).end();
    const [, first = "", ...rest] = path.split("/");
    const route = routes[first];
    if (!route) return void response.writeHead(404).end("not found");
    route(request, response, decodeURIComponent(rest.join("/")));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    streamed: () => streamed,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
