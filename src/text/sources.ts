import type { Language } from "../data/types";
import { phrase } from "./message";

/**
 * The words of the sources (src/sources): fetching, and reading packages, files and zips; CBS
 * StatLine's are in cbs.ts, loaded with the CBS pull only.
 * Names from data stay as they are: CBS's table ids, dimension names (RegioS, Perioden) and
 * titles, the contract's table names, and municipality names. What failed and that nothing was
 * changed is said in each; a server's own wording is never quoted.
 */

/** Which limit of src/sources/limits.ts was reached. */
export type LimitName = "responseBytes" | "fileBytes" | "archiveEntryBytes" | "archiveBytes";

/** "256 MB", "1,5 MB", "900 bytes": binary megabytes, as file managers show them. */
export function formatBytes(bytes: number, language: Language): string {
  const units = language === "nl" ? ["bytes", "kB", "MB", "GB"] : ["bytes", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = unit === 0 ? String(value) : String(Math.round(value * 10) / 10);
  return `${language === "nl" ? rounded.replace(".", ",") : rounded} ${units[unit]}`;
}

const LIMIT_NAMES: Record<LimitName, Record<Language, string>> = {
  responseBytes: { nl: "de grens voor één antwoord van een server", en: "the limit for one response from a server" },
  fileBytes: { nl: "de grens voor één bestand", en: "the limit for one file" },
  archiveEntryBytes: { nl: "de grens voor één uitgepakt bestand in een zip", en: "the limit for one unpacked file in a zip" },
  archiveBytes: { nl: "de grens voor alles in een zip samen, uitgepakt", en: "the limit for everything in a zip together, unpacked" },
};

/** "30 seconden", "0,3 seconden" / "30 seconds", "1 second". */
function seconds(ms: number, language: Language): string {
  const n = ms >= 1000 ? Math.round(ms / 1000) : ms / 1000;
  const shown = language === "nl" ? String(n).replace(".", ",") : String(n);
  if (language === "nl") return `${shown} ${n === 1 ? "seconde" : "seconden"}`;
  return `${shown} ${n === 1 ? "second" : "seconds"}`;
}

export const SOURCES = {
  // limits.ts
  tooLarge: phrase<{ limit: LimitName; what: string; limitBytes: number; sizeBytes?: number }>(
    "sources.tooLarge",
    ({ limit, what, limitBytes, sizeBytes }) =>
      `${what} is groter dan ${formatBytes(limitBytes, "nl")}${sizeBytes === undefined ? "" : ` (${formatBytes(sizeBytes, "nl")})`}, ${LIMIT_NAMES[limit].nl}; er is niets gelezen of veranderd.`,
    ({ limit, what, limitBytes, sizeBytes }) =>
      `${what} is larger than ${formatBytes(limitBytes, "en")}${sizeBytes === undefined ? "" : ` (${formatBytes(sizeBytes, "en")})`}, ${LIMIT_NAMES[limit].en}; nothing was read or changed.`,
  ),

  // fetch-bytes.ts
  cancelled: phrase("sources.cancelled", () => "Geannuleerd; er is niets veranderd.", () => "Cancelled; nothing was changed."),
  timedOut: phrase<{ host: string; ms: number }>(
    "sources.timedOut",
    ({ host, ms }) => `${host} antwoordde niet binnen ${seconds(ms, "nl")}; probeer het later opnieuw.`,
    ({ host, ms }) => `${host} did not answer within ${seconds(ms, "en")}; try again later.`,
  ),
  stoppedAnswering: phrase<{ host: string; ms: number }>(
    "sources.stoppedAnswering",
    ({ host, ms }) => `${host} stopte met antwoorden (na ${seconds(ms, "nl")}); probeer het later opnieuw.`,
    ({ host, ms }) => `${host} stopped answering (after ${seconds(ms, "en")}); try again later.`,
  ),
  connectionLost: phrase<{ host: string }>(
    "sources.connectionLost",
    ({ host }) => `De verbinding met ${host} werd verbroken tijdens het ophalen.`,
    ({ host }) => `The connection to ${host} was lost while fetching.`,
  ),
  redirectOutside: phrase<{ url: string; final: string; within: string }>(
    "sources.redirectOutside",
    ({ url, final, within }) => `${url} verwijst door naar ${final}, buiten ${within}. Alleen een doorverwijzing binnen de map van het pakket op dezelfde server wordt gevolgd; er is niets gelezen.`,
    ({ url, final, within }) => `${url} redirects to ${final}, outside ${within}. Only a redirect within the package's folder on the same server is followed; nothing was read.`,
  ),
  httpStatus: phrase<{ url: string; status: number; statusText: string }>(
    "sources.httpStatus",
    ({ url, status, statusText }) => `${url} gaf HTTP ${status}${statusText ? ` ${statusText}` : ""}${HTTP_MEANING.nl[httpKind(status)]}`,
    ({ url, status, statusText }) => `${url} answered HTTP ${status}${statusText ? ` ${statusText}` : ""}${HTTP_MEANING.en[httpKind(status)]}`,
  ),
  offline: phrase<{ host: string }>(
    "sources.offline",
    ({ host }) => `U bent offline; ${host} is niet te bereiken. Er is niets veranderd.`,
    ({ host }) => `You are offline; ${host} cannot be reached. Nothing was changed.`,
  ),
  corsRefused: phrase<{ host: string }>(
    "sources.corsRefused",
    ({ host }) =>
      `De server ${host} staat niet toe dat de invoegtoepassing dit bestand ophaalt (CORS: de header Access-Control-Allow-Origin ontbreekt). Vraag de beheerder die header te zetten, of download het bestand en kies "Uit een bestand".`,
    ({ host }) =>
      `The server ${host} does not allow the add-in to fetch this file (CORS: the header Access-Control-Allow-Origin is missing). Ask its administrator to set that header, or download the file and get the data from "a file".`,
  ),
  unreachable: phrase<{ host: string }>(
    "sources.unreachable",
    ({ host }) => `De server ${host} is niet bereikbaar (geen verbinding, of het adres bestaat niet).`,
    ({ host }) => `The server ${host} cannot be reached (no connection, or the address does not exist).`,
  ),

  // url-source.ts
  invalidUrl: phrase<{ text: string }>(
    "sources.invalidUrl",
    ({ text }) => `'${text}' is geen geldig adres; geef het volledige adres van een datapackage.json (https://…).`,
    ({ text }) => `'${text}' is not a valid address; give the full address of a datapackage.json (https://…).`,
  ),
  onlyHttp: phrase<{ protocol: string }>(
    "sources.onlyHttp",
    ({ protocol }) => `Alleen http(s)-adressen kunnen worden opgehaald, niet ${protocol}.`,
    ({ protocol }) => `Only http(s) addresses can be fetched, not ${protocol}.`,
  ),
  pathOutsidePackage: phrase<{ path: string }>(
    "sources.pathOutsidePackage",
    ({ path }) => `Het pad '${path}' wijst buiten de map van het pakket.`,
    ({ path }) => `The path '${path}' points outside the package's folder.`,
  ),
  fetchingDescriptor: phrase<{ host: string }>(
    "sources.fetchingDescriptor",
    ({ host }) => `datapackage.json ophalen bij ${host}…`,
    ({ host }) => `Fetching datapackage.json from ${host}…`,
  ),

  // package-reader.ts
  webPageNotDescriptor: phrase<{ origin: string }>(
    "sources.webPageNotDescriptor",
    ({ origin }) => `${origin} geeft een webpagina (HTML), geen datapackage.json. Wijs naar het bestand datapackage.json zelf.`,
    ({ origin }) => `${origin} returns a web page (HTML), not a datapackage.json. Point to the datapackage.json file itself.`,
  ),
  fetchingTable: phrase<{ table: string; path: string }>(
    "sources.fetchingTable",
    ({ table, path }) => `${table} ophalen (${path})…`,
    ({ table, path }) => `Fetching ${table} (${path})…`,
  ),
  checking: phrase("sources.checking", () => "Controleren…", () => "Checking…"),

  // file-source.ts, zip-source.ts, and a file the pane could not read
  notZip: phrase<{ name: string }>(
    "sources.notZip",
    ({ name }) => `${name} is geen zip-bestand (het begint niet zoals een zip).`,
    ({ name }) => `${name} is not a zip file (it does not begin the way a zip does).`,
  ),
  damagedZip: phrase<{ name: string }>("sources.damagedZip", ({ name }) => `${name} is een beschadigd zip-bestand.`, ({ name }) => `${name} is a damaged zip file.`),
  severalDescriptors: phrase<{ name: string }>(
    "sources.severalDescriptors",
    ({ name }) => `${name} bevat meer dan één datapackage.json.`,
    ({ name }) => `${name} contains more than one datapackage.json.`,
  ),
  noDescriptor: phrase<{ name: string }>(
    "sources.noDescriptor",
    ({ name }) => `${name} bevat geen datapackage.json; is dit een datapakket van de monitor?`,
    ({ name }) => `${name} contains no datapackage.json; is this a data package of the monitor?`,
  ),
  missingFromZip: phrase<{ name: string; path: string }>(
    "sources.missingFromZip",
    ({ name, path }) => `${name}: ${path} ontbreekt in de zip, terwijl datapackage.json het noemt.`,
    ({ name, path }) => `${name}: ${path} is missing from the zip, although datapackage.json names it.`,
  ),
  fileUnreadable: phrase<{ name: string }>(
    "sources.fileUnreadable",
    ({ name }) => `${name} kon niet worden gelezen; is het na het kiezen verplaatst, gewijzigd of verwijderd? Kies het opnieuw.`,
    ({ name }) => `${name} could not be read; was it moved, changed or deleted after it was chosen? Choose it again.`,
  ),
} as const;

/** What an HTTP status means for the user, after "… answered HTTP 404 Not Found". */
const httpKind = (status: number) => (status === 404 || status === 410 ? "gone" : status === 401 || status === 403 ? "denied" : status >= 500 ? "server" : "other");
const HTTP_MEANING: Record<Language, Record<ReturnType<typeof httpKind>, string>> = {
  nl: { gone: ": dat bestand bestaat (niet meer) op de server; klopt het adres?", denied: ": de server geeft geen toegang tot dit bestand.", server: ": een fout bij de server; probeer het later opnieuw.", other: "." },
  en: { gone: ": that file does not exist (any more) on the server; is the address right?", denied: ": the server gives no access to this file.", server: ": an error at the server; try again later.", other: "." },
};

