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
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
};
