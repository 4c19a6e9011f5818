/**
 * `npm run workbook -- [--out FILE] [--lang nl|en] [--data PACKAGE_DIR or https://…/datapackage.json]`
 * Writes the monitor workbook (Data tables, indicator sheets, native charts) as an .xlsx from a
 * data package, with no Office (and no network unless --data is a URL). A package that fails
 * validation writes nothing. What it reports is in --lang (Dutch unless told).
 */
import { CLI } from "../src/text/cli";
import { say, textOf } from "../src/text/message";
import { commandLanguage, runCommand } from "./lib/load";
import { parseArguments, writeWorkbook } from "./lib/workbook-command";

const argv = process.argv.slice(2);
const language = commandLanguage(argv);
runCommand(async () => {
  const options = parseArguments(argv);
  console.log(textOf(options === "help" ? say(CLI.workbookUsage) : await writeWorkbook(options), language));
}, language);
