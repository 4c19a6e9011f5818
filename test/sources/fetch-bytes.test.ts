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

/** The SourceError fetchBytes throws, whole (problems and whether a retry may help). */
const failure = async (url: string, options: FetchOptions): Promise<{ texts: string[]; retryable: boolean }> => {
  try {
    await fetchBytes(url, options);
  } catch (error) {
    if (error instanceof SourceError) return { texts: error.problems.map((p) => problemText(p, "nl")), retryable: error.retryable };
    throw error;
  }
  throw new Error("expected a refusal");
};
/** A body that sends one piece, then waits; aborting the request's signal breaks it off, as a browser's fetch does. */
const hanging = (init?: RequestInit) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode("id,naam\n"));
      init?.signal?.addEventListener("abort", () => controller.error(new DOMException("The operation was aborted.", "AbortError")));
    },
  });

describe("a request and how it ends", () => {
  it("asks for JSON or CSV, and leaves no listener on the caller's signal once done", async () => {
    const cancel = new AbortController();
    const removed = jest.spyOn(cancel.signal, "removeEventListener");
    let accept: string | null = null;
    await fetchBytes(URL_ASKED, { fetch: async (_, init) => ((accept = new Headers(init?.headers).get("accept")), new Response("x")), signal: cancel.signal });
    expect(accept).toBe("application/json, text/csv, */*");
    expect(removed).toHaveBeenCalledWith("abort", expect.any(Function));
  });

  it("a signal already aborted asks nothing", async () => {
    let asked = 0;
    const cancel = new AbortController();
    cancel.abort();
    expect(await failure(URL_ASKED, { fetch: async () => (asked++, new Response("x")), signal: cancel.signal })).toEqual({ texts: ["Geannuleerd; er is niets veranderd."], retryable: false });
    expect(asked).toBe(0);
  });

  it("cancelling while it waits for an answer stops the request at once", async () => {
    const cancel = new AbortController();
    // Answers after a second unless the request is aborted first.
    const slow: FetchOptions["fetch"] = (_, init) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => resolve(new Response("x")), 1000);
        init?.signal?.addEventListener("abort", () => (clearTimeout(timer), reject(new DOMException("aborted", "AbortError"))));
      });
    setTimeout(() => cancel.abort(), 10);
    expect(await failure(URL_ASKED, { fetch: slow, signal: cancel.signal, timeoutMs: 60_000 })).toEqual({ texts: ["Geannuleerd; er is niets veranderd."], retryable: false });
  });

  it("cancelled, timed out or cut off while the body streams: each said as such, the last two worth a retry", async () => {
    const cancel = new AbortController();
    setTimeout(() => cancel.abort(), 10);
    expect(await failure(URL_ASKED, { fetch: async (_, init) => new Response(hanging(init)), signal: cancel.signal, timeoutMs: 60_000 })).toEqual({ texts: ["Geannuleerd; er is niets veranderd."], retryable: false });
    const stopped = await failure(URL_ASKED, { fetch: async (_, init) => new Response(hanging(init)), timeoutMs: 50 });
    expect(stopped).toEqual({ texts: [expect.stringMatching(/^files\.invalid stopte met antwoorden \(na 0,05 seconden\); probeer het later opnieuw\./)], retryable: true });
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("id,naam\n"));
        controller.error(new TypeError("terminated"));
      },
    });
    expect(await failure(URL_ASKED, { fetch: async () => new Response(broken) })).toEqual({ texts: [expect.stringMatching(/^De verbinding met files\.invalid werd verbroken tijdens het ophalen\./)], retryable: true });
  });

  it("a time-out and an unreachable server are worth a retry; a redirect out and a 404 are not", async () => {
    const never: FetchOptions["fetch"] = (_, init) => new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    expect(await failure(URL_ASKED, { fetch: never, timeoutMs: 20 })).toEqual({ texts: [expect.stringMatching(/^files\.invalid antwoordde niet binnen 0,02 seconden/)], retryable: true });
    expect((await failure(URL_ASKED, { fetch: async () => Promise.reject(new TypeError("fetch failed")) })).retryable).toBe(true);
    const elsewhere = async () => Object.defineProperty(new Response("x"), "url", { value: "http://elsewhere.invalid/x.csv" });
    expect(await failure(URL_ASKED, { fetch: elsewhere })).toEqual({ texts: [expect.stringMatching(/^http:\/\/files\.invalid\/pakket\/observations\.csv verwijst door naar http:\/\/elsewhere\.invalid\/x\.csv, buiten http:\/\/files\.invalid\/\./)], retryable: false });
  });

  it("an error page without a body is an HTTP status, and a body not read is let go", async () => {
    expect(await failure(URL_ASKED, { fetch: async () => new Response(null, { status: 404, statusText: "Not Found" }) })).toEqual({ texts: [expect.stringMatching(/^http:\/\/files\.invalid\/pakket\/observations\.csv gaf HTTP 404 Not Found/)], retryable: false });
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({ cancel: () => void (cancelled = true) });
    await failure(URL_ASKED, { fetch: async () => new Response(body, { status: 500 }) });
    expect(cancelled).toBe(true);
  });

  it("an address that is no URL is named as typed", async () => {
    expect(await failure("pakket zonder adres", { fetch: async () => Promise.reject(new TypeError("Invalid URL")) })).toEqual({ texts: [expect.stringMatching(/^De server pakket zonder adres is niet bereikbaar/)], retryable: true });
    // An injected fetch may still answer it: the answer is taken as from that address.
    expect(text((await fetchBytes("pakket zonder adres", { fetch: async () => new Response("ok") })).bytes)).toBe("ok");
  });
});

describe("outside a browser, and a fetch without streams", () => {
  it("outside a browser a failed request is unreachable, without a second request to tell CORS apart", async () => {
    let asked = 0;
    const onceThenFine: FetchOptions["fetch"] = async () => {
      if (asked++ === 0) throw new TypeError("fetch failed");
      return new Response("x");
    };
    expect((await failure(URL_ASKED, { fetch: onceThenFine })).texts).toEqual([expect.stringMatching(/^De server files\.invalid is niet bereikbaar/)]);
    expect(asked).toBe(1);
  });

  it("in a browser, a server that answers only without CORS is named as refusing the add-in", async () => {
    const browserLike: FetchOptions["fetch"] = async (_, init) => {
      if (init?.mode !== "no-cors") throw new TypeError("Failed to fetch");
      return new Response(null, { status: 200 });
    };
    expect((await failure(URL_ASKED, { fetch: browserLike, inBrowser: true })).texts).toEqual([expect.stringMatching(/^De server files\.invalid staat niet toe dat de invoegtoepassing dit bestand ophaalt/)]);
  });

  // A polyfilled fetch (whatwg-fetch, for older webviews) gives a Response with no body stream, only arrayBuffer().
  const noStream = (size: number): FetchOptions["fetch"] => async () => ({ ok: true, status: 200, statusText: "OK", url: "", headers: new Headers(), body: undefined, arrayBuffer: async () => new Uint8Array(size).buffer }) as unknown as Response;

  it("takes a body without a stream up to the limit, and refuses one byte more", async () => {
    expect((await fetchBytes(URL_ASKED, { fetch: noStream(64), maxBytes: 64 })).bytes.byteLength).toBe(64);
    expect((await failure(URL_ASKED, { fetch: noStream(65), maxBytes: 64 })).texts).toEqual([`${URL_ASKED} is groter dan 64 bytes, de grens voor één antwoord van een server; er is niets gelezen of veranderd.`]);
  });
});
