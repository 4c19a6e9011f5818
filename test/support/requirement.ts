/**
 * Tests that need something outside the project: Chromium, ../shared (the seed text, the
 * ECMA-376 validator), xmllint. In a user's fresh clone one may be absent: the tests that need it
 * say why and skip. Under CI=true nothing skips: each such test is there and fails, naming what
 * is missing, so that a run without it can never pass as green.
 */

/** Whether this is a CI run (CI=true, as .ci/run and land.sh set it; "false" or "0" is not). */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = (env.CI ?? "").trim().toLowerCase();
  return ci !== "" && ci !== "false" && ci !== "0";
}

type Body = () => void;
type TestFn = (name: string, fn: jest.ProvidesCallback, timeout?: number) => void;

export interface Requirement {
  /** True when the thing is here and the tests run. */
  available: boolean;
  /** `describe` when it is here; otherwise a skipped describe, or under CI one failing test. */
  describe: (name: string, body: Body) => void;
  /** `it` when it is here; otherwise a skipped test, or under CI a failing one. */
  it: TestFn;
}

/**
 * What a group of tests needs: `missing` is null when it is here, else why it is not (with how
 * to get it). Call at the top of a test file or a describe block.
 */
export function requirement(what: string, missing: string | null, env: NodeJS.ProcessEnv = process.env): Requirement {
  if (missing === null) return { available: true, describe: (name, body) => describe(name, body), it: (name, fn, timeout) => it(name, fn, timeout) };
  const reason = `${what} is not available: ${missing}`;
  if (inCi(env)) {
    const fail = () => {
      throw new Error(`Under CI=true this test must run, but ${reason}`);
    };
    return {
      available: false,
      describe: (name) => describe(name, () => it(`cannot run: ${what} is not available`, fail)),
      it: (name) => it(`${name} (cannot run: ${what} is not available)`, fail),
    };
  }
  // Straight to stderr: jest hides the console of a file whose tests all skip.
  process.stderr.write(`Tests skipped: ${reason}. Under CI=true they fail instead.\n`);
  return { available: false, describe: (name, body) => describe.skip(name, body), it: (name, fn, timeout) => it.skip(name, fn, timeout) };
}
