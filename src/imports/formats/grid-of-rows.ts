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
  /** The columns whose cell a cell above spans down over (their text is that cell's, not repeated here). */
  mergedAbove?: readonly number[];
}

/** Builds a grid from numbered rows. */
export function gridOf(rows: readonly NumberedRow[]): GridRow[] {
  return rows.map((row) => ({
    line: row.line,
    cells: row.cells.map((text, column) => ({ text, line: row.line, ...(row.mergedAbove?.includes(column) ? { mergedAbove: true } : {}) })),
  }));
}

/**
 * A document from tables: every row also becomes a text line (cells joined
 * by spaces), so a sheet or document without a recognisable table header
 * can still be read as prose, and titles above a table give the metadata.
 */
export function documentOfRows(lines: readonly { line: number; text: string }[], tables: readonly NumberedRow[][]): PlanDocument {
  const byLine = new Map<number, string>();
  for (const { line, text: content } of lines) byLine.set(line, content);
  for (const row of tables.flat()) {
    if (!byLine.has(row.line)) byLine.set(row.line, row.cells.map((cell) => cell.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' '));
  }
  return { text: numberedText(byLine).join('\n'), tables: tables.map(gridOf) };
}

/** Empty lines in a row past which a gap is not kept line for line. */
const LONGEST_GAP = 1_000;

/**
 * The lines in their numbers' places, the numbers skipped left empty, except
 * that a gap of more than LONGEST_GAP numbers is one empty line: a sheet with
 * one cell in row 1,048,576 would otherwise hand every reader a million empty
 * lines (5 s). Rows keep their own numbers in the tables; only text lines
 * after such a gap are numbered as if it were short.
 */
function numberedText(byLine: ReadonlyMap<number, string>): string[] {
  const out: string[] = [];
  let next = 1;
  for (const line of [...byLine.keys()].sort((a, b) => a - b)) {
    const gap = line - next;
    if (gap > 0) out.push(...Array<string>(gap > LONGEST_GAP ? 1 : gap).fill(''));
    out.push(byLine.get(line)!);
    next = line + 1;
  }
  return out;
}
