/**
 * Reads a task table whose header is not in the text: a page that starts in
 * the middle of a table (its header was on the page before), or a table
 * pasted without its first row. Its rows still start at their 序号, counting
 * 1, 2, 3 … (or on from wherever the page starts): one cell a line (blank
 * lines between cells or not), or one row a line with its cells parted by
 * tabs, bars or spaces; rows a browser copied with tabs need no 序号. With no
 * header to name the columns, each cell is read by what it holds (cellKind):
 * the first long text is the task, lists of units its units (the first of two
 * unit cells leads, as tables put 牵头单位 before 配合单位; a bureau's contact
 * written beside it is a leader), a deadline its deadline, people its
 * leaders, and a unit cell merged down over rows is given to each. Every task
 * so read carries a warning to check it.
 */
import { type DraftNode, type DraftPlan, draftNode, firstSentence } from '../draft.js';
import { squash } from '../normalize-text.js';
import { cellKind, looksLikeUnits } from './cell-kinds.js';
import { looksLikePerson } from '../people.js';
import { TABLE_END } from './flat-cells.js';

/** A row as cut: its number, its cells' texts, the line it starts on. */
interface HeadlessRow {
  number: number;
  cells: string[];
  line: number;
}

const WARNING = '这张表没有表头，按各格内容判断了任务、单位和时限，请核对';

/** How far apart the numbers of rows each on a lone 序号 may be: a list's rows taken out of a longer one skip some. */
const LONE_NUMBER_GAP = 9;

/** A line that is only a row's 序号 ("3", "3.", "（3）", "3 |"). */
const LONE_NUMBER = /^[（(]?(\d{1,5})[)）.、．]?\s*\|?$/;
/** A row on one line: its 序号, then its cells parted by tabs, bars or spaces. */
const ROW_LINE = /^\|?\s*(\d{1,5})(?:\s*[|\t]\s*|\s+)(\S.*)$/;

/** A part's heading in a cell: 一、就业促进, 二、社会保障(5项). */
const SECTION_CELL = /^[一二三四五六七八九十]+[、.．]|[(（]\d+项[)）]$/;

/** The cells of a row written on one line. */
const cellsOfLine = (rest: string) => rest.split(/\s*[|\t]\s*|\s+/).map((cell) => cell.trim()).filter(Boolean);

/**
 * Keeps the longest run of rows numbered one after another (at least `least`), or rising by at most `gap` (a
 * department's rows taken out of a county's list: 81, 85, 87). Linear: runs are kept as bounds.
 */
function counted(rows: readonly HeadlessRow[], least = 3, gap = 1): HeadlessRow[] {
  let best = { from: 0, to: 0 };
  let from = 0;
  rows.forEach((row, index) => {
    const step = index > 0 ? row.number - rows[index - 1]!.number : 1;
    if (index > 0 && (step < 1 || step > gap)) from = index;
    if (index + 1 - from > best.to - best.from) best = { from, to: index + 1 };
  });
  return best.to - best.from >= least ? rows.slice(best.from, best.to) : [];
}

/** Rows of one cell a line: a lone number starts a row; the blocks after it, up to the next, are its cells. */
function cellRows(lines: readonly string[]): HeadlessRow[] {
  const rows: HeadlessRow[] = [];
  // With blank lines between cells, the lines of one block are one cell (units listed one a line).
  const blankParted = partsCellsWithBlanks(lines);
  let current: HeadlessRow | undefined;
  let blanks = 0;
  let inCell = false;
  lines.forEach((raw, index) => {
    const line = raw.trim().replace(/(?:\s*\|)+$/, '').trim();
    if (line === '') {
      blanks++;
      inCell = false;
      return;
    }
    const number = LONE_NUMBER.exec(line);
    // A lone number starts a row when it is the next 序号, or a later one after a row of three cells or more (rows
    // taken out of a longer list skip some); inside a row any other is a figure of it (26000, 1100).
    const step = number && current ? Number(number[1]) - current.number : 0;
    if (number && (!current || step === 1 || (step > 1 && step <= LONE_NUMBER_GAP && current.cells.length >= 3))) {
      current = { number: Number(number[1]), cells: [], line: index + 1 };
      rows.push(current);
      inCell = false;
    } else if (current && (TABLE_END.test(line) || blanks >= 3)) {
      current = undefined;
    } else if (current) {
      if (blankParted && inCell) current.cells[current.cells.length - 1] += `\n${line}`;
      else current.cells.push(line);
      inCell = true;
    }
    blanks = 0;
  });
  return rows;
}

/** Whether a text parts its cells with blank lines: most lines with text have a blank line after them. */
function partsCellsWithBlanks(lines: readonly string[]): boolean {
  let filled = 0;
  let followed = 0;
  lines.forEach((line, index) => {
    if (line.trim() === '' || index + 1 >= lines.length) return;
    filled++;
    if (lines[index + 1]!.trim() === '') followed++;
  });
  return filled > 0 && followed / filled > 0.6;
}

/** Rows of one line each: the 序号 first, then the cells. */
function lineRows(lines: readonly string[]): HeadlessRow[] {
  return lines.flatMap((raw, index) => {
    const match = ROW_LINE.exec(raw.trim());
    if (!match) return [];
    const cells = cellsOfLine(match[2]!);
    return cells.length >= 2 ? [{ number: Number(match[1]), cells, line: index + 1 }] : [];
  });
}

