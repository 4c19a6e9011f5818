import { Language, Observation } from "../data/types";
import { AREAS, englishNationality, groupEntry } from "../data/vocabulary";
import { phrase } from "./message";
import { capital, dateText, figureText, lowerFirst, nationalityAdjective, ordinal } from "./words";

/**
 * The clerk's sentence for one figure, as a phrase: a subject, the figure in the language's
 * number format, the period or reference date, and the source, as one sentence to paste into a
 * note: "34% van de inwoners met een buitenlandse nationaliteit woonde op 1 januari 2022 korter
 * dan een jaar in Leiden (bron: BRP, gemeente Leiden)." Every indicator of the editions has a
 * pattern in Dutch and English; an indicator an analyst adds gets a plain general one.
 * src/data/sentences.ts gathers what the store knows of the figure (names, label, source) and
 * makes the message; MONITOR.TEKST, the pane and the indicator sheets render it.
 */
export interface SentenceFacts {
  o: Observation;
  /** The group's labels in Dutch and English (the vocabulary's, else as the data writes it). */
  group: Names;
  /** The indicator's label, or null for an indicator the package does not describe. */
  label: Names | null;
  /** The source as a citation names it, in Dutch and English (see citation.ts). */
  source: Names;
  /** A percentage's decimals as the table beside the sentence shows it (see Figure.decimals); else as the report prints it. */
  decimals?: number;
}
type Names = Record<Language, string>;

/** What a pattern is made of, already in the sentence's language. */
interface Parts {
  o: Observation;
  /** The figure as the report prints it: 1.253, 11,6%, € 30.672 (growth without its sign: `rose` says it). */
  figure: string;
  /** "op 1 januari 2022", "in 2021", "in het studiejaar 2021/2022", "tussen 2012 en 2022". */
  when: string;
  /** The area as a sentence names it: "Leiden", "Nederland" / "the Netherlands". */
  area: string;
  /** Who the figure is about, after "inwoners": "met de Italiaanse nationaliteit" / "with Italian nationality" ("" for all inhabitants). */
  who: string;
  /** The group's own name: "kenniswerkers" / "knowledge workers". */
  group: string;
  /** The age band as a sentence says it ("van 0 tot en met 17 jaar" / "aged 0 to 17"), "" for all ages. */
  age: string;
  /** The age band after "was" / "were": "0 tot en met 17 jaar oud" / "aged 0 to 17". */
  aged: string;
  /** "groeide" or "daalde", "grew" or "fell", by the sign of the figure. */
  rose: string;
}

type Pattern = (parts: Parts) => string;

/** The words a language's sentences are made of, beside their patterns. */
interface Words {
  /** Who a figure of inhabitants is about, for a fixed group. */
  fixedWho: Record<string, string>;
  /** Who a figure is about for a nationality: `english` its English name, null when it has none. */
  nationality: (group: string, english: string | null) => string;
  /** A group that is neither fixed nor a nationality: `raw` as the data writes it, `names` its labels. */
  inGroup: (raw: string, names: Names) => string;
  ageSpan: (from: string, to: string) => string;
  ageUnder: (n: string) => string;
  ageFrom: (n: string) => string;
  ageBand: (age: string) => string;
  /** The age band after "was" / "were". */
  aged: (age: string) => string;
  area: (area: string) => string;
  yearTo: (date: string) => string;
  between: (from: number, to: number) => string;
  studyYear: (period: string) => string;
  onDay: (date: string) => string;
  rose: (negative: boolean) => string;
  source: string;
  /** Any other indicator (one an analyst added): its label, group, area, period and figure. */
  general: (p: Parts, label: string) => string;
  patterns: Record<string, Pattern>;
}

const join = (...words: string[]) => words.filter((w) => w !== "").join(" ");

const share = (o: Observation) => o.eenheid === "aandeel";

const DURATION: Record<string, Names> = {
  "korter dan 1 jaar": { nl: "korter dan een jaar", en: "for less than a year" },
  "1 tot 3 jaar": { nl: "een tot drie jaar", en: "for one to three years" },
  "langer dan 3 jaar": { nl: "langer dan drie jaar", en: "for more than three years" },
};

