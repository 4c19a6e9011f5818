/** The real timers, taken when this module loads: before a test stubs `setTimeout` to model a hidden page whose timers wait. */
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

/**
 * What `work` ends with, or `late` once `ms` have passed by the real clock. The clock is stopped
 * as soon as the race is decided: a timer left running after the last test kept Jest from
 * exiting ("Jest did not exit one second after the test run has completed").
 */
export async function withinRealTime<T, L>(work: Promise<T>, ms: number, late: L): Promise<T | L> {
  let clock: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<L>((resolve) => (clock = realSetTimeout(() => resolve(late), ms)));
  try {
    return await Promise.race([work, waited]);
  } finally {
    realClearTimeout(clock);
  }
}
