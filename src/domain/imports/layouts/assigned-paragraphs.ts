/**
 * Reads plans (and progress reports) that list their tasks as plain
 * paragraphs, unnumbered, each saying who does it: "城镇新增就业1000万人
 * 以上。这项工作由人力资源社会保障部负责，…" or "…（市财政局牵头，市税务局
 * 配合）". Each such paragraph is a task; paragraphs without an assignment
 * are the headings and prose around them, except that a paragraph followed
 * by a label line of its own (责任单位：…) is a task with those units. A
 * heading that names a leader (车俊省长牵头重点工作) gives that leader to the
 * paragraphs under it. The last reader tried: a
 * numbered or tabled reading of the same text wins.
 */
import { DUTY_OPENING, readAssignment } from '../assignment.js';
import { type DraftNode, type DraftPlan, firstSentence } from '../draft.js';
import { squash } from '../normalize-text.js';
import { leadersOfHeading } from '../people.js';
import { looksLikeUnits } from './cell-kinds.js';
import { joinRecordFields, TASK_LABEL_AT_START } from './record-fields.js';
import { cutBefore } from '../line-cuts.js';

/** A bullet before a paragraph (◆ ● ■ ▲ ★ ➢ …, a dash ——): how the list is drawn, not the task's words. */
const BULLET = /^(?:[◆◇●○■□▲△▶►•·★☆➢➤✓√※▪▫❖]|[—－-]{1,2}(?=[\u4e00-\u9fa5]))\s*/;

/** Reads assigned paragraphs; undefined when fewer than two paragraphs assign work. */
export function readAssignedParagraphs(lines: readonly string[]): DraftPlan | undefined {
  const nodes: DraftNode[] = [];
  let heading = '';
  let headingLeaders = '';
  // The last paragraph that named nobody: a label line right under it ("责任单位：省财政厅") makes it a task.
  let unassigned: { text: string; line: number } | undefined;
  const push = (text: string, line: number, excerpt: string, assignment: ReturnType<typeof readAssignment>) => {
    nodes.push({
      key: String(nodes.length + 1),
      number: null,
      title: firstSentence(text),
      requirement: text,
      categories: heading ? [heading] : [],
      line,
      excerpt,
      unitText: assignment.unitText,
      leaderText: assignment.leaderText || headingLeaders,
      deadlineText: assignment.deadlineText,
      children: [],
      warnings: [],
    });
  };
  // A label line right under a task made from the paragraph above it adds to that task (责任单位：… / 配合单位：… / 完成时限：…).
  let labelledTask: DraftNode | undefined;
  // Whether a task was made from a paragraph and label lines of its own (a one-record form).
  let labelledOnce = false;
  joinRecordFields(lines).forEach((raw, index) => {
    for (const line of splitDutyList(squash(raw).replace(BULLET, '').replace(TASK_LABEL_AT_START, ''))) readLine(line, index);
  });
  function readLine(line: string, index: number) {
    if (line.length < 8 || line.length > 600) {
      // "车俊省长牵头重点工作" is a heading of eight characters or more; shorter lines are neither heading nor paragraph.
      if (line.length > 0 && line.length < 8) unassigned = labelledTask = undefined;
      return;
    }
    const assignment = readAssignment(line);
    // A deadline or leader label of its own ("完成时限：1月底前完成") under a labelled task is that task's.
    if (assignment.unitText === '' && labelledTask && (assignment.deadlineText || assignment.leaderText) && squash(assignment.rest).replace(/[\p{P}\s]/gu, '').length < 6) {
      addLabelLine(labelledTask, assignment, line);
      return;
    }
    if (assignment.unitText === '') {
      // A short line without an assignment is a heading for the paragraphs below it; a heading may name the leader of its items.
      // "一、经济发展（责任领导：刘强）": a heading naming only its items' leader by a label.
      const headingText = assignment.leaderText ? squash(assignment.rest) : line;
      if (headingText.length <= 30 && !/[。，,；;：:]/.test(headingText)) {
        heading = headingText;
        headingLeaders = assignment.leaderText || leadersOfHeading(line).join('、');
        unassigned = undefined;
      } else unassigned = { text: line, line: index + 1 };
      labelledTask = undefined;
      return;
    }
    const text = squash(assignment.rest);
    // A label line on its own ("责任单位：区发改委") belongs to the paragraph above it, when that paragraph named nobody.
    if (text.replace(/[\p{P}\s]/gu, '').length < 6) {
      if (unassigned) {
        push(unassigned.text, unassigned.line, `${unassigned.text}\n${line}`, assignment);
        labelledTask = nodes.at(-1);
        labelledOnce = true;
      } else if (labelledTask) addLabelLine(labelledTask, assignment, line);
      unassigned = undefined;
      return;
    }
    unassigned = labelledTask = undefined;
    push(text, index + 1, line, assignment);
  }
  // One task is a plan when its units came by label lines of its own (a one-record form), not by a sentence in passing.
  if (nodes.length === 0 || (nodes.length === 1 && !labelledOnce)) return undefined;
  return { layout: 'paragraphs', nodes, defaultRole: 'responsible', unitsAreSections: false, warnings: [] };
}

