import { spawnSync } from "child_process";
import { join } from "path";
import { inCi } from "../support/requirement";

/**
 * What a run says when tests cannot run: a child jest on small fixture files, with and without
 * CI=true, reporting through the project's summary reporter. The expected lines are written
 * out here, from what each fixture contains.
 */
const ROOT = join(__dirname, "..", "..");
const FIXTURES = join(__dirname, "jest-fixtures");

function jest(fixture: string, env: Record<string, string | undefined>) {
  const config = {
    rootDir: ROOT,
    roots: [FIXTURES],
    testMatch: [`**/${fixture}`],
    testEnvironment: "node",
    transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: join(ROOT, "tsconfig.json") }] },
    reporters: ["default", join(ROOT, "test", "support", "summary-reporter.js")],
  };
  const rest = { ...process.env };
  delete rest.CI; // each case says whether it is CI
  const result = spawnSync(process.execPath, [require.resolve("jest/bin/jest"), "--config", JSON.stringify(config), "--ci", "--runInBand", "--no-cache"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...rest, ...env },
    timeout: 120_000,
  });
  const summary = result.stdout.split("\n").find((line) => line.startsWith("jest: ")) ?? `(no summary line) ${result.stdout}${result.stderr}`;
  return { status: result.status, summary, output: result.stdout + result.stderr };
}

describe("a test that cannot run", () => {
  it("fails under CI=true, naming what is missing, instead of skipping", () => {
    const run = jest("needs-a-tool.fixture.ts", { CI: "true" });
    expect(run.summary).toBe("jest: 1 passed, 2 failed, 0 skipped");
    expect(run.status).toBe(1);
    expect(run.output).toContain("Under CI=true this test must run, but the made-up tool is not available: not installed on this machine (fixture)");
  });

  it("skips with a warning on a developer's machine (CI unset)", () => {
    const run = jest("needs-a-tool.fixture.ts", {});
    expect(run.summary).toBe("jest: 1 passed, 0 failed, 2 skipped");
    expect(run.status).toBe(0);
    expect(run.output).toContain("Tests skipped: the made-up tool is not available: not installed on this machine (fixture). Under CI=true they fail instead.");
  });
});

describe("the summary line", () => {
  it("counts a test file that fails to load as a failure and names it", () => {
    const run = jest("does-not-load.fixture.ts", { CI: "true" });
    expect(run.summary).toBe("jest: 0 passed, 1 failed, 0 skipped (1 test file failed outside any test: test/tooling/jest-fixtures/does-not-load.fixture.ts)");
    expect(run.status).toBe(1);
  });
});

describe("what counts as CI", () => {
  it.each([
    ["true", true],
    ["1", true],
    ["TRUE", true],
    ["false", false],
    ["0", false],
    ["", false],
    [undefined, false],
  ])("CI=%s → %s", (value, expected) => {
    expect(inCi({ CI: value } as NodeJS.ProcessEnv)).toBe(expected);
  });
});
