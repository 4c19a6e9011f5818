import { isMonitorError } from "../data/errors";
import { Language } from "../data/types";
import { FUNCTIONS } from "../text/functions";
import { say, textOf } from "../text/message";

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
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, textOf(say(FUNCTIONS.unexpected), language));
}
