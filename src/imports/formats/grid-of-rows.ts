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
  return { text: Array.from(text, (line) => line ?? '').join('\n'), tables: tables.map(gridOf) };
}
