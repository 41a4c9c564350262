/**
 * Reads tables published as one cell per line, each ending with " |"
 * (seed 003): a header of N cells, then rows of N cells starting with a
 * number. Cutting the cells into rows is all this file does.
 */
import type { DraftPlan } from '../draft.js';
import { looksLikeHeader } from './columns.js';
import { readGrid, type GridRow } from './grid.js';

/** Reads a one-cell-per-line pipe table; undefined when the text is not one. */
export function readPipeCells(lines: readonly string[]): DraftPlan | undefined {
  const rows = pipeCellRows(lines);
  return rows && readGrid(rows, 'pipe-cells');
}

/**
 * Cuts a one-cell-per-line pipe table into rows; undefined when the text is not one. A line of bars only ("||")
 * is read as empty cells padding a row out to the table's width when that reading cuts every row whole (each starts
 * at its 序号 or is a padded row under it, no cell left over); else as the stray it looks like.
 */
export function pipeCellRows(lines: readonly string[]): GridRow[] | undefined {
  // Without a line of bars only, both readings are one: cut once (this runs on every document imported).
  if (!lines.some((line) => /^\s*\|{2,}\s*$/.test(line))) return cutPipeCells(lines, false);
  const padded = cutPipeCells(lines, true);
  const whole = padded !== undefined && padded.every((row) => !(row.warnings ?? []).length);
  return whole ? padded : cutPipeCells(lines, false);
}

function cutPipeCells(lines: readonly string[], barsPad: boolean): GridRow[] | undefined {
  const cells: { text: string; line: number; padding?: boolean }[] = [];
  // Lines of a cell not yet ended, kept as parts and joined once: rebuilding one growing string per line was quadratic.
  let pending: string[] = [];
  let pendingLine = 0;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    if (!pendingLine) pendingLine = index + 1;
    if (barsPad && /^\|{2,}$/.test(line) && cells.length > 0) {
      // "||": cells a page left empty to pad a row out to the table's width, one per bar.
      const carried = pending.join(' ');
      for (let bar = 0; bar < line.length; bar++) cells.push({ text: bar === 0 ? carried : '', line: index + 1, padding: true });
      pending = [];
      pendingLine = 0;
    } else if (/\|$/.test(line) && !/\|.*\|/.test(line.slice(0, -1))) {
      // Text before the first cell is the document's preamble, not part of the table.
      const carried = cells.length > 0 ? pending.join(' ') : '';
      cells.push({ text: `${carried} ${line.slice(0, -1)}`.trim(), line: carried ? pendingLine : index + 1 });
      pending = [];
      pendingLine = 0;
    } else {
      pending.push(line);
    }
  });
  if (cells.length < 8) return undefined;
  let headerStart = -1;
  let width = 0;
  for (let i = 0; i < cells.length && headerStart < 0; i++) {
    // A header of three to twelve cells, its 序号 perhaps spaced out (序 号), the first row's number right after it.
    for (let n = 3; n <= 12; n++) {
      const candidate = cells.slice(i, i + n).map((cell) => cell.text);
      if (/^序\s*号$/.test(candidate[0] ?? '') && looksLikeHeader(candidate) && /^\d+$/.test(cells[i + n]?.text ?? '')) {
        headerStart = i;
        width = n;
        break;
      }
    }
  }
  if (headerStart < 0) return undefined;
  const rows: GridRow[] = [{ cells: cells.slice(headerStart, headerStart + width), line: cells[headerStart]!.line }];
  let i = headerStart + width;
  while (i < cells.length) {
    // A row without its 序号, padded out with empty cells at its end ("…| 2021年6月 | | ||"): the cells merged from the
    // row above (序号, 类别) were left out at its start, as many as the padding, so its cells go back right by that many.
    const chunk = cells.slice(i, i + width);
    const padded = chunk.length === width ? chunk.length - 1 - chunk.map((cell) => cell.padding === true).lastIndexOf(false) : 0;
    if (!/^\d+$/.test(cells[i]!.text) && padded > 0 && chunk.slice(0, width - padded).every((cell) => !cell.padding)) {
      const shifted = [...Array.from({ length: padded }, () => ({ text: '', line: chunk[0]!.line })), ...chunk.slice(0, width - padded)];
      rows.push({ cells: shifted.map((cell) => ({ text: cell.text, line: cell.line })), line: chunk[0]!.line, warnings: [] });
      i += width;
      continue;
    }
    if (!/^\d+$/.test(cells[i]!.text)) {
      const stray = cells[i]!;
      rows.at(-1)!.warnings = [...(rows.at(-1)!.warnings ?? []), `第${stray.line}行：多出的单元格“${stray.text.slice(0, 30)}”不属于任何一行，已跳过`];
      i++;
      continue;
    }
    const row = cells.slice(i, i + width);
    rows.push({ cells: row, line: row[0]!.line, warnings: row.length < width ? [`第${row[0]!.line}行：这一行的单元格不全`] : [] });
    i += width;
  }
  return rows;
}
