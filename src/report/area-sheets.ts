import { normalise } from "../data/normalise";
import { comparePeriods } from "../data/periods";
import { Steps } from "../data/slices";
import { MonitorStore } from "../data/store";
import { say, textsOf } from "../text/message";
import { parseA1Range } from "./a1";
import { SheetContent } from "./fingerprint";
import { AREA, LABEL, SHEET_NAME, FIXED_CAPTION } from "../text/sheets";
import { named } from "../text/words";
import { Axis, CellKey, SheetFacts, SheetSpec, SheetText } from "./spec-types";
import { pulledAreas } from "./pulled-areas";
import { SHORT_TOPICS } from "./sheet-names";

export { pulledAreas };

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

/** The two measures side by side: nationality, and herkomst since 2022. */
const FOREIGN_SERIES: Axis = { label: LABEL.foreignNationality, key: { group: FOREIGN } };
const ORIGIN_SERIES: Axis = { label: LABEL.originAbroad, key: { group: ORIGIN_OTHER } };

/** Excel's 31 characters: the full prefix where it fits, else its short form, else the name cut at a word. */
export function areaSheetName(prefix: string, area: string): string {
  const short = SHORT_TOPICS[prefix] ?? prefix;
  for (const candidate of [`${prefix} ${area}`, `${short} ${area}`]) if (candidate.length <= 31) return candidate;
  const cut = `${short} ${area}`.slice(0, 32);
  const space = cut.lastIndexOf(" ");
  return space > short.length ? cut.slice(0, space) : cut.slice(0, 31);
}

/** What every key of a municipality's sheets (and of their comparison) starts with. */
export const AREA_KEY_PREFIX = "gebied-";

/** A sheet key for an area: stable, and the same however the name is typed. */
export const areaKey = (area: string, part: string) => `${AREA_KEY_PREFIX}${normalise(area).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}-${part}`;

/** The periods of one or more groups' series, in order. */
const periodsOf = (store: MonitorStore, area: string, indicator: string, unit: "aantal" | "aandeel" | "rang" | "groei", ...groups: string[]): Axis[] => {
  const periods = new Set((groups.length ? groups : [FOREIGN]).flatMap((group) => store.series(indicator, area, group, "", unit).map((o) => o.periode)));
  return [...periods].sort(comparePeriods).map((period) => ({ label: named(period), key: { period } }));
};
const hasSeries = (store: MonitorStore, area: string, indicator: string, unit: "aantal" | "aandeel" | "rang", group: string) => store.series(indicator, area, group, "", unit).length > 0;

function latestCount(store: MonitorStore, area: string): string | null {
  const series = store.series("inwoners", area, FOREIGN, "", "aantal");
  return series.length ? series[series.length - 1].periode : null;
}

/** The largest nationalities in the latest year, largest first. */
function largestNationalities(store: MonitorStore, area: string, period: string, n: number): Axis[] {
  return store
    .figuresOf("inwoners", area)
    .filter((o) => o.indicator === "inwoners" && o.eenheid === "aantal" && o.gebied === area && o.periode === period && o.leeftijd === "" && !TOTALS.has(o.groep))
    .sort((a, b) => b.waarde - a.waarde || a.groep.localeCompare(b.groep))
    .slice(0, n)
    .map((o) => ({ label: named(o.groep, store.groupNames.label(o.groep, "en")), key: { group: o.groep } }));
}

/**
 * The display names the sheet's other tables give the totals ("Buitenlandse nationaliteit",
 * "Herkomst buiten Nederland"), so that the growth table names a group as they do, not as the
 * data's key writes it ("buitenlandse nationaliteit").
 */
const TOTAL_LABELS: Record<string, SheetText> = {
  inwoners: LABEL.inhabitants,
  Nederlands: LABEL.dutch,
  [FOREIGN]: LABEL.foreignNationality,
  [ORIGIN_DUTCH]: LABEL.originDutch,
  [ORIGIN_OTHER]: LABEL.originAbroad,
};

