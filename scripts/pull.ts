/**
 * `npm run pull -- cbs --gebied "Leiden,Delft" --van 2012 --tot 2024 --out FOLDER`
 * Pulls population by nationality and herkomst from CBS StatLine (tables 85644NED and 85458NED;
 * base URL from CBS_ODATA_URL; `--help` lists every option)
 * and writes it as a monitor data package. A progress line per request on stderr; the last line
 * says what was written. A failure writes nothing.
 */
import { runCommand } from "./lib/load";
import { parsePullArguments, pullCommand, PULL_HELP } from "./lib/pull-command";

runCommand(async () => {
  const options = parsePullArguments(process.argv.slice(2));
  console.log(options === "help" ? PULL_HELP : await pullCommand(options, (line) => process.stderr.write(`${line}\n`)));
});
