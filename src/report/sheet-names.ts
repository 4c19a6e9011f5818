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
 * The short forms of the topic that starts a municipality's sheet names ("Nationaliteiten
 * Delft", "Nat. 's-Hertogenbosch"; see areaSheetName), in both languages.
 */
export const SHORT_TOPICS: Readonly<Record<string, string>> = { Bevolking: "Bev.", Nationaliteiten: "Nat.", Population: "Pop.", Nationalities: "Nat." };
const SHORT_FORMS = new Set(Object.values(SHORT_TOPICS));

/**
 * A municipality's sheet name (a topic, then the municipality) in at most `room` characters,
 * keeping the municipality: the topic in its short form ("Nat. Delft"), then as much of the
 * name as fits, cut at a word where one ends in time, with "…" where it is cut ("Nat.
 * 's-Hertogenbos…"), so that no two municipalities' kept sheets read alike. Null for a name that
 * is not of that form or a room too small to hold the short topic and a letter of the name.
 */
function shortenAreaName(name: string, room: number): string | null {
  const space = name.indexOf(" ");
  if (space < 0) return null;
  const [topic, area] = [name.slice(0, space), name.slice(space + 1)];
  const short = SHORT_TOPICS[topic] ?? (SHORT_FORMS.has(topic) ? topic : undefined);
  if (!short) return null;
  const areaRoom = room - short.length - 1;
  if (area.length <= areaRoom) return `${short} ${area}`;
  if (areaRoom < 2) return null;
  return `${short} ${shortenAtWord(area, areaRoom - 1)}…`;
}

/**
 * The name for a user's version of a sheet the add-in keeps when it must rebuild its own:
 * "Bevolking 2026-11-25", then "Bevolking 2026-11-25 (2)" …; null when nothing is free. A
 * municipality's sheet keeps the municipality's name ("Nat. Delft 2026-11-25", not
 * "Nationaliteiten 2026-11-25", which reads as Leiden's); any other long name is cut at a word.
 */
export function backupSheetName(name: string, isoDate: string, taken: ReadonlySet<string>): string | null {
  const safe = safeSheetName(name);
  for (let n = 1; n <= 20; n++) {
    const suffix = n === 1 ? ` ${isoDate}` : ` ${isoDate} (${n})`;
    const room = 31 - suffix.length;
    const base = safe.length <= room ? safe : (shortenAreaName(safe, room) ?? shortenAtWord(safe, room));
    const candidate = `${base}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
  return null;
}
