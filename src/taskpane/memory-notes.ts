import { AnyMessage, say } from "../text/message";
import { EXCEL } from "../text/excel";

/**
 * What could not be kept of a pull's memory (see excel-actions' `remember`), as data: the pane
 * makes its words (src/text/excel.ts, loaded with the pull, not in the pane's first load) in its own language, with Excel's or Office's code for
 * support, never their free text (in Office's language, not the pane's).
 */
export type MemoryProblem =
  /** Excel refused saving the rows' new snapshot (`code` null: the failure was not Excel's): the previous one is still the one read. */
  | { kind: "notSaved"; code: string | null }
  /** The new snapshot is saved and read; Excel refused deleting the older parts, which stay unread until the next pull deletes them. */
  | { kind: "oldPartsLeft"; code: string }
  /** Office could not save the document settings (where the data came from): `code` is Office.Error.code, null when it gave none. */
  | { kind: "sourceNotSaved"; code: number | null };

/** The pane's note for a problem of the pull's memory. */
export function memoryNote(problem: MemoryProblem): AnyMessage {
  switch (problem.kind) {
    case "notSaved":
      return say(EXCEL.memoryNotSaved, { code: problem.code });
    case "oldPartsLeft":
      return say(EXCEL.memoryOldPartsLeft, { code: problem.code });
    case "sourceNotSaved":
      return say(EXCEL.sourceNotSaved, { code: problem.code });
  }
}

/** Whether the pull's outcome needs the analyst's attention: old parts left behind need nothing of them (the next pull removes them). */
export const needsAttention = (problems: readonly MemoryProblem[]) => problems.some((p) => p.kind !== "oldPartsLeft");
