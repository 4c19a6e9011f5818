import { valueError } from "../data/errors";
import { EXCEL_READS as EXCEL, Reading } from "../text/excel-reads";
import { say } from "../text/message";
import { isRefusal } from "./batch";

/**
 * A read that comes before anything is written (the first look at the workbook of a pull, of
 * Regenerate and of the pane opening) and that Excel refuses, whatever the sync's error: the
 * user learns what was being read, that nothing changed, and what to do, with Excel's code for
 * support; never Excel's own text (in Office's language, not the pane's), never a stack.
 * The add-in's own errors (a row too large to read, already a message) and its bugs pass unchanged.
 */
export function firstReadRefused(error: unknown, reading: Reading): unknown {
  return isRefusal(error) ? valueError(say(EXCEL.readRefused, { code: error.code, reading })) : error;
}

/** Runs `read`, which writes nothing, and turns a sync Excel refuses into firstReadRefused's message; `at` follows how far it got. */
export async function readingFirst<T>(at: Reading, read: (at: { reading: Reading }) => Promise<T>): Promise<T> {
  const step = { reading: at };
  try {
    return await read(step);
  } catch (error) {
    throw firstReadRefused(error, step.reading);
  }
}
