/**
 * Reads a task table once it is a grid of cells, whatever it came from:
 * tab-indented Word text, pipe-delimited text, a .docx table or an .xlsx
 * sheet. The text layouts only cut their text into rows and cells; the
 * meaning of rows (tasks, sub-requirements, category headings, merged cells)
 * is decided here, so every format of the same table imports the same tasks.
 *
 * Three table shapes are recognised:
 * - task rows: a numbered row per task, unnumbered (or re-numbered "1．")
 *   rows below it are its sub-requirements (seeds 000 and 003);
 * - category rows: every row numbered, with one or two category columns
 *   spanned under the 工作任务 header (seed 002);
 * - heading rows: no 序号 column; "一、" category and "(一)" task cells, the
 *   measures column numbered "1.…2.…" (seed 004).
 */
import { inlineDeadlines } from '../assignment.js';
import { type DraftNode, type DraftPlan, draftNode as node, splitNumberedItems, firstSentence } from '../draft.js';
import { squash } from '../normalize-text.js';
import { leadersNamedIn } from '../people.js';
import { cellKind } from './cell-kinds.js';
import { classifyHeader, classifyHeaders, deadlineTextOf, leaderTextOf, looksLikeHeader, mapColumns, unitTextOf, type ColumnMap } from './columns.js';
import { repeatsHeader, withSubHeader } from './header-rows.js';
import { countsRows, withArabicRowNumbers } from '../row-numbers.js';

/** One cell and the line (or sheet row) it starts on. */
export interface GridCell {
  text: string;
  line: number;
  /** The cell is covered by a cell above it merged down over it (Word's vertical merge, a sheet's merged range): it shows that cell's text. */
  mergedAbove?: boolean;
}

/** One table row. */
export interface GridRow {
  cells: GridCell[];
  line: number;
  /** Text found between rows of a damaged table, not a row of its own. */
  orphan?: boolean;
  /** Problems the tokenizer saw in this row. */
  warnings?: string[];
}

/** A first-level heading cell of a table (一、扩大有效投资). */
export const CATEGORY = /^[一二三四五六七八九十]+、/;
/** A section heading in a numbered table ("一、扩大有效投资", "二．…", "(二)戴建平常务副市长牵头重点工作"): a row of its own, never a cell of a task. */
export const SECTION_ROW = /^(?:[一二三四五六七八九十]+[、.．]\S|[(（][一二三四五六七八九十]+[)）][^。；;，,]{2,30}?(?:牵头|负责|分管|领衔)的?(?:重点)?(?:工作|任务|事项)$)/;
/** A second-level item cell of a table ((一)推进…), its number captured. */
export const TASK = /^[(（]([一二三四五六七八九十]+)[)）]/;

/** Notes under a table (公开方式：主动公开, 抄送：…) that spreadsheets keep as rows of the sheet. */
const TRAILER = /^(公开方式|抄送|附件|印发|主题词)[:：]/;

/** A cell's text; a decorated row number ("1.", "（1）", "1、") as the bare number. */
const cellText = (cell: GridCell | undefined) => (cell?.text ?? '').trim().replace(/^[（(]?(\d{1,4})[)）.、．]$/, '$1');
const texts = (row: GridRow) => row.cells.map(cellText);

/**
 * The last non-blank line above a table's header (`headerLine`, 1-based):
 * it may be the section heading that heads the table's first rows
 * (二、李丹常委、常务副区长牵头重点工作), which readGrid takes as headingAbove.
 */
export function lineAbove(lines: readonly string[], headerLine: number): string | undefined {
  for (let index = headerLine - 2; index >= 0; index--) {
    const line = lines[index]!.trim();
    if (line) return line;
  }
  return undefined;
}

/** The first line with text at or after index `from` (untrimmed), without copying the rest of the document. */
export function lineBelow(lines: readonly string[], from: number): string | undefined {
  for (let index = from; index < lines.length; index++) if (lines[index]!.trim() !== '') return lines[index];
  return undefined;
}

/**
 * The rows with each cell a merge covers (a unit, leader or deadline cell an office merged down over the rows it
 * holds for) showing the text of the cell above it, as the page shows it, in each row that starts a task (has
 * its own 序号, or every row when the table has none). The 序号, task and category columns keep their covered
 * cells empty: there a merge means more of the same task or heading; so do the rows a merged 序号 covers, which
 * add to the task above what they hold themselves.
 */
