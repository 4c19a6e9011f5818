import { distance } from "fastest-levenshtein";
import { normalise } from "./normalise";
import { Language } from "./types";

/** A population group or category with its names, its parent (SHARE's default denominator). */
export interface GroupEntry {
  nl: string;
  en: string;
  aliases: string[];
  parent?: string;
  /** The indicator whose `aantal` rows count this group (COUNT, SHARE, GROWTH). */
  countIndicator?: string;
  /** The indicator holding reported growth for this group, when not derivable from counts. */
  growthIndicator?: string;
  /** The indicator holding the reported share of this group in its parent, where not its count indicator. */
  shareIndicator?: string;
  /** A total that is the sum of these groups where the data gives no total. */
  sumOf?: string[];
  /**
   * MonitorData's Bovengroep where it is not `parent`: a group of a classification that overlaps
   * another (migration background beside nationality) names its own parent, so that the parts
   * under one Bovengroep add up to it and a pivot never adds the two classifications together.
   */
  bovengroep?: string;
}

/** The Bovengroep of the groups by migration background: all inhabitants, in that classification. */
export const MIGRATION_BACKGROUND_PARENT = "inwoners (migratieachtergrond)";
/** The same for CBS's herkomst, which counts the same inhabitants once more, by another definition. */
export const ORIGIN_PARENT = "inwoners (herkomst)";

const NATIONALITY = { parent: "buitenlandse nationaliteit", countIndicator: "inwoners", growthIndicator: "groei" };
const WORKERS = { countIndicator: "werknemers-werkend", growthIndicator: "werknemers-werkend" };

