/**
 * Work that scales with a table runs in slices: after about `budgetMs` of work it pauses (the
 * pane passes a pause that yields to Excel and the browser), so neither the pane nor a formula
 * waits long for the one JavaScript thread the shared runtime has.
 */
export type Pause = () => Promise<void>;

/**
 * Yields to the event loop: Excel's messages, the pane's input and its repaint run in between.
 * By a message on a MessageChannel, not a timer: browsers throttle timers in hidden pages (Chrome
 * to once a second, and to once a minute after five minutes hidden: "Heavy throttling of chained
 * JS timers", developer.chrome.com/blog/timer-throttling-in-chrome-88, which names setTimeout
 * and setInterval only), and the shared runtime of a closed task pane runs as such a page
 * (custom functions run markedly slower with the pane closed, office-js #6936). A posted message
 * is a task of its own, not a timer, and is not throttled so (N. Lawson, "Why do browsers
 * throttle JavaScript timers?", 2025: MessageChannel and window.postMessage run without the
 * timers' clamping). A timer only where there is no MessageChannel.
 */
export const yieldToEventLoop: Pause = () =>
  new Promise((resolve) => {
    if (typeof MessageChannel === "undefined") return void setTimeout(resolve, 0);
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

export class Slices {
  private started = now();

  constructor(
    private readonly pause: Pause | undefined,
    private readonly budgetMs = 30,
  ) {}

  /** Between two pieces of work: pauses when this slice has used its time. */
  async between(): Promise<void> {
    if (!this.pause || now() - this.started < this.budgetMs) return;
    await this.pause();
    this.started = now();
  }
}

/** Runs `work` on `items` in chunks of `size` (small, so that a slice ends near its budget), pausing between chunks once a slice is used up. */
export async function inSlices<T>(items: readonly T[], slices: Slices, work: (item: T, index: number) => void, size = 100): Promise<void> {
  for (let from = 0; from < items.length; from += size) {
    const to = Math.min(items.length, from + size);
    for (let i = from; i < to; i++) work(items[i], i);
    await slices.between();
  }
}

/**
 * Work written as steps: a generator that yields between two pieces of it (every few hundred
 * rows) and returns its result. `runSteps` runs it to its end at once (the command line, the
 * tests); `runStepsInSlices` awaits `between` after every step, which pauses once a slice has
 * used its time (see Slices), so that 100,000 rows never hold the thread in one piece.
 */
export type Steps<T> = Generator<unknown, T>;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `onStep` hears what each step yielded (the fraction done, for a progress bar). */
export async function runStepsInSlices<T, Y>(steps: Generator<Y, T>, between: () => Promise<void>, onStep?: (yielded: Y) => void): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onStep?.(step.value);
    await between();
  }
}

/** Rows of work between two yields of such steps: a few ms, so that a slice ends near its budget. */
export const ROWS_PER_STEP = 250;
