/**
 * The custom functions runtime as far as our code uses it: `associate`, `Error`, `ErrorCode`.
 * Installed as a global before functions.ts is loaded; records what was associated.
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

/** Calls a function the way Excel does and returns its value or the Excel error it raised. */
export function callExcel(fn: (...args: unknown[]) => unknown, ...args: unknown[]): unknown {
  try {
    return fn(...args);
  } catch (e) {
    if (e instanceof FakeCustomFunctionsError) return { error: e.code, message: e.message };
    throw e;
  }
}
