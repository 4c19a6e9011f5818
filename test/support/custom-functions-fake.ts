/**
 * The custom functions runtime as far as our code uses it: `associate`, `Error`, `ErrorCode`,
 * and streaming invocations. Installed as a global before functions.ts is loaded; records what
 * was associated.
 *
 * Streaming functions (functions.json `"options": { "stream": true }`) are called with the
 * declared arguments and then a `CustomFunctions.StreamingInvocation`; they answer through
 * `setResult`, as often as they like, and Excel shows the last result. Until the first
 * `setResult` the cell is pending (#BUSY!). Excel calls `onCanceled` when the cell no longer
 * needs the invocation (its formula edited or cleared, its arguments changed): learn.microsoft.com
 * "CustomFunctions.StreamingInvocation interface" and "Custom functions: streaming".
 */
export class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

export const ErrorCode = { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" };

export function installCustomFunctions(): Map<string, (...args: unknown[]) => unknown> {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  (globalThis as Record<string, unknown>).CustomFunctions = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => {
      if (associated.has(id)) throw new Error(`${id} associated twice`);
      associated.set(id, fn);
    },
    Error: FakeCustomFunctionsError,
    ErrorCode,
  };
  return associated;
}

/** What a cell with a MONITOR formula shows: a value, an error with its message, or pending. */
export type Shown = unknown;
export const PENDING = { pending: "#BUSY!" } as const;

const shown = (result: unknown): Shown => (result instanceof FakeCustomFunctionsError ? { error: result.code, message: result.message } : result);

/** One streaming invocation: what its cell shows now, how often it was answered, and its cancel. */
export class FakeInvocation {
  results: unknown[] = [];
  onCanceled?: () => void;
  setResult = (value: unknown) => void this.results.push(value);
  get current(): Shown {
    return this.results.length === 0 ? PENDING : shown(this.results[this.results.length - 1]);
  }
  cancel(): void {
    this.onCanceled?.();
  }
}

/** Enters a formula once, the way Excel invokes a streaming function; the cell keeps the invocation. */
export function invoke(fn: (...args: unknown[]) => unknown, ...args: unknown[]): FakeInvocation {
  const invocation = new FakeInvocation();
  fn(...args, invocation);
  return invocation;
}

/** Calls a function and returns what its cell shows right away (the value, an error, or PENDING); the invocation is cancelled again. */
export function callExcel(fn: (...args: unknown[]) => unknown, ...args: unknown[]): Shown {
  const invocation = invoke(fn, ...args);
  invocation.cancel();
  return invocation.current;
}

/**
 * The add-in's functions installed on the fake and loaded, as a test file of them or of the
 * pane's following needs them: the registered functions, the API the pane hands data to, a
 * formula entered by its function's id (the cell keeps the invocation), and a call that returns
 * what the cell shows right away. Call once per test file, at its top (the functions module
 * registers itself when first loaded).
 */
export function loadedFunctions() {
  const functions = installCustomFunctions();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("../../src/functions/functions");
  type Api = import("../../src/functions/functions").LeidenMonitorFunctionsApi;
  const api = (globalThis as unknown as { LeidenMonitorFunctions: Api }).LeidenMonitorFunctions;
  const associated = (id: string) => {
    const fn = functions.get(id);
    if (!fn) throw new Error(`${id} is not associated`);
    return fn;
  };
  const formula = (id: string, ...args: unknown[]) => invoke(associated(id), ...args);
  const call = (id: string, ...args: unknown[]) => callExcel(associated(id), ...args);
  return { functions, api, formula, call };
}
