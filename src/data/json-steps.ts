import type { Steps } from "./slices";

/** A JSON.stringify replacer that does not look at `this` (the holder). */
export type Replacer = (key: string, value: unknown) => unknown;

/** Values written in one piece (a cell's properties, a number) between two yields: about a few ms of work. */
export const LEAVES_PER_STEP = 500;

interface Context {
  write: (text: string) => void;
  replacer: Replacer | undefined;
  leaves: number;
  perStep: number;
}

/**
 * The text JSON.stringify(value, replacer) makes, handed to `write` in pieces, as steps that
 * yield every `perStep` values written: so that the print of a sheet of thousands of rows (what
 * Excel reports of every cell) does not hold the thread in one piece. The same text for plain
 * data (what Excel's JSON gives: no toJSON other than JSON's own, no boxed primitives), with
 * the replacer applied once to every value as JSON.stringify applies it; returns false where
 * JSON.stringify gives undefined (nothing written). Arrays of arrays are written element by
 * element at any depth, and objects key by key, but an array without arrays in it (a row of
 * values or of cells' reports) in one piece, each of its elements counted: that is where the
 * data grows, by rows and cells.
 */
export function* jsonInSteps(value: unknown, write: (text: string) => void, replacer?: Replacer, perStep = LEAVES_PER_STEP): Steps<boolean> {
  const context: Context = { write, replacer, leaves: 0, perStep };
  const prepared = prepare({ "": value }, "", value, replacer);
  if (Array.isArray(prepared)) yield* arraySteps(prepared, context);
  else if (prepared !== null && typeof prepared === "object") yield* objectSteps(prepared as Record<string, unknown>, context);
  else {
    const text = leaf(prepared, replacer);
    if (text === undefined) return false;
    write(text);
  }
  return true;
}

/** What JSON.stringify serializes in the place of `raw` (the property `key` of `holder`): toJSON's result, then the replacer's. */
function prepare(holder: unknown, key: string, raw: unknown, replacer: Replacer | undefined): unknown {
  let value = raw;
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") value = (value as { toJSON(key: string): unknown }).toJSON(key);
  return replacer ? replacer.call(holder, key, value) : value;
}

/** After each value written in one piece: a yield once `perStep` of them were written since the last. */
function counted(context: Context): boolean {
  if (++context.leaves < context.perStep) return false;
  context.leaves = 0;
  return true;
}

function* arraySteps(array: readonly unknown[], context: Context): Generator<unknown, void> {
  if (!array.some(Array.isArray)) {
    // A row (of values, or of cells' reports): in one piece, as one JSON.stringify writes it
    // faster than each element on its own (a sheet's 1.6 million values took twice as long so).
    context.write(leaf(array, context.replacer) as string);
    context.leaves += array.length;
    if (context.leaves >= context.perStep) {
      context.leaves = 0;
      yield;
    }
    return;
  }
  context.write("[");
  for (let i = 0; i < array.length; i++) {
    const value = prepare(array, String(i), array[i], context.replacer);
    const separator = i ? "," : "";
    if (Array.isArray(value)) {
      context.write(separator);
      yield* arraySteps(value, context);
    } else {
      // An element that is an object (a cell's report) is written in one piece; one JSON cannot write is null in an array.
      context.write(separator + (leaf(value, context.replacer) ?? "null"));
      if (counted(context)) yield;
    }
  }
  context.write("]");
}

function* objectSteps(object: Record<string, unknown>, context: Context): Generator<unknown, void> {
  context.write("{");
  let first = true;
  for (const key of Object.keys(object)) {
    const value = prepare(object, key, object[key], context.replacer);
    const prefix = `${first ? "" : ","}${JSON.stringify(key)}:`;
    if (Array.isArray(value)) {
      context.write(prefix);
      yield* arraySteps(value, context);
    } else if (value !== null && typeof value === "object") {
      context.write(prefix);
      yield* objectSteps(value as Record<string, unknown>, context);
    } else {
      // A property JSON cannot write (undefined, a function) is left out with its key.
      const text = leaf(value, context.replacer);
      if (text === undefined) continue;
      context.write(prefix + text);
      if (counted(context)) yield;
    }
    first = false;
  }
  context.write("}");
}

/**
 * A prepared value in one piece: JSON.stringify of it, with the replacer applied to what is
 * inside it but not again to itself (the root call, which JSON.stringify makes first).
 */
function leaf(value: unknown, replacer: Replacer | undefined): string | undefined {
  if (!replacer || value === null || typeof value !== "object") return JSON.stringify(value);
  let root = true;
  return JSON.stringify(value, function (this: unknown, key: string, inner: unknown) {
    if (root) {
      root = false;
      return inner;
    }
    return replacer.call(this, key, inner);
  });
}