/** The totals (all inhabitants, by nationality and by origin) whose growth the data holds. */
function growthTotals(store: MonitorStore, area: string): Axis[] {
  const groups = new Set<string>();
  for (const o of store.figuresOf("groei", area)) if (o.indicator === "groei" && o.gebied === area && o.eenheid === "groei" && TOTALS.has(o.groep)) groups.add(o.groep);
  return [...groups].map((group) => ({ label: TOTAL_LABELS[group] ?? named(group, store.groupNames.label(group, "en")), key: { group } }));
}

/** The parts of a municipality's sheet keys (see areaKey): its population and its nationalities. */
const AREA_PARTS = ["bevolking", "nationaliteiten"] as const;

/** The key of the comparison of municipalities (see comparisonSheet). */
export const COMPARISON_KEY = `${AREA_KEY_PREFIX}vergelijking`;

/**
 * The keys of every municipality sheet the data still holds figures for, whether Regenerate is
 * asked for it now or not: each pulled municipality's two sheets (they need its count of
 * inhabitants with a foreign nationality, see areaSheets), and the comparison where one can be
 * made with no municipality chosen, with any one of them (the pane's choice) or with all (the
 * command line's). A municipality sheet whose key is not among them has figures the data no
 * longer has (the analyst removed the CBS rows, or loaded a package without that municipality).
 * As steps, one a municipality. Pure.
 */
export function* heldAreaKeysInSteps(store: MonitorStore, areas: readonly string[] = pulledAreas(store)): Steps<Set<string>> {
  const keys = new Set<string>();
  for (const area of areas) {
    if (latestCount(store, area)) for (const part of AREA_PARTS) keys.add(areaKey(area, part));
    yield;
  }
  for (const choice of [[], [...areas], ...areas.map((area) => [area])]) {
    if (comparisonPossible(store, choice)) {
      keys.add(COMPARISON_KEY);
      break;
    }
    yield;
  }
  // The areas a comparison may show (see comparedAreas): a comparison sheet showing another
  // (built for Delft, Delft's rows since removed) has figures the data no longer has.
  for (const area of [...(leidenPulled(store) ? ["Leiden"] : []), ...areas, "Nederland"]) if (hasSeries(store, area, "aandeel", "aandeel", FOREIGN)) keys.add(comparedAreaKey(area));
  return keys;
}

/** The entry of heldAreaKeysInSteps saying that the data has the shares a comparison shows for this area. */
export const comparedAreaKey = (area: string): string => `${COMPARISON_KEY}:${area}`;

/**
 * The areas a comparison sheet shows: the first column of its first table (the shares, see
 * comparisonSheet), Nederland by its name in either language. Null when the sheet holds no such
 * table (then nothing is known of what it shows). Pure.
 */
export function comparisonShows(content: SheetContent): string[] | null {
  if (!content.usedAddress || !content.tables.length) return null;
  const used = parseA1Range(content.usedAddress);
  const first = content.tables.map((t) => parseA1Range(t.address)).sort((a, b) => a.row - b.row || a.column - b.column)[0];
  const netherlands = Object.values(textsOf(LABEL.netherlands));
  const shown: string[] = [];
  for (let row = first.row + 1; row < first.row + first.rows; row++) {
    const label = String(content.formulas[row - used.row]?.[first.column - used.column] ?? "");
    shown.push(netherlands.includes(label) ? "Nederland" : label);
  }
  return shown;
}

/** Whether a comparison sheet shows only areas whose shares the data still has (heldAreaKeysInSteps). Pure. */
export function comparisonStillHeld(content: SheetContent | null, heldAreaKeys: ReadonlySet<string>): boolean {
  const shown = content && comparisonShows(content);
  return !shown || shown.every((area) => heldAreaKeys.has(comparedAreaKey(area)));
}

