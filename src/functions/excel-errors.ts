import { isMonitorError } from "../data/errors";
import { Language } from "../data/types";

/**
 * The one place where failures become Excel errors. Only #VALUE! and #N/A show their message
 * in Excel, so a wrong input is #VALUE! and a figure the data lacks is #N/A. Anything
 * unexpected becomes #VALUE! with a plain sentence: never a stack trace, never a silent 0.
 */
export function toExcelError(error: unknown, language: Language): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) return error;
  if (isMonitorError(error)) {
    const code = error.kind === "na" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, error.text(language));
  }
  const message = language === "nl" ? "Onverwachte fout in de Leiden Monitor-functie; controleer de argumenten." : "Unexpected error in the Leiden Monitor function; check the arguments.";
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}
