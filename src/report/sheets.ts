import { MonitorStore } from "../data/store";
import { englishNationality, NATIONALITIES } from "../data/vocabulary";
import { Observation } from "../data/types";
import { say } from "../text/message";
import { CAPTION, FIXED_CAPTION, LABEL, LEAD, NOTE, SettlementTrend, SHEET_NAME, TITLE, When } from "../text/sheets";
import { figureOf, named, spanWords } from "../text/words";
import { ages, areasIn, groups, groupsIn, largestGroupPerAge, periodsIn } from "./axes";
import { latestPeriod } from "./latest";
import { ReportClaim, reportClaimHolds } from "./report-claims";
import { Axis, BlockFacts, CellKey, SheetFacts, SheetSpec, SheetText } from "./spec-types";

const FOREIGN = "buitenlandse nationaliteit";
const MIGRATION = "migratieachtergrond";
const BRP_FOREIGN = { group: FOREIGN, area: "Leiden", age: "" };
/** How many nationalities the Nationaliteiten sheet shows before the rest is summed as Overig. */
const TOP_NATIONALITIES = 10;

/**
 * The edition whose report text makes claims its figures cannot show (a trend of which only the
 * last year survived, the largest group of status holders): those claims are repeated over that
 * edition's own figures only, never over another edition's or CBS's, nor over a copy of it whose
 * figures for the claim differ (report-claims.ts).
 */
export const REPORT_EDITION_2022 = "leiden-monitor-internationalisering-2022";
const reportSays = (d: SheetFacts, claim: ReportClaim) => d.edition.name === REPORT_EDITION_2022 && reportClaimHolds(claim, d.store.observations, d.area);

/** When a figure holds: its reference date, else its period. */
const whenOf = (o: Observation | undefined, period: string): When => ({ date: o?.peildatum ?? "", period });

/** The base of a block at the latest period the data has for it; null leaves the block out. */
const atLatest =
  (base: CellKey, where: CellKey = base) =>
  (store: MonitorStore): CellKey | null => {
    const period = latestPeriod(store, { ...where, period: undefined });
    return period ? { ...base, period } : null;
  };

/** A caption with the single period its figures have ("…, 2022"), or without when they have several. */
const withPeriod = (caption: SheetText) => (facts: BlockFacts) => say(CAPTION.withPeriod, { caption, period: facts.periods.length === 1 ? facts.periods[0] : null });

/** "Groei sinds 2012" over one span, "Groei" over several. */
const growthSince = (caption: SheetText) => (facts: BlockFacts) => say(CAPTION.since, { caption, from: (facts.periods.length === 1 && spanWords(facts.periods[0])?.from) || null });

/** The reference date of a block's first figure, else its periods: what a caption of one day says. */
const dayOfBlock = (facts: BlockFacts) => {
  const o = facts.cells.flat().find(Boolean);
  return { day: o?.peildatum ? whenOf(o, o.periode) : null, periods: facts.periods };
};

/**
 * The nationalities the Nationaliteiten sheet shows: the largest in the latest year whose ranking
 * can be known, largest first. That is the latest year that also has the count of all inhabitants
 * with a foreign nationality: a year holding only some nationalities' counts (a next edition that
 * adds Italiaans 2023 alone, a row an analyst typed) cannot say which is the most common, and
 * its lead would claim a ranking from one figure. Without such a total in any year, the latest.
 */
