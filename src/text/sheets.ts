import { Language, Unit } from "../data/types";
import { AnyMessage, phrase, say, textOf } from "./message";
import { capital, dateText, Figure, figureText, listed, listedMessages, nationalityAdjective, NOTHING, numberWord, ordinal } from "./words";

/**
 * The words of the indicator sheets: titles, leads, captions, headers, axis titles, source lines
 * and notes, each a small function of the figures it speaks of. The sheet specs (src/report)
 * decide which figures a text is about and make a message of them; the plan renders it in the
 * workbook's language. Numbers and dates are parameters, written in the phrase's language.
 */

const fixed = (id: string, nl: string, en: string): AnyMessage => say(phrase(`sheets.${id}`, () => nl, () => en));

/** "op 1 januari 2022" / "on 1 January 2022" from a figure's reference date, else "in 2022". */
export interface When {
  /** The figure's reference date (ISO), or "" when it has none. */
  date: string;
  period: string;
}
const on = ({ date, period }: When, language: Language) => (date ? `${language === "nl" ? "op" : "on"} ${dateText(date, language)}` : `in ${period}`);
/** The date alone in brackets ("1 januari 2022"), else "in 2022". */
const dayOf = ({ date, period }: When, language: Language) => (date ? dateText(date, language) : `in ${period}`);
const fig = figureText;
const sentences = (...parts: (string | false | null | undefined | "")[]) => parts.filter(Boolean).join(" ");
const text = (message: AnyMessage, language: Language) => textOf(message, language);

/** Labels, headers and axis titles: one word or a few, the same whatever the figures. */
export const LABEL = {
  year: fixed("label.year", "Jaar", "Year"),
  group: fixed("label.group", "Groep", "Group"),
  nationality: fixed("label.nationality", "Nationaliteit", "Nationality"),
  inhabitants: fixed("label.inhabitants", "Inwoners", "Inhabitants"),
  shareOfInhabitants: fixed("label.shareOfInhabitants", "Aandeel van de inwoners", "Share of inhabitants"),
  growth: fixed("label.growth", "Groei", "Growth"),
  area: fixed("label.area", "Gebied", "Area"),
  municipality: fixed("label.municipality", "Gemeente", "Municipality"),
  rank: fixed("label.rank", "Plek", "Rank"),
  share: fixed("label.share", "Aandeel", "Share"),
  age: fixed("label.age", "Leeftijd", "Age"),
  settled: fixed("label.settled", "Vestiging", "Settled"),
  departed: fixed("label.departed", "Vertrek", "Departed"),
  internationals: fixed("label.internationals", "Internationals", "Internationals"),
  lengthOfResidence: fixed("label.lengthOfResidence", "Woonduur", "Length of residence"),
  repats: fixed("label.repats", "Repats", "Repats"),
  internationalsSettling: fixed("label.internationalsSettling", "Internationale vestigers", "Internationals settling"),
  children: fixed("label.children", "Kinderen", "Children"),
  children1217: fixed("label.children1217", "Kinderen 12-17 jaar", "Children 12-17"),
  neighbourhood: fixed("label.neighbourhood", "Buurt", "Neighbourhood"),
  ageNationality: fixed("label.ageNationality", "Leeftijd: nationaliteit", "Age: nationality"),
  registrations: fixed("label.registrations", "Inschrijvingen", "Registrations"),
  workers: fixed("label.workers", "Werknemers", "Workers"),
  parent: fixed("label.parent", "Ouder", "Parent"),
  sector: fixed("label.sector", "Sector", "Sector"),
  knowledgeWorkers: fixed("label.knowledgeWorkers", "Kenniswerkers", "Knowledge workers"),
  labourMigrants: fixed("label.labourMigrants", "Arbeidsmigranten", "Labour migrants"),
  livingInLeiden: fixed("label.livingInLeiden", "Wonend in Leiden", "Living in Leiden"),
  livingInRegion: fixed("label.livingInRegion", "Wonend in Regio071", "Living in Regio071"),
  workingInLeiden: fixed("label.workingInLeiden", "Werkend in Leiden", "Working in Leiden"),
  under30: fixed("label.under30", "onder de 30 jaar", "under 30"),
  from30: fixed("label.from30", "vanaf 30 jaar", "30 and over"),
  grossSalary: fixed("label.grossSalary", "Bruto jaarloon", "Gross annual salary"),
  sex: fixed("label.sex", "Geslacht", "Sex"),
  education: fixed("label.education", "Onderwijs", "Education"),
  origin: fixed("label.origin", "Herkomst", "Origin"),
  students: fixed("label.students", "Studenten", "Students"),
  studyYear: fixed("label.studyYear", "Studiejaar", "Study year"),
  measuredBy: fixed("label.measuredBy", "Gemeten naar", "Measured by"),
  numberOfStudents: fixed("label.numberOfStudents", "aantal internationale studenten", "number of international students"),
  shareOfStudents: fixed("label.shareOfStudents", "aandeel internationale studenten", "share of international students"),
  shareOfInternationalStudents: fixed("label.shareOfInternationalStudents", "Aandeel internationale studenten", "Share of international students"),
  leiden: fixed("label.leiden", "Leiden", "Leiden"),
  netherlands: fixed("label.netherlands", "Nederland", "the Netherlands"),
  theRegion: fixed("label.theRegion", "de regio", "the region"),
  dutch: fixed("label.dutch", "Nederlands", "Dutch"),
  foreignNationality: fixed("label.foreignNationality", "Buitenlandse nationaliteit", "Foreign nationality"),
  statusHolders: fixed("label.statusHolders", "Statushouders", "Status holders"),
  allForeignNationalities: fixed("label.allForeignNationalities", "alle buitenlandse nationaliteiten", "all foreign nationalities"),
  originAbroad: fixed("label.originAbroad", "Herkomst buiten Nederland", "Origin outside the Netherlands"),
  originDutch: fixed("label.originDutch", "Herkomst Nederland", "Dutch origin"),
};

