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
