import { AnyMessage, textOf, textsOf } from "../text/message";
import { Language } from "./types";

/**
 * A failure a user can act on. `value`: the input is wrong (unknown name, wrong type) and
 * becomes #VALUE! in Excel; `na`: the input is fine but the data has no such figure (#N/A).
 * It carries its message as data (a phrase and its parameters); the edge that shows it, a
 * custom function's error or the pane, picks the language with `text`.
 */
export class MonitorError extends Error {
  constructor(
    readonly kind: "value" | "na",
    readonly reason: AnyMessage,
  ) {
    super(textOf(reason, "nl"));
    this.name = "MonitorError";
  }

  text(language: Language): string {
    return textOf(this.reason, language);
  }

  /** Both texts at once (tests, a note in two languages). */
  get messages(): Record<Language, string> {
    return textsOf(this.reason);
  }
}

/**
 * True for a MonitorError, also one made by another bundle's copy of this class: in the shared
 * runtime the functions read the store the pane's bundle built, so `instanceof` is not enough.
 * Its message renders with its own phrases, which travel with it.
 */
export function isMonitorError(error: unknown): error is MonitorError {
  return error instanceof MonitorError || (error instanceof Error && error.name === "MonitorError" && typeof (error as MonitorError).text === "function" && ((error as MonitorError).kind === "na" || (error as MonitorError).kind === "value"));
}

export const valueError = (reason: AnyMessage) => new MonitorError("value", reason);
export const notAvailable = (reason: AnyMessage) => new MonitorError("na", reason);
