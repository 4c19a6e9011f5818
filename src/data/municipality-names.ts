import { distance } from "fastest-levenshtein";
import { normalise } from "./normalise";
import { AnyMessage, say } from "../text/message";
import { MUNICIPALITIES } from "../text/municipalities";

/**
 * Dutch municipalities by the names people use. CBS titles a municipality whose name another
 * region also has with a disambiguator (`'s-Gravenhage (gemeente)`, `Utrecht (gemeente)`,
 * `Groningen (gemeente)`), and some with a province mark (`Hengelo (O.)`, `Bergen (L.)`,
 * `Bergen (NH.)`); people type `Den Haag`, `s-Gravenhage`, `Utrecht`, `Hengelo`, `Den Bosch`
 * (see ../shared/cbs/README.md). This resolves what they type to one municipality, refuses a
 * name that fits two, and suggests a name for a typo. Pure: no network, no Office.
 */
export interface Municipality {
  /** CBS's code, trimmed: `GM0518`. */
  code: string;
  /** CBS's title as it gives it: `'s-Gravenhage (gemeente)`. */
  title: string;
  /** The name to store and show: the title without `(gemeente)`, a province mark kept. */
  name: string;
}

/** CBS's `(gemeente)` disambiguator removed; a mark that tells two municipalities apart stays. */
export const plainMunicipalityName = (title: string) => title.replace(/\s*\(\s*gemeente\s*\)\s*$/i, "").trim();

