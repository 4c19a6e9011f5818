/**
 * Whether a formula (a cell's or a defined name's) points into a sheet: by the sheet's name
 * (`Nationaliteiten!B6`, `'Regio en Nederland'!B6`, also inside an external-looking
 * reference), by the name of one of its tables (`lm_nationaliteiten_aantal[Aantal]`), or by a
 * 3-D reference (`=SUM(Kinderen:Werknemers!B6)`, `'Kinderen:Expat Centre'!B6`), which points
 * into its first and last sheet and every sheet between them in the workbook's order (`order`:
 * the sheets' names as they stand; "Create a 3-D reference to the same cell range on multiple
 * worksheets", Microsoft Support). Pure text matching, on the safe side: a sheet name inside a
 * string literal counts too, and a 3-D reference whose ends are not both among `order` (or
 * without an order) counts as pointing into every sheet, so the sheet is kept rather than
 * rebuilt under the user's formula.
 */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A character of a sheet name written without quotes. */
const NAME_CHARACTER = "A-Za-z0-9_.\\u00C0-\\uFFFF";

/**
 * The 3-D references in a formula, as [first sheet, last sheet]: a sheet name cannot hold ":"
 * (Excel's rule for sheet names), so a ":" in a sheet prefix joins the two ends.
 */
export function threeDReferences(formula: string): [string, string][] {
  const found: [string, string][] = [];
  for (const match of formula.matchAll(/'((?:[^']|'')+)'!/g)) {
    const inner = match[1].replace(/''/g, "'");
    const at = inner.indexOf(":");
    if (at > 0) found.push([inner.slice(0, at), inner.slice(at + 1)]);
  }
  const plain = new RegExp(`(?:^|[^${NAME_CHARACTER}'])([${NAME_CHARACTER}]+):([${NAME_CHARACTER}]+)!`, "g");
  for (const match of formula.matchAll(plain)) found.push([match[1], match[2]]);
  return found;
}

/**
 * INDIRECT takes its reference as text, made when Excel calculates (`=INDIRECT("'"&A6&"'!B6")`
 * with a sheet's name typed in A6): which sheet it reads cannot be told from the formula, so it
 * counts as pointing into every sheet (review R6), on the safe side.
 */
const INDIRECT_CALL = /(?:^|[^A-Za-z0-9_.])INDIRECT\s*\(/i;

export function pointsInto(formula: string, sheetName: string, tableNames: readonly string[] = [], order?: readonly string[]): boolean {
  if (INDIRECT_CALL.test(formula)) return true;
  if (!formula.includes("!") && tableNames.length === 0) return false;
  const quoted = `'${sheetName.replace(/'/g, "''")}'`;
  const bySheet = new RegExp(`(?:${escape(quoted)}|(?:^|[^${NAME_CHARACTER}'])${escape(sheetName)})!`, "i");
  if (bySheet.test(formula)) return true;
  if (threeDReferences(formula).some(([first, last]) => spans(first, last, sheetName, order))) return true;
  return tableNames.some((table) => new RegExp(`(?:^|[^A-Za-z0-9_.\\\\])${escape(table)}(?![A-Za-z0-9_.])`, "i").test(formula));
}

/** Whether the 3-D reference from `first` to `last` takes in `sheet`, in the workbook's `order` (unknown ends: every sheet). */
function spans(first: string, last: string, sheet: string, order: readonly string[] | undefined): boolean {
  const at = (name: string) => (order ?? []).findIndex((n) => n.toLowerCase() === name.toLowerCase());
  const [a, b, s] = [at(first), at(last), at(sheet)];
  if (first.toLowerCase() === sheet.toLowerCase() || last.toLowerCase() === sheet.toLowerCase()) return true;
  if (a < 0 || b < 0) return true;
  return s >= Math.min(a, b) && s <= Math.max(a, b);
}

/** Every formula among the cells (strings starting with "="). */
export function formulasIn(cells: readonly (readonly unknown[])[]): string[] {
  const found: string[] = [];
  for (const row of cells) for (const cell of row) if (typeof cell === "string" && cell.startsWith("=")) found.push(cell);
  return found;
}
