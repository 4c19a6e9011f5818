import { Language, Source } from "./types";

/**
 * How a citation names a source in a language: in English its English citation where the data
 * gives one ("BRP, municipality of Leiden"), else the citation as the data writes it (a name the
 * same in both: "Nuffic", "CBS StatLine 85644NED"); the id for a source the package lacks.
 */
export function citationOf(source: Source | undefined, id: string, language: Language): string {
  return (language === "en" && source?.citeernaamEn) || source?.citeernaam || id;
}
