/**
 * Reads tables that a web page flattened to one row per line, the cells
 * separated only by spaces:
 *
 *   序号 工 作 任 务 牵头负责部门
 *   1 居民消费价格涨幅3%左右 发展改革委
 *
 * The header's spaced-out characters are joined back into words; each row's
 * space-separated pieces are put into the header's columns by what they
 * hold (units, a deadline, text), the same alignment the one-cell-per-line
 * reader uses, so a task text with a space inside stays one cell. A line
 * that does not start with the next 序号 continues the row above; a table
 * without a 序号 column has a row per line, numbered in order. Cutting
 * rows is all this file does; readGrid gives them meaning.
 */
import type { DraftPlan } from '../draft.js';
import { classifyHeader, classifyHeaders, looksLikeHeader, mapColumns } from './columns.js';
import { looksLikePerson } from '../people.js';
import { gatherHeaderLines, joinHeaderPieces, joinSpacedCharacters, repeatsHeader } from './header-rows.js';
import { withArabicLeadingNumbers } from '../row-numbers.js';
import { cellKind } from './cell-kinds.js';
import { alignContiguous, alignNearlyFull, groupingColumnsAsCategories, TABLE_END, type Block } from './flat-cells.js';
import { lineAbove, lineBelow, readGrid, SECTION_ROW, type GridRow } from './grid.js';

function piecesOf(line: string): string[] {
  const pieces: string[] = [];
  for (const piece of line.trim().split(/[ \u3000\t]+/).filter(Boolean)) {
    const previous = pieces.at(-1);
    // A space inside a cell is no cell's end: a name padded in a narrow column ("周 斐"), a figure and its measure ("6 座").
    const paddedName = previous !== undefined && /^[\u4e00-\u9fa5]$/.test(previous) && /^[\u4e00-\u9fa5]{1,2}$/.test(piece) && looksLikePerson(`${previous}${piece}`);
    const measure = previous !== undefined && /\d$/.test(previous) && !/^\d{1,5}$/.test(previous) && MEASURE_START.test(piece);
    if (paddedName || measure) pieces[pieces.length - 1] = `${previous}${paddedName ? '' : ' '}${piece}`;
    else pieces.push(piece);
  }
  return pieces;
}

/** What a figure counts, starting the piece after it ("6 座。", "100 公里"). */
const MEASURE_START = /^(?:个|座|所|人次?|次|万|亿|公里|千米|米|家|场|处|条|项|辆|台|套|件|吨|亩|元|户|%|％)(?:$|[，,。；;、])/;

/**
 * A page that ran a whole table into one line ("… 序号 承担的重点工作 …
 * 牵头责任单位 一、… 1 全市生产总值增长… 市发展改革委 2 …") is cut back into
 * lines: the header from 序号, then a line at each section heading and at
 * each next row number.
 */
function unrunNumberedTable(line: string): string[] {
  const tokens = line.trim().split(/\s+/);
  const at = tokens.findIndex((token, index) => token === '序号' || (token === '序' && tokens[index + 1] === '号'));
  const out: string[][] = [tokens.slice(0, at), []];
  let expected = 1;
  for (const token of tokens.slice(at)) {
    if (token === String(expected) || SECTION_ROW.test(token)) {
      out.push([]);
      if (token === String(expected)) expected++;
    }
    out.at(-1)!.push(token);
  }
  return out.filter((part) => part.length > 0).map((part) => part.join(' '));
}

/** Where a run of three or more header words starts in a line's pieces (工作任务和内容 责任单位 配合单位 完成时间), with its length. */
function headerRunIn(tokens: readonly string[]): { at: number; length: number } | undefined {
  for (let at = 0; at < tokens.length; at++) {
    let length = 0;
    while (at + length < tokens.length && tokens[at + length]!.length <= 16 && classifyHeader(tokens[at + length]!) !== undefined) length++;
    if (length >= 3 && looksLikeHeader(tokens.slice(at, at + length))) return { at, length };
    at += length;
  }
  return undefined;
}

/** A piece that says who does a row's work or by when: a unit list, people, a deadline. */
const assigns = (piece: string) => ['units', 'leaders', 'deadline'].includes(cellKind(piece));
/** A piece of task text: a sentence, not a short name that could be a unit's half or a deadline's tail (扬尘治理方案). */
const taskText = (piece: string) => cellKind(piece) === 'text' && (piece.length > 16 || /[，,。.；;]/.test(piece));

/**
 * A table without 序号 run together into a line or two ("… 工作任务和内容 责任单位 配合单位 完成时间
 * 负责全县…宣传. 县委宣传部 持续开展 负责大气污染…检查考核工作. 县委县政府 督查室 持续开展 …"), as
 * document sites give Word tables: cut back into a header line and a line a row, a row ending
 * where task text follows the pieces that said who does it and by when. The body runs on over the
 * lines after it that still hold such pieces.
 */
function unrunUnnumberedTable(lines: readonly string[], index: number): { lines: string[]; next: number } | undefined {
  // Cells parted by bars or tabs are the pipe and tab readers' tables.
  if (/[|\t]/.test(lines[index]!)) return undefined;
  const tokens = lines[index]!.trim().split(/\s+/);
  // Three header words and a piece of the body at least.
  if (tokens.length < 4) return undefined;
  const run = headerRunIn(tokens);
  if (!run) return undefined;
  const body = tokens.slice(run.at + run.length);
  // Only a table run into its header's own line, its task text before its units (rows are cut at the next task text).
  const kinds = classifyHeaders(tokens.slice(run.at, run.at + run.length));
  if (!body.some(taskText) || !kinds.includes('text') || kinds.indexOf('text') > kinds.indexOf('units')) return undefined;
  let next = index + 1;
  for (; next < lines.length; next++) {
    const line = lines[next]!.trim();
    if (line === '') continue;
    const pieces = line.split(/\s+/);
    if (TABLE_END.test(line) || SECTION_ROW.test(line) || !pieces.some(assigns)) break;
    body.push(...pieces);
  }
  const rows: string[][] = [[]];
  for (const piece of body) {
    const row = rows.at(-1)!;
    if (taskText(piece) && row.some(assigns) && row.some(taskText)) rows.push([]);
    rows.at(-1)!.push(piece);
  }
  if (rows.length < 2) return undefined;
  return { lines: [tokens.slice(0, run.at).join(' '), tokens.slice(run.at, run.at + run.length).join(' '), ...rows.map((row) => row.join(' '))], next };
}

/** The document's lines with every table a page ran into one line cut back into a line a row. */
function unrunTables(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (/(^|\s)序\s?号\s/.test(line)) out.push(...(line.length < 150 ? [line] : unrunNumberedTable(line)));
    else {
      const unrun = unrunUnnumberedTable(lines, index);
      if (!unrun) out.push(line);
      else {
        out.push(...unrun.lines);
        index = unrun.next - 1;
      }
    }
  }
  return out;
}

/** Whether the next line with text after `from` is a row of the table: two pieces or more, one naming units, leaders or a deadline, and not the header or another. */
function nextRowAssigns(lines: readonly string[], from: number, headerCells: readonly string[]): boolean {
  const next = lineBelow(lines, from);
  if (!next || TABLE_END.test(next.trim()) || SECTION_ROW.test(next.trim())) return false;
  const pieces = piecesOf(next);
  return pieces.length >= 2 && pieces.length <= headerCells.length + 2 && pieces.some(assigns) && !looksLikeHeader(pieces);
}

/** The lines as this reader reads them: a header written one cell a line gathered, rows numbered 一二三 counted, run-together rows cut. */
function prepared(raw: readonly string[]): string[] {
  return unrunTables(withArabicLeadingNumbers(gatherHeaderLines(raw)));
}

/**
 * Cuts a space-separated table into rows (header first); undefined when the text has none. `isHeader`
 * says which line heads a table: a task table's header by default, another (one naming no unit) when asked.
 */
export function spacedRows(raw: readonly string[], isHeader: (cells: readonly string[]) => boolean = looksLikeHeader): GridRow[] | undefined {
  return spacedRowsOf(prepared(raw), isHeader);
}

