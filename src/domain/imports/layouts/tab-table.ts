/**
 * Reads tables exported from Word as tab-indented text (seeds 000 and 002):
 * each cell starts with a tab, rows are separated by blank lines, a line
 * without a tab continues the cell above (unit names broken across lines),
 * and text after two blank lines is a fragment of a damaged row. Cutting
 * the text into rows is all this file does; readGrid gives them meaning.
 */
import type { DraftPlan } from '../draft.js';
import { readGrid, type GridRow } from './grid.js';

/** Splits the document into rows of cells. */
function tokenize(lines: readonly string[]): GridRow[] {
  const rows: GridRow[] = [];
  let blanks = 0;
  let current: GridRow | undefined;
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (line.startsWith('\t')) {
      const startsRow = current === undefined || blanks > 0;
      if (startsRow && !(current?.orphan && current.cells.length === 1 && !/^\t\s*\d+\s*$/.test(line))) {
        current = { cells: [], line: lineNo, orphan: false };
        rows.push(current);
      }
      if (current!.orphan && current!.cells.length === 1 && startsRow) current!.cells[0]!.text += line.slice(1);
      else current!.cells.push({ text: line.slice(1), line: lineNo });
      blanks = 0;
    } else if (line.trim() === '') {
      blanks++;
    } else if (current === undefined) {
      // Title and notes above the table.
    } else if (TRAILER.test(line.trim())) {
      blanks = 0;
    } else if (blanks >= 2) {
      current = { cells: [{ text: line, line: lineNo }], line: lineNo, orphan: true };
      rows.push(current);
      blanks = 0;
    } else {
      current.cells.at(-1)!.text += `\n${line}`;
      blanks = 0;
    }
  });
  return rows;
}

/** Lines after the table that are document metadata, not table content. */
const TRAILER = /^(公开方式|抄送|附件|印发|主题词)[:：]/;

/** Cuts a tab-indented table into rows; undefined when the text is not one. */
export function tabTableRows(lines: readonly string[]): GridRow[] | undefined {
  if (lines.filter((line) => line.startsWith('\t')).length < 10) return undefined;
  return tokenize(lines);
}

/** Reads a tab-indented table; undefined when the text is not one. */
export function readTabTable(lines: readonly string[]): DraftPlan | undefined {
  const rows = tabTableRows(lines);
  return rows && readGrid(rows, 'tab-table');
}
