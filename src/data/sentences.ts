import { formatDate, formatFigure } from "./format";
import type { MonitorStore } from "./store";
import { Language, Observation } from "./types";
import { AREAS, groupEntry } from "./vocabulary";

/**
 * The clerk's sentence for one figure: a subject, the figure in the language's number format,
 * the period or reference date, and the source, as one sentence to paste into a note:
 * "34% van de inwoners met een buitenlandse nationaliteit woonde op 1 januari 2022 korter dan
 * een jaar in Leiden (bron: BRP, gemeente Leiden)." Every indicator of the editions has a
 * pattern in Dutch and English; an indicator an analyst adds gets a plain general one. Pure:
 * MONITOR.TEKST, the pane and the indicator sheets all take their sentences from here.
 */

type Pattern = (parts: Parts) => string;

/** What a pattern is made of, already in the sentence's language. */
interface Parts {
  o: Observation;
  /** The figure as the report prints it: 1.253, 11,6%, € 30.672. */
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

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const join = (...words: string[]) => words.filter((w) => w !== "").join(" ");

/** A Dutch nationality adjective inflected before a noun: Italiaans → Italiaanse, Chinees → Chinese. */
export function inflectedAdjective(adjective: string): string {
  if (/(aa|ee|oo|uu)s$/.test(adjective)) return `${adjective.slice(0, -2)}se`;
  return `${adjective}e`;
}

/** Who a figure of inhabitants is about, after the noun: nationality, origin or background. */
function whoOf(group: string, store: MonitorStore, language: Language): string {
  const nl = language === "nl";
  const fixed: Record<string, [string, string]> = {
    inwoners: ["", ""],
    Nederlands: ["met de Nederlandse nationaliteit", "with Dutch nationality"],
    "buitenlandse nationaliteit": ["met een buitenlandse nationaliteit", "with a foreign nationality"],
    migratieachtergrond: ["met een migratieachtergrond", "with a migration background"],
    "Nederlands met migratieachtergrond": ["met de Nederlandse nationaliteit en een migratieachtergrond", "with Dutch nationality and a migration background"],
    "herkomst Nederland": ["met een Nederlandse herkomst", "of Dutch origin"],
    "herkomst buiten Nederland": ["met een herkomst buiten Nederland", "with an origin outside the Netherlands"],
    Overig: ["met een andere buitenlandse nationaliteit", "with another foreign nationality"],
  };
  if (fixed[group]) return fixed[group][nl ? 0 : 1];
  const known = groupEntry(group);
  // A nationality: the vocabulary's, or one only the data knows (a CBS title such as "Turks").
  if (known?.parent === "buitenlandse nationaliteit" || (!known && /(s|sch)$/.test(group) && !/\s/.test(group))) {
    return nl ? `met de ${inflectedAdjective(group)} nationaliteit` : `with ${known ? known.en : group} nationality`;
  }
  return nl ? `in de groep ${group}` : `in the group ${store.groupNames.label(group, "en")}`;
}

/** An age band as a sentence says it: 0-17, 40-54, <30, 30+. */
function ageOf(age: string, language: Language): string {
  const nl = language === "nl";
  let m = /^(\d+)-(\d+)$/.exec(age);
  if (m) return nl ? `van ${m[1]} tot en met ${m[2]} jaar` : `aged ${m[1]} to ${m[2]}`;
  m = /^<\s*(\d+)$/.exec(age);
  if (m) return nl ? `onder de ${m[1]} jaar` : `under ${m[1]}`;
  m = /^(\d+)\+$/.exec(age);
  if (m) return nl ? `vanaf ${m[1]} jaar` : `aged ${m[1]} and over`;
  return age === "" ? "" : nl ? `in de leeftijdsgroep ${age}` : `in the age band ${age}`;
}

/** The area as a sentence names it: the vocabulary's English name ("the Netherlands"), else as the data writes it. */
function areaOf(area: string, language: Language): string {
  if (language === "nl") return area;
  const english = AREAS.find((a) => a.nl === area)?.en ?? area;
  return area === "Regio071" ? `the ${english}` : english;
}

/** When: the reference date where there is one, else the year, study year or span. */
function whenOf(o: Observation, language: Language): string {
  const nl = language === "nl";
  const span = /^(\d{4})-(\d{4})$/.exec(o.periode);
  if (span) {
    // A change over one year up to its reference date: "in het jaar tot 1 januari 2022" (the
    // start date would repeat the month); over longer spans the years are enough.
    const [from, to] = [Number(span[1]), Number(span[2])];
    if (to - from === 1 && o.peildatum.startsWith(span[2])) return nl ? `in het jaar tot ${formatDate(o.peildatum, language)}` : `in the year to ${formatDate(o.peildatum, language)}`;
    return nl ? `tussen ${from} en ${to}` : `between ${from} and ${to}`;
  }
  if (o.periode.includes("/")) return nl ? `in het studiejaar ${o.periode}` : `in the ${o.periode} academic year`;
  if (o.peildatum) return `${nl ? "op" : "on"} ${formatDate(o.peildatum, language)}`;
  return `in ${o.periode}`;
}

/** "6th", "1st", "22nd". */
const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th"}`;

const share = (o: Observation) => o.eenheid === "aandeel";

/** Sentences by indicator id, Dutch and English. */
const PATTERNS: Record<string, Record<Language, Pattern>> = {
  inwoners: {
    nl: (p) => `${capitalise(p.when)} telde ${p.area} ${join(p.figure, "inwoners", p.who)}`,
    en: (p) => `${capitalise(p.when)}, ${p.area} had ${join(p.figure, "inhabitants", p.who)}`,
  },
  aandeel: {
    nl: (p) => `${capitalise(p.when)} had ${p.figure} van de inwoners van ${p.area} ${p.who.replace(/^met /, "")}`,
    en: (p) => `${capitalise(p.when)}, ${p.figure} of the inhabitants of ${p.area} had ${p.who.replace(/^with /, "")}`,
  },
  groei: {
    nl: (p) => `Het aantal ${join("inwoners", "van", p.area, p.who)} ${p.rose} ${p.when} met ${p.figure}`,
    en: (p) => `The number of ${join("inhabitants", "of", p.area, p.who)} ${p.rose} by ${p.figure} ${p.when}`,
  },
  toename: {
    nl: (p) => `${capitalise(p.when)} ${p.o.waarde < 0 ? "daalde" : "steeg"} het aantal ${join("inwoners", "van", p.area, p.who)} met ${p.figure.replace(/^-/, "")}`,
    en: (p) => `${capitalise(p.when)}, the number of ${join("inhabitants", "of", p.area, p.who)} ${p.o.waarde < 0 ? "fell" : "rose"} by ${p.figure.replace(/^-/, "")}`,
  },
  rang: {
    nl: (p) => `${capitalise(p.when)} stond ${p.area} op plek ${p.figure} van de Nederlandse gemeenten naar aandeel inwoners ${p.who}`,
    en: (p) => `${capitalise(p.when)}, ${p.area} ranked ${ordinal(p.o.waarde)} among Dutch municipalities by share of inhabitants ${p.who}`,
  },
  gemeenten: {
    nl: (p) => `${capitalise(p.when)} telde ${p.area} ${p.figure} gemeenten`,
    en: (p) => `${capitalise(p.when)}, ${p.area} had ${p.figure} municipalities`,
  },
  vestiging: {
    nl: (p) => (share(p.o) ? `${capitalise(p.when)} was ${p.figure} van de mensen ${p.who} die zich in ${p.area} vestigden ${p.aged}` : `${capitalise(p.when)} vestigden zich ${join(p.figure, "mensen", p.age, p.who)} in ${p.area}`),
    en: (p) => (share(p.o) ? `${capitalise(p.when)}, ${p.figure} of the people ${p.who} who settled in ${p.area} were ${p.age}` : `${capitalise(p.when)}, ${join(p.figure, "people", p.age, p.who)} settled in ${p.area}`),
  },
  vertrek: {
    nl: (p) => (share(p.o) ? `${capitalise(p.when)} was ${p.figure} van de mensen ${p.who} die uit ${p.area} vertrokken ${p.aged}` : `${capitalise(p.when)} vertrokken ${join(p.figure, "mensen", p.age, p.who)} uit ${p.area}`),
    en: (p) => (share(p.o) ? `${capitalise(p.when)}, ${p.figure} of the people ${p.who} who left ${p.area} were ${p.age}` : `${capitalise(p.when)}, ${join(p.figure, "people", p.age, p.who)} left ${p.area}`),
  },
  woonduur: {
    nl: (p) => `${p.figure} van de inwoners met een buitenlandse nationaliteit woonde ${p.when} ${DURATION[p.o.groep]?.nl ?? p.group} in ${p.area}`,
    en: (p) => `${capitalise(p.when)}, ${p.figure} of the inhabitants with a foreign nationality had lived in ${p.area} ${DURATION[p.o.groep]?.en ?? `for ${p.group}`}`,
  },
  repats: {
    nl: (p) =>
      share(p.o)
        ? `${capitalise(p.when)} was ${p.figure} van de Nederlanders die na een verblijf in het buitenland in ${p.area} kwamen wonen ${p.aged}`
        : `${capitalise(p.when)} kwamen ${join(p.figure, "Nederlanders", p.age)} na een verblijf in het buitenland in ${p.area} wonen`,
    en: (p) =>
      share(p.o)
        ? `${capitalise(p.when)}, ${p.figure} of the Dutch nationals who came to live in ${p.area} after a stay abroad were ${p.age}`
        : `${capitalise(p.when)}, ${join(p.figure, "Dutch nationals", p.age)} came to live in ${p.area} after a stay abroad`,
  },
  kinderen: {
    nl: (p) => (share(p.o) ? `${capitalise(p.when)} had ${p.figure} van de kinderen ${p.age} in ${p.area} ${p.who.replace(/^met /, "")}` : `${capitalise(p.when)} woonden in ${p.area} ${join(p.figure, "kinderen", p.age, p.who)}`),
    en: (p) => (share(p.o) ? `${capitalise(p.when)}, ${p.figure} of the children ${p.age} in ${p.area} had ${p.who.replace(/^with /, "")}` : `${capitalise(p.when)}, ${join(p.figure, "children", p.age, p.who)} lived in ${p.area}`),
  },
  "expat-inschrijvingen": {
    nl: (p) => `${capitalise(p.when)} schreef het Expat Centre ${p.figure} internationals in de bevolkingsadministratie in`,
    en: (p) => `${capitalise(p.when)}, the Expat Centre registered ${p.figure} internationals in the population register`,
  },
  "werknemers-werkend": {
    nl: (p) => (p.o.eenheid === "groei" ? `Het aantal ${p.group} dat in ${p.area} werkt ${p.rose} ${p.when} met ${p.figure}` : `${capitalise(p.when)} werkten ${p.figure} ${p.group} in ${p.area}`),
    en: (p) => (p.o.eenheid === "groei" ? `The number of ${p.group} employed in ${p.area} ${p.rose} by ${p.figure} ${p.when}` : `${capitalise(p.when)}, ${p.figure} ${p.group} were employed in ${p.area}`),
  },
  "werknemers-wonend": {
    nl: (p) => (p.o.eenheid === "groei" ? `Het aantal ${p.group} dat in ${p.area} woont ${p.rose} ${p.when} met ${p.figure}` : `${capitalise(p.when)} woonden ${p.figure} ${p.group} in ${p.area}`),
    en: (p) => (p.o.eenheid === "groei" ? `The number of ${p.group} living in ${p.area} ${p.rose} by ${p.figure} ${p.when}` : `${capitalise(p.when)}, ${p.figure} ${p.group} lived in ${p.area}`),
  },
  loongrens: {
    nl: (p) => (share(p.o) ? `${capitalise(p.when)} lag de looneis voor ${p.group} in ${p.area} op ${p.figure} van de IND-grens` : `${capitalise(p.when)} was het minimale brutojaarloon voor ${join(p.group, p.age)} in ${p.area} ${p.figure}`),
    en: (p) => (share(p.o) ? `${capitalise(p.when)}, the salary requirement for ${p.group} in ${p.area} was ${p.figure} of the IND threshold` : `${capitalise(p.when)}, the minimum gross annual salary for ${join(p.group, p.age)} in ${p.area} was ${p.figure}`),
  },
  "sectoren-kenniswerkers": {
    nl: (p) => `${capitalise(p.when)} werkte ${p.figure} van de kenniswerkers in ${p.area} in de sector ${p.group}`,
    en: (p) => `${capitalise(p.when)}, ${p.figure} of the knowledge workers in ${p.area} worked in ${p.group}`,
  },
  "sectoren-arbeidsmigranten": {
    nl: (p) => `${capitalise(p.when)} werkte ${p.figure} van de arbeidsmigranten in ${p.area} in de sector ${p.group}`,
    en: (p) => `${capitalise(p.when)}, ${p.figure} of the labour migrants in ${p.area} worked in ${p.group}`,
  },
  "kinderen-werknemers": {
    nl: (p) => `${capitalise(p.when)} woonden in ${p.area} ${p.figure} kinderen van ${p.group}`,
    en: (p) => `${capitalise(p.when)}, ${p.figure} children of ${p.group} lived in ${p.area}`,
  },
  statushouders: {
    nl: (p) => (share(p.o) ? `${capitalise(p.when)} was ${p.figure} van de statushouders in ${p.area} ${p.group}` : `${capitalise(p.when)} woonden in ${p.area} ${p.figure} statushouders`),
    en: (p) => (share(p.o) ? `${capitalise(p.when)}, ${p.figure} of the status holders in ${p.area} were ${p.group}` : `${capitalise(p.when)}, ${p.figure} status holders lived in ${p.area}`),
  },
  studenten: {
    nl: (p) => studentsNl(p),
    en: (p) => studentsEn(p),
  },
  "studenten-rang-aantal": {
    nl: (p) => `${capitalise(p.when)} stond de ${INSTITUTION.universiteit.nl(p.area)} op plek ${p.figure} van de Nederlandse universiteiten naar aantal internationale studenten`,
    en: (p) => `${capitalise(p.when)}, ${INSTITUTION.universiteit.en(p.area)} ranked ${ordinal(p.o.waarde)} among Dutch universities by number of international students`,
  },
  "studenten-rang-aandeel": {
    nl: (p) => `${capitalise(p.when)} stond de ${INSTITUTION.universiteit.nl(p.area)} op plek ${p.figure} van de Nederlandse universiteiten naar aandeel internationale studenten`,
    en: (p) => `${capitalise(p.when)}, ${INSTITUTION.universiteit.en(p.area)} ranked ${ordinal(p.o.waarde)} among Dutch universities by share of international students`,
  },
};

const DURATION: Record<string, { nl: string; en: string }> = {
  "korter dan 1 jaar": { nl: "korter dan een jaar", en: "for less than a year" },
  "1 tot 3 jaar": { nl: "een tot drie jaar", en: "for one to three years" },
  "langer dan 3 jaar": { nl: "langer dan drie jaar", en: "for more than three years" },
};

/** The institution a student figure is about; for Nederland, the average of all of that kind. */
const INSTITUTION: Record<"universiteit" | "hbo", { nl: (area: string) => string; en: (area: string) => string }> = {
  universiteit: { nl: (area) => (area === "Nederland" ? "Nederlandse universiteiten" : `Universiteit ${area}`), en: (area) => (area === "the Netherlands" ? "Dutch universities" : `${area} University`) },
  hbo: { nl: (area) => (area === "Nederland" ? "Nederlandse hogescholen" : `Hogeschool ${area}`), en: (area) => (area === "the Netherlands" ? "Dutch universities of applied sciences" : `${area} University of Applied Sciences`) },
};

function studentsNl(p: Parts): string {
  const { o } = p;
  if (o.groep === "EU" || o.groep === "niet-EU") {
    const from = o.groep === "EU" ? "uit EU-landen" : "uit landen buiten de EU";
    const at = `aan de ${INSTITUTION.universiteit.nl(p.area)}`;
    return share(o) ? `${capitalise(p.when)} kwam ${p.figure} van de internationale studenten ${at} ${from}` : `${capitalise(p.when)} kwamen ${p.figure} internationale studenten ${at} ${from}`;
  }
  const kind = o.groep === "hbo" ? INSTITUTION.hbo : INSTITUTION.universiteit;
  const average = p.area === "Nederland" ? "gemiddeld " : "";
  return share(o)
    ? `${capitalise(p.when)} had ${average}${p.figure} van de studenten aan de ${kind.nl(p.area)} een buitenlandse nationaliteit`
    : `${capitalise(p.when)} had de ${kind.nl(p.area)} ${p.figure} studenten met een buitenlandse nationaliteit`;
}

function studentsEn(p: Parts): string {
  const { o } = p;
  if (o.groep === "EU" || o.groep === "niet-EU") {
    const from = o.groep === "EU" ? "came from EU countries" : "came from countries outside the EU";
    const at = `at ${INSTITUTION.universiteit.en(p.area)}`;
    return share(o) ? `${capitalise(p.when)}, ${p.figure} of the international students ${at} ${from}` : `${capitalise(p.when)}, ${p.figure} international students ${at} ${from}`;
  }
  const kind = o.groep === "hbo" ? INSTITUTION.hbo : INSTITUTION.universiteit;
  const average = p.area === "the Netherlands" ? "on average " : "";
  return share(o)
    ? `${capitalise(p.when)}, ${average}${p.figure} of the students at ${kind.en(p.area)} had a foreign nationality`
    : `${capitalise(p.when)}, ${kind.en(p.area)} had ${p.figure} students with a foreign nationality`;
}

/** Any other indicator (one an analyst added): its label, group, area, period and figure. */
const GENERAL: Record<Language, (p: Parts, label: string) => string> = {
  nl: (p, label) => `${capitalise(p.when)} was ${label} voor ${join(p.group, p.age)} in ${p.area} ${p.figure}`,
  en: (p, label) => `${capitalise(p.when)}, ${label} for ${join(p.group, p.age)} in ${p.area} was ${p.figure}`,
};

/** The sentence for one figure, in Dutch or English, with its source in brackets. */
export function clerkSentence(store: MonitorStore, o: Observation, language: Language = "nl"): string {
  const nl = language === "nl";
  const indicator = store.indicator(o.indicator);
  const growth = o.eenheid === "groei";
  const parts: Parts = {
    o,
    figure: formatFigure(growth ? Math.abs(o.waarde) : o.waarde, o.eenheid, language),
    when: whenOf(o, language),
    area: areaOf(o.gebied, language),
    who: whoOf(o.groep, store, language),
    group: store.groupNames.label(o.groep, language),
    age: ageOf(o.leeftijd, language),
    aged: nl ? ageOf(o.leeftijd, language).replace(/^van (.*) jaar$/, "$1 jaar oud") : ageOf(o.leeftijd, language),
    rose: o.waarde < 0 ? (nl ? "daalde" : "fell") : nl ? "groeide" : "grew",
  };
  const pattern = PATTERNS[o.indicator]?.[language];
  const label = indicator ? (nl ? indicator.labelNl : indicator.labelEn) : o.indicator;
  const body = pattern ? pattern(parts) : GENERAL[language](parts, nl ? label.charAt(0).toLowerCase() + label.slice(1) : label);
  const source = store.source(o.bron)?.citeernaam ?? o.bron;
  return `${body.replace(/\s+/g, " ").trim()} (${nl ? "bron" : "source"}: ${source}).`;
}