/** The group vocabulary of DESIGN.md. Groups an analyst adds to MonitorData join it at run time. */
export const GROUPS: GroupEntry[] = [
  { nl: "inwoners", en: "inhabitants", aliases: ["all inhabitants", "alle inwoners", "totaal", "total", "population", "bevolking"], countIndicator: "inwoners", growthIndicator: "groei", sumOf: ["Nederlands", "buitenlandse nationaliteit"] },
  { nl: "Nederlands", en: "Dutch", aliases: ["Nederlandse nationaliteit", "Dutch nationality", "NL"], parent: "inwoners", countIndicator: "inwoners", growthIndicator: "groei" },
  { nl: "buitenlandse nationaliteit", en: "foreign nationality", aliases: ["internationals", "niet-Nederlandse nationaliteit", "non-Dutch nationality", "foreign nationals", "buitenlands", "foreign"], parent: "inwoners", countIndicator: "inwoners", growthIndicator: "groei" },
  { nl: "migratieachtergrond", en: "migration background", aliases: ["met migratieachtergrond", "with a migration background", "migrant background"], parent: "inwoners", bovengroep: MIGRATION_BACKGROUND_PARENT, countIndicator: "inwoners", growthIndicator: "groei" },
  { nl: "Nederlands met migratieachtergrond", en: "Dutch with a migration background", aliases: ["Dutch with migration background"], parent: "inwoners", bovengroep: "migratieachtergrond", countIndicator: "inwoners", growthIndicator: "groei" },
  // CBS's herkomst (table 85458NED, since 2022), the successor of migration background: its own groups.
  { nl: "herkomst Nederland", en: "Dutch origin", aliases: ["Nederlandse herkomst", "origin Netherlands"], parent: "inwoners", bovengroep: ORIGIN_PARENT, countIndicator: "inwoners", growthIndicator: "groei" },
  { nl: "herkomst buiten Nederland", en: "origin outside the Netherlands", aliases: ["buitenlandse herkomst", "herkomst buitenland", "foreign origin"], parent: "inwoners", bovengroep: ORIGIN_PARENT, countIndicator: "inwoners", growthIndicator: "groei" },
  { nl: "Italiaans", en: "Italian", aliases: ["Italië", "Italy", "IT"], ...NATIONALITY },
  { nl: "Duits", en: "German", aliases: ["Duitsland", "Germany", "DE"], ...NATIONALITY },
  { nl: "Pools", en: "Polish", aliases: ["Polen", "Poland", "PL"], ...NATIONALITY },
  { nl: "Brits", en: "British", aliases: ["Verenigd Koninkrijk", "United Kingdom", "UK", "GB"], ...NATIONALITY },
  { nl: "Chinees", en: "Chinese", aliases: ["China", "CN"], ...NATIONALITY },
  { nl: "Frans", en: "French", aliases: ["Frankrijk", "France", "FR"], ...NATIONALITY },
  { nl: "Spaans", en: "Spanish", aliases: ["Spanje", "Spain", "ES"], ...NATIONALITY },
  { nl: "Amerikaans", en: "American", aliases: ["Verenigde Staten", "United States", "USA", "US"], ...NATIONALITY },
  { nl: "Syrisch", en: "Syrian", aliases: ["Syrië", "Syria", "SY"], ...NATIONALITY },
  { nl: "Overig", en: "Other", aliases: ["overige", "overige nationaliteiten", "other nationalities"], ...NATIONALITY },
  { nl: "internationale werknemers", en: "international workers", aliases: ["werknemers", "workers"], ...WORKERS },
  { nl: "arbeidsmigranten", en: "labour migrants", aliases: ["arbeidsmigrant", "labor migrants", "labour migrant"], parent: "internationale werknemers", ...WORKERS },
  { nl: "kenniswerkers", en: "knowledge workers", aliases: ["kenniswerker", "knowledge worker", "kennismigranten"], parent: "internationale werknemers", ...WORKERS },
  { nl: "statushouders", en: "status holders", aliases: ["statushouder", "status holder", "refugees with a residence permit"], countIndicator: "statushouders" },
  { nl: "man", en: "men", aliases: ["mannen", "male"], parent: "statushouders", countIndicator: "statushouders" },
  { nl: "vrouw", en: "women", aliases: ["vrouwen", "female"], parent: "statushouders", countIndicator: "statushouders" },
  { nl: "korter dan 1 jaar", en: "less than 1 year", aliases: ["<1 jaar", "< 1 year"], parent: "buitenlandse nationaliteit", shareIndicator: "woonduur" },
  { nl: "1 tot 3 jaar", en: "1 to 3 years", aliases: ["1-3 jaar", "1-3 years"], parent: "buitenlandse nationaliteit", shareIndicator: "woonduur" },
  { nl: "langer dan 3 jaar", en: "more than 3 years", aliases: [">3 jaar", "> 3 years"], parent: "buitenlandse nationaliteit", shareIndicator: "woonduur" },
  { nl: "gemeenten", en: "municipalities", aliases: ["gemeente", "municipality"] },
  { nl: "universiteit", en: "university", aliases: ["Universiteit Leiden", "Leiden University", "wo"], countIndicator: "studenten" },
  { nl: "hbo", en: "university of applied sciences", aliases: ["Hogeschool Leiden", "hogeschool", "higher professional education"], countIndicator: "studenten" },
  { nl: "EU", en: "EU", aliases: ["EU-landen", "EU countries"], parent: "universiteit", countIndicator: "studenten" },
  { nl: "niet-EU", en: "non-EU", aliases: ["overige landen", "other countries", "buiten de EU"], parent: "universiteit", countIndicator: "studenten" },
  { nl: "onderwijs", en: "education", aliases: [] },
  { nl: "uitzendbureaus en detachering", en: "temporary employment agencies", aliases: ["uitzendbureau", "uitzendbureaus", "detachering", "temp agencies", "staffing agencies"] },
  { nl: "zakelijke dienstverlening", en: "business services", aliases: [] },
];

/** Areas: the three of DESIGN.md with their English names; neighbourhoods come from the data. */
export const AREAS: GroupEntry[] = [
  { nl: "Leiden", en: "Leiden", aliases: ["gemeente Leiden"] },
  { nl: "Nederland", en: "the Netherlands", aliases: ["Netherlands", "NL", "heel Nederland"] },
  { nl: "Regio071", en: "Leiden region (Regio071)", aliases: ["regio 071", "Leidse regio", "Leiden region"] },
];

