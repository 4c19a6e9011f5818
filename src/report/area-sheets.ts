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
const TOTALS = new Set(["inwoners", "Nederlands", FOREIGN, "migratieachtergrond", "Nederlands met migratieachtergrond"]);

/** Municipalities with counts by nationality pulled from CBS, besides Leiden (which has the report's own sheets). */
export function pulledAreas(store: MonitorStore): string[] {
  const fixed = new Set(AREAS.map((a) => a.nl));
  const areas = new Set<string>();
  for (const o of store.observations) if (o.indicator === "inwoners" && o.eenheid === "aantal" && o.groep === FOREIGN && o.leeftijd === "" && o.bron === "CBS" && !fixed.has(o.gebied)) areas.add(o.gebied);
  return [...areas].sort((a, b) => a.localeCompare(b, "nl"));
}

/** A sheet key for an area: stable, and the same however the name is typed. */
export const areaKey = (area: string, part: string) => `gebied-${normalise(area).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}-${part}`;

const periodsOf = (store: MonitorStore, area: string, indicator: string, unit: "aantal" | "aandeel" | "rang" | "groei", group = FOREIGN): Axis[] =>
  store.series(indicator, area, group, "", unit).map((o) => ({ label: t(o.periode, o.periode), key: { period: o.periode } }));

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
      name: t(`Bevolking ${area}`, `Population ${area}`),
      title: t(`Nationaliteit in ${area}`, `Nationality in ${area}`),
      lead: (f, lang) => {
        const share = f({ indicator: "aandeel", group: FOREIGN, period: latest, area });
        const count = f({ indicator: "inwoners", group: FOREIGN, period: latest, area });
        const rank = f({ indicator: "rang", group: FOREIGN, period: latest, area });
        const day = lang === "nl" ? `1 januari ${latest}` : `1 January ${latest}`;
        const nl = [count && `Op ${day} hebben ${count} inwoners van ${area} een buitenlandse nationaliteit${share ? ` (${share})` : ""}.`, rank && `${area} staat daarmee op plek ${rank} van de Nederlandse gemeenten.`];
        const en = [count && `On ${day}, ${count} inhabitants of ${area} have a foreign nationality${share ? ` (${share})` : ""}.`, rank && `That puts ${area} in place ${rank} among Dutch municipalities.`];
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
            { label: t("Buitenlandse nationaliteit", "Foreign nationality"), key: { group: FOREIGN } },
          ],
          unit: "aantal",
          chart: { kind: "line", categoryAxis: t("Jaar", "Year"), valueAxis: t("Inwoners", "Inhabitants") },
        },
        {
          key: "aandeel",
          caption: t(`Aandeel inwoners met een buitenlandse nationaliteit, ${area}`, `Share of inhabitants with a foreign nationality, ${area}`),
          categoryHeader: t("Jaar", "Year"),
          base: { ...base, indicator: "aandeel", group: FOREIGN, unit: "aandeel" },
          categories: periodsOf(store, area, "aandeel", "aandeel"),
          series: [{ label: t("Aandeel", "Share"), key: {} }],
          unit: "aandeel",
          chart: { kind: "line", categoryAxis: t("Jaar", "Year"), valueAxis: t("Aandeel van de inwoners", "Share of inhabitants") },
        },
        {
          key: "rang",
          caption: t(`Plek onder de Nederlandse gemeenten naar aandeel buitenlandse nationaliteit, ${area}`, `Rank among Dutch municipalities by share of foreign nationality, ${area}`),
          categoryHeader: t("Jaar", "Year"),
          base: { ...base, indicator: "rang", group: FOREIGN, unit: "rang" },
          categories: periodsOf(store, area, "rang", "rang"),
          series: [{ label: t("Plek", "Rank"), key: {} }],
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
      name: t(`Nationaliteiten ${area}`, `Nationalities ${area}`),
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
