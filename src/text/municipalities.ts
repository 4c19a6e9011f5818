import type { Language } from "../data/types";
import { phrase } from "./message";

/**
 * The words for a municipality name that does not resolve (src/data/municipality-names.ts), apart
 * from the sources' phrasebook so that the functions bundle, which resolves area names too,
 * carries only these. Names are quoted as typed and as CBS titles them.
 */

/** "a, b en c" / "a, b and c". */
const list = (items: readonly string[], language: Language) =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${language === "nl" ? "en" : "and"} ${items[items.length - 1]}`;

export const MUNICIPALITIES = {
  ambiguous: phrase<{ typed: string; candidates: string[] }>(
    "municipalities.ambiguous",
    ({ typed, candidates }) => `'${typed}' past bij ${candidates.length} gemeenten: ${list(candidates.map((c) => `'${c}'`), "nl")}; kies er één.`,
    ({ typed, candidates }) => `'${typed}' fits ${candidates.length} municipalities: ${list(candidates.map((c) => `'${c}'`), "en")}; choose one.`,
  ),
  unknown: phrase<{ typed: string; table: string; suggestion: string | null }>(
    "municipalities.unknown",
    ({ typed, table, suggestion }) => `Onbekende gemeente '${typed}' in CBS-tabel ${table}.${suggestion ? ` Bedoelt u '${suggestion}'?` : ""}`,
    ({ typed, table, suggestion }) => `Unknown municipality '${typed}' in CBS table ${table}.${suggestion ? ` Did you mean '${suggestion}'?` : ""}`,
  ),
} as const;
