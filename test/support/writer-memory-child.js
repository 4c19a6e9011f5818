/**
 * A child process for the memory test: reads a package folder with the compiled CLI's modules,
 * builds the plan, collects garbage, then writes the .xlsx as the CLI does while sampling its
 * resident memory every millisecond (the writer yields to the event loop after every chunk).
 * Prints {"rows", "beforeMb", "growthMb"}: the memory the writing itself adds above the plan.
 *   node --expose-gc writer-memory-child.js COMPILED_DIR PACKAGE_DIR OUT.xlsx
 */
/* global global, setInterval, clearInterval */
const { join, resolve } = require("path");
const [compiled, folder, out] = process.argv.slice(2).map((p) => resolve(p));
const { loadPackage } = require(join(compiled, "scripts", "lib", "load.js"));
const { buildPlan } = require(join(compiled, "src", "report", "plan.js"));
const { writeXlsxFile } = require(join(compiled, "src", "xlsx", "xlsx-file.js"));
const MB = 1024 * 1024;

(async () => {
  const plan = buildPlan(loadPackage(folder), { language: "nl" });
  global.gc();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 1);
  await writeXlsxFile(plan, out);
  clearInterval(timer);
  sample();
  process.stdout.write(JSON.stringify({ rows: plan.data.tables[0].rows.length, beforeMb: Math.round(before / MB), growthMb: Math.round((peak - before) / MB) }));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