/** A label line's units, deadline and leaders added to the task it stands under. */
function addLabelLine(task: DraftNode, assignment: ReturnType<typeof readAssignment>, line: string): void {
  task.unitText = [task.unitText, assignment.unitText].filter(Boolean).join('；');
  task.deadlineText = [task.deadlineText, assignment.deadlineText].filter(Boolean).join('；');
  task.leaderText = [task.leaderText, assignment.leaderText].filter(Boolean).join('、');
  task.excerpt += `\n${line}`;
}

/** Where a run-on duty list names its next unit: "…。县交通局、公路局。负责…", "…如下：县环保局。负责…". */
const NEXT_DUTY = new RegExp(`(?<=[。；;:：])\\s*([^。；;：:，,]{2,30}?)(?:[：:]|。)(?=\\s*(?:主要)?${DUTY_OPENING})`, 'g');

/**
 * A paragraph that runs a duty list together ("各组成单位及其职责如下：县环保局。负责…。
 * 县交通局、公路局。负责…") is cut before each unit that opens a duty, when it names two or more.
 */
function splitDutyList(line: string): string[] {
  const clauses = assignedClauses(line);
  if (clauses) return clauses;
  const starts = [...line.matchAll(NEXT_DUTY)].filter((match) => looksLikeUnits(match[1]!)).map((match) => match.index!);
  if (starts.length < 2) return [line];
  return cutBefore(line, starts);
}

/** A clause that hands work to a unit, in a sentence of several: "；由丹凤街道牵头，县自然资源局配合，在12月底前完成…". */
const ASSIGNED_CLAUSE = /(?<=^|[；;。，,：:])\s*由([^，,；;。由]{2,30}?)(?:牵头|负责)/g;

/**
 * A paragraph that hands out its tasks as clauses parted by ；, each opening with 由X牵头 (a meeting report: "会议要求，由县发改局牵头，
 * …在9月底前完成…；由县工业园区管委会牵头，…在12月底前完成…。其他部门要积极配合…"): one clause a task, from its 由 to the next
 * clause or the sentence's end; undefined when it hands out fewer than two.
 */
function assignedClauses(line: string): string[] | undefined {
  const starts = [...line.matchAll(ASSIGNED_CLAUSE)].filter((match) => looksLikeUnits(match[1]!)).map((match) => match.index! + match[0].search(/由/));
  // Each clause after the first follows a ；: a list of tasks, not a sentence naming two units in passing.
  if (starts.length < 2 || !starts.slice(1).every((start) => /[；;]\s*$/.test(line.slice(0, start)))) return undefined;
  return starts.map((start, index) => {
    const clause = line.slice(start, starts[index + 1] ?? line.length).replace(/[；;]\s*$/, '');
    // The last runs to its sentence's end: what follows (其他涉及部门要积极配合…) is said of them all.
    return index === starts.length - 1 ? clause.replace(/。[^]*$/, '。') : clause;
  });
}
