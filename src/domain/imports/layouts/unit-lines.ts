/**
 * The last reading of a document no other reader understood: task text
 * followed by a line that is only a list of units (and perhaps one that is
 * only a deadline), as a table flattened under a header none of our words
 * name, or notes that put the bureau under each task, give them:
 *
 *   推进城区污水管网改造工程建设
 *   县住建局、县财政局
 *   2024年6月底前
 *
 * or all three on one line, parted by spaces.
 *
 * Every such pair is a task, numbered in order; a document with none is
 * still refused. Tried only when every other reader found nothing, so a
 * document any other reader understands is read as before.
 */
import { type DraftNode, type DraftPlan, draftNode, firstSentence } from '../draft.js';
import { squash } from '../normalize-text.js';
import { cellKind } from './cell-kinds.js';

/** A line of task text: a sentence or a name long enough to be a task, not a unit list, a date or a figure. */
const isTaskText = (line: string) => line.length >= 8 && cellKind(line) === 'text';

/** The `count + 1`th task these readers find: its text, where it is, and the units and deadline written with it. */
function taskOfLine(count: number, task: string, line: number, excerpt: string, unitText: string, deadlineText: string): DraftNode {
  return draftNode({ key: String(count + 1), title: firstSentence(task), requirement: task, line, excerpt, unitText, deadlineText });
}

/**
 * Rows of a table a page flattened with spaces whose header was lost: the task, then its units, then
 * perhaps a deadline, on one line ("推进城区污水管网改造工程建设 县住建局 2023年6月"). Two such lines at
 * least, so that a sentence that happens to end with a bureau's name is not a table.
 */
function sameLineRows(text: readonly string[]): DraftNode[] {
  const rows: DraftNode[] = [];
  text.forEach((line, index) => {
    const pieces = line.split(' ').filter(Boolean);
    if (pieces.length < 2 || line.length > 200) return;
    // The units come after the task's words, and only a deadline (or nothing) after them.
    const at = pieces.findIndex((piece, position) => position > 0 && cellKind(piece) === 'units');
    if (at < 0) return;
    const task = pieces.slice(0, at).join(' ');
    const after = pieces.slice(at + 1);
    if (!isTaskText(task) || after.length > 1 || (after.length === 1 && cellKind(after[0]!) !== 'deadline')) return;
    rows.push(taskOfLine(rows.length, task, index + 1, line, pieces[at]!, after[0] ?? ''));
  });
  return rows.length >= 2 ? rows : [];
}

/** Reads task-then-units lines, or task, units and deadline on one line; undefined when there are none. */
export function readUnitLines(lines: readonly string[]): DraftPlan | undefined {
  const text = lines.map((line) => squash(line.replace(/\|/g, ' ')));
  const nodes: DraftNode[] = [];
  for (let index = 1; index < text.length; index++) {
    const line = text[index]!;
    // A notice's addressees ("各乡镇：", "各县区人民政府，市直各部门：") are who it is sent to, not a task's units.
    if (line.length > 60 || /[:：]$/.test(line) || cellKind(line) !== 'units') continue;
    // The task is the nearest line above with text, within a blank line or two.
    let above = index - 1;
    while (above > 0 && text[above] === '' && index - above < 3) above--;
    const task = text[above]!;
    if (!isTaskText(task)) continue;
    let after = index + 1;
    while (after < text.length && text[after] === '') after++;
    const next = text[after] ?? '';
    const deadline = cellKind(next) === 'deadline' ? next : '';
    nodes.push(taskOfLine(nodes.length, task, above + 1, [task, line, deadline].filter(Boolean).join('\n'), line, deadline));
  }
  if (nodes.length === 0) nodes.push(...sameLineRows(text));
  if (nodes.length === 0) return undefined;
  return {
    layout: 'unit-lines',
    nodes,
    defaultRole: 'responsible',
    unitsAreSections: false,
    warnings: [{ line: null, message: '没有找到表头或编号，按“任务、负责单位（和完成时限）”的写法读出了任务，请逐条核对' }],
  };
}
