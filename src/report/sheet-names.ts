/** Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ], not blank. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "");
  return (cleaned || "Blad").slice(0, 31).trim();
}

/** Excel's rules for table names: letters, digits, underscores and dots; starts with a letter or _. */
export function safeTableName(name: string): string {
  const cleaned = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9_.]+/g, "_");
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

/**
 * `name` in at most `room` characters, cut at a word boundary so that no word is left half
 * ("Nationaliteiten en herkomst" → "Nationaliteiten en", not "Nationaliteiten en h"); a first
 * word longer than the room is cut where the room ends, as there is no boundary before it.
 */
export function shortenAtWord(name: string, room: number): string {
  if (name.length <= room) return name;
  const cut = name.slice(0, room);
  const boundary = name[room] === " " ? room : cut.lastIndexOf(" ");
  return (boundary > 0 ? cut.slice(0, boundary) : cut).trimEnd();
}

/**
 * A name for a sheet of the add-in that no other sheet has (Excel compares names without
 * regard to case): the wanted one, else an alternative; null when all are taken.
 * `taken` holds lower-case names.
 */
export function freeSheetName(wanted: string, taken: ReadonlySet<string>): string | null {
  // The base is shortened, not the suffix, so each alternative stays distinct within 31 characters.
  const withSuffix = (suffix: string) => `${shortenAtWord(wanted, 31 - suffix.length)}${suffix}`;
  for (const candidate of [wanted, withSuffix(" (monitor)"), withSuffix(" (monitor 2)")]) {
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
  return null;
}

/**
 * The name for a user's version of a sheet the add-in keeps when it must rebuild its own:
 * "Bevolking 2026-11-25", then "Bevolking 2026-11-25 (2)" …; null when nothing is free.
 */
export function backupSheetName(name: string, isoDate: string, taken: ReadonlySet<string>): string | null {
  for (let n = 1; n <= 20; n++) {
    const suffix = n === 1 ? ` ${isoDate}` : ` ${isoDate} (${n})`;
    const candidate = `${shortenAtWord(safeSheetName(name), 31 - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
  return null;
}
