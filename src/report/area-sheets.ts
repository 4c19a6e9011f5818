import { normalise } from "../data/normalise";
import { comparePeriods } from "../data/periods";
import { MonitorStore } from "../data/store";
import { AREAS } from "../data/vocabulary";
import { Axis, SheetSpec, t } from "./spec-types";

/**
 * Population sheets for any municipality whose figures were pulled (from CBS StatLine): its
 * inhabitants by nationality over the years, the share with a foreign nationality, its rank among
 * Dutch municipalities, growth, and its largest nationalities. Built from the data alone, so a
 * sheet or block the data does not support is simply not there.
 */
const FOREIGN = "buitenlandse nationaliteit";
/** CBS's herkomst since 2022 (table 85458NED): what the 2022 report calls a migration background. */
const ORIGIN_OTHER = "herkomst buiten Nederland";
const ORIGIN_DUTCH = "herkomst Nederland";
const TOTALS = new Set(["inwoners", "Nederlands", FOREIGN, "migratieachtergrond", "Nederlands met migratieachtergrond", ORIGIN_DUTCH, ORIGIN_OTHER]);
const HERKOMST_NOTE = t(
  "Herkomst: sinds 2022 publiceert CBS herkomst in plaats van migratieachtergrond; een herkomst buiten Nederland is wat het rapport van 2022 een migratieachtergrond noemt, maar de definitie veranderde, dus vergelijk niet zonder meer met cijfers van vóór 2022.",
  "Origin: since 2022 CBS publishes origin (herkomst) instead of migration background; an origin outside the Netherlands is what the 2022 report calls a migration background, but the definition changed, so do not compare directly with figures from before 2022.",
);

/** The two measures side by side: nationality, and herkomst since 2022. */
const FOREIGN_SERIES: Axis = { label: t("Buitenlandse nationaliteit", "Foreign nationality"), key: { group: FOREIGN } };
const ORIGIN_SERIES: Axis = { label: t("Herkomst buiten Nederland", "Origin outside the Netherlands"), key: { group: ORIGIN_OTHER } };

/** Excel's 31 characters: the full prefix where it fits, else its short form, else the name cut at a word. */
export function areaSheetName(prefix: string, short: string, area: string): string {
  for (const candidate of [`${prefix} ${area}`, `${short} ${area}`]) if (candidate.length <= 31) return candidate;
  const cut = `${short} ${area}`.slice(0, 32);
  const space = cut.lastIndexOf(" ");
  return space > short.length ? cut.slice(0, space) : cut.slice(0, 31);
}

/** Municipalities with counts by nationality pulled from CBS, besides Leiden (which has the report's own sheets). */
export function pulledAreas(store: MonitorStore): string[] {
  const fixed = new Set(AREAS.map((a) => a.nl));
  const areas = new Set<string>();
  for (const o of store.observations) if (o.indicator === "inwoners" && o.eenheid === "aantal" && o.groep === FOREIGN && o.leeftijd === "" && o.bron === "CBS" && !fixed.has(o.gebied)) areas.add(o.gebied);
  return [...areas].sort((a, b) => a.localeCompare(b, "nl"));
}

/** A sheet key for an area: stable, and the same however the name is typed. */
export const areaKey = (area: string, part: string) => `gebied-${normalise(area).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}-${part}`;

/** The periods of one or more groups' series, in order. */
const periodsOf = (store: MonitorStore, area: string, indicator: string, unit: "aantal" | "aandeel" | "rang" | "groei", ...groups: string[]): Axis[] => {
  const periods = new Set((groups.length ? groups : [FOREIGN]).flatMap((group) => store.series(indicator, area, group, "", unit).map((o) => o.periode)));
  return [...periods].sort(comparePeriods).map((period) => ({ label: t(period, period), key: { period } }));
};
const hasSeries = (store: MonitorStore, area: string, indicator: string, unit: "aantal" | "aandeel" | "rang", group: string) => store.series(indicator, area, group, "", unit).length > 0;

function latestCount(store: MonitorStore, area: string): string | null {
  const series = store.series("inwoners", area, FOREIGN, "", "aantal");
  return series.length ? series[series.length - 1].periode : null;
}

