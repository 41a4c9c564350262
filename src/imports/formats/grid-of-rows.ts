/**
 * Turns the rows a spreadsheet or Word table gives into the grid the plan
 * reader takes, with one line per row so that the text outside tables and
 * the table rows share one numbering in warnings.
 */
import type { GridRow } from '../../domain/imports/layouts/grid.js';
import type { PlanDocument } from '../../domain/imports/plan-parser.js';

/** A row's cell texts and the number the user sees for it (sheet row, or paragraph ordinal). */
export interface NumberedRow {
  line: number;
  cells: string[];
}

/** Builds a grid from numbered rows. */
export function gridOf(rows: readonly NumberedRow[]): GridRow[] {
  return rows.map((row) => ({ line: row.line, cells: row.cells.map((text) => ({ text, line: row.line })) }));
}

/**
 * A document from tables: every row also becomes a text line (cells joined
 * by spaces), so a sheet or document without a recognisable table header
 * can still be read as prose, and titles above a table give the metadata.
 */
export function documentOfRows(lines: readonly { line: number; text: string }[], tables: readonly NumberedRow[][]): PlanDocument {
  const text: string[] = [];
  for (const { line, text: content } of lines) text[line - 1] = content;
  for (const row of tables.flat()) {
    text[row.line - 1] ??= row.cells.map((cell) => cell.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' ');
  }
  return { text: withoutLongGaps(Array.from(text, (line) => line ?? '')).join('\n'), tables: tables.map(gridOf) };
}

/** Empty lines in a row past which a gap is not kept line for line. */
const LONGEST_GAP = 1_000;

/**
 * The text's lines with every run of more than LONGEST_GAP empty lines made
 * one: a sheet with one cell in row 1,048,576 would otherwise hand every
 * reader a million empty lines (5 s). Rows keep their own numbers in the
 * tables; only text lines after such a gap are numbered as if it were short.
 */
function withoutLongGaps(lines: readonly string[]): string[] {
  const out: string[] = [];
  let empty = 0;
  for (const line of lines) {
    if (line === '') {
      empty++;
      continue;
    }
    if (empty > 0) out.push(...Array<string>(empty > LONGEST_GAP ? 1 : empty).fill(''));
    empty = 0;
    out.push(line);
  }
  return out;
}
