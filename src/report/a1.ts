/** A1 references from the plan's 0-based positions, for both renderers. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export const cellRef = (row: number, column: number) => `${columnLetters(column)}${row + 1}`;
export const absoluteRef = (row: number, column: number) => `$${columnLetters(column)}$${row + 1}`;
