/**
 * Reads a table drawn with box characters, as old documents saved as text and
 * legal-text sites keep them:
 *
 *   ┌──────────────┬───┬────────┬────┐
 *   │ 工 作 任 务    │分管领│牵头组织实施单位│完成时限│
 *   │              │ 导 │        │    │
 *   ├──────────────┼───┼────────┼────┤
 *   │△进一步调整财政支出│梁志强│各县(市、区)政│年内见成│
 *   │结构…            │   │府,市财政局  │ 效  │
 *   │△加强财政监督…    │   ├────────┤    │
 *
 * The padding inside cells may be lost, so columns are counted by their bars,
 * not their positions. Each column is cut into cells at its own rules (├──┤),
 * so a cell merged down over several rows is one cell; a cell's lines are
 * joined (a narrow column wraps its words). In the task column each item
 * marked △ ▲ ● or numbered starts a row, the text above the first item is
 * the heading over them; every other column gives a row the cell beside the
 * row's first line. Cutting rows is all this file does; readGrid gives them
 * meaning.
 */
import type { DraftPlan } from '../draft.js';
import { classifyHeaders, looksLikeHeader } from './columns.js';
import { readGrid, type GridRow } from './grid.js';

/** A line of the drawing: it starts with a bar or a corner. */
const DRAWN = /^\s*[│┃├┤┼┌┐└┘┬┴┠┨┏┓┗┛┣┫]/;
/** What parts one column from the next on a line. */
const BAR = /[│┃├┤┼┌┐└┘┬┴┠┨┏┓┗┛┣┫╋┳┻]/;
/** A rule across a column: only line characters. */
const RULE = /^[\s─━═]*[─━═][\s─━═]*$/;
/** An item in the task column: marked △ ▲ ● ◆ ★ or numbered 1. / 1、 / （1）. */
const ITEM = /^(?:[△▲●◆★☆□■]|\d{1,3}[.、．]|[（(]\d{1,3}[)）])/;

/** A column's cell: its lines' texts and the drawing lines it spans. */
interface BoxCell {
  parts: string[];
  from: number;
  to: number;
}

/** The segments of a drawn line between its bars. */
function segments(line: string): string[] {
  const parts = line.trim().split(BAR);
  return parts.slice(1, parts.length - 1);
}

/** Cuts a box-drawn table into rows (header first); undefined when the text has none. */
export function boxTableRows(lines: readonly string[]): GridRow[] | undefined {
  const start = lines.findIndex((line) => /^\s*[┌┏]/.test(line));
  if (start < 0) return undefined;
  let end = start;
  while (end < lines.length && DRAWN.test(lines[end]!)) end++;
  const width = segments(lines[start]!).length;
  if (end - start < 4 || width < 2 || width > 12) return undefined;
  // Each column's cells, in order, cut at that column's rules.
  const columns: BoxCell[][] = Array.from({ length: width }, () => []);
  const open: (BoxCell | undefined)[] = Array.from({ length: width }, () => undefined);
  for (let index = start + 1; index < end; index++) {
    const parts = segments(lines[index]!);
    if (parts.length !== width) continue;
    parts.forEach((part, column) => {
      if (RULE.test(part)) {
        open[column] = undefined;
        return;
      }
      let cell = open[column];
      if (!cell) {
        cell = { parts: [], from: index, to: index };
        open[column] = cell;
        columns[column]!.push(cell);
      }
      cell.parts.push(part.trim());
      cell.to = index;
    });
  }
  const text = (cell: BoxCell | undefined) => (cell ? cell.parts.join('').replace(/\s+/g, '') : '');
  const header = columns.map((cells) => text(cells[0]));
  if (!looksLikeHeader(header)) return undefined;
  const headerEnd = Math.max(...columns.map((cells) => cells[0]?.to ?? start));
  const kinds = classifyHeaders(header);
  const taskColumn = Math.max(0, kinds.findIndex((kind) => kind === 'text' || kind === 'measures'));
  /** The cell of a column that spans a drawing line. */
  const at = (column: number, line: number) => columns[column]!.find((cell) => cell.from <= line && line <= cell.to);
  const rows: GridRow[] = [{ cells: ['类别', ...header].map((cell) => ({ text: cell, line: start + 1 })), line: start + 1 }];
  const body = columns[taskColumn]!.filter((candidate) => candidate.from > headerEnd);
  /** A cell's items, each with the drawing line it starts on, and the text before the first (their heading). */
  const itemsOf = (cell: BoxCell) => {
    const items: { text: string; line: number }[] = [];
    let before = '';
    cell.parts.forEach((part, offset) => {
      if (part === '') return;
      if (ITEM.test(part)) items.push({ text: part.replace(/^[△▲●◆★☆□■]\s*/, ''), line: cell.from + offset });
      else if (items.length > 0) items.at(-1)!.text += part;
      else before += part;
    });
    return { items, before };
  };
  let heading = '';
  body.forEach((cell, index) => {
    const { items, before } = itemsOf(cell);
    // A cell of no items over one of items (抓好财税金融工作 over △…) heads them; else it is a row of its own.
    if (items.length === 0 && body[index + 1] && itemsOf(body[index + 1]!).items.length > 0) {
      heading = before;
      return;
    }
    if (before && items.length > 0) heading = before;
    if (items.length === 0) items.push({ text: before, line: cell.from });
    for (const item of items) {
      const cells = header.map((_, column) => (column === taskColumn ? item.text : text(at(column, item.line))));
      rows.push({ cells: [heading, ...cells].map((value) => ({ text: value, line: item.line + 1 })), line: item.line + 1 });
    }
  });
  return rows.length > 1 ? rows : undefined;
}

/** Reads a box-drawn table; undefined when the text is not one. */
export function readBoxTable(lines: readonly string[]): DraftPlan | undefined {
  const rows = boxTableRows(lines);
  return rows && readGrid(rows, 'table');
}
