import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "fs";
import { basename, dirname, join, resolve } from "path";
import { INDICATOR_COLUMNS, OBSERVATION_COLUMNS, SOURCE_COLUMNS, tableCells } from "../../src/data/columns";
import { writeCsv } from "../../src/data/csv";
import { Language } from "../../src/data/types";
import { CLI } from "../../src/text/cli";
import { AnyMessage, say } from "../../src/text/message";
import { CBS_DEFAULT_URL } from "../../src/sources/cbs/address";
import { CBS_TABLE, HERKOMST_FROM, HERKOMST_TABLE, pullFromCbs, statLineTables } from "../../src/sources/cbs/pull";
import { PulledPackage } from "../../src/sources/types";
import { CommandError, commandLanguage } from "./load";
import { DEFAULT_PACKAGE } from "./read-package";

/** `npm run pull -- cbs --help`: every option and setting. */
export const pullHelp = () => say(CLI.pullHelp, { table: CBS_TABLE, herkomstTable: HERKOMST_TABLE, herkomstFrom: HERKOMST_FROM, defaultUrl: CBS_DEFAULT_URL });

export interface PullOptions {
  areas: string[];
  from: number;
  to: number;
  out: string;
  /** The language the command reports in (--lang; Dutch unless told). */
  language: Language;
}

export function parsePullArguments(argv: string[]): PullOptions | "help" {
  const language = commandLanguage(argv);
  const refuse = (message: AnyMessage) => new CommandError(message, language);
  const usage = say(CLI.pullUsage);
  const year = (flag: string, value: string) => {
    if (!/^\d{4}$/.test(value)) throw refuse(say(CLI.yearValue, { flag, value }));
    return Number(value);
  };
  const [source, ...rest] = argv;
  if (source === "--help" || source === "-h" || source === undefined) return "help";
  if (source !== "cbs") throw refuse(say(CLI.unknownSource, { source, usage }));
  const options: Partial<PullOptions> = { language };
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (flag === "--help" || flag === "-h") return "help";
    if (!["--gebied", "--van", "--tot", "--out", "--lang"].includes(flag)) throw refuse(say(CLI.unknownOption, { flag, usage }));
    if (value === undefined || value.startsWith("--")) throw refuse(say(CLI.needsValue, { flag, usage }));
    if (flag === "--gebied") options.areas = value.split(",").map((a) => a.trim()).filter(Boolean);
    if (flag === "--van") options.from = year(flag, value);
    if (flag === "--tot") options.to = year(flag, value);
    if (flag === "--out") options.out = value;
    if (flag === "--lang" && value !== "nl" && value !== "en") throw refuse(say(CLI.languageValue, { value }));
  }
  const missing = ["--gebied", "--van", "--tot", "--out"].filter((f) => options[({ "--gebied": "areas", "--van": "from", "--tot": "to", "--out": "out" } as const)[f as "--gebied"]] === undefined);
  if (missing.length) throw refuse(say(CLI.missingOptions, { flags: missing, usage }));
  if (!options.areas?.length) throw refuse(say(CLI.noMunicipality, { usage }));
  return options as PullOptions;
}

/** What the package says of a field where the edition's words (its areas, "GM0546 Leiden") are not this pull's. */
const CBS_FIELD_DESCRIPTIONS: Record<string, string> = {
  Gebied: "Area: a municipality as CBS names it, or Nederland",
  Gebiedscode: "CBS code of the area (GM followed by four digits for a municipality, NL01 for Nederland)",
};

/**
 * datapackage.json for a pulled package: the contract's resources and schemas, and everything
 * else from what was pulled (its municipalities, CBS's tables and licence). Nothing is taken from
 * the shipped Leiden edition's description of itself: a pull for Delft says nothing of Leiden.
 */