function withMergesShown(body: readonly GridRow[], columns: readonly number[], numberColumn: number): GridRow[] {
  const out: GridRow[] = [];
  for (const row of body) {
    const above = out.at(-1);
    const startsTask = numberColumn < 0 || /^[（(]?[\d一二三四五六七八九十]{1,4}[)）.、．]?$/.test(cellText(row.cells[numberColumn]));
    out.push(
      above && startsTask && row.cells.some((cell, at) => cell.mergedAbove && columns.includes(at))
        ? { ...row, cells: row.cells.map((cell, at) => (cell.mergedAbove && columns.includes(at) && cell.text === '' ? { ...cell, text: above.cells[at]?.text ?? '' } : cell)) }
        : row,
    );
  }
  return out;
}

/**
 * A table that does not say which cells are merged (text copied from a page, an old Word or PDF file) leaves a
 * merged cell's text in its first row only. In a column every task has — the lead or responsible units, the
 * leaders, the deadline — a task row's empty cell is read as merged with the nearest filled cell above it in the
 * same section, with a warning to check it. A column tasks may well leave empty (配合单位) is left as it is. Only
 * numbered task rows are read so: in a table without 序号 (a school calendar's week rows) an empty cell is as often
 * empty; there readTaskRows carries a row's units down only when it names none at all.
 */
function withMergesInferred(body: readonly GridRow[], columns: ColumnMap): GridRow[] {
  const primary = columns.unitColumns[0];
  const merged = [...(primary && primary.role !== 'cooperating' ? [primary.index] : []), ...columns.leaders, ...columns.deadlines.slice(0, 1)];
  const isTask = (cells: readonly string[]) => columns.number >= 0 && columns.title >= 0 && /^\d+$/.test(cells[columns.number] ?? '') && (cells[columns.title] ?? '') !== '';
  if (merged.length === 0) return [...body];
  const above = new Map<number, string>();
  return body.map((row) => {
    const cells = texts(row);
    const filled = cells.filter(Boolean);
    // A section heading row starts afresh: nothing merges across it.
    if (filled.length === 1 && SECTION_ROW.test(filled[0]!)) above.clear();
    let out = row;
    for (const at of merged) {
      const text = cells[at] ?? '';
      if (text !== '') above.set(at, text);
      else if (isTask(cells) && above.has(at) && at < row.cells.length) {
        out = { ...out, cells: out.cells.map((cell, index) => (index === at ? { ...cell, text: above.get(at)! } : cell)), warnings: [...(out.warnings ?? []), `第${row.line}行：“${above.get(at)!.slice(0, 20)}”按合并单元格沿用上一行，请核对`] };
      }
    }
    return out;
  });
}