/** Sheet names (Excel's tab), before they are made safe and short. */
export const SHEET_NAME = {
  bevolking: fixed("name.bevolking", "Bevolking", "Population"),
  regio: fixed("name.regio", "Regio en Nederland", "Region and the Netherlands"),
  vestiging: fixed("name.vestiging", "Vestiging en vertrek", "Settlement and departure"),
  woonduur: fixed("name.woonduur", "Woonduur", "Length of residence"),
  repats: fixed("name.repats", "Repats", "Repats"),
  kinderen: fixed("name.kinderen", "Kinderen", "Children"),
  nationaliteiten: fixed("name.nationaliteiten", "Nationaliteiten", "Nationalities"),
  expatCentre: fixed("name.expatCentre", "Expat Centre", "Expat Centre"),
  werknemers: fixed("name.werknemers", "Werknemers", "Workers"),
  statushouders: fixed("name.statushouders", "Statushouders", "Status holders"),
  studenten: fixed("name.studenten", "Studenten", "Students"),
  comparison: fixed("name.comparison", "Vergelijking gemeenten", "Comparison of municipalities"),
};

/** Captions that say the same whatever the figures (the table's period, if one, is added by CAPTION.withPeriod). */
export const FIXED_CAPTION = {
  inhabitantsByNationality: fixed("caption.inhabitantsByNationality", "Inwoners naar nationaliteit", "Inhabitants by nationality"),
  shareOfInhabitants: fixed("caption.shareOfInhabitants", "Aandeel van de inwoners", "Share of inhabitants"),
  growth: fixed("caption.growth", "Groei", "Growth"),
  growthByNationality: fixed("caption.growthByNationality", "Groei per nationaliteit", "Growth by nationality"),
  rank: fixed("caption.rank", "Plek onder de Nederlandse gemeenten (1 = meest internationaal)", "Rank among Dutch municipalities (1 = most international)"),
  settlingPerYear: fixed("caption.settlingPerYear", "Internationals die zich vestigen in en vertrekken uit Leiden, per jaar", "Internationals settling in and leaving Leiden, per year"),
  settlingByAge: fixed("caption.settlingByAge", "Aandeel naar leeftijd onder de internationale vestigers", "Share by age among internationals settling"),
  repatsPerYear: fixed("caption.repatsPerYear", "Nederlanders die na een verblijf in het buitenland in Leiden komen wonen", "Dutch nationals settling in Leiden after living abroad"),
  repatsByAge: fixed("caption.repatsByAge", "Aandeel naar leeftijd: repats en internationale vestigers", "Share by age: repats and internationals settling"),
  childrenByAge: fixed("caption.childrenByAge", "Kinderen met een buitenlandse nationaliteit naar leeftijd", "Children with a foreign nationality by age"),
  expatPerYear: fixed("caption.expatPerYear", "Inschrijvingen via het Expat Centre Leiden per jaar", "Registrations through Expat Centre Leiden per year"),
  workersInLeiden: fixed("caption.workersInLeiden", "Internationale werknemers die in Leiden werken", "International workers working in Leiden"),
  workersChildren: fixed("caption.workersChildren", "Kinderen van internationale werknemers die in Leiden wonen", "Children of international workers living in Leiden"),
  studentsShare: fixed("caption.studentsShare", "Aandeel internationale studenten", "Share of international students"),
  studentsOrigin: fixed("caption.studentsOrigin", "Internationale studenten aan de Universiteit Leiden naar herkomst", "International students at Leiden University by origin"),
  studentsUniversity: fixed("caption.studentsUniversity", "Aandeel internationale studenten aan de Universiteit Leiden", "Share of international students at Leiden University"),
  studentsRank: fixed("caption.studentsRank", "Plek van de Universiteit Leiden onder de Nederlandse universiteiten", "Rank of Leiden University among Dutch universities"),
  shareOverTheYears: fixed("caption.shareOverTheYears", "Aandeel inwoners met een buitenlandse nationaliteit door de jaren", "Share of inhabitants with a foreign nationality over the years"),
};

/** Captions made of the figures their table shows: its period, span, count or place. */
export const CAPTION = {
  /** "…, 2022" when the table's figures have one period, else the caption alone. */
  withPeriod: phrase<{ caption: AnyMessage; period: string | null }>(
    "sheets.caption.withPeriod",
    ({ caption, period }) => (period ? `${text(caption, "nl")}, ${period}` : text(caption, "nl")),
    ({ caption, period }) => (period ? `${text(caption, "en")}, ${period}` : text(caption, "en")),
  ),
  /** "Groei sinds 2012" over one span, "Groei" over several. */
  since: phrase<{ caption: AnyMessage; from: string | null }>(
    "sheets.caption.since",
    ({ caption, from }) => (from ? `${text(caption, "nl")} sinds ${from}` : text(caption, "nl")),
    ({ caption, from }) => (from ? `${text(caption, "en")} since ${from}` : text(caption, "en")),
  ),
  growthOver: phrase<{ period: string | null }>("sheets.caption.growthOver", ({ period }) => (period ? `Groei ${period}` : "Groei"), ({ period }) => (period ? `Growth ${period}` : "Growth")),
  /** Per area; a table of one area (the 2022 edition has Nederland's share of 2021 only) names it. */
  sharesByArea: phrase<{ period: string; areas: AnyMessage[] }>(
    "sheets.caption.sharesByArea",
    ({ period, areas }) => (areas.length === 1 ? `Aandeel van de inwoners van ${text(areas[0], "nl")}, ${period}` : `Aandeel van de inwoners per gebied, ${period}`),
    ({ period, areas }) => (areas.length === 1 ? `Share of inhabitants of ${text(areas[0], "en")}, ${period}` : `Share of inhabitants by area, ${period}`),
  ),
  lengthOfResidence: phrase<{ day: When | null; periods: string[] }>(
    "sheets.caption.lengthOfResidence",
    ({ day, periods }) => `Woonduur van inwoners met een buitenlandse nationaliteit, ${day?.date ? dateText(day.date, "nl") : periods.join(", ")}`,
    ({ day, periods }) => `Length of residence of inhabitants with a foreign nationality, ${day?.date ? dateText(day.date, "en") : periods.join(", ")}`,
  ),
  childrenByNeighbourhood: phrase<{ period: string }>(
    "sheets.caption.childrenByNeighbourhood",
    ({ period }) => `Kinderen van 12-17 jaar met een buitenlandse nationaliteit per buurt, ${period}`,
    ({ period }) => `Children aged 12-17 with a foreign nationality by neighbourhood, ${period}`,
  ),
  mostCommonByAge: phrase<{ period: string }>("sheets.caption.mostCommonByAge", ({ period }) => `Meest voorkomende nationaliteit per leeftijdsgroep, ${period}`, ({ period }) => `Most common nationality by age band, ${period}`),
  foreignInhabitants: phrase<{ period: string }>("sheets.caption.foreignInhabitants", ({ period }) => `Inwoners met een buitenlandse nationaliteit, ${period}`, ({ period }) => `Inhabitants with a foreign nationality, ${period}`),
  sectors: phrase<{ shown: number; period: string | null }>(
    "sheets.caption.sectors",
    ({ shown, period }) => `Sectoren van wie in Leiden werkt (top-${shown} kenniswerkers)${period ? `, ${period}` : ""}`,
    ({ shown, period }) => `Sectors of those working in Leiden (top ${shown} of knowledge workers)${period ? `, ${period}` : ""}`,
  ),
  salaryThreshold: phrase<{ part: Figure | null; period: string }>(
    "sheets.caption.salaryThreshold",
    ({ part, period }) => `Looneis voor kenniswerkers${part ? ` (${fig(part, "nl")} van de IND-grens)` : ""}, ${period}`,
    ({ part, period }) => `Salary threshold for knowledge workers${part ? ` (${fig(part, "en")} of the IND threshold)` : ""}, ${period}`,
  ),
  statusHoldersCount: phrase<{ day: When | null; periods: string[] }>(
    "sheets.caption.statusHoldersCount",
    ({ day, periods }) => `Statushouders in Leiden, ${day?.date ? dateText(day.date, "nl") : periods.join(", ")}`,
    ({ day, periods }) => `Status holders in Leiden, ${day?.date ? dateText(day.date, "en") : periods.join(", ")}`,
  ),
  statusHoldersBySex: phrase<{ day: When | null; periods: string[] }>(
    "sheets.caption.statusHoldersBySex",
    ({ day, periods }) => `Statushouders naar geslacht, ${day?.date ? dateText(day.date, "nl") : periods.join(", ")}`,
    ({ day, periods }) => `Status holders by sex, ${day?.date ? dateText(day.date, "en") : periods.join(", ")}`,
  ),
  /** A row label of the most common nationality per age band: "0-3 jaar: Italiaans". */
  ageAndGroup: phrase<{ age: string; nl: string; en: string }>("sheets.caption.ageAndGroup", ({ age, nl }) => `${age} jaar: ${nl}`, ({ age, en }) => `${age} years: ${en}`),
};

/** The note under the Nationaliteiten table when its Overig is computed. */
export const NOTE = {
  otherComputed: phrase<{ shown: number }>(
    "sheets.note.otherComputed",
    ({ shown }) => `Overig in de tabel Nationaliteiten: alle inwoners met een buitenlandse nationaliteit min de ${numberWord(shown, "nl")} getoonde (berekend).`,
    ({ shown }) => `Other in the Nationalities table: all inhabitants with a foreign nationality minus the ${numberWord(shown, "en")} shown (computed).`,
  ),
};

/** Titles of the report's sheets. */
export const TITLE = {
  population: phrase<{ area: string; migration: boolean }>(
    "sheets.title.population",
    ({ area, migration }) => (migration ? `Nationaliteit en migratieachtergrond in ${area}` : `Nationaliteit in ${area}`),
    ({ area, migration }) => (migration ? `Nationality and migration background in ${area}` : `Nationality in ${area}`),
  ),
  /** "Leiden vergeleken met Delft en Nederland"; without others, "Leiden onder de Nederlandse gemeenten". */
  region: phrase<{ area: string; compared: AnyMessage[] }>(
    "sheets.title.region",
    ({ area, compared }) => (compared.length ? `${area} vergeleken met ${listedMessages(compared, "nl")}` : `${area} onder de Nederlandse gemeenten`),
    ({ area, compared }) => (compared.length ? `${area} compared with ${listedMessages(compared, "en")}` : `${area} among Dutch municipalities`),
  ),
  settlement: phrase<{ area: string }>("sheets.title.settlement", () => "Vestiging en vertrek van internationals", ({ area }) => `Internationals settling in and leaving ${area}`),
  lengthOfResidence: phrase<{ area: string }>("sheets.title.lengthOfResidence", ({ area }) => `Woonduur van internationals in ${area}`, ({ area }) => `How long internationals have lived in ${area}`),
  repats: fixed("title.repats", "Remigratie: repats", "Return migration: repats"),
  children: fixed("title.children", "Internationale kinderen", "International children"),
  /**
   * The count of nationalities the table shows, without its Overig. Foreign: the most common
   * nationality in a Dutch municipality is Dutch (the 2022 report's "tien meest voorkomende
   * nationaliteiten" are Nederlands and the nine foreign ones its chart shows).
   */
  nationalities: phrase<{ shown: number }>(
    "sheets.title.nationalities",
    ({ shown }) => (shown === 1 ? "De meest voorkomende buitenlandse nationaliteit" : `De ${numberWord(shown, "nl")} meest voorkomende buitenlandse nationaliteiten`),
    ({ shown }) => (shown === 1 ? "The most common foreign nationality" : `The ${numberWord(shown, "en")} most common foreign nationalities`),
  ),
  expatCentre: fixed("title.expatCentre", "Inschrijvingen bij Expat Centre Leiden", "Registrations at Expat Centre Leiden"),
  workers: fixed("title.workers", "Internationale werknemers", "International workers"),
  statusHolders: fixed("title.statusHolders", "Statushouders", "Status holders"),
  students: fixed("title.students", "Internationale studenten", "International students"),
};

/** A trend over the settlement years: every year more settled than left, all but a few, or how many. */
export type SettlementTrend = { kind: "every" } | { kind: "except"; years: string[] } | { kind: "count"; more: number; of: number } | null;

/** The pandemic year by its name, as the report writes it. */
const yearName = (year: string, language: Language) => (year === "2020" ? (language === "nl" ? "coronajaar 2020" : "the pandemic year 2020") : year);

/** The lead sentences of the report's sheets; each falls back to a plain description when its figures are missing. */
export const LEAD = {
  population: phrase<{ area: string; share: Figure | null; migration: Figure | null; count: Figure | null; day: When }>(
    "sheets.lead.population",
    ({ area, share, migration, count, day }) =>
      sentences(
        share && (migration ? `In ${area} heeft ${fig(share, "nl")} van de inwoners een buitenlandse nationaliteit en ${fig(migration, "nl")} een migratieachtergrond.` : `In ${area} heeft ${fig(share, "nl")} van de inwoners een buitenlandse nationaliteit.`),
        count && (share ? `${capital(on(day, "nl"))} zijn dat ${fig(count, "nl")} inwoners met een buitenlandse nationaliteit.` : `${capital(on(day, "nl"))} hebben ${fig(count, "nl")} inwoners van ${area} een buitenlandse nationaliteit.`),
      ) || `Inwoners van ${area} naar nationaliteit.`,
    ({ area, share, migration, count, day }) =>
      sentences(
        share && (migration ? `In ${area}, ${fig(share, "en")} of inhabitants have a foreign nationality and ${fig(migration, "en")} a migration background.` : `In ${area}, ${fig(share, "en")} of inhabitants have a foreign nationality.`),
        count && (share ? `${capital(on(day, "en"))}, that was ${fig(count, "en")} inhabitants with a foreign nationality.` : `${capital(on(day, "en"))}, ${fig(count, "en")} inhabitants of ${area} had a foreign nationality.`),
      ) || `Inhabitants of ${area} by nationality.`,
  ),
  region: phrase<{ area: string; year: string | null; rank: Figure | null; rankMigration: Figure | null; average: Figure | null }>(
    "sheets.lead.region",
    ({ area, year, rank, rankMigration, average }) =>
      sentences(
        rank && (rankMigration ? `${area} staat op plek ${fig(rank, "nl")} van de gemeenten met veel inwoners met een buitenlandse nationaliteit en op plek ${fig(rankMigration, "nl")} naar migratieachtergrond (peiljaar ${year}).` : `${area} staat op plek ${fig(rank, "nl")} van de gemeenten met veel inwoners met een buitenlandse nationaliteit (peiljaar ${year}).`),
        average && `Gemiddeld heeft ${fig(average, "nl")} van de inwoners van Nederland een buitenlandse nationaliteit.`,
      ) || `${area} vergeleken met andere gemeenten.`,
    ({ area, year, rank, rankMigration, average }) =>
      sentences(
        rank && (rankMigration ? `${area} ranks ${ordinal(rank.value)} among Dutch municipalities by share of inhabitants with a foreign nationality and ${ordinal(rankMigration.value)} by migration background (${year}).` : `${area} ranks ${ordinal(rank.value)} among Dutch municipalities by share of inhabitants with a foreign nationality (${year}).`),
        average && `On average ${fig(average, "en")} of the inhabitants of the Netherlands have a foreign nationality.`,
      ) || `${area} compared with other municipalities.`,
  ),
  settlement: phrase<{ area: string; first: string; final: string; trend: SettlementTrend; settled: Figure; left: Figure } | { area: string; final: null }>(
    "sheets.lead.settlement",
    (p) => {
      if (p.final === null) return `Internationals die zich in ${p.area} vestigen en die vertrekken.`;
      const { area, first, final, trend } = p;
      return sentences(
        trend?.kind === "every" && `Het aantal internationals dat zich in ${area} vestigt is van ${first} tot en met ${final} elk jaar groter dan het aantal dat vertrekt.`,
        trend?.kind === "except" && `Het aantal internationals dat zich in ${area} vestigt is al jaren groter dan het aantal dat vertrekt, behalve in ${listed(trend.years.map((y) => yearName(y, "nl")), "nl")}.`,
        trend?.kind === "count" && `In ${trend.more} van de ${trend.of} jaren van ${first} tot en met ${final} vestigden zich meer internationals in ${area} dan er vertrokken.`,
        `In ${final} vestigden zich ${fig(p.settled, "nl")} internationals en vertrokken er ${fig(p.left, "nl")}.`,
      );
    },
    (p) => {
      if (p.final === null) return `Internationals settling in and leaving ${p.area}.`;
      const { area, first, final, trend } = p;
      return sentences(
        trend?.kind === "every" && `From ${first} to ${final} more internationals settled in ${area} than left, every year.`,
        trend?.kind === "except" && `For years more internationals have settled in ${area} than left, except in ${listed(trend.years.map((y) => yearName(y, "en")), "en")}.`,
        trend?.kind === "count" && `In ${trend.more} of the ${trend.of} years from ${first} to ${final} more internationals settled in ${area} than left.`,
        `In ${final}, ${fig(p.settled, "en")} settled and ${fig(p.left, "en")} left.`,
      );
    },
  ),
  /** `underThree`: the share living here under 3 years (the first two bands), when both are there. */
  lengthOfResidence: phrase<{ area: string; underThree: number | null; short: Figure | null; day: When }>(
    "sheets.lead.lengthOfResidence",
    ({ area, underThree, short, day }) => {
      if (!short) return `Hoe lang internationals in ${area} wonen.`;
      const residents = area === "Leiden" ? "de Leidenaren" : `de inwoners van ${area}`;
      return sentences(
        underThree !== null && `${portion(underThree, "nl")} van ${residents} met een buitenlandse nationaliteit woont hier korter dan 3 jaar.`,
        `${capital(fig(short, "nl"))} woont er korter dan een jaar (${dayOf(day, "nl")}).`,
      );
    },
    ({ area, underThree, short, day }) => {
      if (!short) return `How long internationals have lived in ${area}.`;
      const residents = area === "Leiden" ? "Leiden's inhabitants" : `the inhabitants of ${area}`;
      return sentences(
        underThree !== null && `${portion(underThree, "en")} of ${residents} with a foreign nationality have lived here for less than 3 years.`,
        `${fig(short, "en")} have lived here for less than a year (${dayOf(day, "en")}).`,
      );
    },
  ),
  /** `byReport`: the trend is the report's claim (its earlier years are not in the data), said as the report's. */
  repats: phrase<{ area: string; trend: "rising" | "falling" | null; byReport?: boolean; period: string | null; count: Figure | null; children: Figure | null }>(
    "sheets.lead.repats",
    ({ area, trend, byReport, period, count, children }) => {
      if (!count) return `Nederlanders die na een verblijf in het buitenland in ${area} komen wonen.`;
      const kids = children ? `, van wie ${fig(children, "nl")} kinderen` : "";
      return trend
        ? sentences(`Het aantal Nederlanders dat zich in ${area} vestigt na een verblijf in het buitenland ${trend === "rising" ? "stijgt" : "daalt"}${byReport ? " volgens het rapport" : ""} al een aantal jaar.`, `In ${period} waren het er ${fig(count, "nl")}${kids}.`)
        : `In ${period} kwamen ${fig(count, "nl")} Nederlanders na een verblijf in het buitenland in ${area} wonen${kids}.`;
    },
    ({ area, trend, byReport, period, count, children }) => {
      if (!count) return `Dutch nationals settling in ${area} after living abroad.`;
      const kids = children ? `, ${fig(children, "en")} of them children` : "";
      return trend
        ? sentences(`The number of Dutch nationals settling in ${area} after living abroad has been ${trend} for some years${byReport ? ", according to the report" : ""}.`, `In ${period} there were ${fig(count, "en")}${kids}.`)
        : `In ${period}, ${fig(count, "en")} Dutch nationals settled in ${area} after living abroad${kids}.`;
    },
  ),
  children: phrase<{ area: string; total: Figure | null; day: When; reportNamesSyrian: boolean }>(
    "sheets.lead.children",
    ({ area, total, day, reportNamesSyrian }) =>
      total
        ? sentences(
            `In totaal hebben in ${area} ${fig(total, "nl")} kinderen van 0-17 jaar een buitenlandse nationaliteit (${dayOf(day, "nl")}).`,
            reportNamesSyrian && "Onder 12-17 jaar noemt het rapport de Syrische nationaliteit als de meest voorkomende, zonder een aantal te geven.",
          )
        : `Kinderen met een buitenlandse nationaliteit in ${area}.`,
    ({ area, total, day, reportNamesSyrian }) =>
      total
        ? sentences(
            `In total ${fig(total, "en")} children aged 0-17 in ${area} have a foreign nationality (${dayOf(day, "en")}).`,
            reportNamesSyrian && "Among those aged 12-17 the report names Syrian as the most common nationality, without a count.",
          )
        : `Children with a foreign nationality in ${area}.`,
  ),
  /** `top`: the first row of the table (the most common nationality) with its count; `growth`: of all with a foreign nationality. */
  nationalities: phrase<{ area: string; top: { nl: string; en: string | null; count: Figure; day: When } | null; growth: { value: number; decimals?: number; from: string; to: string } | null }>(
    "sheets.lead.nationalities",
    ({ area, top, growth }) => {
      const adjective = top && nationalityAdjective(top.nl);
      return (
        sentences(
          top && `${adjective ? `De ${adjective} nationaliteit` : `De nationaliteit ${top.nl}`} komt in ${area} het meest voor van alle buitenlandse nationaliteiten (${fig(top.count, "nl")} inwoners ${on(top.day, "nl")}).`,
          growth && `Het aantal inwoners met een buitenlandse nationaliteit ${growth.value < 0 ? "daalde" : "steeg"} tussen ${growth.from} en ${growth.to} met ${fig({ value: Math.abs(growth.value), unit: "groei", decimals: growth.decimals }, "nl")}.`,
        ) || `De meest voorkomende buitenlandse nationaliteiten in ${area}.`
      );
    },
    ({ area, top, growth }) =>
      sentences(
        top && `${top.en ?? `The nationality '${top.nl}'`} is the most common foreign nationality in ${area} (${fig(top.count, "en")} inhabitants ${on(top.day, "en")}).`,
        growth && `Inhabitants with a foreign nationality ${growth.value < 0 ? "fell" : "grew"} by ${fig({ value: Math.abs(growth.value), unit: "groei", decimals: growth.decimals }, "en")} between ${growth.from} and ${growth.to}.`,
      ) || `The most common foreign nationalities in ${area}.`,
  ),
  /** `before`: the year before, when the data has it; else `pandemic` says the report's comparison with 2020. */
  expatCentre: phrase<{ period: string; count: Figure; before: { period: string; count: Figure } | null; pandemic: boolean } | null>(
    "sheets.lead.expatCentre",
    (p) => {
      if (!p) return "Inschrijvingen via het Expat Centre Leiden.";
      const { before, count } = p;
      const compared = before
        ? `, ${count.value > before.count.value ? "meer" : count.value < before.count.value ? "minder" : "evenveel"} dan in ${before.period} (${fig(before.count, "nl")})`
        : p.pandemic
          ? ", volgens het rapport meer dan in coronajaar 2020"
          : "";
      return `In ${p.period} schreven ${fig(count, "nl")} internationals zich via het Expat Centre Leiden in${compared}.`;
    },
    (p) => {
      if (!p) return "Registrations through Expat Centre Leiden.";
      const { before, count } = p;
      const compared = before
        ? `, ${count.value > before.count.value ? "more than" : count.value < before.count.value ? "fewer than" : "as many as"} in ${before.period} (${fig(before.count, "en")})`
        : p.pandemic
          ? ", according to the report more than in the pandemic year 2020"
          : "";
      return `In ${p.period}, ${fig(count, "en")} internationals registered through Expat Centre Leiden${compared}.`;
    },
  ),
  /** From the first to the last year of the series; `mostly`: which group grew most, when the total rose. */
  workers: phrase<{ area: string; first: { period: string; count: Figure }; last: { period: string; count: Figure }; growth: Figure | null; mostly: "labour" | "knowledge" | null } | { area: string; first: null }>(
    "sheets.lead.workers",
    (p) => {
      if (!p.first) return `Internationale werknemers in ${p.area}.`;
      const { area, first, last, growth, mostly } = p;
      const rose = last.count.value > first.count.value;
      const sign = growth ? ` (${rose ? "+" : ""}${fig(growth, "nl")})` : "";
      const why = mostly === "labour" ? ", vooral door meer arbeidsmigranten" : mostly === "knowledge" ? ", vooral door meer kenniswerkers" : "";
      return `Het aantal internationale werknemers dat in ${area} werkt ${rose ? "steeg" : "daalde"} tussen ${first.period} en ${last.period} van ${fig(first.count, "nl")} tot ${fig(last.count, "nl")}${sign}${why}.`;
    },
    (p) => {
      if (!p.first) return `International workers in ${p.area}.`;
      const { area, first, last, growth, mostly } = p;
      const rose = last.count.value > first.count.value;
      const sign = growth ? ` (${rose ? "+" : ""}${fig(growth, "en")})` : "";
      const why = mostly === "labour" ? ", mostly labour migrants" : mostly === "knowledge" ? ", mostly knowledge workers" : "";
      return `International workers working in ${area} ${rose ? "rose" : "fell"} from ${fig(first.count, "en")} to ${fig(last.count, "en")} between ${first.period} and ${last.period}${sign}${why}.`;
    },
  ),
  statusHolders: phrase<{ area: string; count: Figure | null; day: When; syria: boolean }>(
    "sheets.lead.statusHolders",
    ({ area, count, day, syria }) => (count ? `${capital(on(day, "nl"))} wonen er ${fig(count, "nl")} statushouders in ${area}${syria ? "; de grootste groep komt volgens het rapport uit Syrië" : ""}.` : `Statushouders in ${area}.`),
    ({ area, count, day, syria }) => (count ? `${capital(on(day, "en"))}, ${fig(count, "en")} status holders lived in ${area}${syria ? "; according to the report, the largest group comes from Syria" : ""}.` : `Status holders in ${area}.`),
  ),
  /** `period`: a year, or a study year ("2021/2022"). */
  students: phrase<{ period: string; share: Figure; average: Figure | null } | null>(
    "sheets.lead.students",
    (p) => {
      if (!p) return "Internationale studenten in Leiden.";
      const during = p.period.includes("/") ? `studiejaar ${p.period}` : p.period;
      return `In ${during} heeft ${fig(p.share, "nl")} van de studenten aan de Universiteit Leiden een buitenlandse nationaliteit${p.average ? ` (Nederlands gemiddelde: ${fig(p.average, "nl")})` : ""}.`;
    },
    (p) => {
      if (!p) return "International students in Leiden.";
      const during = p.period.includes("/") ? `the ${p.period} academic year` : p.period;
      return `In ${during}, ${fig(p.share, "en")} of the students at Leiden University have a foreign nationality${p.average ? ` (Dutch average: ${fig(p.average, "en")})` : ""}.`;
    },
  ),
};

/** "De helft", "Meer dan de helft (63%)", "34%": a share as the start of a sentence. */
function portion(share: number, language: Language): string {
  const figure = fig({ value: share, unit: "aandeel" }, language);
  if (Math.abs(share - 0.5) < 0.005) return language === "nl" ? "De helft" : "Half";
  if (share > 0.5) return language === "nl" ? `Meer dan de helft (${figure})` : `More than half (${figure})`;
  return capital(figure);
}

/** The sheets of a municipality pulled from CBS, and the comparison of several. */
export const AREA = {
  /** Excel's 31 characters: made short by the caller (areaSheetName). */
  populationName: phrase<{ nl: string; en: string }>("sheets.area.populationName", ({ nl }) => nl, ({ en }) => en),
  populationTitle: phrase<{ area: string }>("sheets.area.populationTitle", ({ area }) => `Nationaliteit in ${area}`, ({ area }) => `Nationality in ${area}`),
  populationLead: phrase<{ area: string; year: string; count: Figure | null; share: Figure | null; rank: Figure | null; origin: Figure | null; originRank: Figure | null }>(
    "sheets.area.populationLead",
    ({ area, year, count, share, rank, origin, originRank }) =>
      sentences(
        count && `Op ${dateText(`${year}-01-01`, "nl")} hebben ${fig(count, "nl")} inwoners van ${area} een buitenlandse nationaliteit${share ? ` (${fig(share, "nl")})` : ""}.`,
        rank && `${area} staat daarmee op plek ${fig(rank, "nl")} van de Nederlandse gemeenten.`,
        origin && `${fig(origin, "nl")} heeft een herkomst buiten Nederland (wat het rapport van 2022 een migratieachtergrond noemt; de definitie veranderde in 2022)${originRank ? `: plek ${fig(originRank, "nl")}` : ""}.`,
      ) || `Inwoners van ${area} naar nationaliteit.`,
    ({ area, year, count, share, rank, origin, originRank }) =>
      sentences(
        count && `On ${dateText(`${year}-01-01`, "en")}, ${fig(count, "en")} inhabitants of ${area} had a foreign nationality${share ? ` (${fig(share, "en")})` : ""}.`,
        rank && `That puts ${area} ${ordinal(rank.value)} among Dutch municipalities.`,
        origin && `${fig(origin, "en")} had an origin outside the Netherlands (what the 2022 report calls a migration background; the definition changed in 2022)${originRank ? `: ${ordinal(originRank.value)}` : ""}.`,
      ) || `Inhabitants of ${area} by nationality.`,
  ),
  inhabitantsCaption: phrase<{ area: string }>("sheets.area.inhabitantsCaption", ({ area }) => `Inwoners naar nationaliteit, ${area}`, ({ area }) => `Inhabitants by nationality, ${area}`),
  sharesCaption: phrase<{ area: string }>(
    "sheets.area.sharesCaption",
    ({ area }) => `Aandeel inwoners met een buitenlandse nationaliteit en met een herkomst buiten Nederland, ${area}`,
    ({ area }) => `Share of inhabitants with a foreign nationality and with an origin outside the Netherlands, ${area}`,
  ),
  originCaption: phrase<{ area: string }>("sheets.area.originCaption", ({ area }) => `Inwoners naar herkomst (CBS, sinds 2022), ${area}`, ({ area }) => `Inhabitants by origin (CBS, since 2022), ${area}`),
  rankCaption: phrase<{ area: string }>(
    "sheets.area.rankCaption",
    ({ area }) => `Plek onder de Nederlandse gemeenten naar aandeel buitenlandse nationaliteit en herkomst buiten Nederland, ${area}`,
    ({ area }) => `Rank among Dutch municipalities by share of foreign nationality and of origin outside the Netherlands, ${area}`,
  ),
  growthCaption: phrase<{ area: string }>("sheets.area.growthCaption", ({ area }) => `Groei, ${area}`, ({ area }) => `Growth, ${area}`),
  nationalitiesTitle: phrase<{ area: string }>("sheets.area.nationalitiesTitle", ({ area }) => `Nationaliteiten in ${area}`, ({ area }) => `Nationalities in ${area}`),
  nationalitiesLead: phrase<{ area: string; year: string }>(
    "sheets.area.nationalitiesLead",
    ({ area, year }) => `De grootste nationaliteiten in ${area} op ${dateText(`${year}-01-01`, "nl")}, en hun groei.`,
    ({ area, year }) => `The largest nationalities in ${area} on ${dateText(`${year}-01-01`, "en")}, and their growth.`,
  ),
  largestCaption: phrase<{ area: string; year: string }>("sheets.area.largestCaption", ({ area, year }) => `Grootste nationaliteiten, ${area}, ${year}`, ({ area, year }) => `Largest nationalities, ${area}, ${year}`),
  growthByNationalityCaption: phrase<{ area: string }>("sheets.area.growthByNationalityCaption", ({ area }) => `Groei per nationaliteit, ${area}`, ({ area }) => `Growth by nationality, ${area}`),
  comparisonTitle: phrase<{ areas: string[] }>(
    "sheets.area.comparisonTitle",
    ({ areas }) => `${listed(areas, "nl")} vergeleken met Nederland`,
    ({ areas }) => `${listed(areas, "en")} compared with the Netherlands`,
  ),
  comparisonLead: phrase<{ year: string }>(
    "sheets.area.comparisonLead",
    ({ year }) => `Aandeel inwoners met een buitenlandse nationaliteit en met een herkomst buiten Nederland op ${dateText(`${year}-01-01`, "nl")}, en de plek onder alle Nederlandse gemeenten.`,
    ({ year }) => `Share of inhabitants with a foreign nationality and with an origin outside the Netherlands on ${dateText(`${year}-01-01`, "en")}, and the rank among all Dutch municipalities.`,
  ),
  /** Two lines under the comparison's source: a lead this long would stretch the printed page to a third of its size. */
  originNote: [
    fixed("area.originNote.1", "Herkomst: sinds 2022 publiceert CBS herkomst in plaats van migratieachtergrond.", "Origin: since 2022 CBS publishes origin (herkomst) instead of migration background."),
    fixed(
      "area.originNote.2",
      "Een herkomst buiten Nederland is wat het rapport van 2022 een migratieachtergrond noemt, maar de definitie veranderde: vergelijk niet zonder meer met cijfers van vóór 2022.",
      "An origin outside the Netherlands is what the 2022 report calls a migration background, but the definition changed: do not compare it directly with figures from before 2022.",
    ),
  ],
  sharesOf: phrase<{ year: string }>("sheets.area.sharesOf", ({ year }) => `Aandeel van de inwoners, ${year}`, ({ year }) => `Share of inhabitants, ${year}`),
  ranksOf: phrase<{ year: string }>("sheets.area.ranksOf", ({ year }) => `Plek onder de Nederlandse gemeenten, ${year}`, ({ year }) => `Rank among Dutch municipalities, ${year}`),
};

export type ChartKindName = "line" | "columnClustered" | "barClustered" | "pie" | "doughnut";
const CHART_KINDS: Record<ChartKindName, Record<Language, string>> = {
  line: { nl: "Lijngrafiek", en: "Line chart" },
  columnClustered: { nl: "Kolomgrafiek", en: "Column chart" },
  barClustered: { nl: "Staafgrafiek", en: "Bar chart" },
  pie: { nl: "Cirkeldiagram", en: "Pie chart" },
  doughnut: { nl: "Ringdiagram", en: "Doughnut chart" },
};

/** A source and the reference dates of its figures on a sheet. */
export interface Citation {
  name: string;
  dates: string[];
}

/**
 * Reference dates as a reader wants them: "1 januari 2021, 1 januari 2022", and a long run of
 * 1 January dates as a span, "1 januari van 2012 tot en met 2024".
 */
function datesText(isoDates: readonly string[], language: Language): string {
  const dates = [...isoDates].sort();
  const years = dates.map((d) => (d.endsWith("-01-01") ? Number(d.slice(0, 4)) : NaN));
  const run = dates.length > 3 && years.every((y, i) => !Number.isNaN(y) && (i === 0 || y === years[i - 1] + 1));
  if (!run) return dates.map((d) => dateText(d, language)).join(", ");
  return language === "nl" ? `1 januari van ${years[0]} tot en met ${years[years.length - 1]}` : `1 January of each year from ${years[0]} to ${years[years.length - 1]}`;
}

const cited = (citations: readonly Citation[], language: Language) =>
  citations.map(({ name, dates }) => (dates.length ? `${name} (${language === "nl" ? "peildatum" : "reference date"} ${datesText(dates, language)})` : name)).join("; ");

/** The texts every sheet ends with, and the workbook's own. */
export const WORKBOOK = {
  /** "Bron: BRP (peildatum …). Internationals in cijfers, Leiden 2022, pagina 14, 16." */
  source: phrase<{ citations: Citation[]; pages: number[]; report: string | null }>(
    "sheets.workbook.source",
    ({ citations, pages, report }) =>
      sentences(`Bron: ${cited(citations, "nl")}.`, pages.length > 0 && (report ? `${report}, pagina ${pages.join(", ")}.` : `Rapport van deze editie, pagina ${pages.join(", ")}.`)),
    ({ citations, pages, report }) =>
      sentences(`Source: ${cited(citations, "en")}.`, pages.length > 0 && `${report ?? "This edition's report"}, ${pages.length > 1 ? "pages" : "page"} ${pages.join(", ")}.`),
  ),
  /** The reference dates of the figures (and that some have a period only), else their periods; then where all figures are. */
  when: phrase<{ dates: string[]; someWithout: boolean; periods: string[] }>(
    "sheets.workbook.when",
    ({ dates, someWithout, periods }) =>
      `${dates.length ? `Peildatum: ${datesText(dates, "nl")}${someWithout ? "; overige cijfers per periode" : ""}.` : `Periode: ${periods.join(", ")}.`} Alle cijfers staan met toelichting in de tabel MonitorData (blad Data).`,
    ({ dates, someWithout, periods }) =>
      `${dates.length ? `Reference date: ${datesText(dates, "en")}${someWithout ? "; other figures per period" : ""}.` : `Period: ${periods.join(", ")}.`} All figures are listed with notes in the MonitorData table (Data sheet); its column names and notes are in Dutch, as the data contract defines them.`,
  ),
  /** Alternative text for a chart, for screen readers and Excel's selection pane. */
  chartAltText: phrase<{ kind: ChartKindName; title: string; series: string[]; per: string; categories: string[]; table: string }>(
    "sheets.workbook.chartAltText",
    (p) => `${CHART_KINDS[p.kind].nl}: ${p.title}. ${p.series.join(", ")} per ${p.per.toLowerCase()} (${p.categories.join(", ")}). Gegevens in tabel ${p.table}.`,
    (p) => `${CHART_KINDS[p.kind].en}: ${p.title}. ${p.series.join(", ")} by ${p.per.toLowerCase()} (${p.categories.join(", ")}). Data in table ${p.table}.`,
  ),
  /** The clerk's sentences under a sheet's source lines. */
  sentencesHeading: fixed("workbook.sentencesHeading", "Zinnen om over te nemen", "Sentences to paste"),
  moreSentences: phrase<{ rest: number }>(
    "sheets.workbook.moreSentences",
    ({ rest }) => `En nog ${rest === 1 ? "één zin" : `${fig({ value: rest, unit: "aantal" }, "nl")} zinnen`}: MONITOR.TEKST geeft de zin van elk cijfer.`,
    ({ rest }) => `And ${rest === 1 ? "one more sentence" : `${fig({ value: rest, unit: "aantal" }, "en")} more sentences`}: MONITOR.TEXT gives the sentence of any figure.`,
  ),
  /** The workbook's category in its document properties: what kind of document it is. */
  category: fixed("workbook.category", "Monitor Internationalisering", "Internationalisation Monitor"),
  title: phrase<{ places: string[]; year: string | null }>(
    "sheets.workbook.title",
    ({ places, year }) => ["Monitor Internationalisering", listed(places, "nl", NOTHING), year ?? ""].filter(Boolean).join(" "),
    ({ places, year }) => [listed(places, "en", NOTHING), "Internationalisation Monitor", year ?? ""].filter(Boolean).join(" "),
  ),
  description: phrase<{ title: string; version: string }>(
    "sheets.workbook.description",
    ({ title, version }) => sentences(title && `${title}${version ? `, versie ${version}` : ""}.`, "Geschreven door de monitor-invoegtoepassing uit de cijfers van deze werkmap."),
    ({ title, version }) =>
      sentences(
        title && `${title}${version ? `, version ${version}` : ""}.`,
        "Written by the monitor add-in from the figures of this workbook.",
        "The Data sheet's tables keep their Dutch column names and notes: they are the data contract's.",
      ),
  ),
};

/** The ready PivotTable's sheet: its name and the two lines above it. */
export const PIVOT = {
  sheetName: fixed("pivot.sheetName", "Draaitabel", "Pivot"),
  /** What the pivot shows first: an indicator (its label in the language), area and unit, by group and year. */
  shows: phrase<{ table: string; what: { nl: string; en: string }; area: { nl: string; en: string } | null; unit: Unit | null }>(
    "sheets.pivot.shows",
    ({ table, what, area, unit }) => `Draaitabel op ${table}: ${what.nl}${area ? `, ${area.nl}` : ""}, ${unit ? UNIT_NAMES.nl[unit] : ""}, per groep en jaar.`,
    ({ table, what, area, unit }) => `PivotTable on ${table}: ${what.en}${area ? `, ${area.en}` : ""}, ${unit ? UNIT_NAMES.en[unit] : ""}, by group and year.`,
  ),
  howTo: fixed(
    "pivot.howTo",
    "Kies boven de tabel een andere Indicator, Eenheid, Gebied of Leeftijd; kies één eenheid tegelijk. Subtotalen per Bovengroep tellen de delen op tot hun geheel.",
    "Choose another Indicator, Eenheid (unit), Gebied (area) or Leeftijd (age) above the table; choose one unit at a time. Subtotals per Bovengroep add the parts up to their whole.",
  ),
};

const UNIT_NAMES: Record<Language, Record<Unit, string>> = {
  nl: { aantal: "aantallen", aandeel: "aandelen", groei: "groei", rang: "rangen", euro: "bedragen in euro" },
  en: { aantal: "counts", aandeel: "shares", groei: "growth", rang: "ranks", euro: "amounts in euros" },
};
