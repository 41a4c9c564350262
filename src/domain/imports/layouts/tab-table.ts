/**
 * Reads tables exported from Word as tab-indented text (seeds 000 and 002):
 * each cell starts with a tab, rows are separated by blank lines, a line
 * without a tab continues the cell above (unit names broken across lines),
 * and an empty cell inherits the cell above it (merged cells).
 *
 * Two shapes are handled:
 * - task rows with sub-requirement rows (序号 only on the first row of a task;
 *   Word sometimes leaves stray row numbers "1 " on the others);
 * - one numbered row per task with one or two category columns before the text.
 */
import { type DraftNode, type DraftPlan, splitNumberedItems, firstSentence } from '../draft.js';
import { squash } from '../normalize-text.js';
import { looksLikeHeader, mapColumns, type ColumnMap } from './columns.js';

interface Cell {
  text: string;
  line: number;
}

interface Row {
  cells: Cell[];
  line: number;
  /** Started by text after two or more blank lines: a fragment of a damaged row. */
  orphan: boolean;
}

/** Splits the document into rows of cells. */
function tokenize(lines: readonly string[]): Row[] {
  const rows: Row[] = [];
  let blanks = 0;
  let current: Row | undefined;
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (line.startsWith('\t')) {
      const startsRow = current === undefined || blanks > 0;
      if (startsRow && !(current?.orphan && current.cells.length === 1 && !/^\t\s*\d+\s*$/.test(line))) {
        current = { cells: [], line: lineNo, orphan: false };
        rows.push(current);
      }
      if (current!.orphan && current!.cells.length === 1 && startsRow) current!.cells[0]!.text += line.slice(1);
      else current!.cells.push({ text: line.slice(1), line: lineNo });
      blanks = 0;
    } else if (line.trim() === '') {
      blanks++;
    } else if (current === undefined) {
      // Title and notes above the table.
    } else if (TRAILER.test(line.trim())) {
      blanks = 0;
    } else if (blanks >= 2) {
      current = { cells: [{ text: line, line: lineNo }], line: lineNo, orphan: true };
      rows.push(current);
      blanks = 0;
    } else {
      current.cells.at(-1)!.text += `\n${line}`;
      blanks = 0;
    }
  });
  return rows;
}

/** Lines after the table that are document metadata, not table content. */
const TRAILER = /^(公开方式|抄送|附件|印发|主题词)[:：]/;

const text = (cell: Cell | undefined) => (cell?.text ?? '').trim();

/** Reads a tab-indented table; undefined when the text is not one. */
export function readTabTable(lines: readonly string[]): DraftPlan | undefined {
  if (lines.filter((line) => line.startsWith('\t')).length < 10) return undefined;
  const rows = tokenize(lines);
  const headerIndex = rows.findIndex((row) => looksLikeHeader(row.cells.map((cell) => cell.text.trim())));
  if (headerIndex < 0) return undefined;
  const header = rows[headerIndex]!.cells.map((cell) => cell.text.trim());
  const columns = mapColumns(header)!;
  const body = rows.slice(headerIndex + 1).filter((row) => row.cells.some((cell) => cell.text.trim() !== ''));
  const categoryShape = body.some((row) => row.cells.length === header.length + 1);
  const warnings: DraftPlan['warnings'] = [];
  const nodes = categoryShape
    ? readCategoryRows(body, header.length)
    : readTaskRows(body, columns, warnings);
  return {
    layout: 'tab-table',
    nodes,
    defaultRole: columns.defaultRole,
    spaceSeparates: false,
    unitsAreSections: columns.sections,
    warnings,
  };
}

function excerptOf(row: Row): string {
  return row.cells.map((cell) => cell.text.trim()).filter(Boolean).join(' | ');
}

