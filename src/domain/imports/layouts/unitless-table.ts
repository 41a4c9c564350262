/**
 * The last reading of a task table that names no unit column: a 工作任务清单
 * with 序号 | 工作任务 | 完成时限 (or 责任领导) only, in cells or flattened by a page. Its tasks are imported
 * without units, each with the importer's warning that no unit was found, so
 * the administrator corrects them instead of being refused the whole plan.
 * A table counts when its header names a task column and a number, deadline,
 * leader or measures column; it is read as a table whose unit column is
 * empty, by readGrid like any other. Tried only when every other reader found
 * nothing, so a document any other reader understands is read as before.
 */
import type { DraftPlan } from '../draft.js';
import { classifyHeaders } from './columns.js';
import { readGrid, type GridRow } from './grid.js';
import { spacedRows } from './spaced-rows.js';

const EMPTY_UNITS = '责任单位';

/** Whether header cells name a task table but no unit column. */
export function unitlessHeader(cells: readonly string[]): boolean {
  const filled = cells.map((cell) => cell.replace(/\s+/g, '')).filter(Boolean);
  if (filled.length < 2 || filled.some((cell) => cell.length > 16)) return false;
  const kinds = classifyHeaders(filled);
  if (kinds.includes('units') || kinds.filter((kind) => kind === undefined).length > filled.length / 3) return false;
  return kinds.includes('text') && kinds.some((kind) => kind === 'number' || kind === 'deadline' || kind === 'leaders' || kind === 'measures');
}

/** The rows of a text table whose cells are parted by tabs or bars, from its header down; undefined when there is none. */
function textTable(lines: readonly string[]): GridRow[] | undefined {
  const cellsOf = (line: string) => line.replace(/^\s*\||\|\s*$/g, '').split(/\t|\|/).map((cell) => cell.trim());
  const start = lines.findIndex((line) => /[\t|]/.test(line) && unitlessHeader(cellsOf(line)));
  if (start < 0) return undefined;
  const rows: GridRow[] = [];
  for (let index = start; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    // A line without a delimiter ends the table (a note under it, the page's footer).
    if (!/[\t|]/.test(line)) break;
    rows.push({ cells: cellsOf(line).map((text) => ({ text, line: index + 1 })), line: index + 1 });
  }
  return rows.length >= 2 ? rows : undefined;
}

/** Whether a table's rows (header first) are a unitless task table: its header names one. */
const headedUnitless = (rows: readonly GridRow[] | undefined): rows is GridRow[] => rows !== undefined && rows.length >= 3 && unitlessHeader(rows[0]!.cells.map((cell) => cell.text));

/**
 * Reads the first task table without a unit column: a .docx or sheet table, else a tab or bar table in the
 * text, else one the page flattened (cells parted by spaces, or one cell a line), cut into rows as the readers
 * of those shapes cut them.
 */
export function readUnitlessTable(lines: readonly string[], tables: readonly GridRow[][]): DraftPlan | undefined {
  const flattened = () => [spacedRows(lines, unitlessHeader)].find(headedUnitless);
  const table = tables.find((rows) => rows.some((row) => unitlessHeader(row.cells.map((cell) => cell.text)))) ?? textTable(lines) ?? flattened();
  if (!table) return undefined;
  const headerAt = table.findIndex((row) => unitlessHeader(row.cells.map((cell) => cell.text)));
  // Read as a table whose unit column, last, is empty in every row.
  const withUnits = table.slice(headerAt).map((row, index) => ({ ...row, cells: [...row.cells, { text: index === 0 ? EMPTY_UNITS : '', line: row.line }] }));
  return readGrid(withUnits, 'table');
}