/**
 * English names of nationalities CBS publishes that the report does not name (table 85644NED's
 * `Nationaliteit` titles are Dutch adjectives, "Hongaars" for NAT9345: ../shared/cbs/README.md).
 * They are labels only, not groups of the vocabulary: a CBS title joins the store as a name the
 * data knows, and an English sheet or sentence calls it by this name. The English adjectives are
 * those of the EU Interinstitutional Style Guide, section 7.1 "Countries" (style-guide.europa.eu),
 * for the countries whose Dutch adjective is CBS's form; CBS's English table (85644ENG) could not
 * be consulted from here, so its own English titles may differ. A nationality not listed keeps its
 * Dutch name, and English texts then quote it as a name ("the nationality 'Kaapverdisch'").
 */
const DATA_NATIONALITIES_ENGLISH: ReadonlyMap<string, string> = new Map([
  ["Turks", "Turkish"],
  ["Marokkaans", "Moroccan"],
  ["Hongaars", "Hungarian"],
  ["Roemeens", "Romanian"],
  ["Bulgaars", "Bulgarian"],
  ["Portugees", "Portuguese"],
  ["Grieks", "Greek"],
  ["Belgisch", "Belgian"],
  ["Oostenrijks", "Austrian"],
  ["Zwitsers", "Swiss"],
  ["Iers", "Irish"],
  ["Zweeds", "Swedish"],
  ["Deens", "Danish"],
  ["Noors", "Norwegian"],
  ["Fins", "Finnish"],
  ["Ests", "Estonian"],
  ["Lets", "Latvian"],
  ["Litouws", "Lithuanian"],
  ["Tsjechisch", "Czech"],
  ["Slowaaks", "Slovak"],
  ["Sloveens", "Slovenian"],
  ["Kroatisch", "Croatian"],
  ["Servisch", "Serbian"],
  ["Albanees", "Albanian"],
  ["Russisch", "Russian"],
  ["Oekraïens", "Ukrainian"],
  ["Indiaas", "Indian"],
  ["Pakistaans", "Pakistani"],
  ["Indonesisch", "Indonesian"],
  ["Japans", "Japanese"],
  ["Vietnamees", "Vietnamese"],
  ["Thais", "Thai"],
  ["Filipijns", "Filipino"],
  ["Iraans", "Iranian"],
  ["Iraaks", "Iraqi"],
  ["Afghaans", "Afghan"],
  ["Israëlisch", "Israeli"],
  ["Libanees", "Lebanese"],
  ["Egyptisch", "Egyptian"],
  ["Eritrees", "Eritrean"],
  ["Ethiopisch", "Ethiopian"],
  ["Somalisch", "Somali"],
  ["Ghanees", "Ghanaian"],
  ["Nigeriaans", "Nigerian"],
  ["Surinaams", "Surinamese"],
  ["Braziliaans", "Brazilian"],
  ["Mexicaans", "Mexican"],
  ["Colombiaans", "Colombian"],
  ["Venezolaans", "Venezuelan"],
  ["Argentijns", "Argentinian"],
  ["Canadees", "Canadian"],
  ["Australisch", "Australian"],
]);

/** A nationality's English name (an adjective: "Turkish"), the vocabulary's or CBS's; null when there is none. */
export function englishNationality(name: string): string | null {
  const entry = GROUPS.find((g) => g.nl === name && g.parent === "buitenlandse nationaliteit");
  return entry ? entry.en : (DATA_NATIONALITIES_ENGLISH.get(name) ?? null);
}

const ENGLISH_NAMES = new Map([...GROUPS, ...AREAS].map((entry) => [entry.nl, entry.en]));

/** A group's or area's English name where the vocabulary has one, else the name itself (a name only the data knows). */
export function englishName(canonical: string): string {
  return ENGLISH_NAMES.get(canonical) ?? DATA_NATIONALITIES_ENGLISH.get(canonical) ?? canonical;
}

export type Resolution = { found: string } | { found: null };

/**
 * Looks names up after normalisation, in O(1): Dutch name, English name and aliases all map to
 * the canonical Dutch name. Names the data brings (a CBS title such as "Turks") join through
 * `addName` and leave again with `removeName` once no row uses them. A "did you mean" is
 * computed only when an error message is shown (`suggest`), never for a name that is found or
 * for every row of a table.
 */
