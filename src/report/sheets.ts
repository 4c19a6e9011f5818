import { formatDate, formatFigure } from "../data/format";
import { MonitorStore } from "../data/store";
import { NATIONALITIES } from "../data/vocabulary";
import { Language, Observation } from "../data/types";
import { listed, nationalityAdjective, numberWord, spanWords } from "../text/words";
import { ages, areasIn, groups, groupsIn, largestGroupPerAge, periodsIn } from "./axes";
import { latestPeriod } from "./latest";
import { Axis, Bilingual, BlockFacts, CellKey, FigureText, SheetFacts, SheetSpec, t } from "./spec-types";

const FOREIGN = "buitenlandse nationaliteit";
const MIGRATION = "migratieachtergrond";
const BRP_FOREIGN = { group: FOREIGN, area: "Leiden", age: "" };
/** How many nationalities the Nationaliteiten sheet shows before the rest is summed as Overig. */
const TOP_NATIONALITIES = 10;

/**
 * The edition whose report text makes claims its figures cannot show (a trend of which only the
 * last year survived, the largest group of status holders): those claims are repeated over that
 * edition's own figures only, never over another edition's or CBS's.
 */
export const REPORT_EDITION_2022 = "leiden-monitor-internationalisering-2022";
const reportSays = (d: SheetFacts) => d.edition.name === REPORT_EDITION_2022;

type Part = Bilingual | null | false | undefined | "";

/** Sentences that have their figures, joined; a missing figure drops its sentence, never shows 0. */
function sentences(...parts: Part[]): Bilingual | null {
  const present = parts.filter((p): p is Bilingual => Boolean(p));
  return present.length ? t(present.map((p) => p.nl).join(" "), present.map((p) => p.en).join(" ")) : null;
}

/** A lead made in both languages from the sheet's facts, with a plain description when no figure is there. */
const lead =
  (make: (d: SheetFacts) => Bilingual | null, otherwise: (d: SheetFacts) => Bilingual) =>
  (_f: FigureText, language: Language, d: SheetFacts) =>
    (make(d) ?? otherwise(d))[language];

