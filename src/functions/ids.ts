/**
 * English id → Dutch id of every MONITOR function. catalog.json holds the same pairs with the
 * descriptions; this small copy keeps those descriptions out of functions.js (a test checks
 * that the two agree).
 */
export const FUNCTION_IDS = {
  VALUE: "WAARDE",
  COUNT: "AANTAL",
  SHARE: "AANDEEL",
  GROWTH: "GROEI",
  SERIES: "REEKS",
  TOP: "TOP",
  SOURCE: "BRON",
  TEXT: "TEKST",
  INDICATORS: "INDICATOREN",
} as const;

export type FunctionId = keyof typeof FUNCTION_IDS;
