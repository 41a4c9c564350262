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
import { classifyHeader, classifyHeaders, continuesHeaderCell, looksLikeHeader, mapColumns, type HeaderKind } from './columns.js';
import { cellKind, type CellKind } from './cell-kinds.js';
import type { DraftPlan } from '../draft.js';
import { readGrid, SECTION_ROW, type GridCell, type GridRow } from './grid.js';
import { joinHeaderPieces, joinSpacedCharacters, withSubHeader } from './header-rows.js';
import { withArabicRowNumbers } from '../row-numbers.js';

/** A run of text: a line, or lines without a blank line between them; a cell once cut. */
export interface Block {
  text: string;
  line: number;
}

/** Where the table ends: the page's own furniture, or a document's tail. */
export const TABLE_END = /^(附件\s*\d|附件?[:：]|抄送|公开方式|扫一扫|分享到|【打印|打印本页|关闭窗口|上一篇|下一篇|相关链接|责任编辑|主办单位：|版权所有|索引号\s*[:：]|发布机构\s*[:：]|成文日期\s*[:：])/;

function blocksOf(lines: readonly string[], separatedByBlanks: boolean): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  lines.forEach((raw, index) => {
    // A line holding only delimiters ("|", "||||") separates cells as a blank line does; a cell may end with its own " |"
    // (and a header's last cell with the bars padding its row: "投资估算 | ||").
    // "1." and "（1）" standing alone are a row's 序号.
    const line = raw.trim().replace(/^\|+$/, '').replace(/(?:\s*\|)+$/, '').trim().replace(/^[（(]?(\d{1,5})[)）.、．]$/, '$1').replace(/^(\d{1,5})[*＊※]$/, '$1');
    if (line === '') {
      current = undefined;
      return;
    }
    // A header written on one line above rows of one cell per line: each of its cells a block.
    const header = spreadHeaderLine(line, lines, index, separatedByBlanks);
    if (header) {
      blocks.push(...header.map((text) => ({ text, line: index + 1 })));
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

/** Words of work to be done, which a unit's name does not hold. */
const WORK_WORD = /建设|改造|提升|开展|推进|实施|整治|治理|工程|项目|完成|新增|培训|就业|创建|打造/;

/**
 * A unit's name a narrow column broke over two cells of a page that parts cells with blank lines ("市人力资源" /
 * "社会保障局"), or a list of units that goes on in the next cell ("市人社局、市教体局、" / "团市委"): one cell. The
 * first piece starts with its level and does not end as a unit ends; together they read as units.
 */
function withBrokenNamesJoined(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const previous = out.at(-1);
    const startsName = !/^(?:[省市区县州镇乡]|各)/.test(block.text) && cellKind(block.text) === 'units';
    // A name, not a short task before its unit (县城污水管网改造 / 住建局): no work word in it, no longer than names run.
    const broken =
      previous !== undefined &&
      /^[省市区县州][\u4e00-\u9fa5]{2,7}$/.test(previous.text) &&
      !WORK_WORD.test(previous.text) &&
      previous.text.length + block.text.length <= 14 &&
      cellKind(previous.text) === 'text' &&
      startsName &&
      cellKind(`${previous.text}${block.text}`) === 'units';
    const listGoesOn = previous !== undefined && /[、，,]$/.test(previous.text) && cellKind(previous.text) === 'units' && cellKind(block.text) === 'units';
    if (broken || listGoesOn) out[out.length - 1] = { text: `${previous!.text}${listGoesOn ? '\n' : ''}${block.text}`, line: previous!.line };
    else out.push(block);
  }
  return out;
}

/**
 * The cells of a header written on one line, as the spaced-rows reader reads one,
 * when the rows under it are one cell per line, blank lines between when the table is read so (a page that
 * renders its header as a line and its cells as blocks); undefined for any other line.
 */
function spreadHeaderLine(line: string, lines: readonly string[], at: number, separatedByBlanks: boolean): string[] | undefined {
  if (!/\s/.test(line) || line.length > 120) return undefined;
  let below = at + 1;
  while (below < lines.length && lines[below]!.trim() === '') below++;
  const next = lines[below];
  if (next === undefined || /\s/.test(next.trim())) return undefined;
  // Read with blank lines between cells, the rows' first cell has a blank line after it.
  if (separatedByBlanks && (lines[below + 1] ?? '').trim() !== '') return undefined;
  // Read as the spaced-rows reader reads a header line: characters spaced out joined, a cell the page broke joined.
  const cells = joinHeaderPieces(joinSpacedCharacters(line).trim().split(/[ \u3000\t]+/));
  return cells.length >= 3 && looksLikeHeader(cells) ? cells : undefined;
}

/** How many pieces after the 序号 a header may run to: a wide inspection plan's sixteen columns, each wrapped in two. */
const HEADER_REACH = 32;

/**
 * Header cells a narrow Word column wrapped onto two lines ("责任" / "领导",
 * "第二季度" / "完成情况") joined back, in the cells after each 序号: two short
 * pieces are one cell when together they name a column and one of them
 * names none alone, or the first is a modifier such as 责任.
 */
function joinWrappedHeaders(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  let window = 0;
  for (const [at, block] of blocks.entries()) {
    const previous = out.at(-1);
    if (classifyHeader(block.text) === 'number') window = HEADER_REACH;
    // A row's 序号 ends the header: two short cells of a row (市数据资源局 / 市政府各部门) are never one header cell.
    else if (/^\d{1,5}$/.test(block.text)) window = 0;
    else if (window > 0) window--;
    // A header without 序号 wrapped a word a line (专项 / 整治行业名称 / 时间 / 安排 / 责任 / 单位): a run of short header words
    // is joined as far as it goes, never into the rows after it.
    else if (headerRunAt(blocks, at)) window = headerRunLength(blocks, at);
    const short = (text: string) => /^[\u4e00-\u9fa5\d]{1,8}$/.test(text);
    // A year a narrow column broke ("20" / "23年度计划") is one header cell, not a row's 序号 and a cell.
    if (previous && /^(19|20)$/.test(previous.text) && /^\d{2}年/.test(block.text) && out.length >= 2 && classifyHeader(out[out.length - 2]!.text) !== undefined) {
      out[out.length - 1] = { text: `${previous.text}${block.text}`, line: previous.line };
      window = HEADER_REACH;
      continue;
    }
    // A unit of measure on its own line ("（万元）") belongs to the header cell above it.
    if (window > 0 && previous && classifyHeader(previous.text) !== undefined && classifyHeader(previous.text) !== 'number' && /^[（(][\u4e00-\u9fa5%％]{1,4}[)）]$/.test(block.text)) {
      out[out.length - 1] = { text: `${previous.text}${block.text}`, line: previous.line };
      continue;
    }
    if (window > 0 && previous && classifyHeader(previous.text) !== 'number' && short(previous.text) && short(block.text)) {
      // A piece that names a column with the piece after it ("抽查" / "户数") starts that column after a whole name ("抽取类型").
      const next = blocks[at + 1]?.text ?? '';
      const startsNext = classifyHeader(previous.text) !== undefined && classifyHeader(block.text) === undefined && short(next) && classifyHeader(`${block.text}${next}`) !== undefined;
      if (!startsNext && continuesHeaderCell(previous.text, block.text)) {
        out[out.length - 1] = { text: `${previous.text}${block.text}`, line: previous.line };
        continue;
      }
    }
    out.push(block);
  }
  return out;
}

/** Whether a run of short header words starts at `at`: the next six blocks are short words (no row's number), four of them naming columns. */
function headerRunAt(blocks: readonly Block[], at: number): boolean {
  const run = blocks.slice(at, at + 6).map((block) => block.text);
  if (run.length < 4 || run.some((text) => !/^[\u4e00-\u9fa5]{1,8}$/.test(text))) return false;
  return classifyHeader(run[0]!) !== undefined && run.filter((text) => classifyHeader(text) !== undefined).length >= 4;
}

/** How many blocks from `at` are header pieces: short words that name a column alone or joined with a neighbour. */
function headerRunLength(blocks: readonly Block[], at: number): number {
  const piece = (text: string | undefined) => text !== undefined && /^[\u4e00-\u9fa5]{1,8}$/.test(text);
  let end = at;
  while (end < blocks.length && piece(blocks[end]!.text)) {
    const [before, text, after] = [blocks[end - 1]?.text, blocks[end]!.text, blocks[end + 1]?.text];
    // A piece that names no column alone is a wrapped word's part: a few characters (安排, 单位), never a name (周阳市长).
    const names = classifyHeader(text) !== undefined || (text.length <= 3 && ((end > at && piece(before) && classifyHeader(`${before}${text}`) !== undefined) || (piece(after) && classifyHeader(`${text}${after}`) !== undefined)));
    if (!names) break;
    end++;
  }
  return end - at;
}

/**
 * A header cell a narrow column wrapped inside its cell ("工作\n任务",
 * "时限\n要求"): the short lines of one cell are one word when together
 * they name a column; any other block is itself.
 */
function headerWord(text: string): string {
  if (!/\n/.test(text)) return text;
  const parts = text.split('\n');
  const joined = parts.join('');
  // The last line may carry the rest of a long header ("重点" / "工作任务(民生实事项目)").
  const short = (part: string, index: number) => new RegExp(`^[\\u4e00-\\u9fa5（）()\\d]{1,${index === parts.length - 1 ? 14 : 6}}$`).test(part);
  return parts.length <= 4 && parts.every(short) && classifyHeader(joined) !== undefined ? joined : text;
}

/**
 * A second header row right under the header, before the first row's 序号 (责任单位 over 牵头单位 | 协助单位): folded
 * into the header in place in `blocks`, as every table reader folds one (withSubHeader); the header's new extent.
 */
function withSubHeaderBlocks(blocks: Block[], found: { start: number; width: number }): { start: number; width: number } {
  const header = subHeaderAtEnd(blocks, found);
  const from = header.start + header.width;
  let end = from;
  while (end < blocks.length && end - from < 12 && !/^\d{1,5}$/.test(blocks[end]!.text) && classifyHeader(headerWord(blocks[end]!.text)) !== undefined) end++;
  if (end - from < 2 || !/^\d{1,5}$/.test(blocks[end]?.text ?? '')) return header;
  const merged = withSubHeader(blocks.slice(header.start, from).map((block) => block.text), blocks.slice(from, end).map((block) => headerWord(block.text)));
  if (!merged) return header;
  const line = blocks[header.start]!.line;
  blocks.splice(header.start, end - header.start, ...merged.map((text) => ({ text, line })));
  return { start: header.start, width: merged.length };
}

/** A unit column's header naming the units' part: 牵头, 主办, 配合, 协助, 协办, 参与. */
const ROLE_WORD = /牵头|主办|主责|配合|协助|协办|协同|参与|会同/;

/**
 * A second header row read as the header's last cells (序号 … 责任单位 … 投资估算 | 牵头单位 | 协助单位, nothing
 * between the rows to part them): the header ends before them, so they are read as the row under it.
 */
function subHeaderAtEnd(blocks: readonly Block[], header: { start: number; width: number }): { start: number; width: number } {
  const texts = blocks.slice(header.start, header.start + header.width).map((block) => block.text);
  const kinds = texts.map((text) => classifyHeader(text));
  for (let width = header.width - 2; width >= 3; width--) {
    const tail = kinds.slice(width);
    // Unit columns by role (牵头 | 协助) under the one that names no role (责任单位): a header of 牵头单位 | 参与单位 |
    // 责任单位 in one row is three columns, not a row under the first.
    const parent = kinds.slice(0, width).flatMap((kind, at) => (kind === 'units' ? [texts[at]!] : []));
    if (parent.length !== 1 || ROLE_WORD.test(parent[0]!) || !tail.every((kind, at) => kind === 'units' && ROLE_WORD.test(texts[width + at]!))) continue;
    if (withSubHeader(texts.slice(0, width), texts.slice(width))) return { start: header.start, width };
  }
  return header;
}

/** The header: three or more consecutive short header cells that look like a task table's. */
function findHeader(blocks: readonly Block[]): { start: number; width: number } | undefined {
  for (let start = 0; start < blocks.length; start++) {
    let end = start;
    // A short cell the vocabulary does not know (区本级, the first line of "区本级任务数") may sit between header cells.
    // A section heading right under the header ("(一)刘忻市长牵头重点工作") names a leader as a header cell might; it is none.
    const headerCell = (index: number) => index < blocks.length && !/\n/.test(headerWord(blocks[index]!.text)) && !SECTION_ROW.test(blocks[index]!.text) && classifyHeader(headerWord(blocks[index]!.text)) !== undefined;
    // A wide table's wrapped header (an inspection plan's 实施 / 层级 / 抽取 / 日期) may leave up to three such pieces in a row.
    const label = (index: number) => index < blocks.length && /^[\u4e00-\u9fa5][\u4e00-\u9fa5（）()\s]{1,13}$/.test(blocks[index]!.text);
    // (Only under a header that opens with its 序号: elsewhere one piece, as before.)
    const wide = classifyHeader(blocks[start]!.text) === 'number';
    const unknownLabel = (index: number) => label(index) && (wide ? [1, 2, 3] : [1]).some((ahead) => headerCell(index + ahead) && Array.from({ length: ahead - 1 }, (_, k) => label(index + 1 + k)).every(Boolean));
    while (end < blocks.length && end - start < (wide ? 24 : 12) && (headerCell(end) || (end > start && unknownLabel(end)))) end++;
    // A header starts at its 序号 cell when it has one (a caption above it is not a column).
    const numberAt = blocks.slice(start, end).findIndex((block) => classifyHeader(block.text) === 'number');
    const from = numberAt > 0 ? start + numberAt : start;
    for (let width = end - from; width >= 3; width--) {
      const cells = blocks.slice(from, from + width).map((block) => headerWord(block.text));
      if (looksLikeHeader(cells)) return { start: from, width };
    }
    // A two-column table (工作任务 | 牵头负责部门): the task and its units, nothing else.
    const pair = blocks.slice(from, from + 2).map((block) => headerWord(block.text));
    if (end - from === 2 && classifyHeaders(pair).join() === 'text,units') return { start: from, width: 2 };
  }
  return undefined;
}

/**
 * A cell's kind for alignment: short text with no sentence in it (临平新城, 未来科技城(海创园)) is a name, a unit as
 * likely as a task; a report of how the work stands (正在推进, 已完成初稿，正在征求意见) is progress, never the task.
 */
type AlignKind = CellKind | 'name' | 'progress';

/** How far a task has got, as a 进展情况 column says it. */
const PROGRESS = /^(?:已|正在|按计划|按序时|稳步|有序|尚未|未)[^。；;]{0,16}?(?:推进|完成|启动|开展|实施|进行|开工|竣工|投用|中)(?:[，,][^。；;]{0,16})?[。]?$|^(?:进展顺利|未启动|已完成)[。]?$/;

/** A progress report's opening verdict, then its details: 已完成。…, 正在推进，…, 未启动：…. */
const PROGRESS_VERDICT = /^(?:已完成|已完工|已竣工|已开工|已启动|已投用|正在推进|正在实施|正在建设|稳步推进|有序推进|按计划推进|按序时推进|进展顺利|未启动|尚未启动|未开工|尚未开工)[。，,；;：:\s]/;

function alignKind(text: string): AlignKind {
  const kind = cellKind(text);
  // 持续推进, 长期坚持: how long the work goes on is its deadline, however like a progress report it reads.
  if (kind !== 'deadline' && PROGRESS.test(text.trim()) && text.trim().length <= 30) return 'progress';
  // A longer report opened by its verdict ("已完成。已制定并下发…", "正在推进，完成筛查3495人") is progress too.
  if (kind !== 'deadline' && PROGRESS_VERDICT.test(text.trim())) return 'progress';
  // Two characters of a name (广电, 文旅) are a name, not a figure.
  if (kind === 'figure' && /^[\u4e00-\u9fa5]{2}$/.test(text.trim())) return 'name';
  // An alias in parentheses (余杭经济技术开发区(钱江经济开发区)) is not counted.
  const flat = text.replace(/\s+/g, '').replace(/（[^（）]*）|\([^()]*\)/g, '');
  return kind === 'text' && flat.length <= 16 && !/[，,。；;：:、\d]/.test(flat) ? 'name' : kind;
}

/** How well a cell of one kind sits in a column of another. */
function fit(cell: AlignKind, column: HeaderKind | undefined): number {
  const table: Record<AlignKind, Partial<Record<HeaderKind, number>>> = {
    name: { text: 3, measures: 2, category: 2, units: 1, place: 2, other: 0, deadline: -2, leaders: -3 },
    number: { number: 6, other: 1, text: -2 },
    units: { units: 4, place: 3, other: -1, text: -2, measures: -2, category: -2, leaders: -3, deadline: -4 },
    leaders: { leaders: 4, units: -1, other: -1, text: -2 },
    deadline: { deadline: 4, text: 0, other: 0, measures: 0, units: -4, leaders: -4 },
    figure: { other: 3, text: 0, deadline: -1, measures: 0, units: -4, leaders: -4 },
    text: { text: 3, measures: 3, category: 2, other: 0, deadline: -2, units: -3, leaders: -4 },
    progress: { other: 3, text: -1, measures: -1, category: -3, deadline: -2, units: -4, leaders: -4 },
  };
  return table[cell][column ?? 'other'] ?? -5;
}

/**
 * Puts a row's cells into columns in order, best fit first: a monotone
 * alignment (each cell to a column right of the last; a cell may join the
 * cell before it in the same column, as units listed one per line do).
 */
export function alignCells(cells: readonly Block[], columns: readonly (HeaderKind | undefined)[], taskAt = -1): GridCell[] {
  return alignment(cells, columns, taskAt).row;
}

/** What putting a cell in a numbered row's task column is worth beyond its fit: a numbered row names its task (建成启用区级老年活动中心 is the task, though it ends like a unit). */
const TASK_FILLED = 8;

/**
 * alignCells preferring the right-hand columns where fits tie: for rows that
 * lost merged cells on their left (a 工作目标 or 类别 spanning several rows).
 */
export function alignCellsFromRight(cells: readonly Block[], columns: readonly (HeaderKind | undefined)[]): GridCell[] {
  return alignment([...cells].reverse(), [...columns].reverse()).row.reverse();
}

/**
 * alignCells for a row short of the header by a cell or two, which lost only its empty cells: one cell a column, unless
 * that fits clearly worse than cells sharing a column.
 */
export function alignNearlyFull(cells: readonly Block[], columns: readonly (HeaderKind | undefined)[], taskAt = -1): GridCell[] {
  // Units one a cell side by side (县海洋与渔业局 / 县农业农村局) may be one column's list: those cells may share it.
  const unitsSideBySide = cells.some((cell, index) => index > 0 && alignKind(cell.text) === 'units' && alignKind(cells[index - 1]!.text) === 'units');
  if (!unitsSideBySide && cells.length >= columns.length - 2 && cells.length <= columns.length) {
    const apart = alignment(cells, columns, taskAt, false);
    if (apart.score >= alignment(cells, columns, taskAt).score - 3) return apart.row;
  }
  return alignCells(cells, columns, taskAt);
}

/**
 * Puts a row's cells one a column into the run of adjacent columns they fit best: for a row under merged cells that lost
 * its left-hand cells (序号, 类别) and perhaps an empty last one (备注), every cell still its own column's.
 */
export function alignContiguous(cells: readonly Block[], columns: readonly (HeaderKind | undefined)[]): GridCell[] {
  if (cells.length > columns.length) return alignCellsFromRight(cells, columns);
  const kinds = cells.map((cell) => alignKind(cell.text));
  let best = -Infinity;
  let at = Math.max(0, columns.length - cells.length);
  for (let start = 0; start + cells.length <= columns.length; start++) {
    const score = kinds.reduce((sum, kind, index) => sum + fit(kind, columns[start + index]), 0);
    if (score > best) [best, at] = [score, start];
  }
  return columns.map((_, index) => {
    const cell = cells[index - at];
    return { text: cell?.text ?? '', line: cell?.line ?? cells[0]?.line ?? 0 };
  });
}

/** A cell naming one unit, no list. */
const lone = (text: string) => !/[、，,；;\s]/.test(text.trim());

/** The best alignment of a row's cells (alignCells) and how well it fits. */
/**
 * `wholeCells`: each block is a whole cell (blank lines between cells), so two texts never share a column — a task that
 * follows a task is the next row's (开展好“三下乡”活动。 / 推进县文化馆…建设。 under merged cells); units one a block may still.
 */
function alignment(cells: readonly Block[], columns: readonly (HeaderKind | undefined)[], taskAt = -1, joins = true, wholeCells = false): { row: GridCell[]; score: number } {
  const kinds = cells.map((cell) => alignKind(cell.text));
  const n = cells.length;
  const m = columns.length;
  // score[i][j]: the best score placing cells i.. into columns j..; filled from the end, no recursion.
  const width = m + 1;
  const score = new Float64Array((n + 1) * width);
  const choice = new Int8Array((n + 1) * width); // 0 skip the column, 1 place and move on, 2 place and stay
  for (let j = 0; j <= m; j++) score[n * width + j] = 0;
  for (let i = n - 1; i >= 0; i--) {
    score[i * width + m] = -1000;
    for (let j = m - 1; j >= 0; j--) {
      let best = score[i * width + j + 1]!;
      let how = 0;
      const here = fit(kinds[i]!, columns[j]) + (j === taskAt ? TASK_FILLED : 0) + score[(i + 1) * width + j + 1]!;
      if (here >= best) {
        best = here;
        how = 1;
      }
      // Blocks apart by blank lines are whole cells, but for a cell's numbered list (1.强化… / 2.强化…), one paragraph an item.
      if (joins && columns[j] !== 'number' && (!(wholeCells && kinds[i] === 'text') || (i + 1 < n && numberedList([cells[i]!, cells[i + 1]!])))) {
        // Units one a line stay together before a list written with commas, which is the next column's ("区财政局" / "区税务局" / "区政府有关部门,各乡镇…").
        const stay = i + 1 < n && kinds[i] === 'units' && lone(cells[i]!.text) && !lone(cells[i + 1]!.text) ? 3 : 1;
        const joined = fit(kinds[i]!, columns[j]) - stay + score[(i + 1) * width + j]!;
        if (joined > best) {
          best = joined;
          how = 2;
        }
      }
      score[i * width + j] = best;
      choice[i * width + j] = how;
    }
  }
  const plan: number[] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    const how = choice[i * width + j];
    if (how === 0) j++;
    else {
      plan.push(j);
      i++;
      if (how === 1) j++;
    }
  }
  const row: GridCell[] = columns.map(() => ({ text: '', line: cells[0]?.line ?? 0 }));
  plan.forEach((column, index) => {
    const target = row[column]!;
    target.text = target.text ? `${target.text}\n${cells[index]!.text}` : cells[index]!.text;
    if (!target.line || target.text === cells[index]!.text) target.line = cells[index]!.line;
  });
  return { row, score: n === 0 ? 0 : score[0]! };
}

/**
 * A row with as many cells as the header is taken cell for cell unless its
 * cells fit the columns clearly worse than an alignment does: a row under a
 * merged 分类 cell that has one more unit instead (2 | 事项 | 内容 | 团区委 |
 * 各乡镇 | 区教体局) is aligned.
 */
function fullRow(cells: readonly Block[], columns: readonly (HeaderKind | undefined)[]): GridCell[] {
  const asIs = cells.reduce((sum, cell, index) => sum + fit(alignKind(cell.text), columns[index]), 0);
  const aligned = alignment(cells, columns);
  return aligned.score > asIs + 3 ? aligned.row : cells.map((cell) => ({ text: cell.text, line: cell.line }));
}

/**
 * A header without 序号 over rows that each carry a number (工作任务 | 1 |
 * 具体要求 …): the number column is put back where the first row has it.
 */
function withNumberColumn(blocks: readonly Block[], header: { start: number; width: number }): Block[] {
  const headerBlocks = blocks.slice(header.start, header.start + header.width);
  if (classifyHeaders(headerBlocks.map((block) => block.text)).includes('number')) return headerBlocks;
  const body = blocks.slice(header.start + header.width);
  const at = body.slice(0, header.width).findIndex((block) => block.text === '1');
  const second = body.findIndex((block) => block.text === '2');
  if (at < 0 || second <= at || second - at > header.width * 3) return headerBlocks;
  return [...headerBlocks.slice(0, at), { text: '序号', line: headerBlocks[0]!.line }, ...headerBlocks.slice(at)];
}

/**
 * The rows of a table without 序号, cut by what the cells hold: the cutting
 * whose rows each fit the columns best, every row naming its task (a cell
 * in the task column, and most often a unit). A page that lists a row's units one per line, or
 * dropped an empty cell, still gives whole rows; a task named like a unit
 * (养老机构, 医疗机构) still starts its row when the row above is whole.
 */
export function segmentRows(cells: readonly Block[], columns: readonly (HeaderKind | undefined)[], wholeCells = false): Block[][] {
  const titleAt = columns.indexOf('text');
  const unitAt = columns.flatMap((kind, index) => (kind === 'units' ? [index] : []));
  const longest = Math.max(4, columns.length * 3);
  const n = cells.length;
  const best = new Float64Array(n + 1);
  const cut = new Int32Array(n + 1);
  for (let i = n - 1; i >= 0; i--) {
    best[i] = -Infinity;
    for (let j = i + 1; j <= Math.min(n, i + longest); j++) {
      const { row, score } = alignment(cells.slice(i, j), columns, -1, true, wholeCells);
      const named = titleAt < 0 || row[titleAt]!.text !== '';
      // A row with no unit is possible (a merged unit cell) but unlikely: a short last cell is more often the row's unit.
      const assigned = unitAt.length === 0 || unitAt.some((index) => row[index]!.text !== '');
      // Cells that are one numbered list (1.强化造血帮扶… / 2.强化帮扶力量…) are one cell's lines, not a row of their own.
      const oneList = j - i >= 2 && numberedList(cells.slice(i, j));
      const total = score + (named ? 0 : -12) + (assigned ? 0 : -2) + (oneList ? -12 : 0) - 2 + best[j]!;
      if (total > best[i]!) {
        best[i] = total;
        cut[i] = j;
      }
    }
  }
  const rows: Block[][] = [];
  for (let i = 0; i < n; i = cut[i]!) rows.push(cells.slice(i, cut[i]!));
  return rows;
}

/** Whether the cells are the items of one numbered list, in turn (1. … 2. … 3. …). */
function numberedList(cells: readonly Block[]): boolean {
  const numbers = cells.map((cell) => /^(\d{1,2})\s*[.．、]\s*[\u4e00-\u9fa5]/.exec(cell.text.trim())?.[1]);
  return numbers.every((number, index) => number !== undefined && (index === 0 || Number(number) === Number(numbers[index - 1]) + 1));
}

/** The cells without the header's cells printed again further down (a table copied from two pages). */
function withoutRepeatedHeader(blocks: readonly Block[], found: { start: number; width: number }): Block[] {
  const words = blocks.slice(found.start, found.start + found.width).map((block) => block.text.replace(/\s+/g, ''));
  const bodyStart = found.start + found.width;
  const kept = blocks.slice(0, bodyStart);
  for (let at = bodyStart; at < blocks.length; at++) {
    if (words.every((word, offset) => blocks[at + offset]?.text.replace(/\s+/g, '') === word)) at += words.length - 1;
    else kept.push(blocks[at]!);
  }
  return kept;
}

function rowsOf(allBlocks: readonly Block[], found: { start: number; width: number }, wholeCells = false): GridRow[] {
  const blocks = withoutRepeatedHeader(allBlocks, found);
  const headerBlocks = withNumberColumn(blocks, found);
  const header = { start: found.start, width: headerBlocks.length };
  const bodyStart = found.start + found.width;
  const columns = classifyHeaders(headerBlocks.map((block) => block.text));
  const alignTo = groupingColumnsAsCategories(headerBlocks.map((block) => block.text), columns);
  const taskColumn = mapColumns(headerBlocks.map((block) => block.text))?.title ?? -1;
  const numberIndex = columns.indexOf('number');
  // A page may drop every 序号 of the body though the header keeps the column; rows are then counted.
  const numbersDropped = numberIndex >= 0 && !blocks.slice(bodyStart, bodyStart + header.width * 3).some((block) => /^\d{1,5}$/.test(block.text));
  const numbered = numberIndex >= 0 && !numbersDropped;
  const titleIndex = Math.max(0, columns.indexOf('text'));
  // The cells a numbered row holds from its 序号 on; cells before it (a 分类 cell) come first.
  const ownWidth = header.width - Math.max(numberIndex, 0);
  const rows: Block[][] = [];
  const headings = new Set<Block[]>();
  // The section heading right above the header ("二、李丹常委、常务副区长牵头重点工作") heads its first rows.
  // The heading may be the last line of a block of text above (lines not parted by blank lines).
  const above = blocks
    .slice(Math.max(0, header.start - 2), header.start)
    .reverse()
    .map((block) => ({ text: block.text.split('\n').at(-1)!.trim(), line: block.line + block.text.split('\n').length - 1 }))
    .find((block) => SECTION_ROW.test(block.text) && block.text.length <= 60);
  if (above) {
    const heading = [above];
    headings.add(heading);
    rows.push(heading);
  }
  let pending: Block[] = [];
  let previous = 0;
  /** A section heading came since the last row started. */
  let afterHeading = false;
  if (!numbered) {
    // Without numbers the rows are cut by what their cells hold, between section headings.
    const others = numberIndex >= 0 ? columns.filter((_, index) => index !== numberIndex) : columns;
    let run: Block[] = [];
    const flush = () => {
      rows.push(...segmentRows(run, others, wholeCells));
      run = [];
    };
    for (const block of blocks.slice(bodyStart)) {
      if (TABLE_END.test(block.text)) break;
      // A block that opens a new part of the document with its text (二、工作要求 / （一）…) ends the table.
      if (SECTION_ROW.test(block.text) && /\n/.test(block.text)) break;
      if (SECTION_ROW.test(block.text) && block.text.length <= 60) {
        flush();
        const heading = [block];
        headings.add(heading);
        rows.push(heading);
        continue;
      }
      run.push(block);
      if (run.length > 1500) break;
    }
    flush();
  }
  const body = numbered ? blocks.slice(bodyStart) : [];
  /** Whether the next row's number comes within a few rows after `at`: a number before it that skips ahead is a figure in a cell. */
  const nextNumberSoon = (at: number) => body.slice(at + 1, at + 1 + ownWidth * 4).some((block) => block.text === String(previous + 1));
  /**
   * The next number followed by a figure while the same number comes again within a row's width, followed by text
   * (…| 县民政局 | 7 | 7 | 100% | … | 7 | 企业职工退休… |): a figure of the open row; the row starts at the later one.
   */
  const figureOfOpenRow = (at: number, open: Block[] | undefined) => {
    if (open === undefined || !['figure', 'number'].includes(cellKind(body[at + 1]?.text ?? ''))) return false;
    return body.slice(at + 1, at + 1 + ownWidth).some((block, index) => block.text === body[at]!.text && cellKind(body[at + 2 + index]?.text ?? '') === 'text');
  };
  /**
   * Whether the bare number at `at` is the next row's 序号: the next number in turn (not a figure of the open row), or a
   * jump (3, 68, 69) that skips no number still to come, when the open row is full or nearly so.
   */
  const startsNumberedRow = (at: number, number: number, open: Block[] | undefined): boolean => {
    if (number === previous + 1) return !figureOfOpenRow(at, open);
    if (number <= previous || nextNumberSoon(at)) return false;
    return !open || (number <= previous + 3 && open.length >= Math.max(2, ownWidth - 2)) || open.length >= ownWidth;
  };
  for (const [at, block] of body.entries()) {
    if (TABLE_END.test(block.text)) break;
    const current = rows.at(-1);
    const open = current && !headings.has(current) ? current : undefined;
    const number = /^\d{1,5}$/.test(block.text) ? Number(block.text) : undefined;
    if (SECTION_ROW.test(block.text) && !/\n/.test(block.text) && block.text.length <= 60 && (!open || open.length >= 2)) {
      const heading = [block];
      headings.add(heading);
      rows.push(heading);
      pending = [];
      afterHeading = true;
      continue;
    }
    // A row number may jump (3, 68, 69: a bureau's rows picked out of a city's table), but not past the next number to come (35611, 62 in a row's cells are figures).
    // A part's own table may number its rows from 1 again (一、区长…牵头重点工作 1–5, 二、常务副区长…牵头重点工作 1, 2 …).
    const startsRow = numbered ? number !== undefined && ((afterHeading && number === 1 && previous > 1) || startsNumberedRow(at, number, open)) : !open || (cellKind(block.text) === 'text' && open.some((cell) => cellKind(cell.text) !== 'text') && (block.text.length > 30 || /[。，,；;]/.test(block.text) || open.some((cell) => cellKind(cell.text) === 'units')));
    if (startsRow) {
      let leading = pending;
      // The 分类 cell of this row was read as the last cells of the row above.
      if (numberIndex > 0 && open && leading.length === 0) {
        while (open.length > ownWidth && leading.length < numberIndex && cellKind(open.at(-1)!.text) === 'text') leading = [open.pop()!, ...leading];
      }
      const padding = numbered ? Array.from({ length: Math.max(0, numberIndex - leading.length) }, () => ({ text: '', line: block.line })) : [];
      rows.push(numbered ? [...padding, ...(numberIndex > 0 ? leading.slice(-numberIndex) : []), block] : [block]);
      pending = [];
      afterHeading = false;
      if (number !== undefined) previous = number;
    } else if (!open) {
      if (numbered) pending.push(block);
      else rows.push([block]);
    } else if (numbered && open.length >= header.width && cellKind(block.text) === 'text' && numberIndex <= 0) {
      // A full row followed by text: a row under the same merged 序号.
      rows.push([{ text: '', line: block.line }, block]);
    } else if (open.length >= header.width * 3) {
      // A row three times as wide as the header is a list after the table (附：成员单位名单), not a cell.
      break;
    } else {
      open.push(block);
    }
  }
  const headerRow: GridRow = { cells: headerBlocks.map((block) => ({ text: block.text, line: block.line })), line: headerBlocks[0]!.line };
  if (numbersDropped) {
    const others = columns.filter((_, index) => index !== numberIndex);
    let counted = 0;
    return [
      headerRow,
      ...rows.map((cells): GridRow => {
        const line = cells[0]!.line;
        if (headings.has(cells)) return { cells: columns.map((_, index) => ({ text: index === titleIndex ? cells[0]!.text : '', line })), line };
        const aligned = alignCells(cells, others);
        return { cells: [...aligned.slice(0, numberIndex), { text: String(++counted), line }, ...aligned.slice(numberIndex)], line };
      }),
    ];
  }
  // The row above, or the numbered row above a continuation row (text under a merged 序号) right above.
  let rowAbove: GridCell[] | undefined;
  let numberedAbove: GridCell[] | undefined;
  return [
    headerRow,
    ...rows.map((cells): GridRow => {
      const line = cells.find((cell) => cell.line)?.line ?? cells[0]!.line;
      if (headings.has(cells)) {
        rowAbove = numberedAbove = undefined;
        return { cells: columns.map((_, index) => ({ text: index === titleIndex ? cells[0]!.text : '', line })), line };
      }
      const continuesAbove = numberIndex >= 0 && rowAbove !== undefined && rowAbove[numberIndex]!.text.trim() === '';
      const row = keepColumnOfAbove(alignedRow(cells), continuesAbove ? numberedAbove : rowAbove, columns);
      rowAbove = row;
      if (numberIndex < 0 || row[numberIndex]!.text.trim() !== '') numberedAbove = row;
      return { cells: row, line };
    }),
  ];

  /** A body row's cells in their columns. */
  function alignedRow(cells: Block[]): GridCell[] {
    if (cells.length === header.width) return fullRow(cells, alignTo);
    if (numberIndex > 0) {
      // The cells before the number are known; the rest are aligned.
      const head = cells.slice(0, numberIndex + 1).map((cell) => ({ text: cell.text, line: cell.line }));
      return [...head, ...alignCells(cells.slice(numberIndex + 1), alignTo.slice(numberIndex + 1))];
    }
    const continuation = cells[0]!.text === '' && numberIndex === 0;
    if (continuation) return alignCells(cells.slice(1), alignTo);
    return alignNearlyFull(cells, alignTo, numberIndex === 0 && /^\d{1,5}$/.test(cells[0]!.text) ? taskColumn : -1);
  }
}

/**
 * The columns as a row's cells are aligned to them: a text column left of the one that names the task
 * (指标 | 工作任务, 项目 | 工作任务) groups rows as a 类别 does, its cell merged over the rows under it; a
 * row that lost it puts its task's sentence in the task's column, not in the group's.
 */
export function groupingColumnsAsCategories(header: readonly string[], columns: readonly (HeaderKind | undefined)[]): (HeaderKind | undefined)[] {
  const map = mapColumns(header);
  if (!map || map.title < 0) return [...columns];
  return columns.map((kind, index) => (kind === 'text' && index < map.title && index !== map.requirement ? 'category' : kind));
}

/**
 * A cell a row's alignment put in the unit column that says exactly what the
 * row above has in another column left empty here (实施点位 "全县17家乡镇卫生院"
 * under its own text, the row's unit lost to a merged cell) goes back to that
 * column: the unit cell is then empty, as the merged cell left it.
 */
function keepColumnOfAbove(cells: GridCell[], above: readonly GridCell[] | undefined, columns: readonly (HeaderKind | undefined)[]): GridCell[] {
  if (!above) return cells;
  const out = cells.map((cell) => ({ ...cell }));
  columns.forEach((kind, at) => {
    const text = out[at]!.text.trim();
    if (kind !== 'units' || !text || above[at]?.text.trim() === text) return;
    const other = columns.findIndex((otherKind, index) => index !== at && otherKind !== 'units' && above[index]?.text.trim() === text && !out[index]!.text.trim());
    if (other < 0) return;
    out[other] = { ...out[at]! };
    out[at] = { text: '', line: out[at]!.line };
  });
  return out;
}

/** Reads a one-cell-per-line table; undefined when the text is not one. */
export function readFlatCells(lines: readonly string[]): DraftPlan | undefined {
  const rows = flatCellRows(lines);
  return rows && readGrid(rows, 'flat-cells');
}

/** Cuts a one-cell-per-line table into rows (header first); undefined when the text has none. */
export function flatCellRows(raw: readonly string[]): GridRow[] | undefined {
  const lines = withArabicRowNumbers(raw);
  for (const separatedByBlanks of [true, false]) {
    const read = blocksOf(lines, separatedByBlanks);
    const blocks = joinWrappedHeaders(separatedByBlanks ? withBrokenNamesJoined(read) : read);
    const found = findHeader(blocks);
    if (!found) continue;
    for (let index = found.start; index < found.start + found.width; index++) blocks[index] = { ...blocks[index]!, text: headerWord(blocks[index]!.text) };
    const header = withSubHeaderBlocks(blocks, found);
    const rows = rowsOf(blocks, header, separatedByBlanks);
    if (rows.length >= 3) return rows;
  }
  return undefined;
}
