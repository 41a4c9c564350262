/**
 * Reads pipe tables with one row per line (seed 004): "一、类别 | (一)任务 |
 * 1.措施 2.措施 | 科室 | |". A row without the category cell continues the
 * category above; a line that starts with neither continues the row above.
 * Tables without such cells ("烟花爆竹 | 1月份 | 安监站 安监所 |") have a row a
 * line and end where the lines stop having cells.
 * Cutting lines into rows is all this file does; readGrid reads them.
 */
import type { DraftPlan } from '../draft.js';
import { cellKind } from './cell-kinds.js';
import { classifyHeaders, looksLikeHeader } from './columns.js';
import { alignCells, alignCellsFromRight, alignContiguous } from './flat-cells.js';
import { withSubHeader } from './header-rows.js';
import { CATEGORY, readGrid, TASK, type GridRow } from './grid.js';


/** Reads a row-per-line pipe table; undefined when the text is not one. */
export function readPipeRows(lines: readonly string[]): DraftPlan | undefined {
  const rows = pipeRowRows(lines);
  return rows && readGrid(rows, 'pipe-rows');
}

/** Cuts a row-per-line pipe table into rows (header first); undefined when the text is not one. */
export function pipeRowRows(lines: readonly string[]): GridRow[] | undefined {
  const headerIndex = lines.findIndex((line) => line.includes('|') && looksLikeHeader(line.split('|').map((cell) => cell.trim())));
  if (headerIndex < 0) return undefined;
  const rows: { text: string; line: number }[] = [];
  const cellCount = (line: string) => line.split('|').filter((cell) => cell.trim() !== '').length;
  const headerWidth = cellCount(lines[headerIndex]!);
  // Rows led by "一、" / "(一)" cells (seed 004) may wrap onto lines that start with neither; other tables have a row a line.
  const headed = lines.slice(headerIndex + 1).some((line) => (CATEGORY.test(line.trim()) || TASK.test(line.trim())) && line.includes('|'));
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (!headed) {
      // A line without a cell delimiter is the prose after the table.
      if (!line.includes('|')) break;
      // A row the page broke over two lines: the second holds only the cells the first lacks ("市农牧林业局 | 2010年9月20日前 |"),
      // its first cell the end of the first line's last cell when together they are one cell too many (a break inside a cell).
      const previous = rows.at(-1);
      const together = previous ? cellCount(previous.text) + cellCount(line) : 0;
      // A line padded with empty cells to the header's width, or the line after one, is a row of its own when it opens
      // with work ("新增托位500个。 | 新增托位600个。 | ||" under a merged 序号), not the end of the row above.
      const padded = (text: string) => text.split('|').length >= lines[headerIndex]!.trim().split('|').length && /\|\s*\|\s*$/.test(text);
      const ownRow = (padded(line) || (previous !== undefined && padded(previous.text))) && cellKind(line.split('|')[0]!) === 'text';
      const broken = previous !== undefined && !ownRow && !/^\d{1,3}[.、．]/.test(line) && cellCount(previous.text) < headerWidth && cellCount(line) < headerWidth - 1 && together <= headerWidth + 1;
      if (broken && together <= headerWidth) previous.text = `${previous.text.replace(/\|\s*$/, '')} | ${line}`;
      else if (broken) previous.text = `${previous.text.replace(/\|\s*$/, '')}\n${line}`;
      else rows.push({ text: line, line: i + 1 });
    } else if (CATEGORY.test(line) || TASK.test(line) || /^\d{1,3}[.、．]/.test(line) || cellCount(line) >= Math.max(3, headerWidth - 2) || rows.length === 0) rows.push({ text: line, line: i + 1 });
    else rows.at(-1)!.text += ` | ${line}`;
  }
  // "| 工作目标 | 工作内容 |": a bar before the first cell opens the row, it does not part an empty cell off.
  const headerLine = lines[headerIndex]!.trim().replace(/^\|/, '');
  let headerCells = headerLine.split('|').map((text) => text.trim());
  // A second header row (牵头单位 | 配合单位 under 责任单位) completes the header.
  const lower = rows[0] && withSubHeader(headerCells, rows[0].text.trim().replace(/^\|/, '').replace(/\|\s*$/, '').split('|'));
  if (lower) {
    headerCells = headerLine.endsWith('|') ? [...lower, ''] : lower;
    rows.shift();
  }
  const header: GridRow = { cells: headerCells.map((text) => ({ text, line: headerIndex + 1 })), line: headerIndex + 1 };
  const columns = classifyHeaders(header.cells.map((cell) => cell.text)).filter((_, index) => header.cells[index]!.text.trim() !== '');
  let above: GridRow['cells'] | undefined;
  const body = rows.map((row): GridRow => {
    const aligned = alignedRow(row);
    above = aligned.cells;
    return aligned;
  });
  return [header, ...body];

  /** A body row's cells in the header's columns. */
  function alignedRow(row: { text: string; line: number }): GridRow {
    const cells = row.text.split('|').map((text) => text.trim()).filter(Boolean).map((text) => ({ text, line: row.line }));
    // A row short of cells lost a merged one (the page shifts the rest left): put its cells back by what they hold.
    // A row short of cells whose first is work, not a number, lost its 序号 too (more of the numbered task above, under its
    // merged 序号 and unit cells): its cells go one a column into the run they fit right of the 序号.
    if (!headed && columns[0] === 'number' && cells.length > 1 && cells.length < columns.length && cellKind(cells[0]!.text) === 'text') {
      return { cells: [{ text: '', line: row.line }, ...alignContiguous(cells, columns.slice(1))], line: row.line };
    }
    if (!headed && columns[0] === 'number' && cells.length > 1 && cells.length < columns.length) return { cells: [cells[0]!, ...alignCells(cells.slice(1), columns.slice(1))], line: row.line };
    // A row of a table headed by 一、 rows that starts at its 序号 lost the merged 大类 cell on its left: its cells go back by what they hold.
    if (headed && /^\d{1,3}$/.test(cells[0]?.text ?? '') && cells.length > 1 && cells.length < columns.length) return { cells: alignCells(cells, columns), line: row.line };
    // Without a 序号, the cells lost are a merged 工作目标 / 类别 on the left more often than any other: aligned from the right,
    // and a merged date on the left ("第一周 | 3月1日-3月7日" over the week's rows) is every such row's deadline.
    if (!headed && columns[0] !== 'number' && cells.length > 1 && cells.length < columns.length) return { cells: withMergedDeadline(alignCellsFromRight(cells, columns)), line: row.line };
    // More cells than the header names: a column the header named once holds two ("第一周 | 3月1日-3月7日" under 起止日期).
    if (!headed && cells.length > columns.length) return { cells: alignCells(cells, columns), line: row.line };
    return { cells, line: row.line };
  }

  /** A row short of its left cells keeps the deadline of the row above when its own is one of those lost. */
  function withMergedDeadline(cells: GridRow['cells']): GridRow['cells'] {
    const firstFilled = cells.findIndex((cell) => cell.text.trim() !== '');
    return cells.map((cell, index) => (index < firstFilled && columns[index] === 'deadline' && above?.[index]?.text.trim() ? { ...cell, text: above[index]!.text } : cell));
  }
}
