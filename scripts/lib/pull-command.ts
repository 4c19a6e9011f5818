import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "fs";
import { basename, dirname, join, resolve } from "path";
import { INDICATOR_COLUMNS, OBSERVATION_COLUMNS, SOURCE_COLUMNS, tableCells } from "../../src/data/columns";
import { writeCsv } from "../../src/data/csv";
import { textOf } from "../../src/text/message";
import { problemList } from "../../src/text/problems";
import { CBS_DEFAULT_URL } from "../../src/sources/cbs/client";
import { CBS_TABLE, HERKOMST_FROM, HERKOMST_TABLE, pullFromCbs } from "../../src/sources/cbs/pull";
import { PulledPackage } from "../../src/sources/types";
import { CommandError } from "./load";
import { DEFAULT_PACKAGE } from "./read-package";

export const PULL_USAGE = 'Usage: npm run pull -- cbs --gebied "Leiden,Delft" --van 2012 --tot 2024 --out FOLDER';

/** `npm run pull -- cbs --help`: every option and setting. */
export const PULL_HELP = `${PULL_USAGE}

Pulls population figures for Dutch municipalities from CBS StatLine and writes them as a monitor
data package (datapackage.json + CSV) that \`npm run workbook -- --data FOLDER\` renders:
inhabitants by nationality (table ${CBS_TABLE}) and, from ${HERKOMST_FROM}, by herkomst (table ${HERKOMST_TABLE}, the
successor of migration background), their shares, growth, and each municipality's rank among all
Dutch municipalities by both shares, with Nederland beside them for comparison.

Options (all required):
  --gebied NAMES  municipalities, separated by commas, by the names people use: "Den Haag",
                  "'s-Gravenhage", "Utrecht", "Groningen", "Den Bosch", "Hengelo". A name that
                  fits two municipalities ("Bergen") is refused with both named; every unknown
                  name is reported at once, with a suggestion where one fits.
  --van YEAR      first year (1 January), e.g. 2012
  --tot YEAR      last year, e.g. 2024; a year CBS has not filled yet is left out and said so
  --out FOLDER    a new or empty folder; written whole or not at all
  --help, -h      this text

Settings (environment):
  CBS_ODATA_URL              the CBS OData v3 API (default ${CBS_DEFAULT_URL})
  MONITOR_FETCH_TIMEOUT_MS   time-out per request in ms (default 60000)
  MONITOR_RETRY_DELAY_MS     first wait before a retry in ms, doubled each time (default 1000)

A progress line per request goes to stderr; the last line says what was written.
Source: CBS StatLine, open data under CC BY 4.0 (bron: CBS).`;

export interface PullOptions {
  areas: string[];
  from: number;
  to: number;
  out: string;
}

const year = (flag: string, value: string) => {
  if (!/^\d{4}$/.test(value)) throw new CommandError(`${flag} takes a year such as 2012, not '${value}'.`);
  return Number(value);
};

export function parsePullArguments(argv: string[]): PullOptions | "help" {
  const [source, ...rest] = argv;
  if (source === "--help" || source === "-h" || source === undefined) return "help";
  if (source !== "cbs") throw new CommandError(`Unknown source '${source}'; the source to pull from is 'cbs'.\n${PULL_USAGE}`);
  const options: Partial<PullOptions> = {};
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (flag === "--help" || flag === "-h") return "help";
    if (!["--gebied", "--van", "--tot", "--out"].includes(flag)) throw new CommandError(`Unknown option '${flag}'.\n${PULL_USAGE}`);
    if (value === undefined || value.startsWith("--")) throw new CommandError(`Option ${flag} needs a value.\n${PULL_USAGE}`);
    if (flag === "--gebied") options.areas = value.split(",").map((a) => a.trim()).filter(Boolean);
    if (flag === "--van") options.from = year(flag, value);
    if (flag === "--tot") options.to = year(flag, value);
    if (flag === "--out") options.out = value;
  }
  const missing = ["--gebied", "--van", "--tot", "--out"].filter((f) => options[({ "--gebied": "areas", "--van": "from", "--tot": "to", "--out": "out" } as const)[f as "--gebied"]] === undefined);
  if (missing.length) throw new CommandError(`Missing ${missing.join(", ")}.\n${PULL_USAGE}`);
  if (!options.areas?.length) throw new CommandError(`--gebied names at least one municipality.\n${PULL_USAGE}`);
  return options as PullOptions;
}