export class NameIndex {
  private readonly byName = new Map<string, string>();
  private readonly englishByCanonical = new Map<string, string>();
  /** How many rows use each name only the data knows, by normalised name. */
  private readonly extraUses = new Map<string, number>();
  /** Names as typed → resolution: a worksheet repeats the same few names thousands of times. */
  private readonly typed = new Map<string, Resolution>();

  constructor(entries: GroupEntry[], extraNames: Iterable<string> = []) {
    this.addEntries(entries);
    for (const name of extraNames) this.addName(name);
  }

  /** More entries, as the constructor takes them (a large index can be built a part at a time). */
  addEntries(entries: readonly GroupEntry[]): void {
    for (const entry of entries) {
      // The first entry's English name stays, as its names do: the data's own entry for
      // Nederland (English name = its name) must not undo the vocabulary's 'the Netherlands'.
      if (!this.englishByCanonical.has(entry.nl)) this.englishByCanonical.set(entry.nl, entry.en);
      for (const name of [entry.nl, entry.en, ...entry.aliases]) {
        const key = normalise(name);
        if (!this.byName.has(key)) this.byName.set(key, entry.nl);
      }
    }
    this.typed.clear();
  }

  /** A row uses `name`: it resolves from now on (the vocabulary's own names keep their meaning). */
  addName(name: string): void {
    const key = normalise(name);
    if (key === "") return;
    const uses = this.extraUses.get(key);
    if (uses !== undefined) this.extraUses.set(key, uses + 1);
    else if (!this.byName.has(key)) {
      this.extraUses.set(key, 1);
      this.byName.set(key, name);
      this.typed.clear();
    }
  }

  /** A row no longer uses `name`: once none does, it is unknown again. */
  removeName(name: string): void {
    const key = normalise(name);
    const uses = this.extraUses.get(key);
    if (uses === undefined) return;
    if (uses > 1) this.extraUses.set(key, uses - 1);
    else {
      this.extraUses.delete(key);
      this.byName.delete(key);
      this.typed.clear();
    }
  }

  resolve(name: string): Resolution {
    const cached = this.typed.get(name);
    if (cached) return cached;
    const found = this.byName.get(normalise(name));
    const resolution: Resolution = found !== undefined ? { found } : { found: null };
    if (this.typed.size >= 10_000) this.typed.clear(); // bounded: arbitrary input must not grow memory
    this.typed.set(name, resolution);
    return resolution;
  }

  /** The canonical name closest to what was typed, for an error message; a scan, so only there. */
  suggest(name: string): string | null {
    const typed = normalise(name);
    if (typed === "") return null;
    let best: string | null = null;
    let bestDistance = Infinity;
    for (const [key, canonical] of this.byName) {
      const d = key.startsWith(typed) || typed.startsWith(key) ? Math.abs(key.length - typed.length) * 0.5 : distance(typed, key);
      if (d < bestDistance) {
        bestDistance = d;
        best = canonical;
      }
    }
    return bestDistance <= Math.max(2, Math.ceil(typed.length / 3)) ? best : null;
  }

  label(canonical: string, language: Language): string {
    return language === "en" ? (this.englishByCanonical.get(canonical) ?? DATA_NATIONALITIES_ENGLISH.get(canonical) ?? canonical) : canonical;
  }

  names(): string[] {
    return [...new Set(this.byName.values())];
  }
}

const GROUP_BY_NAME = new Map(GROUPS.map((g) => [g.nl, g]));

export function groupEntry(canonical: string): GroupEntry | undefined {
  return GROUP_BY_NAME.get(canonical);
}

/** Ancestors from the parent upwards: Italiaans → buitenlandse nationaliteit → inwoners. */
export function ancestors(canonical: string): string[] {
  const chain: string[] = [];
  for (let parent = groupEntry(canonical)?.parent; parent; parent = groupEntry(parent)?.parent) chain.push(parent);
  return chain;
}

/** The ten nationalities of the report (children of `buitenlandse nationaliteit`), Overig last. */
export const NATIONALITIES = GROUPS.filter((g) => g.parent === "buitenlandse nationaliteit" && g.countIndicator === "inwoners").map((g) => g.nl);
