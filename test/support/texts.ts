import type { Language, Problem } from "../../src/data/types";
import { problemText } from "../../src/text/problems";

/** Problems with their message as the reader sees it, for comparing with a literal expectation. */
export const asRead = (problems: readonly Problem[], language: Language = "nl") => problems.map((p) => ({ ...p, message: problemText(p, language) }));
