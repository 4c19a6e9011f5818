import { Language } from "./types";

/**
 * A failure a user can act on. `value`: the input is wrong (unknown name, wrong type) and
 * becomes #VALUE! in Excel; `na`: the input is fine but the data has no such figure (#N/A).
 */
export class MonitorError extends Error {
  constructor(
    readonly kind: "value" | "na",
    readonly messages: Record<Language, string>,
  ) {
    super(messages.nl);
    this.name = "MonitorError";
  }

  text(language: Language): string {
    return this.messages[language];
  }
}

/**
 * True for a MonitorError, also one made by another bundle's copy of this class: in the shared
 * runtime the functions read the store the pane's bundle built, so `instanceof` is not enough.
 */
export function isMonitorError(error: unknown): error is MonitorError {
  return error instanceof MonitorError || (error instanceof Error && error.name === "MonitorError" && typeof (error as MonitorError).text === "function" && ((error as MonitorError).kind === "na" || (error as MonitorError).kind === "value"));
}

export const valueError = (nl: string, en: string) => new MonitorError("value", { nl, en });
export const notAvailable = (nl: string, en: string) => new MonitorError("na", { nl, en });
