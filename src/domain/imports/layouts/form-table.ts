/**
 * A table written as a form, a field a row — the label in the first cell,
 * its value in the next (具体任务 | 全面落实… / 责任单位 | 卫健局、文旅局 /
 * 完成时限 | …) — turned into the header-and-rows grid every table reader
 * takes: the labels become the header, each record a row. A label met again
 * starts the next record (a form per task, one under another).
 */
import { classifyHeader } from './columns.js';
import type { GridCell, GridRow } from './grid.js';

/** The grid of a form table; the table itself when it is not one. */
export function formAsRows(table: readonly GridRow[]): readonly GridRow[] {
  const rows = table.map((row) => row.cells.filter((cell) => cell.text.trim() !== '')).filter((cells) => cells.length > 0);
  // A caption across the top of the form (一、2024年重点工作任务) is no field.
  const fields = rows.slice(rows.findIndex((cells) => cells.length > 1));
  if (fields.length < 3 || fields.some((cells) => cells.length !== 2)) return table;
  const kinds = fields.map((cells) => classifyHeader(cells[0]!.text));
  // Every label names a field, one of them the units.
  if (kinds.some((kind) => kind === undefined) || !kinds.includes('units') || !kinds.some((kind) => kind === 'text' || kind === 'number')) return table;
  const labels: GridCell[] = [];
  const records: GridCell[][] = [];
  for (const [label, value] of fields as [GridCell, GridCell][]) {
    const name = label.text.replace(/\s+/g, '');
    let at = labels.findIndex((known) => known.text.replace(/\s+/g, '') === name);
    if (at < 0) {
      labels.push(label);
      at = labels.length - 1;
    }
    if (records.length === 0 || records.at(-1)![at] !== undefined) records.push([]);
    records.at(-1)![at] = value;
  }
  const line = labels[0]!.line;
  return [
    { cells: labels, line },
    ...records.map((record) => {
      const cells = labels.map((label, index) => record[index] ?? { text: '', line: label.line });
      return { cells, line: cells.find((cell) => cell.text !== '')?.line ?? line };
    }),
  ];
}
