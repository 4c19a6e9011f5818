import { Observation } from "../data/types";

/**
 * The 2022 report makes claims its published figures cannot show: the number of repats "has been
 * falling for years" (only its last year survived in the text), Syrian is the most common
 * nationality among children aged 12-17 and Syria the largest group of status holders (both
 * without a count), 2021 had more Expat Centre registrations than the pandemic year (whose figure
 * it does not give). A sheet repeats such a claim only over exactly the figures the report made it
 * about. A copy of the edition that adds a year, a nationality or another figure to them (the
 * README tells analysts to correct data so) keeps the edition's name but loses the claim, and the
 * sheet says what its own figures show.
 */
export type ReportClaim = "repatsFalling" | "childrenSyrian" | "statusHoldersSyria" | "expatPandemic";

/** Figures a claim is about, and the report's own: [period, value], none where the report gives none. */
interface ClaimFigures {
  about: (o: Observation) => boolean;
  report: [period: string, value: number][];
}

const FOREIGN = "buitenlandse nationaliteit";

/**
 * The report's figures, as the seed text gives them and data/leiden-2022 holds them (a test checks
 * that the two agree). They are written here because the workbook command compiles without the
 * bundled edition (its CSV is a webpack import).
 */
const CLAIMS: Record<ReportClaim, ClaimFigures[]> = {
  // Page 13: 478 repats in 2021, no earlier year.
  repatsFalling: [{ about: (o) => o.indicator === "repats" && o.groep === "Nederlands" && o.leeftijd === "" && o.eenheid === "aantal", report: [["2021", 478]] }],
  // Page 16: 1.641 children with a foreign nationality on 1 January 2022; for 12-17 a nationality without any count.
  childrenSyrian: [
    { about: (o) => o.indicator === "kinderen" && o.groep === FOREIGN && o.leeftijd === "0-17" && o.eenheid === "aantal", report: [["2022", 1641]] },
    { about: (o) => o.indicator === "kinderen" && o.groep !== FOREIGN && o.leeftijd === "12-17", report: [] },
  ],
  // Page 32: 769 status holders on 1 January 2022, by sex only, none by nationality.
  statusHoldersSyria: [
    { about: (o) => o.indicator === "statushouders" && o.groep === "statushouders" && o.eenheid === "aantal", report: [["2022", 769]] },
    { about: (o) => o.indicator === "statushouders" && !["statushouders", "man", "vrouw"].includes(o.groep), report: [] },
  ],
  // Page 27: 450 registrations in 2021, none for 2020.
  expatPandemic: [{ about: (o) => o.indicator === "expat-inschrijvingen" && o.eenheid === "aantal", report: [["2021", 450]] }],
};

/** The report's municipality: its claims are about Leiden. */
const REPORT_AREA = "Leiden";

const sorted = (figures: [string, number][]) => figures.map(([period, value]) => `${period}=${value}`).sort();

/** True when `rows` hold, for every set of figures the claim is about, exactly the report's, and the sheet is about the report's municipality. */
export function reportClaimHolds(claim: ReportClaim, rows: readonly Observation[], area: string): boolean {
  if (area !== REPORT_AREA) return false;
  return CLAIMS[claim].every(({ about, report }) => {
    const mine = sorted(rows.filter((o) => o.gebied === REPORT_AREA && about(o)).map((o) => [o.periode, o.waarde]));
    const theirs = sorted(report);
    return mine.length === theirs.length && mine.every((s, i) => s === theirs[i]);
  });
}

/** The figures each claim rests on, for the test that they are the shipped edition's. */
export const CLAIM_FIGURES: Readonly<Record<ReportClaim, readonly Readonly<ClaimFigures>[]>> = CLAIMS;
