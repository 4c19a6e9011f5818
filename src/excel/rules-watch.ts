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
 * The put-back's own syncs (issue 14): from that last read on, until the rules are written, every
 * sync of the put-back (the rows added back, the formulas restored, the rules' own reads and
 * writes) carries a look at every item at its start and at its end (follow): the one queued
 * first after the sync before, the other queued last. Excel runs the batch in order, so what
 * differs between the two looks of one sync is the put-back's (a row added inside a format's range
 * grows it), and what differs between the end of one sync and the start of the next is the
 * analyst's. Office.js cannot branch inside a batch ("if it is unchanged, write it"), so a write
 * is decided in JS from every look back so far (still: nothing of the analyst's seen since the
 * read before the pull), and the look at the start of the write's own batch is the check: it runs
 * just before the write. Should the analyst have changed the rule in the one gap left, between the
 * last sync before the write and the write's sync, that look saw their version and the write
 * overwrote it; it is known right after that sync (overwritten), and their version, as the look
 * saw it, is written back in one more sync, and named as theirs. Nothing is ever overwritten
 * without a word, and the put-back takes not one sync more than without the looks when nothing
 * was edited (they ride the syncs there are). Safer than writing first and comparing after: a
 * write decided on a look that already saw the edit is never sent. The looks weigh what they
 * weigh in the deletes' syncs; the put-back's reads are made smaller by as much (table-refresh.ts).
 *
 * Left: an edit made after the rule's write, while the put-back goes on with other rules: it is not
 * overwritten, and it is named only when a later look of the put-back sees it. The look queued after
 * the put-back's last sync goes, unread, with Excel.run's own sync at the end (it sends what is still
 * queued; fakeRun models it): a read, it changes nothing, but a chart that lost a series meanwhile
 * makes Excel refuse it (getItemAt past the end, see watchCharts), as it does any look of the watch.
 */

/** What a put-back module asks of the watch around each write of one of its items (RulesWatch.guard). */
export interface WriteGuard<T> {
  still: (item: T) => boolean;
  writing: (item: T) => void;
}

