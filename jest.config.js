/** Unit tests run in Node through ts-jest; CSV files are imported as text, as webpack does. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
    "\\.csv$": "<rootDir>/scripts/csv-rows-loader.js",
  },
  moduleFileExtensions: ["ts", "js", "json", "csv"],
  testTimeout: 60000,
  // Each test file runs in a vm context, where every lookup of a global (Math, JSON, Map…) goes
  // through the context's interceptor and is not cached: Math.imul in hash53's loop ran ~100×
  // slower than in Node, a Regenerate on the fake cost ~5 s CPU, most of it there (nodejs/node
  // #31658, jestjs/jest #5163). Injected, these globals are the module wrapper's parameters:
  // the same objects, looked up as locals. Only built-ins no test replaces (Date and the timers
  // stay out: fake timers swap them after modules load).
  sandboxInjectedGlobals: ["Math", "JSON", "Object", "Array", "String", "Number", "Map", "Set", "Symbol", "RegExp", "Error", "Promise"],
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
};