/** Reads a grid; undefined when it has no header naming tasks and units. */
export function readGrid(rows: readonly GridRow[], layout: DraftPlan['layout'], context: { headingAbove?: string } = {}): DraftPlan | undefined {
  const headerIndex = rows.findIndex((row) => looksLikeHeader(texts(row)));
  if (headerIndex < 0) return undefined;
  let header = texts(rows[headerIndex]!);
  // A header of two rows (责任单位 spanning 牵头单位 | 配合单位): the second row names the columns it splits.
  const below = rows[headerIndex + 1] ? texts(rows[headerIndex + 1]!) : [];
  const twoLevel = withSubHeader(header, below);
  // The header printed again on the next page (its second row too) is no row.
  const isHeaderAgain = repeatsHeader(twoLevel ? [...header, ...below] : header);
  const rowsOfTable = rows.slice(headerIndex + (twoLevel ? 2 : 1)).filter((row) => {
    const filled = texts(row).filter(Boolean);
    if (isHeaderAgain(texts(row))) return false;
    return filled.length > 0 && !(filled.length === 1 && TRAILER.test(filled[0]!));
  });
  if (twoLevel) header = twoLevel;
  // A sheet that holds the document's prose under its table: from where every row left has one cell, it is prose.
  let proseFrom = rowsOfTable.length;
  while (proseFrom > 0 && texts(rowsOfTable[proseFrom - 1]!).filter(Boolean).length <= 1) proseFrom--;
  const tail = rowsOfTable.slice(proseFrom);
  let body = proseFrom > 0 && tail.length >= 2 && tail.some((row) => CATEGORY.test(texts(row).find(Boolean) ?? '')) ? rowsOfTable.slice(0, proseFrom) : rowsOfTable;
  // A header cell left empty over the rows' numbers (工作任务 spanning its 序号) is the 序号 column.
  header = header.map((cell, index) => {
    if (cell !== '' || body.length === 0) return cell;
    const numbers = body.map((row) => cellText(row.cells[index])).filter((text) => /^\d{1,4}$/.test(text)).map(Number);
    // Numbers that count rows, not figures (a spanned 目标任务's 26000, 4000).
    return numbers.length >= body.length * 0.6 && countsRows(numbers) ? '序号' : cell;
  });
  // A 序号 spanning a column of headings and the numbers (一、… | 1): the headings' column is a category.
  header = header.map((cell, index) => (classifyHeader(cell) === 'number' && header[index + 1] === '序号' && body.some((row) => CATEGORY.test(cellText(row.cells[index]))) ? '类别' : cell));
  // A named text column no row fills (a task cell spanning 主要任务 | 具体内容 in every row) is no column.
  const unfilled = header.flatMap((cell, index) =>
    cell !== '' && index > 0 && body.length >= 2 && classifyHeader(cell) === 'text' && body.every((row) => row.cells.length > index && cellText(row.cells[index]) === '') ? [index] : [],
  );
  if (unfilled.length > 0 && mapColumns(header.filter((_, index) => !unfilled.includes(index)))) {
    header = header.filter((_, index) => !unfilled.includes(index));
    body = body.map((row) => ({ ...row, cells: row.cells.filter((_, index) => !unfilled.includes(index)) }));
  }
  // The section heading right above the header ("二、李丹常委、常务副区长牵头重点工作") heads the first rows.
  const above =
    rows.slice(Math.max(0, headerIndex - 2), headerIndex).reverse().map((row) => texts(row).filter(Boolean)).find((filled) => filled.length === 1 && SECTION_ROW.test(filled[0]!))?.[0] ??
    (context.headingAbove && SECTION_ROW.test(context.headingAbove) ? context.headingAbove : undefined);
  let columns = mapColumns(header)!;
  // Word exports a header cell spanning two category columns as one cell.
  if (body.some((row) => row.cells.length === header.length + 1) && columns.title >= 0) {
    header = [...header.slice(0, columns.title + 1), '', ...header.slice(columns.title + 1)];
    columns = mapColumns(header)!;
  }
  // Spreadsheets repeat a spanned header's text in the cells it covers.
  header = header.map((cell, index) => (index > 0 && cell !== '' && cell === header[index - 1] ? '' : cell));
  columns = mapColumns(header)!;
  // A task name spanning two columns over figures (项目名称 | | 责任单位 | 目标任务: 1300人 …): its second column names a
  // row's part where it has one, never a category; the name is one column again, and figures are no requirement.
  const bodyAt = columns.requirement >= 0 ? columns.requirement : columns.measures;
  /** The share of body rows whose cell in a column is filled. */
  const filledShare = (at: number) => body.filter((row) => cellText(row.cells[at]) !== '').length / Math.max(1, body.length);
  // Where its first column is filled only where a group of rows starts (促进城乡劳动者就业创业 merged down over its items) and
  // the second in every row, the first is the rows' group, a category, and the second the task.
  const mergedDown = (at: number) => body.some((row) => row.cells[at]?.mergedAbove === true);
  if (columns.title >= 0 && header[columns.title + 1] === '' && body.length >= 3 && (mergedDown(columns.title) || filledShare(columns.title) < 0.5) && filledShare(columns.title + 1) >= 0.8) {
    const at = columns.title;
    const name = header[at]!;
    header = header.map((cell, index) => (index === at ? '类别' : index === at + 1 ? name : cell));
    columns = mapColumns(header)!;
    // Its targets (目标任务 26000, 4.3) are figures, no requirement.
    if (columns.requirement >= 0 && mostlyFigures(body, columns.requirement)) columns = { ...columns, requirement: -1 };
  }
  if (columns.title >= 0 && header[columns.title + 1] === '' && bodyAt > columns.title + 1) {
    const at = columns.title;
    const width = header.length;
    // Rows as wide as the header have both name cells; a row one cell short (a text table dropped the empty one) has one.
    const folded = body.map((row) => {
      if (row.cells.length < width) return row;
      const name = [cellText(row.cells[at]), cellText(row.cells[at + 1])].filter(Boolean).join('。');
      return { ...row, cells: [...row.cells.slice(0, at), { text: name, line: row.cells[at]?.line ?? row.line }, ...row.cells.slice(at + 2)] };
    });
    if (mostlyFigures(folded, bodyAt - 1)) {
      body = folded;
      header = header.filter((_, index) => index !== at + 1).map((cell, index) => (index === bodyAt - 1 ? `${cell}（数值）` : cell));
      columns = mapColumns(header)!;
      if (columns.requirement === bodyAt - 1) columns = { ...columns, requirement: -1 };
    }
  }
  // A task column filled only where a group of rows starts, beside a text column filled in every row, is merged down: a category (考核项目 over 考核指标).
  if (columns.number < 0 && columns.title >= 0 && body.length >= 3) {
    const texts = header.flatMap((_, index) => (index > columns.title && classifyHeaders(header)[index] === 'text' ? [index] : []));
    if (filledShare(columns.title) < 0.5 && texts.some((index) => filledShare(index) >= 0.8)) {
      header = header.map((cell, index) => (index === columns.title ? '类别' : cell));
      columns = mapColumns(header)!;
    }
  }
  // A task column naming the same thing over consecutive rows (任务名称 汽车流通市场 ×3) beside a text column that names
  // something else in each (抽查事项 新车市场, 二手车市场 …) groups them: a category, the other column the task.
  if (columns.title >= 0 && body.length >= 3) {
    const textAt = (row: GridRow, at: number) => squash(cellText(row.cells[at]));
    const repeats = body.filter((row, index) => index > 0 && textAt(row, columns.title) !== '' && textAt(row, columns.title) === textAt(body[index - 1]!, columns.title)).length;
    const distinct = (at: number) => {
      const values = body.map((row) => textAt(row, at)).filter(Boolean);
      return values.length >= body.length * 0.8 && new Set(values).size === values.length;
    };
    const item = header.findIndex((_, index) => index > columns.title && index !== columns.requirement && classifyHeaders(header)[index] === 'text' && distinct(index));
    if (repeats >= 2 && repeats >= body.length / 4 && item > 0) {
      header = header.map((cell, index) => (index === columns.title ? '类别' : cell));
      columns = mapColumns(header)!;
    }
  }
  // Rows numbered 一, 二, 三 in the 序号 column are rows 1, 2, 3; a number marked (9*, 10※: one of the year's 民生大事) is the row's number.
  if (columns.number >= 0) {
    const at = columns.number;
    const numbers = withArabicRowNumbers(body.map((row) => cellText(row.cells[at]).replace(/^(\d{1,4})\s*[*＊※]$/, '$1')));
    if (numbers.some((number, index) => number !== cellText(body[index]!.cells[at]))) {
      body = body.map((row, index) => ({ ...row, cells: row.cells.map((cell, column) => (column === at ? { ...cell, text: numbers[index]! } : cell)) }));
    }
  }
  // (after the rows numbered 一, 二, 三 are read as 1, 2, 3: a merge covers task rows however they are numbered)
  body = body.some((row) => row.cells.some((cell) => cell.mergedAbove))
    ? withMergesShown(body, [...columns.unitColumns.map((column) => column.index), ...columns.leaders, ...columns.deadlines], columns.number)
    : withMergesInferred(body, columns);
  const warnings: DraftPlan['warnings'] = [];
  // A table without 序号 (or whose rows all lost it): each row that names a task is one, numbered in order.
  if (columns.title >= 0 && !headedByOutline(body) && !body.some((row) => /^\d+$/.test(cellText(row.cells[columns.number])))) {
    let counted = 0;
    const { title: titleAt, number: numberAt } = columns;
    const numbered = body.map((row): GridRow => {
      const title = cellText(row.cells[titleAt]);
      const number = title && !SECTION_ROW.test(title) ? String(++counted) : '';
      const cells = numberAt >= 0 ? row.cells.map((cell, index) => (index === numberAt ? { ...cell, text: number } : cell)) : [{ text: number, line: row.line }, ...row.cells];
      return { ...row, cells };
    });
    if (numberAt < 0) header = ['序号', ...header];
    return readNumberedGrid(numbered, mapColumns(header)!, header, layout, warnings, above);
  }
  return readNumberedGrid(body, columns, header, layout, warnings, above);
}

