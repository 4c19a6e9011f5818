import type { Language } from "../data/types";
import { formatNumber } from "../data/format";
import { AnyMessage, phrase, textOf } from "./message";

/** A count the add-in states: 500.000 in Dutch, 500,000 in English. */
const count = (n: number, language: Language) => formatNumber(n, 0, language);

/**
 * The words of the CBS StatLine pull (src/sources/cbs): paging, CBS's cells and metadata, what
 * the tables lack, progress and the notes beside a pull. CBS's table ids, dimension names
 * (RegioS, Nationaliteit, Herkomstland) and titles stay as CBS gives them.
 */
export const CBS = {
  // client.ts
  notJson: phrase<{ url: string }>(
    "cbs.notJson",
    ({ url }) => `CBS gaf geen JSON terug voor ${url}; is het adres van de CBS-API goed?`,
    ({ url }) => `CBS did not return JSON for ${url}; is the address of the CBS API right?`,
  ),
  // CBS's OData answers are JSON, which is UTF-8 (RFC 8259 §8.1); the CSV advice of input.notUtf8 does not apply.
  notUtf8: phrase<{ url: string }>(
    "cbs.notUtf8",
    ({ url }) => `CBS gaf voor ${url} tekst die geen UTF-8 is; is het adres van de CBS-API goed? Er is niets geschreven.`,
    ({ url }) => `CBS returned text that is not UTF-8 for ${url}; is the address of the CBS API right? Nothing was written.`,
  ),
  unexpectedAnswer: phrase<{ url: string; wrong: "value" | "nextLink" | "count" }>(
    "cbs.unexpectedAnswer",
    ({ url, wrong }) =>
      `CBS gaf een onverwacht antwoord voor ${url} (${{ value: "geen lijst 'value' met rijen", nextLink: "'odata.nextLink' is geen adres", count: "'odata.count' is geen aantal" }[wrong]}).`,
    ({ url, wrong }) =>
      `CBS gave an unexpected answer for ${url} (${{ value: "no list 'value' of rows", nextLink: "'odata.nextLink' is not an address", count: "'odata.count' is not a count" }[wrong]}).`,
  ),
  afterAttempts: phrase<{ cause: AnyMessage; attempts: number }>(
    "cbs.afterAttempts",
    ({ cause, attempts }) => `${textOf(cause, "nl")} (na ${attempts} ${attempts === 1 ? "poging" : "pogingen"}) Er is niets geschreven.`,
    ({ cause, attempts }) => `${textOf(cause, "en")} (after ${attempts} ${attempts === 1 ? "attempt" : "attempts"}) Nothing was written.`,
  ),
  retrying: phrase<{ attempt: number; of: number }>(
    "cbs.retrying",
    ({ attempt, of }) => `CBS antwoordt niet goed; opnieuw proberen (${count(attempt, "nl")} van ${count(of, "nl")})…`,
    ({ attempt, of }) => `CBS is not answering properly; trying again (${count(attempt, "en")} of ${count(of, "en")})…`,
  ),
  /** What is being paged through: "TypedDataSet van CBS-tabel 85644NED". */
  entitySet: phrase<{ entity: string; table: string }>("cbs.entitySet", ({ entity, table }) => `${entity} van CBS-tabel ${table}`, ({ entity, table }) => `${entity} of CBS table ${table}`),
  nextLinkInvalid: phrase<{ what: AnyMessage; link: string }>(
    "cbs.nextLinkInvalid",
    ({ what, link }) => `CBS verwees voor de volgende pagina van ${textOf(what, "nl")} naar '${link}', geen geldig adres. Er is niets geschreven.`,
    ({ what, link }) => `For the next page of ${textOf(what, "en")}, CBS pointed to '${link}', which is not a valid address. Nothing was written.`,
  ),
  nextLinkElsewhere: phrase<{ what: AnyMessage; next: string; here: string }>(
    "cbs.nextLinkElsewhere",
    ({ what, next, here }) => `CBS verwees voor de volgende pagina van ${textOf(what, "nl")} naar ${next}, een ander adres dan ${here}; die verwijzing wordt niet gevolgd. Er is niets geschreven.`,
    ({ what, next, here }) => `For the next page of ${textOf(what, "en")}, CBS pointed to ${next}, another address than ${here}; that link is not followed. Nothing was written.`,
  ),
  tooManyPages: phrase<{ what: AnyMessage; max: number }>(
    "cbs.tooManyPages",
    ({ what, max }) => `CBS gaf voor ${textOf(what, "nl")} meer dan ${count(max, "nl")} pagina's; zo groot is geen vraag van deze invoegtoepassing, dus er klopt iets niet met de server. Er is niets geschreven.`,
    ({ what, max }) => `CBS gave more than ${count(max, "en")} pages for ${textOf(what, "en")}; no question of this add-in is that large, so something is wrong with the server. Nothing was written.`,
  ),
  pageTooLarge: phrase<{ what: AnyMessage; rows: number; asked: number }>(
    "cbs.pageTooLarge",
    ({ what, rows, asked }) => `CBS gaf voor ${textOf(what, "nl")} ${count(rows, "nl")} rijen op één pagina terwijl er ten hoogste ${count(asked, "nl")} gevraagd waren; de server negeert $top. Er is niets geschreven.`,
    ({ what, rows, asked }) => `CBS gave ${count(rows, "en")} rows on one page for ${textOf(what, "en")} while at most ${count(asked, "en")} were asked for; the server ignores $top. Nothing was written.`,
  ),
  samePage: phrase<{ what: AnyMessage }>(
    "cbs.samePage",
    ({ what }) => `CBS gaf voor ${textOf(what, "nl")} twee keer dezelfde pagina; de server negeert $skip. Er is niets geschreven.`,
    ({ what }) => `CBS gave the same page twice for ${textOf(what, "en")}; the server ignores $skip. Nothing was written.`,
  ),
  countChanged: phrase<{ what: AnyMessage; before: number; after: number }>(
    "cbs.countChanged",
    ({ what, before, after }) => `CBS meldde voor ${textOf(what, "nl")} eerst ${count(before, "nl")} en daarna ${count(after, "nl")} rijen; de tabel veranderde tijdens het ophalen. Probeer het opnieuw; er is niets geschreven.`,
    ({ what, before, after }) => `CBS first reported ${count(before, "en")} and then ${count(after, "en")} rows for ${textOf(what, "en")}; the table changed while it was being fetched. Try again; nothing was written.`,
  ),
  tooManyRows: phrase<{ what: AnyMessage; max: number }>(
    "cbs.tooManyRows",
    ({ what, max }) => `CBS gaf voor ${textOf(what, "nl")} meer dan ${count(max, "nl")} rijen; zo groot is geen vraag van deze invoegtoepassing. Er is niets geschreven.`,
    ({ what, max }) => `CBS gave more than ${count(max, "en")} rows for ${textOf(what, "en")}; no question of this add-in is that large. Nothing was written.`,
  ),
  incomplete: phrase<{ what: AnyMessage; reported: number; given: number }>(
    "cbs.incomplete",
    ({ what, reported, given }) => `CBS meldde voor ${textOf(what, "nl")} ${count(reported, "nl")} rijen maar gaf er ${count(given, "nl")}; de gegevens zijn niet compleet opgehaald. Er is niets geschreven.`,
    ({ what, reported, given }) => `CBS reported ${count(reported, "en")} rows for ${textOf(what, "en")} but gave ${count(given, "en")}; the data were not fetched completely. Nothing was written.`,
  ),

  // cells.ts: `cell` names the row ("Delft (GM0503), 2022, Nationaliteit 'Italiaans' (NAT9318)")
  notACount: phrase<{ table: string; cell: string; measure: string; given: { text: string } | { json: string } | null }>(
    "cbs.notACount",
    ({ table, cell, measure, given }) =>
      `CBS-tabel ${table} gaf voor ${cell} in ${measure} ${given === null ? "niets" : "text" in given ? `de tekst "${given.text}"` : given.json} in plaats van een aantal; de cijfers zijn niet te vertrouwen, dus er is niets geschreven.`,
    ({ table, cell, measure, given }) =>
      `CBS table ${table} gave ${given === null ? "nothing" : "text" in given ? `the text "${given.text}"` : given.json} for ${cell} in ${measure} instead of a count; the figures cannot be trusted, so nothing was written.`,
  ),

  // pull.ts: what the tables must have
  startAfterEnd: phrase<{ from: number; to: number }>(
    "cbs.startAfterEnd",
    ({ from, to }) => `Het beginjaar ${from} ligt na het eindjaar ${to}.`,
    ({ from, to }) => `The first year ${from} comes after the last year ${to}.`,
  ),
  noYear: phrase<{ table: string; year: number; first: string; last: string }>(
    "cbs.noYear",
    ({ table, year, first, last }) => `CBS-tabel ${table} heeft geen jaar ${year}; beschikbaar: ${first}–${last}.`,
    ({ table, year, first, last }) => `CBS table ${table} has no year ${year}; available: ${first}–${last}.`,
  ),
  noKey: phrase<{ table: string; what: "totalSexes" | "totalAges" | "country"; key: string }>(
    "cbs.noKey",
    ({ table, what, key }) => `CBS-tabel ${table} heeft geen ${{ totalSexes: "totaal van mannen en vrouwen", totalAges: "totaal van alle leeftijden", country: "Nederland" }[what]} (${key}).`,
    ({ table, what, key }) => `CBS table ${table} has no ${{ totalSexes: "total of men and women", totalAges: "total of all ages", country: "region for the Netherlands" }[what]} (${key}).`,
  ),
  noCategory: phrase<{ table: string; dimension: "Nationaliteit" | "Herkomstland" | "Geboorteland"; title: string }>(
    "cbs.noCategory",
    ({ table, dimension, title }) => `CBS-tabel ${table} heeft geen ${dimension.toLowerCase()} '${title}'.`,
    ({ table, dimension, title }) =>
      `CBS table ${table} has no ${{ Nationaliteit: "nationality", Herkomstland: "country of origin (Herkomstland)", Geboorteland: "country of birth (Geboorteland)" }[dimension]} '${title}'.`,
  ),
  noArea: phrase<{ table: string; name: string; code: string }>(
    "cbs.noArea",
    ({ table, name, code }) => `CBS-tabel ${table} heeft geen gebied ${name} (${code}).`,
    ({ table, name, code }) => `CBS table ${table} has no area ${name} (${code}).`,
  ),

  // pull.ts: progress
  fetchingDimension: phrase<{ name: string; table: string }>(
    "cbs.fetchingDimension",
    ({ name, table }) => `CBS: ${name} van ${table} ophalen…`,
    ({ name, table }) => `CBS: fetching ${name} of ${table}…`,
  ),
  fetchingTableInfo: phrase<{ table: string }>("cbs.fetchingTableInfo", ({ table }) => `CBS: tabel ${table} ophalen…`, ({ table }) => `CBS: fetching table ${table}…`),
  fetchingNationality: phrase<{ areas: string[]; from: number; to: number }>(
    "cbs.fetchingNationality",
    ({ areas, from, to }) => `CBS: inwoners naar nationaliteit voor ${areas.join(", ")} en Nederland, ${from}–${to}…`,
    ({ areas, from, to }) => `CBS: inhabitants by nationality for ${areas.join(", ")} and the Netherlands, ${from}–${to}…`,
  ),
  fetchingTotals: phrase("cbs.fetchingTotals", () => "CBS: totalen van alle gemeenten, voor de rangorde…", () => "CBS: totals of all municipalities, for the ranks…"),
  fetchingHerkomst: phrase<{ from: string; to: string }>(
    "cbs.fetchingHerkomst",
    ({ from, to }) => `CBS: inwoners naar herkomst voor alle gemeenten, ${from}–${to}…`,
    ({ from, to }) => `CBS: inhabitants by origin (herkomst) for all municipalities, ${from}–${to}…`,
  ),

  // pull.ts: notes on what CBS has, shown beside the comparison and by the CLI
  noFigures: phrase<{ area: string; year: string }>(
    "cbs.noFigures",
    ({ area, year }) => `${area} ${year}: CBS heeft (nog) geen cijfers; dit jaar ontbreekt.`,
    ({ area, year }) => `${area} ${year}: CBS has no figures (yet); this year is left out.`,
  ),
  noHerkomstFigures: phrase<{ area: string; year: string }>(
    "cbs.noHerkomstFigures",
    ({ area, year }) => `${area} ${year}: CBS heeft (nog) geen cijfers naar herkomst; dit jaar ontbreekt.`,
    ({ area, year }) => `${area} ${year}: CBS has no figures by origin (herkomst) (yet); this year is left out.`,
  ),
  herkomstYearsMissing: phrase<{ table: string; years: string[] }>(
    "cbs.herkomstYearsMissing",
    ({ table, years }) => `CBS-tabel ${table} heeft (nog) geen jaar ${years.join(", ")}; herkomst ontbreekt daar.`,
    ({ table, years }) => `CBS table ${table} has no year ${years.join(", ")} (yet); origin (herkomst) is left out there.`,
  ),
  herkomstBefore: phrase<{ table: string; since: number; from: number; to: number }>(
    "cbs.herkomstBefore",
    ({ table, since, from, to }) => `Herkomst (CBS-tabel ${table}) bestaat pas vanaf ${since}; voor ${from}–${to} geeft de tabel geen cijfers.`,
    ({ table, since, from, to }) => `Origin (herkomst, CBS table ${table}) exists only from ${since}; for ${from}–${to} the table gives no figures.`,
  ),
  herkomstNotPulled: phrase<{ table: string; since: number; from: number; to: number }>(
    "cbs.herkomstNotPulled",
    ({ table, since, from, to }) => `Herkomst (CBS-tabel ${table}) bestaat pas vanaf ${since}; voor ${from}–${to} is die niet opgehaald.`,
    ({ table, since, from, to }) => `Origin (herkomst, CBS table ${table}) exists only from ${since}; for ${from}–${to} it was not fetched.`,
  ),
  /** Where a growth stops short; also the end of the growth rows' Toelichting (in Dutch, as data). */
  growthShortened: phrase<{ missingAtStart: string[]; first: string; missingAtEnd: string[]; last: string }>(
    "cbs.growthShortened",
    ({ missingAtStart, first, missingAtEnd, last }) =>
      [
        missingAtStart.length ? `CBS heeft voor ${missingAtStart.join(", ")} geen cijfers; groei vanaf ${first}.` : "",
        missingAtEnd.length ? `CBS heeft voor ${missingAtEnd.join(", ")} (nog) geen cijfers; groei tot en met ${last}, het laatste jaar met cijfers.` : "",
      ]
        .filter(Boolean)
        .join(" "),
    ({ missingAtStart, first, missingAtEnd, last }) =>
      [
        missingAtStart.length ? `CBS has no figures for ${missingAtStart.join(", ")}; growth from ${first}.` : "",
        missingAtEnd.length ? `CBS has no figures (yet) for ${missingAtEnd.join(", ")}; growth up to and including ${last}, the last year with figures.` : "",
      ]
        .filter(Boolean)
        .join(" "),
  ),
  areaNote: phrase<{ area: string; note: AnyMessage }>(
    "cbs.areaNote",
    ({ area, note }) => `${area}: ${textOf(note, "nl")}`,
    ({ area, note }) => `${area}: ${textOf(note, "en")}`,
  ),
} as const;