/** Lets every write through: a put-back without a watch. */
export const UNGUARDED: WriteGuard<unknown> = { still: () => true, writing: () => undefined };

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
  /** Queues writing `state` (as a look gave it) back; false where it cannot (a state it cannot write). */
  putBack?: (state: string, context: Excel.RequestContext) => boolean;
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
  /** Whether the read after the stop came back (a refused one leaves every item unknown). */
  private reread_ = false;
  /** Undoes follow: the context's own sync again. */
  private unfollow_: (() => void) | null = null;
  /** For each item written back, the index of the look at the start of each batch that wrote it. */
  private readonly writes = new Map<number, number[]>();
  /** The items split gave as the pull's: those after() checks once they are written. */
  private readonly ours = new Set<number>();
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

  /**
   * After the stop, before the rows go back: every item read once more, in a sync of its own, and
   * from then on every sync of `context` looks at every item at its start and at its end, until
   * unfollow (see the top of this file). A refused read leaves every item unknown, and nothing more
   * is looked at.
   */
  async reread(context: Excel.RequestContext): Promise<void> {
    if (!this.on || !this.items.length) return;
    this.follow(context);
    try {
      await context.sync();
      this.reread_ = true;
    } catch {
      this.reread_ = false;
      this.unfollow();
    }
  }

  /**
   * Wraps `context.sync` (an own property over the prototype's, taken away by unfollow): a look
   * queued last before each sync (`after`: the batch may have moved rows), and one queued first
   * after it, for the next batch. The put-back's modules sync as they always do.
   */
  private follow(context: Excel.RequestContext): void {
    const own = Object.prototype.hasOwnProperty.call(context, "sync");
    const sync = context.sync;
    this.look(false);
    context.sync = async <T>(passThroughValue?: T) => {
      this.look(true);
      try {
        return (await sync.call(context, passThroughValue)) as T;
      } finally {
        this.look(false);
      }
    };
    this.unfollow_ = () => {
      if (own) context.sync = sync;
      else Reflect.deleteProperty(context, "sync");
    };
  }

  /** Stops looking at every sync (the put-back's writes are done). */
  unfollow(): void {
    this.unfollow_?.();
    this.unfollow_ = null;
  }

  /**
   * What a put-back module asks just before queuing a write of item (offset + index of `of`):
   * `still`, whether every look back so far says it is the pull's (nothing of the analyst's seen);
   * `writing`, called as the write is queued, notes the look at the start of its batch.
   */
  guard<T>(of: readonly T[], offset: number): WriteGuard<T> {
    const index = (item: T) => offset + of.indexOf(item);
    return {
      still: (item) => this.verdict(index(item)) === "ours",
      writing: (item) => {
        const i = index(item);
        this.writes.set(i, [...(this.writes.get(i) ?? []), this.looks.length - 1]);
      },
    };
  }

  /**
   * Once the rules are written (after unfollow): of the items split gave as ours, those the
   * analyst changed after that, seen by a later look, are named as theirs (`edited`); one whose
   * write overwrote their edit (the look at the start of the write's batch saw other than the look
   * before it) is written back as that look saw it, in one sync more, and named as theirs too. One
   * whose version cannot be written (WatchItem.putBack false), or where Excel refuses that sync, is
   * named as not put back (`left`): what it holds is not known to be theirs or the pull's.
   */
  async after(context: Excel.RequestContext): Promise<{ edited: Reference[]; left: Reference[] }> {
    const out = { edited: [] as Reference[], left: [] as Reference[] };
    const back: { ref: Reference; queued: boolean }[] = [];
    for (const i of this.ours) {
      const overwritten = this.overwritten(i);
      if (overwritten !== null) {
        const { putBack } = this.items[i];
        back.push({ ref: this.items[i].ref, queued: putBack?.(overwritten, context) ?? false });
      } else if (this.verdict(i) === "edited") out.edited.push(this.items[i].ref);
    }
    if (!back.length) return out;
    try {
      if (back.some((b) => b.queued)) await context.sync();
      for (const b of back) (b.queued ? out.edited : out.left).push(b.ref);
    } catch {
      out.left.push(...back.map((b) => b.ref));
    }
    return out;
  }

  /** What the look at the start of a batch that wrote item i saw, where it differs from the look before it (the analyst's edit that write overwrote); null where none did. */
  private overwritten(i: number): string | null {
    for (const w of this.writes.get(i) ?? []) {
      const at = safe(this.looks[w].seen[i]);
      const before = this.looks
        .slice(0, w)
        .map((look) => safe(look.seen[i]))
        .filter((state) => state !== null)
        .pop();
      if (at !== null && before !== undefined && at !== before) return at;
    }
    return null;
  }

  /** The items that may be put back, those the analyst changed during the pull, those not known to be either, and those the analyst deleted. */
  split<T>(of: readonly T[], offset: number): { ours: T[]; edited: Reference[]; unknown: Reference[]; deleted: Reference[] } {
    const out = { ours: [] as T[], edited: [] as Reference[], unknown: [] as Reference[], deleted: [] as Reference[] };
    of.forEach((rule, k) => {
      const i = offset + k;
      const verdict = this.verdict(i);
      if (verdict === "ours") {
        out.ours.push(rule);
        this.ours.add(i);
      }
      else out[verdict].push(this.items[i].ref);
    });
    return out;
  }

  private verdict(i: number): Verdict {
    if (!this.on || !this.reread_) return "unknown";
    // Every state seen of item i in order: the read before, each look (null: not back, or not yet), the read after the stop and the put-back's among them; `after`: at the end of a batch that may move rows.
    const states = [{ state: this.items[i].before as string | null, after: false }, ...this.looks.map((look) => ({ state: safe(look.seen[i]), after: look.after }))];
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