/** The institution a student figure is about; for Nederland, the average of all of that kind. */
const INSTITUTION: Record<"universiteit" | "hbo", Record<Language, (area: string) => string>> = {
  universiteit: { nl: (area) => (area === "Nederland" ? "Nederlandse universiteiten" : `Universiteit ${area}`), en: (area) => (area === "the Netherlands" ? "Dutch universities" : `${area} University`) },
  hbo: { nl: (area) => (area === "Nederland" ? "Nederlandse hogescholen" : `Hogeschool ${area}`), en: (area) => (area === "the Netherlands" ? "Dutch universities of applied sciences" : `${area} University of Applied Sciences`) },
};

function studentsNl(p: Parts): string {
  const { o } = p;
  if (o.groep === "EU" || o.groep === "niet-EU") {
    const from = o.groep === "EU" ? "uit EU-landen" : "uit landen buiten de EU";
    const at = `aan de ${INSTITUTION.universiteit.nl(p.area)}`;
    return share(o) ? `${capital(p.when)} kwam ${p.figure} van de internationale studenten ${at} ${from}` : `${capital(p.when)} kwamen ${p.figure} internationale studenten ${at} ${from}`;
  }
  const kind = o.groep === "hbo" ? INSTITUTION.hbo : INSTITUTION.universiteit;
  const average = p.area === "Nederland" ? "gemiddeld " : "";
  return share(o)
    ? `${capital(p.when)} had ${average}${p.figure} van de studenten aan de ${kind.nl(p.area)} een buitenlandse nationaliteit`
    : `${capital(p.when)} had de ${kind.nl(p.area)} ${p.figure} studenten met een buitenlandse nationaliteit`;
}

function studentsEn(p: Parts): string {
  const { o } = p;
  if (o.groep === "EU" || o.groep === "niet-EU") {
    const from = o.groep === "EU" ? "came from EU countries" : "came from countries outside the EU";
    const at = `at ${INSTITUTION.universiteit.en(p.area)}`;
    return share(o) ? `${capital(p.when)}, ${p.figure} of the international students ${at} ${from}` : `${capital(p.when)}, ${p.figure} international students ${at} ${from}`;
  }
  const kind = o.groep === "hbo" ? INSTITUTION.hbo : INSTITUTION.universiteit;
  const average = p.area === "the Netherlands" ? "on average " : "";
  return share(o)
    ? `${capital(p.when)}, ${average}${p.figure} of the students at ${kind.en(p.area)} had a foreign nationality`
    : `${capital(p.when)}, ${kind.en(p.area)} had ${p.figure} students with a foreign nationality`;
}