/** The table of lines already cut at run-together rows. */
function spacedRowsOf(lines: readonly string[], isHeader: (cells: readonly string[]) => boolean = looksLikeHeader): GridRow[] | undefined {
  for (let start = 0; start < lines.length; start++) {
    // Cells parted by bars or tabs are the pipe and tab readers' tables.
    if (/[|\t]/.test(lines[start]!)) continue;
    const headerCells = joinHeaderPieces(piecesOf(joinSpacedCharacters(lines[start]!)));
    // Two cells only when they are the task and its units (工作任务 牵头负责部门).
    const pair = headerCells.length === 2 && classifyHeaders(headerCells).join() === 'text,units';
    if ((headerCells.length < 3 && !pair) || headerCells.length > 12 || !isHeader(headerCells)) continue;
    let columns = classifyHeaders(headerCells);
    // Without a 序号 column each line is a row; the importer numbers them. So too when the page dropped
    // every row's number though the header kept the column (no line among the first rows starts with one).
    const firstLines = lines.slice(start + 1).map((line) => line.trim()).filter((line) => line !== '' && !SECTION_ROW.test(line)).slice(0, 4);
    const numbersDropped = columns[0] === 'number' && firstLines.length >= 2 && !firstLines.some((line) => /^\d{1,5}(?:[.．、](?!\d)|\s|$)/.test(line));
    const numbered = columns[0] === 'number' && !numbersDropped;
    if (columns[0] !== 'number') {
      headerCells.unshift('序号');
      columns = ['number', ...columns];
    }
    const rows: { pieces: Block[]; line: number; heading?: boolean; underMerged?: boolean; taskOnly?: boolean; item?: boolean }[] = [];
    const isHeaderAgain = repeatsHeader(headerCells);
    let previous = 0;
    let blanks = 0;
    for (let index = start + 1; index < lines.length; index++) {
      const line = lines[index]!.trim();
      if (line === '') {
        // Blank lines end an unnumbered table, unless a row that names who does the work comes next (a table the page cut in two).
        if (!numbered && rows.length > 0 && ++blanks >= 2 && !nextRowAssigns(lines, index + 1, headerCells)) break;
        continue;
      }
      blanks = 0;
      const headerAgain = piecesOf(joinSpacedCharacters(line));
      // The header printed again on the next page is no row; another header starts another table.
      if (isHeaderAgain(headerAgain)) continue;
      if (TABLE_END.test(line) || looksLikeHeader(headerAgain)) break;
      // "1" apart, or "1." / "1、" glued to the task text (without a 序号 column the row keeps it as its item's: `item` below).
      const glued = /^(\d{1,5})[.．、](?!\d)\s*/.exec(line);
      const pieces = piecesOf(glued ? `${glued[1]} ${line.slice(glued[0].length)}` : line).map((text) => ({ text, line: index + 1 }));
      const number = /^\d{1,5}$/.test(pieces[0]!.text) ? Number(pieces[0]!.text) : undefined;
      if ((numbered || (rows.length > 0 && !/\s/.test(line))) && SECTION_ROW.test(line) && line.length <= 60) {
        // A part's heading (二、全力以赴扩投资…) heads the rows under it, numbered or not (unnumbered, a line of one cell).
        rows.push({ pieces: [{ text: line, line: index + 1 }], line: index + 1, heading: true });
      } else if (numbered && number !== undefined && number > previous && (number <= previous + 3 || previous === 0 || pieces.length >= Math.max(3, columns.length - 2)) && pieces.length >= 2) {
        // A jump in the numbers (3, 68, 69: a bureau's rows picked out of a city's table) is a row when the line fills the row's columns.
        rows.push({ pieces, line: index + 1 });
        previous = number;
      } else if (!numbered && pieces.length >= 2 && line.length <= 300) {
        // A number glued to the row's first words (15.推进…) without a 序号 column: the row's item, its task (never a group's name).
        rows.push({ pieces: [{ text: String(rows.length + 1), line: index + 1 }, ...pieces], line: index + 1, ...(glued && pieces.length >= 3 ? { item: true } : {}) });
      } else if (!numbered && rows.length > 0 && pieces.length === 1 && TASK_ALONE.test(pieces[0]!.text) && cellKind(pieces[0]!.text) === 'text' && rowDone(rows.at(-1)!)) {
        // Without a 序号, a line that is a task of its own after a finished row (its other cells merged from the row above:
        // 开展好“三下乡”活动。 under a row naming its 股室) is the next row, not the end of the table.
        rows.push({ pieces: [{ text: String(rows.length + 1), line: index + 1 }, ...pieces], line: index + 1, taskOnly: true });
      } else if (numbered && rows.length > 0 && !rows.at(-1)!.heading && pieces.length >= Math.max(4, columns.length - 3) && line.length <= 300) {
        // A line as full as a row, without a number: a row under a merged 序号 (and the group cells beside it), its cells
        // the right-hand columns.
        rows.push({ pieces: [{ text: '', line: index + 1 }, ...pieces], line: index + 1, underMerged: true });
      } else if (numbered && rows.length > 0 && !rows.at(-1)!.heading && line.length <= 200) {
        rows.at(-1)!.pieces.push(...pieces);
      } else if (rows.length > 0) {
        break;
      }
    }
    // A heading the table ended on (二、工作要求 over the text after it) heads nothing.
    while (rows.at(-1)?.heading) rows.pop();
    if (rows.filter((row) => !row.heading).length < 2) continue;
    const header: GridRow = { cells: headerCells.map((text) => ({ text, line: start + 1 })), line: start + 1 };
    const titleAt = Math.max(1, columns.indexOf('text'));
    // A numbered row names its task; a row that lost its merged group cell (指标 | 工作任务) puts its task in the task's column.
    const alignTo = groupingColumnsAsCategories(headerCells, columns).slice(1);
    const taskAt = (mapColumns(headerCells)?.title ?? 0) - 1;
    // A row opened by its item's number (15.推进…) under a merged group cell starts at the task's column, the number kept.
    const alignRow = (pieces: readonly Block[], item: boolean) =>
      item && taskAt > 0
        ? [...alignTo.slice(0, taskAt).map(() => ({ text: '', line: pieces[0]!.line })), ...alignNearlyFull([{ ...pieces[1]!, text: `${pieces[0]!.text}.${pieces[1]!.text}` }, ...pieces.slice(2)], alignTo.slice(taskAt), 0)]
        : alignNearlyFull(pieces, alignTo, numbered ? taskAt : -1);
    return [
      header,
      ...rows.map((row) =>
        row.heading
          ? { cells: columns.map((_, index) => ({ text: index === titleAt ? row.pieces[0]!.text : '', line: row.line })), line: row.line }
          : row.taskOnly
          ? { cells: columns.map((_, index) => ({ text: index === 0 ? row.pieces[0]!.text : index === taskAt + 1 ? row.pieces[1]!.text : '', line: row.line })), line: row.line }
          : { cells: [{ text: row.pieces[0]!.text, line: row.line }, ...(row.underMerged ? alignContiguous(row.pieces.slice(1), alignTo) : alignRow(row.pieces.slice(1), row.item === true))], line: row.line },
      ),
    ];
  }
  return undefined;
}

/** A line that can be a task on its own: some words, not a paragraph (开展好“三下乡”活动。, 值周班、校学生会工作启动). */
const TASK_ALONE = /^\S.{5,119}$/;
/** Whether a row is finished, so the next line starts anew: a task alone, or its last cell ends a sentence or is a unit, a person or a deadline. */
function rowDone(row: { pieces: readonly Block[]; taskOnly?: boolean }): boolean {
  // A row that was a task alone is whole: its other cells are merged from above, as the next task-alone row's are.
  if (row.taskOnly) return true;
  const last = row.pieces.at(-1)!.text;
  return /[。；;）)]$/.test(last) || ['units', 'leaders', 'deadline'].includes(cellKind(last));
}

/** Reads a space-separated table; undefined when the text is not one. */
export function readSpacedRows(lines: readonly string[]): DraftPlan | undefined {
  const unrun = prepared(lines);
  const rows = spacedRowsOf(unrun);
  if (!rows) return undefined;
  const above = lineAbove(unrun, rows[0]!.line);
  return readGrid(rows, 'spaced-rows', above ? { headingAbove: above } : {});
}