/** How names are compared: case, accents, spacing, dashes, apostrophes, dots and parentheses do not matter. */
export const foldName = (text: string) => normalise(text.replace(/['’‘`´]/g, "").replace(/[().,]/g, " "));

/** The name without its mark: `Bergen (L.)` → `Bergen`. */
const withoutMark = (name: string) => name.replace(/\s*\([^)]*\)\s*$/, "").trim();

/** Names in everyday use that are no CBS title, and the municipality they mean (by its plain name). */
export const EVERYDAY_NAMES: readonly (readonly [string, string])[] = [
  ["Den Haag", "'s-Gravenhage"],
  ["The Hague", "'s-Gravenhage"],
  ["Den Bosch", "'s-Hertogenbosch"],
];

export type NameResolution =
  | { kind: "found"; municipality: Municipality }
  | { kind: "ambiguous"; candidates: Municipality[] }
  | { kind: "unknown"; suggestion: string | null };

/** The message for a name that does not resolve among the municipalities of CBS table `table`. */
export function nameProblem(typed: string, resolution: Exclude<NameResolution, { kind: "found" }>, table: string): AnyMessage {
  if (resolution.kind === "ambiguous") return say(MUNICIPALITIES.ambiguous, { typed, candidates: resolution.candidates.map((m) => m.name) });
  return say(MUNICIPALITIES.unknown, { typed, table, suggestion: resolution.suggestion });
}

export class MunicipalityNames {
  private readonly exact = new Map<string, Municipality>();
  private readonly byBase = new Map<string, Municipality[]>();
  /** Every folded name a municipality answers to (name, title, everyday names), for suggestions and search. */
  private readonly known: { folded: string; municipality: Municipality }[] = [];

  constructor(readonly municipalities: readonly Municipality[]) {
    const byName = new Map(municipalities.map((m) => [foldName(m.name), m]));
    const add = (name: string, m: Municipality) => {
      const folded = foldName(name);
      if (!this.exact.has(folded)) this.exact.set(folded, m);
      this.known.push({ folded, municipality: m });
    };
    for (const m of municipalities) {
      add(m.name, m);
      add(m.title, m);
      const base = foldName(withoutMark(m.name));
      if (base !== foldName(m.name)) this.byBase.set(base, [...(this.byBase.get(base) ?? []), m]);
    }
    for (const [everyday, name] of EVERYDAY_NAMES) {
      const m = byName.get(foldName(name));
      if (m) add(everyday, m);
    }
  }

  /** From CBS's dimension rows: only municipalities (`GM…`), keys trimmed. */
  static fromRegions(regions: readonly { key: string; title: string }[]): MunicipalityNames {
    return new MunicipalityNames(
      regions.filter((r) => r.key.trim().startsWith("GM")).map((r) => ({ code: r.key.trim(), title: r.title, name: plainMunicipalityName(r.title) })),
    );
  }

  resolve(typed: string): NameResolution {
    const folded = foldName(typed).replace(/^gemeente /, "");
    const found = this.exact.get(folded);
    if (found) return { kind: "found", municipality: found };
    // `Hengelo` is `Hengelo (O.)` when it is the only Hengelo; `Bergen` fits two.
    const candidates = this.byBase.get(folded) ?? [];
    if (candidates.length === 1) return { kind: "found", municipality: candidates[0] };
    if (candidates.length > 1) return { kind: "ambiguous", candidates: [...candidates].sort((a, b) => a.name.localeCompare(b.name, "nl")) };
    return { kind: "unknown", suggestion: this.suggest(folded) };
  }

  /** Every name resolved at once: the municipalities, or one message per name that does not resolve (in CBS table `table`). */
  resolveAll(typed: readonly string[], table: string): { ok: true; municipalities: Municipality[] } | { ok: false; messages: AnyMessage[] } {
    const municipalities: Municipality[] = [];
    const messages: AnyMessage[] = [];
    for (const name of typed) {
      const resolution = this.resolve(name);
      if (resolution.kind === "found") {
        if (!municipalities.includes(resolution.municipality)) municipalities.push(resolution.municipality);
      } else messages.push(nameProblem(name, resolution, table));
    }
    return messages.length ? { ok: false, messages } : { ok: true, municipalities };
  }

  /** Municipalities whose name, title or everyday name contains the typed text, best first (for a search list). */
  search(typed: string, limit = 20): Municipality[] {
    const folded = foldName(typed);
    if (folded === "") return [];
    const scored = new Map<Municipality, number>();
    for (const { folded: name, municipality } of this.known) {
      const at = name.indexOf(folded);
      if (at < 0) continue;
      const score = at === 0 ? 0 : name[at - 1] === " " ? 1 : 2;
      scored.set(municipality, Math.min(score, scored.get(municipality) ?? Infinity));
    }
    return [...scored].sort((a, b) => a[1] - b[1] || a[0].name.localeCompare(b[0].name, "nl")).slice(0, limit).map(([m]) => m);
  }

  /** The everyday names a municipality also answers to (for a search list's label). */
  everydayNames(municipality: Municipality): string[] {
    return EVERYDAY_NAMES.filter(([, name]) => foldName(name) === foldName(municipality.name)).map(([everyday]) => everyday);
  }

  /** The nearest name for a typo; a name the text is part of wins (`Haag` → `'s-Gravenhage`). */
  private suggest(folded: string): string | null {
    if (folded === "") return null;
    let best: Municipality | null = null;
    let bestDistance = Infinity;
    for (const { folded: name, municipality } of this.known) {
      const d = folded.length >= 3 && (name.startsWith(folded) || name.includes(` ${folded}`)) ? 0.5 : distance(folded, name);
      if (d < bestDistance) {
        bestDistance = d;
        best = municipality;
      }
    }
    return best && bestDistance <= Math.max(2, Math.ceil(folded.length / 3)) ? best.name : null;
  }
}

/** The everyday names by the folded plain name they mean, folded once. */
let everydayByPlain: Map<string, string[]> | null = null;

function everydayNamesOf(folded: string): string[] {
  if (!everydayByPlain) {
    everydayByPlain = new Map();
    for (const [everyday, plain] of EVERYDAY_NAMES) everydayByPlain.set(foldName(plain), [...(everydayByPlain.get(foldName(plain)) ?? []), everyday]);
  }
  return everydayByPlain.get(folded) ?? [];
}

/**
 * The other names of the areas a dataset holds, for the functions' area argument: `Den Haag` and
 * `s-Gravenhage` for `'s-Gravenhage`, `Hengelo` for `Hengelo (O.)` when no other Hengelo is in
 * the data, `Utrecht (gemeente)` for `Utrecht`. Each entry's canonical name is the data's own;
 * it carries no English name of its own (`en` is the name itself), so a label the vocabulary
 * gives (Nederland: the Netherlands) is kept. Built in two passes that each take a part of the
 * names at a time (`AreaAliases`), so a dataset of thousands of areas can be indexed in slices.
 */
export class AreaAliases {
  private readonly names: string[];
  /** How many of the names share each folded name without its mark. */
  private readonly bases = new Map<string, number>();
  private readonly folded: string[] = [];
  private counted = 0;

  constructor(areas: Iterable<string>) {
    this.names = [...new Set(areas)];
  }

  get size(): number {
    return this.names.length;
  }

  /** First pass: names `from`…`to` folded and counted by their base. */
  count(from: number, to: number): void {
    for (let i = from; i < Math.min(to, this.names.length); i++) {
      const base = foldName(withoutMark(this.names[i]));
      this.folded[i] = base;
      this.bases.set(base, (this.bases.get(base) ?? 0) + 1);
    }
    this.counted = Math.max(this.counted, Math.min(to, this.names.length));
  }

  /** Second pass (after every name was counted): the entries of names `from`…`to`. */
  entries(from: number, to: number): { nl: string; en: string; aliases: string[] }[] {
    if (this.counted < this.names.length) throw new Error("AreaAliases: count every name before the entries");
    const entries: { nl: string; en: string; aliases: string[] }[] = [];
    for (let i = from; i < Math.min(to, this.names.length); i++) {
      const name = this.names[i];
      const aliases = new Set([name.replace(/['’‘`´]/g, ""), `${name} (gemeente)`]);
      const base = withoutMark(name);
      // A name without a mark folds to its base; one with a mark needs the plain name folded apart.
      for (const everyday of everydayNamesOf(base === name ? this.folded[i] : foldName(name))) aliases.add(everyday);
      if (base !== name && this.bases.get(this.folded[i]) === 1) aliases.add(base);
      entries.push({ nl: name, en: name, aliases: [...aliases] });
    }
    return entries;
  }
}

/** Every area's entry at once (see AreaAliases). */
export function areaAliases(areas: Iterable<string>): { nl: string; en: string; aliases: string[] }[] {
  const aliases = new AreaAliases(areas);
  aliases.count(0, aliases.size);
  return aliases.entries(0, aliases.size);
}