const DUTCH: Words = {
  fixedWho: {
    inwoners: "",
    Nederlands: "met de Nederlandse nationaliteit",
    "buitenlandse nationaliteit": "met een buitenlandse nationaliteit",
    migratieachtergrond: "met een migratieachtergrond",
    "Nederlands met migratieachtergrond": "met de Nederlandse nationaliteit en een migratieachtergrond",
    "herkomst Nederland": "met een Nederlandse herkomst",
    "herkomst buiten Nederland": "met een herkomst buiten Nederland",
    Overig: "met een andere buitenlandse nationaliteit",
  },
  nationality: (group) => {
    const adjective = nationalityAdjective(group);
    return adjective ? `met de ${adjective} nationaliteit` : `met de nationaliteit ${group}`;
  },
  inGroup: (raw) => `in de groep ${raw}`,
  ageSpan: (from, to) => `van ${from} tot en met ${to} jaar`,
  ageUnder: (n) => `onder de ${n} jaar`,
  ageFrom: (n) => `vanaf ${n} jaar`,
  ageBand: (age) => `in de leeftijdsgroep ${age}`,
  aged: (age) => age.replace(/^van (.*) jaar$/, "$1 jaar oud"),
  area: (area) => area,
  yearTo: (date) => `in het jaar tot ${dateText(date, "nl")}`,
  between: (from, to) => `tussen ${from} en ${to}`,
  studyYear: (period) => `in het studiejaar ${period}`,
  onDay: (date) => `op ${dateText(date, "nl")}`,
  rose: (negative) => (negative ? "daalde" : "groeide"),
  source: "bron",
  general: (p, label) => `${capital(p.when)} was ${lowerFirst(label)} voor ${join(p.group, p.age)} in ${p.area} ${p.figure}`,
  patterns: {
    inwoners: (p) => `${capital(p.when)} telde ${p.area} ${join(p.figure, "inwoners", p.who)}`,
    aandeel: (p) => `${capital(p.when)} had ${p.figure} van de inwoners van ${p.area} ${p.who.replace(/^met /, "")}`,
    groei: (p) => `Het aantal ${join("inwoners", "van", p.area, p.who)} ${p.rose} ${p.when} met ${p.figure}`,
    toename: (p) => `${capital(p.when)} ${p.o.waarde < 0 ? "daalde" : "steeg"} het aantal ${join("inwoners", "van", p.area, p.who)} met ${p.figure.replace(/^-/, "")}`,
    rang: (p) => `${capital(p.when)} stond ${p.area} op plek ${p.figure} van de Nederlandse gemeenten naar aandeel inwoners ${p.who}`,
    gemeenten: (p) => `${capital(p.when)} telde ${p.area} ${p.figure} gemeenten`,
    vestiging: (p) => (share(p.o) ? `${capital(p.when)} was ${p.figure} van de mensen ${p.who} die zich in ${p.area} vestigden ${p.aged}` : `${capital(p.when)} vestigden zich ${join(p.figure, "mensen", p.age, p.who)} in ${p.area}`),
    vertrek: (p) => (share(p.o) ? `${capital(p.when)} was ${p.figure} van de mensen ${p.who} die uit ${p.area} vertrokken ${p.aged}` : `${capital(p.when)} vertrokken ${join(p.figure, "mensen", p.age, p.who)} uit ${p.area}`),
    woonduur: (p) => `${p.figure} van de inwoners met een buitenlandse nationaliteit woonde ${p.when} ${DURATION[p.o.groep]?.nl ?? p.group} in ${p.area}`,
    repats: (p) =>
      share(p.o)
        ? `${capital(p.when)} was ${p.figure} van de Nederlanders die na een verblijf in het buitenland in ${p.area} kwamen wonen ${p.aged}`
        : `${capital(p.when)} kwamen ${join(p.figure, "Nederlanders", p.age)} na een verblijf in het buitenland in ${p.area} wonen`,
    kinderen: (p) => (share(p.o) ? `${capital(p.when)} had ${p.figure} van de kinderen ${p.age} in ${p.area} ${p.who.replace(/^met /, "")}` : `${capital(p.when)} woonden in ${p.area} ${join(p.figure, "kinderen", p.age, p.who)}`),
    "expat-inschrijvingen": (p) => `${capital(p.when)} schreef het Expat Centre ${p.figure} internationals in de bevolkingsadministratie in`,
    "werknemers-werkend": (p) => (p.o.eenheid === "groei" ? `Het aantal ${p.group} dat in ${p.area} werkt ${p.rose} ${p.when} met ${p.figure}` : `${capital(p.when)} werkten ${p.figure} ${p.group} in ${p.area}`),
    "werknemers-wonend": (p) => (p.o.eenheid === "groei" ? `Het aantal ${p.group} dat in ${p.area} woont ${p.rose} ${p.when} met ${p.figure}` : `${capital(p.when)} woonden ${p.figure} ${p.group} in ${p.area}`),
    loongrens: (p) => (share(p.o) ? `${capital(p.when)} lag de looneis voor ${p.group} in ${p.area} op ${p.figure} van de IND-grens` : `${capital(p.when)} was het minimale brutojaarloon voor ${join(p.group, p.age)} in ${p.area} ${p.figure}`),
    "sectoren-kenniswerkers": (p) => `${capital(p.when)} werkte ${p.figure} van de kenniswerkers in ${p.area} in de sector ${p.group}`,
    "sectoren-arbeidsmigranten": (p) => `${capital(p.when)} werkte ${p.figure} van de arbeidsmigranten in ${p.area} in de sector ${p.group}`,
    "kinderen-werknemers": (p) => `${capital(p.when)} woonden in ${p.area} ${p.figure} kinderen van ${p.group}`,
    statushouders: (p) => (share(p.o) ? `${capital(p.when)} was ${p.figure} van de statushouders in ${p.area} ${p.group}` : `${capital(p.when)} woonden in ${p.area} ${p.figure} statushouders`),
    studenten: studentsNl,
    "studenten-rang-aantal": (p) => `${capital(p.when)} stond de ${INSTITUTION.universiteit.nl(p.area)} op plek ${p.figure} van de Nederlandse universiteiten naar aantal internationale studenten`,
    "studenten-rang-aandeel": (p) => `${capital(p.when)} stond de ${INSTITUTION.universiteit.nl(p.area)} op plek ${p.figure} van de Nederlandse universiteiten naar aandeel internationale studenten`,
  },
};