export function pullDescriptor(pulled: PulledPackage, tables: readonly string[], options: Pick<PullOptions, "from" | "to">, places: readonly string[], created: Date): string {
  const contract = JSON.parse(readFileSync(join(DEFAULT_PACKAGE, "datapackage.json"), "utf8")) as { profile: string; resources: { schema?: { fields?: { name: string; description?: string }[] } }[] };
  const resources = contract.resources.map((resource) => ({
    ...resource,
    ...(resource.schema?.fields && {
      schema: { ...resource.schema, fields: resource.schema.fields.map((field) => (field.name in CBS_FIELD_DESCRIPTIONS ? { ...field, description: CBS_FIELD_DESCRIPTIONS[field.name] } : field)) },
    }),
  }));
  const tablesInWords = tables.length > 1 ? `tables ${tables.slice(0, -1).join(", ")} and ${tables[tables.length - 1]}` : `table ${tables[0]}`;
  const byOrigin = tables.includes(HERKOMST_TABLE) ? ` and, from ${HERKOMST_FROM}, by origin (herkomst)` : "";
  return JSON.stringify(
    {
      profile: contract.profile,
      name: pulled.edition.name,
      title: pulled.edition.title,
      description: `Inhabitants by nationality${byOrigin} of ${places.join(", ")}, ${options.from}–${options.to}, from CBS StatLine ${tablesInWords}: counts as CBS publishes them; shares, growth and ranks derived from them, with the computation in Toelichting. Cells CBS suppresses are left out.`,
      version: pulled.edition.version,
      referenceDate: pulled.edition.referenceDate,
      created: created.toISOString(),
      homepage: "https://opendata.cbs.nl/statline/",
      keywords: [...places, "CBS", "StatLine", ...tables, "nationaliteit", ...(byOrigin ? ["herkomst"] : [])],
      licenses: [{ name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/", title: "Creative Commons Attribution 4.0 International" }],
      contributors: [{ title: "Centraal Bureau voor de Statistiek (CBS)", role: "publisher" }],
      sources: tables.map((table) => ({ title: statLineTables([table]), path: `https://opendata.cbs.nl/statline/#/CBS/nl/dataset/${table}/table` })),
      resources,
    },
    null,
    2,
  );
}

function checkOut(out: string, language: Language): void {
  const parent = dirname(out);
  if (!existsSync(parent) || !statSync(parent).isDirectory()) throw new CommandError(say(CLI.folderMissing, { path: out, folder: parent }), language);
  if (existsSync(out) && (!statSync(out).isDirectory() || readdirSync(out).length > 0)) throw new CommandError(say(CLI.outNotEmpty, { out }), language);
}

/**
 * Pulls the package and writes it, whole or not at all: the files go to a temporary folder
 * beside --out, which is renamed only when everything is written. Progress goes to `log`; the
 * answer is the last line, said in the command's language where it is shown.
 */
export async function pullCommand(options: PullOptions, log: (message: AnyMessage) => void): Promise<AnyMessage> {
  const { language } = options;
  const out = resolve(options.out);
  checkOut(out, language);
  const baseUrl = process.env.CBS_ODATA_URL || CBS_DEFAULT_URL;
  let requests = 0;
  const result = await pullFromCbs(
    { areas: options.areas, from: options.from, to: options.to },
    {
      baseUrl,
      fetch: (input, init) => fetch(input, init),
      // Longer than a package's 30 s: a request for every municipality's figures (the ranks) is a page of up to 10,000 cells CBS composes slowly.
      timeoutMs: Number(process.env.MONITOR_FETCH_TIMEOUT_MS) || 60_000,
      retryDelayMs: Number(process.env.MONITOR_RETRY_DELAY_MS) || 1000,
      onRequest: (url) => log(say(CLI.cbsRequest, { count: ++requests, request: decodeURIComponent(url.slice(baseUrl.length)).replace(/\$format=json&?/, "").slice(0, 160) })),
      onProgress: log,
    },
  );
  if (!result.ok) throw new CommandError(say(CLI.nothingWritten, { problems: result.problems.map((p) => p.message) }), language);
  for (const note of result.notes ?? []) log(note);
  const pkg = result.value.package;
  // The municipalities by their plain names, as resolved from what was typed.
  const municipalities = (result.areas ?? []).filter((a) => a.code.startsWith("GM")).map((a) => a.name);
  const places = municipalities.join(", ");
  const tables = (result.tables ?? []).map((t) => t.id);
  const temporary = mkdtempSync(join(dirname(out), `.${basename(out)}-`));
  try {
    writeFileSync(join(temporary, "observations.csv"), writeCsv(tableCells(OBSERVATION_COLUMNS, pkg.observations)));
    writeFileSync(join(temporary, "indicators.csv"), writeCsv(tableCells(INDICATOR_COLUMNS, pkg.indicators)));
    writeFileSync(join(temporary, "sources.csv"), writeCsv(tableCells(SOURCE_COLUMNS, pkg.sources)));
    writeFileSync(join(temporary, "datapackage.json"), pullDescriptor(result.value, tables, options, municipalities, new Date()));
    if (existsSync(out)) rmSync(out, { recursive: true });
    renameSync(temporary, out);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw new CommandError(say(CLI.cannotWrite, { path: out, reason: { system: (error as Error).message } }), language);
  }
  return say(CLI.wrotePull, { out, figures: pkg.observations.length, places, from: options.from, to: options.to, tables: tables.join(", "), requests, folder: options.out });
}