/**
 * Whether the table numbers its tasks as an outline in its first column
 * (一、 category cells beside （一） task cells, seed 004's 全市工作任务):
 * a task cell （一）, or a 一、 cell with more of its row beside it. A 一、
 * row alone ("一、专项整治安排表" over a table without 序号) is only a
 * section heading, and so is a (一) row alone naming whose work follows
 * ((一)刘忻市长牵头重点工作).
 */
function headedByOutline(body: readonly GridRow[]): boolean {
  return body.some((row) => {
    const first = cellText(row.cells[0]);
    const filled = texts(row).filter(Boolean).length;
    // A (一) row alone that says whose the rows under it are ((一)刘忻市长牵头重点工作) is a section heading, not a task.
    return (TASK.test(first) && !(filled === 1 && SECTION_ROW.test(first))) || (CATEGORY.test(first) && filled >= 2);
  });
}

function readNumberedGrid(body: readonly GridRow[], columns: ColumnMap, header: readonly string[], layout: DraftPlan['layout'], warnings: DraftPlan['warnings'], sectionAbove?: string): DraftPlan {
  let nodes: DraftNode[];
  if (columns.number < 0 && headedByOutline(body)) {
    nodes = readHeadingRows(body, columns);
  } else if (columns.title >= 0 && header[columns.title + 1] === '') {
    nodes = readCategoryRows(body, columns, header.length);
  } else {
    nodes = readTaskRows(body, columns, warnings, sectionAbove);
  }
  // A table with no deadline column may set a task's date in its text ("2021年2月底前，基本建成…").
  if (columns.deadlines.length === 0) withInlineDeadlines(nodes);
  return { layout, nodes, defaultRole: columns.defaultRole, unitsAreSections: columns.sections, warnings };
}

/**
 * Each node without a deadline given the dated by-dates its own text sets ("2021年2月底前", "6月底前"); an undated
 * one (年底前) in a table's text is left, as the seeds read it.
 */
function withInlineDeadlines(nodes: readonly DraftNode[]): void {
  for (const node of nodes) {
    if (node.deadlineText === '') node.deadlineText = inlineDeadlines(`${node.title}。${node.requirement}`).filter((date) => /\d/.test(date)).join('；');
    withInlineDeadlines(node.children);
  }
}

function excerptOf(row: GridRow): string {
  return texts(row).filter(Boolean).join(' | ');
}

/** Task rows with sub-requirement rows below them (seeds 000 and 003). */
function readTaskRows(rows: readonly GridRow[], columns: ColumnMap, warnings: DraftPlan['warnings'], sectionAbove = ''): DraftNode[] {
  const tasks: DraftNode[] = [];
  let task: DraftNode | undefined;
  let lastUnits = '';
  let lastDeadline = '';
  const requirementColumn = columns.requirement >= 0 ? columns.requirement : columns.measures;
  // A section heading row ("二、李丹常委、常务副区长牵头重点工作") names the category, and leaders, of the tasks below it.
  let section = sectionAbove ? squash(sectionAbove) : '';
  let sectionLeaders = leadersNamedIn(section).join('、');
  /** The leaders of the last section heading row (or the heading above), which a category naming none goes back to. */
  let headingLeaders = sectionLeaders;
  let previousUnits = '';
  let lastCategory = '';
  /** Columns left of the tasks group the rows under them: their cell, merged down, holds for every task until the next. */
  const groupsRows = (at: readonly number[]) => at.length > 0 && columns.title >= 0 && at.every((index) => index < columns.title);
  const leadersGroup = groupsRows(columns.leaders);
  let groupLeader = '';
  // So does a date column left of them (起止日期 | 主要工作: 第一周 3月1日-3月7日 over the week's rows).
  const deadlinesGroup = groupsRows(columns.deadlines);
  let groupDeadline = '';
  for (const row of rows) {
    const cells = shiftedItem(texts(row), columns);
    const number = columns.number >= 0 ? (cells[columns.number] ?? '') : '';
    const filled = cells.filter(Boolean);
    if (filled.length === 1 && SECTION_ROW.test(filled[0]!) && !/^\d+$/.test(number)) {
      section = squash(filled[0]!);
      sectionLeaders = leadersNamedIn(section).join('、');
      headingLeaders = sectionLeaders;
      // A new section starts afresh: no merged unit or category carries over its heading.
      previousUnits = '';
      lastCategory = '';
      groupLeader = '';
      groupDeadline = '';
      task = undefined;
      continue;
    }
    const categoryCell = columns.category >= 0 ? squash(cells[columns.category] ?? '') : '';
    // A category cell merged down the rows it heads is their section heading drawn as a column: a leader it names leads them.
    if (categoryCell && categoryCell !== lastCategory && SECTION_ROW.test(categoryCell)) sectionLeaders = leadersNamedIn(categoryCell).join('、') || headingLeaders;
    if (categoryCell) lastCategory = categoryCell;
    const titleCell = columns.title >= 0 ? (cells[columns.title] ?? '') : '';
    const unitCell = unitTextOf(cells, columns);
    const deadlineCell = deadlineTextOf(cells, columns);
    const leaderCell = leaderTextOf(cells, columns);
    // A leader column left of the tasks groups them (牵头领导 | 重点工作 …): its cell, merged down, leads every task until the next.
    if (leadersGroup && leaderCell) groupLeader = leaderCell;
    if (deadlinesGroup && deadlineCell) groupDeadline = deadlineCell;
    const startsTask = /^\d+$/.test(number) && titleCell !== '' && !(task && task.key === number);
    // A task row with no unit where the row above named one: a merged unit cell, as Word and web pages leave it.
    let rowUnits = unitCell;
    if (startsTask && !rowUnits && requirementColumn < 0 && previousUnits) {
      rowUnits = previousUnits;
      warnings.push({ line: row.line, message: `第${row.line}行：第${number}项没有写责任单位，按合并单元格沿用上一项的“${previousUnits.slice(0, 30)}”，请核对` });
    }
    if (startsTask && rowUnits) previousUnits = rowUnits;
    if (startsTask) {
      // A table without a requirement column keeps the whole task text as its requirement.
      const whole = requirementColumn < 0 ? squash(titleCell) : '';
      task = node({
        key: number,
        number,
        title: requirementColumn < 0 ? firstSentence(whole) : squash(titleCell),
        requirement: whole,
        line: row.line,
        excerpt: excerptOf(row),
        categories: [section, lastCategory].filter(Boolean),
        unitText: requirementColumn < 0 ? rowUnits : '',
        leaderText: leaderCell || groupLeader || sectionLeaders,
        deadlineText: requirementColumn < 0 ? deadlineCell || (deadlinesGroup ? groupDeadline : '') : '',
        warnings: [...(row.warnings ?? [])],
      });
      tasks.push(task);
      lastUnits = '';
      lastDeadline = '';
      if (requirementColumn < 0) continue;
    } else if (!task) {
      warnings.push({ line: row.line, message: `表格开头的一行没有序号和任务，已跳过：${squash(excerptOf(row)).slice(0, 40)}` });
      continue;
    } else if (requirementColumn < 0 && (ownTask(titleCell, unitCell, deadlineCell, task) || nextItem(titleCell, task))) {
      // A row under a merged 序号 that names its own work, units and deadline (an inspection plan's 抽查事项 rows under
      // one 抽查类别): a task of its own under the same item, and the item's own first row becomes the first of them.
      if (task.children.length === 0) {
        task.children.push(node({ key: `${task.key}.1`, line: task.line, title: task.title, requirement: task.requirement, excerpt: task.excerpt, unitText: task.unitText, leaderText: task.leaderText, deadlineText: task.deadlineText }));
      }
      const more = squash(titleCell);
      // Its empty unit and deadline cells are the item's, merged down over it.
      task.children.push(node({ key: `${task.key}.${task.children.length + 1}`, line: row.line, title: firstSentence(more), requirement: more, excerpt: excerptOf(row), unitText: unitCell || task.unitText, leaderText: leaderCell || task.leaderText, deadlineText: deadlineCell || task.deadlineText }));
      task.excerpt += `\n${excerptOf(row)}`;
      continue;
    } else if (requirementColumn < 0) {
      // A row under the same merged 序号: more of the task, with any units, leaders and deadline it adds.
      const more = squash(titleCell);
      if (more) task.requirement = task.requirement ? `${task.requirement}\n${more}` : more;
      if (unitCell && !task.unitText.includes(unitCell)) task.unitText = task.unitText ? `${task.unitText}；${unitCell}` : unitCell;
      if (leaderCell && !(task.leaderText ?? '').includes(leaderCell)) task.leaderText = task.leaderText ? `${task.leaderText}、${leaderCell}` : leaderCell;
      if (deadlineCell && !task.deadlineText.includes(deadlineCell)) task.deadlineText = task.deadlineText ? `${task.deadlineText}；${deadlineCell}` : deadlineCell;
      task.excerpt += `\n${excerptOf(row)}`;
      continue;
    }
    // Empty cells are merged with the cell above.
    const requirement = cells[requirementColumn] ?? '';
    const units = unitCell || lastUnits;
    const deadline = deadlineCell || lastDeadline;
    lastUnits = units;
    lastDeadline = deadline;
    const items = splitNumberedItems(requirement);
    const leading = /^(\d{1,2})\s*[．.、]/.exec(requirement);
    if (items) {
      // Items in the task's own row share its units: they are the task's too (a card shows who leads it).
      if (task.line === row.line && task.unitText === '' && task.children.length === 0) {
        task.unitText = units;
        task.deadlineText ||= deadline;
      }
      for (const item of items) addRequirement(task, item.number, item.text, row, units, deadline);
    } else if (leading) {
      addRequirement(task, leading[0], requirement.slice(leading[0].length).trim(), row, units, deadline);
    } else if (task.children.length === 0 && task.requirement === '') {
      task.requirement = squash(requirement);
      task.unitText = units;
      task.deadlineText = deadline;
    } else if (requirement !== '') {
      const next = String(task.children.length + 1);
      addRequirement(task, null, requirement, row, units, deadline);
      task.warnings.push(`第${row.line}行：这条要求没有编号，已记为第${next}条`);
    }
  }
  for (const parent of tasks) {
    if (parent.children.length > 0) parent.requirement = parent.children.map((child) => `${child.number ?? ''}${child.requirement}`).join('\n');
  }
  return tasks;
}

/**
 * A row whose only text a page put in the 序号 column though it is the next numbered item of the task column ("4.旅行社
 * 经营情况的检查 | | | …" under a merged 序号 and 抽查领域): the text moved to the task column.
 */
function shiftedItem(cells: string[], columns: ColumnMap): string[] {
  if (columns.number < 0 || columns.title <= columns.number) return cells;
  const only = cells[columns.number] ?? '';
  if (!/^\d{1,3}[.．、]\s*[\u4e00-\u9fa5]/.test(only) || cells.some((cell, at) => at !== columns.number && cell !== '')) return cells;
  return Array.from({ length: Math.max(cells.length, columns.title + 1) }, (_, at) => (at === columns.title ? only : at === columns.number ? '' : (cells[at] ?? '')));
}

/** Whether a task-column cell is the next numbered item after the task's last ("3.旅行社取得…" then "4.旅行社经营…"): an item of its own. */
function nextItem(titleCell: string, task: DraftNode): boolean {
  const last = task.children.at(-1)?.title ?? task.title;
  const [previous, next] = [last, squash(titleCell)].map((text) => /^(\d{1,3})[.．、]/.exec(text)?.[1]);
  return previous !== undefined && next !== undefined && Number(next) === Number(previous) + 1;
}

/**
 * Whether a row under a merged 序号 is a task of its own rather than more of the task above: it names its own work
 * (a sentence, not a word or two), its own units and its own deadline, each filled in the row itself.
 */