const ENGLISH: Words = {
  fixedWho: {
    inwoners: "",
    Nederlands: "with Dutch nationality",
    "buitenlandse nationaliteit": "with a foreign nationality",
    migratieachtergrond: "with a migration background",
    "Nederlands met migratieachtergrond": "with Dutch nationality and a migration background",
    "herkomst Nederland": "of Dutch origin",
    "herkomst buiten Nederland": "with an origin outside the Netherlands",
    Overig: "with another foreign nationality",
  },
  // A Dutch name with no English one is quoted as the data's name, never used as an English adjective.
  nationality: (group, english) => (english ? `with ${english} nationality` : `with the nationality '${group}'`),
  inGroup: (_raw, names) => `in the group ${names.en}`,
  ageSpan: (from, to) => `aged ${from} to ${to}`,
  ageUnder: (n) => `under ${n}`,
  ageFrom: (n) => `aged ${n} and over`,
  ageBand: (age) => `in the age band ${age}`,
  aged: (age) => age,
  area: (area) => {
    const english = AREAS.find((a) => a.nl === area)?.en ?? area;
    return area === "Regio071" ? `the ${english}` : english;
  },
  yearTo: (date) => `in the year to ${dateText(date, "en")}`,
  between: (from, to) => `between ${from} and ${to}`,
  studyYear: (period) => `in the ${period} academic year`,
  onDay: (date) => `on ${dateText(date, "en")}`,
  rose: (negative) => (negative ? "fell" : "grew"),
  source: "source",
  general: (p, label) => `${capital(p.when)}, ${lowerFirst(label)} for ${join(p.group, p.age)} in ${p.area} was ${p.figure}`,
  patterns: {
    inwoners: (p) => `${capital(p.when)}, ${p.area} had ${join(p.figure, "inhabitants", p.who)}`,
    aandeel: (p) => `${capital(p.when)}, ${p.figure} of the inhabitants of ${p.area} had ${p.who.replace(/^with /, "")}`,
    groei: (p) => `The number of ${join("inhabitants", "of", p.area, p.who)} ${p.rose} by ${p.figure} ${p.when}`,
    toename: (p) => `${capital(p.when)}, the number of ${join("inhabitants", "of", p.area, p.who)} ${p.o.waarde < 0 ? "fell" : "rose"} by ${p.figure.replace(/^-/, "")}`,
    rang: (p) => `${capital(p.when)}, ${p.area} ranked ${ordinal(p.o.waarde)} among Dutch municipalities by share of inhabitants ${p.who}`,
    gemeenten: (p) => `${capital(p.when)}, ${p.area} had ${p.figure} municipalities`,
    vestiging: (p) => (share(p.o) ? `${capital(p.when)}, ${p.figure} of the people ${p.who} who settled in ${p.area} were ${p.age}` : `${capital(p.when)}, ${join(p.figure, "people", p.age, p.who)} settled in ${p.area}`),
    vertrek: (p) => (share(p.o) ? `${capital(p.when)}, ${p.figure} of the people ${p.who} who left ${p.area} were ${p.age}` : `${capital(p.when)}, ${join(p.figure, "people", p.age, p.who)} left ${p.area}`),
    woonduur: (p) => `${capital(p.when)}, ${p.figure} of the inhabitants with a foreign nationality had lived in ${p.area} ${DURATION[p.o.groep]?.en ?? `for ${p.group}`}`,
    repats: (p) =>
      share(p.o)
        ? `${capital(p.when)}, ${p.figure} of the Dutch nationals who came to live in ${p.area} after a stay abroad were ${p.age}`
        : `${capital(p.when)}, ${join(p.figure, "Dutch nationals", p.age)} came to live in ${p.area} after a stay abroad`,
    kinderen: (p) => (share(p.o) ? `${capital(p.when)}, ${p.figure} of the children ${p.age} in ${p.area} had ${p.who.replace(/^with /, "")}` : `${capital(p.when)}, ${join(p.figure, "children", p.age, p.who)} lived in ${p.area}`),
    "expat-inschrijvingen": (p) => `${capital(p.when)}, the Expat Centre registered ${p.figure} internationals in the population register`,
    "werknemers-werkend": (p) => (p.o.eenheid === "groei" ? `The number of ${p.group} employed in ${p.area} ${p.rose} by ${p.figure} ${p.when}` : `${capital(p.when)}, ${p.figure} ${p.group} were employed in ${p.area}`),
    "werknemers-wonend": (p) => (p.o.eenheid === "groei" ? `The number of ${p.group} living in ${p.area} ${p.rose} by ${p.figure} ${p.when}` : `${capital(p.when)}, ${p.figure} ${p.group} lived in ${p.area}`),
    loongrens: (p) => (share(p.o) ? `${capital(p.when)}, the salary requirement for ${p.group} in ${p.area} was ${p.figure} of the IND threshold` : `${capital(p.when)}, the minimum gross annual salary for ${join(p.group, p.age)} in ${p.area} was ${p.figure}`),
    "sectoren-kenniswerkers": (p) => `${capital(p.when)}, ${p.figure} of the knowledge workers in ${p.area} worked in ${p.group}`,
    "sectoren-arbeidsmigranten": (p) => `${capital(p.when)}, ${p.figure} of the labour migrants in ${p.area} worked in ${p.group}`,
    "kinderen-werknemers": (p) => `${capital(p.when)}, ${p.figure} children of ${p.group} lived in ${p.area}`,
    statushouders: (p) => (share(p.o) ? `${capital(p.when)}, ${p.figure} of the status holders in ${p.area} were ${p.group}` : `${capital(p.when)}, ${p.figure} status holders lived in ${p.area}`),
    studenten: studentsEn,
    "studenten-rang-aantal": (p) => `${capital(p.when)}, ${INSTITUTION.universiteit.en(p.area)} ranked ${ordinal(p.o.waarde)} among Dutch universities by number of international students`,
    "studenten-rang-aandeel": (p) => `${capital(p.when)}, ${INSTITUTION.universiteit.en(p.area)} ranked ${ordinal(p.o.waarde)} among Dutch universities by share of international students`,
  },
};

const WORDS: Record<Language, Words> = { nl: DUTCH, en: ENGLISH };

/** Who a figure of inhabitants is about, after the noun: nationality, origin or background. */
function whoOf(group: string, names: Names, words: Words): string {
  if (Object.prototype.hasOwnProperty.call(words.fixedWho, group)) return words.fixedWho[group];
  const known = groupEntry(group);
  // A nationality: the vocabulary's, or one only the data knows (a CBS title such as "Turks").
  if (known?.parent === "buitenlandse nationaliteit" || (!known && /(s|sch)$/.test(group) && !/\s/.test(group))) return words.nationality(group, englishNationality(group));
  return words.inGroup(group, names);
}

/** An age band as a sentence says it: 0-17, 40-54, <30, 30+. */
function ageOf(age: string, words: Words): string {
  let m = /^(\d+)-(\d+)$/.exec(age);
  if (m) return words.ageSpan(m[1], m[2]);
  m = /^<\s*(\d+)$/.exec(age);
  if (m) return words.ageUnder(m[1]);
  m = /^(\d+)\+$/.exec(age);
  if (m) return words.ageFrom(m[1]);
  return age === "" ? "" : words.ageBand(age);
}

/** When: the reference date where there is one, else the year, study year or span. */
function whenOf(o: Observation, words: Words): string {
  const span = /^(\d{4})-(\d{4})$/.exec(o.periode);
  if (span) {
    // A change over one year up to its reference date: "in het jaar tot 1 januari 2022" (the
    // start date would repeat the month); over longer spans the years are enough.
    const [from, to] = [Number(span[1]), Number(span[2])];
    if (to - from === 1 && o.peildatum.startsWith(span[2])) return words.yearTo(o.peildatum);
    return words.between(from, to);
  }
  if (o.periode.includes("/")) return words.studyYear(o.periode);
  if (o.peildatum) return words.onDay(o.peildatum);
  return `in ${o.periode}`;
}

function sentence(facts: SentenceFacts, language: Language): string {
  const words = WORDS[language];
  const { o } = facts;
  const age = ageOf(o.leeftijd, words);
  const parts: Parts = {
    o,
    figure: figureText({ value: o.eenheid === "groei" ? Math.abs(o.waarde) : o.waarde, unit: o.eenheid, decimals: facts.decimals }, language),
    when: whenOf(o, words),
    area: words.area(o.gebied),
    who: whoOf(o.groep, facts.group, words),
    group: facts.group[language],
    age,
    aged: words.aged(age),
    rose: words.rose(o.waarde < 0),
  };
  const pattern = words.patterns[o.indicator];
  const body = pattern ? pattern(parts) : words.general(parts, facts.label?.[language] ?? o.indicator);
  return `${body.replace(/\s+/g, " ").trim()} (${words.source}: ${facts.source[language]}).`;
}

export const SENTENCE = {
  figure: phrase<SentenceFacts>("sentences.figure", (facts) => sentence(facts, "nl"), (facts) => sentence(facts, "en")),
};
