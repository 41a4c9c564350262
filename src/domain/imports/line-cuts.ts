/**
 * Cutting a line that a page or a writer ran together (items, duties, decisions) before each place a reader found
 * one starts. Pure.
 */

/** The line in pieces: what comes before the first start, then each piece from its start to the next, as written. */
export function piecesBefore(line: string, starts: readonly number[]): string[] {
  return [line.slice(0, starts[0]), ...starts.map((start, index) => line.slice(start, starts[index + 1] ?? line.length))];
}

/** The same pieces trimmed, the empty ones left out: the lines the readers go on with. */
export function cutBefore(line: string, starts: readonly number[]): string[] {
  return piecesBefore(line, starts)
    .map((piece) => piece.trim())
    .filter(Boolean);
}
