/**
 * `npm run workbook -- [--out FILE] [--lang nl|en] [--data PACKAGE_DIR or https://…/datapackage.json]`
 * Writes the monitor workbook (Data tables, indicator sheets, native charts) as an .xlsx from a
 * data package, with no Office (and no network unless --data is a URL). A package that fails
 * validation writes nothing.
 */
import { runCommand } from "./lib/load";
import { parseArguments, USAGE, writeWorkbook } from "./lib/workbook-command";

runCommand(async () => {
  const options = parseArguments(process.argv.slice(2));
  console.log(options === "help" ? USAGE : await writeWorkbook(options));
});
