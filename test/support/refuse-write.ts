import { WorkbookModel } from "./fake-excel";

/**
 * Runs `action` while Excel refuses, with `code`, the `nth` sync that sends more than 1000 bytes
 * (a write, not a read-only sync); afterwards the fake accepts every sync again.
 */
export async function withNthWriteRefused<T>(
  model: WorkbookModel,
  nth: number,
  action: () => Promise<T>,
  code = "GeneralException",
): Promise<T> {
  let writes = 0;
  model.refuse = (bytes) => (bytes > 1000 && ++writes === nth ? code : null);
  try {
    return await action();
  } finally {
    model.refuse = null;
  }
}

/**
 * Runs `action` while Excel refuses, with `code`, the syncs whose numbers are in `nth` (counting
 * every sync from 1, reads included); afterwards the fake accepts every sync again.
 */
export async function withSyncsRefused<T>(model: WorkbookModel, nth: readonly number[], action: () => Promise<T>, code = "GeneralException"): Promise<T> {
  let syncs = 0;
  model.refuse = () => (nth.includes(++syncs) ? code : null);
  try {
    return await action();
  } finally {
    model.refuse = null;
  }
}

/** The error `promise` ends with, or null when it succeeds. */
export const errorOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );
