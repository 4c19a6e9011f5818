/** `npm run catalog [-- --data FOLDER] [--lang nl|en]`: prints the indicators with their periods and sources. */
import { MonitorQueries } from "../src/data/queries";
import { MonitorStore } from "../src/data/store";
import { DEFAULT_PACKAGE } from "./lib/read-package";
import { commandLanguage, loadPackage, runCommand } from "./lib/load";
import { CLI } from "../src/text/cli";
import { say, textOf } from "../src/text/message";

const language = commandLanguage(process.argv);
runCommand(() => {
  const dataIndex = process.argv.indexOf("--data");
  const folder = dataIndex > 0 ? process.argv[dataIndex + 1] : DEFAULT_PACKAGE;
  const pkg = loadPackage(folder, language);
  const queries = new MonitorQueries(new MonitorStore(pkg));
  const rows = [textOf(say(CLI.catalogueHeader), language).split("\t"), ...queries.catalogue(language)];
  const widths = rows[0].map((_, c) => Math.min(48, Math.max(...rows.map((r) => r[c].length))));
  for (const row of rows) console.log(row.map((cell, c) => (cell.length > widths[c] ? cell.slice(0, widths[c] - 1) + "…" : cell.padEnd(widths[c]))).join("  ").trimEnd());
  const reported = pkg.observations.filter((o) => o.status === "gerapporteerd").length;
  console.log(`\n${textOf(say(CLI.catalogueSummary, { figures: pkg.observations.length, reported, indicators: pkg.indicators.length, sources: pkg.sources.length }), language)}`);
}, language);
