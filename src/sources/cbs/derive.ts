/**
 * The figures derived from CBS's counts, as pure functions: a share, a growth between the first
 * and the last year that have figures, a rank among municipalities. Each returns what the note of
 * the derived row says, so the computation can be checked from the row alone.
 */

/** A share as stored: a fraction, rounded to 12 significant digits so that 0.1 + 0.2 noise never shows. */
export const fraction = (part: number, whole: number) => Number((part / whole).toPrecision(12));

/** Years with figures, in order: growth runs from the first to the last of them. */
export function growthSpan(years: readonly string[], hasFigures: (year: string) => boolean): { first: string; last: string; missingAtEnd: string[]; missingAtStart: string[] } | null {
  const withFigures = years.filter(hasFigures);
  if (withFigures.length < 2) return null;
  const [first, last] = [withFigures[0], withFigures[withFigures.length - 1]];
  return { first, last, missingAtStart: years.filter((y) => y < first), missingAtEnd: years.filter((y) => y > last) };
}

/**
 * Ranks by share, highest first: 1 plus the number of municipalities with a strictly higher
 * share (equal shares share a rank).
 */
export function ranksByShare(shares: ReadonlyMap<string, number>): Map<string, number> {
  const ordered = [...shares.values()].sort((a, b) => b - a);
  const ranks = new Map<string, number>();
  for (const [code, share] of shares) {
    let higher = 0;
    while (higher < ordered.length && ordered[higher] > share) higher++;
    ranks.set(code, higher + 1);
  }
  return ranks;
}
