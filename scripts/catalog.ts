/** `npm run catalog [-- --data FOLDER]`: prints the indicators with their periods and sources. */
import { MonitorQueries } from "../src/data/queries";
import { MonitorStore } from "../src/data/store";
import { DEFAULT_PACKAGE } from "./lib/read-package";
import { commandLanguage, loadPackage, runCommand } from "./lib/load";

runCommand(() => {
  const dataIndex = process.argv.indexOf("--data");
  const folder = dataIndex > 0 ? process.argv[dataIndex + 1] : DEFAULT_PACKAGE;
  const pkg = loadPackage(folder);
  const queries = new MonitorQueries(new MonitorStore(pkg));
  const rows = [["indicator", "label", "unit", "periods", "source"], ...queries.catalogue()];
  const widths = rows[0].map((_, c) => Math.min(48, Math.max(...rows.map((r) => r[c].length))));
  for (const row of rows) console.log(row.map((cell, c) => (cell.length > widths[c] ? cell.slice(0, widths[c] - 1) + "…" : cell.padEnd(widths[c]))).join("  ").trimEnd());
  const reported = pkg.observations.filter((o) => o.status === "gerapporteerd").length;
  console.log(`\n${pkg.observations.length} figures (${reported} reported, ${pkg.observations.length - reported} derived) in ${pkg.indicators.length} indicators from ${pkg.sources.length} sources.`);
}, commandLanguage(process.argv));
