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
 * A name for a sheet of the add-in that no other sheet has (Excel compares names without
 * regard to case): the wanted one, else an alternative; null when all are taken.
 * `taken` holds lower-case names.
 */
export function freeSheetName(wanted: string, taken: ReadonlySet<string>): string | null {
  // The base is shortened, not the suffix, so each alternative stays distinct within 31 characters.
  const withSuffix = (suffix: string) => `${wanted.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
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
    const candidate = `${safeSheetName(name).slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
  return null;
}
