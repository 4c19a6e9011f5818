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
 *
 * Every formula entered is one invocation registered here and, when the cell is edited, cleared
 * or recalculated with other arguments, one cancellation: a sheet of a thousand formulas filled
 * down or recalculated does that a thousand times. So one formula's bookkeeping is one record
 * (the formula, its arguments and what it was sent last, no closures over them and no answer
 * objects) in an array that it leaves by swapping the last record into its place.
 */

/** The part of CustomFunctions.StreamingInvocation the add-in uses. */
export interface Invocation {
  setResult(value: unknown): void;
  onCanceled?: () => void;
}

/** What a streaming function computes, made once per function (not per formula). */
export interface Formula {
  /** The answer from the current data; throws when there is none. */
  answer(args: readonly unknown[]): unknown;
  /** What Excel shows for a failure (an Excel error with its message). */
  error(thrown: unknown): unknown;
}

interface Live {
  readonly formula: Formula;
  readonly args: readonly unknown[];
  readonly invocation: Invocation;
  /** Where it is in `live`; -1 once cancelled. */
  slot: number;
  /** Whether anything was sent yet, and what: a value or an error. */
  sent: boolean;
  last: unknown;
  lastFailed: boolean;
}

const live: Live[] = [];
let ready = false;

/** An error compared by what Excel shows of it. */
function errorKey(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  return `${String(e.code)}|${String(e.message)}`;
}

/** The same answer: a number or text compared as it is (most formulas, and cheap), a spilled array by content. */
function sameAnswer(entry: Live, value: unknown, failed: boolean): boolean {
  if (failed !== entry.lastFailed) return false;
  if (failed) return errorKey(value) === errorKey(entry.last);
  if (typeof value !== "object" || value === null) return value === entry.last;
  return JSON.stringify(value) === JSON.stringify(entry.last);
}

function deliver(entry: Live): void {
  let value: unknown;
  let failed = false;
  try {
    value = entry.formula.answer(entry.args);
  } catch (thrown) {
    value = entry.formula.error(thrown);
    failed = true;
  }
  if (entry.sent && sameAnswer(entry, value, failed)) return;
  entry.sent = true;
  entry.last = value;
  entry.lastFailed = failed;
  entry.invocation.setResult(value);
}

function cancel(entry: Live): void {
  const at = entry.slot;
  if (at < 0) return;
  const moved = live[live.length - 1];
  live[at] = moved;
  moved.slot = at;
  live.pop();
  entry.slot = -1;
}

/**
 * The invocation's onCanceled, made apart from `subscribe`: a closure over a record made in the
 * same function costs V8 far more where older objects fill the heap (the bench measured 1.3 instead
 * of 21 million such calls per second; node 20, V8 11.3).
 */
function cancelling(entry: Live): () => void {
  return () => cancel(entry);
}

/**
 * Registers one formula's invocation with its arguments (as Excel passed them, the invocation
 * taken off). It answers at once when the data is there, else when it arrives.
 */
export function subscribe(formula: Formula, args: readonly unknown[], invocation: Invocation): void {
  const entry: Live = { formula, args, invocation, slot: live.length, sent: false, last: undefined, lastFailed: false };
  live.push(entry);
  // Excel cancels an invocation when the cell is edited or cleared, or its arguments change.
  invocation.onCanceled = cancelling(entry);
  if (ready) deliver(entry);
}

/** The data changed (or became known): every live formula whose answer changed gets it. */
export function dataChanged(): void {
  ready = true;
  // A copy: a result Excel takes may cancel other formulas meanwhile (they are then skipped).
  for (const entry of live.slice()) if (entry.slot >= 0) deliver(entry);
}

/** The data is not known (any more): new formulas wait, live ones keep their last answer. */
export function dataUnknown(): void {
  ready = false;
}

/** How many formulas are live, for tests and the bench. */
export function liveCount(): number {
  return live.length;
}