function largestNationalities(store: MonitorStore, area: string): { period: string; groups: string[]; more: boolean } | null {
  const periods = store.rankingPeriods(area);
  const withTotal = periods.filter((p) => store.get({ indicator: "inwoners", area, group: FOREIGN, age: "", period: p }, "aantal"));
  const period = withTotal[withTotal.length - 1] ?? periods[periods.length - 1];
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
  const label = (group: string) => named(group, store.groupNames.label(group, "en"));
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
    name: SHEET_NAME.bevolking,
    title: (d) => say(TITLE.population, { area: d.area, migration: Boolean(d.latest({ indicator: "aandeel", group: MIGRATION }) || d.latest({ indicator: "inwoners", group: MIGRATION })) }),
    lead: (d) => {
      const year = d.latest({ indicator: "inwoners", group: FOREIGN, age: "", unit: "aantal" });
      const count = year ? d.find({ indicator: "inwoners", group: FOREIGN, period: year, unit: "aantal" }) : undefined;
      return say(LEAD.population, {
        area: d.area,
        share: year ? d.figure({ indicator: "aandeel", group: FOREIGN, period: year, unit: "aandeel" }) : null,
        migration: year ? d.figure({ indicator: "aandeel", group: MIGRATION, period: year, unit: "aandeel" }) : null,
        count: count ? d.shown(count) : null,
        day: whenOf(count, year ?? ""),
      });
    },
    blocks: [
      {
        key: "nationaliteit",
        caption: FIXED_CAPTION.inhabitantsByNationality,
        categoryHeader: LABEL.nationality,
        base: { indicator: "inwoners", area: "Leiden", age: "", unit: "aantal" },
        categories: groups("Nederlands", FOREIGN),
        series: periodsIn({ indicator: "inwoners", group: FOREIGN, unit: "aantal", area: "Leiden" }),
        unit: "aantal",
        overTime: true,
        chart: { kind: "columnClustered", categoryAxis: LABEL.nationality, valueAxis: LABEL.inhabitants },
      },
      {
        key: "aandeel",
        caption: FIXED_CAPTION.shareOfInhabitants,
        categoryHeader: LABEL.group,
        base: { indicator: "aandeel", area: "Leiden", age: "", unit: "aandeel" },
        // Not the share with Dutch nationality: the rest of the foreign share, it would press the shares worth reading flat at the bottom of the chart.
        categories: groupsIn({ indicator: "aandeel", area: "Leiden", unit: "aandeel" }, (g) => g !== "Nederlands"),
        series: periodsIn({ indicator: "aandeel", area: "Leiden", unit: "aandeel" }),
        unit: "aandeel",
        overTime: true,
        chart: { kind: "columnClustered", categoryAxis: LABEL.group, valueAxis: LABEL.shareOfInhabitants },
      },
      {
        key: "groei",
        caption: growthSince(FIXED_CAPTION.growth),
        categoryHeader: LABEL.group,
        base: { indicator: "groei", area: "Leiden", age: "", unit: "groei" },
        categories: groupsIn({ indicator: "groei", area: "Leiden", unit: "groei" }, (g) => [FOREIGN, "Nederlands", "inwoners", MIGRATION].includes(g)),
        series: periodsIn({ indicator: "groei", area: "Leiden", unit: "groei" }),
        unit: "groei",
        chart: { kind: "barClustered", categoryAxis: LABEL.group, valueAxis: LABEL.growth },
      },
    ],
  },
  {
    key: "regio",
    name: SHEET_NAME.regio,
    title: (d) => {
      // A comparison only where the table shows the sheet's own municipality beside the others.
      const areas = d.block("gemeenten")?.categories ?? [];
      const compared = areas.some((c) => c.key.area === d.area) ? areas.filter((c) => c.key.area !== d.area) : [];
      const name = (c: Axis): SheetText => (c.key.area === "Regio071" ? LABEL.theRegion : c.key.area === "Nederland" ? LABEL.netherlands : c.label);
      return say(TITLE.region, { area: d.area, compared: compared.map(name) });
    },
    lead: (d) => {
      const year = d.latest({ indicator: "rang", group: FOREIGN, unit: "rang" });
      const nlYear = d.latest({ indicator: "aandeel", group: FOREIGN, area: "Nederland", unit: "aandeel" });
      return say(LEAD.region, {
        area: d.area,
        year,
        rank: year ? d.figure({ indicator: "rang", group: FOREIGN, period: year, unit: "rang" }) : null,
        rankMigration: year ? d.figure({ indicator: "rang", group: MIGRATION, period: year, unit: "rang" }) : null,
        average: nlYear ? d.figure({ indicator: "aandeel", group: FOREIGN, area: "Nederland", period: nlYear, unit: "aandeel" }) : null,
      });
    },
    blocks: [
      {
        key: "rang",
        caption: FIXED_CAPTION.rank,
        categoryHeader: LABEL.year,
        base: { indicator: "rang", area: "Leiden", age: "", unit: "rang" },
        categories: periodsIn({ indicator: "rang", area: "Leiden", unit: "rang" }),
        series: groups(FOREIGN, MIGRATION),
        unit: "rang",
        chart: { kind: "line", categoryAxis: LABEL.year, valueAxis: LABEL.rank },
      },
      (store) => {
        // The comparison is of one year: the latest in which an area besides Leiden has a share,
        // and only where Leiden's own share is there to compare or the report compares it.
        const period = latestPeriod(store, { indicator: "aandeel", unit: "aandeel", age: "" }, (o) => o.gebied !== "Leiden");
        if (!period || !store.figuresOf("aandeel", "Leiden").some((o) => o.indicator === "aandeel" && o.gebied === "Leiden")) return null;
        return {
          key: "gemeenten",
          caption: (facts) => say(CAPTION.sharesByArea, { period, areas: facts.categories.map((c) => c.label) }),
          categoryHeader: LABEL.area,
          base: { indicator: "aandeel", age: "", period, unit: "aandeel" },
          categories: areasIn({ indicator: "aandeel", period, unit: "aandeel" }),
          series: groups(FOREIGN, MIGRATION),
          unit: "aandeel",
          chart: { kind: "barClustered", categoryAxis: LABEL.area, valueAxis: LABEL.shareOfInhabitants },
        };
      },
    ],
  },
  {
    key: "vestiging",
    name: SHEET_NAME.vestiging,
    title: (d) => say(TITLE.settlement, { area: d.area }),
    lead: (d) => {
      const settled = d.store.series("vestiging", d.area, FOREIGN, "", "aantal");
      const left = new Map(d.store.series("vertrek", d.area, FOREIGN, "", "aantal").map((o) => [o.periode, o]));
      const years = settled.filter((o) => left.has(o.periode));
      const last = years[years.length - 1];
      if (!last) return say(LEAD.settlement, { area: d.area, final: null });
      const exceptions = years.filter((o) => o.waarde <= (left.get(o.periode) as Observation).waarde).map((o) => o.periode);
      const final = last.periode;
      const trend: SettlementTrend =
        years.length < 3
          ? null
          : exceptions.length === 0
            ? { kind: "every" }
            : exceptions.length * 3 <= years.length && !exceptions.includes(final)
              ? { kind: "except", years: exceptions }
              : { kind: "count", more: years.length - exceptions.length, of: years.length };
      return say(LEAD.settlement, { area: d.area, first: years[0].periode, final, trend, settled: d.shown(last), left: d.shown(left.get(final) as Observation) });
    },
    blocks: [
      {
        key: "per_jaar",
        caption: FIXED_CAPTION.settlingPerYear,
        categoryHeader: LABEL.year,
        base: { ...BRP_FOREIGN, unit: "aantal" },
        categories: periodsIn({ indicator: "vestiging", ...BRP_FOREIGN, unit: "aantal" }),
        series: [
          { label: LABEL.settled, key: { indicator: "vestiging" } },
          { label: LABEL.departed, key: { indicator: "vertrek" } },
        ],
        unit: "aantal",
        chart: { kind: "line", categoryAxis: LABEL.year, valueAxis: LABEL.internationals },
      },
      {
        key: "leeftijd",
        caption: withPeriod(FIXED_CAPTION.settlingByAge),
        categoryHeader: LABEL.age,
        base: atLatest({ indicator: "vestiging", group: FOREIGN, area: "Leiden", unit: "aandeel" }),
        categories: ages("0-17", "40-54"),
        series: [{ label: LABEL.share, key: {} }],
        unit: "aandeel",
      },
    ],
  },
  {
    key: "woonduur",
    name: SHEET_NAME.woonduur,
    title: (d) => say(TITLE.lengthOfResidence, { area: d.area }),
    lead: (d) => {
      const year = d.latest({ indicator: "woonduur", group: "korter dan 1 jaar", unit: "aandeel" });
      const short = year ? d.find({ indicator: "woonduur", group: "korter dan 1 jaar", period: year, unit: "aandeel" }) : undefined;
      const middle = year ? d.find({ indicator: "woonduur", group: "1 tot 3 jaar", period: year, unit: "aandeel" }) : undefined;
      return say(LEAD.lengthOfResidence, { area: d.area, underThree: short && middle ? short.waarde + middle.waarde : null, short: short ? d.shown(short) : null, day: whenOf(short, year ?? "") });
    },
    blocks: [
      {
        key: "woonduur",
        caption: (facts) => say(CAPTION.lengthOfResidence, dayOfBlock(facts)),
        categoryHeader: LABEL.lengthOfResidence,
        base: atLatest({ indicator: "woonduur", area: "Leiden", age: "", unit: "aandeel" }),
        categories: groups("korter dan 1 jaar", "1 tot 3 jaar", "langer dan 3 jaar"),
        series: [{ label: LABEL.share, key: {} }],
        unit: "aandeel",
        chart: { kind: "pie" },
      },
    ],
  },
  {
    key: "repats",
    name: SHEET_NAME.repats,
    title: TITLE.repats,
    lead: (d) => {
      const series = d.store.series("repats", d.area, "Nederlands", "", "aantal");
      const last = series[series.length - 1];
      const recent = series.slice(-3).map((o) => o.waarde);
      const falling = recent.length === 3 && recent[0] > recent[1] && recent[1] > recent[2];
      const rising = recent.length === 3 && recent[0] < recent[1] && recent[1] < recent[2];
      // The 2022 report says the number has been falling for years; only its last year survived in the text.
      const byReport = !rising && !falling && series.length < 3 && reportSays(d, "repatsFalling");
      const trend = rising ? "rising" : falling || byReport ? "falling" : null;
      return say(LEAD.repats, {
        area: d.area,
        trend,
        // A trend the figures do not show is the report's claim, and said as such.
        byReport,
        period: last?.periode ?? null,
        count: last ? d.shown(last) : null,
        children: last ? d.figure({ indicator: "repats", group: "Nederlands", age: "0-17", period: last.periode, unit: "aandeel" }) : null,
      });
    },
    blocks: [
      {
        key: "per_jaar",
        caption: FIXED_CAPTION.repatsPerYear,
        categoryHeader: LABEL.year,
        base: { indicator: "repats", group: "Nederlands", area: "Leiden", age: "", unit: "aantal" },
        categories: periodsIn({ indicator: "repats", group: "Nederlands", area: "Leiden", age: "", unit: "aantal" }),
        series: [{ label: LABEL.repats, key: {} }],
        unit: "aantal",
        chart: { kind: "line", categoryAxis: LABEL.year, valueAxis: LABEL.repats },
      },
      {
        key: "leeftijd",
        caption: withPeriod(FIXED_CAPTION.repatsByAge),
        categoryHeader: LABEL.age,
        base: atLatest({ area: "Leiden", unit: "aandeel" }, { indicator: "repats", group: "Nederlands", area: "Leiden", unit: "aandeel" }),
        categories: ages("0-17", "40-54"),
        series: [
          { label: LABEL.repats, key: { indicator: "repats", group: "Nederlands" } },
          { label: LABEL.internationalsSettling, key: { indicator: "vestiging", group: FOREIGN } },
        ],
        unit: "aandeel",
        chart: { kind: "columnClustered", categoryAxis: LABEL.age, valueAxis: LABEL.share },
      },
    ],
  },
  {
    key: "kinderen",
    name: SHEET_NAME.kinderen,
    title: TITLE.children,
    lead: (d) => {
      const year = d.latest({ indicator: "kinderen", group: FOREIGN, age: "0-17", unit: "aantal" });
      const total = year ? d.find({ indicator: "kinderen", group: FOREIGN, age: "0-17", period: year, unit: "aantal" }) : undefined;
      return say(LEAD.children, { area: d.area, total: total ? d.shown(total) : null, day: whenOf(total, year ?? ""), reportNamesSyrian: reportSays(d, "childrenSyrian") });
    },
    blocks: [
      {
        key: "leeftijd",
        caption: withPeriod(FIXED_CAPTION.childrenByAge),
        categoryHeader: LABEL.age,
        base: atLatest({ indicator: "kinderen", group: FOREIGN, area: "Leiden", unit: "aantal" }),
        categories: ages("0-3", "4-11", "12-17"),
        series: [{ label: LABEL.children, key: {} }],
        unit: "aantal",
        chart: { kind: "doughnut" },
      },
      (store) => {
        const period = latestPeriod(store, { indicator: "kinderen", group: FOREIGN, age: "12-17", unit: "aantal" }, (o) => o.gebied !== "Leiden");
        if (!period) return null;
        return {
          key: "buurt",
          caption: say(CAPTION.childrenByNeighbourhood, { period }),
          categoryHeader: LABEL.neighbourhood,
          base: { indicator: "kinderen", group: FOREIGN, age: "12-17", period, unit: "aantal" },
          categories: areasIn({ indicator: "kinderen", group: FOREIGN, age: "12-17", period, unit: "aantal" }, (a) => a !== "Leiden"),
          series: [{ label: LABEL.children1217, key: {} }],
          unit: "aantal",
          chart: { kind: "barClustered", categoryAxis: LABEL.neighbourhood, valueAxis: LABEL.children },
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
          caption: say(CAPTION.mostCommonByAge, { period }),
          categoryHeader: LABEL.ageNationality,
          base: where,
          categories: largestGroupPerAge(where, ["0-3", "4-11", "12-17"], (g) => g !== "Overig" && (NATIONALITIES.includes(g) || store.ranking(period, "Leiden").some((r) => r.group === g))),
          series: [{ label: LABEL.children, key: {} }],
          unit: "aantal",
          chart: { kind: "columnClustered", categoryAxis: LABEL.age, valueAxis: LABEL.children },
        };
      },
    ],
  },
  {
    key: "nationaliteiten",
    name: SHEET_NAME.nationaliteiten,
    title: (d) => say(TITLE.nationalities, { shown: (d.block("aantal")?.categories ?? []).filter((c) => c.key.group !== "Overig").length }),
    lead: (d) => {
      // The most common nationality is the one the table shows first, with its count.
      const top = d.block("aantal")?.cells[0]?.[0];
      // The growth of all foreign nationalities as the growth table shows it (its latest span), never one the sheet does not show.
      const growthBlock = d.block("groei");
      const allRow = growthBlock?.categories.findIndex((c) => c.key.group === FOREIGN) ?? -1;
      const growth = allRow < 0 ? undefined : [...(growthBlock?.cells[allRow] ?? [])].reverse().find(Boolean);
      const span = growth && spanWords(growth.periode);
      return say(LEAD.nationalities, {
        area: d.area,
        top: top ? { nl: top.groep, en: englishNationality(top.groep), count: d.shown(top), day: whenOf(top, top.periode) } : null,
        growth: growth && span ? { value: growth.waarde, decimals: d.shown(growth).decimals, ...span } : null,
      });
    },
    blocks: [
      (store) => {
        const top = largestNationalities(store, "Leiden");
        if (!top) return null;
        return {
          key: "aantal",
          caption: say(CAPTION.foreignInhabitants, { period: top.period }),
          categoryHeader: LABEL.nationality,
          base: { indicator: "inwoners", area: "Leiden", age: "", period: top.period, unit: "aantal" },
          categories: nationalityRows(store, "Leiden"),
          series: [{ label: LABEL.inhabitants, key: {} }],
          unit: "aantal",
          chart: { kind: "barClustered", categoryAxis: LABEL.nationality, valueAxis: LABEL.inhabitants },
          note: (facts) => {
            const overig = facts.cells[facts.categories.findIndex((c) => c.key.group === "Overig")]?.[0];
            if (!overig || overig.status !== "afgeleid" || overig.toelichting.indexOf("grootste nationaliteiten") < 0) return null;
            return say(NOTE.otherComputed, { shown: facts.categories.length - 1 });
          },
        };
      },
      (store) => {
        // Growth of all foreign nationalities (the lead quotes it), then of the nationalities the
        // table shows, in its order: at most eleven bars, each labelled.
        const top = largestNationalities(store, "Leiden");
        return {
          key: "groei",
          caption: growthSince(FIXED_CAPTION.growthByNationality),
          categoryHeader: LABEL.nationality,
          base: { indicator: "groei", area: "Leiden", age: "", unit: "groei" },
          categories: [{ label: LABEL.allForeignNationalities, key: { group: FOREIGN } }, ...groups(...(top?.groups ?? []))(store)],
          series: periodsIn({ indicator: "groei", area: "Leiden", unit: "groei" }),
          unit: "groei",
          chart: { kind: "barClustered", categoryAxis: LABEL.nationality, valueAxis: LABEL.growth },
        };
      },
    ],
  },
  {
    key: "expat-centre",
    name: SHEET_NAME.expatCentre,
    title: TITLE.expatCentre,
    lead: (d) => {
      const series = d.store.series("expat-inschrijvingen", d.area, FOREIGN, "", "aantal");
      const [before, last] = [series[series.length - 2], series[series.length - 1]];
      if (!last) return say(LEAD.expatCentre, null);
      return say(LEAD.expatCentre, {
        period: last.periode,
        count: d.shown(last),
        before: before ? { period: before.periode, count: d.shown(before) } : null,
        // The 2022 report compares 2021 with the pandemic year, whose figure its text does not give.
        pandemic: reportSays(d, "expatPandemic") && last.periode === "2021",
      });
    },
    blocks: [
      {
        key: "per_jaar",
        caption: FIXED_CAPTION.expatPerYear,
        categoryHeader: LABEL.year,
        base: { indicator: "expat-inschrijvingen", ...BRP_FOREIGN, unit: "aantal" },
        categories: periodsIn({ indicator: "expat-inschrijvingen", ...BRP_FOREIGN, unit: "aantal" }),
        series: [{ label: LABEL.registrations, key: {} }],
        unit: "aantal",
        chart: { kind: "columnClustered", categoryAxis: LABEL.year, valueAxis: LABEL.registrations },
      },
    ],
  },
  {
    key: "werknemers",
    name: SHEET_NAME.werknemers,
    title: TITLE.workers,
    lead: (d) => {
      const series = d.store.series("werknemers-werkend", d.area, "internationale werknemers", "", "aantal");
      const [first, last] = [series[0], series[series.length - 1]];
      if (!first || first === last) return say(LEAD.workers, { area: d.area, first: null });
      const change = (group: string) => {
        const [a, b] = [first.periode, last.periode].map((period) => d.find({ indicator: "werknemers-werkend", group, period, unit: "aantal" }));
        return a && b ? b.waarde - a.waarde : null;
      };
      const [labour, knowledge] = [change("arbeidsmigranten"), change("kenniswerkers")];
      const rose = last.waarde > first.waarde;
      const mostly = labour !== null && knowledge !== null && rose && Math.max(labour, knowledge) > 0 && labour !== knowledge ? (labour > knowledge ? "labour" : "knowledge") : null;
      return say(LEAD.workers, {
        area: d.area,
        first: { period: first.periode, count: d.shown(first) },
        last: { period: last.periode, count: d.shown(last) },
        growth: d.figure({ indicator: "werknemers-werkend", group: "internationale werknemers", period: `${first.periode}-${last.periode}`, unit: "groei" }),
        mostly,
      });
    },
    blocks: [
      {
        key: "werkend",
        caption: FIXED_CAPTION.workersInLeiden,
        categoryHeader: LABEL.year,
        base: { indicator: "werknemers-werkend", area: "Leiden", age: "", unit: "aantal" },
        categories: periodsIn({ indicator: "werknemers-werkend", area: "Leiden", unit: "aantal" }),
        series: groups("arbeidsmigranten", "kenniswerkers", "internationale werknemers"),
        unit: "aantal",
        chart: { kind: "columnClustered", categoryAxis: LABEL.year, valueAxis: LABEL.workers },
      },
      {
        key: "groei",
        caption: (facts) => say(CAPTION.growthOver, { period: facts.periods.length === 1 ? facts.periods[0] : null }),
        categoryHeader: LABEL.group,
        base: atLatest({ age: "", unit: "groei" }, { indicator: "werknemers-werkend", area: "Leiden", unit: "groei" }),
        categories: groups("arbeidsmigranten", "kenniswerkers", "internationale werknemers"),
        series: [
          { label: LABEL.livingInLeiden, key: { indicator: "werknemers-wonend", area: "Leiden" } },
          { label: LABEL.livingInRegion, key: { indicator: "werknemers-wonend", area: "Regio071" } },
          { label: LABEL.workingInLeiden, key: { indicator: "werknemers-werkend", area: "Leiden" } },
        ],
        unit: "groei",
        chart: { kind: "columnClustered", categoryAxis: LABEL.group, valueAxis: LABEL.growth },
      },
      {
        key: "kinderen",
        caption: withPeriod(FIXED_CAPTION.workersChildren),
        categoryHeader: LABEL.parent,
        base: atLatest({ indicator: "kinderen-werknemers", area: "Leiden", age: "", unit: "aantal" }),
        categories: groups("arbeidsmigranten", "kenniswerkers"),
        series: [{ label: LABEL.children, key: {} }],
        unit: "aantal",
        chart: { kind: "pie" },
      },
      {
        key: "sectoren",
        caption: (facts) => say(CAPTION.sectors, { shown: facts.cells.filter((row) => row[0]).length, period: facts.periods.length === 1 ? facts.periods[0] : null }),
        categoryHeader: LABEL.sector,
        base: atLatest({ area: "Leiden", age: "", unit: "aandeel" }, { indicator: "sectoren-kenniswerkers", area: "Leiden", unit: "aandeel" }),
        categories: groups("onderwijs", "uitzendbureaus en detachering", "zakelijke dienstverlening"),
        series: [
          { label: LABEL.knowledgeWorkers, key: { indicator: "sectoren-kenniswerkers" } },
          { label: LABEL.labourMigrants, key: { indicator: "sectoren-arbeidsmigranten" } },
        ],
        unit: "aandeel",
        chart: { kind: "barClustered", categoryAxis: LABEL.sector, valueAxis: LABEL.share },
      },
      (store) => {
        const period = latestPeriod(store, { indicator: "loongrens", group: "kenniswerkers", area: "Nederland", unit: "euro" });
        if (!period) return null;
        const part = store.get({ indicator: "loongrens", area: "Nederland", group: "kenniswerkers", age: "", period }, "aandeel");
        return {
          key: "loongrens",
          caption: say(CAPTION.salaryThreshold, { part: part ? figureOf(part) : null, period }),
          categoryHeader: LABEL.age,
          base: { indicator: "loongrens", group: "kenniswerkers", area: "Nederland", period, unit: "euro" },
          categories: [
            { label: LABEL.under30, key: { age: "<30" } },
            { label: LABEL.from30, key: { age: "30+" } },
          ],
          series: [{ label: LABEL.grossSalary, key: {} }],
          unit: "euro",
        };
      },
    ],
  },
  {
    key: "statushouders",
    name: SHEET_NAME.statushouders,
    title: TITLE.statusHolders,
    lead: (d) => {
      const year = d.latest({ indicator: "statushouders", group: "statushouders", unit: "aantal" });
      const count = year ? d.find({ indicator: "statushouders", group: "statushouders", period: year, unit: "aantal" }) : undefined;
      // The 2022 report names Syria as the largest group, a figure its text does not give.
      return say(LEAD.statusHolders, { area: d.area, count: count ? d.shown(count) : null, day: whenOf(count, year ?? ""), syria: reportSays(d, "statusHoldersSyria") && year === "2022" });
    },
    blocks: [
      {
        // The count the lead quotes, in a table of its own: every figure the data holds for the sheet is on it.
        key: "aantal",
        caption: (facts) => say(CAPTION.statusHoldersCount, facts.periods.length === 1 ? dayOfBlock(facts) : { day: null, periods: facts.periods }),
        categoryHeader: LABEL.year,
        base: { indicator: "statushouders", group: "statushouders", area: "Leiden", age: "", unit: "aantal" },
        categories: periodsIn({ indicator: "statushouders", group: "statushouders", area: "Leiden", unit: "aantal" }),
        series: [{ label: LABEL.statusHolders, key: {} }],
        unit: "aantal",
        chart: { kind: "columnClustered", categoryAxis: LABEL.year, valueAxis: LABEL.statusHolders },
      },
      {
        key: "geslacht",
        caption: (facts) => say(CAPTION.statusHoldersBySex, dayOfBlock(facts)),
        categoryHeader: LABEL.sex,
        base: atLatest({ indicator: "statushouders", area: "Leiden", age: "", unit: "aandeel" }),
        categories: groups("man", "vrouw"),
        series: [{ label: LABEL.share, key: {} }],
        unit: "aandeel",
        chart: { kind: "doughnut" },
      },
    ],
  },
  {
    key: "studenten",
    name: SHEET_NAME.studenten,
    title: TITLE.students,
    lead: (d) => {
      const year = d.latest({ indicator: "studenten", group: "universiteit", unit: "aandeel" });
      const share = year ? d.figure({ indicator: "studenten", group: "universiteit", period: year, unit: "aandeel" }) : null;
      if (!year || !share) return say(LEAD.students, null);
      return say(LEAD.students, { period: year, share, average: d.figure({ indicator: "studenten", group: "universiteit", area: "Nederland", period: year, unit: "aandeel" }) });
    },
    blocks: [
      {
        key: "aandeel",
        caption: withPeriod(FIXED_CAPTION.studentsShare),
        categoryHeader: LABEL.education,
        base: atLatest({ indicator: "studenten", age: "", unit: "aandeel" }, { indicator: "studenten", group: "universiteit", area: "Nederland", unit: "aandeel" }),
        categories: groups("universiteit", "hbo"),
        series: [
          { label: LABEL.leiden, key: { area: "Leiden" } },
          { label: LABEL.netherlands, key: { area: "Nederland" } },
        ],
        unit: "aandeel",
        chart: { kind: "columnClustered", categoryAxis: LABEL.education, valueAxis: LABEL.shareOfInternationalStudents },
      },
      {
        key: "herkomst",
        caption: withPeriod(FIXED_CAPTION.studentsOrigin),
        categoryHeader: LABEL.origin,
        base: atLatest({ indicator: "studenten", area: "Leiden", age: "", unit: "aantal" }, { indicator: "studenten", group: "EU", area: "Leiden", unit: "aantal" }),
        categories: groups("EU", "niet-EU"),
        series: [{ label: LABEL.students, key: {} }],
        unit: "aantal",
        chart: { kind: "doughnut" },
      },
      {
        key: "universiteit",
        caption: FIXED_CAPTION.studentsUniversity,
        categoryHeader: LABEL.studyYear,
        base: { indicator: "studenten", group: "universiteit", area: "Leiden", age: "", unit: "aandeel" },
        categories: periodsIn({ indicator: "studenten", group: "universiteit", area: "Leiden", unit: "aandeel" }),
        series: [{ label: LABEL.share, key: {} }],
        unit: "aandeel",
        // The axis names the years as the table's header does: study years (2021/2022), not calendar years.
        chart: { kind: "columnClustered", categoryAxis: LABEL.studyYear, valueAxis: LABEL.share },
      },
      {
        key: "rang",
        caption: withPeriod(FIXED_CAPTION.studentsRank),
        categoryHeader: LABEL.measuredBy,
        base: atLatest({ group: "universiteit", area: "Leiden", age: "", unit: "rang" }, { indicator: "studenten-rang-aantal", area: "Leiden", unit: "rang" }),
        categories: [
          { label: LABEL.numberOfStudents, key: { indicator: "studenten-rang-aantal" } },
          { label: LABEL.shareOfStudents, key: { indicator: "studenten-rang-aandeel" } },
        ],
        series: [{ label: LABEL.rank, key: {} }],
        unit: "rang",
      },
    ],
  },
];
