import { Slices, yieldToEventLoop } from "../../src/data/slices";
import { withinRealTime } from "../support/real-clock";

/**
 * A hidden page's timers wait (Chrome: a second, then a minute after five minutes hidden), and
 * the shared runtime of a closed pane is such a page: the pause between slices must not wait
 * for a timer. Here no timer ever fires.
 */
describe("yielding to the event loop in a hidden page, where timers wait", () => {
  const realSetTimeout = globalThis.setTimeout;
  let timers = 0;
  beforeEach(() => {
    timers = 0;
    globalThis.setTimeout = ((() => {
      timers++;
      return 0;
    }) as unknown) as typeof setTimeout;
  });
  afterEach(() => {
    globalThis.setTimeout = realSetTimeout;
  });

  /** `pause`'s outcome, or "still waiting" after 2 s (by the real clock, which the page's timers do not get). */
  const within2s = (pause: Promise<unknown>) => withinRealTime(pause.then(() => "returned"), 2000, "still waiting");

  it("returns without a timer", async () => {
    const order: string[] = [];
    const pause = yieldToEventLoop().then(() => order.push("after the pause"));
    order.push("before the pause");
    expect(await within2s(pause)).toBe("returned");
    expect(order).toEqual(["before the pause", "after the pause"]);
    expect(timers).toBe(0);
  });

  it("lets other work run in between (a task, not only a microtask)", async () => {
    let other = false;
    setImmediate(() => (other = true)); // Excel's answer or the pane's click, waiting in the event loop
    expect(await within2s(yieldToEventLoop())).toBe("returned");
    expect(other).toBe(true);
  });

  it("carries work in slices to its end: a hundred pauses, no timer", async () => {
    const slices = new Slices(yieldToEventLoop, 0);
    const work = (async () => {
      for (let i = 0; i < 100; i++) await slices.between();
    })();
    expect(await within2s(work)).toBe("returned");
    expect(timers).toBe(0);
  });
});
