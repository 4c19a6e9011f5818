import { clerkSentence } from "../data/sentences";
import { MonitorStore } from "../data/store";
import { Language, Observation } from "../data/types";
import { TextLine } from "./types";

/**
 * The clerk's sentence of every figure on an indicator sheet, as text lines below its source
 * lines, so that a workbook opened without the add-in has them too: a heading, then one line
 * per figure in the order the tables show them.
 */
export function sentenceLines(used: readonly Observation[], store: MonitorStore, language: Language, firstRow: number): TextLine[] {
  const figures = [...new Set(used)];
  if (figures.length === 0) return [];
  const heading = language === "nl" ? "Zinnen om over te nemen" : "Sentences to paste";
  return [{ row: firstRow, text: heading, style: "source" }, ...figures.map((o, i): TextLine => ({ row: firstRow + 1 + i, text: clerkSentence(store, o, language), style: "lead" }))];
}
