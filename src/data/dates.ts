/**
 * Dates as Excel keeps them: a serial number of days, day 1 being 1 January 1900 in the 1900
 * date system that Excel for Windows and the web use (ECMA-376 Part 1, 18.17.4.1). Excel counts
 * a 29 February 1900 that never was, so from 1 March 1900 on the serial is the number of days
 * since 30 December 1899; the monitor's dates are all far later, and earlier ones are refused.
 */
const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);
/** 1 March 1900: the first serial that counts days without the phantom leap day. */
const FIRST_SERIAL = 61;
/** 31 December 9999, Excel's last date. */
const LAST_SERIAL = 2_958_465;

/**
 * Serials by date text: a table repeats the same few reference dates on every row (twice a row:
 * validated, then written). Only texts of a date's ten characters are kept, at most 10,000: no
 * input grows memory, and so short a text is never a slice that keeps a file's text alive (V8
 * slices strings of 13 characters or more).
 */
const serials = new Map<string, number | null>();
const MAX_SERIALS = 10_000;

/** "2022-01-01" → 44562; null for text that is not a real ISO date in Excel's range. */
export function serialFromIso(iso: string): number | null {
  if (iso.length !== 10) return serialOf(iso);
  const known = serials.get(iso);
  if (known !== undefined) return known;
  const serial = serialOf(iso);
  if (serials.size >= MAX_SERIALS) serials.clear();
  serials.set(iso, serial);
  return serial;
}

function serialOf(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  const serial = Math.round((time - EPOCH) / DAY_MS);
  return serial >= FIRST_SERIAL && serial <= LAST_SERIAL ? serial : null;
}

/** 44562 → "2022-01-01"; null for a number that is not a whole day Excel can show as a date. */
export function isoFromSerial(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < FIRST_SERIAL || serial > LAST_SERIAL) return null;
  return new Date(EPOCH + serial * DAY_MS).toISOString().slice(0, 10);
}

/** Today's date as ISO (2026-11-25), in UTC: the date a kept sheet's name carries. */
export const isoToday = () => new Date().toISOString().slice(0, 10);