/** datapackage.json for a pulled package: the contract's resources and schemas, this pull's edition. */
function descriptor(pulled: PulledPackage, options: PullOptions, places: string): string {
  const base = JSON.parse(readFileSync(join(DEFAULT_PACKAGE, "datapackage.json"), "utf8"));
  return JSON.stringify(
    {
      ...base,
      name: pulled.edition.name,
      title: pulled.edition.title,
      version: pulled.edition.version,
      referenceDate: pulled.edition.referenceDate,
      created: new Date().toISOString(),
      description: `Population by nationality and herkomst for ${places}, ${options.from}–${options.to}, from CBS StatLine tables ${CBS_TABLE} and ${HERKOMST_TABLE} (herkomst from ${HERKOMST_FROM}; counts as CBS publishes them; shares, growth and ranks derived from them, with the computation in Toelichting). Cells CBS suppresses are left out.`,
      homepage: "https://opendata.cbs.nl/statline/",
      licenses: [{ name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/", title: "Creative Commons Attribution 4.0 (bron: CBS)" }],
      sources: [CBS_TABLE, HERKOMST_TABLE].map((table) => ({ title: `Centraal Bureau voor de Statistiek (CBS), StatLine, tabel ${table}`, path: `https://opendata.cbs.nl/statline/#/CBS/nl/dataset/${table}/table` })),
      contributors: [{ title: "Centraal Bureau voor de Statistiek", role: "publisher" }],
    },
    null,
    2,
  );
}

function checkOut(out: string): void {
  const parent = dirname(out);
  if (!existsSync(parent) || !statSync(parent).isDirectory()) throw new CommandError(`Cannot write ${out}: the folder ${parent} does not exist.`);
  if (existsSync(out) && (!statSync(out).isDirectory() || readdirSync(out).length > 0)) throw new CommandError(`${out} exists and is not an empty folder; choose a new folder.`);
}

/**
 * Pulls the package and writes it, whole or not at all: the files go to a temporary folder
 * beside --out, which is renamed only when everything is written.
 */
export async function pullCommand(options: PullOptions, log: (line: string) => void): Promise<string> {
  const out = resolve(options.out);
  checkOut(out);
  const baseUrl = process.env.CBS_ODATA_URL || CBS_DEFAULT_URL;
  let requests = 0;
  const result = await pullFromCbs(
    { areas: options.areas, from: options.from, to: options.to },
    {
      baseUrl,
      fetch: (input, init) => fetch(input, init),
      timeoutMs: Number(process.env.MONITOR_FETCH_TIMEOUT_MS) || 60_000,
      retryDelayMs: Number(process.env.MONITOR_RETRY_DELAY_MS) || 1000,
      onRequest: (url) => log(`CBS-verzoek ${++requests}: ${decodeURIComponent(url.slice(baseUrl.length)).replace(/\$format=json&?/, "").slice(0, 160)}`),
      onProgress: (message) => log(textOf(message, "nl")),
    },
  );
  if (!result.ok) throw new CommandError(`Nothing was written:\n${problemList(result.problems, "nl")}`);
  for (const note of result.notes ?? []) log(textOf(note, "nl"));
  const pkg = result.value.package;
  // The municipalities by their plain names, as resolved from what was typed.
  const places = (result.areas ?? []).filter((a) => a.code.startsWith("GM")).map((a) => a.name).join(", ");
  const temporary = mkdtempSync(join(dirname(out), `.${basename(out)}-`));
  try {
    writeFileSync(join(temporary, "observations.csv"), writeCsv(tableCells(OBSERVATION_COLUMNS, pkg.observations)));
    writeFileSync(join(temporary, "indicators.csv"), writeCsv(tableCells(INDICATOR_COLUMNS, pkg.indicators)));
    writeFileSync(join(temporary, "sources.csv"), writeCsv(tableCells(SOURCE_COLUMNS, pkg.sources)));
    writeFileSync(join(temporary, "datapackage.json"), descriptor(result.value, options, places));
    if (existsSync(out)) rmSync(out, { recursive: true });
    renameSync(temporary, out);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw new CommandError(`Cannot write ${out}: ${(error as Error).message}`);
  }
  return `Wrote ${out}: ${pkg.observations.length} figures for ${places}, ${options.from}–${options.to}, from CBS StatLine ${result.value.origin.replace(/^.*\(|\)$/g, "")} (${requests} requests). Render it with: npm run workbook -- --data ${options.out}`;
}
