import { TABLE_NAMES } from "./package";
import { Problem } from "./types";
import { Result } from "./validate";
import { AnyMessage, say } from "../text/message";
import { INPUT } from "../text/input";

/** The resources a monitor package must have, by their name in datapackage.json. */
export const RESOURCE_NAMES = ["observations", "indicators", "sources"] as const;
export type ResourceName = (typeof RESOURCE_NAMES)[number];

/** What datapackage.json says of the edition: shown in the pane and kept with the workbook. */
export interface Edition {
  name: string;
  title: string;
  version: string;
  /** ISO date the figures refer to, where the descriptor gives one. */
  referenceDate: string;
}

export interface Descriptor {
  edition: Edition;
  /** Each resource's path, relative to the descriptor and checked to stay inside its folder. */
  paths: Map<ResourceName, string>;
}

const problem = (message: AnyMessage): Problem => ({ table: "datapackage.json", row: null, column: null, message });
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === "string" ? value : "");

/**
 * A resource path must be relative and stay inside the package's folder: "../x.csv",
 * "/etc/passwd", "C:\x", "file:…" or "https:…" are refused, so a package can never make the
 * add-in read (and quote in a message) a file outside it.
 */
export function checkResourcePath(path: string): AnyMessage | null {
  if (path === "") return say(INPUT.pathEmpty);
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith("/") || path.startsWith("\\") || /^[a-z]:/i.test(path)) return say(INPUT.pathNotRelative);
  if (path.includes("\\")) return say(INPUT.pathBackslash);
  if (path.split("/").some((part) => part === ".." || part === "")) return say(INPUT.pathOutside);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(path)) return say(INPUT.pathControl);
  return null;
}

/** Reads datapackage.json text: a clear message for anything that is not a monitor package. */
export function parseDescriptor(json: string): Result<Descriptor> {
  let value: unknown;
  try {
    value = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  } catch {
    return { ok: false, problems: [problem(say(INPUT.descriptorNotJson))] };
  }
  if (!isRecord(value)) return { ok: false, problems: [problem(say(INPUT.descriptorNotPackage))] };
  const resources = value.resources;
  if (!Array.isArray(resources)) return { ok: false, problems: [problem(say(INPUT.descriptorNoResources))] };
  const problems: Problem[] = [];
  const paths = new Map<ResourceName, string>();
  for (const name of RESOURCE_NAMES) {
    const named = resources.filter((r) => isRecord(r) && r.name === name);
    const resource = named[0];
    const table = TABLE_NAMES[name];
    if (named.length > 1) {
      // Which one was meant cannot be known; taking the first would be a silent choice.
      problems.push(problem(say(INPUT.resourceTwice, { count: named.length, name, table })));
      continue;
    }
    if (!isRecord(resource)) {
      problems.push(problem(say(INPUT.resourceMissing, { name, table })));
      continue;
    }
    const path = resource.path;
    if (typeof path !== "string") {
      problems.push(problem(say(INPUT.resourcePathNotText, { name })));
      continue;
    }
    const wrong = checkResourcePath(path);
    if (wrong) problems.push(problem(say(INPUT.resourcePath, { name, wrong })));
    else paths.set(name, path);
  }
  if (problems.length) return { ok: false, problems };
  const created = text(value.created);
  const edition: Edition = {
    name: text(value.name),
    title: text(value.title),
    version: text(value.version),
    referenceDate: /^\d{4}-\d{2}-\d{2}/.test(text(value.referenceDate)) ? text(value.referenceDate).slice(0, 10) : /^\d{4}-\d{2}-\d{2}/.test(created) ? created.slice(0, 10) : "",
  };
  return { ok: true, value: { edition, paths } };
}
