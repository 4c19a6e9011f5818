import { Language, Problem } from "../data/types";
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
} as const;

export type ByteLimits = { [K in keyof typeof DEFAULT_LIMITS]: number };

/** Which limit was reached: the problem's parameters, rendered into a sentence only at the end. */
export interface TooLarge {
  limit: keyof ByteLimits;
  /** What was being read: a URL, a file name, "editie.zip: observations.csv". */
  what: string;
  limitBytes: number;
  /** The size declared beforehand (Content-Length, the zip's directory), when there was one. */
  sizeBytes?: number;
}

/** "256 MB", "1,5 MB", "900 bytes": binary megabytes, as file managers show them. */
export function formatBytes(bytes: number, language: Language): string {
  const units = language === "nl" ? ["bytes", "kB", "MB", "GB"] : ["bytes", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = unit === 0 ? String(value) : String(Math.round(value * 10) / 10);
  return `${language === "nl" ? rounded.replace(".", ",") : rounded} ${units[unit]}`;
}

const LIMIT_NAMES: Record<keyof ByteLimits, Record<Language, string>> = {
  responseBytes: { nl: "de grens voor één antwoord van een server", en: "the limit for one response from a server" },
  fileBytes: { nl: "de grens voor één bestand", en: "the limit for one file" },
  archiveEntryBytes: { nl: "de grens voor één uitgepakt bestand in een zip", en: "the limit for one unpacked file in a zip" },
  archiveBytes: { nl: "de grens voor alles in een zip samen, uitgepakt", en: "the limit for everything in a zip together, unpacked" },
};

/** The sentence for a limit reached: names what, the limit, and that nothing changed. */
export function tooLargeText(problem: TooLarge, language: Language): string {
  const limit = formatBytes(problem.limitBytes, language);
  const name = LIMIT_NAMES[problem.limit][language];
  const size = problem.sizeBytes === undefined ? "" : ` (${formatBytes(problem.sizeBytes, language)})`;
  return language === "nl"
    ? `${problem.what} is groter dan ${limit}${size}, ${name}; er is niets gelezen of veranderd.`
    : `${problem.what} is larger than ${limit}${size}, ${name}; nothing was read or changed.`;
}

/** A limit reached, as a problem for the pane and the CLI (Dutch, like every source problem). */
export const tooLargeProblem = (table: string, problem: TooLarge): Problem => sourceProblem(table, tooLargeText(problem, "nl"));

/** A whole file (picked, or read before it is opened as a zip) over the limit for one file, or null. */
export const fileTooLarge = (name: string, sizeBytes: number, limits: Pick<ByteLimits, "fileBytes"> = DEFAULT_LIMITS): Problem | null =>
  sizeBytes > limits.fileBytes ? tooLargeProblem(name, { limit: "fileBytes", what: name, limitBytes: limits.fileBytes, sizeBytes }) : null;
