import { Problem } from "../data/types";
import { say } from "../text/message";
import { LimitName, SOURCES } from "../text/sources";
import { sourceProblem } from "./types";

/**
 * How much this layer reads at most, in bytes. A package of a million figures is about 130 MB of
 * CSV, so one file (a response, a file on disk, an entry of a zip) may be 256 MiB and a whole
 * zip may inflate to 512 MiB; anything larger is refused before it is read or inflated, and a
 * server or zip that says less than it sends is cut off at the same limit while it is counted.
 */
export const DEFAULT_LIMITS = {
  /** One network response (a datapackage.json, a CSV, a CBS page). */
  responseBytes: 256 * 1024 * 1024,
  /** One file read from disk or picked in the pane (a CSV, or a .zip as it is). */
  fileBytes: 256 * 1024 * 1024,
  /** One entry of a zip, inflated. */
  archiveEntryBytes: 256 * 1024 * 1024,
  /** All entries of a zip together, inflated. */
  archiveBytes: 512 * 1024 * 1024,
} as const satisfies Record<LimitName, number>;

export type ByteLimits = { [K in LimitName]: number };

/** Which limit was reached: the problem's parameters, rendered into a sentence only at the edge. */
export interface TooLarge {
  limit: LimitName;
  /** What was being read: a URL, a file name, "editie.zip: observations.csv". */
  what: string;
  limitBytes: number;
  /** The size declared beforehand (Content-Length, the zip's directory), when there was one. */
  sizeBytes?: number;
}

/** A limit reached, as a problem for the pane and the CLI: names what, the limit, and that nothing changed. */
export const tooLargeProblem = (table: string, problem: TooLarge): Problem => sourceProblem(table, say(SOURCES.tooLarge, problem));

/** A whole file (picked, or read before it is opened as a zip) over the limit for one file, or null. */
export const fileTooLarge = (name: string, sizeBytes: number, limits: Pick<ByteLimits, "fileBytes"> = DEFAULT_LIMITS): Problem | null =>
  sizeBytes > limits.fileBytes ? tooLargeProblem(name, { limit: "fileBytes", what: name, limitBytes: limits.fileBytes, sizeBytes }) : null;
