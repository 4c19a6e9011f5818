import { fetchBytes } from "../../src/sources/fetch-bytes";
import { FetchOptions, SourceError } from "../../src/sources/types";
import { problemText } from "../../src/text/problems";

/**
 * fetchBytes at its edges, with answers made here (an injected fetch): the byte limit exactly
 * reached, a body that arrives in several chunks, and a browser that is offline. Requests over
 * HTTP (time-outs, redirects, servers that fail) are in sources.test.ts, against local servers.
 */
const URL_ASKED = "http://files.invalid/pakket/observations.csv";
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const answering = (body: () => BodyInit | null, headers: Record<string, string> = {}): FetchOptions["fetch"] => async () => new Response(body(), { status: 200, headers });
/** A body streamed in these pieces, with no Content-Length. */
const chunked = (...pieces: string[]) => () =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(new TextEncoder().encode(piece));
      controller.close();
    },
  });
const refusal = async (options: FetchOptions, language: "nl" | "en" = "nl") => {
  try {
    await fetchBytes(URL_ASKED, options);
  } catch (error) {
    if (error instanceof SourceError) return error.problems.map((p) => problemText(p, language));
    throw error;
  }
  throw new Error("expected a refusal");
};

describe("the bytes of an answer", () => {
  it("come whole and in order when the body arrives in several chunks", async () => {
    const { bytes } = await fetchBytes(URL_ASKED, { fetch: answering(chunked("id,naam\n", "brp,BRP\n", "cbs,CBS\n")) });
    expect(text(bytes)).toBe("id,naam\nbrp,BRP\ncbs,CBS\n");
  });

  it("may be exactly as many as the limit, declared or streamed", async () => {
    const body = "x".repeat(64);
    const declared = await fetchBytes(URL_ASKED, { fetch: answering(() => body, { "Content-Length": "64" }), maxBytes: 64 });
    expect(declared.bytes.byteLength).toBe(64);
    const streamed = await fetchBytes(URL_ASKED, { fetch: answering(chunked(body.slice(0, 30), body.slice(30))), maxBytes: 64 });
    expect(text(streamed.bytes)).toBe(body);
  });

  it("one byte more is refused, naming the limit, and the size where the server declared it", async () => {
    const body = "x".repeat(65);
    expect(await refusal({ fetch: answering(() => body, { "Content-Length": "65" }), maxBytes: 64 })).toEqual([
      `${URL_ASKED} is groter dan 64 bytes (65 bytes), de grens voor één antwoord van een server; er is niets gelezen of veranderd.`,
    ]);
    // Streamed without a length: cut off at the limit, so how large it was is not known.
    expect(await refusal({ fetch: answering(chunked(body.slice(0, 30), body.slice(30))), maxBytes: 64 })).toEqual([
      `${URL_ASKED} is groter dan 64 bytes, de grens voor één antwoord van een server; er is niets gelezen of veranderd.`,
    ]);
  });

  it("an empty body is no bytes, not an error", async () => {
    const { bytes, contentType } = await fetchBytes(URL_ASKED, { fetch: answering(() => null, { "Content-Type": "text/csv" }) });
    expect(bytes.byteLength).toBe(0);
    expect(contentType).toBe("text/csv");
  });
});

describe("a browser that is offline", () => {
  const withNavigator = async (onLine: boolean, run: () => Promise<void>) => {
    const before = Object.getOwnPropertyDescriptor(globalThis, "navigator");
    Object.defineProperty(globalThis, "navigator", { value: { onLine }, configurable: true });
    try {
      await run();
    } finally {
      if (before) Object.defineProperty(globalThis, "navigator", before);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
  };
  const unreachable: FetchOptions["fetch"] = async () => {
    throw new TypeError("Failed to fetch");
  };

  it("is told it is offline, in Dutch and in English, and nothing is probed", async () => {
    await withNavigator(false, async () => {
      let probes = 0;
      const fetch: FetchOptions["fetch"] = async (input, init) => {
        if (init?.mode === "no-cors") probes++;
        return unreachable(input, init);
      };
      expect(await refusal({ fetch, inBrowser: true })).toEqual(["U bent offline; files.invalid is niet te bereiken. Er is niets veranderd."]);
      expect(await refusal({ fetch, inBrowser: true }, "en")).toEqual(["You are offline; files.invalid cannot be reached. Nothing was changed."]);
      expect(probes).toBe(0);
    });
  });

  it("online, an unreachable server is said to be unreachable, not offline", async () => {
    await withNavigator(true, async () => {
      expect(await refusal({ fetch: unreachable, inBrowser: true })).toEqual([expect.stringMatching(/^De server files\.invalid is niet bereikbaar/)]);
    });
  });
});
