import { snapshotOf } from "../../src/data/compare";
import { MonitorPackage } from "../../src/data/types";
import { EXCEL } from "../../src/text/excel";
import { isMessageOf } from "../../src/text/message";
import { FakeContext, WorkbookModel } from "./fake-excel";
import { runLoadData } from "./workbooks";

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

/**
 * Runs a pull of `pkg` into `model`, which holds what a pull of `previous` wrote, in syncs of at
 * most 2 KB, while Excel refuses with InsertDeleteConflict, before any of it runs, the `failAt`-th
 * sync after the writing began (the pull's "writing to Excel" counting as the first); every other
 * sync runs. Returns the pull's result and that count at its end (the refused sync and the undo's
 * included).
 */
export async function pullRefusedWhileWriting(model: WorkbookModel, pkg: MonitorPackage, previous: MonitorPackage, failAt: number) {
  const sync = FakeContext.prototype.sync;
  let writing = 0;
  const spy = jest.spyOn(FakeContext.prototype, "sync").mockImplementation(async function (this: FakeContext) {
    if (writing > 0 && ++writing === failAt) throw Object.assign(new Error("The operation could not be completed."), { code: "InsertDeleteConflict" });
    return sync.call(this);
  });
  try {
    const { result } = await runLoadData(model, pkg, { syncLimit: 2 * 1024, previous: new Set(snapshotOf(previous)), onProgress: (_f, m) => void (isMessageOf(m, EXCEL.writingToExcel) && (writing ||= 1)) });
    return { result, syncs: writing };
  } finally {
    spy.mockRestore();
  }
}

/** The error `promise` ends with, or null when it succeeds. */
export const errorOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );
