/**
 * Reads tables copied out of a web page or a spreadsheet as one row per
 * line, the cells parted by tabs: a browser's copy of an HTML table keeps
 * every cell, empty ones too, so the columns are exact —
 *
 *   序号\t工作任务\t牵头单位\t完成时限
 *   1\t建设…\t\t年底前
 *
 * A line without a tab is a section heading (一、…) or the rest of the cell
 * above that held a line break. Cutting rows is all this file does;
 * readGrid gives them meaning (merged and empty cells, no 序号).
 */
import type { DraftPlan } from '../draft.js';
import { cellKind } from './cell-kinds.js';
import { classifyHeaders, looksLikeHeader, type HeaderKind } from './columns.js';
import { TABLE_END } from './flat-cells.js';
import { lineAbove, lineBelow, readGrid, SECTION_ROW, type GridRow } from './grid.js';
import { gatherHeaderLines, repeatsHeader, withSubHeaderRow } from './header-rows.js';
import { countsRows } from '../row-numbers.js';

const cellsOf = (line: string) => line.split('\t').map((cell) => cell.trim());

/** Cuts a tab-separated table into rows (header first); undefined when the text has none. */
export function tabRows(raw: readonly string[]): GridRow[] | undefined {
  const lines = gatherHeaderLines(raw);
  const start = lines.findIndex((line) => /\t/.test(line) && looksLikeHeader(cellsOf(line)));
  if (start < 0) return undefined;
  const header = cellsOf(lines[start]!);
  // A header with empty cells at its ends (a leading tab) keeps its place: only trailing empties go.
  while (header.length > 0 && header.at(-1) === '') header.pop();
  const width = header.length;
  const rows: GridRow[] = [{ cells: header.map((text) => ({ text, line: start + 1 })), line: start + 1 }];
  const isHeaderAgain = repeatsHeader(header);
  let blanks = 0;
  for (let index = start + 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') {
      // Blank lines end the table, unless rows of its width carry on after them (a table the page cut in two).
      if (++blanks >= 2 && rows.length > 1 && !carriesOn(lines, index + 1, width)) break;
      continue;
    }
    blanks = 0;
    if (TABLE_END.test(line.trim())) break;
    if (/\t/.test(line)) {
      const cells = cellsOf(line);
      // The header again (a table copied from several pages) is no row; another header starts another table.
      if (isHeaderAgain(cells)) continue;
      if (looksLikeHeader(cells)) break;
      // One empty cell past the header's width is kept for now: under a header cell spanning two columns it is the
      // rows' empty last column (备注), not a stray tab; withSpannedHeader decides, then it goes.
      while (cells.length > width + 1 && cells.at(-1) === '') cells.pop();
      rows.push({ cells: Array.from({ length: Math.max(width, cells.length) }, (_, at) => ({ text: cells[at] ?? '', line: index + 1 })), line: index + 1 });
    } else if (SECTION_ROW.test(line.trim()) && line.trim().length <= 60) {
      rows.push({ cells: [{ text: line.trim(), line: index + 1 }, ...Array.from({ length: width - 1 }, () => ({ text: '', line: index + 1 }))], line: index + 1 });
    } else if (rows.length > 1) {
      // The rest of a cell that held a line break: it belongs to the last filled cell above.
      const last = rows.at(-1)!;
      const cell = [...last.cells].reverse().find((candidate) => candidate.text !== '');
      if (!cell || line.trim().length > 300) break;
      cell.text += `\n${line.trim()}`;
    }
  }
  if (rows.length < 3) return undefined;
  // A second header row (牵头单位 | 配合单位 under a spanning 责任单位) is folded in before the header is checked against the rows' width.
  return withNumberColumn(withoutStrayEmptyCells(withSpannedHeader(withCategoryUnderNumber(withoutSpannedOver(withSubHeaderRow(rows))))));
}

