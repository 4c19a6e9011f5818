/**
 * Ends a jest run with the plain line "jest: N passed, N failed, N skipped", which CI reads.
 * A test file that fails outside any test (it does not compile, throws while loading, or a
 * beforeAll/afterAll hook fails with no test to carry it) counts as one failure, named after the
 * line: otherwise a broken run would read "0 failed" while jest exits 1.
 */
function summarise(results, rootDir = process.cwd()) {
  const broken = results.testResults.filter((file) => file.testExecError || (file.failureMessage && file.numFailingTests === 0));
  const failed = results.numFailedTests + broken.length;
  const skipped = results.numPendingTests + results.numTodoTests;
  const line = `jest: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped`;
  if (broken.length === 0) return line;
  const names = broken.map((file) => require("path").relative(rootDir, file.testFilePath));
  return `${line} (${broken.length} test ${broken.length === 1 ? "file" : "files"} failed outside any test: ${names.join(", ")})`;
}

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig?.rootDir ?? process.cwd();
  }

  onRunComplete(_contexts, results) {
    process.stdout.write(`\n${summarise(results, this.rootDir)}\n`);
  }
}
module.exports = SummaryReporter;
module.exports.summarise = summarise;
