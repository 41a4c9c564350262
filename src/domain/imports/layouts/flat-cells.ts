/**
 * Reads tables that a web page or a copy-paste flattened to one cell per
 * line, with no delimiters: a header of short cells (序号 / 重点任务 / 牵头单位
 * / 完成时限 …), then the rows, each starting with its 序号. Cells are
 * separated by blank lines when the page kept them (a cell may then hold
 * several lines, such as three units), else one line is one cell.
 *
 * Pages drop empty cells, so a row may have fewer cells than the header;
 * the cells are then put back into the columns they fit by what they hold
 * (units, leaders, a deadline, a figure, text), in order. A row without a
 * 序号 continues the task above (a merged 序号 cell). Cutting rows is all
 * this file does; readGrid gives them meaning.
 */
import { classifyHeader, looksLikeHeader, type HeaderKind } from './columns.js';
import { cellKind, type CellKind } from './cell-kinds.js';
import type { DraftPlan } from '../draft.js';
import { readGrid, type GridCell, type GridRow } from './grid.js';

/** A run of text: a line, or lines without a blank line between them. */
interface Block {
  text: string;
  line: number;
}

/** Where the table ends: the page's own furniture, or a document's tail. */
const TABLE_END = /^(附件\s*\d|抄送|公开方式|扫一扫|分享到|【打印|打印本页|关闭窗口|上一篇|下一篇|相关链接|责任编辑|主办单位：|版权所有)/;

function blocksOf(lines: readonly string[], separatedByBlanks: boolean): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  lines.forEach((raw, index) => {
    // A line holding only a delimiter ("|") separates cells as a blank line does.
    const line = raw.trim().replace(/^\|$/, '');
    if (line === '') {
      current = undefined;
      return;
    }
    if (separatedByBlanks && current) current.text += `\n${line}`;
    else {
      current = { text: line, line: index + 1 };
      blocks.push(current);
    }
  });
  return blocks;
}

/** The header: three or more consecutive short header cells that look like a task table's. */
function findHeader(blocks: readonly Block[]): { start: number; width: number } | undefined {
  for (let start = 0; start < blocks.length; start++) {
    let end = start;
    while (end < blocks.length && end - start < 12 && classifyHeader(blocks[end]!.text) !== undefined && !/\n/.test(blocks[end]!.text)) end++;
    // A header starts at its 序号 cell when it has one (a caption above it is not a column).
    const numberAt = blocks.slice(start, end).findIndex((block) => classifyHeader(block.text) === 'number');
    const from = numberAt > 0 ? start + numberAt : start;
    for (let width = end - from; width >= 3; width--) {
      const cells = blocks.slice(from, from + width).map((block) => block.text);
      if (looksLikeHeader(cells)) return { start: from, width };
    }
  }
  return undefined;
}

/** How well a cell of one kind sits in a column of another. */
function fit(cell: CellKind, column: HeaderKind | undefined): number {
  const table: Record<CellKind, Partial<Record<HeaderKind, number>>> = {
    number: { number: 6, other: 1, text: -2 },
    units: { units: 4, other: -1, text: -2, measures: -2, category: -2, leaders: -3, deadline: -4 },
    leaders: { leaders: 4, units: -1, other: -1, text: -2 },
    deadline: { deadline: 4, text: 0, other: 0, measures: 0, units: -4, leaders: -4 },
    figure: { other: 3, text: 0, deadline: -1, measures: 0, units: -4, leaders: -4 },
    text: { text: 3, measures: 3, category: 2, other: 0, deadline: -2, units: -3, leaders: -4 },
  };
  return table[cell][column ?? 'other'] ?? -5;
}

/**
 * Puts a row's cells into columns in order, best fit first: a monotone
 * alignment (each cell to a column right of the last; a cell may join the
 * cell before it in the same column, as units listed one per line do).
 */
