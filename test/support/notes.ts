import { Language } from "../../src/data/types";
import { AnyMessage, textOf } from "../../src/text/message";

/** An outcome's notes as the pane shows them, one after the other; null when there are none. */
export function notesText(outcome: { notes: AnyMessage[] } | undefined | false, language: Language = "nl"): string | null {
  if (!outcome || outcome.notes.length === 0) return null;
  return outcome.notes.map((note) => textOf(note, language)).join(" ");
}

/** The outcome with its notes as text, to compare with an expected object. */
export function withNoteText<T extends { notes: AnyMessage[] }>(outcome: T, language: Language = "nl"): Omit<T, "notes"> & { note: string | null } {
  const { notes, ...rest } = outcome;
  return { ...rest, note: notesText({ notes }, language) };
}
