// Mutation testing of the decision modules: `npm run mutate` (all of them) or
// `npm run mutate -- --mutate src/data/compare.ts` (one). Not part of `npm test`: too slow for CI.
// Tuned for a small shared machine: one test process, each mutant run only against the tests
// that cover it, and only the unit tests (no browser, no webpack build, no child processes).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "jest",
  jest: { projectType: "custom", configFile: "jest.mutate.config.js", enableFindRelatedTests: true },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: "perTest",
  concurrency: 1,
  timeoutMS: 20000,
  mutate: [
    "src/data/compare.ts",
    "src/report/fingerprint.ts",
    "src/excel/ownership.ts",
    "src/excel/growth.ts",
    "src/sources/cbs/*.ts",
    "src/sources/fetch-bytes.ts",
    "src/sources/package-reader.ts",
    "src/data/store.ts",
    "src/data/queries.ts",
  ],
  ignorePatterns: ["dist", "build", "coverage", "test-results", "reports"],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, logTests: false },
  thresholds: { high: 90, low: 80, break: null },
};
