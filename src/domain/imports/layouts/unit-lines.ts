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
 * Every such pair is a task, numbered in order; a document with none is
 * still refused. Tried only when every other reader found nothing, so a
 * document any other reader understands is read as before.
 */
import { type DraftNode, type DraftPlan, firstSentence } from '../draft.js';
import { squash } from '../normalize-text.js';
import { cellKind } from './cell-kinds.js';

/** A line of task text: a sentence or a name long enough to be a task, not a unit list, a date or a figure. */
const isTaskText = (line: string) => line.length >= 8 && cellKind(line) === 'text';

/** Reads task-then-units lines; undefined when there are none. */
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
    nodes.push({
      key: String(nodes.length + 1),
      number: null,
      title: firstSentence(task),
      requirement: task,
      categories: [],
      line: above + 1,
      excerpt: [task, line, deadline].filter(Boolean).join('\n'),
      unitText: line,
      deadlineText: deadline,
      children: [],
      warnings: [],
    });
  }
  if (nodes.length === 0) return undefined;
  return {
    layout: 'unit-lines',
    nodes,
    defaultRole: 'responsible',
    unitsAreSections: false,
    warnings: [{ line: null, message: '没有找到表头或编号，按“任务一行、负责单位一行”的写法读出了任务，请逐条核对' }],
  };
}
