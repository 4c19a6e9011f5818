/**
 * Whether a formula (a cell's or a defined name's) points into a sheet: by the sheet's name
 * (`Nationaliteiten!B6`, `'Regio en Nederland'!B6`, also inside a 3-D or external-looking
 * reference) or by the name of one of its tables (`lm_nationaliteiten_aantal[Aantal]`). Pure
 * text matching, on the safe side: a sheet name inside a string literal counts too, so the
 * sheet is kept rather than rebuilt under the user's formula.
 */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function pointsInto(formula: string, sheetName: string, tableNames: readonly string[] = []): boolean {
  if (!formula.includes("!") && tableNames.length === 0) return false;
  const quoted = `'${sheetName.replace(/'/g, "''")}'`;
  const bySheet = new RegExp(`(?:${escape(quoted)}|(?:^|[^A-Za-z0-9_.'\\u00C0-\\uFFFF])${escape(sheetName)})!`, "i");
  if (bySheet.test(formula)) return true;
  return tableNames.some((table) => new RegExp(`(?:^|[^A-Za-z0-9_.\\\\])${escape(table)}(?![A-Za-z0-9_.])`, "i").test(formula));
}

/** Every formula among the cells (strings starting with "="). */
export function formulasIn(cells: readonly (readonly unknown[])[]): string[] {
  const found: string[] = [];
  for (const row of cells) for (const cell of row) if (typeof cell === "string" && cell.startsWith("=")) found.push(cell);
  return found;
}
