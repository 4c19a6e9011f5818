/**
 * How names typed by users are compared: case, accents, spacing, dashes and underscores do
 * not matter ("  Italië" = "italie", "expat_inschrijvingen" = "Expat-inschrijvingen").
 */
export function normalise(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/[\s_-]+/g, " ")
    .trim();
}