/**
 * Rows a browser copied with tabs between cells and nothing before them (no header, no 序号): the longest run of
 * lines of two tabs or more, numbered in order.
 */
function tabbedRows(lines: readonly string[]): HeadlessRow[] {
  let best: HeadlessRow[] = [];
  let run: HeadlessRow[] = [];
  lines.forEach((raw, index) => {
    const cells = raw.split('\t').map((cell) => cell.trim());
    if (cells.filter(Boolean).length >= 2 && cells.length >= 3) {
      run.push({ number: run.length + 1, cells: cells.filter(Boolean), line: index + 1 });
      if (run.length > best.length) best = run;
    } else if (raw.trim() !== '') run = [];
  });
  return best;
}

/** A task from a row's cells, judged by what each holds; undefined when no cell is task text. */
function taskOfRow(row: HeadlessRow, key: string): DraftNode | undefined {
  // A cell naming a bureau and its contact ("市民政局 伍泽国") is the bureau's cell, the person its leader.
  const people: string[] = [];
  const cells = row.cells.map((cell) => {
    const split = unitAndPeople(cell);
    if (!split) return cell;
    people.push(...split.people);
    return split.units;
  });
  const kinds = cells.map((cell) => cellKind(cell));
  // A section's heading merged over the rows of its part (一、就业促进(3项)) heads them; it is not the task.
  const texts = cells.filter((cell, at) => kinds[at] === 'text' && !SECTION_CELL.test(squash(cell)));
  const task = texts.find((text) => squash(text).length >= 8) ?? [...texts].sort((a, b) => b.length - a.length)[0];
  if (!task) return undefined;
  const units = cells.filter((_, at) => kinds[at] === 'units').map((cell) => squash(cell.replace(/\n/g, '、')));
  const unitText = units.length >= 2 ? [`${units[0]}牵头`, ...units.slice(1).map((unit) => `${unit}配合`)].join('；') : (units[0] ?? '');
  const text = squash(task.replace(/\n/g, ''));
  return draftNode({
    key,
    number: String(row.number),
    title: firstSentence(text),
    requirement: text,
    line: row.line,
    excerpt: [String(row.number), ...row.cells].join(' | '),
    unitText,
    leaderText: [...cells.filter((_, at) => kinds[at] === 'leaders'), ...people].join('、'),
    deadlineText: cells.find((_, at) => kinds[at] === 'deadline') ?? '',
    warnings: [WARNING],
  });
}

/** A short cell of units and people's names parted by spaces ("市民政局 伍泽国"): the two apart; undefined for any other cell. */
function unitAndPeople(cell: string): { units: string; people: string[] } | undefined {
  const parts = cell.trim().split(/\s+/);
  if (parts.length < 2 || cell.length > 40) return undefined;
  const people = parts.filter((part) => looksLikePerson(part) && !looksLikeUnits(part));
  const units = parts.filter((part) => !people.includes(part));
  return people.length > 0 && units.length > 0 && looksLikeUnits(units.join('、')) ? { units: units.join('、'), people } : undefined;
}

/**
 * Reads a table without its header; undefined when the text has no run of rows numbered in turn whose cells name
 * units (three at least; two when each stands on a lone 序号 and names units). The plan parser uses it only when no
 * reader found a header, so a table that has one is read by that reader.
 */
export function readHeadlessRows(lines: readonly string[]): DraftPlan | undefined {
  // Two rows are a table's when each stands on a lone 序号 and names units (a page that starts near a table's end).
  // Each reading cut only when the one before it found no table (most documents are none of them).
  const readings = [() => [counted(cellRows(lines), 2, LONE_NUMBER_GAP), 0, false] as const, () => [counted(lineRows(lines)), 0.3, false] as const, () => [tabbedRows(lines), 0, true] as const];
  for (const reading of readings) {
    const [rows, share, tabbed] = reading();
    // Rows a browser copied with tabs are a table's however few: a page cut off after its table's first row still has it.
    if (rows.length < (tabbed ? 1 : 2)) continue;
    const found = rows.map((row) => taskOfRow(row, String(row.number))).filter((node): node is DraftNode => node !== undefined);
    // A numbered list whose items name no units is an outline's, not a table's: of rows of one line each, a third at
    // least must name units of their own (counted before merged cells are carried down); a lone 序号 on its own line
    // over cells one a line is a table's row whatever its cells hold, and so is a row whose cells tabs or bars part (an
    // outline's item is never so written): one row naming units is enough, the others' units merged or left empty.
    const named = found.filter((node) => node.unitText !== '').length;
    if ((found.length >= 3 || tabbed ? named > 0 : named === found.length && found.length >= 2) && named >= found.length * share) {
      return { layout: 'headless-rows', nodes: withMergedDown(found), defaultRole: 'responsible', unitsAreSections: false, warnings: [] };
    }
  }
  return undefined;
}

/** A row naming no units nor leaders has the row's above: a cell merged down over rows is written once, in its first row. */
function withMergedDown(nodes: DraftNode[]): DraftNode[] {
  nodes.forEach((node, index) => {
    const above = nodes[index - 1];
    if (!above) return;
    if (node.unitText === '') node.unitText = above.unitText;
    if (!node.leaderText && node.unitText === above.unitText) node.leaderText = above.leaderText;
  });
  return nodes;
}
