import type { Language, Problem } from "../data/types";
import { textOf } from "./message";

/**
 * The edge of a problem: its sentence in the reader's language. The pane, the CLI and the
 * functions' error value show a problem through this, never by reading its message themselves.
 */
export function problemText(problem: Problem, language: Language): string {
  return textOf(problem.message, language);
}

/** Problems as a list of lines ("- …"), for the CLI and an error that carries them. */
export function problemList(problems: readonly Problem[], language: Language): string {
  return problems.map((p) => `- ${problemText(p, language)}`).join("\n");
}