/** "op 1 januari 2022" / "on 1 January 2022" from a figure's reference date, else "in 2022". */
function when(o: Observation | undefined, period: string): Bilingual {
  return o?.peildatum ? t(`op ${formatDate(o.peildatum, "nl")}`, `on ${formatDate(o.peildatum, "en")}`) : t(`in ${period}`, `in ${period}`);
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const figureOf = (o: Observation): Bilingual => t(formatFigure(o.waarde, o.eenheid, "nl"), formatFigure(o.waarde, o.eenheid, "en"));
const yearOrStudyYear = (period: string): Bilingual => (period.includes("/") ? t(`studiejaar ${period}`, `study year ${period}`) : t(period, period));

/** The base of a block at the latest period the data has for it; null leaves the block out. */
const atLatest =
  (base: CellKey, where: CellKey = base) =>
  (store: MonitorStore): CellKey | null => {
    const period = latestPeriod(store, { ...where, period: undefined });
    return period ? { ...base, period } : null;
  };

/** A caption with the single period its figures have ("…, 2022"), or without when they have several. */
const withPeriod = (caption: Bilingual) => (facts: BlockFacts) =>
  facts.periods.length === 1 ? t(`${caption.nl}, ${facts.periods[0]}`, `${caption.en}, ${facts.periods[0]}`) : caption;

/** "Groei sinds 2012" over one span, "Groei" over several. */
const growthCaption = (nl: string, en: string) => (facts: BlockFacts) => {
  const span = facts.periods.length === 1 ? spanWords(facts.periods[0]) : null;
  return span ? t(`${nl} sinds ${span.from}`, `${en} since ${span.from}`) : t(nl, en);
};

/** The nationalities the Nationaliteiten sheet shows: the largest in the latest year, largest first. */
function largestNationalities(store: MonitorStore, area: string): { period: string; groups: string[]; more: boolean } | null {
  const periods = store.rankingPeriods(area);
  const period = periods[periods.length - 1];
  if (!period) return null;
  const ranking = store.ranking(period, area);
  return { period, groups: ranking.slice(0, TOP_NATIONALITIES).map((r) => r.group), more: ranking.length > TOP_NATIONALITIES };
}

/**
 * The rows of the Nationaliteiten table: the largest nationalities, and `Overig` only where it can
 * be known: the data's own when it lists no more nationalities than are shown, else the total
 * with a foreign nationality minus those shown (marked as computed), else none.
 */
function nationalityRows(store: MonitorStore, area: string): Axis[] {
  const top = largestNationalities(store, area);
  if (!top) return [];
  const label = (group: string) => t(group, store.groupNames.label(group, "en"));
  const rows: Axis[] = top.groups.map((group) => ({ label: label(group), key: { group } }));
  const own = store.get({ indicator: "inwoners", area, group: "Overig", age: "", period: top.period }, "aantal");
  if (!top.more) return own ? [...rows, { label: label("Overig"), key: { group: "Overig" } }] : rows;
  const total = store.get({ indicator: "inwoners", area, group: FOREIGN, age: "", period: top.period }, "aantal");
  const shown = top.groups.map((group) => store.get({ indicator: "inwoners", area, group, age: "", period: top.period }, "aantal"));
  if (!total || shown.some((o) => !o)) return rows;
  const rest = total.waarde - shown.reduce((sum, o) => sum + (o as Observation).waarde, 0);
  if (rest < 0) return rows;
  const derived: Observation = {
    ...total,
    groep: "Overig",
    waarde: rest,
    status: "afgeleid",
    toelichting: `Afgeleid: ${FOREIGN} (${total.waarde}) min de ${top.groups.length} grootste nationaliteiten.`,
  };
  return [...rows, { label: label("Overig"), key: { group: "Overig" }, derived: () => derived }];
}

/**
 * The indicator sheets of DESIGN.md, one per page group of the report, in report order. Each
 * block is a small table (categories × series) looked up in the store; a chart is drawn where
 * the data supports one. Every word of a title, lead and caption is computed from the figures the
 * sheet shows: a sentence whose figure is missing is left out.
 */
export const SHEETS: SheetSpec[] = [
  {
    key: "bevolking",
    name: t("Bevolking", "Population"),
    title: (d) =>
      d.latest({ indicator: "aandeel", group: MIGRATION }) || d.latest({ indicator: "inwoners", group: MIGRATION })
        ? t(`Nationaliteit en migratieachtergrond in ${d.area}`, `Nationality and migration background in ${d.area}`)
        : t(`Nationaliteit in ${d.area}`, `Nationality in ${d.area}`),
    lead: lead(
      (d) => {
        const year = d.latest({ indicator: "inwoners", group: FOREIGN, age: "", unit: "aantal" });
        if (!year) return null;
        const share = d.figure({ indicator: "aandeel", group: FOREIGN, period: year, unit: "aandeel" });
        const migration = d.figure({ indicator: "aandeel", group: MIGRATION, period: year, unit: "aandeel" });
        const count = d.find({ indicator: "inwoners", group: FOREIGN, period: year, unit: "aantal" });
        const day = when(count, year);
        return sentences(
          share && migration && t(`In ${d.area} heeft ${share.nl} van de inwoners een buitenlandse nationaliteit en ${migration.nl} een migratieachtergrond.`, `In ${d.area}, ${share.en} of inhabitants have a foreign nationality and ${migration.en} a migration background.`),
          share && !migration && t(`In ${d.area} heeft ${share.nl} van de inwoners een buitenlandse nationaliteit.`, `In ${d.area}, ${share.en} of inhabitants have a foreign nationality.`),
          count &&
            (share
              ? t(`${capital(day.nl)} zijn dat ${figureOf(count).nl} inwoners met een buitenlandse nationaliteit.`, `${capital(day.en)} that is ${figureOf(count).en} inhabitants with a foreign nationality.`)
              : t(`${capital(day.nl)} hebben ${figureOf(count).nl} inwoners van ${d.area} een buitenlandse nationaliteit.`, `${capital(day.en)}, ${figureOf(count).en} inhabitants of ${d.area} have a foreign nationality.`)),
        );
      },
      (d) => t(`Inwoners van ${d.area} naar nationaliteit.`, `Inhabitants of ${d.area} by nationality.`),
    ),
    blocks: [
      {
        key: "nationaliteit",
        caption: t("Inwoners naar nationaliteit", "Inhabitants by nationality"),
        categoryHeader: t("Nationaliteit", "Nationality"),
        base: { indicator: "inwoners", area: "Leiden", age: "", unit: "aantal" },
        categories: groups("Nederlands", FOREIGN),
        series: periodsIn({ indicator: "inwoners", group: FOREIGN, unit: "aantal", area: "Leiden" }),
        unit: "aantal",
        overTime: true,
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
        overTime: true,
        chart: { kind: "columnClustered", categoryAxis: t("Groep", "Group"), valueAxis: t("Aandeel van de inwoners", "Share of inhabitants") },
      },
      {
        key: "groei",
        caption: growthCaption("Groei", "Growth"),
        categoryHeader: t("Groep", "Group"),
        base: { indicator: "groei", area: "Leiden", age: "", unit: "groei" },
        categories: groupsIn({ indicator: "groei", area: "Leiden", unit: "groei" }, (g) => [FOREIGN, "Nederlands", "inwoners", MIGRATION].includes(g)),
        series: periodsIn({ indicator: "groei", area: "Leiden", unit: "groei" }),
        unit: "groei",
        chart: { kind: "barClustered", categoryAxis: t("Groep", "Group"), valueAxis: t("Groei", "Growth") },
      },
    ],
  },
  {
    key: "regio",
    name: t("Regio en Nederland", "Region and Netherlands"),
    title: (d) => {
      const compared = d.block("gemeenten")?.categories.filter((c) => c.key.area !== d.area) ?? [];
      const name = (c: Axis): Bilingual => (c.key.area === "Regio071" ? t("de regio", "the region") : c.key.area === "Nederland" ? t("Nederland", "the Netherlands") : c.label);
      return compared.length
        ? t(`${d.area} vergeleken met ${listed(compared.map((c) => name(c).nl), "nl")}`, `${d.area} compared with ${listed(compared.map((c) => name(c).en), "en")}`)
        : t(`${d.area} onder de Nederlandse gemeenten`, `${d.area} among Dutch municipalities`);
    },
    lead: lead(
      (d) => {
        const year = d.latest({ indicator: "rang", group: FOREIGN, unit: "rang" });
        const rank = year && d.figure({ indicator: "rang", group: FOREIGN, period: year, unit: "rang" });
        const rankMigration = year && d.figure({ indicator: "rang", group: MIGRATION, period: year, unit: "rang" });
        const nlYear = d.latest({ indicator: "aandeel", group: FOREIGN, area: "Nederland", unit: "aandeel" });
        const average = nlYear && d.figure({ indicator: "aandeel", group: FOREIGN, area: "Nederland", period: nlYear, unit: "aandeel" });
        return sentences(
          rank && rankMigration && t(`${d.area} staat op plek ${rank.nl} van de gemeenten met veel inwoners met een buitenlandse nationaliteit en op plek ${rankMigration.nl} naar migratieachtergrond (peiljaar ${year}).`, `${d.area} ranks ${rank.en} among Dutch municipalities by share of inhabitants with a foreign nationality and ${rankMigration.en} by migration background (${year}).`),
          rank && !rankMigration && t(`${d.area} staat op plek ${rank.nl} van de gemeenten met veel inwoners met een buitenlandse nationaliteit (peiljaar ${year}).`, `${d.area} ranks ${rank.en} among Dutch municipalities by share of inhabitants with a foreign nationality (${year}).`),
          average && t(`Gemiddeld heeft ${average.nl} van de inwoners van Nederland een buitenlandse nationaliteit.`, `On average ${average.en} of the inhabitants of the Netherlands have a foreign nationality.`),
        );
      },
      (d) => t(`${d.area} vergeleken met andere gemeenten.`, `${d.area} compared with other municipalities.`),
    ),
    blocks: [
      {
        key: "rang",
        caption: t("Plek onder de Nederlandse gemeenten (1 = meest internationaal)", "Rank among Dutch municipalities (1 = most international)"),
        categoryHeader: t("Jaar", "Year"),
        base: { indicator: "rang", area: "Leiden", age: "", unit: "rang" },
        categories: periodsIn({ indicator: "rang", area: "Leiden", unit: "rang" }),
        series: groups(FOREIGN, MIGRATION),
        unit: "rang",
        chart: { kind: "line", categoryAxis: t("Jaar", "Year"), valueAxis: t("Plek", "Rank") },
      },
      (store) => {
        // The comparison is of one year: the latest in which an area besides Leiden has a share,
        // and only where Leiden's own share is there to compare or the report compares it.
        const period = latestPeriod(store, { indicator: "aandeel", unit: "aandeel", age: "" }, (o) => o.gebied !== "Leiden");
        if (!period || !store.observations.some((o) => o.indicator === "aandeel" && o.gebied === "Leiden")) return null;
        return {
          key: "gemeenten",
          caption: t(`Aandeel van de inwoners per gebied, ${period}`, `Share of inhabitants by area, ${period}`),
          categoryHeader: t("Gebied", "Area"),
          base: { indicator: "aandeel", age: "", period, unit: "aandeel" },
          categories: areasIn({ indicator: "aandeel", period, unit: "aandeel" }),
          series: groups(FOREIGN, MIGRATION),
          unit: "aandeel",
          chart: { kind: "barClustered", categoryAxis: t("Gebied", "Area"), valueAxis: t("Aandeel van de inwoners", "Share of inhabitants") },
        };
      },
    ],
  },
  {
    key: "vestiging",
    name: t("Vestiging en vertrek", "Settlement and departure"),
    title: (d) => t("Vestiging en vertrek van internationals", `Internationals settling in and leaving ${d.area}`),
    lead: lead(
      (d) => {
        const settled = d.store.series("vestiging", d.area, FOREIGN, "", "aantal");
        const left = new Map(d.store.series("vertrek", d.area, FOREIGN, "", "aantal").map((o) => [o.periode, o]));
        const years = settled.filter((o) => left.has(o.periode));
        const last = years[years.length - 1];
        if (!last) return null;
        const exceptions = years.filter((o) => o.waarde <= (left.get(o.periode) as Observation).waarde).map((o) => o.periode);
        const named = (year: string) => (year === "2020" ? t("coronajaar 2020", "the pandemic year 2020") : t(year, year));
        const [first, final] = [years[0].periode, last.periode];
        const trend =
          years.length >= 3 &&
          (exceptions.length === 0
            ? t(`Het aantal internationals dat zich in ${d.area} vestigt is van ${first} tot en met ${final} elk jaar groter dan het aantal dat vertrekt.`, `From ${first} to ${final} more internationals settled in ${d.area} than left, every year.`)
            : exceptions.length * 3 <= years.length && !exceptions.includes(final)
              ? t(
                  `Het aantal internationals dat zich in ${d.area} vestigt is al jaren groter dan het aantal dat vertrekt, behalve in ${listed(exceptions.map((y) => named(y).nl), "nl")}.`,
                  `For years more internationals have settled in ${d.area} than left, except in ${listed(exceptions.map((y) => named(y).en), "en")}.`,
                )
              : t(
                  `In ${years.length - exceptions.length} van de ${years.length} jaren van ${first} tot en met ${final} vestigden zich meer internationals in ${d.area} dan er vertrokken.`,
                  `In ${years.length - exceptions.length} of the ${years.length} years from ${first} to ${final} more internationals settled in ${d.area} than left.`,
                ));
        const out = left.get(final) as Observation;
        return sentences(trend, t(`In ${final} vestigden zich ${figureOf(last).nl} internationals en vertrokken er ${figureOf(out).nl}.`, `In ${final}, ${figureOf(last).en} settled and ${figureOf(out).en} left.`));
      },
      (d) => t(`Internationals die zich in ${d.area} vestigen en die vertrekken.`, `Internationals settling in and leaving ${d.area}.`),
    ),
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
        caption: withPeriod(t("Aandeel naar leeftijd onder de internationale vestigers", "Share by age among internationals settling")),
        categoryHeader: t("Leeftijd", "Age"),
        base: atLatest({ indicator: "vestiging", group: FOREIGN, area: "Leiden", unit: "aandeel" }),
        categories: ages("0-17", "40-54"),
        series: [{ label: t("Aandeel", "Share"), key: {} }],
        unit: "aandeel",
      },
    ],
  },
  {
    key: "woonduur",
    name: t("Woonduur", "Length of residence"),
    title: (d) => t(`Woonduur van internationals in ${d.area}`, `How long internationals have lived in ${d.area}`),
    lead: lead(
      (d) => {
        const year = d.latest({ indicator: "woonduur", group: "korter dan 1 jaar", unit: "aandeel" });
        if (!year) return null;
        const short = d.find({ indicator: "woonduur", group: "korter dan 1 jaar", period: year, unit: "aandeel" }) as Observation;
        const middle = d.find({ indicator: "woonduur", group: "1 tot 3 jaar", period: year, unit: "aandeel" });
        const day = when(short, year);
        const under3 = middle && short.waarde + middle.waarde;
        const portion = (share: number): Bilingual => {
          const text = t(formatFigure(share, "aandeel", "nl"), formatFigure(share, "aandeel", "en"));
          if (Math.abs(share - 0.5) < 0.005) return t("De helft", "Half");
          return share > 0.5 ? t(`Meer dan de helft (${text.nl})`, `More than half (${text.en})`) : t(capital(text.nl), text.en);
        };
        const resident = d.area === "Leiden" ? t("de Leidenaren", "Leiden's inhabitants") : t(`de inwoners van ${d.area}`, `the inhabitants of ${d.area}`);
        return sentences(
          under3 !== undefined && t(`${portion(under3).nl} van ${resident.nl} met een buitenlandse nationaliteit woont hier korter dan 3 jaar.`, `${portion(under3).en} of ${resident.en} with a foreign nationality have lived here for less than 3 years.`),
          t(`${capital(figureOf(short).nl)} woont er korter dan een jaar (${day.nl.replace(/^op /, "")}).`, `${figureOf(short).en} ${under3 !== undefined ? "for" : "have lived here for"} less than a year (${day.en.replace(/^on /, "")}).`),
        );
      },
      (d) => t(`Hoe lang internationals in ${d.area} wonen.`, `How long internationals have lived in ${d.area}.`),
    ),
    blocks: [
      {
        key: "woonduur",
        caption: (facts) => {
          const o = facts.cells.flat().find(Boolean);
          const day = o?.peildatum ? t(formatDate(o.peildatum, "nl"), formatDate(o.peildatum, "en")) : t(facts.periods.join(", "), facts.periods.join(", "));
          return t(`Woonduur van inwoners met een buitenlandse nationaliteit, ${day.nl}`, `Length of residence of inhabitants with a foreign nationality, ${day.en}`);
        },
        categoryHeader: t("Woonduur", "Length of residence"),
        base: atLatest({ indicator: "woonduur", area: "Leiden", age: "", unit: "aandeel" }),
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
    lead: lead(
      (d) => {
        const series = d.store.series("repats", d.area, "Nederlands", "", "aantal");
        const last = series[series.length - 1];
        if (!last) return null;
        const recent = series.slice(-3).map((o) => o.waarde);
        const falling = recent.length === 3 && recent[0] > recent[1] && recent[1] > recent[2];
        const rising = recent.length === 3 && recent[0] < recent[1] && recent[1] < recent[2];
        const trend =
          falling || rising || (series.length < 3 && reportSays(d))
            ? rising
              ? t(`Het aantal Nederlanders dat zich in ${d.area} vestigt na een verblijf in het buitenland stijgt al een aantal jaar.`, `The number of Dutch nationals settling in ${d.area} after living abroad has been rising for some years.`)
              : t(`Het aantal Nederlanders dat zich in ${d.area} vestigt na een verblijf in het buitenland daalt al een aantal jaar.`, `The number of Dutch nationals settling in ${d.area} after living abroad has been falling for some years.`)
            : null;
        const kids = d.figure({ indicator: "repats", group: "Nederlands", age: "0-17", period: last.periode, unit: "aandeel" });
        const count = figureOf(last);
        return sentences(
          trend,
          trend
            ? t(`In ${last.periode} waren het er ${count.nl}${kids ? `, van wie ${kids.nl} kinderen` : ""}.`, `In ${last.periode} there were ${count.en}${kids ? `, ${kids.en} of them children` : ""}.`)
            : t(`In ${last.periode} kwamen ${count.nl} Nederlanders na een verblijf in het buitenland in ${d.area} wonen${kids ? `, van wie ${kids.nl} kinderen` : ""}.`, `In ${last.periode}, ${count.en} Dutch nationals settled in ${d.area} after living abroad${kids ? `, ${kids.en} of them children` : ""}.`),
        );
      },
      (d) => t(`Nederlanders die na een verblijf in het buitenland in ${d.area} komen wonen.`, `Dutch nationals settling in ${d.area} after living abroad.`),
    ),
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
        caption: withPeriod(t("Aandeel naar leeftijd: repats en internationale vestigers", "Share by age: repats and internationals settling")),
        categoryHeader: t("Leeftijd", "Age"),
        base: atLatest({ area: "Leiden", unit: "aandeel" }, { indicator: "repats", group: "Nederlands", area: "Leiden", unit: "aandeel" }),
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
    lead: lead(
      (d) => {
        const year = d.latest({ indicator: "kinderen", group: FOREIGN, age: "0-17", unit: "aantal" });
        const total = year && d.find({ indicator: "kinderen", group: FOREIGN, age: "0-17", period: year, unit: "aantal" });
        if (!year || !total) return null;
        const day = when(total, year);
        return sentences(
          t(`In totaal hebben in ${d.area} ${figureOf(total).nl} kinderen van 0-17 jaar een buitenlandse nationaliteit (${day.nl.replace(/^op /, "")}).`, `In total ${figureOf(total).en} children aged 0-17 in ${d.area} have a foreign nationality (${day.en.replace(/^on /, "")}).`),
          reportSays(d) && t("Onder 12-17 jaar komt volgens het rapport de Syrische nationaliteit het meest voor; een aantal noemt het daar niet.", "Among those aged 12-17 the report names Syrian as the most common nationality, without a count."),
        );
      },
      (d) => t(`Kinderen met een buitenlandse nationaliteit in ${d.area}.`, `Children with a foreign nationality in ${d.area}.`),
    ),
    blocks: [
      {
        key: "leeftijd",
        caption: withPeriod(t("Kinderen met een buitenlandse nationaliteit naar leeftijd", "Children with a foreign nationality by age")),
        categoryHeader: t("Leeftijd", "Age"),
        base: atLatest({ indicator: "kinderen", group: FOREIGN, area: "Leiden", unit: "aantal" }),
        categories: ages("0-3", "4-11", "12-17"),
        series: [{ label: t("Kinderen", "Children"), key: {} }],
        unit: "aantal",
        chart: { kind: "doughnut" },
      },
      (store) => {
        const period = latestPeriod(store, { indicator: "kinderen", group: FOREIGN, age: "12-17", unit: "aantal" }, (o) => o.gebied !== "Leiden");
        if (!period) return null;
        return {
          key: "buurt",
          caption: t(`Kinderen van 12-17 jaar met een buitenlandse nationaliteit per buurt, ${period}`, `Children aged 12-17 with a foreign nationality by neighbourhood, ${period}`),
          categoryHeader: t("Buurt", "Neighbourhood"),
          base: { indicator: "kinderen", group: FOREIGN, age: "12-17", period, unit: "aantal" },
          categories: areasIn({ indicator: "kinderen", group: FOREIGN, age: "12-17", period, unit: "aantal" }, (a) => a !== "Leiden"),
          series: [{ label: t("Kinderen 12-17 jaar", "Children 12-17"), key: {} }],
          unit: "aantal",
          chart: { kind: "barClustered", categoryAxis: t("Buurt", "Neighbourhood"), valueAxis: t("Kinderen", "Children") },
        };
      },
      (store) => {
        // The report names the most common nationality per age band, with a count for 0-3 and
        // 4-11 only (for 12-17 it names Syrisch without one): one row per band that has a count,
        // never an empty series for the band without.
        const period = latestPeriod(store, { indicator: "kinderen", area: "Leiden", unit: "aantal" }, (o) => o.groep !== FOREIGN);
        if (!period) return null;
        const where = { indicator: "kinderen", area: "Leiden", period, unit: "aantal" as const };
        return {
          key: "nationaliteit",
          caption: t(`Meest voorkomende nationaliteit per leeftijdsgroep, ${period}`, `Most common nationality by age band, ${period}`),
          categoryHeader: t("Leeftijd: nationaliteit", "Age: nationality"),
          base: where,
          categories: largestGroupPerAge(where, ["0-3", "4-11", "12-17"], (g) => g !== "Overig" && (NATIONALITIES.includes(g) || store.ranking(period, "Leiden").some((r) => r.group === g))),
          series: [{ label: t("Kinderen", "Children"), key: {} }],
          unit: "aantal",
          chart: { kind: "columnClustered", categoryAxis: t("Leeftijd", "Age"), valueAxis: t("Kinderen", "Children") },
        };
      },
    ],
  },
  {
    key: "nationaliteiten",
    name: t("Nationaliteiten", "Nationalities"),
    title: (d) => {
      const shown = (d.block("aantal")?.categories ?? []).filter((c) => c.key.group !== "Overig").length;
      return shown === 1
        ? t("De meest voorkomende nationaliteit", "The most common nationality")
        : t(`De ${numberWord(shown, "nl")} meest voorkomende nationaliteiten`, `The ${numberWord(shown, "en")} most common nationalities`);
    },
    lead: lead(
      (d) => {
        const table = d.block("aantal");
        const top = table?.cells[0]?.[0];
        const growthPeriod = d.latest({ indicator: "groei", group: FOREIGN, unit: "groei" });
        const growth = growthPeriod ? d.find({ indicator: "groei", group: FOREIGN, period: growthPeriod, unit: "groei" }) : undefined;
        const span = growth && spanWords(growth.periode);
        const name = top && t(top.groep, d.store.groupNames.label(top.groep, "en"));
        const adjective = top && nationalityAdjective(top.groep);
        const day = top && when(top, top.periode);
        const change = growth && t(formatFigure(Math.abs(growth.waarde), "groei", "nl"), formatFigure(Math.abs(growth.waarde), "groei", "en"));
        return sentences(
          top && name && day && t(`${adjective ? `De ${adjective} nationaliteit` : `De nationaliteit ${name.nl}`} komt in ${d.area} het meest voor (${figureOf(top).nl} inwoners ${day.nl}).`, `${name.en} is the most common foreign nationality in ${d.area} (${figureOf(top).en} inhabitants ${day.en}).`),
          growth && span && change && t(`Het aantal inwoners met een buitenlandse nationaliteit ${growth.waarde < 0 ? "daalde" : "steeg"} tussen ${span.from} en ${span.to} met ${change.nl}.`, `Inhabitants with a foreign nationality ${growth.waarde < 0 ? "fell" : "grew"} by ${change.en} between ${span.from} and ${span.to}.`),
        );
      },
      (d) => t(`De meest voorkomende nationaliteiten in ${d.area}.`, `The most common nationalities in ${d.area}.`),
    ),
    blocks: [
      (store) => {
        const top = largestNationalities(store, "Leiden");
        if (!top) return null;
        return {
          key: "aantal",
          caption: t(`Inwoners met een buitenlandse nationaliteit, ${top.period}`, `Inhabitants with a foreign nationality, ${top.period}`),
          categoryHeader: t("Nationaliteit", "Nationality"),
          base: { indicator: "inwoners", area: "Leiden", age: "", period: top.period, unit: "aantal" },
          categories: nationalityRows(store, "Leiden"),
          series: [{ label: t("Inwoners", "Inhabitants"), key: {} }],
          unit: "aantal",
          chart: { kind: "barClustered", categoryAxis: t("Nationaliteit", "Nationality"), valueAxis: t("Inwoners", "Inhabitants") },
          note: (facts) => {
            const overig = facts.cells[facts.categories.findIndex((c) => c.key.group === "Overig")]?.[0];
            if (!overig || overig.status !== "afgeleid" || overig.toelichting.indexOf("grootste nationaliteiten") < 0) return null;
            const n = facts.categories.length - 1;
            return t(`Overig in de tabel Nationaliteiten: alle inwoners met een buitenlandse nationaliteit min de ${numberWord(n, "nl")} getoonde (berekend).`, `Other in the Nationalities table: all inhabitants with a foreign nationality minus the ${numberWord(n, "en")} shown (computed).`);
          },
        };
      },
      (store) => {
        // Growth of the nationalities the table shows, in its order: at most ten bars, each labelled.
        const top = largestNationalities(store, "Leiden");
        return {
          key: "groei",
          caption: growthCaption("Groei per nationaliteit", "Growth by nationality"),
          categoryHeader: t("Nationaliteit", "Nationality"),
          base: { indicator: "groei", area: "Leiden", age: "", unit: "groei" },
          categories: groups(...(top?.groups ?? [])),
          series: periodsIn({ indicator: "groei", area: "Leiden", unit: "groei" }),
          unit: "groei",
          chart: { kind: "barClustered", categoryAxis: t("Nationaliteit", "Nationality"), valueAxis: t("Groei", "Growth") },
        };
      },
    ],
  },
  {
    key: "expat-centre",
    name: t("Expat Centre", "Expat Centre"),
    title: t("Inschrijvingen bij Expat Centre Leiden", "Registrations at Expat Centre Leiden"),
    lead: lead(
      (d) => {
        const series = d.store.series("expat-inschrijvingen", d.area, FOREIGN, "", "aantal");
        const [before, last] = [series[series.length - 2], series[series.length - 1]];
        if (!last) return null;
        const count = figureOf(last);
        const compared = before
          ? t(`, ${last.waarde > before.waarde ? "meer" : last.waarde < before.waarde ? "minder" : "evenveel"} dan in ${before.periode} (${figureOf(before).nl})`, `, ${last.waarde > before.waarde ? "more than" : last.waarde < before.waarde ? "fewer than" : "as many as"} in ${before.periode} (${figureOf(before).en})`)
          : reportSays(d) && last.periode === "2021"
            ? t(", meer dan in coronajaar 2020", ", more than in the pandemic year 2020")
            : t("", "");
        return t(`In ${last.periode} schreven ${count.nl} internationals zich via het Expat Centre Leiden in${compared.nl}.`, `In ${last.periode}, ${count.en} internationals registered through Expat Centre Leiden${compared.en}.`);
      },
      () => t("Inschrijvingen via het Expat Centre Leiden.", "Registrations through Expat Centre Leiden."),
    ),
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
    lead: lead(
      (d) => {
        const series = d.store.series("werknemers-werkend", d.area, "internationale werknemers", "", "aantal");
        const [first, last] = [series[0], series[series.length - 1]];
        if (!first || first === last) return null;
        const growth = d.figure({ indicator: "werknemers-werkend", group: "internationale werknemers", period: `${first.periode}-${last.periode}`, unit: "groei" });
        const change = (group: string) => {
          const [a, b] = [first.periode, last.periode].map((period) => d.find({ indicator: "werknemers-werkend", group, period, unit: "aantal" }));
          return a && b ? b.waarde - a.waarde : null;
        };
        const [labour, knowledge] = [change("arbeidsmigranten"), change("kenniswerkers")];
        const rose = last.waarde > first.waarde;
        const mostly =
          labour !== null && knowledge !== null && rose && Math.max(labour, knowledge) > 0 && labour !== knowledge
            ? labour > knowledge
              ? t(", vooral door meer arbeidsmigranten", ", mostly labour migrants")
              : t(", vooral door meer kenniswerkers", ", mostly knowledge workers")
            : t("", "");
        const sign = growth ? t(` (${rose ? "+" : ""}${growth.nl})`, ` (${rose ? "+" : ""}${growth.en})`) : t("", "");
        return t(
          `Het aantal internationale werknemers dat in ${d.area} werkt ${rose ? "steeg" : "daalde"} tussen ${first.periode} en ${last.periode} van ${figureOf(first).nl} tot ${figureOf(last).nl}${sign.nl}${mostly.nl}.`,
          `International workers working in ${d.area} ${rose ? "rose" : "fell"} from ${figureOf(first).en} to ${figureOf(last).en} between ${first.periode} and ${last.periode}${sign.en}${mostly.en}.`,
        );
      },
      (d) => t(`Internationale werknemers in ${d.area}.`, `International workers in ${d.area}.`),
    ),
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
        caption: (facts) => (facts.periods.length === 1 ? t(`Groei ${facts.periods[0]}`, `Growth ${facts.periods[0]}`) : t("Groei", "Growth")),
        categoryHeader: t("Groep", "Group"),
        base: atLatest({ age: "", unit: "groei" }, { indicator: "werknemers-werkend", area: "Leiden", unit: "groei" }),
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
        caption: withPeriod(t("Kinderen van internationale werknemers die in Leiden wonen", "Children of international workers living in Leiden")),
        categoryHeader: t("Ouder", "Parent"),
        base: atLatest({ indicator: "kinderen-werknemers", area: "Leiden", age: "", unit: "aantal" }),
        categories: groups("arbeidsmigranten", "kenniswerkers"),
        series: [{ label: t("Kinderen", "Children"), key: {} }],
        unit: "aantal",
        chart: { kind: "pie" },
      },
      {
        key: "sectoren",
        caption: (facts) => {
          const n = facts.cells.filter((row) => row[0]).length;
          return withPeriod(t(`Sectoren van wie in Leiden werkt (top-${n} kenniswerkers)`, `Sectors of those working in Leiden (top ${n} of knowledge workers)`))(facts);
        },
        categoryHeader: t("Sector", "Sector"),
        base: atLatest({ area: "Leiden", age: "", unit: "aandeel" }, { indicator: "sectoren-kenniswerkers", area: "Leiden", unit: "aandeel" }),
        categories: groups("onderwijs", "uitzendbureaus en detachering", "zakelijke dienstverlening"),
        series: [
          { label: t("Kenniswerkers", "Knowledge workers"), key: { indicator: "sectoren-kenniswerkers" } },
          { label: t("Arbeidsmigranten", "Labour migrants"), key: { indicator: "sectoren-arbeidsmigranten" } },
        ],
        unit: "aandeel",
        chart: { kind: "barClustered", categoryAxis: t("Sector", "Sector"), valueAxis: t("Aandeel", "Share") },
      },
      (store) => {
        const period = latestPeriod(store, { indicator: "loongrens", group: "kenniswerkers", area: "Nederland", unit: "euro" });
        if (!period) return null;
        const part = store.get({ indicator: "loongrens", area: "Nederland", group: "kenniswerkers", age: "", period }, "aandeel");
        const of = part ? t(` (${formatFigure(part.waarde, "aandeel", "nl")} van de IND-grens)`, ` (${formatFigure(part.waarde, "aandeel", "en")} of the IND threshold)`) : t("", "");
        return {
          key: "loongrens",
          caption: t(`Looneis voor kenniswerkers${of.nl}, ${period}`, `Salary threshold for knowledge workers${of.en}, ${period}`),
          categoryHeader: t("Leeftijd", "Age"),
          base: { indicator: "loongrens", group: "kenniswerkers", area: "Nederland", period, unit: "euro" },
          categories: [
            { label: t("onder de 30 jaar", "under 30"), key: { age: "<30" } },
            { label: t("vanaf 30 jaar", "30 and over"), key: { age: "30+" } },
          ],
          series: [{ label: t("Bruto jaarloon", "Gross annual salary"), key: {} }],
          unit: "euro",
        };
      },
    ],
  },
  {
    key: "statushouders",
    name: t("Statushouders", "Status holders"),
    title: t("Statushouders", "Status holders"),
    lead: lead(
      (d) => {
        const year = d.latest({ indicator: "statushouders", group: "statushouders", unit: "aantal" });
        const count = year && d.find({ indicator: "statushouders", group: "statushouders", period: year, unit: "aantal" });
        if (!year || !count) return null;
        const day = when(count, year);
        const syria = reportSays(d) && year === "2022";
        return t(
          `${capital(day.nl)} wonen er ${figureOf(count).nl} statushouders in ${d.area}${syria ? "; de grootste groep komt uit Syrië" : ""}.`,
          `${capital(day.en)}, ${figureOf(count).en} status holders live in ${d.area}${syria ? "; the largest group comes from Syria" : ""}.`,
        );
      },
      (d) => t(`Statushouders in ${d.area}.`, `Status holders in ${d.area}.`),
    ),
    blocks: [
      {
        key: "geslacht",
        caption: (facts) => {
          const o = facts.cells.flat().find(Boolean);
          const day = o?.peildatum ? t(formatDate(o.peildatum, "nl"), formatDate(o.peildatum, "en")) : t(facts.periods.join(", "), facts.periods.join(", "));
          return t(`Statushouders naar geslacht, ${day.nl}`, `Status holders by sex, ${day.en}`);
        },
        categoryHeader: t("Geslacht", "Sex"),
        base: atLatest({ indicator: "statushouders", area: "Leiden", age: "", unit: "aandeel" }),
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
    lead: lead(
      (d) => {
        const year = d.latest({ indicator: "studenten", group: "universiteit", unit: "aandeel" });
        const share = year && d.figure({ indicator: "studenten", group: "universiteit", period: year, unit: "aandeel" });
        if (!year || !share) return null;
        const average = d.figure({ indicator: "studenten", group: "universiteit", area: "Nederland", period: year, unit: "aandeel" });
        const during = yearOrStudyYear(year);
        return t(
          `In ${during.nl} heeft ${share.nl} van de studenten aan de Universiteit Leiden een buitenlandse nationaliteit${average ? ` (Nederlands gemiddelde: ${average.nl})` : ""}.`,
          `In ${during.en}, ${share.en} of the students at Leiden University have a foreign nationality${average ? ` (Dutch average: ${average.en})` : ""}.`,
        );
      },
      () => t("Internationale studenten in Leiden.", "International students in Leiden."),
    ),
    blocks: [
      {
        key: "aandeel",
        caption: withPeriod(t("Aandeel internationale studenten", "Share of international students")),
        categoryHeader: t("Onderwijs", "Education"),
        base: atLatest({ indicator: "studenten", age: "", unit: "aandeel" }, { indicator: "studenten", group: "universiteit", area: "Nederland", unit: "aandeel" }),
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
        caption: withPeriod(t("Internationale studenten aan de Universiteit Leiden naar herkomst", "International students at Leiden University by origin")),
        categoryHeader: t("Herkomst", "Origin"),
        base: atLatest({ indicator: "studenten", area: "Leiden", age: "", unit: "aantal" }, { indicator: "studenten", group: "EU", area: "Leiden", unit: "aantal" }),
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
        caption: withPeriod(t("Plek van de Universiteit Leiden onder de Nederlandse universiteiten", "Rank of Leiden University among Dutch universities")),
        categoryHeader: t("Gemeten naar", "Measured by"),
        base: atLatest({ group: "universiteit", area: "Leiden", age: "", unit: "rang" }, { indicator: "studenten-rang-aantal", area: "Leiden", unit: "rang" }),
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
