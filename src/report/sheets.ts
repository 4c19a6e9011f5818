import { NATIONALITIES } from "../data/vocabulary";
import { ages, areasIn, groups, groupsIn, largestGroupPerAge, periodsIn } from "./axes";
import { SheetSpec, t } from "./spec-types";

const FOREIGN = "buitenlandse nationaliteit";
const isNationality = (g: string) => NATIONALITIES.includes(g);
const BRP_FOREIGN = { group: FOREIGN, area: "Leiden", age: "" };

/** Joins the parts of a lead that have figures; a missing figure drops its clause, never shows 0. */
const sentence = (...parts: (string | null | false)[]) => parts.filter(Boolean).join(" ");

/**
 * The indicator sheets of DESIGN.md, one per page group of the report, in report order. Each
 * block is a small table (categories × series) looked up in the store; a chart is drawn where
 * the data supports one.
 */
export const SHEETS: SheetSpec[] = [
  {
    key: "bevolking",
    name: t("Bevolking", "Population"),
    title: t("Nationaliteit en migratieachtergrond in Leiden", "Nationality and migration background in Leiden"),
    lead: (f, lang) => {
      const foreign = f({ indicator: "aandeel", group: FOREIGN, period: "2022" });
      const migration = f({ indicator: "aandeel", group: "migratieachtergrond", period: "2022" });
      const count = f({ indicator: "inwoners", group: FOREIGN, period: "2022" });
      return lang === "nl"
        ? sentence(foreign && migration && `In Leiden heeft ${foreign} van de inwoners een buitenlandse nationaliteit en ${migration} een migratieachtergrond.`, count && `Op 1 januari 2022 zijn dat ${count} inwoners met een buitenlandse nationaliteit.`) || "Inwoners van Leiden naar nationaliteit en migratieachtergrond."
        : sentence(foreign && migration && `In Leiden, ${foreign} of inhabitants have a foreign nationality and ${migration} a migration background.`, count && `On 1 January 2022 that is ${count} inhabitants with a foreign nationality.`) || "Inhabitants of Leiden by nationality and migration background.";
    },
    blocks: [
      {
        key: "nationaliteit",
        caption: t("Inwoners naar nationaliteit", "Inhabitants by nationality"),
        categoryHeader: t("Nationaliteit", "Nationality"),
        base: { indicator: "inwoners", area: "Leiden", age: "", unit: "aantal" },
        categories: groups("Nederlands", FOREIGN),
        series: periodsIn({ indicator: "inwoners", group: FOREIGN, unit: "aantal", area: "Leiden" }),
        unit: "aantal",
        chart: { kind: "columnClustered", categoryAxis: t("Nationaliteit", "Nationality"), valueAxis: t("Inwoners", "Inhabitants") },
      },
      {
        key: "aandeel",
        caption: t("Aandeel van de inwoners", "Share of inhabitants"),
        categoryHeader: t("Groep", "Group"),
        base: { indicator: "aandeel", area: "Leiden", age: "", unit: "aandeel" },
        categories: groupsIn({ indicator: "aandeel", area: "Leiden", unit: "aandeel" }),
        series: periodsIn({ indicator: "aandeel", area: "Leiden", unit: "aandeel" }),
        unit: "aandeel",
        chart: { kind: "columnClustered", categoryAxis: t("Groep", "Group"), valueAxis: t("Aandeel van de inwoners", "Share of inhabitants") },
      },
      {
        key: "groei",
        caption: t("Groei sinds 2012", "Growth since 2012"),
        categoryHeader: t("Groep", "Group"),
        base: { indicator: "groei", area: "Leiden", age: "", unit: "groei" },
        categories: groupsIn({ indicator: "groei", area: "Leiden", unit: "groei" }, (g) => !isNationality(g)),
        series: periodsIn({ indicator: "groei", area: "Leiden", unit: "groei" }),
        unit: "groei",
        chart: { kind: "barClustered", categoryAxis: t("Groep", "Group"), valueAxis: t("Groei", "Growth") },
      },
    ],
  },
  {
    key: "regio",
    name: t("Regio en Nederland", "Region and Netherlands"),
    title: t("Leiden vergeleken met de regio en Nederland", "Leiden compared with the region and the Netherlands"),
    lead: (f, lang) => {
      const rank = f({ indicator: "rang", group: FOREIGN, period: "2021" });
      const rankMigration = f({ indicator: "rang", group: "migratieachtergrond", period: "2021" });
      const nl = f({ indicator: "aandeel", group: FOREIGN, period: "2021", area: "Nederland" });
      return lang === "nl"
        ? sentence(rank && `Leiden staat op plek ${rank} van de gemeenten met veel inwoners met een buitenlandse nationaliteit`, rankMigration && `en op plek ${rankMigration} naar migratieachtergrond (peiljaar 2021).`, nl && `Gemiddeld heeft ${nl} van de inwoners van Nederland een buitenlandse nationaliteit.`) || "Leiden vergeleken met andere gemeenten."
        : sentence(rank && `Leiden ranks ${rank} among Dutch municipalities by share of inhabitants with a foreign nationality`, rankMigration && `and ${rankMigration} by migration background (2021).`, nl && `On average ${nl} of the inhabitants of the Netherlands have a foreign nationality.`) || "Leiden compared with other municipalities.";
    },
    blocks: [
      {
        key: "rang",
        caption: t("Plek onder de Nederlandse gemeenten (1 = meest internationaal)", "Rank among Dutch municipalities (1 = most international)"),
        categoryHeader: t("Gemeten naar", "Measured by"),
        base: { indicator: "rang", area: "Leiden", age: "", unit: "rang" },
        categories: groups(FOREIGN, "migratieachtergrond"),
        series: periodsIn({ indicator: "rang", area: "Leiden", unit: "rang" }),
        unit: "rang",
        chart: { kind: "columnClustered", categoryAxis: t("Gemeten naar", "Measured by"), valueAxis: t("Plek", "Rank") },
      },
      {
        key: "gemeenten",
        caption: t("Aandeel van de inwoners per gebied, 2021", "Share of inhabitants by area, 2021"),
        categoryHeader: t("Gebied", "Area"),
        base: { indicator: "aandeel", age: "", period: "2021", unit: "aandeel" },
        categories: areasIn({ indicator: "aandeel", period: "2021", unit: "aandeel" }),
        series: groups(FOREIGN, "migratieachtergrond"),
        unit: "aandeel",
        chart: { kind: "barClustered", categoryAxis: t("Gebied", "Area"), valueAxis: t("Aandeel van de inwoners", "Share of inhabitants") },
      },
    ],
  },
  {
    key: "vestiging",
    name: t("Vestiging en vertrek", "Settlement and departure"),
    title: t("Vestiging en vertrek van internationals", "Internationals settling in and leaving Leiden"),
    lead: (f, lang) => {
      const settled = f({ indicator: "vestiging", ...BRP_FOREIGN, period: "2021", unit: "aantal" });
      const left = f({ indicator: "vertrek", ...BRP_FOREIGN, period: "2021", unit: "aantal" });
      return lang === "nl"
        ? sentence("Het aantal internationals dat zich in Leiden vestigt is al jaren groter dan het aantal dat vertrekt, behalve in coronajaar 2020.", settled && left && `In 2021 vestigden zich ${settled} internationals en vertrokken er ${left}.`)
        : sentence("For years more internationals have settled in Leiden than left, except in the pandemic year 2020.", settled && left && `In 2021, ${settled} settled and ${left} left.`);
    },
    blocks: [
      {
        key: "per_jaar",
        caption: t("Internationals die zich vestigen in en vertrekken uit Leiden, per jaar", "Internationals settling in and leaving Leiden, per year"),
        categoryHeader: t("Jaar", "Year"),
        base: { ...BRP_FOREIGN, unit: "aantal" },
        categories: periodsIn({ indicator: "vestiging", ...BRP_FOREIGN, unit: "aantal" }),
        series: [
          { label: t("Vestiging", "Settled"), key: { indicator: "vestiging" } },
          { label: t("Vertrek", "Departed"), key: { indicator: "vertrek" } },
        ],
        unit: "aantal",
        chart: { kind: "line", categoryAxis: t("Jaar", "Year"), valueAxis: t("Internationals", "Internationals") },
      },
      {
        key: "leeftijd",
        caption: t("Aandeel naar leeftijd onder de internationale vestigers, 2021", "Share by age among internationals settling, 2021"),
        categoryHeader: t("Leeftijd", "Age"),
        base: { indicator: "vestiging", group: FOREIGN, area: "Leiden", period: "2021", unit: "aandeel" },
        categories: ages("0-17", "40-54"),
        series: [{ label: t("Aandeel", "Share"), key: {} }],
        unit: "aandeel",
      },
    ],
  },
  {
    key: "woonduur",
    name: t("Woonduur", "Length of residence"),
    title: t("Woonduur van internationals in Leiden", "How long internationals have lived in Leiden"),
    lead: (f, lang) => {
      const short = f({ indicator: "woonduur", group: "korter dan 1 jaar", period: "2022" });
      return lang === "nl"
        ? sentence("De helft van de Leidenaren met een buitenlandse nationaliteit woont hier korter dan 3 jaar.", short && `${short} woont er korter dan een jaar (1 januari 2022).`)
        : sentence("Half of Leiden's inhabitants with a foreign nationality have lived here for less than 3 years.", short && `${short} for less than a year (1 January 2022).`);
    },
    blocks: [
      {
        key: "woonduur",
        caption: t("Woonduur van inwoners met een buitenlandse nationaliteit, 1 januari 2022", "Length of residence of inhabitants with a foreign nationality, 1 January 2022"),
        categoryHeader: t("Woonduur", "Length of residence"),
        base: { indicator: "woonduur", area: "Leiden", age: "", period: "2022", unit: "aandeel" },
        categories: groups("korter dan 1 jaar", "1 tot 3 jaar", "langer dan 3 jaar"),
        series: [{ label: t("Aandeel", "Share"), key: {} }],
        unit: "aandeel",
        chart: { kind: "pie" },
      },
    ],
  },
  {
    key: "repats",
    name: t("Repats", "Repats"),
    title: t("Remigratie: repats", "Return migration: repats"),
    lead: (f, lang) => {
      const count = f({ indicator: "repats", group: "Nederlands", period: "2021", unit: "aantal" });
      const kids = f({ indicator: "repats", group: "Nederlands", age: "0-17", period: "2021", unit: "aandeel" });
      return lang === "nl"
        ? sentence("Het aantal Nederlanders dat zich in Leiden vestigt na een verblijf in het buitenland daalt al een aantal jaar.", count && `In 2021 waren het er ${count}${kids ? `, van wie ${kids} kinderen` : ""}.`)
        : sentence("The number of Dutch nationals settling in Leiden after living abroad has been falling for some years.", count && `In 2021 there were ${count}${kids ? `, ${kids} of them children` : ""}.`);
    },
    blocks: [
      {
        key: "per_jaar",
        caption: t("Nederlanders die na een verblijf in het buitenland in Leiden komen wonen", "Dutch nationals settling in Leiden after living abroad"),
        categoryHeader: t("Jaar", "Year"),
        base: { indicator: "repats", group: "Nederlands", area: "Leiden", age: "", unit: "aantal" },
        categories: periodsIn({ indicator: "repats", group: "Nederlands", area: "Leiden", age: "", unit: "aantal" }),
        series: [{ label: t("Repats", "Repats"), key: {} }],
        unit: "aantal",
        chart: { kind: "line", categoryAxis: t("Jaar", "Year"), valueAxis: t("Repats", "Repats") },
      },
      {
        key: "leeftijd",
        caption: t("Aandeel naar leeftijd: repats en internationale vestigers, 2021", "Share by age: repats and internationals settling, 2021"),
        categoryHeader: t("Leeftijd", "Age"),
        base: { area: "Leiden", period: "2021", unit: "aandeel" },
        categories: ages("0-17", "40-54"),
        series: [
          { label: t("Repats", "Repats"), key: { indicator: "repats", group: "Nederlands" } },
          { label: t("Internationale vestigers", "Internationals settling"), key: { indicator: "vestiging", group: FOREIGN } },
        ],
        unit: "aandeel",
        chart: { kind: "columnClustered", categoryAxis: t("Leeftijd", "Age"), valueAxis: t("Aandeel", "Share") },
      },
    ],
  },
  {
    key: "kinderen",
    name: t("Kinderen", "Children"),
    title: t("Internationale kinderen", "International children"),
    lead: (f, lang) => {
      const total = f({ indicator: "kinderen", ...BRP_FOREIGN, age: "0-17", period: "2022" });
      return lang === "nl"
        ? (total ? `In totaal hebben in Leiden ${total} kinderen van 0-17 jaar een buitenlandse nationaliteit (1 januari 2022). Onder 12-17 jaar komt volgens het rapport de Syrische nationaliteit het meest voor; een aantal noemt het daar niet.` : "Kinderen met een buitenlandse nationaliteit in Leiden.")
        : total ? `In total ${total} children aged 0-17 in Leiden have a foreign nationality (1 January 2022). Among those aged 12-17 the report names Syrian as the most common nationality, without a count.` : "Children with a foreign nationality in Leiden.";
    },
    blocks: [
      {
        key: "leeftijd",
        caption: t("Kinderen met een buitenlandse nationaliteit naar leeftijd, 2022", "Children with a foreign nationality by age, 2022"),
        categoryHeader: t("Leeftijd", "Age"),
        base: { indicator: "kinderen", group: FOREIGN, area: "Leiden", period: "2022", unit: "aantal" },
        categories: ages("0-3", "4-11", "12-17"),
        series: [{ label: t("Kinderen", "Children"), key: {} }],
        unit: "aantal",
        chart: { kind: "doughnut" },
      },
      {
        key: "buurt",
        caption: t("Kinderen van 12-17 jaar met een buitenlandse nationaliteit per buurt, 2022", "Children aged 12-17 with a foreign nationality by neighbourhood, 2022"),
        categoryHeader: t("Buurt", "Neighbourhood"),
        base: { indicator: "kinderen", group: FOREIGN, age: "12-17", period: "2022", unit: "aantal" },
        categories: areasIn({ indicator: "kinderen", group: FOREIGN, age: "12-17", period: "2022", unit: "aantal" }, (a) => a !== "Leiden"),
        series: [{ label: t("Kinderen 12-17 jaar", "Children 12-17"), key: {} }],
        unit: "aantal",
        chart: { kind: "barClustered", categoryAxis: t("Buurt", "Neighbourhood"), valueAxis: t("Kinderen", "Children") },
      },
      {
        // The report names the most common nationality per age band, with a count for 0-3 and
        // 4-11 only (for 12-17 it names Syrisch without one): one row per band that has a count,
        // never an empty series for the band without.
        key: "nationaliteit",
        caption: t("Meest voorkomende nationaliteit per leeftijdsgroep, 2022", "Most common nationality by age band, 2022"),
        categoryHeader: t("Leeftijd: nationaliteit", "Age: nationality"),
        base: { indicator: "kinderen", area: "Leiden", period: "2022", unit: "aantal" },
        categories: largestGroupPerAge({ indicator: "kinderen", area: "Leiden", period: "2022", unit: "aantal" }, ["0-3", "4-11", "12-17"], isNationality),
        series: [{ label: t("Kinderen", "Children"), key: {} }],
        unit: "aantal",
        chart: { kind: "columnClustered", categoryAxis: t("Leeftijd", "Age"), valueAxis: t("Kinderen", "Children") },
      },
    ],
  },
  {
    key: "nationaliteiten",
    name: t("Nationaliteiten", "Nationalities"),
    title: t("De tien meest voorkomende nationaliteiten", "The ten most common nationalities"),
    lead: (f, lang) => {
      const italian = f({ indicator: "inwoners", group: "Italiaans", period: "2022" });
      const growth = f({ indicator: "groei", group: FOREIGN, period: "2012-2022" });
      return lang === "nl"
        ? sentence(italian && `De Italiaanse nationaliteit komt in Leiden het meest voor (${italian} inwoners op 1 januari 2022).`, growth && `Het aantal inwoners met een buitenlandse nationaliteit steeg tussen 2012 en 2022 met ${growth}.`) || "De meest voorkomende nationaliteiten in Leiden."
        : sentence(italian && `Italian is the most common foreign nationality in Leiden (${italian} inhabitants on 1 January 2022).`, growth && `Inhabitants with a foreign nationality grew by ${growth} between 2012 and 2022.`) || "The most common nationalities in Leiden.";
    },
    blocks: [
      {
        key: "aantal",
        caption: t("Inwoners met een buitenlandse nationaliteit, 2022", "Inhabitants with a foreign nationality, 2022"),
        categoryHeader: t("Nationaliteit", "Nationality"),
        base: { indicator: "inwoners", area: "Leiden", age: "", period: "2022", unit: "aantal" },
        categories: (store) => groups(...store.ranking("2022", "Leiden").map((r) => r.group), "Overig")(store),
        series: [{ label: t("Inwoners", "Inhabitants"), key: {} }],
        unit: "aantal",
        chart: { kind: "doughnut" },
      },
      {
        key: "groei",
        caption: t("Groei per nationaliteit sinds 2012", "Growth by nationality since 2012"),
        categoryHeader: t("Nationaliteit", "Nationality"),
        base: { indicator: "groei", area: "Leiden", age: "", unit: "groei" },
        categories: groupsIn({ indicator: "groei", area: "Leiden", unit: "groei" }, isNationality),
        series: periodsIn({ indicator: "groei", area: "Leiden", unit: "groei" }),
        unit: "groei",
        chart: { kind: "barClustered", categoryAxis: t("Nationaliteit", "Nationality"), valueAxis: t("Groei", "Growth") },
      },
    ],
  },
  {
    key: "expat-centre",
    name: t("Expat Centre", "Expat Centre"),
    title: t("Inschrijvingen bij Expat Centre Leiden", "Registrations at Expat Centre Leiden"),
    lead: (f, lang) => {
      const count = f({ indicator: "expat-inschrijvingen", ...BRP_FOREIGN, period: "2021" });
      return lang === "nl"
        ? (count ? `In 2021 schreven ${count} internationals zich via het Expat Centre Leiden in, meer dan in coronajaar 2020.` : "Inschrijvingen via het Expat Centre Leiden.")
        : count ? `In 2021, ${count} internationals registered through Expat Centre Leiden, more than in the pandemic year 2020.` : "Registrations through Expat Centre Leiden.";
    },
    blocks: [
      {
        key: "per_jaar",
        caption: t("Inschrijvingen via het Expat Centre Leiden per jaar", "Registrations through Expat Centre Leiden per year"),
        categoryHeader: t("Jaar", "Year"),
        base: { indicator: "expat-inschrijvingen", ...BRP_FOREIGN, unit: "aantal" },
        categories: periodsIn({ indicator: "expat-inschrijvingen", ...BRP_FOREIGN, unit: "aantal" }),
        series: [{ label: t("Inschrijvingen", "Registrations"), key: {} }],
        unit: "aantal",
        chart: { kind: "columnClustered", categoryAxis: t("Jaar", "Year"), valueAxis: t("Inschrijvingen", "Registrations") },
      },
    ],
  },
  {
    key: "werknemers",
    name: t("Werknemers", "Workers"),
    title: t("Internationale werknemers", "International workers"),
    lead: (f, lang) => {
      const from = f({ indicator: "werknemers-werkend", group: "internationale werknemers", period: "2011" });
      const to = f({ indicator: "werknemers-werkend", group: "internationale werknemers", period: "2020" });
      const growth = f({ indicator: "werknemers-werkend", group: "internationale werknemers", period: "2011-2020", unit: "groei" });
      return lang === "nl"
        ? (from && to ? `Het aantal internationale werknemers dat in Leiden werkt steeg tussen 2011 en 2020 van ${from} tot ${to}${growth ? ` (+${growth})` : ""}, vooral door meer arbeidsmigranten.` : "Internationale werknemers in Leiden.")
        : from && to ? `International workers working in Leiden rose from ${from} to ${to} between 2011 and 2020${growth ? ` (+${growth})` : ""}, mostly labour migrants.` : "International workers in Leiden.";
    },
    blocks: [
      {
        key: "werkend",
        caption: t("Internationale werknemers die in Leiden werken", "International workers working in Leiden"),
        categoryHeader: t("Jaar", "Year"),
        base: { indicator: "werknemers-werkend", area: "Leiden", age: "", unit: "aantal" },
        categories: periodsIn({ indicator: "werknemers-werkend", area: "Leiden", unit: "aantal" }),
        series: groups("arbeidsmigranten", "kenniswerkers", "internationale werknemers"),
        unit: "aantal",
        chart: { kind: "columnClustered", categoryAxis: t("Jaar", "Year"), valueAxis: t("Werknemers", "Workers") },
      },
      {
        key: "groei",
        caption: t("Groei 2011-2020", "Growth 2011-2020"),
        categoryHeader: t("Groep", "Group"),
        base: { age: "", period: "2011-2020", unit: "groei" },
        categories: groups("arbeidsmigranten", "kenniswerkers", "internationale werknemers"),
        series: [
          { label: t("Wonend in Leiden", "Living in Leiden"), key: { indicator: "werknemers-wonend", area: "Leiden" } },
          { label: t("Wonend in Regio071", "Living in Regio071"), key: { indicator: "werknemers-wonend", area: "Regio071" } },
          { label: t("Werkend in Leiden", "Working in Leiden"), key: { indicator: "werknemers-werkend", area: "Leiden" } },
        ],
        unit: "groei",
        chart: { kind: "columnClustered", categoryAxis: t("Groep", "Group"), valueAxis: t("Groei", "Growth") },
      },
      {
        key: "kinderen",
        caption: t("Kinderen van internationale werknemers die in Leiden wonen, 2020", "Children of international workers living in Leiden, 2020"),
        categoryHeader: t("Ouder", "Parent"),
        base: { indicator: "kinderen-werknemers", area: "Leiden", age: "", period: "2020", unit: "aantal" },
        categories: groups("arbeidsmigranten", "kenniswerkers"),
        series: [{ label: t("Kinderen", "Children"), key: {} }],
        unit: "aantal",
        chart: { kind: "pie" },
      },
      {
        key: "sectoren",
        caption: t("Sectoren van wie in Leiden werkt (top-3 kenniswerkers), 2020", "Sectors of those working in Leiden (top 3 of knowledge workers), 2020"),
        categoryHeader: t("Sector", "Sector"),
        base: { area: "Leiden", age: "", period: "2020", unit: "aandeel" },
        categories: groups("onderwijs", "uitzendbureaus en detachering", "zakelijke dienstverlening"),
        series: [
          { label: t("Kenniswerkers", "Knowledge workers"), key: { indicator: "sectoren-kenniswerkers" } },
          { label: t("Arbeidsmigranten", "Labour migrants"), key: { indicator: "sectoren-arbeidsmigranten" } },
        ],
        unit: "aandeel",
        chart: { kind: "barClustered", categoryAxis: t("Sector", "Sector"), valueAxis: t("Aandeel", "Share") },
      },
      {
        key: "loongrens",
        caption: t("Looneis voor kenniswerkers (70% van de IND-grens), 2020", "Salary threshold for knowledge workers (70% of the IND threshold), 2020"),
        categoryHeader: t("Leeftijd", "Age"),
        base: { indicator: "loongrens", group: "kenniswerkers", area: "Nederland", period: "2020", unit: "euro" },
        categories: [
          { label: t("onder de 30 jaar", "under 30"), key: { age: "<30" } },
          { label: t("vanaf 30 jaar", "30 and over"), key: { age: "30+" } },
        ],
        series: [{ label: t("Bruto jaarloon", "Gross annual salary"), key: {} }],
        unit: "euro",
      },
    ],
  },
  {
    key: "statushouders",
    name: t("Statushouders", "Status holders"),
    title: t("Statushouders", "Status holders"),
    lead: (f, lang) => {
      const count = f({ indicator: "statushouders", group: "statushouders", period: "2022" });
      return lang === "nl"
        ? (count ? `Op 1 januari 2022 wonen er ${count} statushouders in Leiden; de grootste groep komt uit Syrië.` : "Statushouders in Leiden.")
        : count ? `On 1 January 2022, ${count} status holders live in Leiden; the largest group comes from Syria.` : "Status holders in Leiden.";
    },
    blocks: [
      {
        key: "geslacht",
        caption: t("Statushouders naar geslacht, 1 januari 2022", "Status holders by sex, 1 January 2022"),
        categoryHeader: t("Geslacht", "Sex"),
        base: { indicator: "statushouders", area: "Leiden", age: "", period: "2022", unit: "aandeel" },
        categories: groups("man", "vrouw"),
        series: [{ label: t("Aandeel", "Share"), key: {} }],
        unit: "aandeel",
        chart: { kind: "doughnut" },
      },
    ],
  },
  {
    key: "studenten",
    name: t("Studenten", "Students"),
    title: t("Internationale studenten", "International students"),
    lead: (f, lang) => {
      const share = f({ indicator: "studenten", group: "universiteit", period: "2021/2022", unit: "aandeel" });
      const average = f({ indicator: "studenten", group: "universiteit", area: "Nederland", period: "2021/2022", unit: "aandeel" });
      return lang === "nl"
        ? (share ? `In studiejaar 2021/2022 heeft ${share} van de studenten aan de Universiteit Leiden een buitenlandse nationaliteit${average ? ` (Nederlands gemiddelde: ${average})` : ""}.` : "Internationale studenten in Leiden.")
        : share ? `In study year 2021/2022, ${share} of the students at Leiden University have a foreign nationality${average ? ` (Dutch average: ${average})` : ""}.` : "International students in Leiden.";
    },
    blocks: [
      {
        key: "aandeel",
        caption: t("Aandeel internationale studenten, 2021/2022", "Share of international students, 2021/2022"),
        categoryHeader: t("Onderwijs", "Education"),
        base: { indicator: "studenten", age: "", period: "2021/2022", unit: "aandeel" },
        categories: groups("universiteit", "hbo"),
        series: [
          { label: t("Leiden", "Leiden"), key: { area: "Leiden" } },
          { label: t("Nederland", "the Netherlands"), key: { area: "Nederland" } },
        ],
        unit: "aandeel",
        chart: { kind: "columnClustered", categoryAxis: t("Onderwijs", "Education"), valueAxis: t("Aandeel internationale studenten", "Share of international students") },
      },
      {
        key: "herkomst",
        caption: t("Internationale studenten aan de Universiteit Leiden naar herkomst, 2021", "International students at Leiden University by origin, 2021"),
        categoryHeader: t("Herkomst", "Origin"),
        base: { indicator: "studenten", area: "Leiden", age: "", period: "2021", unit: "aantal" },
        categories: groups("EU", "niet-EU"),
        series: [{ label: t("Studenten", "Students"), key: {} }],
        unit: "aantal",
        chart: { kind: "doughnut" },
      },
      {
        key: "universiteit",
        caption: t("Aandeel internationale studenten aan de Universiteit Leiden", "Share of international students at Leiden University"),
        categoryHeader: t("Studiejaar", "Study year"),
        base: { indicator: "studenten", group: "universiteit", area: "Leiden", age: "", unit: "aandeel" },
        categories: periodsIn({ indicator: "studenten", group: "universiteit", area: "Leiden", unit: "aandeel" }),
        series: [{ label: t("Aandeel", "Share"), key: {} }],
        unit: "aandeel",
        chart: { kind: "columnClustered", categoryAxis: t("Jaar", "Year"), valueAxis: t("Aandeel", "Share") },
      },
      {
        key: "rang",
        caption: t("Plek van de Universiteit Leiden onder de Nederlandse universiteiten, 2021/2022", "Rank of Leiden University among Dutch universities, 2021/2022"),
        categoryHeader: t("Gemeten naar", "Measured by"),
        base: { group: "universiteit", area: "Leiden", age: "", period: "2021/2022", unit: "rang" },
        categories: [
          { label: t("aantal internationale studenten", "number of international students"), key: { indicator: "studenten-rang-aantal" } },
          { label: t("aandeel internationale studenten", "share of international students"), key: { indicator: "studenten-rang-aandeel" } },
        ],
        series: [{ label: t("Plek", "Rank"), key: {} }],
        unit: "rang",
      },
    ],
  },
];
