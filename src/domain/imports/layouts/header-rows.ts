/**
 * Header rows beyond the first: a second row that completes a header of two
 * rows (责任单位 spanning 牵头单位 | 配合单位), and the header printed again
 * further down (a table copied from several pages). Every table reader asks
 * these the same way, so a table reads alike as Word, sheet, tabs or spaces.
 */
import { classifyHeader } from './columns.js';
import type { GridRow } from './grid.js';

const texts = (row: GridRow) => row.cells.map((cell) => cell.text);

/**
 * The header a second header row completes: where a cell spans columns the row under it splits (责任单位 over
 * 牵头单位 | 配合单位, 完成时限 over 开始 | 结束), each split column takes the lower name — in place, with the spanning
 * cell written once (a copied table), or with the empty cells dropped (the lower names all of one kind replace the
 * one header cell of that kind). Undefined when the row under the header is not header words (a body row).
 */
export function withSubHeader(header: readonly string[], below: readonly string[]): string[] | undefined {
  const named = below.map((cell) => cell.replace(/\s+/g, ''));
  const filled = named.filter(Boolean);
  if (filled.length < 2 || !filled.every((cell) => !/\d/.test(cell) && classifyHeader(cell) !== undefined && classifyHeader(cell) !== 'number')) return undefined;
  // A copied table writes a spanning cell once: the header is short of the columns it spans, right after it.
  const first = named.findIndex(Boolean);
  let run = 0;
  while (named[first + run]) run++;
  const spanning = first < header.length && named.slice(first, first + run).every((cell) => classifyHeader(cell) === classifyHeader(header[first]!));
  if (run > 1 && spanning && !named.some((cell, index) => cell !== '' && (header[index] ?? '').trim() === '')) {
    header = [...header.slice(0, first + 1), ...Array<string>(run - 1).fill(''), ...header.slice(first + 1)];
  }
  // In place: split columns sit under a spanning cell, so the header is empty over at least one of them.
  if (below.length >= header.length - 1 && below.length <= header.length + 1) {
    if (!named.some((cell, index) => cell !== '' && (header[index] ?? '').trim() === '')) return undefined;
    return Array.from({ length: Math.max(header.length, below.length) }, (_, index) => (named[index] ? below[index]!.trim() : (header[index] ?? '')));
  }
  // A page that dropped the empty cells ("牵头单位 | 配合单位" under "责任单位"): the lower names all of one kind replace the one header cell of that kind.
  const kind = classifyHeader(filled[0]!);
  const parents = header.flatMap((cell, index) => (classifyHeader(cell) === kind ? [index] : []));
  if (named.length !== filled.length || !filled.every((cell) => classifyHeader(cell) === kind) || parents.length !== 1) return undefined;
  return [...header.slice(0, parents[0]), ...filled, ...header.slice(parents[0]! + 1)];
}

/** Rows (header first) with a second header row folded into the header (withSubHeader); the same rows when there is none. */
export function withSubHeaderRow(rows: readonly GridRow[]): GridRow[] {
  const [header, below, ...rest] = rows;
  const merged = header && below && withSubHeader(texts(header), texts(below));
  return merged ? [{ ...header!, cells: merged.map((text) => ({ text, line: header!.line })) }, ...rest] : [...rows];
}

/**
 * Whether a row repeats the header: a table copied from several pages, or a 台账 that prints its header again
 * above each part, writes the header's words again as a row (two or more cells, each one of the header's).
 * Made once per header, asked of every row.
 */
export function repeatsHeader(header: readonly string[]): (cells: readonly string[]) => boolean {
  const named = header.map((cell) => cell.replace(/\s+/g, '')).filter(Boolean);
  const words = new Set(named);
  const whole = named.join('');
  return (cells) => {
    // Cheap first: a row of the header's words starts with one of them.
    const first = cells.find((cell) => cell.trim() !== '')?.replace(/\s+/g, '');
    if (!first || !whole.includes(first)) return false;
    const filled = cells.map((cell) => cell.replace(/\s+/g, '')).filter(Boolean);
    // A cell of two words may come apart in one copy and not the other (区本级 任务数).
    return filled.length >= 2 && (filled.every((cell) => words.has(cell)) || filled.join('') === whole);
  };
}
