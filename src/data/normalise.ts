/** Names folded before, by name as given: a table repeats the same few names thousands of times. */
const folded = new Map<string, string>();
/** Bounded in count and length: arbitrary input must not grow memory. */
const MAX_FOLDED = 20_000;
const MAX_FOLDED_LENGTH = 256;

/**
 * How names typed by users are compared: case, accents, spacing, dashes and underscores do
 * not matter ("  Italië" = "italie", "expat_inschrijvingen" = "Expat-inschrijvingen").
 */
export function normalise(name: string): string {
  const known = folded.get(name);
  if (known !== undefined) return known;
  const result = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/[\s_-]+/g, " ")
    .trim();
  if (name.length > MAX_FOLDED_LENGTH) return result;
  if (folded.size >= MAX_FOLDED) folded.clear();
  folded.set(name, result);
  return result;
}
