import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { CbsOptions } from "../../src/sources/cbs/client";
import { CbsServer, startCbsServer } from "./cbs-server";

/** The CBS stand-in as a test file uses it, with the client options that reach it. */
export interface UsedCbsServer extends CbsServer {
  /** Options for the CBS client against this stand-in: Node's fetch, short time-outs and back-off. */
  options: (extra?: Partial<CbsOptions>) => CbsOptions;
}

/**
 * Starts the CBS stand-in (synthetic figures, see cbs-server.ts) once for the calling test file
 * or describe block, closes it after the last test, and before each test forgets the requests it
 * saw and every misbehaviour a test set. Call it at the top level of the file or a describe block;
 * the handle's fields are read when a test (or a later `beforeAll`) runs, after the server started.
 */
export function useCbsServer(defaults: Partial<CbsOptions> = {}): UsedCbsServer {
  let server: CbsServer | undefined;
  const started = (): CbsServer => server ?? (() => { throw new Error("the CBS stand-in is used before its beforeAll ran"); })();
  beforeAll(async () => {
    server = await startCbsServer();
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    if (!server) return;
    server.requests.length = 0;
    server.resetBehaviour();
  });
  return {
    get url() { return started().url; },
    get origin() { return started().origin; },
    get requests() { return started().requests; },
    get behaviour() { return started().behaviour; },
    resetBehaviour: () => started().resetBehaviour(),
    close: () => started().close(),
    options: (extra = {}) => ({ baseUrl: started().url, fetch: (input, init) => fetch(input, init), timeoutMs: 5000, retryDelayMs: 1, ...defaults, ...extra }),
  };
}

/**
 * What a test of `npm run pull -- cbs` as a function needs beside the stand-in: the command
 * pointed at it (CBS_ODATA_URL, a short retry delay) and a folder of its own to write packages
 * into, removed after the last test. Call it at the top level of the file, after useCbsServer.
 */
export function usePullCommand(cbs: UsedCbsServer, name: string): { readonly dir: string } {
  let dir: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), `leiden-monitor-${name}-`));
    process.env.CBS_ODATA_URL = cbs.url;
    process.env.MONITOR_RETRY_DELAY_MS = "5";
  });
  afterAll(() => {
    delete process.env.CBS_ODATA_URL;
    delete process.env.MONITOR_RETRY_DELAY_MS;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir ?? (() => { throw new Error("the pull command's folder is used before its beforeAll ran"); })();
    },
  };
}
