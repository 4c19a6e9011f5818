/**
 * Every MONITOR formula in the workbook is a live invocation of a streaming custom function
 * (functions.json: `"options": { "stream": true }`). Excel re-runs a non-volatile custom function
 * only when its arguments change: not on Calculate Now (office-js #1462), not when a workbook is
 * opened (#1567, "by design"). A streaming function instead keeps its invocation and may call
 * `setResult` whenever it likes (CustomFunctions.StreamingInvocation, CustomFunctionsRuntime 1.1),
 * so when the data changes the add-in answers every formula again itself, without asking Excel
 * to recalculate anything, and only formulas whose answer changed get a new result.
 *
 * Until the workbook's tables have been read, an invocation gets no result at all: Excel shows it
 * as pending (#BUSY!) rather than a figure from another dataset.
 */

/** The answer of one formula: a value Excel can show, or the error it raised. */
type Answer = { value: unknown } | { error: unknown };

/** The part of CustomFunctions.StreamingInvocation the add-in uses. */
export interface Invocation {
  setResult(value: unknown): void;
  onCanceled?: () => void;
}

interface Live {
  answer: () => Answer;
  invocation: Invocation;
  /** The answer sent last (null: none yet). */
  last: Answer | null;
}

const live = new Set<Live>();
let ready = false;

/** Compares answers by content: a spilled array that did not change is not sent again. */
function fingerprint(answer: Answer): string {
  if ("value" in answer) return `v${JSON.stringify(answer.value)}`;
  const error = answer.error as { code?: unknown; message?: unknown };
  return `e${String(error.code)}|${String(error.message)}`;
}

/** The same answer: a number or text compared as it is (most formulas, and cheap), anything else by content. */
function sameAnswer(a: Answer, b: Answer): boolean {
  if ("value" in a && "value" in b && (typeof a.value !== "object" || a.value === null)) return a.value === b.value;
  return fingerprint(a) === fingerprint(b);
}

function deliver(entry: Live): void {
  const answer = entry.answer();
  if (entry.last !== null && sameAnswer(entry.last, answer)) return;
  entry.last = answer;
  entry.invocation.setResult("value" in answer ? answer.value : answer.error);
}

/**
 * Registers one formula's invocation; `answer` computes its result from the current data. It
 * answers at once when the data is there, else when it arrives.
 */
export function subscribe(answer: () => Answer, invocation: Invocation): void {
  const entry: Live = { answer, invocation, last: null };
  live.add(entry);
  // Excel cancels an invocation when the cell is edited or cleared, or its arguments change.
  invocation.onCanceled = () => void live.delete(entry);
  if (ready) deliver(entry);
}

/** The data changed (or became known): every live formula whose answer changed gets it. */
export function dataChanged(): void {
  ready = true;
  for (const entry of live) deliver(entry);
}

/** The data is not known (any more): new formulas wait, live ones keep their last answer. */
export function dataUnknown(): void {
  ready = false;
}

/** How many formulas are live, for tests and the bench. */
export function liveCount(): number {
  return live.size;
}