export function areaSheets(store: MonitorStore, area: string): SheetSpec[] {
  const latest = latestCount(store, area);
  if (!latest) return [];
  const growthPeriods = [...new Set(store.figuresOf("groei", area).filter((o) => o.indicator === "groei" && o.gebied === area).map((o) => o.periode))].sort(comparePeriods);
  const base = { area, age: "" };
  return [
    {
      key: areaKey(area, AREA_PARTS[0]),
      name: say(AREA.populationName, { nl: areaSheetName("Bevolking", area), en: areaSheetName("Population", area) }),
      title: say(AREA.populationTitle, { area }),
      lead: (d: SheetFacts) => {
        const f = (key: CellKey) => d.figure({ period: latest, area, ...key });
        return say(AREA.populationLead, {
          area,
          year: latest,
          count: f({ indicator: "inwoners", group: FOREIGN }),
          share: f({ indicator: "aandeel", group: FOREIGN }),
          rank: f({ indicator: "rang", group: FOREIGN }),
          origin: f({ indicator: "aandeel", group: ORIGIN_OTHER }),
          originRank: f({ indicator: "rang", group: ORIGIN_OTHER }),
        });
      },
      blocks: [
        {
          key: "aantal",
          caption: say(AREA.inhabitantsCaption, { area }),
          categoryHeader: LABEL.year,
          base: { ...base, indicator: "inwoners", unit: "aantal" },
          categories: periodsOf(store, area, "inwoners", "aantal"),
          series: [
            { label: LABEL.dutch, key: { group: "Nederlands" } },
            FOREIGN_SERIES,
          ],
          unit: "aantal",
          chart: { kind: "line", categoryAxis: LABEL.year, valueAxis: LABEL.inhabitants },
        },
        {
          key: "aandeel",
          caption: say(AREA.sharesCaption, { area }),
          categoryHeader: LABEL.year,
          base: { ...base, indicator: "aandeel", unit: "aandeel" },
          categories: periodsOf(store, area, "aandeel", "aandeel", FOREIGN, ORIGIN_OTHER),
          series: [
            FOREIGN_SERIES,
            ...(hasSeries(store, area, "aandeel", "aandeel", ORIGIN_OTHER) ? [ORIGIN_SERIES] : []),
          ],
          unit: "aandeel",
          chart: { kind: "line", categoryAxis: LABEL.year, valueAxis: LABEL.shareOfInhabitants },
        },
        {
          key: "herkomst",
          caption: say(AREA.originCaption, { area }),
          categoryHeader: LABEL.year,
          base: { ...base, indicator: "inwoners", unit: "aantal" },
          categories: periodsOf(store, area, "inwoners", "aantal", ORIGIN_DUTCH, ORIGIN_OTHER),
          series: [
            { label: LABEL.originDutch, key: { group: ORIGIN_DUTCH } },
            ORIGIN_SERIES,
          ],
          unit: "aantal",
          chart: { kind: "columnClustered", categoryAxis: LABEL.year, valueAxis: LABEL.inhabitants },
        },
        {
          key: "rang",
          caption: say(AREA.rankCaption, { area }),
          categoryHeader: LABEL.year,
          base: { ...base, indicator: "rang", unit: "rang" },
          categories: periodsOf(store, area, "rang", "rang", FOREIGN, ORIGIN_OTHER),
          series: [
            FOREIGN_SERIES,
            ...(hasSeries(store, area, "rang", "rang", ORIGIN_OTHER) ? [ORIGIN_SERIES] : []),
          ],
          unit: "rang",
          chart: { kind: "columnClustered", categoryAxis: LABEL.year, valueAxis: LABEL.rank },
        },
        {
          key: "groei",
          caption: say(AREA.growthCaption, { area }),
          categoryHeader: LABEL.group,
          base: { ...base, indicator: "groei", unit: "groei" },
          categories: growthTotals(store, area),
          series: growthPeriods.map((period) => ({ label: named(period), key: { period } })),
          unit: "groei",
          chart: { kind: "barClustered", categoryAxis: LABEL.group, valueAxis: LABEL.growth },
        },
      ],
    },
    {
      key: areaKey(area, AREA_PARTS[1]),
      name: say(AREA.populationName, { nl: areaSheetName("Nationaliteiten", area), en: areaSheetName("Nationalities", area) }),
      title: say(AREA.nationalitiesTitle, { area }),
      lead: () => say(AREA.nationalitiesLead, { area, year: latest }),
      blocks: [
        {
          key: "grootste",
          caption: say(AREA.largestCaption, { area, year: latest }),
          categoryHeader: LABEL.nationality,
          base: { ...base, indicator: "inwoners", period: latest, unit: "aantal" },
          categories: largestNationalities(store, area, latest, 10),
          series: [{ label: LABEL.inhabitants, key: {} }],
          unit: "aantal",
          chart: { kind: "barClustered", categoryAxis: LABEL.nationality, valueAxis: LABEL.inhabitants },
        },
        {
          key: "groei",
          caption: say(AREA.growthByNationalityCaption, { area }),
          categoryHeader: LABEL.nationality,
          base: { ...base, indicator: "groei", unit: "groei" },
          // The nationalities of the table above, in its order, so that the two charts read alike.
          categories: largestNationalities(store, area, latest, 10),
          series: growthPeriods.map((period) => ({ label: named(period), key: { period } })),
          unit: "groei",
          chart: { kind: "barClustered", categoryAxis: LABEL.nationality, valueAxis: LABEL.growth },
        },
      ],
    },
  ];
}

