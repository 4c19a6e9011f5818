import { isMonitorError } from "../data/errors";
import { Language } from "../data/types";
import { SourceError } from "../sources/types";
import { problemText } from "../text/problems";
import { paneTexts } from "./i18n";

/**
 * What the pane says of an action that failed, in its language: a message of the add-in's own
 * (a MonitorError, a source's problems) as it reads in that language; a sync Excel refused that
 * no action described by Excel's code, without Excel's free text; anything else (a defect) as
 * unexpected. Never a stack; never Excel's or the browser's text in place of the pane's.
 */
export function failureText(error: unknown, language: Language): string {
  if (isMonitorError(error)) return error.text(language);
  if (error instanceof SourceError) return error.problems.map((p) => problemText(p, language)).join(" ");
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") return paneTexts(language).excelRefused({ code });
  return paneTexts(language).unexpected({ detail: error instanceof Error ? error.message : String(error) });
}
