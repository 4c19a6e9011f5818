/**
 * The unit tests, for mutation testing (stryker.config.mjs): the suite less what starts a browser,
 * builds the bundles with webpack, runs jest or the commands in a child process, or needs ../shared
 * (Stryker runs the tests in a copy of the project, where ../shared is not beside it).
 * MUTATE_TESTS (comma-separated paths under test/, e.g. "data/queries,functions") narrows the
 * run further for a module that most tests load (the store): fewer tests, a lower bound on the score.
 */
const base = require("./jest.config.js");

const only = (process.env.MUTATE_TESTS ?? "").split(",").map((p) => p.trim()).filter(Boolean);

module.exports = {
  ...base,
  reporters: ["default"],
  ...(only.length ? { testMatch: only.map((p) => `<rootDir>/test/${p.replace(/\.test\.ts$/, "")}{.test.ts,/**/*.test.ts}`) } : {}),
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/", "<rootDir>/test/tooling/", "<rootDir>/test/functions/bundle.test.ts", "<rootDir>/test/xlsx/cli.test.ts", "<rootDir>/test/xlsx/scale.test.ts", "<rootDir>/test/data/traceability.test.ts"],
};
