/**
 * Reads pipe tables with one row per line (seed 004): "一、类别 | (一)任务 |
 * 1.措施 2.措施 | 科室 | |". A row without the category cell continues the
 * category above; a line that starts with neither continues the row above.
 * Numbered measures become sub-requirements.
 */
import { type DraftNode, type DraftPlan, splitNumberedItems, firstSentence } from '../draft.js';
import { squash } from '../normalize-text.js';
import { looksLikeHeader, mapColumns } from './columns.js';

const CATEGORY = /^[一二三四五六七八九十]+、/;
const TASK = /^[(（]([一二三四五六七八九十]+)[)）]/;

/** Reads a row-per-line pipe table; undefined when the text is not one. */
export function readPipeRows(lines: readonly string[]): DraftPlan | undefined {
  const headerIndex = lines.findIndex((line) => line.includes('|') && looksLikeHeader(line.split('|').map((cell) => cell.trim())));
  if (headerIndex < 0) return undefined;
  const columns = mapColumns(lines[headerIndex]!.split('|').map((cell) => cell.trim()))!;
  const rows: { text: string; line: number }[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (CATEGORY.test(line) || TASK.test(line) || rows.length === 0) rows.push({ text: line, line: i + 1 });
    else rows.at(-1)!.text += ` | ${line}`;
  }
  const nodes: DraftNode[] = [];
  let category = '';
  let categoryIndex = 0;
  let taskIndex = 0;
  for (const row of rows) {
    const cells = row.text.split('|').map((cell) => cell.trim()).filter(Boolean);
    if (CATEGORY.test(cells[0] ?? '')) {
      category = squash(cells.shift()!);
      categoryIndex++;
      taskIndex = 0;
    }
    const [taskCell = '', measures = '', units = ''] = cells;
    taskIndex++;
    const printed = TASK.exec(taskCell);
    const title = squash(taskCell.replace(TASK, '')).replace(/[。.]$/, '');
    const key = `${categoryIndex}.${taskIndex}`;
    const node: DraftNode = {
      key,
      number: printed ? `（${printed[1]}）` : null,
      title,
      requirement: squash(measures),
      categories: category ? [category] : [],
      line: row.line,
      excerpt: row.text,
      unitText: units,
      deadlineText: '',
      children: [],
      warnings: units ? [] : [`第${row.line}行：“${title.slice(0, 20)}”没有写明牵头科室`],
    };
    for (const [index, item] of (splitNumberedItems(measures) ?? []).entries()) {
      node.children.push({
        key: `${key}.${index + 1}`,
        number: item.number,
        title: firstSentence(squash(item.text)),
        requirement: squash(item.text),
        categories: node.categories,
        line: row.line,
        excerpt: item.text,
        unitText: '',
        deadlineText: '',
        children: [],
        warnings: [],
      });
    }
    nodes.push(node);
  }
  return {
    layout: 'pipe-rows',
    nodes,
    defaultRole: columns.defaultRole,
    spaceSeparates: false,
    unitsAreSections: columns.sections,
    warnings: [],
  };
}