/** Shape 1: a task row followed by its sub-requirement rows (seed 000). */
function readTaskRows(rows: readonly Row[], columns: ColumnMap, warnings: DraftPlan['warnings']): DraftNode[] {
  const tasks: DraftNode[] = [];
  let task: DraftNode | undefined;
  let lastUnits = '';
  let lastDeadline = '';
  const requirementColumn = columns.requirement >= 0 ? columns.requirement : columns.measures;
  for (const row of rows) {
    const number = text(row.cells[columns.number]);
    const title = squash(text(row.cells[columns.title]));
    const requirement = text(row.cells[requirementColumn]);
    const unitCell = text(row.cells[columns.units]);
    const deadlineCell = columns.deadline >= 0 ? text(row.cells[columns.deadline]) : '';
    if (/^\d+$/.test(number) && title !== '') {
      task = {
        key: number,
        number,
        title,
        requirement: '',
        categories: [],
        line: row.line,
        excerpt: excerptOf(row),
        unitText: '',
        deadlineText: '',
        children: [],
        warnings: [],
      };
      tasks.push(task);
      lastUnits = '';
      lastDeadline = '';
    } else if (!task) {
      warnings.push({ line: row.line, message: `表格开头的一行没有序号和任务，已跳过：${squash(excerptOf(row)).slice(0, 40)}` });
      continue;
    }
    // Empty cells are merged with the cell above.
    const units = unitCell || lastUnits;
    const deadline = deadlineCell || lastDeadline;
    lastUnits = units;
    lastDeadline = deadline;
    const items = splitNumberedItems(requirement);
    const leading = /^(\d{1,2})\s*[．.、]/.exec(requirement);
    if (items) {
      for (const item of items) addRequirement(task, item.number, item.text, row, units, deadline);
    } else if (leading) {
      addRequirement(task, leading[0], requirement.slice(leading[0].length).trim(), row, units, deadline);
    } else if (task.children.length === 0 && task.requirement === '') {
      task.requirement = squash(requirement);
      task.unitText = units;
      task.deadlineText = deadline;
    } else {
      const next = String(task.children.length + 1);
      addRequirement(task, null, requirement, row, units, deadline);
      task.warnings.push(`第${row.line}行：这条要求没有编号，已记为第${next}条`);
    }
  }
  for (const node of tasks) {
    if (node.children.length > 0) node.requirement = node.children.map((child) => `${child.number ?? ''}${child.requirement}`).join('\n');
  }
  return tasks;
}

function addRequirement(task: DraftNode, printed: string | null, body: string, row: Row, units: string, deadline: string) {
  const index = task.children.length + 1;
  const requirement = squash(body);
  task.children.push({
    key: `${task.key}.${index}`,
    number: printed ? printed.replace(/\s+/g, '') : null,
    title: firstSentence(requirement),
    requirement,
    categories: [],
    line: row.line,
    excerpt: excerptOf(row),
    unitText: units,
    deadlineText: deadline,
    children: [],
    warnings: [],
  });
}

/** Shape 2: one numbered row per task, with one or two category columns (seed 002). */
function readCategoryRows(rows: readonly Row[], headerLength: number): DraftNode[] {
  const tasks: DraftNode[] = [];
  let level1 = '';
  let level2 = '';
  let lastUnits = '';
  rows.forEach((row, index) => {
    const cells = row.cells.map((cell) => cell.text.trim());
    if (row.orphan || !/^\d+$/.test(cells[0] ?? '')) {
      const previous = Number(tasks.at(-1)?.key ?? 0);
      const next = rows.slice(index + 1).map((r) => r.cells[0]?.text.trim() ?? '').find((c) => /^\d+$/.test(c));
      const guess = next !== undefined && Number(next) === previous + 2 ? String(previous + 1) : `${previous}a`;
      const fragment = squash(cells.join(''));
      const message = `第${row.line}行：这一行只有“${fragment.slice(0, 30)}”，没有序号和任务内容（表格可能损坏）；已记为第${guess}项，请核对原文`;
      tasks.push({
        key: guess,
        number: null,
        title: '（原文缺少任务内容）',
        requirement: '',
        categories: [level1, level2].filter(Boolean),
        line: row.line,
        excerpt: fragment,
        unitText: fragment,
        deadlineText: '',
        children: [],
        warnings: [message],
      });
      lastUnits = fragment;
      return;
    }
    const [number, first, second, third, fourth] = cells as [string, string, string, string, string];
    let category1: string;
    let category2: string;
    let body: string;
    let units: string;
    if (cells.length >= headerLength + 1) {
      [category1, category2, body, units] = [first, second, third, fourth ?? ''];
    } else {
      [category1, category2, body, units] = [first, '', second, third ?? ''];
    }
    if (category1 && category1 !== level1) {
      level1 = squash(category1);
      level2 = '';
    }
    if (category2) level2 = squash(category2);
    units = units || lastUnits;
    lastUnits = units;
    const requirement = squash(body);
    tasks.push({
      key: number,
      number,
      title: firstSentence(requirement),
      requirement,
      categories: [level1, level2].filter(Boolean),
      line: row.line,
      excerpt: excerptOf(row),
      unitText: units,
      deadlineText: '',
      children: [],
      warnings: [],
    });
  });
  return tasks;
}
