import { CHAR_BYTES, MAX_SYNC_BYTES } from "./batch";
import type { Reference } from "../text/references";

/**
 * Keeps the put-back of rules (formats-, validations-, charts-put-back.ts) from overwriting what
 * the analyst changed while the pull ran (issue 14: only what the add-in wrote, and can prove is
 * unchanged). The put-back writes each rule or series as it was read before the pull wrote
 * anything; if the analyst edited it after that read, the write would undo their edit.
 *
 * So each rule read to be put back is looked at in every sync that deletes rows, just before
 * and just after the delete, and so in each that makes room for new rows (cells inserted below a
 * table, rows added above its total row): those move and grow what is below, a format reaching
 * there included, and that is the pull's doing too: Excel runs a batch's commands one after another, as they were
 * queued (learn.microsoft.com, office/dev/add-ins/develop/application-specific-api-model, "sync()":
 * the queued actions run as one batch of commands; the row looks of table-refresh.ts rely on the
 * same order), and the analyst's edits come between two syncs, never inside one. So
 * a difference between two looks of one sync is the delete's (Excel shrank it, made #REF! of it),
 * and a difference between the last look of one sync and the first of the next, or from the read
 * before the pull, is the analyst's. Once the pull stops, each is read once more, in a sync of its
 * own before the rows go back (in the coordinates the deletes left, as the looks). What differs
 * from the last look is the analyst's as well. A rule the analyst changed is left as they made it
 * and named (Shortfall.edited). Excel refuses a sync and returns nothing of it. Its delete may
 * have run (the docs do not say), so a rule that differs after it is not known to be the pull's
 * or the analyst's: it is not written, and it is named as not put back (Shortfall.left).
 *
 * Left: an edit the analyst makes during the whole put-back, after the last read: the rows added
 * back and the formulas restored (as many syncs as the undo needs) and the rules' own read and
 * write (restoreFormats). Such an edit is overwritten without a word; the README says so. Watching
 * there too would need looks around every sync of the undo that moves rows.
 */

/** One rule or chart read to be put back, as the watch sees it. */
export interface WatchItem {
  /** What the pane names when it is not put back. */
  ref: Reference;
  /** Its state as read before the pull wrote anything (a string: where it applies and its rule). */
  before: string;
  /** What a look at it weighs in a response, at most (see the put-back modules). */
  bytes: number;
  /** Queues a look at it; what it gives, after the sync, is its state, or null where the look did not come back. */
  queue: () => () => string | null;
  /** The state a look gives once the analyst deleted it (a chart: Excel deletes none with rows), where that is known to be theirs. */
  gone?: string;
}

/**
 * What the looks of one sync that deletes may weigh, both together, at most: half a sync, so that
 * the delete, its look at the rows and the looks at the rules stay under Excel's 5 MB
 * (MAX_SYNC_BYTES is 4 MB). Above it, the rules are not watched: none is written, all are named
 * as not put back.
 */
const WATCH_BYTES = MAX_SYNC_BYTES / 2;

/** The most one rule can weigh in a response: two formulas of 8,192 characters ("Excel specifications and limits"), CHAR_BYTES each, with room for the rest of it. */
const EDIT_ROOM = 2 * 8_192 * CHAR_BYTES + 2_000;

type Verdict = "ours" | "edited" | "unknown" | "deleted";

export class RulesWatch {
  /** Each look in the order queued: whether it was just after a delete, and what each item was. */
  private readonly looks: { after: boolean; seen: (() => string | null)[] }[] = [];
  private now: (() => string | null)[] | null = null;
  readonly on: boolean;

  /** What one look at every item weighs, watched or not. */
  private readonly weight: number;

  constructor(private readonly items: readonly WatchItem[]) {
    this.weight = items.length ? items.reduce((n, item) => n + item.bytes, EDIT_ROOM) : 0;
    this.on = 2 * this.weight <= WATCH_BYTES;
  }

  /**
   * What one look at every item weighs (0 while none is watched: look queues nothing then, and
   * the deletes' syncs are not made smaller for it): each as read before, and room for one the
   * analyst made as long as a rule can be meanwhile (EDIT_ROOM). Should they make several that
   * long between two syncs, Excel refuses the response: the pull stops there, and what it cannot
   * tell is named, as after any refusal.
   */
  get bytes(): number {
    return this.on ? this.weight : 0;
  }

  /** Queues a look at every item, just before (`after` false) or just after a delete, in its batch. */
  look(after: boolean): void {
    if (this.on && this.items.length) this.looks.push({ after, seen: this.items.map((item) => item.queue()) });
  }

  /** After the stop, before the rows go back: every item read once more, in a sync of its own. A refused read leaves every item unknown. */
  async reread(context: Excel.RequestContext): Promise<void> {
    if (!this.on || !this.items.length) return;
    const seen = this.items.map((item) => item.queue());
    try {
      await context.sync();
      this.now = seen;
    } catch {
      this.now = null;
    }
  }

  /** The items that may be put back, those the analyst changed during the pull, those not known to be either, and those the analyst deleted. */
  split<T>(of: readonly T[], offset: number): { ours: T[]; edited: Reference[]; unknown: Reference[]; deleted: Reference[] } {
    const out = { ours: [] as T[], edited: [] as Reference[], unknown: [] as Reference[], deleted: [] as Reference[] };
    of.forEach((rule, k) => {
      const i = offset + k;
      const verdict = this.verdict(i);
      if (verdict === "ours") out.ours.push(rule);
      else out[verdict].push(this.items[i].ref);
    });
    return out;
  }

  private verdict(i: number): Verdict {
    if (!this.on || !this.now) return "unknown";
    // Every state seen of item i in order: the read before, each look (null: not back), the read after the stop; `after`: just after a delete.
    const states = [{ state: this.items[i].before as string | null, after: false }, ...this.looks.map((look) => ({ state: safe(look.seen[i]), after: look.after })), { state: safe(this.now[i]), after: false }];
    // Gone at the last look that came back, where gone is the analyst's doing (WatchItem.gone): theirs, and nothing to put back.
    const { gone } = this.items[i];
    if (gone !== undefined && states.filter((x) => x.state !== null).pop()?.state === gone) return "deleted";
    let last = 0;
    let unsure = false;
    for (let s = 1; s < states.length; s++) {
      const { state, after } = states[s];
      if (state === null) continue;
      if (state !== states[last].state) {
        // Nothing the pull did came between: the analyst's. Only the one delete between a look and the next, in one sync: Excel's. A delete and a gap: not known.
        const deletes = states.slice(last + 1, s + 1).filter((x) => x.after).length;
        if (deletes === 0) return "edited";
        if (!(deletes === 1 && after && s === last + 1 && last > 0)) unsure = true;
      }
      last = s;
    }
    return unsure ? "unknown" : "ours";
  }
}

/** What a look saw, or null where its sync did not come back (a property not loaded). */
function safe(seen: () => string | null): string | null {
  try {
    return seen();
  } catch {
    return null;
  }
}
