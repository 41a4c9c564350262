/**
 * Reads tables published as one cell per line, each ending with " |"
 * (seed 003): a header of N cells, then rows of N cells starting with a
 * number. Units in a cell are separated by spaces.
 */
import { type DraftNode, type DraftPlan, firstSentence } from '../draft.js';
import { squash } from '../normalize-text.js';
import { looksLikeHeader, mapColumns } from './columns.js';

/** Reads a one-cell-per-line pipe table; undefined when the text is not one. */
export function readPipeCells(lines: readonly string[]): DraftPlan | undefined {
  const cells: { text: string; line: number }[] = [];
  let pending = '';
  let pendingLine = 0;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    if (!pendingLine) pendingLine = index + 1;
    if (/\|$/.test(line) && !/\|.*\|/.test(line.slice(0, -1))) {
      // Text before the first cell is the document's preamble, not part of the table.
      const carried = cells.length > 0 ? pending : '';
      cells.push({ text: `${carried} ${line.slice(0, -1)}`.trim(), line: carried ? pendingLine : index + 1 });
      pending = '';
      pendingLine = 0;
    } else {
      pending = `${pending} ${line}`.trim();
    }
  });
  if (cells.length < 8) return undefined;
  let headerStart = -1;
  let width = 0;
  for (let i = 0; i < cells.length && headerStart < 0; i++) {
    for (let n = 3; n <= 6; n++) {
      const candidate = cells.slice(i, i + n).map((cell) => cell.text);
      if (/序号/.test(candidate[0] ?? '') && looksLikeHeader(candidate) && /^\d+$/.test(cells[i + n]?.text ?? '')) {
        headerStart = i;
        width = n;
        break;
      }
    }
  }
  if (headerStart < 0) return undefined;
  const columns = mapColumns(cells.slice(headerStart, headerStart + width).map((cell) => cell.text))!;
  const nodes: DraftNode[] = [];
  const warnings: DraftPlan['warnings'] = [];
  let i = headerStart + width;
  while (i < cells.length) {
    if (!/^\d+$/.test(cells[i]!.text)) {
      warnings.push({ line: cells[i]!.line, message: `第${cells[i]!.line}行：多出的单元格“${cells[i]!.text.slice(0, 30)}”不属于任何一行，已跳过` });
      i++;
      continue;
    }
    const row = cells.slice(i, i + width);
    const at = (index: number) => (index >= 0 ? (row[index]?.text ?? '') : '');
    const requirement = squash(at(columns.title >= 0 ? columns.title : columns.requirement));
    nodes.push({
      key: at(columns.number >= 0 ? columns.number : 0),
      number: at(columns.number >= 0 ? columns.number : 0),
      title: firstSentence(requirement),
      requirement,
      categories: [],
      line: row[0]!.line,
      excerpt: row.map((cell) => cell.text).join(' | '),
      unitText: at(columns.units),
      deadlineText: at(columns.deadline),
      children: [],
      warnings: row.length < width ? [`第${row[0]!.line}行：这一行的单元格不全`] : [],
    });
    i += width;
  }
  return {
    layout: 'pipe-cells',
    nodes,
    defaultRole: columns.defaultRole,
    spaceSeparates: true,
    unitsAreSections: columns.sections,
    warnings,
  };
}
