import { isRefusal, MAX_SYNC_BYTES } from "./batch";

/**
 * Where the comparison's memory lives: the hashes of the rows each kind of source delivered
 * last (see data/compare.ts), kept with the workbook in custom XML parts (ExcelApi 1.5), not in
 * the document settings, which Microsoft supports up to 2 MB only (office-js #621; failures
 * from about 1 MB, #3957), while a table up to Excel's row limit needs about 30 MB of hashes (each row's and its key's, see data/compare.ts).
 *
 * A group's snapshot is split into parts of at most about 1 MB, written a few per sync (under
 * the 5 MB request limit), all of one generation. Each part's namespace names its group,
 * generation, index and count, so the parts can be listed without reading them. Only after the
 * new generation is complete are the group's older parts deleted; a reader takes, per group,
 * the newest generation whose parts are all there, so a write that fails halfway leaves the
 * previous snapshot in force.
 */
export const SNAPSHOT_NAMESPACE = "urn:leiden-monitor:snapshot:1";
/** Characters of hashes per XML part: 1 MB, so that three parts fit in one request or response. */
export const PART_CHARACTERS = 1_000_000;

export interface PartName {
  id: string;
  group: string;
  generation: string;
  index: number;
  count: number;
}

/** The namespace of one part; the generation is a number (the time of writing). */
export const partNamespace = (p: Omit<PartName, "id">) => `${SNAPSHOT_NAMESPACE}:${p.group}:${p.generation}:${p.index}:${p.count}`;

/** A part's name from its namespace; null for any other custom XML part. */
export function parsePartName(id: string, namespace: string): PartName | null {
  const match = /^urn:leiden-monitor:snapshot:1:([a-z]+):(\d{1,20}):(\d+):(\d+)$/.exec(namespace);
  if (!match || Number(match[3]) >= Number(match[4])) return null;
  return { id, group: match[1], generation: match[2], index: Number(match[3]), count: Number(match[4]) };
}

/** The XML of the parts of a snapshot: hex hashes joined by commas, split at commas into pieces of at most `size` characters. */
export function partsOf(group: string, generation: string, hashes: readonly string[], size = PART_CHARACTERS): string[] {
  const pieces: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const hash of hashes) {
    if (!/^[0-9a-f]{1,32}$/.test(hash)) throw new Error(`Not a row hash: ${hash.slice(0, 40)}`);
    if (current.length && length + hash.length + 1 > size) {
      pieces.push(current.join(","));
      [current, length] = [[], 0];
    }
    current.push(hash);
    length += hash.length + 1;
  }
  pieces.push(current.join(","));
  return pieces.map((piece, index) => `<snapshot xmlns="${partNamespace({ group, generation, index, count: pieces.length })}">${piece}</snapshot>`);
}

/** The hashes in a part's XML; null when it is not a snapshot part as written. */
export function hashesIn(xml: string): string[] | null {
  const match = /<snapshot xmlns="[^"]*">([0-9a-f,]*)<\/snapshot>\s*$/.exec(xml);
  if (!match) return null;
  return match[1] === "" ? [] : match[1].split(",");
}

/** Per group, the parts of its newest complete generation; and every other part (older, or left incomplete). */
export function chooseParts(parts: readonly PartName[]): { current: Map<string, PartName[]>; stale: PartName[] } {
  const generations = new Map<string, PartName[]>();
  for (const part of parts) {
    const key = `${part.group}#${part.generation}#${part.count}`;
    generations.set(key, [...(generations.get(key) ?? []), part]);
  }
  const current = new Map<string, PartName[]>();
  for (const list of generations.values()) {
    const { group, generation, count } = list[0];
    const complete = new Set(list.map((p) => p.index)).size === count;
    const best = current.get(group);
    if (complete && (!best || BigInt(generation) > BigInt(best[0].generation))) current.set(group, list);
  }
  const kept = new Set([...current.values()].flat());
  return { current, stale: parts.filter((p) => !kept.has(p)) };
}

