import { loadShippedPackage } from "../data/shipped";
import { Observation } from "../data/types";

/**
 * The 2022 report makes claims its published figures cannot show: the number of repats "has been
 * falling for years" (only its last year survived in the text), Syrian is the most common
 * nationality among children aged 12-17 and Syria the largest group of status holders (both
 * without a count), 2021 had more Expat Centre registrations than the pandemic year (whose figure
 * it does not give). A sheet repeats such a claim only over exactly the figures the report made it
 * about: the rows the claim concerns must be the shipped edition's rows, value for value. A copy
 * of the edition that adds a year, a nationality or a new figure to them (the README tells
 * analysts to correct data so) loses the claim, and the sheet says what its own figures show.
 * The edition's name is not enough: a copy keeps it.
 */
export type ReportClaim = "repatsFalling" | "childrenSyrian" | "statusHoldersSyria" | "expatPandemic";

/** The rows each claim is about, in the report's municipality. */
const ABOUT: Record<ReportClaim, (o: Observation) => boolean> = {
  repatsFalling: (o) => o.indicator === "repats" && o.groep === "Nederlands" && o.leeftijd === "" && o.eenheid === "aantal",
  childrenSyrian: (o) => o.indicator === "kinderen",
  statusHoldersSyria: (o) => o.indicator === "statushouders",
  expatPandemic: (o) => o.indicator === "expat-inschrijvingen",
};

/** The report's municipality: its claims are about Leiden. */
const REPORT_AREA = "Leiden";

const signature = (o: Observation) => [o.indicator, o.gebied, o.groep, o.leeftijd, o.periode, o.eenheid, o.waarde, o.peildatum].join("\u0000");
const signatures = (rows: readonly Observation[], about: (o: Observation) => boolean) =>
  rows
    .filter((o) => o.gebied === REPORT_AREA && about(o))
    .map(signature)
    .sort();

let shipped: readonly Observation[] | null = null;
const shippedRows = () => (shipped ??= loadShippedPackage().observations);

/** True when `rows` hold, for the claim, exactly the shipped 2022 edition's figures, and the sheet is about the report's municipality. */
export function reportClaimHolds(claim: ReportClaim, rows: readonly Observation[], area: string): boolean {
  if (area !== REPORT_AREA) return false;
  const about = ABOUT[claim];
  const mine = signatures(rows, about);
  const report = signatures(shippedRows(), about);
  return mine.length > 0 && mine.length === report.length && mine.every((s, i) => s === report[i]);
}
