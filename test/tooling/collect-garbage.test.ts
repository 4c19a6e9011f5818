import { garbageCollector } from "../../scripts/lib/load";

/**
 * The command's collections between its phases: one runs only where node exposes the collector
 * (--expose-gc) and the heap grew by 64 MB or more since the last one; below that it frees too
 * little to pay for its time.
 */
const MB = 1024 * 1024;

describe("a collection between the command's phases", () => {
  it("runs when the heap grew by 64 MB since the last one, and not when it grew less", () => {
    let used = 0;
    const runs: number[] = [];
    // The stand-in collector leaves 20 MB in use, as a collection leaves what still lives.
    const collect = garbageCollector(() => () => void (runs.push(used), (used = 20 * MB)), () => used);
    used = 63 * MB;
    collect();
    expect(runs).toEqual([]);
    used = 64 * MB;
    collect();
    expect(runs).toEqual([64 * MB]);
    used = 83 * MB; // 63 MB more than the collection left
    collect();
    expect(runs).toEqual([64 * MB]);
    used = 84 * MB;
    collect();
    expect(runs).toEqual([64 * MB, 84 * MB]);
  });

  it("does nothing where node exposes no collector", () => {
    const collect = garbageCollector(() => undefined, () => 1024 * MB);
    expect(() => collect()).not.toThrow();
  });
});
