/** A1 references from 0-based positions, as chart formulas need them. */
export function columnLetters(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export const cellRef = (row: number, column: number) => `${columnLetters(column)}${row + 1}`;
export const absoluteRef = (row: number, column: number) => `$${columnLetters(column)}$${row + 1}`;

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] as string);
}