function ownTask(titleCell: string, unitCell: string, deadlineCell: string, task: DraftNode): boolean {
  const work = squash(titleCell);
  return work.length >= 6 && unitCell.trim() !== '' && deadlineCell.trim() !== '' && task.unitText.trim() !== '' && task.deadlineText.trim() !== '';
}

function addRequirement(task: DraftNode, printed: string | null, body: string, row: GridRow, units: string, deadline: string) {
  const requirement = squash(body);
  task.children.push(
    node({
      key: `${task.key}.${task.children.length + 1}`,
      number: printed ? printed.replace(/\s+/g, '') : null,
      title: firstSentence(requirement),
      requirement,
      line: row.line,
      excerpt: excerptOf(row),
      unitText: units,
      deadlineText: deadline,
    }),
  );
}

/** One numbered row per task under spanned category columns (seed 002). */
function readCategoryRows(rows: readonly GridRow[], columns: ColumnMap, width: number): DraftNode[] {
  const tasks: DraftNode[] = [];
  let level1 = '';
  let level2 = '';
  let lastUnits = '';
  const bodyColumn = columns.requirement >= 0 ? columns.requirement : columns.measures;
  rows.forEach((row, index) => {
    let cells = texts(row);
    if (row.orphan || !/^\d+$/.test(cells[columns.number] ?? '')) {
      const previous = Number(tasks.at(-1)?.key ?? 0);
      const next = rows.slice(index + 1).map((r) => cellText(r.cells[columns.number])).find((c) => /^\d+$/.test(c));
      const guess = next !== undefined && Number(next) === previous + 2 ? String(previous + 1) : `${previous}a`;
      const fragment = squash(cells.join(''));
      tasks.push(
        node({
          key: guess,
          title: '（原文缺少任务内容）',
          categories: [level1, level2].filter(Boolean),
          line: row.line,
          excerpt: fragment,
          unitText: fragment,
          warnings: [`第${row.line}行：这一行只有“${fragment.slice(0, 30)}”，没有序号和任务内容（表格可能损坏）；已记为第${guess}项，请核对原文`],
        }),
      );
      lastUnits = fragment;
      return;
    }
    // A row with one category cell fewer has no second-level category.
    if (cells.length === width - 1) cells = [...cells.slice(0, columns.title + 1), '', ...cells.slice(columns.title + 1)];
    const category1 = cells[columns.title] ?? '';
    const category2 = cells[columns.title + 1] ?? '';
    if (category1 && squash(category1) !== level1) {
      level1 = squash(category1);
      level2 = '';
    }
    if (category2) level2 = squash(category2);
    const units = unitTextOf(cells, columns) || lastUnits;
    lastUnits = units;
    const requirement = squash(cells[bodyColumn] ?? '');
    const number = cells[columns.number]!;
    tasks.push(
      node({
        key: number,
        number,
        title: firstSentence(requirement),
        requirement,
        categories: [level1, level2].filter(Boolean),
        line: row.line,
        excerpt: excerptOf(row),
        unitText: units,
        leaderText: leaderTextOf(cells, columns),
        deadlineText: deadlineTextOf(cells, columns),
        warnings: [...(row.warnings ?? [])],
      }),
    );
  });
  return tasks;
}