/** Whether the next line with text after `from` is a tab row as wide as the table's, not another header. */
function carriesOn(lines: readonly string[], from: number, width: number): boolean {
  const next = lineBelow(lines, from);
  if (!next || !/\t/.test(next)) return false;
  const cells = cellsOf(next);
  return Math.abs(cells.length - width) <= 1 && !looksLikeHeader(cells);
}

/**
 * How well a filled cell suits a column whose header is of the given kind: +1 when it does, -1 when it does not, 0 when
 * empty. A figure is the worst a unit column can hold (-2): a target's figure (26000) is never a bureau.
 */
function suits(text: string, kind: HeaderKind | undefined): number {
  if (text === '') return 0;
  const cell = cellKind(text);
  if (kind === 'units' && (cell === 'figure' || cell === 'number')) return -2;
  const fitting = kind === 'deadline' ? cell === 'deadline' : kind === 'units' ? cell === 'units' : kind === 'number' ? cell === 'number' : kind === 'text' || kind === 'category' || kind === 'measures' ? cell === 'text' : true;
  return fitting ? 1 : -1;
}

/**
 * How well rows' cells suit a header of these kinds (cells past its end counted in no column); with `emptyUnits`,
 * a unit column left empty counts against the header too (the rows' units are what a task table never lacks).
 */
function fit(rows: readonly GridRow[], columns: readonly (HeaderKind | undefined)[], emptyUnits = false): number {
  return rows.reduce(
    (sum, row) => sum + row.cells.slice(0, columns.length).reduce((rowSum, cell, index) => rowSum + (emptyUnits && cell.text === '' && columns[index] === 'units' ? -1 : suits(cell.text, columns[index])), 0),
    0,
  );
}

/**
 * A header naming a column that most rows' cells span over (主要任务 | 具体内容 above one task cell a row: a
 * copied table writes a spanned cell once) leaves the rows a cell short of the header: the header loses the
 * text column whose going lines the rows' cells up best with their columns.
 */
function withoutSpannedOver(rows: GridRow[]): GridRow[] {
  const [header, ...body] = rows;
  const width = header!.cells.length;
  const narrower = body.filter((row) => row.cells.length === width - 1 || (row.cells.length === width && row.cells.at(-1)!.text === ''));
  if (narrower.length < body.length * 0.6 || body.some((row) => row.cells.length === width && row.cells.at(-1)!.text !== '')) return rows;
  const kinds = classifyHeaders(header!.cells.map((cell) => cell.text));
  const candidates = kinds.flatMap((kind, at) => (kind === 'text' && at > 0 && kinds[at - 1] === 'text' ? [at] : []));
  if (candidates.length === 0) return rows;
  const scores = candidates.map((at) => fit(narrower, kinds.filter((_, index) => index !== at), true));
  const best = candidates[scores.indexOf(Math.max(...scores))]!;
  if (Math.max(...scores) <= fit(narrower, kinds, true)) return rows;
  return [{ ...header!, cells: header!.cells.filter((_, index) => index !== best) }, ...body.map((row) => (row.cells.length === width ? { ...row, cells: row.cells.slice(0, -1) } : row))];
}

/**
 * A header cell spanning two columns (起止日期 over 第一周 | 3月1日-3月7日) leaves the header a cell short of most
 * rows: an unnamed column goes in after the header cell whose doubling lines the rows' cells up best with their columns.
 */
function withSpannedHeader(rows: GridRow[]): GridRow[] {
  const [header, ...body] = rows;
  const width = header!.cells.length;
  // A row a cell wider with its last cell empty counts only when the header's last column is one rows leave empty (备注).
  const emptyLastFits = classifyHeaders([header!.cells.at(-1)!.text])[0] === 'other';
  const wider = body.filter((row) => row.cells.length === width + 1 && (row.cells.at(-1)!.text !== '' || emptyLastFits));
  if (wider.length < body.length * 0.6) return rows;
  const kinds = classifyHeaders(header!.cells.map((cell) => cell.text));
  const scores = kinds.map((_, at) => fit(wider, [...kinds.slice(0, at + 1), kinds[at], ...kinds.slice(at + 1)]));
  const best = scores.indexOf(Math.max(...scores));
  // Doubling a column must line the rows up better than leaving the header as it is.
  if (scores[best]! <= fit(wider, kinds)) return rows;
  const cells = [...header!.cells];
  cells.splice(best + 1, 0, { text: '', line: header!.line });
  return [{ ...header!, cells }, ...body.map((row) => (row.cells.length === width ? { ...row, cells: [...row.cells, { text: '', line: row.line }] } : row))];
}

