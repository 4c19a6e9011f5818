import { Language, Problem } from "../data/types";
import { problemText } from "../text/problems";
import { Texts } from "./i18n";

/**
 * What the pane says after a write was cancelled: that the workbook is as it was only when the
 * put-back left nothing (`problems` empty); otherwise what it left, each problem said (a first
 * load's table style look, excel.lookLeft), never "as it was".
 */
export function cancelledText(problems: readonly Problem[], t: Texts, language: Language): string {
  if (problems.length === 0) return t.cancelled;
  return [t.cancelledLeft, ...problems.map((problem) => problemText(problem, language))].join(" ");
}
