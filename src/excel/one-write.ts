import { MonitorError } from "../data/errors";
import { EXCEL_READS as EXCEL, WriteAction } from "../text/excel-reads";
import { say } from "../text/message";

/**
 * One write at a time across the shared runtime. The pane's pull and Regenerate and the ribbon's
 * Regenerate run in the same page (shared runtime), each in syncs of its own; two at once would
 * interleave their syncs on the same workbook (a pull's chunks between Regenerate's reads of
 * MonitorData, each taking the other's writes for the analyst's edits).
 *
 * A second write asked for while one runs is refused at once, not queued: a queued Regenerate
 * would run, unseen, over figures the user has not looked at yet (the pull may still be
 * cancelled or stop on an edit), and a queued pull would write a comparison made before the
 * sheets were rebuilt. Refused, nothing changes, the user is told at once which action is
 * running (the ribbon's click then opens the pane with that message) and clicks again when it
 * is done. Office queues a second click of the same ribbon button itself until the first calls
 * `event.completed()` (docs/develop/create-addin-commands.md); this covers the rest.
 *
 * Not covered: inserting a formula into the selected cell, which is one cell the user chose, as
 * if typed, and which a running pull's looks at the cells it writes already treat as the user's.
 */
let running: WriteAction | null = null;

/** A write refused because another runs: `running` names it. */
export class WriteRunning extends MonitorError {
  constructor(
    readonly asked: WriteAction,
    readonly running: WriteAction,
  ) {
    super("na", say(EXCEL.writeRunning, { asked, running }));
  }
}

/**
 * Runs `write` as the one write of the runtime, or throws WriteRunning without starting it. The
 * claim is taken before anything is awaited, so two clicks in the same turn cannot both pass, and
 * given back however the write ends.
 */
export async function oneWrite<T>(asked: WriteAction, write: () => Promise<T>): Promise<T> {
  if (running !== null) throw new WriteRunning(asked, running);
  running = asked;
  try {
    return await write();
  } finally {
    running = null;
  }
}