/** Empty cells past the header's last column (a stray tab at a row's end) are no cells of the table. */
function withoutStrayEmptyCells(rows: GridRow[]): GridRow[] {
  const [header, ...body] = rows;
  const width = header!.cells.length;
  const trimmed = (row: GridRow): GridRow => {
    let end = row.cells.length;
    while (end > width && row.cells[end - 1]!.text === '') end--;
    return end === row.cells.length ? row : { ...row, cells: row.cells.slice(0, end) };
  };
  return [header!, ...body.map(trimmed)];
}

/**
 * A 序号 spanning a column of headings and the numbers (序号 over 一、… | 1, the headings merged down): the rows'
 * numbers sit one column right of the header's 序号, headings (never a number) under it; the header gets a 类别
 * column there.
 */
function withCategoryUnderNumber(rows: GridRow[]): GridRow[] {
  const [header, ...body] = rows;
  const at = classifyHeaders(header!.cells.map((cell) => cell.text)).indexOf('number');
  if (at < 0) return rows;
  const rowsWithCells = body.filter((row) => row.cells.some((cell) => cell.text !== ''));
  const numbers = rowsWithCells.filter((row) => /^\d{1,5}$/.test(row.cells[at + 1]?.text ?? '')).length;
  const headings = rowsWithCells.filter((row) => (row.cells[at]?.text ?? '') !== '').length;
  const underNumber = rowsWithCells.filter((row) => /^\d{1,5}$/.test(row.cells[at]?.text ?? '')).length;
  if (numbers < rowsWithCells.length * 0.6 || headings === 0 || underNumber > 0) return rows;
  const cells = [...header!.cells];
  cells.splice(at, 0, { text: '类别', line: header!.line });
  return [{ ...header!, cells }, ...body];
}

/**
 * A header cell spanning the 序号 column too (工作任务 over 工作任务 | 序号)
 * leaves the header a cell short of its rows: the column of the rows'
 * numbers gets its 序号 back, and the header's cells from there move right.
 */
function withNumberColumn(rows: GridRow[]): GridRow[] {
  const [header, ...body] = rows;
  const kinds = classifyHeaders(header!.cells.map((cell) => cell.text));
  if (kinds.includes('number')) return rows;
  // Bare numbers down a column whose header names text or units: that column is the 序号 the header lost.
  // Numbers that count (1, 2, 3 …, or again from 1): figures down a column (26000, 4000, 2000) are a target's, not rows'.
  const numbers = (at: number) => body.map((row) => row.cells[at]?.text ?? '').filter((text) => /^\d{1,5}$/.test(text)).map(Number);
  const at = kinds.findIndex((_, index) => {
    const found = numbers(index);
    return found.length >= body.length * 0.6 && countsRows(found);
  });
  if (at < 0 || !['text', 'units', 'category', 'measures'].includes(kinds[at] ?? '')) return rows;
  const cells = [...header!.cells];
  cells.splice(at, 0, { text: '序号', line: header!.line });
  return [{ ...header!, cells }, ...body];
}

/** Reads a tab-separated table; undefined when the text is not one. */
export function readTabRows(lines: readonly string[]): DraftPlan | undefined {
  const rows = tabRows(lines);
  if (!rows) return undefined;
  // The line right above the header may be the section heading that heads the first rows (二、李丹常委、常务副区长牵头重点工作).
  const above = lineAbove(lines, rows[0]!.line);
  return readGrid(rows, 'tab-rows', above ? { headingAbove: above } : {});
}
