import { clerkSentence } from "../data/sentences";
import { MonitorStore } from "../data/store";
import { Language, Observation } from "../data/types";
import { say, textOf } from "../text/message";
import { WORKBOOK } from "../text/sheets";
import { TextLine } from "./types";

/**
 * The clerk's sentence of every figure on an indicator sheet, as text lines below its source
 * lines, so that a workbook opened without the add-in has them too: a heading, then one line
 * per figure in the order the tables show them, each percentage with the decimals its table
 * shows it with (`decimalsOf`).
 */
/**
 * At most this many sentences on a sheet: a sheet over a large package (thousands of areas or
 * ages) would otherwise carry thousands of lines, more than anyone scans for the one they need.
 * The rest are a MONITOR.TEKST away. (Excel's 5 MB per sync is not the reason: Regenerate reads
 * a written sheet back for its fingerprint in blocks of rows, whatever its size.)
 */
export const MAX_SENTENCES = 100;

export function sentenceLines(used: readonly Observation[], store: MonitorStore, language: Language, firstRow: number, decimalsOf: (o: Observation) => number | undefined = () => undefined): TextLine[] {
  const figures = [...new Set(used)];
  if (figures.length === 0) return [];
  const heading = textOf(WORKBOOK.sentencesHeading, language);
  const shown = figures.slice(0, MAX_SENTENCES);
  const lines: TextLine[] = [{ row: firstRow, text: heading, style: "source" }, ...shown.map((o, i): TextLine => ({ row: firstRow + 1 + i, text: clerkSentence(store, o, language, decimalsOf(o)), style: "lead" }))];
  const rest = figures.length - shown.length;
  if (rest > 0) {
    const more = textOf(say(WORKBOOK.moreSentences, { rest }), language);
    lines.push({ row: firstRow + 1 + shown.length, text: more, style: "source" });
  }
  return lines;
}
