/**
 * `npm run pull -- cbs --gebied "Leiden,Delft" --van 2012 --tot 2024 --out FOLDER`
 * Pulls population by nationality and herkomst from CBS StatLine (tables 85644NED and 85458NED;
 * base URL from CBS_ODATA_URL; `--help` lists every option)
 * and writes it as a monitor data package. A progress line per request on stderr; the last line
 * says what was written; all of it in --lang (Dutch unless told). A failure writes nothing.
 */
import { textOf } from "../src/text/message";
import { commandLanguage, runCommand } from "./lib/load";
import { parsePullArguments, pullCommand, pullHelp } from "./lib/pull-command";

const argv = process.argv.slice(2);
const language = commandLanguage(argv);
runCommand(async () => {
  const options = parsePullArguments(argv);
  const answer = options === "help" ? pullHelp() : await pullCommand(options, (message) => process.stderr.write(`${textOf(message, language)}\n`));
  console.log(textOf(answer, language));
}, language);
