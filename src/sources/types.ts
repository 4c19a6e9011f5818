import { Edition } from "../data/descriptor";
import { MonitorPackage, Problem } from "../data/types";
import { Result } from "../data/validate";
import { AnyMessage } from "../text/message";
import { problemText } from "../text/problems";

/** The one way this layer reaches a network: a fetch given to it (the browser's, Node's, or a test's). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface FetchOptions {
  fetch: FetchLike;
  /** Per request; a server that does not answer in time is reported as such. */
  timeoutMs?: number;
  /** The user's cancel. */
  signal?: AbortSignal;
  /** A message per step, for a progress line or bar (shown in the reader's language). */
  onProgress?: (message: AnyMessage) => void;
  /** In a browser a blocked cross-origin request looks like a network error: probe to tell which. */
  inBrowser?: boolean;
  /** Bytes one response may have (DEFAULT_LIMITS.responseBytes unless a caller or test wants less). */
  maxBytes?: number;
  /**
   * Where a response may come from after redirects: a URL prefix such as the package's folder
   * ("https://host/editie/"). Without it, only the requested URL's own origin.
   */
  within?: string;
}

/** A package pulled from a source, validated, with what it says of itself and where it came from. */
export interface PulledPackage {
  package: MonitorPackage;
  edition: Edition;
  /** Where it came from, as shown to the user: a URL, a file name, "meegeleverde editie". */
  origin: string;
}

export type PullResult = Result<PulledPackage>;

/**
 * A failure of a source, as problems the pane and the CLI show in their language. Its Error
 * message (for a log, never what the user is shown) is their Dutch text, the add-in's default.
 */
export class SourceError extends Error {
  /** `retryable`: a time-out, a network error or a server error (5xx), which may pass. */
  constructor(
    readonly problems: Problem[],
    readonly retryable = false,
  ) {
    super(problems.map((p) => problemText(p, "nl")).join(" "));
    this.name = "SourceError";
  }
}

export const sourceProblem = (table: string, message: AnyMessage): Problem => ({ table, row: null, column: null, message });