/** The largest nationalities in the latest year, largest first. */
function largestNationalities(store: MonitorStore, area: string, period: string, n: number): Axis[] {
  return store.observations
    .filter((o) => o.indicator === "inwoners" && o.eenheid === "aantal" && o.gebied === area && o.periode === period && o.leeftijd === "" && !TOTALS.has(o.groep))
    .sort((a, b) => b.waarde - a.waarde || a.groep.localeCompare(b.groep))
    .slice(0, n)
    .map((o) => ({ label: t(o.groep, store.groupNames.label(o.groep, "en")), key: { group: o.groep } }));
}

function growthGroups(store: MonitorStore, area: string, nationalities: boolean): Axis[] {
  const groups = new Set<string>();
  for (const o of store.observations) if (o.indicator === "groei" && o.gebied === area && o.eenheid === "groei" && TOTALS.has(o.groep) !== nationalities) groups.add(o.groep);
  return [...groups].map((group) => ({ label: t(group, store.groupNames.label(group, "en")), key: { group } }));
}

export function areaSheets(store: MonitorStore, area: string): SheetSpec[] {
  const latest = latestCount(store, area);
  if (!latest) return [];
  const growthPeriods = [...new Set(store.observations.filter((o) => o.indicator === "groei" && o.gebied === area).map((o) => o.periode))].sort(comparePeriods);
  const base = { area, age: "" };
  return [
    {
      key: areaKey(area, "bevolking"),
      name: t(areaSheetName("Bevolking", "Bev.", area), areaSheetName("Population", "Pop.", area)),
      title: t(`Nationaliteit in ${area}`, `Nationality in ${area}`),
      lead: (f, lang) => {
        const share = f({ indicator: "aandeel", group: FOREIGN, period: latest, area });
        const count = f({ indicator: "inwoners", group: FOREIGN, period: latest, area });
        const rank = f({ indicator: "rang", group: FOREIGN, period: latest, area });
        const origin = f({ indicator: "aandeel", group: ORIGIN_OTHER, period: latest, area });
        const originRank = f({ indicator: "rang", group: ORIGIN_OTHER, period: latest, area });
        const day = lang === "nl" ? `1 januari ${latest}` : `1 January ${latest}`;
        const nl = [
          count && `Op ${day} hebben ${count} inwoners van ${area} een buitenlandse nationaliteit${share ? ` (${share})` : ""}.`,
          rank && `${area} staat daarmee op plek ${rank} van de Nederlandse gemeenten.`,
          origin && `${origin} heeft een herkomst buiten Nederland (wat het rapport van 2022 een migratieachtergrond noemt; de definitie veranderde in 2022)${originRank ? `: plek ${originRank}` : ""}.`,
        ];
        const en = [
          count && `On ${day}, ${count} inhabitants of ${area} have a foreign nationality${share ? ` (${share})` : ""}.`,
          rank && `That puts ${area} in place ${rank} among Dutch municipalities.`,
          origin && `${origin} have an origin outside the Netherlands (what the 2022 report calls a migration background; the definition changed in 2022)${originRank ? `: place ${originRank}` : ""}.`,
        ];
        return (lang === "nl" ? nl : en).filter(Boolean).join(" ") || (lang === "nl" ? `Inwoners van ${area} naar nationaliteit.` : `Inhabitants of ${area} by nationality.`);
      },
      blocks: [
        {
          key: "aantal",
          caption: t(`Inwoners naar nationaliteit, ${area}`, `Inhabitants by nationality, ${area}`),
          categoryHeader: t("Jaar", "Year"),
          base: { ...base, indicator: "inwoners", unit: "aantal" },
          categories: periodsOf(store, area, "inwoners", "aantal"),
          series: [
            { label: t("Nederlands", "Dutch"), key: { group: "Nederlands" } },
            FOREIGN_SERIES,
          ],
          unit: "aantal",
          chart: { kind: "line", categoryAxis: t("Jaar", "Year"), valueAxis: t("Inwoners", "Inhabitants") },
        },
        {
          key: "aandeel",
          caption: t(`Aandeel inwoners met een buitenlandse nationaliteit en met een herkomst buiten Nederland, ${area}`, `Share of inhabitants with a foreign nationality and with an origin outside the Netherlands, ${area}`),
          categoryHeader: t("Jaar", "Year"),
          base: { ...base, indicator: "aandeel", unit: "aandeel" },
          categories: periodsOf(store, area, "aandeel", "aandeel", FOREIGN, ORIGIN_OTHER),
          series: [
            FOREIGN_SERIES,
            ...(hasSeries(store, area, "aandeel", "aandeel", ORIGIN_OTHER) ? [ORIGIN_SERIES] : []),
          ],
          unit: "aandeel",
          chart: { kind: "line", categoryAxis: t("Jaar", "Year"), valueAxis: t("Aandeel van de inwoners", "Share of inhabitants") },
        },
        {
          key: "herkomst",
          caption: t(`Inwoners naar herkomst (CBS, sinds 2022), ${area}`, `Inhabitants by origin (CBS, since 2022), ${area}`),
          categoryHeader: t("Jaar", "Year"),
          base: { ...base, indicator: "inwoners", unit: "aantal" },
          categories: periodsOf(store, area, "inwoners", "aantal", ORIGIN_DUTCH, ORIGIN_OTHER),
          series: [
            { label: t("Herkomst Nederland", "Dutch origin"), key: { group: ORIGIN_DUTCH } },
            ORIGIN_SERIES,
          ],
          unit: "aantal",
          chart: { kind: "columnClustered", categoryAxis: t("Jaar", "Year"), valueAxis: t("Inwoners", "Inhabitants") },
        },
        {
          key: "rang",
          caption: t(`Plek onder de Nederlandse gemeenten naar aandeel buitenlandse nationaliteit en herkomst buiten Nederland, ${area}`, `Rank among Dutch municipalities by share of foreign nationality and of origin outside the Netherlands, ${area}`),
          categoryHeader: t("Jaar", "Year"),
          base: { ...base, indicator: "rang", unit: "rang" },
          categories: periodsOf(store, area, "rang", "rang", FOREIGN, ORIGIN_OTHER),
          series: [
            FOREIGN_SERIES,
            ...(hasSeries(store, area, "rang", "rang", ORIGIN_OTHER) ? [ORIGIN_SERIES] : []),
          ],
          unit: "rang",
          chart: { kind: "columnClustered", categoryAxis: t("Jaar", "Year"), valueAxis: t("Plek", "Rank") },
        },
        {
          key: "groei",
          caption: t(`Groei, ${area}`, `Growth, ${area}`),
          categoryHeader: t("Groep", "Group"),
          base: { ...base, indicator: "groei", unit: "groei" },
          categories: growthGroups(store, area, false),
          series: growthPeriods.map((period) => ({ label: t(period, period), key: { period } })),
          unit: "groei",
          chart: { kind: "barClustered", categoryAxis: t("Groep", "Group"), valueAxis: t("Groei", "Growth") },
        },
      ],
    },
    {
      key: areaKey(area, "nationaliteiten"),
      name: t(areaSheetName("Nationaliteiten", "Nat.", area), areaSheetName("Nationalities", "Nat.", area)),
      title: t(`Nationaliteiten in ${area}`, `Nationalities in ${area}`),
      lead: (_f, lang) => (lang === "nl" ? `De grootste nationaliteiten in ${area} op 1 januari ${latest}, en hun groei.` : `The largest nationalities in ${area} on 1 January ${latest}, and their growth.`),
      blocks: [
        {
          key: "grootste",
          caption: t(`Grootste nationaliteiten, ${area}, ${latest}`, `Largest nationalities, ${area}, ${latest}`),
          categoryHeader: t("Nationaliteit", "Nationality"),
          base: { ...base, indicator: "inwoners", period: latest, unit: "aantal" },
          categories: largestNationalities(store, area, latest, 10),
          series: [{ label: t("Inwoners", "Inhabitants"), key: {} }],
          unit: "aantal",
          chart: { kind: "barClustered", categoryAxis: t("Nationaliteit", "Nationality"), valueAxis: t("Inwoners", "Inhabitants") },
        },
        {
          key: "groei",
          caption: t(`Groei per nationaliteit, ${area}`, `Growth by nationality, ${area}`),
          categoryHeader: t("Nationaliteit", "Nationality"),
          base: { ...base, indicator: "groei", unit: "groei" },
          categories: growthGroups(store, area, true),
          series: growthPeriods.map((period) => ({ label: t(period, period), key: { period } })),
          unit: "groei",
          chart: { kind: "barClustered", categoryAxis: t("Nationaliteit", "Nationality"), valueAxis: t("Groei", "Growth") },
        },
      ],
    },
  ];
}