function align(cells: readonly Block[], columns: readonly (HeaderKind | undefined)[]): GridCell[] {
  const kinds = cells.map((cell) => cellKind(cell.text));
  const memo = new Map<string, { score: number; plan: number[] }>();
  const best = (i: number, j: number): { score: number; plan: number[] } => {
    if (i === cells.length) return { score: 0, plan: [] };
    if (j >= columns.length) return { score: -1000, plan: [] };
    const key = `${i}:${j}`;
    const known = memo.get(key);
    if (known) return known;
    const skip = best(i, j + 1);
    const placed = best(i + 1, j + 1);
    let result = { score: skip.score, plan: skip.plan };
    const here = fit(kinds[i]!, columns[j]) + placed.score;
    if (here >= result.score) result = { score: here, plan: [j, ...placed.plan] };
    if (columns[j] !== 'number') {
      const stay = best(i + 1, j);
      const joined = fit(kinds[i]!, columns[j]) - 1 + stay.score;
      if (joined > result.score) result = { score: joined, plan: [j, ...stay.plan] };
    }
    memo.set(key, result);
    return result;
  };
  const { plan } = best(0, 0);
  const row: GridCell[] = columns.map(() => ({ text: '', line: cells[0]?.line ?? 0 }));
  plan.forEach((column, index) => {
    const target = row[column]!;
    target.text = target.text ? `${target.text}\n${cells[index]!.text}` : cells[index]!.text;
    if (!target.line || target.text === cells[index]!.text) target.line = cells[index]!.line;
  });
  return row;
}

function rowsOf(blocks: readonly Block[], header: { start: number; width: number }): GridRow[] {
  const headerBlocks = blocks.slice(header.start, header.start + header.width);
  const columns = headerBlocks.map((block) => classifyHeader(block.text));
  const numberIndex = columns.indexOf('number');
  const numbered = numberIndex >= 0;
  const rows: Block[][] = [];
  // Cells before the 序号 column (a 分类 cell) wait for the row their number starts.
  let leading: Block[] = [];
  let previous = 0;
  for (const block of blocks.slice(header.start + header.width)) {
    if (TABLE_END.test(block.text)) break;
    const current = rows.at(-1);
    const number = /^\d{1,4}$/.test(block.text) ? Number(block.text) : undefined;
    const filled = (current?.length ?? 0) >= header.width - Math.max(numberIndex, 0);
    const startsRow = numbered
      ? number !== undefined && (number === previous + 1 || (number > previous && (current?.length ?? 0) >= 2))
      : !current || current.length >= header.width;
    if (startsRow || !current) {
      const padding = numbered ? Array.from({ length: Math.max(0, numberIndex - leading.length) }, () => ({ text: '', line: block.line })) : [];
      rows.push(numbered && numberIndex > 0 ? [...padding, ...leading.slice(-numberIndex), block] : [block]);
      leading = [];
      if (number !== undefined && numbered) previous = number;
    } else if (numberIndex > 0 && filled) {
      leading.push(block);
    } else if (numbered && current.length >= header.width && cellKind(block.text) === 'text') {
      // A full row followed by text: a row under the same merged 序号.
      rows.push([{ text: '', line: block.line }, block]);
    } else {
      current.push(block);
    }
  }
  const headerRow: GridRow = { cells: headerBlocks.map((block) => ({ text: block.text, line: block.line })), line: headerBlocks[0]!.line };
  return [
    headerRow,
    ...rows.map((cells): GridRow => {
      const line = cells.find((cell) => cell.line)?.line ?? cells[0]!.line;
      if (cells.length === header.width) return { cells: cells.map((cell) => ({ text: cell.text, line: cell.line })), line };
      const continuation = cells[0]!.text === '' && numberIndex === 0;
      if (numberIndex > 0 && cells.length === header.width) return { cells: cells.map((cell) => ({ text: cell.text, line: cell.line })), line };
      if (numberIndex > 0) {
        // The cells before the number are known; the rest are aligned.
        const head = cells.slice(0, numberIndex + 1).map((cell) => ({ text: cell.text, line: cell.line }));
        const tail = align(cells.slice(numberIndex + 1), columns.slice(numberIndex + 1));
        return { cells: [...head, ...tail], line };
      }
      return { cells: align(continuation ? cells.slice(1) : cells, columns), line };
    }),
  ];
}

/** Reads a one-cell-per-line table; undefined when the text is not one. */
export function readFlatCells(lines: readonly string[]): DraftPlan | undefined {
  const rows = flatCellRows(lines);
  return rows && readGrid(rows, 'flat-cells');
}

/** Cuts a one-cell-per-line table into rows (header first); undefined when the text has none. */
export function flatCellRows(lines: readonly string[]): GridRow[] | undefined {
  for (const separatedByBlanks of [true, false]) {
    const blocks = blocksOf(lines, separatedByBlanks);
    const header = findHeader(blocks);
    if (!header) continue;
    const rows = rowsOf(blocks, header);
    if (rows.length >= 3) return rows;
  }
  return undefined;
}
