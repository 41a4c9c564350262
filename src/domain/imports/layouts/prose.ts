/**
 * Reads plans written as prose (seed 001): sections 一、 and (一), numbered
 * items "1.…", each naming its units in a trailing parenthesis
 * "(市财政局牵头，会同有关部门和各县区政府落实)". An item with several such
 * parentheses is split into parts, each with its own units.
 */
import { type DraftNode, type DraftPlan, firstSentence } from '../draft.js';
import { squash } from '../normalize-text.js';

const LEVEL1 = /^([一二三四五六七八九十]+)、\s*(.+)$/;
const LEVEL2 = /^[(（]([一二三四五六七八九十]+)[)）]\s*(.+)$/;
const ITEM = /^(\d{1,3})\s*[.．、]\s*(.+)$/;
/** A parenthesis that assigns work: it ends with a role verb. */
const ASSIGNMENT = /[(（]([^()（）]{2,200}?(牵头|负责|落实|配合|承办|实施))[)）]/g;

/** Reads numbered items under headings; undefined when there are fewer than three. */
export function readProse(lines: readonly string[]): DraftPlan | undefined {
  const nodes: DraftNode[] = [];
  const warnings: DraftPlan['warnings'] = [];
  let level1 = '';
  let level2 = '';
  let sectionHasItems = false;
  const skipped: string[] = [];
  const closeSection = () => {
    if (level1 && !sectionHasItems) skipped.push(level1);
  };
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const lineNo = index + 1;
    let match: RegExpExecArray | null;
    if ((match = LEVEL1.exec(line)) && line.length <= 40) {
      closeSection();
      level1 = squash(line);
      level2 = '';
      sectionHasItems = false;
    } else if ((match = LEVEL2.exec(line)) && line.length <= 40) {
      level2 = squash(line);
    } else if ((match = ITEM.exec(line)) && level1) {
      sectionHasItems = true;
      nodes.push(readItem(match[1]!, match[2]!, [level1, level2].filter(Boolean), lineNo, line));
    }
  });
  closeSection();
  if (nodes.length < 3) return undefined;
  if (skipped.length > 0) {
    warnings.push({ line: null, message: `没有编号任务的部分未作为任务导入：${skipped.join('、')}` });
  }
  return { layout: 'prose', nodes, defaultRole: 'responsible', unitsAreSections: false, warnings };
}

function readItem(number: string, body: string, categories: string[], line: number, excerpt: string): DraftNode {
  const assignments = [...body.matchAll(ASSIGNMENT)];
  const requirement = squash(body.replace(ASSIGNMENT, ''));
  const node: DraftNode = {
    key: number,
    number: `${number}.`,
    title: firstSentence(requirement),
    requirement,
    categories,
    line,
    excerpt,
    unitText: '',
    deadlineText: '',
    children: [],
    warnings: [],
  };
  if (assignments.length === 0) {
    node.warnings.push(`第${line}行：第${number}项没有写明责任单位`);
  } else if (assignments.length === 1) {
    node.unitText = assignments[0]![1]!;
  } else {
    let start = 0;
    assignments.forEach((assignment, index) => {
      const part = squash(body.slice(start, assignment.index).replace(ASSIGNMENT, '')).replace(/^[。；;，,\s]+/, '');
      start = assignment.index! + assignment[0].length;
      node.children.push({
        key: `${number}.${index + 1}`,
        number: null,
        title: firstSentence(part),
        requirement: part,
        categories,
        line,
        excerpt: `${part}${assignment[0]}`,
        unitText: assignment[1]!,
        deadlineText: '',
        children: [],
        warnings: [],
      });
    });
  }
  return node;
}