/** The areas compared: Leiden when its figures were pulled from CBS too, every municipality with shares, then Nederland. */
function comparedAreas(store: MonitorStore, areas: string[]): string[] {
  const leidenPulled = store.observations.some((o) => o.gebied === "Leiden" && o.indicator === "aandeel" && o.bron === "CBS" && o.status === "afgeleid");
  const withShares = [...(leidenPulled && !areas.includes("Leiden") ? ["Leiden"] : []), ...areas].filter((area) => hasSeries(store, area, "aandeel", "aandeel", FOREIGN));
  return withShares.length && hasSeries(store, "Nederland", "aandeel", "aandeel", FOREIGN) ? [...withShares, "Nederland"] : withShares;
}

/** The newest year in which every compared area has the share of foreign nationality. */
function commonLatest(store: MonitorStore, areas: string[]): string | null {
  const [first, ...rest] = areas.map((area) => new Set(store.series("aandeel", area, FOREIGN, "", "aandeel").map((o) => o.periode)));
  const common = [...(first ?? [])].filter((period) => rest.every((set) => set.has(period))).sort(comparePeriods);
  return common.length ? common[common.length - 1] : null;
}

/**
 * The chosen municipalities side by side and beside Nederland (the report compares Leiden with
 * its region): both shares in the newest year they all have, each municipality's two ranks, and
 * the share of foreign nationality over the years. Only with figures pulled from CBS.
 */
