/**
 * The unit tests, for mutation testing (stryker.config.mjs): the suite less what starts a browser,
 * builds the bundles with webpack, runs jest or the commands in a child process, or needs ../shared
 * (Stryker runs the tests in a copy of the project, where ../shared is not beside it).
 */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  reporters: ["default"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/", "<rootDir>/test/tooling/", "<rootDir>/test/functions/bundle.test.ts", "<rootDir>/test/xlsx/cli.test.ts", "<rootDir>/test/data/traceability.test.ts"],
};