/** "一、" category and "(一)" task cells, numbered measures (seed 004). */
function readHeadingRows(rows: readonly GridRow[], columns: ColumnMap): DraftNode[] {
  const nodes: DraftNode[] = [];
  let category = '';
  let categoryIndex = 0;
  let taskIndex = 0;
  // Seed 004 gives the 一、 category a column of its own, beside the （一） task in the same row; other tables
  // give it a row of its own above the tasks, whose （一） then sits in the task column.
  const categoryColumn = rows.some((row) => CATEGORY.test(cellText(row.cells[0])) && texts(row).filter(Boolean).length >= 2);
  const taskAt = categoryColumn ? 1 : 0;
  const measuresAt = taskAt + 1;
  for (const row of rows) {
    let cells = texts(row);
    if (!categoryColumn && CATEGORY.test(cells[0] ?? '') && cells.filter(Boolean).length === 1) {
      category = squash(cells[0]!);
      categoryIndex++;
      taskIndex = 0;
      continue;
    }
    // Text tables drop the category cell where Word merged it; grids keep it empty.
    if (categoryColumn && !CATEGORY.test(cells[0] ?? '') && cells[0] !== '') cells = ['', ...cells];
    // A numbered measure the page put in the task column (the merged （一） cell above it was dropped) is the measure.
    if (!categoryColumn && /^\d{1,2}\s*[.、．]/.test(cells[taskAt] ?? '') && !(cells[measuresAt] ?? '').trim()) {
      cells = cells.map((cell, index) => (index === taskAt ? '' : index === measuresAt ? cells[taskAt]! : cell));
    }
    if (categoryColumn && CATEGORY.test(cells[0]!)) {
      category = squash(cells[0]!);
      categoryIndex++;
      taskIndex = 0;
    }
    const taskCell = cells[taskAt] ?? '';
    const measures = cells[measuresAt] ?? '';
    const units = unitTextOf(cells, columns);
    const deadlineText = deadlineTextOf(cells, columns);
    const open = nodes.at(-1);
    // A row under a merged task cell (its （一） spans several rows): more measures of that task, each with its own units and deadline.
    if (taskCell.trim() === '' && measures.trim() !== '' && open && !(categoryColumn && CATEGORY.test(cells[0]!))) {
      const single = (text: string) => {
        const printed = /^(\d{1,2})\s*[．.、](?!\d)\s*/.exec(text.trim());
        return [{ number: printed ? printed[1]! : null, text: printed ? text.trim().slice(printed[0].length) : text.trim() }];
      };
      // The task's own measure becomes its first item, beside the rows' items.
      if (open.children.length === 0 && open.requirement) {
        for (const item of single(open.requirement)) {
          // It was the task's own row: its units and deadline are the item's too.
          open.children.push(node({ key: `${open.key}.1`, number: item.number, title: firstSentence(squash(item.text)), requirement: squash(item.text), categories: open.categories, line: open.line, excerpt: item.text, unitText: open.unitText, deadlineText: open.deadlineText }));
        }
      }
      const items = splitNumberedItems(measures) ?? single(measures);
      for (const item of items) {
        open.children.push(
          node({
            key: `${open.key}.${open.children.length + 1}`,
            number: item.number,
            title: firstSentence(squash(item.text)),
            requirement: squash(item.text),
            categories: open.categories,
            line: row.line,
            excerpt: item.text,
            unitText: units,
            deadlineText,
          }),
        );
      }
      continue;
    }
    taskIndex++;
    const printed = TASK.exec(taskCell);
    // "14.改扩建泉山学校…": a task numbered through the whole table keeps its own number.
    const numberedTitle = /^(\d{1,3})\s*[.、．](?!\d)/.exec(taskCell);
    const title = squash(taskCell.replace(TASK, '').replace(/^\d{1,3}\s*[.、．](?!\d)/, '')).replace(/[。.]$/, '');
    const key = numberedTitle ? numberedTitle[1]! : `${categoryIndex}.${taskIndex}`;
    const parent = node({
      key,
      number: printed ? `（${printed[1]}）` : numberedTitle ? numberedTitle[1]! : null,
      leaderText: leaderTextOf(cells, columns),
      title,
      requirement: squash(measures),
      categories: category ? [category] : [],
      line: row.line,
      excerpt: excerptOf(row),
      unitText: units,
      deadlineText,
      warnings: units ? [...(row.warnings ?? [])] : [`第${row.line}行：“${title.slice(0, 20)}”没有写明牵头科室`],
    });
    for (const [index, item] of (splitNumberedItems(measures) ?? []).entries()) {
      parent.children.push(
        node({
          key: `${key}.${index + 1}`,
          number: item.number,
          title: firstSentence(squash(item.text)),
          requirement: squash(item.text),
          categories: parent.categories,
          line: row.line,
          excerpt: item.text,
        }),
      );
    }
    nodes.push(parent);
  }
  return nodes;
}

/** Whether a column's filled cells are mostly figures (1300人, 8950, 54%): targets, not text. */
function mostlyFigures(body: readonly GridRow[], at: number): boolean {
  const values = body.map((row) => cellText(row.cells[at])).filter(Boolean);
  // A whole number (26000, 4000) reads as a row number alone; in this column it is a figure too.
  return values.length >= 2 && values.filter((value) => ['figure', 'number'].includes(cellKind(value))).length >= values.length * 0.6;
}