/** Whether Leiden's shares were pulled from CBS too (then the comparison shows Leiden). */
const leidenPulled = (store: MonitorStore): boolean => store.figuresOf("aandeel", "Leiden").some((o) => o.gebied === "Leiden" && o.indicator === "aandeel" && o.bron === "CBS" && o.status === "afgeleid");

/** The areas compared: Leiden when its figures were pulled from CBS too, every municipality with shares, then Nederland. */
function comparedAreas(store: MonitorStore, areas: string[]): string[] {
  const withShares = [...(leidenPulled(store) && !areas.includes("Leiden") ? ["Leiden"] : []), ...areas].filter((area) => hasSeries(store, area, "aandeel", "aandeel", FOREIGN));
  return withShares.length && hasSeries(store, "Nederland", "aandeel", "aandeel", FOREIGN) ? [...withShares, "Nederland"] : withShares;
}

/** The newest year in which every compared area has the share of foreign nationality. */
function commonLatest(store: MonitorStore, areas: string[]): string | null {
  const [first, ...rest] = areas.map((area) => new Set(store.series("aandeel", area, FOREIGN, "", "aandeel").map((o) => o.periode)));
  const common = [...(first ?? [])].filter((period) => rest.every((set) => set.has(period))).sort(comparePeriods);
  return common.length ? common[common.length - 1] : null;
}

/** Whether comparisonSheet makes a sheet for these municipalities. */
function comparisonPossible(store: MonitorStore, areas: string[]): boolean {
  const compared = comparedAreas(store, areas);
  return compared.length >= 2 && commonLatest(store, compared) !== null;
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
  const byArea = (list: string[]): Axis[] => list.map((area) => ({ label: area === "Nederland" ? LABEL.netherlands : named(area), key: { area } }));
  return [
    {
      key: COMPARISON_KEY,
      name: SHEET_NAME.comparison,
      title: say(AREA.comparisonTitle, { areas: municipalities }),
      lead: () => say(AREA.comparisonLead, { year: latest }),
      blocks: [
        {
          key: "aandeel",
          caption: say(AREA.sharesOf, { year: latest }),
          note: () => AREA.originNote,
          categoryHeader: LABEL.area,
          base: { indicator: "aandeel", period: latest, age: "", unit: "aandeel" },
          categories: byArea(compared),
          series: [
            FOREIGN_SERIES,
            ORIGIN_SERIES,
          ],
          unit: "aandeel",
          chart: { kind: "barClustered", categoryAxis: LABEL.area, valueAxis: LABEL.shareOfInhabitants },
        },
        {
          key: "rang",
          caption: say(AREA.ranksOf, { year: latest }),
          categoryHeader: LABEL.municipality,
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
          caption: FIXED_CAPTION.shareOverTheYears,
          categoryHeader: LABEL.year,
          base: { indicator: "aandeel", group: FOREIGN, age: "", unit: "aandeel" },
          categories: periodsOf(store, compared[0], "aandeel", "aandeel", FOREIGN),
          series: byArea(compared),
          unit: "aandeel",
          chart: { kind: "line", categoryAxis: LABEL.year, valueAxis: LABEL.shareOfInhabitants },
        },
      ],
    },
  ];
}