export function comparisonSheet(store: MonitorStore, areas: string[] = pulledAreas(store)): SheetSpec[] {
  const compared = comparedAreas(store, areas);
  const latest = commonLatest(store, compared);
  if (compared.length < 2 || !latest) return [];
  const municipalities = compared.filter((area) => area !== "Nederland");
  const byArea = (list: string[]): Axis[] => list.map((area) => ({ label: t(area, area === "Nederland" ? "the Netherlands" : area), key: { area } }));
  const names = municipalities.join(", ");
  return [
    {
      key: "gebied-vergelijking",
      name: t("Vergelijking gemeenten", "Comparison"),
      title: t(`${names} vergeleken met Nederland`, `${names} compared with the Netherlands`),
      lead: (_f, lang) =>
        `${lang === "nl" ? `Aandeel inwoners met een buitenlandse nationaliteit en met een herkomst buiten Nederland op 1 januari ${latest}, en de plek onder alle Nederlandse gemeenten.` : `Share of inhabitants with a foreign nationality and with an origin outside the Netherlands on 1 January ${latest}, and the rank among all Dutch municipalities.`} ${HERKOMST_NOTE[lang]}`,
      blocks: [
        {
          key: "aandeel",
          caption: t(`Aandeel van de inwoners, ${latest}`, `Share of inhabitants, ${latest}`),
          categoryHeader: t("Gebied", "Area"),
          base: { indicator: "aandeel", period: latest, age: "", unit: "aandeel" },
          categories: byArea(compared),
          series: [
            FOREIGN_SERIES,
            ORIGIN_SERIES,
          ],
          unit: "aandeel",
          chart: { kind: "barClustered", categoryAxis: t("Gebied", "Area"), valueAxis: t("Aandeel van de inwoners", "Share of inhabitants") },
        },
        {
          key: "rang",
          caption: t(`Plek onder de Nederlandse gemeenten, ${latest}`, `Rank among Dutch municipalities, ${latest}`),
          categoryHeader: t("Gemeente", "Municipality"),
          base: { indicator: "rang", period: latest, age: "", unit: "rang" },
          categories: byArea(municipalities),
          series: [
            FOREIGN_SERIES,
            ORIGIN_SERIES,
          ],
          unit: "rang",
        },
        {
          key: "verloop",
          caption: t("Aandeel inwoners met een buitenlandse nationaliteit door de jaren", "Share of inhabitants with a foreign nationality over the years"),
          categoryHeader: t("Jaar", "Year"),
          base: { indicator: "aandeel", group: FOREIGN, age: "", unit: "aandeel" },
          categories: periodsOf(store, compared[0], "aandeel", "aandeel", FOREIGN),
          series: byArea(compared),
          unit: "aandeel",
          chart: { kind: "line", categoryAxis: t("Jaar", "Year"), valueAxis: t("Aandeel van de inwoners", "Share of inhabitants") },
        },
      ],
    },
  ];
}