/** The parts the workbook holds, by their namespaces (one sync, no XML read). */
async function listParts(context: Excel.RequestContext): Promise<PartName[]> {
  const all = context.workbook.customXmlParts.load("items/id,items/namespaceUri");
  await context.sync();
  return all.items.flatMap((item) => parsePartName(item.id, item.namespaceUri) ?? []);
}

/**
 * Reads every group's snapshot: the parts listed in one sync, the current ones' XML a few parts
 * per sync (their XML together could exceed Excel's 5 MB response). A part whose XML is not as
 * written makes its group unknown (no snapshot), never a partial one.
 */
export async function readSnapshots(context: Excel.RequestContext, limit = MAX_SYNC_BYTES): Promise<Map<string, string[]>> {
  const { current } = chooseParts(await listParts(context));
  const perSync = Math.max(1, Math.floor(limit / (PART_CHARACTERS + 1000)));
  const wanted = [...current.values()].flat().sort((a, b) => a.group.localeCompare(b.group) || a.index - b.index);
  const xml = new Map<string, string>();
  for (let from = 0; from < wanted.length; from += perSync) {
    const batch = wanted.slice(from, from + perSync).map((part) => ({ part, xml: context.workbook.customXmlParts.getItem(part.id).getXml() }));
    // One sync per few parts, by design (see above).
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const { part, xml: result } of batch) xml.set(part.id, result.value);
  }
  const snapshots = new Map<string, string[]>();
  for (const [group, parts] of current) {
    const pieces = parts.map((p) => hashesIn(xml.get(p.id) ?? ""));
    if (pieces.every((p) => p !== null)) snapshots.set(group, pieces.flat() as string[]);
  }
  return snapshots;
}

/**
 * The number of a new generation: the time of writing, but always above every generation
 * found, of any group, complete or not. A reader takes the largest complete one, so a computer
 * whose clock is behind the previous writer's (a colleague's laptop, a clock set back) must
 * still write the newest when the older parts outlive their delete (review R8).
 */
export function nextGeneration(found: readonly Pick<PartName, "generation">[], now: number): string {
  const largest = found.reduce((max, part) => (BigInt(part.generation) > max ? BigInt(part.generation) : max), 0n);
  const clock = BigInt(Math.max(0, Math.floor(now)));
  return String(clock > largest ? clock : largest + 1n);
}

/**
 * What a write of a group's snapshot left behind, once its new generation is complete (and is
 * the one a reader takes): null when the older parts are deleted too, else Excel's code for the
 * refused delete. Those parts are then still in the workbook (the file that much larger) but
 * unread, as a reader takes the newest complete generation; the next write of any group deletes
 * them, since it deletes every part that is not its group's newest complete one (see chooseParts).
 */
export type LeftBehind = { code: string } | null;

/**
 * Writes one group's snapshot as a new generation, a few parts per sync, then deletes the
 * group's older parts and any left incomplete. Throws (Excel's error) when Excel refuses a
 * write; the previous snapshot is then still the one a reader finds. A refused delete does not
 * throw: the new snapshot is saved, and the result says what was left behind (review R10).
 */
export async function writeSnapshot(context: Excel.RequestContext, group: string, hashes: readonly string[], options: { limit?: number; generation?: string; now?: number } = {}): Promise<LeftBehind> {
  if (!/^[a-z]+$/.test(group)) throw new Error(`Not a snapshot group: ${group}`);
  const limit = options.limit ?? MAX_SYNC_BYTES;
  const before = await listParts(context);
  const generation = options.generation ?? nextGeneration(before, options.now ?? Date.now());
  let pending = 0;
  for (const part of partsOf(group, generation, hashes, Math.min(PART_CHARACTERS, Math.floor(limit / 2)))) {
    if (pending > 0 && pending + part.length > limit) {
      // One sync per few parts, by design: together they would exceed Excel's 5 MB request.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      pending = 0;
    }
    context.workbook.customXmlParts.add(part);
    pending += part.length;
  }
  await context.sync();
  const { stale } = chooseParts(before);
  const older = new Set([...before.filter((p) => p.group === group), ...stale]);
  if (older.size === 0) return null;
  for (const part of older) context.workbook.customXmlParts.getItem(part.id).delete();
  try {
    await context.sync();
    return null;
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return { code: error.code };
  }
}
